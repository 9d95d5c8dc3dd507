package web_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"triagedesk/triage"
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
