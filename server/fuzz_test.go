package server_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzSubmission: whatever a patient's app sends, the server answers 201 or a 4xx or
// 503 with a reason; never a 500, never a panic.
func FuzzSubmission(f *testing.F) {
	e := newEnv(f)
	tok, _ := e.account("fuzz@example.com", "9990000018", "Ruth", "Okafor", "1988-04-02")
	f.Add(`{"kind":"clinical","text":"crushing chest pain"}`)
	f.Add(`{"kind":"admin","text":"fit note","patientId":1}`)
	f.Add(`{"kind":"clinical","text":""}`)
	f.Add(`{"kind":7}`)
	f.Add(`{"kind":"admin","text":"fit note","patientId":1e400}`) // past float64 and int64: a 4xx, not a 500
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/api/v1/requests", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("%q: status %d: %s", body, rec.Code, rec.Body.String())
		}
	})
}

// FuzzClaim: whatever a patient's app sends as their identity details, the answer is
// 202 or a 4xx with a message for the patient; never a 500, never a panic.
func FuzzClaim(f *testing.F) {
	e := newEnv(f)
	tok := e.openAccount("fuzz@example.com")
	f.Add(`{"nhsNumber":"9990000026","givenName":"Kwame","familyName":"Okafor","birthDate":"1985-01-15","sex":"Male"}`)
	f.Add(`{"nhsNumber":"0000000000","givenName":"A","familyName":"B","birthDate":"2999-01-01"}`)
	f.Add(`{"kind":"dependant","nhsNumber":"9990000034","givenName":"A","familyName":"B","birthDate":"1900-01-01","sex":" female ","relationship":"son"}`)
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/api/v1/claims", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d: %s", body, rec.Code, rec.Body.String())
		}
		if rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"details":{"text":"`) {
			t.Fatalf("%q: a refusal without a message for the patient: %s", body, rec.Body.String())
		}
	})
}
