package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"triagedesk/demo"
	"triagedesk/store"
	"triagedesk/triage"
)

var testNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// cacheActor applies actions to a real cache, as the desk's wiring does.
type cacheActor struct{ c *store.Cache }

func (a cacheActor) Act(ctx context.Context, act triage.Action) (triage.Request, error) {
	return a.c.Act(ctx, act, triage.DefaultCalendar())
}

// fakeSync is a practice queue link that records what the desk asked of it.
type fakeSync struct {
	noSync
	mu        sync.Mutex
	conflicts []Conflict
	dismissed []int64
	actor     Actor
	cache     *store.Cache
	viewers   []Viewer
	limits    []triage.Limits
	avail     []triage.Availability
}

func (f *fakeSync) SetLimits(_ context.Context, l triage.Limits) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits = append(f.limits, l)
	return nil
}

func (f *fakeSync) SetAvailability(_ context.Context, a triage.Availability) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.avail = append(f.avail, a)
	return nil
}

func (f *fakeSync) Presence(context.Context, int64, string) ([]Viewer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.viewers, nil
}

func (f *fakeSync) Conflicts(context.Context) ([]Conflict, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Conflict(nil), f.conflicts...), nil
}

// Redo does what the desk's link does with a real outbox: the refused action made
// again on the cached version, the refused entry gone.
func (f *fakeSync) Redo(ctx context.Context, id int64) error {
	f.mu.Lock()
	var mine *triage.Action
	for _, c := range f.conflicts {
		if c.OutboxID == id {
			mine = &c.Mine
		}
	}
	f.mu.Unlock()
	if mine == nil || f.actor == nil {
		return nil
	}
	cur, err := f.cache.Request(ctx, mine.RequestID)
	if err != nil {
		return err
	}
	a := *mine
	a.BaseVersion = cur.Version
	if _, err := f.actor.Act(ctx, a); err != nil {
		return err
	}
	return f.Dismiss(ctx, id)
}

func (f *fakeSync) Dismiss(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dismissed = append(f.dismissed, id)
	return nil
}

// fixture is a desk on a real cache file filled with a demo practice.
type fixture struct {
	d    *Desk
	c    *store.Cache
	w    fyne.Window
	sync *fakeSync
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	p := demo.NewPractice(4, 400, testNow)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 4, Count: 1200, Now: testNow})
	if err := c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	fs := &fakeSync{}
	fs.actor, fs.cache = cacheActor{c}, c
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(c, cacheActor{c}, fs, Options{User: "amy", Sites: demo.Sites, GPTeams: demo.GPTeams,
		Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}, w)
	d.Install(w)
	// A request left open keeps a presence heartbeat that would touch widgets during
	// a later test: leave it, so the heartbeat stops.
	t.Cleanup(func() { user(func() { d.Back(); d.Detail.gen++; d.Toast.hide(d.Toast.gen) }) })
	<-d.Refresh()
	background.Wait()
	return fixture{d, c, w, fs}
}

func TestInboxMostUrgentFirstThenOldest(t *testing.T) {
	f := newFixture(t)
	want, err := f.c.CountInbox(context.Background(), triage.Filter{})
	if err != nil || want == 0 {
		t.Fatalf("the demo cache has %d new requests (%v): the test needs some", want, err)
	}
	rows := f.d.Inbox.Rows()
	if f.d.Inbox.Total() != want || len(rows) != min(want, pageSize) {
		t.Fatalf("inbox shows %d rows of %d, the cache holds %d new requests", len(rows), f.d.Inbox.Total(), want)
	}
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if a.Priority.Rank() > b.Priority.Rank() || a.Priority == b.Priority && a.ReceivedAt.After(b.ReceivedAt) {
			t.Fatalf("row %d (%s, %s) is before row %d (%s, %s)", i-1, a.Priority, a.ReceivedAt, i, b.Priority, b.ReceivedAt)
		}
	}
	if got := f.d.Inbox.Text(0, 0); got != rows[0].Priority.Label() {
		t.Errorf("first cell says %q, want the priority in words", got)
	}
	if !strings.Contains(f.d.inboxTab.Text, "(") {
		t.Errorf("the inbox tab %q does not show its count", f.d.inboxTab.Text)
	}
}

