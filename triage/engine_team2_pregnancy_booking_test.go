package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// teamPriorityCase is one clinical request with the team and priority LABELS.md gives it.
type teamPriorityCase struct {
	age      int
	kind     triage.Kind
	text     string
	team     triage.Team
	priority triage.Priority
}

// holdTeamAndPriority holds each request to its team and priority with the rules alone
// and the desk's engine.
func holdTeamAndPriority(t *testing.T, cases []teamPriorityCase) {
	t.Helper()
	for _, c := range cases {
		in := triage.Input{Age: c.age, Sex: triage.Female, Kind: c.kind, Text: c.text}
		for _, e := range rulesAndDesk() {
			got := e.eng.Classify(in)
			if got.Team != c.team || got.Priority != c.priority {
				t.Errorf("%q: %s gave %s/%s, want %s/%s; because %v", c.text, e.name, got.Priority, got.Team, c.priority, c.team, got.Reasons)
			}
		}
	}
}

// TestBookingInWithTheMidwifeIsTheGPsPregnancyCare is round 20's family (issue 10) of a
// pregnancy told with booking in with the midwife ("positive test, how do I book in with
// the midwife?"), ticked clinical. Only appointment-admin read it, which gave it to the
// admin team; LABELS.md gives pregnancy to the GP team (rule pregnancy-booking). It
// stays routine, as before. The other side: a booking appointment's results, an
// appointment cancelled in a pregnancy, a baby's check or jabs, a copy of records, and
// the same booking ticked as admin: admin, as before.
func TestBookingInWithTheMidwifeIsTheGPsPregnancyCare(t *testing.T) {
	gp, admin, routine := triage.TeamGP, triage.TeamAdmin, triage.Routine
	clinical, ticked := triage.Clinical, triage.Admin
	holdTeamAndPriority(t, []teamPriorityCase{
		{29, clinical, "Just found out I'm pregnant, about 6 weeks, feeling well. How do I book in with the midwife?", gp, routine},
		{31, clinical, "positive test this morning, how do i book in with the midwife", gp, routine},
		{24, clinical, "I'm 9 weeks pregnant and all fine, when is my booking appointment with the midwife?", gp, routine},
		{36, clinical, "Pregnant with my second, 7 weeks, can I book in with the midwife at the surgery?", gp, routine},
		{27, clinical, "Test is positive, no pain no bleeding, how do I book with a midwife please", gp, routine},
		{33, clinical, "I'm 10 weeks pregnant and need to book in with the midwife, all fine", gp, routine},

		{33, clinical, "had bloods done at my booking appointment 2 weeks ago, are the results back?", admin, routine},
		{30, clinical, "I'm 20 weeks pregnant, can I cancel my appointment with the nurse on Tuesday?", admin, routine},
		{28, clinical, "I had my baby 8 weeks ago and need to book my own postnatal check please", admin, routine},
		{34, clinical, "Can I book my son's 8 week jabs? He was born 6 weeks ago.", admin, routine},
		{32, clinical, "Can I have a copy of my records, I'm 12 weeks pregnant and want to book in with the midwife near my mum", admin, routine},
		{29, clinical, "I'm 6 weeks pregnant and booked in with the midwife, can I have my results from the booking bloods?", admin, routine},
		{30, ticked, "I'm 7 weeks pregnant and well, how do I book in with the midwife?", admin, routine},
	})
}
