package server

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"triagedesk/fhir"
	"triagedesk/store"
	"triagedesk/triage"
)

// DefaultFeedInterval is the least time between two announcements of changes to the
// desks' long polls (Server.FeedInterval). A tenth of a second adds nothing a person
// at a desk would notice, and under a thousand submissions a second it turns a page
// per desk per submission into ten pages per desk a second, each read once for all.
const DefaultFeedInterval = 100 * time.Millisecond

// busyStep is how many changes an announcement carries when the queue is busy: after
// one that carried more, the next waits twice FeedInterval. With two hundred desks
// following, every announcement is two hundred feed replies, each a request, an
// audit entry and a page for the desk to decode; at a thousand submissions a second
// halving them saved more CPU than anything else left, for at most another tenth of a
// second before a request shows. A request arriving alone after a quiet spell is
// still shown at once; just after a busy announcement it waits up to twice
// FeedInterval.
const busyStep = 20

// feedHub is how the change feed reaches desks that are waiting for it. Desks that
// have everything announced so far wait at the same cursor, the head; an announcement
// moves the head and wakes them all, and they all ask for the same page, from the old
// head to the new, which is read from the queue and encoded once and handed to each
// of them (each desk's reply still gets its own audit entry). Announcements are paced
// by FeedInterval (twice it when busy), so under load the desks' replies do not grow
// with the submissions.
// A page is shared by whoever asks for it because the feed is the same for every
// member of staff; were it ever filtered by who asks, pageKey would need the asker.
type feedHub struct {
	mu      sync.Mutex
	changed chan struct{} // closed at the next announcement
	head    store.Cursor  // the newest change announced
	known   bool          // head has been read from the queue
	last    time.Time     // when the last announcement began
	step    store.Cursor  // how many changes the last announcement carried
	pending bool          // an announcement is on its way
	// announcing is true while an announcement reads the newest change: a Notify
	// meanwhile leaves the next one to it, as only it will know how many changes it
	// carried, which sets the pace.
	announcing bool
	pages      map[pageKey]*sharedPage
	waiting    int // feed requests waiting for an announcement, for tests
	// checked is when the queue was last read for changes committed without a
	// Notify, and checking is true while the next such read is on its way.
	checked  time.Time
	checking bool
	// onAnnounce, when set (by tests), hears of every announcement: when it began and
	// how many changes it carried, which set the pace of the next.
	onAnnounce func(at time.Time, step store.Cursor)
	// onWaiting, when set (by tests), hears of every feed request beginning or ending
	// a wait, so a test can wait for its desks to wait without sleeping.
	onWaiting func()
}

// feedClock is the time the feed's announcements and its looks for changes committed
// without a Notify are paced by: the wall clock, or a test's, so that a test of desks
// following a real queue can check the pace without timing anything.
type feedClock interface {
	Now() time.Time
	AfterFunc(d time.Duration, f func())
}

// wallClock is the feed's clock outside tests.
type wallClock struct{}

// Now is time.Now.
func (wallClock) Now() time.Time { return time.Now() }

// AfterFunc calls f on its own goroutine after d, as time.AfterFunc does.
func (wallClock) AfterFunc(d time.Duration, f func()) { time.AfterFunc(d, f) }

// pageKey names a page of the feed: the changes after one cursor up to another, at
// most count of them.
type pageKey struct {
	after, upTo store.Cursor
	count       int
}

// sharedPage is one page read for every desk that asks for it: the first asker reads
// it, the others wait for ready.
type sharedPage struct {
	ready chan struct{}
	ch    store.Changes
	next  store.Cursor
	err   error
	audit triage.AuditEntry // without actor and desk, which are each reply's own

	encode  sync.Once // the compact form, made for the first desk that asks for it
	compact []byte
	encErr  error
}

// Changed returns a channel that is closed at the next announcement of a change.
func (s *Server) Changed() <-chan struct{} {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.changed
}

// Notify announces changes to the waiting feed requests; call it after committing a
// change (the handlers do; imports and other writers outside them should too, though
// a desk's next long poll finds their changes anyway). The announcement is made at
// once when none was made in the last FeedInterval, otherwise when it is over, with
// whatever else changed meanwhile.
func (s *Server) Notify() {
	if wait, ok := s.hub.notify(s.feedClock.Now(), s.pace); ok {
		s.announceAfter(wait)
	}
}

// announceAfter announces after wait, at once when it is over already.
func (s *Server) announceAfter(wait time.Duration) {
	if wait <= 0 {
		s.announce()
		return
	}
	s.feedClock.AfterFunc(wait, s.announce)
}

// pace is the least time between the last announcement, which carried step changes,
// and the next: FeedInterval, or twice it when the queue is busy (busyStep).
func (s *Server) pace(step store.Cursor) time.Duration {
	if step > busyStep {
		return 2 * s.FeedInterval
	}
	return s.FeedInterval
}

