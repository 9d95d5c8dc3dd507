package ui

import (
	"context"
	"fmt"
	"image/color"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/demo"
	"triagedesk/store"
	"triagedesk/triage"
)

// typeRune sends a character as the real driver does: to the focused widget if any,
// else to the window's own handler. (test.TypeOnCanvas skips the focused widget, which
// would hide a widget that swallows keys.)
func typeRune(c fyne.Canvas, r rune) {
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
	} else if h := c.OnTypedRune(); h != nil {
		h(r)
	}
}

// press sends a named key as the real driver does.
func press(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// keysOn types a sequence as a person at the keyboard would: runes, or named keys
// written as "<Return>", "<Escape>", "<Down>".
func keysOn(c fyne.Canvas, seq ...string) {
	for _, s := range seq {
		if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' {
			press(c, fyne.KeyName(s[1:len(s)-1]))
			continue
		}
		for _, r := range s {
			typeRune(c, r)
		}
	}
}

// highlighted reads the list as a person sees it: the table's selection marker, and the
// text of the row it sits on (every visible cell at the marker's height, left to right).
// ok is false when no row is highlighted.
func highlighted(t *testing.T, l *List) (row []string, ok bool) {
	t.Helper()
	sel := fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	objs := onScreen(l.Table, fyne.Position{})
	var markY float32 = -1
	for _, o := range objs {
		r, isRect := o.obj.(*canvas.Rectangle)
		if isRect && r.Size().Height >= 10 && sameColor(r.FillColor, sel) {
			markY = o.at.Y + r.Size().Height/2
		}
	}
	if markY < 0 {
		return nil, false
	}
	var hits []placed
	for _, o := range objs {
		if _, isCell := o.obj.(*cell); isCell && o.at.Y <= markY && markY < o.at.Y+o.obj.Size().Height {
			hits = append(hits, o)
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at.X < hits[j].at.X })
	for _, h := range hits {
		row = append(row, h.obj.(*cell).label.Text)
	}
	return row, len(row) > 0
}

// placed is an object drawn on screen and where, relative to where the walk began.
type placed struct {
	obj fyne.CanvasObject
	at  fyne.Position
}

