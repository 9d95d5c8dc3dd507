package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestSameDayInPlainWords holds same-day requests the rules left at soon or routine
// because the words were not theirs (issue 10, engine22): an older woman's urine
// infection told as "stings to pass water"; an antiplatelet after a stent run out (a
// blood thinner to the patient, LABELS.md's essential medicines); pregnancy with
// hands and ankles "puffy" (pregnant and unwell); bruises the patient cannot explain
// with bleeding gums, exhaustion or a blood thinner. Each look-alike stays where it was.
func TestSameDayInPlainWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"stings to pass water at 78", 78, triage.Female, "it stings to pass water and I'm going every half hour", triage.SameDay},
		{"stinging water at 69", 69, triage.Female, "stinging water since Tuesday, smells strong", triage.SameDay},
		{"ticagrelor run out", 64, triage.Male, "I've run out of my ticagrelor, had a heart stent in June", triage.SameDay},
		{"puffy in pregnancy", 31, triage.Female, "I'm 34 weeks pregnant and my face and fingers are puffy today", triage.SameDay},
		{"bruises and bleeding gums", 22, triage.Male, "bruises all over my arms that I can't explain and my gums bleed when I eat", triage.SameDay},
		{"bruises on a blood thinner", 70, triage.Female, "on apixaban and there are bruises on my tummy I can't explain", triage.SameDay},

		{"stings to pass water at 30", 30, triage.Female, "it stings to pass water since yesterday, not pregnant", triage.Routine},
		{"clopidogrel repeat with a month left", 66, triage.Male, "Can I have my clopidogrel repeat please, I have a month left", triage.Routine},
	})
}
