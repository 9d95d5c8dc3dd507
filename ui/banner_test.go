package ui

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"

	"triagedesk/store"
	"triagedesk/triage"
)

// settleEmergencies records a call and closes every emergency the demo left live, so
// a test starts with none waiting.
func settleEmergencies(t *testing.T, f fixture) {
	t.Helper()
	ctx := context.Background()
	for _, r := range f.d.Alert.Waiting() {
		if _, err := f.c.Act(ctx, triage.Action{Kind: triage.ActCallOutcome, RequestID: r.ID, BaseVersion: r.Version, Actor: "t", Call: triage.CallSent999}, triage.DefaultCalendar()); err != nil {
			t.Fatal(err)
		}
	}
	<-f.d.Refresh()
	if f.d.Banner.Visible() {
		t.Fatal("banner shown with no emergency waiting")
	}
	f.d.Alert.Flashes = 0 // count from here
}

// emergencyArrives puts a new emergency in the cache as a sync would, and refreshes the desk.
func emergencyArrives(t *testing.T, f fixture, id int64) {
	t.Helper()
	r := f.d.Inbox.Rows()[len(f.d.Inbox.Rows())-1].Request
	r.ID, r.Version, r.Priority, r.Status, r.Team = id, 1, triage.Emergency, triage.StatusNew, ""
	if err := f.c.Upsert(context.Background(), store.Changes{Requests: []triage.Request{r}}); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
}

// TestEmergencyBannerStaysUntilActedOn is the control for "emergency opened but not
// acted on": an opened-then-left chest pain went overdue with no banner. Opening,
// leaving, assigning and an unanswered call all leave the banner up; a call that
// sends the patient to 999 takes it down, on the banner of every desk alike because
// it reads the recorded outcome, not what this desk has opened.
func TestEmergencyBannerStaysUntilActedOn(t *testing.T) {
	f := newFixture(t)
	settleEmergencies(t, f)
	var notes []string
	f.d.opts.Notify = func(title, body string) error { notes = append(notes, title); return nil }
	user(func() { f.d.Inbox.Kind.SetSelected("Admin") }) // a filter must not hide an emergency's banner
	emergencyArrives(t, f, 99999)
	if !f.d.Banner.Visible() || !strings.Contains(f.d.BannerText.Text, "EMERGENCY: 1 request not acted on") {
		t.Fatalf("banner visible %v saying %q", f.d.Banner.Visible(), f.d.BannerText.Text)
	}
	if len(notes) != 1 || f.d.Alert.Flashes != 1 {
		t.Fatalf("%d notifications and %d flashes, want one each", len(notes), f.d.Alert.Flashes)
	}
	user(func() { test.Tap(f.d.Alert.OpenBtn) })
	if f.d.Detail.item.ID != 99999 || !f.d.Detail.Emergency.Visible() {
		t.Fatalf("the banner opened request %d (call buttons shown %v)", f.d.Detail.item.ID, f.d.Detail.Emergency.Visible())
	}
	if !f.d.Detail.Signpost.Disabled() || !f.d.Detail.CloseBtn.Disabled() {
		t.Fatal("an emergency with no call can be signposted or closed from the desk")
	}
	user(func() { f.d.Back() })
	<-f.d.Refresh()
	if !f.d.Banner.Visible() {
		t.Fatal("the banner came down when the emergency was merely opened")
	}
	if len(notes) != 1 {
		t.Fatalf("%d notifications for one emergency", len(notes))
	}

	// Assigned to the GP team without a call: still not acted on.
	user(func() { f.d.Open(triage.QueueItem{Request: triage.Request{ID: 99999, Priority: triage.Emergency}}) })
	user(func() { f.d.Detail.TeamPick.SetSelectedIndex(0); test.Tap(f.d.Detail.AssignBtn) })
	<-f.d.Refresh()
	if it, _ := f.c.Request(context.Background(), 99999); it.Status != triage.StatusAssigned {
		t.Fatalf("not assigned: %s", it.Status)
	}
	if !f.d.Banner.Visible() {
		t.Fatal("the banner came down when the emergency was assigned without a call")
	}

	// Phoned, no answer: it stays up and says so.
	user(func() { f.d.Open(triage.QueueItem{Request: triage.Request{ID: 99999, Priority: triage.Emergency}}) })
	user(func() { test.Tap(f.d.Detail.CallNoAnswer) })
	<-f.d.Refresh()
	if !f.d.Banner.Visible() || !strings.Contains(f.d.BannerText.Text, "1 unanswered") {
		t.Fatalf("after no answer: banner visible %v saying %q", f.d.Banner.Visible(), f.d.BannerText.Text)
	}
	if !strings.Contains(f.d.Detail.LastCall.Text, "no answer") {
		t.Fatalf("the request does not show the last call: %q", f.d.Detail.LastCall.Text)
	}

	// Phoned and sent to 999: acted on.
	user(func() { test.Tap(f.d.Detail.CallSent) })
	<-f.d.Refresh()
	if f.d.Banner.Visible() {
		t.Fatalf("the banner is still up after the patient was sent to 999: %q", f.d.BannerText.Text)
	}
	if f.d.Detail.Signpost.Disabled() || f.d.Detail.CloseBtn.Disabled() {
		t.Fatal("an emergency sent to 999 cannot be closed")
	}
	if !strings.Contains(f.d.Detail.Audit.Text, "amy phoned the patient and sent them to 999 or A&E.") {
		t.Fatalf("the audit trail does not say it as a sentence:\n%s", f.d.Detail.Audit.Text)
	}
}

