package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/store"
	"triagedesk/triage"
)

// testPractice is the practice's details the tests' templates fill in.
var testPractice = triage.Practice{Name: "Riverside Health Centre", Phone: "01632 960 123", BookingLink: "https://book.riverside.example/"}

// seedTemplates gives the desk's cache the templates a new practice queue starts
// with, as a sync would, with the practice's details p, and refreshes the desk.
func seedTemplates(t *testing.T, f fixture, p triage.Practice) triage.TemplateSet {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ts, err := q.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set := triage.TemplateSet{Practice: p, Templates: ts}
	if err := f.c.ReplaceTemplates(ctx, set, `"seed"`); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
	return set
}

func templateNamed(t *testing.T, set triage.TemplateSet, name string) triage.Template {
	t.Helper()
	for _, tp := range set.Templates {
		if tp.Name == name {
			return tp
		}
	}
	t.Fatalf("no template %q", name)
	return triage.Template{}
}

// routineNew is a new, non-emergency request of the inbox.
func routineNew(t *testing.T, f fixture) triage.QueueItem {
	t.Helper()
	for _, r := range f.d.Inbox.Rows() {
		if r.Priority != triage.Emergency && r.Status == triage.StatusNew && r.Patient.GivenName != "" {
			return r
		}
	}
	t.Fatal("no routine new request in the inbox")
	return triage.QueueItem{}
}

// TestRespondWithATemplateFromTheKeyboard: r opens respond with the cursor in the
// filter; typing filters, ↓ ↑ move, Enter puts the template in with the patient's
// first name and the practice's details, the cursor goes to the message, and
// Ctrl+Enter sends exactly that.
func TestRespondWithATemplateFromTheKeyboard(t *testing.T) {
	f := newFixture(t)
	set := seedTemplates(t, f, testPractice)
	c := f.w.Canvas()
	it := routineNew(t, f)
	user(func() { f.d.Open(it) })
	user(func() { keysOn(c, "r") })
	v := f.d.Detail
	if v.RespondDialog == nil || v.RespondPicker == nil {
		t.Fatal("r did not open the respond dialog")
	}
	if c.Focused() != v.RespondPicker.Filter {
		t.Fatalf("the cursor is in %T, want the template filter", c.Focused())
	}
	if len(v.RespondPicker.Shown) != len(set.Templates) {
		t.Fatalf("the picker shows %d templates before any typing, want all %d", len(v.RespondPicker.Shown), len(set.Templates))
	}
	user(func() { keysOn(c, "ple") }) // "Please send a photo", "Please book with this link"
	p := v.RespondPicker
	if len(p.Shown) != 2 || p.Sel != 0 {
		t.Fatalf("after typing \"ple\" the picker shows %d (highlight %d)", len(p.Shown), p.Sel)
	}
	user(func() { keysOn(c, "<Down>") })
	user(func() { keysOn(c, "<Up>", "<Down>", "<Down>") }) // the last stays the last
	if p.Sel != 1 {
		t.Fatalf("after ↓ ↑ ↓ ↓ the highlight is on %d, want 1", p.Sel)
	}
	user(func() { keysOn(c, "zz") })
	if len(p.Shown) != 0 || !strings.Contains(p.Hint.Text, "No template matches") {
		t.Fatalf("\"plezz\" shows %d templates, hint %q", len(p.Shown), p.Hint.Text)
	}
	user(func() { keysOn(c, "<BackSpace>", "<BackSpace>", "<BackSpace>", "<BackSpace>", "<BackSpace>", "photo") })
	if p.Hint.Text != "" {
		t.Fatalf("the hint still says %q once templates match", p.Hint.Text)
	}
	if len(p.Shown) != 1 || p.Shown[0].Name != "Please send a photo" {
		t.Fatalf("\"photo\" shows %v", p.Shown)
	}
	user(func() { keysOn(c, "<Return>") })
	want, missing := triage.Fill(templateNamed(t, set, "Please send a photo").Body, it.Patient.GivenName, testPractice)
	if len(missing) > 0 || !strings.HasPrefix(want, "Hello "+it.Patient.GivenName+",") || !strings.Contains(want, "01632 960 123") {
		t.Fatalf("the filled template is %q (missing %v)", want, missing)
	}
	if v.RespondMsg.Text != want {
		t.Fatalf("Enter put %q in the message, want %q", v.RespondMsg.Text, want)
	}
	if c.Focused() == nil || c.Focused() == fyne.Focusable(p.Filter) {
		t.Fatal("after Enter the cursor is not in the message")
	}
	user(func() { keysOn(c, " Thank you.") }) // the reviewer adds to it where the cursor is
	want += " Thank you."
	user(func() { shortcut(c, sendShortcut) })
	got := requestNow(t, f, it.ID)
	if got.Status != triage.StatusAwaitingPatient || got.Response != want || got.UpdatedBy != "amy" {
		t.Fatalf("after Ctrl+Enter request %d is %s, response %q; want awaiting the patient with %q", it.ID, got.Status, got.Response, want)
	}
	if f.d.dialogShowing() {
		t.Fatal("the respond dialog is still open after sending")
	}
}

