package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestBackToldInOtherWordsIsThePhysios is issue 10's family of an adult's back or neck
// told in words the muscle and joint concepts did not hold ("back hurt", "back started
// hurting", "landed on me back", "neck's gone stiff", "pain in back" in a second
// language), or hurt "at work", which read as being back at work (unchanged): no physio
// rule fired and the GP's catch-all took them, where LABELS.md gives an adult's back or
// neck without red flags to the physio. Beside them, what stays the GP's: a child, a
// back with weight loss, a pregnancy, and the same words with a red flag of the spine.
func TestBackToldInOtherWordsIsThePhysios(t *testing.T) {
	physio := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Male, triage.Clinical, text, triage.Soon, triage.TeamPhysio, triage.SignpostNone}
	}
	gp := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamGP, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		physio("back hurt, bare", 50, "back hurt since sunday"),
		physio("back started hurting", 33, "my back started hurting on friday after football, no numbness anywhere"),
		physio("landed on my back", 29, "slipped on the wet decking and landed on my back, bruised and stiff, walking ok"),
		physio("the neck told with an apostrophe", 47, "my neck's gone stiff since I slept funny, hard to look over my shoulder"),
		physio("a back twinged", 38, "back twinged picking up the shopping, sore but moving"),
		physio("pain in back, second language", 41, "i have pain in back 5 days from lifting at my job, toilet is normal"),
		physio("hurt at work is no return to work", 36, "hurt my back at work on tuesday, stiff and aching, waterworks fine"),
		gp("a child's back", 12, "my back started hurting after PE, she says"),
		gp("a back with weight loss", 58, "back hurting for a month and I have lost a stone without trying"),
		gp("a back in pregnancy", 31, "24 weeks pregnant and my back started hurting this week"),
	})
}

