package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// A Tuesday morning in core hours, a Saturday, and Christmas Day.
var (
	tuesday   = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	saturday  = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	christmas = time.Date(2026, 12, 25, 10, 0, 0, 0, time.UTC)
)

type env struct {
	t       testing.TB
	q       *store.Queue
	srv     *server.Server
	http    *httptest.Server
	manager string
	// nextPatient numbers the patients tests put on the list.
	nextPatient int64
	mail        *mailbox // the practice's SMTP server, real, on 127.0.0.1
}

func newEnv(t testing.TB) *env {
	t.Helper()
	q, err := store.OpenQueue(context.Background(), filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	if err := q.Import(context.Background(), store.Changes{Sites: []triage.Site{{ID: "main", Name: "Main Surgery"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}}}); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, q: q, srv: server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)}
	e.srv.SetClock(func() time.Time { return tuesday })
	e.mail = startMailbox(t)
	if err := e.mail.Attach(e.srv, ""); err != nil {
		t.Fatal(err)
	}
	e.http = httptest.NewServer(e.srv)
	t.Cleanup(e.http.Close)
	if e.manager, err = q.AddUser(context.Background(), "mo", store.RoleManager, ""); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) call(method, path, token string, body any) (int, map[string]any) {
	e.t.Helper()
	var rd io.Reader
	if s, ok := body.(string); ok {
		rd = strings.NewReader(s)
	} else if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.http.URL+path, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	b, _ := io.ReadAll(resp.Body)
	json.Unmarshal(b, &m)
	if m == nil {
		m = map[string]any{"raw": string(b)}
	}
	return resp.StatusCode, m
}

// message digs the diagnostics out of an OperationOutcome.
func message(m map[string]any) string {
	issues, _ := m["issue"].([]any)
	if len(issues) == 0 {
		return ""
	}
	d, _ := issues[0].(map[string]any)["diagnostics"].(string)
	return d
}

// account gives a patient on the list (added here if new) an account whose claim the
// manager has verified, the whole way a patient would: sign up, the link in the email,
// sign in, tell the practice who they are, and the practice checks.
func (e *env) account(email, nhs, given, family, birth string) (string, int64) {
	e.t.Helper()
	p := e.listed(nhs, given, family, birth, triage.Female)
	tok := e.openAccount(email)
	claim := e.claimOK(tok, map[string]any{"nhsNumber": nhs, "givenName": given, "familyName": family, "birthDate": birth, "sex": "female"})
	if code, m := e.decide(claim, triage.ClaimVerified, p.ID); code != 200 {
		e.t.Fatalf("verify the claim of %s: %d %v", email, code, m)
	}
	return tok, p.ID
}

