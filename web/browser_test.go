package web_test

// The harness of the patient pages' browser tests: one headless Chromium for the test
// binary, a tab of its own (with its own cookies) for each test, the queue server on
// 127.0.0.1 with a real SQLite file and the real SMTP server of internal/mailtest, and
// axe-core run inside each page.

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"triagedesk/assets"
	"triagedesk/internal/mailtest"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/web"
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
	tb.watchConsole()
	tb.resize(width)
	return tb
}

// watchConsole fails the test, when it ends, on anything the pages' console reported
// as an error: a script or style the Content-Security-Policy blocked, a file that did
// not load, an exception. The pages need no script, so none may fail.
func (tb *tab) watchConsole() {
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(tb.ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleError || strings.Contains(m.Text, "Content Security Policy") {
				if u, err := url.Parse(m.URL); err == nil && path.Ext(u.Path) == "" && strings.Contains(m.Text, "status of 4") {
					continue // a page (not a file) answering 403 or 404 on purpose: the test checks it
				}
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s: %s (%s)", m.Type, m.Text, m.URL))
				mu.Unlock()
			}
		}
	}()
	tb.t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			tb.t.Errorf("the browser's console: %s", p)
		}
	})
}

// resize sets the tab's viewport width (the height of a phone held upright).
func (tb *tab) resize(width int) {
	tb.t.Helper()
	tb.width = width
	tb.do("set the width to "+fmt.Sprint(width), chromedp.EmulateViewport(int64(width), 800))
}

// stepTimeout is how long one step in the browser may take before the test fails:
// generous, for a 20 MB upload on a busy CI machine with the race detector on.
const stepTimeout = 45 * time.Second

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
	if !axeChecked.first(eval[string](tb, pageShape), tb.width) {
		return nil // this page, as built now, passed or failed axe at this width already
	}
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

// pageShape is a page's structure without its words: every element's tag, id, classes,
// role, type, target and ARIA attributes, in order. Two pages of the same shape get
// the same answer from axe's rules (which look at structure, names and colours, and
// colours come from the classes), so each shape is checked once per width in a run:
// the journeys pass through the same pages many times, and axe is the slowest step.
const pageShape = `location.pathname.replace(/[0-9]+/g, "N") + "|" + document.title.replace(/[0-9]+/g, "N") + "|" +
	Array.from(document.querySelectorAll("*")).map(e => [e.tagName, e.id, e.className && e.className.baseVal === undefined ? e.className : "",
		e.getAttribute("role"), e.getAttribute("type"), e.getAttribute("for"), e.hasAttribute("href"), e.hasAttribute("alt"),
		Array.from(e.attributes).filter(a => a.name.startsWith("aria-")).map(a => a.name + "=" + a.value).join(","),
		e.children.length === 0 && e.textContent.trim() === "" ? "empty" : ""].join(":")).join(";")`

// axeShapes are the page shapes axe has checked in this test run, by width.
type axeShapes struct {
	mu   sync.Mutex
	seen map[string]bool
}

var axeChecked = &axeShapes{seen: map[string]bool{}}

// first reports whether shape at width has not been checked yet, and marks it.
func (a *axeShapes) first(shape string, width int) bool {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%d|%s", width, shape)))
	key := hex.EncodeToString(sum[:])
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.seen[key] {
		return false
	}
	a.seen[key] = true
	return true
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

// site is a practice's queue server on 127.0.0.1, with the patient pages at / as
// queueserver serves them, as a patient's browser reaches it.
type site struct {
	URL     string
	q       *store.Queue
	srv     *server.Server
	pages   *web.Web
	mail    *mailtest.Mailbox
	http    *httptest.Server
	manager string // a practice manager's bearer token, to change settings
	clock   *testClock

	nextPatient int64 // numbers the patients tests put on the list
}

// testClock is the server's clock, which a test may move on (to end a session).
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// add moves the clock on by d.
func (c *testClock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// The practice's details the pages show.
const (
	practiceName  = "Main Surgery"
	practicePhone = "01632 960 123"
	frontDesk     = "Monday to Friday, 8am to 6:30pm"
)

// startSite runs a queue for one practice (one site, one GP team) on a new SQLite file,
// with the patient pages in front of it as queueserver mounts them, sending its email
// through a real SMTP server whose links point at it.
func startSite(t testing.TB) *site { return startSiteWith(t, nil) }

// startSiteWith is startSite with the pages wrapped by wrap (to time them) when it is
// not nil.
func startSiteWith(t testing.TB, wrap func(http.Handler) http.Handler) *site {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	if err := q.Import(ctx, store.Changes{Sites: []triage.Site{{ID: "main", Name: practiceName}},
		GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}}}); err != nil {
		t.Fatal(err)
	}
	s := &site{q: q, srv: server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil), clock: &testClock{t: coreHours}}
	s.srv.SetClock(s.clock.now)
	if s.pages, err = web.New(s.srv, web.Options{Practice: practiceName, Phone: practicePhone, FrontDesk: frontDesk}); err != nil {
		t.Fatal(err)
	}
	var h http.Handler = s.pages
	if wrap != nil {
		h = wrap(h)
	}
	s.http = httptest.NewServer(h)
	t.Cleanup(s.http.Close)
	s.URL = s.http.URL
	s.mail = mailtest.Start(t)
	if err := s.mail.Attach(s.srv, s.URL); err != nil { // the links in emails open this server
		t.Fatal(err)
	}
	if s.manager, err = q.AddUser(ctx, "mo", store.RoleManager, ""); err != nil {
		t.Fatal(err)
	}
	return s
}

