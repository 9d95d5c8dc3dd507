package demo

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/triage"
)

var now = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func TestPracticeIsDeterministicAndValid(t *testing.T) {
	a, b := NewPractice(7, 2000, now), NewPractice(7, 2000, now)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed made two different practices")
	}
	if c := NewPractice(8, 2000, now); reflect.DeepEqual(a.Patients, c.Patients) {
		t.Fatal("different seeds made the same practice")
	}
	twoParents, children := 0, 0
	seen := map[triage.NHSNumber]bool{}
	for _, p := range a.Patients {
		if _, err := triage.ParseNHSNumber(string(p.NHSNumber)); err != nil || !p.NHSNumber.IsTest() {
			t.Fatalf("patient %d: NHS number %s is not a valid test number: %v", p.ID, p.NHSNumber, err)
		}
		if seen[p.NHSNumber] {
			t.Fatalf("NHS number %s given twice", p.NHSNumber)
		}
		seen[p.NHSNumber] = true
		if err := p.Validate(); err != nil {
			t.Fatalf("patient %d: %v", p.ID, err)
		}
		if len(p.ActedForBy) == 0 {
			t.Fatalf("patient %d has no account to act for them", p.ID)
		}
		if p.Dependant {
			children++
			if len(p.ActedForBy) == 2 {
				twoParents++
			}
			for _, acc := range p.ActedForBy {
				holder := a.Patients[a.Accounts[acc-1].PatientID-1]
				if holder.Dependant || holder.AgeAt(now) < 16 {
					t.Fatalf("child %d is linked to account %d of a non-adult", p.ID, acc)
				}
			}
		}
	}
	if children == 0 || twoParents == 0 {
		t.Fatalf("children %d, with two parents %d: want some of each", children, twoParents)
	}
}

func TestRequestsCoverThePractice(t *testing.T) {
	p := NewPractice(1, 3000, now)
	cal := triage.DefaultCalendar()
	reqs := Requests(p, RequestOptions{Seed: 1, Count: 5000, Now: now, Calendar: cal})
	if again := Requests(p, RequestOptions{Seed: 1, Count: 5000, Now: now, Calendar: cal}); !reflect.DeepEqual(reqs, again) {
		t.Fatal("the same seed made different requests")
	}
	patients := map[int64]*triage.Patient{}
	for i := range p.Patients {
		patients[p.Patients[i].ID] = &p.Patients[i]
	}
	priorities, teams, statuses := map[triage.Priority]int{}, map[triage.Team]int{}, map[triage.Status]int{}
	breaches, weekend := 0, 0
	for i, r := range reqs {
		if i > 0 && r.ReceivedAt.Before(reqs[i-1].ReceivedAt) {
			t.Fatal("requests are not oldest first")
		}
		if r.ReceivedAt.After(now) || r.ReceivedAt.Before(now.AddDate(0, 0, -31)) {
			t.Fatalf("request %d received %s, outside the last 30 days", r.ID, r.ReceivedAt)
		}
		if err := triage.ValidateSubmission(r.Kind, r.Text); err != nil {
			t.Fatalf("request %d: %v", r.ID, err)
		}
		if msg := disagrees(r.Text, patients[r.PatientID], r.ReceivedAt); msg != "" {
			t.Errorf("request %d %q: %s", r.ID, r.Text, msg)
		}
		priorities[r.Priority]++
		teams[r.Suggested.Team]++
		statuses[r.Status]++
		if r.Breached(now) {
			breaches++
		}
		if !cal.IsWorkingDay(r.ReceivedAt) {
			weekend++
		}
	}
	for _, pr := range triage.Priorities {
		if priorities[pr] == 0 {
			t.Errorf("no %s requests", pr)
		}
	}
	for _, tm := range triage.Teams {
		if teams[tm] == 0 {
			t.Errorf("no requests for the %s team", tm)
		}
	}
	for _, st := range triage.Statuses {
		if statuses[st] == 0 {
			t.Errorf("no requests %s", st)
		}
	}
	if statuses[triage.StatusClosed] < len(reqs)*7/10 {
		t.Errorf("only %d of %d closed: most should be", statuses[triage.StatusClosed], len(reqs))
	}
	if breaches == 0 {
		t.Error("no request is breaching")
	}
	if weekend == 0 || weekend > len(reqs)/8 {
		t.Errorf("%d requests on days off: want a few", weekend)
	}
}

// disagrees says what in a request's text does not fit the patient it is about: a
// receptionist notices "my son" on a girl's record or a pregnancy at 61.
func disagrees(text string, p *triage.Patient, at time.Time) string {
	low := strings.ToLower(text)
	switch {
	// The request is on the record of the person who is ill: "my son has a fever" is
	// written on the son's record, so the son must be male.
	case p.Sex == triage.Female && (strings.Contains(low, "my son has") || strings.Contains(low, "my husband has") || strings.Contains(low, "my dad has")):
		return "a man or boy who is ill, on a female patient's record"
	case p.Sex == triage.Male && (strings.Contains(low, "my daughter has") || strings.Contains(low, "my wife has") || strings.Contains(low, "my mum has")):
		return "a woman or girl who is ill, on a male patient's record"
	case strings.Contains(low, "weeks pregnant") && (p.Sex != triage.Female || p.AgeAt(at) > 45):
		return fmt.Sprintf("pregnant at %d (%s)", p.AgeAt(at), p.Sex)
	}
	return ""
}

// TestEmergenciesAreRare keeps the demo believable: about one request in a hundred is
// an emergency once the real engine has read it, as in a practice's inbox. One in
// eight, as the demo once had, teaches reviewers to ignore the banner.
func TestEmergenciesAreRare(t *testing.T) {
	p := NewPractice(1, 30000, now)
	engine := assets.DefaultEngine()
	for _, seed := range []uint64{1, 2} {
		reqs := Requests(p, RequestOptions{Seed: seed, Count: 20000, Now: now, Classify: engine.Classify})
		n := 0
		for _, r := range reqs {
			if r.Suggested.Priority == triage.Emergency {
				n++
			}
		}
		if share := float64(n) / float64(len(reqs)); share < 0.005 || share > 0.015 {
			t.Errorf("seed %d: %d of %d demo requests are emergencies (%.1f%%), want about 1%%", seed, n, len(reqs), 100*share)
		}
	}
}

// TestPhotoRequestCountIsTheRequests: the count a demo checks at every start, without
// making the pictures, is how many requests with photos there are.
func TestPhotoRequestCountIsTheRequests(t *testing.T) {
	if got := len(PhotoRequests()); got != PhotoRequestCount {
		t.Fatalf("PhotoRequests returns %d requests, PhotoRequestCount says %d", got, PhotoRequestCount)
	}
}
