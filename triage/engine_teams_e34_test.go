package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestWellInThemselvesIsNotUnchanged is issue 10's family (round 13) of a new problem
// told with "I feel well" beside it: the words were read as unchanged (a stable
// problem), which every muscle, joint and mood rule stands aside for, so a new back or
// low mood went to the GP's catch-all, and a back with a cancer history lost its
// same-day. Feeling well in oneself says nothing of the problem's course. Beside them,
// what stays: an old stable problem, and a sore on a diabetic's foot (skin, the GP's).
func TestWellInThemselvesIsNotUnchanged(t *testing.T) {
	holdTeams(t, []teamCase{
		{"a new back, well otherwise", 44, triage.Female, triage.Clinical,
			"back pain new in the last 2 weeks after lifting a heavy box, feel well otherwise, bladder fine, no numbness", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"a new shoulder, I feel well", 41, triage.Male, triage.Clinical,
			"shoulder has been aching for 2 weeks after painting the ceiling, I feel well", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"low mood, well in body", 33, triage.Male, triage.Clinical,
			"feeling really low and anxious for a month since losing my job, I feel well physically, no thoughts of harming myself", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"a back after cancer, well otherwise", 61, triage.Female, triage.Clinical,
			"had breast cancer 5 years ago, new back pain for 3 weeks, worse at night, I feel well otherwise", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"an old knee, same as always", 70, triage.Female, triage.Clinical,
			"arthritis in my knees for years, same as always, I feel well, just want advice on exercises", triage.Routine, triage.TeamPhysio, triage.SignpostNone},
		{"a sore on the foot is skin", 55, triage.Male, triage.Clinical,
			"noticed a small sore on the bottom of my foot that isn't healing, about a week, no redness spreading, feel well", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}

// TestAContraceptiveDeviceWantedIsTheGPs is issue 10's family (round 13) of a patient
// who wants to move to a coil or an implant: "come off the pill" read as a medication
// review (routine, medicines), where the read sets give fitting a device to the GP
// team (soon). A side effect of a device already in, and a pill to change for another
// pill, stay the medicines team's.
func TestAContraceptiveDeviceWantedIsTheGPs(t *testing.T) {
	gp := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamGP, triage.SignpostNone}
	}
	medicines := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamMedicines, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		gp("come off the pill for the coil", 25, "I'd like to come off the pill and get the coil, what happens next?"),
		gp("swap to the implant", 19, "want to swap to the implant because i keep forgetting the pill"),
		gp("the pill instead of nothing, implant wanted", 30, "coming off my pill, thinking about the implant instead"),
		medicines("moody since the implant", 28, "since the implant went in 4 months ago I feel moody all the time, is it the implant?"),
		medicines("one pill for another", 24, "the mini pill is giving me spots, can I switch to a different pill?"),
	})
}

// TestRepeatedQuestionsAreNoRepeatPrescription is issue 10's family (round 13) of a
// memory told as someone who "repeats questions" or "the same stories": the word read
// as a repeat prescription (routine, medicines), where a memory that is failing is
// the GP's (soon). A repeat asked for beside it is still the medicines team's.
func TestRepeatedQuestionsAreNoRepeatPrescription(t *testing.T) {
	holdTeams(t, []teamCase{
		{"repeats questions", 79, triage.Female, triage.Clinical,
			"Mum's memory has slowly got worse this year, she repeats questions and forgets names, nothing sudden", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"repeats the same stories", 81, triage.Male, triage.Clinical,
			"Dad repeats the same stories and loses things, slowly over a year, could he have a memory test?", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"a repeat beside it", 72, triage.Female, triage.Clinical,
			"Can I get my repeat of donepezil, Mum still repeats questions but no worse", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
	})
}

// TestAJointNamedAsHurtingIsThePhysios is issue 10's family (round 13) of an adult's
// muscle or joint named with a word that says it hurts, in pairs the muscle and joint
// phrases did not hold ("neck and shoulder tight and achy", "jarred my thumb", "shins
// are killing me"): the GP's catch-all took them, where docs/labels.md gives them to
// the physio. Beside them, what stays the GP's: shoulders and hips stiff together (a
// polymyalgia), a pressure sore, a child, sore neck glands with a sore throat.
func TestAJointNamedAsHurtingIsThePhysios(t *testing.T) {
	physio := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Male, triage.Clinical, text, triage.Soon, triage.TeamPhysio, triage.SignpostNone}
	}
	gp := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamGP, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		physio("neck and shoulder tight and achy", 31, "my neck and shoulders are tight and achy from the laptop, 3 weeks, no tingling"),
		physio("a thumb jarred", 22, "jarred my thumb playing netball, swollen at the base, hurts to grip"),
		physio("shins killing", 35, "started running and my shins are killing me after every run"),
		physio("a heel tender", 40, "heel is tender first thing in the morning when I step out of bed, 6 weeks"),
		physio("a wrist clicking", 38, "wrist is sore and clicking when I type, 3 weeks now"),
		gp("shoulders and hips stiff together", 67, "both shoulders and hips stiff and aching every morning for a month, I feel tired"),
		gp("a pressure sore on the hip", 81, "resident has a red sore area on her hip from lying in bed, skin not broken yet"),
		{"a child's knee", 12, triage.Male, triage.Clinical, "my son's knee is sore after football", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}

