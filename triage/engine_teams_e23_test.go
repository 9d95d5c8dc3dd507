package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestEssentialMedicineOutOfStock is engine18's hazard: "the chemist hasn't got my
// levetiracetam" read "hasn't" as a negation and denied the medicine it names, so an
// anti-epileptic the pharmacy cannot supply lost its urgency (ran-out-other, soon).
// LABELS.md gives running out of an essential medicine to the medicines team, same-day,
// and a medicine the pharmacy cannot get is one the patient is about to run out of.
// Beside them, a medicine that is not essential stays as it was.
func TestEssentialMedicineOutOfStock(t *testing.T) {
	holdTeams(t, []teamCase{
		{"the chemist hasn't got it", 58, triage.Female, triage.Clinical,
			"ran out of my levetiracetam this morning, the chemist hasnt got any in", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"not in stock, tonight's dose left", 34, triage.Male, triage.Clinical,
			"chemist hasnt got my levetiracetam in stock and I only have tonights dose left", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"the pharmacy can't get it", 62, triage.Female, triage.Admin,
			"pharmacy says they cant get my lamotrigine, I have 2 days left, what do I do", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"no warfarin in my strength", 71, triage.Male, triage.Admin,
			"the chemist has no warfarin in my strength and I run out tomorrow", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"a Parkinson's medicine out of stock", 74, triage.Male, triage.Clinical,
			"Boots havent got my madopar, they said it is out of stock everywhere, I have a few left", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"a medicine that is not essential", 64, triage.Female, triage.Clinical,
			"ran out of my omeprazole yesterday, forgot to order", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
	})
}

// TestMuscleAndJointWordsForThePhysio is the read sets' and engine23's probes' family
// of an adult's muscle, joint or tendon problem told in words the msk concept did not
// hold (carpal tunnel, shin splints, a cricked neck, a torn calf, the ball of the foot,
// pain from the buttock down the back of the leg): no rule read it and the GP's
// fallback took it, where LABELS.md gives it to the physio team. All soon; beside them
// what stays the GP's: the same at 15, and with a fever.
func TestMuscleAndJointWordsForThePhysio(t *testing.T) {
	c := func(name string, age int, text string, p triage.Priority, team triage.Team) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, p, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("carpal tunnel named", 38, "carpal tunnel in my right wrist since I started the new job typing all day, pins and needles in my fingers", triage.Soon, triage.TeamPhysio),
		c("carpal tunnel described", 45, "I have pins and needles in my right hand, thumb and first two fingers, waking me up at night for the past month. Shaking the hand helps", triage.Soon, triage.TeamPhysio),
		c("shin splints", 19, "shin splints from netball, both shins sore after every game for 3 weeks", triage.Soon, triage.TeamPhysio),
		c("pain at the front of the shins", 24, "I'm a runner and I've had pain at the front of my shins for 3 weeks, worse when I run", triage.Soon, triage.TeamPhysio),
		c("a cricked neck", 33, "cricked my neck sleeping funny, cant turn my head to the left properly, 4 days now", triage.Soon, triage.TeamPhysio),
		c("a torn calf", 23, "tore my calf playing tennis, there was a pop, bruising now, walking with a limp", triage.Soon, triage.TeamPhysio),
		c("the ball of the foot", 44, "Pain in the ball of my right foot, feels like walking on a pebble, 6 weeks now", triage.Soon, triage.TeamPhysio),
		c("buttock down the leg", 41, "pain from my bum down the back of my left leg for a week. no numbness down below and bladder and bowels are totally normal. hurts to sit", triage.Soon, triage.TeamPhysio),
		c("shin splints at 15", 15, "shin splints from netball, both shins sore after every game for 3 weeks", triage.Soon, triage.TeamGP),
		c("a torn calf with a fever", 30, "tore my calf playing tennis last week and now I have a fever", triage.SameDay, triage.TeamGP),
	})
}

// TestBikeFallWithoutAHeadInjury is the read sets' and engine23's probes' family of an
// adult who came off a bike onto a shoulder or wrist and did not hurt the head: the
// words "fell off" and "bike" alone read as a head injury, which tied with the
// physio's joint problem and gave the GP. A fall from a bike is a head injury when the
// head is said, and for a child or an older person (their rules still read the fall
// alone, at the same priority). Knocked out is still an emergency.
func TestBikeFallWithoutAHeadInjury(t *testing.T) {
	holdTeams(t, []teamCase{
		{"onto the shoulder, head denied", 39, triage.Male, triage.Clinical,
			"fell off my bike on sunday and landed on my shoulder, bruised and stiff but I can move it, didnt hit my head", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"onto the shoulder, head not said", 36, triage.Female, triage.Clinical,
			"Ok so 3 weeks ago i fell off my bike onto my shoulder, xray at minor injuries was fine, no break. its still stiff and sore lifting my arm out to the side", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"the head said", 31, triage.Male, triage.Clinical,
			"fell off my bike yesterday and banged my head on the kerb, headache today and feel a bit dizzy, not knocked out", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"a bike fall alone", 28, triage.Male, triage.Clinical,
			"came off my bike on the way to work yesterday, bit shaken, want to be checked over", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"knocked out", 26, triage.Female, triage.Clinical,
			"came off my bike this morning, was knocked out for a few seconds, now keep being sick", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a child's bike fall", 9, triage.Male, triage.Clinical,
			"my son fell off his bike and hurt his arm, it is sore but he can move it", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"an older person's bike fall", 70, triage.Male, triage.Clinical,
			"I fell off my bike yesterday, my shoulder is bruised", triage.SameDay, triage.TeamGP, triage.SignpostNone},
	})
}

// TestMedicineQuestionBesideAJoint is the read sets' family of a question about taking
// a medicine (ibuprofen with warfarin, naproxen with an ulcer history) asked for a sore
// knee or back, or a side effect of the medicine taken for the joint: the joint took it
// to the physio team, where LABELS.md gives dose questions and side effects of a known
// medicine to the medicines team. The joint is the reason for the medicine, not a
// problem of its own. Priority soon, as before (the joint rule's); a joint problem said
// with no question about the medicine stays the physio's.
func TestMedicineQuestionBesideAJoint(t *testing.T) {
	c := func(name, text string, team triage.Team) teamCase {
		return teamCase{name, 52, triage.Male, triage.Clinical, text, triage.Soon, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("ibuprofen with warfarin", "can I take ibuprofen with my warfarin for my sore knee", triage.TeamMedicines),
		c("ibuprofen with sertraline", "is it ok to take ibuprofen while I am on sertraline, got a bad back", triage.TeamMedicines),
		c("a sprain and a question", "Can I take ibuprofen with my sertraline? Got a bit of a sprained wrist", triage.TeamMedicines),
		c("indigestion from the naproxen", "Been taking naproxen for my hip and now I'm getting indigestion most days", triage.TeamMedicines),
		c("started on naproxen", "Started on naproxen for my knee 10 days ago and now I have bad indigestion after meals", triage.TeamMedicines),
		c("a joint alone", "my knee has been sore for two weeks since football, ibuprofen helps a bit", triage.TeamPhysio),
	})
}
