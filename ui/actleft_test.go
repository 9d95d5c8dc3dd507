package ui

import (
	"context"
	"sync"
	"testing"

	"triagedesk/triage"
)

// heldActor passes actions to the real one but holds the answer until release is
// closed: an action still being sent when the person leaves the request.
type heldActor struct {
	Actor
	started chan struct{}
	release chan struct{}
}

func (h heldActor) Act(ctx context.Context, a triage.Action) (triage.Request, error) {
	r, err := h.Actor.Act(ctx, a)
	close(h.started)
	<-h.release
	return r, err
}

// presenceCount passes the desk's link through, counting the presence it announces.
type presenceCount struct {
	Sync
	mu   sync.Mutex
	said map[int64]int
}

func (p *presenceCount) Presence(ctx context.Context, id int64, activity string) ([]Viewer, error) {
	p.mu.Lock()
	p.said[id]++
	p.mu.Unlock()
	return p.Sync.Presence(ctx, id, activity)
}

// TestActionAnsweredAfterEscDoesNotReopenTheRequest: a reviewer raises a request's
// priority and presses Esc while it is being sent. When the answer comes the request is
// no longer on screen: the desk must not load it again behind the list, nor tell the
// queue (and so the other staff) that the reviewer is still viewing it.
func TestActionAnsweredAfterEscDoesNotReopenTheRequest(t *testing.T) {
	f := newFixture(t)
	var it triage.QueueItem
	for _, r := range f.d.Inbox.Rows() {
		if r.Priority == triage.Routine {
			it = r
			break
		}
	}
	if it.ID == 0 {
		t.Fatal("no routine request in the inbox")
	}
	user(func() { f.d.Open(it) })
	held := heldActor{Actor: f.d.actor, started: make(chan struct{}), release: make(chan struct{})}
	seen := &presenceCount{Sync: f.d.sync, said: map[int64]int{}}
	Quiet(func() {
		f.d.actor, f.d.sync = held, seen
		f.d.Detail.Priority.SetSelected(triage.Soon.Label())
	})
	<-held.started
	Quiet(func() { keysOn(f.w.Canvas(), "<Escape>") })
	if f.d.detailShown() {
		t.Fatal("Esc did not leave the request")
	}
	close(held.release)
	Idle()

	got, err := f.c.Request(context.Background(), it.ID)
	if err != nil || got.Priority != triage.Soon {
		t.Fatalf("the priority sent before Esc was not kept: %v, %v", got.Priority, err)
	}
	var shown, beating bool
	Quiet(func() { shown, beating = f.d.detailShown(), f.d.Detail.stopBeat != nil })
	seen.mu.Lock()
	said := seen.said[it.ID]
	seen.mu.Unlock()
	if shown || said != 0 || beating {
		t.Errorf("after Esc, the answer to the action reopened request %d: on screen %v, presence told the queue %d times, heartbeat running %v",
			it.ID, shown, said, beating)
	}
}
