package client

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"triagedesk/fhir"
	"triagedesk/store"
	"triagedesk/triage"
)

// PageSize is how many changes the desk asks for at once (the most the queue gives):
// a first sync of 100,000 requests is twenty round trips, and one page's transaction
// holds the cache's writer for about a tenth of a second, while readers (the desk's
// screens) go on reading under WAL. Smaller pages made that sync 10% slower.
const PageSize = 5000

// Status is what the desk shows in its status bar.
type Status struct {
	Online    bool
	LastSync  time.Time // when the cache last caught up with the queue
	Pending   int       // actions waiting in the outbox
	Conflicts int       // actions the server refused, waiting for a person
	LastError string    // what went wrong last, for the status bar's tooltip
	// SignedOut says the queue no longer accepts this desk's token (expired, revoked
	// or signed out): nothing is sent or fetched until the person signs in again, and
	// the outbox keeps every action meanwhile.
	SignedOut bool
}

// Syncer keeps a desk's cache true to the practice queue: it pulls the change feed
// into the cache page by page, each page in one transaction with its cursor, and
// pushes the outbox in order. It is safe for concurrent use; OnStatus is called from
// the syncer's goroutine, so a UI must hand the value to its own thread.
type Syncer struct {
	client *Client
	cache  *store.Cache
	// OnStatus, if set, is called whenever the status changes.
	OnStatus func(Status)
	// User, if set, is the member of staff the client signs in as. Push sends only
	// their actions: at a shared desk, an action queued by someone who has since
	// signed out waits for them, rather than reaching the queue under another name.
	User string
	// OnTemplates, if set, is called after a sync brought new templates into the cache.
	OnTemplates func()

	mu     sync.Mutex
	status Status
	nudge  chan struct{}
}

// NewSyncer makes a syncer for a cache and the queue a client reaches. A client that
// does not name its desk yet takes the cache's desk name, so the queue's audit trail
// says which desk read and changed what.
func NewSyncer(c *Client, cache *store.Cache) *Syncer {
	if c.Desk == "" {
		c.Desk, _ = cache.DeskID(context.Background()) // without a name the calls still work
	}
	return &Syncer{client: c, cache: cache, nudge: make(chan struct{}, 1)}
}

// Status returns the current status.
func (s *Syncer) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

func (s *Syncer) update(ctx context.Context, fn func(*Status)) {
	pending, problems, _ := s.cache.OutboxCounts(ctx)
	s.mu.Lock()
	fn(&s.status)
	s.status.Pending, s.status.Conflicts = pending, problems
	st := s.status
	s.mu.Unlock()
	if s.OnStatus != nil {
		s.OnStatus(st)
	}
}

// SyncNow wakes a following syncer at once (after a local action, or Ctrl+R).
func (s *Syncer) SyncNow() {
	select {
	case s.nudge <- struct{}{}:
	default:
	}
}

// Pull applies every change waiting on the server and returns how many records it
// applied. wait makes the first request a long poll. The next page is fetched while
// the current one is written, so the network and the disk work at the same time; each
// page is still written with its own cursor in one transaction.
func (s *Syncer) Pull(ctx context.Context, wait bool) (int, error) {
	type fetched struct {
		page fhir.FeedPage
		err  error
	}
	fetch := func(cursor string, wait bool) <-chan fetched {
		out := make(chan fetched, 1) // buffered: an abandoned prefetch does not leak
		go func() {
			page, err := s.client.Feed(ctx, cursor, PageSize, wait)
			out <- fetched{page, err}
		}()
		return out
	}
	cursor, err := s.cache.Cursor(ctx)
	if err != nil {
		return 0, err
	}
	next := fetch(cursor, wait)
	applied := 0
	for batch := 1; ; batch++ {
		f := <-next
		if f.err != nil {
			return applied, fmt.Errorf("sync batch %d: %w", batch, f.err)
		}
		page := f.page
		if page.More && page.Cursor == cursor {
			return applied, fmt.Errorf("sync batch %d: the server says there is more but its cursor did not move from %q: stopping rather than asking for the same page forever", batch, cursor)
		}
		if page.More {
			next = fetch(page.Cursor, false)
		}
		if page.Len() > 0 || page.Cursor != cursor {
			ch := store.Changes{Sites: page.Sites, GPTeams: page.GPTeams, Patients: page.Patients, Requests: page.Requests}
			if err := s.fetchMissingPatients(ctx, &ch); err != nil {
				return applied, fmt.Errorf("sync batch %d: %w", batch, err)
			}
			if err := s.cache.ApplyChanges(ctx, ch, page.Cursor); err != nil {
				return applied, fmt.Errorf("sync batch %d: %w", batch, err)
			}
			applied += page.Len()
		}
		if !page.More {
			return applied, nil
		}
		cursor = page.Cursor
	}
}

