package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// A sign-in link (or a password-reset link) forwarded to someone else, or opened on a
// shared computer, says which account it signs into, so the person who opens it knows
// before they use it. The address is partly masked: the page is for whoever holds the
// link.
func TestWebfixEmailedLinkPagesNameTheAccount(t *testing.T) {
	e := newEnv(t)
	e.patient(t, "annabel.smith@example.com", "9434765919")
	for _, tc := range []struct {
		ask, page, submit string
	}{
		{"/sign-in/email", "/sign-in/link", "Sign in"},
		{"/forgot-password", "/reset-password", "Save the new password"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			b := e.browser(t)
			n := e.mail.Count("annabel.smith@example.com")
			b.post(tc.ask, tc.ask, url.Values{"email": {"annabel.smith@example.com"}})
			link := strings.TrimPrefix(e.mail.Link("annabel.smith@example.com", n+1), e.http.URL)
			code, page := b.get(link)
			if code != 200 || !strings.Contains(page, tc.submit) {
				t.Fatalf("the link's page: %d %s", code, page)
			}
			if !strings.Contains(page, "a•••@e•••.com") {
				t.Errorf("the page of a %s link does not name the account it is for (a•••@e•••.com): %s", tc.page, page)
			}
			if strings.Contains(page, "annabel.smith") || strings.Contains(page, "example.com") {
				t.Errorf("the page shows the address's name or domain to whoever holds the link: %s", page)
			}
			if !strings.Contains(page, "not your email address") {
				t.Errorf("the page does not say what to do if the account is not yours: %s", page)
			}
		})
	}
}

// A new password that is refused (too short) shows the form again with the reason and
// the account still named.
func TestWebfixAShortNewPasswordKeepsTheAccountNamed(t *testing.T) {
	e := newEnv(t)
	e.patient(t, "annabel.smith@example.com", "9434765919")
	b := e.browser(t)
	b.post("/forgot-password", "/forgot-password", url.Values{"email": {"annabel.smith@example.com"}})
	link := strings.TrimPrefix(e.mail.Link("annabel.smith@example.com", e.mail.Count("annabel.smith@example.com")), e.http.URL)
	u, _ := url.Parse(link)
	for _, tc := range []struct{ password, says string }{
		{"", "Enter a new password"},
		{"short", "10 characters"},
	} {
		code, page := b.post(link, "/reset-password", url.Values{"token": {u.Query().Get("token")}, "password": {tc.password}})
		if code != 200 || !strings.Contains(page, tc.says) || !strings.Contains(page, "a•••@e•••.com") {
			t.Errorf("a new password %q: %d, want the form again saying %q and naming a•••@e•••.com: %s", tc.password, code, tc.says, page)
		}
	}
}
