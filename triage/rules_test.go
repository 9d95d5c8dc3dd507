package triage_test

import (
	"errors"
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

func TestBuiltInRulesLoad(t *testing.T) {
	e, err := triage.NewEngine(assets.Rules, assets.RulesSource)
	if err != nil {
		t.Fatalf("the built-in rules do not load: %v", err)
	}
	if e.Version() == "" || e.Version() != assets.DefaultEngine().Version() {
		t.Errorf("version %q, default engine %q", e.Version(), assets.DefaultEngine().Version())
	}
}

// smallRules is a valid rules file with its first rule on line 11; each case below
// breaks it in one way.
const smallRules = `version: "t1"
word_classes:
  medicine: ["tablets", "*pril"]
fallback:
  clinical: {priority: soon, team: gp, says: fallback}
  admin: {priority: routine, team: admin, says: fallback}
concepts:
  pain: ["pain", "@medicine & hurt*"]
  neck: ["stiff neck"]
rules:
  - {id: a, says: x, priority: soon, team: gp, all: [pain]}
  - {id: b, says: y, priority: routine, team: gp, all: [neck]}
`

func TestMalformedRulesAreRefusedWithTheLine(t *testing.T) {
	if _, err := triage.NewEngine([]byte(smallRules), "practice-rules.yaml"); err != nil {
		t.Fatalf("the valid file was refused: %v", err)
	}
	rule := `  - {id: a, says: x, priority: soon, team: gp, all: [pain]}`
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown priority", "priority: soon, team: gp, all", "priority: urgentish, team: gp, all", `line 11: rule "a": unknown priority "urgentish"`},
		{"unknown team", "team: gp, all", "team: surgery, all", `line 11: rule "a": unknown team "surgery"`},
		{"unknown signpost", "team: gp, all", "team: gp, signpost: chemist, all", `line 11: rule "a": unknown signpost "chemist"`},
		{"unknown sex", "all: [pain]}", "all: [pain], sex: woman}", `line 11: rule "a": unknown sex "woman"`},
		{"unknown kind", "all: [pain]}", "all: [pain], kind: query}", `line 11: rule "a": unknown kind "query"`},
		{"undefined concept", "all: [pain]}", "all: [ache]}", `line 11: rule "a" names concept "ache"`},
		{"duplicate id", rule, rule + "\n" + strings.Replace(rule, "says: x", "says: y", 1), `line 12: rule id "a" is used twice (first on line 11)`},
		{"backwards age", "all: [pain]}", `all: [pain], age: "64-16"}`, `line 11: rule "a": age "64-16" runs backwards`},
		{"age not a range", "all: [pain]}", `all: [pain], age: "adults"}`, `line 11: rule "a": age "adults" is not a range`},
		{"months beyond two years", "all: [pain]}", `all: [pain], months: "3-30"}`, `line 11: rule "a": months "3-30" is not a range`},
		{"temperature in Fahrenheit", "all: [pain]}", `all: [pain], temp: 101}`, `line 11: rule "a": temp 101.0 is not a body temperature`},
		{"emergency not to 999", "priority: soon, team: gp, all", "priority: emergency, team: gp, all", `line 11: rule "a": an emergency must be signposted to 999`},
		{"no concepts", "all: [pain]}", "}", `line 11: rule "a" names no concepts`},
		{"min without several", "all: [pain]}", "all: [pain], min: 2}", `line 11: rule "a": min needs a list of concepts in several`},
		{"min of one", "all: [pain]}", "several: [pain, neck], min: 1}", `line 11: rule "a": min must be from 2 to the 2 concepts`},
		{"min over the list", "all: [pain]}", "several: [pain, neck], min: 3}", `line 11: rule "a": min must be from 2 to the 2 concepts`},
		{"several names an undefined concept", "all: [pain]}", "several: [pain, ache], min: 2}", `line 11: rule "a" names concept "ache"`},
		{"missing id", "id: a, ", "", "line 11: a rule needs an id"},
		{"missing reason", "says: x, ", "", `line 11: rule "a" needs a 'says'`},
		{"missing priority", "priority: soon, team: gp, all", "team: gp, all", `line 11: rule "a": unknown priority ""`},
		{"unknown field", "all: [pain]}", "all: [pain], colour: red}", "line 11: field colour not found"},
		{"prefix too short", `"stiff neck"`, `"st*"`, `line 9: concept "neck": prefix "st*" is too short`},
		{"empty concept", `neck: ["stiff neck"]`, `neck: []`, `line 9: concept "neck" has no phrases`},
		{"phrase of wildcards only", `"stiff neck"`, `"? neck"`, `line 9: concept "neck": phrase "? neck" has no words to start from`},
		{"unknown word class", `"@medicine & hurt*"`, `"@drug & hurt*"`, `line 8: concept "pain": "@drug & hurt*" names word class @drug`},
		{"short suffix", `"*pril"`, `"*il"`, `line 3: word class "medicine": suffix "*il" must be one word of at least 3 letters`},
		{"rephrasing of one word", "concepts:\n", "rephrasings:\n  unable: cant\nconcepts:\n", `line 8: rephrasing "unable" as "cant"`},
		{"rephrasing into more words", "concepts:\n", "rephrasings:\n  no longer: did not ever\nconcepts:\n", `line 8: rephrasing "no longer" as "did not ever"`},
		{"rephrasing into nothing", "concepts:\n", "rephrasings:\n  no longer: \"\"\nconcepts:\n", `line 8: rephrasing "no longer" as ""`},
		{"narrow negation not a rephrasing", "concepts:\n", "narrow_negations: [no longer]\nconcepts:\n", `line 7: narrow_negations: "no longer" is not a rephrasing`},
		{"no version", `version: "t1"`, `version: ""`, "line 1: the rules file needs a version"},
		{"bad fallback", "admin: {priority: routine, team: admin", "admin: {priority: routine, team: office", `line 6: fallback "admin": unknown team "office"`},
		{"mask by an unknown concept", "rules:\n", "masks:\n  ache: [pain]\nrules:\n", `line 11: masks: "ache" is not a concept`},
		{"mask of an unknown concept", "rules:\n", "masks:\n  neck: [ache]\nrules:\n", `line 11: masks: "neck" hides "ache", which is not a concept`},
		{"mask of itself", "rules:\n", "masks:\n  neck: [neck]\nrules:\n", `line 11: masks: "neck" cannot hide itself`},
		{"a group in a concept read only as a mask", "neck: [\"stiff neck\"]\n", "neck: [\"stiff neck\"]\n  hold: [\"hold it\", \"hold & stiff\"]\nmasks:\n  hold: [pain]\n", `line 10: concept "hold" is only a mask, and its phrase "hold & stiff" is a group`},
		{"mask of nothing", "rules:\n", "masks:\n  neck: []\nrules:\n", `line 11: masks: "neck" hides no concept`},
		{"stand aside of a concept that is no mask", "rules:\n", "stand_aside_near:\n  neck: [neck]\nrules:\n", `line 11: stand_aside_near: "neck" is not a mask`},
		{"a clause end before the last word", "neck: [\"stiff neck\"]\n", "neck: [\"stiff $ neck\"]\n", `concept "neck": phrase "stiff $ neck": "$" (the clause ends here) may only be its last word`},
		{"a clause end in a group", "neck: [\"stiff neck\"]\n", "neck: [\"stiff neck\", \"neck & stiff $\"]\n", `concept "neck": "neck & stiff $": a group of words said anywhere in a sentence has no clause end`},
		{"clause scope of an unknown concept", "rules:\n", "clause_scoped: [last_year]\nrules:\n", `line 10: clause_scoped: "last_year" is not a concept`},
		{"forward scope of a concept not clause-scoped", "rules:\n", "forward_scoped: [neck]\nrules:\n", `line 10: forward_scoped: "neck" is not in clause_scoped`},
		{"every emergency stopped by a concept not clause-scoped", "rules:\n", "every_emergency_none: [neck]\nrules:\n", `line 10: every_emergency_none: "neck" is not in clause_scoped`},
		{"a condition that is not forward-scoped", "rules:\n", "conditions: [neck]\nrules:\n", `line 10: conditions: "neck" is not in forward_scoped`},
		{"person fact of an unknown concept", "rules:\n", "person_facts: [pregnancy]\nrules:\n", `line 10: person_facts: "pregnancy" is not a concept`},
		{"qualifier of an unknown concept", "rules:\n", "qualifiers: [minutes]\nrules:\n", `line 10: qualifiers: "minutes" is not a concept`},
		{"told_after not a pair", "rules:\n", "told_after: [[pain]]\nrules:\n", `line 10: told_after: [pain] is not a pair of concepts`},
		{"told_after of an unknown concept", "rules:\n", "told_after: [[pain, ache]]\nrules:\n", `line 10: told_after: "ache" is not a concept`},
		{"reported_apart not a pair", "rules:\n", "reported_apart: [[pain]]\nrules:\n", `line 10: reported_apart: [pain] is not a condition and a red flag it names`},
		{"reported_apart of an unknown concept", "rules:\n", "reported_apart: [[pain, ache]]\nrules:\n", `line 10: reported_apart: "ache" is not a concept`},
		{"a concept nothing reads", "neck: [\"stiff neck\"]\n", "neck: [\"stiff neck\"]\n  ache: [\"ache\"]\n", `line 10: concept "ache" is read by no rule, mask, scope or list`},
		{"future_time of an unknown concept", "rules:\n", "future_time: tomorrow\nrules:\n", `line 10: future_time: "tomorrow" is not a concept`},
		{"counted_now without its times", "rules:\n", "counted_now:\n  event: pain\nrules:\n", `line 11: counted_now needs event, recent, habit and older`},
		{"counted_now of an unknown concept", "rules:\n", "counted_now: {event: pain, recent: neck, habit: neck, older: [ache]}\nrules:\n", `line 10: counted_now: "ache" is not a concept`},
		{"age_counted of an unknown concept", "rules:\n", "age_counted: [tablets]\nrules:\n", `line 10: age_counted: "tablets" is not a concept`},
		{"now_said_with not a pair", "rules:\n", "now_said_with: [[pain, neck, pain]]\nrules:\n", `line 10: now_said_with: [pain neck pain] is not a time word and a concept it may be the time of`},
		{"now_said_with of an unknown concept", "rules:\n", "now_said_with: [[pain, ache]]\nrules:\n", `line 10: now_said_with: "ache" is not a concept`},
		{"reported_apart_clause not a pair", "rules:\n", "reported_apart_clause: [[pain]]\nrules:\n", `line 10: reported_apart_clause: [pain] is not a concept that stands a rule aside and a red flag of it`},
		{"lasting not a pair", "rules:\n", "lasting: [[pain]]\nrules:\n", `line 10: lasting: [pain] is not a long-standing concept and an event told with its length`},
		{"lasting of an unknown concept", "rules:\n", "lasting: [[pain, ache]]\nrules:\n", `line 10: lasting: "ache" is not a concept`},
		{"said_of_back not five concepts", "rules:\n", "said_of_back: [[pain, neck, pain]]\nrules:\n", `line 10: said_of_back: [pain neck pain] is not a concept, its other subjects, its own, the pronouns that may stand for another and its own felt`},
		{"said_of_back of an unknown concept", "rules:\n", "said_of_back: [[pain, neck, pain, neck, ache]]\nrules:\n", `line 10: said_of_back: "ache" is not a concept`},
		{"undone_after not a five", "rules:\n", "undone_after: [[pain, neck, pain, neck]]\nrules:\n", `line 10: undone_after: [pain neck pain neck] is not a stand-aside, its relief, what undoes the relief, what makes the undoing a pattern and what it may be said of`},
		{"undone_after of an unknown concept", "rules:\n", "undone_after: [[pain, neck, pain, neck, ache]]\nrules:\n", `line 10: undone_after: "ache" is not a concept`},
		{"undone_after without the words around an undoing", "rules:\n", "undone_after: [[pain, neck, pain, neck, pain]]\nrules:\n", `line 10: undone_after needs the word class undo_tail (under word_classes)`},
		{"said_of not a triple", "rules:\n", "said_of: [[pain, neck]]\nrules:\n", `line 10: said_of: [pain neck] is not a concept, its other subjects and its own`},
		{"no fallback for admin", "  admin: {priority: routine, team: admin, says: fallback}\n", "", "needs a fallback for admin requests"},
		{"bad yaml", rule, `  - {id: a, says: [`, "practice-rules.yaml line 11:"},
		{"empty file", smallRules, "", "practice-rules.yaml: the rules file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			broken := strings.Replace(smallRules, tt.from, tt.to, 1)
			if broken == smallRules {
				t.Fatalf("the case does not change the file: %q not found", tt.from)
			}
			e, err := triage.NewEngine([]byte(broken), "practice-rules.yaml")
			if err == nil {
				t.Fatalf("accepted (version %s), want an error containing %q", e.Version(), tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "practice-rules.yaml") {
				t.Errorf("error = %q\nwant it to name practice-rules.yaml and contain %q", err, tt.want)
			}
			var re *triage.RuleError
			if !errors.As(err, &re) {
				t.Errorf("error %T is not a *triage.RuleError", err)
			}
		})
	}
}

