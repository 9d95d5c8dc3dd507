package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestPhysioWithoutRedFlags is issue 10's family of adults' muscle and joint problems
// sent to the GP by red flags that were not red flags: pins and needles or numbness
// down one limb, a sprain that feels weak, a knee that gives way, a fall or a road
// injury in a younger adult. LABELS.md gives the physio team every adult muscle, joint,
// back, neck or tendon problem without red flags, so what makes one the GP's is a red
// flag: a serious cause (cancer, fever, weight loss, night sweats, a hot swollen joint),
// a possible fracture, a locked joint, a limb that has lost its strength, a fall at 65
// or over, a child; and on a long-standing problem, numbness or weakness that is new
// (it is not stable, so longstanding-msk must not make it routine). Each case holds
// one side of that line; all are soon.
func TestPhysioWithoutRedFlags(t *testing.T) {
	physio := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Male, triage.Clinical, text, triage.Soon, triage.TeamPhysio, triage.SignpostNone}
	}
	gp := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Male, triage.Clinical, text, triage.Soon, triage.TeamGP, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		physio("sciatica with pins and needles", 63, "sciatica down my left leg for ten days, pins and needles in my foot sometimes, no problems with waterworks or numbness between legs"),
		physio("a weak grip with tennis elbow", 47, "tennis elbow again, it's been aching for 3 weeks and my grip is weak when I lift the kettle"),
		physio("a knee that gives way", 31, "my knee keeps giving way on the stairs since I twisted it playing squash a fortnight ago"),
		physio("a road injury already checked", 40, "pain in my back and shoulder since the car accident last week, the hospital checked me and said nothing broken"),
		physio("a fall in a younger adult", 35, "slipped on the wet floor at work on monday and fell on my wrist, sore and a bit swollen, I can move my fingers and grip fine"),
		physio("numbness down one arm", 44, "trapped nerve in my neck I think, numbness and tingling down my right arm into my fingers for a week, neck stiff"),
		gp("a fall at 65 or over", 78, "I fell in the kitchen on friday, my wrist is still sore and bruised, no head injury"),
		gp("back pain after a cancer", 58, "my back is aching and I have been losing weight without trying"),
		gp("weight loss in everyday words", 49, "sore lower back for a month and I've lost half a stone without trying, sweating at night too"),
		gp("a leg that has lost its strength", 52, "lower back pain for 2 weeks and my left leg feels weak when I climb the stairs"),
		gp("new numbness on an old back problem is not stable", 52, "I've had back pain for years but this week I've got new numbness down the outside of my left foot, bladder and bowels fine"),
		gp("a graze that will not heal", 50, "graze on my knee from a fall 3 weeks ago still weeping and not healing"),
		gp("a child's sprain", 13, "she rolled her ankle at netball, it's swollen and sore but she can walk on it"),
	})
}

// TestSideEffectBesideAJointProblem is issue 10's family of a medicine's side effect
// said beside a muscle or joint problem of its own (an injury, a new pain, "also"):
// the side effect silenced the joint problem and the request went to the medicines
// team, where LABELS.md gives two problems of one urgency for two teams to the GP.
// Beside them, the look-alikes that stay one team's: an ache the medicine causes is the
// medicines team's, a joint problem named only as the reason for the medicine is too,
// and "since the new job" names no medicine, so the physio's.
func TestSideEffectBesideAJointProblem(t *testing.T) {
	holdTeams(t, []teamCase{
		{"a fall beside a side effect", 44, triage.Female, triage.Clinical,
			"the omeprazole is giving me headaches and I twisted my ankle on the stairs on friday, still sore", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"a new pain beside a side effect", 61, triage.Male, triage.Clinical,
			"new shoulder pain for ten days, and since starting doxazosin I feel lightheaded when I stand", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"two things said as two", 38, triage.Female, triage.Clinical,
			"two things, sertraline is making me sweat at night, and my lower back has been stiff for a week", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"the ache is the side effect", 50, triage.Female, triage.Clinical,
			"since starting atorvastatin my muscles ache all over, especially my thighs", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"the joint is only the reason for the medicine", 30, triage.Male, triage.Clinical,
			"my naproxen is upsetting my stomach, I take it for my back which is much better", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"no medicine named", 36, triage.Male, triage.Clinical,
			"my neck has been stiff and sore since the new desk setup in the office, about 3 weeks", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
	})
}

// TestMoodInEverydayWordsIsMentalHealth is issue 10's family of an adult's low mood,
// worry or grief told in words the mood concept did not hold ("sad all the time",
// "really down", "constant worry", "my mood has been rubbish") or opened with the risk
// answered unasked ("I'm safe"): no rule read it and the GP's fallback took it, where
// LABELS.md gives it to the mental-health team. Beside them, what stays the GP's: the
// same words at 17, a hearing that is "a bit down", and mood beside a back problem
// (two problems of one urgency for two teams).
func TestMoodInEverydayWordsIsMentalHealth(t *testing.T) {
	mh := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamMentalHealth, triage.SignpostNone}
	}
	gp := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamGP, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		mh("sad all the time", 41, "since the divorce I am sad all the time and I cry in the evenings, I want help"),
		mh("really down", 29, "been feeling really down since I moved here, not seeing anyone, sleeping all day"),
		mh("constant worry", 33, "constant worry about money and the kids, my head never stops, I can't concentrate at work"),
		mh("a rubbish mood", 52, "my mood has been rubbish for weeks since my hours were cut, can't enjoy anything"),
		mh("safe, said first", 60, "I'm safe, I want to say that first. Since my partner left I can't get going in the mornings and I've stopped going out"),
		gp("the same at 17", 17, "I'm 17 and I've been feeling really down since the summer, can't concentrate at college"),
		gp("a hearing that is down", 44, "ringing in my right ear for a month and the hearing's a bit down on that side"),
		gp("mood beside a back problem", 47, "my lower back is sore since I moved a sofa on sunday and I've been really down since I lost my job"),
	})
}

