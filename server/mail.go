package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	mail "github.com/wneessen/go-mail"
)

// MailConfig is how the queue sends email (the link that confirms a patient's address,
// notices about their account): through the practice's SMTP server. Emails carry no
// clinical content.
type MailConfig struct {
	Host     string // SMTP server; "" means the queue sends no email and refuses sign-ups
	Port     int    // 587 when 0
	Username string // "" for a server that needs no sign-in
	Password string
	From     string // the practice's address, like "Riverside Surgery <noreply@riverside.example>"
	// TLS is "starttls" (the default: refuse a server that cannot encrypt), "tls"
	// (implicit TLS, port 465) or "none" (only for a relay on this machine).
	TLS string
	// PublicURL is where patients reach the queue, for the links in emails:
	// "https://queue.riverside.example".
	PublicURL string
	// RootCAs, when set, replaces the system's roots for the SMTP server's certificate
	// (tests, a practice's own relay).
	RootCAs *tls.Config
}

// Validate checks a mail configuration, saying which setting is wrong.
func (c MailConfig) Validate() error {
	if c.Host == "" {
		return nil
	}
	if c.From == "" {
		return fmt.Errorf("--smtp-from is missing: the address emails come from, like noreply@practice.example")
	}
	u, err := url.Parse(c.PublicURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("--public-url %q is not a web address like https://queue.practice.example: email links need it", c.PublicURL)
	}
	switch c.TLS {
	case "", "starttls", "tls", "none":
	default:
		return fmt.Errorf("--smtp-tls %q: use starttls, tls or none", c.TLS)
	}
	return nil
}

// Mailer sends the queue's emails through SMTP.
type Mailer struct {
	cfg MailConfig
}

// NewMailer checks cfg and returns a mailer; nil when no SMTP host is set.
func NewMailer(cfg MailConfig) (*Mailer, error) {
	if cfg.Host == "" {
		return nil, nil
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Mailer{cfg: cfg}, nil
}

// Send sends one plain-text email.
func (m *Mailer) Send(ctx context.Context, to, subject, body string) error {
	msg := mail.NewMsg()
	if err := msg.From(m.cfg.From); err != nil {
		return fmt.Errorf("the sender address %q: %w", m.cfg.From, err)
	}
	if err := msg.To(to); err != nil {
		return fmt.Errorf("the recipient address: %w", err)
	}
	msg.Subject(subject)
	msg.SetBodyString(mail.TypeTextPlain, body)
	port := m.cfg.Port
	opts := []mail.Option{mail.WithTimeout(20 * time.Second)}
	switch m.cfg.TLS {
	case "none":
		opts = append(opts, mail.WithTLSPortPolicy(mail.NoTLS))
	case "tls":
		opts = append(opts, mail.WithSSL())
		if port == 0 {
			port = 465
		}
	default:
		opts = append(opts, mail.WithTLSPortPolicy(mail.TLSMandatory))
	}
	if port == 0 {
		port = 587
	}
	opts = append(opts, mail.WithPort(port))
	if m.cfg.RootCAs != nil {
		cfg := m.cfg.RootCAs.Clone()
		cfg.ServerName = m.cfg.Host
		opts = append(opts, mail.WithTLSConfig(cfg))
	}
	if m.cfg.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(m.cfg.Username), mail.WithPassword(m.cfg.Password))
	}
	c, err := mail.NewClient(m.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("set up SMTP to %s: %w", m.cfg.Host, err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("send email through %s:%d: %w", m.cfg.Host, port, err)
	}
	return nil
}

// link makes an absolute link to path on the queue's public address.
func (m *Mailer) link(path string, query url.Values) string {
	return strings.TrimRight(m.cfg.PublicURL, "/") + path + "?" + query.Encode()
}

// MailGrace is how long Shutdown waits for emails still being sent: long enough for
// a slow mail server, short enough that a restart is not held up by a dead one.
const MailGrace = 10 * time.Second

// inBackground runs fn, which sends email, on its own goroutine, counted so that
// Shutdown waits for it: a patient told on the page that an email is coming gets it
// even if the queue stops a moment later.
func (s *Server) inBackground(fn func(ctx context.Context)) {
	s.mailing.Add(1)
	s.inFlight.Add(1)
	go func() {
		defer s.mailing.Done()
		defer s.inFlight.Add(-1)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		fn(ctx)
	}()
}

// SendInBackground sends one email without holding up the caller (what names it in
// the log, which never holds the address). Nothing is sent without a mailer or an
// address.
func (s *Server) SendInBackground(what, to, subject, body string) {
	m := s.id.mailer
	if m == nil || to == "" {
		return
	}
	s.inBackground(func(ctx context.Context) {
		if err := m.Send(ctx, to, subject, body); err != nil {
			s.log.Printf("%s: not sent (%T)", what, errors.Unwrap(err))
		}
	})
}

// Shutdown stops hs (as http.Server.Shutdown: no new connections, requests in flight
// finish, long polls are woken), then waits up to MailGrace for emails still being
// sent, so the confirmation of a request just sent is not lost to a restart.
func (s *Server) Shutdown(ctx context.Context, hs *http.Server) error {
	hs.RegisterOnShutdown(s.Notify)
	err := hs.Shutdown(ctx)
	done := make(chan struct{})
	go func() { s.WaitForMail(); close(done) }()
	select {
	case <-done:
	case <-time.After(MailGrace):
		s.log.Printf("shutdown: %d email(s) still being sent after %s were given up", s.inFlight.Load(), MailGrace)
	}
	return err
}
