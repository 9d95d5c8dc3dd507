package web_test

import (
	"strings"
	"testing"
)

// The request's text box counts down while the patient types (the issue: "the free
// text (5,000 characters, with a counter)"), in the design system's words, and says
// how many characters are too many before the server has to refuse them. The counter
// is a script of the site's own, which the Content-Security-Policy must let run.
func TestRequestTextCountsDownAsThePatientTypes(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	verifiedPatient(t, s, tb, "counter@example.com")
	tb.open(s.URL + "/request/start")
	tb.choose("kind-admin")
	tb.submit()
	count := func() string {
		return eval[string](tb, `(function(){var m=document.getElementById("text-count");return m.hidden?"(hidden)":m.textContent})()`)
	}
	if got := count(); got != "You have 5,000 characters remaining" {
		t.Errorf("before typing the counter reads %q", got)
	}
	tb.typeInto("text", "A fit note, please. Ché.")
	if got := count(); got != "You have 4,976 characters remaining" {
		t.Errorf("after 24 characters (one of them é) the counter reads %q", got)
	}
	tb.typeInto("text", strings.Repeat("x", 4986))
	if got := count(); got != "You have 10 characters too many" {
		t.Errorf("at 5,010 characters the counter reads %q", got)
	}
	if cls := eval[string](tb, `document.getElementById("text-count").className`); cls != "nhsuk-error-message" {
		t.Errorf("too many characters are shown as %q, not as an error", cls)
	}
	tb.axeAt("request: text too long, counted")
}
