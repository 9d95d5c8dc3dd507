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

// TestFittingAsWorkAndSideEffectAskedAhead holds "fitting" of work, clothes or
// furniture off 999 ("hurt my back fitting carpets"), and a seizure asked about as a
// side effect of a medicine not yet started ("I start it next week": a time to come is
// no report of a fit). A fit told in the same words, or after the question, stays 999.
func TestFittingAsWorkAndSideEffectAskedAhead(t *testing.T) {
	holdRecall(t, []recallCase{
		{"back hurt fitting carpets", 44, triage.Male, "I hurt my back fitting carpets yesterday, it's sore when I bend", false},
		{"shoulder fitting a kitchen", 38, triage.Male, "pulled a muscle in my shoulder fitting a new kitchen on Saturday", false},
		{"boiler being fitted", 70, triage.Female, "the boiler man is fitting a new boiler tomorrow so I can't come in the morning", false},
		{"jeans not fitting", 51, triage.Female, "my jeans aren't fitting any more and my tummy has been bloated for 3 weeks", false},
		{"starting it next week", 29, triage.Female, "Can lamotrigine cause seizures? I am starting it next week", false},
		{"starting it tomorrow", 34, triage.Male, "Could sertraline cause seizures? I'm due to start it tomorrow", false},

		{"fitting on the kitchen floor", 40, triage.Male, "he is fitting on the kitchen floor and won't stop", true},
		{"fitting carpets then fitting", 35, triage.Male, "he was fitting carpets at work and collapsed, now he's fitting on the floor", true},
		{"fitting in the bathroom", 30, triage.Female, "she's fitting in the bathroom, her lips are blue", true},
		{"asked, then fitting now", 45, triage.Female, "can tramadol cause fits? he is fitting right now", true},
		{"asked, started, fitting", 70, triage.Female, "Can ciprofloxacin cause fits? my mum started it yesterday and is fitting on the floor", true},
	})
}

// TestMedicineFinishedAsPrescribed holds the rest of a medicine taken as it was
// prescribed off 999, and the rest of a box taken at once, with a count or "as told
// by" someone, at 999.
func TestMedicineFinishedAsPrescribed(t *testing.T) {
	holdRecall(t, []recallCase{
		{"rest as directed", 33, triage.Female, "took the rest of the tablets as directed, I feel better, do I need a check", false},
		{"rest as the doctor said", 58, triage.Male, "took the rest of my prednisolone as the doctor said, can I have more", false},
		{"all as prescribed", 41, triage.Female, "I took all the amoxicillin as prescribed and my ear still hurts", false},

		{"rest as told by someone", 19, triage.Female, "took the rest of the paracetamol as told by my boyfriend to shut up, like 16", true},
		{"all as told by a voice", 27, triage.Male, "I took all my tablets as told by the voice in my head, about 40 paracetamol", true},
		{"rest at once", 35, triage.Female, "took the rest of the co-codamol, 24 of them, I'm scared", true},
	})
}
