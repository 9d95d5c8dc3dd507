package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAFitNowIsStoppedOnlyInItsOwnClause: review17 on main 4a0b649. A frequency, a past
// day or a long-standing word stopped rule seizure-told-now wherever the request said
// it, so a fit going on now beside a dose changed "a month ago", or beside what a
// letter says of fits "once a month", was routine. Each stops the fit only in the
// clause it is said in; said of the fit in its own clause it still holds it below 999,
// and so does a frequency told in a later clause that names no fits of its own ("he is
// fitting now, which is why we need the form, it's about twice a month": review17 at
// d1ea287).
func TestAFitNowIsStoppedOnlyInItsOwnClause(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 40, triage.Male, "the letter says he has fits once a month, but right now he's fitting and it's been 10 minutes", true},
		{"", 35, triage.Female, "his fits usually come every few weeks, but now my son is fitting and it won't stop", true},
		{"", 60, triage.Male, "Dad has had epilepsy for years, but today he is fitting and not responding", true},
		{"", 30, triage.Female, "the repeat was due a week ago. my wife is seizing on the floor and it won't stop", true},
		{"", 40, triage.Female, "the epilepsy nurse's letter says her seizures come about once a fortnight. At the moment she is seizing and it has gone on for 8 minutes", true},
		{"", 40, triage.Male, "he's fitting once a month at the moment, the letter needs updating", false},
		{"", 40, triage.Male, "Yes he is fitting now, which is why we need the form, it's about twice a month", false},
		{"", 40, triage.Female, "my daughter is fitting at the moment, as the school nurse knows, it happens about every 10 days. care plan form please", false},
		{"", 40, triage.Male, "He's fitting currently, though less than before, around once a month. Review of his meds please", false},
		{"", 40, triage.Female, "My wife is fitting still, as in she still has epilepsy, about one a month, for the PIP form", false},
		{"", 40, triage.Female, "she is fitting about twice a week lately, can we review her dose", false},
		{"", 40, triage.Male, "he has been fitting for years, the DVLA form needs the dates", false},
		{"", 8, triage.Male, "my son had a fit for ages in the shop because I said no, he's still not right with me, can we get help with his behaviour", false},
		{"", 40, triage.Female, "Epilepsy for years, fitting now and then, can I have a review", false},
	})
}
