package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/ui"
)

// config is the desk's settings.
type config struct {
	Server string // "" for demo mode
	Token  string
	Cache  string
	// FreshDemo starts the demo practice afresh; without it the demo carries on from
	// where the last run left it, as a real practice would.
	FreshDemo bool
	// TokenFile is the config file the token was read from, if it was: a new token
	// given at a sign-in is written back there for the next start.
	TokenFile string
}

// loadConfig reads flags, TRIAGEDESK_ variables and the config file in the user's
// config folder, in that order of precedence. A setting that cannot work is refused
// with what to do.
func loadConfig(args []string) (config, error) {
	fs := pflag.NewFlagSet("triagedesk", pflag.ContinueOnError)
	fs.String("server", "", "the practice queue's address, like https://queue.example.nhs.uk (demo mode when empty)")
	fs.String("token", "", "your staff token, from the practice manager")
	fs.String("cache", "", "the cache file (in your cache folder when empty)")
	fresh := fs.Bool("fresh-demo", false, "start the demo practice afresh instead of carrying on from the last run")
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("the command line is wrong: %w.\nThe settings are --server, --token, --cache and --fresh-demo", err)
	}
	v := viper.New()
	v.SetEnvPrefix("TRIAGEDESK")
	v.AutomaticEnv()
	if err := v.BindPFlags(fs); err != nil {
		return config{}, fmt.Errorf("reading the settings: %w", err)
	}
	if dir, err := os.UserConfigDir(); err == nil {
		v.SetConfigName("triagedesk")
		v.AddConfigPath(filepath.Join(dir, "triagedesk"))
		if err := v.ReadInConfig(); err != nil {
			var nf viper.ConfigFileNotFoundError
			if !errors.As(err, &nf) {
				return config{}, fmt.Errorf("the config file in %s cannot be read: %v.\nFix it or move it aside; Triage Desk then starts in demo mode", filepath.Join(dir, "triagedesk"), err)
			}
		}
	}
	cfg := config{Server: strings.TrimSpace(v.GetString("server")), Token: strings.TrimSpace(v.GetString("token")), Cache: v.GetString("cache"), FreshDemo: *fresh}
	if !fs.Changed("token") && os.Getenv("TRIAGEDESK_TOKEN") == "" && v.InConfig("token") {
		cfg.TokenFile = v.ConfigFileUsed()
	}
	if cfg.Server != "" {
		if !strings.HasPrefix(cfg.Server, "http://") && !strings.HasPrefix(cfg.Server, "https://") {
			return cfg, fmt.Errorf("the server setting %q is not an address.\nSet it like https://queue.example.nhs.uk with --server, TRIAGEDESK_SERVER or server: in the config file", cfg.Server)
		}
		if _, err := client.ParseServerURL(cfg.Server); err != nil {
			return cfg, fmt.Errorf("the server setting cannot be used: %s.\nSet it with --server, TRIAGEDESK_SERVER or server: in the config file", triage.ErrorMessage(err))
		}
		if cfg.Token == "" {
			return cfg, errors.New("a server is set but no token.\nAsk the practice manager for your token and set it with --token, TRIAGEDESK_TOKEN or token: in the config file")
		}
	}
	if cfg.Cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return cfg, fmt.Errorf("there is no cache folder for this user (%v).\nSet a cache file with --cache or TRIAGEDESK_CACHE", err)
		}
		name := "cache.db"
		if cfg.Server == "" {
			name = "demo-cache.db"
		}
		cfg.Cache = filepath.Join(dir, "triagedesk", name)
	}
	if err := os.MkdirAll(filepath.Dir(cfg.Cache), 0o700); err != nil {
		return cfg, fmt.Errorf("the cache folder %s cannot be made: %v.\nSet another with --cache", filepath.Dir(cfg.Cache), err)
	}
	return cfg, nil
}

