package triage

import (
	"strings"
	"time"
)

// Side says who wrote a message in a request's conversation: the practice or the
// patient (or the account holder writing for them).
type Side string

// The two sides of a conversation.
const (
	FromPractice Side = "practice"
	FromPatient  Side = "patient"
)

// Valid reports whether s is one of the two sides.
func (s Side) Valid() bool { return s == FromPractice || s == FromPatient }

// Message is one message in a request's conversation between the practice and the
// patient. Messages are only ever added, never changed, so the thread a patient read
// is the thread the practice sees.
type Message struct {
	ID        int64 `json:"id"` // the queue's number for it; 0 until the queue has stored it
	RequestID int64 `json:"requestId"`
	From      Side  `json:"from"`
	// Author is the member of staff who wrote a practice message; for a patient's
	// message it is empty and AccountID is the account that sent it.
	Author    string    `json:"author,omitempty"`
	AccountID int64     `json:"accountId,omitempty"`
	Channel   Channel   `json:"channel,omitempty"` // how a practice message reached the patient
	Body      string    `json:"body"`
	SentAt    time.Time `json:"sentAt"`
}

// Validate checks a message read from outside this process (a feed page).
func (m *Message) Validate() error {
	switch {
	case !m.From.Valid():
		return Errorf(EINVALID, "message %d: unknown side %q", m.ID, m.From)
	case strings.TrimSpace(m.Body) == "":
		return Errorf(EINVALID, "message %d is empty", m.ID)
	case m.SentAt.IsZero():
		return Errorf(EINVALID, "message %d has no time", m.ID)
	case m.Channel != "" && !validChannel(m.Channel):
		return Errorf(EINVALID, "message %d: unknown channel %q", m.ID, m.Channel)
	}
	return nil
}

// PatientMessage returns the message to the patient that action a, just applied to r
// at now, carries, and reports whether it carries one: a response, a signpost, or a
// close with a message. The queue adds it to the request's conversation in the same
// transaction as the action, so a patient never reads an answer the practice did not
// record, and the practice never records one the patient cannot read.
func (a Action) PatientMessage(r *Request, now time.Time) (Message, bool) {
	body := strings.TrimSpace(a.Message)
	if body == "" {
		return Message{}, false
	}
	ch := a.Channel
	switch a.Kind {
	case ActRespond:
	case ActSignpost:
		ch = ChannelMessage
	case ActClose:
		ch = r.Channel
	default:
		return Message{}, false
	}
	if ch == "" {
		ch = ChannelMessage
	}
	return Message{RequestID: r.ID, From: FromPractice, Author: a.Actor, Channel: ch, Body: body, SentAt: now}, true
}

// Reply adds a patient's reply, sent by account at now, to r's conversation and
// returns it. A reply is held to the same text limits as a request. A request waiting
// for the patient stops waiting: it goes back to in-progress when a team holds it, or
// to the triage inbox (new) when it was asked before any team had it, so the reply is
// read by whoever was waiting for it. A closed request takes no reply: the patient
// sends a new request instead, which keeps the 72-hour clock honest.
func (r *Request) Reply(account int64, body string, now time.Time) (Message, error) {
	body = strings.TrimSpace(body)
	if body == "" {
		return Message{}, Errorf(EINVALID, "the reply is empty").
			ForPatient("Please write your reply: it is empty.")
	}
	if n := len([]rune(body)); n > MaxTextLength {
		return Message{}, Errorf(EINVALID, "the reply is %d characters long; the most is %d", n, MaxTextLength).
			ForPatient("Your reply is %d characters long and the most is %d. Please shorten it, or call the surgery.", n, MaxTextLength)
	}
	if !r.Live() {
		return Message{}, Errorf(EINVALID, "request %d is closed: it takes no more replies", r.ID).
			ForPatient("This request is closed, so the practice will not see a reply to it. If you still need help, please send a new request, or call the surgery. If it is urgent, call 111; in an emergency, call 999.")
	}
	next := *r
	if r.Status == StatusAwaitingPatient {
		next.Status = StatusNew
		if r.Team != "" {
			next.Status = StatusInProgress
		}
		next.AwaitingSince = time.Time{}
	}
	m := Message{RequestID: r.ID, From: FromPatient, AccountID: account, Body: body, SentAt: now}
	next.Messages = append(append([]Message(nil), r.Messages...), m)
	next.Version = r.Version + 1
	next.UpdatedAt, next.UpdatedBy = now, "patient"
	*r = next
	return m, nil
}

// Thread returns the request's conversation oldest first. A request answered before
// the queue kept conversations has only its last response: it is shown as one
// practice message, so no answer disappears from the screen.
func (r *Request) Thread() []Message {
	if len(r.Messages) > 0 || strings.TrimSpace(r.Response) == "" {
		return r.Messages
	}
	at := r.FirstResponseAt
	if at.IsZero() {
		at = r.UpdatedAt
	}
	return []Message{{RequestID: r.ID, From: FromPractice, Author: r.ClaimedBy, Channel: r.Channel, Body: r.Response, SentAt: at}}
}

// WaitingFor returns how long the practice has waited for the patient's reply at now,
// and false when the request is not waiting for the patient.
func (r *Request) WaitingFor(now time.Time) (time.Duration, bool) {
	if r.Status != StatusAwaitingPatient || r.AwaitingSince.IsZero() {
		return 0, false
	}
	d := now.Sub(r.AwaitingSince)
	if d < 0 {
		d = 0
	}
	return d, true
}
