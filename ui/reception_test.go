package ui

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// queueLink is the desk's reception link over a real practice queue, as the wiring
// makes it.
type queueLink struct{ c *client.Client }

func (l queueLink) FindPatients(ctx context.Context, q triage.PatientQuery) ([]triage.Patient, int, error) {
	return l.c.FindPatients(ctx, q)
}

func (l queueLink) EnterForCaller(ctx context.Context, e triage.StaffEntry, key string) (Entered, error) {
	a, err := l.c.EnterForCaller(ctx, e, key)
	return Entered{ID: a.ID, Emergency: a.Emergency, Message: a.Message}, err
}

func (l queueLink) TeamMembers(ctx context.Context, team triage.Team) ([]string, error) {
	staff, err := l.c.Staff(ctx, team)
	var names []string
	for _, m := range staff {
		names = append(names, m.Name)
	}
	return names, err
}

// lossyLink loses the queue's first answer to an entry, after the queue has stored
// it, as a dropped connection would.
type lossyLink struct {
	queueLink
	lost *bool
}

func (l lossyLink) EnterForCaller(ctx context.Context, e triage.StaffEntry, key string) (Entered, error) {
	a, err := l.queueLink.EnterForCaller(ctx, e, key)
	if err == nil && !*l.lost {
		*l.lost = true
		return Entered{}, fmt.Errorf("connection reset by peer")
	}
	return a, err
}

// liveFixture is a desk synced with a real practice queue served on 127.0.0.1.
type liveFixture struct {
	fixture
	queue    *store.Queue
	practice server.DemoPractice
	syncer   *client.Syncer
}

// startQueue serves a demo practice of the given size, clocked at testNow, from a real
// queue file on 127.0.0.1, for tests that drive the desk against the queue itself.
func startQueue(t *testing.T, patients, requests int) (*store.Queue, server.DemoPractice, *httptest.Server) {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	practice, err := server.FillDemo(ctx, q, 5, patients, requests, testNow)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	srv.SetClock(func() time.Time { return testNow })
	h := httptest.NewServer(srv)
	t.Cleanup(h.Close)
	return q, practice, h
}

func newLiveFixture(t *testing.T, as string) liveFixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	q, practice, h := startQueue(t, 120, 400)
	u, _ := practice.User(as)
	c, err := client.New(h.URL, u.Token)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	syncer := client.NewSyncer(c, cache)
	syncer.User = as
	if _, _, err := syncer.Once(ctx); err != nil {
		t.Fatal(err)
	}
	fs := &fakeSync{}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(cache, cacheActor{cache}, fs, Options{User: as, Sites: demo.Sites, GPTeams: demo.GPTeams, Reception: queueLink{c},
		Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}, w)
	d.Install(w)
	// An open request keeps a presence heartbeat ticking; leaving it ends the
	// heartbeat, so it cannot touch widgets while the next test builds its own.
	t.Cleanup(func() { user(func() { d.Back(); d.Detail.gen++ }) })
	<-d.Refresh()
	background.Wait()
	return liveFixture{fixture{d, cache, w, fs}, q, practice, syncer}
}

// atReception is a live desk (newLiveFixture) signed in as the demo reviewer, with
// its Reception screen on show: where a receptionist starts.
func atReception(t *testing.T) (liveFixture, *Reception) {
	t.Helper()
	f := newLiveFixture(t, "demo-reviewer")
	r := f.d.Reception
	if r == nil {
		t.Fatal("a desk with a practice queue has no Reception screen")
	}
	user(func() { showTab(f.d, r.Root) })
	return f, r
}

// patientWhere is the demo practice's first patient for whom ok holds; the test
// stops, saying what was looked for, when there is none.
func (f liveFixture) patientWhere(t *testing.T, what string, ok func(triage.Patient) bool) triage.Patient {
	t.Helper()
	for _, p := range f.practice.Practice.Patients {
		if ok(p) {
			return p
		}
	}
	t.Fatalf("the demo practice has no %s", what)
	return triage.Patient{}
}