// start opens the cache and the link to the queue, then shows the desk. It runs off
// the Fyne thread; every widget change goes through fyne.Do.
func start(ctx context.Context, cfg config, a fyne.App, w fyne.Window) {
	fail := func(err error) { fyne.Do(func() { dialog.ShowError(err, w) }) }
	opts := ui.Options{User: "you", Role: ui.RoleReviewer, Now: time.Now,
		Notify: notifier(a), Alarm: alarm}
	var practice *server.DemoPractice
	if cfg.Server == "" {
		url, p, fresh, err := startDemo(ctx, filepath.Dir(cfg.Cache), demoSize{Patients: 30_000, Requests: demoRequests()}, cfg.FreshDemo)
		if err != nil {
			fail(fmt.Errorf("the demo practice could not start: %w", err))
			return
		}
		reviewer, _ := p.User("demo-reviewer")
		cfg.Server, cfg.Token, practice = url, reviewer.Token, &p
		if fresh { // a new practice: the desk's copy of the old one must go
			for _, s := range []string{"", "-wal", "-shm"} {
				os.Remove(cfg.Cache + s)
			}
		}
		first := "" // the demo's first arrival: a patient's own words, or an emergency for its screenshot
		if os.Getenv("TRIAGEDESK_SCREEN") == "emergency" {
			first = demoEmergency
		}
		go trickle(ctx, url, p, first)
	}
	cache, err := store.OpenCache(ctx, cfg.Cache)
	if err != nil {
		fail(fmt.Errorf("the cache %s cannot be opened: %w.\nMove it aside and start again; it is refilled from the practice queue", cfg.Cache, err))
		return
	}
	c, err := client.New(cfg.Server, cfg.Token)
	if err != nil {
		fail(fmt.Errorf("the server setting cannot be used: %w", err))
		return
	}
	// Who the token belongs to: asked of the queue, but not for long, and remembered in
	// the cache, so a desk that starts offline still shows its cache at once and still
	// knows whose "mine" is.
	if name, err := cache.Meta(ctx, "desk-user"); err == nil && name != "" {
		opts.User = name
	}
	if role, err := cache.Meta(ctx, "desk-team"); err == nil && role != "" {
		opts.Role, opts.Team = ui.RoleTeam, triage.Team(role)
	}
	if role, err := cache.Meta(ctx, "desk-role"); err == nil && role == string(store.RoleManager) {
		opts.Role = ui.RoleManager
	}
	whoCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
	me, err := c.WhoAmI(whoCtx)
	cancel()
	switch {
	case err == nil:
		opts.User = me.Name
		team := ""
		switch me.Role {
		case string(store.RoleClinician):
			opts.Role, opts.Team, team = ui.RoleTeam, triage.Team(me.Team), me.Team
		case string(store.RoleManager):
			opts.Role = ui.RoleManager
		}
		cache.SetMeta(ctx, "desk-user", me.Name)
		cache.SetMeta(ctx, "desk-team", team)
		cache.SetMeta(ctx, "desk-role", me.Role)
	case client.IsSignedOut(err) && opts.User != "you":
		// The desk knows whose it is from its cache: it opens and asks them to sign in
		// again, keeping their outbox, rather than stopping at an error.
	case !client.IsNetwork(err) && !errors.Is(err, context.DeadlineExceeded):
		fail(fmt.Errorf("the practice queue did not accept your token: %w.\nAsk the practice manager for a new one", err))
	}
	// Closed requests leave the cache after the retention period: now, on this
	// goroutine's own, and daily while the desk runs.
	go client.Retention{Cache: cache, Actor: opts.User, OnPurge: func(n int, err error) {
		if err != nil {
			fail(fmt.Errorf("closed requests could not be removed from this desk's cache: %w.\nThey stay until the next try, tomorrow or at the next start", err))
		}
	}}.Run(ctx)
	opts.Sites, opts.GPTeams = practiceNames(ctx, cache, c)
	link := &link{cache: cache, base: cfg.Server}
	link.use(c, cfg.Token, opts.User)
	opts.Reception = link
	opts.Identity = link
	opts.Photos = link
	opts.SignIn = link.SignIn
	if cfg.TokenFile != "" {
		link.remember = func(token string) {
			if err := saveToken(cfg.TokenFile, token); err != nil {
				fail(fmt.Errorf("you are signed in, but the new token could not be kept in %s for the next start: %w.\nPut it there as token: yourself", cfg.TokenFile, err))
			}
		}
	}
	if practice != nil {
		opts.SwitchUser = func(role ui.Role, team triage.Team) string { return link.switchDemo(*practice, role, team) }
	}
	var desk *ui.Desk
	fyne.DoAndWait(func() {
		desk = ui.NewDesk(cache, cachedActor{cache, triage.DefaultCalendar()}, link, opts, w)
		desk.Install(w)
		w.SetTitle("Triage Desk — " + opts.User)
	})
	<-desk.Refresh()
	if os.Getenv("TRIAGEDESK_TRACE") != "" { // timings only, never patient data
		fmt.Fprintf(os.Stderr, "triagedesk: the cache's rows on screen %d ms after start\n", time.Since(started).Milliseconds())
	}
	link.run(ctx, desk, func(err error) {
		if !client.IsNetwork(err) && !client.IsSignedOut(err) { // signed out: the desk asks for a sign-in
			fail(fmt.Errorf("the first sync failed: %w", err))
		}
	})
	if screen := os.Getenv("TRIAGEDESK_SCREEN"); screen != "" { // for scripts/screenshot.sh
		showForScreenshot(ctx, desk, screen, os.Getenv("TRIAGEDESK_READY"))
	}
}

