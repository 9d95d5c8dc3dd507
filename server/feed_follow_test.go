package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"triagedesk/fhir"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// followingDesk follows the feed over HTTP with long polls and compact pages, as a desk
// does, and keeps what it received: the requests, and each patient's newest version.
type followingDesk struct {
	name     string
	progress func() // told after every reply, and when the desk stops following
	mu       sync.Mutex
	requests map[int64]bool
	patients map[int64]int // id: newest version received
	replies  int           // feed replies received so far
	err      error
}

func (d *followingDesk) follow(ctx context.Context, url, token string, cursor store.Cursor) {
	defer d.progress()
	after := cursor.String()
	for ctx.Err() == nil {
		req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s%s?wait=1&cursor=%s", url, fhir.FeedPath, after), nil)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("X-Triage-Desk", d.name)
		req.Header.Set("Accept", fhir.DeskContentType)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return // the test is over
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page, err := fhir.ParseDeskPage(body)
		d.mu.Lock()
		if err != nil {
			if ctx.Err() == nil && d.err == nil {
				d.err = fmt.Errorf("%s: %d %v", d.name, resp.StatusCode, err)
			}
			d.mu.Unlock()
			return
		}
		for _, r := range page.Requests {
			d.requests[r.ID] = true
		}
		for _, p := range page.Patients {
			d.patients[p.ID] = max(d.patients[p.ID], p.Version)
		}
		d.replies++
		d.mu.Unlock()
		d.progress()
		after = page.Cursor
	}
}

// repliesSoFar is how many feed replies the desk has received, and the error that
// stopped it following, if any.
func (d *followingDesk) repliesSoFar() (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.replies, d.err
}

