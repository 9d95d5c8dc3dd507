package store

import (
	"context"
	"path/filepath"
	"testing"
)

// TestQueueIsDurableAgainstAPowerCut: the queue acknowledges a patient's request only
// once it is on disk (synchronous=FULL on every connection that writes); the desk's
// cache, which can be rebuilt from the queue, may stay NORMAL.
func TestQueueIsDurableAgainstAPowerCut(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	c, err := OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tt := range []struct {
		name string
		db   *DB
		want int // 1 NORMAL, 2 FULL
	}{{"queue", q.DB, 2}, {"cache", c.DB, 1}} {
		var got int
		if err := tt.db.w.GetContext(ctx, &got, `PRAGMA synchronous`); err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s: synchronous=%d, want %d", tt.name, got, tt.want)
		}
	}
}
