package store

import (
	"context"
	"testing"
	"time"

	"triagedesk/triage"
)

// TestIdempotencyKeyKeptForADay: issue 12 asks that a retried submission or action
// returns the first answer for a day. A retry within the window gets the first
// request back and stores nothing new; past it the key is forgotten (the table stays
// small), and the same key starts a new request.
func TestIdempotencyKeyKeptForADay(t *testing.T) {
	ctx := context.Background()
	q := openQueueTest(t)
	fam := family()
	fam[0].ActedForBy = []int64{1}
	if err := q.Import(ctx, Changes{Sites: []triage.Site{{ID: "riverside", Name: "Riverside"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "riverside"}}, Patients: fam[:1]}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	clock := start
	q.Now = func() time.Time { return clock }
	limits, cal := triage.Limits{MaxLive: 100, MaxPerDay: 100, OveruseThreshold: 8}, triage.DefaultCalendar()
	once := Once{Scope: "account 1", Key: "retry-me", Fingerprint: "fit note"}
	sub := Submission{AccountID: 1, PatientID: 1, Kind: triage.Admin, Text: "fit note",
		Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamAdmin, Signpost: triage.SignpostNone}}
	first, err := q.SubmitOnce(ctx, once, sub, limits, cal)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		after   time.Duration
		sameAns bool
	}{
		{time.Minute, true},
		{23*time.Hour + 59*time.Minute, true},
		{IdempotencyWindow + time.Minute, false},
	}
	for _, tt := range tests {
		clock = start.Add(tt.after)
		got, err := q.SubmitOnce(ctx, once, sub, limits, cal)
		if err != nil {
			t.Fatalf("a retry after %s: %v", tt.after, err)
		}
		if (got.ID == first.ID) != tt.sameAns {
			t.Fatalf("a retry after %s got request %d (the first was %d): want the first answer %v", tt.after, got.ID, first.ID, tt.sameAns)
		}
	}
}