// TestRespondFromTheInboxOpensTheHighlightedRequest: r in the list answers the
// highlighted request, opened so the reviewer sees whom they write to.
func TestRespondFromTheInboxOpensTheHighlightedRequest(t *testing.T) {
	f := newFixture(t)
	seedTemplates(t, f, testPractice)
	c := f.w.Canvas()
	var seq int64
	belowArrivals(t, f)
	arrive(t, f, 3, &seq)
	sel, ok := f.d.Inbox.Selected()
	if !ok {
		t.Fatal("nothing highlighted")
	}
	user(func() { keysOn(c, "r") })
	if !f.d.detailShown() || f.d.Detail.item.ID != sel.ID || f.d.Detail.RespondDialog == nil {
		t.Fatalf("r on highlighted request %d: detail shown %v with %d, dialog %v", sel.ID, f.d.detailShown(), f.d.Detail.item.ID, f.d.Detail.RespondDialog != nil)
	}
	user(func() { keysOn(c, "j", "5") }) // typed into the filter: no list key acts behind the dialog
	if got := requestNow(t, f, sel.ID); got.Status != triage.StatusNew {
		t.Fatalf("keys typed in the respond dialog changed the request: %s", got.Status)
	}
	user(func() { keysOn(c, "<Escape>") })
	if f.d.dialogShowing() {
		t.Fatal("Esc did not close the respond dialog")
	}
}

