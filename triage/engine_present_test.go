package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// presentMisses are present emergencies of testdata/probes/present-emergencies.jsonl
// that the desk's engine already missed when the probes were written (rules 2026.12.11,
// model 2026.12.7): open hazards, listed so that every other probe guards against a
// regression now. Remove an id when its family is fixed; the test then holds it. Empty
// since rules 2026.12.41: the last two (sats of 83 and 85 beside a question or a past)
// are read as measured red flags; all 187 probes are held.
var presentMisses = map[string]bool{}

// TestPresentEmergenciesBesideScopeWords holds the desk's engine to 999 on real
// emergencies told now beside the words that put a red flag out of scope: a past
// episode, a relative, a question, a safety-net reached, an admin request, a denial of
// something else. They were written by a reviewer, in words of no labelled set, to
// catch a scope that swallows the present: narrowing false alarms must not cost one of
// them. The last eighteen (q01-q18) are the reviewer's later batches that rules
// 2026.12.17 lost: a stock question after an emergency with no stop between, and a
// condition come true told in a regular past ("her lips turned blue") or a denied modal
// ("it will not fade"). They are not training data (the set lies outside testdata/*.jsonl), so the
// second opinion cannot learn them by heart and hide a defect of the rules.
func TestPresentEmergenciesBesideScopeWords(t *testing.T) {
	e := assets.DefaultEngine()
	for _, l := range readSet(t, "testdata/probes/present-emergencies.jsonl") {
		got := e.Classify(l.Input)
		if presentMisses[l.ID] {
			if got.Priority == triage.Emergency {
				t.Logf("%s is now an emergency: remove it from presentMisses", l.ID)
			}
			continue
		}
		if got.Priority != triage.Emergency {
			t.Errorf("%s: %q (%d, %s) suggested %s, want emergency; because %v", l.ID, l.Text, l.Age, l.Sex, got.Priority, got.Reasons)
		}
	}
}

// TestNotAbleToTalkIsNotAbleToTalk holds rules 2026.12.19: "not able to talk" holds
// the words of "able to talk", and the pseudo-negation "not able" left them read as the
// patient able to talk, which stops severe breathlessness ("very breathless and not
// able to speak more than a word or two" was same-day). A voice lost to a sore throat
// stays the pharmacy's, and talking in full sentences still keeps breathlessness
// same-day.
func TestNotAbleToTalkIsNotAbleToTalk(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"breathless and not able to speak", 50, triage.Male, "very breathless and not able to speak more than a word or two", triage.Emergency},
		{"not breathing properly and grey", 40, triage.Female, "my husband is not breathing properly, gasping, lips look grey", triage.Emergency},
		{"a lost voice", 30, triage.Female, "sore throat and lost my voice, not able to talk much, swallowing fine", triage.Routine},
		{"breathless but talking in full sentences", 40, triage.Female, "very breathless with my asthma but I can talk in full sentences", triage.SameDay},
	})
}
