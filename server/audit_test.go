package server_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestReadsThatCannotBeAuditedAreRefused breaks the audit table of a real queue with
// a trigger, as a full disk or a damaged file would, and checks that no staff read
// hands out patient data unrecorded.
func TestReadsThatCannotBeAuditedAreRefused(t *testing.T) {
	ctx := context.Background()
	e, practice, path := demoEnv(t, 100, 60)
	q, h := e.q, e.http.URL
	reviewer, _ := practice.User("demo-reviewer")

	// Another connection to the same file, as an operator's tool would have.
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER audit_broken BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`); err != nil {
		t.Fatal(err)
	}
	first, _, err := q.Requests(ctx, 0, 1)
	if err != nil || len(first) == 0 {
		t.Fatal("no request to read", err)
	}
	for _, path := range []string{"/fhir/Task/1", "/fhir/Task?_count=5", "/fhir/Patient/1", "/api/v1/feed?cursor=0"} {
		t.Run(path, func(t *testing.T) {
			req, _ := http.NewRequest("GET", h+path, nil)
			req.Header.Set("Authorization", "Bearer "+reviewer.Token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusInternalServerError {
				t.Fatalf("%d, want 500 when the read cannot be audited", resp.StatusCode)
			}
			if strings.Contains(string(body), first[0].Text) {
				t.Fatal("the refusal carries what the patient wrote")
			}
		})
	}
}

// auditSince returns the queue's audit entries written after the first n.
func auditSince(t *testing.T, q *store.Queue, n int) []triage.AuditEntry {
	t.Helper()
	all, err := q.AuditLog(context.Background(), 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	return all[n:]
}

func auditCount(t *testing.T, q *store.Queue) int {
	t.Helper()
	all, err := q.AuditLog(context.Background(), 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

// TestEveryReadIsAuditedWithItsRecords: each staff read leaves one entry naming who,
// from which desk, and which records it handed out (not how many); a feed page of
// patients alone is a read too, and a patient read is stored with its patient.
func TestEveryReadIsAuditedWithItsRecords(t *testing.T) {
	ctx := context.Background()
	e, practice, _ := demoEnv(t, 100, 60)
	reviewer, _ := practice.User("demo-reviewer")
	get := func(path string) {
		t.Helper()
		req, _ := http.NewRequest("GET", e.http.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+reviewer.Token)
		req.Header.Set("X-Triage-Desk", "desk-7 (front office)")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
	}
	last, err := e.q.LastChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A change to two patients alone, as a registration or a new address makes.
	pts := []triage.Patient{practice.Practice.Patients[4], practice.Practice.Patients[9]}
	pts[0].GivenName, pts[1].GivenName = "Changed", "Changed"
	pts[0].Version++
	pts[1].Version++
	if err := e.q.Import(ctx, store.Changes{Patients: pts}); err != nil {
		t.Fatal(err)
	}

	twelve, err := e.q.Request(ctx, 12)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       triage.AuditEntry
	}{
		{"patients-only feed page", "/api/v1/feed?cursor=" + last.String(), triage.AuditEntry{Action: "sync", Records: "patients 5,10"}},
		{"feed page of requests", "/api/v1/feed?_count=2&cursor=" + (last - 2).String(), triage.AuditEntry{Action: "sync", Records: "requests 59-60"}},
		{"search", "/fhir/Task?_count=3&_offset=10", triage.AuditEntry{Action: "search", Records: "requests 11-13"}},
		{"task read", "/fhir/Task/12", triage.AuditEntry{Action: "read", RequestID: 12, PatientID: twelve.PatientID, Records: "request 12"}},
		{"patient read", "/fhir/Patient/7", triage.AuditEntry{Action: "read-patient", PatientID: 7, Records: "patient 7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := auditCount(t, e.q)
			get(tt.path)
			got := auditSince(t, e.q, before)
			if len(got) != 1 {
				t.Fatalf("%d audit entries, want one: %+v", len(got), got)
			}
			g := got[0]
			if g.Actor != "demo-reviewer" || g.Desk != "desk-7 (front office)" || g.Action != tt.want.Action || g.RequestID != tt.want.RequestID || g.PatientID != tt.want.PatientID {
				t.Fatalf("audit entry %+v, want %+v by demo-reviewer at desk-7", g, tt.want)
			}
			if tt.want.Records != "" && g.Records != tt.want.Records {
				t.Fatalf("records %q, want %q", g.Records, tt.want.Records)
			}
			if g.Records == "" || strings.ContainsAny(g.Records, "0123456789") == false {
				t.Fatalf("the entry does not say which records were read: %+v", g)
			}
		})
	}
}

// TestPatientReadsAreAudited: a patient's list of their own requests is recorded with
// the account and the requests it showed.
func TestPatientReadsAreAudited(t *testing.T) {
	e, practice, _ := demoEnv(t, 100, 60)
	acc := practice.Practice.Accounts[0]
	before := auditCount(t, e.q)
	code, m := e.call("GET", "/api/v1/requests", practice.PatientTokens[acc.ID], nil)
	if code != 200 {
		t.Fatalf("list own: %d %v", code, m)
	}
	got := auditSince(t, e.q, before)
	if len(got) != 1 || got[0].Actor != "account "+itoa(acc.ID) || got[0].Action != "patient-read" || got[0].PatientID != acc.PatientID {
		t.Fatalf("audit after a patient read: %+v", got)
	}
}
