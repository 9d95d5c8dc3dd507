package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"triagedesk/store"
)

// TestTokensExpireAndEnd: staff and patient tokens stop working when revoked, signed
// out or expired, each with a message saying what to do.
func TestTokensExpireAndEnd(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	amy := e.user("amy", store.RoleReviewer)
	lee := e.user("lee", store.RoleReviewer)
	patient := e.openAccount("pat@example.com")
	later := e.openAccount("later@example.com")
	if code, _ := e.call("GET", "/api/v1/whoami", amy, nil); code != 200 {
		t.Fatalf("a new staff token: %d", code)
	}
	if err := e.q.RevokeUser(ctx, "amy", "mo"); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := e.do("DELETE", "/api/v1/session", lee, nil, nil); code != http.StatusNoContent {
		t.Fatalf("staff sign-out: %d", code)
	}
	if code, _, _ := e.do("DELETE", "/api/v1/session", patient, nil, nil); code != http.StatusNoContent {
		t.Fatalf("patient sign-out: %d", code)
	}
	tests := []struct {
		name, path, token, says string
	}{
		{"revoked staff token", "/api/v1/whoami", amy, "queueserver user token"},
		{"staff signed out", "/api/v1/whoami", lee, "signed out or revoked"},
		{"patient signed out", "/api/v1/account", patient, "signed out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := e.call("GET", tt.path, tt.token, nil)
			if code != http.StatusUnauthorized || !strings.Contains(message(m)+details(m), tt.says) {
				t.Fatalf("%d %v, want 401 saying %q", code, m, tt.says)
			}
		})
	}
	// A day and a bit later the patient's sign-in has expired; in 91 days the staff token.
	e.q.Now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	if code, m := e.call("GET", "/api/v1/account", later, nil); code != http.StatusUnauthorized || !strings.Contains(message(m)+details(m), "expired") {
		t.Fatalf("a patient's token after 25 hours: %d %v", code, m)
	}
	e.q.Now = func() time.Time { return time.Now().Add(91 * 24 * time.Hour) }
	if code, m := e.call("GET", "/api/v1/whoami", e.manager, nil); code != http.StatusUnauthorized || !strings.Contains(message(m), "expired") {
		t.Fatalf("a staff token after 91 days: %d %v", code, m)
	}
}
