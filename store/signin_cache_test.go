package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestSignInCacheSeesEveryChangeFromAnotherProcess: token checks are answered from
// memory, and every change to what they read, made through a second handle on the
// same file (as `queueserver user revoke` does while the server runs), is seen on the
// very next check: a revoked or signed-out token is refused at once, a verified claim
// shows at once. Each case first checks the token, so its answer is in memory.
func TestSignInCacheSeesEveryChangeFromAnotherProcess(t *testing.T) {
	ctx := context.Background()
	birth := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		staff  bool
		change func(t *testing.T, other *store.Queue, token string, claim triage.Claim, listed int64)
		want   string // the refusal's words; "" when the token still works
		check  func(t *testing.T, a triage.Account, listed int64)
	}{
		{"staff token revoked", true, func(t *testing.T, other *store.Queue, _ string, _ triage.Claim, _ int64) {
			must(t, other.RevokeUser(ctx, "amy", "mo"))
		}, "signed out or revoked", nil},
		{"staff signed out", true, func(t *testing.T, other *store.Queue, token string, _ triage.Claim, _ int64) {
			must(t, other.SignOutUser(ctx, token))
		}, "signed out or revoked", nil},
		{"staff given a new token", true, func(t *testing.T, other *store.Queue, _ string, _ triage.Claim, _ int64) {
			_, err := other.NewUserToken(ctx, "amy", "mo")
			must(t, err)
		}, "not a staff token", nil},
		{"patient signed out", false, func(t *testing.T, other *store.Queue, token string, _ triage.Claim, _ int64) {
			must(t, other.EndSession(ctx, token))
		}, "signed out", nil},
		{"patient's claim verified", false, func(t *testing.T, other *store.Queue, _ string, c triage.Claim, listed int64) {
			_, err := other.DecideClaim(ctx, c.ID, triage.ClaimDecision{Decision: triage.ClaimVerified, PatientID: listed}, "mo")
			must(t, err)
		}, "", func(t *testing.T, a triage.Account, listed int64) {
			if !a.Verified || a.PatientID != listed {
				t.Errorf("after the claim was verified: %+v, want verified as patient %d", a, listed)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "queue.db")
			q, err := store.OpenQueue(ctx, path)
			must(t, err)
			defer q.Close()
			listed := triage.Patient{ID: 1, Version: 1, NHSNumber: testNHSNumber(t, 0), GivenName: "Ann", FamilyName: "Green", BirthDate: birth, Sex: triage.Female, SiteID: "main", GPTeamID: "blue"}
			must(t, q.Import(ctx, store.Changes{Sites: []triage.Site{{ID: "main", Name: "Main"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}},
				Patients: []triage.Patient{listed}}))
			var token string
			var claim triage.Claim
			if tt.staff {
				token, err = q.AddUser(ctx, "amy", store.RoleReviewer, "")
				must(t, err)
			} else {
				acc, _, err := q.SignUp(ctx, "ann@example.com", "x")
				must(t, err)
				c, err := triage.ValidateClaimed(triage.Claim{Kind: triage.ClaimSelf, NHSNumber: listed.NHSNumber, GivenName: "Ann", FamilyName: "Green", BirthDate: birth}, birth.AddDate(40, 0, 0))
				must(t, err)
				claim, err = q.SubmitClaim(ctx, acc, c)
				must(t, err)
				token, _, err = q.StartSession(ctx, acc, time.Hour)
				must(t, err)
			}
			check := func() (triage.Account, error) {
				if tt.staff {
					_, err := q.UserByToken(ctx, token)
					return triage.Account{}, err
				}
				return q.AccountByToken(ctx, token)
			}
			for range 2 { // the second from memory
				if a, err := check(); err != nil {
					t.Fatalf("before the change: %v", err)
				} else if !tt.staff && a.Verified {
					t.Fatalf("before the claim was verified: %+v", a)
				}
			}
			other, err := store.OpenQueue(ctx, path)
			must(t, err)
			tt.change(t, other, token, claim, listed.ID)
			must(t, other.Close())
			a, err := check()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("after the change: %v", err)
			case tt.want != "" && (triage.ErrorCode(err) != triage.EUNAUTHORIZED || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("after the change: %v, want a refusal saying %q", err, tt.want)
			}
			if tt.check != nil {
				tt.check(t, a, listed.ID)
			}
		})
	}
}

