package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// serve sends one request to the fuzzed server without the network, so a fuzz run
// spends its time in the parsers rather than on sockets.
func (e *env) serve(method, path, token, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	return rec
}

// FuzzAvailabilitySetting: whatever a manager's desk sends as the opening schedule,
// closures and switch, the queue answers 200 or a 4xx saying what is wrong; never a
// 500. A schedule it accepts must then work: the settings read back, and a patient's
// submission is taken or refused with a reason (the opening check runs over it, and
// must end), never a 500.
func FuzzAvailabilitySetting(f *testing.F) {
	e := newEnv(f)
	tok, _ := e.account("fuzz@example.com", "9990000018", "Ruth", "Okafor", "1988-04-02")
	f.Add(`{"schedule":{"mon":[{"from":"08:00","to":"18:30"}],"sun":[]},"openOnBankHolidays":true}`)
	f.Add(`{"schedule":{"tue":[{"from":"00:00","to":"24:00"}],"sat":[{"from":"09:00","to":"12:00"},{"from":"13:00","to":"13:01"}]}}`)
	f.Add(`{"schedule":{},"switch":"clinical-paused","switchUntil":"2026-11-24T12:00:00Z"}`)
	f.Add(`{"closures":[{"from":"2026-11-24T09:00:00Z","to":"2026-11-24T11:00:00Z","reason":"Staff training"}]}`)
	f.Add(`{"schedule":{"wed":[{"from":"24:00","to":"24:00"}]}}`)
	f.Add(`{"schedule":{"thu":[{"from":"8:00","to":"18:30"}]}}`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := e.serve("PUT", "/api/v1/settings/availability", e.manager, body)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d: %s", body, rec.Code, rec.Body.String())
		}
		if rec.Code != http.StatusOK {
			return
		}
		if rec := e.serve("GET", "/api/v1/settings", e.manager, ""); rec.Code != http.StatusOK {
			t.Fatalf("after %q the settings read %d: %s", body, rec.Code, rec.Body.String())
		}
		rec = e.serve("POST", "/api/v1/requests", tok, `{"kind":"admin","text":"fit note please"}`)
		if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("after %q a submission got %d: %s", body, rec.Code, rec.Body.String())
		}
	})
}

// FuzzPatientReply: whatever a patient's app sends as a reply to the practice, the
// answer is 201 or a 4xx with a message for the patient; never a 500.
func FuzzPatientReply(f *testing.F) {
	e := newEnv(f)
	tok, _ := e.account("fuzz@example.com", "9990000018", "Ruth", "Okafor", "1988-04-02")
	rec := e.serve("POST", "/api/v1/requests", tok, `{"kind":"admin","text":"fit note please"}`)
	if rec.Code != http.StatusCreated {
		f.Fatalf("the request to reply to: %d %s", rec.Code, rec.Body.String())
	}
	var id int64
	fmt.Sscanf(rec.Body.String(), `{"id":%d`, &id)
	path := fmt.Sprintf("/api/v1/requests/%d/messages", id)
	f.Add(`{"text":"Mostly bread"}`)
	f.Add(`{"text":""}`)
	f.Add(`{"text":"\u0000\ud800"}`)
	f.Add(`{"text":"a","text":"b"}`)
	f.Add(`{"text":["a"]}`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := e.serve("POST", path, tok, body)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d: %s", body, rec.Code, rec.Body.String())
		}
		if rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"details":{"text":"`) {
			t.Fatalf("%q: a refusal without a message for the patient: %s", body, rec.Body.String())
		}
	})
}

// FuzzTemplateAPI: whatever a manager's desk sends as a reply template (its name,
// body, placeholders, use), the answer is 201 or a 4xx saying what is wrong; never a
// 500. A template it keeps reads back in the list every desk fetches.
func FuzzTemplateAPI(f *testing.F) {
	e := newEnv(f)
	f.Add(`{"name":"Photo","body":"Hello {first name}, a photo please. {practice}","suits":"respond"}`)
	f.Add(`{"name":"Pharmacy","body":"Please see {practice phone} {booking link}","suits":"signpost","signpost":"pharmacy"}`)
	f.Add(`{"name":"x","body":"{first_name} {","suits":"respond"}`)
	f.Add(`{"name":"","body":"}{","suits":"call-999"}`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := e.serve("POST", "/api/v1/templates", e.manager, body)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d: %s", body, rec.Code, rec.Body.String())
		}
		if rec.Code < 300 {
			if got := e.serve("GET", "/api/v1/templates", e.manager, ""); got.Code != http.StatusOK {
				t.Fatalf("after %q the templates read %d: %s", body, got.Code, got.Body.String())
			}
		}
	})
}
