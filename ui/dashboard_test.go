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

// newFixtureAs is newFixture for a member of staff in a given role; demo says whether
// the desk may switch people, as the demo's does.
func newFixtureAs(t *testing.T, role Role, demoDesk bool) fixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	c, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	p := demo.NewPractice(4, 400, testNow)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 4, Count: 600, Now: testNow})
	if err := c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	fs := &fakeSync{}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	opts := Options{User: "mo", Role: role, Sites: demo.Sites, GPTeams: demo.GPTeams,
		Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}
	if demoDesk {
		opts.SwitchUser = func(Role, triage.Team) string { return "" }
	}
	var d *Desk
	user(func() {
		d = NewDesk(c, cacheActor{c}, fs, opts, w)
		d.Install(w)
	})
	<-d.Refresh()
	background.Wait()
	return fixture{d, c, w, fs}
}

func hasDashboard(d *Desk) bool {
	for _, t := range d.Tabs.Items {
		if t.Text == "Dashboard" {
			return true
		}
	}
	return false
}

func TestReviewerDoesNotSeeManagerControls(t *testing.T) {
	tests := []struct {
		name        string
		role        Role
		demo        bool
		wantTab     bool
		wantManager bool // "Working as" offers the manager
	}{
		{"a reviewer", RoleReviewer, false, false, false},
		{"a team member", RoleTeam, false, false, false},
		{"a manager", RoleManager, false, true, true},
		{"the demo's reviewer may look as the manager", RoleReviewer, true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixtureAs(t, tt.role, tt.demo)
			if got := hasDashboard(f.d); got != tt.wantTab {
				t.Errorf("the dashboard tab shown: %v, want %v", got, tt.wantTab)
			}
			offered := false
			for _, o := range f.d.RolePick.Options {
				offered = offered || o == string(RoleManager)
			}
			if offered != tt.wantManager {
				t.Errorf("\"Working as\" offers the manager: %v, want %v (%v)", offered, tt.wantManager, f.d.RolePick.Options)
			}
			// Nothing on the screen is a manager's control unless the tab is there.
			if !tt.wantTab {
				for _, o := range test.LaidOutObjects(f.w.Canvas().Content()) {
					if o == f.d.Dashboard.SaveHours || o == f.d.Dashboard.SaveLimit || o == f.d.Dashboard.SwitchOff {
						t.Fatal("a manager's control is on a non-manager's screen")
					}
				}
			}
		})
	}
}

func TestManagerWorkingAsReviewerLosesTheDashboard(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	user(func() { f.d.RolePick.SetSelected(string(RoleReviewer)) })
	if hasDashboard(f.d) || f.d.dashboardShown.Load() {
		t.Fatal("working as a reviewer, the manager still has the dashboard")
	}
	user(func() { f.d.RolePick.SetSelected(string(RoleManager)) })
	if !hasDashboard(f.d) || f.d.Tabs.Selected().Text != "Dashboard" {
		t.Fatal("back as the manager, the dashboard is not shown")
	}
}

func TestBreachListOpensTheRequest(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	b := f.d.Dashboard
	want, err := f.c.Breaches(context.Background(), testNow, triage.Filter{Limit: breachRows})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2 {
		t.Fatalf("the fixture has %d breaches; the test needs two", len(want))
	}
	if b.BreachList.Length() != len(want) {
		t.Fatalf("the list shows %d breaches, the store has %d", b.BreachList.Length(), len(want))
	}
	// Choosing a row opens exactly the row chosen.
	second := want[1]
	user(func() { b.BreachList.Select(1) })
	if !f.d.detailShown() || f.d.Detail.item.ID != second.ID {
		t.Fatalf("choosing breach 2 (request %d) opened %d (detail shown %v)", second.ID, f.d.Detail.item.ID, f.d.detailShown())
	}
	trail, _ := f.c.AuditTrail(context.Background(), second.ID)
	viewed := false
	for _, e := range trail {
		viewed = viewed || (e.Action == "view" && e.Actor == "mo")
	}
	if !viewed {
		t.Errorf("opening a breach was not recorded as a view: %+v", trail)
	}
	user(func() { f.d.Back() })
	if f.d.detailShown() || f.d.Tabs.Selected().Text != "Dashboard" {
		t.Fatal("Esc from a breach does not return to the dashboard")
	}
	// The same row can be chosen again.
	user(func() { b.BreachList.Select(1) })
	if !f.d.detailShown() || f.d.Detail.item.ID != second.ID {
		t.Fatal("choosing the same breach again did not open it")
	}
}

