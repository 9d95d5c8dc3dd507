package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/ui"
)

// TestSignInAgainAfterTheTokenIsRevoked runs a real queue on loopback and a desk
// following it; the manager revokes the desk's token mid-session, just as the person
// assigns a request. The desk must say the session ended in a dialog, keep the
// assignment in its outbox (not refused, not lost), refuse a wrong token and another
// person's, and after the new token send the assignment once and follow the queue
// again.
func TestSignInAgainAfterTheTokenIsRevoked(t *testing.T) {
	test.NewTempApp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	q, err := store.OpenQueue(ctx, filepath.Join(dir, "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	practice, err := server.FillDemo(ctx, q, 3, 200, 300, now)
	if err != nil {
		t.Fatal(err)
	}
	reviewer, _ := practice.User("demo-reviewer")
	manager, _ := practice.User("demo-manager")
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	srv.SetClock(func() time.Time { return now })
	srv.LongPoll = 5 * time.Minute // the desk's wait ends on a change or a nudge, not a timer
	hs := httptest.NewServer(srv)
	defer hs.Close()
	cache, err := store.OpenCache(ctx, filepath.Join(dir, "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	c, err := client.New(hs.URL, reviewer.Token)
	if err != nil {
		t.Fatal(err)
	}

	statuses := make(chan client.Status, 100)
	link := &link{cache: cache, base: hs.URL, watch: func(s client.Status) { statuses <- s }}
	link.use(c, reviewer.Token, "demo-reviewer")
	var mu sync.Mutex
	var problems []string
	w := test.NewTempWindow(t, nil)
	desk := ui.NewDesk(cache, cachedActor{cache, triage.DefaultCalendar()}, link, ui.Options{User: "demo-reviewer", SignIn: link.SignIn,
		Problems: func(err error) { mu.Lock(); problems = append(problems, err.Error()); mu.Unlock() }}, w)
	desk.Install(w)
	// next waits for a status that passes ok, or fails saying what it waited for.
	next := func(what string, ok func(client.Status) bool) client.Status {
		t.Helper()
		deadline := time.After(60 * time.Second)
		for {
			select {
			case s := <-statuses:
				if ok(s) {
					return s
				}
			case <-deadline:
				t.Fatalf("no sync status %s within a minute", what)
			}
		}
	}
	// eventually waits until ok, run while the desk's goroutines leave its widgets be.
	eventually := func(what string, ok func() bool) {
		t.Helper()
		for end := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
			done := false
			ui.Quiet(func() { done = ok() })
			if done {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("not %s within a minute", what)
			}
		}
	}
	defer func() { // the sync and the desk's goroutines end before the test's app does
		cancel()
		link.running.Wait()
		ui.Idle()
	}()
	link.run(ctx, desk, func(err error) { t.Errorf("the first sync: %v", err) })
	next("online after the first sync", func(s client.Status) bool { return s.Online && s.LastError == "" })
	<-desk.Refresh()
	eventually("the inbox filled by the first sync", func() bool { return desk.Inbox.Total() > 0 })

	// The manager revokes the token (queueserver user revoke) while the desk follows;
	// the reviewer, not knowing, assigns the first request to medicines.
	if err := q.RevokeUser(ctx, "demo-reviewer", "queueserver user revoke"); err != nil {
		t.Fatal(err)
	}
	var id int64
	ui.Quiet(func() {
		desk.TypedRune('j')
		id = desk.Inbox.Rows()[0].ID
	})
	before, err := q.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ui.Quiet(func() { desk.TypedRune('2') })
	out := next("saying the desk is signed out", func(s client.Status) bool { return s.SignedOut })
	if out.Pending != 1 || out.Conflicts != 0 {
		t.Fatalf("signed out with %d waiting and %d conflicts, want the assignment waiting and no conflict", out.Pending, out.Conflicts)
	}
	ui.Quiet(func() {
		if desk.SignIn == nil || w.Canvas().Overlays().Top() == nil {
			t.Fatal("no sign-in dialog after the queue ended the session")
		}
		if why := desk.SignIn.Why.Text; !strings.Contains(why, "revoked") || !strings.Contains(why, "1 change waits") {
			t.Fatalf("the dialog says %q: want the queue's reason and that the change waits", why)
		}
		if !strings.Contains(desk.Status.Text, "SIGNED OUT") || !desk.SignInBtn.Visible() {
			t.Fatalf("the status bar says %q (sign-in button shown %v)", desk.Status.Text, desk.SignInBtn.Visible())
		}
	})
	if r, _ := q.Request(ctx, id); r.Version != before.Version || r.Team == triage.TeamMedicines {
		t.Fatalf("the queue took the assignment with a revoked token: %+v", r)
	}

	// A mistyped token and the manager's token are refused in the dialog, which stays.
	newToken, err := q.NewUserToken(ctx, "demo-reviewer", "queueserver user token")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ token, want string }{
		{"", "Paste the token"},
		{newToken[:len(newToken)-2], "did not accept this token"},
		{manager.Token, "This token is demo-manager's"},
	} {
		ui.Quiet(func() {
			desk.SignIn.Message.SetText("")
			desk.SignIn.Token.SetText(tt.token)
			test.Tap(desk.SignIn.Button)
		})
		eventually("answering the sign-in with "+tt.want, func() bool {
			msg := desk.SignIn.Message.Text
			return msg != "" && msg != "Signing in…"
		})
		ui.Quiet(func() {
			if msg := desk.SignIn.Message.Text; !strings.Contains(msg, tt.want) {
				t.Fatalf("signing in with %q says %q, want %q", tt.token, msg, tt.want)
			}
			if w.Canvas().Overlays().Top() == nil {
				t.Fatalf("the dialog closed after the token %q was refused", tt.token)
			}
		})
	}
	if s, _, _ := cache.OutboxCounts(ctx); s != 1 {
		t.Fatalf("%d waiting after the refused sign-ins, want the assignment", s)
	}

	// The right token: the dialog closes, the assignment is sent once, sync resumes.
	old, _, _, _ := link.now()
	ui.Quiet(func() {
		desk.SignIn.Token.SetText(newToken)
		test.Tap(desk.SignIn.Button)
	})
	next("online with nothing waiting after the sign-in", func(s client.Status) bool { return !s.SignedOut && s.Online && s.Pending == 0 })
	eventually("the sign-in dialog and button gone", func() bool {
		return w.Canvas().Overlays().Top() == nil && !desk.SignInBtn.Visible()
	})
	// The replaced syncer's last round, reporting late what it saw (signed out), as it
	// can when it was mid-round at the sign-in: the desk must not ask again.
	old.OnStatus(old.Status())
	ui.Quiet(func() {
		if w.Canvas().Overlays().Top() != nil || desk.SignInBtn.Visible() || strings.Contains(desk.Status.Text, "SIGNED OUT") {
			t.Errorf("after the replaced syncer's late report the sign-in dialog is open (%v), its button shown (%v), the status %q",
				w.Canvas().Overlays().Top() != nil, desk.SignInBtn.Visible(), desk.Status.Text)
		}
	})
	got, err := q.Request(ctx, id)
	if err != nil || got.Team != triage.TeamMedicines || got.UpdatedBy != "demo-reviewer" || got.Version != before.Version+1 {
		t.Fatalf("on the queue request %d is %+v (%v): want assigned to medicines by demo-reviewer, once (version %d)", id, got, err, before.Version+1)
	}
	if pending, conflicts, _ := cache.OutboxCounts(ctx); pending != 0 || conflicts != 0 {
		t.Fatalf("after the sign-in %d waiting and %d conflicts, want none", pending, conflicts)
	}
	// Following again: a patient's new request reaches the desk.
	acc := practice.Practice.Accounts[0]
	pc, err := client.New(hs.URL, practice.PatientTokens[acc.ID])
	if err != nil {
		t.Fatal(err)
	}
	subID, err := pc.Submit(ctx, 0, triage.Admin, "Please may I have a copy of my blood test results")
	if err != nil {
		t.Fatal(err)
	}
	next("bringing the new request in", func(client.Status) bool {
		_, err := cache.Request(ctx, subID)
		return err == nil
	})
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Logf("the desk showed: %s", p)
	}
}

// TestSignInTokenKeptInTheConfigFile: a token given at a sign-in replaces the one in
// the config file it came from, keeping the other settings and comments, so the next
// start works; a token given on the command line or in the environment leaves the
// file alone.
func TestSignInTokenKeptInTheConfigFile(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		env      string
		wantFile bool
	}{
		{"token from the file", nil, "", true},
		{"token from a flag", []string{"--token", "flagtoken"}, "", false},
		{"token from the environment", nil, "envtoken", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
			t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
			t.Setenv("HOME", home)
			t.Setenv("TRIAGEDESK_SERVER", "")
			t.Setenv("TRIAGEDESK_CACHE", "")
			t.Setenv("TRIAGEDESK_TOKEN", tt.env)
			dir := filepath.Join(home, "config", "triagedesk")
			os.MkdirAll(dir, 0o700)
			file := filepath.Join(dir, "triagedesk.yaml")
			os.WriteFile(file, []byte("# the surgery's queue\nserver: https://q.example\ntoken: old\n"), 0o600)
			cfg, err := loadConfig(tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if (cfg.TokenFile != "") != tt.wantFile {
				t.Fatalf("TokenFile %q, want it set: %v", cfg.TokenFile, tt.wantFile)
			}
			if !tt.wantFile {
				return
			}
			if err := saveToken(cfg.TokenFile, "new-token"); err != nil {
				t.Fatal(err)
			}
			again, err := loadConfig(nil)
			if err != nil || again.Token != "new-token" || again.Server != "https://q.example" {
				t.Fatalf("after saving: %+v (%v), want the new token and the same server", again, err)
			}
			data, _ := os.ReadFile(file)
			if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 || !strings.Contains(string(data), "# the surgery's queue") {
				t.Fatalf("the file after saving (mode %v, %v):\n%s", fi.Mode(), err, data)
			}
		})
	}
}