// twoFamilies is two adult patients of different families: a caller who corrects
// whom they ring about.
func (f liveFixture) twoFamilies(t *testing.T) (first, second triage.Patient) {
	t.Helper()
	first = f.patientWhere(t, "adult", func(p triage.Patient) bool { return !p.Dependant })
	second = f.patientWhere(t, "adult of another family", func(p triage.Patient) bool {
		return !p.Dependant && p.FamilyName != first.FamilyName
	})
	return first, second
}

// find types text into reception's search box and presses Find, as a receptionist
// does. Call it as the user.
func find(r *Reception, text string) {
	test.Type(r.Search, text)
	test.Tap(r.FindBtn)
}

// sync pulls and pushes once and shows the result, as the running desk does.
func (f liveFixture) sync(t *testing.T) {
	t.Helper()
	if _, _, err := f.syncer.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
}

// showTab puts the tab whose content is content on screen.
func showTab(d *Desk, content fyne.CanvasObject) {
	for _, t := range d.Tabs.Items {
		if t.Content == content {
			d.Tabs.Select(t)
		}
	}
}

// tapDialogButton taps the button with the given text on the window's top overlay,
// as a person confirming a dialog would.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open to press %q on", text)
	}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if found == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	user(func() { test.Tap(found) })
}

func TestReceptionEntersACallersRequest(t *testing.T) {
	f, r := atReception(t)
	p := f.patientWhere(t, "adult", func(p triage.Patient) bool { return !p.Dependant })

	// Nothing can be sent before a patient is found, and nothing typed is lost.
	user(func() {
		test.Type(r.Text, "crushing chest pain going down my left arm and sweating")
		test.Tap(r.EnterBtn)
	})
	if !strings.Contains(r.Result.Text, "find the patient") || r.Text.Text == "" {
		t.Fatalf("sent with no patient: %q, text now %q", r.Result.Text, r.Text.Text)
	}

	user(func() {
		test.Type(r.Search, "x")
		test.Tap(r.FindBtn)
	})
	if !strings.Contains(r.Found.Text, "at least 2 letters") {
		t.Errorf("a one-letter search says %q", r.Found.Text)
	}
	user(func() {
		r.Search.SetText("")
		test.Type(r.Search, p.FamilyName+" "+p.BirthDate.Format("02/01/2006"))
		test.Tap(r.FindBtn)
	})
	row := -1
	for i, fp := range r.found {
		if fp.ID == p.ID {
			row = i
		}
	}
	if row < 0 || !strings.Contains(r.Found.Text, "match") {
		t.Fatalf("the search found %d patients (%q), not %s", len(r.found), r.Found.Text, p.Name())
	}
	user(func() { r.Results.Select(row) })
	if !strings.Contains(r.Chosen.Text, p.NHSNumber.String()) || !strings.Contains(r.Chosen.Text, p.BirthDate.Format("2 Jan 2006")) {
		t.Fatalf("chosen = %q, want the NHS number and date of birth to read back", r.Chosen.Text)
	}

	// The patient pages' red-flag questions, every one; a yes says at once what to do.
	if len(r.Flags) != len(triage.RedFlagQuestions) || r.Asks[0].Text != triage.RedFlagQuestions[0].Ask {
		t.Fatalf("reception asks %d red-flag questions, the patient pages %d", len(r.Flags), len(triage.RedFlagQuestions))
	}
	if r.Warning.Visible() {
		t.Fatal("the 999 warning shows before any yes")
	}
	user(func() { test.Tap(r.Flags[0]) })
	if !r.Warning.Visible() || !strings.Contains(r.WarningMsg.Text, triage.RedFlagQuestions[0].Flag) || !strings.Contains(r.WarningMsg.Text, triage.RedFlagQuestions[0].TellCaller(triage.Subject{})) {
		t.Fatalf("after a yes the warning says %q (shown %v), want the flag and 999", r.WarningMsg.Text, r.Warning.Visible())
	}
	user(func() { test.Tap(r.Flags[0]); test.Tap(r.Flags[0]) }) // no, then yes again
	if !r.Warning.Visible() {
		t.Fatal("the warning went with a yes still ticked")
	}

	// A text message needs a number: refused with the reason, the form kept.
	user(func() {
		r.Contact.SetSelected(triage.ContactText.Label())
		test.Type(r.Caller, "daughter, Ann")
		test.Tap(r.EnterBtn)
	})
	if !strings.Contains(r.Result.Text, "not a phone number") || r.Chosen.Text == "No patient chosen" || r.Caller.Text == "" {
		t.Fatalf("no number: %q; the form must keep what was typed", r.Result.Text)
	}
	user(func() {
		test.Type(r.Detail, "07700 900456")
		test.Tap(r.EnterBtn)
	})
	if r.Result.Importance != widget.DangerImportance || !strings.Contains(r.Result.Text, "EMERGENCY") || !strings.Contains(r.Result.Text, "999") {
		t.Fatalf("an emergency entry says %q, want the 999 instruction in red", r.Result.Text)
	}
	if r.Text.Text != "" || r.Chosen.Text != "No patient chosen" {
		t.Errorf("after sending, the form still holds the last caller's request")
	}

	// The next sync brings it to the inbox, marked, and opening it says who entered it.
	f.sync(t)
	full, err := f.c.Request(context.Background(), f.newestOf(t, p.ID))
	if err != nil {
		t.Fatal(err)
	}
	if full.EnteredBy != "demo-reviewer" || full.Priority != triage.Emergency || full.Status != triage.StatusNew {
		t.Fatalf("the synced request: entered by %q, %s, %s", full.EnteredBy, full.Priority, full.Status)
	}
	// Asked about the patient by their daughter: every question that can apply to
	// them is answered.
	asked := triage.RedFlagQuestionsFor(triage.Subject{For: triage.ForAdult, Name: p.GivenName, Birth: p.BirthDate}, testNow)
	if yes := full.Answers.YesTo(); len(yes) != 1 || yes[0].ID != triage.RedFlagQuestions[0].ID || len(full.Answers.RedFlags) != len(asked) {
		t.Errorf("the synced request's answers = %+v, want the %d questions asked answered and the one yes", full.Answers, len(asked))
	}
	// And say whom they are about, so staff read it as on the patient pages' requests.
	if full.Answers.For != triage.ForAdult || !strings.Contains(full.Answers.Summary(), "for: an adult they care for") {
		t.Errorf("the synced request's answers are for %q (%q), want an adult they care for", full.Answers.For, full.Answers.Summary())
	}
	user(func() { f.d.Open(full) })
	background.Wait()
	d := f.d.Detail
	if !d.Entered.Visible() || !strings.Contains(d.Entered.Text, "Entered by staff for a caller: demo-reviewer, for daughter, Ann") || !strings.Contains(d.Entered.Text, "07700 900456") {
		t.Errorf("the request says %q (shown %v), want who entered it and the number to call", d.Entered.Text, d.Entered.Visible())
	}
}