// listed puts a patient on the practice list, as the practice's import would.
func (e *env) listed(nhs, given, family, birth string, sex triage.Sex) triage.Patient {
	e.t.Helper()
	n, err := triage.ParseNHSNumber(nhs)
	if err != nil {
		e.t.Fatal(err)
	}
	b, _ := time.Parse(time.DateOnly, birth)
	e.nextPatient++
	// Counting down from high ids, so they never meet the provisional records claims make.
	p := triage.Patient{ID: 900000 - e.nextPatient, Version: 1, NHSNumber: n, GivenName: given, FamilyName: family, BirthDate: b, Sex: sex, SiteID: "main", GPTeamID: "blue"}
	if err := e.q.Import(context.Background(), store.Changes{Patients: []triage.Patient{p}}); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// openAccount signs up, follows the link in the email and signs in; it returns the
// patient's token.
func (e *env) openAccount(email string) string {
	e.t.Helper()
	const pw = "correct horse battery"
	if code, m := e.call("POST", "/api/v1/accounts", "", map[string]any{"email": email, "password": pw}); code != http.StatusAccepted {
		e.t.Fatalf("sign up %s: %d %v", email, code, m)
	}
	tok := e.mail.confirmToken(email, e.mail.count(email))
	if code, _, b := e.do("GET", "/api/v1/accounts/confirm?token="+tok, "", nil, nil); code != 200 {
		e.t.Fatalf("the link in the email: %d %s", code, b)
	}
	code, m := e.call("POST", "/api/v1/sessions", "", map[string]any{"email": email, "password": pw})
	if code != http.StatusCreated {
		e.t.Fatalf("sign in %s: %d %v", email, code, m)
	}
	return m["token"].(string)
}

// claimOK sends a claim that must be accepted and returns its id.
func (e *env) claimOK(token string, details map[string]any) int64 {
	e.t.Helper()
	code, m := e.call("POST", "/api/v1/claims", token, details)
	if code != http.StatusAccepted {
		e.t.Fatalf("claim %v: %d %v", details, code, m)
	}
	return int64(m["id"].(float64))
}

// decide is the manager's decision on a claim.
func (e *env) decide(claim int64, d triage.ClaimStatus, patient int64) (int, map[string]any) {
	e.t.Helper()
	return e.call("POST", fmt.Sprintf("/api/v1/claims/%d/decision", claim), e.manager, triage.ClaimDecision{Decision: d, PatientID: patient})
}

func TestPatientAPI(t *testing.T) {
	e := newEnv(t)
	mum, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	dad, _ := e.account("kwame@example.com", "9990000026", "Kwame", "Okafor", "1985-01-15")

	sam := e.listed("9991111115", "Sam", "Okafor", "2021-06-30", triage.Male)
	samFor := func(tok string) int64 {
		return e.claimOK(tok, map[string]any{"kind": "dependant", "nhsNumber": "9991111115", "givenName": "Sam", "familyName": "Okafor", "birthDate": "2021-06-30", "sex": "male", "relationship": "parent"})
	}
	if code, m := e.decide(samFor(mum), triage.ClaimVerified, sam.ID); code != 200 {
		t.Fatalf("verify mum's claim: %d %v", code, m)
	}
	child := sam.ID
	if code, m := e.call("POST", "/api/v1/requests", dad, map[string]any{"patientId": child, "kind": "clinical", "text": "cough"}); code != http.StatusForbidden {
		t.Fatalf("the other parent before the practice checked: %d %v, want 403", code, m)
	}
	if code, m := e.decide(samFor(dad), triage.ClaimVerified, sam.ID); code != 200 {
		t.Fatalf("verify dad's claim: %d %v", code, m)
	}
	if code, m := e.call("POST", "/api/v1/requests", dad, map[string]any{"patientId": child, "kind": "clinical", "text": "Sam has a cough for 4 weeks"}); code != http.StatusCreated {
		t.Fatalf("the other parent after the practice checked: %d %v", code, m)
	}

	tests := []struct {
		name    string
		token   string
		body    any
		status  int
		message string
	}{
		{"no token", "", map[string]any{"kind": "admin", "text": "fit note"}, 401, "sign in"},
		{"bad token", "nope", map[string]any{"kind": "admin", "text": "fit note"}, 401, "sign in again"},
		{"empty text", mum, map[string]any{"kind": "admin", "text": "   "}, 422, "text is empty"},
		{"too long", mum, map[string]any{"kind": "admin", "text": strings.Repeat("a", triage.MaxTextLength+1)}, 422, "the most is 5000"},
		{"unknown kind", mum, map[string]any{"kind": "complaint", "text": "x"}, 422, "unknown kind"},
		{"not JSON", mum, "{kind: admin", 422, "not valid JSON"},
		{"unknown field", mum, map[string]any{"kind": "admin", "text": "x", "urgent": true}, 422, "unknown field"},
		{"body too large", mum, `{"kind":"admin","text":"` + strings.Repeat("x", server.MaxBody) + `"}`, 413, "larger than"},
		{"someone else's patient", mum, map[string]any{"patientId": 424242, "kind": "admin", "text": "x"}, 403, "cannot act for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := e.call("POST", "/api/v1/requests", tt.token, tt.body)
			if code != tt.status || !strings.Contains(message(m), tt.message) {
				t.Fatalf("%d %q, want %d saying %q", code, message(m), tt.status, tt.message)
			}
		})
	}

	t.Run("sign-up checks", func(t *testing.T) {
		for _, tt := range []struct {
			body    map[string]any
			message string
		}{
			{map[string]any{"email": "not an email", "password": "correct horse battery"}, "email address"},
			{map[string]any{"email": "x@example.com", "password": "short"}, "at least 10 characters"},
			{map[string]any{"email": "x@example.com", "password": "correct horse battery", "nhsNumber": "9990000018"}, "unknown field"},
		} {
			if code, m := e.call("POST", "/api/v1/accounts", "", tt.body); code != 422 || !strings.Contains(message(m), tt.message) {
				t.Errorf("sign-up %v: %d %q, want 422 saying %q", tt.body, code, message(m), tt.message)
			}
		}
	})

	t.Run("live-request limit", func(t *testing.T) {
		if code, m := e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 2, MaxPerDay: 0, OveruseThreshold: 8}); code != 200 {
			t.Fatalf("set limits: %d %v", code, m)
		}
		for i := 0; i < 2; i++ {
			if code, m := e.call("POST", "/api/v1/requests", mum, map[string]any{"kind": "admin", "text": "blood test results please"}); code != 201 {
				t.Fatalf("submission %d: %d %v", i, code, m)
			}
		}
		code, m := e.call("POST", "/api/v1/requests", mum, map[string]any{"kind": "admin", "text": "fit note please"})
		if code != http.StatusTooManyRequests || !strings.Contains(message(m), "already has 2 requests open") || !strings.Contains(message(m), "111") {
			t.Fatalf("over the limit: %d %q", code, message(m))
		}
		// The dependant counts separately.
		if code, m := e.call("POST", "/api/v1/requests", mum, map[string]any{"patientId": child, "kind": "admin", "text": "letter for school"}); code != 201 {
			t.Fatalf("a dependant's own limit: %d %v", code, m)
		}
		code, m = e.call("GET", "/api/v1/requests", mum, nil)
		if code != 200 {
			t.Fatalf("list own: %d %v", code, m)
		}
	})

	t.Run("daily limit", func(t *testing.T) {
		e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 10, MaxPerDay: 1, OveruseThreshold: 8})
		if code, m := e.call("POST", "/api/v1/requests", dad, map[string]any{"kind": "admin", "text": "fit note please"}); code != 201 {
			t.Fatalf("first today: %d %v", code, m)
		}
		code, m := e.call("POST", "/api/v1/requests", dad, map[string]any{"kind": "admin", "text": "and a letter please"})
		if code != http.StatusTooManyRequests || !strings.Contains(message(m), "today") {
			t.Fatalf("over the daily limit: %d %q", code, message(m))
		}
	})
}