// TestBannerLoweredWithAReason: lowering the priority asks why; cancelling keeps it
// an emergency, a reason takes the banner down and shows on the request.
func TestBannerLoweredWithAReason(t *testing.T) {
	f := newFixture(t)
	settleEmergencies(t, f)
	emergencyArrives(t, f, 99998)
	user(func() { f.d.Open(f.d.Alert.Waiting()[0]) })
	user(func() { f.d.Detail.Priority.SetSelected(triage.SameDay.Label()) })
	if f.d.Detail.ReasonDialog == nil {
		t.Fatal("lowering the priority did not ask why")
	}
	dlg := f.d.Detail.ReasonDialog
	user(func() { dlg.Dismiss() }) // as Cancel does
	<-f.d.Refresh()
	if it, _ := f.c.Request(context.Background(), 99998); it.Priority != triage.Emergency || f.d.Detail.Priority.Selected != triage.Emergency.Label() {
		t.Fatalf("cancelling the reason changed the priority: %s, select shows %s", it.Priority, f.d.Detail.Priority.Selected)
	}
	if !f.d.Banner.Visible() {
		t.Fatal("the banner came down with no reason given")
	}
	user(func() { f.d.Detail.Priority.SetSelected(triage.SameDay.Label()) })
	user(func() {
		f.d.Detail.ReasonEntry.SetText("Chest pain since a fall; no breathlessness on the phone")
		f.d.Detail.ReasonDialog.Submit()
	})
	<-f.d.Refresh()
	background.Wait()
	if f.d.Banner.Visible() {
		t.Fatal("the banner is still up after the priority was lowered with a reason")
	}
	if !f.d.Detail.Reason.Visible() || !strings.Contains(f.d.Detail.Reason.Text, "Chest pain since a fall") {
		t.Fatalf("the reason is not on the request: %q", f.d.Detail.Reason.Text)
	}
	if !strings.Contains(f.d.Detail.Audit.Text, "amy changed the priority to Same day, because: Chest pain since a fall") {
		t.Fatalf("the audit trail does not give the reason:\n%s", f.d.Detail.Audit.Text)
	}
}

// TestBannerSoundsWhenNotificationsFail: with no D-Bus the notification fails; the
// banner still flashes and the alarm sounds, once for each new emergency.
func TestBannerSoundsWhenNotificationsFail(t *testing.T) {
	f := newFixture(t)
	settleEmergencies(t, f)
	var alarms atomic.Int32
	f.d.opts.Notify = func(string, string) error { return errors.New("org.freedesktop.Notifications was not provided") }
	f.d.opts.Alarm = func() { alarms.Add(1) }
	emergencyArrives(t, f, 99997)
	<-f.d.Refresh()
	background.Wait()
	if alarms.Load() != 1 || f.d.Alert.Flashes != 1 || !f.d.Banner.Visible() {
		t.Fatalf("%d alarms, %d flashes, banner %v; want the alarm once, a flash and the banner", alarms.Load(), f.d.Alert.Flashes, f.d.Banner.Visible())
	}
	f.d.opts.Notify = func(string, string) error { return nil }
	emergencyArrives(t, f, 99996)
	if alarms.Load() != 1 || f.d.Alert.Flashes != 2 {
		t.Fatalf("a notification that worked still sounded the alarm (%d) or did not flash (%d)", alarms.Load(), f.d.Alert.Flashes)
	}
}
