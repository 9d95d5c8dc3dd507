package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// holdRoutineTeam holds each clinical request to team and a routine priority with the
// rules alone and the desk's engine: the question moves between queues, never up or
// down one.
func holdRoutineTeam(t *testing.T, team triage.Team, cases []fallbackTeamCase) {
	t.Helper()
	for _, c := range cases {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		for _, e := range rulesAndDesk() {
			got := e.eng.Classify(in)
			if got.Team != team || got.Priority != triage.Routine {
				t.Errorf("%q: %s gave %s/%s, want routine/%s; because %v", c.text, e.name, got.Priority, got.Team, team, got.Reasons)
			}
		}
	}
}

// TestAWellPatientsQuestionOfTheirMedicineIsTheMedicinesTeams is round 21's family
// (issue 10) of a patient who says they are well and asks what a named medicine does or
// how long it is taken ("do statins cause dementia?", "how long do I stay on it?", "the
// hospital stopped my clopidogrel, is my list updated?"). health-query-well gave it to the
// GP; LABELS.md gives questions of a medicine to the medicines team, and so do the read
// sets (medicine-query-well reads the wider medicine_question_named). Still routine.
func TestAWellPatientsQuestionOfTheirMedicineIsTheMedicinesTeams(t *testing.T) {
	holdRoutineTeam(t, triage.TeamMedicines, []fallbackTeamCase{
		{58, triage.Male, "Do statins cause memory problems? I saw it in the paper. I'm fine on them, just wondering."},
		{34, triage.Female, "I've been on sertraline a year and I feel great. How long do people normally stay on it? Just curious."},
		{71, triage.Female, "The cardiologist stopped my bisoprolol last month. Can you make sure my list is updated? I'm well."},
		{45, triage.Female, "My friend said levothyroxine is for life. Is that right? No symptoms, feeling fine."},
		{63, triage.Male, "Is there a risk of kidney problems from lansoprazole? I feel fine, just a question."},
		{29, triage.Female, "Been on propranolol for a year for my nerves and doing well, how long should I stay on them? Just wondering."},
		{55, triage.Female, "Can metformin cause low B12? Asking as my sister had it. Feel fine."},
	})
}

// TestAWellPatientsQuestionOfTheirHealthStaysTheGPs is the other side of
// TestAWellPatientsQuestionOfTheirMedicineIsTheMedicinesTeams: a well patient's question
// of a reading, a check, a family history or what to do, a medicine named or not, is the
// GP's (health-query-well).
func TestAWellPatientsQuestionOfTheirHealthStaysTheGPs(t *testing.T) {
	holdRoutineTeam(t, triage.TeamGP, []fallbackTeamCase{
		{53, triage.Male, "I'm on metformin. My sugar was 14 after a big meal, feel fine. Is that dangerous?"},
		{40, triage.Female, "My dad had a stroke at 60, should I be checked? I feel fine, just wondering."},
		{47, triage.Male, "My brother had a heart attack at 50, could it be in the family? No symptoms, I feel fine."},
		{36, triage.Female, "How long should I wait before trying again after a miscarriage? I feel fine now."},
		{58, triage.Female, "I'm on all my tablets and feel fine since the stroke, is there a leaflet on what to do if it happens again?"},
	})
}
