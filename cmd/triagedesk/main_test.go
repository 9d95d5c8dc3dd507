package main

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		file    string
		want    config
		wantErr string
	}{
		{name: "nothing is demo mode", want: config{}},
		{name: "flags", args: []string{"--server", "https://q.example", "--token", "abc"}, want: config{Server: "https://q.example", Token: "abc"}},
		{name: "environment", env: map[string]string{"TRIAGEDESK_SERVER": "https://q.example", "TRIAGEDESK_TOKEN": "t"}, want: config{Server: "https://q.example", Token: "t"}},
		{name: "config file", file: "server: https://f.example\ntoken: ft\n", want: config{Server: "https://f.example", Token: "ft"}},
		{name: "flag beats file", file: "server: https://f.example\ntoken: ft\n", args: []string{"--token", "flag"}, want: config{Server: "https://f.example", Token: "flag"}},
		{name: "server without token", args: []string{"--server", "https://q.example"}, wantErr: "no token"},
		{name: "server not an address", args: []string{"--server", "queue", "--token", "x"}, wantErr: "not an address"},
		{name: "http to another computer", args: []string{"--server", "http://queue.example.nhs.uk", "--token", "x"}, wantErr: "unencrypted"},
		{name: "http to this computer", args: []string{"--server", "http://127.0.0.1:8443", "--token", "x"}, want: config{Server: "http://127.0.0.1:8443", Token: "x"}},
		{name: "unknown flag", args: []string{"--sever", "x"}, wantErr: "--server, --token, --cache and --fresh-demo"},
		{name: "fresh demo", args: []string{"--fresh-demo"}, want: config{FreshDemo: true}},
		{name: "broken config file", file: "server: [\n", wantErr: "cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
			t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
			t.Setenv("HOME", home)
			for _, k := range []string{"TRIAGEDESK_SERVER", "TRIAGEDESK_TOKEN", "TRIAGEDESK_CACHE"} {
				t.Setenv(k, tt.env[k])
			}
			if tt.file != "" {
				dir := filepath.Join(home, "config", "triagedesk")
				os.MkdirAll(dir, 0o700)
				os.WriteFile(filepath.Join(dir, "triagedesk.yaml"), []byte(tt.file), 0o600)
			}
			got, err := loadConfig(tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Server != tt.want.Server || got.Token != tt.want.Token || got.FreshDemo != tt.want.FreshDemo || !strings.HasPrefix(got.Cache, filepath.Join(home, "cache", "triagedesk")) {
				t.Fatalf("got %+v, want %+v with the cache in the cache folder", got, tt.want)
			}
		})
	}
}

