package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestReview9Alert2 holds what reviewer 9 saw round 14's false-alarm masks lose or
// raise: a usual confusion told as changed ("much worse today", "this is different",
// "since yesterday") is new confusion, so an older person's sepsis stays 999; a box gone
// beside "confused which tablets" is an overdose; fits counted today after a spell
// without them are fits; and a dosing question ("swallow them after meals") is no plan.
// The usual state is only usual while nothing says it changed.
func TestReview9Alert2(t *testing.T) {
	holdRecall(t, []recallCase{
		{"confused all the time since yesterday", 84, triage.Female, "Since yesterday she's confused all the time, feverish 39, shivering and breathing fast.", true},
		{"usual confusion much worse", 90, triage.Male, "Care home: his usual confusion is much worse today, temperature 38.9, heart rate 125, not drinking.", true},
		{"usual confusion far worse", 86, triage.Female, "Her usual confusion is far worse since this morning, she's hot, 38.6, and breathing quickly.", true},
		{"often confused but different", 79, triage.Female, "Mum is often confused but this is different: she's drowsy, 38.9, and her catheter has drained nothing since morning.", true},
		{"confused as usual? no", 84, triage.Male, "Confused as usual? No - much more than usual, with a fever of 39 and he's breathing like he's run a marathon.", true},
		{"confused which tablets, box gone", 70, triage.Female, "She's confused about which tablets she took and the whole month's box of amitriptyline is gone; she's drowsy and her heart is racing.", true},
		{"seizure free then two back to back", 30, triage.Female, "Seizure free for 2 years. This morning she had two, back to back, and hasn't come round in between.", true},
		{"seizure-free then a couple", 30, triage.Female, "She was seizure-free for years; she had a couple this afternoon and is still very drowsy and confused.", true},
		{"seizure free then 2 this morning", 30, triage.Male, "Seizure free for 3 years but had 2 this morning, the second lasted 6 minutes.", true},
		{"seizure free for ages, a few just now", 30, triage.Female, "She's been seizure free for ages, she had a few just now, one after another, and isn't waking properly.", true},
		{"swallow them after meals", 55, triage.Male, "Do I swallow them after meals or before? The new metformin.", false},
		{"swallow them after brushing", 19, triage.Female, "Do I swallow them after brushing my teeth? They're the isotretinoin capsules.", false},
		// "crush them and swallow them after food" is raised to 999 by the second opinion
		// alone (model 2026.12.7, on the base rules too); the rules keep it off 999, held
		// in TestAMedicineCountedIsASupply's modelRaises (fa1).
		{"two seizures in 2020, DVLA", 40, triage.Male, "I had two seizures in 2020 and I've been seizure free since. DVLA form please.", false},
		{"couple of fits at uni", 22, triage.Female, "I had a couple of fits at uni last year and I've been fit free since then.", false},
	})
}
