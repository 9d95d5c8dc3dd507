package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"triagedesk/triage"
)

// TestReceptionNewSearchDropsThePickedPatient: a receptionist finds and picks a
// patient, then the caller corrects their date of birth and a new search lists other
// patients. The one picked first must not stay the request's patient while the
// screen lists others: the request waits until one of the new results is picked, and
// nothing typed is lost meanwhile.
func TestReceptionNewSearchDropsThePickedPatient(t *testing.T) {
	f, r := atReception(t)
	first, second := f.twoFamilies(t)
	user(func() { find(r, first.NHSNumber.String()) })
	user(func() { r.Results.Select(0) })
	if got := r.Entry().PatientID; got != first.ID {
		t.Fatalf("picked patient %d, the entry is for %d", first.ID, got)
	}
	user(func() {
		test.Type(r.Text, "a cough for three weeks")
		r.Search.SetText("")
		find(r, second.NHSNumber.String())
	})
	if len(r.found) != 1 || r.found[0].ID != second.ID {
		t.Fatalf("the second search found %d patients (%q)", len(r.found), r.Found.Text)
	}
	if got := r.Entry().PatientID; got != 0 {
		t.Fatalf("after a search that lists %s %s, the request is still for patient %d (%s %s), picked from the search before",
			second.GivenName, second.FamilyName, got, first.GivenName, first.FamilyName)
	}
	if !strings.Contains(r.Chosen.Text, "No patient chosen") {
		t.Errorf("the screen says %q about whom the request is for", r.Chosen.Text)
	}
	user(func() { test.Tap(r.EnterBtn) })
	if !strings.Contains(r.Result.Text, "Not sent") || r.Text.Text != "a cough for three weeks" {
		t.Fatalf("sent with no patient picked: %q, the problem now %q", r.Result.Text, r.Text.Text)
	}
	user(func() { r.Results.Select(0) })
	if got := r.Entry().PatientID; got != second.ID {
		t.Fatalf("picked patient %d from the new search, the entry is for %d", second.ID, got)
	}
}

// TestReceptionAnswersAreTheQuestionsAsked: what reception sends answers the red-flag
// questions that apply to the patient (and any answered yes), worked out from whom
// they are about, not from which tick boxes the screen last showed. A receptionist
// ticks the baby's-fever question while the caller seems to ring about themself
// (asked of everyone ringing for themself, for a newborn not yet on the list), learns
// that the caller rings about their father of seventy, and unticks it: it is not a
// question about him, so it is neither shown nor sent as answered no.
func TestReceptionAnswersAreTheQuestionsAsked(t *testing.T) {
	f, r := atReception(t)
	old := f.patientWhere(t, "patient of 60 or more", func(p triage.Patient) bool { return !p.Dependant && p.AgeAt(testNow) >= 60 })
	baby := -1
	for i, q := range triage.RedFlagQuestions {
		if q.ID == "baby-fever" {
			baby = i
		}
	}
	if baby < 0 {
		t.Fatal("no baby-fever question")
	}
	user(func() { find(r, old.NHSNumber.String()) })
	user(func() { r.Results.Select(0) })
	if !r.Flags[baby].Visible() {
		t.Fatal("the baby's-fever question is not asked of a caller ringing for themself")
	}
	user(func() { test.Tap(r.Flags[baby]) })
	user(func() {
		test.Type(r.Caller, "Sam Jones")
		test.Type(r.CallerRel, "son")
	})
	if !r.Flags[baby].Visible() {
		t.Fatal("a question answered yes was taken off the screen")
	}
	user(func() { test.Tap(r.Flags[baby]) }) // no, after all
	about := triage.Subject{For: triage.ForAdult, Name: old.GivenName, Birth: old.BirthDate}
	e := r.Entry()
	if e.Answers == nil {
		t.Fatal("the entry carries no answers")
	}
	for _, a := range e.Answers.RedFlags {
		if q, _ := triage.RedFlagQuestionByID(a.Question); !q.Applies(about, testNow) {
			t.Errorf("the entry answers %q (yes: %v), a question that does not apply to a patient of %d", a.Question, a.Yes, old.AgeAt(testNow))
		}
	}
	for i, q := range triage.RedFlagQuestions {
		if shown, want := r.Flags[i].Visible(), q.Applies(about, testNow); shown != want {
			t.Errorf("the question %q is shown: %v, want %v", q.ID, shown, want)
		}
	}
}

// TestReceptionPicksThePatientByKeyboard: a receptionist on the phone types the name,
// presses Enter to search, ↓ to go to the patients found and ↓ again to the second,
// and Enter to pick them, without the mouse. Before, ↓ in the search box and Enter on
// the list did nothing, and the screen still said "No patient chosen".
func TestReceptionPicksThePatientByKeyboard(t *testing.T) {
	f, r := atReception(t)
	first, _ := f.twoFamilies(t)
	c := f.w.Canvas()
	user(func() {
		c.Focus(r.Search)
		keysOn(c, first.FamilyName, "<Return>")
	})
	if len(r.found) < 2 {
		t.Fatalf("searching for %q found %d patients (%q): the test needs two", first.FamilyName, len(r.found), r.Found.Text)
	}
	if !strings.Contains(r.Found.Text, "↓") {
		t.Errorf("the search says %q, not how to pick by keyboard", r.Found.Text)
	}
	user(func() { keysOn(c, "<Down>") })
	if c.Focused() != r.Results {
		t.Fatalf("↓ in the search box put the keyboard on %T, not the patients found", c.Focused())
	}
	user(func() { keysOn(c, "<Down>", "<Return>") })
	want := r.found[1]
	if got := r.Entry().PatientID; got != want.ID {
		t.Fatalf("↓ ↓ Enter picked patient %d, want the second found, %d", got, want.ID)
	}
	if !strings.Contains(r.Chosen.Text, strings.ToUpper(want.FamilyName)) {
		t.Errorf("after picking, the screen says %q", r.Chosen.Text)
	}
}
