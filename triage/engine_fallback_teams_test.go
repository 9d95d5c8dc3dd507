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
const fallbackTeamsOnly = `  - {id: test-fallback-teams-concepts, priority: routine, team: gp, age: "130", any: [vaccine_asked, treatment_wanted], says: "never fires"}`

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
// or names the GP's team (the fallbacks' already) is refused with its line.
func TestFallbackTeamsMoveNoPriority(t *testing.T) {
	src := string(assets.Rules)
	for _, c := range []struct{ name, from, to string }{
		{"a priority", "- {id: team-medicine-asked, team: medicines,", "- {id: team-medicine-asked, team: medicines, priority: soon,"},
		{"a signpost", "- {id: team-medicine-asked, team: medicines,", "- {id: team-medicine-asked, team: medicines, signpost: pharmacy,"},
		{"the GP's team", "- {id: team-medicine-asked, team: medicines,", "- {id: team-medicine-asked, team: gp,"},
		{"over a rule that names a team", "over: [no-rule-clinical,", "over: [dose-question, no-rule-clinical,"},
	} {
		if !strings.Contains(src, c.from) {
			t.Fatalf("%s: the rules file no longer holds %q", c.name, c.from)
		}
		if _, err := triage.NewEngine([]byte(strings.Replace(src, c.from, c.to, 1)), "test"); err == nil {
			t.Errorf("a fallback_teams entry with %s was taken", c.name)
		}
	}
}
