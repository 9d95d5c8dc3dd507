package main

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/ui"
)

// queueOnLoopback is a real practice queue on 127.0.0.1 with a manager and a reviewer.
type queueOnLoopback struct {
	url, manager, reviewer string
	q                      *store.Queue
}

func startQueue(t *testing.T) queueOnLoopback {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	srv := httptest.NewServer(server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil))
	t.Cleanup(srv.Close)
	m, err := q.AddUser(ctx, "mo", store.RoleManager, "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := q.AddUser(ctx, "amy", store.RoleReviewer, "")
	if err != nil {
		t.Fatal(err)
	}
	return queueOnLoopback{url: srv.URL, manager: m, reviewer: r, q: q}
}

// deskAs opens a desk on an empty cache linked to the queue with a token, as the
// wiring does, and returns it with the errors it showed.
func deskAs(t *testing.T, qs queueOnLoopback, token, user string, role ui.Role) (*ui.Desk, *[]error) {
	t.Helper()
	ctx := context.Background()
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), user+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	c, err := client.New(qs.url, token)
	if err != nil {
		t.Fatal(err)
	}
	l := &link{cache: cache, base: qs.url}
	l.use(c, token, user)
	var shown []error
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1440, 900))
	desk := ui.NewDesk(cache, cachedActor{cache, triage.DefaultCalendar()}, l, ui.Options{User: user, Role: role, Problems: func(err error) { shown = append(shown, err) }}, w)
	ui.Idle() // the manager's dashboard starts loading as the desk is built; the real desk does both on the Fyne thread
	desk.Install(w)
	ui.Idle()
	return desk, &shown
}

func TestScheduleFormRoundTrip(t *testing.T) {
	test.NewTempApp(t)
	qs := startQueue(t)
	desk, shown := deskAs(t, qs, qs.manager, "mo", ui.RoleManager)
	b := desk.Dashboard
	<-b.Reload()
	ui.Idle()
	if got := b.Days["mon"].Text; got != "08:00–18:30" {
		t.Fatalf("a new practice's Monday shows %q, want core hours 08:00–18:30", got)
	}
	if got := b.Days["sat"].Text; got != "" {
		t.Fatalf("Saturday shows %q, want empty (closed)", got)
	}

	// A typing mistake is refused on the desk, says which day, and keeps what was typed.
	test.Type(b.Days["wed"], "x")
	b.Days["wed"].SetText("08:00–25:00")
	test.Tap(b.SaveHours)
	ui.Idle()
	if !strings.Contains(b.HoursNote.Text, "Wednesday") || b.Days["wed"].Text != "08:00–25:00" {
		t.Fatalf("a bad Wednesday: note %q, entry %q", b.HoursNote.Text, b.Days["wed"].Text)
	}

	// A lunchtime closure, a Saturday morning, Tuesday closed, bank holidays open.
	b.Days["mon"].SetText("08:00-12:30, 13:30 - 18:30")
	b.Days["tue"].SetText("")
	b.Days["wed"].SetText("08:00–18:30")
	b.Days["sat"].SetText("09:00 to 12:00")
	b.Days["sun"].SetText("closed")
	test.Tap(b.BankHols)
	test.Tap(b.SaveHours)
	ui.Idle()
	if len(*shown) > 0 {
		t.Fatalf("saving showed %v", *shown)
	}

	// The queue holds exactly what the form said...
	c, _ := client.New(qs.url, qs.reviewer)
	st, err := c.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a := st.Availability
	want := map[string]string{"mon": "08:00–12:30, 13:30–18:30", "tue": "Closed", "wed": "08:00–18:30", "thu": "08:00–18:30", "fri": "08:00–18:30", "sat": "09:00–12:00", "sun": "Closed"}
	for day, w := range want {
		if got := a.Weekly().Describe(day); got != w {
			t.Errorf("the queue holds %s as %q, want %q", day, got, w)
		}
	}
	if !a.OpenOnBankHolidays {
		t.Error("the queue did not take \"open on bank holidays\"")
	}
	// ...and a desk opened afresh shows it back, with the core-hours warning.
	again, _ := deskAs(t, qs, qs.manager, "mo", ui.RoleManager)
	<-again.Dashboard.Reload()
	ui.Idle()
	for day, w := range want {
		if w == "Closed" {
			w = ""
		}
		if got := again.Dashboard.Days[day].Text; got != w {
			t.Errorf("read back, %s shows %q, want %q", day, got, w)
		}
	}
	if !again.Dashboard.BankHols.Checked || !strings.Contains(again.Dashboard.HoursNote.Text, "Monday 12:30–13:30") {
		t.Errorf("bank holidays %v, note %q", again.Dashboard.BankHols.Checked, again.Dashboard.HoursNote.Text)
	}
}

// TestRefusalsReadAsWords: a desk whose token lacks the manager's right is told so in
// a sentence, never with the queue's FHIR OperationOutcome.
func TestRefusalsReadAsWords(t *testing.T) {
	test.NewTempApp(t)
	qs := startQueue(t)
	// A reviewer's desk does not offer the dashboard at all; this drives the link as
	// if it had, to see what the person would read.
	desk, shown := deskAs(t, qs, qs.reviewer, "amy", ui.RoleManager)
	b := desk.Dashboard
	<-b.Reload()
	ui.Idle()
	b.Days["sat"].SetText("09:00–12:00")
	test.Tap(b.SaveHours)
	ui.Idle()
	if len(*shown) != 1 {
		t.Fatalf("the refusal showed %d errors: %v", len(*shown), *shown)
	}
	msg := (*shown)[0].Error()
	for _, bad := range []string{"{", "OperationOutcome", "resourceType", "forbidden:", "403"} {
		if strings.Contains(msg, bad) {
			t.Errorf("the person read %q, which holds %q", msg, bad)
		}
	}
	if !strings.Contains(msg, "you do not have the right") || !strings.Contains(msg, "only a practice manager") {
		t.Errorf("the person read %q, want it to say they lack the manager's right", msg)
	}
	if b.Days["sat"].Text != "09:00–12:00" {
		t.Errorf("the refusal lost what was typed: %q", b.Days["sat"].Text)
	}
}
