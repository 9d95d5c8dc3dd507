package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/demo"
	"triagedesk/triage"
)

// TestAuditEntriesWrittenTogetherFailAlone: the audit entries of one group transaction
// are written in one statement; when the database refuses one of them, the others
// and the submission beside them are still committed, and only the refused entry's
// caller hears of it.
func TestAuditEntriesWrittenTogetherFailAlone(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// A refusal the audit table can give one row, as a full disk would give them all.
	if _, err := q.w.ExecContext(ctx, `CREATE TRIGGER audit_refuse BEFORE INSERT ON audit WHEN NEW.actor = 'refused'
		BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`); err != nil {
		t.Fatal(err)
	}
	entry := func(actor, desk string) *triage.AuditEntry {
		return &triage.AuditEntry{Actor: actor, Action: "sync", Desk: desk, Records: "request 1"}
	}
	var batch []groupJob
	for i := range 250 { // three statements' worth, the refused one in the second
		actor := "amy"
		if i == 150 {
			actor = "refused"
		}
		batch = append(batch, groupJob{ctx: ctx, audit: entry(actor, fmt.Sprintf("desk %d", i))})
	}
	batch = append(batch, groupJob{ctx: ctx, fn: func(ctx context.Context, tx *sqlx.Tx, now time.Time) error {
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: "patient", Action: "submit"})
	}})
	results, err := q.group.commit(batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if (r != nil) != (i == 150) {
			t.Errorf("job %d: %v", i, r)
		}
	}
	log, err := q.AuditLog(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	desks := map[string]bool{}
	submits := 0
	for _, e := range log {
		switch {
		case e.Action == "sync" && e.Actor == "amy":
			desks[e.Desk] = true
		case e.Action == "submit":
			submits++
		default:
			t.Errorf("unexpected entry %+v", e)
		}
	}
	if len(desks) != 249 || desks["desk 150"] || submits != 1 {
		t.Fatalf("%d desks' entries (want 249, without desk 150) and %d submissions (want 1)", len(desks), submits)
	}
}

// killChildEnv names the queue a child process of TestNothingAcknowledgedIsLostToAKill
// writes to until it is killed.
const killChildEnv = "TRIAGEDESK_KILL_TEST_QUEUE"

// TestNothingAcknowledgedIsLostToAKill runs the queue's group writer in a child
// process with submissions and audit entries arriving together from many goroutines,
// kills it with SIGKILL after a varying number of them were acknowledged, and checks
// every acknowledged submission and audit entry is in the queue when it is opened
// again, five times over on the same file.
func TestNothingAcknowledgedIsLostToAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills five processes")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	q, err := OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	p := demo.NewPractice(1, 200, now)
	if err := q.Import(ctx, Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients}); err != nil {
		t.Fatal(err)
	}
	q.Close()
	for round, acks := range []int{1, 37, 150, 400, 900} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), killChildEnv+"="+path, fmt.Sprintf("TRIAGEDESK_KILL_TEST_ROUND=%d", round))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var submitted []int64
		var audited []string
		lines := bufio.NewScanner(out)
		for len(submitted)+len(audited) < acks && lines.Scan() {
			kind, what, _ := strings.Cut(lines.Text(), " ")
			switch kind {
			case "submitted":
				id, err := strconv.ParseInt(what, 10, 64)
				if err != nil {
					t.Fatalf("child said %q", lines.Text())
				}
				submitted = append(submitted, id)
			case "audited":
				audited = append(audited, what)
			}
		}
		cmd.Process.Kill()
		cmd.Wait()
		if len(submitted)+len(audited) < acks {
			t.Fatalf("round %d: the child stopped after %d acknowledgements, before it was killed", round, len(submitted)+len(audited))
		}

		q, err := OpenQueue(ctx, path)
		if err != nil {
			t.Fatalf("round %d: reopen after the kill: %v", round, err)
		}
		for _, id := range submitted {
			if _, err := q.Request(ctx, id); err != nil {
				t.Errorf("round %d: acknowledged request %d is lost: %v", round, id, err)
			}
		}
		log, err := q.AuditLog(ctx, 0, 10_000_000)
		if err != nil {
			t.Fatal(err)
		}
		inLog := map[string]bool{}
		for _, e := range log {
			inLog[e.Detail] = true
		}
		for _, d := range audited {
			if !inLog[d] {
				t.Errorf("round %d: acknowledged audit entry %q is lost", round, d)
			}
		}
		q.Close()
		t.Logf("round %d: killed after %d submissions and %d audit entries were acknowledged", round, len(submitted), len(audited))
	}
}

// killChild is the child of TestNothingAcknowledgedIsLostToAKill: it submits and
// audits from forty goroutines until killed, printing each acknowledgement as the
// queue returns it.
func killChild(path string) int {
	ctx := context.Background()
	q, err := OpenQueue(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	round := os.Getenv("TRIAGEDESK_KILL_TEST_ROUND")
	var patients []int64
	if err := q.r.SelectContext(ctx, &patients, `SELECT id FROM patients`); err != nil || len(patients) == 0 {
		fmt.Fprintln(os.Stderr, "no patients", err)
		return 1
	}
	limits := triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 8}
	var mu sync.Mutex
	say := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(os.Stdout, format+"\n", args...) // unbuffered: one write per line
	}
	var wg sync.WaitGroup
	for g := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				if g%2 == 0 {
					r, err := q.Submit(ctx, Submission{EnteredBy: "kill test", PatientID: patients[(g*31+i)%len(patients)],
						Kind: triage.Admin, Text: "a fit note please", Suggested: triage.Suggestion{Priority: triage.Routine, Team: triage.TeamAdmin, Signpost: triage.SignpostNone}},
						limits, triage.DefaultCalendar())
					if err != nil {
						fmt.Fprintln(os.Stderr, err)
						return
					}
					say("submitted %d", r.ID)
					continue
				}
				detail := fmt.Sprintf("round-%s-g%d-%d", round, g, i)
				if err := q.Audit(ctx, triage.AuditEntry{Actor: "amy", Action: "sync", Desk: fmt.Sprintf("desk %d", g), Detail: detail}); err != nil {
					fmt.Fprintln(os.Stderr, err)
					return
				}
				say("audited %s", detail)
			}
		}()
	}
	wg.Wait()
	return 1 // the goroutines only stop on an error
}
