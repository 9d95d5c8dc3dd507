package server_test

import (
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
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"triagedesk/server"
)

// mailbox is a real SMTP server on 127.0.0.1 (emersion/go-smtp) that offers STARTTLS
// with a certificate made for the test, and keeps every message it is given.
type mailbox struct {
	t      testing.TB
	cfg    server.MailConfig
	mu     sync.Mutex
	cond   *sync.Cond
	emails []email
}

// email is one message the mailbox received.
type email struct {
	From, To string
	Data     string // headers and body as sent
}

// Body returns the message's text with quoted-printable decoded.
func (e email) Body() string {
	_, body, _ := strings.Cut(e.Data, "\r\n\r\n")
	if strings.Contains(e.Data, "quoted-printable") {
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body)))
		if err == nil {
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
	port := l.Addr().(*net.TCPAddr).Port
	mb.cfg = server.MailConfig{Host: "127.0.0.1", Port: port, From: "Main Surgery <noreply@main.example>", TLS: "starttls",
		PublicURL: "https://queue.main.example", RootCAs: &tls.Config{RootCAs: pool}}
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

// count returns how many messages were sent to addr.
func (mb *mailbox) count(addr string) int {
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

var linkToken = regexp.MustCompile(`token=([0-9a-f]{64})`)

// confirmToken returns the token of the n-th confirmation link sent to addr.
func (mb *mailbox) confirmToken(addr string, n int) string {
	mb.t.Helper()
	e := mb.wait(addr, n)
	m := linkToken.FindStringSubmatch(e.Body())
	if m == nil {
		mb.t.Fatalf("email %d to %s has no confirmation link: %s", n, addr, e.Body())
	}
	return m[1]
}

type smtpSession struct {
	mb       *mailbox
	from, to string
}

func (s *smtpSession) Reset()        {}
func (s *smtpSession) Logout() error { return nil }
func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}
func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.emails = append(s.mb.emails, email{From: s.from, To: s.to, Data: string(b)})
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
