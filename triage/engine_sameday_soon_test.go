package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// The tests below hold same-day requests that the rules of f8a24fb left at soon or
// routine because no same-day rule read their words (issue 10, engine28), one test a
// cause, each beside look-alikes that stay where they were.

// TestInfectedWoundTodayByPus: pus or a green or yellow discharge from a cut, wound,
// scar or stitches is an infection to treat today; a wound healing, or weeping clear
// for weeks, is not.
func TestInfectedWoundTodayByPus(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"pus from a cut", 36, triage.Male, "caught my arm on a nail on Friday, the cut is now full of pus and throbbing", triage.SameDay},
		{"green discharge from stitches", 52, triage.Female, "the stitches on my leg from the mole removal have green discharge and it's sore", triage.SameDay},
		{"yellow stuff from a scar", 61, triage.Male, "my hernia op scar is leaking yellow stuff since yesterday and it's red", triage.SameDay},
		{"a child's graze with pus", 7, triage.Female, "her knee graze from the playground has gone crusty with pus under it and she says it hurts", triage.SameDay},

		{"a cut healing", 36, triage.Male, "cut my arm on a nail last week, it's healing well, do I need a tetanus jab?", triage.Soon},
		{"no pus", 52, triage.Female, "the stitches on my leg are a bit itchy, no pus, no redness, when do they come out?", triage.Soon},
	})
}

// TestDiabeticFootChanging: in a person with diabetes a foot or toe gone red, hot,
// swollen, black or weeping is same-day (LABELS.md: diabetes); a routine foot check or a
// toe blister that is only slow to heal is not.
func TestDiabeticFootChanging(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"toe gone black", 71, triage.Male, "I have diabetes and the tip of my second toe has turned black this week", triage.SameDay},
		{"foot red and hot", 64, triage.Female, "type 2 diabetic, my right foot has gone red and hot around a blister", triage.SameDay},
		{"carer, heel weeping", 83, triage.Female, "carer here, she's diabetic and the sore on her heel is weeping and smells", triage.SameDay},

		{"annual foot check", 64, triage.Female, "type 2 diabetic, can I book my annual foot check please", triage.Routine},
	})
}

// TestJaundiceIsSameDay: the skin or the whites of the eyes gone yellow, or pale stools
// with dark urine, is a new jaundice to look at today; jaundice in the past is not.
func TestJaundiceIsSameDay(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"whites of the eyes yellow", 44, triage.Female, "my daughter noticed the whites of my eyes are yellow today and I feel tired", triage.SameDay},
		{"skin yellow and itchy", 69, triage.Male, "Dad's skin has turned a yellow colour this week and he is scratching all the time", triage.SameDay},
		{"pale stools and dark urine", 35, triage.Male, "pale stools and dark urine for two days, no pain", triage.SameDay},

		{"jaundice as a baby", 35, triage.Male, "I had jaundice as a baby, does that matter for my travel vaccines?", triage.Routine},
	})
}

// TestQuinsyIsSameDay: a sore throat with the mouth hard to open, a muffled voice or
// trouble swallowing is a possible abscess (quinsy), same-day; a plain sore throat is
// for the pharmacy.
func TestQuinsyIsSameDay(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"mouth hard to open", 22, triage.Male, "tonsils really bad on the right side, I can barely open my mouth to eat", triage.SameDay},
		{"voice muffled", 29, triage.Female, "throat agony on one side and my voice sounds muffled, temperature too", triage.SameDay},
		{"struggling to swallow", 17, triage.Female, "my throat is so swollen on the left I'm struggling to swallow", triage.SameDay},

		{"plain sore throat", 29, triage.Female, "sore throat and a cold since Monday, eating and drinking ok", triage.Routine},
		{"tablets hard to swallow", 29, triage.Female, "tonsillitis, struggling to swallow the tablets, could I have liquid antibiotics instead?", triage.Routine},
	})
}

// TestBareGestationWithASymptom: a number of weeks said on its own ("30 weeks.") is a
// pregnancy; with swelling, bleeding, a headache, being sick or a quieter baby it is
// pregnant and unwell, same-day. The same number as a duration, a baby's age or a
// question about a form is not.
func TestBareGestationWithASymptom(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"swelling", 30, triage.Female, "30 weeks. Face and fingers puffy since this morning", triage.SameDay},
		{"bleeding", 27, triage.Female, "22 weeks, some bleeding when I went to the loo, no pain", triage.SameDay},
		{"quieter baby", 33, triage.Female, "36 weeks and baby seems quieter today than usual", triage.SameDay},
		{"sick all night", 24, triage.Female, "16 weeks. Been sick all night and now can't keep anything down", triage.SameDay},

		{"form", 30, triage.Female, "30 weeks. Please can I have my MATB1 form", triage.Routine},
		{"a duration", 40, triage.Female, "knee swollen for 12 weeks after a fall, still stiff", triage.Soon},
		{"a baby's age", 30, triage.Female, "baby is 10 weeks old, my stitches are itchy but healing", triage.Soon},
	})
}

// TestConfusionAsAChange: confusion told as a change from the person's usual ("more
// confused than usual since this morning", "a new muddle", "not with it today") is new
// confusion, same-day, even beside words such as "stable" or "as usual" that say other
// things are unchanged; long-standing dementia with nothing new is not.
func TestConfusionAsAChange(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"more confused than usual", 86, triage.Female, "Nursing home. Mr B is more confused than usual since last night, obs stable", triage.SameDay},
		{"newly muddled", 79, triage.Male, "Mum says Dad suddenly became muddled yesterday, he's normally sharp, eating as usual", triage.SameDay},

		{"dementia unchanged", 86, triage.Female, "Mum has dementia for years, stable, can her medication review be booked", triage.Routine},
	})
}

