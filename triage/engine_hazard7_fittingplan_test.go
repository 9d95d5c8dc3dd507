package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestFittingInAPlannedThing: "fitting in" a thing to do, told by the person who plans it
// (hazard7, round 19, mask fitting_in_plan). "I'm fitting in a quick gym session before
// work and my ankle hurts", "I'm fitting in a smear before my holiday" were 999 on both
// engines. Only the speaker's own plan and a thing done; never "a run" ("I keep fitting in
// a run of them") nor another's ("she's fitting in a swim class"), and the mask stands
// aside for a sign of a fit said near it: fits told with the same words stay 999.
func TestFittingInAPlannedThing(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 30, triage.Female, "I'm fitting in a walk in centre waiting room, my arm keeps jerking and I can't stop it", true},
		{"", 28, triage.Male, "I'm fitting in a class, my whole left side is jerking, help", true},
		{"", 35, triage.Female, "I'm fitting in a swim changing room, shaking all over, someone call 999", true},
		{"", 40, triage.Male, "I'm fitting in a taxi, my arm won't stop twitching, 10 minutes now", true},
		{"", 25, triage.Female, "I keep fitting in a run of them, one after another, eyes rolling", true},
		{"", 9, triage.Male, "he's fitting in a swim class, the lifeguard pulled him out", true},
		{"", 3, triage.Female, "she's fitting in a walk, went stiff and blue in the pram", true},
		{"", 50, triage.Male, "my husband is fitting in a run, jerking on the pavement", true},
		{"", 25, triage.Female, "I keep fitting in a run of them, one after another", true},
		{"", 30, triage.Female, "I'm fitting in a class at the gym, my arm is jerking and won't stop", true},
		{"", 22, triage.Male, "I'm fitting in a lesson, my hand keeps twitching for 10 minutes now, help", true},
		{"", 35, triage.Female, "I'm fitting in a coffee shop, my left side is jerking, please call 999", true},
		{"", 40, triage.Male, "I'm fitting in a visit to my mum's, my face and arm are twitching, it won't stop", true},
		{"", 28, triage.Female, "I am fitting in a trip on the bus, my arm is shaking all over, help", true},
		{"", 12, triage.Male, "he's fitting in a swim lesson, eyes rolled, the teacher has him out", true},
		{"", 7, triage.Female, "she's fitting in a gym class, jerking, the teacher called an ambulance", true},
		{"", 60, triage.Male, "my husband is fitting in a walk in the park, he's on the ground jerking", true},
		{"", 45, triage.Female, "my wife is fitting in a yoga class, she's rigid and blue", true},
		{"", 16, triage.Male, "my son is fitting in a class at school, not responding, 6 minutes", true},
		{"", 33, triage.Female, "we're fitting in a walk and my daughter has collapsed and is jerking", true},
		{"", 50, triage.Male, "we are fitting in a holiday and my husband is fitting now, eyes rolled back", true},
		{"", 38, triage.Female, "I keep fitting in a lesson, my arm jerks every few minutes, non stop", true},
		{"", 26, triage.Male, "I'm fitting in a workout and my whole body started jerking, can't stop it", true},
		{"", 70, triage.Female, "Mum is fitting in a coffee shop, foaming at the mouth", true},
		{"", 5, triage.Male, "my son is fitting in a swim, the lifeguard says his lips are blue", true},
		{"", 31, triage.Female, "I'm fitting in a shift at work, my arm has been twitching for 20 minutes and it won't stop", true},
		{"", 44, triage.Male, "my brother is fitting in a taxi, he's unresponsive", true},
		{"", 9, triage.Female, "she is fitting in a dance class, stiff then jerking", true},
		{"", 55, triage.Female, "I'm fitting in a yoga class and my arm is jerking non stop, please help", true},
		{"", 30, triage.Female, "I'm fitting in a quick gym session before work and my ankle hurts", false},
		{"", 33, triage.Female, "I'm fitting in a smear before my holiday, is it ok on my period", false},
		{"", 29, triage.Female, "I'm fitting in a swim before work but my ears keep getting infected", false},
		{"", 40, triage.Male, "we're fitting in a holiday in June, do I need malaria tablets", false},
		{"", 35, triage.Female, "I'm fitting in a yoga class twice a week but my wrist is sore", false},
		{"", 45, triage.Female, "I'm fitting in a walk every day and my hip aches", false},
		{"", 60, triage.Female, "we are fitting in a trip to see family, can I get my repeat early", false},
	})
}