// TestLastDosesOfAnEssentialMedicine is blind-83's family of an essential medicine down
// to its last dose told without "run out" ("one tablet left", "only today's doses",
// "her evening dose left tonight"): the rules read a repeat with medicine left
// (routine) and the second opinion raised it to same-day for the GP, where LABELS.md
// gives running out of an essential medicine to the medicines team, same-day. Beside
// them, a repeat with weeks left stays routine.
func TestLastDosesOfAnEssentialMedicine(t *testing.T) {
	holdTeams(t, []teamCase{
		{"one tablet left", 66, triage.Male, triage.Admin,
			"my repeat for prednisolone has not come through, I have one tablet left for tomorrow morning", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"only today's doses", 58, triage.Female, triage.Admin,
			"my levetiracetam prescription is still with the surgery and I only have today's doses left", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"the evening dose left", 77, triage.Male, triage.Admin,
			"Dad only has his evening dose left of his madopar, the repeat hasn't gone to the pharmacy", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"weeks left", 66, triage.Male, triage.Admin,
			"please can I have my prednisolone repeat, I have two weeks left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
	})
}

// TestBleedingOnContraception is the read sets' family of bleeding or spotting on
// contraception, labelled both ways by different writers. Decided by LABELS.md, not
// fitted to one set: bleeding on a pill, injection or patch the patient takes is a side
// effect of a known medicine, the medicines team's; with a device that was fitted (an
// implant or coil), a wish to change method, bleeding after sex or a pregnancy it needs
// a GP's examination or a fitting, the GP's. All soon.
func TestBleedingOnContraception(t *testing.T) {
	c := func(name, text string, team triage.Team) teamCase {
		return teamCase{name, 27, triage.Female, triage.Clinical, text, triage.Soon, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("spotting on the pill", "I've been spotting between periods since I started the pill in august, is that normal?", triage.TeamMedicines),
		c("bleeding on the injection", "since my last depo injection I've been bleeding on and off for weeks", triage.TeamMedicines),
		c("bleeding on a named pill", "on rigevidon and I get bleeding mid cycle every month now", triage.TeamMedicines),
		c("bleeding with an implant", "my implant went in 4 months ago and I keep bleeding on and off", triage.TeamGP),
		c("bleeding and a change of method", "bleeding between periods on the pill for 2 months, I'd like to switch to the coil", triage.TeamGP),
		c("bleeding after sex on the pill", "I'm on the pill and I've had some bleeding after sex twice this month", triage.TeamGP),
	})
}

// TestAJointProblemBesideAFitNote is issue 10's family of a form mixed with a symptom: a
// fit note asked beside a muscle or joint problem told as a matter of its own went to
// admin, routine, where LABELS.md has the most urgent problem decide (a new joint
// problem, soon, the physio's). Beside it, a fit note whose injury is only its reason
// stays admin's, routine.
func TestAJointProblemBesideAFitNote(t *testing.T) {
	holdTeams(t, []teamCase{
		{"a new knee beside a fit note", 45, triage.Male, triage.Admin,
			"can I have my fit note renewed please. also my right knee has been aching and clicking since last weekend", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"a back hurt lifting, and a sick note", 39, triage.Female, triage.Clinical,
			"I need a sick note, my back has been really sore since I lifted my dad out of the bath on monday, no numbness, toilet normal", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"the injury is only the reason", 30, triage.Male, triage.Admin,
			"fit note for my sprained wrist please, off work another week", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
	})
}

// TestAMedicineQuestionFromSomeoneWell is issue 10's family of a question about a named
// medicine (whether to keep taking it, someone to go through them, a different make)
// from a patient who says they are well: the all-clear rule gave it to the GP, where
// LABELS.md gives medicine questions and reviews to the medicines team. Routine either
// way; a well patient's question with no medicine in it stays the GP's.
func TestAMedicineQuestionFromSomeoneWell(t *testing.T) {
	holdTeams(t, []teamCase{
		{"whether to keep taking it", 74, triage.Female, triage.Clinical,
			"do I need to keep taking the bisoprolol now my heart scan was normal? I feel fine", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"someone to go through them", 80, triage.Male, triage.Clinical,
			"could someone go through my tablets with me, I take eight a day now, I feel fine", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"no medicine in it", 45, triage.Female, triage.Clinical,
			"just letting you know the hospital discharged me from the clinic, I feel fine", triage.Routine, triage.TeamGP, triage.SignpostNone},
	})
}

// TestAStatinNamedInFull is blind-83's family of muscle aches on a statin named in full
// ("atorvastatin", "simvastatin"): the side-effect words knew "statin" only as a word of
// its own, so the ache went to the GP as a new symptom, where LABELS.md gives a known
// medicine's side effects to the medicines team.
func TestAStatinNamedInFull(t *testing.T) {
	holdTeams(t, []teamCase{
		{"simvastatin and aching legs", 64, triage.Male, triage.Clinical,
			"I take simvastatin and for the last few weeks my thighs and calves have been aching", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"rosuvastatin and cramps", 58, triage.Female, triage.Clinical,
			"on rosuvastatin 10mg and getting cramps in my legs at night", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
	})
}
