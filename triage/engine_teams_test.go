package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// teamCase is one request and the priority, team and signpost LABELS.md gives it.
type teamCase struct {
	name     string
	age      int
	sex      triage.Sex
	kind     triage.Kind
	text     string
	want     triage.Priority
	team     triage.Team
	signpost triage.Signpost
}

// holdTeams holds the rules alone and the desk's engine to each case's priority, team
// and signpost: a family of team fixes must not move a priority on the way.
func holdTeams(t *testing.T, cases []teamCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: c.kind, Text: c.text}
			for _, e := range rulesAndDesk() {
				got := e.eng.Classify(in)
				if got.Priority != c.want || got.Team != c.team || got.Signpost != c.signpost {
					t.Errorf("%q: %s gave %s/%s/%s, want %s/%s/%s; because %v", c.text, e.name,
						got.Priority, got.Team, got.Signpost, c.want, c.team, c.signpost, got.Reasons)
				}
			}
		})
	}
}

// TestMedicineRequestsGoToTheMedicinesTeam is issue 10's family of a request about a
// medicine the patient takes (an early supply, a review, whether two go together, a
// pack to split or stop) that no other rule reads: ticked as admin it went to the
// admin team, ticked as clinical to the GP as a new problem (soon), where LABELS.md
// gives both to the medicines team as routine. Beside them, the look-alikes that are
// not the medicines team's: a list of medicines for a care home is a copy of records
// (admin), booking a jab is appointment admin, asking whether a contact with an
// infection needs antibiotics or saying a symptom with a medicine stays the GP's,
// soon.
func TestMedicineRequestsGoToTheMedicinesTeam(t *testing.T) {
	holdTeams(t, []teamCase{
		{"an early supply before a trip, ticked admin", 58, triage.Female, triage.Admin,
			"Off to Canada for six weeks, could I have my amlodipine early? I've about 2 weeks' worth", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"two medicines together, ticked admin", 47, triage.Male, triage.Admin,
			"Is it ok to take ibuprofen alongside my losartan?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"the pharmacist to look over them, ticked admin", 81, triage.Female, triage.Admin,
			"could the pharmacist look over all my tablets with me, I have nine different ones now", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a relative's tablets to a new chemist, ticked admin", 79, triage.Male, triage.Admin,
			"Mum's donepezil needs to go to the new chemist on the high street from now on, she has a week left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"whether to carry on, clinical", 66, triage.Female, triage.Clinical,
			"I have been on alendronic acid for six years now, should I still be taking it?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a drink on a medicine, clinical", 39, triage.Male, triage.Clinical,
			"Can I have a couple of beers at my brother's stag do while I'm on propranolol?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"splitting a tablet, clinical", 71, triage.Male, triage.Clinical,
			"Am I allowed to cut my bisoprolol in half, they are hard to swallow whole", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"off the repeat list, clinical", 55, triage.Female, triage.Clinical,
			"my HRT gel seems to have disappeared from my list on the app, I have a few weeks left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a list of medicines for a care home is records", 84, triage.Male, triage.Admin,
			"Dad is going into respite next week and they want a list of his medication, can you email it over", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"booking a jab is appointment admin", 70, triage.Female, triage.Admin,
			"How do I book my pneumonia jab?", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"a contact asking for antibiotics stays the GP's", 35, triage.Female, triage.Clinical,
			"my son's friend has scarlet fever, he seems fine, does he need antibiotics to be safe?", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"weight lost beside a medicine stays the GP's", 60, triage.Male, triage.Clinical,
			"Lost a stone without trying this year, I take metformin and I'm not dieting", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}
