package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/fhir"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// longPoll is one desk's feed request with wait=1, in the compact form or as FHIR.
type longPoll struct {
	desk string
	page fhir.FeedPage
	err  error
}

// startLongPolls sends one waiting feed request per desk from cursor after and
// returns where their answers arrive; it returns once they are all waiting, or one
// has been answered.
func startLongPolls(t *testing.T, e *env, token string, after store.Cursor, desks []string, compact func(i int) bool) <-chan longPoll {
	t.Helper()
	before := e.srv.WaitingFeeds()
	out := make(chan longPoll, len(desks))
	for i, desk := range desks {
		go func() {
			req, _ := http.NewRequest("GET", fmt.Sprintf("%s%s?wait=1&cursor=%s", e.http.URL, fhir.FeedPath, after), nil)
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("X-Triage-Desk", desk)
			parse := fhir.ParseFeed
			if compact(i) {
				req.Header.Set("Accept", fhir.DeskContentType)
				parse = fhir.ParseDeskPage
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				out <- longPoll{desk: desk, err: err}
				return
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				out <- longPoll{desk: desk, err: fmt.Errorf("%d: %s", resp.StatusCode, body)}
				return
			}
			page, err := parse(body)
			out <- longPoll{desk: desk, page: page, err: err}
		}()
	}
	for e.srv.WaitingFeeds() < before+len(desks) && len(out) == 0 {
		time.Sleep(time.Millisecond) // waiting for the requests to arrive, not timing anything
	}
	return out
}

// TestDesksWaitingTogetherShareOnePage: twenty desks waiting at the same cursor when
// a request arrives get it from one read of the queue, and the audit trail still has
// one entry per desk naming the request each received and from which desk.
func TestDesksWaitingTogetherShareOnePage(t *testing.T) {
	ctx := context.Background()
	e, practice, _ := demoEnv(t, 100, 60)
	e.srv.LongPoll = time.Minute // a desk that is not woken fails the test, however slow the machine
	reviewer, _ := practice.User("demo-reviewer")
	head, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var desks []string
	for i := range 20 {
		desks = append(desks, fmt.Sprintf("desk %02d", i+1))
	}
	// One in four asks for FHIR, as a third-party client would: it shares the read.
	answers := startLongPolls(t, e, reviewer.Token, head, desks, func(i int) bool { return i%4 != 0 })
	readsBefore := e.srv.FeedStats().Pages
	auditBefore := auditCount(t, e.q)

	acc := practice.Practice.Accounts[0]
	code, m := e.call("POST", "/api/v1/requests", practice.PatientTokens[acc.ID], map[string]any{"kind": "admin", "text": "a fit note please"})
	if code != http.StatusCreated {
		t.Fatalf("submit: %d %v", code, m)
	}
	id := int64(m["id"].(float64))

	for range desks {
		a := <-answers
		if a.err != nil {
			t.Fatalf("%s: %v", a.desk, a.err)
		}
		if len(a.page.Requests) != 1 || a.page.Requests[0].ID != id {
			t.Fatalf("%s got %d requests, want request %d alone", a.desk, len(a.page.Requests), id)
		}
		if a.page.More {
			t.Fatalf("%s was told there is more", a.desk)
		}
	}
	if reads := e.srv.FeedStats().Pages - readsBefore; reads != 1 {
		t.Errorf("the queue read the page %d times for %d desks, want once", reads, len(desks))
	}
	var got []string
	for _, a := range auditSince(t, e.q, auditBefore) {
		if a.Action != "sync" {
			continue
		}
		if a.Actor != "demo-reviewer" || a.Records != fmt.Sprintf("request %d", id) || a.RequestID != id {
			t.Errorf("feed entry %+v: want demo-reviewer receiving request %d", a, id)
		}
		got = append(got, a.Desk)
	}
	sort.Strings(got)
	if fmt.Sprint(got) != fmt.Sprint(desks) {
		t.Errorf("feed entries from desks %v, want one from each of %v", got, desks)
	}
}

// TestAChangeWithoutNotifyStillReachesAWaitingDesk: a change committed by something
// that did not announce it (another process on the same file, an import) reaches a
// desk that starts waiting after it, instead of waiting for an unrelated change.
func TestAChangeWithoutNotifyStillReachesAWaitingDesk(t *testing.T) {
	ctx := context.Background()
	e, practice, _ := demoEnv(t, 100, 60)
	e.srv.LongPoll = time.Minute
	reviewer, _ := practice.User("demo-reviewer")
	head, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The server has announced head: a desk waits at it, and is answered empty at the
	// end of a short poll.
	e.srv.Notify()
	p := practice.Practice.Patients[3]
	p.GivenName, p.Version = "Renamed", p.Version+1
	if err := e.q.Import(ctx, store.Changes{Patients: []triage.Patient{p}}); err != nil {
		t.Fatal(err)
	}
	a := <-startLongPolls(t, e, reviewer.Token, head, []string{"desk 1"}, func(int) bool { return true })
	if a.err != nil {
		t.Fatal(a.err)
	}
	if len(a.page.Patients) != 1 || a.page.Patients[0].GivenName != "Renamed" {
		t.Fatalf("the waiting desk got %+v, want the renamed patient", a.page.Patients)
	}
}

