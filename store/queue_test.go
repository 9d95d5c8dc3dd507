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
