package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestFalseAlarmFamiliesStayNarrow holds each family of false alarms to 999 narrowed in
// rules 2026.12.3 beside the true emergency it must not swallow, in words that are in
// no labelled set. The look-alike must not be an emergency with the desk's engine
// (rules and second opinion); the emergency must be one with the rules alone, so the
// narrowing cannot lean on the model to keep recall.
func TestFalseAlarmFamiliesStayNarrow(t *testing.T) {
	type pair struct {
		family    string
		age       int
		sex       triage.Sex
		lookAlike string
		want      triage.Priority // the look-alike's priority
		emergency string
		eAge      int
		eSex      triage.Sex
	}
	cases := []pair{
		{"fitted means put in", 29, triage.Female, "the nurse put my implant in last Tuesday and since it was fitted my arm is bruised and sore", triage.Soon,
			"had his hearing aid fitted this morning, then at lunch he fitted for two minutes and is still drowsy", 70, triage.Male},
		{"a measured normal temperature is no fever", 86, triage.Female, "Mum in her nursing home is more muddled than usual since Monday, carers measured her temperature at 37.1, she is eating and drinking", triage.SameDay,
			"dad is suddenly confused and shaking uncontrollably, temperature 35.2, hands cold and clammy", 88, triage.Male},
		{"a normal temp said in words", 0, triage.Male, "my 7 week old has had a blocked nose for two days, temp was normal when I checked, feeding fine", triage.Soon,
			"my 7 week old feels hot and the thermometer says 38.3", 0, triage.Male},
		{"a baby's age said on its own", 0, triage.Male, "7mo, temp 38.6 since teatime, still drinking his milk", triage.Soon,
			"6wks, temperature 38.4 tonight", 0, triage.Female},
		{"a baby nearly of an age", 0, triage.Female, "she is nearly 5 months, temperature 39.2 since lunch, feeding and smiling", triage.SameDay,
			"she is 10 weeks, temperature 38.5 since lunch, feeding and smiling", 0, triage.Female},
		{"a number of weeks is not a count of tablets", 32, triage.Female, "could I have a copy of the scan report they took at 20 weeks", triage.Soon,
			"she took 32 of her sleeping tablets an hour ago", 19, triage.Female},
		{"a part said with its denial", 45, triage.Male, "abscess on my gum, small swelling by the tooth, lips not swollen, swallowing is fine", triage.Routine,
			"gum abscess and now my face is swelling and I'm finding it hard to swallow", 45, triage.Female},
		{"an inhaler is the asthma's treatment", 27, triage.Male, "wheezy since the weekend and my ventolin only lasts an hour, still talking in full sentences", triage.SameDay,
			"started a new antibiotic this morning and now my throat is closing up, I also use an inhaler for asthma", 33, triage.Female},
		{"a steroid inhaler's side effect", 60, triage.Female, "since the new brown inhaler my voice has gone croaky", triage.Soon,
			"took the first dose of a new painkiller and my tongue is swelling and I can't swallow", 60, triage.Female},
		{"a wish not to wake is not a collapse", 44, triage.Female, "some nights I go to sleep hoping I won't wake up, but I have no intention of acting on it", triage.SameDay,
			"my husband won't wake up and his breathing sounds like snoring", 70, triage.Female},
		{"a time that is about safety or the telling", 35, triage.Male, "my brother rang me tonight saying he sometimes wishes he was dead, he says he would never act on it and he is staying with us tonight", triage.SameDay,
			"my sister told me tonight she has bought rope and written letters to her children", 35, triage.Female},
		{"a testicle ache that built up slowly", 20, triage.Male, "ache in my left testicle has crept up over a few days, it's swollen and it stings when I pee, nothing sudden about it", triage.SameDay,
			"woke at 5am with sudden agony in his testicle and he's been sick", 15, triage.Male},
		{"a rash that fades under a glass", 3, triage.Female, "blotchy rash on her chest, the spots fade with the glass, she's running around", triage.Soon,
			"spots on her legs that won't go when I press a glass on them and she's hot", 3, triage.Female},
		{"pain on one side of the face is not a droop", 60, triage.Female, "stabbing pain down one side of my face when I chew or touch my cheek, like electric jolts, for a week", triage.Soon,
			"one side of her face has dropped and she's dribbling", 78, triage.Female},
		{"chest pain on moving the arm", 35, triage.Male, "sore chest when I raise my arm since heavy lifting at the weekend, tender to press", triage.SameDay,
			"chest pain going into my left arm and I'm sweating", 58, triage.Male},
		{"a question about too many medicines", 80, triage.Female, "am I on too many tablets? could someone go through them with me", triage.Soon,
			"mum has taken too many of her tablets, a whole week's box at once", 80, triage.Female},
		{"a child with fever and drowsy (LABELS: same-day)", 5, triage.Male, "temperature of 39 and very drowsy today but he perks up after calpol", triage.SameDay,
			"temperature of 39, very drowsy and his hands and feet are icy and mottled", 5, triage.Male},
		{"a crusty or blistered rash is on the skin", 3, triage.Male, "weepy crusty rash spreading round his mouth and chin, and a temperature", triage.SameDay,
			"temperature and purple spots spreading over his tummy", 3, triage.Male},
		{"a phrase with no continued by or", 30, triage.Female, "no period or pain, I just want a pregnancy test", triage.Soon,
			"no period for 7 weeks, and now sharp pain low down on one side and I feel faint", 30, triage.Female},
		{"a headache that is not sudden", 40, triage.Female, "headaches most evenings for a fortnight, not sudden, painkillers help", triage.Soon,
			"sudden headache like being hit with a bat, the worst I have ever had", 40, triage.Female},
		// Rules 2026.12.13: a red flag that is not the patient's now (issue 10), scoped
		// by its clause for every emergency rule.
		{"a red flag in a question whether one thing turns into another", 64, triage.Female, "can a chest infection turn into sepsis? I have a cough and some phlegm but I am eating and drinking", triage.Soon,
			"he has a chest infection and now he is shivering, mottled and has not passed urine all day", 64, triage.Male},
		{"a red flag read about online", 33, triage.Female, "I read on a forum that sepsis can start with a sore throat and now I'm worried about mine, I'm eating and drinking fine", triage.Routine,
			"I read on a forum that sepsis can start with a sore throat and this morning I've been shivering uncontrollably, my skin is blotchy and mottled and I haven't weed since yesterday", 33, triage.Female},
		{"a family's history", 45, triage.Female, "my aunt died of a stomach bleed after vomiting blood, can I be checked? I'm well", triage.Soon,
			"my grandmother died of a bleed on the brain, and an hour ago I got the worst headache of my life out of nowhere", 45, triage.Female},
		{"a named red flag in the past", 36, triage.Female, "I had anaphylaxis to penicillin as a teenager, please make sure it is on my record", triage.Soon,
			"I had anaphylaxis as a teenager and since the new antibiotic an hour ago my lips are swelling and I can't swallow", 36, triage.Female},
		{"a past stroke beside a stroke now", 77, triage.Male, "I had a stroke in 2020 and my left hand has been weak since, I would like a physio review", triage.Soon,
			"I had a stroke in 2020 and this morning my face has dropped again and my words are slurred", 77, triage.Male},
		{"a document about a red flag", 40, triage.Male, "please send my employer a letter about my overdose in the spring, they need it for my return to work", triage.Routine,
			"please send my employer a letter about my absence. I have taken all my tablets tonight", 40, triage.Male},
		{"a safety net the patient was given", 3, triage.Female, "the out of hours GP said to ring 999 if she goes floppy or the spots stop fading. She is eating and playing now", triage.SameDay,
			"the out of hours GP said to ring 999 if it got worse - she is floppy and the spots don't fade under a glass", 3, triage.Female},
		{"a diabetic sick day with a ketone reading under 1.5 (2026.12.16)", 30, triage.Male, "type 1, vomited twice since breakfast, ketones are 0.7 and sugar 17, keeping fluids down", triage.SameDay,
			"type 1, vomited twice since breakfast, ketones 3.4 and sugar 24, breathing fast", 30, triage.Male},
		{"a condition that has not happened", 60, triage.Male, "if I get chest pain going into my arm after the new heart tablets, should I stop them? I'm fine today", triage.SameDay,
			"chest pain going into my arm and sweating, should I ring 999 in case it is my heart", 60, triage.Male},
	}
	desk, rules := assets.DefaultEngine(), assets.RulesEngine()
	for _, c := range cases {
		t.Run(c.family, func(t *testing.T) {
			got := desk.Classify(triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.lookAlike})
			if got.Priority != c.want {
				t.Errorf("look-alike %q: got %s, want %s; because %v", c.lookAlike, got.Priority, c.want, got.Reasons)
			}
			got = rules.Classify(triage.Input{Age: c.eAge, Sex: c.eSex, Kind: triage.Clinical, Text: c.emergency})
			if got.Priority != triage.Emergency {
				t.Errorf("emergency %q: the rules gave %s; because %v", c.emergency, got.Priority, got.Reasons)
			}
		})
	}
}

// TestSecondOpinionCatchesWhatTheRulesMiss holds the desk's engine to 999 on
// emergencies in words that are in no labelled set, which the rules alone missed when
// this was written and the second opinion caught: a guard for any change of the model's
// operating point (H13), which held-out read sets cannot see, since the rules were
// fixed on every read set's misses.
func TestSecondOpinionCatchesWhatTheRulesMiss(t *testing.T) {
	desk := assets.DefaultEngine()
	emergencies := []struct {
		what string
		age  int
		sex  triage.Sex
		text string
	}{
		{"a possible ectopic in lay words", 29, triage.Female, "six weeks since my last period, sudden sharp pain low on the left and I feel like I'm going to pass out"},
		{"a first fit with confusion after it", 66, triage.Female, "my whole body went stiff and jerking for a few minutes and now I'm very confused, never happened before"},
		{"cauda equina in everyday words", 50, triage.Female, "my bowels and bladder just let go without me knowing and both my legs feel like jelly, with my bad back"},
	}
	for _, c := range emergencies {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		if got := desk.Classify(in); got.Priority != triage.Emergency {
			t.Errorf("%s: %q is %s with the desk's engine, want 999; because %v", c.what, c.text, got.Priority, got.Reasons)
		}
	}
}
