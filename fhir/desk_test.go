package fhir

import (
	"bytes"
	"fmt"
	"reflect"
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

// BenchmarkDeskPage: decoding a feed page of 1, 10 and 100 requests and their
// patients, as a desk does (Parse) and as the bench's wire desks do (IDs).
func BenchmarkDeskPage(b *testing.B) {
	for _, n := range []int{1, 10, 50, 100} {
		body := deskTestPage(b, n)
		b.Run(fmt.Sprintf("Parse-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.ReportMetric(float64(len(body)), "bytes/page")
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

// BenchmarkDeskPageEncode: encoding a feed page of 1, 10 and 100 requests and their
// patients, as the queue does once for every page it hands out.
func BenchmarkDeskPageEncode(b *testing.B) {
	for _, n := range []int{1, 10, 50, 100} {
		body := deskTestPage(b, n)
		page, err := ParseDeskPage(body)
		if err != nil {
			b.Fatal(err)
		}
		recs := Records{Patients: page.Patients, Requests: page.Requests}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := EncodeDeskPage(&buf, recs, page.Cursor, page.More); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDeskPageRoundTrip: every field of a patient and a request, a newborn's age of 0
// months, photos, and times to the nanosecond and in another offset, read back exactly
// as the queue wrote them.
func TestDeskPageRoundTrip(t *testing.T) {
	p, r := sample()
	r.ReceivedAt = r.ReceivedAt.Add(123456789 * time.Nanosecond)
	r.Photos = []triage.PhotoRef{{N: 1, ContentType: "image/jpeg", Size: 204800, Width: 1024, Height: 768}}
	r.Call, r.CalledAt, r.CalledBy = triage.CallSent999, r.UpdatedAt, "dr.lee"
	r.EnteredBy, r.Caller, r.PriorityReason = "reception.jo", "her husband", "seen in A&E"
	recs := Records{Sites: []triage.Site{{ID: "main", Name: "Main"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}},
		Patients: []triage.Patient{p}, Requests: []triage.Request{r}}
	var b bytes.Buffer
	if err := EncodeDeskPage(&b, recs, "77", true); err != nil {
		t.Fatal(err)
	}
	page, err := ParseDeskPage(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := FeedPage{Sites: recs.Sites, GPTeams: recs.GPTeams, Patients: recs.Patients, Requests: recs.Requests, Cursor: "77", More: true}
	if !reflect.DeepEqual(page, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", page, want)
	}
	if got := page.Requests[0].Answers.AgeMonths; got == nil || *got != 0 {
		t.Errorf("a newborn's age of 0 months came back as %v", got)
	}

	// A time in another offset keeps its instant and its offset.
	london := time.FixedZone("BST", 3600)
	r.UpdatedAt = time.Date(2026, 6, 1, 9, 0, 0, 5, london)
	b.Reset()
	if err := EncodeDeskPage(&b, Records{Requests: []triage.Request{r}}, "78", false); err != nil {
		t.Fatal(err)
	}
	page, err = ParseDeskPage(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := page.Requests[0].UpdatedAt
	if _, off := got.Zone(); !got.Equal(r.UpdatedAt) || off != 3600 {
		t.Errorf("%v came back as %v", r.UpdatedAt, got)
	}
}

// TestDeskPageIDsInAnyFieldOrder: DeskPageIDs reads a record's id first when it comes
// first, as the queue writes it, and still reads it right from a record whose fields
// come in another order; a record that is not a map is an error.
func TestDeskPageIDsInAnyFieldOrder(t *testing.T) {
	type idLast struct {
		Version int   `json:"version"`
		ID      int64 `json:"id"`
	}
	page := func(requests any) []byte {
		var b bytes.Buffer
		enc := deskEnc.NewEncoder(&b)
		enc.Encode(deskFormat)
		enc.Encode(map[string]any{"requests": requests, "cursor": "9"})
		return b.Bytes()
	}
	tests := []struct {
		name     string
		requests any
		want     []int64
		err      bool
	}{
		{"id first", []recordIDFirst{{ID: 3, Version: 1}, {ID: 1 << 40, Version: 2}}, []int64{3, 1 << 40}, false},
		{"id last", []idLast{{Version: 1, ID: 5}, {Version: 7, ID: 6}}, []int64{5, 6}, false},
		{"a record that is a number", []int{5}, nil, true},
		{"an id that is text", []map[string]string{{"id": "5"}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reqs, _, cursor, _, err := DeskPageIDs(page(tt.requests))
			if tt.err {
				if err == nil {
					t.Fatalf("read as %v, want an error", reqs)
				}
				return
			}
			if err != nil || !slices.Equal(reqs, tt.want) || cursor != "9" {
				t.Fatalf("read %v %q %v, want %v", reqs, cursor, err, tt.want)
			}
		})
	}
}

type recordIDFirst struct {
	ID      int64 `json:"id"`
	Version int   `json:"version"`
}
