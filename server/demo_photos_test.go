package server_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
)

// TestDemoPhotosAreSentOncePerRequest: a start of the demo that sends some of the
// requests with photos and then fails (no patient left with room) used to send the
// first ones again at the next start, as the practice was marked only once all of
// them were in; and the failure's message read "%!w(<nil>)". Each request is now
// recorded as it goes in, so the next start sends only the rest, each once.
func TestDemoPhotosAreSentOncePerRequest(t *testing.T) {
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	practice, err := server.FillDemo(ctx, q, 4, 100, 20, tuesday)
	if err != nil {
		t.Fatal(err)
	}
	p := practice.Practice
	sent := func() map[string]int {
		t.Helper()
		rs, _, err := q.Requests(ctx, 0, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for _, r := range rs {
			n[r.Text]++
		}
		return n
	}
	wants := demo.PhotoRequests()

	// Too few accounts for all three: the first two go in, the third finds no one.
	few := &demo.Practice{Patients: p.Patients, Accounts: p.Accounts[:8]}
	err = server.EnsureDemoPhotos(ctx, q, few, tuesday)
	if err == nil {
		t.Fatal("three requests were sent from two accounts' tries")
	}
	if msg := err.Error(); strings.Contains(msg, "%!") || !strings.Contains(msg, "no patient account is left") {
		t.Errorf("the failure says %q, want that no account was left to send it", msg)
	}
	if got := sent()[wants[0].Text]; got != 1 {
		t.Fatalf("after the failed start the first request with photos is in %d times, want 1 (the test needs it sent)", got)
	}

	for start := 1; start <= 2; start++ {
		if err := server.EnsureDemoPhotos(ctx, q, p, tuesday); err != nil {
			t.Fatalf("start %d: %v", start, err)
		}
		n := sent()
		for i, w := range wants {
			if n[w.Text] != 1 {
				t.Errorf("after start %d the demo request with photos %d is in the queue %d times, want once", start, i+1, n[w.Text])
			}
		}
	}
}
