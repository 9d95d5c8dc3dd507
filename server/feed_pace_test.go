package server

import (
	"testing"
	"time"

	"triagedesk/store"
)

// TestFeedPaceSlowsOnlyWhenBusy: after an announcement of a few changes the next may
// follow within FeedInterval; after one of many (a busy queue) it waits twice as long.
func TestFeedPaceSlowsOnlyWhenBusy(t *testing.T) {
	s := &Server{FeedInterval: 100 * time.Millisecond}
	for _, tt := range []struct {
		step store.Cursor
		want time.Duration
	}{{0, 100 * time.Millisecond}, {1, 100 * time.Millisecond}, {busyStep, 100 * time.Millisecond}, {busyStep + 1, 200 * time.Millisecond}, {500, 200 * time.Millisecond}} {
		if got := s.pace(tt.step); got != tt.want {
			t.Errorf("after an announcement of %d changes: wait %s, want %s", tt.step, got, tt.want)
		}
	}
}
