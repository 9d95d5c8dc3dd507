package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestAFitAtCollegeIsNoFormForIt: a college, a university or a court named as where a
// person is or was (mask letters_place; hazard8, round 20) is no letter or form for it.
// "I had a fit at college, jerking for 3 minutes" was routine with the rules alone: the
// letters-forms concept read "college", and the seizure rules stand aside for a letter
// or form. A letter, a form or a college written to, named elsewhere in the request,
// still reads as one: those stay routine.
func TestAFitAtCollegeIsNoFormForIt(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 19, triage.Male, "I had a fit at college, jerking for 3 minutes", true},
		{"", 17, triage.Female, "my daughter had a seizure at college and she's still not responding", true},
		{"", 20, triage.Male, "I collapsed at university and I'm having a fit now", true},
		{"", 18, triage.Female, "she had a fit at college 10 minutes ago, first one ever, still drowsy", true},
		{"", 19, triage.Male, "he's fitting at college right now, eyes rolled back", true},
		{"", 22, triage.Female, "my son had a fit at university this morning, his first, he is confused", true},
		{"", 45, triage.Male, "I had a fit in court today, lasted 4 minutes", true},
		{"", 17, triage.Male, "fitting at college, jerking for 5 minutes, not responding", true},
		{"", 18, triage.Female, "had a seizure at the college canteen, went stiff and blue", true},
		{"", 19, triage.Male, "I need a letter for college, I had a fit at college last year", false},
		{"", 17, triage.Female, "can I have a form for college saying I have epilepsy, I had a seizure at college in March 2024", false},
		{"", 18, triage.Male, "letter for university please, I had a fit at university two years ago", false},
		{"", 20, triage.Female, "please can you write to my college about my seizures", false},
		{"", 16, triage.Male, "my son needs a letter for his college about his fits", false},
		{"", 19, triage.Female, "I had a fit at college last year, form for exam board please", false},
		{"", 40, triage.Male, "I need a letter for court about my fits", false},
	})
	for _, text := range []string{
		"I need a letter for college, I had a fit at college last year",
		"please can you write to my college about my seizures",
		"I need a letter for court about my fits",
	} {
		in := triage.Input{Age: 19, Sex: triage.Male, Kind: triage.Admin, Text: text}
		if got := assets.DefaultEngine().Classify(in); got.Priority != triage.Routine || got.Team != triage.TeamAdmin {
			t.Errorf("%q: got %v for %v, want routine for admin; because %v", text, got.Priority, got.Team, got.Reasons)
		}
	}
}
