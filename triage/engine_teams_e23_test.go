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
		c("a shoulder's, apostrophe dropped", 29, "my shoulder's been clicking and sore at the gym for 2 weeks, can still lift but hurts overhead", triage.Soon, triage.TeamPhysio),
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

// TestPanicWithATightChestThatSettles is the read sets' family of panic attacks told
// with the chest going tight, in the attack, and the attack passing (or the heart
// already checked with an ECG): the chest-pain rule took them to the GP, same-day,
// where every read set labels them anxiety without risk, soon, for the mental-health
// team (LABELS.md). A chest that is tight with no panic said to pass stays the GP's
// today, and a cardiac-sounding pain stays an emergency.
func TestPanicWithATightChestThatSettles(t *testing.T) {
	c := func(name string, text string, p triage.Priority, team triage.Team) teamCase {
		sp := triage.SignpostNone
		if p == triage.Emergency {
			sp = triage.Signpost999
		}
		return teamCase{name, 24, triage.Female, triage.Clinical, text, p, team, sp}
	}
	holdTeams(t, []teamCase{
		c("passes in minutes", "panic attacks most days now, chest goes tight and my hands tingle and I feel like I'm going to die, but it passes in 10 minutes and I'm fine after", triage.Soon, triage.TeamMentalHealth),
		c("gone once outside", "constant panic attacks before lectures, chest goes tight and hands tingle, gone by the time i get outside. happening most days now", triage.Soon, triage.TeamMentalHealth),
		c("an ECG that was fine", "my anxiety is back, cant relax, tight chest when i worry (had ecg before, fine), waking at 4", triage.Soon, triage.TeamMentalHealth),
		c("tight chest, panic not said to pass", "had a panic attack last night and my chest is still tight this morning", triage.SameDay, triage.TeamGP),
		c("chest pain alone", "tight chest on and off since yesterday", triage.SameDay, triage.TeamGP),
		c("cardiac-sounding", "I thought it was a panic attack but the tight chest is going down my left arm and I'm sweating, it passes then comes back", triage.Emergency, triage.TeamGP),
	})
}

// TestAnxiousStomachIsNotAbdominal is the read sets' family of anxiety felt in the
// stomach ("my stomach is in knots", "butterflies in my stomach"): the abdominal rule
// read the stomach and, tied with the mood, gave the GP, where LABELS.md gives anxiety
// without risk to the mental-health team. Stomach pain beside worry stays the GP's.
func TestAnxiousStomachIsNotAbdominal(t *testing.T) {
	c := func(name string, text string, team triage.Team) teamCase {
		return teamCase{name, 55, triage.Male, triage.Clinical, text, triage.Soon, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("stomach in knots", "my anxiety has come back, constant worrying and my stomach is in knots, I had counselling before and it helped", triage.TeamMentalHealth),
		c("knots in my stomach", "so stressed at work, knots in my stomach every morning, cant switch off at night", triage.TeamMentalHealth),
		c("butterflies", "anxious all the time lately, butterflies in my stomach before every shift", triage.TeamMentalHealth),
		c("stomach pain beside worry", "stomach pain on the right for a week and I'm anxious about it", triage.TeamGP),
	})
}

// TestLowMoodInOtherWords is the read sets' family of an adult's low mood told in words
// the mood concept did not hold ("I feel like I'm drowning", "not been right since",
// "can't face work", "crying at nothing"): no rule read it and the GP's fallback took
// it, where LABELS.md gives it to the mental-health team, soon. (Shorter paraphrases of
// the same, "I feel like I'm drowning, I snap at everyone", the second opinion raises to
// the GP: that is the model's, outside these rules.)
func TestLowMoodInOtherWords(t *testing.T) {
	c := func(name string, age int, text string, team triage.Team) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("drowning", 44, "I feel like I'm drowning. Looking after mum with dementia and working full time, I snap at everyone, cry at nothing, can't sleep. No thoughts of harming myself", triage.TeamMentalHealth),
		c("not been right since", 22, "My boyfriend and I split up 2 months ago and I've not been right since. Not going out, not answering friends", triage.TeamMentalHealth),
		c("can't face work", 31, "I lost my baby at 10 weeks a month ago. Everyone expects me to be fine now. I can't stop thinking about it and I can't face work", triage.TeamMentalHealth),
		c("the same at 16", 16, "My boyfriend and I split up 2 months ago and I've not been right since", triage.TeamGP),
	})
}

