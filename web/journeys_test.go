package web_test

// The request pages in a real browser (the harness is browser_test.go's; the red
// flag, bad input and an ended session are request_journey_test.go's): a request sent
// with the contact page done by keyboard alone, a clinical pause that still takes
// medication, and reading and answering the practice's reply, which then reaches a
// desk's cache through the sync. Every page passes axe at 320 and 1280 pixels.

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

// signedUpPatient is a patient on the list who has an account through the pages and
// has told the practice who they are; verified says whether the practice has checked.
func signedUpPatient(t *testing.T, s *site, tb *tab, email string, verified bool) {
	t.Helper()
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", triage.Female)
	signUpAndIn(t, s, tb, email, false)
	tb.open(s.URL + "/details")
	tellThePractice(t, tb, "943 476 5919", "Ruth", "Jones", "21", "4", "1980")
	tb.submit()
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("your details were refused: %+v", errs)
	}
	if verified {
		if n := s.verifyClaims(t); n != 1 {
			t.Fatalf("the practice verified %d claims", n)
		}
	}
}

// sendAdminRequest sends an admin request with text through the pages, with no photos
// and a phone number for a call back, and returns it as the queue holds it (the only
// request there).
func sendAdminRequest(t *testing.T, s *site, tb *tab, text string) triage.Request {
	t.Helper()
	tb.open(s.URL + "/request/start")
	tb.choose("kind-admin")
	tb.submit()
	tb.typeInto("text", text)
	tb.submit()
	tb.submit() // no photos
	tb.typeInto("phone", "07700 900 982")
	tb.submit()
	tb.submit() // send from the check page
	return onlyRequest(t, s)
}

// clear empties a field.
func (tb *tab) clear(id string) {
	tb.t.Helper()
	eval[any](tb, fmt.Sprintf(`document.getElementById(%q).value = ""`, id))
}

// onlyRequest returns the one request in the queue.
func onlyRequest(t *testing.T, s *site) triage.Request {
	t.Helper()
	reqs, _, err := s.q.Requests(context.Background(), 0, 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("the queue holds %d requests (%v), want 1", len(reqs), err)
	}
	return reqs[0]
}

