package store

import (
	"context"
	"path/filepath"
	"strings"
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
	// Rows as that version wrote them: without the columns added since.
	cols := len(requestCols) - 4 // author_name, author_relationship, author_phone, contact_avoid
	err = old.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		p := family()[0]
		if _, err := tx.ExecContext(ctx, `INSERT INTO patients (id, version, nhs_number, given_name, family_name, birth_date, sex, site_id, gp_team_id, dependant)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.Version, string(p.NHSNumber), p.GivenName, p.FamilyName,
			p.BirthDate.Format(time.DateOnly), string(p.Sex), p.SiteID, p.GPTeamID, p.Dependant); err != nil {
			return err
		}
		for _, r := range []triage.Request{answered, unanswered} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO requests (`+strings.Join(requestCols[:cols], ", ")+`) VALUES (?`+strings.Repeat(", ?", cols-1)+`)`,
				requestArgs(&r)[:cols]...); err != nil {
				return err
			}
		}
		return nil
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

// TestAParentWritingForAChildIsTheAuthor: a request an account sends for a dependant
// names the account holder, their relationship and number; one for the account's
// own patient has no author, and reception's caller is the author of theirs.
func TestAParentWritingForAChildIsTheAuthor(t *testing.T) {
	ctx := context.Background()
	q := openQueueTest(t)
	fam := family()
	fam[0].ActedForBy, fam[0].Phone = []int64{1}, "07700 900018"
	fam[1].ActedForBy = []int64{1}
	if err := q.Import(ctx, Changes{Sites: []triage.Site{{ID: "riverside", Name: "Riverside"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "riverside"}}, Patients: fam[:2]}); err != nil {
		t.Fatal(err)
	}
	limits, cal := triage.DefaultLimits(), triage.DefaultCalendar()
	sugg := triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone}
	tests := []struct {
		name string
		sub  Submission
		want triage.Author
	}{
		{"for herself", Submission{AccountID: 1, PatientID: 1, Kind: triage.Admin, Text: "fit note", Suggested: sugg}, triage.Author{}},
		{"for her son", Submission{AccountID: 1, PatientID: 2, Kind: triage.Clinical, Text: "Sam has a cough", Suggested: sugg},
			triage.Author{Name: "Ruth Okafor", Relationship: "acts for the patient", Phone: "07700 900018"}},
		{"a caller at reception", Submission{EnteredBy: "rita", PatientID: 2, Kind: triage.Clinical, Text: "Sam has a rash", Suggested: sugg,
			Caller: "Kwame Okafor", CallerRelationship: "father", CallerPhone: "07700 900026", Contact: triage.ContactPhone, ContactDetail: "07700 900026"},
			triage.Author{Name: "Kwame Okafor", Relationship: "father", Phone: "07700 900026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := q.Submit(ctx, tt.sub, limits, cal)
			if err != nil {
				t.Fatal(err)
			}
			stored, err := q.Request(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Author != tt.want {
				t.Fatalf("author %+v, want %+v", stored.Author, tt.want)
			}
		})
	}
	p, err := q.Patient(ctx, 1)
	if err != nil || p.Phone != "07700 900018" {
		t.Fatalf("patient phone %q, %v", p.Phone, err)
	}
}