// TestTemplateDraftIsKeptWhenSendingFails: a refused send (someone changed the
// request first) and a placeholder the desk could not fill both keep the message.
func TestTemplateDraftIsKeptWhenSendingFails(t *testing.T) {
	f := newFixture(t)
	seedTemplates(t, f, triage.Practice{Name: "Riverside Health Centre"}) // no phone number set
	c := f.w.Canvas()
	ctx := context.Background()
	var mu sync.Mutex
	var problems []string
	f.d.opts.Problems = func(err error) { mu.Lock(); problems = append(problems, err.Error()); mu.Unlock() }
	it := routineNew(t, f)
	user(func() { f.d.Open(it) })
	user(func() { keysOn(c, "r", "photo", "<Return>") })
	v := f.d.Detail
	if !strings.Contains(v.RespondMsg.Text, triage.PlacePracticePhone) || !strings.Contains(v.RespondPicker.Hint.Text, "phone number is not set") {
		t.Fatalf("message %q, hint %q: want the unset phone left as its placeholder and said", v.RespondMsg.Text, v.RespondPicker.Hint.Text)
	}
	user(func() { shortcut(c, sendShortcut) })
	if len(problems) != 1 || !strings.Contains(problems[0], "{practice phone}") {
		t.Fatalf("problems: %q, want the placeholder named", problems)
	}
	if got := requestNow(t, f, it.ID); got.Status != triage.StatusNew {
		t.Fatalf("a message with a placeholder was sent: %s %q", got.Status, got.Response)
	}
	user(func() { keysOn(c, "r") })
	typed := strings.ReplaceAll(v.RespondMsg.Text, triage.PlacePracticePhone, "01632 960 999")
	if v.RespondMsg.Text == "" {
		t.Fatal("the draft was lost")
	}
	user(func() { v.RespondMsg.SetText(typed) })

	other := v.item.Request // someone else changes the request first
	other.Version++
	other.Note = "changed elsewhere"
	if err := f.c.Upsert(ctx, store.Changes{Requests: []triage.Request{other}}); err != nil {
		t.Fatal(err)
	}
	user(func() { c.Focus(v.RespondPicker.msg) })
	user(func() { shortcut(c, sendShortcut) })
	if len(problems) != 2 || !strings.Contains(problems[1], "What you wrote is kept") {
		t.Fatalf("problems: %q", problems)
	}
	user(func() { f.d.Detail.Show(f.d.Detail.item) })
	user(func() { keysOn(c, "r") })
	if v.RespondMsg.Text != typed {
		t.Fatalf("after the refusal the message is %q, want the draft %q", v.RespondMsg.Text, typed)
	}
}

// TestInsertKeepsWhatWasTyped: a template goes in where the cursor is.
func TestInsertKeepsWhatWasTyped(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name     string
		text     string
		row, col int
		want     string
	}{
		{"empty", "", 0, 0, "T"},
		{"only spaces", "  \n", 1, 0, "T"},
		{"at the end", "Hi,\nwell", 1, 4, "Hi,\nwellT"},
		{"in the middle", "Hi,\nwéll", 1, 2, "Hi,\nwéTll"},
		{"at the start", "abc", 0, 0, "Tabc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newMessageEntry()
			w := test.NewTempWindow(t, e)
			w.Resize(fyne.NewSize(600, 300))
			e.SetText(tt.text)
			e.CursorRow, e.CursorColumn = tt.row, tt.col
			insertAtCursor(&e.Entry, "T")
			if e.Text != tt.want {
				t.Fatalf("got %q, want %q", e.Text, tt.want)
			}
		})
	}
}

// queueSync is a desk's link whose template changes go to a real practice queue
// file, and whose sync copies the queue's templates into the desk's cache.
type queueSync struct {
	*fakeSync
	q     *store.Queue
	cache *store.Cache
	actor string
}

func (s queueSync) AddTemplate(ctx context.Context, t triage.Template) (triage.Template, error) {
	return s.q.AddTemplate(ctx, t, s.actor)
}
func (s queueSync) SaveTemplate(ctx context.Context, t triage.Template) (triage.Template, error) {
	return s.q.SaveTemplate(ctx, t, s.actor)
}
func (s queueSync) DeleteTemplate(ctx context.Context, id int64, v int) error {
	return s.q.DeleteTemplate(ctx, id, v, s.actor)
}
func (s queueSync) SetPractice(context.Context, triage.Practice) error { return nil }
func (s queueSync) SyncNow() {
	ts, err := s.q.Templates(context.Background())
	if err == nil {
		s.cache.ReplaceTemplates(context.Background(), triage.TemplateSet{Practice: testPractice, Templates: ts}, "")
	}
}

func hasTab(d *Desk, name string) bool {
	for _, t := range d.Tabs.Items {
		if t.Text == name {
			return true
		}
	}
	return false
}