// A medical request from start to confirmation, every page checked by axe; the
// contact page is filled in and sent with the keyboard alone.
func TestJourneyRequestKeyboardContactToConfirmation(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	signedUpPatient(t, s, tb, "ruth@example.com", false)

	tb.open(s.URL + "/request/start")
	tb.mustSee("What is your request about?")
	tb.axeAt("request: kind")
	tb.choose("kind-medical")
	tb.submit()
	tb.mustSee("Do you have any of these now?", "chest pain", "None of these")
	tb.axeAt("request: red flags")
	tb.submit()
	tb.mustShowError("flag-chest-pain", "None of these")
	tb.choose("flag-none")
	tb.submit()
	tb.mustSee("Have you measured a temperature?")
	tb.axeAt("request: temperature")
	tb.typeInto("temperature", "101")
	tb.submit()
	tb.mustShowError("temperature", "°C")
	if got := tb.value("temperature"); got != "101" {
		t.Errorf("after the error the temperature holds %q", got)
	}
	tb.clear("temperature")
	tb.typeInto("temperature", "38.2")
	tb.submit()
	tb.mustSee("pregnant")
	tb.axeAt("request: pregnant")
	tb.choose("pregnant-no")
	tb.submit()
	tb.mustSee("Tell us about your request", "5,000 characters")
	tb.axeAt("request: text")
	tb.typeInto("text", "A cough for three weeks and a temperature since Sunday.")
	tb.submit()
	tb.mustSee("Add photos")
	tb.axeAt("request: photos")
	tb.submit()

	tb.mustSee("How should the practice contact you?")
	tb.axeAt("request: contact")
	tb.tabTo("phone")
	tb.keys("07700 900 982")
	tb.do("Tab to the times to avoid", chromedp.KeyEvent(kb.Tab))
	if id := eval[string](tb, `document.activeElement.id`); id != "avoid" {
		t.Fatalf("Tab from the phone number went to %q, not the times to avoid", id)
	}
	tb.keys("before 10am")
	tb.navigateBy("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.mustSee("Check your request before sending it", "07700 900 982", "before 10am", "38.2°C", "A cough for three weeks")
	tb.axeAt("request: check")
	tb.submit()
	tb.mustSee("Request sent", "Your reference is", "within one working day")
	tb.axeAt("request: sent")

	r := onlyRequest(t, s)
	if r.Answers == nil || r.Answers.TemperatureC != 38.2 || r.Answers.Pregnant != triage.No || r.Answers.For != triage.ForSelf {
		t.Errorf("the answers that reached the queue: %+v", r.Answers)
	}
	if m := s.mail.Wait("ruth@example.com", 2); !strings.Contains(m.Body(), "The practice has your request") || strings.Contains(m.Body(), "cough") {
		t.Errorf("the email saying the practice has the request: %s", m.Body())
	}
	tb.follow("your requests")
	tb.mustSee("A cough for three weeks", "With the practice")
	tb.axeAt("your requests")
	tb.followRequest("A cough for three weeks")
	tb.mustSee("The practice has not replied yet")
	tb.axeAt("one request")
}

// While clinical requests are paused, a request can still be sent for medication or
// admin, and medical is not offered.
func TestJourneyClinicalPauseStillTakesMedication(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, narrow)
	signedUpPatient(t, s, tb, "ruth@example.com", false)
	if code := s.api(t, http.MethodPut, "/api/v1/settings/availability", s.manager, `{"switch":"clinical-paused"}`); code != http.StatusOK {
		t.Fatalf("pause clinical requests: %d", code)
	}
	tb.open(s.URL + "/request/start")
	tb.mustSee("Medical requests are paused", "Medication or a prescription", "An admin request")
	if eval[bool](tb, `!!document.getElementById("kind-medical")`) {
		t.Error("a medical request is offered while clinical requests are paused")
	}
	tb.axeAt("request: kind while paused")
	tb.choose("kind-medication")
	tb.submit()
	tb.typeInto("text", "My ramipril prescription has run out.")
	tb.submit()
	tb.submit() // no photos
	tb.typeInto("phone", "07700 900 982")
	tb.submit()
	tb.submit()
	tb.mustSee("Request sent")
	if r := onlyRequest(t, s); r.Kind != triage.Admin {
		t.Errorf("a medication request went as %s", r.Kind)
	}
}

// The practice asks a verified patient for more; the patient reads the message and
// replies on the page, and a desk syncing the queue into its cache sees the reply and
// the request no longer waiting for the patient.
func TestJourneyReadAReplyAndAnswerIt(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	signedUpPatient(t, s, tb, "ruth@example.com", true)
	r := sendAdminRequest(t, s, tb, "Please send my blood test results.")

	reviewer, err := s.q.AddUser(context.Background(), "rita", store.RoleReviewer, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(s.URL, reviewer)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := store.OpenCache(context.Background(), filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })
	desk := client.NewSyncer(c, cache)
	if _, err := s.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActRespond, RequestID: r.ID, BaseVersion: r.Version,
		Actor: "rita", Channel: triage.ChannelMessage, Message: "Which test do you mean: the one in March or in June?", AwaitReply: true}); err != nil {
		t.Fatal(err)
	}
	s.srv.Notify()

	tb.open(s.URL + "/requests")
	tb.mustSee("Waiting for your reply")
	tb.followRequest("Please send my blood test results.")
	tb.mustSee("The practice", "Which test do you mean", "Reply to the practice")
	tb.axeAt("one request, awaiting a reply")
	tb.submit()
	tb.mustShowError("reply", "Enter your reply")
	tb.typeInto("reply", "The one in June, thank you.")
	tb.submit()
	tb.mustSee("The one in June, thank you.")
	if eval[bool](tb, `!!document.getElementById("reply")`) {
		t.Error("the reply box is still offered after the reply")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := desk.Pull(ctx, false); err != nil {
		t.Fatalf("the desk's sync: %v", err)
	}
	msgs, err := cache.Messages(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[1].From != triage.FromPatient || msgs[1].Body != "The one in June, thank you." {
		t.Fatalf("the desk's cache holds the conversation %+v", msgs)
	}
	item, err := cache.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if item.Status == triage.StatusAwaitingPatient {
		t.Error("on the desk the request still waits for the patient after the reply")
	}
}
