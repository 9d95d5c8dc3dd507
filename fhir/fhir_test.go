package fhir

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"triagedesk/triage"
)

func sample() (triage.Patient, triage.Request) {
	at := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	p := triage.Patient{ID: 4, Version: 2, NHSNumber: "9990000018", GivenName: "Ruth", FamilyName: "Okafor",
		BirthDate: time.Date(1988, 4, 2, 0, 0, 0, 0, time.UTC), Sex: triage.Female, SiteID: "main", GPTeamID: "blue", ActedForBy: []int64{7, 9}, Dependant: true,
		Phone: "07700 900123", Email: "ruth@example.com"}
	r := triage.Request{ID: 12, Version: 3, PatientID: 4, SubmittedBy: 7, SiteID: "main", GPTeamID: "blue", Kind: triage.Clinical,
		Text: "Crushing chest pain\nand sweating", ReceivedAt: at,
		Answers: &triage.Answers{For: triage.ForAdult, AgeMonths: new(int), TemperatureC: 38.3, Pregnant: triage.NotSure,
			RedFlags: []triage.FlagAnswer{{Question: "chest-pain", Yes: true}, {Question: "stroke"}}}, DueAt: at.Add(15 * time.Minute), Status: triage.StatusClosed,
		Priority: triage.Emergency, Team: triage.TeamGP, Signpost: triage.Signpost999, ClaimedBy: "dr.lee", Channel: triage.ChannelPhone,
		Response: "Called, sent to A&E", FirstResponseAt: at.Add(5 * time.Minute), Outcome: triage.OutcomeEmergency,
		ClosedAt: at.Add(6 * time.Minute), Note: "09:36 dr.lee: called", UpdatedAt: at.Add(6 * time.Minute), UpdatedBy: "dr.lee",
		Suggested: triage.Suggestion{Priority: triage.Emergency, Team: triage.TeamGP, Signpost: triage.Signpost999,
			Reasons: []triage.Reason{{Rule: "cardiac-chest-pain", Says: "chest pain", Words: []string{"chest pain"}, Spans: []triage.Span{{Start: 9, End: 19}}}}},
		Author:  triage.Author{Name: "Kwame Okafor", Relationship: "husband", Phone: "07700 900456"},
		Contact: triage.ContactPhone, ContactDetail: "07700 900123", ContactAvoid: "not before 10am",
		Messages: []triage.Message{
			{ID: 31, RequestID: 12, From: triage.FromPractice, Author: "dr.lee", Channel: triage.ChannelPhone, Body: "Called, sent to A&E", SentAt: at.Add(5 * time.Minute)},
			{ID: 32, RequestID: 12, From: triage.FromPatient, AccountID: 7, Body: "At A&E now, thank you", SentAt: at.Add(6 * time.Minute)},
		}}
	return p, r
}

func TestRoundTrip(t *testing.T) {
	p, r := sample()
	task := TaskFrom(&r)
	b, _ := json.Marshal(task)
	var back Task
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	got, err := back.ToRequest()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("Task round trip:\n got %+v\nwant %+v", got, r)
	}
	if task.Priority != "stat" || task.Status != "completed" {
		t.Errorf("FHIR codes: priority %s status %s", task.Priority, task.Status)
	}
	fp := PatientFrom(&p)
	gotP, err := fp.ToPatient()
	if err != nil || !reflect.DeepEqual(gotP, p) {
		t.Errorf("Patient round trip: %+v, %v", gotP, err)
	}
}

// TestAnswersOnTheWireAreChecked: a Task whose answers cannot be right is refused
// with the field named, rather than reaching a desk's cache.
func TestAnswersOnTheWireAreChecked(t *testing.T) {
	tests := []struct {
		name string
		in   TaskInput
		says string
	}{
		{"unknown fact", TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemAnswer, Code: "weight"}}}, ValueString: "80"}, "unknown answer"},
		{"age as text", TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemAnswer, Code: "age-months"}}}, ValueString: "3"}, "valueInteger"},
		{"red flag without a yes or no", TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemRedFlag, Code: "sight"}}}}, "valueBoolean"},
		{"unknown question", TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemRedFlag, Code: "eyes"}}}, ValueBoolean: new(bool)}, "no red-flag question"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := sample()
			task := TaskFrom(&r)
			task.Input = append(task.Input, tt.in)
			if _, err := task.ToRequest(); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("got %v, want an error saying %q", err, tt.says)
			}
		})
	}
}

