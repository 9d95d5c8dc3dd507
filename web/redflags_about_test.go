package web_test

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"triagedesk/triage"
)

var (
	flagLabel = regexp.MustCompile(`<label class="nhsuk-label nhsuk-checkboxes__label" for="flag-([a-z-]+)">([^<]*)</label>`)
	h1Text    = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	tags      = regexp.MustCompile(`<[^>]+>`)
	// Words that speak to the writer about their own body. "when you press a glass"
	// is the parent doing the glass test, so a bare "you" is allowed.
	speaksToWriter = regexp.MustCompile(`\b(your|Are you|Do you|Have you|Could you|Did you|you have|you are)\b`)
)

// The red-flag questions for a child or an adult someone cares for ask about them by
// name, leave out what cannot apply at their age, and the stop page names them.
func TestRedFlagQuestionsSpeakAboutTheDependant(t *testing.T) {
	all := func() []string {
		var ids []string
		for _, q := range triage.RedFlagQuestions {
			ids = append(ids, q.ID)
		}
		return ids
	}
	without := func(drop ...string) []string {
		return slices.DeleteFunc(all(), func(id string) bool { return slices.Contains(drop, id) })
	}
	cases := []struct {
		name             string
		given, birth     string // the dependant; empty for the patient themself
		sex              string
		heading, stop    string
		advice           string
		asked            []string
		forWhom          triage.Whom
		mustAskAboutThem bool
	}{
		{name: "self", heading: "Do you have any of these now?", stop: "Call 999 now",
			advice: "Call 999 now, or go straight to A&amp;E", asked: all(), forWhom: triage.ForSelf},
		{name: "baby of two months", given: "Amelia", birth: "2026-09-10", sex: "female",
			heading: "Does Amelia have any of these now?", stop: "Call 999 now for Amelia",
			advice: "Call 999 now for Amelia, or take them straight to A&amp;E",
			asked:  without("chest-pain", "cauda-equina", "ectopic", "sight", "headache"), forWhom: triage.ForChild, mustAskAboutThem: true},
		{name: "child of seven", given: "Tom", birth: "2019-06-01", sex: "male",
			heading: "Does Tom have any of these now?", stop: "Call 999 now for Tom",
			advice: "Call 999 now for Tom, or take them straight to A&amp;E",
			asked:  without("ectopic", "baby-fever"), forWhom: triage.ForChild, mustAskAboutThem: true},
		{name: "girl of thirteen", given: "Maya", birth: "2013-03-02", sex: "female",
			heading: "Does Maya have any of these now?", stop: "Call 999 now for Maya",
			advice: "Call 999 now for Maya, or take them straight to A&amp;E",
			asked:  without("baby-fever"), forWhom: triage.ForChild, mustAskAboutThem: true},
		{name: "adult cared for", given: "Arthur", birth: "1940-01-15", sex: "male",
			heading: "Does Arthur have any of these now?", stop: "Call 999 now for Arthur",
			advice: "Call 999 now for Arthur, or take them straight to A&amp;E",
			asked:  without("ectopic", "baby-fever"), forWhom: triage.ForAdult, mustAskAboutThem: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
			b := e.patient(t, "ann@example.com", "9434765919")
			e.verifyClaims()
			switch {
			case tc.forWhom == triage.ForAdult:
				// The pages add children only; the practice gives proxy access for an
				// adult someone cares for, as this claim does.
				login, err := e.q.LoginByEmail(context.Background(), "ann@example.com")
				if err != nil {
					t.Fatal(err)
				}
				n, _ := triage.ParseNHSNumber("9000000009")
				birth, _ := time.Parse(time.DateOnly, tc.birth)
				if _, err := e.q.SubmitClaim(context.Background(), login.AccountID, triage.Claim{Kind: triage.ClaimProxy, NHSNumber: n,
					GivenName: tc.given, FamilyName: "Smith", BirthDate: birth, Sex: triage.Male, Relationship: "son"}); err != nil {
					t.Fatal(err)
				}
			case tc.given != "":
				birth := strings.Split(tc.birth, "-")
				code, page := b.post("/dependants/add", "/dependants/add", url.Values{"nhs-number": {"9000000009"}, "given-name": {tc.given}, "family-name": {"Smith"},
					"dob-day": {birth[2]}, "dob-month": {birth[1]}, "dob-year": {birth[0]}, "sex": {tc.sex}, "relationship": {"mother"}})
				if code != 200 || !strings.Contains(page, tc.given+" Smith") {
					t.Fatalf("adding %s: %d %s", tc.given, code, page)
				}
			}
			b.get("/request/start")
			if tc.given != "" {
				_, page := b.get("/request/who")
				m := regexp.MustCompile(`value="(\d+)"[^>]*>\s*<label[^>]*>` + tc.given).FindStringSubmatch(page)
				if m == nil {
					t.Fatalf("%s is not offered on the who page: %s", tc.given, page)
				}
				b.step("who", url.Values{"who": {m[1]}})
			}
			b.step("kind", url.Values{"kind": {"medical"}})
			_, page := b.get("/request/red-flags")
			if h := h1Text.FindStringSubmatch(page); h == nil || strings.TrimSpace(tags.ReplaceAllString(h[1], "")) != tc.heading {
				t.Errorf("the heading is %q, want %q", h, tc.heading)
			}
			var asked []string
			for _, m := range flagLabel.FindAllStringSubmatch(page, -1) {
				if m[1] == "none" {
					continue
				}
				asked = append(asked, m[1])
				if tc.mustAskAboutThem {
					if speaksToWriter.MatchString(m[2]) {
						t.Errorf("question %s speaks to the writer about themself: %q", m[1], m[2])
					}
					if !strings.Contains(m[2], tc.given) {
						t.Errorf("question %s does not name %s: %q", m[1], tc.given, m[2])
					}
				}
			}
			if !slices.Equal(asked, tc.asked) {
				t.Errorf("asked %v\nwant  %v", asked, tc.asked)
			}

			// A yes stops the form, names them, and the practice hears of it with the
			// answers to the questions asked.
			page = b.step("red-flags", url.Values{"flag": {"breathing"}})
			if h := h1Text.FindStringSubmatch(page); h == nil || !strings.Contains(tags.ReplaceAllString(h[1], ""), tc.stop) {
				t.Errorf("the stop page's heading is %q, want %q", h, tc.stop)
			}
			if !strings.Contains(page, tc.advice) {
				t.Errorf("the stop page does not say %q: %s", tc.advice, page)
			}
			reqs, _, err := e.q.Requests(context.Background(), 0, 10)
			if err != nil || len(reqs) != 1 {
				t.Fatalf("the practice got %d requests (%v)", len(reqs), err)
			}
			r := reqs[0]
			if r.Priority != triage.Emergency || r.Answers.For != tc.forWhom || len(r.Answers.RedFlags) != len(tc.asked) {
				t.Errorf("the practice got priority %s for %q with %d answers, want emergency for %q with %d", r.Priority, r.Answers.For, len(r.Answers.RedFlags), tc.forWhom, len(tc.asked))
			}
		})
	}
}
