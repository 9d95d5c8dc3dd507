package server

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"triagedesk/fhir"
)

// Timeouts bound how long one connection may hold the queue, so a client that sends a
// body a byte every ten seconds, or keeps an idle connection open, cannot tie up the
// server's connections for ever. The long-poll feed is the one handler that outlives
// Write: it moves its own deadlines (see feed) by LongPoll.
type Timeouts struct {
	ReadHeader time.Duration // to read a request's headers
	Read       time.Duration // to read a whole request, body included
	Write      time.Duration // from the end of the headers to the end of the answer
	Idle       time.Duration // a kept-alive connection with no request in flight
}

// DefaultTimeouts are generous for a desk on a slow surgery line (a 5,000-record feed
// page is a few megabytes) and short enough that a stalled client is cut off within a
// minute.
func DefaultTimeouts() Timeouts {
	return Timeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: 60 * time.Second, Idle: 60 * time.Second}
}

// Network says how clients reach the queue, for the links it hands out.
type Network struct {
	// PublicURL is the address clients use, like https://queue.example.nhs.uk; empty
	// means each request's own scheme and Host.
	PublicURL string
	// BehindProxy says a TLS proxy is in front, so its X-Forwarded-Proto,
	// X-Forwarded-Host and the address it adds to X-Forwarded-For are believed;
	// without a proxy a client could set them.
	BehindProxy bool
}

// HTTPServer returns the http.Server that serves s with the given timeouts; the
// caller sets TLS and calls Serve or ServeTLS. The feed's long poll is fitted inside
// the same timeouts by moving its deadlines.
func (s *Server) HTTPServer(t Timeouts) *http.Server {
	s.timeouts = t
	return &http.Server{Handler: s, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle}
}

// SetNetwork sets how clients reach the queue.
func (s *Server) SetNetwork(n Network) { s.network = n }

// extendForLongPoll moves the connection's deadlines so a long poll of LongPoll has
// the usual Read and Write time on top. Without it the server's WriteTimeout would
// cut every long poll off mid-answer, and its ReadTimeout would cancel the request's
// context while it waits.
func (s *Server) extendForLongPoll(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	if s.timeouts.Write > 0 {
		rc.SetWriteDeadline(time.Now().Add(s.LongPoll + s.timeouts.Write))
	}
	if s.timeouts.Read > 0 {
		rc.SetReadDeadline(time.Now().Add(s.LongPoll + s.timeouts.Read))
	}
}

// baseURL is the queue's address as this request's client reaches it, with no
// trailing slash: the public URL when one is set, else the scheme and Host the client
// used (a proxy's forwarded ones when the queue is behind one).
func (s *Server) baseURL(r *http.Request) string {
	if s.network.PublicURL != "" {
		return strings.TrimRight(s.network.PublicURL, "/")
	}
	scheme, host := "http", r.Host
	if r.TLS != nil {
		scheme = "https"
	}
	if s.network.BehindProxy {
		if p := firstForwarded(r.Header.Get("X-Forwarded-Proto")); p == "https" || p == "http" {
			scheme = p
		}
		if h := firstForwarded(r.Header.Get("X-Forwarded-Host")); h != "" {
			host = h
		}
	}
	return scheme + "://" + host
}

// firstForwarded is the first value of a comma-separated forwarded header: the one
// the proxy nearest the client set.
func firstForwarded(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.ToLower(strings.TrimSpace(v))
}

// retryAfter says when to try again on a 429 or 503 that has not said so already:
// at the time the error names (a closed service's reopening), else after a short
// default, so well-behaved clients back off instead of hammering the queue.
func retryAfter(w http.ResponseWriter, status int, at time.Time, now time.Time) {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
		return
	}
	if w.Header().Get("Retry-After") != "" {
		return
	}
	secs := 30
	if status == http.StatusTooManyRequests {
		secs = 60
	}
	if !at.IsZero() {
		secs = max(1, int(at.Sub(now).Seconds()+0.5))
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
}

// CheckListen refuses to serve patient data in the clear: listening on anything but a
// loopback address needs TLS, or a TLS proxy in front (behindProxy). Loopback is
// allowed without TLS for a queue and its desk on one computer, and for tests.
func CheckListen(addr string, tls, behindProxy bool) error {
	if tls || behindProxy {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not host:port, like 127.0.0.1:8443", addr)
	}
	if fhir.LoopbackHost(host) {
		return nil
	}
	return fmt.Errorf("refusing to serve on %s without TLS: tokens and patient data would cross the network unencrypted. "+
		"Give --tls-cert and --tls-key, or if a TLS proxy (nginx, Caddy) is in front and this address is reached only by it, say --behind-proxy; "+
		"to try the queue on this computer, use --addr 127.0.0.1:8443", addr)
}
