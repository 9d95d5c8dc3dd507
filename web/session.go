package web

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// cookieName is the session cookie's name. It holds only a random id; everything else
// (the account's token, a request being written) stays on the server.
const cookieName = "triage_session"

// sessionLife is the longest a session lasts however busy, the same as the account
// token it carries.
const sessionLife = 24 * time.Hour

// touchEvery is how often a session's last use is written to the queue when nothing
// else about it changed: a page view is not worth a write through the queue's single
// writer, and the idle expiry (30 minutes) does not need the second.
const touchEvery = time.Minute

// The queue's copy of a session's last use is behind its real last use by less than
// touchEvery (save writes it no more often). Whatever judges a session by that copy (the
// purge, and a session read back after a restart) allows touchEvery more idle time, so
// a session still within its idle time by its real last use is never ended: ending it
// would lose the patient's half-written request.
func endedInQueue(created, seen, now time.Time, idle time.Duration) bool {
	return now.Sub(seen) > idle+touchEvery || now.Sub(created) > sessionLife
}

// session is one browser's visit: its CSRF token, the account signed in, a request
// being written, and what a patient typed into a form whose session had ended.
type session struct {
	mu       sync.Mutex
	id, csrf string
	created  time.Time
	seen     time.Time

	token     string // the account's bearer token; "" when signed out
	accountID int64  // the account of token, for ending its sessions; 0 when signed out
	next      string // the page to go back to after signing in

	kept    map[string]string // a form's fields kept when the session ended under it
	keptFor string            // the path of that form

	draft *draft // the request being written (request.go)

	// success is said once, in a success banner, on the next showing of successFor:
	// "Your reply has been sent" on the request after a reply. It is not saved in the
	// queue: a restart between the reply and its page only loses the banner.
	success, successFor string

	// What the queue holds of this session, so that only a change is written.
	stored      bool
	ended       bool // signed out or replaced: nothing more is saved
	savedState  []byte
	savedPhotos []store.Photo
	savedSeen   time.Time
}

// sessionState is what the queue keeps of a session besides its id, CSRF token and
// times, sealed (see seal). The draft's photos are kept apart (draft.Photos is not in
// its JSON) because they are large and rarely change.
type sessionState struct {
	Token     string            `json:"token,omitempty"`
	AccountID int64             `json:"accountId,omitempty"`
	Next      string            `json:"next,omitempty"`
	Kept      map[string]string `json:"kept,omitempty"`
	KeptFor   string            `json:"keptFor,omitempty"`
	Draft     *draft            `json:"draft,omitempty"`
}

// sessions holds the sessions in use in memory, in front of the queue's copy
// (store.WebSession): a page reads its session from memory and writes it to the queue
// when it changed, so a restart signs nobody out and loses nothing typed.
type sessions struct {
	q   *store.Queue
	log func(format string, args ...any)

	mu     sync.Mutex
	byHash map[string]*session
	swept  time.Time
}

func newSessions(q *store.Queue, log func(string, ...any)) *sessions {
	return &sessions{q: q, log: log, byHash: map[string]*session{}}
}

// get returns the request's live session, from memory or the queue, or a new one
// (fresh) when it has none or its session has ended.
func (ss *sessions) get(r *http.Request, now time.Time, idle time.Duration) (s *session, fresh bool) {
	ctx := r.Context()
	ss.sweep(ctx, now, idle)
	if c, err := r.Cookie(cookieName); err == nil && c.Value != "" {
		h := hashID(c.Value)
		ss.mu.Lock()
		s = ss.byHash[h]
		if s != nil && !s.endedAt(now, idle) {
			s.seen = now
			ss.mu.Unlock()
			return s, false
		}
		ss.mu.Unlock()
		// Not in memory (a restart): read back from the queue, whose copy of its last
		// use may be behind by up to touchEvery.
		if s == nil {
			if s = ss.load(ctx, c.Value, h); s != nil && !endedInQueue(s.created, s.seen, now, idle) {
				ss.mu.Lock()
				if cached := ss.byHash[h]; cached != nil {
					s = cached // another page of the same browser loaded it meanwhile
				} else {
					ss.byHash[h] = s
				}
				s.seen = now
				ss.mu.Unlock()
				return s, false
			}
		}
	}
	s = &session{id: randomID(), csrf: randomID(), created: now, seen: now}
	ss.mu.Lock()
	ss.byHash[hashID(s.id)] = s
	ss.mu.Unlock()
	return s, true
}

