package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/demo"
	"triagedesk/store"
	"triagedesk/triage"
)

// cacheActor applies actions to a real cache, as the desk's wiring does.
type cacheActor struct{ c *store.Cache }

func (a cacheActor) Act(ctx context.Context, act triage.Action) (triage.Request, error) {
	return a.c.Act(ctx, act, triage.DefaultCalendar())
}

func deskFixture(t *testing.T) (*Desk, *store.Cache, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	p := demo.NewPractice(4, 400, now)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 4, Count: 600, Now: now})
	if err := c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	d := NewDesk(c, cacheActor{c}, "amy", func() time.Time { return now }, nil, func(err error) { t.Errorf("desk showed an error: %v", err) })
	w := test.NewTempWindow(t, d.Root)
	w.Canvas().SetOnTypedRune(d.TypedRune)
	w.Canvas().SetOnTypedKey(d.TypedKey)
	<-d.Inbox.Reload()
	return d, c, w
}

func TestPressing2AssignsToMedicines(t *testing.T) {
	d, c, w := deskFixture(t)
	ctx := context.Background()
	before := len(d.Inbox.rows)
	test.TypeOnCanvas(w.Canvas(), "jj") // the second request
	it, ok := d.Inbox.Selected()
	if !ok || it.ID != d.Inbox.rows[1].ID {
		t.Fatalf("j j selected %+v, want the second row", it)
	}
	test.TypeOnCanvas(w.Canvas(), "2")
	d.busy.Wait()
	got, err := c.Request(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != triage.StatusAssigned || got.Team != triage.TeamMedicines || got.UpdatedBy != "amy" {
		t.Fatalf("after pressing 2: %s, team %s, by %s; want assigned to medicines by amy", got.Status, got.Team, got.UpdatedBy)
	}
	if len(d.Inbox.rows) != before-1 {
		t.Fatalf("inbox has %d rows, want %d: the assigned request must leave it", len(d.Inbox.rows), before-1)
	}
	for _, r := range d.Inbox.rows {
		if r.ID == it.ID {
			t.Fatal("the assigned request is still in the inbox")
		}
	}
	if pending, _, _ := c.OutboxCounts(ctx); pending != 1 {
		t.Fatalf("outbox holds %d actions, want the assignment waiting to be sent", pending)
	}
}

func TestEmergencyBanner(t *testing.T) {
	d, c, _ := deskFixture(t)
	if d.Banner.Visible() {
		// The demo may hold a live emergency; close them so the test starts clear.
		for _, r := range d.Inbox.rows {
			if r.Priority == triage.Emergency {
				c.Act(context.Background(), triage.Action{Kind: triage.ActClose, RequestID: r.ID, BaseVersion: r.Version, Actor: "t", Outcome: triage.OutcomeEmergency}, triage.DefaultCalendar())
			}
		}
		<-d.Inbox.Reload()
	}
	if d.Banner.Visible() {
		t.Fatal("banner shown with no emergency waiting")
	}
	r := d.Inbox.rows[0].Request
	r.ID, r.Version, r.Priority = 99999, 1, triage.Emergency
	if err := c.Upsert(context.Background(), store.Changes{Requests: []triage.Request{r}}); err != nil {
		t.Fatal(err)
	}
	<-d.Inbox.Reload()
	if !d.Banner.Visible() || !strings.Contains(d.banner.Text, "EMERGENCY: 1 request") {
		t.Fatalf("banner visible %v saying %q", d.Banner.Visible(), d.banner.Text)
	}
	if d.Inbox.rows[0].ID != 99999 {
		t.Fatal("the emergency is not first in the inbox")
	}
}

func TestStatusBarShowsOffline(t *testing.T) {
	d, _, _ := deskFixture(t)
	d.SetStatus(SyncStatus{Online: true, LastSync: time.Date(2026, 11, 24, 10, 0, 5, 0, time.Local), Pending: 0})
	if !strings.HasPrefix(d.Status.Text, "Online · last sync 10:00:05") {
		t.Fatalf("status %q", d.Status.Text)
	}
	d.SetStatus(SyncStatus{Online: false, Pending: 2, Conflicts: 1, Problem: errors.New("connection refused").Error()})
	for _, want := range []string{"OFFLINE", "2 waiting to send", "1 conflicts", "connection refused"} {
		if !strings.Contains(d.Status.Text, want) {
			t.Errorf("status %q lacks %q", d.Status.Text, want)
		}
	}
}
