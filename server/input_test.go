package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"triagedesk/fhir"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// details digs the patient-facing text out of an OperationOutcome.
func details(m map[string]any) string {
	issues, _ := m["issue"].([]any)
	if len(issues) == 0 {
		return ""
	}
	d, _ := issues[0].(map[string]any)["details"].(map[string]any)
	s, _ := d["text"].(string)
	return s
}

// countRequests is how many requests the queue holds.
func (e *env) countRequests() int {
	e.t.Helper()
	_, total, err := e.q.Requests(context.Background(), 0, 1)
	if err != nil {
		e.t.Fatal(err)
	}
	return total
}

// TestKindAndSexCanonicalAtTheBoundary: "Clinical" and " admin" were a 500 and a lost
// request; "Female" was stored as typed and missed the rules for women.
func TestKindAndSexCanonicalAtTheBoundary(t *testing.T) {
	e := newEnv(t)
	e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 50, OveruseThreshold: 50})
	tok := e.openAccount("amara@example.com")
	code, m := e.call("POST", "/api/v1/claims", tok, map[string]any{"nhsNumber": "9990000018",
		"givenName": "Amara", "familyName": "Obi", "birthDate": "1995-03-14", "sex": "Female"})
	if code != http.StatusAccepted {
		t.Fatalf("claim with sex Female: %d %v", code, m)
	}
	pid := int64(m["patientId"].(float64))
	p, err := e.q.Patient(context.Background(), pid)
	if err != nil || p.Sex != triage.Female {
		t.Fatalf("stored sex %q, %v; want %q", p.Sex, err, triage.Female)
	}
	for _, kind := range []string{"Clinical", " admin", "ADMIN", "clinical "} {
		code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": kind, "text": "fit note please"})
		if code != http.StatusCreated {
			t.Fatalf("kind %q: %d %v, want 201", kind, code, m)
		}
		r, err := e.q.Request(context.Background(), int64(m["id"].(float64)))
		want, _ := triage.ParseKind(kind)
		if err != nil || r.Kind != want {
			t.Fatalf("kind %q stored as %q, %v; want %q", kind, r.Kind, err, want)
		}
	}
	code, m = e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "Clinical",
		"text": "I'm 34 weeks pregnant and have a bad headache with flashing lights and my face and hands are puffy"})
	if code != http.StatusCreated {
		t.Fatalf("pre-eclampsia: %d %v", code, m)
	}
	if r, _ := e.q.Request(context.Background(), int64(m["id"].(float64))); r.Priority != triage.Emergency {
		t.Fatalf("pre-eclampsia from a patient registered as %q: %s, want emergency", "Female", r.Priority)
	}
}

// TestBadInputIsRefusedNotDropped: every fault is a 422 with a reason, nothing is
// stored, and nothing the client sent is silently dropped.
func TestBadInputIsRefusedNotDropped(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	tests := []struct {
		name, body, says string
	}{
		{"second object", `{"kind":"admin","text":"fit note"}{"kind":"clinical","text":"chest pain"}`, "more after the first"},
		{"second value", `{"kind":"admin","text":"fit note"} 7`, "more after the first"},
		{"duplicate key", `{"kind":"admin","text":"fit note","text":"crushing chest pain"}`, "appears twice"},
		{"duplicate key in another case", `{"kind":"admin","Kind":"clinical","text":"fit note"}`, "appears twice"},
		{"not UTF-8", "{\"kind\":\"admin\",\"text\":\"fit note \xff\"}", "not UTF-8"},
		{"empty body", ``, "empty"},
		{"an array", `[{"kind":"admin","text":"fit note"}]`, "expected shape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.countRequests()
			code, m := e.call("POST", "/api/v1/requests", tok, tt.body)
			if code != http.StatusUnprocessableEntity || !strings.Contains(message(m), tt.says) {
				t.Fatalf("%d %q, want 422 saying %q", code, message(m), tt.says)
			}
			if d := details(m); !strings.Contains(d, "not sent") || strings.Contains(d, "JSON") {
				t.Errorf("a patient reads %q: want plain words saying it was not sent", d)
			}
			if n := e.countRequests(); n != before {
				t.Fatalf("%d requests stored after a refusal, want %d", n, before)
			}
		})
	}
}