// missing says what of the requests and patient versions the desk has not received.
func (d *followingDesk) missing(requests []int64, patients map[int64]int) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err.Error()
	}
	var out []string
	for _, id := range requests {
		if !d.requests[id] {
			out = append(out, fmt.Sprintf("request %d", id))
		}
	}
	for id, v := range patients {
		if d.patients[id] < v {
			out = append(out, fmt.Sprintf("patient %d version %d (has %d)", id, v, d.patients[id]))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return fmt.Sprint(out)
}

// steppedClock is a clock for the feed that stands still but for its timers: its run
// fires them one at a time, earliest first, moving the clock to each as it fires it
// and not waiting for it. The feed's pace is then exact, whatever the load on the
// machine: two announcements closer than their pace on this clock are a fault of the
// feed, never a slow test.
type steppedClock struct {
	progress func() // told whenever the clock has no timer left to fire
	wake     chan struct{}
	mu       sync.Mutex
	now      time.Time
	timers   []steppedTimer // in the order they were set
	firing   bool           // run is calling a timer's function
}

type steppedTimer struct {
	at time.Time
	f  func()
}

func newSteppedClock(start time.Time, progress func()) *steppedClock {
	return &steppedClock{progress: progress, wake: make(chan struct{}, 1), now: start}
}

// Now is where the clock stands.
func (c *steppedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// AfterFunc sets a timer for d from now, which run fires.
func (c *steppedClock) AfterFunc(d time.Duration, f func()) {
	c.mu.Lock()
	c.timers = append(c.timers, steppedTimer{c.now.Add(max(d, 0)), f})
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// run fires the timers until ctx ends.
func (c *steppedClock) run(ctx context.Context) {
	for {
		c.mu.Lock()
		if len(c.timers) == 0 {
			c.firing = false
			c.mu.Unlock()
			c.progress()
			select {
			case <-c.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		next := 0
		for i, t := range c.timers {
			if t.at.Before(c.timers[next].at) {
				next = i
			}
		}
		t := c.timers[next]
		c.timers = slices.Delete(c.timers, next, next+1)
		c.now = maxTime(c.now, t.at)
		c.firing = true
		c.mu.Unlock()
		t.f()
	}
}

// idle says the clock has no timer left to fire and is firing none.
func (c *steppedClock) idle() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.firing && len(c.timers) == 0
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// TestSeveralDesksFollowingMissNothingAndWaitTheirPace: six desks follow a real queue
// on loopback while patients submit from four places at once, a busy batch of changes
// is announced, and changes are committed without an announcement (as another process
// or an import would) while the desks' long polls end and begin again at their own
// times, sharing the delayed look for such changes. Every desk must receive every
// change, and no announcement may wake the desks before its pace: FeedInterval after
// a quiet one, twice it after one that carried more than busyStep changes.
// The feed's pace is kept by a stepped clock and the test waits for events (replies,
// waits, announcements, the clock running out of timers), never for time, so a slow
// machine slows it down but cannot fail it.
func TestSeveralDesksFollowingMissNothingAndWaitTheirPace(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e, practice, _ := demoEnv(t, 100, 60)
	if err := e.q.SetSetting(ctx, "limits", triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 1000}, "test"); err != nil {
		t.Fatal(err)
	}
	// Every event the test waits for tells it here; it looks again at what it waits for.
	progress := make(chan struct{}, 1)
	tell := func() {
		select {
		case progress <- struct{}{}:
		default:
		}
	}
	const interval = 40 * time.Millisecond
	clock := newSteppedClock(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC), tell)
	go clock.run(ctx)
	e.srv.SetFeedClock(clock)
	e.srv.FeedInterval = interval
	e.srv.LongPoll = 300 * time.Millisecond // desks' polls end and begin again at their own times
	type announcement struct {
		at   time.Time
		step store.Cursor
	}
	var mu sync.Mutex
	var announced []announcement
	e.srv.OnAnnounce(func(at time.Time, step store.Cursor) {
		mu.Lock()
		announced = append(announced, announcement{at, step})
		mu.Unlock()
		tell()
	})
	e.srv.OnWaiting(tell)
	reviewer, _ := practice.User("demo-reviewer")
	head, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	desks := make([]*followingDesk, 6)
	for i := range desks {
		desks[i] = &followingDesk{name: fmt.Sprintf("desk %d", i+1), progress: tell, requests: map[int64]bool{}, patients: map[int64]int{}}
		go desks[i].follow(ctx, e.http.URL, reviewer.Token, head)
	}
	// until waits for done, looking again at every event; it fails at once when a
	// desk stopped following.
	until := func(done func() bool) {
		t.Helper()
		for !done() {
			for _, d := range desks {
				if _, err := d.repliesSoFar(); err != nil {
					t.Fatal(err)
				}
			}
			<-progress
		}
	}
	until(func() bool { return e.srv.WaitingFeeds() >= len(desks) })

	var wantMu sync.Mutex
	var wantRequests []int64
	wantPatients := map[int64]int{}
	rename := func(patients []triage.Patient, notify bool) {
		t.Helper()
		for i := range patients {
			patients[i].Version++
			patients[i].GivenName = fmt.Sprintf("Renamed%d", patients[i].Version)
		}
		if err := e.q.Import(ctx, store.Changes{Patients: patients}); err != nil {
			t.Fatal(err)
		}
		wantMu.Lock()
		for _, p := range patients {
			wantPatients[p.ID] = p.Version
		}
		wantMu.Unlock()
		if notify {
			e.srv.Notify()
		}
	}
	list := practice.Practice.Patients
	const busy = server.BusyStep

	// Patients submitting from four places at once, each submission announced.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := practice.Practice.Accounts[g]
			for range 30 {
				code, m := e.call("POST", "/api/v1/requests", practice.PatientTokens[acc.ID], map[string]any{"kind": "admin", "text": "a fit note please"})
				if code != http.StatusCreated {
					t.Errorf("submit: %d %v", code, m)
					return
				}
				wantMu.Lock()
				wantRequests = append(wantRequests, int64(m["id"].(float64)))
				wantMu.Unlock()
			}
		}()
	}
	// Meanwhile a busy announcement (more than busyStep changes at once), and changes
	// nobody announces, one at a time.
	for i := range 8 {
		rename(list[:busy+5], true)
		rename([]triage.Patient{list[50+i]}, false)
	}
	wg.Wait()
	// And with the desks idle: a change nobody announces reaches each desk once its
	// long poll ends and it asks again.
	for i := range 3 {
		rename([]triage.Patient{list[60+i]}, false)
	}
	last, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// Each desk's poll begins with a look for changes committed without a Notify. So
	// once every desk has had a reply to a poll begun after the last change (its second
	// reply from here) and the clock has no timer left, the feed must have announced
	// the last change: a feed that has not never will.
	replies := func() []int {
		n := make([]int, len(desks))
		for i, d := range desks {
			n[i], _ = d.repliesSoFar()
		}
		return n
	}
	askedSince := func(before []int) bool {
		for i, n := range replies() {
			if n < before[i]+2 {
				return false
			}
		}
		return true
	}
	before := replies()
	until(func() bool {
		if e.srv.AnnouncedHead() >= last {
			return true
		}
		if askedSince(before) && clock.idle() && e.srv.AnnouncedHead() < last {
			t.Fatalf("the feed never announced change %d, committed without a Notify: it announced up to %d", last, e.srv.AnnouncedHead())
		}
		return false
	})
	// Once it has, a desk's next poll is answered at once with every change up to it:
	// a desk that lacks one after that missed it.
	before = replies()
	until(func() bool { return askedSince(before) })
	wantMu.Lock()
	for _, d := range desks {
		if missing := d.missing(wantRequests, wantPatients); missing != "" {
			t.Errorf("%s never received %s", d.name, missing)
		}
	}
	wantMu.Unlock()
	cancel()

	mu.Lock()
	defer mu.Unlock()
	wasBusy := false
	for i := 1; i < len(announced); i++ { // in the order the feed made them
		prev, next := announced[i-1], announced[i]
		pace := interval
		if prev.step > server.BusyStep {
			pace, wasBusy = 2*interval, true
		}
		if gap := next.at.Sub(prev.at); gap < pace {
			t.Errorf("announcement %d woke the desks %s after one of %d changes, before its pace of %s", i, gap, prev.step, pace)
		}
	}
	if !wasBusy {
		var steps []store.Cursor
		for _, a := range announced {
			steps = append(steps, a.step)
		}
		t.Errorf("no announcement carried more than %d changes: the busy pace was not tried (announcements of %v changes)", server.BusyStep, steps)
	}
}
