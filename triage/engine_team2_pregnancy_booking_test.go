package triage_test

import (
	"testing"

	"triagedesk/triage"
)

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
	holdTeams(t, []teamCase{
		{"midwife 1", 29, triage.Female, clinical, "Just found out I'm pregnant, about 6 weeks, feeling well. How do I book in with the midwife?", routine, gp, triage.SignpostNone},
		{"midwife 2", 31, triage.Female, clinical, "positive test this morning, how do i book in with the midwife", routine, gp, triage.SignpostNone},
		{"midwife 3", 24, triage.Female, clinical, "I'm 9 weeks pregnant and all fine, when is my booking appointment with the midwife?", routine, gp, triage.SignpostNone},
		{"midwife 4", 36, triage.Female, clinical, "Pregnant with my second, 7 weeks, can I book in with the midwife at the surgery?", routine, gp, triage.SignpostNone},
		{"midwife 5", 27, triage.Female, clinical, "Test is positive, no pain no bleeding, how do I book with a midwife please", routine, gp, triage.SignpostNone},
		{"midwife 6", 33, triage.Female, clinical, "I'm 10 weeks pregnant and need to book in with the midwife, all fine", routine, gp, triage.SignpostNone},

		{"midwife 7", 33, triage.Female, clinical, "had bloods done at my booking appointment 2 weeks ago, are the results back?", routine, admin, triage.SignpostNone},
		{"midwife 8", 30, triage.Female, clinical, "I'm 20 weeks pregnant, can I cancel my appointment with the nurse on Tuesday?", routine, admin, triage.SignpostNone},
		{"midwife 9", 28, triage.Female, clinical, "I had my baby 8 weeks ago and need to book my own postnatal check please", routine, admin, triage.SignpostNone},
		{"midwife 10", 34, triage.Female, clinical, "Can I book my son's 8 week jabs? He was born 6 weeks ago.", routine, admin, triage.SignpostNone},
		{"midwife 11", 32, triage.Female, clinical, "Can I have a copy of my records, I'm 12 weeks pregnant and want to book in with the midwife near my mum", routine, admin, triage.SignpostNone},
		{"midwife 12", 29, triage.Female, clinical, "I'm 6 weeks pregnant and booked in with the midwife, can I have my results from the booking bloods?", routine, admin, triage.SignpostNone},
		{"midwife 13", 30, triage.Female, ticked, "I'm 7 weeks pregnant and well, how do I book in with the midwife?", routine, admin, triage.SignpostNone},
	})
}
