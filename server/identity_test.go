package server_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"triagedesk/store"
	"triagedesk/triage"
)

// The privacy breach of issue 12: whoever knows a patient's NHS number, family name and
// date of birth must not be able to read that patient's requests or the practice's
// replies, learn whether the number is registered, add people to the practice list, or
// take an adult as a "dependant". Each test plays the attacker on a real queue.

// victim is a patient on the list with their own account, one request and the
// practice's reply to it.
type victim struct {
	patient  triage.Patient
	token    string
	text     string
	response string
}

func newVictim(t *testing.T, e *env) victim {
	t.Helper()
	ctx := context.Background()
	p := triage.Patient{ID: 501, Version: 1, NHSNumber: "9990000018", GivenName: "Ruth", FamilyName: "Okafor",
		BirthDate: tuesday.AddDate(-38, -2, -3).Truncate(24 * 3600e9), Sex: triage.Female, SiteID: "main", GPTeamID: "blue", ActedForBy: []int64{77}}
	if err := e.q.Import(ctx, store.Changes{Patients: []triage.Patient{p}}); err != nil {
		t.Fatal(err)
	}
	tokens, err := e.q.Logins(ctx, []triage.Account{{ID: 77, Email: "ruth@example.com", PatientID: p.ID}})
	if err != nil {
		t.Fatal(err)
	}
	v := victim{patient: p, token: tokens[77], text: "my HIV test results please", response: "Your viral load is undetectable"}
	code, m := e.call("POST", "/api/v1/requests", v.token, map[string]any{"kind": "admin", "text": v.text})
	if code != http.StatusCreated {
		t.Fatalf("the victim's own request: %d %v", code, m)
	}
	id := int64(m["id"].(float64))
	// The manager answers; a manager may do every action.
	for i, a := range []map[string]any{{"kind": "assign", "team": "admin"}, {"kind": "respond", "message": v.response, "channel": "message"}} {
		if code, _, b := e.do("POST", fmt.Sprintf("/fhir/Task/%d/$act", id), e.manager, a, http.Header{"If-Match": {fmt.Sprintf(`W/"%d"`, i+1)}}); code != 200 {
			t.Fatalf("the practice's reply: %d %s", code, b)
		}
	}
	return v
}

// details are the victim's identifying details as an attacker would type them.
func (v victim) details() map[string]any {
	return map[string]any{"nhsNumber": string(v.patient.NHSNumber), "givenName": v.patient.GivenName,
		"familyName": v.patient.FamilyName, "birthDate": v.patient.BirthDate.Format("2006-01-02"), "sex": "female"}
}

