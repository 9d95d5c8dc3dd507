package server

import (
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"triagedesk/triage"
)

// presenceTTL is how long a heartbeat counts: desks beat every few seconds, so a desk
// that closed or crashed drops out quickly.
const presenceTTL = 20 * time.Second

// Presence is one member of staff with a request open.
type Presence struct {
	RequestID int64     `json:"requestId"`
	Name      string    `json:"name"`
	Activity  string    `json:"activity"` // "viewing" or "working"
	Since     time.Time `json:"since"`
}

// presence keeps who has which request open, in memory: it is only ever a few seconds
// old, so it does not belong in the database.
type presence struct {
	mu   sync.Mutex
	seen map[int64]map[string]presenceEntry
}

type presenceEntry struct {
	Presence
	expires time.Time
}

func newPresence() *presence { return &presence{seen: map[int64]map[string]presenceEntry{}} }

func (p *presence) beat(now time.Time, b Presence) {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := p.seen[b.RequestID]
	if m == nil {
		m = map[string]presenceEntry{}
		p.seen[b.RequestID] = m
	}
	if old, ok := m[b.Name]; ok {
		b.Since = old.Since
	} else {
		b.Since = now
	}
	m[b.Name] = presenceEntry{Presence: b, expires: now.Add(presenceTTL)}
}

func (p *presence) who(now time.Time, requestID int64) []Presence {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Presence
	for name, e := range p.seen[requestID] {
		if now.After(e.expires) {
			delete(p.seen[requestID], name)
			continue
		}
		out = append(out, e.Presence)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// heartbeat records that the caller has a request open.
func (s *Server) heartbeat(w http.ResponseWriter, r *http.Request) {
	var b struct {
		RequestID int64  `json:"requestId"`
		Activity  string `json:"activity"`
	}
	if err := decode(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	if b.Activity != "viewing" && b.Activity != "working" {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "activity must be viewing or working"))
		return
	}
	s.presence.beat(s.now(), Presence{RequestID: b.RequestID, Name: userOf(r).Name, Activity: b.Activity})
	writeJSON(w, http.StatusOK, "application/json", s.presence.who(s.now(), b.RequestID))
}

// whoIsHere lists who has a request open.
func (s *Server) whoIsHere(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.URL.Query().Get("request"), 10, 64)
	if err != nil {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "request=ID is needed"))
		return
	}
	writeJSON(w, http.StatusOK, "application/json", s.presence.who(s.now(), id))
}
