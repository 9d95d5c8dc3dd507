package server_test

import (
	"net/http"
	"strings"
	"testing"

	"triagedesk/triage"
)

// TestQueueEmergencyNeedsARecordedCall: through the staff API, a reviewer cannot close
// an emergency by a message; they record their calls (which the queue must accept
// from a reviewer), and the outcome reaches every desk in both forms of the feed.
func TestQueueEmergencyNeedsARecordedCall(t *testing.T) {
	e, practice, path := demoEnv(t, 60, 0)
	reviewer, _ := practice.User("demo-reviewer")
	_, patientToken := firstAdult(t, practice)
	code, m := e.call("POST", "/api/v1/requests", patientToken, map[string]any{"kind": "clinical",
		"text": "Crushing chest pain going down my left arm and I feel sweaty"})
	if code != http.StatusCreated {
		t.Fatalf("submit: %d %v", code, m)
	}
	id := int64(m["id"].(float64))
	r := feedRequest(t, e, reviewer.Token, id, true)
	if r.Priority != triage.Emergency {
		t.Fatalf("the engine gave %s: the test needs an emergency", r.Priority)
	}
	steps := []struct {
		name   string
		action map[string]any
		want   int
	}{
		{"signpost to 999 by message", map[string]any{"kind": "signpost", "signpost": "999", "message": "Call 999 now"}, http.StatusUnprocessableEntity},
		{"close as sent to 999 with no call", map[string]any{"kind": "close", "outcome": "sent-999-a&e"}, http.StatusUnprocessableEntity},
		{"phoned, no answer", map[string]any{"kind": "call-outcome", "call": "no-answer"}, http.StatusOK},
		{"close after no answer", map[string]any{"kind": "close", "outcome": "unreachable"}, http.StatusUnprocessableEntity},
		{"phoned, sent to 999", map[string]any{"kind": "call-outcome", "call": "sent-999-ae"}, http.StatusOK},
		{"close as sent to 999", map[string]any{"kind": "close", "outcome": "sent-999-a&e"}, http.StatusOK},
	}
	version := r.Version
	for _, s := range steps {
		code, m := act(t, e, reviewer.Token, id, version, s.action)
		if code != s.want {
			t.Fatalf("%s: %d %v, want %d", s.name, code, m, s.want)
		}
		if code == http.StatusOK {
			version++
		} else if !strings.Contains(strings.ToLower(strings.Join(issueTexts(m), " ")), "phone the patient") {
			t.Fatalf("%s: the refusal does not say to phone the patient: %v", s.name, m)
		}
	}
	for _, compact := range []bool{false, true} {
		got := feedRequest(t, e, reviewer.Token, id, compact)
		if got.Call != triage.CallSent999 || got.CalledBy == "" || got.CalledAt.IsZero() || got.Status != triage.StatusClosed {
			t.Fatalf("feed (compact %v): call %q by %q at %v, status %s", compact, got.Call, got.CalledBy, got.CalledAt, got.Status)
		}
	}
	rows := auditRows(t, path, id)
	if len(rows) < 3 || !strings.Contains(strings.Join(rows, "\n"), "phoned the patient: no answer, to try again") {
		t.Fatalf("the queue's audit trail:\n%s", strings.Join(rows, "\n"))
	}
}

// issueTexts returns the diagnostics of an OperationOutcome body.
func issueTexts(m map[string]any) []string {
	var out []string
	issues, _ := m["issue"].([]any)
	for _, i := range issues {
		if im, ok := i.(map[string]any); ok {
			if s, ok := im["diagnostics"].(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
