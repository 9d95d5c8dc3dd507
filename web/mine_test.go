package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"triagedesk/triage"
)

// sendAdmin sends an admin request through the pages and returns its id.
func (b *browser) sendAdmin(text string) int64 {
	b.t.Helper()
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	b.step("text", url.Values{"text": {text}})
	b.step("photos", url.Values{})
	b.step("contact", url.Values{"phone": {"07700 900 982"}})
	m := sentRef.FindStringSubmatch(b.step("check", url.Values{}))
	if m == nil {
		b.t.Fatal("not sent")
	}
	var id int64
	fmt.Sscan(m[1], &id)
	return id
}

// reply is a reviewer's answer to a request, asking the patient for more.
func (e *env) reply(t *testing.T, id int64, msg string) {
	t.Helper()
	r, err := e.q.Request(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActRespond, RequestID: id, BaseVersion: r.Version,
		Actor: "mo", Channel: triage.ChannelMessage, Message: msg, AwaitReply: true}); err != nil {
		t.Fatal(err)
	}
}

func TestMyRequestsShowRepliesOnlyOnceThePracticeKnowsWhoYouAre(t *testing.T) {
	e := newEnv(t)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(t, "ann@example.com", "9434765919")
	id := b.sendAdmin("Please send my last blood test results.")
	e.reply(t, id, "Your results are normal: no action is needed.")

	_, page := b.get("/requests")
	if !strings.Contains(page, "Please send my last blood test results.") || !strings.Contains(page, "Waiting for your reply") {
		t.Errorf("the list does not show the request and its status: %s", page)
	}
	_, page = b.get(fmt.Sprintf("/requests/%d", id))
	if strings.Contains(page, "Your results are normal") {
		t.Error("an unverified account was shown the practice's reply")
	}
	if !strings.Contains(page, "once the practice has checked who you are") {
		t.Errorf("the page does not say why the reply is held back: %s", page)
	}

	e.verifyClaims()
	_, page = b.get(fmt.Sprintf("/requests/%d", id))
	if !strings.Contains(page, "Your results are normal: no action is needed.") {
		t.Errorf("a verified account does not see the reply: %s", page)
	}
	// Someone else's request is not found, whatever its number.
	other := e.patient(t, "bob@example.com", "9000000009")
	if code, _ := other.get(fmt.Sprintf("/requests/%d", id)); code != 404 {
		t.Errorf("another account opening request %d got %d, want 404", id, code)
	}
}

func TestAddADependantShownAsPendingUntilThePracticeConfirms(t *testing.T) {
	e := newEnv(t)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(t, "ann@example.com", "9434765919")
	e.verifyClaims()
	code, page := b.post("/dependants/add", "/dependants/add", url.Values{"nhs-number": {"9000000009"}, "given-name": {"Tom"}, "family-name": {"Smith"},
		"dob-day": {"1"}, "dob-month": {"6"}, "dob-year": {"2019"}, "sex": {"male"}, "relationship": {"mother"}})
	if code != 200 || !strings.Contains(page, "Tom Smith") || !strings.Contains(page, "Waiting for the practice") {
		t.Fatalf("after adding a child: %d %s", code, page)
	}
	// The child can be chosen for a request meanwhile.
	b.get("/request/start")
	if _, page := b.get("/request/who"); !strings.Contains(page, "Tom Smith") || !strings.Contains(page, "has not checked these details yet") {
		t.Errorf("the child is not offered, marked pending: %s", page)
	}
}
