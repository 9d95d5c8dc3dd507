package fhir

import (
	"bytes"
	"os"
	"testing"

	"triagedesk/triage"
)

// TestDeskPageBytesAreVersion2: a compact page is written byte for byte as version 2
// of the form was written when testdata/desk-page-v2.cbor was made, so a desk and a
// queue of different builds of the same version read each other's pages. A change to
// the page's Go types that changes the wire fails here: give the form a new version.
func TestDeskPageBytesAreVersion2(t *testing.T) {
	p, r := sample()
	r.Photos = []triage.PhotoRef{{N: 1, ContentType: "image/jpeg", Size: 204800, Width: 1024, Height: 768}}
	r.Call, r.CalledAt, r.CalledBy = triage.CallSent999, r.UpdatedAt, "dr.lee"
	r.EnteredBy, r.Caller, r.PriorityReason = "reception.jo", "her husband", "seen in A&E"
	pages := []struct {
		recs Records
		next string
		more bool
	}{
		{Records{Sites: []triage.Site{{ID: "main", Name: "Main"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}},
			Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "77", true},
		{Records{}, "78", false}, // an empty page: every list left out
	}
	var got bytes.Buffer
	for _, pg := range pages {
		if err := EncodeDeskPage(&got, pg.recs, pg.next, pg.more); err != nil {
			t.Fatal(err)
		}
	}
	const golden = "testdata/desk-page-v2.cbor" // written by the build before FeedPage was the page's shape
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the compact pages are %d bytes unlike the %d of version 2 (%s):\n got %x\nwant %x", got.Len(), len(want), golden, got.Bytes(), want)
	}
}
