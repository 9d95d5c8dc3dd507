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

// Single-use links emailed to a patient (issue 11): to choose a new password when they
// have forgotten theirs, or to sign in without one. Only a hash of each token is kept;
// a link works once, until it expires, and using one is recorded in the audit trail.

// What a link is for.
const (
	LinkResetPassword = "reset-password"
	LinkSignIn        = "sign-in"
)

// NewAccountLink makes the token of a single-use link for an account, valid for ttl,
// and records in the audit trail that it was emailed (detail says from where).
func (q *Queue) NewAccountLink(ctx context.Context, accountID int64, purpose string, ttl time.Duration, detail string) (string, error) {
	token, hash := NewToken()
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO account_links (token_hash, purpose, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			hash, purpose, accountID, now.Unix(), now.Add(ttl).Unix()); err != nil {
			return err
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: purpose + "-link",
			Detail: fmt.Sprintf("a single-use link valid %s emailed; %s", ttl, detail)})
	})
	if err != nil {
		return "", fmt.Errorf("make a %s link for account %d: %w", purpose, accountID, err)
	}
	return token, nil
}

// AccountLink returns the account a live link token is for, and its email address,
// without using it: the page a link opens checks it, and names the account, before
// the patient types a password or signs in.
func (q *Queue) AccountLink(ctx context.Context, token, purpose string) (accountID int64, email string, err error) {
	err = q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		if accountID, err = liveLink(ctx, tx, q.Now(), token, purpose); err != nil {
			return err
		}
		return tx.GetContext(ctx, &email, `SELECT email FROM logins WHERE account_id = ?`, accountID)
	})
	if err != nil && triage.ErrorCode(err) == triage.EINTERNAL {
		err = fmt.Errorf("check a %s link: %w", purpose, err)
	}
	return accountID, email, err
}

// liveLink finds the account of a link token that is unused and unexpired, or says,
// for the patient, why the link does not work.
func liveLink(ctx context.Context, tx *sqlx.Tx, now time.Time, token, purpose string) (int64, error) {
	var l struct {
		AccountID int64         `db:"account_id"`
		Expires   int64         `db:"expires_at"`
		Used      sql.NullInt64 `db:"used_at"`
	}
	err := tx.GetContext(ctx, &l, `SELECT account_id, expires_at, used_at FROM account_links WHERE token_hash = ? AND purpose = ?`, HashToken(token), purpose)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, triage.Errorf(triage.ENOTFOUND, "this link is not one we sent: please ask for a new one")
	case err != nil:
		return 0, fmt.Errorf("look up a %s link: %w", purpose, err)
	case l.Used.Valid:
		return 0, triage.Errorf(triage.ENOTFOUND, "this link has been used already: each link works once. Please ask for a new one")
	case now.Unix() >= l.Expires:
		return 0, triage.Errorf(triage.ENOTFOUND, "this link has expired: please ask for a new one")
	}
	return l.AccountID, nil
}

// useLink uses a link: in one statement it is marked used if it is live (unused and
// unexpired), so two requests with the same link can never both use it, whatever the
// transaction around them. The account's address is confirmed (the link reached it);
// confirmed says whether it was confirmed only now. A link that does not work is
// refused with why.
func useLink(ctx context.Context, tx *sqlx.Tx, now time.Time, token, purpose string) (accountID int64, confirmed bool, err error) {
	err = tx.GetContext(ctx, &accountID, `UPDATE account_links SET used_at = ?
		WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id`,
		now.Unix(), HashToken(token), purpose, now.Unix())
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := liveLink(ctx, tx, now, token, purpose); err != nil {
			return 0, false, err
		}
		return 0, false, fmt.Errorf("use a %s link: it was live, and not when used", purpose)
	} else if err != nil {
		return 0, false, fmt.Errorf("use a %s link: %w", purpose, err)
	}
	res, err := tx.ExecContext(ctx, `UPDATE logins SET email_verified_at = ? WHERE account_id = ? AND email_verified_at IS NULL`, now.Unix(), accountID)
	if err != nil {
		return 0, false, fmt.Errorf("confirm the address of account %d: %w", accountID, err)
	}
	n, _ := res.RowsAffected()
	return accountID, n > 0, nil
}

// ResetPassword uses a password-reset link: in one transaction the account gets the
// new password hash, every session it has ends (a browser or app signed in with the
// old password is signed out), its other emailed links stop working, and the change is
// recorded. The caller starts a new session for the browser that chose the password.
func (q *Queue) ResetPassword(ctx context.Context, token, passwordHash string) (int64, error) {
	var accountID int64
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var err error
		if accountID, _, err = useLink(ctx, tx, now, token, LinkResetPassword); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE logins SET password_hash = ? WHERE account_id = ?`, passwordHash, accountID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET ended_at = ? WHERE account_id = ? AND purpose = ? AND ended_at IS NULL`, now.Unix(), accountID, purposePatient)
		if err != nil {
			return err
		}
		ended, _ := res.RowsAffected()
		// The account's other links stop working: one emailed before may be in a
		// mailbox the patient has lost. (The one used here is used already.)
		if _, err := tx.ExecContext(ctx, `UPDATE account_links SET used_at = ? WHERE account_id = ? AND used_at IS NULL`, now.Unix(), accountID); err != nil {
			return err
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: "password-reset",
			Detail: fmt.Sprintf("new password chosen with an emailed link; %d session(s) ended", ended)})
	})
	if err != nil {
		return 0, fmt.Errorf("reset a password: %w", err)
	}
	return accountID, nil
}

// UseSignInLink uses a sign-in link and returns its account; the caller starts the
// session (StartSession records the sign-in).
func (q *Queue) UseSignInLink(ctx context.Context, token string) (int64, error) {
	var accountID int64
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var err error
		var confirmed bool
		if accountID, confirmed, err = useLink(ctx, tx, now, token, LinkSignIn); err != nil || !confirmed {
			return err
		}
		// A password chosen before the address was confirmed may be anyone's: someone
		// could sign up with another person's address and a password of their own, wait
		// for the owner to confirm the address with a sign-in link, then sign in as
		// them. The link proves who holds the address, not who chose the password, so
		// that password stops working (the owner can choose one with a reset link).
		res, err := tx.ExecContext(ctx, `UPDATE logins SET password_hash = '' WHERE account_id = ? AND password_hash != ''`, accountID)
		if err != nil {
			return fmt.Errorf("clear an unconfirmed password: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: "password-cleared",
			Detail: "the address was confirmed by a sign-in link; the password chosen before that was cleared"})
	})
	if err != nil {
		return 0, fmt.Errorf("sign in with a link: %w", err)
	}
	return accountID, nil
}
