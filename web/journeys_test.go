package web_test

// Patients' journeys through the pages in a real browser (headless Chromium, through
// the harness in browser_test.go), each page checked by axe-core at 320 and 1280
// pixels wide. With TRIAGE_WEB_SCREENSHOTS=DIR each page is also saved as DIR/NAME.png
// at 375 pixels wide (docs/web/ holds the ones in the repository).

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"triagedesk/triage"
)

// at opens a path of the env's server in the tab.
func (tb *tab) at(e *env, path string) int {
	tb.t.Helper()
	return tb.open(e.http.URL + path)
}

// fill sets a field's value as if typed.
func (tb *tab) fill(id, value string) {
	tb.t.Helper()
	v, _ := json.Marshal(value)
	eval[chromedp.Void](tb, fmt.Sprintf(`document.getElementById(%q).value = %s`, id, v))
}

// tick clicks a radio button or checkbox.
func (tb *tab) tick(id string) {
	tb.t.Helper()
	tb.do("tick "+id, chromedp.Click(chromedp.ID(id)))
}

// submit presses the form's first button and returns the next page's status.
func (tb *tab) submit(what string) int {
	tb.t.Helper()
	return tb.navigateBy(what, chromedp.Click(chromedp.CSS("#maincontent form button[type=submit]")))
}

// follow clicks a link by its exact text.
func (tb *tab) follow(text string) int {
	tb.t.Helper()
	return tb.navigateBy("follow "+text, chromedp.Click(chromedp.JSPath(fmt.Sprintf(`[...document.querySelectorAll("a")].find(a => a.textContent.trim() === %q)`, text))))
}

// check runs axe on the page at both widths and saves its screenshot when asked.
func (tb *tab) check(name string) {
	tb.t.Helper()
	tb.axeAt(name)
	tb.shot(name)
}

// shot saves the page at 375 pixels wide as TRIAGE_WEB_SCREENSHOTS/name.png.
func (tb *tab) shot(name string) {
	tb.t.Helper()
	dir := os.Getenv("TRIAGE_WEB_SCREENSHOTS")
	if dir == "" {
		return
	}
	was := tb.width
	tb.resize(phone)
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.resize(was)
}

// value is a field's value as the page holds it.
func (tb *tab) value(id string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`document.getElementById(%q).value`, id))
}

// signUpInBrowser opens an account the way a patient does: the form, the email's link,
// signing in, and telling the practice who they are.
func (tb *tab) signUpInBrowser(e *env, email string, shots bool) {
	tb.t.Helper()
	check := func(name string) {
		if shots {
			tb.check(name)
		}
	}
	tb.at(e, "/")
	tb.mustSee("Contact Main Surgery online", "Sign in to start")
	check("start")
	tb.follow("Create an account")
	check("sign-up")
	tb.fill("email", email)
	tb.fill("password", password)
	tb.submit("create the account")
	tb.mustSee("Check your email")
	check("check-email")
	if status := tb.open(e.mail.Link(email, 1)); status != 200 {
		tb.t.Fatalf("the email's link answered %d", status)
	}
	tb.mustSee("Your email address is confirmed")
	check("verified")
	tb.follow("Sign in")
	check("sign-in")
	tb.fill("email", email)
	tb.fill("password", password)
	tb.submit("sign in")
	tb.mustSee("Your requests", "You have not sent any requests yet")
	check("requests-empty")
	tb.follow("Your details")
	check("details")
	tb.fill("nhs-number", "943 476 5919")
	tb.fill("given-name", "Ann")
	tb.fill("family-name", "Smith")
	tb.fill("dob-day", "21")
	tb.fill("dob-month", "4")
	tb.fill("dob-year", "1980")
	tb.tick("sex-female")
	tb.submit("save the details")
	tb.mustSee("Ann Smith", "Waiting for the practice")
	check("details-pending")
}

func TestJourneySignUpVerifySignInAndAddAChild(t *testing.T) {
	e := newEnv(t)
	tb := newTab(t, phone)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	tb.signUpInBrowser(e, "ann@example.com", true)
	e.verifyClaims()
	tb.at(e, "/details")
	tb.mustSee("Checked")

	tb.follow("Add a child under 16")
	tb.check("add-child")
	tb.fill("nhs-number", "9000000009")
	tb.fill("given-name", "Tom")
	tb.fill("family-name", "Smith")
	tb.fill("dob-day", "1")
	tb.fill("dob-month", "6")
	tb.fill("dob-year", "2019")
	tb.tick("sex-male")
	tb.fill("relationship", "mother")
	tb.submit("add the child")
	tb.mustSee("Tom Smith", "Waiting for the practice")
	tb.check("details-with-child")

	tb.at(e, "/help")
	tb.mustSee("01632 960 123", "Monday to Friday, 8am to 6:30pm")
	tb.check("help")
}

