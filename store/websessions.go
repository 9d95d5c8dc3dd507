package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// The patient pages' sessions (issue 11), kept in the queue so that a restart signs
// nobody out and loses no half-written request. The queue keeps only a hash of the
// session id, and the pages' state sealed with a key only the id gives (package web
// seals and opens it); the times are the pages' own clock.

// WebSession is one browser's visit to the patient pages as the queue keeps it.
type WebSession struct {
	IDHash    string // a hash of the cookie's session id; the id itself is never kept
	CSRF      string
	AccountID int64 // the signed-in account; 0 when signed out
	Created   time.Time
	Seen      time.Time
	State     []byte // sealed by the pages
	Photos    []byte // sealed by the pages; kept apart because it is large and rarely changes
}

// SaveWebSession writes a session, new or changed, leaving its photos as they are
// (SaveWebSessionPhotos writes those).
func (q *Queue) SaveWebSession(ctx context.Context, s WebSession) error {
	err := q.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO web_sessions (id_hash, csrf, account_id, created_at, seen_at, state) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id_hash) DO UPDATE SET csrf = excluded.csrf, account_id = excluded.account_id, seen_at = excluded.seen_at, state = excluded.state`,
			s.IDHash, s.CSRF, s.AccountID, s.Created.Unix(), s.Seen.Unix(), s.State)
		return err
	})
	if err != nil {
		return fmt.Errorf("save a web session: %w", err)
	}
	return nil
}

// SaveWebSessionPhotos replaces the photos of a saved session's request being written.
func (q *Queue) SaveWebSessionPhotos(ctx context.Context, idHash string, photos []byte) error {
	err := q.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		_, err := tx.ExecContext(ctx, `UPDATE web_sessions SET photos = ? WHERE id_hash = ?`, photos, idHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("save a web session's photos: %w", err)
	}
	return nil
}

// TouchWebSession records that a session was used at seen, for its idle expiry.
func (q *Queue) TouchWebSession(ctx context.Context, idHash string, seen time.Time) error {
	err := q.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		_, err := tx.ExecContext(ctx, `UPDATE web_sessions SET seen_at = ? WHERE id_hash = ?`, seen.Unix(), idHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("touch a web session: %w", err)
	}
	return nil
}

// WebSessionByHash returns the session with this id hash, or ENOTFOUND.
func (q *Queue) WebSessionByHash(ctx context.Context, idHash string) (WebSession, error) {
	var r struct {
		IDHash    string `db:"id_hash"`
		CSRF      string `db:"csrf"`
		AccountID int64  `db:"account_id"`
		Created   int64  `db:"created_at"`
		Seen      int64  `db:"seen_at"`
		State     []byte `db:"state"`
		Photos    []byte `db:"photos"`
	}
	err := q.r.GetContext(ctx, &r, `SELECT id_hash, csrf, account_id, created_at, seen_at, state, photos FROM web_sessions WHERE id_hash = ?`, idHash)
	if errors.Is(err, sql.ErrNoRows) {
		return WebSession{}, triage.Errorf(triage.ENOTFOUND, "no such web session")
	} else if err != nil {
		return WebSession{}, fmt.Errorf("read a web session: %w", err)
	}
	return WebSession{IDHash: r.IDHash, CSRF: r.CSRF, AccountID: r.AccountID, Created: time.Unix(r.Created, 0).UTC(),
		Seen: time.Unix(r.Seen, 0).UTC(), State: r.State, Photos: r.Photos}, nil
}

// EndWebSession deletes a session: signed out, or replaced by a new id at sign-in.
func (q *Queue) EndWebSession(ctx context.Context, idHash string) error {
	err := q.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE id_hash = ?`, idHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("end a web session: %w", err)
	}
	return nil
}

// EndWebSessionsOf deletes every session of an account but the one whose hash is
// except (the browser that just chose a new password).
func (q *Queue) EndWebSessionsOf(ctx context.Context, accountID int64, except string) (int64, error) {
	var n int64
	err := q.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE account_id = ? AND id_hash <> ?`, accountID, except)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("end the web sessions of account %d: %w", accountID, err)
	}
	return n, nil
}

// PurgeWebSessions deletes the sessions last used before idleBefore or started before
// createdBefore, and returns how many.
func (q *Queue) PurgeWebSessions(ctx context.Context, idleBefore, createdBefore time.Time) (int64, error) {
	var n int64
	err := q.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE seen_at < ? OR created_at < ?`, idleBefore.Unix(), createdBefore.Unix())
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("purge expired web sessions: %w", err)
	}
	return n, nil
}
