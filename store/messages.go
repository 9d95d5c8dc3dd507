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

// The conversation between the practice and the patient lives in the messages table,
// which the queue and a desk's cache both hold: the queue numbers each message, and the
// feed carries a request's messages with it, so a desk's copy of a thread is the
// queue's.

const messageColumns = `id, request_id, side, author, account_id, channel, body, sent_at`

// readMessages returns the messages of the requests in ids, oldest first within each
// request, by request id.
func readMessages(ctx context.Context, tx *sqlx.Tx, ids []int64) (map[int64][]triage.Message, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages
		WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, sent_at, id`, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("read messages: %w", err)
	}
	defer rows.Close()
	out := map[int64][]triage.Message{}
	for rows.Next() {
		var m triage.Message
		var side, channel string
		var sent int64
		if err := rows.Scan(&m.ID, &m.RequestID, &side, &m.Author, &m.AccountID, &channel, &m.Body, &sent); err != nil {
			return nil, fmt.Errorf("read messages: %w", err)
		}
		m.From, m.Channel, m.SentAt = triage.Side(side), triage.Channel(channel), time.Unix(sent, 0).UTC()
		out[m.RequestID] = append(out[m.RequestID], m)
	}
	return out, rows.Err()
}

// attachMessages fills in the conversation of each request in rs, with one query.
func attachMessages(ctx context.Context, tx *sqlx.Tx, rs []triage.Request) error {
	if len(rs) == 0 {
		return nil
	}
	ids := make([]int64, len(rs))
	for i := range rs {
		ids[i] = rs[i].ID
	}
	byID, err := readMessages(ctx, tx, ids)
	if err != nil {
		return err
	}
	for i := range rs {
		rs[i].Messages = byID[rs[i].ID]
	}
	return nil
}

// insertMessage adds a new message to the conversation and sets its id.
func insertMessage(ctx context.Context, tx *sqlx.Tx, m *triage.Message) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO messages (request_id, side, author, account_id, channel, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		m.RequestID, string(m.From), m.Author, m.AccountID, string(m.Channel), m.Body, m.SentAt.Unix())
	if err != nil {
		return fmt.Errorf("add a message to request %d: %w", m.RequestID, err)
	}
	m.ID, err = res.LastInsertId()
	return err
}

// upsertMessages stores the numbered messages the requests carry (a feed page, the
// queue's answer to an action); a message already held is left as it is, since
// messages never change. Messages not yet numbered by the queue are not stored here.
func upsertMessages(ctx context.Context, tx *sqlx.Tx, rs []triage.Request) error {
	var st *sql.Stmt
	for i := range rs {
		for _, m := range rs[i].Messages {
			if m.ID <= 0 {
				continue
			}
			if st == nil {
				var err error
				if st, err = tx.PrepareContext(ctx, `INSERT INTO messages (`+messageColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (id) DO NOTHING`); err != nil {
					return err
				}
				defer st.Close()
			}
			if _, err := st.ExecContext(ctx, m.ID, rs[i].ID, string(m.From), m.Author, m.AccountID, string(m.Channel), m.Body, m.SentAt.Unix()); err != nil {
				return fmt.Errorf("message %d of request %d: %w", m.ID, rs[i].ID, err)
			}
		}
	}
	return nil
}

// Messages returns the conversation of one request, oldest first: what the practice
// sent and what the patient replied. The queue and a desk's cache hold it in the same
// table, so both read it here: the web pages and the JSON API to show a patient their
// thread (the caller decides what an unverified account may see), the desk to show it
// on the request screen.
func (db *DB) Messages(ctx context.Context, requestID int64) ([]triage.Message, error) {
	var out []triage.Message
	err := db.read(ctx, func(tx *sqlx.Tx) error {
		byID, err := readMessages(ctx, tx, []int64{requestID})
		out = byID[requestID]
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the conversation of request %d: %w", requestID, err)
	}
	return out, nil
}

// PatientRequest returns one request an account may see (one of a patient it acts
// for), with its conversation. Any other request, whether it exists or not, is
// ENOTFOUND: an account never learns that someone else's request exists.
func (q *Queue) PatientRequest(ctx context.Context, accountID, requestID int64) (OwnRequest, error) {
	var out OwnRequest
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		out, err = ownRequest(ctx, tx, accountID, requestID)
		return err
	})
	if err != nil {
		return OwnRequest{}, fmt.Errorf("read request %d for account %d: %w", requestID, accountID, err)
	}
	return out, nil
}