// fetchMissingPatients reads from the queue the patients of a page's requests that
// the cache no longer has (a purge removed them) and adds them to the page, so the
// request can be stored with its patient.
func (s *Syncer) fetchMissingPatients(ctx context.Context, ch *store.Changes) error {
	missing, err := s.cache.MissingPatients(ctx, ch.Requests, ch.Patients)
	if err != nil {
		return err
	}
	for _, id := range missing {
		p, err := s.client.Patient(ctx, id)
		if err != nil {
			return fmt.Errorf("read patient %d, whom this desk had purged: %w", id, err)
		}
		ch.Patients = append(ch.Patients, p)
	}
	return nil
}

// viewBatch is the most views sent to the queue in one call.
const viewBatch = 500

// PushViews sends the views made at this desk to the queue's audit trail, oldest
// first, and returns how many it sent. A view leaves the desk only once the queue has
// recorded it.
func (s *Syncer) PushViews(ctx context.Context) (int, error) {
	sent := 0
	for {
		views, err := s.cache.ViewsToSend(ctx, viewBatch)
		if err != nil || len(views) == 0 {
			return sent, err
		}
		out := make([]View, len(views))
		for i, v := range views {
			out[i] = View{At: v.At, Actor: v.Actor, RequestID: v.RequestID}
		}
		if err := s.client.RecordViews(ctx, out); err != nil {
			return sent, fmt.Errorf("send %d views to the practice queue's audit trail: %w", len(views), err)
		}
		if err := s.cache.ViewsSent(ctx, views[len(views)-1].ID); err != nil {
			return sent, err
		}
		sent += len(views)
	}
}

// Push sends the views made at this desk, then the outbox in order (only the
// signed-in member of staff's actions when User is set), each action with its own
// idempotency key, so a retry after a lost reply gets the queue's first answer. A
// refused action stays in the outbox as a conflict or failure, with the server's copy
// of the request in the cache, and every later action on that request is held for a
// person to look at again: none of them is sent. A network error stops the push so
// the actions keep their order for the next attempt.
func (s *Syncer) Push(ctx context.Context) (sent int, err error) {
	// Views first, as they were made first; a queue that refuses them (an older one
	// without the endpoint) must not stop the actions, so that refusal is reported
	// after them and the views wait in the outbox.
	_, viewsErr := s.PushViews(ctx)
	if IsNetwork(viewsErr) || IsSignedOut(viewsErr) {
		return 0, viewsErr
	}
	defer func() {
		if err == nil {
			err = viewsErr
		}
	}()
	items, err := s.cache.Pending(ctx)
	if err != nil {
		return 0, err
	}
	refused := map[int64]bool{} // requests with a change refused in this push
	for _, it := range items {
		if s.User != "" && it.Action.Actor != s.User {
			continue
		}
		if refused[it.Action.RequestID] {
			continue // held in the cache by Refused; never sent
		}
		got, err := s.client.Act(ctx, it.Action, it.Key)
		switch {
		case err == nil:
			if err := s.cache.Sent(ctx, it.ID, got); err != nil {
				return sent, err
			}
			sent++
		case IsNetwork(err):
			s.cache.Attempted(ctx, it.ID)
			return sent, err
		case IsSignedOut(err):
			// Not a refusal of the action: the queue did not look at it. It stays in
			// the outbox, in order, for after the person signs in again.
			return sent, err
		default:
			state := store.OutboxFailed
			if triage.ErrorCode(err) == triage.ECONFLICT {
				state = store.OutboxConflict
			}
			server, ferr := s.client.Task(ctx, it.Action.RequestID)
			if ferr != nil {
				return sent, fmt.Errorf("fetch request %d after a refusal: %w", it.Action.RequestID, ferr)
			}
			if err := s.cache.Refused(ctx, it.ID, server, state, triage.ErrorMessage(err)); err != nil {
				return sent, err
			}
			refused[it.Action.RequestID] = true
		}
	}
	return sent, nil
}

