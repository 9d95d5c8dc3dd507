package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestShortBenzodiazepinesAreMedicines holds diazepam and oxazepam in the medicine
// word class. The class reads benzodiazepines by the suffix "azepam" with three letters
// before it, which "diazepam" and "oxazepam" do not have, so every rule that reads a
// medicine (the rest of a medicine taken, a medicine laid out) missed them: an overdose
// of the rest of a diazepam box was same-day with the rules alone. A repeat or a
// question about them stays what it was.
func TestShortBenzodiazepinesAreMedicines(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"the rest of the diazepam, want to sleep", 38, triage.Female,
			"I have taken all the diazepam that was left in the drawer, around 20, I just want to sleep", triage.Emergency},
		{"the rest of the oxazepam", 57, triage.Male,
			"he's taken all the oxazepam that was left, about 30, after the row", triage.Emergency},
		{"a diazepam repeat", 61, triage.Female, "please can I order my diazepam, I have three left", triage.Routine},
	})
}
