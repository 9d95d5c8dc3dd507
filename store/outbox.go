package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// Outbox states. A pending action waits to be sent; a conflict lost to someone else's
// change; a failed one was refused by the server for another reason; a held one was
// made on a request after one of these, so it was built on a change that did not
// happen. Conflicts, failures and held actions stay until a person has seen them and
// redone or dismissed them, so no change disappears silently and none is applied
// without a person having seen what it now lands on.
const (
	OutboxPending  = "pending"
	OutboxHeld     = "held"
	OutboxConflict = "conflict"
	OutboxFailed   = "failed"
)

// heldReason is what a held action says to the person.
const heldReason = "not sent: an earlier change of yours to this request was refused; look at the request again, then redo or dismiss this change"

// OutboxItem is a staff action made at this desk that the server has not accepted.
type OutboxItem struct {
	ID        int64
	Action    triage.Action
	CreatedAt time.Time
	State     string
	Error     string // what the server said, for conflicts and failures
	Attempts  int
	// Key is the idempotency key the action is always sent with, so a retry after a
	// lost reply gets the queue's first answer.
	Key string
}

// Act applies a staff action to the cached request at once and queues it for the
// server, in one transaction with its audit entry, so the screen shows the change
// without waiting for the network and a crash loses neither. It returns the request
// as changed, or the domain's error (a stale version, an illegal transition) with
// nothing written.
func (c *Cache) Act(ctx context.Context, a triage.Action, cal *triage.Calendar) (triage.Request, error) {
	var out triage.Request
	held := false
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var err error
		out, held, err = act(ctx, tx, now, a, cal, true)
		return err
	})
	if err != nil {
		return triage.Request{}, fmt.Errorf("%s request %d: %w", a.Kind, a.RequestID, err)
	}
	if held {
		return triage.Request{}, heldError(a)
	}
	return out, nil
}

func heldError(a triage.Action) error {
	return triage.Errorf(triage.ECONFLICT, "your change to request %d (%s) is kept but not sent: an earlier change of yours to it was refused. Open the conflicts, look at the request again, then redo or dismiss your changes", a.RequestID, a.Describe())
}

// act is Act in tx. With hold, an action on a request with a change that needs a
// person's look is kept but not applied, and act reports held.
func act(ctx context.Context, tx *sqlx.Tx, now time.Time, a triage.Action, cal *triage.Calendar, hold bool) (triage.Request, bool, error) {
	it, err := scanFull(tx.QueryRowxContext(ctx, `SELECT `+prefixed("r", requestColumns)+`, `+patientColumns+`
		FROM requests r JOIN patients p ON p.id = r.patient_id WHERE r.id = ?`, a.RequestID))
	if errors.Is(err, sql.ErrNoRows) {
		return triage.Request{}, false, triage.Errorf(triage.ENOTFOUND, "request %d is not in this desk's cache", a.RequestID)
	} else if err != nil {
		return triage.Request{}, false, err
	}
	r := it.Request
	if err := r.Apply(a, cal, now); err != nil {
		return triage.Request{}, false, err
	}
	var problems int
	if !hold {
		// A redo: the person has looked again. It waits in Pending until no other
		// change to the request needs a look.
	} else if err := tx.GetContext(ctx, &problems, `SELECT count(*) FROM outbox WHERE request_id = ? AND state <> 'pending'`, a.RequestID); err != nil {
		return triage.Request{}, false, err
	}
	if problems > 0 {
		// Kept for the person, not applied to the cache and not sent: the screen goes
		// on showing the queue's copy until they have looked again.
		if err := enqueue(ctx, tx, now, a, OutboxHeld, heldReason); err != nil {
			return triage.Request{}, false, err
		}
		return triage.Request{}, true, appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: a.Actor, Action: string(a.Kind), RequestID: a.RequestID, Detail: "held: " + a.Describe()})
	}
	if err := upsertRequests(ctx, tx, []triage.Request{r}, true, true); err != nil {
		return triage.Request{}, false, err
	}
	if err := enqueue(ctx, tx, now, a, OutboxPending, ""); err != nil {
		return triage.Request{}, false, err
	}
	return r, false, appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: a.Actor, Action: string(a.Kind), RequestID: a.RequestID, Detail: a.Describe()})
}

