package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The harness itself, on the one page the queue served before the patient pages: the
// link in the sign-up email opens, in a real browser, a page saying the address is
// confirmed, and the same link a second time says it has been used. axe checks both.
func TestHarnessConfirmLinkInBrowser(t *testing.T) {
	s := startSite(t)
	tb := newTab(t, phone)
	if resp := s.post(t, "/api/v1/accounts", "", `{"email":"ruth@example.com","password":"a long enough passphrase"}`); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("sign up: %d", resp.StatusCode)
	}
	link := s.mail.Link("ruth@example.com", 1)
	if !strings.HasPrefix(link, s.URL) {
		t.Fatalf("the email's link %q does not open this server %s", link, s.URL)
	}
	if status := tb.open(link); status != http.StatusOK {
		t.Fatalf("the confirm link answered %d", status)
	}
	tb.mustSee("Your email address is confirmed")
	tb.axeAt("confirm email")
	if status := tb.navigateBy("open the link again", chromedp.Reload()); status != http.StatusNotFound {
		t.Errorf("the used link answered %d, want 404", status)
	}
	if got := tb.text(); strings.Contains(got, "is confirmed") {
		t.Errorf("a used link still says the address is confirmed: %s", got)
	}
}
