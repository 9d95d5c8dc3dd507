package client_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/demo"
	"triagedesk/fhir"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// practice is a queue on a real SQLite file served on 127.0.0.1.
type practice struct {
	t        testing.TB
	queue    *store.Queue
	srv      *server.Server
	http     *httptest.Server
	reviewer string
	manager  string
	gp       string
	patients map[int64]string // account id → token
	practice *demo.Practice
}

// open in core hours, so the availability schedule accepts submissions.
var testNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func newPractice(t *testing.T, requests int) *practice { return newPracticeTB(t, requests) }

func newPracticeTB(t testing.TB, requests int) *practice {
	t.Helper()
	ctx := context.Background()
	q, err := store.OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	p := &practice{t: t, queue: q}
	pr := demo.NewPractice(9, 300, testNow)
	reqs := demo.Requests(pr, demo.RequestOptions{Seed: 9, Count: requests, Now: testNow, Classify: assets.DefaultEngine().Classify})
	if err := q.Import(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: pr.Patients, Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	p.practice = pr
	if p.patients, err = q.Logins(ctx, pr.Accounts[:50]); err != nil {
		t.Fatal(err)
	}
	p.reviewer = p.user("amy", store.RoleReviewer, "")
	p.manager = p.user("mo", store.RoleManager, "")
	p.gp = p.user("dr.lee", store.RoleClinician, triage.TeamGP)
	p.start()
	return p
}

func (p *practice) user(name string, role store.Role, team triage.Team) string {
	tok, err := p.queue.AddUser(context.Background(), name, role, team)
	if err != nil {
		p.t.Fatal(err)
	}
	return tok
}

func (p *practice) start() {
	p.srv = server.New(p.queue, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	p.srv.LongPoll = 2 * time.Second
	setNow(p.srv, testNow)
	p.http = httptest.NewServer(p.srv)
	p.t.Cleanup(p.http.Close)
}

func setNow(s *server.Server, t time.Time) { s.SetClock(func() time.Time { return t }) }

func (p *practice) desk(token string) (*client.Syncer, *store.Cache) {
	p.t.Helper()
	c, err := client.New(p.http.URL, token)
	if err != nil {
		p.t.Fatal(err)
	}
	cache, err := store.OpenCache(context.Background(), filepath.Join(p.t.TempDir(), "cache.db"))
	if err != nil {
		p.t.Fatal(err)
	}
	p.t.Cleanup(func() { cache.Close() })
	return client.NewSyncer(c, cache), cache
}

// assertMirror checks that the cache holds exactly the server's requests at the
// server's versions.
func (p *practice) assertMirror(cache *store.Cache) {
	p.t.Helper()
	ctx := context.Background()
	reqs, total, err := p.queue.Requests(ctx, 0, 1_000_000)
	if err != nil {
		p.t.Fatal(err)
	}
	got, err := cache.Versions(ctx)
	if err != nil {
		p.t.Fatal(err)
	}
	if len(got) != total {
		p.t.Fatalf("cache holds %d requests, the server %d", len(got), total)
	}
	for _, r := range reqs {
		if got[r.ID] != r.Version {
			p.t.Fatalf("request %d: cache version %d, server version %d", r.ID, got[r.ID], r.Version)
		}
	}
}

func TestFullAndIncrementalSync(t *testing.T) {
	p := newPractice(t, 400)
	s, cache := p.desk(p.reviewer)
	ctx := context.Background()
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	p.assertMirror(cache)
	if st := s.Status(); !st.Online || st.LastSync.IsZero() {
		t.Errorf("status after a good sync: %+v", st)
	}

	// A patient submits; the next pull brings it, triaged.
	acc := p.practice.Accounts[0]
	pc, _ := client.New(p.http.URL, p.patients[acc.ID])
	id, err := pc.Submit(ctx, 0, triage.Clinical, "crushing chest pain down my left arm and sweating")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	it, err := cache.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if it.Priority != triage.Emergency || it.Suggested.Reasons[0].Rule != "cardiac-chest-pain" {
		t.Errorf("submitted request arrived as %s with %v", it.Priority, it.Suggested.Reasons)
	}
	p.assertMirror(cache)
}

func TestFollowSeesASubmissionQuickly(t *testing.T) {
	p := newPractice(t, 50)
	s, cache := p.desk(p.reviewer)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	go s.Run(ctx)
	time.Sleep(100 * time.Millisecond) // let the long poll start
	acc := p.practice.Accounts[1]
	pc, _ := client.New(p.http.URL, p.patients[acc.ID])
	id, err := pc.Submit(ctx, 0, triage.Admin, "fit note please")
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := cache.Request(ctx, id); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a following desk did not see the new request within 5 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTwoDesksAssignTheSameRequest(t *testing.T) {
	p := newPractice(t, 200)
	ctx := context.Background()
	a, cacheA := p.desk(p.reviewer)
	b, cacheB := p.desk(p.manager)
	// A new request, so the test does not depend on what the demo left in the inbox.
	acc := p.practice.Accounts[2]
	pc, _ := client.New(p.http.URL, p.patients[acc.ID])
	id, err := pc.Submit(ctx, 0, triage.Admin, "repeat prescription please")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*client.Syncer{a, b} {
		if _, _, err := s.Once(ctx); err != nil {
			t.Fatal(err)
		}
	}
	r, err := cacheA.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	cal := triage.DefaultCalendar()
	if _, err := cacheA.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: r.ID, BaseVersion: r.Version, Actor: "amy", Team: triage.TeamMedicines}, cal); err != nil {
		t.Fatal(err)
	}
	if _, err := cacheB.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: r.ID, BaseVersion: r.Version, Actor: "mo", Team: triage.TeamPhysio}, cal); err != nil {
		t.Fatal(err)
	}
	if sent, err := a.Push(ctx); err != nil || sent != 1 {
		t.Fatalf("desk A push: %d sent, %v", sent, err)
	}
	if sent, err := b.Push(ctx); err != nil || sent != 0 {
		t.Fatalf("desk B push: %d sent, %v; want 0 (its change lost)", sent, err)
	}
	probs, _ := cacheB.Problems(ctx)
	if len(probs) != 1 || probs[0].State != store.OutboxConflict || !strings.Contains(probs[0].Error, "amy") {
		t.Fatalf("desk B problems = %+v, want one conflict naming amy", probs)
	}
	got, _ := cacheB.Request(ctx, r.ID)
	if got.Team != triage.TeamMedicines {
		t.Fatalf("desk B shows team %s; the winner's change (medicines) must replace its own", got.Team)
	}
	server, _ := p.queue.Request(ctx, r.ID)
	if server.Team != triage.TeamMedicines || server.Version != r.Version+1 {
		t.Fatalf("server has %s v%d: exactly one change must have won", server.Team, server.Version)
	}
}