// load reads a session from the queue; nil when there is none or it cannot be opened
// (then the browser starts afresh, and a form it sends is kept, see Web.expired).
func (ss *sessions) load(ctx context.Context, id, h string) *session {
	ws, err := ss.q.WebSessionByHash(ctx, h)
	if err != nil {
		if triage.ErrorCode(err) != triage.ENOTFOUND {
			ss.log("web: a session could not be read from the queue (%T)", errors.Unwrap(err))
		}
		return nil
	}
	plain, err := open(id, ws.State)
	if err != nil {
		ss.log("web: a session could not be opened: %v", err)
		return nil
	}
	var st sessionState
	if err := json.Unmarshal(plain, &st); err != nil {
		ss.log("web: a session's state could not be read (%T)", err)
		return nil
	}
	s := &session{id: id, csrf: ws.CSRF, created: ws.Created, seen: ws.Seen, token: st.Token, accountID: st.AccountID,
		next: st.Next, kept: st.Kept, keptFor: st.KeptFor, draft: st.Draft,
		stored: true, savedState: plain, savedSeen: ws.Seen}
	if s.draft != nil && len(ws.Photos) > 0 {
		plainPhotos, err := open(id, ws.Photos)
		if err == nil {
			err = json.Unmarshal(plainPhotos, &s.draft.Photos)
		}
		if err != nil {
			ss.log("web: a session's photos could not be read: %v", err)
		}
		s.savedPhotos = s.draft.Photos
	}
	return s
}

// save writes what changed of a session to the queue: its state when it changed, its
// photos when they changed, and otherwise its last use at most once every touchEvery.
// A session holding nothing (a visitor who has not signed in or typed anything) is
// not written at all. A failure is logged: the session goes on in memory.
func (ss *sessions) save(ctx context.Context, s *session) {
	if s.ended {
		return
	}
	ss.mu.Lock()
	seen := s.seen // written by get, under ss.mu
	ss.mu.Unlock()
	var photos []store.Photo
	if s.draft != nil {
		photos = s.draft.Photos
	}
	st := sessionState{Token: s.token, AccountID: s.accountID, Next: s.next, Kept: s.kept, KeptFor: s.keptFor, Draft: s.draft}
	plain, err := json.Marshal(st)
	if err != nil {
		ss.log("web: a session could not be saved (%T)", err)
		return
	}
	if !s.stored && st.Token == "" && st.Next == "" && st.Kept == nil && st.Draft == nil {
		return
	}
	h := hashID(s.id)
	stateChanged := !s.stored || !bytes.Equal(plain, s.savedState)
	photosChanged := !samePhotos(photos, s.savedPhotos)
	switch {
	case stateChanged || photosChanged:
		sealed, err := seal(s.id, plain)
		if err == nil {
			err = ss.q.SaveWebSession(ctx, store.WebSession{IDHash: h, CSRF: s.csrf, AccountID: s.accountID, Created: s.created, Seen: seen, State: sealed})
		}
		if err != nil {
			ss.log("web: a session could not be saved: %v", err)
			return
		}
		s.stored, s.savedState, s.savedSeen = true, plain, seen
		if photosChanged {
			var blob []byte
			if len(photos) > 0 {
				if b, err := json.Marshal(photos); err != nil {
					ss.log("web: a session's photos could not be saved (%T)", err)
					return
				} else if blob, err = seal(s.id, b); err != nil {
					ss.log("web: a session's photos could not be saved: %v", err)
					return
				}
			}
			if err := ss.q.SaveWebSessionPhotos(ctx, h, blob); err != nil {
				ss.log("web: a session's photos could not be saved: %v", err)
				return
			}
			s.savedPhotos = photos
		}
	case seen.Sub(s.savedSeen) >= touchEvery:
		if err := ss.q.TouchWebSession(ctx, h, seen); err != nil {
			ss.log("web: a session's last use could not be saved: %v", err)
			return
		}
		s.savedSeen = seen
	}
}

// samePhotos reports whether two lists hold the same photos. A photo's bytes are never
// changed once cleaned (a new photo is a new slice), so the same backing array is the
// same photo; this spares reading 15 MB of photos on every page to find no change.
func samePhotos(a, b []store.Photo) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i].Data) != len(b[i].Data) || (len(a[i].Data) > 0 && &a[i].Data[0] != &b[i].Data[0]) {
			return false
		}
	}
	return true
}