// TestMentalHealthToldWithoutAMoodWord is issue 10's family (round 13) of an adult's
// mental health told without a word the mood concept holds: a bereavement said as
// "passed", a trauma that replays ("keep seeing it", "jump at every noise"), eating
// out of control ("a problem with food", "binge"), "in a bad place"; and stress told
// as "out of my head" or a CBT course "finished", which read as a medicine run out. The
// GP's catch-all or the medicines team took them, where docs/labels.md gives them to
// mental health. A form after a death stays admin's.
func TestMentalHealthToldWithoutAMoodWord(t *testing.T) {
	mh := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamMentalHealth, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		mh("a husband passed", 58, "since my husband passed in June I can't face going out, nothing feels worth it, no thoughts of harming myself"),
		mh("a trauma replaying", 29, "since the crash I keep seeing it when I close my eyes and jump at every noise, not sleeping, not suicidal"),
		mh("a problem with food", 26, "I think I have a problem with food, I binge eat at night then skip meals the next day"),
		mh("in a bad place", 41, "been in a bad place since the divorce, no thoughts of hurting myself, want to talk to someone"),
		mh("stressed out of my head", 25, "stressed out of my head with the new job, cant switch off, not suicidal"),
		{"a form after a death", 72, triage.Female, triage.Clinical, "my husband passed last year, could I have a copy of his death certificate details for the bank?",
			triage.Routine, triage.TeamAdmin, triage.SignpostNone},
	})
}

// TestAShinglesVaccineIsNoShingles is issue 10's family (round 13) of a shingles vaccine
// asked about or booked: the word read as shingles, Pharmacy First, where it is
// appointment admin. Shingles itself, with the vaccine said beside it, is still the
// pharmacy's.
func TestAShinglesVaccineIsNoShingles(t *testing.T) {
	holdTeams(t, []teamCase{
		{"book the vaccine", 71, triage.Male, triage.Clinical, "I'd like to book my shingles vaccine, I was told I'm due",
			triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"asked whether due", 72, triage.Female, triage.Clinical, "am I due my shingles vaccination yet?",
			triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"shingles after the vaccine", 70, triage.Male, triage.Clinical,
			"painful rash with blisters on one side of my chest, I think it's shingles. I had the shingles vaccine last year.",
			triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
	})
}

// TestAKnownSideEffectToldPlainlyIsTheMedicinesTeams is issue 10's family (round 13) of
// a side effect told without a side-effect word: ankles swollen on amlodipine or its
// kin (the GP's ankle-swelling rule took them), and headaches, mood, skin or heavy
// periods on a contraceptive (the GP's contraception rule took them), where
// docs/labels.md gives side effects of a known medicine to the medicines team. Beside
// them, what stays the GP's or the repeat's: ankles swollen with breathlessness lying
// flat, the pill wanted for acne, and an effect that has gone.
func TestAKnownSideEffectToldPlainlyIsTheMedicinesTeams(t *testing.T) {
	medicines := func(name string, age int, sex triage.Sex, text string) teamCase {
		return teamCase{name, age, sex, triage.Clinical, text, triage.Soon, triage.TeamMedicines, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		medicines("ankles on amlodipine", 63, triage.Male, "I'm on amlodipine and my ankles are puffy by the evening, fine in the morning, breathing ok"),
		medicines("ankles on nifedipine", 75, triage.Male, "swollen ankles on nifedipine, a bit worse this month, no breathing problems"),
		medicines("headaches on the pill", 22, triage.Female, "started the pill 6 weeks ago and getting headaches most days, no flashing lights"),
		medicines("heavy periods on the injection", 35, triage.Female, "my periods are heavier since the contraceptive injection, can we talk about it?"),
		{"ankles and breathless lying flat", 70, triage.Male, triage.Clinical, "on amlodipine, my ankles are swollen and I'm breathless lying flat, need 3 pillows now",
			triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"headaches that have gone", 27, triage.Female, triage.Clinical, "repeat of my pill please, no problems, the headaches I used to get have gone",
			triage.Routine, triage.TeamMedicines, triage.SignpostNone},
	})
}

// TestADoseOrTimeAskedIsTheMedicinesTeams is issue 10's family (round 13) of a named
// medicine's dose to raise or time of day asked about in words the dose-question
// concept did not hold ("can I go up to 20?", "best time of day to take"): the GP's
// catch-all took them, where docs/labels.md gives dose questions to the medicines
// team. The rule changes the team only, never the catch-all's priority.
func TestADoseOrTimeAskedIsTheMedicinesTeams(t *testing.T) {
	medicines := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamMedicines, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		medicines("go up to", 57, "I take amitriptyline 10mg at night, could I go up to 20mg?"),
		medicines("time of day", 41, "what's the best time of day to take my levothyroxine?"),
		medicines("morning or night", 40, "best time to take my statin, morning or night?"),
	})
}