// TestOfflineWhenTheServerStops runs a real practice queue on loopback, syncs a real
// cache into the desk, assigns a request with a key press and syncs it to the queue,
// then stops the queue: the status bar must say offline.
func TestOfflineWhenTheServerStops(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	dir := t.TempDir()
	q, err := store.OpenQueue(ctx, filepath.Join(dir, "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// A fixed Tuesday morning, so the demo leaves new requests in the inbox whatever
	// the hour the test runs at (at 19:37 a wall-clock practice had none).
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	practice, err := server.FillDemo(ctx, q, 2, 200, 300, now)
	if err != nil {
		t.Fatal(err)
	}
	reviewer, _ := practice.User("demo-reviewer")
	srv := httptest.NewServer(server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil))
	defer srv.Close()
	cache, err := store.OpenCache(ctx, filepath.Join(dir, "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	c, err := client.New(srv.URL, reviewer.Token)
	if err != nil {
		t.Fatal(err)
	}
	syncer := client.NewSyncer(c, cache)
	w := test.NewTempWindow(t, nil)
	desk := ui.NewDesk(cache, cachedActor{cache, triage.DefaultCalendar()}, nil, ui.Options{User: "demo-reviewer", Problems: func(err error) { t.Error(err) }}, w)
	desk.Install(w)
	statuses := make(chan client.Status, 10)
	connect(syncer, 0, desk) // the desk has no link: its session is 0
	show := syncer.OnStatus
	syncer.OnStatus = func(s client.Status) { show(s); statuses <- s }

	if _, _, err := syncer.Once(ctx); err != nil {
		t.Fatal(err)
	}
	<-statuses
	<-desk.Refresh()
	ui.Idle()
	if !strings.HasPrefix(desk.Status.Text, "Online") || desk.Inbox.Total() == 0 {
		t.Fatalf("after a sync: status %q, %d in the inbox", desk.Status.Text, desk.Inbox.Total())
	}
	// Press j then 2: the first request goes to medicines here, then on the queue.
	desk.TypedRune('j')
	id := desk.Inbox.Rows()[0].ID
	desk.TypedRune('2')
	ui.Idle()
	if sent, _, err := syncer.Once(ctx); err != nil || sent != 1 {
		t.Fatalf("the sync sent %d actions (%v), want the assignment", sent, err)
	}
	<-statuses
	ui.Idle()
	onQueue, err := q.Request(ctx, id)
	if err != nil || onQueue.Team != triage.TeamMedicines || onQueue.UpdatedBy != "demo-reviewer" {
		t.Fatalf("on the queue request %d is with %q by %q (%v), want medicines by demo-reviewer", id, onQueue.Team, onQueue.UpdatedBy, err)
	}
	srv.CloseClientConnections()
	srv.Close()
	if _, _, err := syncer.Once(ctx); err == nil {
		t.Fatal("a sync with the queue stopped did not fail")
	}
	<-statuses
	ui.Idle()
	if !strings.Contains(desk.Status.Text, "OFFLINE") {
		t.Fatalf("with the queue stopped the status says %q", desk.Status.Text)
	}
}

// TestDemoCarriesOnAcrossRestarts starts the demo practice, changes a request through
// the queue's API as a desk would, and starts it again: the change is still there, and
// the staff can still sign in. --fresh-demo makes a new practice.
func TestDemoCarriesOnAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	size := demoSize{Patients: 300, Requests: 200}
	start := func(fresh bool) (*client.Client, server.DemoPractice, bool, context.CancelFunc) {
		t.Helper()
		ctx, cancel := context.WithCancel(context.Background())
		url, p, made, err := startDemo(ctx, dir, size, fresh)
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		reviewer, ok := p.User("demo-reviewer")
		if !ok {
			cancel()
			t.Fatal("the demo has no reviewer")
		}
		c, err := client.New(url, reviewer.Token)
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		return c, p, made, cancel
	}
	ctx := context.Background()
	c, first, made, stop := start(false)
	if !made {
		t.Fatal("the first start did not make a practice")
	}
	if fi, err := os.Stat(filepath.Join(dir, "demo-queue.db.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the saved demo: %v (mode %v), want a file only its owner reads", err, fi)
	}
	var target triage.Request
	for id := int64(1); id <= int64(size.Requests); id++ {
		if r, err := c.Task(ctx, id); err == nil && (r.Status == triage.StatusNew || r.Status == triage.StatusAssigned) && r.Team != triage.TeamPhysio {
			target = r
			break
		}
	}
	if target.ID == 0 {
		t.Fatal("the demo has no request to assign to physio")
	}
	if _, err := c.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: target.ID, BaseVersion: target.Version, Actor: "demo-reviewer", Team: triage.TeamPhysio}, ""); err != nil {
		t.Fatal(err)
	}
	stop()

	c, again, made, stop := start(false)
	if made {
		t.Fatal("the second start made a new practice instead of carrying on")
	}
	got, err := c.Task(ctx, target.ID)
	if err != nil || got.Status != triage.StatusAssigned || got.Team != triage.TeamPhysio {
		t.Fatalf("after a restart request %d is %s with %q (%v), want assigned to physio", target.ID, got.Status, got.Team, err)
	}
	if len(again.Practice.Patients) != len(first.Practice.Patients) || again.Practice.Patients[7].Name() != first.Practice.Patients[7].Name() ||
		!again.Practice.Patients[7].BirthDate.Equal(first.Practice.Patients[7].BirthDate) {
		t.Fatal("the practice's patients were not made again as they were")
	}
	stop()

	c, _, made, stop = start(true)
	defer stop()
	if !made {
		t.Fatal("--fresh-demo carried on instead of making a new practice")
	}
	if got, err := c.Task(ctx, target.ID); err != nil || got.Status == triage.StatusAssigned && got.Team == triage.TeamPhysio && got.UpdatedBy == "demo-reviewer" {
		t.Fatalf("after --fresh-demo request %d is still as the last run left it (%v)", target.ID, err)
	}
}

