package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A reply that is sent reads nothing of the request: the page it goes on to is the read
// (recorded then). So the reply's own POST writes the reply's audit entry and no
// "patient-read" of a page nobody saw. A reply refused (empty) shows the request again,
// and that read is recorded.
func TestWebfixASentReplyRecordsNoReadOfItsOwn(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	e.verifyClaims()
	id := b.sendAdmin("Please send my last blood test results.")
	e.deskReply(t, id, "Which test do you mean: the one in March or in June?")
	page := fmt.Sprintf("/requests/%d", id)
	_, form := b.get(page)
	csrf := csrfField.FindStringSubmatch(form)
	if csrf == nil {
		t.Fatalf("the request page has no reply form: %s", form)
	}
	_, last := e.auditAfter(t, 0)

	post := func(text string) *http.Response {
		t.Helper()
		c := *b.c
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		res, err := c.PostForm(e.http.URL+page+"/reply", url.Values{"csrf": {csrf[1]}, "reply": {text}, "reply-key": {"k1"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	actions := func(after int64) ([]string, int64) {
		entries, last := e.auditAfter(t, after)
		var out []string
		for _, a := range entries {
			if a.RequestID == id {
				out = append(out, a.Action)
			}
		}
		return out, last
	}

	if res := post("The one in June, thank you."); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the reply: %d, want a redirect to the request", res.StatusCode)
	}
	got, last := actions(last)
	if strings.Join(got, " ") != "patient-reply" {
		t.Errorf("sending a reply recorded %q for the request, want only the reply (no read of a page not shown)", got)
	}

	if res := post("   "); res.StatusCode != http.StatusOK {
		t.Fatalf("an empty reply: %d, want the page again", res.StatusCode)
	}
	if got, _ := actions(last); strings.Join(got, " ") != "patient-read" {
		t.Errorf("an empty reply shown again recorded %q, want the one read of the page shown", got)
	}
}
