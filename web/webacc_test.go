package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"triagedesk/assets"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/web"
)

// Tests of the patients' accounts and sessions (issue 11, with issue 12's identity
// rules): the audited reads, the problem page, sessions that survive a restart, the
// forgotten password and the sign-in link.

// auditAfter returns the audit entries written after the entry with id after, and the
// id of the last one.
func (e *env) auditAfter(t *testing.T, after int64) ([]triage.AuditEntry, int64) {
	t.Helper()
	entries, err := e.q.AuditLog(context.Background(), after, 1000)
	if err != nil {
		t.Fatal(err)
	}
	last := after
	for _, a := range entries {
		last = max(last, a.ID)
	}
	return entries, last
}

func TestWebaccEveryPatientPageThatShowsRequestsIsAudited(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	id := b.sendAdmin("Please send my last blood test results.")
	b.get("/request/start") // a new draft, for the pages that count open requests
	b.step("kind", url.Values{"kind": {"admin"}})
	b.step("text", url.Values{"text": {"A fit note, please."}})
	b.step("photos", url.Values{})
	b.step("contact", url.Values{"phone": {"07700 900 982"}})
	_, last := e.auditAfter(t, 0)
	for _, page := range []string{"/requests", fmt.Sprintf("/requests/%d", id), fmt.Sprintf("/request/sent/%d", id), "/request/kind", "/request/check"} {
		t.Run(page, func(t *testing.T) {
			if code, body := b.get(page); code != 200 {
				t.Fatalf("%s: %d %s", page, code, body)
			}
			var entries []triage.AuditEntry
			entries, last = e.auditAfter(t, last)
			var reads []triage.AuditEntry
			for _, a := range entries {
				if a.Action == "patient-read" {
					reads = append(reads, a)
				}
			}
			if len(reads) != 1 {
				t.Fatalf("%s wrote %d patient-read audit entries, want 1: %+v", page, len(reads), entries)
			}
			if r := reads[0]; !strings.Contains(r.Records, fmt.Sprint(id)) || r.Actor == "" {
				t.Errorf("%s: the audit entry does not name who read request %d: %+v", page, id, r)
			}
		})
	}
}

