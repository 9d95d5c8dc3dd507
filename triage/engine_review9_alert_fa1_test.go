package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestReview9AlertEmergencies holds emergencies that round 14's false-alarm masks
// first lost (reviewer 9): a fit going on now told beside "free of fits", an EpiPen
// given ("had to give his EpiPen", "epipen him"), and tablets counted out with the
// intent in the next sentence. A stand-aside keeps to its clause and stops at a report
// of now.
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
