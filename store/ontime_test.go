package store

import (
	"context"
	"testing"
	"time"

	"triagedesk/triage"
)

// TestAnsweredWithinThePromise counts, per day received, the requests answered by
// their due time against those whose promise is settled.
func TestAnsweredWithinThePromise(t *testing.T) {
	c := openTest(t)
	ctx := context.Background()
	day := now.Add(-48 * time.Hour) // Sunday 22 November, 10:00
	mk := func(id int64, due, first, closed time.Duration) triage.Request {
		r := req(id, 1, triage.Routine, triage.StatusNew, 48*time.Hour, "a request")
		r.DueAt = day.Add(due)
		if first > 0 {
			r.FirstResponseAt, r.Status, r.Team = day.Add(first), triage.StatusInProgress, triage.TeamGP
		}
		if closed > 0 {
			r.ClosedAt, r.Status, r.Outcome, r.Team = day.Add(closed), triage.StatusClosed, triage.OutcomeAnswered, triage.TeamGP
		}
		return r
	}
	reqs := []triage.Request{
		mk(1, 10*time.Hour, 2*time.Hour, 0),             // answered in time
		mk(2, 10*time.Hour, 12*time.Hour, 13*time.Hour), // answered late
		mk(3, 10*time.Hour, 0, 0),                       // unanswered and past due: missed
		mk(4, 72*time.Hour, 0, 0),                       // not yet due: not settled
		mk(5, 10*time.Hour, 0, 5*time.Hour),             // closed (signposted) in time with no reply
	}
	if err := c.ApplyChanges(ctx, Changes{Patients: family(), Requests: reqs}, "c-1"); err != nil {
		t.Fatal(err)
	}
	days, err := c.PerDay(ctx, day, now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	d := days[0]
	if d.Received != 5 || d.Settled != 4 || d.OnTime != 2 {
		t.Fatalf("%s: received %d, settled %d, on time %d; want 5, 4, 2", d.Day.Format("2 Jan"), d.Received, d.Settled, d.OnTime)
	}
	if share, ok := d.OnTimeShare(); !ok || share != 0.5 {
		t.Fatalf("share %v %v, want 0.5", share, ok)
	}
	if _, ok := days[1].OnTimeShare(); ok {
		t.Fatalf("a day with no requests has a share")
	}
}
