package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// Outbox states. A pending action waits to be sent; a conflict lost to someone else's
// change; a failed one was refused by the server for another reason. Conflicts and
// failures stay until a person has seen them, so no change disappears silently.
const (
	OutboxPending  = "pending"
	OutboxConflict = "conflict"
	OutboxFailed   = "failed"
)

// OutboxItem is a staff action made at this desk that the server has not accepted.
type OutboxItem struct {
	ID        int64
	Action    triage.Action
	CreatedAt time.Time
	State     string
	Error     string // what the server said, for conflicts and failures
	Attempts  int
}

// Act applies a staff action to the cached request at once and queues it for the
// server, in one transaction with its audit entry, so the screen shows the change
// without waiting for the network and a crash loses neither. It returns the request
// as changed, or the domain's error (a stale version, an illegal transition) with
// nothing written.
func (c *Cache) Act(ctx context.Context, a triage.Action, cal *triage.Calendar) (triage.Request, error) {
	var out triage.Request
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		it, err := scanFull(tx.QueryRowxContext(ctx, `SELECT `+prefixed("r", requestColumns)+`, `+patientColumns+`
			FROM requests r JOIN patients p ON p.id = r.patient_id WHERE r.id = ?`, a.RequestID))
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "request %d is not in this desk's cache", a.RequestID)
		} else if err != nil {
			return err
		}
		r := it.Request
		if err := r.Apply(a, cal, now); err != nil {
			return err
		}
		if err := upsertRequests(ctx, tx, []triage.Request{r}, true, true); err != nil {
			return err
		}
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (request_id, base_version, action, created_at) VALUES (?, ?, ?, ?)`,
			a.RequestID, a.BaseVersion, string(b), now.Unix()); err != nil {
			return err
		}
		out = r
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: a.Actor, Action: string(a.Kind), RequestID: a.RequestID, Detail: a.Describe()})
	})
	if err != nil {
		return triage.Request{}, fmt.Errorf("%s request %d: %w", a.Kind, a.RequestID, err)
	}
	return out, nil
}

// Pending returns the actions waiting to be sent, oldest first: the order the member
// of staff made them in, which the server must see them in too.
func (c *Cache) Pending(ctx context.Context) ([]OutboxItem, error) {
	return c.outbox(ctx, `state = 'pending'`)
}

// Problems returns the actions the server refused, for the conflict dialog.
func (c *Cache) Problems(ctx context.Context) ([]OutboxItem, error) {
	return c.outbox(ctx, `state <> 'pending'`)
}

func (c *Cache) outbox(ctx context.Context, cond string) ([]OutboxItem, error) {
	var rows []struct {
		ID        int64  `db:"id"`
		Action    string `db:"action"`
		CreatedAt int64  `db:"created_at"`
		State     string `db:"state"`
		Error     string `db:"error"`
		Attempts  int    `db:"attempts"`
	}
	if err := c.r.SelectContext(ctx, &rows, `SELECT id, action, created_at, state, error, attempts FROM outbox WHERE `+cond+` ORDER BY id`); err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	out := make([]OutboxItem, len(rows))
	for i, r := range rows {
		out[i] = OutboxItem{ID: r.ID, CreatedAt: time.Unix(r.CreatedAt, 0).UTC(), State: r.State, Error: r.Error, Attempts: r.Attempts}
		if err := json.Unmarshal([]byte(r.Action), &out[i].Action); err != nil {
			return nil, fmt.Errorf("outbox entry %d is unreadable: %w", r.ID, err)
		}
	}
	return out, nil
}

// OutboxCounts returns how many actions wait to be sent and how many were refused.
func (c *Cache) OutboxCounts(ctx context.Context) (pending, problems int, err error) {
	row := c.r.QueryRowContext(ctx, `SELECT coalesce(sum(state = 'pending'), 0), coalesce(sum(state <> 'pending'), 0) FROM outbox`)
	if err := row.Scan(&pending, &problems); err != nil {
		return 0, 0, fmt.Errorf("count outbox: %w", err)
	}
	return pending, problems, nil
}

// Sent records that the server accepted an action: the entry leaves the outbox and
// the server's copy of the request replaces the cached one.
func (c *Cache) Sent(ctx context.Context, id int64, server triage.Request) error {
	return c.settle(ctx, id, server, "", "")
}

// Refused records that the server refused an action: it stays in the outbox as a
// conflict or failure with the server's explanation, and the server's copy of the
// request replaces the desk's optimistic one, so the screen shows the truth. Pending
// actions on the same request are refused with it: they were built on the change that
// did not happen.
func (c *Cache) Refused(ctx context.Context, id int64, server triage.Request, state, why string) error {
	if state != OutboxConflict && state != OutboxFailed {
		return fmt.Errorf("refuse outbox entry %d: unknown state %q", id, state)
	}
	return c.settle(ctx, id, server, state, why)
}

func (c *Cache) settle(ctx context.Context, id int64, server triage.Request, state, why string) error {
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if state == "" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = ?`, id); err != nil {
				return err
			}
		} else {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = ?, error = ?, attempts = attempts + 1 WHERE id = ?`, state, why, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = ?, error = ? WHERE state = 'pending' AND request_id = ? AND id > ?`,
				state, "an earlier change to this request was refused", server.ID, id); err != nil {
				return err
			}
		}
		if server.ID == 0 {
			return nil
		}
		return upsertRequests(ctx, tx, []triage.Request{server}, true, true)
	})
	if err != nil {
		return fmt.Errorf("settle outbox entry %d: %w", id, err)
	}
	return nil
}

