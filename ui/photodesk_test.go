package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
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

// The photo tests' one set-up: a desk synced with a real practice queue on 127.0.0.1
// that holds requests sent with photos, the desk reaching the queue through a
// loopback server the test can put between them (a network that is down, a queue
// that is slow).

// photoDesk is a desk synced with a real practice queue holding requests sent with
// photos; fetches counts the photo fetches that reached the queue.
type photoDesk struct {
	d        *Desk
	w        fyne.Window
	q        *store.Queue
	cache    *store.Cache
	practice server.DemoPractice
	base     string // the queue's address as the desk reaches it
	link     *personLink
	items    []triage.QueueItem // the requests sent, as the desk's cache has them
	item     triage.QueueItem   // the first of them
	fetches  *atomic.Int64
}

// photoRequest is a request a patient (the demo practice's account of that index)
// sends with photos.
type photoRequest struct {
	account int
	text    string
	photos  []store.Photo
}

// photoSetup says what a photoDesk holds and how the desk reaches its queue.
type photoSetup struct {
	requests []photoRequest
	// between, if set, wraps the queue as the desk reaches it.
	between func(queue http.Handler) http.Handler
	// workingAs lets "Working as" switch the desk (and its photo link) between the
	// demo reviewer and, as the manager, the demo manager.
	workingAs bool
}

// personLink is the desk's link to the queue as the person now working at it, as the
// demo's "Working as" switches it: a real client with that person's token.
type personLink struct {
	mu sync.Mutex
	c  *client.Client
}

func (l *personLink) Photo(ctx context.Context, requestID int64, n int) ([]byte, string, error) {
	return l.client().Photo(ctx, requestID, n)
}

func (l *personLink) client() *client.Client {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.c
}

// set makes c the link's client and reports whether that changed it.
func (l *personLink) set(c *client.Client) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	changed := l.c != c
	l.c = c
	return changed
}

// newPhotoDesk is a photoDesk holding one request with the given number of photos.
func newPhotoDesk(t *testing.T, photos int) photoDesk {
	t.Helper()
	var ps []store.Photo
	for i := range photos {
		ps = append(ps, photoOf(t, color.RGBA{uint8(60 * i), 120, 200, 255}))
	}
	return newPhotoDeskWith(t, photoSetup{requests: []photoRequest{
		{text: "A red rash on my forearm, spreading since Sunday. Photos attached.", photos: ps}}})
}

// newPhotoDeskWith is a photoDesk set up as s says, signed in as the demo reviewer,
// in a 1280×720 window.
func newPhotoDeskWith(t *testing.T, s photoSetup) photoDesk {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	q, practice, h := startQueue(t, 40, 0)
	var sent []triage.Request
	for _, r := range s.requests {
		acc := practice.Practice.Accounts[r.account]
		req, err := q.Submit(ctx, store.Submission{AccountID: acc.ID, PatientID: acc.PatientID, Kind: triage.Clinical, Text: r.text,
			Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone},
			Photos:    r.photos}, triage.DefaultLimits(), triage.DefaultCalendar())
		if err != nil {
			t.Fatal(err)
		}
		sent = append(sent, req)
	}
	var fetches atomic.Int64
	queue := h.Config.Handler
	if s.between != nil {
		queue = s.between(queue)
	}
	net := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/photos/") {
			fetches.Add(1)
		}
		queue.ServeHTTP(w, r)
	}))
	t.Cleanup(net.Close)
	as := func(name string) *client.Client {
		t.Helper()
		u, _ := practice.User(name)
		c, err := client.New(net.URL, u.Token)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	reviewer := as("demo-reviewer")
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	if _, _, err := client.NewSyncer(reviewer, cache).Once(ctx); err != nil {
		t.Fatal(err)
	}
	link := &personLink{c: reviewer}
	opts := Options{User: "demo-reviewer", Photos: link,
		Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}
	if s.workingAs {
		manager := as("demo-manager")
		opts.SwitchUser = func(role Role, _ triage.Team) string {
			name, c := "demo-reviewer", reviewer
			if role == RoleManager {
				name, c = "demo-manager", manager
			}
			if !link.set(c) {
				return ""
			}
			return name
		}
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(cache, cacheActor{cache}, &fakeSync{}, opts, w)
	d.Install(w)
	// An open request keeps a presence heartbeat ticking; leaving it ends the
	// heartbeat, so it cannot touch widgets while the next test builds its own.
	t.Cleanup(func() { user(func() { d.Back(); d.Detail.gen++; d.Toast.hide(d.Toast.gen) }) })
	<-d.Refresh()
	background.Wait()
	p := photoDesk{d: d, w: w, q: q, cache: cache, practice: practice, base: net.URL, link: link, fetches: &fetches}
	for i, r := range sent {
		it, err := cache.Request(ctx, r.ID)
		if err != nil || len(it.Photos) != len(s.requests[i].photos) {
			t.Fatalf("request %d in the cache: %d photos (%v), want %d", r.ID, len(it.Photos), err, len(s.requests[i].photos))
		}
		p.items = append(p.items, it)
	}
	if len(p.items) > 0 {
		p.item = p.items[0]
	}
	return p
}

// workAs makes name (a demo member of staff) the person working at the desk, as a
// demo desk's "Working as" does behind the scenes: the photo link fetches with their
// token from now on.
func (p photoDesk) workAs(t *testing.T, name string) {
	t.Helper()
	u, _ := p.practice.User(name)
	c, err := client.New(p.base, u.Token)
	if err != nil {
		t.Fatal(err)
	}
	p.link.set(c)
	user(func() { p.d.opts.User = name })
}

// photoViews counts the queue's audit entries of actor viewing a photo of the first
// request.
func (p photoDesk) photoViews(t *testing.T, actor string) int {
	t.Helper()
	return len(p.photoViewEntries(t, actor))
}

// photoViewEntries are the queue's audit entries of actor viewing a photo of the
// first request.
func (p photoDesk) photoViewEntries(t *testing.T, actor string) []triage.AuditEntry {
	t.Helper()
	log, err := p.q.AuditLog(context.Background(), 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	var out []triage.AuditEntry
	for _, e := range log {
		if e.Action == "view-photo" && e.RequestID == p.item.ID && e.Actor == actor {
			out = append(out, e)
		}
	}
	return out
}

// photoOf encodes a plain picture of one colour as a JPEG, for a photo a test patient
// sends: the colour tells whose photo a thumbnail shows.
func photoOf(t *testing.T, c color.RGBA) store.Photo {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	for x := range 320 {
		for y := range 240 {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return store.Photo{ContentType: "image/jpeg", Width: 320, Height: 240, Data: b.Bytes()}
}
