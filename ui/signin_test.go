package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/demo"
	"triagedesk/store"
)

// TestSignInPromptSignsInOnceWhileOneIsInFlight: disabling the Sign in button does not
// stop Enter in the token box, so a person pressing Enter again while the queue was
// slow started a second sign-in, and with it a second syncer sending the same outbox.
func TestSignInPromptSignsInOnceWhileOneIsInFlight(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams}); err != nil {
		t.Fatal(err)
	}
	calls := make(chan string, 8)
	release := make(chan struct{})
	fs := &fakeSync{}
	fs.actor, fs.cache = cacheActor{c}, c
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(c, cacheActor{c}, fs, Options{User: "amy", Sites: demo.Sites, GPTeams: demo.GPTeams,
		Now: func() time.Time { return testNow },
		SignIn: func(ctx context.Context, token string) error {
			calls <- token
			<-release // the queue is slow to answer
			return nil
		}}, w)
	d.Install(w)
	user(func() { d.askSignIn("the token was revoked", 1) })

	uiMu.Lock() // not user(): it would wait for the sign-in the queue is holding
	d.SignIn.Token.SetText("new-token")
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	d.SignIn.Token.TypedKey(enter)
	d.SignIn.Token.TypedKey(enter)
	test.Tap(d.SignIn.Button)
	uiMu.Unlock()

	select {
	case <-calls:
	case <-time.After(10 * time.Second):
		t.Fatal("Enter in the token box did not sign in")
	}
	close(release)
	background.Wait()
	if extra := len(calls); extra != 0 {
		t.Errorf("%d more sign-ins started while the first was in flight", extra)
	}
}

// sessionSync is a desk's link whose sync is replaced at each sign-in, as the real
// link's is: Session says which sync is the current one.
type sessionSync struct {
	fakeSync
	session atomic.Int64
}

func (s *sessionSync) Session() int { return int(s.session.Load()) }

// TestSignInStatusOfAReplacedSyncIsDropped: after a sign-in, the new sync's status is
// what the status bar shows, even when it arrived before the sign-in's own "Signed in
// again" (it used to overwrite it, and stay until the next sync, minutes away on a
// quiet queue); and a late report of the replaced sync, still signed out, neither
// reopens the sign-in dialog nor says SIGNED OUT. A signed-out status of the new sync
// still asks at once.
func TestSignInStatusOfAReplacedSyncIsDropped(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	link := &sessionSync{}
	link.session.Store(1)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	var d *Desk
	synced := time.Date(2026, 11, 24, 10, 0, 5, 0, time.Local)
	d = NewDesk(c, cacheActor{c}, link, Options{User: "amy", Now: func() time.Time { return testNow },
		SignIn: func(ctx context.Context, token string) error {
			// The link starts a new sync, which reports before the desk hears that
			// the sign-in worked.
			link.session.Store(2)
			d.PostStatus(SyncStatus{Session: 2, Online: true, LastSync: synced})
			return nil
		}}, w)
	d.Install(w)
	revoked := SyncStatus{Session: 1, SignedOut: true, Pending: 1, Problem: "the token was revoked"}
	d.PostStatus(revoked)
	if d.SignIn == nil || !d.dialogShowing() {
		t.Fatal("no sign-in dialog after the queue ended the session")
	}
	user(func() {
		d.SignIn.Token.SetText("new-token")
		test.Tap(d.SignIn.Button)
	})
	online := func(when string) {
		t.Helper()
		if got := d.Status.Text; !strings.HasPrefix(got, "Online · last sync 10:00:05") {
			t.Errorf("%s the status bar says %q, want the new sync's status", when, got)
		}
		if d.dialogShowing() || d.SignInBtn.Visible() {
			t.Errorf("%s the sign-in dialog is open (%v) or its button shown (%v)", when, d.dialogShowing(), d.SignInBtn.Visible())
		}
	}
	online("after the sign-in")

	d.PostStatus(revoked) // the old sync's last round, reported late
	background.Wait()
	online("after the replaced sync's late report")

	d.PostStatus(SyncStatus{Session: 2, SignedOut: true, Pending: 0, Problem: "the token expired"})
	if !d.dialogShowing() || !strings.Contains(d.SignIn.Why.Text, "expired") {
		t.Error("the current sync's signed-out status did not ask for a sign-in")
	}
}

// TestSignInAsksAgainWhenTheNewSessionsFirstReportIsSignedOut: after a sign-in the desk
// still held the old session's signed-out status, so when the new session's very first
// report was signed out too (the token revoked again, or pasted wrong by the manager),
// the desk took it for the same ended session and did not ask again: the person saw
// SIGNED OUT with no dialog. The new session's report may reach the desk after the
// sign-in's success, or before it (the new sync reports while the sign-in returns).
func TestSignInAsksAgainWhenTheNewSessionsFirstReportIsSignedOut(t *testing.T) {
	for _, tc := range []struct {
		name         string
		beforeReturn bool // the new sync reports before the sign-in returns
	}{
		{"report after the sign-in", false},
		{"report before the sign-in returns", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			ctx := context.Background()
			c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { c.Close() })
			link := &sessionSync{}
			link.session.Store(1)
			w := test.NewTempWindow(t, nil)
			w.Resize(fyne.NewSize(1280, 720))
			again := SyncStatus{Session: 2, SignedOut: true, Pending: 1, Problem: "the token was revoked again"}
			var d *Desk
			d = NewDesk(c, cacheActor{c}, link, Options{User: "amy", Now: func() time.Time { return testNow },
				SignIn: func(ctx context.Context, token string) error {
					link.session.Store(2)
					if tc.beforeReturn {
						d.PostStatus(again)
					}
					return nil
				}}, w)
			d.Install(w)
			d.PostStatus(SyncStatus{Session: 1, SignedOut: true, Pending: 1, Problem: "the token was revoked"})
			if d.SignIn == nil || !d.dialogShowing() {
				t.Fatal("no sign-in dialog after the queue ended the session")
			}
			user(func() {
				d.SignIn.Token.SetText("new-token")
				test.Tap(d.SignIn.Button)
			})
			background.Wait()
			if !tc.beforeReturn {
				d.PostStatus(again)
			}
			background.Wait()
			if !d.dialogShowing() {
				t.Fatalf("the new session was signed out at once but the desk did not ask again (status bar: %q)", d.Status.Text)
			}
			if got := d.SignIn.Why.Text; !strings.Contains(got, "revoked again") {
				t.Errorf("the sign-in dialog says %q, want the new session's reason", got)
			}
			if got := d.Status.Text; !strings.HasPrefix(got, "SIGNED OUT") {
				t.Errorf("the status bar says %q, want SIGNED OUT", got)
			}
		})
	}
}
