package client_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

// newRequest has a patient submit a new request, so a test does not depend on what the
// demo left in the inbox, and brings it to the given desks.
func (p *practice) newRequest(account int, text string, desks ...*client.Syncer) int64 {
	p.t.Helper()
	ctx := context.Background()
	acc := p.practice.Accounts[account]
	pc, _ := client.New(p.http.URL, p.patients[acc.ID])
	id, err := pc.Submit(ctx, 0, triage.Admin, text)
	if err != nil {
		p.t.Fatal(err)
	}
	for _, s := range desks {
		if _, _, err := s.Once(ctx); err != nil {
			p.t.Fatal(err)
		}
	}
	return id
}

// TestAConflictHoldsEveryLaterActionOnTheRequest is the stale "close as no action"
// that closed a request another desk had assigned to physio: desk A assigns to
// medicines and then closes, offline; desk B assigns to physio first. A's assignment
// conflicts, and its close, made on the version A's own assignment would have made,
// matches the queue's version by coincidence. It must be held for a person to look
// at, never sent, and so must any change A makes to the request before the person has
// looked again.
func TestAConflictHoldsEveryLaterActionOnTheRequest(t *testing.T) {
	p := newPractice(t, 50)
	ctx := context.Background()
	cal := triage.DefaultCalendar()
	a, cacheA := p.desk(p.reviewer)
	b, cacheB := p.desk(p.manager)
	id := p.newRequest(4, "sick note for work please", a, b)
	r, _ := cacheA.Request(ctx, id)

	if _, err := cacheA.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: id, BaseVersion: r.Version, Actor: "amy", Team: triage.TeamMedicines}, cal); err != nil {
		t.Fatal(err)
	}
	if _, err := cacheA.Act(ctx, triage.Action{Kind: triage.ActClose, RequestID: id, BaseVersion: r.Version + 1, Actor: "amy", Outcome: triage.OutcomeNoAction}, cal); err != nil {
		t.Fatal(err)
	}
	if _, err := cacheB.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: id, BaseVersion: r.Version, Actor: "mo", Team: triage.TeamPhysio}, cal); err != nil {
		t.Fatal(err)
	}
	if sent, err := b.Push(ctx); err != nil || sent != 1 {
		t.Fatalf("desk B push: %d sent, %v", sent, err)
	}
	if sent, err := a.Push(ctx); err != nil || sent != 0 {
		t.Fatalf("desk A push: %d sent (%v), want 0: its first change conflicted and the second was built on it", sent, err)
	}
	onQueue, _ := p.queue.Request(ctx, id)
	if onQueue.Status == triage.StatusClosed || onQueue.Team != triage.TeamPhysio {
		t.Fatalf("the queue has the request %s, %s team: desk A's stale close was applied", onQueue.Status, onQueue.Team)
	}
	probs, _ := cacheA.Problems(ctx)
	if len(probs) != 2 || probs[0].State != store.OutboxConflict || probs[1].State != store.OutboxHeld {
		t.Fatalf("desk A's outbox problems = %+v, want the conflict and the close held behind it", probs)
	}

	// A change made before the person has looked again waits too: it is kept, not sent,
	// and the person is told why.
	now, _ := cacheA.Request(ctx, id)
	_, err := cacheA.Act(ctx, triage.Action{Kind: triage.ActNote, RequestID: id, BaseVersion: now.Version, Actor: "amy", Message: "called the patient"}, cal)
	if triage.ErrorCode(err) != triage.ECONFLICT || !strings.Contains(triage.ErrorMessage(err), "earlier change") {
		t.Fatalf("a change on a request with a refused change: %v, want it held with a reason", err)
	}
	if sent, err := a.Push(ctx); err != nil || sent != 0 {
		t.Fatalf("desk A push with every change held: %d sent (%v)", sent, err)
	}
	if pending, problems, _ := cacheA.OutboxCounts(ctx); pending != 0 || problems != 3 {
		t.Fatalf("outbox counts %d pending, %d problems; want 0 and 3", pending, problems)
	}

	// The person looks again: dismisses the assignment, redoes the note on the queue's
	// version, dismisses the close. Only the redone note is sent.
	probs, _ = cacheA.Problems(ctx)
	if err := cacheA.Dismiss(ctx, probs[0].ID, "amy"); err != nil {
		t.Fatal(err)
	}
	if err := cacheA.Redo(ctx, probs[2].ID, "amy", cal); err != nil {
		t.Fatal(err)
	}
	if sent, err := a.Push(ctx); err != nil || sent != 0 {
		t.Fatalf("desk A push while the close still waits for a look: %d sent (%v), want 0", sent, err)
	}
	if err := cacheA.Dismiss(ctx, probs[1].ID, "amy"); err != nil {
		t.Fatal(err)
	}
	if sent, err := a.Push(ctx); err != nil || sent != 1 {
		t.Fatalf("desk A push after the person looked again: %d sent (%v), want the redone note", sent, err)
	}
	onQueue, _ = p.queue.Request(ctx, id)
	if onQueue.Status == triage.StatusClosed || onQueue.Team != triage.TeamPhysio || onQueue.Note == "" {
		t.Fatalf("the queue has %s, %s team, note %q: want physio, open, with amy's note", onQueue.Status, onQueue.Team, onQueue.Note)
	}
}