// Attempted counts a failed attempt to send an entry (the server could not be
// reached); it stays pending.
func (c *Cache) Attempted(ctx context.Context, id int64) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		_, err := tx.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1 WHERE id = ?`, id)
		return err
	})
}

// Dismiss removes a refused action once a person has seen it (and perhaps redone it).
func (c *Cache) Dismiss(ctx context.Context, id int64, actor string) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var reqID int64
		var action string
		err := tx.QueryRowxContext(ctx, `SELECT request_id, action FROM outbox WHERE id = ? AND state <> 'pending'`, id).Scan(&reqID, &action)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "no refused action %d in the outbox", id)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = ?`, id); err != nil {
			return err
		}
		var a triage.Action
		_ = json.Unmarshal([]byte(action), &a)
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "dismiss", RequestID: reqID, Detail: "dismissed refused change: " + a.Describe()})
	})
}

// Record appends an entry to the audit trail; At defaults to now.
func (c *Cache) Record(ctx context.Context, e triage.AuditEntry) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if e.At.IsZero() {
			e.At = now
		}
		return appendAudit(ctx, tx, e)
	})
}

// RecordView records that a member of staff opened a request.
func (c *Cache) RecordView(ctx context.Context, actor string, requestID int64) error {
	return c.Record(ctx, triage.AuditEntry{Actor: actor, Action: "view", RequestID: requestID})
}

func appendAudit(ctx context.Context, tx *sqlx.Tx, e triage.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return fmt.Errorf("audit entry needs an actor and an action")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit (at, actor, action, request_id, detail) VALUES (?, ?, ?, ?, ?)`,
		e.At.Unix(), e.Actor, e.Action, e.RequestID, e.Detail)
	if err != nil {
		return fmt.Errorf("append to audit trail: %w", err)
	}
	return nil
}

// AuditTrail returns the audit entries of one request, oldest first.
func (c *Cache) AuditTrail(ctx context.Context, requestID int64) ([]triage.AuditEntry, error) {
	var rows []struct {
		ID        int64  `db:"id"`
		At        int64  `db:"at"`
		Actor     string `db:"actor"`
		Action    string `db:"action"`
		RequestID int64  `db:"request_id"`
		Detail    string `db:"detail"`
	}
	if err := c.r.SelectContext(ctx, &rows, `SELECT id, at, actor, action, request_id, detail FROM audit WHERE request_id = ? ORDER BY id`, requestID); err != nil {
		return nil, fmt.Errorf("read audit trail of request %d: %w", requestID, err)
	}
	out := make([]triage.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = triage.AuditEntry{ID: r.ID, At: time.Unix(r.At, 0).UTC(), Actor: r.Actor, Action: r.Action, RequestID: r.RequestID, Detail: r.Detail}
	}
	return out, nil
}
