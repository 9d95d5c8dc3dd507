package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestReview9AlertEmergencies: FROM THE LEAD, 11:52. review9 found these emergencies
// lost by fa1's landings now on main: b09c87f ("free of fits" anywhere hides a fit
// going on now in another sentence: lost on the DESK too), 1301f94 (the pen's use told
// as "had to give his EpiPen" or "epipen him" is no longer a reaction) and 6af5c68
// (counted out, with the intent in the next sentence). A stand-aside must stop at a
// report of now and keep to its clause. Fix these before anything else, commit this
// test with the fix, and read /work/notes/review9/ALERT.md before every landing.
func TestReview9AlertEmergencies(t *testing.T) {
	holdRecall(t, []recallCase{
		{"free of fits but fitting now", 8, triage.Male, "Free of fits for two years but he's fitting now, 6 minutes.", true},
		{"fitting now, was free of fits", 8, triage.Male, "He's fitting now, 6 minutes. He was free of fits for two years.", true},
		{"had to give his EpiPen", 9, triage.Male, "I've had to give my son his EpiPen after he ate a cashew. Do I still need an ambulance?", true},
		{"epipen him", 6, triage.Male, "Had to epipen him after the cake.", true},
		{"counted out 60 paracetamol. Tonight.", 24, triage.Female, "Counted out 60 paracetamol. Tonight.", true},
		{"counted out, gonna swallow them", 17, triage.Female, "counted out my mums sleeping pills. gonna swallow them after everyone's in bed", true},
	})
}