func TestPressing2AssignsToMedicines(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	before := f.d.Inbox.Total()
	user(func() { test.TypeOnCanvas(f.w.Canvas(), "jj") }) // the second request
	it, ok := f.d.Inbox.Selected()
	if !ok || it.ID != f.d.Inbox.Rows()[1].ID {
		t.Fatalf("j j selected %+v, want the second row", it.ID)
	}
	user(func() { test.TypeOnCanvas(f.w.Canvas(), "2") })
	background.Wait()
	got, err := f.c.Request(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != triage.StatusAssigned || got.Team != triage.TeamMedicines || got.UpdatedBy != "amy" {
		t.Fatalf("after pressing 2: %s, team %s, by %s; want assigned to medicines by amy", got.Status, got.Team, got.UpdatedBy)
	}
	if f.d.Inbox.Total() != before-1 {
		t.Fatalf("inbox counts %d, want %d: the assigned request must leave it", f.d.Inbox.Total(), before-1)
	}
	for _, r := range f.d.Inbox.Rows() {
		if r.ID == it.ID {
			t.Fatal("the assigned request is still in the inbox")
		}
	}
	if pending, _, _ := f.c.OutboxCounts(ctx); pending != 1 {
		t.Fatalf("outbox holds %d actions, want the assignment waiting to be sent", pending)
	}
}

func TestEnterOpensAndRecordsTheView(t *testing.T) {
	f := newFixture(t)
	f.sync.viewers = []Viewer{{Name: "bea", Activity: "viewing"}}
	user(func() { test.TypeOnCanvas(f.w.Canvas(), "j") })
	it, _ := f.d.Inbox.Selected()
	user(func() { f.d.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	background.Wait()
	if !f.d.detailShown() {
		t.Fatal("Enter did not open the request")
	}
	d := f.d.Detail
	p := it.Patient
	if !strings.Contains(d.Patient.Text, p.NHSNumber.String()) || !strings.Contains(d.Patient.Text, p.Name()) {
		t.Errorf("the detail says %q, want the name and the NHS number as 3-3-4", d.Patient.Text)
	}
	if !d.Presence.Visible() || !strings.Contains(d.Presence.Text, "bea") {
		t.Errorf("presence line %q (shown %v), want bea, who has it open too", d.Presence.Text, d.Presence.Visible())
	}
	trail, err := f.c.AuditTrail(context.Background(), it.ID)
	if err != nil || len(trail) == 0 || trail[len(trail)-1].Action != "view" && trail[0].Action != "view" {
		t.Fatalf("audit trail %+v (%v): the view was not recorded", trail, err)
	}
	user(func() { f.d.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if f.d.detailShown() {
		t.Fatal("Esc did not go back to the inbox")
	}
	user(func() { f.d.Inbox.Table.Select(widget.TableCellID{Row: 0, Col: 2}) }) // a tap on the same row
	if !f.d.detailShown() || f.d.Detail.item.ID != it.ID {
		t.Fatal("tapping the row again did not open it again")
	}
}

func TestHighlight(t *testing.T) {
	segs := highlight("a bad cough and fever", []triage.Span{{Start: 16, End: 21}, {Start: 6, End: 11}})
	var got []string
	for _, s := range segs {
		ts := s.(interface{ Textual() string })
		mark := ""
		if s.(*textSegment).Style.TextStyle.Bold {
			mark = "*"
		}
		got = append(got, mark+ts.Textual())
	}
	if want := "a bad |*cough| and |*fever"; strings.Join(got, "|") != want {
		t.Fatalf("highlight = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestSearchNarrowsTheList(t *testing.T) {
	f := newFixture(t)
	all := f.d.Inbox.Total()
	word := ""
	for _, r := range f.d.Inbox.Rows() {
		if fs := strings.Fields(r.Text); len(fs) > 2 && len(fs[2]) > 4 {
			word = strings.Trim(fs[2], ".,!?")
			break
		}
	}
	user(func() { f.d.Inbox.Search.SetText(word) }) // as typed; one reload, not one a letter
	background.Wait()
	n := f.d.Inbox.Total()
	if n == 0 || n >= all {
		t.Fatalf("searching %q left %d of %d requests, want fewer but some", word, n, all)
	}
	want, _ := f.c.CountInbox(context.Background(), triage.Filter{Text: word})
	if n != want {
		t.Fatalf("searching %q shows %d, the store finds %d", word, n, want)
	}
	for _, r := range f.d.Inbox.Rows() {
		if !strings.Contains(strings.ToLower(r.Text), strings.ToLower(word)[:4]) {
			t.Fatalf("row %d does not mention %q: %q", r.ID, word, r.Text)
		}
	}
	user(func() {
		f.w.Canvas().Focus(f.d.Inbox.Search)
		f.d.Inbox.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	})
	if f.w.Canvas().Focused() != nil {
		t.Error("↓ in the search box did not go back to the list")
	}
	if it, ok := f.d.Inbox.Selected(); !ok || it.ID != f.d.Inbox.Rows()[0].ID {
		t.Error("↓ in the search box did not select the first match")
	}
	user(func() { f.d.Inbox.Priority.SetSelected(triage.Routine.Label()) })
	background.Wait()
	for _, r := range f.d.Inbox.Rows() {
		if r.Priority != triage.Routine {
			t.Fatalf("the routine filter shows a %s request", r.Priority)
		}
	}
}

func TestStatusBarShowsOffline(t *testing.T) {
	f := newFixture(t)
	f.d.SetStatus(SyncStatus{Online: true, LastSync: time.Date(2026, 11, 24, 10, 0, 5, 0, time.Local)})
	if !strings.HasPrefix(f.d.Status.Text, "Online · last sync 10:00:05") || f.d.ConflictBtn.Visible() {
		t.Fatalf("status %q", f.d.Status.Text)
	}
	f.d.SetStatus(SyncStatus{Online: false, Pending: 2, Conflicts: 1, Problem: "connection refused"})
	for _, want := range []string{"OFFLINE", "2 waiting to send", "1 conflicts", "connection refused"} {
		if !strings.Contains(f.d.Status.Text, want) {
			t.Errorf("status %q lacks %q", f.d.Status.Text, want)
		}
	}
	if !f.d.ConflictBtn.Visible() {
		t.Error("no conflict button with a conflict waiting")
	}
}

func TestConflictDialogShowsWhoWonAndRedoes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	it := f.d.Inbox.Rows()[0]
	// Bea assigned it to physio first; this desk's assignment to admin was refused.
	theirs := it.Request
	theirs.Version, theirs.Status, theirs.Team, theirs.UpdatedBy, theirs.UpdatedAt = it.Version+1, triage.StatusAssigned, triage.TeamPhysio, "bea", testNow
	if err := f.c.Upsert(ctx, store.Changes{Requests: []triage.Request{theirs}}); err != nil {
		t.Fatal(err)
	}
	mine := triage.Action{Kind: triage.ActAssign, RequestID: it.ID, BaseVersion: it.Version, Actor: "amy", Team: triage.TeamAdmin}
	f.sync.conflicts = []Conflict{{OutboxID: 7, Mine: mine, Why: "changed by bea"}}
	f.d.SetStatus(SyncStatus{Online: true, Conflicts: 1})
	user(func() { test.Tap(f.d.ConflictBtn) })
	background.Wait()
	if f.d.ConflictDialog == nil || len(f.d.ConflictText) != 1 {
		t.Fatal("no conflict dialog")
	}
	if txt := f.d.ConflictText[0]; !strings.Contains(txt, "bea") || !strings.Contains(txt, "Physio") {
		t.Fatalf("the dialog says %q, want who won (bea) and what (physio)", txt)
	}
	user(func() { test.Tap(f.d.ConflictRedo[0]) })
	background.Wait()
	got, _ := f.c.Request(ctx, it.ID)
	if got.Team != triage.TeamAdmin || got.UpdatedBy != "amy" {
		t.Fatalf("after redo the request is with %s by %s, want admin by amy", got.Team, got.UpdatedBy)
	}
	if len(f.sync.dismissed) != 1 || f.sync.dismissed[0] != 7 {
		t.Fatalf("dismissed %v, want the refused action 7", f.sync.dismissed)
	}
}

func TestDashboardCountsMatchTheStore(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	<-f.d.Dashboard.Reload()
	counts, err := f.c.OpenByTeamPriority(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[triage.Team]map[triage.Priority]int{}
	for _, c := range counts {
		if got[c.Team] == nil {
			got[c.Team] = map[triage.Priority]int{}
		}
		got[c.Team][c.Priority] = c.Count
	}
	if len(got[""]) == 0 {
		t.Fatal("the fixture has no request awaiting triage to count")
	}
	for _, tm := range append([]triage.Team{""}, triage.Teams...) {
		for _, p := range triage.Priorities {
			if l := f.d.Dashboard.Counts[tm][p].Text; l != itoa(got[tm][p]) {
				t.Errorf("%s × %s shows %s, the store says %d", tm, p, l, got[tm][p])
			}
		}
	}
	b, _ := f.c.CountBreaches(context.Background(), testNow, triage.Filter{})
	if !strings.HasPrefix(f.d.Dashboard.Breaches.Text, itoa(b)+" ") {
		t.Errorf("breaches %q, the store says %d", f.d.Dashboard.Breaches.Text, b)
	}
	if len(f.d.Dashboard.PerDay.values) != 30 {
		t.Errorf("the per-day chart has %d bars, want 30", len(f.d.Dashboard.PerDay.values))
	}

	// On screen, the dashboard follows the sync: a colleague's assignment shows at once.
	user(func() { f.d.RolePick.SetSelected(string(RoleManager)) })
	it := f.d.Inbox.Rows()[0]
	before := f.d.Dashboard.Counts[triage.TeamMedicines][it.Priority].Text
	if _, err := f.c.Act(context.Background(), triage.Action{Kind: triage.ActAssign, RequestID: it.ID, BaseVersion: it.Version, Actor: "bea", Team: triage.TeamMedicines}, triage.DefaultCalendar()); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
	if after := f.d.Dashboard.Counts[triage.TeamMedicines][it.Priority].Text; after != itoa(got[triage.TeamMedicines][it.Priority]+1) {
		t.Errorf("after an assignment to medicines the dashboard shows %s (was %s)", after, before)
	}
}

func TestTeamQueueAndClaim(t *testing.T) {
	f := newFixture(t)
	user(func() { f.d.RolePick.SetSelected(string(RoleTeam)) })
	user(func() { f.d.TeamPick.SetSelected(triage.TeamMedicines.Label()) })
	background.Wait()
	want, _ := f.c.CountTeamQueue(context.Background(), triage.Filter{Team: triage.TeamMedicines})
	if f.d.Team.Total() != want || want == 0 {
		t.Fatalf("team queue shows %d, the store holds %d for medicines", f.d.Team.Total(), want)
	}
	for _, r := range f.d.Team.Rows() {
		if r.Team != triage.TeamMedicines {
			t.Fatalf("the medicines queue shows a %s request", r.Team)
		}
	}
}

func TestPriorityColoursReadable(t *testing.T) {
	th := NewTheme()
	for _, v := range []fyne.ThemeVariant{0, 1} { // dark, light
		bg := th.Color("background", v)
		for _, n := range []fyne.ThemeColorName{ColorEmergency, ColorSameDay, ColorSoon, ColorRoutine, ColorBreach, ColorConflict, ColorOffline, ColorHighlight} {
			if r := contrast(th.Color(n, v), bg); r < 4.5 {
				t.Errorf("%s on the variant %d background has contrast %.2f, below WCAG AA 4.5", n, v, r)
			}
		}
	}
	if r := contrast(themeWhite{}, th.Color(ColorBanner, 1)); r < 4.5 {
		t.Errorf("banner text contrast %.2f", r)
	}
}

func TestManagerSettings(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	user(func() { f.d.RolePick.SetSelected(string(RoleManager)) })
	b := f.d.Dashboard
	if b.MaxLive.Text != itoa(triage.DefaultLimits().MaxLive) {
		t.Fatalf("the limit box says %q, want the queue's %d", b.MaxLive.Text, triage.DefaultLimits().MaxLive)
	}
	user(func() { b.MaxLive.SetText("5"); test.Tap(b.SaveLimit) })
	user(func() { b.OffMsg.SetText("Closed for training; call 111"); test.Tap(b.SwitchOff) })
	user(func() {
		b.ClosFrom.SetText("2026-12-03 13:00")
		b.ClosTo.SetText("2026-12-03 18:30")
		b.ClosWhy.SetText("Training")
		test.Tap(b.AddClos)
	})
	if len(f.sync.limits) != 1 || f.sync.limits[0].MaxLive != 5 {
		t.Errorf("limits sent %+v, want MaxLive 5", f.sync.limits)
	}
	if len(f.sync.avail) != 2 || f.sync.avail[0].Switch != triage.ModeClinicalPaused || f.sync.avail[0].SwitchMessage == "" {
		t.Fatalf("availability sent %+v, want clinical requests paused with the message", f.sync.avail)
	}
	if c := f.sync.avail[1].Closures; len(c) != 1 || c[0].Reason != "Training" || c[0].To.Sub(c[0].From) != 5*time.Hour+30*time.Minute {
		t.Errorf("closure sent %+v", c)
	}
}

func TestClaimAndMine(t *testing.T) {
	f := newFixture(t)
	user(func() {
		f.d.RolePick.SetSelected(string(RoleTeam))
		f.d.TeamPick.SetSelected(triage.TeamPhysio.Label())
	})
	var it triage.QueueItem
	for _, r := range f.d.Team.Rows() {
		if r.Status == triage.StatusAssigned {
			it = r
			break
		}
	}
	if it.ID == 0 {
		t.Fatal("no assigned physio request to claim in the demo")
	}
	user(func() { f.d.Open(it) })
	if f.d.Detail.Claim.Disabled() {
		t.Fatal("Claim is disabled on an assigned request")
	}
	user(func() { test.Tap(f.d.Detail.Claim) })
	background.Wait()
	got, _ := f.c.Request(context.Background(), it.ID)
	if got.Status != triage.StatusInProgress || got.ClaimedBy != "amy" {
		t.Fatalf("after Claim: %s by %q", got.Status, got.ClaimedBy)
	}
	user(func() { f.d.Back(); f.d.Mine.SetChecked(true) })
	if f.d.Team.Total() != 1 || f.d.Team.Rows()[0].ID != it.ID {
		t.Fatalf("mine shows %d requests, want the one amy claimed", f.d.Team.Total())
	}
}
