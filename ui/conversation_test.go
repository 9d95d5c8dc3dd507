package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"triagedesk/store"
	"triagedesk/triage"
)

// threadHeads returns the heading line of each message card of the open request's
// thread, top to bottom.
func threadHeads(v *Detail) []string {
	var heads []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			if w.TextStyle.Bold {
				heads = append(heads, w.Text)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(v.Thread)
	return heads
}

// TestThreadShowsOldestFirstAndUpdatesWhileOpen: the request screen shows the
// conversation oldest first, which side wrote each message, and how long the practice
// has waited; a reply that arrives while the request is open appears without losing
// what is being typed in the respond dialog, and is recorded as seen.
func TestThreadShowsOldestFirstAndUpdatesWhileOpen(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var it triage.QueueItem
	for _, r := range f.d.Inbox.Rows() {
		if r.Priority != triage.Emergency && r.Status == triage.StatusNew {
			it = r
			break
		}
	}
	asked := testNow.Add(-2*time.Hour - 10*time.Minute)
	waiting := it.Request
	waiting.Version++
	waiting.Status, waiting.AwaitingSince, waiting.ClaimedBy = triage.StatusAwaitingPatient, asked, "amy"
	waiting.Response, waiting.Channel, waiting.FirstResponseAt = "Please send a photo of the rash", triage.ChannelMessage, asked
	first := triage.Message{ID: 900001, RequestID: it.ID, From: triage.FromPractice, Author: "amy", Channel: triage.ChannelMessage, Body: waiting.Response, SentAt: asked}
	waiting.Messages = []triage.Message{first}
	if err := f.c.Upsert(ctx, store.Changes{Requests: []triage.Request{waiting}}); err != nil {
		t.Fatal(err)
	}
	user(func() { f.d.Open(it) })
	v := f.d.Detail
	if !v.Waiting.Visible() || v.Waiting.Text != "Waiting for the patient for 2 h 10 min" {
		t.Fatalf("waiting line %q (shown %v)", v.Waiting.Text, v.Waiting.Visible())
	}
	if heads := threadHeads(v); len(heads) != 1 || !strings.HasPrefix(heads[0], "Practice · amy · 2 h 10 min ago") {
		t.Fatalf("thread before the reply: %q", heads)
	}

	// A draft is being typed when the patient's reply arrives with a sync.
	user(func() { v.onRespond() })
	const draft = "Thank you. Is it itchy"
	user(func() { v.RespondMsg.SetText(draft) })
	views := countViews(t, f.c, it.ID)
	replied := waiting
	replied.Version++
	replied.Status, replied.AwaitingSince = triage.StatusNew, time.Time{}
	reply := triage.Message{ID: 900002, RequestID: it.ID, From: triage.FromPatient, AccountID: 7, Body: "Photo sent. It is spreading.", SentAt: testNow.Add(-5 * time.Minute)}
	replied.Messages = []triage.Message{first, reply}
	if err := f.c.Upsert(ctx, store.Changes{Requests: []triage.Request{replied}}); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()

	heads := threadHeads(v)
	if len(heads) != 2 || !strings.HasPrefix(heads[0], "Practice · amy") || !strings.HasPrefix(heads[1], "Patient · "+it.Patient.Name()+" · 5 min ago") {
		t.Fatalf("thread after the reply: %q; want the practice's question, then the patient's reply", heads)
	}
	if v.Waiting.Visible() {
		t.Fatalf("still %q after the patient replied", v.Waiting.Text)
	}
	if v.RespondMsg.Text != draft || v.RespondDialog == nil {
		t.Fatalf("the draft being typed is %q, want %q", v.RespondMsg.Text, draft)
	}
	if v.item.Version != replied.Version {
		t.Fatalf("the open request is at version %d, want %d: a response would be refused", v.item.Version, replied.Version)
	}
	if n := countViews(t, f.c, it.ID); n != views+1 {
		t.Fatalf("%d views recorded after the reply was shown, want %d", n, views+1)
	}
	user(func() { v.RespondDialog.Hide() })
}

func countViews(t *testing.T, c *store.Cache, id int64) int {
	t.Helper()
	trail, err := c.AuditTrail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range trail {
		if e.Action == "view" {
			n++
		}
	}
	return n
}

func TestWaited(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second:             "less than a minute",
		35 * time.Minute:             "35 min",
		2*time.Hour + 10*time.Minute: "2 h 10 min",
		26 * time.Hour:               "1 day 2 h",
		3*24*time.Hour + 4*time.Hour: "3 days 4 h",
	} {
		if got := Waited(d); got != want {
			t.Errorf("Waited(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestRequestScreenShowsHowToReachThePatient: the patient's number and email, the
// date of birth beside the age, who wrote the request for a child with their
// relationship and number, and on an emergency the number to phone now.
func TestRequestScreenShowsHowToReachThePatient(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var child, adult triage.QueueItem
	for id := int64(1); id <= 1200 && (child.ID == 0 || adult.ID == 0); id++ {
		r, err := f.c.Request(ctx, id)
		if err != nil || !r.Live() {
			continue
		}
		if r.Patient.Dependant && child.ID == 0 {
			child = r
		}
		if !r.Patient.Dependant && r.Patient.Phone != "" && r.Patient.Email != "" && r.Status == triage.StatusNew && adult.ID == 0 {
			adult = r
		}
	}
	if child.ID == 0 || adult.ID == 0 {
		t.Fatal("the demo inbox has no request for a child, or none for an adult with a phone and an email")
	}
	user(func() { f.d.Open(adult) })
	v := f.d.Detail
	p := adult.Patient
	if !strings.Contains(v.Contact.Text, "Phone "+p.Phone) || !strings.Contains(v.Contact.Text, "Email "+p.Email) {
		t.Errorf("contact line %q, want the phone %s and the email %s", v.Contact.Text, p.Phone, p.Email)
	}
	born := "(born " + p.BirthDate.Format("2 Jan 2006") + ")"
	if !strings.Contains(v.Patient.Text, Age(p, testNow)+" "+born) {
		t.Errorf("patient line %q, want the age with %q beside it", v.Patient.Text, born)
	}
	if v.Author.Visible() {
		t.Errorf("an adult's own request shows an author: %q", v.Author.Text)
	}

	user(func() { f.d.Open(child) })
	a := child.Author
	if a.Name == "" || !v.Author.Visible() || !strings.Contains(v.Author.Text, a.Name) || !strings.Contains(v.Author.Text, "("+a.Relationship+")") || !strings.Contains(v.Author.Text, a.Phone) {
		t.Fatalf("a child's request shows author %q (shown %v), want %+v", v.Author.Text, v.Author.Visible(), a)
	}

	// An emergency: the call box says which number to phone.
	emergency := adult.Request
	emergency.Version++
	emergency.Priority, emergency.Status = triage.Emergency, triage.StatusNew
	if err := f.c.Upsert(ctx, store.Changes{Requests: []triage.Request{emergency}}); err != nil {
		t.Fatal(err)
	}
	user(func() { f.d.Open(adult) })
	if !v.Emergency.Visible() || !strings.Contains(v.CallNumber.Text, p.Phone) {
		t.Fatalf("emergency call box %q (shown %v), want the number %s", v.CallNumber.Text, v.Emergency.Visible(), p.Phone)
	}
}

// TestOwnMessageIsNotAViewOfTheRequest: a reviewer answers the patient from the
// request screen. The message they sent appears in the conversation, but it is not
// news to them: the audit trail has their opening and their answer, and no further
// "opened it" for each sync that brought their own message back (seen using the
// desk: two phantom views after every answer).
func TestOwnMessageIsNotAViewOfTheRequest(t *testing.T) {
	f := newFixture(t)
	var it triage.QueueItem
	for _, r := range f.d.Inbox.Rows() {
		if r.Priority != triage.Emergency && r.Status == triage.StatusNew {
			it = r
			break
		}
	}
	user(func() { f.d.Open(it) })
	views := countViews(t, f.c, it.ID)
	v := f.d.Detail
	user(func() { v.onRespond() })
	user(func() { v.RespondMsg.SetText("Please send a photo of the rash.") })
	user(func() { v.RespondSend(); v.RespondDialog.Hide() })
	<-f.d.Refresh() // the next sync
	background.Wait()
	if heads := threadHeads(v); len(heads) != 1 || !strings.HasPrefix(heads[0], "Practice · amy") {
		t.Fatalf("the conversation after answering: %q", heads)
	}
	if n := countViews(t, f.c, it.ID); n != views {
		t.Errorf("answering the patient recorded %d more views of the request: the trail says they opened it when they did not", n-views)
	}
}
