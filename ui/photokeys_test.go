package ui

import (
	"context"
	"image/color"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/client"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// photoDesk is a desk synced with a real practice queue on 127.0.0.1 that holds one
// request sent with photos; fetches counts the photo fetches that reached the queue.
type photoDesk struct {
	d        *Desk
	w        fyne.Window
	q        *store.Queue
	practice server.DemoPractice
	base     string
	link     *personLink
	item     triage.QueueItem
	fetches  *atomic.Int64
}

// personLink is the desk's link to the queue as the person now working at it, as the
// demo's "Working as" switches it: a real client with that person's token.
type personLink struct {
	mu sync.Mutex
	c  *client.Client
}

func (l *personLink) Photo(ctx context.Context, requestID int64, n int) ([]byte, string, error) {
	l.mu.Lock()
	c := l.c
	l.mu.Unlock()
	return c.Photo(ctx, requestID, n)
}

func newPhotoDesk(t *testing.T, photos int) photoDesk {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	q, practice, h := startQueue(t, 40, 0)
	var fetches atomic.Int64
	inner := h.Config.Handler
	net := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/photos/") {
			fetches.Add(1)
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(net.Close)
	acc := practice.Practice.Accounts[0]
	var ps []store.Photo
	for i := range photos {
		ps = append(ps, photoOf(t, color.RGBA{uint8(60 * i), 120, 200, 255}))
	}
	sent, err := q.Submit(ctx, store.Submission{AccountID: acc.ID, PatientID: acc.PatientID, Kind: triage.Clinical,
		Text:      "A red rash on my forearm, spreading since Sunday. Photos attached.",
		Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone},
		Photos:    ps}, triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := practice.User("demo-reviewer")
	c, err := client.New(net.URL, u.Token)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	if _, _, err := client.NewSyncer(c, cache).Once(ctx); err != nil {
		t.Fatal(err)
	}
	link := &personLink{c: c}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(cache, cacheActor{cache}, &fakeSync{}, Options{User: "demo-reviewer", Photos: link,
		Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}, w)
	d.Install(w)
	t.Cleanup(func() { user(func() { d.Back(); d.Detail.gen++; d.Toast.hide(d.Toast.gen) }) })
	<-d.Refresh()
	background.Wait()
	it, err := cache.Request(ctx, sent.ID)
	if err != nil || len(it.Photos) != photos {
		t.Fatalf("request %d in the cache: %d photos (%v), want %d", sent.ID, len(it.Photos), err, photos)
	}
	return photoDesk{d: d, w: w, q: q, practice: practice, base: net.URL, link: link, item: it, fetches: &fetches}
}

// photoViews counts the queue's audit entries of actor viewing a photo of request id.
func (p photoDesk) photoViews(t *testing.T, actor string) int {
	t.Helper()
	log, err := p.q.AuditLog(context.Background(), 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log {
		if e.Action == "view-photo" && e.RequestID == p.item.ID && e.Actor == actor {
			n++
		}
	}
	return n
}

// TestPhotoKeyReachesThePhotos: on a request, p puts the keyboard on the first photo
// (nine Tabs did before), p again on the next, and after the last back to the first;
// Enter shows it larger and Esc closes that view with the keyboard still on the
// photo, so Enter opens it again rather than nothing happening. The help lists p.
func TestPhotoKeyReachesThePhotos(t *testing.T) {
	p := newPhotoDesk(t, 3)
	c := p.w.Canvas()
	user(func() { p.d.Open(p.item) })
	ps := p.d.Detail.Photos
	if len(ps.Thumbs) != 3 || ps.Thumbs[0].State != PhotoShown {
		t.Fatalf("the request shows %d thumbnails", len(ps.Thumbs))
	}
	for i, want := range []int{0, 1, 2, 0} {
		user(func() { keysOn(c, "p") })
		if got := c.Focused(); got != ps.Thumbs[want] {
			t.Fatalf("after p pressed %d times the keyboard is on %T, want photo %d", i+1, got, want+1)
		}
	}
	user(func() { keysOn(c, "p", "<Return>") })
	if ps.View == nil || !p.d.dialogShowing() {
		t.Fatal("Enter on the photo p reached did not show it larger")
	}
	user(func() { keysOn(c, "<Escape>") })
	if p.d.dialogShowing() || !p.d.detailShown() {
		t.Fatalf("Esc left the larger view showing (%v) or closed the request (%v)", p.d.dialogShowing(), !p.d.detailShown())
	}
	if got := c.Focused(); got != ps.Thumbs[1] {
		t.Fatalf("after the larger view closed the keyboard is on %T, not the photo it showed", got)
	}
	user(func() { keysOn(c, "<Return>") })
	if ps.View == nil {
		t.Fatal("Enter after closing the larger view did not open it again")
	}
	user(func() { keysOn(c, "<Escape>") })
	// On the list, p does nothing (no request is open to have photos).
	user(func() { keysOn(c, "<Escape>", "p") })
	if c.Focused() != nil || p.d.detailShown() {
		t.Fatalf("p on the list put the keyboard on %T", c.Focused())
	}
	listed := false
	for _, k := range keys {
		listed = listed || strings.HasPrefix(k[0], "p")
	}
	if !listed || !strings.Contains(ps.Heading.Text, "press p") {
		t.Errorf("the help (listed %v) or the photos' heading (%q) does not tell of p", listed, ps.Heading.Text)
	}
}

// TestPhotosLayTheRequestOutOnce: opening a request with three photos lays the
// request screen out once, not once per photo and again for the strip (each layout
// of the screen measures everything on it); the photos arriving, each with a caption
// as high as while it was fetched, lay it out no more.
func TestPhotosLayTheRequestOutOnce(t *testing.T) {
	p := newPhotoDesk(t, 3)
	ps := p.d.Detail.Photos
	var layouts atomic.Int64
	inner := ps.relayout
	ps.relayout = func() { layouts.Add(1); inner() }
	for _, round := range []string{"fetched from the queue", "from the desk's memory"} {
		layouts.Store(0)
		user(func() { p.d.Open(p.item) })
		for _, th := range ps.Thumbs {
			if th.State != PhotoShown {
				t.Fatalf("%s: a thumbnail is in state %d, %q", round, th.State, th.Caption.Text)
			}
		}
		if n := layouts.Load(); n != 1 {
			t.Errorf("%s: showing 3 photos laid the request screen out %d times, want 1", round, n)
		}
		user(func() { p.d.Back() })
	}
}

// TestPhotoViewsAuditedOncePerPerson: the queue records a person's view of each photo
// once for its fetch; opening the request again, a sync of it, and the larger view
// show the picture from the desk's memory and record nothing more. Another person
// working at the same desk ("Working as" in the demo) is never shown the first
// person's pictures from memory, unrecorded: their view is fetched, and recorded as
// theirs.
func TestPhotoViewsAuditedOncePerPerson(t *testing.T) {
	p := newPhotoDesk(t, 2)
	user(func() { p.d.Open(p.item) })
	if n := p.photoViews(t, "demo-reviewer"); n != 2 {
		t.Fatalf("after the first opening the queue has %d photo views by the reviewer, want 2", n)
	}
	user(func() { p.d.Back() })
	user(func() { p.d.Open(p.item) })
	<-p.d.Refresh()
	background.Wait()
	user(func() { p.d.Detail.Photos.Thumbs[0].activate() })
	user(func() { keysOn(p.w.Canvas(), "<Escape>") })
	if n, f := p.photoViews(t, "demo-reviewer"), p.fetches.Load(); n != 2 || f != 2 {
		t.Fatalf("after opening again, a sync and the larger view: %d photo views recorded and %d fetches, want 2 and 2", n, f)
	}
	user(func() { p.d.Back() })

	// Someone else works at the desk now.
	u, _ := p.practice.User("demo-manager")
	mc, err := client.New(p.base, u.Token)
	if err != nil {
		t.Fatal(err)
	}
	p.link.mu.Lock()
	p.link.c = mc
	p.link.mu.Unlock()
	user(func() { p.d.opts.User = "demo-manager"; p.d.Open(p.item) })
	for _, th := range p.d.Detail.Photos.Thumbs {
		if th.State != PhotoShown {
			t.Fatalf("the manager's thumbnail is in state %d, %q", th.State, th.Caption.Text)
		}
	}
	if n := p.photoViews(t, "demo-manager"); n != 2 {
		t.Errorf("the manager was shown the photos with %d of their views recorded, want 2", n)
	}
	if n := p.photoViews(t, "demo-reviewer"); n != 2 {
		t.Errorf("the reviewer has %d photo views recorded after the manager's, want still 2", n)
	}
}
