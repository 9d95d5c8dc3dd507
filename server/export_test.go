package server

// WaitingFeeds is how many feed requests are waiting for an announcement, so a test
// can make its change once every desk it started is waiting.
func (s *Server) WaitingFeeds() int {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.waiting
}
