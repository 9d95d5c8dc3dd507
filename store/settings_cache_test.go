package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"triagedesk/store"
	"triagedesk/triage"
)

// The queue keeps its settings in memory between changes (a submission reads the
// opening hours and the limits every time): a change must be seen by the next read,
// also when the setting was never set, and a read racing a change must never leave
// the old value behind for good.
func TestSettingsCacheSeesEveryChange(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	q, err := store.OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	read := func() (triage.Limits, bool) {
		t.Helper()
		l := triage.DefaultLimits()
		ok, err := q.Setting(ctx, "limits", &l)
		if err != nil {
			t.Fatal(err)
		}
		return l, ok
	}
	if _, ok := read(); ok {
		t.Fatal("a new queue has the limits set")
	}
	read() // and again, from memory
	for i := 1; i <= 3; i++ {
		if err := q.SetSetting(ctx, "limits", triage.Limits{MaxLive: i, MaxPerDay: 10, OveruseThreshold: 8}, "mo"); err != nil {
			t.Fatal(err)
		}
		if l, ok := read(); !ok || l.MaxLive != i {
			t.Fatalf("after setting MaxLive %d the queue reads %+v (set %v)", i, l, ok)
		}
	}

	// Readers and a writer at once: once the writer is done, every read is its last.
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				l := triage.DefaultLimits()
				if _, err := q.Setting(ctx, "limits", &l); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	last := 0
	for i := 10; i < 60; i++ {
		if err := q.SetSetting(ctx, "limits", triage.Limits{MaxLive: i, MaxPerDay: 10, OveruseThreshold: 8}, "mo"); err != nil {
			t.Fatal(err)
		}
		last = i
	}
	close(stop)
	wg.Wait()
	if l, _ := read(); l.MaxLive != last {
		t.Fatalf("after the last change to MaxLive %d the queue reads %d", last, l.MaxLive)
	}
	// What it reads is what another opening of the file reads.
	other, err := store.OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	l := triage.DefaultLimits()
	if _, err := other.Setting(ctx, "limits", &l); err != nil || l.MaxLive != last {
		t.Fatal(fmt.Sprintf("the file holds MaxLive %d (%v), want %d", l.MaxLive, err, last))
	}
}
