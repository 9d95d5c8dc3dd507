package server_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
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
