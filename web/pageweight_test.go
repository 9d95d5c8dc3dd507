package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"triagedesk/triage"
)

// resource is one file a page loaded, with its size as the browser saw it.
type resource struct {
	URL      string
	Type     string
	Raw      int // the body as the page uses it
	Gzip     int // the body gzipped (what a server that compresses would send)
	Transfer int // headers and body as they came over the wire (compressed when the server did)
}

// weigh opens url with the browser's cache off, as a patient's first visit, and
// returns every file the page loaded (the HTML, the CSS, images and fonts).
func (tb *tab) weigh(url string) []resource {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		tb.t.Fatalf("turn the cache off: %v", err)
	}
	defer chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: false})
	var mu sync.Mutex
	seen := map[network.RequestID]*resource{}
	var done []network.RequestID
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	if err := chromedp.Listen(lctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			seen[ev.RequestID] = &resource{URL: ev.Response.URL, Type: string(ev.Type)}
		case *network.EventLoadingFinished:
			if r := seen[ev.RequestID]; r != nil {
				r.Transfer = int(ev.EncodedDataLength) // headers and body as they came over the wire
				done = append(done, ev.RequestID)
			}
		}
	}); err != nil {
		tb.t.Fatalf("listen to the network: %v", err)
	}
	tb.open(url)
	tb.do("let the page settle", chromedp.Evaluate[chromedp.Void](`document.fonts ? document.fonts.ready.then(() => true) : true`, chromedp.EvalAwaitPromise))
	stop()
	mu.Lock()
	defer mu.Unlock()
	var out []resource
	for _, id := range done {
		r := seen[id]
		var b []byte
		if body, err := chromedp.Call(ctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: id}); err == nil {
			b = body.Body // cdproto decodes a base64 body itself
		} else if b, err = fetch(r.URL); err != nil {
			// The browser keeps no body for some requests (the favicon, which it
			// fetches for itself); a static file is fetched again instead.
			tb.t.Fatalf("the body of %s: %v", r.URL, err)
		}
		r.Raw = len(b)
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		r.Gzip = gz.Len()
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

// pageWeightLimit is the target for one page with everything it loads, as
// sent over the network.
const pageWeightLimit = 100 << 10

// Every page a patient meets, on a first visit with nothing cached, weighs under
// 100 KB over the network and uncompressed (HTML, CSS, images and fonts together).
// The figures, raw and gzipped, are logged: go test -v -run TestPageWeight ./web/
func TestPageWeight(t *testing.T) {
	s := startSite(t)
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", "female")
	tb := newTab(t, phone)
	pages := []string{"/", "/help", "/sign-up", "/sign-in", "/check-email"}
	weigh := func(path string) {
		t.Helper()
		rs := tb.weigh(s.URL + path)
		var raw, gz, transfer int
		var parts []string
		for _, r := range rs {
			raw, gz, transfer = raw+r.Raw, gz+r.Gzip, transfer+r.Transfer
			parts = append(parts, fmt.Sprintf("%s %s %d/%d/%d", r.Type, strings.TrimPrefix(r.URL, s.URL), r.Raw, r.Gzip, r.Transfer))
		}
		t.Logf("%-18s raw %6.1f KB  gzip %5.1f KB  sent %5.1f KB  (%d files: %s)", path, kbytes(raw), kbytes(gz), kbytes(transfer), len(rs), strings.Join(parts, "; "))
		if transfer > pageWeightLimit {
			t.Errorf("%s weighs %.1f KB over the network, over the %d KB target", path, kbytes(transfer), pageWeightLimit>>10)
		}
		// Raw too: a browser parses all of it, and a proxy may not compress.
		if raw > pageWeightLimit {
			t.Errorf("%s weighs %.1f KB uncompressed, over the %d KB target", path, kbytes(raw), pageWeightLimit>>10)
		}
		if len(rs) < 2 || transfer == 0 {
			t.Errorf("%s: the browser reported no page and stylesheet, or nothing sent: %+v", path, rs)
		}
	}
	for _, p := range pages {
		weigh(p)
	}
	signUpAndIn(t, s, tb, "ruth@example.com", false)
	for _, p := range []string{"/details", "/dependants/add", "/requests"} {
		weigh(p)
	}
	tb.open(s.URL + "/details")
	tellThePractice(t, tb, "943 476 5919", "Ruth", "Jones", "21", "4", "1980")
	tb.submit()
	s.verifyClaims(t)
	tb.open(s.URL + "/request/start")
	for _, p := range []string{"/request/kind"} {
		weigh(p)
	}
	tb.choose("kind-medical")
	tb.submit()
	weigh("/request/red-flags") // the longest form
}