func validPage(t testing.TB) []byte {
	p, r := sample()
	b, err := json.Marshal(FeedBundle(Records{Sites: []triage.Site{{ID: "main", Name: "Main"}}, Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "0", "5", true))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFeed(t *testing.T) {
	page, err := ParseFeed(validPage(t))
	if err != nil {
		t.Fatal(err)
	}
	if page.Cursor != "5" || !page.More || len(page.Requests) != 1 || len(page.Patients) != 1 || len(page.Sites) != 1 {
		t.Fatalf("page = %+v", page)
	}
}

// FuzzParseFeed: whatever arrives, ParseFeed returns an error or records that pass the
// domain's checks; it never panics.
func FuzzParseFeed(f *testing.F) {
	f.Add(validPage(f))
	f.Add([]byte(`{"resourceType":"Bundle","type":"history","link":[{"relation":"cursor","url":"/api/v1/feed?cursor=1"}]}`))
	f.Add([]byte(`<html>proxy</html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		page, err := ParseFeed(data)
		if err != nil {
			return
		}
		if page.Cursor == "" {
			t.Fatal("a page without a cursor was accepted")
		}
		for _, r := range page.Requests {
			if !r.Priority.Valid() || !r.Status.Valid() || r.ID <= 0 || r.Version <= 0 {
				t.Fatalf("an invalid request was accepted: %+v", r)
			}
		}
		for _, p := range page.Patients {
			if _, err := triage.ParseNHSNumber(string(p.NHSNumber)); err != nil {
				t.Fatalf("a patient with a bad NHS number was accepted: %v", err)
			}
		}
	})
}

func validDeskPage(t testing.TB) []byte {
	p, r := sample()
	var b bytes.Buffer
	if err := EncodeDeskPage(&b, Records{Sites: []triage.Site{{ID: "main", Name: "Main"}}, Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "5", true); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDeskPageCarriesWhatTheBundleCarries: the compact feed and the FHIR Bundle of the
// same records decode to the same page.
func TestDeskPageCarriesWhatTheBundleCarries(t *testing.T) {
	fromBundle, err := ParseFeed(validPage(t))
	if err != nil {
		t.Fatal(err)
	}
	compact, err := ParseDeskPage(validDeskPage(t))
	if err != nil {
		t.Fatal(err)
	}
	if compact.Cursor != fromBundle.Cursor || compact.More != fromBundle.More || len(compact.Requests) != 1 || len(compact.Patients) != 1 {
		t.Fatalf("compact %+v, bundle %+v", compact, fromBundle)
	}
	a, b := compact.Requests[0], fromBundle.Requests[0]
	if a.ID != b.ID || a.Version != b.Version || a.Text != b.Text || a.Priority != b.Priority || a.Status != b.Status ||
		!a.DueAt.Equal(b.DueAt) || a.Suggested.Priority != b.Suggested.Priority || len(a.Suggested.Reasons) != len(b.Suggested.Reasons) {
		t.Errorf("the compact request %+v differs from the Bundle's %+v", a, b)
	}
	if compact.Patients[0].NHSNumber != fromBundle.Patients[0].NHSNumber {
		t.Errorf("patients differ: %+v, %+v", compact.Patients[0], fromBundle.Patients[0])
	}
}

// FuzzParseDeskPage: whatever arrives in the compact form, ParseDeskPage returns an
// error or records that pass the domain's checks; it never panics, nor does
// DeskPageIDs, which reads the same ids of any page ParseDeskPage accepts.
func FuzzParseDeskPage(f *testing.F) {
	f.Add(validDeskPage(f))
	f.Add(validPage(f))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ids, _, idsCursor, _, idsErr := DeskPageIDs(data) // never panics either
		page, err := ParseDeskPage(data)
		if err != nil {
			return
		}
		if page.Cursor == "" {
			t.Fatal("a page without a cursor was accepted")
		}
		if idsErr != nil || idsCursor != page.Cursor || len(ids) != len(page.Requests) {
			t.Fatalf("DeskPageIDs read %v %q %v of a page ParseDeskPage read as %d requests after %q", ids, idsCursor, idsErr, len(page.Requests), page.Cursor)
		}
		for i, r := range page.Requests {
			if ids[i] != r.ID {
				t.Fatalf("DeskPageIDs read request %d as %d, ParseDeskPage as %d", i, ids[i], r.ID)
			}
		}
		for _, r := range page.Requests {
			if err := r.Validate(); err != nil {
				t.Fatalf("an invalid request was accepted: %v", err)
			}
		}
		for _, p := range page.Patients {
			if _, err := triage.ParseNHSNumber(string(p.NHSNumber)); err != nil {
				t.Fatalf("a patient with a bad NHS number was accepted: %v", err)
			}
		}
	})
}