// enqueue adds an action to the outbox with a new idempotency key.
func enqueue(ctx context.Context, tx *sqlx.Tx, now time.Time, a triage.Action, state, why string) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	key := make([]byte, 16)
	if _, err := rand.Read(key); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO outbox (request_id, base_version, action, created_at, state, error, idem_key) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.RequestID, a.BaseVersion, string(b), now.Unix(), state, why, "outbox-"+hex.EncodeToString(key))
	return err
}

// Redo makes a refused or held action again on the version of the request this desk
// now has (the queue's, since the refusal), once the person has looked at the request
// again and chosen to, all in one transaction: the old entry goes and the action is
// queued again as by Act. When another change to the request still needs a look, the
// redone action is not sent until that one is redone or dismissed too; when it no
// longer applies (someone closed the request), the old entry stays and the error
// says why.
func (c *Cache) Redo(ctx context.Context, id int64, actor string, cal *triage.Calendar) error {
	var a triage.Action
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var action string
		err := tx.QueryRowxContext(ctx, `SELECT action FROM outbox WHERE id = ? AND state <> 'pending'`, id).Scan(&action)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "no refused or held change %d in the outbox: it may have been redone or dismissed already", id)
		} else if err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(action), &a); err != nil {
			return fmt.Errorf("outbox entry %d is unreadable: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = ?`, id); err != nil {
			return err
		}
		var version int
		if err := tx.GetContext(ctx, &version, `SELECT version FROM requests WHERE id = ?`, a.RequestID); errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "request %d is no longer in this desk's cache", a.RequestID)
		} else if err != nil {
			return err
		}
		a.BaseVersion, a.Actor = version, actor
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "redo", RequestID: a.RequestID, Detail: "redoing refused change: " + a.Describe()}); err != nil {
			return err
		}
		_, _, err = act(ctx, tx, now, a, cal, false)
		return err
	})
	if err != nil {
		return fmt.Errorf("redo outbox entry %d: %w", id, err)
	}
	return nil
}

// Pending returns the actions waiting to be sent, oldest first: the order the member
// of staff made them in, which the server must see them in too. An action on a request
// that has a refused or held change is not among them: nothing more is sent about
// that request until a person has looked at it again.
func (c *Cache) Pending(ctx context.Context) ([]OutboxItem, error) {
	return c.outbox(ctx, `state = 'pending' AND request_id NOT IN (SELECT request_id FROM outbox WHERE state <> 'pending')`)
}

// Problems returns the actions the server refused and those held behind them, for
// the conflict dialog, oldest first.
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
		Key       string `db:"idem_key"`
	}
	if err := c.r.SelectContext(ctx, &rows, `SELECT id, action, created_at, state, error, attempts, idem_key FROM outbox WHERE `+cond+` ORDER BY id`); err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	out := make([]OutboxItem, len(rows))
	for i, r := range rows {
		out[i] = OutboxItem{ID: r.ID, CreatedAt: time.Unix(r.CreatedAt, 0).UTC(), State: r.State, Error: r.Error, Attempts: r.Attempts, Key: r.Key}
		if err := json.Unmarshal([]byte(r.Action), &out[i].Action); err != nil {
			return nil, fmt.Errorf("outbox entry %d is unreadable: %w", r.ID, err)
		}
	}
	return out, nil
}