// dropper forwards to the queue but loses the first reply to requests whose path ends
// with suffix, after the queue has acted on them, as a cut connection would.
type dropper struct {
	h       http.Handler
	suffix  string
	dropped atomic.Int32
}

func (d *dropper) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasSuffix(r.URL.Path, d.suffix) || d.dropped.Add(1) > 1 {
		d.h.ServeHTTP(w, r)
		return
	}
	d.h.ServeHTTP(httptest.NewRecorder(), r) // the queue acts; its answer is lost
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

// TestALostReplyIsNotAConflict: the queue accepts an action but the reply is lost. The
// desk sends it again with the same idempotency key and gets the first answer, rather
// than a conflict with its own change.
func TestALostReplyIsNotAConflict(t *testing.T) {
	p := newPractice(t, 50)
	ctx := context.Background()
	cal := triage.DefaultCalendar()
	lossy := httptest.NewServer(&dropper{h: p.srv, suffix: "/$act"})
	defer lossy.Close()
	s, cache := p.desk(p.reviewer)
	id := p.newRequest(5, "fit note please", s)
	c, _ := client.New(lossy.URL, p.reviewer)
	s = client.NewSyncer(c, cache)
	r, _ := cache.Request(ctx, id)
	if _, err := cache.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: id, BaseVersion: r.Version, Actor: "amy", Team: triage.TeamAdmin}, cal); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Push(ctx); !client.IsNetwork(err) {
		t.Fatalf("first push: %v, want the lost reply as a network error", err)
	}
	if sent, err := s.Push(ctx); err != nil || sent != 1 {
		t.Fatalf("retry: %d sent (%v), want the first answer", sent, err)
	}
	if probs, _ := cache.Problems(ctx); len(probs) != 0 {
		t.Fatalf("the retried action became %+v", probs)
	}
	onQueue, _ := p.queue.Request(ctx, id)
	if onQueue.Version != r.Version+1 || onQueue.Team != triage.TeamAdmin {
		t.Fatalf("queue has v%d %s, want the action applied once", onQueue.Version, onQueue.Team)
	}
}

// TestALostReplyIsNotADuplicateSubmission: the queue stores a patient's request but
// the reply is lost; the client's retry with the same key returns the first answer,
// and the queue holds the request once.
func TestALostReplyIsNotADuplicateSubmission(t *testing.T) {
	p := newPractice(t, 20)
	ctx := context.Background()
	lossy := httptest.NewServer(&dropper{h: p.srv, suffix: "/api/v1/requests"})
	defer lossy.Close()
	acc := p.practice.Accounts[6]
	_, before, _ := p.queue.Requests(ctx, 0, 1)
	pc, _ := client.New(lossy.URL, p.patients[acc.ID])
	id, err := pc.Submit(ctx, 0, triage.Admin, "repeat prescription please")
	if err != nil {
		t.Fatalf("submission through a lost reply: %v, want the retry's answer", err)
	}
	_, after, _ := p.queue.Requests(ctx, 0, 1)
	if after != before+1 {
		t.Fatalf("the queue holds %d new requests, want 1", after-before)
	}
	if r, err := p.queue.Request(ctx, id); err != nil || r.Text != "repeat prescription please" {
		t.Fatalf("the answer's id %d is not the stored request: %v", id, err)
	}
}

