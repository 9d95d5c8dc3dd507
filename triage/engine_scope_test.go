package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestScopeOfMasksAndPastTime holds the reach of the words that switch a red flag off
// (a mask, a past-time phrase) to the clause they are said in. A phrase that reads a
// red flag another way, or puts it in the past, says nothing about a red flag told in
// another clause or sentence; and a mask the patient negates ("not safe tonight")
// hides nothing. The emergencies must be caught by the rules alone, so the model
// cannot hide a defect of the matcher; the look-alikes must stay below emergency with
// the desk's engine.
func TestScopeOfMasksAndPastTime(t *testing.T) {
	cases := []struct {
		name      string
		age       int
		sex       triage.Sex
		text      string
		emergency bool // an emergency with the rules alone; else below emergency with the desk's engine
	}{
		// Masks stop at a comma.
		{"a normal-temperature mask does not reach over a comma", 0, triage.Female,
			"my 5 week old has a temp, ok to give her calpol?", true},
		{"a normal-temperature mask in its own clause still hides", 0, triage.Female,
			"my 5 week old has a snuffly nose, temp is fine, feeding well", false},
		{"a mask the patient negates hides nothing", 34, triage.Female,
			"I want to end my life and I'm not safe tonight", true},
		{"a droop said beside face pain", 70, triage.Female,
			"pain down one side of my face and it's drooping", true},
		{"face pain on one side alone stays a pain", 70, triage.Female,
			"sharp pain down one side of my face when the wind blows on my cheek, comes and goes", false},
		{"chest pain after the gym last year, crushing now", 58, triage.Male,
			"had chest pain after the gym last year, now crushing pain and sweating", true},
		// A past-time phrase takes back only the red flags of its own clause.
		{"a hard year said in another sentence does not undo tablets put ready", 38, triage.Male,
			"the last year has been a nightmare since the divorce. I've got the tablets lined up for tonight", true},
		{"an infection since last week does not undo a meter reading HI now", 24, triage.Female,
			"type 1, had a chest infection since last week, now my meter just says HI and I keep being sick", true},
		{"a lost job last month does not undo goodbye letters", 30, triage.Female,
			"lost my job last month. wrote goodbye letters to my kids and sorted my affairs", true},
		{"an old fall does not undo a broken hip today", 66, triage.Female,
			"fell over in the garden years ago, now she slipped on the stairs and can't stand, hip is agony and leg turned out", true},
		{"a past attempt does not undo tablets put ready again", 29, triage.Female,
			"tried to kill myself last year and I've got the tablets lined up again for tonight", true},
		{"an overdose long ago", 39, triage.Male,
			"I took an overdose when I was 19, about 20 years ago, and I'm well now. Could I have a copy of my notes", false},
		{"an overdose taken today beside a hard year", 39, triage.Male,
			"the last year has been awful. took an overdose of my sleeping tablets an hour ago", true},
		{"a negation does not pass a new statement", 41, triage.Female,
			"I keep thinking of ending it but I have no plan and I'm safe tonight, my husband is home", false},
		{"a question about a red flag", 31, triage.Female,
			"what are the signs of meningitis in a toddler? she's well, just want to know what to look out for", false},
		{"a red flag told after a question", 31, triage.Female,
			"what should I do? my toddler has a rash that doesn't fade when I press a glass on it and she's burning up", true},
		{"a named red flag in a past year", 52, triage.Male,
			"I had sepsis back in 2019 after my appendix burst. Do I need any vaccines before travelling", false},
		{"a blue inhaler is not blue lips", 40, triage.Female,
			"chest tight and wheezy, the blue inhaler is helping a bit, lips a normal colour, talking fine", false},
		{"tablets put ready last year, well now", 38, triage.Male,
			"I had the tablets lined up last year but I'm in a much better place now, want to come off sertraline", false},
		{"a meter reading HI last week, fine since", 24, triage.Female,
			"type 1 diabetic, my meter said HI last week when I was sick, fine since, can I get more strips", false},
		{"a time said alone before its clause", 70, triage.Male,
			"Last year, I had sepsis after a kidney infection. Could I have the pneumonia jab", false},
		// A baby under 3 months whose fever was brought down (LABELS.md: a baby under 3
		// months with a temperature of 38 or more): the reading after calpol does not
		// measure the fever the parent reports.
		{"a 6-week-old's fever after calpol", 0, triage.Male,
			"6 week old, temperature all night, 37.6 after calpol", true},
		{"a 6-week-old with a normal reading and no medicine", 0, triage.Male,
			"my 6 week old has a blocked nose, temperature 37.2 this morning, feeding well", false},
	}
	desk, rules := assets.DefaultEngine(), assets.RulesEngine()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			if c.emergency {
				if got := rules.Classify(in); got.Priority != triage.Emergency {
					t.Errorf("%q: the rules gave %s, want emergency; because %v", c.text, got.Priority, got.Reasons)
				}
				return
			}
			if got := desk.Classify(in); got.Priority == triage.Emergency {
				t.Errorf("%q: a false alarm to 999; because %v", c.text, got.Reasons)
			}
		})
	}
}

// TestSecondOpinionMayRaiseAChild: a rule for another age (fever and very drowsy in an
// adult, a fever under 3 months) must not keep the second opinion from raising a child
// whose words read like an emergency; on 2026.12.4 every fever in a child was held
// back by the baby's rule. A baby of 4 months with 38.5, the same-day band of
// LABELS.md, is still not raised to the under-3-months emergency.
func TestSecondOpinionMayRaiseAChild(t *testing.T) {
	desk := assets.DefaultEngine()
	for _, c := range []struct {
		age  int
		text string
	}{
		{6, "he has a fever and is very drowsy, his breathing sounds grunty and he has gone a strange grey colour"},
		{8, "fever since yesterday, so drowsy she can barely keep her eyes open and she keeps moaning that her legs hurt so much she can't stand"},
		{10, "temperature 39.5 and very drowsy, she's been vomiting and is now saying things that don't make sense and her knees look purple"},
	} {
		got := desk.Classify(triage.Input{Age: c.age, Sex: triage.Female, Kind: triage.Clinical, Text: c.text})
		if got.Priority != triage.Emergency {
			t.Errorf("aged %d, %q: got %s, want emergency; because %v", c.age, c.text, got.Priority, got.Reasons)
		}
	}
	got := desk.Classify(triage.Input{Age: 0, Sex: triage.Male, Kind: triage.Clinical, Text: "my 4 month old has a temperature of 38.5 since this afternoon, feeding and smiling"})
	if got.Priority == triage.Emergency {
		t.Errorf("a baby of 4 months with 38.5 raised to emergency: %v", got.Reasons)
	}
}
