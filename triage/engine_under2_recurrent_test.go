package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestRecurringPharmacyInfectionIsSoon: thrush, a urine infection, tonsillitis,
// sinusitis or impetigo told as coming back, by a count of its episodes ("3rd this
// year", "the fourth one since Christmas", "4 times in the last 6 months") is no longer
// the uncomplicated case Pharmacy First takes: the GP's, soon (the labelled sets).
// The rules read only "recurrent", "3rd time" and a few more, and where a referral
// asked for or "the pharmacy said to see you" fired an admin or medicines rule the
// request fell to routine. "Again" alone, the first episode in a year, head lice, cold
// sores and a date ("since the 3rd") stay at the pharmacy; a school's letter stays
// admin.
func TestRecurringPharmacyInfectionIsSoon(t *testing.T) {
	holdAtOrBelow(t, []priorityCase{
		{"thrush the 4th time, pharmacy sent", 30, triage.Female, "thrush AGAIN, 4th time this year, the pharmacy said to see you", triage.Soon},
		{"a urine infection the 3rd this year", 34, triage.Female, "urine infection again, 3rd this year. stinging, no fever. not pregnant", triage.Soon},
		{"tonsillitis the 5th time, a referral", 19, triage.Female, "tonsillitis again, 5th time this year, can I be referred to have them out", triage.Soon},
		{"the third water infection since August", 40, triage.Female, "my third water infection since August, burning again, not pregnant", triage.Soon},
		{"cystitis 4 times in 6 months", 28, triage.Female, "cystitis 4 times in the last 6 months, can someone look into why", triage.Soon},
		{"tonsillitis 6 times, ENT", 22, triage.Male, "keeps getting tonsillitis, 6 times this year, fine right now, can I be referred to ENT", triage.Soon},
		{"the fourth sinus infection", 45, triage.Male, "sinus infection again, that's the fourth one since Christmas, each time needs antibiotics", triage.Soon},
		{"impetigo the third time", 7, triage.Female, "impetigo on her chin for the third time since the summer", triage.Soon},

		{"thrush since a diabetes tablet, the medicines team's", 58, triage.Female, "since starting dapagliflozin I keep getting thrush, the fourth time since spring", triage.Soon},

		{"thrush again", 30, triage.Female, "thrush again, itchy and white discharge, not pregnant", triage.Routine},
		{"head lice the third time this term", 9, triage.Female, "head lice AGAIN, third time this term, what shall we use", triage.Routine},
		{"a cold sore the third this year", 30, triage.Female, "cold sore on my lip again, the third this year, can I get some cream", triage.Routine},
		{"a sore throat since the 3rd", 25, triage.Male, "sore throat since the 3rd, no temperature, swallowing fine", triage.Routine},
		{"a UTI started on the 4th", 30, triage.Female, "UTI again, burning, no fever, not pregnant, started on the 4th", triage.Routine},
		{"a school letter for tonsillitis", 10, triage.Female, "school want a letter about her recurring tonsillitis, seen 5 times this year", triage.Routine},
	})
}