// api sends JSON to the queue's API, for what a test sets up without the pages (a
// manager's settings), and returns the status.
func (s *site) api(t testing.TB, method, path, token, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
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
	return resp.StatusCode
}

// --- forms ----------------------------------------------------------------------------

// typeInto focuses the field with the id and enters text at the cursor, as a phone's
// keyboard does (one input event for the text; the keyboard-only test presses real
// keys).
func (tb *tab) typeInto(id, text string) {
	tb.t.Helper()
	tb.do("type into #"+id, chromedp.Focus(chromedp.ID(id)), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
}

// setValue puts text in the field with the id at once (for long text that would take
// too long to type key by key).
func (tb *tab) setValue(id, text string) {
	tb.t.Helper()
	tb.do("fill #"+id, chromedp.SetValue(chromedp.ID(id), text))
}

// choose clicks the radio button or checkbox with the id.
func (tb *tab) choose(id string) {
	tb.t.Helper()
	tb.do("choose #"+id, chromedp.Click(chromedp.ID(id)))
}

// value is what the field with the id holds now.
func (tb *tab) value(id string) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID(id)))
	if err != nil {
		tb.t.Fatalf("read #%s (at %s): %v", id, tb.location(), err)
	}
	return v
}

// submit presses the main form's submit button and returns the status of the page
// that comes back.
func (tb *tab) submit() int {
	tb.t.Helper()
	return tb.navigateBy("submit the form", chromedp.Click(chromedp.CSS(`main form [type=submit]`)))
}

// follow clicks the link (or button-styled link) in the page's main part whose text is
// text, and returns the status of the page it opens.
func (tb *tab) follow(text string) int {
	tb.t.Helper()
	return tb.navigateBy("follow the link "+text, chromedp.Click(chromedp.Search(`//main//a[normalize-space()="`+text+`"]`)))
}

// summaryError is one line of a page's error summary, and what its link points at.
type summaryError struct {
	Text, Href string
	Field      string // the tag of the element the link points at; "" when there is none
}

// errorSummary returns the lines of the page's error summary (none when the page has
// none). Each line must link to a field on the page.
func (tb *tab) errorSummary() []summaryError {
	tb.t.Helper()
	return eval[[]summaryError](tb, `Array.from(document.querySelectorAll(".nhsuk-error-summary li")).map(li => {
		const a = li.querySelector("a"); const href = a ? a.getAttribute("href") : "";
		let el = null; try { el = href ? document.querySelector(href) : null } catch (e) {}
		return {Text: li.innerText.trim(), Href: href, Field: el ? el.tagName.toLowerCase() : ""}})`)
}

// mustShowError fails the test unless the page has an error summary with a line
// holding want whose link goes to the field with the id.
func (tb *tab) mustShowError(id, want string) {
	tb.t.Helper()
	errs := tb.errorSummary()
	for _, e := range errs {
		if strings.Contains(e.Text, want) {
			if e.Href != "#"+id || e.Field == "" {
				tb.t.Errorf("the error %q links to %q (a %q), want the field #%s", e.Text, e.Href, e.Field, id)
			}
			return
		}
	}
	tb.t.Errorf("the page at %s has no error saying %q linked to #%s; its error summary: %+v", tb.location(), want, id, errs)
}

// --- the keyboard -----------------------------------------------------------------------

// keys types text into whatever has the focus.
func (tb *tab) keys(text string) {
	tb.t.Helper()
	tb.do("type", chromedp.KeyEvent(text))
}

// tabTo presses Tab until the element with the id has the focus, failing the test when
// forty presses do not reach it (the page's tab order has lost it).
func (tb *tab) tabTo(id string) {
	tb.t.Helper()
	for range 40 {
		if eval[string](tb, `document.activeElement ? document.activeElement.id : ""`) == id {
			return
		}
		tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
	}
	tb.t.Fatalf("forty presses of Tab never reached #%s on %s", id, tb.location())
}

// listed puts a patient on the practice list, as the practice's import would.
func (s *site) listed(t testing.TB, nhs, given, family, birth string, sex triage.Sex) triage.Patient {
	t.Helper()
	n, err := triage.ParseNHSNumber(nhs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := time.Parse(time.DateOnly, birth)
	if err != nil {
		t.Fatal(err)
	}
	s.nextPatient++
	// Counting down from high ids, so they never meet the provisional records claims make.
	p := triage.Patient{ID: 900000 - s.nextPatient, Version: 1, NHSNumber: n, GivenName: given, FamilyName: family,
		BirthDate: b, Sex: sex, SiteID: "main", GPTeamID: "blue"}
	if err := s.q.Import(context.Background(), store.Changes{Patients: []triage.Patient{p}}); err != nil {
		t.Fatal(err)
	}
	return p
}

// verifyClaims has the practice verify every open claim whose NHS number is on the
// list, as a reviewer would on the desk, and returns how many it verified.
func (s *site) verifyClaims(t testing.TB) int {
	t.Helper()
	ctx := context.Background()
	claims, err := s.q.OpenClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range claims {
		for _, m := range c.Matches {
			if m.NHSNumber == c.NHSNumber && !m.Unverified {
				if _, err := s.q.DecideClaim(ctx, c.ID, triage.ClaimDecision{Decision: triage.ClaimVerified, PatientID: m.ID}, "mo"); err != nil {
					t.Fatal(err)
				}
				n++
				break
			}
		}
	}
	s.srv.Notify()
	return n
}
