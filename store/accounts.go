package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// Patients' accounts, sign-in sessions and identity claims (issue 12). An account is
// an email address and a password; it becomes a patient on the practice list only when
// staff verify its claim. Until then its requests go to a provisional patient record
// (patients.unverified) that is not on the list, so nothing a patient types can reveal
// whether an NHS number is registered, add anyone to the list, or reach anyone's
// records.

// Token purposes in the sessions table.
const (
	purposePatient     = "patient"      // a signed-in patient's bearer token
	purposeVerifyEmail = "verify-email" // the one-use link that confirms an email address
)

// Login is what the queue keeps to sign a patient in.
type Login struct {
	AccountID     int64
	Email         string
	PasswordHash  string // argon2id PHC string; "" can never sign in by password
	EmailVerified bool
}

// SignUp opens an account for an email address with a password hash, its address not
// yet confirmed. created is false, and nothing changes, when the address already has an
// account: the caller says the same to both, so sign-up does not reveal who has one.
func (q *Queue) SignUp(ctx context.Context, email, passwordHash string) (accountID int64, created bool, err error) {
	if err := triage.ValidateEmail(email); err != nil {
		return 0, false, err
	}
	err = q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		err := tx.GetContext(ctx, &accountID, `SELECT account_id FROM logins WHERE email = ?`, email)
		if err == nil {
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO accounts (patient_id) VALUES (0)`)
		if err != nil {
			return err
		}
		accountID, _ = res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `INSERT INTO logins (account_id, email, password_hash, created_at) VALUES (?, ?, ?, ?)`,
			accountID, email, passwordHash, now.Unix()); err != nil {
			return err
		}
		created = true
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: "sign-up", Detail: "account opened, email not yet confirmed"})
	})
	if err != nil {
		return 0, false, fmt.Errorf("sign up: %w", err)
	}
	return accountID, created, nil
}

// LoginByEmail returns the sign-in details of the account with this address, or
// ENOTFOUND.
func (q *Queue) LoginByEmail(ctx context.Context, email string) (Login, error) {
	var l struct {
		AccountID int64         `db:"account_id"`
		Email     string        `db:"email"`
		Hash      string        `db:"password_hash"`
		Verified  sql.NullInt64 `db:"email_verified_at"`
	}
	err := q.r.GetContext(ctx, &l, `SELECT account_id, email, password_hash, email_verified_at FROM logins WHERE email = ?`, strings.TrimSpace(email))
	if errors.Is(err, sql.ErrNoRows) {
		return Login{}, triage.Errorf(triage.ENOTFOUND, "no account has this email address")
	} else if err != nil {
		return Login{}, fmt.Errorf("look up sign-in: %w", err)
	}
	return Login{AccountID: l.AccountID, Email: l.Email, PasswordHash: l.Hash, EmailVerified: l.Verified.Valid}, nil
}

// SetPasswordHash replaces an account's password hash (after a rehash with stronger
// settings, or a reset).
func (q *Queue) SetPasswordHash(ctx context.Context, accountID int64, hash string) error {
	return q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		_, err := tx.ExecContext(ctx, `UPDATE logins SET password_hash = ? WHERE account_id = ?`, hash, accountID)
		return err
	})
}

// StartSession signs an account in: it returns a bearer token valid for ttl. The
// sign-in is recorded in the audit trail.
func (q *Queue) StartSession(ctx context.Context, accountID int64, ttl time.Duration) (string, time.Time, error) {
	return q.newAccountToken(ctx, accountID, purposePatient, ttl, "sign-in")
}

// NewEmailLink makes the one-use token of a link that confirms an account's email
// address, valid for ttl.
func (q *Queue) NewEmailLink(ctx context.Context, accountID int64, ttl time.Duration) (string, error) {
	tok, _, err := q.newAccountToken(ctx, accountID, purposeVerifyEmail, ttl, "")
	return tok, err
}

func (q *Queue) newAccountToken(ctx context.Context, accountID int64, purpose string, ttl time.Duration, audit string) (string, time.Time, error) {
	token, hash := NewToken()
	var expires time.Time
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		expires = now.Add(ttl)
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, purpose, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			hash, purpose, accountID, now.Unix(), expires.Unix()); err != nil {
			return err
		}
		if audit == "" {
			return nil
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: audit, Detail: "session until " + expires.Format(time.RFC3339)})
	})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("make a %s token for account %d: %w", purpose, accountID, err)
	}
	return token, expires, nil
}

// ConfirmEmail uses an email link's token: the account's address is confirmed and the
// token cannot be used again. It returns the account's id.
func (q *Queue) ConfirmEmail(ctx context.Context, token string) (int64, error) {
	var accountID int64
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var s struct {
			AccountID int64         `db:"account_id"`
			Expires   int64         `db:"expires_at"`
			Ended     sql.NullInt64 `db:"ended_at"`
		}
		err := tx.GetContext(ctx, &s, `SELECT account_id, expires_at, ended_at FROM sessions WHERE token_hash = ? AND purpose = ?`, HashToken(token), purposeVerifyEmail)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && s.Ended.Valid) {
			return triage.Errorf(triage.ENOTFOUND, "this link is not one we sent, or it has been used already: sign in, or sign up again for a new link")
		} else if err != nil {
			return err
		}
		if now.Unix() >= s.Expires {
			return triage.Errorf(triage.ENOTFOUND, "this link has expired: sign up again with the same address for a new one")
		}
		accountID = s.AccountID
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET ended_at = ? WHERE token_hash = ?`, now.Unix(), HashToken(token)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE logins SET email_verified_at = coalesce(email_verified_at, ?) WHERE account_id = ?`, now.Unix(), accountID); err != nil {
			return err
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: "email-confirmed"})
	})
	if err != nil {
		return 0, fmt.Errorf("confirm email: %w", err)
	}
	return accountID, nil
}

// EndSession signs a patient out: the token stops working at once.
func (q *Queue) EndSession(ctx context.Context, token string) error {
	return q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var accountID int64
		err := tx.GetContext(ctx, &accountID, `SELECT account_id FROM sessions WHERE token_hash = ? AND purpose = ? AND ended_at IS NULL`, HashToken(token), purposePatient)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // already ended: signing out twice is not an error
		} else if err != nil {
			return fmt.Errorf("sign out: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET ended_at = ? WHERE token_hash = ?`, now.Unix(), HashToken(token)); err != nil {
			return fmt.Errorf("sign out: %w", err)
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: "sign-out"})
	})
}

