package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"triagedesk/triage"
)

const password = "kettle orange cloud"

// signUp opens an account through the pages: the form, the link in the email, and
// signing in.
func (b *browser) signUp(email string) {
	b.t.Helper()
	n := b.e.mail.Count(email)
	if code, page := b.post("/sign-up", "/sign-up", url.Values{"email": {email}, "password": {password}}); code != 200 || !strings.Contains(page, "Check your email") {
		b.t.Fatalf("sign up: %d %s", code, page)
	}
	link := b.e.mail.Link(email, n+1)
	u, _ := url.Parse(link)
	if code, page := b.get(u.RequestURI()); code != 200 || !strings.Contains(page, "Your email address is confirmed") {
		b.t.Fatalf("the link in the email: %d %s", code, page)
	}
	if code, page := b.post("/sign-in", "/sign-in", url.Values{"email": {email}, "password": {password}}); code != 200 || !strings.Contains(page, "Sign out") {
		b.t.Fatalf("sign in: %d %s", code, page)
	}
}

func TestStartPageSaysWhetherTheServiceIsOpen(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name  string
		avail triage.Availability
		want  []string
		not   []string
	}{
		{"open", triage.Availability{}, []string{"Sign in to start"}, []string{"Online requests are closed", "are paused"}},
		{"closed on every day", triage.Availability{Schedule: triage.Schedule{}}, []string{"Online requests are closed", "999", "NHS 111", "pharmacy"}, []string{"Sign in to start"}},
		{"clinical paused", triage.Availability{Switch: triage.ModeClinicalPaused, SwitchMessage: "Our clinicians are fully booked"},
			[]string{"Medical requests are paused", "Our clinicians are fully booked", "still send admin requests", "reopen <strong>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := e.q.SetSetting(context.Background(), "availability", tt.avail, "mo"); err != nil {
				t.Fatal(err)
			}
			code, page := e.browser(t).get("/")
			if code != 200 {
				t.Fatalf("start page: %d", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("the start page does not say %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(page, w) {
					t.Errorf("the start page says %q", w)
				}
			}
		})
	}
}

func TestSignUpVerifySignInAndTellThePractice(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	b.signUp("ann@example.com")
	code, page := b.post("/details", "/details", url.Values{"nhs-number": {"9434765919"}, "given-name": {"Ann"}, "family-name": {"Smith"},
		"dob-day": {"21"}, "dob-month": {"4"}, "dob-year": {"1980"}, "sex": {"female"}})
	if code != 200 || !strings.Contains(page, "Waiting for the practice") || !strings.Contains(page, "Ann Smith") {
		t.Fatalf("after saving details: %d %s", code, page)
	}
	claims, _ := e.q.OpenClaims(context.Background())
	if len(claims) != 1 || claims[0].NHSNumber != "9434765919" {
		t.Fatalf("the practice's verification queue holds %+v", claims)
	}
}

func TestBadDetailsComeBackWithAnErrorSummaryAndNothingLost(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	b.signUp("bob@example.com")
	tests := []struct {
		name      string
		change    url.Values
		field     string
		message   string
		keptField string
	}{
		{"NHS number failing its check digit", url.Values{"nhs-number": {"9434765910"}}, "nhs-number", "NHS number", `value="9434765910"`},
		{"date of birth in the future", url.Values{"dob-year": {"2031"}}, "dob-day", "must be today or in the past", `value="2031"`},
		{"no sex chosen", url.Values{"sex": {""}}, "sex-female", "Select the sex", `value="Bob"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"nhs-number": {"9434765919"}, "given-name": {"Bob"}, "family-name": {"Jones"},
				"dob-day": {"2"}, "dob-month": {"3"}, "dob-year": {"1970"}, "sex": {"male"}}
			for k, v := range tt.change {
				form[k] = v
			}
			code, page := b.post("/details", "/details", form)
			if code != 200 || !strings.Contains(page, "There is a problem") {
				t.Fatalf("no error summary: %d %s", code, page)
			}
			if !strings.Contains(page, `<a href="#`+tt.field+`">`) || !strings.Contains(page, tt.message) {
				t.Errorf("the summary does not link %s with %q", tt.field, tt.message)
			}
			if !strings.Contains(page, tt.keptField) || !strings.Contains(page, `value="Jones"`) {
				t.Errorf("what was typed was lost")
			}
		})
	}
	if claims, _ := e.q.OpenClaims(context.Background()); len(claims) != 0 {
		t.Errorf("a refused form made %d claims", len(claims))
	}
}

func TestFormsNeedTheSessionsCSRFToken(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	b.get("/sign-up") // a session, but the form is sent without its token
	res, err := b.c.PostForm(e.http.URL+"/sign-up", url.Values{"email": {"eve@example.com"}, "password": {password}, "csrf": {"0000"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("a form without the CSRF token got %d, want 403", res.StatusCode)
	}
	if n := e.mail.Count("eve@example.com"); n != 0 {
		t.Errorf("a forged sign-up sent %d emails", n)
	}
}

func TestPagesSendSecurityHeadersAndSafeCookies(t *testing.T) {
	e := newEnv(t)
	res, err := http.Get(e.http.URL + "/sign-in")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	var found bool
	for _, c := range res.Cookies() {
		if c.Name == "triage_session" {
			found = true
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
				t.Errorf("session cookie %+v is not HttpOnly and SameSite=Lax", c)
			}
		}
	}
	if !found {
		t.Error("no session cookie")
	}
	// The API is still served beside the pages.
	res, err = http.Get(e.http.URL + "/fhir/metadata")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("/fhir/metadata through the pages' handler: %d", res.StatusCode)
	}
}

func TestHelpSaysThePracticesLimitInPlainWords(t *testing.T) {
	e := newEnv(t)
	if err := e.q.SetSetting(context.Background(), "limits", triage.Limits{MaxLive: 2, MaxPerDay: 1, OveruseThreshold: 8}, "mo"); err != nil {
		t.Fatal(err)
	}
	_, page := e.browser(t).get("/help")
	for _, want := range []string{"01632 960 123", "Monday to Friday, 8am to 6:30pm", "up to 2 requests open", "up to 1 in a day", "999"} {
		if !strings.Contains(page, want) {
			t.Errorf("the help page does not say %q", want)
		}
	}
}
