package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// gateRules is a rules file with one clause-scoped past time and one emergency it
// stops, so the second opinion's gate can be tested without the built-in rules (whose
// past-time reading another change may fix first).
const gateRules = `version: "gate"
fallback:
  clinical: {priority: soon, team: gp, says: fallback}
  admin: {priority: routine, team: admin, says: fallback}
concepts:
  sepsis: ["sepsis"]
  past_episode: ["last week", "in #year", "years ago"]
  question_about: ["what are the signs of"]
clause_scoped: [past_episode, question_about]
rules:
  - {id: sepsis-named, says: sepsis, priority: emergency, team: gp, signpost: "999", any: [sepsis], none: [past_episode]}
`

// gateModel is a second opinion that reads "sepsis" as an emergency and shivering with
// a temperature as at least same-day.
func gateModel(t *testing.T) *triage.SecondOpinion {
	t.Helper()
	sets := fourSets("g", []labelledText{
		{"i think i have sepsis and i am shivering and confused", triage.Emergency},
		{"sepsis, cold and clammy and shivering", triage.Emergency},
		{"could this be sepsis, shivering and a temperature", triage.Emergency},
		{"shivering with a temperature since this morning", triage.SameDay},
		{"high temperature and shivering all night", triage.SameDay},
		{"sore knee after running for a week", triage.Soon},
		{"a rash on my arm for a fortnight", triage.Soon},
		{"fit note for work please", triage.Routine},
		{"repeat prescription of my inhaler", triage.Routine},
	})
	m, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "gate", Bits: 14})
	if err != nil {
		t.Fatal(err)
	}
	// The operating point is not what is tested here: what the gate lets through is.
	m.Threshold = [3]float32{0, 0, 100}
	m.ShortThreshold = m.Threshold
	return m
}

// gateEngines are the gate tests' rules alone, their model, and the two together.
func gateEngines(t *testing.T) (rules *triage.Engine, m *triage.SecondOpinion, e *triage.Engine) {
	t.Helper()
	rules, err := triage.NewEngine([]byte(gateRules), "gate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m = gateModel(t)
	return rules, m, rules.WithSecondOpinion(m)
}

// TestSecondOpinionGateOnPastTimes: the gate that stops the model raising back a red
// flag the patient put in the past holds where the past time is said in the red flag's
// own clause ("I had sepsis in 2019"), but not where a time said alone in the clause
// before it was read as speaking for a red flag said now ("Last week, I think I have
// sepsis"): that is the rules' weakest reading of the past, and the model is what can
// catch it. A raise to 999 ruled out by the patient's words leaves a same-day raise
// the model also makes, and a raise to 999 the model makes of the other sentences
// alone.
func TestSecondOpinionGateOnPastTimes(t *testing.T) {
	rules, m, e := gateEngines(t)
	cases := []struct {
		name, text  string
		rules, want triage.Priority
		modelSays   triage.Priority // the model's most urgent head, so the case tests the gate
	}{
		// Since rules 2026.12.7 a lone time no longer speaks for a clause told in the
		// present tense ("Last week, I think I have sepsis" is sepsis to the rules), so
		// the rules' remaining weak reading is a clause with no verb at all.
		{"a lone time before a red flag said now", "Last week, sepsis, shivering and confused", triage.Soon, triage.Emergency, triage.Emergency},
		{"a red flag dated in its own clause, with a same-day problem now", "I had sepsis in 2019, now shivering and confused", triage.Soon, triage.SameDay, triage.Emergency},
		{"a red flag said now", "I think I have sepsis", triage.Emergency, triage.Emergency, triage.Emergency},
		// A past red flag in a sentence of its own rules out a raise for what that
		// sentence says, not for an emergency the rules missed in the next: the model
		// reads the rest alone.
		{"a past red flag, then another sentence the model reads as 999", "I had sepsis in 2019. Cold and clammy and shivering and confused now", triage.Soon, triage.Emergency, triage.Emergency},
	}
	for _, c := range cases {
		in := triage.Input{ID: "x", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: c.text}
		if got := rules.Classify(in).Priority; got != c.rules {
			t.Fatalf("%s: the rules say %s, want %s: the case tests nothing", c.name, got, c.rules)
		}
		op := m.Read(c.text)
		if op.Priority != c.modelSays {
			t.Fatalf("%s: the model reads %q as %q, want %s: the case tests nothing", c.name, c.text, op.Priority, c.modelSays)
		}
		if got := e.Classify(in).Priority; got != c.want {
			t.Errorf("%s: %q is %s with the second opinion (its heads reached %v), want %s", c.name, c.text, got, op.Reached, c.want)
		}
	}
	// The block itself still holds: a dated past red flag is not raised back to 999.
	in := triage.Input{ID: "y", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: "I had sepsis in 2019, can I have a copy of the letter"}
	if op := m.Read(in.Text); !op.Reached[0] {
		t.Fatalf("the model does not read %q as an emergency: the case tests nothing", in.Text)
	}
	if got := e.Classify(in).Priority; got == triage.Emergency {
		t.Errorf("%q was raised back to 999", in.Text)
	}
}

// TestSecondOpinion999RestsOnWordsAboutNow: a raise to 999 must come from words about
// the patient now. Where the only words that read as an emergency are in a clause the
// rules put in the past or in a question about a red flag, and no rule of the rules
// file names them (the model's own paraphrase), the model does not raise to 999; the
// same words said now, beside them, still are raised, by the model alone.
func TestSecondOpinion999RestsOnWordsAboutNow(t *testing.T) {
	rules, m, e := gateEngines(t)
	cases := []struct {
		name, text string
		emergency  bool // whether the desk's engine should give 999
	}{
		{"a past episode dated in its own clause", "I was cold and clammy and shivering and confused in 2019, can I have a copy of the letter", false},
		{"a past time said alone before it", "Years ago, cold and clammy and shivering and confused. I would like a flu jab", false},
		{"a question about the signs", "what are the signs of being cold and clammy and shivering and confused", false},
		{"the same words now", "cold and clammy and shivering and confused since this morning", true},
		{"a past episode, and the same words now", "I was cold and clammy in 2019. Now shivering and confused and cold and clammy again", true},
		{"a question, and the same words now", "What are the signs of it? She is cold and clammy and shivering and confused", true},
	}
	for _, c := range cases {
		in := triage.Input{ID: "x", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: c.text}
		if got := rules.Classify(in).Priority; got == triage.Emergency {
			t.Fatalf("%s: the rules give 999 to %q: the case tests nothing", c.name, c.text)
		}
		if op := m.Read(c.text); !op.Reached[0] {
			t.Fatalf("%s: the model does not read %q as an emergency: the case tests nothing", c.name, c.text)
		}
		got := e.Classify(in)
		if (got.Priority == triage.Emergency) != c.emergency {
			t.Errorf("%s: %q is %s with the second opinion, want 999 %v", c.name, c.text, got.Priority, c.emergency)
		}
		if !c.emergency && got.Priority != triage.SameDay && m.Read(c.text).Reached[1] {
			t.Errorf("%s: %q is %s; the same-day head reached its threshold, so want same-day", c.name, c.text, got.Priority)
		}
	}
}