// TestBookingAConditionReview is the read sets' family of booking, moving or cancelling
// an asthma, COPD, diabetes or blood-pressure review: "asthma review" read as a
// medication review and sent it to the medicines team, where LABELS.md gives
// appointment admin to the admin team. A review that is due, or one that names a
// medicine to look at, stays the medicines team's. All routine.
func TestBookingAConditionReview(t *testing.T) {
	c := func(name string, kind triage.Kind, text string, team triage.Team) teamCase {
		return teamCase{name, 45, triage.Female, kind, text, triage.Routine, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("book an asthma review", triage.Admin, "I need to book my asthma review, got a text", triage.TeamAdmin),
		c("rebook", triage.Admin, "I need to rebook my asthma review, I can't make Tuesday", triage.TeamAdmin),
		c("an annual diabetes review", triage.Admin, "I would like to book my annual review for my diabetes. I got a text but the link did not work.", triage.TeamAdmin),
		c("when is it", triage.Admin, "when is my diabetes annual review, can i book it", triage.TeamAdmin),
		c("a COPD review", triage.Clinical, "I'd like to book my annual COPD review please.", triage.TeamAdmin),
		c("a review that is due", triage.Clinical, "annual review of my blood pressure meds is due apparently", triage.TeamMedicines),
		c("a medicine to look at", triage.Clinical, "can I book my annual review and can my bisoprolol dose be looked at, feeling fine on it", triage.TeamMedicines),
	})
}

// TestStrokeBesideTheNewMuscleWords is review6's hazard in engine23's physio words:
// stroke-arm-speech stands aside for a muscle or joint problem, and the words added for
// the physio (carpal tunnel, a cricked neck, shin splints, down the back of the leg)
// vetoed sudden one-sided weakness (999 became soon). They live in msk_more, which the
// muscle and joint rules read and the stroke rule does not. review6's lines, verbatim.
func TestStrokeBesideTheNewMuscleWords(t *testing.T) {
	s := func(id string, age int, sex triage.Sex, text string) teamCase {
		return teamCase{id, age, sex, triage.Clinical, text, triage.Emergency, triage.TeamGP, triage.Signpost999}
	}
	holdTeams(t, []teamCase{
		s("r6p-456", 68, triage.Male, "sudden weakness in my left arm and leg since an hour ago, and a funny feeling down the back of my leg"),
		s("r6p-457", 72, triage.Female, "my right arm has suddenly gone weak and heavy, I can't turn my head properly either"),
		s("r6p-458", 60, triage.Male, "woke up with my left arm weak and my thumb and fingers numb, it was fine last night"),
		s("r6p-459", 66, triage.Female, "sudden weakness down my right side, arm and leg, and my calf went numb"),
		s("r6p-460", 74, triage.Male, "dad's left arm and leg have gone weak in the last hour, he says there's tingling from his buttock down his leg"),
		s("r6p-464", 77, triage.Male, "half an hour ago my right hand and arm went weak and clumsy, and the ball of my foot is numb on that side"),
		s("r6p-465", 65, triage.Female, "I have carpal tunnel in my left hand, but this is different: suddenly my whole left arm and leg are weak"),
		s("r6p-466", 61, triage.Male, "cricked my neck yesterday, but now my right arm and leg have gone suddenly weak"),
		s("r6p-467", 69, triage.Female, "weakness in my left arm and leg came on suddenly while I was watching TV, and I've got shin splints from walking"),
	})
}

