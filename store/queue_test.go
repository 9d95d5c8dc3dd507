package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestNewPatientsJoinTheSmallestGPTeam registers patients who are not on the list yet
// and checks each joins the GP team with the fewest patients at that moment.
func TestNewPatientsJoinTheSmallestGPTeam(t *testing.T) {
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.Import(ctx, store.Changes{
		Sites:   []triage.Site{{ID: "main", Name: "Main"}, {ID: "east", Name: "East"}},
		GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}, {ID: "green", Name: "Green", SiteID: "east"}},
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name             string
		wantTeam, wantAt string
	}{
		{"the first goes to the first team", "blue", "main"},
		{"the second to the team with none", "green", "east"},
		{"a tie goes to the first team again", "blue", "main"},
		{"then the smaller one", "green", "east"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nhs := testNHSNumber(t, 100*i)
			acc, _, err := q.CreateAccount(ctx, store.Registration{Email: fmt.Sprintf("p%d@example.com", i), NHSNumber: nhs,
				GivenName: "Pat", FamilyName: fmt.Sprintf("New%d", i), BirthDate: "1990-01-01", Sex: triage.Female})
			if err != nil {
				t.Fatal(err)
			}
			p, err := q.Patient(ctx, acc.PatientID)
			if err != nil {
				t.Fatal(err)
			}
			if p.GPTeamID != tt.wantTeam || p.SiteID != tt.wantAt {
				t.Errorf("joined %s at %s, want %s at %s", p.GPTeamID, p.SiteID, tt.wantTeam, tt.wantAt)
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