// breakTable renames one of the queue's tables behind the server's back, through a
// second connection to the same SQLite file: every read of it then fails, as a
// damaged or locked database would.
func (e *env) breakTable(t *testing.T, table string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.q.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE ` + table + ` RENAME TO ` + table + `_broken`); err != nil {
		t.Fatal(err)
	}
}

func TestWebaccAStoreFailureShowsTheProblemPageNotNotFound(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(e *env, t *testing.T)
	}{
		{"the conversation cannot be read", func(e *env, t *testing.T) { e.breakTable(t, "messages") }},
		{"the queue's database is closed", func(e *env, t *testing.T) {
			if err := e.q.Close(); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			b := e.patient(t, "ann@example.com", "9434765919")
			id := b.sendAdmin("Please send my last blood test results.")
			tc.break_(e, t)
			code, page := b.get(fmt.Sprintf("/requests/%d", id))
			if code != 500 {
				t.Errorf("request %d with the store failing: %d, want 500", id, code)
			}
			if strings.Contains(page, "Request not found") || strings.Contains(page, "Sign in") && !strings.Contains(page, "Sorry") {
				t.Errorf("the patient is told the request is not there, or to sign in, for a fault at the practice's end: %s", page)
			}
			if !strings.Contains(page, "Sorry, there is a problem with the service") || !strings.Contains(page, "01632 960 123") {
				t.Errorf("the problem page does not say what happened and whom to call: %s", page)
			}
		})
	}
}

// restart stops the queue's server and its store, and starts them again on the same
// SQLite file, as a restart of queueserver would: nothing in memory survives.
func (e *env) restart(t *testing.T) {
	t.Helper()
	e.http.Close()
	path := e.q.Path()
	if err := e.q.Close(); err != nil {
		t.Fatal(err)
	}
	q, err := store.OpenQueue(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	e.q = q
	e.srv = server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	e.srv.SetClock(e.clock.now)
	e.http = httptest.NewUnstartedServer(nil)
	if err := e.mail.Attach(e.srv, "http://"+e.http.Listener.Addr().String()); err != nil {
		t.Fatal(err)
	}
	if e.web, err = web.New(e.srv, web.Options{Practice: "Main Surgery", Phone: "01632 960 123", FrontDesk: "Monday to Friday, 8am to 6:30pm"}); err != nil {
		t.Fatal(err)
	}
	e.http.Config.Handler = e.web
	e.http.Start()
	t.Cleanup(e.http.Close)
}

// webSessions returns the queue's rows of web sessions: id hash, account and last use.
func (e *env) webSessions(t *testing.T) []struct {
	hash    string
	account int64
	seen    int64
} {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.q.Path()+"?_busy_timeout=5000&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id_hash, account_id, seen_at FROM web_sessions ORDER BY id_hash`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []struct {
		hash    string
		account int64
		seen    int64
	}
	for rows.Next() {
		var r struct {
			hash    string
			account int64
			seen    int64
		}
		if err := rows.Scan(&r.hash, &r.account, &r.seen); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func (b *browser) sessionID() string {
	b.t.Helper()
	u, _ := url.Parse(b.e.http.URL)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == "triage_session" {
			return c.Value
		}
	}
	return ""
}

func TestWebaccASignedInPatientWithAHalfWrittenRequestCarriesOnAfterARestart(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	const typed = "The form the school asked for, signed by the GP please."
	b.step("text", url.Values{"text": {typed}})
	b.upload("/request/photos", "form.jpg", jpegWithLocation(t))

	e.restart(t)

	code, page := b.get("/request/photos")
	if code != 200 || !strings.Contains(page, "Add photos") {
		t.Fatalf("after the restart the patient is not on the page they left: %d %s", code, page)
	}
	if !strings.Contains(page, "You have added 1 photo.") {
		t.Errorf("the photo added before the restart is not there: %s", page)
	}
	b.step("photos", url.Values{})
	page = b.step("contact", url.Values{"phone": {"07700 900 982"}})
	if !strings.Contains(page, typed) {
		t.Fatalf("the check page after a restart lost what was typed: %s", page)
	}
	if page = b.step("check", url.Values{}); !sentRef.MatchString(page) {
		t.Fatalf("the request was not sent after the restart: %s", page)
	}
	reqs, _, err := e.q.Requests(context.Background(), 0, 10)
	if err != nil || len(reqs) != 1 || reqs[0].Text != typed {
		t.Fatalf("the queue holds %+v (%v), want the request typed before the restart", reqs, err)
	}
	if got, err := e.q.Photos(context.Background(), reqs[0].ID); err != nil || len(got) != 1 {
		t.Errorf("the photo added before the restart was not sent: %d (%v)", len(got), err)
	}
}

func TestWebaccTheQueueKeepsNoSessionIDAndNothingReadable(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	const typed = "Zebra-crossing-unusual-words in my request."
	b.step("text", url.Values{"text": {typed}})
	id := b.sessionID()
	if id == "" || len(e.webSessions(t)) != 1 {
		t.Fatalf("cookie %q, %d sessions in the queue; want one", id, len(e.webSessions(t)))
	}
	// Checkpoint the WAL so the whole database is in the file, then read its bytes.
	e.restart(t)
	for _, f := range []string{e.q.Path(), e.q.Path() + "-wal"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for what, secret := range map[string]string{"the session id": id, "what the patient typed": "Zebra-crossing"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("%s holds %s in the clear", f, what)
			}
		}
	}
}

func TestWebaccSignOutDeletesTheSessionAndIdleSessionsEnd(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	rows := e.webSessions(t)
	if len(rows) != 1 || rows[0].account == 0 {
		t.Fatalf("a signed-in patient's session in the queue: %+v", rows)
	}
	// Pages within a minute do not write the session again; after a minute they do.
	seen := rows[0].seen
	e.clock.add(30 * time.Second)
	b.get("/requests")
	if got := e.webSessions(t)[0].seen; got != seen {
		t.Errorf("a page 30 s later wrote the session's last use (%d, was %d): one write a minute at most", got, seen)
	}
	e.clock.add(40 * time.Second)
	b.get("/requests")
	if got := e.webSessions(t)[0].seen; got == seen {
		t.Errorf("a page 70 s later did not record the session's last use")
	}

	code, _ := b.post("/requests", "/sign-out", url.Values{})
	if code != 200 {
		t.Fatalf("sign out: %d", code)
	}
	if rows := e.webSessions(t); len(rows) != 0 {
		t.Errorf("after signing out the queue still holds %d sessions", len(rows))
	}

	// A session left alone for longer than the idle time ends, even across a restart,
	// and is purged from the queue. Judged by the queue's copy of its last use (after a
	// restart), which may be up to a minute behind, it has a minute more.
	other := e.patient(t, "bob@example.com", "9000000009")
	e.restart(t)
	e.clock.add(32 * time.Minute)
	if _, page := other.get("/requests"); !strings.Contains(page, "Sign in") || strings.Contains(page, "Your requests") {
		t.Errorf("an idle session was still signed in after 32 minutes: %s", page)
	}
	for _, r := range e.webSessions(t) {
		if r.account != 0 {
			t.Errorf("an idle signed-in session was not purged: %+v", r)
		}
	}
}

