package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestWebaccEmailedLinksExpire(t *testing.T) {
	e := newEnv(t)
	e.q.Now = e.clock.now // the links' expiry is the queue's, on the test's clock
	e.patient(t, "ann@example.com", "9434765919")
	for _, tc := range []struct {
		ask, page string
		valid     time.Duration
	}{
		{"/forgot-password", "/reset-password", 30 * time.Minute},
		{"/sign-in/email", "/sign-in/link", 15 * time.Minute},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			b := e.browser(t)
			n := e.mail.Count("ann@example.com")
			if _, page := b.post(tc.ask, tc.ask, url.Values{"email": {"ann@example.com"}}); !strings.Contains(page, "If there is an account for ann@example.com, we have sent a link") {
				t.Fatalf("asking at %s: %s", tc.ask, page)
			}
			link := strings.TrimPrefix(e.mail.Link("ann@example.com", n+1), e.http.URL)
			if !strings.HasPrefix(link, tc.page+"?token=") {
				t.Fatalf("the link %q does not open %s", link, tc.page)
			}
			e.clock.add(tc.valid - time.Minute)
			if code, page := b.get(link); code != 200 {
				t.Errorf("the link a minute before it expires: %d %s", code, page)
			}
			e.clock.add(2 * time.Minute)
			if code, page := b.get(link); code != 404 || !strings.Contains(page, "expired") {
				t.Errorf("the link a minute after it expires: %d %s", code, page)
			}
		})
	}
}

func TestWebaccAskingForLinksIsRateLimited(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	// Per address: the fourth ask within minutes is refused, and sends nothing.
	for i := 1; i <= 4; i++ {
		ask := "/forgot-password"
		if i%2 == 0 {
			ask = "/sign-in/email"
		}
		status, page := b.post(ask, ask, url.Values{"email": {"bob@example.com"}})
		if refused := strings.Contains(strings.ToLower(page), "too many"); refused != (i == 4) {
			t.Errorf("ask %d for bob@example.com: refused %v: %s", i, refused, page)
		}
		if want := map[bool]int{true: http.StatusTooManyRequests, false: http.StatusOK}[i == 4]; status != want {
			t.Errorf("ask %d for bob@example.com answered %d, want %d", i, status, want)
		}
	}
	if n := e.mail.Count("bob@example.com"); n != 3 {
		t.Errorf("%d emails to one address, want 3", n)
	}
	// Per client address: many addresses from one place are refused too.
	refused := 0
	for i := 0; i < 12; i++ {
		if _, page := b.post("/forgot-password", "/forgot-password", url.Values{"email": {fmt.Sprintf("p%d@example.com", i)}}); strings.Contains(strings.ToLower(page), "too many") {
			refused++
		}
	}
	if refused == 0 {
		t.Error("one client asked for links to 12 addresses in a row and none was refused")
	}
}