// flaky serves the queue but breaks after a number of feed pages, as a server killed
// mid-sync would.
type flaky struct {
	h     http.Handler
	pages atomic.Int32
	limit int32
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/feed") && f.pages.Add(1) > f.limit {
		hj, ok := w.(http.Hijacker)
		if ok {
			conn, _, _ := hj.Hijack()
			conn.Close() // the server died
			return
		}
	}
	f.h.ServeHTTP(w, r)
}

func TestServerDiesMidSync(t *testing.T) {
	p := newPractice(t, 5000)
	ctx := context.Background()
	f := &flaky{h: p.srv, limit: 1} // a first page of PageSize changes, then death
	dying := httptest.NewServer(f)
	c, _ := client.New(dying.URL, p.reviewer)
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	s := client.NewSyncer(c, cache)
	if _, err := s.Pull(ctx, false); err == nil || !client.IsNetwork(err) {
		t.Fatalf("pull from a dying server: %v, want a network error", err)
	}
	dying.Close()
	if cur, _ := cache.Cursor(ctx); cur == "" {
		t.Fatal("no page was committed before the server died: the test needs some")
	}
	// Restarted: the same queue on a new address.
	c2, _ := client.New(p.http.URL, p.reviewer)
	if _, err := client.NewSyncer(c2, cache).Pull(ctx, false); err != nil {
		t.Fatal(err)
	}
	p.assertMirror(cache)
}

