package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestEssentialMedicineOutOfStock is engine18's hazard: "the chemist hasn't got my
// levetiracetam" read "hasn't" as a negation and denied the medicine it names, so an
// anti-epileptic the pharmacy cannot supply lost its urgency (ran-out-other, soon).
// LABELS.md gives running out of an essential medicine to the medicines team, same-day,
// and a medicine the pharmacy cannot get is one the patient is about to run out of.
// Beside them, a medicine that is not essential stays as it was.
func TestEssentialMedicineOutOfStock(t *testing.T) {
	holdTeams(t, []teamCase{
		{"the chemist hasn't got it", 58, triage.Female, triage.Clinical,
			"ran out of my levetiracetam this morning, the chemist hasnt got any in", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"not in stock, tonight's dose left", 34, triage.Male, triage.Clinical,
			"chemist hasnt got my levetiracetam in stock and I only have tonights dose left", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"the pharmacy can't get it", 62, triage.Female, triage.Admin,
			"pharmacy says they cant get my lamotrigine, I have 2 days left, what do I do", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"no warfarin in my strength", 71, triage.Male, triage.Admin,
			"the chemist has no warfarin in my strength and I run out tomorrow", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"a Parkinson's medicine out of stock", 74, triage.Male, triage.Clinical,
			"Boots havent got my madopar, they said it is out of stock everywhere, I have a few left", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"a medicine that is not essential", 64, triage.Female, triage.Clinical,
			"ran out of my omeprazole yesterday, forgot to order", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
	})
}
