package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
	"time"
)

// cookieName is the session cookie's name. It holds only a random id; everything else
// (the account's token, a request being written) stays on the server.
const cookieName = "triage_session"

// sessionLife is the longest a session lasts however busy, the same as the account
// token it carries.
const sessionLife = 24 * time.Hour

// session is one browser's visit: its CSRF token, the account signed in, a request
// being written, and what a patient typed into a form whose session had ended.
type session struct {
	mu       sync.Mutex
	id, csrf string
	created  time.Time
	seen     time.Time

	token string // the account's bearer token; "" when signed out
	next  string // the page to go back to after signing in

	kept    map[string]string // a form's fields kept when the session ended under it
	keptFor string            // the path of that form

	draft *draft // the request being written (request.go)

	// success is said once, in a success banner, on the next showing of successFor:
	// "Your reply has been sent" on the request after a reply.
	success, successFor string
}

// sessions holds the live sessions in memory: a restart signs everyone out, and the
// pages then keep what they had typed (see expired).
type sessions struct {
	mu    sync.Mutex
	byID  map[string]*session
	swept time.Time
}

func newSessions() *sessions { return &sessions{byID: map[string]*session{}} }

// get returns the request's live session, or a new one (fresh) when it has none or
// its session has ended.
func (ss *sessions) get(r *http.Request, now time.Time, idle time.Duration) (s *session, fresh bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if now.Sub(ss.swept) > time.Minute {
		for id, s := range ss.byID {
			if ss.ended(s, now, idle) {
				delete(ss.byID, id)
			}
		}
		ss.swept = now
	}
	if c, err := r.Cookie(cookieName); err == nil {
		if s := ss.byID[c.Value]; s != nil && !ss.ended(s, now, idle) {
			s.seen = now
			return s, false
		}
	}
	s = &session{id: randomID(), csrf: randomID(), created: now, seen: now}
	ss.byID[s.id] = s
	return s, true
}

func (ss *sessions) ended(s *session, now time.Time, idle time.Duration) bool {
	return now.Sub(s.seen) > idle || now.Sub(s.created) > sessionLife
}

func randomID() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b)
}