// OutboxCounts returns how many actions wait to be sent and how many need a person
// (refused, or held behind a refused one).
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
// actions on the same request are held with it: they were built on the change that
// did not happen, and may match the queue's version by coincidence.
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
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = ?, error = ? WHERE state = 'pending' AND request_id = (SELECT request_id FROM outbox WHERE id = ?)`,
				OutboxHeld, heldReason, id); err != nil {
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

// Dismiss removes a refused or held action once a person has seen it and chosen to
// keep the queue's version.
func (c *Cache) Dismiss(ctx context.Context, id int64, actor string) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var reqID int64
		var action string
		err := tx.QueryRowxContext(ctx, `SELECT request_id, action FROM outbox WHERE id = ? AND state <> 'pending'`, id).Scan(&reqID, &action)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "no refused or held change %d in the outbox: it may have been redone or dismissed already", id)
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

// RecordView records that a member of staff opened a request: in the desk's own trail
// and, through the outbox, in the queue's, which is the practice's record of who saw
// what. Both in one transaction, so a view is never in one and not the other.
func (c *Cache) RecordView(ctx context.Context, actor string, requestID int64) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "view", RequestID: requestID}); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO outbox_views (at, actor, request_id) VALUES (?, ?, ?)`, now.Unix(), actor, requestID)
		return err
	})
}

// View is a view of a request at this desk, waiting to be sent to the queue.
type View struct {
	ID        int64     `json:"-"`
	At        time.Time `json:"at"`
	Actor     string    `json:"actor"`
	RequestID int64     `json:"requestId"`
}

// ViewsToSend returns up to limit views waiting to be sent, oldest first.
func (c *Cache) ViewsToSend(ctx context.Context, limit int) ([]View, error) {
	var rows []struct {
		ID        int64  `db:"id"`
		At        int64  `db:"at"`
		Actor     string `db:"actor"`
		RequestID int64  `db:"request_id"`
	}
	if err := c.r.SelectContext(ctx, &rows, `SELECT id, at, actor, request_id FROM outbox_views ORDER BY id LIMIT ?`, limit); err != nil {
		return nil, fmt.Errorf("read views to send: %w", err)
	}
	out := make([]View, len(rows))
	for i, r := range rows {
		out[i] = View{ID: r.ID, At: time.Unix(r.At, 0).UTC(), Actor: r.Actor, RequestID: r.RequestID}
	}
	return out, nil
}

// ViewsSent removes views the queue has recorded, up to and including id.
func (c *Cache) ViewsSent(ctx context.Context, upTo int64) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM outbox_views WHERE id <= ?`, upTo)
		return err
	})
}

// PendingViews returns how many views wait to be sent to the queue.
func (c *Cache) PendingViews(ctx context.Context) (int, error) {
	var n int
	err := c.r.GetContext(ctx, &n, `SELECT count(*) FROM outbox_views`)
	return n, err
}

// DeskID returns this desk's name for the queue's audit trail, made once and kept in
// the cache: the host's name (so a practice can tell which workstation) and a random
// part (so two caches on one host differ).
func (c *Cache) DeskID(ctx context.Context) (string, error) {
	if id, err := c.Meta(ctx, "desk-id"); err != nil || id != "" {
		return id, err
	}
	host, _ := os.Hostname()
	if host == "" {
		host = "desk"
	}
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := host + "-" + hex.EncodeToString(b)
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		// Another goroutine may have made one first: keep the first.
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('desk-id', ?)`, id); err != nil {
			return err
		}
		return tx.GetContext(ctx, &id, `SELECT value FROM meta WHERE key = 'desk-id'`)
	})
	if err != nil {
		return "", fmt.Errorf("name this desk: %w", err)
	}
	return id, nil
}

// AuditTrail returns the audit entries of one request, oldest first.
func (c *Cache) AuditTrail(ctx context.Context, requestID int64) ([]triage.AuditEntry, error) {
	out, err := readAudit(ctx, c.r, `WHERE request_id = ? ORDER BY id`, requestID)
	if err != nil {
		return nil, fmt.Errorf("read audit trail of request %d: %w", requestID, err)
	}
	return out, nil
}
