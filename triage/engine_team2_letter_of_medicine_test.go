package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestALetterToldAsAMedicinesSourceIsTheMedicinesTeams is round 20's family (issue 10)
// of a letter told as where a medicine's change comes from ("the chemist gave me 50 but
// the letter said 100", "changed my bisoprolol to 5mg, letter should be with you",
// "neurologist letter attached, repeat keppra please"). letters-forms (admin) beside the
// medicine's rule (medicines) gave two teams, so the GP; nothing is asked of the letter,
// so the medicines team's (rule letter-of-medicine, in letters-forms' place). It stays
// routine, as before. The other side: a letter or form asked for, a letter's result asked
// about, or a jab's letter inviting a booking: admin, as before; and beside a
// consultant's or referral's word, two teams: the GP.
func TestALetterToldAsAMedicinesSourceIsTheMedicinesTeams(t *testing.T) {
	gp, admin, medicines, routine := triage.TeamGP, triage.TeamAdmin, triage.TeamMedicines, triage.Routine
	clinical := triage.Clinical
	holdTeams(t, []teamCase{
		{"letter 1", 36, triage.Female, clinical, "what dose of sertraline should i be on, the chemist gave me 50 but the letter said 100?", routine, medicines, triage.SignpostNone},
		{"letter 2", 68, triage.Female, clinical, "My doctor at the hospital has changed my bisoprolol from 2.5 to 5mg, letter should be with you. Can my repeat be updated?", routine, medicines, triage.SignpostNone},
		{"letter 3", 76, triage.Female, clinical, "Please could you ask the chemist to take out the furosemide the heart doctor stopped last month, the letter is with you", routine, medicines, triage.SignpostNone},
		{"letter 4", 30, triage.Female, clinical, "epilepsy for 10 years, seizures about once a month as usual, neurologist letter attached, repeat keppra please", routine, medicines, triage.SignpostNone},
		{"letter 5", 62, triage.Female, clinical, "The clinic letter says my ramipril goes up to 10mg, can my repeat be changed?", routine, medicines, triage.SignpostNone},
		{"letter 6", 71, triage.Female, clinical, "The hospital stopped my aspirin, the letter should be with you, please take it off my list", routine, medicines, triage.SignpostNone},

		{"letter 7", 55, triage.Female, clinical, "Could I have a letter for my insurer listing my medication?", routine, admin, triage.SignpostNone},
		{"letter 8", 45, triage.Female, clinical, "The school needs a form signed so my son can carry his inhaler", routine, admin, triage.SignpostNone},
		{"letter 9", 66, triage.Female, clinical, "Can you fill in the DVLA form, I'm on insulin now", routine, admin, triage.SignpostNone},
		{"letter 10", 70, triage.Female, clinical, "my dentist needs a letter about my warfarin before my extraction", routine, admin, triage.SignpostNone},
		{"letter 11", 40, triage.Female, clinical, "Flu jab letter says book online but I dont have the internet, can you book me in", routine, admin, triage.SignpostNone},
		{"letter 12", 38, triage.Female, clinical, "The letter said my son's second HPV jab is due, can we book it?", routine, admin, triage.SignpostNone},
		{"letter 13", 57, triage.Female, clinical, "My repeat says omeprazole 20mg but the consultant letter said increase to 40mg. Which one should I be taking?", routine, gp, triage.SignpostNone},
	})
}