// newestOf returns the id of the patient's newest request in the cache.
func (f liveFixture) newestOf(t *testing.T, patientID int64) int64 {
	t.Helper()
	h, err := f.c.PatientHistory(context.Background(), patientID, 1)
	if err != nil || len(h) == 0 {
		t.Fatalf("patient %d has no request in the cache: %v", patientID, err)
	}
	return h[0].ID
}

func TestReceptionRefusalKeepsWhatWasTyped(t *testing.T) {
	f := newLiveFixture(t, "demo-reviewer")
	r := f.d.Reception
	ctx := context.Background()
	// The practice allows one live request and the patient already has one.
	if err := f.queue.SetSetting(ctx, "limits", triage.Limits{MaxLive: 1, OveruseThreshold: 8}, "demo-manager"); err != nil {
		t.Fatal(err)
	}
	var p triage.Patient
	for _, pt := range f.practice.Practice.Patients {
		if live, _, err := f.c.PatientUse(ctx, pt.ID, testNow.Add(-time.Hour)); err == nil && live >= 1 && !pt.Dependant {
			p = pt
			break
		}
	}
	if p.ID == 0 {
		t.Fatal("the demo practice has no patient with a live request")
	}
	user(func() { find(r, string(p.NHSNumber)) })
	if len(r.found) != 1 {
		t.Fatalf("an NHS number found %d patients", len(r.found))
	}
	user(func() {
		r.Results.Select(0)
		test.Type(r.Text, "my knee still hurts")
		r.Contact.SetSelected(triage.ContactOnline.Label())
		test.Tap(r.EnterBtn)
	})
	if !strings.Contains(r.Result.Text, "already has 1 requests open") || r.Text.Text != "my knee still hurts" || r.patient == nil {
		t.Fatalf("over the limit: %q, text %q: the queue's limit must be shown and nothing typed lost", r.Result.Text, r.Text.Text)
	}
}