func TestMalformedAnswersLeaveTheCacheAlone(t *testing.T) {
	p := newPractice(t, 30)
	ctx := context.Background()
	good, cache := p.desk(p.reviewer)
	if _, _, err := good.Once(ctx); err != nil {
		t.Fatal(err)
	}
	cursor, _ := cache.Cursor(ctx)
	count, _ := cache.Count(ctx)

	// A real page to corrupt.
	req, _ := http.NewRequest("GET", p.http.URL+"/api/v1/feed?cursor=0&_count=5000", nil)
	req.Header.Set("Authorization", "Bearer "+p.reviewer)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// And the compact form a desk asks for, with one request made invalid.
	req.Header.Set("Accept", fhir.DeskContentType)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	compact, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if mt := resp.Header.Get("Content-Type"); mt != fhir.DeskContentType {
		t.Fatalf("a desk asking for the compact feed got %q", mt)
	}
	reqs, _, _ := p.queue.Requests(ctx, 0, 1)
	reqs[0].Priority = "whenever"
	var badCompact bytes.Buffer
	fhir.EncodeDeskPage(&badCompact, fhir.Records{Requests: reqs}, "99", false)
	var noCursor bytes.Buffer
	fhir.EncodeDeskPage(&noCursor, fhir.Records{}, "", false)
	// Version 1 of the compact form was gob; a later version names itself as 3.
	var gobPage bytes.Buffer
	gob.NewEncoder(&gobPage).Encode(struct{ Cursor string }{"99"})
	laterPage := bytes.Replace(compact, []byte("triagedesk-feed/2"), []byte("triagedesk-feed/3"), 1)
	if bytes.Equal(laterPage, compact) {
		t.Fatal("the compact page does not start with its form and version")
	}

	tests := []struct {
		name, contentType string
		body              []byte
		want              string
	}{
		{"truncated JSON", "application/fhir+json", page[:len(page)/2], "not a FHIR Bundle"},
		{"wrong types", "application/fhir+json", []byte(`{"resourceType":"Bundle","type":"history","entry":"lots"}`), "not a FHIR Bundle"},
		{"unknown priority code", "application/fhir+json", bytes.Replace(page, []byte(`"priority":"`), []byte(`"priority":"x`), 1), "priority"},
		{"HTML from a proxy", "text/html", []byte("<html><body>Please log in to the Wi-Fi</body></html>"), "not JSON"},
		{"too large", "application/fhir+json", bytes.Repeat([]byte(" "), client.MaxAnswer+10), "larger than"},
		{"truncated compact page", fhir.DeskContentType, compact[:len(compact)/2], "cannot be decoded"},
		{"compact page of JSON", fhir.DeskContentType, page, "cannot be decoded"},
		{"unknown priority in a compact page", fhir.DeskContentType, badCompact.Bytes(), `unknown priority "whenever"`},
		{"compact page without a cursor", fhir.DeskContentType, noCursor.Bytes(), "no cursor"},
		{"the old gob form", "application/vnd.triagedesk.feed+gob", gobPage.Bytes(), "older form"},
		{"a gob page labelled as this version", fhir.DeskContentType, gobPage.Bytes(), "cannot be decoded"},
		{"a later version of the compact form", fhir.DeskMediaType + "; v=3", laterPage, `version "3" of the desk's form`},
		{"a later version's page labelled as this one", fhir.DeskContentType, laterPage, `in version "3"`},
		{"a compact page with no version", fhir.DeskMediaType, compact, "update Triage Desk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.Write(tt.body)
			}))
			defer bad.Close()
			c, _ := client.New(bad.URL, p.reviewer)
			_, err := client.NewSyncer(c, cache).Pull(ctx, false)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one saying %q", err, tt.want)
			}
			if cur, _ := cache.Cursor(ctx); cur != cursor {
				t.Fatalf("cursor moved from %s to %s", cursor, cur)
			}
			if n, _ := cache.Count(ctx); n != count {
				t.Fatalf("cache changed from %d to %d requests", count, n)
			}
		})
	}
}