func TestRegistrationChecks(t *testing.T) {
	e := newEnv(t)
	tok := e.openAccount("n@example.com")
	future := time.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	tooOld := time.Now().AddDate(-121, 0, 0).Format(time.DateOnly)
	reg := func(change map[string]any) map[string]any {
		m := map[string]any{"nhsNumber": "9990000026", "givenName": "Kwame", "familyName": "Okafor", "birthDate": "1985-01-15", "sex": "male"}
		for k, v := range change {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name    string
		body    map[string]any
		patient string // what the patient reads
	}{
		{"date of birth in the future", reg(map[string]any{"birthDate": future}), "in the future"},
		{"date of birth over 120 years ago", reg(map[string]any{"birthDate": tooOld}), "more than 120 years ago"},
		{"NHS number 0000000000", reg(map[string]any{"nhsNumber": "0000000000"}), "letters from your GP"},
		{"NHS number mistyped", reg(map[string]any{"nhsNumber": "9990000019"}), "letters from your GP"},
		{"family name of 101 characters", reg(map[string]any{"familyName": strings.Repeat("a", 101)}), "longer than 100"},
		{"given name of 101 characters", reg(map[string]any{"givenName": strings.Repeat("é", 101)}), "longer than 100"},
		{"unknown sex", reg(map[string]any{"sex": "x"}), "female or male"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := e.call("POST", "/api/v1/claims", tok, tt.body)
			if code != http.StatusUnprocessableEntity || !strings.Contains(details(m), tt.patient) {
				t.Fatalf("%d %q, want 422 telling the patient %q", code, details(m), tt.patient)
			}
			if d := details(m); strings.Contains(d, "patient's record") || strings.Contains(d, "this patient") {
				t.Errorf("a patient reads %q, which is written for staff", d)
			}
		})
	}
	if code, m := e.call("POST", "/api/v1/claims", tok, reg(map[string]any{"familyName": strings.Repeat("a", 100)})); code != http.StatusAccepted {
		t.Fatalf("a name of exactly 100 characters: %d %v", code, m)
	}
}

// TestPatientMessagesAreForPatients: the limit refusal asked patients to "reply to an
// open request", which they cannot do.
func TestPatientMessagesAreForPatients(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 1, OveruseThreshold: 8})
	e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "fit note please"})
	code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "letter please"})
	if code != http.StatusTooManyRequests {
		t.Fatalf("over the limit: %d %v", code, m)
	}
	for _, text := range []string{details(m), message(m)} {
		if strings.Contains(text, "reply to") || !strings.Contains(text, "111") {
			t.Errorf("the refusal says %q: it must not ask for a reply a patient cannot send, and must name 111", text)
		}
	}
	if !strings.HasPrefix(details(m), "You already have 1 request") {
		t.Errorf("a patient reads %q, want it addressed to them", details(m))
	}
	// The staff API keeps staff wording and no patient text.
	code, m = e.call("GET", "/fhir/Task/999", e.manager, nil)
	if code != http.StatusNotFound || details(m) != "" {
		t.Errorf("staff API 404: %d, details %q; want 404 without patient wording", code, details(m))
	}
}

