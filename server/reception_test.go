package server_test

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"triagedesk/fhir"
	"triagedesk/server"
	"triagedesk/triage"
)

// auditRows reads the queue's audit trail straight from its file, as an inspector
// would: actor, action and detail of every entry for a request (0 for none).
func auditRows(t *testing.T, path string, requestID int64) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT actor, action, detail FROM audit WHERE request_id = ? ORDER BY id`, requestID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a, b, c string
		rows.Scan(&a, &b, &c)
		out = append(out, a+"|"+b+"|"+c)
	}
	return out
}

// feedRequest fetches the whole feed in one of its two forms and returns request id.
func feedRequest(t *testing.T, e *env, token string, id int64, compact bool) triage.Request {
	t.Helper()
	req, _ := http.NewRequest("GET", e.http.URL+"/api/v1/feed?cursor=0&_count=5000", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if compact {
		req.Header.Set("Accept", fhir.DeskContentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	parse := fhir.ParseFeed
	if compact {
		parse = fhir.ParseDeskPage
	}
	page, err := parse(body)
	if err != nil {
		t.Fatalf("feed (compact %v): %v", compact, err)
	}
	for _, r := range page.Requests {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("request %d is not in the feed (compact %v)", id, compact)
	return triage.Request{}
}

// firstAdult returns a demo patient with their own account, and that account's token.
func firstAdult(t *testing.T, practice server.DemoPractice) (triage.Patient, string) {
	t.Helper()
	for _, a := range practice.Practice.Accounts {
		for _, p := range practice.Practice.Patients {
			if p.ID == a.PatientID && !p.Dependant {
				return p, practice.PatientTokens[a.ID]
			}
		}
	}
	t.Fatal("the demo practice has no adult with an account")
	return triage.Patient{}, ""
}

func TestReceptionEntersARequestForACaller(t *testing.T) {
	e, practice, path := demoEnv(t, 60, 0)
	reviewer, _ := practice.User("demo-reviewer")
	manager, _ := practice.User("demo-manager")
	patient, patientToken := firstAdult(t, practice)
	entry := func(text string) map[string]any {
		return map[string]any{"patientId": patient.ID, "kind": "clinical", "text": text, "caller": "husband, Tom",
			"contact": "phone", "contactDetail": "07700 900123"}
	}

	code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, entry("rash on my arm for a week"))
	if code != http.StatusCreated {
		t.Fatalf("entry: %d %v", code, m)
	}
	id := int64(m["id"].(float64))
	if m["emergency"] != false || !strings.Contains(m["message"].(string), "phone call") {
		t.Errorf("answer = %v, want a routine answer naming the way of contact", m)
	}
	stored, err := e.q.Request(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if stored.EnteredBy != "demo-reviewer" || stored.Caller != "husband, Tom" || stored.Contact != triage.ContactPhone ||
		stored.ContactDetail != "07700 900123" || stored.Status != triage.StatusNew || stored.SubmittedBy != 0 || !stored.Suggested.Priority.Valid() {
		t.Fatalf("stored = %+v, want a new request marked as entered by demo-reviewer for the caller", stored)
	}
	if got := auditRows(t, path, id); len(got) != 1 || got[0] != "demo-reviewer|submit|entered it for a caller" {
		t.Errorf("audit = %q, want the entry under the receptionist's name", got)
	}
	// Both forms of the feed carry the marks to the desks.
	for _, compact := range []bool{false, true} {
		r := feedRequest(t, e, reviewer.Token, id, compact)
		if r.EnteredBy != "demo-reviewer" || r.Caller != "husband, Tom" || r.Contact != triage.ContactPhone || r.ContactDetail != "07700 900123" {
			t.Errorf("feed (compact %v) = entered by %q caller %q contact %q %q", compact, r.EnteredBy, r.Caller, r.Contact, r.ContactDetail)
		}
	}
	// The patient sees it among their own requests.
	req, _ := http.NewRequest("GET", e.http.URL+"/api/v1/requests", nil)
	req.Header.Set("Authorization", "Bearer "+patientToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var own []server.OwnRequest
	json.NewDecoder(resp.Body).Decode(&own)
	resp.Body.Close()
	if len(own) != 1 || own[0].ID != id {
		t.Errorf("the patient's own list = %+v, want request %d", own, id)
	}

	t.Run("an emergency tells reception to send the caller to 999", func(t *testing.T) {
		code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, entry("crushing chest pain going down my left arm and I am sweating"))
		if code != http.StatusCreated || m["emergency"] != true || !strings.Contains(m["message"].(string), "999") {
			t.Fatalf("%d %v, want an emergency answer naming 999", code, m)
		}
	})

	t.Run("a yes to a red flag is an emergency whatever the text", func(t *testing.T) {
		b := entry("feeling unwell")
		b["answers"] = map[string]any{"redFlags": []map[string]any{{"question": "stroke", "yes": true}, {"question": "chest-pain", "yes": false}}}
		code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, b)
		if code != http.StatusCreated || m["emergency"] != true || !strings.Contains(m["message"].(string), "signs of a stroke") || !strings.Contains(m["message"].(string), "999") {
			t.Fatalf("%d %v, want an emergency naming the red flag and 999", code, m)
		}
		stored, _ := e.q.Request(t.Context(), int64(m["id"].(float64)))
		if yes := stored.Answers.YesTo(); len(yes) != 1 || yes[0].ID != "stroke" || stored.EnteredBy != "demo-reviewer" {
			t.Fatalf("stored answers = %+v entered by %q, want the stroke yes kept", stored.Answers, stored.EnteredBy)
		}
		b["answers"] = map[string]any{"redFlags": []map[string]any{{"question": "eyes", "yes": true}}}
		if code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, b); code != 422 || !strings.Contains(message(m), "no red-flag question") {
			t.Fatalf("an unknown question: %d %q, want 422", code, message(m))
		}
	})

	t.Run("the same live-request limit as the patient's own", func(t *testing.T) {
		if code, m := e.call("PUT", "/api/v1/settings/limits", manager.Token, triage.Limits{MaxLive: 4, OveruseThreshold: 8}); code != 200 {
			t.Fatalf("set limits: %d %v", code, m)
		}
		// Three entered so far; the patient's own makes four.
		if code, m := e.call("POST", "/api/v1/requests", patientToken, map[string]any{"kind": "admin", "text": "fit note please"}); code != 201 {
			t.Fatalf("the patient's own: %d %v", code, m)
		}
		code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, entry("and my knee hurts"))
		if code != http.StatusTooManyRequests || !strings.Contains(message(m), "already has 4 requests open") {
			t.Fatalf("over the limit: %d %q, want 429", code, message(m))
		}
	})

	t.Run("the same opening hours", func(t *testing.T) {
		e.call("PUT", "/api/v1/settings/limits", manager.Token, triage.Limits{MaxLive: 50, OveruseThreshold: 8})
		e.srv.SetClock(func() time.Time { return saturday })
		defer e.srv.SetClock(func() time.Time { return tuesday })
		code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, entry("cough"))
		if code != http.StatusServiceUnavailable || !strings.Contains(message(m), "111") {
			t.Fatalf("on a Saturday: %d %q, want 503 pointing to 111", code, message(m))
		}
	})

	t.Run("bad entries are refused with what to do", func(t *testing.T) {
		with := func(k string, v any) map[string]any { b := entry("cough"); b[k] = v; return b }
		tests := []struct {
			name    string
			token   string
			body    any
			status  int
			message string
		}{
			{"no token", "", entry("cough"), 401, "staff bearer token"},
			{"a patient's token", patientToken, entry("cough"), 403, "patient API only"},
			{"no contact", reviewer.Token, with("contact", ""), 422, "how the patient wants to be contacted"},
			{"no number to call", reviewer.Token, with("contactDetail", "ring him"), 422, "not a phone number"},
			{"no text", reviewer.Token, with("text", "  "), 422, "text is empty"},
			{"no patient", reviewer.Token, with("patientId", 0), 422, "find the patient"},
			{"not on the list", reviewer.Token, with("patientId", 424242), 404, "not on the practice list"},
			{"unknown field", reviewer.Token, with("urgent", true), 422, "unknown field"},
		}
		for _, tt := range tests {
			code, m := e.call("POST", "/api/v1/reception/requests", tt.token, tt.body)
			if code != tt.status || !strings.Contains(message(m), tt.message) {
				t.Errorf("%s: %d %q, want %d saying %q", tt.name, code, message(m), tt.status, tt.message)
			}
		}
	})
}

func TestReceptionFindsPatients(t *testing.T) {
	e, practice, path := demoEnv(t, 200, 0)
	reviewer, _ := practice.User("demo-reviewer")
	p, patientToken := firstAdult(t, practice)
	family := strings.ToLower(p.FamilyName)
	tests := []struct {
		name   string
		query  string
		status int
		want   bool // p is among the results
	}{
		{"family name, any case", "name=" + family, 200, true},
		{"given and family", "name=" + p.GivenName[:2] + "+" + p.FamilyName, 200, true},
		{"date of birth", "birthdate=" + p.BirthDate.Format(time.DateOnly), 200, true},
		{"NHS number", "identifier=" + string(p.NHSNumber), 200, true},
		{"NHS number with its system", "identifier=" + fhir.SystemNHSNumber + "|" + string(p.NHSNumber), 200, true},
		{"name and the wrong date of birth", "name=" + family + "&birthdate=1900-01-01", 200, false},
		{"nothing to search by", "", 422, false},
		{"one letter", "name=a", 422, false},
		{"a bad NHS number", "identifier=9990000019", 422, false},
		{"a bad date", "birthdate=21/04/1980", 422, false},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", e.http.URL+"/fhir/Patient?"+tt.query, nil)
		req.Header.Set("Authorization", "Bearer "+reviewer.Token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, resp.StatusCode, body, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		var b fhir.Bundle
		json.Unmarshal(body, &b)
		found := false
		for _, en := range b.Entry {
			var fp fhir.Patient
			json.Unmarshal(en.Resource, &fp)
			if fp.ID == itoa(p.ID) {
				found = true
			}
		}
		if found != tt.want || b.Total == nil || *b.Total < len(b.Entry) {
			t.Errorf("%s: found %v among %d (total %v), want %v", tt.name, found, len(b.Entry), b.Total, tt.want)
		}
	}
	// Searches are audited, without the names and numbers searched for.
	trail := strings.Join(auditRows(t, path, 0), "\n")
	if !strings.Contains(trail, "demo-reviewer|search-patients|searched the practice list by name: ") ||
		!strings.Contains(trail, "by NHS number: 1 found") {
		t.Errorf("audit trail = %q, want each search recorded", trail)
	}
	if strings.Contains(strings.ToLower(trail), family) || strings.Contains(trail, string(p.NHSNumber)) {
		t.Errorf("the audit trail holds what was searched for: %q", trail)
	}
	if code, _ := e.call("GET", "/fhir/Patient?name="+family, patientToken, nil); code != http.StatusForbidden {
		t.Errorf("a patient searching the list: %d, want 403", code)
	}
}

// act sends one action on a request through the $act operation.
func act(t *testing.T, e *env, token string, id int64, version int, a map[string]any) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(a)
	req, _ := http.NewRequest("POST", e.http.URL+"/fhir/Task/"+itoa(id)+"/$act", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("If-Match", `W/"`+itoa(int64(version))+`"`)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}

func TestWhoHoldsARequest(t *testing.T) {
	e, practice, path := demoEnv(t, 60, 0)
	reviewer, _ := practice.User("demo-reviewer")
	physio, _ := practice.User("demo-physio")
	gp, _ := practice.User("demo-gp")
	patient, patientToken := firstAdult(t, practice)
	code, m := e.call("POST", "/api/v1/reception/requests", reviewer.Token, map[string]any{"patientId": patient.ID, "kind": "clinical",
		"text": "sore knee after running for two weeks", "contact": "online"})
	if code != 201 {
		t.Fatalf("entry: %d %v", code, m)
	}
	id := int64(m["id"].(float64))

	steps := []struct {
		name    string
		token   string
		action  map[string]any
		status  int
		message string
		holder  string
		state   triage.Status
	}{
		{"a new request has no team to give it within", reviewer.Token, map[string]any{"kind": "assign-member", "member": "demo-physio"}, 422, "assign it to a team first", "", triage.StatusNew},
		{"assigned to physio", reviewer.Token, map[string]any{"kind": "assign", "team": "physio"}, 200, "", "", triage.StatusAssigned},
		{"not to someone of another team", reviewer.Token, map[string]any{"kind": "assign-member", "member": "demo-gp"}, 422, "not a member of the Physio team", "", triage.StatusAssigned},
		{"not to someone who does not exist", reviewer.Token, map[string]any{"kind": "assign-member", "member": "Dr Nobody"}, 422, "no member of staff called", "", triage.StatusAssigned},
		{"another team's clinician may not", gp.Token, map[string]any{"kind": "assign-member", "member": "demo-physio"}, 403, "not yours", "", triage.StatusAssigned},
		{"the reviewer gives it to a physio", reviewer.Token, map[string]any{"kind": "assign-member", "member": "demo-physio"}, 200, "", "demo-physio", triage.StatusInProgress},
		{"an internal note", physio.Token, map[string]any{"kind": "note", "message": "Called, booked for Thursday"}, 200, "", "demo-physio", triage.StatusInProgress},
		{"the physio hands it back", physio.Token, map[string]any{"kind": "unclaim"}, 200, "", "", triage.StatusAssigned},
		{"nothing left to unclaim", physio.Token, map[string]any{"kind": "unclaim"}, 422, "not held by anyone", "", triage.StatusAssigned},
	}
	for _, st := range steps {
		current, err := e.q.Request(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		code, m := act(t, e, st.token, id, current.Version, st.action)
		if code != st.status || !strings.Contains(message(m), st.message) {
			t.Fatalf("%s: %d %q, want %d saying %q", st.name, code, message(m), st.status, st.message)
		}
		after, _ := e.q.Request(t.Context(), id)
		if after.ClaimedBy != st.holder || after.Status != st.state {
			t.Fatalf("%s: %s held by %q, want %s held by %q", st.name, after.Status, after.ClaimedBy, st.state, st.holder)
		}
	}
	// The note and the changes of hands reach the desks in both forms of the feed...
	for _, compact := range []bool{false, true} {
		r := feedRequest(t, e, reviewer.Token, id, compact)
		if !strings.Contains(r.Note, "demo-physio: Called, booked for Thursday") || r.Status != triage.StatusAssigned {
			t.Errorf("feed (compact %v): note %q status %s", compact, r.Note, r.Status)
		}
	}
	// ...are in the audit trail in words...
	trail := strings.Join(auditRows(t, path, id), "\n")
	for _, want := range []string{"demo-reviewer|assign-member|gave it to demo-physio", "demo-physio|note|added a note", "demo-physio|unclaim|handed it back to the team's queue"} {
		if !strings.Contains(trail, want) {
			t.Errorf("audit trail lacks %q:\n%s", want, trail)
		}
	}
	// ...and the note never reaches the patient.
	req, _ := http.NewRequest("GET", e.http.URL+"/api/v1/requests", nil)
	req.Header.Set("Authorization", "Bearer "+patientToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "sore knee") || strings.Contains(string(body), "Thursday") {
		t.Errorf("the patient's view = %s, want their request without the staff note", body)
	}
}

func TestStaffList(t *testing.T) {
	e, practice, _ := demoEnv(t, 10, 0)
	reviewer, _ := practice.User("demo-reviewer")
	req, _ := http.NewRequest("GET", e.http.URL+"/api/v1/staff?team=physio", nil)
	req.Header.Set("Authorization", "Bearer "+reviewer.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var staff []map[string]any
	json.Unmarshal(body, &staff)
	if len(staff) != 1 || staff[0]["name"] != "demo-physio" || strings.Contains(string(body), "token") {
		t.Errorf("physio staff = %s, want demo-physio alone and no token", body)
	}
	if code, _ := e.call("GET", "/api/v1/staff?team=dentistry", reviewer.Token, nil); code != 422 {
		t.Errorf("an unknown team: %d, want 422", code)
	}
}