// AccountByToken finds the patient account a live bearer token belongs to. What it
// reads is kept in memory while the sign-in epoch stands (signInCache).
func (q *Queue) AccountByToken(ctx context.Context, token string) (triage.Account, error) {
	c, err := q.accounts.lookup(ctx, q, "account", HashToken(token), q.readAccount)
	if err != nil {
		return triage.Account{}, err
	}
	if c.ended.Valid {
		return triage.Account{}, fmt.Errorf("look up account: %w", triage.Errorf(triage.EUNAUTHORIZED, "you signed out: sign in again"))
	}
	if q.Now().Unix() >= c.expires {
		return triage.Account{}, fmt.Errorf("look up account: %w", triage.Errorf(triage.EUNAUTHORIZED, "your sign-in has expired: sign in again"))
	}
	return c.account, nil
}

// cachedAccount is a patient's session and account as AccountByToken reads them.
type cachedAccount struct {
	account triage.Account
	expires int64
	ended   sql.NullInt64
}

// clone is a copy of c whose Dependants are its own, so a caller may change them.
func (c cachedAccount) clone() cachedAccount {
	c.account.Dependants = slices.Clone(c.account.Dependants)
	return c
}

// readAccount reads the session with token hash hash and its account.
func (q *Queue) readAccount(ctx context.Context, hash string) (cachedAccount, error) {
	var c cachedAccount
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		a := &c.account
		var unverified sql.NullBool
		err := tx.QueryRowxContext(ctx, `SELECT a.id, l.email, a.patient_id, s.expires_at, s.ended_at, p.unverified
			FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN logins l ON l.account_id = a.id
			LEFT JOIN patients p ON p.id = a.patient_id
			WHERE s.token_hash = ? AND s.purpose = ?`, hash, purposePatient).Scan(&a.ID, &a.Email, &a.PatientID, &c.expires, &c.ended, &unverified)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.EUNAUTHORIZED, "this is not a patient's sign-in token: sign in again")
		} else if err != nil {
			return err
		}
		a.Verified = a.PatientID > 0 && unverified.Valid && !unverified.Bool
		return tx.SelectContext(ctx, &a.Dependants, `SELECT patient_id FROM patient_links WHERE account_id = ? AND patient_id <> ? ORDER BY patient_id`, a.ID, a.PatientID)
	})
	if err != nil {
		return c, fmt.Errorf("look up account: %w", err)
	}
	return c, nil
}

