package store

import (
	"context"
	"path/filepath"
	"testing"
)

// TestQueueToMeasureNeverRunsNormalOutsideTheTempFolder: the bench may open its own
// queue with synchronous=NORMAL to measure what FULL costs, but no flag may make a
// practice's queue acknowledge requests that a power cut could lose.
func TestQueueToMeasureNeverRunsNormalOutsideTheTempFolder(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		path        string
		synchronous string
		want        int // SQLite's PRAGMA synchronous: 1 NORMAL, 2 FULL; 0 refused
	}{
		{"a practice's queue, normal", "/var/lib/triagedesk/queue.db", "normal", 0},
		{"the temp folder's parent, normal", filepath.Join(t.TempDir(), "..", "..", "..", "queue.db"), "normal", 0},
		{"a bench queue, normal", filepath.Join(t.TempDir(), "queue.db"), "normal", 1},
		{"a bench queue, full", filepath.Join(t.TempDir(), "queue.db"), "full", 2},
		{"a bench queue, off", filepath.Join(t.TempDir(), "queue.db"), "off", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := OpenQueueToMeasure(ctx, tt.path, tt.synchronous)
			if tt.want == 0 {
				if err == nil {
					q.Close()
					t.Fatalf("opened %s with synchronous %s", tt.path, tt.synchronous)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer q.Close()
			var got int
			if err := q.w.GetContext(ctx, &got, `PRAGMA synchronous`); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("synchronous %d, want %d", got, tt.want)
			}
		})
	}
}
