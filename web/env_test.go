package web_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"triagedesk/assets"
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
	mail    *mailbox
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
	e.mail = startMailbox(t)
	e.http = httptest.NewUnstartedServer(nil)
	e.mail.cfg.PublicURL = "http://" + e.http.Listener.Addr().String()
	mailer, err := server.NewMailer(e.mail.cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.srv.UseMail(mailer)
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
	t *testing.T
	c *http.Client
	e *env
}

func (e *env) browser(t *testing.T) *browser {
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

// --- a real SMTP server ------------------------------------------------------------------

type mailbox struct {
	t      testing.TB
	cfg    server.MailConfig
	mu     sync.Mutex
	cond   *sync.Cond
	emails []email
}

type email struct {
	To, Data string
}

// Body returns the message's text with quoted-printable decoded.
func (m email) Body() string {
	_, body, _ := strings.Cut(m.Data, "\r\n\r\n")
	if strings.Contains(m.Data, "quoted-printable") {
		if b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body))); err == nil {
			return string(b)
		}
	}
	return body
}

func startMailbox(t testing.TB) *mailbox {
	t.Helper()
	cert, pool := testCertificate(t)
	mb := &mailbox{t: t}
	mb.cond = sync.NewCond(&mb.mu)
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &smtpSession{mb: mb}, nil }))
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	mb.cfg = server.MailConfig{Host: "127.0.0.1", Port: l.Addr().(*net.TCPAddr).Port, From: "Main Surgery <noreply@main.example>", TLS: "starttls",
		RootCAs: &tls.Config{RootCAs: pool}}
	return mb
}

// wait returns the n-th message (from 1) sent to addr, waiting up to ten seconds.
func (mb *mailbox) wait(addr string, n int) email {
	mb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	go func() { time.Sleep(10 * time.Second); mb.cond.Broadcast() }()
	mb.mu.Lock()
	defer mb.mu.Unlock()
	for {
		seen := 0
		for _, m := range mb.emails {
			if strings.EqualFold(m.To, addr) {
				seen++
				if seen == n {
					return m
				}
			}
		}
		if time.Now().After(deadline) {
			mb.t.Fatalf("no email number %d to %s arrived", n, addr)
		}
		mb.cond.Wait()
	}
}

var verifyLink = regexp.MustCompile(`http://[^\s]+/verify\?token=[0-9a-f]{64}`)

// link returns the verification link of the n-th email to addr.
func (mb *mailbox) link(addr string, n int) string {
	mb.t.Helper()
	m := verifyLink.FindString(mb.wait(addr, n).Body())
	if m == "" {
		mb.t.Fatalf("email %d to %s has no link to /verify", n, addr)
	}
	return m
}

type smtpSession struct {
	mb *mailbox
	to string
}

func (s *smtpSession) Reset()                                    {}
func (s *smtpSession) Logout() error                             { return nil }
func (s *smtpSession) Mail(string, *smtp.MailOptions) error      { return nil }
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error { s.to = to; return nil }
func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.emails = append(s.mb.emails, email{To: s.to, Data: string(b)})
	s.mb.mu.Unlock()
	s.mb.cond.Broadcast()
	return nil
}

// testCertificate makes a self-signed certificate for 127.0.0.1 and a pool trusting it.
func testCertificate(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}
