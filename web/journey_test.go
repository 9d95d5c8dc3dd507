package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"triagedesk/triage"
)

// patientPassword is the patients' password in these tests: three words, as the page advises.
const patientPassword = "kettle orange cloud"

// signUpAndIn takes a new patient through the pages from the start page: create an
// account, open the link in the email, sign in. With check set, axe checks each page
// on the way at both widths.
func signUpAndIn(t *testing.T, s *site, tb *tab, email string, check bool) {
	t.Helper()
	if status := tb.open(s.URL + "/"); status != http.StatusOK {
		t.Fatalf("the start page answered %d", status)
	}
	tb.mustSee("Contact "+practiceName+" online", "999")
	if check {
		tb.axeAt("start")
	}
	tb.follow("Create an account")
	tb.mustSee("Create an account", "Email address")
	if check {
		tb.axeAt("sign up")
	}
	tb.typeInto("email", email)
	tb.typeInto("password", patientPassword)
	if status := tb.submit(); status != http.StatusOK {
		t.Fatalf("sign up answered %d", status)
	}
	tb.mustSee("Check your email")
	if check {
		tb.axeAt("check your email")
	}
	link := s.mail.Link(email, 1)
	if !strings.HasPrefix(link, s.URL+"/") {
		t.Fatalf("the email's link %q does not open the pages at %s", link, s.URL)
	}
	if status := tb.open(link); status != http.StatusOK {
		t.Fatalf("the link in the email answered %d", status)
	}
	tb.mustSee("Your email address is confirmed")
	if check {
		tb.axeAt("email confirmed")
	}
	tb.follow("Sign in")
	if check {
		tb.axeAt("sign in")
	}
	tb.typeInto("email", email)
	tb.typeInto("password", patientPassword)
	if status := tb.submit(); status != http.StatusOK {
		t.Fatalf("sign in answered %d", status)
	}
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("sign in was refused: %+v", errs)
	}
}

// tellThePractice fills in "Your details" with who the patient is.
func tellThePractice(t *testing.T, tb *tab, nhs, given, family, day, month, year string) {
	t.Helper()
	tb.typeInto("nhs-number", nhs)
	tb.typeInto("given-name", given)
	tb.typeInto("family-name", family)
	tb.typeInto("dob-day", day)
	tb.typeInto("dob-month", month)
	tb.typeInto("dob-year", year)
	tb.choose("sex-female")
}

// A patient signs up, confirms their address by the emailed link, signs in, tells the
// practice who they are and adds a child: every page on the way passes axe at 320 and
// 1280 pixels, and the child shows as waiting for the practice's check.
func TestJourneySignUpVerifySignInAddDependant(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", triage.Female)
	s.listed(t, "401 023 2137", "Poppy", "Jones", "2022-06-03", triage.Female)
	tb := newTab(t, phone)
	signUpAndIn(t, s, tb, "ruth@example.com", true)

	tb.open(s.URL + "/details")
	tb.mustSee("Your details", "Tell the practice who you are")
	tb.axeAt("your details (empty)")
	tellThePractice(t, tb, "943 476 5919", "Ruth", "Jones", "21", "4", "1980")
	tb.submit()
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("your details were refused: %+v", errs)
	}
	tb.open(s.URL + "/details")
	tb.mustSee("Ruth Jones", "Waiting for the practice")
	tb.axeAt("your details (sent)")
	if n := s.verifyClaims(t); n != 1 {
		t.Fatalf("the practice verified %d claims, want ruth's", n)
	}
	tb.open(s.URL + "/details")
	tb.mustSee("Ruth Jones", "Checked", "Children you care for")

	tb.follow("Add a child under 16")
	tb.axeAt("add a child")
	tellThePractice(t, tb, "401 023 2137", "Poppy", "Jones", "3", "6", "2022")
	tb.typeInto("relationship", "Mother")
	tb.submit()
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("adding a child was refused: %+v", errs)
	}
	tb.open(s.URL + "/details")
	tb.mustSee("Poppy Jones", "Waiting for the practice")
	tb.axeAt("your details (with a child)")
	tb.open(s.URL + "/request/start")
	tb.mustSee("Who is this request for?", "Poppy Jones")
	tb.axeAt("request: who")
	if n := s.mail.Count("ruth@example.com"); n != 1 {
		t.Errorf("ruth was sent %d emails by the sign-up, want 1", n)
	}
}

// Bad details come back on the same page with an error summary whose lines link to
// the fields, and nothing the patient typed is lost: an NHS number that fails its check
// digit, a date of birth in the future, an empty name.
func TestJourneyBadDetailsKeepWhatWasTyped(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, narrow)
	signUpAndIn(t, s, tb, "sam@example.com", false)
	tb.open(s.URL + "/details")
	next := coreHours.AddDate(1, 0, 0)
	tb.typeInto("nhs-number", "943 476 5918") // the check digit of 943 476 591 is 9
	tb.typeInto("family-name", "Okafor")
	tb.typeInto("dob-day", "2")
	tb.typeInto("dob-month", "3")
	tb.typeInto("dob-year", next.Format("2006"))
	tb.choose("sex-male")
	tb.submit()
	tb.mustShowError("nhs-number", "NHS number")
	tb.mustShowError("dob-day", "past")
	tb.mustShowError("given-name", "first name")
	for id, want := range map[string]string{"nhs-number": "943 476 5918", "family-name": "Okafor", "dob-day": "2", "dob-month": "3", "dob-year": next.Format("2006")} {
		if got := tb.value(id); got != want {
			t.Errorf("after the error #%s holds %q, want %q as typed", id, got, want)
		}
	}
	if !eval[bool](tb, `document.getElementById("sex-male").checked`) {
		t.Error("after the error the sex chosen (male) is no longer chosen")
	}
	tb.axeAt("your details with errors")
}