func TestJourneySendARequestWithTheKeyboardOnly(t *testing.T) {
	e := newEnv(t)
	tb := newTab(t, phone)
	tb.signUpInBrowser(e, "ann@example.com", false)
	tb.follow("Send a request")
	tb.mustSee("What is your request about?")
	tb.check("request-kind")
	tb.tick("kind-medical")
	tb.submit("medical")
	tb.mustSee("Do you have any of these now?", "chest pain")
	tb.check("request-red-flags")
	tb.tick("flag-none")
	tb.submit("no red flags")
	tb.check("request-temperature")
	tb.fill("temperature", "38.2")
	tb.submit("temperature")
	tb.check("request-pregnant")
	tb.tick("pregnant-no")
	tb.submit("pregnant")
	tb.check("request-text")
	tb.fill("text", "A cough for three weeks and a temperature since Sunday.")
	tb.submit("text")
	tb.check("request-photos")
	tb.submit("no photos")

	// The contact page with the keyboard alone: Tab to the phone number, type it, Tab
	// on, type the times to avoid, and Enter sends the form.
	tb.mustSee("How should the practice contact you?")
	tb.check("request-contact")
	for i := 0; eval[string](tb, `document.activeElement ? document.activeElement.id : ""`) != "phone"; i++ {
		if i > 40 {
			t.Fatal("Tab never reached the phone number")
		}
		tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
	}
	tb.do("type the number", chromedp.KeyEvent("07700 900 982"))
	tb.do("Tab to the times to avoid", chromedp.KeyEvent(kb.Tab))
	if id := eval[string](tb, `document.activeElement.id`); id != "avoid" {
		t.Fatalf("Tab from the phone number went to %q, not the times to avoid", id)
	}
	tb.do("type the times", chromedp.KeyEvent("before 10am"))
	tb.navigateBy("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.mustSee("Check your request before sending it", "07700 900 982", "before 10am", "38.2°C")
	tb.check("request-check")
	tb.submit("send")
	tb.mustSee("Request sent", "Your reference is", "within one working day")
	tb.check("request-sent")

	reqs, _, _ := e.q.Requests(context.Background(), 0, 5)
	if len(reqs) != 1 || reqs[0].Answers == nil || reqs[0].Answers.TemperatureC != 38.2 {
		t.Fatalf("the queue holds %+v", reqs)
	}
	tb.follow("your requests")
	tb.mustSee("A cough for three weeks", "New")
	tb.check("requests")
	tb.follow(fmt.Sprint(reqs[0].ID))
	tb.mustSee("The practice has not replied yet")
	tb.check("request")
}

func TestJourneyStopAtARedFlag(t *testing.T) {
	e := newEnv(t)
	tb := newTab(t, phone)
	tb.signUpInBrowser(e, "ann@example.com", false)
	tb.at(e, "/request/start")
	tb.tick("kind-medical")
	tb.submit("medical")
	tb.tick("flag-breathing")
	tb.submit("a red flag")
	tb.mustSee("Call 999 now", "We have told the practice what you ticked")
	tb.check("request-stop")
	reqs, _, _ := e.q.Requests(context.Background(), 0, 5)
	if len(reqs) != 1 || reqs[0].Priority != triage.Emergency {
		t.Fatalf("the practice did not get an emergency: %+v", reqs)
	}
}

func TestJourneyClosedAndClinicalPause(t *testing.T) {
	e := newEnv(t)
	tb := newTab(t, phone)
	tb.signUpInBrowser(e, "ann@example.com", false)
	set := func(a triage.Availability) {
		if err := e.q.SetSetting(context.Background(), "availability", a, "mo"); err != nil {
			t.Fatal(err)
		}
	}
	set(triage.Availability{Closures: []triage.Closure{{From: tuesday.Add(-time.Hour), To: tuesday.Add(4 * time.Hour), Reason: "staff training"}}})
	tb.at(e, "/")
	tb.mustSee("Online requests are closed", "staff training", "They reopen", "999", "NHS 111", "pharmacy")
	tb.check("start-closed")
	if n := eval[int](tb, `document.querySelectorAll("input:not([type=hidden]), textarea").length`); n != 0 {
		t.Errorf("the closed start page has %d fields to type in", n)
	}

	set(triage.Availability{Switch: triage.ModeClinicalPaused, SwitchMessage: "Our clinicians are fully booked today"})
	tb.at(e, "/")
	tb.mustSee("Medical requests are paused", "Our clinicians are fully booked today", "admin requests")
	tb.check("start-paused")
	tb.follow("Start now")
	tb.mustSee("Medication or a prescription", "An admin request")
	if n := eval[int](tb, `document.querySelectorAll("#kind-medical").length`); n != 0 {
		t.Error("a medical request is offered while clinical requests are paused")
	}
	tb.check("request-kind-paused")
}

func TestJourneyBadInputKeepsWhatWasTyped(t *testing.T) {
	e := newEnv(t)
	tb := newTab(t, phone)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	tb.signUpInBrowser(e, "ann@example.com", false)

	// The details of a child: an NHS number failing its check digit, a date of birth in
	// the future.
	e.verifyClaims()
	tb.at(e, "/dependants/add")
	tb.fill("nhs-number", "9000000008")
	tb.fill("given-name", "Tom")
	tb.fill("family-name", "Smith")
	tb.fill("dob-day", "1")
	tb.fill("dob-month", "6")
	tb.fill("dob-year", "2031")
	tb.tick("sex-male")
	tb.fill("relationship", "father")
	tb.submit("a wrong NHS number and a future birth date")
	tb.mustSee("There is a problem", "NHS number", "must be today or in the past")
	tb.check("error-details")
	for id, want := range map[string]string{"nhs-number": "9000000008", "given-name": "Tom", "dob-year": "2031", "relationship": "father"} {
		if got := tb.value(id); got != want {
			t.Errorf("%s holds %q after the error, want %q", id, got, want)
		}
	}
	// The summary's first link goes to the field.
	tb.do("follow the summary's link", chromedp.Click(chromedp.CSS(".nhsuk-error-summary a")))
	if hash := eval[string](tb, `location.hash`); hash != "#nhs-number" {
		t.Errorf("the error summary's first link went to %q", hash)
	}

	tb.at(e, "/request/start")
	tb.tick("kind-admin")
	tb.submit("admin")
	for _, tt := range []struct{ name, text, want string }{
		{"empty", "", "Enter what your request is about"},
		{"5,001 characters", strings.Repeat("x", 5001), "5,000 characters or fewer"},
	} {
		tb.fill("text", tt.text)
		tb.submit(tt.name)
		tb.mustSee("There is a problem", tt.want)
		if got := tb.value("text"); got != tt.text {
			t.Errorf("%s: the text holds %d characters after the error, want %d", tt.name, len(got), len(tt.text))
		}
	}
	tb.check("error-text")
	tb.fill("text", "A letter for my employer, please.")
	tb.submit("the text")

	dir := t.TempDir()
	big := filepath.Join(dir, "big.jpg")
	if err := os.WriteFile(big, append(jpegWithLocation(t), make([]byte, 20<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	notImage := filepath.Join(dir, "letter.pdf")
	if err := os.WriteFile(notImage, []byte("%PDF-1.4 not a photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ file, want string }{{big, "5 MB or smaller"}, {notImage, "must be JPEG or PNG"}} {
		tb.do("choose "+tt.file, chromedp.SetUploadFiles(chromedp.ID("photos"), []string{tt.file}))
		tb.submit("upload " + tt.file)
		tb.mustSee("There is a problem", tt.want)
	}
	tb.check("error-photos")
	tb.at(e, "/request/text")
	if got := tb.value("text"); got != "A letter for my employer, please." {
		t.Errorf("after refused photos the text is %q", got)
	}

	// The session ends mid-form (the patient went away for two hours): sending the form
	// asks them to sign in again, and what they typed is back once they have.
	tb.fill("text", "Typed before the session ended.")
	e.clock.add(2 * time.Hour)
	tb.submit("the text after the session ended")
	tb.mustSee("There is a problem", "sign in again", "kept what you typed")
	tb.check("error-session-ended")
	tb.fill("email", "ann@example.com")
	tb.fill("password", password)
	tb.submit("sign in again")
	tb.tick("kind-admin")
	tb.submit("admin again")
	if got := tb.value("text"); got != "Typed before the session ended." {
		t.Errorf("after signing in again the text is %q", got)
	}
}
