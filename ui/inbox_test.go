package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"triagedesk/demo"
	"triagedesk/store"
	"triagedesk/triage"
)

func TestInboxShowsTheCacheMostUrgentFirst(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	p := demo.NewPractice(3, 500, now)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 3, Count: 800, Now: now})
	if err := c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	want, err := c.CountInbox(ctx, triage.Filter{})
	if err != nil || want == 0 {
		t.Fatalf("the demo cache has %d new requests (%v): the test needs some", want, err)
	}

	in := NewInbox(c, func() time.Time { return now })
	test.NewTempWindow(t, in.Root)
	<-in.Reload()
	if len(in.rows) != want {
		t.Fatalf("inbox shows %d rows, the cache holds %d new requests", len(in.rows), want)
	}
	for i := 1; i < len(in.rows); i++ {
		a, b := in.rows[i-1], in.rows[i]
		if a.Priority.Rank() > b.Priority.Rank() || a.Priority == b.Priority && a.ReceivedAt.After(b.ReceivedAt) {
			t.Fatalf("row %d (%s, %s) is before row %d (%s, %s)", i-1, a.Priority, a.ReceivedAt, i, b.Priority, b.ReceivedAt)
		}
	}
	cell := in.createCell()
	in.updateCell(widget.TableCellID{Row: 0, Col: 0}, cell)
	if got := cell.(*widget.Label).Text; got != in.rows[0].Priority.Label() {
		t.Errorf("first cell says %q, want the priority in words", got)
	}
}

func TestDueIn(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		due  time.Duration
		want string
	}{
		{10 * time.Second, "due now"},
		{14 * time.Minute, "in 14 min"},
		{3*time.Hour + 5*time.Minute, "in 3 h 05"},
		{-20 * time.Minute, "overdue 20 min"},
		{-50 * time.Hour, "overdue 2 days"},
	}
	for _, tt := range tests {
		if got := DueIn(now.Add(tt.due), now); got != tt.want {
			t.Errorf("DueIn(%v) = %q, want %q", tt.due, got, tt.want)
		}
	}
}
