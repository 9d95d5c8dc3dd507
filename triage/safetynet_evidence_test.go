package triage

import (
	"os"
	"strings"
	"testing"
)

// TestNetLeavesThe999EvidenceOnlyWhenNotReached reads the 999 evidence itself, so it
// holds whatever model is shipped: a safety net the rules read as not reached or only
// asked about leaves it with its advice and consequence ("They said 999"), while a net
// come true in its own sentence or by reference after it keeps every word.
func TestNetLeavesThe999EvidenceOnlyWhenNotReached(t *testing.T) {
	b, err := os.ReadFile("../assets/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(b, "assets/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		kept bool // whether "999" (or the consequence) stays in the 999 evidence
		word string
	}{
		{"They said 999 if the chest pain came back. It's gone away again now, can I go back to work?", false, "999"},
		{"Hospital said call 999 if the pain in my chest came back. What if it has?", false, "999"},
		{"Should I ring 999 if the chest pain comes back, or 111?", false, "999"},
		{"The ward said 999 if the chest pain came back. I have about 10 tablets left, can I order more?", false, "999"},
		{"The hospital said come straight back if the swelling gets bigger. The swelling is going down.", false, "straight back"},
		{"The hospital said call 999 if the pain in my chest came back. It has.", true, "999"},
		{"They said 999 if the chest pain came back, and it has come back now and I feel grey", true, "999"},
		{"we were told to dial 999 if he stopped breathing for more than 20 seconds and he stopped breathing for about 30 seconds", true, "999"},
		{"The GP said 999 if the chest pain came back. It came back twenty minutes ago, exactly the same.", true, "999"},
	} {
		t.Run(c.text, func(t *testing.T) {
			in := Input{Age: 60, Sex: Female, Kind: Clinical, Text: c.text}
			sc := e.getScratch()
			defer putScratch(sc)
			_, a := e.classifyRules(in, sc)
			_, rest, trimmed := e.evidence(in, a, Emergency)
			if !trimmed {
				rest = c.text
			}
			if got := strings.Contains(rest, c.word); got != c.kept {
				t.Errorf("%q: the 999 evidence %q keeps %q: %v, want %v", c.text, rest, c.word, got, c.kept)
			}
		})
	}
}