// TestAMaskAlsoReadByARuleMayHoldGroups holds the other side of the refusal above: a
// concept that rules read as well as mask with keeps its groups, which the rules use.
func TestAMaskAlsoReadByARuleMayHoldGroups(t *testing.T) {
	file := strings.Replace(smallRules, "rules:\n", "masks:\n  pain: [neck]\nrules:\n", 1)
	if _, err := triage.NewEngine([]byte(file), "practice-rules.yaml"); err != nil {
		t.Fatalf("refused a mask that a rule also reads (its group \"@medicine & hurt*\" is the rule's): %v", err)
	}
}

func TestRefusedPracticeRulesLeaveTheBuiltInOnesInForce(t *testing.T) {
	e, err := assets.LoadEngine([]byte("version: ''"), "broken.yaml")
	if err == nil || !strings.Contains(err.Error(), "broken.yaml line 1") {
		t.Errorf("error = %v, want the file and line of the problem", err)
	}
	if e == nil || e.Version() != assets.DefaultEngine().Version() {
		t.Fatalf("a refused practice file must leave the built-in rules in force, got %v", e)
	}
	own, err := assets.LoadEngine([]byte(smallRules), "ours.yaml")
	if err != nil || own.Version() != "t1" || own.Source() != "ours.yaml" {
		t.Fatalf("a valid practice file was not used: %v, %v", own, err)
	}
	if got := own.Classify(triage.Input{Age: 40, Kind: triage.Clinical, Text: "the ramipril makes my chest hurt"}); got.Reasons[0].Rule != "a" {
		t.Errorf("a practice's word class was not used: %+v", got)
	}
}