// TestManagerEditsTemplates: only a manager has the editor; a bad placeholder is
// refused in words before anything is sent; a colleague's newer edit is a conflict
// that keeps what the manager typed; add and delete work, and the desk's pickers
// have the result after the sync.
func TestManagerEditsTemplates(t *testing.T) {
	if f := newFixtureAs(t, RoleReviewer, false); hasTab(f.d, "Templates") {
		t.Fatal("a reviewer sees the templates editor")
	}
	f := newFixtureAs(t, RoleManager, false)
	if !hasTab(f.d, "Templates") {
		t.Fatal("a manager has no templates editor")
	}
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	link := queueSync{fakeSync: f.sync, q: q, cache: f.c, actor: "mo"}
	f.d.sync = link
	link.SyncNow()
	<-f.d.Refresh()
	background.Wait()
	e := f.d.TemplateEditor
	if len(e.set.Templates) != 7 || e.PracticePhone.Text != testPractice.Phone {
		t.Fatalf("the editor lists %d templates, phone %q", len(e.set.Templates), e.PracticePhone.Text)
	}
	photo := -1
	for i, tp := range e.set.Templates {
		if tp.Name == "Please send a photo" {
			photo = i
		}
	}
	user(func() { e.List.Select(photo) })
	before := e.editing
	user(func() { e.Body.SetText("Hello {firstname}, a photo please. {practice}"); test.Tap(e.Save) })
	if !strings.Contains(e.Message.Text, "{firstname}") || !strings.Contains(e.Message.Text, "unknown placeholder") {
		t.Fatalf("a bad placeholder says %q", e.Message.Text)
	}
	if now, _ := q.Templates(ctx); now[indexOf(now, before.ID)].Version != before.Version {
		t.Fatal("a template with a bad placeholder was saved")
	}
	const mine = "Hello {first name}, please reply with a photo. {practice}"
	user(func() { e.Body.SetText(mine); test.Tap(e.Save) })
	if !strings.HasPrefix(e.Message.Text, "Saved") || e.editing.Version != before.Version+1 {
		t.Fatalf("saving says %q at version %d", e.Message.Text, e.editing.Version)
	}
	<-f.d.Refresh()
	background.Wait()
	if got := templateNamed(t, f.d.templates, "Please send a photo"); got.Body != mine {
		t.Fatalf("the desk's pickers have %q after the sync", got.Body)
	}

	theirs := e.editing // a colleague saves first on another desk
	theirs.Body = "Hi {first name}, a photo please."
	if _, err := q.SaveTemplate(ctx, theirs, "sam"); err != nil {
		t.Fatal(err)
	}
	const typed = "Hello {first name}, one clear photo please. {practice}"
	user(func() { e.Body.SetText(typed); test.Tap(e.Save) })
	if !strings.Contains(e.Message.Text, "changed by sam") || e.Body.Text != typed {
		t.Fatalf("a stale save says %q and the form holds %q", e.Message.Text, e.Body.Text)
	}
	<-f.d.Refresh() // the sync brings the colleague's version: the form keeps what was typed
	background.Wait()
	if e.Body.Text != typed {
		t.Fatalf("a sync wrote over the manager's unsaved text: %q", e.Body.Text)
	}

	user(func() {
		test.Tap(e.New)
		e.Name.SetText("Fit note ready")
		e.Body.SetText("Hello {first name}, your fit note is ready to collect. {practice}")
		test.Tap(e.Save)
	})
	added := e.editing
	if added.ID == 0 || !strings.HasPrefix(e.Message.Text, "Saved") {
		t.Fatalf("adding says %q", e.Message.Text)
	}
	user(func() { test.Tap(e.Delete) })
	if e.Confirm == nil {
		t.Fatal("delete did not ask first")
	}
	user(func() { e.Confirm.(interface{ Confirm() }).Confirm() })
	if now, _ := q.Templates(ctx); indexOf(now, added.ID) >= 0 {
		t.Fatalf("the template was not deleted: %q", e.Message.Text)
	}
}

func indexOf(ts []triage.Template, id int64) int {
	for i, tp := range ts {
		if tp.ID == id {
			return i
		}
	}
	return -1
}

