package triage_test

import (
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// openFalseAlarms are near misses of testdata/probes/falsealarm-families.jsonl that
// the desk's engine still sends to 999: open false alarms, listed so that the probes
// guard every other line now. The probes were written (rules 2026.12.42) before any
// change they measure, in ten families of the general reasons the rules call a
// non-emergency an emergency: a red flag past and resolved, denied, asked about, a
// safety net not reached, about someone else, chronic and unchanged, a normal reading,
// a mild word, panic read as breathlessness, and look-alikes. Remove an id when its
// family is fixed; the test then holds it.
var openFalseAlarms = map[string]bool{
	"e16-nm-past-00": true, "e16-nm-past-01": true, "e16-nm-past-02": true,
	"e16-nm-past-05": true, "e16-nm-past-06": true, "e16-nm-den-13": true, "e16-nm-den-15": true,
	"e16-nm-ask-21": true, "e16-nm-ask-23": true, "e16-nm-adv-28": true,
	"e16-nm-adv-30": true, "e16-nm-adv-32": true, "e16-nm-adv-33": true, "e16-nm-oth-39": true,
	"e16-nm-oth-41": true, "e16-nm-chr-43": true, "e16-nm-chr-44": true, "e16-nm-nrm-54": true,
	"e16-nm-look-72": true, "e16-nm-look-74": true,
	"e16-nm-look-75": true, "e16-nm-look-78": true,
}

// rulesAloneMisses are emergencies of the same probes that the rules alone already
// left to the second opinion when they were written: open hazards of the rules.
var rulesAloneMisses = map[string]bool{
	"e16-em-past-04": true, "e16-em-chr-44": true, "e16-em-mild-62": true, "e16-em-look-78": true,
}

// TestFalseAlarmFamiliesBesideTheirEmergencies holds each family's near misses off 999
// with the desk's engine, and its real emergencies, told in the same words as near as
// can be, at 999 with the desk and with the rules alone, so a narrowing cannot lean on
// the model to keep recall. Under-triage is the failure to avoid: a family is fixed
// only where every emergency beside it stays.
func TestFalseAlarmFamiliesBesideTheirEmergencies(t *testing.T) {
	desk, rules := assets.DefaultEngine(), assets.RulesEngine()
	for _, l := range readSet(t, "testdata/probes/falsealarm-families.jsonl") {
		got := desk.Classify(l.Input)
		if !strings.HasPrefix(l.ID, "e16-em-") {
			switch {
			case openFalseAlarms[l.ID] && got.Priority != triage.Emergency:
				t.Logf("%s is no longer a false alarm: remove it from openFalseAlarms", l.ID)
			case !openFalseAlarms[l.ID] && got.Priority == triage.Emergency:
				t.Errorf("%s: %q suggested emergency, want %s; because %v", l.ID, l.Text, l.Want.Priority, got.Reasons)
			}
			continue
		}
		if got.Priority != triage.Emergency {
			t.Errorf("%s: %q suggested %s by the desk, want emergency; because %v", l.ID, l.Text, got.Priority, got.Reasons)
		}
		if r := rules.Classify(l.Input); r.Priority != triage.Emergency && !rulesAloneMisses[l.ID] {
			t.Errorf("%s: %q suggested %s by the rules alone, want emergency; because %v", l.ID, l.Text, r.Priority, r.Reasons)
		}
	}
}

// TestSafetyNetNotReached holds the family "a safety net given, not reached": advice
// whose red flag comes before the 999 ("the dentist said if the swelling reaches my
// eye, go to A&E", "a temp of 38 at her age means 999") is a condition, and with the
// patient's answer after it ("It hasn't", "No fever since") it is not an emergency.
// The same advice come true stays 999 whether the report names the red flag again or
// not ("He's 1.9 and we can't rouse him", "I have all three"), and "as if" is no
// condition ("I feel as if my chest is being crushed"): the reviewer's lines r1-r10
// each lost 999 with a first version of the safety nets.
func TestSafetyNetNotReached(t *testing.T) {
	holdNotEmergency := []priorityCase{
		{"if before 999, answered", 58, triage.Male, "The respiratory nurse said if my lips go blue and I can't finish a sentence I should ring 999. That hasn't happened. Can I have a new spacer?", triage.Routine},
		{"means ambulance, answered", 0, triage.Female, "The health visitor told us a temperature of 38 or more at her age means an ambulance. No temperature at all, she is 9 weeks and well. When is her next jab?", triage.Routine},
		{"is a 999, answered", 70, triage.Male, "The cardiologist said any chest pain at rest lasting over 15 minutes is a 999. None so far. Could my bisoprolol be on repeat?", triage.Routine},
	}
	for _, c := range holdNotEmergency {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		for _, e := range rulesAndDesk() {
			if got := e.eng.Classify(in); got.Priority == triage.Emergency {
				t.Errorf("%s: %q: %s gave emergency; because %v", c.name, c.text, e.name, got.Reasons)
			}
		}
	}
	holdPriorities(t, []priorityCase{
		{"come true, told again", 58, triage.Male, "The respiratory nurse said if my lips go blue and I can't finish a sentence I should ring 999. My lips are blue now and I can only say a word or two.", triage.Emergency},
		{"come true, a reading", 0, triage.Female, "The health visitor told us a temperature of 38 or more at her age means an ambulance. She is 8 weeks and it's 38.6 now.", triage.Emergency},
		{"come true, in a word", 70, triage.Male, "The cardiologist said any crushing chest pain at rest lasting over 15 minutes spreading to the arm is a 999. It's been 25 minutes and it's getting worse.", triage.Emergency},
		{"come true, all of them", 30, triage.Female, "Nurse told me a stiff neck with a fever and hating the light means 999. I have all of them since lunch.", triage.Emergency},
		{"reviewer r1", 70, triage.Female, "i was told if my face droops or my arm goes weak ring 999 and that is what has happened in the last half hour", triage.Emergency},
		{"reviewer r2", 0, triage.Male, "The doctor said if his temperature went above 38 as he is only 7 weeks old we should call 999. He's just gone over that", triage.Emergency},
		{"reviewer r3", 27, triage.Female, "My asthma plan says if the blue inhaler isn't helping and I can't talk in sentences that means 999. That's where I am right now", triage.Emergency},
		{"reviewer r4", 19, triage.Male, "The consultant said if the pain in my testicle came back suddenly to go to A&E. It has, an hour ago", triage.Emergency},
		{"reviewer r5", 58, triage.Female, "The pharmacist warned me if my lips or tongue swelled on ramipril to call 999. That's what's happened since lunch", triage.Emergency},
		{"reviewer r6", 64, triage.Female, "I told my wife I feel as if my chest is being crushed and she wants to call an ambulance", triage.Emergency},
		{"reviewer r7", 71, triage.Male, "My son said it looks as if my face has dropped on one side and he wants to call an ambulance", triage.Emergency},
		{"reviewer r8", 36, triage.Male, "My GP said if my breathing got so bad I couldn't finish a sentence to ring 999. I can't finish one now", triage.Emergency},
		{"reviewer r9", 29, triage.Female, "The early pregnancy unit told me if I got shoulder tip pain or fainted to go to A&E. Both today, with the pain on my left side", triage.Emergency},
		{"reviewer r10", 68, triage.Male, "I've been told that if I pass black tarry stools it is an emergency and means A&E. I have done twice this afternoon", triage.Emergency},
		{"come true, same sentence", 80, triage.Female, "The nurse said if she got muddled with her water infection to ring 999, she is muddled and shivering with a temp of 39.", triage.Emergency},
	})
}

// TestSafetyNetWordsAreTheRulesFiles holds the safety nets' words in the rules file,
// where its version covers them and a practice can read and replace them: the same
// rules without safety_nets read no safety net, and the advice's red flag is 999 as
// it was before safety nets were read.
func TestSafetyNetWordsAreTheRulesFiles(t *testing.T) {
	in := triage.Input{Age: 58, Sex: triage.Male, Kind: triage.Clinical,
		Text: "The respiratory nurse said if my lips go blue and I can't finish a sentence I should ring 999. That hasn't happened. Can I have a new spacer?"}
	with, err := triage.NewEngine(assets.Rules, assets.RulesSource)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(assets.Rules), "\nsafety_nets:")
	end := strings.Index(string(assets.Rules), "\nrules:")
	if start < 0 || end < start {
		t.Fatal("the built-in rules have no safety_nets before their rules")
	}
	without, err := triage.NewEngine([]byte(string(assets.Rules[:start])+string(assets.Rules[end:])), "practice-rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := with.Classify(in); got.Priority == triage.Emergency {
		t.Errorf("with safety_nets: %q gave emergency; because %v", in.Text, got.Reasons)
	}
	if got := without.Classify(in); got.Priority != triage.Emergency {
		t.Errorf("without safety_nets: %q gave %s, want emergency as before; because %v", in.Text, got.Priority, got.Reasons)
	}
}

