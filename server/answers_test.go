package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"triagedesk/triage"
)

// TestSubmitWithAnswers: a yes to a red-flag question makes a bland text an emergency,
// tells the patient what to do at once, and is stored with the request; answers that
// cannot be right are refused with what to change.
func TestSubmitWithAnswers(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	body := map[string]any{"kind": "clinical", "text": "bit of indigestion, probably nothing",
		"answers": map[string]any{"for": "self", "pregnant": "no", "temperatureC": 37.1,
			"redFlags": []map[string]any{{"question": "chest-pain", "yes": true}, {"question": "breathing", "yes": false}}}}
	code, m := e.call("POST", "/api/v1/requests", tok, body)
	if code != http.StatusCreated {
		t.Fatalf("submit: %d %v", code, m)
	}
	if msg, _ := m["message"].(string); !strings.Contains(msg, "Call 999 now") {
		t.Errorf("the patient was told %q, want the question's advice", msg)
	}
	r, err := e.q.Request(context.Background(), int64(m["id"].(float64)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Suggested.Priority != triage.Emergency || r.Priority != triage.Emergency {
		t.Errorf("stored as %s (suggested %s), want emergency", r.Priority, r.Suggested.Priority)
	}
	if r.Answers == nil || r.Answers.For != triage.ForSelf || r.Answers.TemperatureC != 37.1 || len(r.Answers.RedFlags) != 2 || len(r.Answers.YesTo()) != 1 {
		t.Errorf("answers stored as %+v", r.Answers)
	}

	code, m = e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "clinical", "text": "a cough"})
	if code != http.StatusCreated {
		t.Fatalf("submit without answers: %d %v", code, m)
	}
	if r, err := e.q.Request(context.Background(), int64(m["id"].(float64))); err != nil || r.Answers != nil {
		t.Errorf("a request without answers came back with %+v (%v)", r.Answers, err)
	}

	for _, bad := range []struct {
		answers map[string]any
		says    string
	}{
		{map[string]any{"temperatureC": 101.3}, "°C between"},
		{map[string]any{"redFlags": []map[string]any{{"question": "heart", "yes": true}}}, "no red-flag question"},
		{map[string]any{"ageMonths": 30}, "from 0"},
	} {
		code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "clinical", "text": "a cough", "answers": bad.answers})
		if code != 422 || !strings.Contains(message(m), bad.says) {
			t.Errorf("answers %v: %d %q, want 422 saying %q", bad.answers, code, message(m), bad.says)
		}
	}
}
