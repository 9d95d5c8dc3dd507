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

// TestFeedPaceOfAChangeNotifiedWhileABusyAnnouncementReads: a change notified while an
// announcement is still reading the newest change is announced at the pace that
// announcement sets once it knows its size (twice FeedInterval after a busy one), not
// at the pace of the one before it. The hub is driven step by step with its clock.
func TestFeedPaceOfAChangeNotifiedWhileABusyAnnouncementReads(t *testing.T) {
	for _, tt := range []struct {
		name string
		step store.Cursor // the changes the announcement being read carries
		want time.Duration
	}{
		{"a quiet announcement", 3, time.Second},
		{"a busy announcement", busyStep + 5, 2 * time.Second},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &Server{FeedInterval: time.Second}
			s.hub.changed = make(chan struct{})
			t0 := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
			s.hub.begin(t0) // a quiet announcement: the head is known
			if _, again := s.hub.finish(100, nil, t0, s.pace); again {
				t.Fatal("an announcement with no change notified meanwhile schedules another")
			}

			t1 := t0.Add(time.Minute)
			s.hub.begin(t1)
			var next []time.Time // when the next announcement is scheduled
			during := t1.Add(10 * time.Millisecond)
			if wait, ok := s.hub.notify(during, s.pace); ok {
				next = append(next, during.Add(wait))
			}
			if wait, ok := s.hub.notify(during, s.pace); ok { // a second change meanwhile
				next = append(next, during.Add(wait))
			}
			read := t1.Add(20 * time.Millisecond)
			if wait, again := s.hub.finish(100+tt.step, nil, read, s.pace); again {
				next = append(next, read.Add(wait))
			}
			if len(next) != 1 || !next[0].Equal(t1.Add(tt.want)) {
				t.Fatalf("the next announcement is scheduled at %v, want once at %v (%s after the one that carried %d changes began)",
					next, t1.Add(tt.want), tt.want, tt.step)
			}
		})
	}
}