// TestPurgeThenSyncRequestsOfPurgedPatients: the desk purges a patient whose requests
// were all closed long ago; the patient sends a new request, and the next sync brings
// it with the patient, instead of failing on the missing patient for ever after.
func TestPurgeThenSyncRequestsOfPurgedPatients(t *testing.T) {
	p := newPractice(t, 0)
	ctx := context.Background()
	cal := triage.DefaultCalendar()
	s, cache := p.desk(p.manager)
	var ids []int64
	for i := range 3 {
		ids = append(ids, p.newRequest(7+i, "fit note please"))
	}
	for _, id := range ids {
		r, _ := p.queue.Request(ctx, id)
		if _, err := p.queue.Act(ctx, cal, triage.Action{Kind: triage.ActClose, RequestID: id, BaseVersion: r.Version, Actor: "mo", Outcome: triage.OutcomeAnswered}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	// Forty days on, the desk's retention removes them and their patients.
	cache.Now = func() time.Time { return time.Now().Add(40 * 24 * time.Hour) }
	if err := client.PurgeNow(ctx, cache, "desk"); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := cache.Request(ctx, id); err == nil {
			t.Fatalf("request %d was not purged", id)
		}
	}
	var again []int64
	for i := range 3 {
		again = append(again, p.newRequest(7+i, "repeat prescription please"))
	}
	for range 2 { // the sync after the one that met them must work too
		if _, _, err := s.Once(ctx); err != nil {
			t.Fatalf("sync after a purge: %v", err)
		}
	}
	for _, id := range again {
		it, err := cache.Request(ctx, id)
		if err != nil || it.Patient.NHSNumber == "" {
			t.Fatalf("request %d of a purged patient: %+v, %v", id, it.Patient, err)
		}
	}
}

// TestRetentionRunsAtStartAndDaily: the retention keeper purges once as it starts and
// again each period, on its own goroutine.
func TestRetentionRunsAtStartAndDaily(t *testing.T) {
	p := newPractice(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cal := triage.DefaultCalendar()
	s, cache := p.desk(p.manager)
	id := p.newRequest(11, "fit note please")
	r, _ := p.queue.Request(ctx, id)
	if _, err := p.queue.Act(ctx, cal, triage.Action{Kind: triage.ActClose, RequestID: id, BaseVersion: r.Version, Actor: "mo", Outcome: triage.OutcomeAnswered}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	cache.Now = func() time.Time { return time.Now().Add(40 * 24 * time.Hour) }
	purged := make(chan int, 4)
	keeper := client.Retention{Cache: cache, Keep: store.DefaultRetention, Every: 24 * time.Hour, Actor: "desk",
		OnPurge: func(n int, err error) {
			if err != nil {
				t.Error(err)
			}
			purged <- n
		}}
	go keeper.Run(ctx)
	select {
	case n := <-purged:
		if n != 1 {
			t.Fatalf("the purge at start removed %d requests, want 1", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no purge at start")
	}
	if _, err := cache.Request(ctx, id); err == nil {
		t.Fatal("the request closed forty days ago is still in the cache")
	}
}

// TestDeskViewsReachTheQueuesAuditTrail: opening a request at a desk is recorded in the
// desk's cache and sent to the queue through the outbox, with who, which request, when
// and from which desk, even when the queue was away at the time.
func TestDeskViewsReachTheQueuesAuditTrail(t *testing.T) {
	p := newPractice(t, 20)
	ctx := context.Background()
	s, cache := p.desk(p.reviewer)
	id := p.newRequest(12, "fit note please", s)
	desk, err := cache.DeskID(ctx)
	if err != nil || desk == "" {
		t.Fatalf("the desk has no identity: %q %v", desk, err)
	}
	opened := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	cache.Now = func() time.Time { return opened }
	if err := cache.RecordView(ctx, "amy", id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	all, err := p.queue.AuditLog(ctx, 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	var views []triage.AuditEntry
	for _, e := range all {
		if e.Action == "view" {
			views = append(views, e)
		}
	}
	if len(views) != 1 || views[0].Actor != "amy" || views[0].RequestID != id || views[0].Desk != desk || !views[0].At.Equal(opened) {
		t.Fatalf("views on the queue: %+v, want amy's view of %d at %s from %s", views, id, opened, desk)
	}
	if n, _ := cache.PendingViews(ctx); n != 0 {
		t.Fatalf("%d views still wait to be sent after a good sync", n)
	}
	// Sent once: the next sync does not send it again.
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	again, _ := p.queue.AuditLog(ctx, 0, 1_000_000)
	n := 0
	for _, e := range again {
		if e.Action == "view" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d views on the queue after a second sync, want 1", n)
	}
}

// freePort is an address nothing listens on, for a desk whose queue is away.
func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
