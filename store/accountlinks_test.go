package store

import (
	"context"
	"testing"
	"time"
)

// TestSignInLinkClearsAPasswordChosenBeforeTheAddressWasConfirmed: someone signs up
// with another person's email address and a password of their own; the owner of the
// address, who never signed up, later asks for a sign-in link and uses it. The link
// confirms the address, and the stranger's password must stop working, or they would
// read everything the owner then sends. A password chosen on a confirmed account stays.
func TestSignInLinkClearsAPasswordChosenBeforeTheAddressWasConfirmed(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name          string
		confirmed     bool
		wantPassword  string
		wantAuditRows int
	}{
		{"address never confirmed", false, "", 1},
		{"address confirmed before", true, "$argon2id$owner", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q := openQueueTest(t)
			hash := "$argon2id$stranger"
			if tt.confirmed {
				hash = "$argon2id$owner"
			}
			id, _, err := q.SignUp(ctx, "owner@example.com", hash)
			if err != nil {
				t.Fatal(err)
			}
			if tt.confirmed {
				tok, err := q.NewEmailLink(ctx, id, time.Hour)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := q.ConfirmEmail(ctx, tok); err != nil {
					t.Fatal(err)
				}
			}
			tok, err := q.NewAccountLink(ctx, id, LinkSignIn, 15*time.Minute, "test")
			if err != nil {
				t.Fatal(err)
			}
			if got, err := q.UseSignInLink(ctx, tok); err != nil || got != id {
				t.Fatalf("use the sign-in link: account %d, %v", got, err)
			}
			l, err := q.LoginByEmail(ctx, "owner@example.com")
			if err != nil {
				t.Fatal(err)
			}
			if !l.EmailVerified || l.PasswordHash != tt.wantPassword {
				t.Errorf("after the link: verified %v, password %q; want verified, password %q", l.EmailVerified, l.PasswordHash, tt.wantPassword)
			}
			entries, err := q.AuditLog(ctx, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, e := range entries {
				if e.Action == "password-cleared" {
					n++
				}
			}
			if n != tt.wantAuditRows {
				t.Errorf("%d password-cleared audit entries, want %d", n, tt.wantAuditRows)
			}
		})
	}
}
