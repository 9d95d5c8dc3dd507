package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"triagedesk/triage"
)

// Fuzz targets that drive the patient pages' real form handlers (a real queue on a
// SQLite file, the pages on 127.0.0.1, a real SMTP server) with whatever a browser
// could send. Whatever is typed: never a server error or a panic (a panic drops the
// connection); a value refused is a 4xx or the form again with its error summary; and
// nothing of a refused form is stored in the queue.
//
//	go test -tags migrated_fynedo,ci -run '^$' -fuzz FuzzWebfixRequestForm -fuzztime 60s ./web/

// fuzzClient is one browser for a fuzzed form: its own cookies, and redirects not
// followed, so the form's own answer is seen.
type fuzzClient struct {
	c    *http.Client
	base string
}

func newFuzzClient(e *env) *fuzzClient {
	jar, _ := cookiejar.New(nil)
	return &fuzzClient{base: e.http.URL, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// fuzzClient is a fuzz client with the cookies (the session) of a browser signed in already.
func (b *browser) fuzzClient() *fuzzClient {
	return &fuzzClient{base: b.e.http.URL, c: &http.Client{Jar: b.c.Jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// send GETs a page (form nil) or POSTs a form to it, and returns the status, the page
// and where a redirect goes.
func (fc *fuzzClient) send(t testing.TB, path string, form url.Values) (int, string, string) {
	t.Helper()
	var res *http.Response
	var err error
	if form == nil {
		res, err = fc.c.Get(fc.base + path)
	} else {
		res, err = fc.c.PostForm(fc.base+path, form)
	}
	if err != nil {
		t.Fatalf("%s: %v (a panic in a handler drops the connection)", path, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body), res.Header.Get("Location")
}

// csrf is the session's CSRF token, read from a page with a form.
func (fc *fuzzClient) csrf(t testing.TB, page string) string {
	t.Helper()
	_, body, _ := fc.send(t, page, nil)
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s has no CSRF token: %s", page, body)
	}
	return m[1]
}

// answered checks a page's answer to a fuzzed form and reports whether the form was
// taken: a redirect, or a 200 page that took (tookIt, when not nil, says which). A
// refusal must be a 4xx, or the form again (200) with its error summary.
func answered(t *testing.T, what string, status int, page string, tookIt func(string) bool) bool {
	t.Helper()
	switch {
	case status >= 500:
		t.Fatalf("%s: %d, a server error for what was typed: %s", what, status, page)
	case status == http.StatusSeeOther:
		return true
	case status == http.StatusOK && tookIt != nil && tookIt(page):
		return true
	case status == http.StatusOK:
		if !strings.Contains(page, "There is a problem") {
			t.Fatalf("%s: the form came back with no error summary: %s", what, page)
		}
	case status < 400 || status > 499:
		t.Fatalf("%s: %d, neither taken nor refused with a 4xx: %s", what, status, page)
	}
	return false
}

// fuzzValues sets a fuzzed string as a form sends it: one value, or none when empty.
func fuzzValues(form url.Values, field, v string) {
	if v != "" {
		form.Set(field, v)
	}
}

// FuzzWebfixSignUpForm: the sign-up form. A refused sign-up opens no account.
func FuzzWebfixSignUpForm(f *testing.F) {
	e := newEnv(f)
	for _, s := range [][2]string{{"ann@example.com", "kettle orange cloud"}, {"", ""}, {"ann@", "short"}, {" ANN@Example.com ", "x\x00y"},
		{"a@b.c", strings.Repeat("p", 300)}, {strings.Repeat("a", 300) + "@example.com", "kettle orange cloud"}, {"ann@example.com\r\nBcc: x@y.z", "kettle orange cloud"}} {
		f.Add(s[0], s[1])
	}
	took := map[string]bool{}
	f.Fuzz(func(t *testing.T, email, password string) {
		e.clock.add(time.Hour) // the per-address limits refill: each case is a new visitor
		fc := newFuzzClient(e)
		form := url.Values{"csrf": {fc.csrf(t, "/sign-up")}}
		fuzzValues(form, "email", email)
		fuzzValues(form, "password", password)
		status, page, _ := fc.send(t, "/sign-up", form)
		key := strings.ToLower(strings.TrimSpace(email))
		if answered(t, "sign up", status, page, nil) {
			took[key] = true
			return
		}
		if _, err := e.q.LoginByEmail(context.Background(), strings.TrimSpace(email)); err == nil && !took[key] {
			t.Fatalf("a refused sign-up (%d) opened an account for %q", status, email)
		}
	})
}

// FuzzWebfixSignInForm: the sign-in form. A refused sign-in signs nobody in.
func FuzzWebfixSignInForm(f *testing.F) {
	e := newEnv(f)
	ctx := context.Background()
	const ann, annPassword = "ann@example.com", "kettle orange cloud"
	if err := e.srv.SignUp(ctx, "127.0.0.1", ann, annPassword); err != nil {
		f.Fatal(err)
	}
	if err := e.srv.ConfirmEmail(ctx, e.mail.ConfirmToken(ann, 1)); err != nil {
		f.Fatal(err)
	}
	for _, s := range [][2]string{{ann, annPassword}, {ann, "wrong password!"}, {"", ""}, {"ANN@EXAMPLE.COM", annPassword}, {"nobody@example.com", annPassword}, {ann + "\x00", annPassword}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, email, password string) {
		e.clock.add(time.Hour)
		fc := newFuzzClient(e)
		form := url.Values{"csrf": {fc.csrf(t, "/sign-in")}}
		fuzzValues(form, "email", email)
		fuzzValues(form, "password", password)
		status, page, _ := fc.send(t, "/sign-in", form)
		if answered(t, "sign in", status, page, nil) {
			if password != annPassword {
				t.Fatalf("signed in with %q / %q, not the account's password", email, password)
			}
			return
		}
		if code, _, to := fc.send(t, "/requests", nil); code != http.StatusSeeOther || to != "/sign-in" {
			t.Fatalf("after a refused sign-in (%d) the browser reads its requests: %d %s", status, code, to)
		}
	})
}

// FuzzWebfixResetForm: asking for a password-reset link, and the new-password form
// with whatever token and password. A refused reset leaves the password as it was.
func FuzzWebfixResetForm(f *testing.F) {
	e := newEnv(f)
	ctx := context.Background()
	const ann = "ann@example.com"
	if err := e.srv.SignUp(ctx, "127.0.0.1", ann, "kettle orange cloud"); err != nil {
		f.Fatal(err)
	}
	before, err := e.q.LoginByEmail(ctx, ann)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range [][3]string{{ann, "abc", "a new long password"}, {"", "", ""}, {"nobody@x", "%00", "short"}, {ann, strings.Repeat("A", 500), "\xff\xfe"}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, email, token, password string) {
		e.clock.add(time.Hour)
		fc := newFuzzClient(e)
		csrf := fc.csrf(t, "/forgot-password")
		form := url.Values{"csrf": {csrf}}
		fuzzValues(form, "email", email)
		status, page, _ := fc.send(t, "/forgot-password", form)
		answered(t, "forgot password", status, page, func(p string) bool { return strings.Contains(p, "Check your email") })

		// The link's page with whatever token, then the form.
		if code, page, _ := fc.send(t, "/reset-password?token="+url.QueryEscape(token), nil); code >= 500 {
			t.Fatalf("the reset link's page for token %q: %d %s", token, code, page)
		}
		form = url.Values{"csrf": {csrf}}
		fuzzValues(form, "token", token)
		fuzzValues(form, "password", password)
		status, page, _ = fc.send(t, "/reset-password", form)
		if answered(t, "new password", status, page, nil) {
			t.Fatalf("a made-up token %q reset a password", token)
		}
		if now, err := e.q.LoginByEmail(ctx, ann); err != nil || now.PasswordHash != before.PasswordHash {
			t.Fatalf("a refused reset (%d) changed the account's password (%v)", status, err)
		}
	})
}

// FuzzWebfixReplyForm: the reply to the practice's question. A refused reply adds
// nothing to the conversation.
func FuzzWebfixReplyForm(f *testing.F) {
	e := newEnv(f)
	ctx := context.Background()
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(f, "ann@example.com", "9434765919")
	e.verifyClaims()
	id := b.sendAdmin("Please send my last blood test results.")
	e.deskReply(f, id, "Which test do you mean?")
	page := "/requests/" + itoa(id)
	for _, s := range [][2]string{{"The one in June.", "k1"}, {"", ""}, {"   ", "k2"}, {strings.Repeat("é", 5001), "k3"}, {"x\x00y", "\xff"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, key string) {
		fc := b.fuzzClient()
		form := url.Values{"csrf": {fc.csrf(t, page)}}
		fuzzValues(form, "reply", text)
		fuzzValues(form, "reply-key", key)
		before, err := e.q.Messages(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		status, body, _ := fc.send(t, page+"/reply", form)
		took := answered(t, "reply", status, body, nil)
		after, err := e.q.Messages(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !took && len(after) != len(before) {
			t.Fatalf("a refused reply (%d) added %d message(s)", status, len(after)-len(before))
		}
		if took && len(after) > len(before)+1 {
			t.Fatalf("one reply added %d messages", len(after)-len(before))
		}
	})
}

// FuzzWebfixRequestForm: a whole request, one question a page, with whatever is
// typed or ticked on each (who, what about, the red-flag answers, a temperature,
// pregnancy, the text, the phone number and times to avoid). At most one request is
// stored, and only when a page said it was sent: the check page, or the red-flag
// stop page that sends what was ticked.
func FuzzWebfixRequestForm(f *testing.F) {
	e := newEnv(f)
	ctx := context.Background()
	if err := e.q.SetSetting(ctx, "limits", triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 1_000_000}, "mo"); err != nil {
		f.Fatal(err)
	}
	p := e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(f, "ann@example.com", "9434765919")
	e.verifyClaims()
	who := itoa(p.ID)
	for _, s := range [][8]string{
		{who, "medical", "none", "38.4", "no", "A cough for three weeks.", "07700 900 982", "before 10am"},
		{who, "admin", "", "", "", "A fit note please.", "01632 960 001", ""},
		{who, "medical", "chest-pain", "", "", "", "", ""},
		{who, "medical", "none,chest-pain", "98.6", "maybe", strings.Repeat("a", 5001), "999", strings.Repeat("x", 300)},
		{"0", "Clinical", "", "NaN", "yes", "", "+44 (0)7700-900-982", ""},
		{who, "medication", "", "-1e309", "not-sure", "\x00", "0770090098２", "\r\n"},
	} {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])
	}
	f.Fuzz(func(t *testing.T, person, kind, flags, temperature, pregnant, text, phone, avoid string) {
		_, before, err := e.q.Requests(ctx, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		fc := b.fuzzClient()
		fc.send(t, "/request/start", nil)
		csrf := fc.csrf(t, "/request/who")
		sent := false
		step := func(name string, fields ...string) {
			form := url.Values{"csrf": {csrf}}
			for i := 0; i+1 < len(fields); i += 2 {
				if fields[i] == "flag" {
					for _, v := range strings.Split(fields[i+1], ",") {
						if v != "" {
							form.Add("flag", v)
						}
					}
					continue
				}
				fuzzValues(form, fields[i], fields[i+1])
			}
			status, page, to := fc.send(t, "/request/"+name, form)
			answered(t, "request step "+name, status, page, nil)
			if strings.HasPrefix(to, "/request/sent/") || to == "/request/stop" {
				sent = true
			}
		}
		step("who", "who", person)
		step("kind", "kind", kind)
		step("red-flags", "flag", flags)
		step("temperature", "temperature", temperature)
		step("pregnant", "pregnant", pregnant)
		step("text", "text", text)
		step("photos")
		step("contact", "phone", phone, "avoid", avoid)
		step("check")
		reqs, after, err := e.q.Requests(ctx, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case after > before+1:
			t.Fatalf("one request form stored %d requests", after-before)
		case after == before+1 && !sent:
			t.Fatalf("a request was stored (%+v) though no page said it was sent", reqs)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
