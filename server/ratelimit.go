package server

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"triagedesk/triage"
)

// limiter is a token bucket per key (a client address, an email address, an account):
// burst attempts at once, then one every `every`. Keys idle for an hour are forgotten.
type limiter struct {
	what  string // for the message: "sign-up attempts"
	every time.Duration
	burst int

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(what string, burst int, every time.Duration) *limiter {
	return &limiter{what: what, every: every, burst: burst, buckets: map[string]*bucket{}}
}

// allow takes one attempt for key at now; when none is left it reports how long
// until the next.
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > 10*time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > time.Hour {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if !r.OK() {
		return false, l.every
	}
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// tooMany is the refusal for an exhausted limit; fail turns it into 429 with
// Retry-After.
type tooMany struct {
	wait time.Duration
	err  error
}

func (t *tooMany) Error() string { return t.err.Error() }
func (t *tooMany) Unwrap() error { return t.err }

// limit checks each (limiter, key) pair in turn and returns a 429 error for the first
// that is exhausted.
func (s *Server) limit(checks ...limitCheck) error {
	now := s.now()
	for _, c := range checks {
		if c.key == "" {
			continue
		}
		if ok, wait := c.l.allow(c.key, now); !ok {
			when := fmt.Sprintf("%d minute%s", int(math.Ceil(wait.Minutes())), plural(int(math.Ceil(wait.Minutes()))))
			if wait > 90*time.Minute {
				h := int(math.Ceil(wait.Hours()))
				when = fmt.Sprintf("about %d hour%s", h, plural(h))
			}
			return &tooMany{wait: wait, err: triage.Errorf(triage.ELIMIT, "too many %s: please wait %s and try again", c.l.what, when)}
		}
	}
	return nil
}

type limitCheck struct {
	l   *limiter
	key string
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// setRetryAfter sets Retry-After on a 429 answer, in whole seconds, at least one.
func setRetryAfter(w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
}

// ClientAddr is the address a request came from, the key of the per-address limits
// (sign-up, sign-in, claims), for the API and the patients' pages alike.
//
// Without --behind-proxy it is the connection's own address, and X-Forwarded-For is
// ignored: any client can write that header. Behind a proxy every connection comes
// from the proxy, so the address is the one the proxy added to X-Forwarded-For: the
// right-most entry of the last such header. Entries to its left came with the request
// and a client can make them up, so they are never used; a proxy that adds nothing
// leaves the proxy's own address (one limit for everyone, never one a client picks).
// An IPv6 address is cut to its /64, the block one home or phone is given, so a
// client cannot step round its limit by changing the last half of its address.
func (s *Server) ClientAddr(r *http.Request) string {
	addr := remoteHost(r.RemoteAddr)
	if s.network.BehindProxy {
		if h := r.Header.Values("X-Forwarded-For"); len(h) > 0 {
			last := h[len(h)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			if a, ok := forwardedAddr(last); ok {
				addr = a
			}
		}
	}
	return limitKey(addr)
}

// remoteHost is the host part of a connection's address.
func remoteHost(remote string) string {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return remote
	}
	return host
}

// forwardedAddr reads one X-Forwarded-For entry: an IP address, perhaps with a port
// or in brackets (some proxies write "[2001:db8::1]:443"). Anything else is not an
// address and is not used.
func forwardedAddr(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if ap, err := netip.ParseAddrPort(v); err == nil {
		return ap.Addr().String(), true
	}
	if a, err := netip.ParseAddr(strings.Trim(v, "[]")); err == nil {
		return a.String(), true
	}
	return "", false
}

// limitKey is the key of an address's limits: an IPv4 address as it is, an IPv6
// address as its /64.
func limitKey(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	a = a.Unmap()
	if a.Is4() {
		return a.String()
	}
	p, err := a.WithZone("").Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}
