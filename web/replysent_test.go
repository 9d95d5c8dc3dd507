package web_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"triagedesk/triage"
)

var statusTagText = regexp.MustCompile(`<strong class="nhsuk-tag nhsuk-tag--([a-z]+)">([^<]*)</strong>`)

// statusTags are the status tags on a page, as "colour:words".
func statusTags(page string) []string {
	var out []string
	for _, m := range statusTagText.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1]+":"+m[2])
	}
	return out
}

// After a reply the patient is told it was sent, and every status reads in the
// patient's words, never the desk's ("New", "Assigned", "Awaiting patient").
func TestReplySentBannerAndPatientWordedStatuses(t *testing.T) {
	e := newEnv(t)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(t, "ann@example.com", "9434765919")
	e.verifyClaims()
	id := b.sendAdmin("Please send my last blood test results.")
	one := fmt.Sprintf("/requests/%d", id)

	check := func(when, path, want string) string {
		t.Helper()
		_, page := b.get(path)
		tags := statusTags(page)
		if len(tags) != 1 || tags[0] != want {
			t.Errorf("%s, %s shows the status %v, want [%s]", when, path, tags, want)
		}
		return page
	}
	check("just sent", "/requests", "blue:With the practice")
	check("just sent", one, "blue:With the practice")

	// A reviewer assigns it and claims it: still with the practice to the patient.
	for _, a := range []triage.Action{{Kind: triage.ActAssign, Team: triage.TeamAdmin}, {Kind: triage.ActClaim}} {
		r, err := e.q.Request(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		a.RequestID, a.BaseVersion, a.Actor = id, r.Version, "mo"
		if _, err := e.q.Act(context.Background(), triage.DefaultCalendar(), a); err != nil {
			t.Fatalf("%s: %v", a.Kind, err)
		}
		check("after "+string(a.Kind), one, "blue:With the practice")
	}

	e.reply(t, id, "Which test do you mean: the one in March or in June?")
	check("the practice asks", "/requests", "orange:Waiting for your reply")
	page := check("the practice asks", one, "orange:Waiting for your reply")
	if strings.Contains(page, "Your reply has been sent") {
		t.Error("the success banner shows before any reply")
	}

	code, page := b.post(one, one+"/reply", url.Values{"reply": {"The one in June, thank you."}, "reply-key": {"k1"}})
	if code != 200 {
		t.Fatalf("reply: %d %s", code, page)
	}
	for _, want := range []string{"nhsuk-notification-banner--success", "Your reply has been sent", "The one in June, thank you."} {
		if !strings.Contains(page, want) {
			t.Errorf("after the reply the page does not show %q", want)
		}
	}
	if tags := statusTags(page); len(tags) != 1 || tags[0] != "blue:With the practice" {
		t.Errorf("after the reply the status reads %v, want With the practice", tags)
	}
	// The banner is said once: a reload or a later visit does not repeat it.
	if page := check("after the reply, again", one, "blue:With the practice"); strings.Contains(page, "Your reply has been sent") {
		t.Error("the success banner shows again on a later visit")
	}

	r, _ := e.q.Request(context.Background(), id)
	if _, err := e.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActRespond, RequestID: id, BaseVersion: r.Version,
		Actor: "mo", Channel: triage.ChannelMessage, Message: "Your June results are normal.", CloseOnSend: true}); err != nil {
		t.Fatal(err)
	}
	check("answered and closed", "/requests", "green:Answered")
	check("answered and closed", one, "green:Answered")

	// A request closed without an answer (the patient withdrew it) reads Closed.
	id2 := b.sendAdmin("Please send a copy of my letter.")
	r, _ = e.q.Request(context.Background(), id2)
	if _, err := e.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActClose, RequestID: id2, BaseVersion: r.Version,
		Actor: "mo", Outcome: triage.OutcomeWithdrawn}); err != nil {
		t.Fatal(err)
	}
	check("closed unanswered", fmt.Sprintf("/requests/%d", id2), "grey:Closed")

	_, page = b.get("/requests")
	for _, desk := range []string{">New<", ">Assigned<", ">In progress<", ">Awaiting patient<"} {
		if strings.Contains(page, desk) {
			t.Errorf("the list shows the desk's word %s", desk)
		}
	}
}