// BenchmarkFeedTo200Desks: each op is one patient's submission reaching 200 desks that
// follow the feed over HTTP with long polls and compact pages; pages/op is how often
// the queue read (and encoded) a page for them, replies/op how many answers it sent.
func BenchmarkFeedTo200Desks(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	q, err := store.OpenQueue(ctx, filepath.Join(b.TempDir(), "queue.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	practice, err := server.FillDemo(ctx, q, 4, 100, 60, tuesday)
	if err != nil {
		b.Fatal(err)
	}
	if err := q.SetSetting(ctx, "limits", triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 8}, "bench"); err != nil {
		b.Fatal(err)
	}
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	srv.SetClock(func() time.Time { return tuesday })
	h := httptest.NewServer(srv)
	defer h.Close()
	h.Client().Transport.(*http.Transport).MaxIdleConnsPerHost = 300
	reviewer, _ := practice.User("demo-reviewer")
	head, err := q.LastChange(ctx)
	if err != nil {
		b.Fatal(err)
	}
	const desks = 200
	seen := make([]atomic.Int64, desks) // the newest request each desk has
	for d := range desks {
		go func() {
			cursor := head.String()
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s%s?wait=1&cursor=%s", h.URL, fhir.FeedPath, cursor), nil)
				req.Header.Set("Authorization", "Bearer "+reviewer.Token)
				req.Header.Set("X-Triage-Desk", fmt.Sprintf("desk %d", d))
				req.Header.Set("Accept", fhir.DeskContentType)
				resp, err := h.Client().Do(req)
				if err != nil {
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				page, err := fhir.ParseDeskPage(body)
				if err != nil {
					continue
				}
				for _, r := range page.Requests {
					if r.ID > seen[d].Load() {
						seen[d].Store(r.ID)
					}
				}
				cursor = page.Cursor
			}
		}()
	}
	acc := practice.Practice.Accounts[0]
	submit := func() int64 {
		body := strings.NewReader(`{"kind": "admin", "text": "a fit note please"}`)
		req, _ := http.NewRequest("POST", h.URL+"/api/v1/requests", body)
		req.Header.Set("Authorization", "Bearer "+practice.PatientTokens[acc.ID])
		req.Header.Set("Content-Type", "application/json")
		resp, err := h.Client().Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		var m struct{ ID int64 }
		if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || m.ID == 0 {
			b.Fatalf("submit: %d %v", resp.StatusCode, err)
		}
		return m.ID
	}
	before := srv.FeedStats()
	b.ResetTimer()
	for range b.N {
		id := submit()
		for d := range desks {
			for seen[d].Load() < id {
				time.Sleep(100 * time.Microsecond)
			}
		}
	}
	b.StopTimer()
	cancel() // the desks hang up before the server closes
	after := srv.FeedStats()
	b.ReportMetric(float64(after.Pages-before.Pages)/float64(b.N), "pages/op")
	b.ReportMetric(float64(after.Replies-before.Replies)/float64(b.N), "replies/op")
}

// TestAWaitingDeskIsNotServedAfterItsTokenIsRevoked: a desk already waiting on the feed
// when its token is revoked (a member of staff leaves; `queueserver user revoke`) must not
// be handed the next page of patients' requests on the strength of a check made up to a
// long poll earlier: it is told to sign in again, and the audit names no read by it.
func TestAWaitingDeskIsNotServedAfterItsTokenIsRevoked(t *testing.T) {
	ctx := context.Background()
	e, practice, _ := demoEnv(t, 100, 60)
	e.srv.LongPoll = time.Minute // a desk that is not woken fails the test, however slow the machine
	reviewer, _ := practice.User("demo-reviewer")
	head, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	answers := startLongPolls(t, e, reviewer.Token, head, []string{"desk 1"}, func(int) bool { return true })
	other, err := store.OpenQueue(ctx, e.q.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.RevokeUser(ctx, "demo-reviewer", "mo"); err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	auditBefore := auditCount(t, e.q)
	acc := practice.Practice.Accounts[0]
	if code, m := e.call("POST", "/api/v1/requests", practice.PatientTokens[acc.ID], map[string]any{"kind": "admin", "text": "a fit note please"}); code != http.StatusCreated {
		t.Fatalf("submit: %d %v", code, m)
	}
	a := <-answers
	if a.err == nil || !strings.HasPrefix(a.err.Error(), "401") {
		t.Fatalf("the revoked desk got %d requests (err %v), want 401", len(a.page.Requests), a.err)
	}
	for _, entry := range auditSince(t, e.q, auditBefore) {
		if entry.Action == "sync" {
			t.Errorf("audit has a feed read by the revoked desk: %+v", entry)
		}
	}
}

// TestFeedFormOfAnotherDeskVersion: the queue sends the compact feed only to a desk of
// its own version of the form; a desk of an older (gob) or later version, which names
// another form, gets the FHIR Bundle every version reads, never a page it would misread.
func TestFeedFormOfAnotherDeskVersion(t *testing.T) {
	e, practice, _ := demoEnv(t, 20, 10)
	reviewer, _ := practice.User("demo-reviewer")
	tests := []struct {
		name, accept, want string
	}{
		{"this version", fhir.DeskContentType + ", " + fhir.ContentType, fhir.DeskContentType},
		{"the old gob form", "application/vnd.triagedesk.feed+gob, " + fhir.ContentType, fhir.ContentType},
		{"a later version", fhir.DeskMediaType + ";v=3, " + fhir.ContentType, fhir.ContentType},
		{"the form without a version", fhir.DeskMediaType + ", " + fhir.ContentType, fhir.ContentType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", e.http.URL+fhir.FeedPath+"?cursor=0&_count=5000", nil)
			req.Header.Set("Authorization", "Bearer "+reviewer.Token)
			req.Header.Set("Accept", tt.accept)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || !strings.HasPrefix(ct, tt.want) {
				t.Fatalf("answered %d with %q, want 200 with %q", resp.StatusCode, ct, tt.want)
			}
			parse := fhir.ParseFeed
			if tt.want == fhir.DeskContentType {
				parse = fhir.ParseDeskPage
			}
			if page, err := parse(body); err != nil || len(page.Requests) != 10 {
				t.Fatalf("the page reads as %d requests, %v", len(page.Requests), err)
			}
		})
	}
}