func TestWebaccShutdownWaitsForTheEmailSayingTheRequestArrived(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	before := e.mail.Count("ann@example.com")
	e.mail.Slow(2 * time.Second)
	b.sendAdmin("Please send my last blood test results.")
	// The queue stops as soon as the request is sent, while the email is on its way.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := e.srv.Shutdown(ctx, e.http.Config); err != nil {
		t.Fatal(err)
	}
	if n := e.mail.Count("ann@example.com"); n != before+1 {
		t.Fatalf("after shutdown the mailbox holds %d emails to the patient, want %d: the 'we have your request' email was lost", n, before+1)
	}
	if body := e.mail.Wait("ann@example.com", before+1).Body(); !strings.Contains(body, "The practice has your request") {
		t.Errorf("the email sent is not the receipt: %s", body)
	}
}

// An unverified account is told that the practice has answered and how it will hear,
// on My requests and by email, and the email is not the one that promises a message it
// could then not read (hazard H30).
func TestWebaccAnUnverifiedAccountLearnsThePracticeRepliedAndHowToGetIt(t *testing.T) {
	e := newEnv(t)
	e.listed("9434765919", "Ann", "Smith", "1980-04-21", triage.Female)
	b := e.patient(t, "ann@example.com", "9434765919")
	id := b.sendAdmin("Please send my last blood test results.")
	e.srv.WaitForMail() // the email saying the request arrived
	before := e.mail.Count("ann@example.com")
	e.deskReply(t, id, "Your cholesterol is high: please book a review.")
	e.srv.WaitForMail()

	_, page := b.get("/requests")
	for _, want := range []string{"The practice has replied", "once the practice has checked who you are", "phone you", "photo ID"} {
		if !strings.Contains(page, want) {
			t.Errorf("My requests does not say %q: %s", want, page)
		}
	}
	if strings.Contains(page, "cholesterol") {
		t.Error("My requests shows the practice's reply to an unverified account")
	}
	if n := e.mail.Count("ann@example.com"); n != before+1 {
		t.Fatalf("%d emails after the reply, want 1", n-before)
	}
	mail := e.mail.Wait("ann@example.com", before+1)
	body := mail.Body()
	if strings.Contains(mail.Data, "You have a new message") || strings.Contains(body, "To read it, sign in") {
		t.Errorf("an unverified account was told to sign in and read a message it cannot see: %s", mail.Data)
	}
	for _, want := range []string{"The practice has replied", "once the practice has checked who you are", "may phone you"} {
		if !strings.Contains(body, want) {
			t.Errorf("the email does not say %q: %s", want, body)
		}
	}
	if strings.Contains(body, "cholesterol") {
		t.Error("the email holds the message")
	}

	// Once verified, the account is told there is a message to read, and can read it.
	e.verifyClaims()
	e.deskReply(t, id, "Please also book a blood pressure check.")
	e.srv.WaitForMail()
	if mail := e.mail.Wait("ann@example.com", before+2); !strings.Contains(mail.Data, "You have a new message from the practice") {
		t.Errorf("a verified account got: %s", mail.Data)
	}
	if _, page := b.get(fmt.Sprintf("/requests/%d", id)); !strings.Contains(page, "blood pressure check") {
		t.Errorf("the verified account cannot read the reply: %s", page)
	}
}

// deskReply is a member of staff's message to the patient, sent as a desk sends it
// (the FHIR $act operation), so the queue emails the patient as it does for real.
func (e *env) deskReply(t testing.TB, id int64, msg string) {
	t.Helper()
	r, err := e.q.Request(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"kind": "respond", "channel": "message", "message": msg, "awaitReply": true})
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/fhir/Task/%d/$act", e.http.URL, id), bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.manager)
	req.Header.Set("If-Match", fmt.Sprintf(`W/"%d"`, r.Version))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		out, _ := io.ReadAll(res.Body)
		t.Fatalf("the desk's reply to request %d: %d %s", id, res.StatusCode, out)
	}
}
