package triage_test

import (
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestCannotRuleOutStaysSafe: a clinical request that no rule recognises but that says
// the problem is sudden, new today, severe or getting rapidly worse is at least
// same-day, not soon; without those words it stays soon, and admin stays routine.
func TestCannotRuleOutStaysSafe(t *testing.T) {
	e := assets.RulesEngine()
	tests := []struct {
		text string
		want triage.Priority
	}{
		{"I've got a strange feeling in my side that came on suddenly this afternoon", triage.SameDay},
		{"my hand has gone a funny colour since this morning", triage.SameDay},
		{"weird feeling under my ribs, really bad", triage.SameDay},
		{"my toe is going black and it's getting worse by the hour", triage.SameDay},
		{"something is not right with my leg, it started today and is getting worse quickly", triage.SameDay},
		{"my voice has gone all of a sudden", triage.SameDay},
		{"my mole has been the same for years", triage.Soon},
		{"a funny feeling in my leg, not sudden, no worse", triage.Soon},
		{"can I have my blood test results please", triage.Routine},
	}
	for _, tt := range tests {
		got := e.Classify(triage.Input{Age: 45, Sex: triage.Female, Kind: triage.Clinical, Text: tt.text})
		if got.Priority != tt.want {
			t.Errorf("%q: got %s, want %s; because %v", tt.text, got.Priority, tt.want, got.Reasons)
		}
	}
}

// TestReasonsReadAsClinicalSentences: every reason the rules give on the development
// set starts with a capital and ends with a full stop, and none explains itself in a
// bracketed aside about what the engine ignored.
func TestReasonsReadAsClinicalSentences(t *testing.T) {
	e := assets.RulesEngine()
	for _, l := range readSet(t, "testdata/dev.jsonl") {
		for _, r := range e.Classify(l.Input).Reasons {
			if r.Says == "" || r.Says[0] < 'A' || r.Says[0] > 'Z' || r.Says[len(r.Says)-1] != '.' {
				t.Errorf("%s: reason %s does not read as a sentence: %q", l.ID, r.Rule, r.Says)
			}
			if strings.Contains(r.Says, "does not explain") || strings.Contains(r.Says, "mentioned beside") {
				t.Errorf("%s: reason %s explains the engine, not the patient: %q", l.ID, r.Rule, r.Says)
			}
		}
	}
}

// TestLumpInTheNeck: a lump in the neck is the GP's, with one reason, and the words
// highlighted are whole: "lump in my neck", never "lump in my".
func TestLumpInTheNeck(t *testing.T) {
	e := assets.RulesEngine()
	tests := []struct {
		text  string
		words []string
	}{
		{"I have found a lump in my neck", []string{"lump in my neck"}},
		{"neck pain with a lump in my neck", []string{"lump in my neck"}},
		{"there is a lump on my neck, it has been there 3 weeks", []string{"lump on my neck"}},
	}
	for _, tt := range tests {
		got := e.Classify(triage.Input{Age: 40, Sex: triage.Male, Kind: triage.Clinical, Text: tt.text})
		if got.Team != triage.TeamGP {
			t.Errorf("%q: team %s, want gp", tt.text, got.Team)
		}
		var words []string
		for _, r := range got.Reasons {
			if r.Rule != "new-lump" {
				t.Errorf("%q: a reason %s (%s) beside the lump's", tt.text, r.Rule, r.Says)
			}
			words = append(words, r.Words...)
			for i, sp := range r.Spans {
				if tt.text[sp.Start:sp.End] != r.Words[i] {
					t.Errorf("%q: span %v is %q, not the word %q", tt.text, sp, tt.text[sp.Start:sp.End], r.Words[i])
				}
			}
		}
		if strings.Join(words, "|") != strings.Join(tt.words, "|") {
			t.Errorf("%q: highlighted %q, want %q", tt.text, words, tt.words)
		}
	}
}