// Logins gives demo and imported accounts (already linked to patients on the list)
// a confirmed address and a token valid for 30 days; it returns the tokens by
// account id. They have no password, so they cannot sign in any other way.
func (q *Queue) Logins(ctx context.Context, accounts []triage.Account) (map[int64]string, error) {
	out := map[int64]string{}
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		login, err := tx.PrepareContext(ctx, `INSERT INTO logins (account_id, email, email_verified_at, created_at) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer login.Close()
		session, err := tx.PrepareContext(ctx, `INSERT INTO sessions (token_hash, purpose, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer session.Close()
		for _, a := range accounts {
			if _, err := login.ExecContext(ctx, a.ID, a.Email, now.Unix(), now.Unix()); err != nil {
				return fmt.Errorf("account %d: %w", a.ID, err)
			}
			token, hash := NewToken()
			if _, err := session.ExecContext(ctx, hash, purposePatient, a.ID, now.Unix(), now.Add(30*24*time.Hour).Unix()); err != nil {
				return fmt.Errorf("account %d: %w", a.ID, err)
			}
			out[a.ID] = token
		}
		return nil
	})
	return out, err
}

// accountActor names a patient's account in the audit trail without personal data.
func accountActor(id int64) string { return fmt.Sprintf("account %d", id) }

// --- claims ---------------------------------------------------------------------------

// SubmitClaim records an account's claim to be, or to act for, a patient; c has been
// checked with triage.ValidateClaimed. A provisional patient record holding the claimed
// details is made for the account's requests until staff decide. A claim for someone
// else needs the account's own identity verified first; one for someone 16 or over is
// a request for proxy access.
func (q *Queue) SubmitClaim(ctx context.Context, accountID int64, c triage.Claim) (triage.Claim, error) {
	if c.Kind != triage.ClaimSelf {
		c.Kind = triage.ClaimDependant
	}
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if c.Kind != triage.ClaimSelf && triage.AgeAt(c.BirthDate, now) >= 16 {
			c.Kind = triage.ClaimProxy
		}
		var holder int64
		var holderUnverified sql.NullBool
		if err := tx.QueryRowxContext(ctx, `SELECT a.patient_id, p.unverified FROM accounts a LEFT JOIN patients p ON p.id = a.patient_id WHERE a.id = ?`,
			accountID).Scan(&holder, &holderUnverified); err != nil {
			return fmt.Errorf("account %d: %w", accountID, err)
		}
		verified := holder > 0 && holderUnverified.Valid && !holderUnverified.Bool
		if c.Kind == triage.ClaimSelf {
			var open int
			if err := tx.GetContext(ctx, &open, `SELECT count(*) FROM claims WHERE account_id = ? AND kind = 'self' AND status <> 'rejected'`, accountID); err != nil {
				return err
			}
			if open > 0 || verified {
				return triage.Errorf(triage.ECONFLICT, "you have already told the practice who you are; to change it, please call the surgery")
			}
		} else if !verified {
			return triage.Errorf(triage.EFORBIDDEN, "the practice needs to confirm who you are before you can add someone you care for; you will be able to once it has")
		}
		// Route the provisional record to the team the claimed patient is with, if the
		// details match someone exactly; otherwise to the team with fewest patients, for
		// a reviewer to move. Nothing of this is told to the patient.
		var site, team string
		err := tx.QueryRowxContext(ctx, `SELECT site_id, gp_team_id FROM patients WHERE nhs_number = ? AND unverified = 0
			AND family_name = ? COLLATE NOCASE AND birth_date = ?`, string(c.NHSNumber), c.FamilyName, c.BirthDate.Format(time.DateOnly)).Scan(&site, &team)
		if errors.Is(err, sql.ErrNoRows) {
			err = tx.QueryRowxContext(ctx, `SELECT t.site_id, t.id FROM gp_teams t LEFT JOIN patients p ON p.gp_team_id = t.id AND p.unverified = 0
				GROUP BY t.id ORDER BY count(p.id), t.id LIMIT 1`).Scan(&site, &team)
			if errors.Is(err, sql.ErrNoRows) {
				err = nil
			}
		}
		if err != nil {
			return err
		}
		suffix := make([]byte, 6)
		rand.Read(suffix)
		res, err := tx.ExecContext(ctx, `INSERT INTO patients (version, nhs_number, given_name, family_name, birth_date, sex, site_id, gp_team_id, dependant, unverified)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, string(c.NHSNumber)+"#"+hex.EncodeToString(suffix), c.GivenName, c.FamilyName,
			c.BirthDate.Format(time.DateOnly), string(c.Sex), site, team, c.Kind != triage.ClaimSelf)
		if err != nil {
			return err
		}
		c.ProvisionalID, _ = res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `INSERT INTO patient_links (patient_id, account_id) VALUES (?, ?)`, c.ProvisionalID, accountID); err != nil {
			return err
		}
		if c.Kind == triage.ClaimSelf {
			if _, err := tx.ExecContext(ctx, `UPDATE accounts SET patient_id = ? WHERE id = ?`, c.ProvisionalID, accountID); err != nil {
				return err
			}
		}
		c.AccountID, c.Status, c.CreatedAt = accountID, triage.ClaimPending, now
		res, err = tx.ExecContext(ctx, `INSERT INTO claims (account_id, kind, nhs_number, given_name, family_name, birth_date, sex, relationship, provisional_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, accountID, string(c.Kind), string(c.NHSNumber), c.GivenName, c.FamilyName,
			c.BirthDate.Format(time.DateOnly), string(c.Sex), c.Relationship, c.ProvisionalID, now.Unix())
		if err != nil {
			return err
		}
		c.ID, _ = res.LastInsertId()
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: accountActor(accountID), Action: "claim", PatientID: c.ProvisionalID,
			Detail: fmt.Sprintf("claim %d (%s) sent; provisional patient %d", c.ID, c.Kind, c.ProvisionalID)}); err != nil {
			return err
		}
		return recordChange(ctx, tx, now, "patient", c.ProvisionalID)
	})
	if err != nil {
		return triage.Claim{}, fmt.Errorf("claim for account %d: %w", accountID, err)
	}
	return c, nil
}

