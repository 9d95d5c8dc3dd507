package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestEmergenciesTheRoundLeftMissing holds three present emergencies a reviewer found
// that every engine of round 11 missed (issue 10), in wordings of the lead's written
// for the fix, each beside a look-alike: a rash whose spots "don't go under a glass"
// (the "don't" denied the glass test's own words), fits one after another without
// coming round (status epilepticus told in plain words; a medicine out of stock beside
// it stopped the seizure rule, so it has a rule of its own), and angina the spray does not
// settle told as "crushing" or with sweating but without the word chest.
func TestEmergenciesTheRoundLeftMissing(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"spots don't go under a glass", 4, triage.Male, "lots of little dark spots on his legs that don't go under a glass, he's hot", triage.Emergency},
		{"rash didn't go under the glass", 19, triage.Female, "rash on my tummy didn't go under the glass when I tried it", triage.Emergency},
		{"fits in an hour", 27, triage.Male, "three fits in an hour and he is still drowsy between them", triage.Emergency},
		{"fits back to back, medicine out of stock", 30, triage.Male, "chemist has no lamotrigine, he has had fits back to back this morning", triage.Emergency},
		{"fits, not come round", 45, triage.Female, "she keeps having fits and has not come round properly in between", triage.Emergency},
		{"angina, sprays, crushing", 71, triage.Male, "angina again, had 3 sprays and it's still there, crushing", triage.Emergency},
		{"angina, spray, sweating", 66, triage.Female, "my angina won't settle with the spray this time and I'm sweating", triage.Emergency},
	})
	holdReached(t, []reachedCase{
		{"fits in a row, last year", 30, "had 3 seizures in a row last year, all fine now, need my review", false},
		{"fits back to back, asked in advance", 30, "what should I do if he has seizures back to back?", false},
		{"fits well controlled, review", 40, "no fits for two years on lamotrigine, can I have my annual review", false},
		{"angina settled with one spray", 70, "angina came on walking the dog, one spray settled it in a minute, can I have more sprays", false},
	})
}
