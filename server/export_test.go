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