// TestThoughtsOfBeingDeadWithoutPlan: thoughts of being dead told without the suicide
// words ("no point going on", "I'd rather be with her") and without a plan are
// thoughts of suicide with no plan, same-day (LABELS.md); grief without them is soon.
func TestThoughtsOfBeingDeadWithoutPlan(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"no point going on", 58, triage.Male, "since the divorce I keep thinking there's no point going on. I won't do anything", triage.SameDay},
		{"rather be with him", 77, triage.Female, "my husband died in March and some nights I'd rather be with him. No plans", triage.SameDay},

		{"grief without them", 77, triage.Female, "my husband died in March and I'm struggling to sleep, no thoughts of harming myself", triage.Soon},
	})
}

// TestBabyNotMovedAllDay: a baby in the womb that "hasn't moved at all" or "all day" is
// an emergency even when the time is told as "since last night", which the rule for
// movements much less stands aside for as a past (rule baby-still-all-day); a baby
// not felt yet in a first pregnancy, moving again or moving as usual is not.
func TestBabyNotMovedAllDay(t *testing.T) {
	holdReached(t, []reachedCase{
		{"not moved at all since last night", 31, "33 weeks and the baby hasn't moved at all since last night", true},
		{"not moved all day", 27, "I'm 38 weeks pregnant, baby has not moved all day, tried lying on my side", true},
		{"not kicked all day", 35, "39 weeks, the baby hasn't kicked all day", true},

		{"moving as usual", 31, "36 weeks, baby kicking as usual, when is my next midwife check?", false},
		{"not felt yet", 24, "17 weeks with my first and the baby hasn't moved at all yet, is that normal?", false},
		{"moved again", 29, "baby hasn't moved today but after a cold drink she kicked loads, fine now", false},
	})
}

// TestEssentialMedicineGoneInOtherWords: an essential medicine gone, told without "run
// out" ("I'm out", "done my last Lantus injection", "left all my pens at my mum's"),
// needs a supply today; a repeat with medicine left does not.
func TestEssentialMedicineGoneInOtherWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"I'm out", 58, triage.Male, "I'm on prednisolone long term and I'm out, can a prescription go to the chemist today", triage.SameDay},
		{"done my last injection", 33, triage.Female, "just done my last novorapid injection and the repeat hasn't come through", triage.SameDay},
		{"left all my pens", 19, triage.Male, "type 1, left all my insulin pens at my mum's, I'm in Glasgow till Sunday", triage.SameDay},

		{"repeat with some left", 58, triage.Male, "can I order my prednisolone please, I have two weeks left", triage.Routine},
	})
}

// TestDehydrationInPlainWords: fluids that won't stay down ("can't even keep sips
// down") or very little urine ("hardly peeing", "one wet nappy since breakfast") is
// same-day; an upset tummy with drinking fine is not.
func TestDehydrationInPlainWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"sips won't stay down", 45, triage.Female, "gastro bug, can't even keep sips of water down since last night", triage.SameDay},
		{"hardly peeing", 70, triage.Male, "diarrhoea four days, now I'm hardly peeing and feel washed out", triage.SameDay},
		{"one wet nappy", 1, triage.Male, "he's had sickness today and only one wet nappy since breakfast", triage.SameDay},

		{"drinking fine", 45, triage.Female, "bit of a tummy bug since yesterday, drinking fine", triage.Routine},
	})
}

// TestBlockedTubesAndBowelsInCarersWords: a catheter that has stopped draining, a man
// who can't pass water, or no poo and no wind with vomiting are same-day.
func TestBlockedTubesAndBowelsInCarersWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"catheter stopped draining", 81, triage.Male, "Dad's catheter has stopped draining since lunch, his tummy feels full", triage.SameDay},
		{"can't pass water", 77, triage.Male, "I can't pass water since last night and my lower tummy aches", triage.SameDay},
		{"no poo, no wind, vomiting", 84, triage.Female, "care home: she has had no poo for 5 days, no wind, and has been vomiting", triage.SameDay},

		{"catheter bags", 81, triage.Male, "Dad needs more catheter bags on his repeat please", triage.Routine},
	})
}

// TestBabiesAndPastChestPainAreNotSameDay holds the other direction: a baby's tongue
// tie the midwife mentioned ("midwife" reads as a pregnancy) and a chest pain that went
// by itself were same-day; they are soon with the rules alone. A chest pain back now
// stays same-day. (Standing pregnant-unwell aside for pregnancy's common discomforts,
// gums that bleed or ankles that go down overnight, was tried and dropped: beside them
// it lost real same-day requests, "ankles go down overnight but today my face is puffy".)
func TestBabiesAndPastChestPainAreNotSameDay(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"tongue tie", 0, triage.Male, "the midwife thinks he has a tongue tie, feeding is painful for me", triage.Soon},
		{"chest pain that went by itself", 58, triage.Male, "a twinge in my chest last week went by itself, nothing since, should I get a check?", triage.Soon},

		{"chest pain back now", 58, triage.Male, "chest pain went off on its own yesterday but it's come back this morning", triage.SameDay},
		{"puffy face beside ankles that go down", 30, triage.Female, "30 weeks pregnant, my ankles usually go down overnight but today my face and fingers are puffy", triage.SameDay},
	})
}
