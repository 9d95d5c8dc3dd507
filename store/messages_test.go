package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// openQueueTest opens a practice queue in a temporary file on the tests' clock, with
// the family on its list and their accounts.
func openQueueTest(t *testing.T) *Queue {
	t.Helper()
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	q.Now = func() time.Time { return now }
	for _, email := range []string{"ruth@example.com", "kwame@example.com"} {
		if _, _, err := q.SignUp(ctx, email, "x"); err != nil {
			t.Fatal(err)
		}
	}
	return q
}

// TestPatientRepliesMoveTheRequest: a reply is added after the practice's message, in
// order, and a request waiting for the patient goes back to whoever was waiting; a
// stranger's account is told the request does not exist.
func TestPatientRepliesMoveTheRequest(t *testing.T) {
	ctx := context.Background()
	cal := triage.DefaultCalendar()
	tests := []struct {
		name     string
		assigned bool // a team had it when the practice asked
		want     triage.Status
	}{
		{"asked from the triage inbox", false, triage.StatusNew},
		{"asked by a team", true, triage.StatusInProgress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := openQueueTest(t)
			fam := family()
			fam[0].ActedForBy, fam[2].ActedForBy = []int64{1}, []int64{2} // the accounts signed up above
			fam[1].ActedForBy = []int64{1}
			r := req(1, 1, triage.Soon, triage.StatusNew, time.Hour, "a rash on my arm")
			if err := q.Import(ctx, Changes{Patients: fam[:3], Requests: []triage.Request{r}}); err != nil {
				t.Fatal(err)
			}
			var acts []triage.Action
			if tt.assigned {
				acts = append(acts, triage.Action{Kind: triage.ActAssign, Team: triage.TeamGP, Actor: "rita"},
					triage.Action{Kind: triage.ActClaim, Actor: "dr gp"})
			}
			acts = append(acts, triage.Action{Kind: triage.ActRespond, Channel: triage.ChannelMessage, Message: "Please send a photo", AwaitReply: true, Actor: "dr gp"})
			acts[0].RequestID, acts[0].BaseVersion = 1, 1
			asked, added, err := q.ActAndTell(ctx, Once{}, cal, acts...)
			if err != nil {
				t.Fatal(err)
			}
			if asked.Status != triage.StatusAwaitingPatient || len(added) != 1 || added[0].ID == 0 || asked.Response != "Please send a photo" {
				t.Fatalf("after asking: %s, added %+v, response %q", asked.Status, added, asked.Response)
			}
			if _, _, err := q.AddPatientMessage(ctx, Once{}, 2, 1, "I am not Ruth"); triage.ErrorCode(err) != triage.ENOTFOUND {
				t.Fatalf("a stranger's account replies: %v, want not found", err)
			}
			q.Now = func() time.Time { return now.Add(time.Minute) }
			got, msg, err := q.AddPatientMessage(ctx, Once{}, 1, 1, "  Here it is  ")
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tt.want || !got.AwaitingSince.IsZero() || got.Version != asked.Version+1 || msg.Body != "Here it is" || msg.ID <= added[0].ID {
				t.Fatalf("after the reply: %s at version %d (was %d), message %+v; want %s", got.Status, got.Version, asked.Version, msg, tt.want)
			}
			stored, err := q.Request(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Status != tt.want || stored.Response != "Please send a photo" {
				t.Fatalf("stored: %s, response %q", stored.Status, stored.Response)
			}
			msgs, err := q.Messages(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(msgs) != 2 || msgs[0].From != triage.FromPractice || msgs[0].Author != "dr gp" || msgs[1].From != triage.FromPatient || msgs[1].AccountID != 1 || !msgs[0].SentAt.Before(msgs[1].SentAt) {
				t.Fatalf("the thread is %+v: want the practice's question then the reply", msgs)
			}
			// The feed carries the thread with the request, and a desk's cache keeps it.
			ch, _, err := q.Feed(ctx, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			c := openTest(t)
			if err := c.ApplyChanges(ctx, ch, "1"); err != nil {
				t.Fatal(err)
			}
			cached, err := c.Messages(ctx, 1)
			if err != nil || len(cached) != 2 || cached[1].Body != "Here it is" {
				t.Fatalf("the desk's cache holds %+v, %v", cached, err)
			}
		})
	}
}

// TestAnswersBeforeThreadsBecomeMessages: a queue answered before it kept
// conversations gets each request's response as its one practice message.
func TestAnswersBeforeThreadsBecomeMessages(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	old, err := openDBTo(ctx, path, queueSchema, 9)
	if err != nil {
		t.Fatal(err)
	}
	answered := req(1, 1, triage.Soon, triage.StatusClosed, 2*time.Hour, "fit note please")
	answered.ClaimedBy, answered.Channel, answered.Response, answered.FirstResponseAt = "dr gp", triage.ChannelPhone, "Fit note is ready", now.Add(-time.Hour)
	unanswered := req(2, 1, triage.Soon, triage.StatusNew, time.Hour, "cough")
	err = old.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		return upsertChanges(ctx, tx, Changes{Patients: family()[:1], Requests: []triage.Request{answered, unanswered}}, false, false)
	})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	q, err := OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	msgs, err := q.Messages(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].From != triage.FromPractice || msgs[0].Body != "Fit note is ready" || msgs[0].Author != "dr gp" ||
		msgs[0].Channel != triage.ChannelPhone || !msgs[0].SentAt.Equal(now.Add(-time.Hour)) {
		t.Fatalf("backfilled thread %+v", msgs)
	}
	if msgs, _ := q.Messages(ctx, 2); len(msgs) != 0 {
		t.Fatalf("an unanswered request got messages: %+v", msgs)
	}
}
