package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestFitsCountedAfterYearsWithoutThem holds fits one after another told only by a count
// after a denial of fits ("hasn't had a seizure for years and today he has had three in
// a row"): the denial denied the word the count refers back to, so both engines gave
// soon. Beside them, the same count told as history stays off 999.
func TestFitsCountedAfterYearsWithoutThem(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"years without, three today", 40, triage.Male,
			"he hasn't had a seizure for years and today he has had three in a row", triage.Emergency},
		{"seizure free, two this afternoon", 22, triage.Female,
			"I was seizure free for 4 years but this afternoon I've had two in a row, mum is with me", triage.Emergency},
		{"no fits since a dose rise, two back to back this morning", 35, triage.Female,
			"no fits since my dose went up, but he's had two back to back this morning and is still drowsy", triage.Emergency},
		{"months without, two tonight", 40, triage.Male,
			"no seizures for months but tonight he has had two in a row and he is not waking up properly", triage.Emergency},
		{"two in a row last year", 40, triage.Male,
			"no seizures this year, had two in a row last year after missing tablets, can I have a review", triage.Routine},
		{"three in a row in 2020", 33, triage.Female,
			"no fits since 2020, when I had three in a row and went to A&E, just need my repeat", triage.Routine},
		{"none now for years", 50, triage.Male,
			"she's had no seizures now for 5 years, had two in a row back in 2019, need a review of her levetiracetam", triage.Routine},
	})
}