func TestAvailability(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 50, OveruseThreshold: 8})
	clinical := map[string]any{"kind": "clinical", "text": "rash on my arm for a week"}
	admin := map[string]any{"kind": "admin", "text": "fit note please"}
	medicines := map[string]any{"kind": "clinical", "text": "repeat prescription for my inhalers please"}
	tests := []struct {
		name    string
		at      time.Time
		avail   triage.Availability
		body    map[string]any
		status  int
		message string
	}{
		{"open in core hours", tuesday, triage.Availability{}, clinical, 201, ""},
		{"closed at the weekend", saturday, triage.Availability{}, admin, 503, "Monday 30 November at 08:00"},
		{"closed on a bank holiday", christmas, triage.Availability{}, admin, 503, "bank holiday"},
		{"clinical paused refuses clinical", tuesday, triage.Availability{Switch: triage.ModeClinicalPaused, SwitchMessage: "Safe capacity reached"}, clinical, 503, "Admin and medication requests are still open"},
		{"clinical paused takes admin", tuesday, triage.Availability{Switch: triage.ModeClinicalPaused}, admin, 201, ""},
		{"clinical paused takes medication", tuesday, triage.Availability{Switch: triage.ModeClinicalPaused}, medicines, 201, ""},
		{"a manager's 'closed' in core hours is a pause", tuesday, triage.Availability{Switch: triage.ModeClosed}, admin, 201, ""},
		{"training afternoon", tuesday, triage.Availability{Closures: []triage.Closure{{From: tuesday.Add(-time.Hour), To: tuesday.Add(4 * time.Hour), Reason: "staff training"}}}, admin, 503, "staff training"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, m := e.call("PUT", "/api/v1/settings/availability", e.manager, tt.avail); code != 200 {
				t.Fatalf("set availability: %d %v", code, m)
			}
			e.srv.SetClock(func() time.Time { return tt.at })
			code, m := e.call("POST", "/api/v1/requests", tok, tt.body)
			if code != tt.status || !strings.Contains(message(m), tt.message) {
				t.Fatalf("%d %q, want %d saying %q", code, message(m), tt.status, tt.message)
			}
			if code == 503 && !strings.Contains(message(m), "111") {
				t.Fatalf("a refusal must point to 111: %q", message(m))
			}
		})
	}
}

func TestPresence(t *testing.T) {
	e := newEnv(t)
	amy := e.user("amy", store.RoleReviewer)
	lee := e.user("lee", store.RoleReviewer)
	e.call("POST", "/api/v1/presence", amy, map[string]any{"requestId": 7, "activity": "viewing"})
	code, _ := e.call("POST", "/api/v1/presence", lee, map[string]any{"requestId": 7, "activity": "working"})
	if code != 200 {
		t.Fatalf("heartbeat: %d", code)
	}
	req, _ := http.NewRequest("GET", e.http.URL+"/api/v1/presence?request=7", nil)
	req.Header.Set("Authorization", "Bearer "+amy)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var who []server.Presence
	json.NewDecoder(resp.Body).Decode(&who)
	if len(who) != 2 || who[0].Name != "amy" || who[1].Activity != "working" {
		t.Fatalf("presence = %+v, want amy viewing and lee working", who)
	}
	if code, _ := e.call("POST", "/api/v1/presence", amy, map[string]any{"requestId": 7, "activity": "sleeping"}); code != 422 {
		t.Errorf("an unknown activity: %d, want 422", code)
	}
}

func (e *env) user(name string, role store.Role) string {
	e.t.Helper()
	tok, err := e.q.AddUser(context.Background(), name, role, "")
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