func with(m map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func TestSomeoneElsesDetailsReadNothing(t *testing.T) {
	e := newEnv(t)
	v := newVictim(t, e)
	token := e.attackerAccount("mallory@example.com", v.details())
	if token == "" {
		return // no account at all: nothing to read
	}
	code, _, m := e.do("GET", "/api/v1/requests", token, nil, nil)
	if code == http.StatusOK && (strings.Contains(m, v.text) || strings.Contains(m, v.response)) {
		t.Fatalf("an account opened with someone else's details reads their requests and the practice's replies: %s", m)
	}
	// Nor can it act for them.
	if code, _ := e.call("POST", "/api/v1/requests", token, map[string]any{"patientId": v.patient.ID, "kind": "admin", "text": "repeat my letter"}); code == http.StatusCreated {
		t.Fatalf("an unverified account sent a request as patient %d", v.patient.ID)
	}
}

func TestRegistrationIsNotRevealed(t *testing.T) {
	e := newEnv(t)
	v := newVictim(t, e)
	wrongBirth := with(v.details(), "birthDate", "1990-01-01")
	unknown := with(v.details(), "nhsNumber", "9990000034", "birthDate", "1990-01-01")
	a, am := e.attackerAttempt("one@example.com", wrongBirth)
	b, bm := e.attackerAttempt("two@example.com", unknown)
	if a != b || am != bm {
		t.Fatalf("a wrong date of birth for a registered NHS number answers %d %q, an unregistered one %d %q: the difference tells whether the number is on the list", a, am, b, bm)
	}
}

func TestUnknownPatientIsNotAddedToTheList(t *testing.T) {
	e := newEnv(t)
	e.attackerAccount("new@example.com", map[string]any{"nhsNumber": "9990000034", "givenName": "Ann", "familyName": "Other", "birthDate": "1990-01-01", "sex": "female"})
	db, err := sql.Open("sqlite3", "file:"+e.q.Path()+"?_busy_timeout=5000&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM patients WHERE nhs_number LIKE '9990000034%' AND NOT unverified`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatal("a patient unknown to the practice joined the list without staff")
	}
}

func TestAnAdultCannotBeTakenAsADependant(t *testing.T) {
	e := newEnv(t)
	v := newVictim(t, e)
	token := e.attackerAccount("mallory@example.com", map[string]any{"nhsNumber": "9990000042", "givenName": "Mal", "familyName": "Lory", "birthDate": "1980-03-03", "sex": "male"})
	e.call("POST", "/api/v1/dependants", token, v.details())
	after, err := e.q.Patient(context.Background(), v.patient.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Dependant || after.Version != v.patient.Version {
		t.Fatalf("claiming an adult with their own account as a dependant changed their record: %+v", after)
	}
	for _, acc := range after.ActedForBy {
		if acc != 77 {
			t.Fatalf("account %d now acts for the adult, who only gave account 77", acc)
		}
	}
	code, _, m := e.do("GET", "/api/v1/requests", token, nil, nil)
	if code == http.StatusOK && strings.Contains(m, v.text) {
		t.Fatal("the 'carer' reads the adult's requests")
	}
}

func TestGuessingIsRateLimited(t *testing.T) {
	e := newEnv(t)
	v := newVictim(t, e)
	mallory := e.openAccount("mallory@example.com")
	tests := []struct {
		name    string
		attempt func(i int) (int, http.Header, string)
	}{
		{"claims guessing a date of birth", func(i int) (int, http.Header, string) {
			return e.do("POST", "/api/v1/claims", mallory, with(v.details(), "birthDate", fmt.Sprintf("1988-01-%02d", i%28+1)), nil)
		}},
		{"sign-ins guessing a password", func(i int) (int, http.Header, string) {
			return e.do("POST", "/api/v1/sessions", "", map[string]any{"email": "ruth@example.com", "password": fmt.Sprintf("guess number %d", i)}, nil)
		}},
		{"sign-ups", func(i int) (int, http.Header, string) {
			return e.do("POST", "/api/v1/accounts", "", map[string]any{"email": fmt.Sprintf("bot%d@example.com", i), "password": "correct horse battery"}, nil)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := 0; i < 40; i++ {
				code, h, body := tt.attempt(i)
				if code == http.StatusTooManyRequests {
					if h.Get("Retry-After") == "" {
						t.Fatal("429 without Retry-After")
					}
					if !strings.Contains(body, "please wait") {
						t.Fatalf("429 that does not say what to do: %s", body)
					}
					return
				}
			}
			t.Fatal("40 attempts in a row and none was refused")
		})
	}
}

// attackerAccount opens an account the way anyone can (sign up, the link in the
// email, sign in) and claims the given details; it returns the token.
func (e *env) attackerAccount(email string, details map[string]any) string {
	e.t.Helper()
	tok := e.openAccount(email)
	e.call("POST", "/api/v1/claims", tok, details)
	return tok
}

// attackerAttempt is one try at linking an account to the given details; it returns
// what the attacker sees of the answer, without the ids every answer has.
func (e *env) attackerAttempt(email string, details map[string]any) (int, string) {
	e.t.Helper()
	tok := e.openAccount(email)
	code, m := e.call("POST", "/api/v1/claims", tok, details)
	delete(m, "id")
	delete(m, "patientId")
	return code, fmt.Sprint(m)
}

// do sends one request and returns the status, headers and body as text.
func (e *env) do(method, path, token string, body any, h http.Header) (int, http.Header, string) {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.http.URL+path, rd)
	for k, v := range h {
		req.Header[k] = v
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

func sqlOpenRO(path string) (*sql.DB, error) {
	return sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000&mode=ro")
}
