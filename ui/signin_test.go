package ui

import (
	"context"
	"path/filepath"
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
