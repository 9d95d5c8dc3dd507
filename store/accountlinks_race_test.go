package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"triagedesk/triage"
)

// TestAccountLinkWorksOnceForRacingRequests: two requests use the same emailed link at
// the same moment, through two handles on one queue file (two processes, or a double
// press reaching two servers): exactly one of them uses it, the other is told the link
// has been used, and for a reset the password is the winner's. Several rounds, so the
// two are really at the same moment in some of them.
func TestAccountLinkWorksOnceForRacingRequests(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	var handles [2]*Queue
	for i := range handles {
		q, err := OpenQueue(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { q.Close() })
		handles[i] = q
	}
	id, _, err := handles[0].SignUp(ctx, "ann@example.com", "$argon2id$first")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		purpose string
		use     func(q *Queue, token, password string) (int64, error)
	}{
		{LinkResetPassword, func(q *Queue, token, password string) (int64, error) { return q.ResetPassword(ctx, token, password) }},
		{LinkSignIn, func(q *Queue, token, _ string) (int64, error) { return q.UseSignInLink(ctx, token) }},
	} {
		t.Run(tt.purpose, func(t *testing.T) {
			for round := range 10 {
				token, err := handles[0].NewAccountLink(ctx, id, tt.purpose, time.Hour, "test")
				if err != nil {
					t.Fatal(err)
				}
				var errs [2]error
				start := make(chan struct{})
				var wg sync.WaitGroup
				for i, q := range handles {
					wg.Go(func() {
						<-start
						var got int64
						got, errs[i] = tt.use(q, token, fmt.Sprintf("$argon2id$round%d-request%d", round, i))
						if errs[i] == nil && got != id {
							errs[i] = fmt.Errorf("used for account %d, want %d", got, id)
						}
					})
				}
				close(start)
				wg.Wait()
				winner := -1
				for i, err := range errs {
					switch {
					case err == nil && winner >= 0:
						t.Fatalf("round %d: both requests used the one link", round)
					case err == nil:
						winner = i
					case triage.ErrorCode(err) != triage.ENOTFOUND:
						t.Fatalf("round %d: request %d: %v, want the link refused as used", round, i, err)
					}
				}
				if winner < 0 {
					t.Fatalf("round %d: neither request used the link: %v", round, errs)
				}
				if tt.purpose != LinkResetPassword {
					continue
				}
				l, err := handles[0].LoginByEmail(ctx, "ann@example.com")
				if err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprintf("$argon2id$round%d-request%d", round, winner); l.PasswordHash != want {
					t.Fatalf("round %d: the password is %q, want the winner's %q", round, l.PasswordHash, want)
				}
			}
		})
	}
}
