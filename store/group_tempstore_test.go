package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// TestGroupWriterSavepointJournalInMemory: the queue's writer keeps SQLite's
// temporary files in memory (where the group writer's savepoints keep the pages they
// may have to restore, half of the writer's CPU when it was a file), and a job that
// fails after writing far more than the 64 KiB a sub-journal held in memory before is
// still undone alone: the jobs before and after it are committed, nothing of its own.
func TestGroupWriterSavepointJournalInMemory(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// Only the writer needs it; readers make no savepoints (0 is SQLite's default).
	for _, c := range []struct {
		name string
		db   *sqlx.DB
		want int
	}{{"writer", q.w, 2}, {"reader", q.r, 0}} {
		var store int
		if err := c.db.GetContext(ctx, &store, `PRAGMA temp_store`); err != nil {
			t.Fatal(err)
		}
		if store != c.want {
			t.Errorf("the queue's %s connection has temp_store %d, want %d (2 is MEMORY, 0 the default)", c.name, store, c.want)
		}
	}

	big := strings.Repeat("x", 20_000) // several overflow pages an entry
	write := func(actor string, n int, fail bool) func(ctx context.Context, tx *sqlx.Tx, now time.Time) error {
		return func(ctx context.Context, tx *sqlx.Tx, now time.Time) error {
			for i := range n {
				if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "submit", Detail: fmt.Sprintf("%d %s", i, big)}); err != nil {
					return err
				}
			}
			if fail {
				return errors.New("refused by the test after writing")
			}
			return nil
		}
	}
	var batch []groupJob
	for i := range 40 {
		batch = append(batch, groupJob{ctx: ctx, fn: write(fmt.Sprintf("job %d", i), 3, i == 20)})
	}
	results, err := q.group.commit(batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if (r != nil) != (i == 20) {
			t.Errorf("job %d: %v", i, r)
		}
	}
	log, err := q.AuditLog(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, e := range log {
		per[e.Actor]++
	}
	for i := range 40 {
		want := 3
		if i == 20 {
			want = 0
		}
		if got := per[fmt.Sprintf("job %d", i)]; got != want {
			t.Errorf("job %d has %d audit entries, want %d", i, got, want)
		}
	}
}
