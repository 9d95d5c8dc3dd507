package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
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
	mu       sync.Mutex
	requests map[int64]bool
	patients map[int64]int // id: newest version received
	err      error
}

func (d *followingDesk) follow(ctx context.Context, url, token string, cursor store.Cursor) {
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
		d.mu.Unlock()
		after = page.Cursor
	}
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

// TestSeveralDesksFollowingMissNothingAndWaitTheirPace: six desks follow a real queue
// on loopback while patients submit from four places at once, a busy batch of changes
// is announced, and changes are committed without an announcement (as another process
// or an import would) while the desks' long polls end and begin again at their own
// times, sharing the delayed look for such changes. Every desk must receive every
// change, and no announcement may wake the desks before its pace: FeedInterval after
// a quiet one, twice it after one that carried more than busyStep changes.
func TestSeveralDesksFollowingMissNothingAndWaitTheirPace(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e, practice, _ := demoEnv(t, 100, 60)
	if err := e.q.SetSetting(ctx, "limits", triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 1000}, "test"); err != nil {
		t.Fatal(err)
	}
	const interval = 40 * time.Millisecond
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
	})
	reviewer, _ := practice.User("demo-reviewer")
	head, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	desks := make([]*followingDesk, 6)
	for i := range desks {
		desks[i] = &followingDesk{name: fmt.Sprintf("desk %d", i+1), requests: map[int64]bool{}, patients: map[int64]int{}}
		go desks[i].follow(ctx, e.http.URL, reviewer.Token, head)
	}
	for e.srv.WaitingFeeds() < len(desks) {
		time.Sleep(time.Millisecond) // waiting for the desks to wait, not timing anything
	}

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

	deadline := time.Now().Add(30 * time.Second) // far beyond any long poll: a desk missed it
	for _, d := range desks {
		for {
			wantMu.Lock()
			missing := d.missing(wantRequests, wantPatients)
			wantMu.Unlock()
			if missing == "" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s never received %s", d.name, missing)
			}
			time.Sleep(10 * time.Millisecond) // waiting for the desk, not timing it
		}
	}
	cancel()

	mu.Lock()
	defer mu.Unlock()
	sort.Slice(announced, func(i, j int) bool { return announced[i].at.Before(announced[j].at) })
	wasBusy := false
	for i := 1; i < len(announced); i++ {
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
