package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAFitHadInAPlaceForAgesLookAlikesStayBelow999 holds below 999, on both engines, the
// look-alikes of a fit had in or on a place and then "for ages". "Nan had a fit in bed for
// ages, still not right" is soon on main: "for ages" (longstanding) stands the seizure
// rules aside. Reading "had a fit in/on <a place> for ages" as the fit lasting (branch
// lead19, round 19) failed review14 at once: a tantrum or a temper is told in the same
// words ("my toddler had a fit in the supermarket for ages because I said no sweets").
// A fix must keep these below 999; the branch holds its 32 emergencies.
func TestAFitHadInAPlaceForAgesLookAlikesStayBelow999(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 34, triage.Female, "She has had fits in her sleep for ages, epilepsy review please", false},
		{"", 40, triage.Male, "He had a fit in 2015 and has been fine for ages, can he drive again?", false},
		{"", 52, triage.Female, "Mum had a fit in her forties, none for ages, form for the DVLA please", false},
		{"", 8, triage.Male, "My son had a fit in nursery years ago, he's been fine for ages", false},
		{"", 30, triage.Female, "I had a fit in the past but nothing for ages, I need my epilepsy review", false},
		{"", 61, triage.Male, "Dad had a fit in hospital last year, fit free for ages now, licence form please", false},
		{"", 55, triage.Male, "my husband had a seizure in 2010 and none for ages, DVLA form", false},
		{"", 79, triage.Female, "Nan had a fit in the past, she's been settled on her tablets for ages", false},
		{"", 45, triage.Male, "He hasn't had a fit in years, he's been on the same dose for ages", false},
		{"", 38, triage.Female, "I haven't had a seizure in a long time, fine for ages, repeat please", false},
		{"", 14, triage.Female, "my daughter has had fits in bed for ages, the neurologist letter hasn't come", false},
		{"", 66, triage.Male, "Dad has had seizures in his sleep for ages, can we review his levetiracetam", false},
		{"", 31, triage.Female, "I've had fits on and off for ages, need a repeat of my lamotrigine", false},
		{"", 29, triage.Female, "The dress has fitted me for ages, now I've lost weight, any advice on diet?", false},
		{"", 50, triage.Male, "I had a fit note in April for ages of back pain, need another", false},
		{"", 42, triage.Female, "We had a new kitchen fitted in May, the dust has made my asthma bad for ages", false},
		{"", 70, triage.Male, "had a fitting in the hearing aid clinic for ages, still whistling", false},
		{"", 33, triage.Female, "She had a fit of giggles in class for ages, teacher told her off", false},
		{"", 36, triage.Male, "I had a fit of coughing in bed for ages last night, cold for a week", false},
		{"", 48, triage.Female, "Had a fit of sneezing in the garden for ages, hay fever", false},
		{"", 57, triage.Male, "He had a fit in his twenties, since then nothing for ages, please update records", false},
		{"", 26, triage.Female, "My epilepsy has been controlled for ages, last fit in 2019", false},
		{"", 62, triage.Male, "My wife had a seizure in 2008, well for ages, insurance form please", false},
		{"", 74, triage.Female, "Mum had a fit in hospital in 2020 and nothing for ages since", false},
		{"", 19, triage.Male, "Had a fit in sixth form, seizure free for ages, can I learn to drive?", false},
		{"", 68, triage.Male, "Dad had a seizure in the past after his stroke, fine for ages, review please", false},
		{"", 35, triage.Female, "I haven't had a fit in ages and want to come off my tablets", false},
		{"", 9, triage.Male, "He had a febrile fit in nursery years back, none for ages, school form", false},
		{"", 41, triage.Male, "He had a fit in the past, fine for ages, can I have his repeat?", false},
		{"", 37, triage.Female, "She had a fit in 2019 so fine for ages, insurance form", false},
		{"", 59, triage.Male, "I had a seizure on holiday in 2012, been fine for ages", false},
		{"", 2, triage.Male, "My toddler had a fit in the supermarket for ages because I said no sweets, he's fine, just wondering about his tantrums.", false},
		{"", 2, triage.Male, "He had a fit on the floor for ages when we left the park, screaming and kicking. He's 2, is this normal?", false},
		{"", 14, triage.Female, "She had a fit in class for ages about her phone being taken off her, now she's refusing school.", false},
		{"", 10, triage.Male, "My son had a fit on the trampoline for ages, a fit of giggles, then twisted his ankle. He can walk on it.", false},
		{"", 6, triage.Female, "My daughter had a fit in the car for ages, a tantrum not a seizure, and now she has a sore throat.", false},
		{"", 50, triage.Male, "My husband had a fit in the garage for ages when the car wouldn't start, then hurt his back lifting the battery.", false},
	})
}
