package store

import (
	"context"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
)

// TestGroupedCallerHangingUpSpoilsNoOtherJob: a caller whose request ends (a patient
// closing the page) while the group writer is running its job must not interrupt the
// shared transaction: SQLite rolls back the whole transaction when a write is
// interrupted, which failed every other patient's submission in it. (On the old code,
// where a job wrote with its caller's context, the other job failed with "no such
// savepoint" and its write was lost.)
func TestGroupedCallerHangingUpSpoilsNoOtherJob(t *testing.T) {
	ctx := context.Background()
	q := openQueueTest(t)
	release, started := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- q.grouped(ctx, func(_ context.Context, tx *sqlx.Tx, now time.Time) error { close(started); <-release; return nil })
	}()
	<-started // the writer is busy, so the next two jobs share one transaction
	leaving, hangUp := context.WithCancel(ctx)
	defer hangUp()
	errs := make(chan error, 2)
	go func() {
		errs <- q.grouped(leaving, func(ctx context.Context, tx *sqlx.Tx, now time.Time) error {
			time.AfterFunc(20*time.Millisecond, hangUp)
			// A write that runs long enough for its caller to leave.
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value)
				SELECT 'slow', count(*) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT i FROM n)`)
			return err
		})
	}()
	for len(q.group.jobs) < 1 {
		time.Sleep(time.Millisecond)
	}
	go func() {
		errs <- q.grouped(ctx, func(ctx context.Context, tx *sqlx.Tx, now time.Time) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('other', '1')`)
			return err
		})
	}()
	for len(q.group.jobs) < 2 {
		time.Sleep(time.Millisecond)
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("a job of the transaction failed: %v", err)
		}
	}
	var n int
	if err := q.r.GetContext(ctx, &n, `SELECT count(*) FROM settings WHERE key = 'other'`); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("the other caller's write was lost when one caller hung up")
	}
}