func TestDashboardSharesAndCharts(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	b := f.d.Dashboard
	days, err := f.c.PerDay(context.Background(), testNow.AddDate(0, 0, -29), testNow, practiceLocation)
	if err != nil {
		t.Fatal(err)
	}
	var settled, onTime int
	for _, d := range days {
		settled += d.Settled
		onTime += d.OnTime
	}
	if settled == 0 {
		t.Fatal("the fixture has nothing due to measure")
	}
	if want := itoa(onTime) + " of " + itoa(settled) + " due"; !strings.Contains(b.OnTime.Text, want) {
		t.Errorf("share %q, want it to say %q", b.OnTime.Text, want)
	}
	for name, c := range map[string]*chart{"per day": b.PerDay, "promise": b.Promise} {
		if c.img.Image == nil || c.img.Image.Bounds().Dx() < 600 {
			t.Errorf("the %s chart was not drawn", name)
		}
	}
	if len(b.PerDay.values) != 30 {
		t.Errorf("the per-day chart has %d days, want 30", len(b.PerDay.values))
	}
}

func TestScheduleFormChecksEachDay(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	b := f.d.Dashboard
	if b.Days["mon"].Text != "08:00–18:30" || b.Days["sat"].Text != "" {
		t.Fatalf("core hours show as mon %q, sat %q", b.Days["mon"].Text, b.Days["sat"].Text)
	}
	tests := []struct {
		day, text, want string
	}{
		{"tue", "8-6", "Tuesday"},
		{"wed", "08:00", "Wednesday: \"08:00\" is not an opening period"},
		{"thu", "08:00–13:00, 12:00–18:30", "overlaps"},
		{"fri", "18:30–08:00", "must end after it starts"},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			user(func() {
				b.Days[tt.day].SetText(tt.text)
				test.Tap(b.SaveHours)
			})
			if !strings.Contains(b.HoursNote.Text, tt.want) {
				t.Errorf("note %q, want %q", b.HoursNote.Text, tt.want)
			}
			if len(f.sync.avail) != 0 {
				t.Fatalf("a bad schedule was sent: %+v", f.sync.avail)
			}
			if b.Days[tt.day].Text != tt.text {
				t.Errorf("what was typed was lost: %q", b.Days[tt.day].Text)
			}
			user(func() { b.Days[tt.day].SetText("08:00–18:30") })
		})
	}
	// A sync while the manager types does not overwrite the form.
	user(func() { test.Type(b.Days["sat"], "09:00–12:00") })
	<-f.d.Refresh()
	background.Wait()
	if b.Days["sat"].Text != "09:00–12:00" {
		t.Fatalf("a refresh overwrote what was typed: %q", b.Days["sat"].Text)
	}
	user(func() { test.Tap(b.SaveHours) })
	if len(f.sync.avail) != 1 || f.sync.avail[0].Schedule.Describe("sat") != "09:00–12:00" || f.sync.avail[0].Schedule.Describe("mon") != "08:00–18:30" {
		t.Fatalf("sent %+v", f.sync.avail)
	}
}

func TestErrorsInWords(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		want    string
		notWant []string
	}{
		{"a refusal", errors.Join(triage.Errorf(triage.EFORBIDDEN, "only a practice manager can change settings")), "You do not have the right to do this (only a practice manager can change settings)", []string{"forbidden:"}},
		{"wrapped", wrap("the limit could not be saved", triage.Errorf(triage.EFORBIDDEN, "only a practice manager can change settings")), "The limit could not be saved: you do not have the right", []string{"forbidden"}},
		{"raw FHIR", errors.New(`the practice queue said 403 Forbidden: {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"only a practice manager can change settings"}]}`), "only a practice manager can change settings", []string{"{", "resourceType", "issue"}},
		{"broken FHIR", errors.New(`queue said: {"resourceType":"Operat`), "refused it without saying why", []string{"{"}},
		{"a conflict", triage.Errorf(triage.ECONFLICT, "request 7 is at version 3"), "Someone else changed it first", []string{"conflict:"}},
		{"plain", errors.New("the cache is full"), "The cache is full.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := inWords(tt.err)
			if !strings.Contains(got, tt.want) {
				t.Errorf("inWords = %q, want %q", got, tt.want)
			}
			for _, bad := range tt.notWant {
				if strings.Contains(got, bad) {
					t.Errorf("inWords = %q holds %q", got, bad)
				}
			}
		})
	}
}

func wrap(what string, err error) error { return &wrapped{what, err} }

type wrapped struct {
	what string
	err  error
}

func (w *wrapped) Error() string { return w.what + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }
