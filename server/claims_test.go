package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestAClaimFromSignUpToVerified follows one patient: sign up, a request sent before
// the practice checked who they are (marked unverified, its reply withheld), the desk's
// verification queue with the list's best match, the practice's decision, and then the
// reply. Emails hold no clinical content; every step is in the audit trail.
func TestAClaimFromSignUpToVerified(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ruth := e.listed("9990000018", "Ruth", "Okafor", "1988-04-02", triage.Female)
	tok := e.openAccount("ruth@example.com")
	if code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "fit note please"}); code != http.StatusForbidden || !strings.Contains(message(m)+details(m), "who you are") {
		t.Fatalf("a request before any claim: %d %v", code, m)
	}
	claim := e.claimOK(tok, map[string]any{"nhsNumber": "999 000 0018", "givenName": "Ruth", "familyName": "okafor", "birthDate": "1988-04-02", "sex": "female"})
	code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "my blood test results please"})
	if code != http.StatusCreated {
		t.Fatalf("a request while the claim waits: %d %v", code, m)
	}
	id := int64(m["id"].(float64))
	req, err := e.q.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	prov, err := e.q.Patient(ctx, req.PatientID)
	if err != nil || !prov.Unverified || prov.ID == ruth.ID {
		t.Fatalf("the request went to patient %+v, %v: want the claim's unverified record", prov, err)
	}
	for i, a := range []map[string]any{{"kind": "assign", "team": "admin"}, {"kind": "respond", "message": "Your cholesterol is 7.2", "channel": "message"}} {
		if code, _, b := e.do("POST", fmt.Sprintf("/fhir/Task/%d/$act", id), e.manager, a, http.Header{"If-Match": {fmt.Sprintf(`W/"%d"`, i+1)}}); code != 200 {
			t.Fatalf("the practice's reply: %d %s", code, b)
		}
	}
	if code, _, body := e.do("GET", "/api/v1/requests", tok, nil, nil); code != 200 || strings.Contains(body, "cholesterol") || !strings.Contains(body, `"identityVerified":false`) {
		t.Fatalf("before the check the patient reads %d %s: want their request without the reply", code, body)
	}

	// The desk's verification queue: a clinician may not see it; a reviewer sees the
	// claim with Ruth as the best match.
	clinician, err := e.q.AddUser(ctx, "dr gp", store.RoleClinician, triage.TeamGP)
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := e.call("GET", "/api/v1/claims", clinician, nil); code != http.StatusForbidden {
		t.Fatalf("a clinician reads the verification queue: %d", code)
	}
	reviewer := e.user("rita", store.RoleReviewer)
	var open []triage.Claim
	if code, _, body := e.do("GET", "/api/v1/claims", reviewer, nil, nil); code != 200 {
		t.Fatalf("verification queue: %d %s", code, body)
	} else if err := jsonUnmarshal(body, &open); err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].ID != claim || len(open[0].Matches) == 0 || open[0].Matches[0].ID != ruth.ID {
		t.Fatalf("verification queue %+v: want claim %d with patient %d first", open, claim, ruth.ID)
	}
	tests := []struct {
		name     string
		decision triage.ClaimDecision
		status   int
	}{
		{"verify without a patient", triage.ClaimDecision{Decision: triage.ClaimVerified}, 422},
		{"verify as an unverified record", triage.ClaimDecision{Decision: triage.ClaimVerified, PatientID: prov.ID}, 422},
		{"ask for ID", triage.ClaimDecision{Decision: triage.ClaimAskID, Note: "two Ruth Okafors"}, 200},
		{"verify", triage.ClaimDecision{Decision: triage.ClaimVerified, PatientID: ruth.ID}, 200},
		{"decide twice", triage.ClaimDecision{Decision: triage.ClaimRejected}, 412},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, m := e.call("POST", fmt.Sprintf("/api/v1/claims/%d/decision", claim), reviewer, tt.decision); code != tt.status {
				t.Fatalf("%d %v, want %d", code, m, tt.status)
			}
		})
	}
	moved, err := e.q.Request(ctx, id)
	if err != nil || moved.PatientID != ruth.ID || moved.Version != req.Version+3 {
		t.Fatalf("after the check the request is %+v, %v: want it on patient %d, a new version", moved, err, ruth.ID)
	}
	if code, _, body := e.do("GET", "/api/v1/requests", tok, nil, nil); code != 200 || !strings.Contains(body, "cholesterol") {
		t.Fatalf("after the check the patient reads %d %s: want the reply", code, body)
	}
	if code, _, body := e.do("GET", "/api/v1/account", tok, nil, nil); code != 200 || !strings.Contains(body, `"verified":true`) {
		t.Fatalf("account after the check: %d %s", code, body)
	}

	// Emails: a confirmation link, then "sign in to see": no names, nothing clinical.
	if n := e.mail.count("ruth@example.com"); n < 2 {
		t.Fatalf("%d emails to the patient, want the link and two notices", n)
	}
	for i := 1; i <= e.mail.count("ruth@example.com"); i++ {
		body := e.mail.wait("ruth@example.com", i).Body()
		for _, word := range []string{"Ruth", "Okafor", "blood", "cholesterol", "9990000018", "999 000 0018"} {
			if strings.Contains(body, word) {
				t.Fatalf("email %d holds %q: %s", i, word, body)
			}
		}
	}
	trail := e.auditActions(t)
	for _, want := range []string{"sign-up", "email-confirmed", "sign-in", "claim", "read-claims", "claim-decision", "identity-verified"} {
		if !trail[want] {
			t.Errorf("no %q in the audit trail (have %v)", want, trail)
		}
	}
}

