package web_test

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

// The times a patient asks not to be called are kept as their own field with the
// request and reach a desk's cache through the sync as they were typed, apart from
// the number, so the desk can show them beside it.
func TestTimesToAvoidTravelToTheDeskApartFromTheNumber(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	b.step("text", url.Values{"text": {"A letter for my employer, please."}})
	b.step("photos", url.Values{})
	page := b.step("contact", url.Values{"phone": {"07700 900 982"}, "avoid": {"not before 10am, not Tuesdays"}})
	if page = b.step("check", url.Values{}); !sentRef.MatchString(page) {
		t.Fatalf("not sent: %s", page)
	}
	reqs, _, err := e.q.Requests(context.Background(), 0, 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("the queue holds %d requests (%v)", len(reqs), err)
	}
	if r := reqs[0]; r.ContactDetail != "07700 900 982" || r.ContactAvoid != "not before 10am, not Tuesdays" {
		t.Errorf("the queue holds number %q and times to avoid %q", r.ContactDetail, r.ContactAvoid)
	}

	token, err := e.q.AddUser(context.Background(), "rita", store.RoleReviewer, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(e.http.URL, token)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := store.OpenCache(context.Background(), filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := client.NewSyncer(c, cache).Pull(ctx, false); err != nil {
		t.Fatalf("the desk's sync: %v", err)
	}
	item, err := cache.Request(ctx, reqs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if item.Contact != triage.ContactPhone || item.ContactDetail != "07700 900 982" || item.ContactAvoid != "not before 10am, not Tuesdays" {
		t.Errorf("the desk's cache holds %q, number %q, times to avoid %q", item.Contact, item.ContactDetail, item.ContactAvoid)
	}
}
