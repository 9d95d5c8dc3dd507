package server_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"triagedesk/triage"
)

// secondPerson finds words that speak to the reader as the patient ("you", "your").
var secondPerson = regexp.MustCompile(`(?i)\byou(r|rs|rself)?\b`)

// TestReceptionAnswerIsWordedForTheReceptionist: what reception is told when it enters
// a request is for the receptionist to act on and pass on ("Tell the caller to call
// 999"), never the patient page's advice to the patient ("Call 999 now … Do not wait
// for the practice to reply", "If you can, tell someone near you"), whether the
// patient or someone else is calling, for every red-flag question and for a routine
// request.
func TestReceptionAnswerIsWordedForTheReceptionist(t *testing.T) {
	e, practice, _ := demoEnv(t, 60, 0)
	reviewer, _ := practice.User("demo-reviewer")
	patient, _ := firstAdult(t, practice)
	enter := func(t *testing.T, caller, question, text string) (bool, string) {
		t.Helper()
		b := map[string]any{"patientId": patient.ID, "kind": "clinical", "text": text, "contact": "phone", "contactDetail": "07700 900123"}
		if caller != "" {
			b["caller"] = caller
		}
		if question != "" {
			b["answers"] = map[string]any{"redFlags": []map[string]any{{"question": question, "yes": true}}}
		}
		code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, b)
		if code != http.StatusCreated {
			t.Fatalf("entry: %d %v", code, m)
		}
		return m["emergency"] == true, m["message"].(string)
	}
	staffVoice := func(t *testing.T, msg string) {
		t.Helper()
		if w := secondPerson.FindString(msg); w != "" || !strings.Contains(msg, "Tell the caller") {
			t.Errorf("reception is told %q: it speaks to the patient (%q), or does not say what to tell the caller", msg, w)
		}
	}
	callers := []string{"", "wife, Ann"}
	// The routine entries first: the emergencies after them are not held to the
	// patient's live-request limit, the routine ones are.
	for _, caller := range callers {
		t.Run("routine, caller "+caller, func(t *testing.T) {
			emergency, msg := enter(t, caller, "", "a rash on my arm for a week")
			if emergency || !strings.Contains(msg, "phone call") || !strings.Contains(msg, "111") {
				t.Errorf("a routine entry: %q, want the way of contact and 111", msg)
			}
			staffVoice(t, msg)
		})
	}
	for _, caller := range callers {
		for _, q := range triage.RedFlagQuestions {
			t.Run(q.ID+", caller "+caller, func(t *testing.T) {
				emergency, msg := enter(t, caller, q.ID, "feeling unwell")
				if !emergency || !strings.Contains(msg, q.Flag) || !strings.Contains(msg, "999") || !strings.Contains(msg, "duty clinician") {
					t.Errorf("a yes to %s: %q, want an emergency naming the flag, 999 and the duty clinician", q.ID, msg)
				}
				for _, patients := range []string{q.Advice, q.AdviceAbout(triage.Subject{For: triage.ForAdult, Name: "Ann"})} {
					if strings.Contains(msg, patients) {
						t.Errorf("a yes to %s: reception is given the patient page's advice %q: %q", q.ID, patients, msg)
					}
				}
				staffVoice(t, msg)
				about := triage.Subject{For: triage.ForSelf}
				if caller != "" {
					about = triage.Subject{For: triage.ForAdult, Name: patient.GivenName}
				}
				if want := q.TellCaller(about); !strings.Contains(msg, want) {
					t.Errorf("a yes to %s: %q, want the words the desk's warning uses, %q", q.ID, msg, want)
				}
				if q.ID == "suicide" && !strings.Contains(msg, "116 123") {
					t.Errorf("a yes to %s: %q, want the Samaritans' number passed on", q.ID, msg)
				}
			})
		}
	}
}

// TestPatientWithoutAClaimIsToldInPatientsWords: an account that has not yet said
// who it is reads, on its account and when it sends a request, what to do in words for
// a patient, never an API path it cannot use; the app's makers still get the path in
// the outcome's diagnostics.
func TestPatientWithoutAClaimIsToldInPatientsWords(t *testing.T) {
	e := newEnv(t)
	tok := e.openAccount("new@example.com")
	code, m := e.call("GET", "/api/v1/account", tok, nil)
	if msg, _ := m["message"].(string); code != 200 || !strings.Contains(msg, "tell the practice who you are") || strings.Contains(msg, "/api/") {
		t.Errorf("the account reads %d %q, want what to do in a patient's words", code, msg)
	}
	code, m = e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "fit note please"})
	details := ""
	if issues, _ := m["issue"].([]any); len(issues) > 0 {
		if d, _ := issues[0].(map[string]any)["details"].(map[string]any); d != nil {
			details, _ = d["text"].(string)
		}
	}
	if code != http.StatusForbidden || !strings.Contains(details, "tell the practice who you are") || strings.Contains(details, "/api/") {
		t.Errorf("a request before any claim: %d, the patient reads %q; want what to do in a patient's words", code, details)
	}
	if !strings.Contains(message(m), "POST /api/v1/claims") {
		t.Errorf("the diagnostics %q do not name the API call for the app's makers", message(m))
	}
}