// TestReceptionRetryAfterALostAnswerEntersOnce: the queue stores the entry but its
// answer is lost; the receptionist presses send again, and the caller's request is in
// the inbox once, not twice.
func TestReceptionRetryAfterALostAnswerEntersOnce(t *testing.T) {
	f := newLiveFixture(t, "demo-reviewer")
	r := f.d.Reception
	lost := false
	r.link = lossyLink{r.link.(queueLink), &lost}
	p := f.practice.Practice.Patients[0]
	user(func() { find(r, string(p.NHSNumber)) })
	user(func() {
		r.Results.Select(0)
		test.Type(r.Text, "rash on both legs for three days")
		r.Contact.SetSelected(triage.ContactOnline.Label())
		test.Tap(r.EnterBtn)
	})
	if !lost || !strings.Contains(r.Result.Text, "Not sent, and nothing is lost") || r.Text.Text == "" {
		t.Fatalf("after a lost answer: %q, text %q", r.Result.Text, r.Text.Text)
	}
	user(func() { test.Tap(r.EnterBtn) })
	if !strings.Contains(r.Result.Text, "is in the triage inbox") {
		t.Fatalf("sent again: %q", r.Result.Text)
	}
	mine, err := f.queue.PatientRequests(context.Background(), f.practice.Practice.Accounts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range mine {
		if q.Text == "rash on both legs for three days" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the caller's request is in the queue %d times, want once", n)
	}
}

func TestTeamQueueShowsWhoHoldsARequest(t *testing.T) {
	f := newLiveFixture(t, "demo-physio")
	ctx := context.Background()
	user(func() { f.d.TeamPick.SetSelected(triage.TeamPhysio.Label()) })
	background.Wait()
	team := f.d.Team
	if len(team.Rows()) == 0 {
		t.Fatal("the demo physio queue is empty: the test needs requests")
	}
	if team.Table.Length != nil {
		if _, cols := team.Table.Length(); cols != len(listHeaders)+len(holderHeaders) {
			t.Fatalf("the team queue has %d columns, want the status and holder too", cols)
		}
	}
	row := -1
	for i, it := range team.Rows() {
		if got := team.Text(i, 8); got != it.Status.Label() {
			t.Fatalf("row %d status column says %q, want %q", i, got, it.Status.Label())
		}
		if got := team.Text(i, 9); got != holder(&it) {
			t.Fatalf("row %d holder column says %q", i, got)
		}
		if it.Status == triage.StatusAssigned && row < 0 {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("no unclaimed physio request in the demo")
	}
	it := team.Rows()[row]
	if team.Text(row, 9) != "Free to claim" {
		t.Errorf("an unclaimed request's holder column says %q", team.Text(row, 9))
	}

	// Give it to a named member of the team.
	user(func() { f.d.Open(it) })
	d := f.d.Detail
	if d.GiveBtn.Disabled() || !strings.Contains(d.Holder.Text, "free to claim") {
		t.Fatalf("an assigned request: give %v, holder %q", !d.GiveBtn.Disabled(), d.Holder.Text)
	}
	user(func() { test.Tap(d.GiveBtn) })
	if d.GiveDialog == nil || len(d.GivePick.Options) != 1 || d.GivePick.Options[0] != "demo-physio" {
		t.Fatalf("the give dialog offers %v, want the physio team's members", d.GivePick.Options)
	}
	user(func() { d.GivePick.SetSelected("demo-physio") })
	tapDialogButton(t, f.w, "Give")
	background.Wait()
	if !strings.Contains(d.Holder.Text, "held by demo-physio") || d.Unclaim.Disabled() {
		t.Fatalf("after giving: holder %q, unclaim enabled %v", d.Holder.Text, !d.Unclaim.Disabled())
	}

	// An internal note, for colleagues only.
	user(func() { test.Tap(d.NoteBtn) })
	user(func() { test.Type(d.NoteEntry, "Rang patient, booked Thursday 10:00") })
	tapDialogButton(t, f.w, "Add note")
	background.Wait()
	if !strings.Contains(d.Notes.Text, "demo-physio: Rang patient, booked Thursday 10:00") {
		t.Fatalf("notes = %q", d.Notes.Text)
	}

	// Both reach the practice queue through the outbox, and the list shows the holder.
	f.sync(t)
	onQueue, err := f.queue.Request(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if onQueue.ClaimedBy != "demo-physio" || onQueue.Status != triage.StatusInProgress || !strings.Contains(onQueue.Note, "booked Thursday") {
		t.Fatalf("on the queue: %s held by %q, note %q", onQueue.Status, onQueue.ClaimedBy, onQueue.Note)
	}
	if _, problems, _ := f.c.OutboxCounts(ctx); problems != 0 {
		t.Fatalf("the queue refused %d of the desk's actions", problems)
	}
	for i, r := range team.Rows() {
		if r.ID == it.ID && team.Text(i, 9) != "demo-physio" {
			t.Errorf("the team queue shows %q holding it", team.Text(i, 9))
		}
	}

	// Hand it back: free to claim again.
	user(func() { f.d.Open(it) })
	user(func() { test.Tap(d.Unclaim) })
	background.Wait()
	f.sync(t)
	if got, _ := f.queue.Request(ctx, it.ID); got.ClaimedBy != "" || got.Status != triage.StatusAssigned {
		t.Fatalf("after unclaiming, the queue has it %s held by %q", got.Status, got.ClaimedBy)
	}
	if !strings.Contains(d.Holder.Text, "free to claim") {
		t.Errorf("after unclaiming the request says %q", d.Holder.Text)
	}
}

// TestListKeysDoNothingWhereNoListIsShown: with a request highlighted in the inbox,
// the person goes to the Reception screen (or the dashboard) and types; a digit there
// must not assign the inbox's request nobody can see, nor Enter open it.
func TestListKeysDoNothingWhereNoListIsShown(t *testing.T) {
	f := newLiveFixture(t, "demo-reviewer")
	ctx := context.Background()
	for i, text := range []string{"cough for a week", "sore throat"} { // new requests in the inbox
		p := f.practice.Practice.Patients[i]
		if _, err := f.d.Reception.link.EnterForCaller(ctx, triage.StaffEntry{PatientID: p.ID, Kind: triage.Clinical, Text: text, Contact: triage.ContactOnline}, newKey()); err != nil {
			t.Fatal(err)
		}
	}
	f.sync(t)
	user(func() { keysOn(f.w.Canvas(), "j") })
	it, ok := f.d.Inbox.Selected()
	if !ok {
		t.Fatalf("j selected nothing in the inbox of %d rows", len(f.d.Inbox.Rows()))
	}
	for _, tab := range []fyne.CanvasObject{f.d.Reception.Root} { // the Reception screen
		user(func() {
			showTab(f.d, tab)
			f.w.Canvas().Unfocus()
		})
		user(func() { keysOn(f.w.Canvas(), "2j<Return>") })
		background.Wait()
		got, err := f.c.Request(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != triage.StatusNew || got.Team != "" {
			t.Fatalf("on the Reception screen, typing 2 assigned the inbox's hidden request to %s", got.Team)
		}
		if f.d.detailShown() {
			t.Fatal("on the Reception screen, Enter opened the inbox's hidden request")
		}
		if sel, _ := f.d.Inbox.Selected(); sel.ID != it.ID {
			t.Fatal("on the Reception screen, j moved the inbox's hidden selection")
		}
	}
	// On the Reception screen, / goes to its own search of the practice list.
	user(func() { keysOn(f.w.Canvas(), "/") })
	if f.w.Canvas().Focused() != f.d.Reception.Search {
		t.Errorf("/ on the Reception screen focused %v, want its patient search", f.w.Canvas().Focused())
	}
}

// TestReceptionAsksAboutThePatientWhenSomeoneElseCalls: a parent ringing for their
// child is asked the red-flag questions about the child, by name ("Does Poppy
// have…"), as the patient pages ask a parent, and told what to do for the child
// after a yes; the patient ringing for themselves is asked "Do you…".
func TestReceptionAsksAboutThePatientWhenSomeoneElseCalls(t *testing.T) {
	f, r := atReception(t)
	child := f.patientWhere(t, "child of 2 to 15", func(p triage.Patient) bool {
		return p.Dependant && p.AgeAt(testNow) >= 2 && p.AgeAt(testNow) < 16
	})
	user(func() { find(r, child.NHSNumber.String()) })
	if len(r.found) != 1 || r.found[0].ID != child.ID {
		t.Fatalf("the search by NHS number found %d patients (%q)", len(r.found), r.Found.Text)
	}
	user(func() { r.Results.Select(0) })
	chest := 0 // the chest-pain question
	if triage.RedFlagQuestions[chest].ID != "chest-pain" {
		t.Fatalf("the first red-flag question is %q", triage.RedFlagQuestions[chest].ID)
	}
	about := triage.Subject{For: triage.ForChild, Name: child.GivenName}
	tests := []struct {
		name, caller, rel string
		want              triage.Subject
	}{
		{"the patient calls", "", "", triage.Subject{}},
		{"their mother calls", "Jane Smith", "mother", about},
		{"a carer gives only their relationship", "", "carer", about},
		{"the patient calls back", "", "", triage.Subject{}},
	}
	for _, tt := range tests {
		user(func() {
			r.Caller.SetText(tt.caller)
			r.CallerRel.SetText(tt.rel)
		})
		tt.want.Birth = child.BirthDate
		for i, q := range triage.RedFlagQuestions {
			if got, want := r.Asks[i].Text, q.AskAbout(tt.want); got != want {
				t.Errorf("%s: reception asks %q, want %q", tt.name, got, want)
			}
			if asked, want := r.Flags[i].Visible(), q.Applies(tt.want, testNow); asked != want {
				t.Errorf("%s: the question %q is shown: %v, want %v (the patient is %d)", tt.name, q.ID, asked, want, child.AgeAt(testNow))
			}
		}
		if tt.want.Name != "" && !strings.HasPrefix(r.Asks[chest].Text, "Does "+child.GivenName+" have") {
			t.Errorf("%s: reception asks %q, want it asked about %s", tt.name, r.Asks[chest].Text, child.GivenName)
		}
		// What is sent says whom the answers are about, as the patient pages' do.
		wantFor := tt.want.For
		if wantFor == "" {
			wantFor = triage.ForSelf
		}
		if e := r.Entry(); e.Answers == nil || e.Answers.For != wantFor {
			t.Errorf("%s: the entry's answers are for %q, want %q", tt.name, e.Answers.For, wantFor)
		}
		user(func() { test.Tap(r.Flags[chest]) })
		if want := triage.RedFlagQuestions[chest].TellCaller(tt.want); !strings.Contains(r.WarningMsg.Text, want) {
			t.Errorf("%s: after a yes the warning says %q, want %q", tt.name, r.WarningMsg.Text, want)
		}
		user(func() { test.Tap(r.Flags[chest]) })
	}
	// What is sent answers the questions asked, and only those.
	e := r.Entry()
	if e.Answers == nil || len(e.Answers.RedFlags) == 0 {
		t.Fatal("the entry carries no answers")
	}
	for _, a := range e.Answers.RedFlags {
		if q, _ := triage.RedFlagQuestionByID(a.Question); !q.Applies(triage.Subject{Birth: child.BirthDate}, testNow) {
			t.Errorf("the entry answers %q, a question not asked about a child of %d", a.Question, child.AgeAt(testNow))
		}
	}
}
