package ui

import (
	"context"
	"testing"

	"triagedesk/triage"
)

// TestOwnActionOnAnOpenRequestIsNotAnotherView: a reviewer opens a request once and,
// without leaving it, raises its priority and adds a note. The audit trail must say
// they opened it once, then what they did: a screen shown again after their own
// action is not another view (each had read "opened it" again, as if they had come
// back to it). Opening it again after leaving is a view again.
func TestOwnActionOnAnOpenRequestIsNotAnotherView(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var it triage.QueueItem
	for i := range 40 {
		user(func() { keysOn(f.w.Canvas(), "j") })
		sel, ok := f.d.Inbox.Selected()
		if ok && sel.Priority == triage.Routine {
			it = sel
			break
		}
		if i == 39 {
			t.Fatal("no routine request in the first 40 rows of the inbox")
		}
	}
	views := func() int {
		t.Helper()
		trail, err := f.c.AuditTrail(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range trail {
			if e.Action == "view" && e.Actor == "amy" {
				n++
			}
		}
		return n
	}
	before := views()
	user(func() { keysOn(f.w.Canvas(), "<Return>") })
	if !f.d.detailShown() || f.d.Detail.item.ID != it.ID {
		t.Fatalf("Enter did not open request %d", it.ID)
	}
	user(func() { f.d.Detail.Priority.SetSelected(triage.Soon.Label()) })
	user(func() {
		f.d.Detail.act(triage.Action{Kind: triage.ActNote, Message: "Rang the pharmacy about the repeat."}, false)
	})
	got, err := f.c.Request(ctx, it.ID)
	if err != nil || got.Priority != triage.Soon {
		t.Fatalf("after raising it the request is %v (%v), want Soon", got.Priority, err)
	}
	if !f.d.detailShown() || f.d.Detail.Title.Text == "" || f.d.Detail.item.Priority != triage.Soon {
		t.Fatalf("after the actions the request screen shows %q", f.d.Detail.Title.Text)
	}
	if n := views() - before; n != 1 {
		t.Errorf("opened once, then two actions on it: the audit trail has %d views by the reviewer, want 1", n)
	}
	user(func() { keysOn(f.w.Canvas(), "<Escape>") })
	user(func() { f.d.Open(got) })
	if n := views() - before; n != 2 {
		t.Errorf("opened again after leaving: %d views, want 2", n)
	}
}