// TestSideEffectToldAnotherWay is the read sets' family of a side effect of a known
// medicine told in words the rules did not tie to the medicine ("since increasing my
// omeprazole", "since her doxazosin was started", "put my amlodipine up", "more anxious
// since starting citalopram", a GLP-1 injection by its brand), or whose symptom another
// rule read as a problem of its own (stomach cramps, low mood): the GP took it, where
// LABELS.md gives side effects of a known medicine to the medicines team. All soon.
// Beside them, low mood since starting university is not a medicine's.
func TestSideEffectToldAnotherWay(t *testing.T) {
	c := func(name string, text string, team triage.Team) teamCase {
		return teamCase{name, 48, triage.Female, triage.Clinical, text, triage.Soon, team, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		c("a dose increased", "since increasing my lansoprazole I have had stomach cramps most evenings", triage.TeamMedicines),
		c("a medicine started, told of a parent", "dad has been lightheaded when he gets up since his tamsulosin was started on monday", triage.TeamMedicines),
		c("a dose put up", "my ankles are puffy since they put my amlodipine up to 10mg", triage.TeamMedicines),
		c("more anxious since starting", "since starting sertraline 10 days ago I feel jittery and more anxious than before", triage.TeamMedicines),
		c("a GLP-1 by its brand", "Since starting Mounjaro I've felt queasy most days, I can keep food down", triage.TeamMedicines),
		c("heartburn after taking it", "on alendronic acid and getting heartburn after taking it, can i change", triage.TeamMedicines),
		c("feeling down about it", "Since starting finasteride I've had low sex drive and I feel down about it", triage.TeamMedicines),
		c("low mood since starting university", "low mood since starting uni, feel really lonely, no thoughts of self harm", triage.TeamMentalHealth),
	})
}

// TestPharmacyFirstInOtherWords is the read sets' family of a Pharmacy First condition
// or minor illness told in words the rules did not hold (an ear "has been hurting"
// after swimming at 12 or 17, crusty yellowy spots round the nose, a runny tummy, jock
// itch, a child who hasn't done a poo for days): the GP took it, soon, where LABELS.md
// signposts them to the pharmacy, routine. Beside them, the same ear at 30 stays the
// GP's (earache outside Pharmacy First's ages). A child who "hasn't done a poo" for days
// is read as constipation too, but the desk's second opinion raises it back to soon for
// the GP (the model's, outside these rules), so it is not held here.
func TestPharmacyFirstInOtherWords(t *testing.T) {
	c := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Routine, triage.TeamGP, triage.SignpostPharmacy}
	}
	holdTeams(t, []teamCase{
		c("an ear hurting after swimming", 17, "ear has been hurting since swimming on monday, otherwise fine"),
		c("pain in the right ear", 12, "I have pain in my right ear since yesterday after swimming"),
		c("crusty yellowy spots", 29, "small patch of crusty yellowy spots round my nose and lip, feel fine"),
		c("a runny tummy", 35, "runny tummy since sunday after a takeaway, no blood, keeping fluids down, feel ok"),
		c("jock itch", 26, "itchy rash in my groin, red, I think it's jock itch from the gym"),
		{"the same ear at 30", 30, triage.Female, triage.Clinical, "ear has been hurting since swimming on monday, otherwise fine", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}

// TestChestPainBesidePanicStaysSameDay is review6's hazard in panic_chest_settles: the
// settling words read the pain's settling ("it goes when I rest") or an old ECG as the
// panic attack's, and new exertional chest pain in a patient who mentions panic fell
// from same-day to soon. The settling must be the attack's, and a pain on exertion or
// breathing, or one that is new, today or comes back, stays same-day. review6's lines,
// verbatim.
func TestChestPainBesidePanicStaysSameDay(t *testing.T) {
	s := func(id string, age int, sex triage.Sex, text string) teamCase {
		return teamCase{id, age, sex, triage.Clinical, text, triage.SameDay, triage.TeamGP, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		s("r6s-112", 52, triage.Male, "I'm in a panic because my chest has been hurting all day, it settles when I sit but it comes back"),
		s("r6s-115", 41, triage.Female, "Panicking a bit - pain in the centre of my chest when I walk uphill, it goes when I rest, started this week"),
		s("r6s-117", 36, triage.Female, "I have panic disorder, ECG was normal in 2022. Today I've got a sharp pain in my chest when I breathe in, and it goes after a while"),
		s("r6s-118", 48, triage.Male, "chest tightness on exertion since Monday, it passes after a few minutes, I keep panicking it's my heart"),
		s("a panic attack's chest on exertion", 39, triage.Male, "I get panic attacks, but this week my chest goes tight when I walk up the stairs and it passes when I stop"),
	})
}