// announce reads the newest change, makes it the head and wakes the waiting desks.
func (s *Server) announce() {
	s.hub.begin(s.feedClock.Now())
	last, err := s.queue.LastChange(context.Background())
	if err != nil {
		s.log.Printf("feed: read the newest change to announce it: %v", err)
	}
	if wait, again := s.hub.finish(last, err, s.feedClock.Now(), s.pace); again {
		// On a timer's goroutine even when it is due already, so that a queue
		// notified faster than it is read does not stack announcements on this one.
		s.feedClock.AfterFunc(max(wait, 0), s.announce)
	}
}

// notify records a change committed at now and says whether an announcement must be
// scheduled for it, and after how long; none when one is on its way already.
func (h *feedHub) notify(now time.Time, pace func(store.Cursor) time.Duration) (time.Duration, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.pending {
		return 0, false // the coming announcement reads the head after this change was committed
	}
	h.pending = true
	if h.announcing {
		// The announcement reading now schedules the next when it knows how many
		// changes it carried: paced by the last one's, a busy announcement could be
		// followed after one FeedInterval instead of two.
		return 0, false
	}
	return pace(h.step) - now.Sub(h.last), true
}

// begin records that an announcement began at now, about to read the newest change.
func (h *feedHub) begin(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	// From here a new Notify schedules another announcement: a change committed
	// after the read must not wait for a Notify that saw this one pending.
	h.pending, h.last, h.announcing = false, now, true
}

// finish ends the announcement that read last as the newest change (err when the read
// failed), at now: it moves the head and wakes the waiting desks. When a change was
// notified during the read it says so, and how long until the next announcement.
func (h *feedHub) finish(last store.Cursor, err error, now time.Time, pace func(store.Cursor) time.Duration) (time.Duration, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.announcing = false
	if err == nil && (last > h.head || !h.known) {
		h.step = 0
		if h.known {
			h.step = last - h.head
		}
		h.head, h.known = last, true
		h.pages = nil // pages are asked for up to the new head from now on
	}
	if h.onAnnounce != nil {
		h.onAnnounce(h.last, h.step)
	}
	close(h.changed)
	h.changed = make(chan struct{})
	return pace(h.step) - now.Sub(h.last), h.pending
}

// announced returns the head and the channel closed at the next announcement, read
// together. The first call reads the head from the queue.
func (s *Server) announced(ctx context.Context) (store.Cursor, <-chan struct{}, error) {
	h := &s.hub
	h.mu.Lock()
	if h.known {
		defer h.mu.Unlock()
		return h.head, h.changed, nil
	}
	h.mu.Unlock()
	last, err := s.queue.LastChange(ctx)
	if err != nil {
		return 0, nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.known {
		h.head, h.known = last, true
	}
	return h.head, h.changed, nil
}

// page returns the page of changes after after up to upTo, reading it from the queue
// only if no other desk has asked for it since the last announcement.
func (s *Server) page(ctx context.Context, after, upTo store.Cursor, count int) *sharedPage {
	h := &s.hub
	key := pageKey{after, upTo, count}
	h.mu.Lock()
	p, ok := h.pages[key]
	if !ok {
		p = &sharedPage{ready: make(chan struct{})}
		if h.pages == nil {
			h.pages = map[pageKey]*sharedPage{}
		}
		h.pages[key] = p
	}
	h.mu.Unlock()
	if ok {
		select {
		case <-p.ready:
		case <-ctx.Done():
			return &sharedPage{err: ctx.Err()}
		}
		return p
	}
	// Read without the asker's context, so one desk hanging up does not fail the page
	// for the others waiting for it.
	p.ch, p.next, p.err = s.queue.FeedUpTo(context.WithoutCancel(ctx), after, upTo, count)
	s.feedPages.Add(1)
	if p.err == nil {
		p.audit = feedAudit(p.ch, after)
	} else {
		h.mu.Lock()
		if h.pages[key] == p {
			delete(h.pages, key) // the next asker tries again
		}
		h.mu.Unlock()
	}
	close(p.ready)
	return p
}

// records is the page as the wire carries it.
func (p *sharedPage) records() fhir.Records { return changeRecords(p.ch) }

// changeRecords is a page of changes as the wire carries it, for shared and own pages
// alike, so the two feed paths cannot drift apart when a kind of record is added.
func changeRecords(ch store.Changes) fhir.Records {
	return fhir.Records{Sites: ch.Sites, GPTeams: ch.GPTeams, Patients: ch.Patients, Requests: ch.Requests}
}

// feed serves the change feed: every change after the cursor, oldest first, as a
// history Bundle whose next link carries the following cursor. With wait=1 it serves
// the changes announced after the cursor, waiting up to LongPoll for an announcement
// when there are none; without it, every change committed so far.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	after, err := store.ParseCursor(q.Get("cursor"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	count := 1000
	if v := q.Get("_count"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			count = min(n, 5000)
		}
	}
	if q.Get("wait") == "" {
		s.feedNow(w, r, after, count)
		return
	}
	s.extendForLongPoll(w)
	deadline := time.After(s.LongPoll)
	templates := s.templatesChanged() // a manager's edit ends the wait, so desks read it at once
	checked := false
	for {
		head, changed, err := s.announced(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if after < head {
			p := s.page(r.Context(), after, head, count)
			if p.err != nil {
				s.fail(w, r, p.err)
				return
			}
			// Every page that carries patient data is a read: patients alone too.
			if len(p.ch.Requests) > 0 || len(p.ch.Patients) > 0 {
				if !s.audited(w, r, p.audit) {
					return
				}
			}
			s.writePage(w, r, p, after, p.next < head)
			return
		}
		if !checked {
			// A change committed without a Notify (by another process, or a writer that
			// forgot) is announced soon rather than never.
			checked = true
			s.checkUnannounced()
		}
		s.waitingFeeds(+1)
		select {
		case <-changed:
			s.waitingFeeds(-1)
			// The token was checked when the desk began to wait, up to LongPoll ago: a
			// revoke since then must stop this page too. From memory unless something
			// about sign-ins changed, so it costs one read of the epoch row.
			if _, err := s.queue.UserByToken(r.Context(), bearer(r)); err != nil {
				s.fail(w, r, err)
				return
			}
		case <-deadline:
			s.waitingFeeds(-1)
			s.writeFeed(w, r, fhir.Records{}, after, after, false)
			return
		case <-templates:
			s.waitingFeeds(-1)
			s.writeFeed(w, r, fhir.Records{}, after, after, false)
			return
		case <-r.Context().Done():
			s.waitingFeeds(-1)
			return
		}
	}
}

