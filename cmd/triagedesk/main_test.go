package main

import (
	"context"
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
		{name: "unknown flag", args: []string{"--sever", "x"}, wantErr: "--server, --token and --cache"},
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
			if got.Server != tt.want.Server || got.Token != tt.want.Token || !strings.HasPrefix(got.Cache, filepath.Join(home, "cache", "triagedesk")) {
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
	connect(syncer, desk)
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
