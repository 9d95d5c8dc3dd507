package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestFitsWithoutWakingBetween holds fits told with no waking between them, or one
// after another, at 999 whatever else is said beside them (a medicine out of stock, a
// prescription asked for): the seizure rule stands aside for those, status epilepticus
// must not. Fits that are not seizures ("coughing fits") and sleep told beside fits
// stay off 999.
func TestFitsWithoutWakingBetween(t *testing.T) {
	holdRecall(t, []recallCase{
		{"coughing fits one after another", 4, triage.Male, "he has coughing fits one after another at night but no temperature", false},
		{"sneezing fits, not waking", 30, triage.Female, "sneezing fits every morning, not waking me up but my hay fever tablets don't help", false},
		{"crying fits", 30, triage.Female, "crying fits one after another since the baby came and I haven't woken up rested in weeks", false},
		{"fits of anger", 14, triage.Female, "she has fits of anger and hasn't woken up in time for school all term, can we talk about her mood", false},
		{"fits as a child", 35, triage.Male, "I had fits as a child; these days I never woke up rested all month, can I have a check", false},

		{"two fits, no waking between, out of stock", 24, triage.Female, "her epilepsy tablets were out of stock, she has had two fits this morning and didn't wake up between them", true},
		{"seizures without coming round, keppra ran out", 47, triage.Male, "he has had 3 seizures since lunchtime without coming round in between, his keppra ran out", true},
		{"never woke up in between, prescription", 9, triage.Male, "my boy had three seizures today and never woke up in between, can his prescription be changed", true},
		{"not regained consciousness", 52, triage.Male, "two fits and he has not regained consciousness, the pharmacy was out of his lamotrigine", true},
		{"hasn't woken up properly between", 19, triage.Female, "four fits since breakfast and she hasn't woken up properly between any of them", true},
		{"seizure after seizure", 66, triage.Female, "mum is having seizure after seizure, her dose was missed this morning", true},
	})
}