// TestSignpostWithATemplate: in the signpost dialog the picker chooses the service
// with the template, and Ctrl+Enter signposts and closes with the filled message.
func TestSignpostWithATemplate(t *testing.T) {
	f := newFixture(t)
	set := seedTemplates(t, f, testPractice)
	c := f.w.Canvas()
	it := routineNew(t, f)
	user(func() { f.d.Open(it) })
	user(func() { f.d.Detail.onSignpost() })
	p := f.d.Detail.SignpostPick
	if p == nil || c.Focused() != p.Filter {
		t.Fatal("the signpost dialog does not start in its template filter")
	}
	user(func() { keysOn(c, "optic", "<Return>") })
	want, _ := triage.Fill(templateNamed(t, set, "Optician").Body, it.Patient.GivenName, testPractice)

	// Someone else changes the request first: the signpost is refused, the message kept.
	var problems []string
	f.d.opts.Problems = func(err error) { problems = append(problems, err.Error()) }
	other := f.d.Detail.item.Request
	other.Version++
	other.Note = "changed elsewhere"
	if err := f.c.Upsert(context.Background(), store.Changes{Requests: []triage.Request{other}}); err != nil {
		t.Fatal(err)
	}
	user(func() { shortcut(c, sendShortcut) })
	if len(problems) != 1 || requestNow(t, f, it.ID).Status == triage.StatusClosed {
		t.Fatalf("a signpost on a stale version: problems %q", problems)
	}
	user(func() { f.d.Detail.Show(f.d.Detail.item) })
	user(func() { f.d.Detail.onSignpost() })
	if got := f.d.Detail.SignpostPick.msg.Text; got != want {
		t.Fatalf("after the refusal the signpost message is %q, want the draft %q", got, want)
	}
	user(func() { c.Focus(f.d.Detail.SignpostPick.msg) })
	user(func() { shortcut(c, sendShortcut) })
	got := requestNow(t, f, it.ID)
	if got.Status != triage.StatusClosed || got.Signpost != triage.SignpostOptician || got.Response != want {
		t.Fatalf("request %d is %s, signposted to %q with %q; want closed, to an optician, with %q", it.ID, got.Status, got.Signpost, got.Response, want)
	}
}

// TestTemplatePickerMatchesOnlyWhatTemplatesSay: the picker finds a template by its
// name or the words of its message, never by text of the picker's own (the "respond"
// or "signpost to …" it shows beside a name) nor by the names of its placeholders
// ("{first name}", "{practice phone}"), which every template holds and no patient
// reads: typing those found templates that say nothing of the kind.
func TestTemplatePickerMatchesOnlyWhatTemplatesSay(t *testing.T) {
	f := newFixture(t)
	seedTemplates(t, f, testPractice)
	c := f.w.Canvas()
	user(func() { f.d.Open(routineNew(t, f)) })
	user(func() { keysOn(c, "r") })
	p := f.d.Detail.RespondPicker
	if p == nil {
		t.Fatal("r did not open the respond dialog")
	}
	tests := []struct {
		typed string
		want  []string // the templates found, in the picker's order
	}{
		{"first name", nil},
		{"practice phone", nil},
		{"booking link", nil},
		{"respond", nil},
		{"signpost to", nil},
		{"photo", []string{"Please send a photo"}},
		{"dental", []string{"Dentist"}},            // in what the message says
		{"pharmacist", []string{"Pharmacy First"}}, // likewise
	}
	for _, tt := range tests {
		user(func() { p.Filter.SetText(tt.typed) })
		var got []string
		for _, tp := range p.Shown {
			got = append(got, tp.Name)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("typing %q finds %q, want %q", tt.typed, got, tt.want)
		}
		if len(tt.want) == 0 && !strings.Contains(p.Hint.Text, "No template matches") {
			t.Errorf("typing %q: the hint says %q, want that no template matches", tt.typed, p.Hint.Text)
		}
	}
	user(func() { f.d.closeDialog() })
}