// TestSignInCacheStillExpires: a token whose answer is in memory still expires on time.
func TestSignInCacheStillExpires(t *testing.T) {
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	must(t, err)
	defer q.Close()
	token, err := q.AddUser(ctx, "amy", store.RoleReviewer, "")
	must(t, err)
	if _, err := q.UserByToken(ctx, token); err != nil {
		t.Fatal(err)
	}
	q.Now = func() time.Time { return time.Now().Add(store.StaffTokenTTL + time.Hour) }
	if _, err := q.UserByToken(ctx, token); triage.ErrorCode(err) != triage.EUNAUTHORIZED || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("a token past its time: %v, want refused as expired", err)
	}
}

// TestSignInCacheStillEndsAPatientsSession: a patient's session whose answer is in
// memory still ends at its time, as a staff token does.
func TestSignInCacheStillEndsAPatientsSession(t *testing.T) {
	ctx := context.Background()
	q, _, token := patientSignedIn(t, filepath.Join(t.TempDir(), "queue.db"))
	for range 2 { // the second from memory
		if _, err := q.AccountByToken(ctx, token); err != nil {
			t.Fatal(err)
		}
	}
	q.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	if _, err := q.AccountByToken(ctx, token); triage.ErrorCode(err) != triage.EUNAUTHORIZED {
		t.Fatalf("a session past its time: %v, want refused", err)
	}
}

// patientSignedIn opens a queue at path (closed when the test ends) with a patient's
// account, signed up and signed in; it returns the account and its token.
func patientSignedIn(t *testing.T, path string) (*store.Queue, int64, string) {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, path)
	must(t, err)
	t.Cleanup(func() { q.Close() })
	acc, _, err := q.SignUp(ctx, "ann@example.com", "x")
	must(t, err)
	token, _, err := q.StartSession(ctx, acc, time.Hour)
	must(t, err)
	return q, acc, token
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSignInCheck: a staff token check (every feed request) and a patient's
// (every submission), answered from memory after the sign-in epoch's one-row read,
// beside the reads they made before (ReadUser, ReadAccount: the same rows read every
// time).
func BenchmarkSignInCheck(b *testing.B) {
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(b.TempDir(), "queue.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	staff, err := q.AddUser(ctx, "amy", store.RoleReviewer, "")
	if err != nil {
		b.Fatal(err)
	}
	acc, _, err := q.SignUp(ctx, "ann@example.com", "x")
	if err != nil {
		b.Fatal(err)
	}
	patient, _, err := q.StartSession(ctx, acc, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	for _, bb := range []struct {
		name  string
		check func() error
	}{
		{"UserByToken", func() error { _, err := q.UserByToken(ctx, staff); return err }},
		{"ReadUser", func() error { _, err := store.ReadUserForBench(ctx, q, staff); return err }},
		{"AccountByToken", func() error { _, err := q.AccountByToken(ctx, patient); return err }},
		{"ReadAccount", func() error { _, err := store.ReadAccountForBench(ctx, q, patient); return err }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				if err := bb.check(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSignInCacheSeesAPatientJoinTheList: an account whose patient is not yet on the
// list (another system's migration wrote its accounts before its patients) reads as
// unverified; when a later import brings that patient, the very next check of its
// token, already answered from memory, reads it verified.
func TestSignInCacheSeesAPatientJoinTheList(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	q, acc, token := patientSignedIn(t, path)
	const joining = 42 // the patient the account is for, not on the list yet
	other, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_busy_timeout=5000")
	must(t, err)
	_, err = other.ExecContext(ctx, `UPDATE accounts SET patient_id = ? WHERE id = ?`, joining, acc)
	must(t, other.Close())
	must(t, err)
	for range 2 { // the second from memory
		a, err := q.AccountByToken(ctx, token)
		must(t, err)
		if a.Verified || a.PatientID != joining {
			t.Fatalf("before the patient is on the list: %+v, want unverified, for patient %d", a, joining)
		}
	}
	birth := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	must(t, q.Import(ctx, store.Changes{Sites: []triage.Site{{ID: "main", Name: "Main"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}},
		Patients: []triage.Patient{{ID: joining, Version: 1, NHSNumber: testNHSNumber(t, 0), GivenName: "Ann", FamilyName: "Green", BirthDate: birth, Sex: triage.Female, SiteID: "main", GPTeamID: "blue"}}}))
	a, err := q.AccountByToken(ctx, token)
	must(t, err)
	if !a.Verified || a.PatientID != joining {
		t.Errorf("after the patient joined the list: %+v, want verified as patient %d", a, joining)
	}
}