// TestTextSize reads the user's text size as Fyne does.
func TestTextSize(t *testing.T) {
	for _, c := range []struct {
		env     string
		setting float32
		want    float32
	}{
		{"", 0, 1},
		{"1.4", 0, 1.4},
		{"1.4", 1.2, 1.4}, // the environment wins, as in Fyne
		{"", 1.25, 1.25},
		{"auto", 1.25, 1},
		{"big", 1.25, 1.25}, // unreadable: Fyne logs it and goes on to its settings
		{"-2", 0, 1},
	} {
		if got := textSize(c.env, c.setting); got != c.want {
			t.Errorf("FYNE_SCALE=%q with the setting %g gives %g, want %g", c.env, c.setting, got, c.want)
		}
	}
}

// TestWindowSize: the first window is a screen's pixels in the desk's units, so that
// with a large text size it still fits the 1280×720 screen the desk is made for.
func TestWindowSize(t *testing.T) {
	for _, c := range []struct {
		env   string
		scale float32
		w, h  float32
	}{
		{"", 1, 1280, 720},
		{"1440x900", 1, 1440, 900},
		{"1920x1080", 1, 1920, 1080},
		{"wide", 1, 1280, 720},
		{"200x100", 1, 1280, 720}, // too small to use: the default
		{"1440", 1, 1280, 720},
		{"", 1.4, 914, 514}, // 914 units: what TestDeskNarrowerThanA1280ScreenAtTextSize14 holds every screen to
		{"", 1.25, 1024, 576},
		{"1440x900", 2, 720, 450},
		{"", 0, 1280, 720}, // no scale known: pixels are units
	} {
		if got := windowSize(c.env, c.scale); got.Width != c.w || got.Height != c.h {
			t.Errorf("TRIAGEDESK_WINDOW=%q at scale %g gives %v, want %gx%g", c.env, c.scale, got, c.w, c.h)
		}
	}
}

// TestDemoHasRequestsWithPhotos: the demo practice has a few requests sent with
// photos (generated pictures), which a desk fetches from the demo's queue as it would
// a patient's, and a demo carried on from the last run does not get them twice.
func TestDemoHasRequestsWithPhotos(t *testing.T) {
	dir := t.TempDir()
	size := demoSize{Patients: 300, Requests: 100}
	ctx := context.Background()
	withPhotos := func(fresh bool) (ids []int64) {
		t.Helper()
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		url, p, _, err := startDemo(ctx, dir, size, fresh)
		if err != nil {
			t.Fatal(err)
		}
		reviewer, _ := p.User("demo-reviewer")
		c, err := client.New(url, reviewer.Token)
		if err != nil {
			t.Fatal(err)
		}
		// The requests submitted after the demo's own; the first id with none ends them.
		for id := int64(size.Requests + 1); ; id++ {
			r, err := c.Task(ctx, id)
			if err != nil {
				break
			}
			if len(r.Photos) == 0 {
				continue
			}
			ids = append(ids, id)
			for _, ref := range r.Photos {
				data, ct, err := c.Photo(ctx, id, ref.N)
				if err != nil {
					t.Fatalf("photo %d of demo request %d: %v", ref.N, id, err)
				}
				cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
				if err != nil || "image/"+format != ct || cfg.Width != ref.Width || cfg.Height != ref.Height {
					t.Fatalf("photo %d of demo request %d is %s %dx%d (%v), its reference says %s %dx%d", ref.N, id, format, cfg.Width, cfg.Height, err, ct, ref.Width, ref.Height)
				}
			}
		}
		return ids
	}
	first := withPhotos(true)
	if len(first) < 3 {
		t.Fatalf("the demo has %d requests with photos, want a few (3)", len(first))
	}
	if again := withPhotos(false); len(again) != len(first) {
		t.Fatalf("carried on, the demo has %d requests with photos, want the same %d", len(again), len(first))
	}
}
