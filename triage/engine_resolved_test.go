package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestARedFlagToldAsOverIsPast holds the family "a past event resolved across
// sentences" (issue 10, engine21): a red flag told in the past tense and then as over
// ("It went off on its own", "came round straight away and nothing since") is not
// 999 with the rules alone or the desk. The same words with the red flag said again
// after the resolution ("now it's back", "but he's grey"), told in the perfect ("I've
// had crushing pain since 8") or without a verb ("Crushing chest pain into my arm")
// stay 999.
func TestARedFlagToldAsOverIsPast(t *testing.T) {
	for _, c := range []priorityCase{
		{"chest pain, went off", 63, triage.Male, "Last Tuesday I had a crushing pain in my chest while digging. It went off on its own after a few minutes. Can I have a check?", triage.SameDay},
		{"fainted, came round", 45, triage.Male, "weekend before last I passed out in the heat, came round straight away and nothing since, just want it noted", triage.Soon},
		{"vomited blood, nothing since", 52, triage.Female, "Three weeks ago I vomited a little blood after retching. Nothing since.", triage.Soon},
	} {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		for _, e := range rulesAndDesk() {
			if got := e.eng.Classify(in); got.Priority == triage.Emergency {
				t.Errorf("%s: %q: %s gave emergency, want %s; because %v", c.name, c.text, e.name, c.want, got.Reasons)
			}
		}
	}
	holdPriorities(t, []priorityCase{
		{"chest pain back", 63, triage.Male, "Last Tuesday I had a crushing pain in my chest. It went off on its own. Now it's back and going into my jaw.", triage.Emergency},
		{"went off, but sweating", 63, triage.Male, "I had crushing chest pain an hour ago, it went off on its own but I'm sweating and grey", triage.Emergency},
		{"a perfect goes on", 63, triage.Male, "I've had crushing chest pain into my left arm since 8. It went off on its own for a minute.", triage.Emergency},
		{"no verb, no past", 63, triage.Male, "Crushing chest pain into my arm. Back to normal for a minute then came again.", triage.Emergency},
		{"blood again tonight", 52, triage.Female, "Three weeks ago I vomited blood. Nothing since. Tonight I've brought up a lot of blood and feel faint.", triage.Emergency},
		{"came round, but grey", 80, triage.Male, "He collapsed at the shops and came round straight away but he's grey and can't speak properly", triage.Emergency},
	})
}