// TestDependantClaims: only a verified adult claims a child; a claim for an adult is a
// proxy request; a practice cannot verify a "child" who is an adult on the list.
func TestDependantClaims(t *testing.T) {
	e := newEnv(t)
	adult := e.listed("9990000042", "Grace", "Okafor", "1950-05-05", triage.Female)
	sam := e.listed("9991111115", "Sam", "Okafor", "2021-06-30", triage.Male)
	newcomer := e.openAccount("new@example.com")
	child := map[string]any{"kind": "dependant", "nhsNumber": "9991111115", "givenName": "Sam", "familyName": "Okafor", "birthDate": "2021-06-30", "sex": "male"}
	if code, m := e.call("POST", "/api/v1/claims", newcomer, child); code != http.StatusForbidden {
		t.Fatalf("an unverified account claims a child: %d %v", code, m)
	}
	dad, _ := e.account("kwame@example.com", "9990000026", "Kwame", "Okafor", "1985-01-15")
	_, m := e.call("POST", "/api/v1/claims", dad, map[string]any{"kind": "dependant", "nhsNumber": "9990000042", "givenName": "Grace", "familyName": "Okafor", "birthDate": "1950-05-05", "sex": "female"})
	if m["kind"] != string(triage.ClaimProxy) {
		t.Fatalf("a claim for an adult is %v, want a proxy claim", m["kind"])
	}
	// Claimed as a child, but the list says the patient is an adult.
	wrong := e.claimOK(dad, with(child, "nhsNumber", "9990000042", "givenName", "Grace"))
	if code, m := e.decide(wrong, triage.ClaimVerified, adult.ID); code != 422 || !strings.Contains(message(m), "proxy") {
		t.Fatalf("verifying an adult as a child: %d %v", code, m)
	}
	if code, m := e.decide(e.claimOK(dad, child), triage.ClaimVerified, sam.ID); code != 200 {
		t.Fatalf("verifying the child: %d %v", code, m)
	}
	if code, m := e.call("POST", "/api/v1/requests", dad, map[string]any{"patientId": sam.ID, "kind": "admin", "text": "school letter"}); code != 201 {
		t.Fatalf("a request for the verified child: %d %v", code, m)
	}
}

// auditActions returns the actions in the queue's audit trail.
func (e *env) auditActions(t *testing.T) map[string]bool {
	t.Helper()
	db, err := sqlOpenRO(e.q.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT DISTINCT action FROM audit`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var a string
		rows.Scan(&a)
		out[a] = true
	}
	return out
}