// showForScreenshot opens a named screen (ui.Desk.ShowScreen, or "emergency": the
// inbox once the demo's first arrival, an emergency, has raised the banner), waits
// until what it shows is on screen, and then creates the file ready names. The
// screenshot script waits for that file rather than for a guessed number of seconds,
// which a loaded machine always outran.
func showForScreenshot(ctx context.Context, desk *ui.Desk, screen, ready string) {
	<-desk.Refresh()
	var shown <-chan struct{}
	fyne.DoAndWait(func() { shown = desk.ShowScreen(screen) })
	select {
	case <-shown:
	case <-ctx.Done():
		return
	}
	for screen == "emergency" {
		up := false
		fyne.DoAndWait(func() { up = len(desk.Alert.Waiting()) > 0 })
		if up {
			break
		}
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			return
		}
	}
	fyne.DoAndWait(func() {}) // a turn of the Fyne thread after the screen was filled
	time.Sleep(time.Second)   // and many frames of the painter's (60 a second)
	if ready != "" {
		if err := os.WriteFile(ready, []byte(screen+"\n"), 0o600); err != nil {
			fmt.Fprintf(os.Stderr, "triagedesk: cannot say the screen is ready: %v\n", err)
		}
	}
}

// practiceNames reads the practice's sites and GP teams from the cache for the filters.
// A cache that has never synced has none, so it first takes what the queue sends in a
// few seconds; offline, the filters offer "Any" only until the next start.
func practiceNames(ctx context.Context, cache *store.Cache, c *client.Client) ([]triage.Site, []triage.GPTeam) {
	sites, _ := cache.Sites(ctx)
	if len(sites) == 0 {
		pullCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		client.NewSyncer(c, cache).Pull(pullCtx, false)
		cancel()
		sites, _ = cache.Sites(ctx)
	}
	teams, _ := cache.GPTeams(ctx)
	return sites, teams
}

// cachedActor applies actions to the cache with the practice's calendar.
type cachedActor struct {
	cache *store.Cache
	cal   *triage.Calendar
}

func (a cachedActor) Act(ctx context.Context, act triage.Action) (triage.Request, error) {
	return a.cache.Act(ctx, act, a.cal)
}

// link is the desk's ui.Sync: the syncer, the cache's refused actions, presence and
// the manager's settings on the practice queue. In the demo it can sign in as another
// member of staff, so its syncer and client change under a lock.
type link struct {
	cache *store.Cache
	base  string

	mu sync.Mutex
	// session numbers the syncers: each use makes a new one, and the desk shows only
	// the statuses of the latest (ui.Sync.Session).
	session int
	syncer  *client.Syncer
	client  *client.Client
	token   string
	user    string
	desk    *ui.Desk
	stop    context.CancelFunc // stops the running sync
	life    context.Context    // the desk's own, which a sync after a sign-in runs under
	// remember, if set, keeps a new token for the desk's next start.
	remember func(token string)
	// watch, if set, hears every sync status after the desk shows it (tests).
	watch func(client.Status)
	// running counts the syncs following the queue, so a test can wait for them to end.
	running sync.WaitGroup
}