// A session that ends while a form is being filled in (the patient went away for an
// hour) sends them to sign in again, saying so, and what they had typed is back in
// the form once they have.
func TestJourneySessionExpiredMidFormKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	signUpAndIn(t, s, tb, "ade@example.com", false)
	tb.open(s.URL + "/details")
	tellThePractice(t, tb, "943 476 5919", "Ade", "Bello", "9", "11", "1975")
	s.clock.add(2 * time.Hour)
	tb.submit()
	tb.mustSee("Sign in", "kept what you typed")
	tb.axeAt("sign in again")
	tb.typeInto("email", "ade@example.com")
	tb.typeInto("password", patientPassword)
	tb.submit()
	for id, want := range map[string]string{"nhs-number": "943 476 5919", "given-name": "Ade", "family-name": "Bello", "dob-day": "9", "dob-month": "11", "dob-year": "1975"} {
		if got := tb.value(id); got != want {
			t.Errorf("after signing in again #%s holds %q, want %q as typed before the session ended", id, got, want)
		}
	}
}

// The first page says the service is closed, or that medical requests are paused,
// with when it reopens and where to go now, before anything is typed; a closed service
// offers no way to start.
func TestJourneyClosedAndPausedOnTheFirstPage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, availability string
		want               []string
		startOffered       bool
	}{
		{"closed", `{"closures":[{"from":"2026-11-24T09:00:00Z","to":"2026-11-24T14:00:00Z","reason":"staff training"}]}`,
			[]string{"Online requests are closed", "staff training", "999", "111", "pharmacy", "reopen"}, false},
		{"clinical paused", `{"switch":"clinical-paused","switchMessage":"the duty doctor's list is full"}`,
			[]string{"Medical requests are paused", "admin", "medication", "111", "999"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := startSite(t)
			if code := s.api(t, http.MethodPut, "/api/v1/settings/availability", s.manager, tt.availability); code != http.StatusOK {
				t.Fatalf("set availability: %d", code)
			}
			tb := newTab(t, narrow)
			tb.open(s.URL + "/")
			tb.mustSee(tt.want...)
			offered := eval[bool](tb, `!!document.querySelector('main a.nhsuk-button')`)
			if offered != tt.startOffered {
				t.Errorf("a button to start is offered: %v, want %v", offered, tt.startOffered)
			}
			tb.axeAt("start, " + tt.name)
		})
	}
}

// Keyboard only: a patient who cannot use a mouse signs in with Tab, typing and Enter.
func TestJourneyKeyboardOnlySignIn(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, desktop)
	signUpAndIn(t, s, tb, "kim@example.com", false)
	tb.open(s.URL + "/")
	tb.navigateBy("sign out", chromedp.Click(chromedp.CSS(`footer form [type=submit]`)))
	tb.open(s.URL + "/sign-in")
	tb.tabTo("email")
	tb.keys("kim@example.com")
	tb.tabTo("password")
	tb.keys(patientPassword)
	tb.navigateBy("press Enter", chromedp.KeyEvent(kb.Enter))
	if errs := tb.errorSummary(); len(errs) > 0 {
		t.Fatalf("sign in by keyboard was refused: %+v", errs)
	}
	tb.open(s.URL + "/details")
	tb.mustSee("Signed in as kim@example.com")
}

// The pages no journey above passes through pass axe too: help, a used or wrong email
// link, a request that is not theirs, signed out.
func TestAxeOnTheOtherPages(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, narrow)
	tb.open(s.URL + "/help")
	tb.mustSee(practicePhone, frontDesk)
	tb.axeAt("help")
	tb.open(s.URL + "/verify?token=" + strings.Repeat("0", 64))
	tb.mustSee("This link does not work")
	tb.axeAt("verify: a link that does not work")
	signUpAndIn(t, s, tb, "lee@example.com", false)
	tb.open(s.URL + "/requests/999")
	tb.axeAt("a request that is not theirs")
	tb.navigateBy("sign out", chromedp.Click(chromedp.CSS(`footer form [type=submit]`)))
	tb.mustSee("signed out")
	tb.axeAt("signed out")
}

// recorder is a test whose errors are kept rather than reported, to check that a
// helper fails a test when it should.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// The axe check can fail: a sign-in page whose email field has lost its label is
// reported as a critical violation, with the rule and the element.
func TestAxeReportsAFieldWithoutALabel(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, desktop)
	tb.open(s.URL + "/sign-in")
	eval[chromedp.Void](tb, `document.querySelector("label[for=email]").remove()`)
	rec := &recorder{TB: t}
	(&tab{t: rec, ctx: tb.ctx, width: tb.width}).axe("sign in, its email label removed")
	got := strings.Join(rec.errors, "\n")
	if !strings.Contains(got, "label") || !strings.Contains(got, "#email") {
		t.Errorf("axe did not report the unlabelled field #email; it reported: %q", got)
	}
}