// fetch gets a file as a browser without cookies would.
func fetch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s answered %d", url, resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

func kbytes(n int) float64 { return float64(n) / 1024 }

// --- screenshots ------------------------------------------------------------------------

// shots saves screenshots of pages at 375 pixels wide, numbered in the order taken,
// into the folder SCREENSHOTS names (relative to the repository's root); nothing when
// it is not set.
type shots struct {
	dir string
	n   int
}

func newShots(t *testing.T) *shots {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("screenshots are taken only when SCREENSHOTS names a folder: SCREENSHOTS=docs/web go test -run Screenshots ./web/")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir) // go test runs in web/
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "[0-9][0-9]-*.png"))
	for _, f := range old {
		os.Remove(f)
	}
	return &shots{dir: dir}
}

// take saves the whole page the tab shows as NN-name.png.
func (sh *shots) take(tb *tab, name string) {
	tb.t.Helper()
	sh.n++
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(sh.dir, fmt.Sprintf("%02d-%s.png", sh.n, name)), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// Screenshots of every page at 375 pixels wide, for docs/web/:
// SCREENSHOTS=docs/web go test -tags migrated_fynedo,ci -run Screenshots ./web/
func TestScreenshots(t *testing.T) {
	sh := newShots(t)
	visitEveryPage(t, sh.take)
}

// visitEveryPage walks a patient through every page at 375 pixels wide, from the start
// page to signing out, and calls at on each page as it is shown.
func visitEveryPage(t *testing.T, at func(tb *tab, name string)) {
	s := startSite(t)
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", "female")
	s.listed(t, "401 023 2137", "Poppy", "Jones", "2022-06-03", "female")
	tb := newTab(t, phone)
	tb.open(s.URL + "/")
	at(tb, "start")
	tb.open(s.URL + "/help")
	at(tb, "help")
	tb.open(s.URL + "/sign-up")
	at(tb, "sign-up")
	tb.typeInto("email", "ruth@")
	tb.submit()
	at(tb, "sign-up-errors")
	tb.open(s.URL + "/sign-up")
	tb.typeInto("email", "ruth@example.com")
	tb.typeInto("password", patientPassword)
	tb.submit()
	at(tb, "check-email")
	link := s.mail.Link("ruth@example.com", 1)
	tb.open(link)
	at(tb, "email-confirmed")
	tb.open(link)
	at(tb, "link-used")
	tb.open(s.URL + "/sign-in")
	at(tb, "sign-in")
	tb.typeInto("email", "ruth@example.com")
	tb.typeInto("password", patientPassword)
	tb.submit()
	at(tb, "signed-in-start")
	tb.open(s.URL + "/details")
	at(tb, "details-empty")
	tb.typeInto("nhs-number", "943 476 5918")
	tb.typeInto("dob-year", "2099")
	tb.submit()
	at(tb, "details-errors")
	tb.open(s.URL + "/details")
	tellThePractice(t, tb, "943 476 5919", "Ruth", "Jones", "21", "4", "1980")
	tb.submit()
	at(tb, "details-sent")
	s.verifyClaims(t)
	tb.open(s.URL + "/details")
	at(tb, "details-checked")
	tb.open(s.URL + "/dependants/add")
	at(tb, "add-child")
	tellThePractice(t, tb, "401 023 2137", "Poppy", "Jones", "3", "6", "2022")
	tb.typeInto("relationship", "Mother")
	tb.submit()
	at(tb, "child-added")
	tb.open(s.URL + "/request/start")
	at(tb, "request-who")
	tb.choose("who-0")
	tb.submit()
	at(tb, "request-kind")
	tb.choose("kind-medical")
	tb.submit()
	at(tb, "request-red-flags")
	tb.choose("flag-none")
	tb.submit()
	at(tb, "request-temperature")
	tb.typeInto("temperature", "38.2")
	tb.submit()
	at(tb, "request-pregnant")
	tb.choose("pregnant-no")
	tb.submit()
	at(tb, "request-text")
	tb.setValue("text", strings.Repeat("a", 5001))
	tb.submit()
	at(tb, "request-text-too-long")
	tb.setValue("text", "A rash on my arm for three days, itchy, spreading a little. Tried antihistamines.")
	tb.submit()
	at(tb, "request-photos")
	tb.submit()
	at(tb, "request-contact")
	tb.typeInto("phone", "07700 900 982")
	tb.typeInto("avoid", "not before 10am")
	tb.submit()
	at(tb, "request-check")
	tb.submit()
	at(tb, "request-sent")
	tb.open(s.URL + "/requests")
	at(tb, "your-requests")
	tb.do("open the request", chromedp.Click(chromedp.CSS(`main table a`)))
	tb.do("wait for it", chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	at(tb, "one-request")
	reqs, _, err := s.q.Requests(context.Background(), 0, 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("the practice has %d requests (%v), want 1", len(reqs), err)
	}
	if _, err := s.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActRespond, RequestID: reqs[0].ID,
		BaseVersion: reqs[0].Version, Actor: "rita", Channel: triage.ChannelMessage,
		Message: "Thank you. Is the rash raised, and has it spread since you sent the photo?", AwaitReply: true}); err != nil {
		t.Fatal(err)
	}
	s.srv.Notify()
	tb.open(s.URL + "/requests")
	at(tb, "your-requests-awaiting-you")
	tb.open(s.URL + fmt.Sprintf("/requests/%d", reqs[0].ID))
	at(tb, "one-request-practice-asks")
	tb.typeInto("reply", "It is a little raised and has not spread.")
	tb.submit()
	at(tb, "one-request-replied")
	tb.open(s.URL + "/request/start")
	tb.choose("who-0")
	tb.submit()
	tb.choose("kind-medical")
	tb.submit()
	tb.choose("flag-chest-pain")
	tb.submit()
	at(tb, "request-stop-call-999")
	tb.open(s.URL + "/request/start")
	tb.choose("who-1") // Poppy, four
	tb.submit()
	tb.choose("kind-medical")
	tb.submit()
	at(tb, "request-red-flags-child")
	tb.choose("flag-breathing")
	tb.submit()
	at(tb, "request-stop-call-999-child")
	tb.navigateBy("sign out", chromedp.Click(chromedp.CSS(`footer form [type=submit]`)))
	at(tb, "signed-out")

	// The forgotten password and the sign-in link, signed out as a patient who has
	// forgotten would be. The reset link is read from the real SMTP server.
	tb.open(s.URL + "/sign-in")
	tb.follow("Forgot your password?")
	at(tb, "forgot-password")
	before := s.mail.Count("ruth@example.com")
	tb.typeInto("email", "ruth@example.com")
	tb.submit()
	at(tb, "reset-link-sent")
	resetLink := regexp.MustCompile(`https?://\S+/reset-password\?token=[A-Za-z0-9_-]+`)
	reset := ""
	for n := before + 1; reset == "" && n <= before+3; n++ {
		reset = resetLink.FindString(s.mail.Wait("ruth@example.com", n).Body())
	}
	tb.open(reset)
	at(tb, "choose-new-password")
	tb.open(s.URL + "/sign-in")
	tb.follow("Email me a link to sign in instead")
	at(tb, "sign-in-with-email-link")

	for _, tt := range []struct{ name, availability string }{
		{"start-closed", `{"closures":[{"from":"2026-11-24T09:00:00Z","to":"2026-11-24T14:00:00Z","reason":"staff training"}]}`},
		{"start-clinical-paused", `{"switch":"clinical-paused","switchMessage":"The duty doctor's list is full today"}`},
	} {
		if code := s.api(t, "PUT", "/api/v1/settings/availability", s.manager, tt.availability); code != 200 {
			t.Fatalf("set availability: %d", code)
		}
		tb.open(s.URL + "/")
		at(tb, tt.name)
	}

	// The page an emailed sign-in link opens, naming the account it signs into.
	before = s.mail.Count("ruth@example.com")
	tb.open(s.URL + "/sign-in/email")
	tb.typeInto("email", "ruth@example.com")
	tb.submit()
	signInLink := regexp.MustCompile(`https?://\S+/sign-in/link\?token=[A-Za-z0-9_-]+`)
	link = ""
	for n := before + 1; link == "" && n <= before+3; n++ {
		link = signInLink.FindString(s.mail.Wait("ruth@example.com", n).Body())
	}
	tb.open(link)
	at(tb, "sign-in-link-opened")
}