// use sets who the link works as, with a new syncer for them.
func (l *link) use(c *client.Client, token, user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.client, l.token, l.user = c, token, user
	l.syncer = client.NewSyncer(c, l.cache)
	l.syncer.User = user
	l.session++
}

// Session is the number of the syncer now in use: the desk drops a status reported
// by any other, as that syncer has been replaced.
func (l *link) Session() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.session
}

func (l *link) now() (*client.Syncer, *client.Client, string, string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.syncer, l.client, l.token, l.user
}

// run syncs once, then keeps syncing until ctx ends or the link signs in as
// someone else; first hears about a failed first sync.
func (l *link) run(ctx context.Context, desk *ui.Desk, first func(error)) {
	l.mu.Lock()
	if l.life == nil {
		l.life = ctx
	}
	ctx, cancel := context.WithCancel(ctx)
	if l.stop != nil {
		l.stop()
	}
	l.stop, l.desk = cancel, desk
	syncer, session := l.syncer, l.session
	l.mu.Unlock()
	connect(syncer, session, desk)
	if watch := l.watch; watch != nil {
		show := syncer.OnStatus
		syncer.OnStatus = func(s client.Status) { show(s); watch(s) }
	}
	if _, _, err := syncer.Once(ctx); err != nil && first != nil {
		first(err)
	}
	l.running.Add(1)
	go func() {
		defer l.running.Done()
		syncer.Run(ctx)
	}()
}

// switchDemo signs the demo desk in as the demo member of staff for a role and team,
// and returns their name. It is called on the Fyne thread, so the new sign-in runs on
// a goroutine.
func (l *link) switchDemo(p server.DemoPractice, role ui.Role, team triage.Team) string {
	name := "demo-reviewer"
	switch role {
	case ui.RoleManager:
		name = "demo-manager"
	case ui.RoleTeam:
		name = "demo-" + string(team)
	}
	u, ok := p.User(name)
	_, _, _, current := l.now()
	if !ok || name == current {
		return ""
	}
	c, err := client.New(l.base, u.Token)
	if err != nil {
		return ""
	}
	l.switchTo(c, u.Token, name)
	return name
}

// switchTo makes the link work as name with client c and token, and, once the desk is
// following the queue, restarts the sync as them under the desk's own context (the
// old sync stops). It returns at once: the new sync runs on a goroutine.
func (l *link) switchTo(c *client.Client, token, name string) {
	l.use(c, token, name)
	l.mu.Lock()
	desk, life := l.desk, l.life
	l.mu.Unlock()
	if desk != nil && life != nil {
		go l.run(life, desk, nil)
	}
}

// SignIn signs the desk in again with a new token after the queue ended its session
// (the token expired or was revoked). The token must be the same member of staff's:
// the outbox holds their changes and the desk shows their name, so another person's
// token is refused with what to do. Once accepted, the sync starts again with it: the
// outbox that waited is sent first, each change with the idempotency key it always
// had, so nothing is sent twice.
func (l *link) SignIn(ctx context.Context, token string) error {
	c, err := client.New(l.base, token)
	if err != nil {
		return err
	}
	me, err := c.WhoAmI(ctx)
	switch {
	case client.IsSignedOut(err):
		return fmt.Errorf("the practice queue did not accept this token (%s). Check it was copied whole, or ask the practice manager for a new one", triage.ErrorMessage(err))
	case err != nil:
		return fmt.Errorf("the practice queue could not check the token: %w. Check the connection and try again", err)
	}
	_, _, _, user := l.now()
	if me.Name != user {
		return fmt.Errorf("this token is %s's, but this desk is signed in as %s and holds their work. Paste %s's new token; to work as %s, close the desk and start it with their token", me.Name, user, user, me.Name)
	}
	l.switchTo(c, token, me.Name)
	if l.remember != nil {
		l.remember(token)
	}
	return nil
}

