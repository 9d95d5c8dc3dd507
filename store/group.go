package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// groupBatch is the most jobs the group writer commits in one transaction.
const groupBatch = 1000

// groupJob is one piece of work waiting for the group writer, and where to say how
// it went.
type groupJob struct {
	ctx context.Context
	// fn is the job's writing, given a context its caller cannot cancel: SQLite rolls
	// back the whole transaction when a write in it is interrupted, so a caller that
	// hangs up mid-job would fail every other job of the transaction.
	fn   func(ctx context.Context, tx *sqlx.Tx, now time.Time) error
	done chan error
	// audit, when fn is nil, is an entry of the audit trail to append: the entries of
	// one transaction are written together, a few statements for hundreds of them.
	audit *triage.AuditEntry
}

// groupWriter commits many small writes together: every job waiting when a
// transaction starts (up to groupBatch) runs in it, each inside its own savepoint so
// that one that fails leaves nothing behind and does not spoil the others, and each
// hears how it went only once the transaction is committed and durable. Audit entries
// waiting together are appended together, a hundred to a statement (one savepoint for
// them all, and each in its own only when one of them was refused). Under load a
// queue's writes are patients' submissions and the audit entries of staff reads (with
// 200 desks following, one per feed reply); one transaction and one fsync each was
// what held submissions to a hundred a second.
type groupWriter struct {
	db      *DB
	jobs    chan groupJob
	stopped chan struct{}
	mu      sync.RWMutex // guards closed against sends on a closed channel
	closed  bool

	transactions, committed atomic.Int64 // transactions and jobs committed so far, for WriteStats
	busy, syncing           atomic.Int64 // nanoseconds in transactions, and in their commits
}

// WriteStats counts the queue's grouped writes since it was opened: how many write
// transactions (each one commit and one fsync) carried how many jobs (submissions,
// audit entries). The bench divides them by submissions and feed replies.
type WriteStats struct {
	Transactions int64
	Jobs         int64
	Busy         time.Duration // spent in those transactions, commits included
	Commit       time.Duration // spent committing them (writing the WAL and syncing it)
}

// WriteStats returns the group writer's counts so far.
func (q *Queue) WriteStats() WriteStats {
	g := q.group
	return WriteStats{Transactions: g.transactions.Load(), Jobs: g.committed.Load(),
		Busy: time.Duration(g.busy.Load()), Commit: time.Duration(g.syncing.Load())}
}

func newGroupWriter(db *DB) *groupWriter {
	g := &groupWriter{db: db, jobs: make(chan groupJob, groupBatch), stopped: make(chan struct{})}
	go g.run()
	return g
}

// do runs fn in the next group transaction and waits for it to commit.
func (g *groupWriter) do(ctx context.Context, fn func(ctx context.Context, tx *sqlx.Tx, now time.Time) error) error {
	return g.send(groupJob{ctx: ctx, fn: fn, done: make(chan error, 1)})
}

// appendAudit appends e to the audit trail in the next group transaction and waits for
// it to commit. e.At, when zero, is the transaction's time.
func (g *groupWriter) appendAudit(ctx context.Context, e triage.AuditEntry) error {
	return g.send(groupJob{ctx: ctx, audit: &e, done: make(chan error, 1)})
}

func (g *groupWriter) send(job groupJob) error {
	ctx := job.ctx
	g.mu.RLock()
	if g.closed {
		g.mu.RUnlock()
		return errors.New("the queue database is closed")
	}
	select {
	case g.jobs <- job:
		g.mu.RUnlock()
	case <-ctx.Done():
		g.mu.RUnlock()
		return ctx.Err()
	}
	// Wait for the answer even if ctx ends: the job may already be committed, and the
	// caller must not report failure for something that happened.
	return <-job.done
}

// close stops the writer once it has written what it was given.
func (g *groupWriter) close() {
	g.mu.Lock()
	if !g.closed {
		g.closed = true
		close(g.jobs)
	}
	g.mu.Unlock()
	<-g.stopped
}

func (g *groupWriter) run() {
	defer close(g.stopped)
	for job := range g.jobs {
		batch := []groupJob{job}
	more:
		for len(batch) < groupBatch {
			select {
			case j, ok := <-g.jobs:
				if !ok {
					break more
				}
				batch = append(batch, j)
			default:
				break more
			}
		}
		results, err := g.commit(batch)
		for i, j := range batch {
			if err != nil {
				j.done <- err
			} else {
				j.done <- results[i]
			}
		}
	}
}