// checkUnannounced looks for a change committed without a Notify and announces it.
// Desks about to wait ask for it, and with two hundred of them that was a read of the
// queue per feed reply; the look is taken at most once per FeedInterval for them all,
// the ones asking meanwhile served by the next look, at most FeedInterval away.
func (s *Server) checkUnannounced() {
	h := &s.hub
	h.mu.Lock()
	if h.checking {
		h.mu.Unlock()
		return // the coming look begins after this desk started waiting
	}
	h.checking = true
	wait := s.FeedInterval - s.feedClock.Now().Sub(h.checked)
	h.mu.Unlock()
	look := func() {
		h.mu.Lock()
		h.checking, h.checked = false, s.feedClock.Now()
		head := h.head
		h.mu.Unlock()
		if last, err := s.queue.LastChange(context.Background()); err == nil && last > head {
			s.Notify()
		}
	}
	if wait <= 0 {
		look()
		return
	}
	s.feedClock.AfterFunc(wait, look)
}

// waitingFeeds counts feed requests beginning (n = +1) and ending (-1) a wait.
func (s *Server) waitingFeeds(n int) {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.waiting += n
	if s.hub.onWaiting != nil {
		s.hub.onWaiting()
	}
}

// feedNow answers a feed request that does not wait (a first sync, a desk catching up,
// Ctrl+R) with every change committed after the cursor, read for this request alone.
func (s *Server) feedNow(w http.ResponseWriter, r *http.Request, after store.Cursor, count int) {
	ch, next, err := s.queue.Feed(r.Context(), after, count)
	s.feedPages.Add(1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Every page that carries patient data is a read: patients alone too.
	if len(ch.Requests) > 0 || len(ch.Patients) > 0 {
		if !s.audited(w, r, feedAudit(ch, after)) {
			return
		}
	}
	last, err := s.queue.LastChange(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	recs := changeRecords(ch)
	s.writeFeed(w, r, recs, after, next, next < last)
}

// writePage answers with a shared page: the compact form encoded once for every desk
// that gets it, a FHIR Bundle (whose links name the address each client used) for
// anyone else.
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, p *sharedPage, after store.Cursor, more bool) {
	if !acceptsDeskFeed(r) {
		s.writeFeed(w, r, p.records(), after, p.next, more)
		return
	}
	p.encode.Do(func() {
		var buf bytes.Buffer
		p.encErr = fhir.EncodeDeskPage(&buf, p.records(), p.next.String(), more)
		p.compact = buf.Bytes()
	})
	if p.encErr != nil {
		s.fail(w, r, p.encErr)
		return
	}
	s.feedReplies.Add(1)
	w.Header().Set("Content-Type", fhir.DeskContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(p.compact))) // the desk reads it into one buffer
	w.Write(p.compact)
}