// onScreen is every visible object drawn under o, as the window has them now (the
// renderers already made, not new ones as test.LaidOutObjects makes), with where each
// is drawn.
func onScreen(o fyne.CanvasObject, at fyne.Position) []placed {
	if !o.Visible() {
		return nil
	}
	out := []placed{{o, at}}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	case *fyne.Container:
		children = c.Objects
	}
	for _, child := range children {
		out = append(out, onScreen(child, at.Add(child.Position()))...)
	}
	return out
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return false
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// arrive puts n new requests into the cache that sort above everything routine (same
// day, received just now) and syncs the desk, as the practice queue's feed would.
func arrive(t *testing.T, f fixture, n int, seq *int64) {
	t.Helper()
	ctx := context.Background()
	tmpl := f.d.Inbox.Rows()[0].Request
	var reqs []triage.Request
	for i := 0; i < n; i++ {
		*seq++
		r := tmpl
		r.ID, r.Version, r.Priority, r.Status = 100000+*seq, 1, triage.SameDay, triage.StatusNew
		r.ReceivedAt = testNow.Add(-time.Duration(*seq) * time.Second)
		r.DueAt, r.UpdatedAt = testNow.Add(4*time.Hour), r.ReceivedAt
		r.Text = fmt.Sprintf("arrival %d: my sore throat since yesterday", *seq)
		reqs = append(reqs, r)
	}
	if err := f.c.Upsert(ctx, store.Changes{Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
}

// belowArrivals moves the selection with j, as a person would, to a few rows past the
// same-day requests, where every arrival sorts above it.
func belowArrivals(t *testing.T, f fixture) {
	t.Helper()
	for i := 0; i < 300; i++ {
		user(func() { keysOn(f.w.Canvas(), "j") })
		if it, ok := f.d.Current().Selected(); ok && it.Priority.Rank() > triage.SameDay.Rank() {
			user(func() { keysOn(f.w.Canvas(), "jjjj") })
			return
		}
	}
	t.Fatal("no request below the same-day ones to select")
}

// checkSame fails unless what Enter would open is the row the person sees highlighted:
// both the same request, or neither.
func checkSame(t *testing.T, l *List, when string) {
	t.Helper()
	var row []string
	var lit bool
	user(func() { row, lit = highlighted(t, l) })
	it, sel := l.Selected()
	switch {
	case lit != sel:
		t.Fatalf("%s: highlighted %v (%q) but selected %v (request %d)", when, lit, row, sel, it.ID)
	case !lit:
		return
	}
	want := fmt.Sprintf("%s, %s %s", it.Patient.Name(), Age(it.Patient, testNow), sexLetter(it.Patient.Sex))
	if len(row) < 7 || row[2] != want || row[6] != it.FirstLine(70) {
		t.Fatalf("%s: the highlighted row shows %q, but the desk would act on request %d (%s, %q)", when, row, it.ID, want, it.FirstLine(70))
	}
}

func TestHighlightIsWhatEnterOpensWhileRequestsArrive(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	var seq int64
	belowArrivals(t, f)
	checkSame(t, f.d.Inbox, "after moving down")
	for round := 1; round <= 4; round++ {
		arrive(t, f, 3, &seq)
		checkSame(t, f.d.Inbox, fmt.Sprintf("round %d, after 3 arrivals above", round))
		want, _ := f.d.Inbox.Selected()
		user(func() { keysOn(c, "<Return>") })
		background.Wait()
		if !f.d.detailShown() || f.d.Detail.item.ID != want.ID {
			t.Fatalf("round %d: Enter opened request %d, the highlighted row is request %d", round, f.d.Detail.item.ID, want.ID)
		}
		arrive(t, f, 2, &seq) // while the request is open
		user(func() { keysOn(c, "<Escape>") })
		checkSame(t, f.d.Inbox, fmt.Sprintf("round %d, back from the request", round))
		if got, ok := f.d.Inbox.Selected(); !ok || got.ID != want.ID {
			t.Fatalf("round %d: back from request %d, the desk selects %d (%v)", round, want.ID, got.ID, ok)
		}
		user(func() { keysOn(c, "j") })
		checkSame(t, f.d.Inbox, fmt.Sprintf("round %d, after j", round))
	}
}

// requestNow reads a request's state from the cache.
func requestNow(t *testing.T, f fixture, id int64) triage.QueueItem {
	t.Helper()
	it, err := f.c.Request(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func TestKeysDoNothingBehindADialog(t *testing.T) {
	dialogs := []struct {
		name string
		open func(f fixture)
	}{
		{"keys help, by ?", func(f fixture) { keysOn(f.w.Canvas(), "?") }},
		{"conflicts", func(f fixture) {
			f.d.SetStatus(SyncStatus{Online: true, Conflicts: 1})
			test.Tap(f.d.ConflictBtn)
		}},
	}
	for _, tt := range dialogs {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			c := f.w.Canvas()
			var seq int64
			user(func() { keysOn(c, "jjj") })
			before, _ := f.d.Inbox.Selected()
			user(func() { tt.open(f) })
			background.Wait()
			if c.Overlays().Top() == nil {
				t.Fatal("no dialog showed")
			}
			arrive(t, f, 2, &seq) // requests arrive while the dialog is up
			user(func() { keysOn(c, "j", "<Return>", "5", "k", "<Down>", "1", "/") })
			background.Wait()
			if f.d.detailShown() {
				t.Error("Enter opened a request behind the dialog")
			}
			if now, _ := f.d.Inbox.Selected(); now.ID != before.ID {
				t.Errorf("keys behind the dialog moved the selection from request %d to %d", before.ID, now.ID)
			}
			if got := requestNow(t, f, before.ID); got.Status != triage.StatusNew || got.Team != "" {
				t.Errorf("a key behind the dialog changed request %d: %s, team %q", before.ID, got.Status, got.Team)
			}
			if c.Focused() != nil {
				t.Errorf("a key behind the dialog put the cursor in %T", c.Focused())
			}
			checkSame(t, f.d.Inbox, "behind the dialog")
			user(func() { keysOn(c, "<Escape>") })
			if c.Overlays().Top() != nil {
				t.Fatal("Esc did not close the dialog")
			}
			user(func() { keysOn(c, "j") })
			if now, _ := f.d.Inbox.Selected(); now.ID == before.ID {
				t.Error("j did not move the list once the dialog was closed")
			}
			checkSame(t, f.d.Inbox, "after the dialog")
		})
	}
}

// choose picks an option of a drop-down with the mouse as a person would: a click
// opens it, a click on the option picks it.
func choose(t *testing.T, c fyne.Canvas, s *widget.Select, option string) {
	t.Helper()
	test.Tap(s)
	menu := c.Overlays().Top()
	if menu == nil {
		t.Fatal("clicking the drop-down opened nothing")
	}
	for _, o := range onScreen(menu, menu.Position()) {
		if txt, ok := o.obj.(*canvas.Text); ok && txt.Text == option {
			test.TapCanvas(c, o.at.Add(fyne.NewPos(2, 2)))
			return
		}
	}
	t.Fatalf("the drop-down has no option %q", option)
}

func TestKeysWorkAfterUsingADropDown(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	var seq int64
	moved := func(when string) {
		t.Helper()
		before, _ := f.d.Current().Selected()
		user(func() { keysOn(c, "j") })
		if now, ok := f.d.Current().Selected(); !ok || now.ID == before.ID {
			t.Fatalf("%s: j did not move the list (focus on %T)", when, c.Focused())
		}
		checkSame(t, f.d.Current(), when)
		user(func() { keysOn(c, "?") })
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: ? did not show the keys", when)
		}
		user(func() { keysOn(c, "<Escape>") })
		if c.Overlays().Top() != nil {
			t.Fatalf("%s: Esc did not close the keys", when)
		}
	}
	user(func() { choose(t, c, f.d.Inbox.Priority, triage.Routine.Label()) })
	background.Wait()
	if f.d.Inbox.Filter().Priority != triage.Routine {
		t.Fatal("the priority filter was not set")
	}
	arrive(t, f, 1, &seq)
	moved("after the priority filter")

	user(func() { choose(t, c, f.d.RolePick, string(RoleTeam)) })
	background.Wait()
	moved("after Working as")

	user(func() { choose(t, c, f.d.TeamPick, triage.TeamAdmin.Label()) })
	background.Wait()
	if f.d.Team.Filter().Team != triage.TeamAdmin || f.d.Team.Total() < 3 {
		t.Fatalf("the admin team queue shows %d requests: the test needs a few", f.d.Team.Total())
	}
	arrive(t, f, 1, &seq)
	moved("after the team")

	user(func() { test.Tap(f.d.Mine); test.Tap(f.d.Mine) })
	background.Wait()
	moved("after Only mine")

	// Esc goes back from a request after a drop-down was used.
	user(func() { choose(t, c, f.d.RolePick, string(RoleReviewer)) })
	background.Wait()
	user(func() { keysOn(c, "j", "<Return>") })
	background.Wait()
	if !f.d.detailShown() {
		t.Fatal("Enter did not open the request")
	}
	user(func() { keysOn(c, "<Escape>") })
	if f.d.detailShown() {
		t.Fatal("Esc did not go back to the list")
	}
}

// shortcut sends a shortcut as the real driver does: to the focused widget if it takes
// shortcuts, else to the window's own.
func shortcut(c fyne.Canvas, s fyne.Shortcut) {
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

func TestAssignMovesOnAndUndoTakesItBack(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	ctx := context.Background()
	var seq int64
	belowArrivals(t, f)
	it, _ := f.d.Inbox.Selected()
	next, _ := f.d.Inbox.Neighbour(it.ID)
	user(func() { keysOn(c, "2") })
	background.Wait()
	if got := requestNow(t, f, it.ID); got.Status != triage.StatusAssigned || got.Team != triage.TeamMedicines {
		t.Fatalf("after 2 request %d is %s with %q, want assigned to medicines", it.ID, got.Status, got.Team)
	}
	if now, ok := f.d.Inbox.Selected(); !ok || now.ID != next {
		t.Fatalf("after assigning, the selection is on request %d (%v), want the next one, %d", now.ID, ok, next)
	}
	checkSame(t, f.d.Inbox, "after assigning")
	if !f.d.Toast.Root.Visible() || !strings.Contains(f.d.Toast.Text.Text, "Medicines") || !f.d.Toast.UndoBtn.Visible() {
		t.Fatalf("toast shown %v saying %q, want what was done with Undo", f.d.Toast.Root.Visible(), f.d.Toast.Text.Text)
	}

	arrive(t, f, 2, &seq) // the undo works on the request, wherever its row now is
	user(func() { shortcut(c, &fyne.ShortcutUndo{}) })
	background.Wait()
	got := requestNow(t, f, it.ID)
	if got.Status != triage.StatusNew || got.Team != "" || got.UpdatedBy != "amy" {
		t.Fatalf("after Ctrl+Z request %d is %s with %q by %s, want back in the inbox", it.ID, got.Status, got.Team, got.UpdatedBy)
	}
	trail, err := f.c.AuditTrail(ctx, it.ID)
	if err != nil || len(trail) == 0 || trail[len(trail)-1].Action != string(triage.ActUnassign) || trail[len(trail)-1].Actor != "amy" {
		t.Fatalf("audit trail %+v (%v): the undo was not recorded as amy's", trail, err)
	}
	if now, ok := f.d.Inbox.Selected(); !ok || now.ID != it.ID {
		t.Fatalf("after the undo the selection is on %d, want the request taken back, %d", now.ID, it.ID)
	}
	checkSame(t, f.d.Inbox, "after the undo")
	if !strings.Contains(f.d.Toast.Text.Text, "Undone") || f.d.Toast.UndoBtn.Visible() {
		t.Fatalf("the toast says %q after the undo", f.d.Toast.Text.Text)
	}
	user(func() { shortcut(c, &fyne.ShortcutUndo{}) }) // nothing more to undo
	background.Wait()
	if again := requestNow(t, f, it.ID); again.Version != got.Version {
		t.Fatal("a second Ctrl+Z changed the request again")
	}

	// Once the toast has gone, Ctrl+Z does nothing; the Undo button works while it shows.
	user(func() { keysOn(c, "3") })
	background.Wait()
	user(func() { f.d.Toast.hide(f.d.Toast.gen) }) // as its timer does
	user(func() { shortcut(c, &fyne.ShortcutUndo{}) })
	background.Wait()
	if got := requestNow(t, f, it.ID); got.Team != triage.TeamPhysio {
		t.Fatalf("Ctrl+Z after the toast went undid the assignment: %s with %q", got.Status, got.Team)
	}
	sel, _ := f.d.Inbox.Selected()
	user(func() { keysOn(c, "5") })
	background.Wait()
	user(func() { test.Tap(f.d.Toast.UndoBtn) })
	background.Wait()
	if got := requestNow(t, f, sel.ID); got.Status != triage.StatusNew {
		t.Fatalf("the Undo button left request %d %s", sel.ID, got.Status)
	}
}

// teamKey is the key that assigns to a team: 1 for the first of triage.Teams.
func teamKey(team triage.Team) string {
	for i, t := range triage.Teams {
		if t == team {
			return string(rune('1' + i))
		}
	}
	return ""
}

// morningInbox adds n demo requests sent in the last hours and not yet triaged, as a
// practice's inbox holds at the start of the day.
func morningInbox(t *testing.T, f fixture, n int) {
	t.Helper()
	p := demo.NewPractice(4, 400, testNow)
	cal := triage.DefaultCalendar()
	var reqs []triage.Request
	for i, d := range demo.Requests(p, demo.RequestOptions{Seed: 11, Count: n, Now: testNow}) {
		at := testNow.Add(-time.Duration(5*(i+1)) * time.Minute)
		reqs = append(reqs, triage.Request{
			ID: 300000 + int64(i), Version: 1, PatientID: d.PatientID, SubmittedBy: d.SubmittedBy,
			SiteID: d.SiteID, GPTeamID: d.GPTeamID, Kind: d.Kind, Text: d.Text, Suggested: d.Suggested,
			ReceivedAt: at, DueAt: cal.Due(at, d.Suggested.Priority), Status: triage.StatusNew,
			Priority: d.Suggested.Priority, Signpost: triage.SignpostNone, UpdatedAt: at, UpdatedBy: "patient",
		})
	}
	if err := f.c.Upsert(context.Background(), store.Changes{Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
}

// TestKeyboardWalkOfFiftyRequests is a reviewer's morning without the mouse: each
// request is opened with Enter, read, and assigned to the team it needs with 1–5,
// which goes back to the list with the next request selected; one a community
// pharmacist can treat is answered instead with r, the Pharmacy First template
// (typed to find it, Enter to put it in with the patient's name) and Ctrl+Enter,
// which signposts and closes it and also goes on to the next. Now and then they back
// out with Esc and open it again, and requests keep arriving throughout.
func TestKeyboardWalkOfFiftyRequests(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	ctx := context.Background()
	const walk = 50
	morningInbox(t, f, 70)
	set := seedTemplates(t, f, testPractice)
	// What the reviewer types to find the template for a service, and the template.
	answers := map[triage.Signpost]struct {
		typed string
		tmpl  triage.Template
	}{
		triage.SignpostPharmacy: {"pharm", templateNamed(t, set, "Pharmacy First")},
		triage.SignpostOptician: {"opti", templateNamed(t, set, "Optician")},
		triage.SignpostDentist:  {"dent", templateNamed(t, set, "Dentist")},
	}
	sent := map[int64]string{}           // the message each signposted request was sent
	where := map[int64]triage.Signpost{} // and where it was signposted to
	if f.d.Inbox.Total() < walk+10 {
		t.Fatalf("the demo inbox holds %d requests: the walk needs %d", f.d.Inbox.Total(), walk+10)
	}
	var seq int64
	want := map[int64]triage.Team{}
	user(func() { keysOn(c, "j") })
	for step := 0; step < walk; step++ {
		checkSame(t, f.d.Inbox, fmt.Sprintf("step %d", step))
		seen, ok := f.d.Inbox.Selected()
		if !ok {
			t.Fatalf("step %d: nothing selected", step)
		}
		user(func() { keysOn(c, "<Return>") })
		background.Wait()
		if step%7 == 3 { // read it, back out, come back to it
			user(func() { keysOn(c, "<Escape>") })
			arrive(t, f, 1, &seq)
			checkSame(t, f.d.Inbox, fmt.Sprintf("step %d, after Esc", step))
			user(func() { keysOn(c, "<Return>") })
			background.Wait()
		}
		open := f.d.Detail.item
		if !f.d.detailShown() || open.ID != seen.ID {
			t.Fatalf("step %d: Enter opened request %d, the highlighted one is %d", step, open.ID, seen.ID)
		}
		if step%5 == 0 {
			arrive(t, f, 2, &seq) // while the reviewer reads
		}
		if ans, ok := answers[open.Suggested.Signpost]; ok && open.Priority != triage.Emergency {
			user(func() { keysOn(c, "r", ans.typed, "<Return>") })
			msg, _ := triage.Fill(ans.tmpl.Body, open.Patient.GivenName, testPractice)
			if f.d.Detail.RespondMsg.Text != msg {
				t.Fatalf("step %d: r, %q, Enter put %q in the message, want %q for %s", step, ans.typed, f.d.Detail.RespondMsg.Text, ans.tmpl.Name, open.Patient.GivenName)
			}
			user(func() { shortcut(c, sendShortcut) })
			sent[open.ID], where[open.ID] = msg, open.Suggested.Signpost
			want[open.ID] = triage.TeamGP // the GP team's reviewer closes what is signposted
		} else {
			team := open.Suggested.Team // the demo's requests carry the team a reviewer agrees with
			if team == "" {
				team = triage.TeamGP
			}
			want[open.ID] = team
			user(func() { keysOn(c, teamKey(team)) })
		}
		background.Wait()
		if f.d.detailShown() {
			t.Fatalf("step %d: still in the request after triaging it", step)
		}
	}
	if len(sent) < 2 {
		t.Fatalf("the walk signposted %d requests: the demo morning should have a few for a pharmacy, optician or dentist", len(sent))
	}
	for id, msg := range sent {
		got := requestNow(t, f, id)
		if got.Status != triage.StatusClosed || got.Signpost != where[id] || got.Response != msg || got.UpdatedBy != "amy" {
			t.Errorf("request %d is %s, signposted to %q by %s with %q; want closed, signposted to %s by amy with %q", id, got.Status, got.Signpost, got.UpdatedBy, got.Response, where[id], msg)
		}
		trail, _ := f.c.AuditTrail(ctx, id)
		signposts := 0
		for _, e := range trail {
			if e.Action == string(triage.ActSignpost) {
				signposts++
			}
		}
		if signposts != 1 {
			t.Errorf("request %d's audit trail has %d signposts, want one", id, signposts)
		}
	}
	for id, team := range want {
		if _, ok := sent[id]; ok {
			continue
		}
		got := requestNow(t, f, id)
		if got.Status != triage.StatusAssigned || got.Team != team || got.UpdatedBy != "amy" {
			t.Errorf("request %d is %s with %q by %s, want assigned to %s by amy", id, got.Status, got.Team, got.UpdatedBy, team)
		}
		trail, _ := f.c.AuditTrail(ctx, id)
		views, assigns := 0, 0
		for _, e := range trail {
			switch e.Action {
			case "view":
				views++
			case string(triage.ActAssign):
				assigns++
			}
		}
		if views == 0 || assigns != 1 {
			t.Errorf("request %d's audit trail has %d views and %d assignments, want the view and one assignment", id, views, assigns)
		}
	}
	if len(want) != walk {
		t.Fatalf("the walk triaged %d different requests in %d steps: one was done twice", len(want), walk)
	}
	pending, _, _ := f.c.OutboxCounts(ctx)
	if pending != walk {
		t.Errorf("the outbox holds %d changes for the queue, want the %d assignments", pending, walk)
	}
}

// rightEdge is where the table's rightmost drawn cell ends, in the table's own space.
func rightEdge(l *List) float32 {
	edge := float32(0)
	for _, o := range onScreen(l.Table, fyne.Position{}) {
		if _, ok := o.obj.(*cell); ok {
			edge = max(edge, o.at.X+o.obj.Size().Width)
		}
	}
	return edge
}

func TestPreviewBesideTheListAndColumnsFit(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	var seq int64
	if f.d.Inbox.Preview.Root.Visible() {
		t.Error("a preview squeezes the list at 1280 pixels")
	}
	if edge, width := rightEdge(f.d.Inbox), f.d.Inbox.Table.Size().Width; edge > width || edge < width-40 {
		t.Errorf("at 1280 the columns end at %.0f in a table %.0f wide: they must fill it without scrolling sideways", edge, width)
	}
	user(func() { f.w.Resize(fyne.NewSize(1440, 900)) })
	if !f.d.Inbox.Preview.Root.Visible() {
		t.Fatal("no preview at 1440 pixels")
	}
	if edge, width := rightEdge(f.d.Inbox), f.d.Inbox.Table.Size().Width; edge > width {
		t.Errorf("at 1440 the columns end at %.0f in a table %.0f wide", edge, width)
	}
	belowArrivals(t, f)
	arrive(t, f, 3, &seq)
	checkSame(t, f.d.Inbox, "with the preview")
	it, _ := f.d.Inbox.Selected()
	p := f.d.Inbox.Preview
	if !strings.Contains(p.Title.Text, fmt.Sprint(it.ID)) || !strings.Contains(p.Patient.Text, it.Patient.Name()) {
		t.Fatalf("the preview shows %q / %q, the highlighted request is %d for %s", p.Title.Text, p.Patient.Text, it.ID, it.Patient.Name())
	}
	var text string
	for _, s := range p.Text.Segments {
		text += s.(interface{ Textual() string }).Textual()
	}
	if text != it.Text {
		t.Fatalf("the preview shows %q, the patient wrote %q", text, it.Text)
	}
	user(func() { f.d.Inbox.Kind.SetSelected("Clinical") }) // a filter the request may leave
	background.Wait()
	if sel, ok := f.d.Inbox.Selected(); ok != (p.shown != 0) || ok && sel.ID != p.shown {
		t.Fatalf("after a filter the preview shows %d, the selection is %d (%v)", p.shown, sel.ID, ok)
	}
	user(func() { keysOn(c, "j") })
	if sel, _ := f.d.Inbox.Selected(); p.shown != sel.ID {
		t.Fatalf("after j the preview shows %d, the highlighted request is %d", p.shown, sel.ID)
	}
}
