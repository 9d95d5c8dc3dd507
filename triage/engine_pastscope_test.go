package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestPastScopeKeepsCurrentEmergencies holds the past-time scoping (past_episode,
// clause_scoped) to what is really said in the past. Words that are not a past time
// ("discharged", "recovering from", "after my", "history of") and an ongoing time
// ("since last week", "as of last month") put nothing in the past; a short clause that
// is not only a time ("split up last month") does not put its neighbour in the past;
// and facts about the person (pregnant, on insulin) are never past-scoped away from
// the red flag said beside them. Each emergency must be caught by the rules alone AND
// by the desk's engine (rules and second opinion), so the model cannot hide a defect
// of the matcher; each look-alike, a true past episode, must stay below emergency with
// both.
func TestPastScopeKeepsCurrentEmergencies(t *testing.T) {
	cases := []struct {
		name      string
		age       int
		sex       triage.Sex
		text      string
		emergency bool
	}{
		// Words that are not a past time (review1, hazard 1).
		{"an ongoing plan since last week", 40, triage.Male,
			"I've had the tablets lined up since last week", true},
		{"discharged yesterday, sepsis now", 70, triage.Male,
			"discharged yesterday, I think he has sepsis", true},
		{"after my c-section, sepsis now", 34, triage.Female,
			"After my c-section, I think I have sepsis", true},
		{"discharged from hospital and septic", 60, triage.Male,
			"I was discharged from hospital yesterday and I think I'm septic", true},
		{"recovering from pneumonia, sepsis now", 58, triage.Female,
			"recovering from pneumonia and now I think I've got sepsis", true},
		{"tablets lined up for after my shift", 35, triage.Male,
			"I've got the tablets lined up for after my shift", true},
		{"stockpiled since last month, tonight", 45, triage.Female,
			"Since last month I've stockpiled tablets and tonight is the night", true},
		{"letters written, after my husband leaves", 38, triage.Female,
			"I've written letters for my kids and I'm going to do it after my husband leaves for work", true},
		// The same family in new words.
		{"discharged from the ward, septic now", 81, triage.Female,
			"Discharged from the ward on Tuesday and the carers think she is septic", true},
		{"history of low mood, tablets ready tonight", 29, triage.Male,
			"history of depression, I've got the tablets lined up for tonight", true},
		{"recovering from a water infection, now septic", 76, triage.Male,
			"he's recovering from a water infection and the nurse says he looks septic", true},
		{"sepsis after my hip replacement", 67, triage.Female,
			"I think I have sepsis after my hip replacement", true},
		{"pills stashed as of last week, going to take them tonight", 22, triage.Female,
			"as of last week I have a stash of pills hidden and I'm going to take them tonight", true},
		// A short clause that is not only a time (hazard 1, loneExtra).
		{"a short event clause opening the sentence", 31, triage.Male,
			"Split up last month, tablets lined up for tonight", true},
		{"a short op clause opening the sentence", 67, triage.Male,
			"Op last week, think it's sepsis", true},
		{"seen last month, sepsis now", 49, triage.Female,
			"Saw you last month, now I'm sure it's sepsis", true},
		{"a time alone before a clause that says now", 73, triage.Male,
			"Two years ago, now it's back and I'm sure it's sepsis", true},
		// A context word said in a past-scoped clause (review1, hazard 2).
		{"pregnant, found out last month, bleeding now", 30, triage.Female,
			"I'm pregnant, found out last month, heavy bleeding and cramping since this morning", true},
		{"weeks pregnant as of last week, gush of blood", 30, triage.Female,
			"32 weeks pregnant as of last week and there's a gush of blood", true},
		{"weeks pregnant, a lone last week, bleeding today", 30, triage.Female,
			"im 30 weeks pregnant, last week, heavy bleeding started today", true},
		{"on insulin since last year, confused now", 64, triage.Male,
			"On insulin since last year, he's confused and sweaty and not making sense", true},
		// The same family in new words.
		{"found out pregnant last month, bleeding now", 27, triage.Female,
			"Found out I was pregnant last month, now I've got heavy bleeding and tummy cramps", true},
		{"booked by the midwife last month, a gush of blood", 33, triage.Female,
			"Booked in with the midwife last month, woke to a gush of blood", true},
		{"expecting for a few months, bump hard and dark blood", 31, triage.Female,
			"We found out I'm expecting a baby a few months ago, the bump feels hard as rock and there's dark blood", true},
		{"went onto insulin last year, confused today", 70, triage.Male,
			"Went onto insulin last year, today he is sweaty and confused", true},
		{"started lantus last month, acting drunk", 66, triage.Male,
			"Started on lantus last month, he's acting drunk and sweaty", true},

		// True past episodes must stay below emergency.
		{"sepsis in 2019, asking about a vaccine", 55, triage.Male,
			"I had sepsis in 2019 and want to know about the vaccine", false},
		{"a lone time before a past plan", 41, triage.Male,
			"Two years ago, I had the tablets lined up. I'm much better now and would like to reduce my sertraline", false},
		{"sepsis last year, a fit note", 62, triage.Female,
			"I was in hospital with sepsis last year and need my records sent to the insurer", false},
		{"history of sepsis, a flu jab", 71, triage.Male,
			"history of sepsis, can I book the flu jab", false},
		{"recovering from sepsis, a fit note", 45, triage.Female,
			"recovering from sepsis, home now and doing well, I need a fit note for work", false},
		{"pregnant now, bleeding last week that stopped", 29, triage.Female,
			"I'm 20 weeks pregnant, had some bleeding last week, it stopped, can the midwife call me", false},
		{"on insulin, a confused hypo years ago", 58, triage.Male,
			"on insulin, had a hypo years ago where I got confused, can I renew my driving licence form", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hold999(t, triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}, c.emergency)
		})
	}
}

// namedEngine is an engine and how a failure names it.
type namedEngine struct {
	name string
	eng  *triage.Engine
}

// rulesAndDesk are the two engines a case about the matcher is held to: the rules
// alone, so the second opinion cannot hide a defect of the matcher, and the desk's
// engine, rules and second opinion together.
func rulesAndDesk() []namedEngine {
	return []namedEngine{{"the rules", assets.RulesEngine()}, {"the desk's engine", assets.DefaultEngine()}}
}

// hold999 holds one request to 999 or off it with the rules alone and the desk's
// engine: an emergency must be one with the rules alone (the desk's engine only raises,
// so it is one there too, and the fix cannot lean on the second opinion), and a
// look-alike must be kept off 999 by both. It returns what each engine suggested, for
// checks of its own.
func hold999(t *testing.T, in triage.Input, emergency bool) []triage.Suggestion {
	t.Helper()
	var got []triage.Suggestion
	for _, e := range rulesAndDesk() {
		s := e.eng.Classify(in)
		got = append(got, s)
		switch {
		case emergency && s.Priority != triage.Emergency:
			t.Errorf("emergency %q: %s gave %s; because %v", in.Text, e.name, s.Priority, s.Reasons)
		case !emergency && s.Priority == triage.Emergency:
			t.Errorf("look-alike %q: %s gave 999; because %v", in.Text, e.name, s.Reasons)
		}
	}
	return got
}
