package triage_test

import (
	"encoding/json"
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

func months(n int) *int { return &n }

// TestClassifyWithAnswers checks that a yes to a red-flag question is that red flag,
// that the facts answered beat the engine's guess from the text, and that a request
// without answers classifies exactly as before.
func TestClassifyWithAnswers(t *testing.T) {
	e := assets.DefaultEngine()
	tests := []struct {
		name     string
		age      int
		sex      triage.Sex
		text     string
		answers  *triage.Answers
		priority triage.Priority
		team     triage.Team
		reason   string // the rule of one of the reasons given
	}{
		{"yes to a red flag the text plays down", 58, triage.Male, "bit of indigestion, probably nothing",
			&triage.Answers{RedFlags: []triage.FlagAnswer{{Question: "chest-pain", Yes: true}}}, triage.Emergency, triage.TeamGP, "answer-chest-pain"},
		{"yes to saddle numbness on a back-pain request", 44, triage.Female, "my back has been bad for a week",
			&triage.Answers{RedFlags: []triage.FlagAnswer{{Question: "cauda-equina", Yes: true}}}, triage.Emergency, triage.TeamGP, "answer-cauda-equina"},
		{"no to every question lowers nothing", 60, triage.Male, "crushing chest pain spreading to my jaw",
			&triage.Answers{RedFlags: []triage.FlagAnswer{{Question: "chest-pain", Yes: false}}}, triage.Emergency, triage.TeamGP, ""},
		{"a measured temperature in a young baby", 0, triage.Female, "she is very hot and grizzly",
			&triage.Answers{For: triage.ForChild, AgeMonths: months(1), TemperatureC: 38.4}, triage.Emergency, triage.TeamGP, ""},
		{"the answered age beats a guess from the text", 0, triage.Male, "he is 2 weeks into a cold and has a temperature of 39.2",
			&triage.Answers{For: triage.ForChild, AgeMonths: months(5)}, triage.SameDay, triage.TeamGP, ""},
		{"a newborn is 0 months, not unknown", 0, triage.Male, "temperature of 38.1 tonight",
			&triage.Answers{For: triage.ForChild, AgeMonths: months(0)}, triage.Emergency, triage.TeamGP, ""},
		{"pregnancy answered, not written", 29, triage.Female, "bad headache and flashing lights since this morning",
			&triage.Answers{Pregnant: triage.Yes}, triage.Emergency, triage.TeamGP, "pre-eclampsia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.Classify(triage.Input{Age: tt.age, Sex: tt.sex, Kind: triage.Clinical, Text: tt.text, Answers: tt.answers})
			if got.Priority != tt.priority || got.Team != tt.team {
				t.Fatalf("got %s/%s, want %s/%s; because %v", got.Priority, got.Team, tt.priority, tt.team, got.Reasons)
			}
			if tt.reason == "" {
				return
			}
			for _, r := range got.Reasons {
				if r.Rule == tt.reason {
					if len(r.Spans) > 0 && strings.HasPrefix(r.Rule, "answer-") {
						t.Errorf("an answer's reason points into the text: %v", r.Spans)
					}
					return
				}
			}
			t.Errorf("no reason %q in %v", tt.reason, got.Reasons)
		})
	}
}

// TestNoAnswersClassifyAsBefore holds every labelled set to the same suggestion with
// nil answers and with empty ones: a request from before the front door is unchanged.
func TestNoAnswersClassifyAsBefore(t *testing.T) {
	e := assets.DefaultEngine()
	for _, l := range readSet(t, "testdata/dev.jsonl") {
		in := l.Input
		before := e.Classify(in)
		in.Answers = &triage.Answers{}
		after := e.Classify(in)
		if before.Priority != after.Priority || before.Team != after.Team || before.Signpost != after.Signpost {
			t.Errorf("%s: empty answers changed %v to %v", in.ID, before, after)
		}
	}
}

func TestRedFlagQuestionsAreEmergencies(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range triage.RedFlagQuestions {
		if q.ID == "" || seen[q.ID] || q.Ask == "" || q.Flag == "" || q.Advice == "" || !strings.HasSuffix(q.Ask, "?") {
			t.Errorf("question %+v is incomplete or repeated", q)
		}
		seen[q.ID] = true
		if q.Priority != triage.Emergency || q.Signpost != triage.Signpost999 || q.Team != triage.TeamGP {
			t.Errorf("question %s: a yes gives %s/%s/%s, want emergency/gp/999", q.ID, q.Priority, q.Team, q.Signpost)
		}
	}
}

func TestAnswersValidate(t *testing.T) {
	tests := []struct {
		name    string
		answers *triage.Answers
		wantErr string
	}{
		{"none", nil, ""},
		{"all good", &triage.Answers{For: triage.ForChild, AgeMonths: months(0), TemperatureC: 38.2, Pregnant: triage.NotSure,
			RedFlags: []triage.FlagAnswer{{Question: "sepsis"}, {Question: "rash-meningitis", Yes: true}}}, ""},
		{"unknown person", &triage.Answers{For: "neighbour"}, "self, child or adult"},
		{"age of two", &triage.Answers{AgeMonths: months(24)}, "from 0"},
		{"negative age", &triage.Answers{AgeMonths: months(-1)}, "from 0"},
		{"fahrenheit", &triage.Answers{TemperatureC: 101.2}, "°C between"},
		{"slip of a finger", &triage.Answers{TemperatureC: 3.8}, "°C between"},
		{"pregnancy word", &triage.Answers{Pregnant: "maybe"}, "yes, no or not-sure"},
		{"unknown question", &triage.Answers{RedFlags: []triage.FlagAnswer{{Question: "chest"}}}, "no red-flag question"},
		{"answered twice", &triage.Answers{RedFlags: []triage.FlagAnswer{{Question: "sight"}, {Question: "sight", Yes: true}}}, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.answers.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got %v, want an error saying %q", err, tt.wantErr)
			}
		})
	}
}

// TestAnswersKeepANewbornThroughJSON: a pointer to zero months must stay "under a
// month old", never turn into "not asked" (the desk's feed is checked in fhir's
// TestDeskPageRoundTrip).
func TestAnswersKeepANewbornThroughJSON(t *testing.T) {
	in := triage.Request{ID: 1, Answers: &triage.Answers{AgeMonths: months(0), RedFlags: []triage.FlagAnswer{{Question: "baby-fever", Yes: true}}}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var back triage.Request
	if err := json.Unmarshal(b, &back); err != nil || back.Answers == nil || back.Answers.AgeMonths == nil || *back.Answers.AgeMonths != 0 || len(back.Answers.YesTo()) != 1 {
		t.Fatalf("json: got %+v (%v)", back.Answers, err)
	}
	b, err = json.Marshal(triage.Request{ID: 2})
	if err != nil {
		t.Fatal(err)
	}
	var none triage.Request
	if err := json.Unmarshal(b, &none); err != nil || none.Answers != nil {
		t.Fatalf("a request without answers came back with %+v (%v)", none.Answers, err)
	}
}
