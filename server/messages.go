package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// The conversation between the practice and the patient, on the patient's side of the
// API: a patient reads a request's thread and replies to it. Staff add practice
// messages through their actions (respond, signpost, close with a message).

// OwnMessage is one message of a request's conversation as its patient reads it.
type OwnMessage struct {
	ID      int64     `json:"id"`
	From    string    `json:"from"`             // "practice" or "patient"
	Author  string    `json:"author,omitempty"` // the member of staff who wrote a practice message
	Channel string    `json:"channel,omitempty"`
	Text    string    `json:"text"`
	Sent    time.Time `json:"sent"`
}

// ReplyBody is a patient's reply to a request's conversation.
type ReplyBody struct {
	Text string `json:"text"`
}

// ownView is a request as its patient's account reads it. Until the practice has
// checked who the account is (an unverified claim), the practice's messages, like its
// response, are withheld: they could hold someone else's records. The account's own
// replies are shown, since it wrote them.
func ownView(q store.OwnRequest) OwnRequest {
	o := OwnRequest{ID: q.ID, PatientID: q.PatientID, Received: q.ReceivedAt, Text: q.Text, State: q.Status,
		IdentityVerified: !q.Unverified, AwaitingReply: q.Status == triage.StatusAwaitingPatient, Open: q.Live()}
	hidden, answered := false, q.Response != "" || (q.Signpost != "" && q.Signpost != triage.SignpostNone)
	for _, m := range q.Thread() {
		answered = answered || m.From == triage.FromPractice
		if m.From == triage.FromPractice && q.Unverified {
			hidden = true
			continue
		}
		om := OwnMessage{ID: m.ID, From: string(m.From), Text: m.Body, Sent: m.SentAt}
		if m.From == triage.FromPractice {
			om.Author, om.Channel = m.Author, string(m.Channel)
		}
		o.Messages = append(o.Messages, om)
	}
	o.Status, o.Answered = q.Status.PatientLabel(answered), answered
	if q.Unverified {
		if hidden || q.Response != "" {
			o.Note = HeldReplyNote
		}
	} else {
		o.Response = q.Response
		if q.Signpost != triage.SignpostNone {
			o.Signpost = q.Signpost.Label()
		}
	}
	return o
}

// readOwn serves one of the account's requests with its conversation. A request the
// account may not see is "not found", never "forbidden": a stranger learns nothing.
func (s *Server) readOwn(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.OwnRequest(r.Context(), accountOf(r), id, deskOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", o)
}

// OwnRequest returns one of acc's requests with its conversation, as the patient
// reads it, and records the read in the audit trail (from names where: the patient
// pages, or the app's X-Triage-Desk). ENOTFOUND for a request acc may not see.
func (s *Server) OwnRequest(ctx context.Context, acc triage.Account, id int64, from string) (OwnRequest, error) {
	q, err := s.queue.PatientRequest(ctx, acc.ID, id)
	if err != nil {
		return OwnRequest{}, err
	}
	e := triage.AuditEntry{Actor: "account " + strconv.FormatInt(acc.ID, 10), Desk: from, Action: "patient-read", RequestID: q.ID, PatientID: q.PatientID,
		Records: store.RecordList([]int64{q.ID}, nil)}
	if err := s.queue.Audit(ctx, e); err != nil {
		return OwnRequest{}, fmt.Errorf("record patient-read in the audit trail: %w", err)
	}
	return ownView(q), nil
}

// reply adds the patient's reply to a request's conversation. The reply reaches the
// desks through the feed and takes the request out of "awaiting patient".
func (s *Server) reply(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body ReplyBody
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	once, err := onceOf(r, body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.Reply(r.Context(), accountOf(r), id, body.Text, once)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, "application/json", o)
}

// Reply adds acc's reply to one of its requests' conversation (once is an idempotency
// key, or the zero Once), wakes the desks, and returns the request as the patient now
// reads it.
func (s *Server) Reply(ctx context.Context, acc triage.Account, id int64, text string, once store.Once) (OwnRequest, error) {
	q, _, err := s.queue.AddPatientMessage(ctx, once, acc.ID, id, text)
	if err != nil {
		return OwnRequest{}, err
	}
	s.Notify()
	return ownView(q), nil
}

// HeldReplyNote is what a patient is told of the practice's reply on a request their
// account may not read yet (its patient is a claim the practice has not verified): that
// there is one, why they cannot read it, and how they will hear (issue 12; hazard H30).
const HeldReplyNote = "The practice has replied. You can read replies once the practice has checked who you are; they may phone you meanwhile. " +
	"To have your details checked sooner, call the practice or take photo ID to the front desk."

// newMessageSubject and newMessageText are the email that tells a patient a message
// is waiting. It holds no clinical content, not even which request: an inbox is not
// a safe place for health information. heldMessageText is the email for an account
// that may not read the message yet: it says so, and how the patient will hear.
const (
	newMessageSubject = "You have a new message from the practice"
	newMessageText    = "The practice has sent you a new message about a request you made online.\n\n" +
		"To read it, sign in to the practice's online requests:\n\n%s\n\n" +
		"For your privacy, we do not put the message in this email. If you did not make a request, please call the practice.\n"
	heldMessageSubject = "The practice has replied to your request"
	heldMessageText    = "The practice has replied to a request you made online.\n\n" +
		"You can read replies online once the practice has checked who you are. Until then, the practice may phone you. " +
		"To have your details checked sooner, call the practice or take photo ID to the front desk.\n\n" +
		"You can see your requests and their status here:\n\n%s\n\n" +
		"For your privacy, we do not put the message in this email. If you did not make a request, please call the practice.\n"
)

// tellPatient emails the accounts that act for a request's patient, when they have a
// confirmed address, that a new message from the practice is waiting. It runs after
// the change is committed and outside any transaction, on its own goroutine, so a slow
// mail server never holds up a desk; a failure is logged without the address.
func (s *Server) tellPatient(requestID int64) {
	m := s.id.mailer
	if m == nil {
		return
	}
	s.inBackground(func(ctx context.Context) {
		to, err := s.queue.MessageRecipients(ctx, requestID)
		if err != nil {
			s.log.Printf("new-message email: could not find who to tell (%T)", errors.Unwrap(err))
			return
		}
		for _, rc := range to {
			subject, text := newMessageSubject, fmt.Sprintf(newMessageText, strings.TrimRight(m.cfg.PublicURL, "/")+"/")
			if !rc.CanRead {
				subject, text = heldMessageSubject, fmt.Sprintf(heldMessageText, strings.TrimRight(m.cfg.PublicURL, "/")+"/requests")
			}
			if err := m.Send(ctx, rc.Email, subject, text); err != nil {
				s.log.Printf("new-message email: not sent (%T)", errors.Unwrap(err))
			}
		}
	})
}

// WaitForMail waits until every email the server has started sending is sent or has
// failed; for tests and for a clean shutdown.
func (s *Server) WaitForMail() { s.mailing.Wait() }
