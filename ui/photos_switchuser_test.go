package ui

import (
	"context"
	"image/color"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

// switchingPhotos is the desk's photo link as the demo wires it: "Working as" makes it
// fetch with another person's token, so the queue records the fetch as theirs.
type switchingPhotos struct {
	mu sync.Mutex
	c  *client.Client
}

func (s *switchingPhotos) Photo(ctx context.Context, id int64, n int) ([]byte, string, error) {
	s.mu.Lock()
	c := s.c
	s.mu.Unlock()
	return c.Photo(ctx, id, n)
}

// TestPhotosAfterWorkingAsAreViewedAsTheNewPerson: a reviewer opens a request with photos,
// then "Working as" switches the desk to the manager, and a sync shows the same request
// again. The thumbnails fetched as the reviewer must not serve the manager: the manager's
// first look at each photo is a view the queue records under the manager.
func TestPhotosAfterWorkingAsAreViewedAsTheNewPerson(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	q, practice, h := startQueue(t, 40, 0)
	acc := practice.Practice.Accounts[0]
	sent, err := q.Submit(ctx, store.Submission{AccountID: acc.ID, PatientID: acc.PatientID, Kind: triage.Clinical,
		Text:      "A red rash on my forearm since Sunday. Photos attached.",
		Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone},
		Photos:    []store.Photo{photoOf(t, color.RGBA{200, 30, 30, 255}), photoOf(t, color.RGBA{30, 30, 200, 255})}},
		triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	as := func(name string) *client.Client {
		u, _ := practice.User(name)
		c, err := client.New(h.URL, u.Token)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	reviewer, manager := as("demo-reviewer"), as("demo-manager")
	link := &switchingPhotos{c: reviewer}
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	if _, _, err := client.NewSyncer(reviewer, cache).Once(ctx); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(cache, cacheActor{cache}, &fakeSync{}, Options{User: "demo-reviewer", Photos: link,
		SwitchUser: func(role Role, _ triage.Team) string {
			name, c := "demo-reviewer", reviewer
			if role == RoleManager {
				name, c = "demo-manager", manager
			}
			link.mu.Lock()
			defer link.mu.Unlock()
			if link.c == c {
				return ""
			}
			link.c = c
			return name
		},
		Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}, w)
	d.Install(w)
	t.Cleanup(func() { user(func() { d.Back(); d.Detail.gen++; d.Toast.hide(d.Toast.gen) }) })
	<-d.Refresh()
	background.Wait()
	it, err := cache.Request(ctx, sent.ID)
	if err != nil {
		t.Fatal(err)
	}
	viewsBy := func(who string) int {
		t.Helper()
		log, err := q.AuditLog(ctx, 0, 1_000_000)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range log {
			if e.Action == "view-photo" && e.RequestID == sent.ID && e.Actor == who {
				n++
			}
		}
		return n
	}

	user(func() { d.Open(it) })
	if n := viewsBy("demo-reviewer"); n != 2 {
		t.Fatalf("opening the request recorded %d photo views by the reviewer, want 2", n)
	}
	user(func() { d.onRole(string(RoleManager)) }) // "Working as" the practice manager
	<-d.Refresh()                                  // a sync shows the same request again
	background.Wait()
	ps := d.Detail.Photos
	if len(ps.Thumbs) != 2 || ps.Thumbs[0].State != PhotoShown {
		t.Fatalf("after switching, the request shows %d thumbnails", len(ps.Thumbs))
	}
	user(func() { ps.Thumbs[0].activate() })
	if !d.dialogShowing() || ps.View == nil {
		t.Fatal("the larger view did not open")
	}
	if n := viewsBy("demo-manager"); n != 2 {
		t.Errorf("the manager sees the request's 2 photos (and opens one larger) with %d views recorded under them: the reviewer's fetches served them", n)
	}
	user(func() { keysOn(w.Canvas(), "<Escape>") })
}