const claimColumns = `c.id, c.account_id, c.kind, c.nhs_number, c.given_name, c.family_name, c.birth_date, c.sex, c.relationship,
	c.provisional_id, c.status, c.patient_id, c.decided_by, c.decided_at, c.note, c.created_at, coalesce(l.email, '')`

func scanClaim(row interface{ Scan(...any) error }) (triage.Claim, error) {
	var c triage.Claim
	var kind, nhs, birth, sex, status string
	var decided sql.NullInt64
	var created int64
	if err := row.Scan(&c.ID, &c.AccountID, &kind, &nhs, &c.GivenName, &c.FamilyName, &birth, &sex, &c.Relationship,
		&c.ProvisionalID, &status, &c.PatientID, &c.DecidedBy, &decided, &c.Note, &created, &c.Email); err != nil {
		return c, err
	}
	c.Kind, c.NHSNumber, c.Sex, c.Status = triage.ClaimKind(kind), triage.NHSNumber(nhs), triage.Sex(sex), triage.ClaimStatus(status)
	c.BirthDate, _ = time.Parse(time.DateOnly, birth)
	c.DecidedAt, c.CreatedAt = fromUnix(decided), time.Unix(created, 0).UTC()
	return c, nil
}

func queryClaims(ctx context.Context, tx *sqlx.Tx, where string, args ...any) ([]triage.Claim, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+claimColumns+` FROM claims c LEFT JOIN logins l ON l.account_id = c.account_id `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []triage.Claim
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AccountClaims returns an account's own claims, newest first, without matches.
func (q *Queue) AccountClaims(ctx context.Context, accountID int64) ([]triage.Claim, error) {
	var out []triage.Claim
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		out, err = queryClaims(ctx, tx, `WHERE c.account_id = ? ORDER BY c.id DESC`, accountID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("claims of account %d: %w", accountID, err)
	}
	for i := range out {
		out[i].Email, out[i].Note, out[i].DecidedBy, out[i].PatientID = "", "", "", 0
	}
	return out, nil
}

// OpenClaims returns the claims waiting for staff (pending, and those whose holder was
// asked for ID), oldest first, each with the practice list's best matches.
func (q *Queue) OpenClaims(ctx context.Context) ([]triage.Claim, error) {
	var out []triage.Claim
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		if out, err = queryClaims(ctx, tx, `WHERE c.status IN ('pending', 'ask-id') ORDER BY c.id`); err != nil {
			return err
		}
		for i := range out {
			if out[i].Matches, err = claimMatches(ctx, tx, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("open claims: %w", err)
	}
	return out, nil
}

// Claim returns one claim with its best matches on the list.
func (q *Queue) Claim(ctx context.Context, id int64) (triage.Claim, error) {
	var c triage.Claim
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		if c, err = getClaim(ctx, tx, id); err != nil {
			return err
		}
		c.Matches, err = claimMatches(ctx, tx, &c)
		return err
	})
	return c, err
}