func (l *link) SyncNow() {
	s, _, _, _ := l.now()
	s.SyncNow()
}

func (l *link) Conflicts(ctx context.Context) ([]ui.Conflict, error) {
	items, err := l.cache.Problems(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ui.Conflict, len(items))
	for i, it := range items {
		out[i] = ui.Conflict{OutboxID: it.ID, Mine: it.Action, Why: it.Error, Held: it.State == store.OutboxHeld}
	}
	return out, nil
}

func (l *link) Redo(ctx context.Context, id int64) error {
	_, _, _, user := l.now()
	return l.cache.Redo(ctx, id, user, triage.DefaultCalendar())
}

func (l *link) Dismiss(ctx context.Context, id int64) error {
	_, _, _, user := l.now()
	return l.cache.Dismiss(ctx, id, user)
}

func (l *link) Presence(ctx context.Context, id int64, activity string) ([]ui.Viewer, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	_, c, _, user := l.now()
	ps, err := c.Heartbeat(ctx, id, activity)
	if err != nil {
		return nil, err
	}
	var out []ui.Viewer
	for _, p := range ps {
		if p.Name != user && p.RequestID == id {
			out = append(out, ui.Viewer{Name: p.Name, Activity: p.Activity})
		}
	}
	return out, nil
}

func (l *link) Settings(ctx context.Context) (ui.Settings, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, c, _, _ := l.now()
	v, err := c.Settings(ctx)
	if err != nil {
		return ui.Settings{}, err
	}
	return ui.Settings{Limits: v.Limits, Availability: v.Availability, Mode: v.Mode, Why: v.Why, Reopens: v.Reopens}, nil
}

func (l *link) SetLimits(ctx context.Context, lim triage.Limits) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, c, _, _ := l.now()
	return c.SetLimits(ctx, lim)
}

func (l *link) SetAvailability(ctx context.Context, a triage.Availability) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, c, _, _ := l.now()
	return c.SetAvailability(ctx, a)
}

// AddTemplate adds a reply template on the practice queue (a manager only).
func (l *link) AddTemplate(ctx context.Context, t triage.Template) (triage.Template, error) {
	_, c, _, _ := l.now()
	return c.AddTemplate(ctx, t)
}

// SaveTemplate stores a manager's edit of a reply template on the practice queue.
func (l *link) SaveTemplate(ctx context.Context, t triage.Template) (triage.Template, error) {
	_, c, _, _ := l.now()
	return c.SaveTemplate(ctx, t)
}

// DeleteTemplate deletes a reply template on the practice queue.
func (l *link) DeleteTemplate(ctx context.Context, id int64, version int) error {
	_, c, _, _ := l.now()
	return c.DeleteTemplate(ctx, id, version)
}

// SetPractice sets the practice's details that the templates fill in.
func (l *link) SetPractice(ctx context.Context, p triage.Practice) error {
	_, c, _, _ := l.now()
	return c.SetPractice(ctx, p)
}

// OpenClaims returns the identity claims waiting for the practice's check.
func (l *link) OpenClaims(ctx context.Context) ([]triage.Claim, error) {
	_, c, _, _ := l.now()
	return c.OpenClaims(ctx)
}

// DecideClaim sends a decision on an identity claim.
func (l *link) DecideClaim(ctx context.Context, id int64, d triage.ClaimDecision) (triage.Claim, error) {
	_, c, _, _ := l.now()
	return c.DecideClaim(ctx, id, d)
}

// Photo fetches a photo a patient sent, for the request screen; the queue records
// the fetch in its audit trail as a view of that request's photo from this desk.
func (l *link) Photo(ctx context.Context, requestID int64, n int) ([]byte, string, error) {
	_, c, _, _ := l.now()
	return c.Photo(ctx, requestID, n)
}

// FindPatients searches the practice list for reception.
func (l *link) FindPatients(ctx context.Context, q triage.PatientQuery) ([]triage.Patient, int, error) {
	_, c, _, _ := l.now()
	return c.FindPatients(ctx, q)
}