func TestStaffAPIStatuses(t *testing.T) {
	p := newPractice(t, 30)
	ctx := context.Background()
	call := func(method, path, token string, body any, header map[string]string) (int, string) {
		var rd io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
		req, _ := http.NewRequestWithContext(ctx, method, p.http.URL+path, rd)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	r, _ := p.queue.Request(ctx, 1)
	var patientToken string
	for _, tok := range p.patients {
		patientToken = tok
		break
	}
	task := func() map[string]any {
		_, body := call("GET", "/fhir/Task/1", p.reviewer, nil, nil)
		var m map[string]any
		json.Unmarshal([]byte(body), &m)
		return m
	}
	tests := []struct {
		name   string
		method string
		path   string
		token  string
		body   any
		header map[string]string
		want   int
	}{
		{"metadata needs no token", "GET", "/fhir/metadata", "", nil, nil, 200},
		{"no token", "GET", "/fhir/Task/1", "", nil, nil, 401},
		{"bad token", "GET", "/fhir/Task/1", "nonsense", nil, nil, 401},
		{"patient token on the staff API", "GET", "/fhir/Task/1", patientToken, nil, nil, 403},
		{"reviewer reads", "GET", "/fhir/Task/1", p.reviewer, nil, nil, 200},
		{"search with paging", "GET", "/fhir/Task?_count=5", p.reviewer, nil, nil, 200},
		{"no such task", "GET", "/fhir/Task/99999", p.reviewer, nil, nil, 404},
		{"reviewer cannot change settings", "PUT", "/api/v1/settings/limits", p.reviewer, triage.Limits{MaxLive: 2, OveruseThreshold: 5}, nil, 403},
		{"manager changes settings", "PUT", "/api/v1/settings/limits", p.manager, triage.Limits{MaxLive: 2, OveruseThreshold: 5}, nil, 200},
		{"bad limits", "PUT", "/api/v1/settings/limits", p.manager, triage.Limits{MaxLive: 0, OveruseThreshold: 5}, nil, 422},
		{"stale $act", "POST", "/fhir/Task/1/$act", p.reviewer, triage.Action{Kind: triage.ActNote, Message: "x"}, map[string]string{"If-Match": `W/"` + itoa(r.Version+5) + `"`}, 412},
		{"$act without If-Match", "POST", "/fhir/Task/1/$act", p.reviewer, triage.Action{Kind: triage.ActNote, Message: "x"}, nil, 422},
		{"update changing the patient's words", "PUT", "/fhir/Task/1", p.reviewer, func() any {
			m := task()
			m["input"] = []map[string]any{{"type": map[string]any{"text": "patient-text"}, "valueString": "changed"}}
			return m
		}(), map[string]string{"If-Match": `W/"` + itoa(r.Version) + `"`}, 422},
		{"stale update", "PUT", "/fhir/Task/1", p.reviewer, task(), map[string]string{"If-Match": `W/"` + itoa(r.Version+9) + `"`}, 412},
		{"update changing only a note", "PUT", "/fhir/Task/1", p.reviewer, func() any {
			m := task()
			m["note"] = []map[string]any{{"text": "called the patient"}}
			return m
		}(), map[string]string{"If-Match": `W/"` + itoa(r.Version) + `"`}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, body := call(tt.method, tt.path, tt.token, tt.body, tt.header); got != tt.want {
				t.Fatalf("%s %s = %d, want %d: %s", tt.method, tt.path, got, tt.want, body)
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestClientKilledMidBatch stops the desk's sync at many points in a full sync, as a
// crash would, and resumes each time: the cache ends up exactly the server's, with
// nothing missed and nothing applied twice.
func TestClientKilledMidBatch(t *testing.T) {
	p := newPractice(t, 3000)
	ctx := context.Background()
	c, _ := client.New(p.http.URL, p.reviewer)
	cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	s := client.NewSyncer(c, cache)
	stops := 0
	for i := 0; i < 60; i++ {
		killCtx, kill := context.WithTimeout(ctx, time.Duration(1+i%7)*time.Millisecond)
		_, err := s.Pull(killCtx, false)
		kill()
		if err == nil {
			break
		}
		stops++
	}
	if stops == 0 {
		t.Fatal("the sync was never interrupted: the test needs shorter timeouts")
	}
	if _, err := s.Pull(ctx, false); err != nil {
		t.Fatal(err)
	}
	p.assertMirror(cache)
	if n, _ := cache.Count(ctx); n != 3000 {
		t.Fatalf("cache holds %d requests, want 3000", n)
	}
}

// TestPushSendsOnlyTheSignedInUsersActions queues actions by two members of staff at
// one desk: signed in as one, the desk sends only theirs; the other's wait for them.
func TestPushSendsOnlyTheSignedInUsersActions(t *testing.T) {
	p := newPractice(t, 50)
	ctx := context.Background()
	s, cache := p.desk(p.reviewer)
	acc := p.practice.Accounts[3]
	pc, _ := client.New(p.http.URL, p.patients[acc.ID])
	var ids []int64
	for _, text := range []string{"fit note please", "repeat prescription please"} {
		id, err := pc.Submit(ctx, 0, triage.Admin, text)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	cal := triage.DefaultCalendar()
	for i, actor := range []string{"amy", "mo"} {
		r, err := cache.Request(ctx, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cache.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: r.ID, BaseVersion: r.Version, Actor: actor, Team: triage.TeamAdmin}, cal); err != nil {
			t.Fatal(err)
		}
	}
	s.User = "amy"
	if sent, err := s.Push(ctx); err != nil || sent != 1 {
		t.Fatalf("signed in as amy the desk sent %d (%v), want amy's one action", sent, err)
	}
	left, err := cache.Pending(ctx)
	if err != nil || len(left) != 1 || left[0].Action.Actor != "mo" {
		t.Fatalf("waiting after amy's push: %+v (%v), want mo's action", left, err)
	}
	if onQueue, _ := p.queue.Request(ctx, ids[1]); onQueue.Team != "" {
		t.Errorf("mo's assignment reached the queue under amy's sign-in: %+v", onQueue)
	}
}

// TestSyncFromAQueueWithoutTheCompactFeed: a queue (or a proxy) that only speaks FHIR
// still fills the desk's cache exactly.
func TestSyncFromAQueueWithoutTheCompactFeed(t *testing.T) {
	p := newPractice(t, 120)
	fhirOnly := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Accept", fhir.ContentType)
		p.srv.ServeHTTP(w, r)
	}))
	defer fhirOnly.Close()
	c, _ := client.New(fhirOnly.URL, p.reviewer)
	cache, err := store.OpenCache(context.Background(), filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	if _, _, err := client.NewSyncer(c, cache).Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	p.assertMirror(cache)
}