// commit runs a batch in one transaction and returns each job's own result, or an
// error for all of them when the transaction itself failed.
func (g *groupWriter) commit(batch []groupJob) ([]error, error) {
	ctx := context.Background()
	began := time.Now()
	tx, err := g.db.w.BeginTxx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	sp, err := prepareSavepoints(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer sp.close()
	now := g.db.Now().UTC()
	results := make([]error, len(batch))
	var audits []int // the batch's audit entries, written together below
	for i, j := range batch {
		if err := j.ctx.Err(); err != nil {
			results[i] = err // its caller has gone; nothing is written for it
			continue
		}
		if j.fn == nil {
			audits = append(audits, i)
			continue
		}
		// A caller that has gone by now has its job done all the same: it is under way.
		if err := sp.run(&results[i], func() error { return j.fn(context.WithoutCancel(j.ctx), tx, now) }); err != nil {
			return nil, err
		}
	}
	for start := 0; start < len(audits); start += auditRows {
		chunk := audits[start:min(start+auditRows, len(audits))]
		var together error
		if err := sp.run(&together, func() error { return insertAudits(ctx, tx, batch, chunk, now) }); err != nil {
			return nil, err
		}
		if together == nil {
			continue
		}
		// One of them was refused: each on its own, so the others are still written
		// and the refused one's caller hears why.
		for _, i := range chunk {
			if err := sp.run(&results[i], func() error { return insertAudits(ctx, tx, batch, []int{i}, now) }); err != nil {
				return nil, err
			}
		}
	}
	committing := time.Now()
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	g.syncing.Add(int64(time.Since(committing)))
	g.busy.Add(int64(time.Since(began)))
	g.transactions.Add(1)
	g.committed.Add(int64(len(batch)))
	return results, nil
}

// savepoints are the three statements of a job's savepoint, prepared once for a
// group transaction: run as plain text (no arguments) each was parsed again for every
// job, a twentieth of the queue's CPU under load.
type savepoints struct {
	begin, undo, release *sql.Stmt
}

// prepareSavepoints prepares the savepoint statements on tx; close them when done.
func prepareSavepoints(ctx context.Context, tx *sqlx.Tx) (*savepoints, error) {
	var sp savepoints
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&sp.begin, `SAVEPOINT job`}, {&sp.undo, `ROLLBACK TO job`}, {&sp.release, `RELEASE job`}} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			sp.close()
			return nil, fmt.Errorf("prepare %s: %w", p.sql, err)
		}
		*p.stmt = st
	}
	return &sp, nil
}

func (sp *savepoints) close() {
	for _, st := range []*sql.Stmt{sp.begin, sp.undo, sp.release} {
		if st != nil {
			st.Close()
		}
	}
}

// run runs fn inside a savepoint and stores its error in result; when fn fails,
// what it wrote is undone and the transaction goes on. The error returned is the
// transaction's own, which ends it.
func (sp *savepoints) run(result *error, fn func() error) error {
	ctx := context.Background()
	if _, err := sp.begin.ExecContext(ctx); err != nil {
		return err
	}
	*result = fn()
	if *result != nil {
		if _, err := sp.undo.ExecContext(ctx); err != nil {
			return fmt.Errorf("undo a failed write: %w", err)
		}
	}
	_, err := sp.release.ExecContext(ctx)
	return err
}

// auditRows is the most audit entries one INSERT writes: eight values each, well
// inside SQLite's limit of bound values in a statement.
const auditRows = 100

// insertAudits appends the audit entries of the jobs batch[which] in one statement.
func insertAudits(ctx context.Context, tx *sqlx.Tx, batch []groupJob, which []int, now time.Time) error {
	var q strings.Builder
	q.WriteString(`INSERT INTO audit (at, actor, action, request_id, patient_id, desk, records, detail) VALUES `)
	args := make([]any, 0, 8*len(which))
	for n, i := range which {
		e := batch[i].audit
		if n > 0 {
			q.WriteByte(',')
		}
		q.WriteString(`(?, ?, ?, ?, ?, ?, ?, ?)`)
		at := e.At
		if at.IsZero() {
			at = now
		}
		args = append(args, at.Unix(), e.Actor, e.Action, e.RequestID, e.PatientID, e.Desk, e.Records, e.Detail)
	}
	if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
		return fmt.Errorf("append to audit trail: %w", err)
	}
	return nil
}