// ownRequest is PatientRequest in tx: one query finds the request only through the
// account's links to patients, with its patient's verification, then its messages.
func ownRequest(ctx context.Context, tx *sqlx.Tx, accountID, requestID int64) (OwnRequest, error) {
	it, err := readRequest(ctx, tx, requestID, `JOIN patient_links l ON l.patient_id = r.patient_id AND l.account_id = ?`, accountID)
	if errors.Is(err, sql.ErrNoRows) {
		return OwnRequest{}, triage.Errorf(triage.ENOTFOUND, "there is no request %d for this account", requestID).
			ForPatient("We cannot find that request. Please choose it from your list of requests.")
	} else if err != nil {
		return OwnRequest{}, err
	}
	return OwnRequest{Request: it.Request, Unverified: it.Patient.Unverified}, nil
}

// AddPatientMessage adds a patient's reply, sent from account accountID, to request
// requestID's conversation, all in one transaction: the reply, the request's new
// version and status (triage.Request.Reply: a request waiting for the patient goes
// back to whoever was waiting), the audit entry and the change that carries it to the
// desks. The account must be one that may see the request (an unverified account may
// reply on its own requests); any other gets ENOTFOUND. A closed request, an empty
// reply or one over triage.MaxTextLength is refused with a message written for the
// patient. With once's key, a reply sent again gets the first answer, not a second
// message. It returns the request as it now is and the message added.
func (q *Queue) AddPatientMessage(ctx context.Context, once Once, accountID, requestID int64, body string) (OwnRequest, triage.Message, error) {
	var out OwnRequest
	var msg triage.Message
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		out, msg = OwnRequest{}, triage.Message{}
		var replayed triage.Request
		if done, err := q.answered(ctx, tx, now, once, &replayed); err != nil {
			return err
		} else if done {
			own, err := ownRequest(ctx, tx, accountID, replayed.ID)
			if err != nil {
				return err
			}
			out = own
			out.Request = replayed
			if n := len(replayed.Messages); n > 0 {
				msg = replayed.Messages[n-1]
			}
			return nil
		}
		own, err := ownRequest(ctx, tx, accountID, requestID)
		if err != nil {
			return err
		}
		r := own.Request
		was := r.Status
		if msg, err = r.Reply(accountID, body, now); err != nil {
			return err
		}
		if err := insertMessage(ctx, tx, &msg); err != nil {
			return err
		}
		r.Messages[len(r.Messages)-1] = msg
		if _, err := tx.ExecContext(ctx, updateRequest, requestArgs(&r)...); err != nil {
			return err
		}
		detail := fmt.Sprintf("the patient replied from account %d", accountID)
		if was != r.Status {
			detail += fmt.Sprintf("; no longer waiting for the patient, back to %s", r.Status.Label())
		}
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: fmt.Sprintf("account %d", accountID), Action: "patient-reply",
			RequestID: r.ID, PatientID: r.PatientID, Detail: detail}); err != nil {
			return err
		}
		if err := remember(ctx, tx, now, once, &r); err != nil {
			return err
		}
		own.Request = r
		out = own
		return recordChange(ctx, tx, now, "request", r.ID)
	})
	if err != nil {
		return OwnRequest{}, triage.Message{}, fmt.Errorf("reply on request %d: %w", requestID, err)
	}
	return out, msg, nil
}

// MessageRecipient is an account to tell that the practice has sent a message: its
// confirmed address, and whether it may read the message (false while the request's
// patient is an unverified claim: the account sees only what it sent itself).
type MessageRecipient struct {
	Email   string `db:"email"`
	CanRead bool   `db:"can_read"`
}

// MessageRecipients returns the accounts that act for the patient of request
// requestID, so the queue can tell them a new message is waiting (without its
// content). An account whose address was never confirmed gets nothing: the address may
// not be the patient's.
func (q *Queue) MessageRecipients(ctx context.Context, requestID int64) ([]MessageRecipient, error) {
	var out []MessageRecipient
	err := q.r.SelectContext(ctx, &out, `SELECT g.email, p.unverified = 0 AS can_read FROM requests r
		JOIN patients p ON p.id = r.patient_id
		JOIN patient_links l ON l.patient_id = r.patient_id
		JOIN logins g ON g.account_id = l.account_id
		WHERE r.id = ? AND g.email_verified_at IS NOT NULL ORDER BY g.account_id`, requestID)
	if err != nil {
		return nil, fmt.Errorf("find who to tell about a message on request %d: %w", requestID, err)
	}
	return out, nil
}