func getClaim(ctx context.Context, tx *sqlx.Tx, id int64) (triage.Claim, error) {
	c, err := scanClaim(tx.QueryRowxContext(ctx, `SELECT `+claimColumns+` FROM claims c LEFT JOIN logins l ON l.account_id = c.account_id WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, triage.Errorf(triage.ENOTFOUND, "there is no claim %d", id)
	} else if err != nil {
		return c, fmt.Errorf("read claim %d: %w", id, err)
	}
	return c, nil
}

// claimMatches returns up to five patients on the list most like a claim: the same
// NHS number counts most, then date of birth and family name, then given name.
func claimMatches(ctx context.Context, tx *sqlx.Tx, c *triage.Claim) ([]triage.Patient, error) {
	birth := c.BirthDate.Format(time.DateOnly)
	var ids []int64
	err := tx.SelectContext(ctx, &ids, `SELECT id FROM (
		SELECT id, (nhs_number = ?) * 8 + (birth_date = ?) * 4 + (family_name = ? COLLATE NOCASE) * 2 + (given_name = ? COLLATE NOCASE) AS score
		FROM patients WHERE unverified = 0 AND (nhs_number = ? OR birth_date = ?
			OR (family_name = ? COLLATE NOCASE AND given_name = ? COLLATE NOCASE)))
		WHERE score >= 4 ORDER BY score DESC, id LIMIT 5`,
		string(c.NHSNumber), birth, c.FamilyName, c.GivenName, string(c.NHSNumber), birth, c.FamilyName, c.GivenName)
	if err != nil {
		return nil, err
	}
	out := make([]triage.Patient, 0, len(ids))
	for _, id := range ids {
		p, err := getPatient(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// DecideClaim applies a member of staff's decision to an open claim, in one
// transaction, and records it in the audit trail. Verifying links the account to the
// patient on the list and moves the requests sent meanwhile from the provisional
// record to that patient (each a change the desks see). A child must be under 16 on
// the list's date of birth; an adult is only linked by a proxy claim.
func (q *Queue) DecideClaim(ctx context.Context, id int64, d triage.ClaimDecision, actor string) (triage.Claim, error) {
	if err := d.Validate(); err != nil {
		return triage.Claim{}, err
	}
	var c triage.Claim
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var err error
		if c, err = getClaim(ctx, tx, id); err != nil {
			return err
		}
		if c.Status != triage.ClaimPending && c.Status != triage.ClaimAskID {
			return triage.Errorf(triage.ECONFLICT, "claim %d was already %s by %s", id, strings.ToLower(c.Status.Label()), c.DecidedBy)
		}
		if d.Decision == triage.ClaimVerified {
			if err := verifyClaim(ctx, tx, now, &c, d.PatientID, actor); err != nil {
				return err
			}
		}
		c.Status, c.DecidedBy, c.DecidedAt, c.Note = d.Decision, actor, now, strings.TrimSpace(d.Note)
		if _, err := tx.ExecContext(ctx, `UPDATE claims SET status = ?, patient_id = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?`,
			string(c.Status), c.PatientID, actor, now.Unix(), c.Note, id); err != nil {
			return err
		}
		detail := fmt.Sprintf("claim %d (%s) of account %d: %s", id, c.Kind, c.AccountID, c.Status)
		if c.Status == triage.ClaimVerified {
			detail += fmt.Sprintf(" as patient %d", c.PatientID)
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "claim-decision", PatientID: c.ProvisionalID, Detail: detail})
	})
	if err != nil {
		return triage.Claim{}, fmt.Errorf("decide claim %d: %w", id, err)
	}
	return c, nil
}

func verifyClaim(ctx context.Context, tx *sqlx.Tx, now time.Time, c *triage.Claim, patientID int64, actor string) error {
	target, err := getPatient(ctx, tx, patientID)
	if err != nil {
		return err
	}
	var unverified bool
	if err := tx.GetContext(ctx, &unverified, `SELECT unverified FROM patients WHERE id = ?`, patientID); err != nil {
		return err
	}
	if unverified {
		return triage.Errorf(triage.EINVALID, "patient %d is itself an unverified claim, not a patient on the list", patientID)
	}
	if c.Kind == triage.ClaimDependant && target.AgeAt(now) >= 16 {
		return triage.Errorf(triage.EINVALID, "%s is %d on the list: an adult is linked only by proxy access they agree to; reject this claim and ask the account holder to request proxy access", target.Name(), target.AgeAt(now))
	}
	var owner int64
	if err := tx.GetContext(ctx, &owner, `SELECT count(*) FROM accounts WHERE patient_id = ? AND id <> ?`, patientID, c.AccountID); err != nil {
		return err
	}
	if c.Kind == triage.ClaimDependant && owner > 0 {
		return triage.Errorf(triage.EINVALID, "%s has an account of their own: a child's own account is not linked as someone's dependant", target.Name())
	}
	c.PatientID = patientID
	// The account now acts for the patient on the list, instead of the provisional record.
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO patient_links (patient_id, account_id) VALUES (?, ?)`, patientID, c.AccountID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM patient_links WHERE patient_id = ? AND account_id = ?`, c.ProvisionalID, c.AccountID); err != nil {
		return err
	}
	if c.Kind == triage.ClaimSelf {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET patient_id = ? WHERE id = ?`, patientID, c.AccountID); err != nil {
			return err
		}
	}
	dependant := target.Dependant || (c.Kind == triage.ClaimDependant && owner == 0)
	if _, err := tx.ExecContext(ctx, `UPDATE patients SET version = version + 1, dependant = ? WHERE id = ?`, dependant, patientID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE patients SET version = version + 1 WHERE id = ?`, c.ProvisionalID); err != nil {
		return err
	}
	// Requests sent meanwhile become the verified patient's, each a new version.
	var moved []int64
	if err := tx.SelectContext(ctx, &moved, `SELECT id FROM requests WHERE patient_id = ? ORDER BY id`, c.ProvisionalID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE requests SET patient_id = ?, site_id = ?, gp_team_id = ?, version = version + 1, updated_at = ?, updated_by = ?
		WHERE patient_id = ?`, patientID, target.SiteID, target.GPTeamID, now.Unix(), actor, c.ProvisionalID); err != nil {
		return err
	}
	for _, rid := range moved {
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "identity-verified", RequestID: rid, PatientID: patientID,
			Detail: fmt.Sprintf("moved from provisional patient %d to patient %d (claim %d)", c.ProvisionalID, patientID, c.ID)}); err != nil {
			return err
		}
		if err := recordChange(ctx, tx, now, "request", rid); err != nil {
			return err
		}
	}
	if err := recordChange(ctx, tx, now, "patient", c.ProvisionalID); err != nil {
		return err
	}
	return recordChange(ctx, tx, now, "patient", patientID)
}

