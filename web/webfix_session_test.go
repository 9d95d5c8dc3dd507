package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// The queue writes a session's last use at most once a minute, so its copy can be up
// to a minute behind. A purge must judge a session by its real last use: a patient who
// was on a page 59 s after the last write, and comes back just inside the idle time,
// still has their half-written request, across a purge and a restart.
func TestWebfixPurgeKeepsASessionUsedSinceItsLastWrite(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	const typed = "The form the school asked for, signed by the GP please."
	b.step("text", url.Values{"text": {typed}}) // the draft, and its last use, written now
	written := e.webSessions(t)[0].seen

	// A page 59 s later: a last use the queue does not write (at most once a minute).
	e.clock.add(59 * time.Second)
	b.get("/request/photos")
	if got := e.webSessions(t)[0].seen; got != written {
		t.Fatalf("a page 59 s later wrote the session's last use (%d, was %d): this test needs it unwritten", got, written)
	}

	// Just inside the idle time (30 minutes) after that page, another patient's page
	// runs the purge; the queue's copy of the first session is now 30 min 58 s old.
	e.clock.add(30*time.Minute - time.Second)
	other := e.browser(t)
	other.get("/help")
	if rows := e.webSessions(t); len(rows) != 1 {
		t.Fatalf("the purge deleted a session last used %v ago, within its 30 minutes: %d sessions left", 30*time.Minute-time.Second, len(rows))
	}

	e.restart(t)
	code, page := b.get("/request/contact")
	if code != 200 || strings.Contains(page, "Sign in") && !strings.Contains(page, "Sign out") {
		t.Fatalf("after the purge and a restart the patient was signed out: %d %s", code, page)
	}
	page = b.step("contact", url.Values{"phone": {"07700 900 982"}})
	if !strings.Contains(page, typed) {
		t.Fatalf("after the purge and a restart the half-written request is lost: %s", page)
	}
}

// TestAnIdleSessionStaysEndedInTheMinuteItsRowIsKept: the queue keeps an idle
// session's row a minute longer than 30 minutes, for a restart; without a restart that
// minute must not sign the browser back in (a shared computer left for 30 minutes).
func TestAnIdleSessionStaysEndedInTheMinuteItsRowIsKept(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	if code, page := b.get("/requests"); code != 200 || !strings.Contains(page, "Sign out") {
		t.Fatalf("signed in: %d", code)
	}
	e.clock.add(30*time.Minute + 30*time.Second)
	code, page := b.get("/requests")
	if code == 200 && strings.Contains(page, "Sign out") {
		t.Fatalf("30 min 30 s idle, the session was still signed in")
	}
}