// TestLongStandingProblemAskingForThePhysio is issue 10's family of an old, stable muscle
// or joint problem (or a stroke's weakness years ago) for which the patient asks to be
// referred back to the physio, or for physio exercises: the referral word gave it to the
// admin team (a tie with the physio's, so the GP's), where LABELS.md gives it to the
// physio. Chasing a referral already made stays admin's.
func TestLongStandingProblemAskingForThePhysio(t *testing.T) {
	holdTeams(t, []teamCase{
		{"referred back to physio", 66, triage.Female, triage.Clinical,
			"hips have been arthritic for ages, nothing new, could I be referred back to physio please", triage.Routine, triage.TeamPhysio, triage.SignpostNone},
		{"some physio exercises", 49, triage.Male, triage.Clinical,
			"old ankle injury from football years ago, no worse, would like some physio exercises to strengthen it", triage.Routine, triage.TeamPhysio, triage.SignpostNone},
		{"a referral chased stays admin's", 62, triage.Male, triage.Clinical,
			"I was referred to the hospital physio in march and have heard nothing, can you chase it", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
	})
}

// TestResultAskedInOtherWordsIsAdmin is issue 10's family of a test result asked about
// in words the results concept did not hold, or with "normal" after it, which read the
// result as denied ("were my bloods results normal", "what the scan showed"): the GP's
// catch-all took them (soon), where LABELS.md gives test results to admin (routine). A
// result asked beside a symptom stays the GP's.
func TestResultAskedInOtherWordsIsAdmin(t *testing.T) {
	admin := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Routine, triage.TeamAdmin, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		admin("results with normal after them", 61, "were the thyroid results normal from last week"),
		admin("a report come back", 45, "has the ultrasound report come back yet"),
		admin("what it showed", 70, "had a scan of my tummy on monday, what did it show"),
		{"a result beside a new symptom", 52, triage.Female, triage.Clinical,
			"was my scan normal? I have had a new lump in my armpit this week", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}

// TestSideEffectToldBesideTheMedicine is issue 10's family of a side effect told with the
// medicine named in the same sentence but not in the side-effect words ("Mirtazapine -
// put on weight", "my libido's gone on citalopram", "dry mouth on amitriptyline"): the
// GP's catch-all took them, where LABELS.md gives side effects of a known medicine to the
// medicines team. A repeat of the same medicine stays routine, and a reaction of the
// airway stays 999.
func TestSideEffectToldBesideTheMedicine(t *testing.T) {
	meds := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Female, triage.Clinical, text, triage.Soon, triage.TeamMedicines, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		meds("weight put on", 36, "quetiapine - I have put on nearly 2 stone since the summer"),
		meds("libido", 29, "on sertraline and my libido has disappeared, can we look at it"),
		meds("dry mouth", 58, "nortriptyline gives me such a dry mouth at night"),
		meds("groggy", 44, "pregabalin leaves me groggy till lunchtime"),
		meds("eye drops that make the eyes sore", 72, "the glaucoma drops make my eyelids itchy and pink"),
		{"put on repeat is no weight put on", 40, triage.Female, triage.Clinical,
			"please can my sertraline be put on repeat, 2 weeks left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a throat swelling on a new medicine stays 999", 55, triage.Female, triage.Clinical,
			"since starting ramipril my lips and tongue are swelling and my throat feels tight", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}

// TestThoughtsOfBeingDeadWithoutSuicideWords is issue 10's family of thoughts of being
// dead told without a word of suicide ("easier to be dead", "no point going on", "I'd
// rather be with her", "wouldn't mind if a bus hit me"): the rules alone left them to the
// GP's catch-all (soon), where LABELS.md gives thoughts of suicide without a plan to the
// mental-health team the same day. A plan or means told beside them stays 999.
func TestThoughtsOfBeingDeadWithoutSuicideWords(t *testing.T) {
	mh := func(name string, age int, text string) teamCase {
		return teamCase{name, age, triage.Male, triage.Clinical, text, triage.SameDay, triage.TeamMentalHealth, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		mh("easier to be dead", 51, "since losing the business I sometimes think it would be easier to be dead. I won't do anything"),
		mh("no point going on", 77, "my wife died in the spring and I feel there is no point going on, I have no plans"),
		mh("rather be with him", 80, "I'd rather be with him than here on my own, I'm not going to do anything silly"),
		mh("a bus", 24, "some days I wouldn't mind if a bus hit me, not going to do anything about it"),
		{"a plan beside them stays 999", 35, triage.Male, triage.Clinical,
			"there is no point going on, I have saved up my tablets and I am going to take them all tonight", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}

// TestOpticianInOtherWords is issue 10's family of eye problems for the optician told in
// words the eye concepts did not hold (eyes that water in the wind, dust blown in) and
// a scratchy sore throat that read as a scratchy eye, so the pharmacy lost its signpost.
// A watering eye after a chemical splash or with sudden loss of sight stays 999.
func TestOpticianInOtherWords(t *testing.T) {
	holdTeams(t, []teamCase{
		{"eyes that water in the wind", 74, triage.Male, triage.Clinical,
			"my eyes water whenever I walk the dog in the wind, no pain and I see fine", triage.Routine, triage.TeamGP, triage.SignpostOptician},
		{"dust blown in", 33, triage.Male, triage.Clinical,
			"dust blew in my eye at the bus stop yesterday, still a bit irritated, can see fine, not painful", triage.Routine, triage.TeamGP, triage.SignpostOptician},
		{"a scratchy throat is the pharmacy's", 30, triage.Female, triage.Clinical,
			"scratchy throat for 2 days, eating and drinking fine", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"bleach splashed in the eye stays 999", 40, triage.Female, triage.Clinical,
			"splashed bleach in my eye cleaning, it's burning and my eyes water non stop", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}

// TestRepeatOfATestIsNoPrescription is issue 10's family of "repeat" said of a scan, a
// blood test or a fit note ("a repeat scan in 6 months", "repeat fit note"): it read as a
// repeat prescription, the medicines team's, where LABELS.md gives tests, results and
// fit notes to admin. A repeat of a medicine stays the medicines team's.
func TestRepeatOfATestIsNoPrescription(t *testing.T) {
	holdTeams(t, []teamCase{
		{"a repeat scan", 68, triage.Female, triage.Clinical,
			"the hospital letter says I need a repeat scan of my kidneys in 3 months, who books it?", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"a repeat fit note", 41, triage.Male, triage.Admin,
			"repeat fit note please, same as before, still off with my shoulder", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"a repeat of a medicine", 41, triage.Male, triage.Admin,
			"repeat of my lansoprazole please, 10 days left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
	})
}

// TestSignpostsTheReadSetsLost is issue 10's family of signposted requests another rule
// tied or outranked: "the dentist can't see me" read as a loss of sight (same-day, the
// GP's); a child who "can't see the board" the same; eyes strained by reading read as a
// strained muscle (the physio's); a prescription asked for head lice or a cold sore read
// as a repeat (two places to send it, so none); a tooth, a cold or constipation in
// pregnancy, and a pregnancy's admin, taken by the pregnancy rule. Beside them, what
// stays: a sudden loss of sight, a swelling spreading to the eye, a pregnancy with
// bleeding.
func TestSignpostsTheReadSetsLost(t *testing.T) {
	holdTeams(t, []teamCase{
		{"the dentist can't see me", 44, triage.Male, triage.Clinical,
			"cracked a molar on toast, only a bit sensitive, my dentist can't see me for 3 weeks", triage.Routine, triage.TeamGP, triage.SignpostDentist},
		{"eyes strained by reading", 38, triage.Male, triage.Clinical,
			"my eyes feel strained after reading for an hour, I think I need glasses, no pain", triage.Routine, triage.TeamGP, triage.SignpostOptician},
		{"a prescription for head lice", 35, triage.Female, triage.Clinical,
			"can I have a prescription for nits lotion for my two boys", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"a tooth in pregnancy", 30, triage.Female, triage.Clinical,
			"I'm 25 weeks pregnant and a filling has fallen out, no pain", triage.Routine, triage.TeamGP, triage.SignpostDentist},
		{"a pregnancy's test result", 29, triage.Female, triage.Clinical,
			"I'm 30 weeks pregnant, could I have the results of my glucose test please", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"sight lost stays 999", 62, triage.Female, triage.Clinical,
			"the optician can't see me till friday but the sight in my left eye went completely an hour ago", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"pregnant with a cold and bleeding stays 999", 28, triage.Female, triage.Clinical,
			"22 weeks pregnant with a cold, and now bleeding heavily with cramps", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
	// The rules alone: the second opinion (model 2026.12.7) raises these two whatever the
	// rules say (to 999 and to same-day on the desk, before this change too), which is on
	// the safe side and the model's to answer for.
	rules := assets.RulesEngine()
	for _, c := range []teamCase{
		{"can't see the board", 10, triage.Female, triage.Clinical,
			"she says she can't see the board from the back of the class, should she have her eyes tested", triage.Routine, triage.TeamGP, triage.SignpostOptician},
		{"a cold in pregnancy", 32, triage.Female, triage.Clinical,
			"17 weeks pregnant and I've got a heavy cold, what can I take", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
	} {
		got := rules.Classify(triage.Input{Age: c.age, Sex: c.sex, Kind: c.kind, Text: c.text})
		if got.Priority != c.want || got.Team != c.team || got.Signpost != c.signpost {
			t.Errorf("%s: %q: the rules gave %s/%s/%s, want %s/%s/%s; because %v", c.name, c.text,
				got.Priority, got.Team, got.Signpost, c.want, c.team, c.signpost, got.Reasons)
		}
	}
}

// TestMedicinesTheReadSetsLost is issue 10's family of medicines requests the GP took:
// adrenaline pens to renew said in the plural ("my epipens expire"), a contraceptive
// pill "repeated". Bruising easily with bleeding gums went to the dentist (routine)
// where a blood test is needed today; a neck that's "gone stiff" with a fever was not
// read as a stiff neck by the rules alone. Adrenaline pens used stay 999.
func TestMedicinesTheReadSetsLost(t *testing.T) {
	holdTeams(t, []teamCase{
		{"epipens to renew", 19, triage.Male, triage.Clinical,
			"both my epipens are out of date, can I have two new ones", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a pill repeated", 24, triage.Female, triage.Clinical,
			"please could I have my pill repeated, 2 packs left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"epipens used stay 999", 19, triage.Male, triage.Clinical,
			"my epipens expire next week, I've just used one because my throat is swelling after prawns", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"bruising easily with bleeding gums", 40, triage.Female, triage.Clinical,
			"my gums bleed when I brush and I'm bruising easily on my legs, shattered all the time", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"a neck gone stiff with a fever", 21, triage.Male, triage.Clinical,
			"my neck's gone stiff and I've had a fever of 39 since last night", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}

// TestMedicineQuestionsTheGPTook is issue 10's third family from the read sets: a skin
// medicine asked for again ("repeat of my acne cream", "more of the emollient") read as
// a rash; a medicine to review, keep or come off in words the review concept lacked
// ("would like them reviewed", "do I keep taking the clopidogrel"); diarrhoea told as a
// medicine's effect tied with the GP's diarrhoea rule; "can't see a way out" read as a
// loss of sight beside thoughts of suicide; "can't get up for work" read as a fall.
// Beside them: blood with the diarrhoea keeps the GP, a fall with a long lie stays 999.
func TestMedicineQuestionsTheGPTook(t *testing.T) {
	holdTeams(t, []teamCase{
		{"acne cream again", 18, triage.Female, triage.Clinical,
			"please can I have more of my acne cream, about a week left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"tablets reviewed", 70, triage.Male, triage.Clinical,
			"on the same water tablets for years, could they be reviewed, I feel fine", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"keep taking", 66, triage.Female, triage.Clinical,
			"the hospital has put me on apixaban, do I keep taking my aspirin as well?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"the runs on metformin", 58, triage.Male, triage.Clinical,
			"metformin has given me the runs for a month now, otherwise ok", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"the runs on metformin with blood", 58, triage.Male, triage.Clinical,
			"metformin has given me the runs for a month now and there is blood in it", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"no way out is no loss of sight", 31, triage.Female, triage.Clinical,
			"I can't see a way out of this and I keep thinking about suicide, no plan", triage.SameDay, triage.TeamMentalHealth, triage.SignpostNone},
		{"can't get up for work", 27, triage.Male, triage.Clinical,
			"so low lately I can't get up for work, no thoughts of harming myself", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"a long lie stays 999", 84, triage.Female, triage.Clinical,
			"dad can't get up in the morning, he fell in the night and has been on the floor since", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"thoughts of being dead with a goodbye letter", 52, triage.Male, triage.Clinical,
			"it would be easier to be dead, I've written a goodbye letter", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}

// TestRiskFromTheFamilyIsTheGPs is issue 10's family of a risk asked about because of a
// relative's illness ("should I be screened earlier", "a check for my own risk"): the
// admin tick or a booking word gave it to admin, where the read sets give it to the GP
// to answer. Rebooking a screening stays admin's; a symptom beside it keeps its urgency.
func TestRiskFromTheFamilyIsTheGPs(t *testing.T) {
	holdTeams(t, []teamCase{
		{"screened earlier", 44, triage.Female, triage.Admin,
			"my dad had bowel cancer at 58, should I be screened earlier than normal? no symptoms", triage.Routine, triage.TeamGP, triage.SignpostNone},
		{"genetic testing", 31, triage.Female, triage.Admin,
			"my aunt and my mum both had ovarian cancer, can I have genetic testing?", triage.Routine, triage.TeamGP, triage.SignpostNone},
		{"rebooking a screening stays admin's", 60, triage.Female, triage.Admin,
			"I missed my breast screening appointment, how do I rebook it", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"a symptom beside it keeps its urgency", 50, triage.Male, triage.Clinical,
			"my mum had bowel cancer, should I be screened earlier? I've had blood in my poo this month", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}

// TestPharmacyInOtherWords is issue 10's family of Pharmacy First conditions the rules
// did not read: a urine infection called a "wee infection", contraception named only to
// say the patient is not pregnant (read as a contraception problem, the GP's), a throat
// "really sore" or "like sandpaper". Beside them: a man's urine infection stays same-day,
// and swelling behind a child's ear (possible mastoiditis) is same-day, not the
// pharmacy's earache.
func TestPharmacyInOtherWords(t *testing.T) {
	holdTeams(t, []teamCase{
		{"a wee infection", 29, triage.Female, triage.Clinical,
			"wee infection again I think, stinging and going all the time, no fever, not pregnant", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"the pill named as why not pregnant", 27, triage.Female, triage.Clinical,
			"burning when I wee since yesterday. Not pregnant, I'm on the pill. No temperature", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"a throat really sore", 35, triage.Male, triage.Clinical,
			"throat really sore since the weekend, swallowing fine, no temperature", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"a man's wee infection stays same-day", 40, triage.Male, triage.Clinical,
			"wee infection I think, burning every time", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"swelling behind the ear", 5, triage.Male, triage.Clinical,
			"pulling at his ear since yesterday and now it's swollen and red behind his ear", triage.SameDay, triage.TeamGP, triage.SignpostNone},
	})
}

// TestAdminInOtherWords is issue 10's family of practice admin the rules did not read,
// found by fresh admin probes (2 of 10 right at the round's base): a discharge summary
// (its "discharge" read as a symptom), a screening's due date, proof a jab was given,
// readings or news for the record, a swap of appointment (read as swapping a medicine),
// a joint's scan report (read as the joint problem). Beside them, a symptom told with
// the same words keeps its urgency.
func TestAdminInOtherWords(t *testing.T) {
	admin := func(name string, age int, kind triage.Kind, text string) teamCase {
		return teamCase{name, age, triage.Female, kind, text, triage.Routine, triage.TeamAdmin, triage.SignpostNone}
	}
	holdTeams(t, []teamCase{
		admin("a discharge summary", 57, triage.Clinical, "can you check the discharge summary from my gallbladder operation has arrived"),
		admin("a screening due", 66, triage.Clinical, "when is my next breast screening due please"),
		admin("proof of a jab", 20, triage.Clinical, "I need proof that I had my MMR jabs for my placement"),
		admin("for the record", 49, triage.Clinical, "please update my record, I stopped drinking 6 months ago"),
		admin("a swap of appointment", 41, triage.Admin, "could I swap my appointment on tuesday for one on thursday"),
		admin("a joint's scan report", 52, triage.Clinical, "has the report on my knee scan come through yet?"),
		{"a discharge of pus stays the GP's", 57, triage.Female, triage.Clinical,
			"the discharge summary came, but my wound is now red and oozing pus", triage.SameDay, triage.TeamGP, triage.SignpostNone},
	})
}

// TestFreshMedicinesAndMoodProbes is the family engine29's last fresh probes found (15
// of 20 teams right before): "my blood pressure tablets ... a cough that won't stop" read
// as bleeding that will not stop (999); pills missed with sex since (the medicines
// team's, not a contraception problem for the GP); crying told as the problem; the sole
// of the foot. Bleeding on a blood thinner that won't stop stays 999.
func TestFreshMedicinesAndMoodProbes(t *testing.T) {
	holdTeams(t, []teamCase{
		{"a cough that won't stop on blood pressure tablets", 69, triage.Male, triage.Clinical,
			"the new blood pressure tablets have given me a tickly cough that won't stop", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"pills missed", 24, triage.Female, triage.Clinical,
			"forgot my pill 2 nights running and we had sex on saturday, what should I do", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"crying a lot", 37, triage.Female, triage.Clinical,
			"I've been crying a lot and can't be bothered with anything, I'm safe", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"the bottom of the foot", 46, triage.Male, triage.Clinical,
			"pain in the bottom of my foot after my runs, 3 weeks now", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"a blood thinner and bleeding that won't stop stays 999", 77, triage.Male, triage.Clinical,
			"on blood thinners, caught my shin on the car door and the blood won't stop", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"pills missed, then one-sided pain and fainting is 999", 25, triage.Female, triage.Clinical,
			"forgot my pill for 4 days last month and had sex. Now a sharp pain on my left side low down and I nearly fainted", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}
