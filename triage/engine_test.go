package triage_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

func TestClassify(t *testing.T) {
	e := assets.DefaultEngine()
	tests := []struct {
		name     string
		age      int
		sex      triage.Sex
		kind     triage.Kind
		text     string
		priority triage.Priority
		team     triage.Team
		signpost triage.Signpost
	}{
		{"cardiac chest pain", 60, triage.Male, triage.Clinical, "crushing chest pain spreading to my jaw", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"misspelt, phone typing", 52, triage.Male, triage.Clinical, "CHST PAIN n sweaty", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"negated red flags", 45, triage.Male, triage.Clinical, "indigestion, no chest pain and no sweating", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"not suicidal", 30, triage.Female, triage.Clinical, "feeling low for weeks but not suicidal", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"thoughts without a plan", 30, triage.Female, triage.Clinical, "i keep thinking everyone would be better off without me, no plan", triage.SameDay, triage.TeamMentalHealth, triage.SignpostNone},
		{"thoughts with a plan", 30, triage.Female, triage.Clinical, "i want to end my life and have a plan", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"young person's low mood goes to the GP", 16, triage.Male, triage.Clinical, "really anxious and low", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"lay words for breathing", 40, triage.Female, triage.Clinical, "can't catch my breath at all", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"asthma but can talk", 25, triage.Female, triage.Clinical, "asthma worse, blue inhaler not working, I can talk ok", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"combination: fever and stiff neck", 19, triage.Male, triage.Clinical, "fever and a stiff neck", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"stiff neck alone is physio", 45, triage.Male, triage.Clinical, "stiff neck after sleeping funny", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"comma ends the negation", 50, triage.Male, triage.Clinical, "no cough, crushing chest pain down my arm", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"baby under 3 months with a temperature", 0, triage.Female, triage.Clinical, "my 10 week old has a temp of 38.5", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"baby of 4 months at 39", 0, triage.Female, triage.Clinical, "she is 4 months old and her temperature is 39.1", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"Fahrenheit", 0, triage.Male, triage.Clinical, "7 weeks old, thermometer says 101F", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"weeks pregnant is not a temperature", 30, triage.Female, triage.Clinical, "39 weeks pregnant, can I have a letter for work", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"UTI in a woman of 30: Pharmacy First", 30, triage.Female, triage.Clinical, "burning when I wee", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"UTI in a woman of 65", 65, triage.Female, triage.Clinical, "burning when I wee", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"UTI in a woman of 15", 15, triage.Female, triage.Clinical, "burning when I wee", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"UTI in a man", 30, triage.Male, triage.Clinical, "burning when I wee", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"UTI in pregnancy", 30, triage.Female, triage.Clinical, "burning when I wee and I'm pregnant", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"earache at 17: Pharmacy First", 17, triage.Male, triage.Clinical, "earache", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"earache at 18: not Pharmacy First", 18, triage.Male, triage.Clinical, "earache", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"sore throat at 4: not Pharmacy First", 4, triage.Male, triage.Clinical, "sore throat", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"sore throat at 5: Pharmacy First", 5, triage.Male, triage.Clinical, "sore throat", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"shingles at 17", 17, triage.Female, triage.Clinical, "I think I have shingles", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"optician", 50, triage.Female, triage.Clinical, "gritty eyes, no pain", triage.Routine, triage.TeamGP, triage.SignpostOptician},
		{"painful eye is not for the optician", 50, triage.Female, triage.Clinical, "gritty eyes and eye pain", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"dentist", 30, triage.Male, triage.Clinical, "toothache", triage.Routine, triage.TeamGP, triage.SignpostDentist},
		{"dental swelling to the eye", 30, triage.Male, triage.Clinical, "toothache and my face is swollen up to my eye", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"admin ticked as clinical", 40, triage.Male, triage.Clinical, "fit note please", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"clinical ticked as admin", 70, triage.Male, triage.Admin, "my face has dropped on one side", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"two problems: the most urgent decides", 40, triage.Female, triage.Admin, "repeat prescription please, and I've run out of my insulin", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"two teams at one urgency go to the GP", 40, triage.Female, triage.Clinical, "back pain for a week and feeling very anxious", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"parts said together in a sentence", 60, triage.Male, triage.Clinical, "the tightness in my chest is spreading to my arm", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a negated part stops the group", 50, triage.Female, triage.Clinical, "blood pressure readings high at home, no chest pain", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"parts in different sentences are not together", 50, triage.Female, triage.Clinical, "I had a chest infection last year. Now my pressure readings are fine and I need a letter", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"a list keeps the negation going", 58, triage.Male, triage.Clinical, "indigestion, no pain in my arms or jaw, no sweating", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"'and now' does not", 58, triage.Male, triage.Clinical, "no headache and now crushing chest pain", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a shorter phrase inside a negated one is negated too", 28, triage.Male, triage.Clinical, "low mood for months. I don't have any thoughts of harming myself", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"a negated list runs on to its 'or'", 40, triage.Male, triage.Clinical, "back spasm after lifting, no numbness, pins and needles or bladder issues", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"a negated list stops at 'but'", 50, triage.Male, triage.Clinical, "no cough, no cold, but crushing chest pain or pressure", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"said after a comma, not listed", 40, triage.Female, triage.Clinical, "no fever, now i cant breathe or talk", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a medicine known by its class ending", 58, triage.Male, triage.Clinical, "the lisinopril is giving me a tickly cough", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"a plural of a medicine's class ending", 63, triage.Female, triage.Clinical, "statins giving me muscle aches", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"a baby's age said without 'old'", 0, triage.Male, triage.Clinical, "baby 5 months temp 39.2, feeding well and happy", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"an overdose counted loosely", 23, triage.Male, triage.Admin, "took about 30 paracetamol a few hours ago, feel ok now", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a new medicine then trouble swallowing", 52, triage.Male, triage.Clinical, "started amoxicillin this morning now my face is swollen and its hard to swallow", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"an essential medicine out, with the condition it treats", 19, triage.Male, triage.Clinical, "run out of levetiracetam (keppra) for my seizures", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"a medicine run out and a seizure now", 35, triage.Female, triage.Clinical, "my tablets for epilepsy have run out and I've had a small seizure", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a minor head injury in an adult", 33, triage.Male, triage.Clinical, "bumped my head on a cupboard door, no knock out, not been sick", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"a minor head injury in a child", 8, triage.Male, triage.Clinical, "bumped his head on the table, didn't lose consciousness", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"two signs of sepsis without the word fever", 79, triage.Female, triage.Clinical, "Mum has been shivering uncontrollably, her knees look mottled and she hasn't had a wee since last night", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"preparations for suicide without the word", 34, triage.Male, triage.Clinical, "i have got the tablets lined up and ive written letters for my kids", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"half the field of vision gone", 60, triage.Male, triage.Clinical, "suddenly half of what I see has gone, I keep bumping into things on my left", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"half months and a reading after its word", 0, triage.Female, triage.Admin, "ticked wrong box sorry. baby is 3 and a half months, been hot all day, 39 on the ear thermometer", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"a count of days is not a temperature", 52, triage.Female, triage.Clinical, "hot flushes for 40 days now, can we talk about HRT", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"bowel accident with back pain, ticked as a fit note", 61, triage.Male, triage.Admin, "Can I have a fit note please for my back. It's much worse, both legs tingly, and I had an accident with my bowels last night", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a chemical splashed in the eye", 33, triage.Male, triage.Clinical, "Splashed sheep dip concentrate into my eye, burning badly", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"burning passing water with night-time weeing in a man", 82, triage.Male, triage.Clinical, "it burns when he passes water and he's up every hour at night with it", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"night-time weeing and a weak flow without pain", 61, triage.Male, triage.Clinical, "peeing a lot at night and weak flow", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"a medicine run out that is not essential", 71, triage.Male, triage.Clinical, "I've run out of my amlodipine", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"speech is a stroke sign even beside a joint word", 72, triage.Male, triage.Clinical, "Father suddenly cannot speak properly, mouth is twisted and his left hand weak", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"'never get headaches' then the worst one", 24, triage.Female, triage.Clinical, "never get headaches but this one hit suddenly and it's the worst pain ever", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a baby moving less", 27, triage.Female, triage.Clinical, "pregnant 30 week, baby moving less today", triage.SameDay, triage.TeamGP, triage.SignpostNone},
		{"an older person on the floor since last night", 86, triage.Male, triage.Clinical, "on the floor, says he's been there since yesterday afternoon and can't get himself up", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a fall on a blood thinner with a bump on the forehead", 88, triage.Female, triage.Clinical, "unwitnessed fall overnight, found on floor with a bump on her forehead. She takes apixaban", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"chest pain at rest that GTN has not helped", 78, triage.Female, triage.Clinical, "central chest pain on and off for two hours, now there sitting still, took my GTN spray twice and it has not helped", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a child who got into the paracetamol", 3, triage.Male, triage.Clinical, "Found my 3yo with my paracetamol packet open, about 8 tablets missing, he seems fine", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a child's fever with earache stays with the pharmacy", 10, triage.Male, triage.Clinical, "ear ache and now a fever of 38.5", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"a child's fever alone is seen", 9, triage.Male, triage.Clinical, "temp 38.4 (101F), drinking squash fine, running about between doses of calpol", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"a method and a day, without the word suicide", 31, triage.Female, triage.Clinical, "Bought a hose for the car exhaust and I've picked a day next week", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"research and means", 19, triage.Female, triage.Clinical, "i looked up how many paracetamol it would take and ive bought 4 packs from different shops", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a method alone, said plainly", 56, triage.Male, triage.Clinical, "I've tied a rope up in the loft. Haven't done anything yet.", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a day mentioned without any method is not a plan", 30, triage.Female, triage.Clinical, "feeling low, can someone call me tomorrow", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"psychosis with danger to a baby", 29, triage.Female, triage.Clinical, "she hasn't slept, says the baby isn't ours and voices are telling her to get rid of it", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"self-harm with a burn that needs treatment", 26, triage.Female, triage.Clinical, "burned my arm with a lighter on purpose last night, there's a white leathery patch", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"passive thoughts said through a negation", 25, triage.Male, triage.Clinical, "dont really see the point of being here. no im not going to do anything.", triage.SameDay, triage.TeamMentalHealth, triage.SignpostNone},
		{"an essential medicine said as 'no more'", 31, triage.Female, triage.Clinical, "Urgent: no more Lamictal. Took the last one this morning.", triage.SameDay, triage.TeamMedicines, triage.SignpostNone},
		{"no movements in late pregnancy", 27, triage.Female, triage.Clinical, "36 weeks pregnant, havent felt baby move at all since last night", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"green vomit in a baby", 0, triage.Female, triage.Clinical, "my 4 month old is being sick and its bright green, happened 3 times now", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a spreading infection with fever", 49, triage.Male, triage.Clinical, "cut my hand at work 2 days ago, redness now spread up to my elbow with red lines, temp 39, feel really ill", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"an infected insect bite stays with the pharmacy", 35, triage.Female, triage.Clinical, "infected insect bite on my arm, it's hot and the redness is spreading", triage.Routine, triage.TeamGP, triage.SignpostPharmacy},
		{"'without nearly fainting' is fainting", 45, triage.Female, triage.Clinical, "kidney infection, now shaking so much my teeth are chattering, cant stand up without nearly fainting and heart racing", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"a medicine the rules list by name", 44, triage.Female, triage.Clinical, "metformin is making me feel sick", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"fever with new confusion is sepsis until shown otherwise", 81, triage.Female, triage.Clinical, "burning hot and not making sense today", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"'a bit' is not a bite", 67, triage.Male, triage.Clinical, "a bit breathless walking the dog for weeks", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"nothing recognised, clinical", 40, triage.Female, triage.Clinical, "I have a question about my health", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"nothing recognised, admin", 40, triage.Female, triage.Admin, "please call me back", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
	}
	t.Run("one sign of sepsis is not enough", func(t *testing.T) {
		// The rules give soon; model 2026.12.7 raises it to same-day (a flu with
		// shivering reads like the labelled same-day fevers), which is allowed: what
		// must not happen is 999 on one sign.
		in := triage.Input{Age: 30, Sex: triage.Male, Kind: triage.Clinical, Text: "shivering a lot with this flu, otherwise ok"}
		if got := assets.RulesEngine().Classify(in); got.Priority != triage.Soon {
			t.Errorf("rules alone: %s, want soon", got.Priority)
		}
		if got := e.Classify(in); got.Priority == triage.Emergency {
			t.Errorf("with the second opinion: emergency on one sign of sepsis; reasons %v", got.Reasons)
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.Classify(triage.Input{Age: tt.age, Sex: tt.sex, Kind: tt.kind, Text: tt.text})
			if got.Priority != tt.priority || got.Team != tt.team || got.Signpost != tt.signpost {
				t.Errorf("%q: got %s/%s/%s, want %s/%s/%s; reasons %v", tt.text, got.Priority, got.Team, got.Signpost, tt.priority, tt.team, tt.signpost, got.Reasons)
			}
			if len(got.Reasons) == 0 {
				t.Error("no reason given")
			}
			for _, r := range got.Reasons {
				for i, sp := range r.Spans {
					if tt.text[sp.Start:sp.End] != r.Words[i] {
						t.Errorf("reason %s: span %v is %q, word is %q", r.Rule, sp, tt.text[sp.Start:sp.End], r.Words[i])
					}
				}
			}
		})
	}
}

func TestReasonsNameTheWords(t *testing.T) {
	e := assets.DefaultEngine()
	text := "Bad chest pain going down my left arm"
	got := e.Classify(triage.Input{Age: 60, Sex: triage.Male, Kind: triage.Clinical, Text: text})
	r := got.Reasons[0]
	if r.Rule != "cardiac-chest-pain" || strings.Join(r.Words, "|") != "chest pain|left arm" {
		t.Fatalf("reason = %+v, want cardiac-chest-pain naming \"chest pain\" and \"left arm\"", r)
	}
	if s := r.String(); !strings.Contains(s, `"left arm"`) {
		t.Errorf("String() = %s", s)
	}
}

// readSet reads a labelled set in the LABELS.md format.
func readSet(t testing.TB, path string) []triage.Labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var set []triage.Labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var l struct {
			ID, Sex, Kind, Text, Priority, Team, Signpost string
			Age                                           int
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s line %d: %v", path, n, err)
		}
		p, err1 := triage.ParsePriority(l.Priority)
		tm, err2 := triage.ParseTeam(l.Team)
		sp, err3 := triage.ParseSignpost(l.Signpost)
		sex, err4 := triage.ParseSex(l.Sex)
		kind, err5 := triage.ParseKind(l.Kind)
		for _, err := range []error{err1, err2, err3, err4, err5} {
			if err != nil {
				t.Fatalf("%s line %d: %v", path, n, err)
			}
		}
		set = append(set, triage.Labelled{Input: triage.Input{ID: l.ID, Age: l.Age, Sex: sex, Kind: kind, Text: l.Text},
			Want: triage.Suggestion{Priority: p, Team: tm, Signpost: sp}})
	}
	return set
}

// TestLabelledSets holds the engine to the targets on the labelled sets.
func TestLabelledSets(t *testing.T) {
	// dev.jsonl is the development set; phrasings.jsonl holds new wordings found by
	// probing the engine; blind-1..13, 16..34, 36..41, 44, 45, 52..54 and 58..60 were each written from LABELS.md alone by someone
	// who had not read the rules, measured once as unseen requests (the figures are in
	// docs/clinical-safety.md and testdata/README.md), and only then used to improve the
	// rules. A fresh blind set is how to measure generalisation: `triagectl eval FILE`
	// before reading its misses. blind-58 and 59 are held here since rules 2026.12.16 (a
	// ketone reading under 1.5 is a sick day, not ketoacidosis). blind-68 and 69 are read
	// but not held yet: false alarms to 999 over 2% (docs/clinical-safety.md, H3).
	for _, path := range []string{"testdata/dev.jsonl", "testdata/phrasings.jsonl", "testdata/blind-1.jsonl", "testdata/blind-2.jsonl", "testdata/blind-3.jsonl", "testdata/blind-4.jsonl", "testdata/blind-5.jsonl", "testdata/blind-6.jsonl", "testdata/blind-7.jsonl", "testdata/blind-8.jsonl", "testdata/blind-9.jsonl", "testdata/blind-10.jsonl", "testdata/blind-11.jsonl", "testdata/blind-12.jsonl", "testdata/blind-13.jsonl", "testdata/blind-16.jsonl", "testdata/blind-17.jsonl",
		"testdata/blind-18.jsonl", "testdata/blind-19.jsonl", "testdata/blind-20.jsonl", "testdata/blind-21.jsonl",
		"testdata/blind-22.jsonl", "testdata/blind-23.jsonl", "testdata/blind-24.jsonl", "testdata/blind-25.jsonl",
		"testdata/blind-26.jsonl", "testdata/blind-27.jsonl", "testdata/blind-28.jsonl", "testdata/blind-29.jsonl",
		"testdata/blind-30.jsonl", "testdata/blind-31.jsonl", "testdata/blind-32.jsonl", "testdata/blind-33.jsonl",
		"testdata/blind-34.jsonl", "testdata/blind-36.jsonl", "testdata/blind-37.jsonl",
		"testdata/blind-38.jsonl", "testdata/blind-39.jsonl", "testdata/blind-40.jsonl", "testdata/blind-41.jsonl",
		"testdata/blind-44.jsonl", "testdata/blind-45.jsonl",
		"testdata/blind-52.jsonl", "testdata/blind-53.jsonl", "testdata/blind-54.jsonl",
		"testdata/blind-58.jsonl", "testdata/blind-59.jsonl", "testdata/blind-60.jsonl"} {
		t.Run(path, func(t *testing.T) {
			if _, err := os.Stat(path); os.IsNotExist(err) {
				t.Skip("no such set")
			}
			s := triage.Evaluate(assets.DefaultEngine(), readSet(t, path))
			if s.N < 25 {
				t.Fatalf("only %d labelled requests", s.N)
			}
			for _, m := range s.UnderTriagedMisses {
				if m.Want.Priority == triage.Emergency {
					t.Errorf("missed emergency %s: %q suggested %s because %v", m.ID, m.Text, m.Got.Priority, m.Got.Reasons)
				}
			}
			check := func(name string, got, min float64) {
				if got < min {
					t.Errorf("%s %.1f%%, target %.0f%%", name, 100*got, 100*min)
				}
			}
			check("emergency recall", s.EmergencyRecall(), 1)
			check("priority accuracy", s.PriorityAccuracy(), 0.85)
			check("team accuracy", s.TeamAccuracy(), 0.90)
			check("signpost accuracy", s.SignpostAccuracy(), 0.90)
			if s.UnderTriageRate() > 0.03 {
				t.Errorf("under-triage %.1f%%, target at most 3%%", 100*s.UnderTriageRate())
			}
			// False alarms cost a practice a call each and teach staff to doubt the
			// red banner (alarm fatigue, H13 in docs/clinical-safety.md).
			if s.OverTriageRate() > 0.02 {
				for _, m := range s.Misses {
					if m.Want.Priority != triage.Emergency && m.Got.Priority == triage.Emergency {
						t.Logf("false alarm %s: %q labelled %s, suggested emergency because %v", m.ID, m.Text, m.Want.Priority, m.Got.Reasons)
					}
				}
				t.Errorf("over-triage to emergency %.1f%% (%d), target at most 2%%", 100*s.OverTriageRate(), s.OverTriagedToEmergency)
			}
		})
	}
}

func TestEngineIsSafeForConcurrentUse(t *testing.T) {
	e := assets.DefaultEngine()
	in := triage.Input{Age: 60, Sex: triage.Male, Kind: triage.Clinical, Text: "crushing chest pain and sweating"}
	want := e.Classify(in)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				if got := e.Classify(in); got.Priority != want.Priority || len(got.Reasons) != len(want.Reasons) {
					t.Error("concurrent Classify gave a different answer")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// check classifies each case and reports any whose suggestion differs, with its reasons.
func check(t *testing.T, cases []struct {
	age  int
	sex  triage.Sex
	text string
	want string // priority/team/signpost
}) {
	t.Helper()
	e := assets.DefaultEngine()
	for _, c := range cases {
		got := e.Classify(triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text})
		if s := string(got.Priority) + "/" + string(got.Team) + "/" + string(got.Signpost); s != c.want {
			t.Errorf("%d %s %q: got %s, want %s; because %v", c.age, c.sex, c.text, s, c.want, got.Reasons)
		}
	}
}

type engineCase = struct {
	age  int
	sex  triage.Sex
	text string
	want string
}

// TestEveryEmergencyOfLabels takes each emergency of LABELS.md in two wordings.
func TestEveryEmergencyOfLabels(t *testing.T) {
	const e = "emergency/gp/999"
	check(t, []engineCase{
		{55, triage.Male, "pain in my chest spreading to my left arm", e},
		{62, triage.Female, "heavy tight chest and I'm clammy", e},
		{70, triage.Female, "her face has dropped on one side", e},
		{66, triage.Male, "his speech is slurred and his arm is weak", e},
		{45, triage.Female, "so breathless I can't speak in sentences", e},
		{60, triage.Male, "my lips have gone blue", e},
		{30, triage.Female, "throat closing up after eating nuts", e},
		{25, triage.Male, "stung by a bee and now my tongue is swollen", e},
		{70, triage.Male, "chest infection and now mottled skin and no wee all day", e},
		{50, triage.Female, "high temperature, shivering uncontrollably, never felt this ill", e},
		{3, triage.Female, "spots that don't fade under a glass", e},
		{20, triage.Male, "fever, stiff neck and the light hurts my eyes", e},
		{30, triage.Female, "I want to kill myself and I have a plan", e},
		{19, triage.Male, "took 20 paracetamol an hour ago", e},
		{45, triage.Male, "back pain and numb between my legs", e},
		{50, triage.Female, "backache and I've wet myself without knowing", e},
		{14, triage.Male, "sudden severe pain in my testicle", e},
		{28, triage.Female, "missed period, pain on one side and dizzy", e},
		{31, triage.Female, "positive pregnancy test, pain low on the right and shoulder tip pain", e},
		{60, triage.Male, "vomiting blood", e},
		{70, triage.Female, "black tarry stools since yesterday", e},
		{12, triage.Male, "hit his head and was knocked out", e},
		{40, triage.Female, "banged my head and keep vomiting", e},
		{80, triage.Male, "fell and hit my head, I take warfarin", e},
		{65, triage.Female, "suddenly lost the vision in one eye", e},
		{38, triage.Male, "worst headache of my life, came on suddenly", e},
		{0, triage.Female, "my 6 week old has a temperature of 38", e},
		{0, triage.Male, "7 weeks old, temp 100.4F", e},
		{35, triage.Male, "tooth abscess and the swelling is spreading to my eye", e},
		{30, triage.Female, "toothache and now it's hard to swallow", e},
	})
}

// TestBabyTemperaturesByMonths reads the baby's age from the text: under 3 months at
// 38°C is an emergency, 3 to 6 months at 39°C is same-day, and a number below the
// threshold does not count.
func TestBabyTemperaturesByMonths(t *testing.T) {
	check(t, []engineCase{
		{0, triage.Female, "my 8 week old has a temperature of 38.0", "emergency/gp/999"},
		{0, triage.Female, "my 8 week old has a temperature of 37.5", "soon/gp/none"},
		{0, triage.Male, "he is 2 months old and his temp is 38.4C", "emergency/gp/999"},
		{0, triage.Male, "3 month old baby, temperature 39.2", "same-day/gp/none"},
		{0, triage.Female, "she is 5 months, temp 39", "same-day/gp/none"},
		{0, triage.Female, "baby feels very hot", "emergency/gp/999"}, // no months, no number: taken as the youngest
		{0, triage.Male, "10 days old and a temperature of 38.1", "emergency/gp/999"},
		{30, triage.Female, "I'm 36 weeks pregnant and want a letter for work", "routine/admin/none"},
	})
}

// TestPharmacyFirstEdges checks each Pharmacy First condition at the edges of its ages
// and, for urine infections, sex and pregnancy.
func TestPharmacyFirstEdges(t *testing.T) {
	const pharmacy = "routine/gp/pharmacy"
	check(t, []engineCase{
		{11, triage.Female, "sinusitis, blocked nose and face pain", "soon/gp/none"},
		{12, triage.Female, "sinusitis, blocked nose and face pain", pharmacy},
		{4, triage.Male, "sore throat", "soon/gp/none"},
		{5, triage.Male, "sore throat", pharmacy},
		{0, triage.Male, "earache", "soon/gp/none"},
		{1, triage.Male, "earache", pharmacy},
		{17, triage.Male, "earache", pharmacy},
		{18, triage.Male, "earache", "soon/gp/none"},
		{0, triage.Female, "infected insect bite, red and swollen", "soon/gp/none"},
		{1, triage.Female, "infected insect bite, red and swollen", pharmacy},
		{1, triage.Male, "impetigo", pharmacy},
		{17, triage.Female, "shingles", "soon/gp/none"},
		{18, triage.Female, "shingles", pharmacy},
		{15, triage.Female, "burning when I wee", "same-day/gp/none"},
		{16, triage.Female, "burning when I wee", pharmacy},
		{64, triage.Female, "burning when I wee", pharmacy},
		{65, triage.Female, "burning when I wee", "same-day/gp/none"},
		{30, triage.Male, "burning when I wee", "same-day/gp/none"},
		{30, triage.Female, "burning when I wee and I'm 10 weeks pregnant", "same-day/gp/none"},
		{30, triage.SexUnknown, "burning when I wee", "same-day/gp/none"},
	})
}

// TestNegation keeps negated red flags from firing and lets the rest of the sentence
// speak.
func TestNegation(t *testing.T) {
	check(t, []engineCase{
		{50, triage.Male, "heartburn, no chest pain", "soon/gp/none"},
		{50, triage.Male, "I do not have chest pain, just heartburn", "soon/gp/none"},
		{35, triage.Female, "low mood, not suicidal", "soon/mental-health/none"},
		{35, triage.Female, "feeling low. denies any thoughts of suicide", "soon/mental-health/none"},
		{40, triage.Male, "back pain without numbness or bladder problems", "soon/physio/none"},
		{40, triage.Male, "back pain, haven't had any numbness or problems with my bladder", "soon/physio/none"},
		{40, triage.Male, "no chest pain but now my left arm is numb and my face has dropped", "emergency/gp/999"},
		{40, triage.Male, "not sure if it's important but crushing chest pain since lunch", "emergency/gp/999"},
		{30, triage.Female, "sore throat, no difficulty swallowing or breathing", "routine/gp/pharmacy"},
		// An all-clear after the words clears them; a negated all-clear does not.
		{34, triage.Male, "hurt my lower back lifting boxes, peeing and pooing normally", "soon/physio/none"},
		{50, triage.Male, "back pain, bladder is fine, no numbness", "soon/physio/none"},
		{50, triage.Male, "back pain and my bladder is not normal since yesterday", "emergency/gp/999"},
		{30, triage.Female, "my blue inhaler worked fine before but now asthma getting worse and it isnt helping", "same-day/gp/none"},
		// "doesn't go" away is not a negation; "doesn't go to my arm" is.
		{44, triage.Male, "sharp pain on the left of my chest when i press on my rib after moving a wardrobe, doesnt go to my arm", "soon/gp/none"},
		{2, triage.Male, "rash on his body, it fades when pressed with a glass, hes happy", "soon/gp/none"},
		{25, triage.Male, "thinking about suicide a lot. havent got a plan and im safe tonight", "same-day/mental-health/none"},
	})
}

// TestMisspellingsAndLayWords reads phone typing and patients' own words.
func TestMisspellingsAndLayWords(t *testing.T) {
	check(t, []engineCase{
		{55, triage.Male, "chst pain going down my arm", "emergency/gp/999"},
		{40, triage.Female, "cant breath at all", "emergency/gp/999"},
		{30, triage.Male, "dierrhea since yesterday, otherwise fine", "routine/gp/pharmacy"},
		{0, triage.Female, "3 week old with a temprature of 38.2", "emergency/gp/999"},
		{30, triage.Female, "stings when I have a wee", "routine/gp/pharmacy"},
		{30, triage.Male, "burning when peeing", "same-day/gp/none"},
		{8, triage.Female, "tummy ache and it hurts to wee", "same-day/gp/none"},
		{52, triage.Male, "can't catch my breath, lips going blue", "emergency/gp/999"},
	})
}

// TestSeveralProblems lets the most urgent problem decide, and sends problems of one
// urgency for different teams to the GP.
func TestSeveralProblems(t *testing.T) {
	check(t, []engineCase{
		{50, triage.Male, "fit note please. also chest pain spreading to my jaw", "emergency/gp/999"},
		{35, triage.Female, "my test results and I've run out of insulin", "same-day/medicines/none"},
		{40, triage.Female, "low mood and a sore knee from running", "soon/gp/none"},
		{28, triage.Female, "missed my period, one sided pain and I feel dizzy", "emergency/gp/999"},
		{19, triage.Male, "fever, stiff neck and a rash", "emergency/gp/999"},
		{30, triage.Female, "cold sore and a repeat of my pill", "routine/gp/none"},
	})
}

// TestFitNoteForStressIsAdmin: seen on the desk, "need a sick note, off with stress" was
// suggested to mental health. A fit note whose stress, low mood or anxiety is only the
// reason for the note is admin, routine (LABELS.md: fit notes → admin); the same note
// with the mood bad or getting worse now goes to mental health, and a risk said beside
// it is never lost.
func TestFitNoteForStressIsAdmin(t *testing.T) {
	e := assets.DefaultEngine()
	tests := []struct {
		name     string
		kind     triage.Kind
		text     string
		priority triage.Priority
		team     triage.Team
	}{
		{"the desk's request", triage.Admin, "need a sick note, off with stress", triage.Routine, triage.TeamAdmin},
		{"ticked clinical", triage.Clinical, "need a sick note, off with stress", triage.Routine, triage.TeamAdmin},
		{"signed off with anxiety", triage.Admin, "fit note extension please, signed off with anxiety", triage.Routine, triage.TeamAdmin},
		{"off work with depression", triage.Admin, "can I have a med3, I'm off work with depression", triage.Routine, triage.TeamAdmin},
		{"stress getting worse now", triage.Admin, "need a sick note, off with stress and it's getting worse, not sleeping", triage.Soon, triage.TeamMentalHealth},
		{"anxiety bad now", triage.Admin, "fit note please, my anxiety is really bad at the moment", triage.Soon, triage.TeamMentalHealth},
		{"thoughts of suicide beside it", triage.Admin, "need a sick note, off with stress, and I keep thinking everyone would be better off without me", triage.SameDay, triage.TeamMentalHealth},
		{"a plan beside it", triage.Admin, "sick note please, off with stress. I've saved up my tablets and I'm taking them tonight", triage.Emergency, triage.TeamGP},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.Classify(triage.Input{Age: 34, Sex: triage.Female, Kind: tt.kind, Text: tt.text})
			if got.Priority != tt.priority || got.Team != tt.team {
				t.Errorf("%q: got %s / %s, want %s / %s (%v)", tt.text, got.Priority, got.Team, tt.priority, tt.team, got.Reasons)
			}
		})
	}
}
