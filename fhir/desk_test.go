package fhir

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"triagedesk/triage"
)

// deskTestPage is a page of n requests and their patients as the feed sends them.
func deskTestPage(t testing.TB, n int) []byte {
	t.Helper()
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	var recs Records
	for i := range n {
		p := triage.Patient{ID: int64(1000 + i), Version: 1, NHSNumber: "9434765919", GivenName: "Ann", FamilyName: fmt.Sprint("Green", i),
			BirthDate: at.AddDate(-40, 0, -i), Sex: triage.Female, SiteID: "main", GPTeamID: "blue"}
		r := triage.Request{ID: int64(500 + i), Version: 1, PatientID: p.ID, SiteID: "main", GPTeamID: "blue", Kind: triage.Admin,
			Text: "a fit note please, for the time I was off work with my back", ReceivedAt: at, DueAt: at.Add(72 * time.Hour),
			Status: triage.StatusNew, Priority: triage.Routine, Signpost: triage.SignpostNone, Team: triage.TeamAdmin,
			Suggested: triage.Suggestion{Priority: triage.Routine, Team: triage.TeamAdmin, Signpost: triage.SignpostNone}, UpdatedAt: at, UpdatedBy: "patient"}
		recs.Patients = append(recs.Patients, p)
		recs.Requests = append(recs.Requests, r)
	}
	var b bytes.Buffer
	if err := EncodeDeskPage(&b, recs, "12345", true); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDeskPageIDsAgreeWithTheFullParse: what the bench's wire desks read of a page
// (ids, cursor, more) is what the desk's own parse reads, so they see the same
// requests arrive; a damaged page is an error to both.
func TestDeskPageIDsAgreeWithTheFullParse(t *testing.T) {
	for _, n := range []int{0, 1, 37} {
		body := deskTestPage(t, n)
		full, err := ParseDeskPage(body)
		if err != nil {
			t.Fatal(err)
		}
		reqs, pts, cursor, more, err := DeskPageIDs(body)
		if err != nil {
			t.Fatal(err)
		}
		var wantReqs, wantPts []int64
		for _, r := range full.Requests {
			wantReqs = append(wantReqs, r.ID)
		}
		for _, p := range full.Patients {
			wantPts = append(wantPts, p.ID)
		}
		if !slices.Equal(reqs, wantReqs) || !slices.Equal(pts, wantPts) || cursor != full.Cursor || more != full.More || len(reqs) != n {
			t.Errorf("%d records: ids %v %v cursor %q more %v; the full parse read %v %v %q %v", n, reqs, pts, cursor, more, wantReqs, wantPts, full.Cursor, full.More)
		}
		if _, _, _, _, err := DeskPageIDs(body[:len(body)/2]); err == nil {
			t.Errorf("%d records: half a page read without an error", n)
		}
	}
}

// BenchmarkDeskPage: decoding a feed page of 10 and of 100 requests and their
// patients, as a desk does (Parse) and as the bench's wire desks do (IDs).
func BenchmarkDeskPage(b *testing.B) {
	for _, n := range []int{10, 100} {
		body := deskTestPage(b, n)
		b.Run(fmt.Sprintf("Parse-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseDeskPage(body); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("IDs-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, _, _, err := DeskPageIDs(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
