package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// The tests below hold the line between same-day, soon and routine where the rules of
// 684f0b5 drew it wrong (issue 10, engine33, from blind-96's lines 1–150), one test a
// cause, each beside everyday look-alikes that must stay where they were.

// TestSeverePainToldAsTheWorstEver: pain told as the most painful ever, like none
// before, or too sore to bear a bedsheet is severe pain, same-day (LABELS.md); the
// same superlative about a wait, or painkillers that help, is not.
func TestSeverePainToldAsTheWorstEver(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"gout, the most painful ever", 60, triage.Male, "Gout in my big toe since Tuesday, the most painful thing I've ever had, the duvet touching it is too much", triage.SameDay},
		{"knee, never had pain like it", 52, triage.Female, "hip pain since the weekend, never had pain like it, co-codamol does nothing for it", triage.SameDay},
		{"ankle, can't bear the sheet", 67, triage.Male, "my ankle flared up overnight and it hurts so much I can't bear the sheet on it", triage.SameDay},

		{"the most painful part is the wait", 52, triage.Female, "The most painful part of all this is waiting for the hospital letter, could you chase my referral?", triage.Routine},
		{"a mood score", 41, triage.Male, "My mood is about 8 out of 10 now on the sertraline, much better, can I get my repeat", triage.Routine},
		{"knee that settles", 44, triage.Female, "My knee has been aching on and off for a couple of weeks, paracetamol helps, would like it looked at", triage.Soon},
		{"heartburn and gaviscon", 45, triage.Male, "heartburn most nights for a month, gaviscon isn't touching it", triage.Soon},
	})
}

// TestTummyPainMovedToTheRight: pain that began by the belly button and moved down to
// the right, or bottom right of the belly, is a possible appendicitis, same-day; a
// mole there is not.
func TestTummyPainMovedToTheRight(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"belly button to the right", 22, triage.Female, "Started with pain around my belly button yesterday evening, it has moved down and now it's over to the right and I feel sick", triage.SameDay},
		{"shifted to the bottom right", 31, triage.Male, "ache that began in the middle of my belly and has shifted to the bottom right, hurts when I walk", triage.SameDay},
		{"a child's, moved to the lower right", 12, triage.Male, "my son's tummy pain has moved to the lower right since this morning and he won't eat", triage.SameDay},

		{"a mole bottom right of the belly", 45, triage.Male, "I've noticed a mole on the bottom right of my belly that has got darker", triage.Soon},
	})
}

// TestBloodsAskedForASymptom: asking for a blood test because of tiredness, hair loss
// or night sweats is a symptom to assess, soon; asking for a result, or for bloods
// while well, stays routine.
func TestBloodsAskedForASymptom(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"tired, could I get bloods", 34, triage.Female, "Tired all the time for 6 weeks and no energy, could I get some bloods done?", triage.Soon},
		{"hair thinning, would like bloods", 29, triage.Female, "Would like bloods please, my hair is thinning and I'm always cold, been a couple of months", triage.Soon},

		{"a result", 40, triage.Female, "I had bloods done for tiredness last week, are they back?", triage.Routine},
		{"tired of waiting", 48, triage.Female, "I'm tired of waiting for my results, can I get some bloods done again as the last ones were lost?", triage.Routine},
		{"well, for a review", 66, triage.Male, "Can I have bloods done for my annual diabetes check? Feeling fine", triage.Routine},
	})
}

// TestBloodFromTheBackPassageInPlainWords: blood on the paper or in the pan after a
// poo is new bleeding, soon, not constipation for the pharmacy; a blood test form
// beside a poo sample pot is not bleeding.
func TestBloodFromTheBackPassageInPlainWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"constipated, blood on the paper", 55, triage.Female, "constipated for a week and there was blood on the paper when I wiped", triage.Soon},
		{"straining, blood on the tissue", 66, triage.Male, "Blood on the tissue after a poo and I've been straining with constipation", triage.Soon},
		{"fresh blood in the pan", 39, triage.Female, "Constipation for ages but now some fresh blood in the pan, no pain", triage.Soon},

		{"constipated, no blood", 36, triage.Female, "constipated since Saturday, no blood, can I get something from the chemist", triage.Routine},
		{"a sample pot and a form", 62, triage.Male, "Can you send me a pot for a poo sample and a blood test form please, the bowel screening people asked", triage.Routine},
	})
}

