package server_test

import (
	"context"
	"net/http"
	"testing"

	"triagedesk/store"
)

// TestSignInCacheRevokeFromAnotherProcessIsAtOnce: the queue answers token checks from
// memory, and `queueserver user revoke` run beside the serving queue (a second handle
// on the same file) still ends the token on the very next request, a feed long poll
// included.
func TestSignInCacheRevokeFromAnotherProcessIsAtOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	amy := e.user("amy", store.RoleReviewer)
	for range 3 { // the answer is in memory after the first
		if code, _ := e.call("GET", "/api/v1/whoami", amy, nil); code != http.StatusOK {
			t.Fatalf("before the revoke: %d", code)
		}
	}
	other, err := store.OpenQueue(ctx, e.q.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.RevokeUser(ctx, "amy", "mo"); err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/whoami", "/api/v1/feed?wait=1"} {
		if code, m := e.call("GET", path, amy, nil); code != http.StatusUnauthorized {
			t.Errorf("%s after the revoke: %d %v, want 401", path, code, m)
		}
	}
}
