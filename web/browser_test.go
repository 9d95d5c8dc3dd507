package web_test

// The harness of the patient pages' browser tests: one headless Chromium for the test
// binary, a tab of its own (with its own cookies) for each test, the queue server on
// 127.0.0.1 with a real SQLite file and the real SMTP server of internal/mailtest, and
// axe-core run inside each page.

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"triagedesk/assets"
	"triagedesk/internal/mailtest"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// The widths every page is checked at: the narrowest phone the issue names, a common
// phone, and a desktop.
const (
	narrow  = 320
	phone   = 375
	desktop = 1280
)

// chrome is the one Chromium every test of the package opens its tabs in.
var chrome struct {
	ctx     context.Context // a chromedp context whose browser is running; nil when missing
	missing string          // why there is no browser, when tests are to skip
}

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

func runTests(m *testing.M) int {
	path := chromiumPath()
	if path == "" {
		msg := "the patient pages' browser tests need Chromium (/usr/bin/chromium): run scripts/deps.sh, or apt-get install chromium"
		if inCI() {
			fmt.Fprintln(os.Stderr, "FAIL: "+msg+" (CI is set, so they may not be skipped)")
			return 1
		}
		chrome.missing = msg
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "webtest-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "a user data folder for Chromium:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.UserDataDir(dir),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser, bound to ctx
		fmt.Fprintf(os.Stderr, "FAIL: start Chromium (%s): %v\n", path, err)
		return 1
	}
	chrome.ctx = ctx
	return m.Run()
}

// inCI says whether this is a CI run, where a missing browser fails instead of skipping.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// chromiumPath finds Debian's Chromium; CHROMIUM names another binary.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one browser tab of a test, in a browser context of its own so tests share no
// cookies, at a given width.
type tab struct {
	t     testing.TB
	ctx   context.Context
	width int
}

// newTab opens a tab width pixels wide for the rest of the test, or skips the test when
// there is no browser (and this is not CI).
func newTab(t testing.TB, width int) *tab {
	t.Helper()
	if chrome.ctx == nil {
		t.Skip(chrome.missing)
	}
	ctx, cancel := chromedp.NewContext(chrome.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // opens the tab, bound to ctx rather than a timeout
		t.Fatalf("open a tab: %v", err)
	}
	tb := &tab{t: t, ctx: ctx, width: width}
	tb.resize(width)
	return tb
}

// resize sets the tab's viewport width (the height of a phone held upright).
func (tb *tab) resize(width int) {
	tb.t.Helper()
	tb.width = width
	tb.do("set the width to "+fmt.Sprint(width), chromedp.EmulateViewport(int64(width), 800))
}

// stepTimeout is how long one step in the browser may take before the test fails.
const stepTimeout = 20 * time.Second

// do runs browser steps, failing the test with what was being done.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%s (at %s): %v", what, tb.location(), err)
	}
}

// navigateBy runs steps that should load a new page (a click on a link, a submit) and
// returns the page's HTTP status.
func (tb *tab) navigateBy(what string, steps ...chromedp.Action[chromedp.Void]) int {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		tb.t.Fatalf("%s (at %s): %v", what, tb.location(), err)
	}
	return int(resp.Status)
}

// open loads url and returns its HTTP status.
func (tb *tab) open(url string) int {
	tb.t.Helper()
	return tb.navigateBy("open "+url, chromedp.Navigate(url))
}

// location is the address of the page the tab shows, for messages.
func (tb *tab) location() string {
	ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return loc
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](tb *tab, expr string, opts ...chromedp.EvaluateOption) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		tb.t.Fatalf("evaluate %.60q (at %s): %v", expr, tb.location(), err)
	}
	return v
}

// text is the visible text of the whole page.
func (tb *tab) text() string {
	tb.t.Helper()
	return eval[string](tb, `document.body ? document.body.innerText : ""`)
}

// mustSee fails the test unless the page's visible text holds every one of want.
func (tb *tab) mustSee(want ...string) {
	tb.t.Helper()
	got := tb.text()
	for _, w := range want {
		if !strings.Contains(got, w) {
			tb.t.Fatalf("the page at %s does not say %q; it says:\n%s", tb.location(), w, got)
		}
	}
}

// --- axe-core -------------------------------------------------------------------------

//go:embed testdata/axe/axe.min.js
var axeSource string

// axeViolation is one rule axe-core found broken, with the elements that break it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Targets []string `json:"targets"`
}

// axe runs axe-core in the page as it is now and fails the test on every serious or
// critical violation, naming the rule, its impact, the elements and where to read more.
// It returns all violations, so a caller can report the minor ones.
func (tb *tab) axe(page string) []axeViolation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof window.axe === "object"`) {
		eval[chromedp.Void](tb, axeSource)
	}
	raw := eval[[]byte](tb, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
		targets: v.nodes.map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise)
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		tb.t.Fatalf("axe's answer on %s: %v", page, err)
	}
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			tb.t.Errorf("axe: %s at %d px: %s (%s): %s\n\tat %s\n\tsee %s", page, tb.width, v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "), v.HelpURL)
		}
	}
	return vs
}

// axeAt runs axe on the page at the narrow phone width and the desktop width, and
// leaves the tab at the width it had.
func (tb *tab) axeAt(page string) {
	tb.t.Helper()
	was := tb.width
	for _, w := range []int{narrow, desktop} {
		tb.resize(w)
		tb.axe(page)
	}
	tb.resize(was)
}

// --- the practice's queue --------------------------------------------------------------

// coreHours is a Tuesday morning in core hours, when online requests are open.
var coreHours = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// site is a practice's queue server on 127.0.0.1 as a patient's browser reaches it.
type site struct {
	URL  string
	q    *store.Queue
	srv  *server.Server
	mail *mailtest.Mailbox
	http *httptest.Server
}

// startSite runs a queue for one practice (one site, one GP team) on a new SQLite file,
// sending its email through a real SMTP server whose links point at it.
func startSite(t testing.TB) *site {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	if err := q.Import(ctx, store.Changes{Sites: []triage.Site{{ID: "main", Name: "Main Surgery"}},
		GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}}}); err != nil {
		t.Fatal(err)
	}
	s := &site{q: q, srv: server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)}
	s.srv.SetClock(func() time.Time { return coreHours })
	s.http = httptest.NewServer(s.srv)
	t.Cleanup(s.http.Close)
	s.URL = s.http.URL
	s.mail = mailtest.Start(t)
	cfg := s.mail.Config
	cfg.PublicURL = s.URL // the links in emails open this server
	mailer, err := server.NewMailer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.srv.UseMail(mailer)
	return s
}

// post sends JSON to the queue's API, for what a test sets up without the pages.
func (s *site) post(t testing.TB, path, token, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}
