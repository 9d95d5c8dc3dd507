package server

import (
	"time"

	"triagedesk/store"
)

// WaitingFeeds is how many feed requests are waiting for an announcement, so a test
// can make its change once every desk it started is waiting.
func (s *Server) WaitingFeeds() int {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.waiting
}

// OnAnnounce has f hear of every announcement of changes to the waiting desks: when
// it began and how many changes it carried (which sets the pace of the next).
func (s *Server) OnAnnounce(f func(at time.Time, step store.Cursor)) {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.onAnnounce = f
}

// BusyStep is busyStep, for tests outside the package.
const BusyStep = busyStep

// FeedClock is the clock the feed paces its announcements by, for tests that drive it.
type FeedClock = feedClock

// SetFeedClock has the feed pace its announcements, and its looks for changes
// committed without a Notify, by c instead of the wall clock. Set it before serving.
func (s *Server) SetFeedClock(c FeedClock) { s.feedClock = c }

// OnWaiting has f hear of every feed request beginning or ending a wait, so a test can
// wait for its desks to wait without sleeping. f must not call back into the server.
func (s *Server) OnWaiting(f func()) {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.onWaiting = f
}

// AnnouncedHead is the newest change announced to the desks so far.
func (s *Server) AnnouncedHead() store.Cursor {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.head
}
