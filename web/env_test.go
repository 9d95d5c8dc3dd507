package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/internal/mailtest"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/web"
)

// tuesday is a time in the practice's core hours, so the service is open.
var tuesday = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// env is a practice queue on a real SQLite file, its server with the patient pages on
// 127.0.0.1, and a real SMTP server that receives the queue's emails.
type env struct {
	t       testing.TB
	q       *store.Queue
	srv     *server.Server
	web     *web.Web
	http    *httptest.Server
	mail    *mailtest.Mailbox
	manager string // a practice manager's token
	clock   *clock
	next    int64
}

// clock is the server's clock, which a test may move on.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func newEnv(t testing.TB) *env {
	t.Helper()
	q, err := store.OpenQueue(context.Background(), filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	if err := q.Import(context.Background(), store.Changes{Sites: []triage.Site{{ID: "main", Name: "Main Surgery"}},
		GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "main"}}}); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, q: q, clock: &clock{t: tuesday}}
	e.srv = server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	e.srv.SetClock(e.clock.now)
	e.mail = mailtest.Start(t)
	e.http = httptest.NewUnstartedServer(nil)
	if err := e.mail.Attach(e.srv, "http://"+e.http.Listener.Addr().String()); err != nil {
		t.Fatal(err)
	}
	e.web, err = web.New(e.srv, web.Options{Practice: "Main Surgery", Phone: "01632 960 123", FrontDesk: "Monday to Friday, 8am to 6:30pm"})
	if err != nil {
		t.Fatal(err)
	}
	e.http.Config.Handler = e.web
	e.http.Start()
	t.Cleanup(e.http.Close)
	if e.manager, err = q.AddUser(context.Background(), "mo", store.RoleManager, ""); err != nil {
		t.Fatal(err)
	}
	return e
}

// listed puts a patient on the practice list, as the practice's import would.
func (e *env) listed(nhs, given, family, birth string, sex triage.Sex) triage.Patient {
	e.t.Helper()
	n, err := triage.ParseNHSNumber(nhs)
	if err != nil {
		e.t.Fatal(err)
	}
	b, _ := time.Parse(time.DateOnly, birth)
	e.next++
	p := triage.Patient{ID: 900000 - e.next, Version: 1, NHSNumber: n, GivenName: given, FamilyName: family, BirthDate: b, Sex: sex, SiteID: "main", GPTeamID: "blue"}
	if err := e.q.Import(context.Background(), store.Changes{Patients: []triage.Patient{p}}); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// verifyClaims has the practice verify every open claim as the patient on the list
// with the same NHS number, as a reviewer would on the desk.
func (e *env) verifyClaims() {
	e.t.Helper()
	claims, err := e.q.OpenClaims(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	for _, c := range claims {
		for _, m := range c.Matches {
			if m.NHSNumber == c.NHSNumber && !m.Unverified {
				if _, err := e.q.DecideClaim(context.Background(), c.ID, triage.ClaimDecision{Decision: triage.ClaimVerified, PatientID: m.ID}, "mo"); err != nil {
					e.t.Fatal(err)
				}
			}
		}
	}
	e.srv.Notify()
}

// browser is a plain HTTP client with cookies, for checks below the real browser.
type browser struct {
	t testing.TB
	c *http.Client
	e *env
}

func (e *env) browser(t testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, e: e, c: &http.Client{Jar: jar}}
}

func (b *browser) get(path string) (int, string) {
	b.t.Helper()
	res, err := b.c.Get(b.e.http.URL + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// post sends a form from the page at from, with that page's CSRF token.
func (b *browser) post(from, to string, form url.Values) (int, string) {
	b.t.Helper()
	_, page := b.get(from)
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		b.t.Fatalf("%s has no CSRF token", from)
	}
	form.Set("csrf", m[1])
	res, err := b.c.PostForm(b.e.http.URL+to, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}
