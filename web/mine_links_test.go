package web_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"triagedesk/triage"
)

// requestLink finds a link to one of the patient's requests and what it reads.
var requestLink = regexp.MustCompile(`<a href="/requests/(\d+)">(.*?)</a>`)

// sentCell finds when a request in the list was sent.
var sentCell = regexp.MustCompile(`Sent </span>(.*?)</td>`)

// TestYourRequestsLinkNamesWhatAndWhen: on "Your requests" each request's link says
// what it is about and when it was sent, which a screen reader reads out of context in
// its list of links, never the bare reference number; the number stays beside it.
func TestYourRequestsLinkNamesWhatAndWhen(t *testing.T) {
	e := newEnv(t)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(t, "ann@example.com", "9434765919")
	sent := map[int64]string{}
	for _, text := range []string{"Please send my last blood test results.", "A fit note for last week, please."} {
		sent[b.sendAdmin(text)] = text
	}
	_, page := b.get("/requests")
	links := requestLink.FindAllStringSubmatch(page, -1)
	if len(links) != len(sent) {
		t.Fatalf("the list links %d requests, want %d: %s", len(links), len(sent), page)
	}
	for _, l := range links {
		var id int64
		fmt.Sscan(l[1], &id)
		row := page[strings.Index(page, l[0]):]
		row = row[:strings.Index(row, "</tr>")]
		when := sentCell.FindStringSubmatch(row)
		if when == nil || when[1] == "" {
			t.Fatalf("request %d's row does not say when it was sent: %s", id, row)
		}
		name := html.UnescapeString(strings.Join(strings.Fields(tags.ReplaceAllString(l[2], "")), " "))
		if want := sent[id] + ", sent " + html.UnescapeString(when[1]); name != want {
			t.Errorf("request %d's link reads %q, want %q (what it is about and when it was sent, not its number)", id, name, want)
		}
		if !strings.Contains(row, "Reference </span>"+l[1]+"</td>") {
			t.Errorf("request %d's row does not show its reference beside the link: %s", id, row)
		}
	}
}

// followRequest follows the link on "Your requests" to the request whose first line
// begins with about: what a patient looks for, and what a screen reader reads out.
func (tb *tab) followRequest(about string) int {
	tb.t.Helper()
	return tb.navigateBy("follow the link to the request about "+about, chromedp.Click(chromedp.Search(`//main//a[starts-with(normalize-space(), "`+about+`")]`)))
}

// pageTitle and pageHeading find what a page's title and its heading read.
var (
	pageTitle   = regexp.MustCompile(`<title>(.*?) - `)
	pageHeading = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
)

// TestARequestsPageIsNamedLikeItsLink: a request's own page is titled and headed with
// what it is about and when it was sent, in the words of its link on "Your requests",
// not "Request 123": the title is what a screen reader announces on arrival and what a
// list of tabs shows. The reference is still on the page.
func TestARequestsPageIsNamedLikeItsLink(t *testing.T) {
	e := newEnv(t)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(t, "ann@example.com", "9434765919")
	for _, text := range []string{"Please send my last blood test results.", "A fit note for last week, please."} {
		b.sendAdmin(text)
	}
	_, list := b.get("/requests")
	links := requestLink.FindAllStringSubmatch(list, -1)
	if len(links) != 2 {
		t.Fatalf("the list links %d requests, want 2: %s", len(links), list)
	}
	for _, l := range links {
		name := html.UnescapeString(strings.Join(strings.Fields(tags.ReplaceAllString(l[2], "")), " "))
		t.Run(name, func(t *testing.T) {
			_, page := b.get("/requests/" + l[1])
			for _, tt := range []struct {
				what string
				find *regexp.Regexp
			}{{"title", pageTitle}, {"heading", pageHeading}} {
				m := tt.find.FindStringSubmatch(page)
				if m == nil {
					t.Fatalf("the page has no %s: %s", tt.what, page)
				}
				if got := html.UnescapeString(strings.Join(strings.Fields(tags.ReplaceAllString(m[1], "")), " ")); got != name {
					t.Errorf("the page's %s reads %q, want %q, as its link on Your requests", tt.what, got, name)
				}
			}
			if !strings.Contains(page, `Reference</dt><dd class="nhsuk-summary-list__value">`+l[1]+`</dd>`) {
				t.Errorf("the page does not show the reference %s: %s", l[1], page)
			}
		})
	}
}