// --- what an account may see and do ---------------------------------------------------

func mayActFor(ctx context.Context, tx *sqlx.Tx, accountID, patientID int64) error {
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM patient_links WHERE account_id = ? AND patient_id = ?`, accountID, patientID); err != nil {
		return err
	}
	if n == 0 {
		return triage.Errorf(triage.EFORBIDDEN, "this account cannot send requests for patient %d: tell the practice who they are first, and it will check", patientID)
	}
	return nil
}

// PatientRequests returns the requests an account may see: those of the patients it
// acts for, newest first. Requests of a provisional (unverified) record come back with
// Unverified set, and the caller must not show replies on them: until staff have
// checked who the account is, replies could hold someone else's records.
func (q *Queue) PatientRequests(ctx context.Context, accountID int64) ([]OwnRequest, error) {
	var out []OwnRequest
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		reqs, err := queryRequests(ctx, tx, `WHERE r.patient_id IN (SELECT patient_id FROM patient_links WHERE account_id = ?)
			ORDER BY r.received_at DESC, r.id DESC`, accountID)
		if err != nil {
			return err
		}
		var provisional []int64
		if err := tx.SelectContext(ctx, &provisional, `SELECT p.id FROM patient_links l JOIN patients p ON p.id = l.patient_id
			WHERE l.account_id = ? AND p.unverified = 1`, accountID); err != nil {
			return err
		}
		unverified := map[int64]bool{}
		for _, id := range provisional {
			unverified[id] = true
		}
		for _, r := range reqs {
			out = append(out, OwnRequest{Request: r, Unverified: unverified[r.PatientID]})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list requests of account %d: %w", accountID, err)
	}
	return out, nil
}

// OwnRequest is one request an account may see, and whether the patient it is for is
// still an unverified claim.
type OwnRequest struct {
	triage.Request
	Unverified bool
}

// --- staff tokens ---------------------------------------------------------------------

// StaffTokenTTL is how long a staff token lasts before the member of staff needs a new
// one (queueserver user token).
const StaffTokenTTL = 90 * 24 * time.Hour

// RevokeUser ends a member of staff's token at once: every desk signed in with it is
// refused and asks for a new one. It is recorded in the audit trail.
func (q *Queue) RevokeUser(ctx context.Context, name, actor string) error {
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET revoked_at = ? WHERE name = ?`, now.Unix(), name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return triage.Errorf(triage.ENOTFOUND, "there is no user called %q", name)
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "revoke-token", Detail: "revoked the token of " + name})
	})
	if err != nil {
		return fmt.Errorf("revoke %s: %w", name, err)
	}
	return nil
}

