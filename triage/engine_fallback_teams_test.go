package triage_test

import (
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// fallbackTeamCase is one clinical request and the team LABELS.md gives it.
type fallbackTeamCase struct {
	age  int
	sex  triage.Sex
	text string
}

// fallbackTeamsOnly names the concepts only fallback_teams reads, in a rule that cannot
// fire (an age no one has), so the rules file loads with fallback_teams cut out.
const fallbackTeamsOnly = `  - {id: test-fallback-teams-concepts, priority: routine, team: gp, age: "130", any: [vaccine_asked, treatment_wanted, mind_told, result_meaning, physio_word, medicine_change_told, passed_out_or_fell], says: "never fires"}`

// withoutFallbackTeams is the built-in rules with the fallback_teams section cut out:
// the engine as it read before any team reading, to hold priority and signpost to it.
func withoutFallbackTeams(t *testing.T) *triage.Engine {
	t.Helper()
	src := string(assets.Rules)
	start := strings.Index(src, "\nfallback_teams:")
	if start < 0 {
		t.Fatal("the rules file has no fallback_teams section")
	}
	end := strings.Index(src[start+1:], "\nconcepts:")
	if end < 0 {
		t.Fatal("no concepts section after fallback_teams")
	}
	cut := src[:start] + src[start+1+end:]
	e, err := triage.NewEngine([]byte(strings.Replace(cut, "\nrules:\n", "\nrules:\n"+fallbackTeamsOnly+"\n", 1)), "no-fallback-teams")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// holdFallbackTeams holds each request to team with the rules alone and the desk's
// engine, and the rules alone to the priority and signpost they give without
// fallback_teams: a team reading moves a request between queues, never up or down one.
func holdFallbackTeams(t *testing.T, team triage.Team, cases []fallbackTeamCase) {
	t.Helper()
	before := withoutFallbackTeams(t)
	for _, c := range cases {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		was := before.Classify(in)
		for _, e := range rulesAndDesk() {
			got := e.eng.Classify(in)
			if got.Team != team {
				t.Errorf("%q: %s gave team %s, want %s; because %v", c.text, e.name, got.Team, team, got.Reasons)
			}
			if e.name == "the rules" && (got.Priority != was.Priority || got.Signpost != was.Signpost) {
				t.Errorf("%q: %s gave %s/%s, without fallback_teams %s/%s: a team reading moved a priority",
					c.text, e.name, got.Priority, got.Signpost, was.Priority, was.Signpost)
			}
		}
	}
}

// TestAMedicineAskedOfIsTheMedicinesTeams is round 19's family (issue 10) of a request
// about a medicine the patient takes that no rule naming a team reads: a supply, a dose
// or its time, a change, taking it with something, a monitoring reading. It went to the
// GP's catch-all; LABELS.md gives it to the medicines team (team-medicine-asked,
// team-medicine-question in fallback_teams). The priority stays the catch-all's.
func TestAMedicineAskedOfIsTheMedicinesTeams(t *testing.T) {
	holdFallbackTeams(t, triage.TeamMedicines, []fallbackTeamCase{
		{62, triage.Female, "Do I still need to take the lansoprazole now the hospital stopped my aspirin?"},
		{55, triage.Male, "Is it alright to have a glass of wine with my metronidazole course finished yesterday?"},
		{48, triage.Female, "Could I change my levothyroxine to a liquid? I struggle with the tablets."},
		{67, triage.Male, "Should I take my statin at night or in the morning?"},
		{39, triage.Female, "Is it safe to take ibuprofen with my citalopram?"},
		{58, triage.Male, "I've been on amlodipine 10mg a year, can I drop down to 5 now my readings are good?"},
		{73, triage.Female, "Pharmacy gave me a different make of my losartan, is that the same thing?"},
		{45, triage.Male, "Can I crush my omeprazole capsules into yoghurt?"},
		{60, triage.Male, "My inr came back 1.8, the nurse said to ask about the dose of warfarin."},
		{34, triage.Female, "How long should I wait between my thyroxine and my coffee?"},
		{52, triage.Male, "Do I need to keep taking the clopidogrel after a year?"},
		{66, triage.Female, "Can the metformin be swapped for the slow release one?"},
		{29, triage.Female, "Can I take my sertraline in the evening instead?"},
		{77, triage.Male, "Is it ok to take my bisoprolol a few hours late if I forgot this morning?"},
		{50, triage.Female, "Does my HRT patch need changing twice a week or once?"},
		{63, triage.Male, "Are my water tablets ok to take before a long drive?"},
		{41, triage.Male, "Could I go onto a once a day version of my propranolol?"},
		{57, triage.Male, "Can I have my tamsulosin at bedtime rather than after breakfast?"},
		{72, triage.Male, "Can my simvastatin be changed to the other one, the leg aches put me off?"},
		{38, triage.Male, "How many of my co-codamol can I take in a day?"},
		{84, triage.Female, "Do I still need calcium tablets at my age?"},
		{54, triage.Female, "Could the pharmacist look at whether I need all these tablets?"},
		{61, triage.Male, "Is it fine to have grapefruit on my statin?"},
		{44, triage.Female, "Can I cut my propranolol in half before the interview?"},
		{59, triage.Male, "Should I keep my insulin in the fridge when we travel?"},
		{75, triage.Female, "Is my INR of 2.4 ok for the warfarin or should it be higher?"},
		{36, triage.Female, "Is it ok to take antihistamines with my sertraline?"},
		{68, triage.Male, "Started on ramipril last week and I've a tickly dry cough now, should I carry on?"},
		{64, triage.Male, "Does the omeprazole stop my iron tablets working?"},
		{51, triage.Female, "Is it ok to put my HRT gel on after a shower or should it be before?"},
		{59, triage.Male, "Should the sitagliptin be stopped now my sugars are lower?"},
		{66, triage.Female, "Can my ramipril be moved to the morning?"},
		{43, triage.Male, "Would my mirtazapine be fine with a couple of beers at a wedding?"},
		{70, triage.Female, "Do I take the alendronic acid before or after my other tablets?"},
	})
}

// TestAMedicineBesideANewProblemStaysTheGPs is the other side of
// TestAMedicineAskedOfIsTheMedicinesTeams: a medicine named as what was tried for a new
// problem, taken beside one, a treatment wanted for it, or a child's: the GP's.
func TestAMedicineBesideANewProblemStaysTheGPs(t *testing.T) {
	holdFallbackTeams(t, triage.TeamGP, []fallbackTeamCase{
		{44, triage.Female, "Headaches most mornings for three weeks, paracetamol helped a little."},
		{35, triage.Male, "Rash on my legs for a week, tried the cream from the chemist, not shifting."},
		{52, triage.Female, "I've had a cough for two weeks, cough mixture isn't doing anything, no fever."},
		{7, triage.Male, "My son has a sore patch on his arm, we've used savlon, does he need something stronger?"},
		{28, triage.Female, "Lump in my armpit for two weeks, took ibuprofen for the ache."},
		{61, triage.Male, "Swollen ankles for a fortnight, I'm on amlodipine, not sure if it's that, also a bit breathless on hills."},
		{33, triage.Female, "Bloated most days for a month, tried peppermint capsules, no change."},
		{47, triage.Male, "Heartburn for six weeks even with the gaviscon, food sticks sometimes."},
		{9, triage.Female, "My daughter keeps getting tummy aches at school, calpol helps, should she be seen?"},
		{56, triage.Female, "Itchy skin all over for a month, antihistamines do nothing."},
		{40, triage.Male, "Ringing in my ears since last month, I take aspirin daily."},
		{30, triage.Female, "My eczema has spread to my neck this week, steroid cream not helping."},
		{65, triage.Male, "Passing water more at night for a few months, I'm on blood pressure tablets."},
		{22, triage.Female, "Spots on my chest for weeks, tried the wash, no better."},
		{71, triage.Female, "Lost my appetite and half a stone over two months, on levothyroxine."},
		{49, triage.Male, "Tingling in both feet for a month, I'm type 2 on metformin."},
		{37, triage.Female, "Hair coming out in clumps since the summer, I take the pill."},
		{58, triage.Male, "Night sweats for two weeks, no temperature, taking paracetamol for aches."},
		{12, triage.Male, "He has warts on his fingers, the freezing spray from the chemist didn't work. Should he have them frozen?"},
		{26, triage.Female, "Pain when I have sex for a couple of months, the cream I bought didn't help."},
		{63, triage.Female, "Dry mouth and gritty throat for weeks, I'm on amitriptyline for my back."},
		{45, triage.Male, "A mole on my back has got darker, had antibiotics for a chest thing last month."},
		{54, triage.Female, "Hot flushes and night sweats, want to talk about HRT."},
		{3, triage.Female, "Toddler has had a cough for a week, calpol at night, eating fine. Can she be checked?"},
		{60, triage.Male, "Waking up with a stiff painful jaw and a headache at the temple for a week, paracetamol barely helps."},
		{42, triage.Female, "Constant thirst and weeing a lot for a fortnight, I take vitamin D."},
		{31, triage.Male, "Burning when I pass urine for three days, drinking cranberry juice."},
		{68, triage.Female, "Bruising on my arms for a month, I take aspirin and a statin."},
		{19, triage.Female, "My periods have stopped for four months, I'm not on the pill, negative test."},
		{74, triage.Male, "Sore mouth ulcer for three weeks that won't heal, using bonjela."},
		{50, triage.Male, "Trouble getting an erection for six months, could I try some tablets?"},
		{39, triage.Female, "Palpitations on and off for a week, I drink a lot of coffee and take thyroxine."},
	})
}

// TestFallbackTeamsMoveNoPriority holds the loader to what a team reading may say: an
// entry that sets a priority or a signpost, reads over a rule that is not a catch-all,
// or names the GP's team (the fallbacks' already) is refused with its line, and so is a
// rule outside fallback_teams that reads denied or asked.
func TestFallbackTeamsMoveNoPriority(t *testing.T) {
	src := string(assets.Rules)
	for _, c := range []struct{ name, from, to string }{
		{"a priority", "- {id: team-medicine-asked, team: medicines,", "- {id: team-medicine-asked, team: medicines, priority: soon,"},
		{"a signpost", "- {id: team-medicine-asked, team: medicines,", "- {id: team-medicine-asked, team: medicines, signpost: pharmacy,"},
		{"the GP's team", "- {id: team-medicine-asked, team: medicines,", "- {id: team-medicine-asked, team: gp,"},
		{"over a rule that names a team", "over: [no-rule-clinical,", "over: [dose-question, no-rule-clinical,"},
		{"denied read by a rule", "  - {id: side-effect, priority: soon,", "  - {id: side-effect, denied: [suicidal_thoughts], priority: soon,"},
	} {
		if !strings.Contains(src, c.from) {
			t.Fatalf("%s: the rules file no longer holds %q", c.name, c.from)
		}
		if _, err := triage.NewEngine([]byte(strings.Replace(src, c.from, c.to, 1)), "test"); err == nil {
			t.Errorf("a fallback_teams entry with %s was taken", c.name)
		}
	}
}

// TestAnAdultWhoRulesOutARiskIsMentalHealths is round 19's family (issue 10) of an adult
// who tells of their mind in words no mood rule reads ("can't switch off", "drowning at
// work") and rules out a risk to themselves ("not suicidal", "no thoughts of harming
// myself"): it went to the GP's catch-all; LABELS.md gives low mood, stress and worry
// without risk in adults to mental health (team-risk-denied in fallback_teams).
func TestAnAdultWhoRulesOutARiskIsMentalHealths(t *testing.T) {
	holdFallbackTeams(t, triage.TeamMentalHealth, []fallbackTeamCase{
		{34, triage.Female, "Everything feels like too much since the baby's first birthday passed. Not suicidal, I just can't cope with it all."},
		{29, triage.Male, "Since the break up I can't face seeing anyone. Not suicidal. Would like to talk to someone."},
		{55, triage.Female, "I feel flat and empty since I retired. No thoughts of ending my life, just lost."},
		{38, triage.Female, "Snapping at everyone, can't concentrate, cried at my desk twice this week. Not self harming."},
		{62, triage.Male, "My wife died in March and I'm not coping with the house on my own. No thoughts of suicide, the kids are good."},
		{24, triage.Female, "Feel like I'm going under with uni and my job. I'm not going to hurt myself, I just need some support."},
		{41, triage.Male, "On edge all the time since the car crash, jump at every noise. Not suicidal."},
		{50, triage.Female, "Going through a divorce and can't stop going over it in my head. No thoughts of killing myself, I promise."},
		{33, triage.Male, "I've lost interest in everything, football, mates, the lot. Not suicidal at all, just want to feel normal."},
		{27, triage.Female, "Panicky every morning before work. No self harm, no thoughts of it."},
		{44, triage.Female, "I keep thinking the worst will happen to the kids, can't shake it. No thoughts of harming myself."},
		{58, triage.Male, "Since being made redundant I can't motivate myself to do anything. Not suicidal. My wife asked me to write."},
		{36, triage.Female, "My mind races with worries every night, I'm shattered in the day. Not self harming or suicidal."},
		{22, triage.Male, "Been isolating myself for a couple of months, not answering messages. No thoughts of ending it."},
		{67, triage.Female, "My husband has dementia and caring for him is wearing me down, I feel hopeless some days. Not suicidal."},
		{31, triage.Female, "Keep having flashbacks to the birth. Not thinking of hurting myself, but I'd like to talk to someone."},
		{53, triage.Male, "My head won't stop going over the money worries. Not suicidal, I want to get on top of it."},
		{40, triage.Female, "Grieving my mum and it's not getting easier after a year. No thoughts of self harm."},
		{19, triage.Male, "Exam pressure is getting to me, I can't think straight. I'm not suicidal, my mum said to message."},
		{46, triage.Male, "Angry all the time and I don't know why, scaring the family. No thoughts of harming myself or anyone."},
		{71, triage.Male, "Lonely since moving here, no one to talk to. Not suicidal, just low in myself."},
		{35, triage.Male, "Work stress is crushing me, I dread Mondays. Not self harming, nothing like that."},
		{42, triage.Female, "I've been obsessively checking the door locks and the oven for months. Not suicidal."},
		{26, triage.Female, "Can't stop comparing myself to everyone, feel worthless. No thoughts of suicide."},
		{59, triage.Female, "Since my operation I've lost my confidence and won't go out. No thoughts of harming myself."},
		{30, triage.Male, "I feel like I'm failing as a dad. Not suicidal, but I need to talk to someone."},
		{48, triage.Female, "Weepy and irritable for weeks, I don't recognise myself. No thoughts of ending my life."},
		{37, triage.Male, "Gambling has got out of hand and I'm ashamed. Not suicidal, I want help to stop."},
		{23, triage.Female, "I feel detached from everything like I'm watching through glass. Not self harming."},
		{64, triage.Male, "Our son died two years ago and it's hitting me harder now. No thoughts of suicide."},
	})
}

// TestARiskRuledOutBesideABodilyProblemOrByAChildStaysTheGPs is the other side of
// TestAnAdultWhoRulesOutARiskIsMentalHealths: the same denial by or of a child under 18
// (the GP's, LABELS.md), and beside a bodily problem, where it answers a question and
// the problem is the body's.
func TestARiskRuledOutBesideABodilyProblemOrByAChildStaysTheGPs(t *testing.T) {
	holdFallbackTeams(t, triage.TeamGP, []fallbackTeamCase{
		{15, triage.Female, "My daughter has been very quiet and tearful for a month. She says she isn't suicidal."},
		{13, triage.Male, "Our son won't go to school and stays in his room. He says he's not hurting himself."},
		{16, triage.Female, "I'm 16 and I can't stop worrying about everything. Not suicidal."},
		{17, triage.Male, "I'm 17 and I feel flat all the time since my parents split. No thoughts of ending it."},
		{11, triage.Female, "She's been having tantrums and crying every night since her nan died. No self harm."},
		{14, triage.Male, "He's stopped seeing his friends and games all night. Says no thoughts of harming himself."},
		{12, triage.Female, "Anxious about going to school, tummy aches every morning. Not self harming that we know."},
		{9, triage.Male, "He's been angry and withdrawn since his dad left. No self harm."},
		{16, triage.Male, "Exam stress, can't sleep, snapping at everyone. Not suicidal, mum made me write."},
		{15, triage.Male, "My son is being bullied online and is very down. He says he isn't suicidal."},
		{17, triage.Female, "I keep panicking in lessons. Not self harming. I'm 17."},
		{10, triage.Female, "My daughter worries about us dying all the time. No thoughts of hurting herself."},
		{45, triage.Female, "Headaches every afternoon for three weeks. Not suicidal or anything, just fed up with them."},
		{33, triage.Female, "Losing weight without trying, about a stone. I'm not self harming, I eat normally."},
		{29, triage.Female, "Scratches on my arm are from the cat, not self harm, but one looks red and swollen."},
		{70, triage.Female, "Dizzy spells when I stand up for a fortnight. No thoughts of harming myself, the nurse asked."},
		{52, triage.Male, "Tired and thirsty all the time for a month. Not depressed or suicidal, something isn't right."},
		{38, triage.Female, "Pins and needles in both hands at night. No thoughts of harming myself, just annoying."},
		{61, triage.Male, "Night sweats for two weeks. Not suicidal, just can't sleep with them."},
		{44, triage.Male, "Cough for four weeks now, no blood. Not suicidal, the form asked."},
		{27, triage.Female, "Itchy rash on my tummy for ten days. Not self harm, I haven't scratched it."},
		{56, triage.Female, "Palpitations in the evenings for a week. No thoughts of ending it, just scared."},
		{35, triage.Male, "Ringing in my ears for a month. Not suicidal but it's driving me mad."},
		{49, triage.Female, "Hair falling out in clumps, not self harming, no stress I know of."},
		{66, triage.Male, "Swollen ankles for a fortnight. No thoughts of harming myself, wife asked me to say."},
		{31, triage.Female, "Bloated and sore tummy for weeks. Not suicidal, just miserable with it."},
		{58, triage.Male, "Getting up to wee three times a night. No thoughts of suicide, the questionnaire asked."},
		{24, triage.Female, "Cuts on my legs are from shaving, not self harm, but one is weeping."},
		{42, triage.Male, "Numb patch on my thigh for a month. Not suicidal."},
		{73, triage.Female, "Off my food and lost half a stone. No thoughts of harming myself."},
		{39, triage.Female, "Bruises on my legs I can't explain. Not self harm, I bruise easily."},
		{54, triage.Male, "Hoarse voice for five weeks. Not suicidal, just fed up."},
	})
}

// TestAResultsMeaningBesideAMedicineIsTheGPs is review14's note on team1-1: a test's
// result told and its meaning asked beside a medicine ("I'm on methotrexate and the
// blood test says my liver numbers are up, what does that mean?") went to the medicines
// team as a question of the medicine; what a result means is the GP's (LABELS.md), so
// the medicine readings stand aside for result_meaning.
func TestAResultsMeaningBesideAMedicineIsTheGPs(t *testing.T) {
	holdFallbackTeams(t, triage.TeamGP, []fallbackTeamCase{
		{58, triage.Female, "I'm on methotrexate and the blood test says my liver numbers are up, what does that mean?"},
		{63, triage.Male, "Taking atorvastatin and the blood test shows my liver levels are raised. What does that mean?"},
		{70, triage.Female, "On lithium for years, the blood test says my kidney numbers are down a bit, what does that mean?"},
		{52, triage.Male, "I'm on ramipril and the test shows my potassium levels are high. What does it mean?"},
		{66, triage.Male, "I take allopurinol and my urate levels are high again on the test. What does that mean for my gout?"},
		{55, triage.Female, "I'm on levothyroxine and the test says my thyroid levels are low, what does that mean?"},
		{71, triage.Male, "On metformin, my kidney test shows raised levels, what does this mean?"},
		{44, triage.Female, "I take sodium valproate, my liver numbers are up on the last test. What does that mean?"},
		{60, triage.Male, "On warfarin and the blood test shows my platelets are low, what does this mean?"},
		{49, triage.Female, "I'm on HRT and the scan shows my womb lining is thick, what does that mean?"},
		{68, triage.Male, "On amiodarone, my thyroid test says my levels are high, what does it mean?"},
		{57, triage.Female, "I've been on omeprazole for years and my magnesium levels are low on the test. What does that mean?"},
		{62, triage.Male, "I take spironolactone and the test shows my sodium levels are low. What does that mean?"},
		{39, triage.Female, "I'm on the pill and my blood pressure numbers are up at the pharmacy. What does it mean?"},
		{74, triage.Female, "On furosemide, my kidney numbers are up on the blood test. What does this mean?"},
		{51, triage.Male, "On azathioprine, the blood test says my white cell numbers are low, what does that mean?"},
		{46, triage.Female, "I take iron tablets and the test says my ferritin levels are high now, what does that mean?"},
		{59, triage.Male, "I'm on a statin and my CK levels came back high, what does it mean?"},
		{65, triage.Female, "Taking alendronic acid, my calcium levels came back low. What does that mean?"},
		{53, triage.Male, "On testosterone gel, my blood count numbers are high on the test. What does that mean?"},
		{42, triage.Female, "I'm on mesalazine and the test says my kidney numbers are up. What does it mean?"},
		{48, triage.Female, "I take vitamin D and my levels are still low on the test, what does that mean?"},
		{61, triage.Male, "On gliclazide, my HbA1c test shows the numbers are up to 64. What does this mean?"},
		{56, triage.Female, "Taking prednisolone, my sugar levels are high on the test, what does that mean?"},
		{72, triage.Male, "I'm on bisoprolol and the heart tracing test shows a slow rate. What does that mean?"},
		{50, triage.Female, "On lansoprazole and the test says my B12 levels are low, what does it mean?"},
		{67, triage.Female, "On leflunomide, my liver levels came back raised, what does that mean?"},
		{58, triage.Male, "I'm on clopidogrel and the test shows my haemoglobin levels are low, what does that mean?"},
		{67, triage.Male, "On finasteride, my PSA test shows the numbers are low, what does that mean?"},
		{43, triage.Female, "I take citalopram and the heart tracing test says my QT is long, what does that mean?"},
		{61, triage.Female, "I'm on ramipril and my kidney levels are raised on the test, what does that mean?"},
		{54, triage.Male, "Taking methotrexate, my liver levels came back high, what does it mean?"},
	})
}

// TestAMonitoringQuestionOfAMedicineStaysTheMedicinesTeams is the other side of
// TestAResultsMeaningBesideAMedicineIsTheGPs: a monitoring test or reading named with
// what to do with the medicine (a dose, a time, a day, how often) is still the medicines
// team's.
func TestAMonitoringQuestionOfAMedicineStaysTheMedicinesTeams(t *testing.T) {
	holdFallbackTeams(t, triage.TeamMedicines, []fallbackTeamCase{
		{58, triage.Female, "I'm on methotrexate, when is my next blood test due?"},
		{64, triage.Male, "My INR is 1.7 today on warfarin, do I take an extra dose?"},
		{66, triage.Male, "On lithium, when should I have my levels checked next?"},
		{72, triage.Female, "INR 2.3 on warfarin, all in range. Can the checks be less often?"},
		{61, triage.Male, "Do I stop my metformin before the scan with dye next week?"},
		{45, triage.Male, "Should I have my levothyroxine before or after the blood test in the morning?"},
		{68, triage.Female, "My INR came in at 3.1. Do I change my warfarin dose?"},
		{53, triage.Male, "Do I take my statin on the morning of a fasting blood test?"},
		{57, triage.Female, "Is it ok to take my alendronic acid the day of my bone scan?"},
		{47, triage.Male, "Should I keep taking my ramipril while I wait for the kidney test?"},
		{63, triage.Female, "Do I need to stop the HRT before my mammogram?"},
		{52, triage.Male, "Lithium level due next week. Do I take my evening dose the night before?"},
		{69, triage.Female, "My INR is 1.9. Do I need a bigger dose of warfarin?"},
		{71, triage.Male, "Can I have my apixaban before the blood test or should I wait?"},
		{44, triage.Female, "How long after my levothyroxine should the blood test be?"},
		{59, triage.Male, "Do I still take my metformin if my sugar readings are good?"},
		{62, triage.Female, "INR 2.8 on warfarin, can my next test be in six weeks?"},
		{66, triage.Male, "Should my digoxin be taken before the ECG?"},
		{50, triage.Female, "Can the methotrexate be taken on a different day to the blood test?"},
		{73, triage.Male, "INR 3.3. Do I carry on with the same warfarin?"},
		{56, triage.Female, "When is my next lithium blood level due?"},
		{48, triage.Male, "Is it ok to take my omeprazole before the breath test?"},
		{65, triage.Female, "My INR was 2.0 at the clinic. Should the warfarin go up a little?"},
		{54, triage.Male, "Do I stop my aspirin before the blood test?"},
		{70, triage.Female, "INR 3.9, no bleeding. How much warfarin tonight?"},
		{67, triage.Male, "Do I need to stop my naproxen before the kidney blood test?"},
		{51, triage.Female, "Can I take my methotrexate on Monday instead of Sunday?"},
		{57, triage.Male, "Should I take my thyroxine on the day of my blood test?"},
		{64, triage.Female, "INR 2.6, on warfarin. Can I have a glass of wine at the weekend?"},
		{46, triage.Male, "Do I take my insulin as usual before the fasting blood test?"},
		{59, triage.Female, "Could my lithium be given as the slow release one?"},
		{73, triage.Male, "Is it ok to take my warfarin later tonight? INR was 2.4."},
	})
}

// TestAReferralsProgressAskedIsAdmins is round 19's family (issue 10) of a talking
// therapy referral's progress asked about ("referred in the summer and haven't heard
// anything", "still on the CBT waiting list?"): the referral rule stands aside for
// counselling and the counselling rule for admin words, so it fell to the GP's
// catch-all; LABELS.md gives referral progress to admin (team-referral-asked).
func TestAReferralsProgressAskedIsAdmins(t *testing.T) {
	holdFallbackTeams(t, triage.TeamAdmin, []fallbackTeamCase{
		{31, triage.Female, "I was referred for talking therapy in the summer and haven't heard anything. Is there a long wait?"},
		{45, triage.Male, "Could you chase my counselling referral please? It's been two months."},
		{52, triage.Female, "Am I still on the waiting list for CBT? I moved house and worry the letter went astray."},
		{27, triage.Male, "I was put on the waiting list for counselling in March. Any idea how long is left?"},
		{38, triage.Female, "Please take me off the talking therapy waiting list, I'm seeing someone privately now."},
		{60, triage.Male, "My GP referred me for bereavement counselling, I haven't heard back. Could someone chase it?"},
		{22, triage.Female, "Referred to the counselling service at uni but heard nothing. Can you check it was sent?"},
		{41, triage.Female, "How long is the waiting list for talking therapies at the moment? I was referred in April."},
		{35, triage.Male, "I've been waiting for counselling since January. Could you chase it for me?"},
		{56, triage.Male, "I'm on the waiting list for counselling but I've started to feel better. Do I still need it?"},
		{64, triage.Female, "I'd like to know where I am on the waiting list for grief counselling."},
		{26, triage.Male, "Referred to talking therapy a month ago, not heard anything, is that normal?"},
		{43, triage.Female, "My counsellor left and I was put back on the waiting list. Can you chase it?"},
		{37, triage.Female, "Can you check if my referral for couples counselling went through? Heard nothing."},
		{58, triage.Male, "Counselling referral from February, still waiting. Could someone chase it up?"},
		{24, triage.Female, "I was told I'd be referred for counselling after my last appointment but I've not heard anything."},
		{50, triage.Male, "Please remove me from the counselling waiting list, I'm moving abroad."},
		{39, triage.Female, "Could I be moved up the counselling waiting list? I'm coping ok, just eager to start."},
		{30, triage.Female, "On the waiting list for talking therapies since May. Still on it?"},
		{62, triage.Female, "My husband was referred to counselling after his stroke, we've heard nothing. Can you chase?"},
		{28, triage.Male, "Has my referral to the counselling service been sent yet?"},
		{55, triage.Female, "How far down the waiting list for therapy am I? Referred in the spring."},
		{34, triage.Male, "I was referred for CBT and then heard nothing for three months. Can you look into it?"},
		{42, triage.Female, "Just checking I'm still on the counselling waiting list after changing my surname."},
		{36, triage.Female, "I got a letter saying I'm on the talking therapy waiting list. How long will it be?"},
		{32, triage.Female, "I was referred to psychology in the spring and haven't heard anything. Could you chase it?"},
		{48, triage.Male, "Am I still on the CBT waiting list? It's been four months."},
		{54, triage.Male, "Please could you chase my psychology referral, heard nothing since March."},
		{61, triage.Female, "I'd like to come off the waiting list for talking therapy, I'm doing much better now."},
		{29, triage.Male, "Any update on my referral to the psychologist? Not heard anything in eight weeks."},
	})
}

// TestAReferralBesideABodilyProblemStaysTheGPs is the other side of
// TestAReferralsProgressAskedIsAdmins: a referral or waiting list told beside a bodily
// symptom or a second matter is the GP's.
func TestAReferralBesideABodilyProblemStaysTheGPs(t *testing.T) {
	holdFallbackTeams(t, triage.TeamGP, []fallbackTeamCase{
		{45, triage.Male, "Still on the waiting list for counselling. Meanwhile I've had a cough for four weeks."},
		{52, triage.Female, "Waiting list for CBT, fine, but I've found my ankles are swollen this week."},
		{58, triage.Male, "Waiting list for counselling. Also dizzy when I stand up for a couple of weeks."},
		{64, triage.Female, "Chasing my counselling referral. I've also got a rash on my tummy that's itchy."},
		{22, triage.Female, "Referred to counselling, not heard anything. My periods have also become really heavy."},
		{40, triage.Male, "I'm on the counselling waiting list and I keep getting palpitations in the evenings."},
		{45, triage.Female, "Talking therapy referral sent in May. My eyes have gone yellow this week."},
		{49, triage.Male, "Referred to talking therapy last month. Now I've got tummy pain after eating."},
		{56, triage.Male, "Counselling referral not heard back. I've also noticed blood when I wee."},
		{33, triage.Female, "On the waiting list for CBT. I'm getting bad headaches since last week."},
		{26, triage.Male, "Heard nothing about my therapy referral. I've had diarrhoea for a week."},
		{38, triage.Male, "Referral to counselling still pending. My vision has gone blurry at times."},
		{47, triage.Male, "Counselling referral chased already. I'm getting chest tightness on the stairs."},
		{9, triage.Male, "He was referred to the children's counselling service, and now he's wetting the bed again and has tummy aches."},
		{30, triage.Female, "Referred to the counselling team. I've got a lump in my breast I'd like checked."},
		{20, triage.Male, "On the uni counselling waiting list. I've had a temperature and aching for three days."},
		{63, triage.Male, "Counselling waiting list. I've been getting up to wee four times a night and it burns."},
		{35, triage.Female, "Waiting list for CBT. I've had a rash on my arms for a week."},
		{44, triage.Male, "Referred to psychology last month. Now I've got a lump under my arm."},
		{52, triage.Female, "Still waiting for talking therapy. My knee is swollen and sore since Tuesday."},
		{28, triage.Male, "Chased my CBT referral already. I'm getting a burning pain when I wee."},
		{39, triage.Male, "Referred to talking therapies. Another thing, I keep getting nosebleeds."},
		{47, triage.Female, "On the waiting list for CBT. Also my periods have gone very irregular."},
		{56, triage.Male, "Waiting list for psychology. I've noticed blood in my poo twice."},
		{31, triage.Female, "Heard nothing about my talking therapy referral. I've got a fever and aching all over."},
		{68, triage.Male, "Referred to psychology after the stroke. My left hand feels weak and clumsy this week."},
		{26, triage.Female, "Waiting list for CBT. My tummy is swollen and sore after meals."},
		{41, triage.Male, "On the talking therapy list. Separately, my ankle is painful after a run."},
		{23, triage.Male, "CBT waiting list. I've got discharge and it stings."},
		{50, triage.Female, "Referred to talking therapy. My breast has a lump and it aches."},
	})
}

// TestThePhysioAskedForIsThePhysios is round 19's family (issue 10) of an adult who asks
// for the physio by name with no problem a rule reads ("can the physio assess me?",
// "more physio sessions please"): it went to the GP's catch-all; LABELS.md gives adults'
// muscle and joint care to the physio team (team-physio-named).
func TestThePhysioAskedForIsThePhysios(t *testing.T) {
	holdFallbackTeams(t, triage.TeamPhysio, []fallbackTeamCase{
		{34, triage.Male, "Could the physio see me about getting back to football after my knee op last year?"},
		{45, triage.Male, "Wasn't referred to physio after my shoulder op, can I be?"},
		{29, triage.Female, "Can I self refer to the physio here or does it go through the GP?"},
		{61, triage.Male, "The hospital said I'd get outpatient physio after my hip replacement but nothing has come."},
		{38, triage.Female, "I'd like to see the physio about returning to running after having my baby last year."},
		{70, triage.Female, "Could my husband have some more physiotherapy at home after his knee replacement?"},
		{41, triage.Male, "Is there a physio at the practice I can book with directly?"},
		{23, triage.Male, "Can I see the practice physio for advice on a training plan after my ankle reconstruction?"},
		{66, triage.Male, "Do you have a physiotherapist who does home visits? My wife is slow on her feet since the op."},
		{32, triage.Female, "How do I get pelvic floor physio? Baby is 6 months."},
		{54, triage.Male, "Could I be put back on the physio list? I stopped going when I was away."},
		{27, triage.Female, "I'd like physiotherapy to strengthen my knee before skiing season."},
		{59, triage.Male, "The consultant said I should have physio after the tendon repair in August, can it be arranged?"},
		{44, triage.Female, "Is a physio assessment available for my hypermobility? It's stable, just want exercises."},
		{36, triage.Male, "Can the physio check my rehab plan before I go back to rugby?"},
		{63, triage.Female, "My physio retired. Can I be seen by another physiotherapist here?"},
		{50, triage.Male, "I was told to ask for physio after my frozen shoulder settled. Can I book?"},
		{25, triage.Male, "Can I get some physio sessions before my marathon? Been fine so far."},
		{58, triage.Female, "Physio at the hospital discharged me, I'd like a few more sessions at the surgery."},
		{40, triage.Male, "Is there a waiting time for physiotherapy here? I'd like to book for exercises."},
		{69, triage.Female, "I'd like to go back to the physio for my balance exercises."},
		{55, triage.Male, "Please could I have physio to build my strength up after being in hospital."},
		{42, triage.Female, "Would the physio be able to teach me exercises for my hypermobile joints?"},
		{37, triage.Male, "Can I get physiotherapy to help me return to work on the building site after my wrist op?"},
		{64, triage.Male, "I'd like physio for my knee before my op, the surgeon suggested it."},
		{46, triage.Female, "Could I have a physio appointment to go over my exercises again?"},
		{53, triage.Male, "Is it possible to see a physiotherapist about getting fit after my heart op? Cardiac rehab finished."},
		{35, triage.Female, "My physio left the practice, who do I see now?"},
		{60, triage.Male, "I'd like to carry on with physio after my knee replacement, the hospital sessions stopped."},
		{28, triage.Male, "Can I have physiotherapy before I go back to the army fitness test? Fine otherwise."},
		{49, triage.Female, "Would the practice physio see me for a check before I take up tennis again?"},
	})
}

// TestThePhysioNamedBesideABodilyProblemOrForAChildStaysTheGPs is the other side of
// TestThePhysioAskedForIsThePhysios: the physio named beside a symptom to assess (a
// swelling, a numbness, a wound, a fever, a palsy), or for a child under 16: the GP's.
func TestThePhysioNamedBesideABodilyProblemOrForAChildStaysTheGPs(t *testing.T) {
	holdFallbackTeams(t, triage.TeamGP, []fallbackTeamCase{
		{34, triage.Male, "The physio said to see the GP because my calf is swollen and hot."},
		{52, triage.Female, "The physio noticed a lump on my back, could I get it checked?"},
		{45, triage.Male, "The physio sent me to you because my foot is numb since yesterday."},
		{61, triage.Female, "Mouth has been lopsided since the Bell's palsy in March, can I get physio?"},
		{70, triage.Male, "Could I have physio? I've been dizzy when I stand up for a week."},
		{14, triage.Female, "Can my daughter have physio? She's 14 and her knees ache after netball."},
		{12, triage.Male, "My son is 12, can he see a physio for his flat feet?"},
		{15, triage.Male, "Can the physio see my son? He's 15 and hurt his ankle at football."},
		{56, triage.Male, "The physio was worried about my weak leg and said to contact you."},
		{29, triage.Female, "My physio says my blood pressure was high at the session, 170 over 100."},
		{66, triage.Male, "Physio session cancelled because I had a temperature, can someone check me?"},
		{48, triage.Female, "The physio thinks the rash on my arm needs looking at."},
		{33, triage.Male, "Saw a private physio who said my back pain might be my kidneys, I've got pain when I wee."},
		{72, triage.Female, "Physio said my breathing was off, I'm breathless on the stairs this week."},
		{50, triage.Male, "I've been getting chest pains during physio exercises, should I stop?"},
		{27, triage.Female, "Physio said I should see you about the numb patch on my thigh."},
		{59, triage.Male, "During physio I noticed my leg is swollen and red. Should I still go?"},
		{44, triage.Female, "My physio said I'm bleeding through the dressing, could the nurse look?"},
		{63, triage.Male, "Physio said my wound is weeping, can someone look at it?"},
		{36, triage.Female, "The physio said my tingling hands could be my neck, they're numb at night."},
		{10, triage.Female, "My 10 year old's physio for her knee, can we have more sessions?"},
		{13, triage.Male, "Physio for my son's back, he's 13, it still hurts."},
		{47, triage.Male, "Physio says my heart rate was very fast at the session, I feel dizzy."},
		{62, triage.Female, "The physio is worried about my ankle swelling, both legs are swollen."},
		{39, triage.Male, "Had physio for my shoulder but now there's a lump on my collarbone."},
		{53, triage.Female, "Physio says I should see a doctor about the pins and needles in my feet."},
		{68, triage.Male, "The physio noticed I'm short of breath walking, can I be checked?"},
		{43, triage.Female, "I had a fever after the physio session yesterday, can someone check me?"},
		{65, triage.Female, "The physio says I'm too dizzy to do the exercises, what should I do?"},
		{38, triage.Male, "My physio found my calf is sore and hot, they said see the GP."},
	})
}