// EnterForCaller sends a request reception entered for a caller.
func (l *link) EnterForCaller(ctx context.Context, e triage.StaffEntry, key string) (ui.Entered, error) {
	_, c, _, _ := l.now()
	a, err := c.EnterForCaller(ctx, e, key)
	if err != nil {
		return ui.Entered{}, err
	}
	return ui.Entered{ID: a.ID, Emergency: a.Emergency, Message: a.Message}, nil
}

// TeamMembers lists the names of a team's clinicians, the people a request of the
// team can be given to.
func (l *link) TeamMembers(ctx context.Context, team triage.Team) ([]string, error) {
	_, c, _, _ := l.now()
	staff, err := c.Staff(ctx, team)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(staff))
	for i, m := range staff {
		names[i] = m.Name
	}
	return names, nil
}

// demoSize is how big a demo practice is made.
type demoSize struct{ Patients, Requests int }

// savedDemo is what a demo practice needs besides its queue file to carry on after a
// restart: when and how it was made (the patients are made again from these, exactly
// as before) and the tokens its staff and patients sign in with, which the queue
// holds only as hashes. It lives beside the queue file, readable by its owner only.
type savedDemo struct {
	Made          time.Time
	Seed          uint64
	Size          demoSize
	Users         []server.DemoUser
	PatientTokens map[int64]string
}

// startDemo runs the demo practice queue in-process on 127.0.0.1 and returns its
// address, its staff and patients, and whether it was made afresh. The practice left
// by the last run carries on unless fresh is set or it cannot be read back (then a
// new one is made, and the reason goes to stderr: no patient data).
func startDemo(ctx context.Context, dir string, size demoSize, fresh bool) (url string, practice server.DemoPractice, made bool, err error) {
	path := filepath.Join(dir, "demo-queue.db")
	var q *store.Queue
	if !fresh {
		q, practice, err = openDemo(ctx, path, size)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(os.Stderr, "triagedesk: the demo practice from the last run cannot carry on (%v); starting a new one\n", err)
		}
	}
	if q == nil {
		made = true
		if q, practice, err = newDemo(ctx, path, size); err != nil {
			return "", practice, made, err
		}
	}
	// A few requests with photos, so a trainee sees how they look; a practice from
	// before there were any gets them now. The demo works without them.
	if err := server.EnsureDemoPhotos(ctx, q, practice.Practice, time.Now()); err != nil {
		fmt.Fprintf(os.Stderr, "triagedesk: the demo's requests with photos could not be added: %v\n", err)
	}
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	// The demo is open whatever the hour, so it can be shown in the evening.
	srv.SetClock(func() time.Time { return nextCoreHour(time.Now()) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		q.Close()
		return "", practice, made, err
	}
	go http.Serve(ln, srv)
	go func() { <-ctx.Done(); ln.Close(); q.Close() }()
	return "http://" + ln.Addr().String(), practice, made, nil
}

// newDemo makes a new demo practice queue at path, replacing any there, and saves
// what it needs to carry on after a restart.
func newDemo(ctx context.Context, path string, size demoSize) (*store.Queue, server.DemoPractice, error) {
	for _, s := range []string{"", "-wal", "-shm", ".json"} {
		os.Remove(path + s)
	}
	q, err := store.OpenQueue(ctx, path)
	if err != nil {
		return nil, server.DemoPractice{}, err
	}
	saved := savedDemo{Made: time.Now(), Seed: 1, Size: size}
	p, err := server.FillDemo(ctx, q, saved.Seed, size.Patients, size.Requests, saved.Made)
	if err != nil {
		q.Close()
		return nil, p, err
	}
	saved.Users, saved.PatientTokens = p.Users, p.PatientTokens
	data, err := json.Marshal(saved)
	if err == nil {
		err = os.WriteFile(path+".json", data, 0o600)
	}
	if err != nil { // the demo works; it will only start afresh next time
		fmt.Fprintf(os.Stderr, "triagedesk: the demo practice cannot be saved for the next run: %v\n", err)
	}
	return q, p, nil
}