// TestPanicThatSettlesIsNotSevereBreathlessness holds the family "panic read as
// breathlessness": a panic attack told with the breath back ("then after 10 min it
// goes", "calmed down after sitting", "my breathing is normal now") is anxiety, while
// breathlessness that has not calmed, or with blue lips, stays 999.
func TestPanicThatSettlesIsNotSevereBreathlessness(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"panic, it goes", 23, triage.Female, "these panic attacks make me feel like I can't breathe, then after a few minutes it goes", triage.Soon},
		{"panic, calmed", 41, triage.Male, "had a panic attack on the train, couldn't breathe, calmed down once I got off", triage.Soon},
		{"panic, not calmed, blue", 23, triage.Female, "I thought it was a panic attack but it hasn't calmed, I can't breathe and my lips are blue", triage.Emergency},
		{"panic, passed out (reviewer)", 29, triage.Male, "in a total panic, can't get my breath, can only say a word at a time, I passed out for a moment on the stairs", triage.Emergency},
		{"panic, not normal now", 35, triage.Female, "panic attack, I can't breathe and I'm not normal now, my lips feel numb and I can only say a word at a time", triage.Emergency},
		{"panic, still cannot breathe", 41, triage.Male, "panic attack an hour ago and I still can't breathe, can only say a word at a time", triage.Emergency},
	})
}
