package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"triagedesk/client"
	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/ui"

	"triagedesk/assets"
)

// config is the desk's settings.
type config struct {
	Server string // "" for demo mode
	Token  string
	Cache  string
}

// loadConfig reads flags, TRIAGEDESK_ variables and the config file in the user's
// config folder, in that order of precedence. A setting that cannot work is refused
// with what to do.
func loadConfig(args []string) (config, error) {
	fs := pflag.NewFlagSet("triagedesk", pflag.ContinueOnError)
	fs.String("server", "", "the practice queue's address (demo mode when empty)")
	fs.String("token", "", "your staff bearer token")
	fs.String("cache", "", "the cache file (in your cache folder when empty)")
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("%w\nRun triagedesk --help for the settings", err)
	}
	v := viper.New()
	v.SetEnvPrefix("TRIAGEDESK")
	v.AutomaticEnv()
	v.BindPFlags(fs)
	if dir, err := os.UserConfigDir(); err == nil {
		v.SetConfigName("triagedesk")
		v.AddConfigPath(filepath.Join(dir, "triagedesk"))
		if err := v.ReadInConfig(); err != nil {
			var nf viper.ConfigFileNotFoundError
			if !errors.As(err, &nf) {
				return config{}, fmt.Errorf("the config file %s cannot be read: %v.\nFix it or move it aside", v.ConfigFileUsed(), err)
			}
		}
	}
	cfg := config{Server: v.GetString("server"), Token: v.GetString("token"), Cache: v.GetString("cache")}
	if cfg.Server != "" && cfg.Token == "" {
		return cfg, errors.New("a server is set but no token.\nAsk the practice manager for your token and set it with --token or TRIAGEDESK_TOKEN")
	}
	if cfg.Cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return cfg, fmt.Errorf("there is no cache folder for this user (%v): set one with --cache", err)
		}
		name := "cache.db"
		if cfg.Server == "" {
			name = "demo-cache.db"
		}
		cfg.Cache = filepath.Join(dir, "triagedesk", name)
	}
	return cfg, nil
}

// start opens the cache and the link to the queue, then shows the desk. It runs off
// the Fyne thread; every widget change goes through fyne.Do.
func start(ctx context.Context, cfg config, w fyne.Window) {
	fail := func(err error) { fyne.Do(func() { dialog.ShowError(err, w) }) }
	user := "you"
	if cfg.Server == "" {
		url, token, practice, err := startDemo(ctx, filepath.Dir(cfg.Cache))
		if err != nil {
			fail(fmt.Errorf("the demo practice could not start: %w", err))
			return
		}
		cfg.Server, cfg.Token, user = url, token, "demo-reviewer"
		os.Remove(cfg.Cache) // a fresh demo every start
		os.Remove(cfg.Cache + "-wal")
		os.Remove(cfg.Cache + "-shm")
		go trickle(ctx, url, practice)
	}
	cache, err := store.OpenCache(ctx, cfg.Cache)
	if err != nil {
		fail(err)
		return
	}
	c, err := client.New(cfg.Server, cfg.Token)
	if err != nil {
		fail(err)
		return
	}
	if me, err := c.WhoAmI(ctx); err == nil {
		user = me.Name
	}
	syncer := client.NewSyncer(c, cache)
	cal := triage.DefaultCalendar()
	var desk *ui.Desk
	fyne.DoAndWait(func() {
		desk = ui.NewDesk(cache, cachedActor{cache, cal}, user, time.Now, syncer.SyncNow, func(err error) { dialog.ShowError(err, w) })
		w.SetContent(desk.Root)
		w.Canvas().SetOnTypedRune(desk.TypedRune)
		w.Canvas().SetOnTypedKey(desk.TypedKey)
		w.SetTitle("Triage Desk — " + user)
	})
	desk.Inbox.Reload()
	syncer.OnStatus = func(s client.Status) {
		desk.Inbox.Reload()
		fyne.Do(func() {
			desk.SetStatus(ui.SyncStatus{Online: s.Online, LastSync: s.LastSync, Pending: s.Pending, Conflicts: s.Conflicts, Problem: s.LastError})
		})
	}
	if _, _, err := syncer.Once(ctx); err != nil && !client.IsNetwork(err) {
		fail(err)
	}
	desk.Inbox.Reload()
	syncer.Run(ctx)
}

// cachedActor applies actions to the cache with the practice's calendar.
type cachedActor struct {
	cache *store.Cache
	cal   *triage.Calendar
}

func (a cachedActor) Act(ctx context.Context, act triage.Action) (triage.Request, error) {
	return a.cache.Act(ctx, act, a.cal)
}

// startDemo runs a fresh demo practice queue in-process on 127.0.0.1.
func startDemo(ctx context.Context, dir string) (url, token string, practice server.DemoPractice, err error) {
	path := filepath.Join(dir, "demo-queue.db")
	for _, s := range []string{"", "-wal", "-shm"} {
		os.Remove(path + s)
	}
	q, err := store.OpenQueue(ctx, path)
	if err != nil {
		return "", "", practice, err
	}
	practice, err = server.FillDemo(ctx, q, 1, 30_000, 5000, time.Now())
	if err != nil {
		return "", "", practice, err
	}
	reviewer, _ := practice.User("demo-reviewer")
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	// The demo is open whatever the hour, so it can be shown in the evening.
	srv.SetClock(func() time.Time { return nextCoreHour(time.Now()) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", "", practice, err
	}
	go http.Serve(ln, srv)
	go func() { <-ctx.Done(); ln.Close(); q.Close() }()
	return "http://" + ln.Addr().String(), reviewer.Token, practice, nil
}

// nextCoreHour maps any time to 10:00 on a working Tuesday, for the demo's schedule.
func nextCoreHour(time.Time) time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }

// trickle keeps new patient requests arriving in the demo, an emergency among them
// now and then, through the patient API like any patient's phone.
func trickle(ctx context.Context, url string, practice server.DemoPractice) {
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	emergencies := []string{"Crushing chest pain going down my left arm and I feel sweaty", "My husband's face has dropped on one side and his speech is slurred"}
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Duration(8+rng.IntN(12)) * time.Second):
		}
		acc := practice.Practice.Accounts[rng.IntN(len(practice.Practice.Accounts))]
		pt := practice.Practice.Patients[acc.PatientID-1]
		text, kind, _ := demo.RequestText(rng, pt.AgeAt(time.Now()), pt.Sex)
		if rng.IntN(8) == 0 && pt.AgeAt(time.Now()) >= 30 {
			text, kind = emergencies[rng.IntN(len(emergencies))], triage.Clinical
		}
		c, err := client.New(url, practice.PatientTokens[acc.ID])
		if err != nil {
			return
		}
		c.Submit(ctx, 0, kind, text) // a refusal (the patient's limit) is part of the demo
	}
}
