package server_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// TestStatistics fills a demo practice and checks the manager's figures against the
// queue's own requests, counted here the plain way.
func TestStatistics(t *testing.T) {
	ctx := context.Background()
	e, practice, _ := demoEnv(t, 300, 1200)
	q, cal := e.q, triage.DefaultCalendar()
	manager, _ := practice.User("demo-manager")
	reviewer, _ := practice.User("demo-reviewer")
	e.manager = manager.Token

	if code, m := e.call("PUT", "/api/v1/settings/limits", e.manager, triage.Limits{MaxLive: 3, OveruseThreshold: 8}); code != 200 {
		t.Fatalf("set limits: %d %v", code, m)
	}
	reqs, _, err := q.Requests(ctx, 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	y, mo, d := tuesday.In(cal.Location).AddDate(0, 0, -29).Date()
	from := time.Date(y, mo, d, 0, 0, 0, 0, cal.Location)
	var open, breaches, received float64
	sent := map[int64]int{}
	for _, r := range reqs {
		if r.Status != triage.StatusClosed {
			open++
			if r.DueAt.Before(tuesday) {
				breaches++
			}
		}
		if !r.ReceivedAt.Before(from) {
			received++
		}
		if !r.ReceivedAt.Before(tuesday.AddDate(0, 0, -30)) {
			sent[r.PatientID]++
		}
	}
	var over float64
	for _, n := range sent {
		if n > 8 {
			over++
		}
	}

	code, m := e.call("GET", "/api/v1/statistics", e.manager, nil)
	if code != 200 {
		t.Fatalf("statistics: %d %v", code, m)
	}
	got := map[string]float64{"openTotal": m["openTotal"].(float64), "breaches": m["breaches"].(float64),
		"received": m["received"].(float64), "overuse": float64(len(m["overuse"].([]any))), "days": float64(len(m["perDay"].([]any)))}
	want := map[string]float64{"openTotal": open, "breaches": breaches, "received": received, "overuse": over, "days": 30}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
	if open == 0 || breaches == 0 || received < 1000 || over == 0 {
		t.Errorf("the demo practice should have open, late and overusing figures to check: %v", want)
	}
	if m["medianFirstResponseHours"].(float64) <= 0 {
		t.Errorf("no median time to first response in %v", m)
	}

	for _, tt := range []struct {
		name, token, query string
		code               int
	}{
		{"no token", "", "", 401},
		{"a reviewer", reviewer.Token, "", 403},
		{"days not a number", e.manager, "?days=a", 422},
		{"days out of range", e.manager, "?days=0", 422},
		{"a week", e.manager, "?days=7", 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if code, m := e.call("GET", "/api/v1/statistics"+tt.query, tt.token, nil); code != tt.code {
				t.Errorf("%d %v, want %d", code, m, tt.code)
			}
		})
	}
}

// demoEnv serves a demo practice, as it stands on Tuesday morning, on 127.0.0.1; it
// returns the queue database's path too, for tests that reach the file directly.
func demoEnv(t *testing.T, patients, requests int) (*env, server.DemoPractice, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	q, err := store.OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	practice, err := server.FillDemo(ctx, q, 4, patients, requests, tuesday)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	srv.SetClock(func() time.Time { return tuesday })
	h := httptest.NewServer(srv)
	t.Cleanup(h.Close)
	return &env{t: t, q: q, srv: srv, http: h}, practice, path
}
