package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestProvisionalRecordsGoToTheRightTeam sends claims and checks where the provisional
// record (and so the requests sent before staff check the claim) is routed: to the team
// of the patient the details match exactly, otherwise to the GP team with the fewest
// patients on the list. No claim adds anyone to the list.
func TestProvisionalRecordsGoToTheRightTeam(t *testing.T) {
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	birth := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	listed := triage.Patient{ID: 1, Version: 1, NHSNumber: testNHSNumber(t, 0), GivenName: "Ann", FamilyName: "Green", BirthDate: birth, Sex: triage.Female, SiteID: "main", GPTeamID: "blue"}
	if err := q.Import(ctx, store.Changes{
		Sites:    []triage.Site{{ID: "main", Name: "Main"}, {ID: "east", Name: "East"}},
		GPTeams:  []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}, {ID: "green", Name: "Green", SiteID: "east"}},
		Patients: []triage.Patient{listed},
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name             string
		claim            triage.Claim
		wantTeam, wantAt string
	}{
		{"an exact match goes to the patient's team", triage.Claim{NHSNumber: listed.NHSNumber, GivenName: "Ann", FamilyName: "GREEN", BirthDate: birth}, "blue", "main"},
		{"a wrong date of birth goes to the smallest team", triage.Claim{NHSNumber: listed.NHSNumber, GivenName: "Ann", FamilyName: "Green", BirthDate: birth.AddDate(0, 0, 1)}, "green", "east"},
		{"an unknown number goes to the smallest team", triage.Claim{NHSNumber: testNHSNumber(t, 100), GivenName: "Pat", FamilyName: "New", BirthDate: birth}, "green", "east"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc, created, err := q.SignUp(ctx, fmt.Sprintf("p%d@example.com", i), "x")
			if err != nil || !created {
				t.Fatal(created, err)
			}
			tt.claim.Kind = triage.ClaimSelf
			c, err := triage.ValidateClaimed(tt.claim, birth.AddDate(40, 0, 0))
			if err != nil {
				t.Fatal(err)
			}
			if c, err = q.SubmitClaim(ctx, acc, c); err != nil {
				t.Fatal(err)
			}
			p, err := q.Patient(ctx, c.ProvisionalID)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Unverified || p.NHSNumber != tt.claim.NHSNumber {
				t.Errorf("provisional record %+v: want unverified, with the claimed number", p)
			}
			if p.GPTeamID != tt.wantTeam || p.SiteID != tt.wantAt {
				t.Errorf("routed to %s at %s, want %s at %s", p.GPTeamID, p.SiteID, tt.wantTeam, tt.wantAt)
			}
		})
	}
}

// testNHSNumber returns a valid test-range NHS number at or after 999200000+from;
// some nine-digit stems have no valid check digit and are skipped.
func testNHSNumber(t *testing.T, from int) triage.NHSNumber {
	t.Helper()
	for n := from; n < from+100; n++ {
		if nhs, ok := triage.CompleteNHSNumber(fmt.Sprintf("9992%05d", n)); ok {
			return nhs
		}
	}
	t.Fatal("no valid NHS number in range")
	return ""
}

// TestFeedUpToReadsOnlyItsRange: a page bounded by the change the server announced
// holds the records changed in that range (as they are now) and none changed only
// after it, says the next page starts after the range, and a page cut short by its
// limit says where it stopped.
func TestFeedUpToReadsOnlyItsRange(t *testing.T) {
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	birth := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	patient := func(id int64, version int, name string) triage.Patient {
		return triage.Patient{ID: id, Version: version, NHSNumber: testNHSNumber(t, int(id)*3), GivenName: name, FamilyName: "Green",
			BirthDate: birth, Sex: triage.Female, SiteID: "main", GPTeamID: "blue"}
	}
	if err := q.Import(ctx, store.Changes{Sites: []triage.Site{{ID: "main", Name: "Main"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}}}); err != nil {
		t.Fatal(err)
	}
	start, _ := q.LastChange(ctx)
	for id := int64(1); id <= 4; id++ {
		if err := q.Import(ctx, store.Changes{Patients: []triage.Patient{patient(id, 1, "Ann")}}); err != nil {
			t.Fatal(err)
		}
	}
	mid, _ := q.LastChange(ctx) // patients 1-4 changed up to here
	if err := q.Import(ctx, store.Changes{Patients: []triage.Patient{patient(5, 1, "Bea"), patient(2, 2, "Later")}}); err != nil {
		t.Fatal(err)
	}
	end, _ := q.LastChange(ctx)
	ids := func(ch store.Changes) []int64 {
		var out []int64
		for _, p := range ch.Patients {
			out = append(out, p.ID)
		}
		return out
	}
	tests := []struct {
		name        string
		after, upTo store.Cursor
		limit       int
		want        []int64
		next        store.Cursor
	}{
		{"a whole range", start, mid, 100, []int64{1, 2, 3, 4}, mid},
		{"a range cut by its limit", start, mid, 2, []int64{1, 2}, start + 2},
		{"the range after it", mid, end, 100, []int64{2, 5}, end},
		{"an empty range", end, end, 100, nil, end},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, next, err := q.FeedUpTo(ctx, tt.after, tt.upTo, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(ids(ch)) != fmt.Sprint(tt.want) || next != tt.next {
				t.Fatalf("patients %v and next %d, want %v and %d", ids(ch), next, tt.want, tt.next)
			}
		})
	}
}
