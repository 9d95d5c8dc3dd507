package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"triagedesk/triage"
)

// TestEmergencyCallOutcomeInTheCache: a call outcome is a recorded action, stored and
// versioned in the cache, queued for the practice queue, and it is what takes an
// emergency off the banner's list; opening or assigning it does not.
func TestEmergencyCallOutcomeInTheCache(t *testing.T) {
	ctx := context.Background()
	c := fixture(t)
	cal := triage.DefaultCalendar()
	emergencyIDs := func() []int64 {
		t.Helper()
		items, err := c.Emergencies(ctx, 50)
		if err != nil {
			t.Fatal(err)
		}
		return ids(items)
	}
	if got := emergencyIDs(); !sameIDs(got, []int64{3}) {
		t.Fatalf("emergencies %v, want [3]", got)
	}
	act := func(a triage.Action) (triage.Request, error) {
		it, err := c.Request(ctx, a.RequestID)
		if err != nil {
			t.Fatal(err)
		}
		a.BaseVersion, a.Actor = it.Version, "Amy Patel"
		return c.Act(ctx, a, cal)
	}
	if err := c.RecordView(ctx, "Amy Patel", 3); err != nil {
		t.Fatal(err)
	}
	if _, err := act(triage.Action{Kind: triage.ActAssign, RequestID: 3, Team: triage.TeamGP}); err != nil {
		t.Fatal(err)
	}
	if got := emergencyIDs(); !sameIDs(got, []int64{3}) {
		t.Fatalf("an emergency opened and assigned left the list: %v", got)
	}
	if _, err := act(triage.Action{Kind: triage.ActSignpost, RequestID: 3, Signpost: triage.Signpost999, Message: "Call 999 now"}); err == nil || !strings.Contains(err.Error(), "phone the patient") {
		t.Fatalf("an emergency was closed by a message: %v", err)
	}
	if _, err := act(triage.Action{Kind: triage.ActCallOutcome, RequestID: 3, Call: triage.CallNoAnswer}); err != nil {
		t.Fatal(err)
	}
	it, err := c.Request(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if it.Call != triage.CallNoAnswer || it.CalledBy != "Amy Patel" || !it.CalledAt.Equal(now) || it.Version != 3 {
		t.Fatalf("the call outcome is not stored with the request: %+v", it.Request)
	}
	if got := emergencyIDs(); !sameIDs(got, []int64{3}) {
		t.Fatalf("an unanswered call took the emergency off the list: %v", got)
	}
	if _, err := act(triage.Action{Kind: triage.ActCallOutcome, RequestID: 3, Call: triage.CallSent999}); err != nil {
		t.Fatal(err)
	}
	if got := emergencyIDs(); len(got) != 0 {
		t.Fatalf("an emergency sent to 999 is still listed: %v", got)
	}
	pending, err := c.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var calls []triage.CallOutcome
	for _, p := range pending {
		if p.Action.Kind == triage.ActCallOutcome {
			calls = append(calls, p.Action.Call)
		}
	}
	if len(calls) != 2 || calls[0] != triage.CallNoAnswer || calls[1] != triage.CallSent999 {
		t.Fatalf("the outbox holds calls %v, want no-answer then sent", calls)
	}
	trail, err := c.AuditTrail(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range trail {
		lines = append(lines, e.Sentence())
	}
	want := []string{"Amy Patel opened it.", "Amy Patel assigned it to GP.", "Amy Patel phoned the patient: no answer, to try again.", "Amy Patel phoned the patient and sent them to 999 or A&E."}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audit trail reads\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// A priority lowered with a reason takes an emergency off the list too, and the
	// reason stays on the request.
	r9 := req(9, 4, triage.Emergency, triage.StatusNew, time.Minute, "Sudden weakness in my arm")
	if err := c.Upsert(ctx, Changes{Requests: []triage.Request{r9}}); err != nil {
		t.Fatal(err)
	}
	if _, err := act(triage.Action{Kind: triage.ActSetPriority, RequestID: 9, Priority: triage.SameDay}); err == nil {
		t.Fatal("a priority was lowered with no reason")
	}
	if _, err := act(triage.Action{Kind: triage.ActSetPriority, RequestID: 9, Priority: triage.SameDay, Reason: "weakness since a fall last week; GP today"}); err != nil {
		t.Fatal(err)
	}
	if got := emergencyIDs(); len(got) != 0 {
		t.Fatalf("a lowered emergency is still listed: %v", got)
	}
	if it, _ := c.Request(ctx, 9); it.PriorityReason != "weakness since a fall last week; GP today" {
		t.Fatalf("the reason is not on the request: %q", it.PriorityReason)
	}
}

// TestQueueRefusesClosingAnEmergencyByMessage: the practice queue applies the same
// rule, so a desk on an old version cannot close an emergency by message either, and
// the feed carries the call outcome to every desk.
func TestQueueRefusesClosingAnEmergencyByMessage(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	q.Now = func() time.Time { return now }
	r := req(3, 3, triage.Emergency, triage.StatusNew, 20*time.Minute, "Crushing chest pain going down my left arm")
	if err := q.Import(ctx, Changes{Patients: family(), Requests: []triage.Request{r}}); err != nil {
		t.Fatal(err)
	}
	cal := triage.DefaultCalendar()
	_, err = q.Act(ctx, cal, triage.Action{Kind: triage.ActSignpost, RequestID: 3, BaseVersion: 1, Actor: "Amy Patel", Signpost: triage.Signpost999, Message: "Call 999"})
	if triage.ErrorCode(err) != triage.EINVALID || !strings.Contains(err.Error(), "phone the patient") {
		t.Fatalf("the queue closed an emergency by message: %v", err)
	}
	_, cur, _ := q.Feed(ctx, 0, 1000)
	if _, err := q.Act(ctx, cal,
		triage.Action{Kind: triage.ActCallOutcome, RequestID: 3, BaseVersion: 1, Actor: "Amy Patel", Call: triage.CallSent999},
		triage.Action{Kind: triage.ActClose, Actor: "Amy Patel", Outcome: triage.OutcomeEmergency}); err != nil {
		t.Fatal(err)
	}
	ch, _, err := q.Feed(ctx, cur, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Requests) != 1 || ch.Requests[0].Call != triage.CallSent999 || ch.Requests[0].CalledBy != "Amy Patel" || ch.Requests[0].Status != triage.StatusClosed {
		b, _ := json.Marshal(ch.Requests)
		t.Fatalf("the feed does not carry the call outcome: %s", b)
	}
}

// TestInboxKeepsRequestsAwaitingThePatient: a request the reviewer asked the patient
// about before assigning stays in the inbox, through the inbox's own index.
func TestInboxKeepsRequestsAwaitingThePatient(t *testing.T) {
	ctx := context.Background()
	c := fixture(t)
	it, _ := c.Request(ctx, 4)
	if _, err := c.Act(ctx, triage.Action{Kind: triage.ActRespond, RequestID: 4, BaseVersion: it.Version, Actor: "Amy Patel",
		Channel: triage.ChannelMessage, Message: "Is your inhaler the blue one?"}, triage.DefaultCalendar()); err != nil {
		t.Fatal(err)
	}
	inbox, err := c.Inbox(ctx, triage.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range inbox {
		found = found || (r.ID == 4 && r.Status == triage.StatusAwaitingPatient)
	}
	if !found {
		t.Fatalf("the request awaiting the patient left the inbox: %v", ids(inbox))
	}
	var plan, detail string
	var a, b int
	rows, err := c.r.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT r.id FROM requests r WHERE `+inboxCond+` ORDER BY `+clinicalBy+` LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int
		rows.Scan(&id, &a, &b, &detail)
		plan += detail + "\n"
	}
	rows.Close()
	if !strings.Contains(plan, "requests_inbox") {
		t.Fatalf("the inbox query does not use its index:\n%s", plan)
	}
}
