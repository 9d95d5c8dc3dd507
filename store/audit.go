package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// appendAudit writes one entry of the audit trail in tx.
func appendAudit(ctx context.Context, tx *sqlx.Tx, e triage.AuditEntry) error {
	if err := checkAudit(e); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit (at, actor, action, request_id, patient_id, desk, records, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.At.Unix(), e.Actor, e.Action, e.RequestID, e.PatientID, e.Desk, e.Records, e.Detail)
	if err != nil {
		return fmt.Errorf("append to audit trail: %w", err)
	}
	return nil
}

func checkAudit(e triage.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return fmt.Errorf("audit entry needs an actor and an action")
	}
	return nil
}

// RecordList names records for an audit entry's Records, ids compressed into ranges:
// "requests 1-5,9; patients 3". Empty kinds are left out.
func RecordList(requests, patients []int64) string {
	var parts []string
	for _, k := range []struct {
		one, many string
		ids       []int64
	}{{"request", "requests", requests}, {"patient", "patients", patients}} {
		if len(k.ids) == 0 {
			continue
		}
		ids := append([]int64(nil), k.ids...)
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		ids = dedupe(ids)
		name := k.many
		if len(ids) == 1 {
			name = k.one
		}
		parts = append(parts, name+" "+ranges(ids))
	}
	return strings.Join(parts, "; ")
}

func dedupe(sorted []int64) []int64 {
	out := sorted[:0]
	for i, id := range sorted {
		if i == 0 || id != sorted[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// ranges writes sorted ids as "1-5,9".
func ranges(ids []int64) string {
	var b strings.Builder
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(ids[i], 10))
		if j > i {
			b.WriteByte('-')
			b.WriteString(strconv.FormatInt(ids[j], 10))
		}
		i = j + 1
	}
	return b.String()
}

// Audit records a read (or anything else done outside Act) in the queue's audit trail
// and returns once it is committed: a caller about to hand out patient data must not
// do so unless this returns nil. Entries arriving together are committed together, by
// the queue's group writer.
func (q *Queue) Audit(ctx context.Context, e triage.AuditEntry) error {
	if err := checkAudit(e); err != nil {
		return err
	}
	if err := q.group.appendAudit(ctx, e); err != nil {
		return fmt.Errorf("record %s in the audit trail: %w", e.Action, err)
	}
	return nil
}

// AuditLog returns up to limit entries of the queue's audit trail after entry id
// after, oldest first: for the practice's reports and for checking the trail.
func (q *Queue) AuditLog(ctx context.Context, after int64, limit int) ([]triage.AuditEntry, error) {
	return readAudit(ctx, q.r, `WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
}

// readAudit reads audit entries; tail is the query's WHERE, ORDER and LIMIT.
func readAudit(ctx context.Context, db *sqlx.DB, tail string, args ...any) ([]triage.AuditEntry, error) {
	var rows []struct {
		ID        int64  `db:"id"`
		At        int64  `db:"at"`
		Actor     string `db:"actor"`
		Action    string `db:"action"`
		RequestID int64  `db:"request_id"`
		PatientID int64  `db:"patient_id"`
		Desk      string `db:"desk"`
		Records   string `db:"records"`
		Detail    string `db:"detail"`
	}
	if err := db.SelectContext(ctx, &rows, `SELECT id, at, actor, action, request_id, patient_id, desk, records, detail FROM audit `+tail, args...); err != nil {
		return nil, fmt.Errorf("read the audit trail: %w", err)
	}
	out := make([]triage.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = triage.AuditEntry{ID: r.ID, At: time.Unix(r.At, 0).UTC(), Actor: r.Actor, Action: r.Action, RequestID: r.RequestID,
			PatientID: r.PatientID, Desk: r.Desk, Records: r.Records, Detail: r.Detail}
	}
	return out, nil
}

// AuditAll records entries in the queue's audit trail in one transaction, all or none:
// the views a desk sends in one batch.
func (q *Queue) AuditAll(ctx context.Context, entries []triage.AuditEntry) error {
	for _, e := range entries {
		if err := checkAudit(e); err != nil {
			return err
		}
	}
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		for _, e := range entries {
			if e.At.IsZero() {
				e.At = now
			}
			if err := appendAudit(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record %d entries in the audit trail: %w", len(entries), err)
	}
	return nil
}