// TestComplaintSinceADoseWasPutUp: dizziness or swelling since a dose was put up is a
// possible side effect, soon; hours or a workload put up are not a dose.
func TestComplaintSinceADoseWasPutUp(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"dizzy since doubled", 78, triage.Male, "Since they doubled my bisoprolol I'm dizzy every time I stand, can you check the dose?", triage.Soon},
		{"ankles puffy since increased", 70, triage.Female, "My amlodipine was increased last month and now my ankles are puffy, could someone look at the dose", triage.Soon},

		{"hours put up", 58, triage.Male, "They put up my hours at work and I need my levothyroxine sent to a different pharmacy", triage.Routine},
		{"a workload doubled", 39, triage.Female, "Since they doubled my workload I'm sick of it all and stressed, I'm on propranolol for it", triage.Soon},
	})
}

// TestSameDayWordsInOtherSenses: round 12's same-day rules read "no point going on about
// it" as a wish to be dead (issue 10's round-12 note); "no point going on" and "no point
// going on at all" stay same-day.
func TestSameDayWordsInOtherSenses(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"no point going on about it", 42, triage.Male, "No point going on about it but my knee still clicks when I climb stairs, been the same for ages", triage.Routine},

		{"30 weeks and puffy", 30, triage.Female, "I'm 30 weeks and my face and hands have gone puffy since yesterday", triage.SameDay},
		{"a wife of 32 weeks", 35, triage.Female, "My wife is 32 weeks and has a headache that won't shift", triage.SameDay},
		{"no point going on", 33, triage.Male, "Feel like there's no point going on, no plans to do anything, just want to talk to someone", triage.SameDay},
		{"no point going on at all", 25, triage.Female, "honestly no point going on at all, I won't do anything, I just need someone to talk to", triage.SameDay},
	})
}

// TestPregnantAndUnwellSaidOnce: "28 weeks pregnant and a headache" is pregnant and
// unwell; the desk showed it twice (pregnant-unwell and gestation-unwell). The bare
// gestation rule now gives way where "pregnant" is said, and every sign it reads is
// among pregnant-unwell's, so nothing is lowered.
func TestPregnantAndUnwellSaidOnce(t *testing.T) {
	eng := rulesAndDesk()[0].eng
	for _, text := range []string{
		"I am 28 weeks pregnant and have a headache that will not go",
		"28 weeks pregnant, my rings wont go on since yesterday",
		"16 weeks pregnant and I can't keep anything down",
	} {
		got := eng.Classify(triage.Input{Age: 30, Sex: triage.Female, Kind: triage.Clinical, Text: text})
		if got.Priority != triage.SameDay {
			t.Errorf("%q: %s, want same-day; because %v", text, got.Priority, got.Reasons)
		}
		for _, r := range got.Reasons {
			if r.Rule == "gestation-unwell" {
				t.Errorf("%q: the same reason twice: %v", text, got.Reasons)
			}
		}
	}
}

// TestKidneyStoneInThePast: a kidney stone told in the past ("had one last year", "in
// January, all passed now") is no colic today; pain in waves now stays same-day, with
// a stone in the past or a question beside it.
func TestKidneyStoneInThePast(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"advice after last year's stone", 50, triage.Male, "I had a kidney stone last year, what can I do so I don't get another one?", triage.Soon},

		{"the same pain again", 52, triage.Female, "I had a kidney stone last year and this feels exactly the same, pain in waves in my left side since lunch", triage.SameDay},
		{"asked, pain in waves", 45, triage.Male, "Could this be a kidney stone? The pain in my side comes in waves since this morning", triage.SameDay},
		{"passing it now", 36, triage.Male, "Had a kidney stone diagnosed last month, still waiting to pass it, today the pain is coming in waves again and I'm shaking", triage.SameDay},
	})
}
