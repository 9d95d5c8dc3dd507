// Package mailtest is the practice's SMTP server for tests: a real one (emersion/go-smtp)
// on 127.0.0.1, offering STARTTLS with a certificate made for the test, that keeps
// every message it is given so a test can read the links patients are sent. The server
// tests and the browser tests of the patient pages both use it, so both read email the
// same way. It is imported by tests only.
package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"math/big"
	"mime/quotedprintable"
	"net"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"triagedesk/server"
)

// Mailbox is a running SMTP server and every message it has received.
type Mailbox struct {
	// Config is how the queue reaches this server (server.NewMailer(mb.Config)). Its
	// PublicURL is https://queue.main.example until a test sets its own.
	Config server.MailConfig

	t      testing.TB
	mu     sync.Mutex
	cond   *sync.Cond
	emails []Email
	delay  time.Duration // how long the server takes over each message (Slow)
}

// Slow makes the server take d over each message before accepting it, as a busy mail
// server does, so a test can stop the queue while an email is still being sent.
func (mb *Mailbox) Slow(d time.Duration) {
	mb.mu.Lock()
	mb.delay = d
	mb.mu.Unlock()
}

// Email is one message the mailbox received.
type Email struct {
	From, To string
	Data     string // headers and body as sent
}

// Body returns the message's text with quoted-printable decoded.
func (e Email) Body() string {
	_, body, _ := strings.Cut(e.Data, "\r\n\r\n")
	if strings.Contains(e.Data, "quoted-printable") {
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body)))
		if err == nil {
			return string(b)
		}
	}
	return body
}

// Start runs a mailbox on 127.0.0.1 until the test ends.
func Start(t testing.TB) *Mailbox {
	t.Helper()
	cert, pool := Certificate(t)
	mb := &Mailbox{t: t}
	mb.cond = sync.NewCond(&mb.mu)
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{mb: mb}, nil }))
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() {
		defer close(served)
		srv.Serve(l)
	}()
	t.Cleanup(func() {
		// Close closes only the listeners Serve has taken in: closing l too ends a
		// Serve that had not taken it yet instead of leaving it accepting for good.
		srv.Close()
		l.Close()
		<-served
	})
	port := l.Addr().(*net.TCPAddr).Port
	mb.Config = server.MailConfig{Host: "127.0.0.1", Port: port, From: "Main Surgery <noreply@main.example>", TLS: "starttls",
		PublicURL: "https://queue.main.example", RootCAs: &tls.Config{RootCAs: pool}}
	return mb
}

// Attach has srv send its email through this mailbox, with links to publicURL (the
// Config's when ""), and, when the test ends, waits for the emails srv is still
// sending before the mailbox closes. Closed under a client still talking to it,
// go-smtp's Close races the connection's own goroutine (it swaps the connection for
// its TLS one on STARTTLS and drops the session DATA is using): the race detector
// reported it, and the email the test caused was cut off anyway.
func (mb *Mailbox) Attach(srv *server.Server, publicURL string) error {
	cfg := mb.Config
	if publicURL != "" {
		cfg.PublicURL = publicURL
	}
	mailer, err := server.NewMailer(cfg)
	if err != nil {
		return fmt.Errorf("a mailer for the test's mailbox: %w", err)
	}
	srv.UseMail(mailer)
	// Cleanups run last first: this one, before the mailbox's own.
	mb.t.Cleanup(srv.WaitForMail)
	return nil
}

// Wait returns the n-th message (from 1) sent to addr, waiting up to ten seconds, and
// fails the test when it does not come.
func (mb *Mailbox) Wait(addr string, n int) Email {
	mb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	go func() { time.Sleep(10 * time.Second); mb.cond.Broadcast() }()
	mb.mu.Lock()
	defer mb.mu.Unlock()
	for {
		seen := 0
		for _, e := range mb.emails {
			if strings.EqualFold(e.To, addr) {
				seen++
				if seen == n {
					return e
				}
			}
		}
		if time.Now().After(deadline) {
			mb.t.Fatalf("no email number %d to %s arrived", n, addr)
		}
		mb.cond.Wait()
	}
}

// Count returns how many messages were sent to addr.
func (mb *Mailbox) Count(addr string) int {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	n := 0
	for _, e := range mb.emails {
		if strings.EqualFold(e.To, addr) {
			n++
		}
	}
	return n
}

var (
	linkToken = regexp.MustCompile(`token=([0-9a-f]{64})`)
	link      = regexp.MustCompile(`https?://[^\s"<>]+token=[0-9a-f]{64}`)
)

// ConfirmToken returns the token of the n-th confirmation link sent to addr.
func (mb *Mailbox) ConfirmToken(addr string, n int) string {
	mb.t.Helper()
	e := mb.Wait(addr, n)
	m := linkToken.FindStringSubmatch(e.Body())
	if m == nil {
		mb.t.Fatalf("email %d to %s has no confirmation link: %s", n, addr, e.Body())
	}
	return m[1]
}

// Link returns the whole link with a token (to confirm an address, to sign in) in the
// n-th message sent to addr, as the patient would click it.
func (mb *Mailbox) Link(addr string, n int) string {
	mb.t.Helper()
	e := mb.Wait(addr, n)
	m := link.FindString(e.Body())
	if m == "" {
		mb.t.Fatalf("email %d to %s has no link with a token: %s", n, addr, e.Body())
	}
	return m
}

type session struct {
	mb       *Mailbox
	from, to string
}

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	delay := s.mb.delay
	s.mb.mu.Unlock()
	time.Sleep(delay)
	s.mb.mu.Lock()
	s.mb.emails = append(s.mb.emails, Email{From: s.from, To: s.to, Data: string(b)})
	s.mb.mu.Unlock()
	s.mb.cond.Broadcast()
	return nil
}

// Certificate makes a self-signed certificate for 127.0.0.1 and a pool trusting it.
func Certificate(t testing.TB) (tls.Certificate, *x509.CertPool) {
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
