package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"triagedesk/triage"
)

// Lighthouse's accessibility score for each page, when LIGHTHOUSE names the lighthouse
// command (npm i -g lighthouse; LIGHTHOUSE=lighthouse go test -tags
// migrated_fynedo,ci -count=1 -v -run TestLighthouse ./web/). Not part of make test:
// it needs node and the network to install. It logs each page's score and the audits
// that failed; it fails only when Lighthouse cannot run or a page scores under 0.9.
func TestLighthouseAccessibility(t *testing.T) {
	lh := os.Getenv("LIGHTHOUSE")
	if lh == "" {
		t.Skip("Lighthouse runs only when LIGHTHOUSE names it: LIGHTHOUSE=lighthouse go test -run TestLighthouse ./web/")
	}
	if _, err := exec.LookPath(lh); err != nil {
		t.Fatalf("LIGHTHOUSE=%s: %v", lh, err)
	}
	s := startSite(t)
	tb := newTab(t, phone)
	signedOut := []string{"/", "/help", "/sign-up", "/sign-in"}
	signedUpPatient(t, s, tb, "ruth@example.com", true)
	// A request the practice has asked about, then a medical one half written, so
	// every request page can be shown.
	r := sendAdminRequest(t, s, tb, "A letter for my employer, please.")
	tb.open(s.URL + "/request/start")
	tb.choose("kind-medical")
	tb.submit()
	if _, err := s.q.Act(context.Background(), triage.DefaultCalendar(), triage.Action{Kind: triage.ActRespond, RequestID: r.ID, BaseVersion: r.Version,
		Actor: "rita", Channel: triage.ChannelMessage, Message: "Is the rash raised?", AwaitReply: true}); err != nil {
		t.Fatal(err)
	}
	signedIn := []string{"/details", "/dependants/add", "/request/kind", "/request/red-flags", "/request/temperature", "/request/pregnant",
		"/request/text", "/request/photos", "/request/contact", "/requests", fmt.Sprintf("/requests/%d", r.ID)}
	got, err := chromedp.Call(tb.ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		t.Fatal(err)
	}
	var jar []string
	for _, c := range got.Cookies {
		jar = append(jar, c.Name+"="+c.Value)
	}
	headers, _ := json.Marshal(map[string]string{"Cookie": strings.Join(jar, "; ")})

	run := func(path string, withCookie bool) {
		t.Helper()
		args := []string{s.URL + path, "--only-categories=accessibility", "--output=json", "--quiet",
			"--chrome-flags=--headless=new --no-sandbox"}
		if withCookie {
			args = append(args, "--extra-headers="+string(headers))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, lh, args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chromiumPath())
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("lighthouse %s: %v", path, err)
		}
		var rep struct {
			FinalURL   string `json:"finalDisplayedUrl"`
			Categories struct {
				Accessibility struct {
					Score float64 `json:"score"`
				} `json:"accessibility"`
			} `json:"categories"`
			Audits map[string]struct {
				Title string   `json:"title"`
				Score *float64 `json:"score"`
				Mode  string   `json:"scoreDisplayMode"`
			} `json:"audits"`
		}
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatalf("lighthouse %s: %v", path, err)
		}
		var failed []string
		for id, a := range rep.Audits {
			if a.Mode == "binary" && a.Score != nil && *a.Score < 1 {
				failed = append(failed, id)
			}
		}
		sort.Strings(failed)
		score := rep.Categories.Accessibility.Score * 100
		t.Logf("%-22s accessibility %3.0f  (shown %s)  failed: %s", path, score, strings.TrimPrefix(rep.FinalURL, s.URL), strings.Join(failed, ", "))
		if score < 90 {
			t.Errorf("%s scores %.0f for accessibility", path, score)
		}
	}
	for _, p := range signedIn {
		run(p, true)
	}
	for _, p := range signedOut {
		run(p, false)
	}
}