// Once pushes then pulls, and reports what it did.
func (s *Syncer) Once(ctx context.Context) (sent, applied int, err error) {
	sent, err = s.Push(ctx)
	if err == nil {
		applied, err = s.Pull(ctx, false)
	}
	if err == nil {
		err = s.PullTemplates(ctx)
	}
	s.report(ctx, err)
	return sent, applied, err
}

func (s *Syncer) report(ctx context.Context, err error) {
	s.update(ctx, func(st *Status) {
		if err == nil {
			st.Online, st.LastSync, st.LastError, st.SignedOut = true, time.Now(), "", false
			return
		}
		st.LastError = err.Error()
		if st.SignedOut = IsSignedOut(err); st.SignedOut {
			st.LastError = triage.ErrorMessage(err) // the queue's own words: expired or revoked, and what to do
		}
		if IsNetwork(err) {
			st.Online = false
		}
	})
}

// Run follows the queue until ctx ends: push, then long-poll the feed, over and over.
// When the server cannot be reached it backs off (1 s doubling to 30 s, with jitter so
// fifty desks do not return at the same instant) while the cache keeps serving. Once
// the queue refuses the token (Status.SignedOut) it waits for ctx to end or a nudge:
// the desk signs in again with a new syncer.
func (s *Syncer) Run(ctx context.Context) {
	backoff := time.Second
	for ctx.Err() == nil {
		_, err := s.Push(ctx)
		if err == nil {
			// A nudge (a local action, Ctrl+R) ends the long poll so it is pushed at once.
			pullCtx, cancel := context.WithCancel(ctx)
			go func() {
				select {
				case <-s.nudge:
					cancel()
				case <-pullCtx.Done():
				}
			}()
			_, err = s.Pull(pullCtx, true)
			cancel()
			if ctx.Err() == nil && errors.Is(err, context.Canceled) {
				continue
			}
			if err == nil {
				// A manager's edit wakes the long poll too, so it reaches this desk at
				// once; asking costs a 304 when nothing changed.
				err = s.PullTemplates(ctx)
			}
		}
		if ctx.Err() != nil {
			return
		}
		s.report(ctx, err)
		if err == nil {
			backoff = time.Second
			continue
		}
		if IsSignedOut(err) {
			// The token will not work again: asking every 30 s would only fill the
			// queue's log. The desk signs in again and starts a new syncer; Ctrl+R
			// still tries once more.
			select {
			case <-ctx.Done():
				return
			case <-s.nudge:
				continue
			}
		}
		wait := backoff/2 + time.Duration(rand.Int64N(int64(backoff)))
		if !IsNetwork(err) && !errors.Is(err, context.DeadlineExceeded) {
			wait = 30 * time.Second // a refusal or a bad page will not mend itself at once
		}
		backoff = min(backoff*2, 30*time.Second)
		select {
		case <-ctx.Done():
			return
		case <-s.nudge:
		case <-time.After(wait):
		}
	}
}