// NewUserToken gives a member of staff a new token, valid for StaffTokenTTL; the old
// one stops working.
func (q *Queue) NewUserToken(ctx context.Context, name, actor string) (string, error) {
	token, hash := NewToken()
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET token_hash = ?, expires_at = ?, revoked_at = NULL WHERE name = ?`, hash, now.Add(StaffTokenTTL).Unix(), name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return triage.Errorf(triage.ENOTFOUND, "there is no user called %q", name)
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "new-token", Detail: "new token for " + name})
	})
	if err != nil {
		return "", fmt.Errorf("new token for %s: %w", name, err)
	}
	return token, nil
}

// SignOutUser ends the staff token given: the desk that used it must sign in again.
func (q *Queue) SignOutUser(ctx context.Context, token string) error {
	return q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		var name string
		err := tx.GetContext(ctx, &name, `SELECT name FROM users WHERE token_hash = ? AND revoked_at IS NULL`, HashToken(token))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return fmt.Errorf("sign out: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET revoked_at = ? WHERE token_hash = ?`, now.Unix(), HashToken(token)); err != nil {
			return fmt.Errorf("sign out: %w", err)
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: name, Action: "sign-out"})
	})
}

// accountAuthor is who wrote a request an account sends for patientID: nobody but the
// patient when it is the account's own patient; otherwise the account holder, by the
// name and number of their own patient record, with the relationship their claim to
// the dependant gave ("parent"), so staff call back the person who wrote.
func accountAuthor(ctx context.Context, tx *sqlx.Tx, accountID, patientID int64) (triage.Author, error) {
	var own int64
	if err := tx.GetContext(ctx, &own, `SELECT coalesce(patient_id, 0) FROM accounts WHERE id = ?`, accountID); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return triage.Author{}, err
	}
	if own == patientID {
		return triage.Author{}, nil
	}
	a := triage.Author{Name: fmt.Sprintf("the holder of account %d", accountID)}
	if own != 0 {
		var given, family, phone string
		err := tx.QueryRowxContext(ctx, `SELECT given_name, family_name, phone FROM patients WHERE id = ?`, own).Scan(&given, &family, &phone)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return triage.Author{}, err
		}
		if n := strings.TrimSpace(given + " " + family); n != "" {
			a.Name = n
		}
		a.Phone = phone
	}
	err := tx.GetContext(ctx, &a.Relationship, `SELECT relationship FROM claims WHERE account_id = ? AND (patient_id = ? OR provisional_id = ?)
		AND status <> 'rejected' ORDER BY id DESC LIMIT 1`, accountID, patientID, patientID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return triage.Author{}, err
	}
	if a.Relationship == "" {
		a.Relationship = "acts for the patient"
	}
	return a, nil
}
