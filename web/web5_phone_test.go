package web_test

// The patient pages as a patient on a phone uses them: at 375 × 812 pixels, with the
// browser's text at 100% and at 200% (a partially sighted patient's setting), every
// control big enough to tap, nothing pushed off the side, and an emergency answer the
// patient can act on with one tap.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// phoneHeight is the height of the phone the pages are checked on (375 × 812).
const phoneHeight = 812

// largeText sets the page's root font size as the browser's text-size setting does:
// the design system sizes its text in rem, so 200% here is 200% there.
func (tb *tab) largeText(percent int) {
	tb.t.Helper()
	css := ""
	if percent != 100 {
		css = fmt.Sprintf("%d%%", percent)
	}
	eval[chromedp.Void](tb, fmt.Sprintf(`document.documentElement.style.fontSize = %q`, css))
}

// callLink is run in the page: where the tap-to-call link for 999 is, or null.
const callLink = `(() => {
	const a = document.querySelector('main a[href="tel:999"]');
	if (!a) return null;
	const r = a.getBoundingClientRect();
	return {text: a.innerText.trim(), top: r.top, bottom: r.bottom, width: r.width, height: r.height};
})()`

// The page that stops a request on a red flag gives a phone a "Call 999" the patient
// can tap, big, on the first screen, straight under the heading that says to call,
// with the text at 100% and at 200%, for the patient and for a child: on a phone the
// patient should not have to find the dialler and type the number while frightened.
func TestWeb5EmergencyPageHasATapToCall999(t *testing.T) {
	s := startSite(t)
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", "female")
	s.listed(t, "401 023 2137", "Poppy", "Jones", "2022-06-03", "female")
	tb := newTab(t, phone)
	signUpAndIn(t, s, tb, "ruth@example.com", false)
	tb.open(s.URL + "/details")
	tellThePractice(t, tb, "943 476 5919", "Ruth", "Jones", "21", "4", "1980")
	tb.submit()
	s.verifyClaims(t)
	tb.open(s.URL + "/dependants/add")
	tellThePractice(t, tb, "401 023 2137", "Poppy", "Jones", "3", "6", "2022")
	tb.typeInto("relationship", "Mother")
	tb.submit()
	s.verifyClaims(t)
	for _, tt := range []struct {
		who, flag, name string
	}{
		{"who-0", "flag-chest-pain", "Call 999"},
		{"who-1", "flag-breathing", "Call 999"},
	} {
		tb.open(s.URL + "/request/start")
		tb.choose(tt.who)
		tb.submit()
		tb.choose("kind-medical")
		tb.submit()
		tb.choose(tt.flag)
		tb.submit()
		tb.mustSee("Call 999 now")
		tb.do("a phone held upright", chromedp.EmulateViewport(phone, phoneHeight))
		for _, size := range []int{100, 200} {
			tb.largeText(size)
			type box struct {
				Text                       string
				Top, Bottom, Width, Height float64
			}
			got := eval[*box](tb, callLink)
			if got == nil {
				t.Fatalf("%s, text at %d%%: the emergency page has no link that calls 999 from a phone", tt.who, size)
			}
			if got.Text != tt.name {
				t.Errorf("%s, text at %d%%: the call link says %q, want %q", tt.who, size, got.Text, tt.name)
			}
			if got.Height < 44 || got.Width < 44 {
				t.Errorf("%s, text at %d%%: the call link is %.0f × %.0f px, under 44", tt.who, size, got.Width, got.Height)
			}
			if got.Top < 0 || got.Bottom > phoneHeight {
				t.Errorf("%s, text at %d%%: the call link is at %.0f–%.0f px, not on the first %d px of the page", tt.who, size, got.Top, got.Bottom, phoneHeight)
			}
			// Nothing the patient reads in the page's main part comes before it but the
			// heading that says to call.
			before := eval[string](tb, `(() => { const a = document.querySelector('main a[href="tel:999"]'), r = document.createRange();
				r.setStart(document.querySelector("main"), 0); r.setEndBefore(a); return r.toString().replace(/\s+/g, " ").trim(); })()`)
			if before != "Emergency: Call 999 now" && before != "Emergency: Call 999 now for Poppy" {
				t.Errorf("%s, text at %d%%: before the call link the page says %q", tt.who, size, before)
			}
		}
		tb.largeText(100)
		tb.resize(phone)
	}
}

// A form sent with a mistake (a wrong password, a field left empty) comes back with the
// keyboard on the error summary, as the design system's script would put it: the
// pages have no script, so without this a keyboard or screen-reader user started again
// at the top of the page, behind the header's links, with no idea what went wrong.
// One Tab then reaches the first error's link.
func TestWeb5AFormWithAMistakeComesBackWithTheFocusOnWhatWentWrong(t *testing.T) {
	s := startSite(t)
	tb := newTab(t, phone)
	signUpAndIn(t, s, tb, "ruth@example.com", false)
	tb.navigateBy("sign out", chromedp.Click(chromedp.CSS(`footer form [type=submit]`)))
	for _, tt := range []struct {
		page  string
		fill  map[string]string
		first string
	}{
		{"/sign-in", map[string]string{"email": "ruth@example.com", "password": "not the password"}, ""},
		{"/sign-up", map[string]string{"email": "ruth@"}, "#email"},
	} {
		tb.open(s.URL + tt.page)
		for id, v := range tt.fill {
			tb.typeInto(id, v)
		}
		tb.submit()
		if len(tb.errorSummary()) == 0 {
			t.Fatalf("%s: no error summary after a mistake", tt.page)
		}
		if got := eval[string](tb, `document.activeElement ? document.activeElement.className : ""`); !strings.Contains(got, "nhsuk-error-summary") {
			t.Errorf("%s: after a mistake the keyboard is on %q, not the error summary", tt.page, got)
			continue
		}
		if tt.first == "" {
			continue
		}
		tb.do("Tab", chromedp.KeyEvent(kb.Tab))
		if got := eval[string](tb, `document.activeElement ? document.activeElement.getAttribute("href") || "" : ""`); got != tt.first {
			t.Errorf("%s: one Tab from the error summary reached %q, want its link %q", tt.page, got, tt.first)
		}
	}
}