// TestRetryAfterOn429And503: a client is told when to try again.
func TestRetryAfterOn429And503(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 1, OveruseThreshold: 8})
	post := func() *http.Response {
		req, _ := http.NewRequest("POST", e.http.URL+"/api/v1/requests", strings.NewReader(`{"kind":"admin","text":"fit note please"}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	post()
	if resp := post(); resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("429: status %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	e.srv.SetClock(func() time.Time { return saturday }) // reopens Monday 08:00, 46 hours on
	resp := post()
	secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if resp.StatusCode != 503 || err != nil || secs != int((46*time.Hour).Seconds()) {
		t.Errorf("503 at the weekend: status %d, Retry-After %q; want the seconds until Monday 08:00 (%d)", resp.StatusCode, resp.Header.Get("Retry-After"), int((46 * time.Hour).Seconds()))
	}
}

// TestTaskUpdateRefusesWhatItCannotApply: a PUT that changes description or an
// extension was answered 200 and the change silently ignored.
func TestTaskUpdateRefusesWhatItCannotApply(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "fit note please"})
	if code != 201 {
		t.Fatalf("submit: %d %v", code, m)
	}
	id := strconv.Itoa(int(m["id"].(float64)))
	amy := e.user("amy", store.RoleReviewer)
	get := func() (map[string]any, string) {
		req, _ := http.NewRequest("GET", e.http.URL+"/fhir/Task/"+id, nil)
		req.Header.Set("Authorization", "Bearer "+amy)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var task map[string]any
		json.NewDecoder(resp.Body).Decode(&task)
		return task, resp.Header.Get("ETag")
	}
	put := func(task map[string]any, etag string) (int, map[string]any) {
		b, _ := json.Marshal(task)
		req, _ := http.NewRequest("PUT", e.http.URL+"/fhir/Task/"+id, strings.NewReader(string(b)))
		req.Header.Set("Authorization", "Bearer "+amy)
		req.Header.Set("If-Match", etag)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	tests := []struct {
		name   string
		change func(map[string]any)
		says   string
	}{
		{"description", func(t map[string]any) { t["description"] = "nothing to see" }, "description cannot be changed"},
		{"an extension's value", func(t map[string]any) {
			exts := t["extension"].([]any)
			exts[0].(map[string]any)["valueDateTime"] = "2030-01-01T00:00:00Z"
		}, "extension cannot be changed"},
		{"an extension added", func(t map[string]any) {
			t["extension"] = append(t["extension"].([]any), map[string]any{"url": "urn:x", "valueString": "y"})
		}, "extension cannot be changed"},
		{"status without businessStatus", func(t map[string]any) { t["status"] = "completed" }, "does not match businessStatus"},
		{"the response", func(t map[string]any) {
			t["output"] = []any{map[string]any{"type": map[string]any{"text": "response"}, "valueString": "all fine"}}
		}, "output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task, etag := get()
			tt.change(task)
			code, m := put(task, etag)
			if code != http.StatusUnprocessableEntity || !strings.Contains(message(m), tt.says) {
				t.Fatalf("%d %q, want 422 saying %q", code, message(m), tt.says)
			}
		})
	}
	task, etag := get()
	task["priority"] = "urgent" // same-day: a change the update can make
	if code, m := put(task, etag); code != 200 || m["priority"] != "urgent" {
		t.Fatalf("a priority change: %d %v", code, m)
	}
}

// TestLinksAreAbsolute: a third-party client joined "/fhir/Task?…" to its base
// ".../fhir" and asked for /fhir/fhir/Task.
func TestLinksAreAbsolute(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 10, OveruseThreshold: 8})
	for i := 0; i < 3; i++ {
		e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "fit note please"})
	}
	get := func(url string, header map[string]string) fhir.Bundle {
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set("Authorization", "Bearer "+e.manager)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b fhir.Bundle
		if err := json.NewDecoder(resp.Body).Decode(&b); err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
		}
		return b
	}
	b := get(e.http.URL+"/fhir/Task?_count=2", nil)
	next := b.Next()
	if next != e.http.URL+"/fhir/Task?_count=2&_offset=2" {
		t.Fatalf("next link %q, want it absolute", next)
	}
	for _, en := range b.Entry {
		if !strings.HasPrefix(en.FullURL, e.http.URL+"/fhir/Task/") {
			t.Errorf("fullUrl %q is not absolute", en.FullURL)
		}
	}
	if page2 := get(next, nil); len(page2.Entry) != 1 {
		t.Fatalf("following next gave %d entries, want the last 1", len(page2.Entry))
	}
	feed := get(e.http.URL+"/api/v1/feed?_count=1", nil)
	if n := feed.Next(); !strings.HasPrefix(n, e.http.URL+fhir.FeedPath+"?cursor=") {
		t.Fatalf("feed next link %q, want it absolute", n)
	}

	// X-Forwarded-* is believed only from a proxy the queue is told is there.
	fwd := map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-Host": "queue.example.nhs.uk"}
	b = get(e.http.URL+"/fhir/Task?_count=2", fwd)
	if n := b.Next(); !strings.HasPrefix(n, e.http.URL) {
		t.Errorf("without --behind-proxy a client's X-Forwarded-Host moved the link to %q", n)
	}
	e.srv.SetNetwork(server.Network{BehindProxy: true})
	b = get(e.http.URL+"/fhir/Task?_count=2", fwd)
	if n := b.Next(); !strings.HasPrefix(n, "https://queue.example.nhs.uk/fhir/Task?") {
		t.Errorf("behind a proxy: next link %q, want the proxy's https address", n)
	}
	e.srv.SetNetwork(server.Network{PublicURL: "https://queue.example.nhs.uk/"})
	b = get(e.http.URL+"/fhir/Task?_count=2", nil)
	if n := b.Next(); n != "https://queue.example.nhs.uk/fhir/Task?_count=2&_offset=2" {
		t.Errorf("with a public URL: next link %q", n)
	}
}

// TestCapabilityNamesAServedOperationDefinition: the operation's definition was prose,
// which fails the R4 schema (it must be a canonical URL).
func TestCapabilityNamesAServedOperationDefinition(t *testing.T) {
	e := newEnv(t)
	getJSON := func(url string) map[string]any {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
		}
		return m
	}
	cs := getJSON(e.http.URL + "/fhir/metadata")
	if impl, _ := cs["implementation"].(map[string]any); impl["url"] != e.http.URL+"/fhir" {
		t.Errorf("implementation %v: a CapabilityStatement of kind instance needs it (cpb-15)", cs["implementation"])
	}
	var defs []string
	for _, rest := range cs["rest"].([]any) {
		for _, res := range rest.(map[string]any)["resource"].([]any) {
			ops, _ := res.(map[string]any)["operation"].([]any)
			for _, op := range ops {
				defs = append(defs, op.(map[string]any)["definition"].(string))
			}
		}
	}
	if len(defs) == 0 {
		t.Fatal("no operations in the CapabilityStatement")
	}
	for _, d := range defs {
		if strings.ContainsAny(d, " {}") || !strings.HasPrefix(d, "http") {
			t.Fatalf("definition %q is not a canonical URL", d)
		}
		od := getJSON(d)
		if od["resourceType"] != "OperationDefinition" || od["url"] != d {
			t.Fatalf("%s serves %v %v, want the OperationDefinition whose url is that address", d, od["resourceType"], od["url"])
		}
		for _, field := range []string{"name", "status", "kind", "code", "system", "type", "instance"} {
			if _, ok := od[field]; !ok {
				t.Errorf("OperationDefinition lacks %s, which R4 requires", field)
			}
		}
	}
	resp, err := http.Get(e.http.URL + "/fhir/OperationDefinition/nothing")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("an unknown OperationDefinition: %d, want 404", resp.StatusCode)
	}
}