// rotate gives a session a new id and CSRF token (at sign-in, so an id planted before
// it is worth nothing) and deletes the old one from the queue.
func (ss *sessions) rotate(ctx context.Context, s *session) {
	old := hashID(s.id)
	ss.mu.Lock()
	delete(ss.byHash, old)
	s.id, s.csrf = randomID(), randomID()
	ss.byHash[hashID(s.id)] = s
	ss.mu.Unlock()
	if s.stored {
		if err := ss.q.EndWebSession(ctx, old); err != nil {
			ss.log("web: a replaced session could not be deleted: %v", err)
		}
	}
	s.stored, s.savedState, s.savedPhotos = false, nil, nil
}

// end deletes a session, from memory and the queue (sign-out).
func (ss *sessions) end(ctx context.Context, s *session) error {
	h := hashID(s.id)
	ss.mu.Lock()
	delete(ss.byHash, h)
	s.ended = true
	ss.mu.Unlock()
	return ss.q.EndWebSession(ctx, h)
}

// endAccount ends every session of an account but keep (the browser that chose a new
// password): the others are signed out and what they held is gone.
func (ss *sessions) endAccount(ctx context.Context, accountID int64, keep *session) error {
	ss.mu.Lock()
	for h, s := range ss.byHash {
		if s == keep {
			continue
		}
		// Another page of that session may be running: it holds s.mu, and ends up
		// signed out anyway, since the account's tokens have ended.
		if s.mu.TryLock() {
			if s.accountID == accountID {
				s.ended = true
				delete(ss.byHash, h)
			}
			s.mu.Unlock()
		}
	}
	ss.mu.Unlock()
	_, err := ss.q.EndWebSessionsOf(ctx, accountID, hashID(keep.id))
	return err
}

// sweep forgets ended sessions and purges expired ones from the queue, at most once a
// minute.
func (ss *sessions) sweep(ctx context.Context, now time.Time, idle time.Duration) {
	ss.mu.Lock()
	if now.Sub(ss.swept) < time.Minute {
		ss.mu.Unlock()
		return
	}
	ss.swept = now
	for h, s := range ss.byHash {
		// seen and created are written only under ss.mu (get) or before the session
		// is shared, so they are safe to read here. An idle session stays in memory,
		// ended, as long as the queue keeps its row (touchEvery longer, for a restart):
		// forgotten sooner, get would read that row back and sign the browser in again.
		if s.ended || endedInQueue(s.created, s.seen, now, idle) {
			delete(ss.byHash, h)
		}
	}
	ss.mu.Unlock()
	// The same cut-offs as endedInQueue: a session whose last use was written up to
	// touchEvery before its real last use is not yet idle.
	if _, err := ss.q.PurgeWebSessions(ctx, now.Add(-idle-touchEvery), now.Add(-sessionLife)); err != nil {
		ss.log("web: expired sessions could not be purged: %v", err)
	}
}

func (s *session) endedAt(now time.Time, idle time.Duration) bool {
	return s.ended || now.Sub(s.seen) > idle || now.Sub(s.created) > sessionLife
}

func randomID() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b)
}

// hashID is what the queue keeps of a session id: enough to find the session, not
// enough to use it.
func hashID(id string) string {
	h := sha256.Sum256([]byte("triage web session id\x00" + id))
	return hex.EncodeToString(h[:])
}

// sessionKey is the key that seals a session's state: made from the id, which only
// the browser's cookie holds, so the queue's copy cannot be read without it.
func sessionKey(id string) []byte {
	k := sha256.Sum256([]byte("triage web session key\x00" + id))
	return k[:]
}

// seal encrypts a session's state with AES-256-GCM under the session's key.
func seal(id string, plain []byte) ([]byte, error) {
	block, err := aes.NewCipher(sessionKey(id))
	if err != nil {
		return nil, fmt.Errorf("seal a session: %w", err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("seal a session: %w", err)
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("seal a session: %w", err)
	}
	return gcm.Seal(nonce, nonce, plain, nil), nil
}

// open decrypts what seal made.
func open(id string, sealed []byte) ([]byte, error) {
	block, err := aes.NewCipher(sessionKey(id))
	if err != nil {
		return nil, fmt.Errorf("open a session: %w", err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("open a session: %w", err)
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("open a session: its state is too short")
	}
	plain, err := gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], nil)
	if err != nil {
		return nil, fmt.Errorf("open a session: %w", err)
	}
	return plain, nil
}