// openDemo opens the demo practice the last run left at path. An error wrapping
// os.ErrNotExist means there is none.
func openDemo(ctx context.Context, path string, size demoSize) (*store.Queue, server.DemoPractice, error) {
	var saved savedDemo
	data, err := os.ReadFile(path + ".json")
	if err == nil {
		if _, serr := os.Stat(path); serr != nil {
			err = serr
		}
	}
	if err != nil {
		return nil, server.DemoPractice{}, err
	}
	if err := json.Unmarshal(data, &saved); err != nil {
		return nil, server.DemoPractice{}, fmt.Errorf("%s.json: %w", path, err)
	}
	if saved.Size != size {
		return nil, server.DemoPractice{}, fmt.Errorf("it was made with %d requests, %d are asked for", saved.Size.Requests, size.Requests)
	}
	q, err := store.OpenQueue(ctx, path)
	if err != nil {
		return nil, server.DemoPractice{}, err
	}
	p := server.DemoPractice{Users: saved.Users, PatientTokens: saved.PatientTokens,
		Practice: demo.NewPractice(saved.Seed, size.Patients, saved.Made)}
	if _, ok := p.User("demo-reviewer"); !ok || len(p.PatientTokens) == 0 {
		q.Close()
		return nil, p, fmt.Errorf("%s.json holds no staff or patient tokens", path)
	}
	if err := server.EnsureDemoDetails(ctx, q); err != nil {
		q.Close()
		return nil, p, fmt.Errorf("the demo practice's details for its templates: %w", err)
	}
	return q, p, nil
}

// demoRequests is the demo's size: 5,000 unless TRIAGEDESK_DEMO_REQUESTS says more
// (the 100,000-request measurements use it).
func demoRequests() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("TRIAGEDESK_DEMO_REQUESTS"), &n); err == nil && n > 0 {
		return n
	}
	return 5000
}

// nextCoreHour maps any time to 10:00 on a working Tuesday, for the demo's schedule.
func nextCoreHour(time.Time) time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }

// trickle keeps new patient requests arriving in the demo through the patient API,
// like any patient's phone: the demo's mix, so about one in a hundred an emergency.
// A first text, when given, is the first arrival's.
func trickle(ctx context.Context, url string, practice server.DemoPractice, first string) {
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Duration(8+rng.IntN(12)) * time.Second):
		}
		acc := practice.Practice.Accounts[rng.IntN(len(practice.Practice.Accounts))]
		pt := practice.Practice.Patients[acc.PatientID-1]
		text, kind, _ := demo.RequestText(rng, pt.AgeAt(time.Now()), pt.Sex)
		if first != "" {
			text, kind, first = first, triage.Clinical, ""
		}
		c, err := client.New(url, practice.PatientTokens[acc.ID])
		if err != nil {
			return
		}
		c.Submit(ctx, 0, kind, text) // a refusal (the patient's limit) is part of the demo
	}
}

// demoEmergency is what the demo's first arrival says when the screenshot script asks
// for the emergency banner: a heart attack in a patient's own words.
const demoEmergency = "Crushing pain in the middle of my chest for the last 20 minutes, going into my left arm and jaw. I feel sweaty and sick."

// connect shows the sync's status on the desk, as that of session, and refreshes the
// desk after each sync.
func connect(syncer *client.Syncer, session int, desk *ui.Desk) {
	syncer.OnStatus = func(s client.Status) {
		desk.Refresh()
		desk.PostStatus(ui.SyncStatus{Session: session, Online: s.Online, LastSync: s.LastSync, Pending: s.Pending, Conflicts: s.Conflicts, Problem: s.LastError, SignedOut: s.SignedOut})
	}
}

// started is when the process started, for TRIAGEDESK_TRACE timings.
var started = time.Now()

// saveToken writes a new token into the desk's config file in place of the old one,
// keeping the file's other settings and comments, readable by its owner only.
func saveToken(path, token string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("it is not a list of settings")
	}
	m := doc.Content[0]
	found := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		if strings.EqualFold(m.Content[i].Value, "token") {
			m.Content[i+1].SetString(token)
			found = true
		}
	}
	if !found {
		return fmt.Errorf("it has no token: setting")
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		return err
	}
	tmp := path + ".new"
	if err := os.WriteFile(tmp, out, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
