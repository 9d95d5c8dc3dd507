package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// My requests: what the account has sent, with its status and the practice's replies,
// through the server's OwnRequests, which audits the read and holds back replies on
// requests for someone the practice has not yet verified.

// ownRow is one request in the list.
type ownRow struct {
	server.OwnRequest
	Received string
	Summary  string
	Tag      string // the status tag's colour
}

func (w *Web) ownRequests(c *ctx) ([]ownRow, error) {
	reqs, err := w.srv.OwnRequests(c.r.Context(), c.acc, "patient pages")
	if err != nil {
		return nil, err
	}
	loc := w.srv.Calendar().Location
	out := make([]ownRow, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, ownRowOf(r, loc))
	}
	return out, nil
}

// sentAs joins when a request was sent to what it is about, in its link on "Your
// requests" and in its own page's title.
const sentAs = ", sent "

// Name is what the request is about and when it was sent, as its link on "Your
// requests" and its own page's title read: a screen reader reads both out of context
// (a list of links, a list of tabs), where the bare reference number says nothing.
func (r ownRow) Name() string { return r.Summary + r.SentAs() }

// SentAs is when the request was sent as its Name ends, for the list, where the link
// shows only what it is about and the Sent column beside it shows when.
func (r ownRow) SentAs() string { return sentAs + r.Received }

// ownRowOf is one request as the patient's list and its own page show it.
func ownRowOf(o server.OwnRequest, loc *time.Location) ownRow {
	tr := triage.Request{Text: o.Text}
	return ownRow{OwnRequest: o, Received: when(o.Received, loc), Summary: tr.FirstLine(80), Tag: statusTag(o)}
}

// statusTag is the NHS tag colour of a status as the patient reads it: orange when
// the practice waits for them, green once answered, grey when closed without an
// answer, blue while it is with the practice. It goes by the status and whether it was
// answered, never by the words shown, which may be reworded.
func statusTag(o server.OwnRequest) string {
	switch {
	case o.State == triage.StatusAwaitingPatient:
		return "orange"
	case o.State == triage.StatusClosed && o.Answered:
		return "green"
	case o.State == triage.StatusClosed:
		return "grey"
	}
	return "blue"
}

func (w *Web) myRequests(c *ctx) (string, *view) {
	rows, err := w.ownRequests(c)
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	v := c.view("Your requests")
	v.Data = rows
	return "requests", v
}

// oneView is one request's page.
type oneView struct {
	ownRow
	Photos   int
	Messages []messageRow
	ReplyKey string // the reply form's idempotency key: a double press sends one reply
}

// messageRow is one message of the conversation as the page shows it.
type messageRow struct {
	FromPractice bool
	Who          string
	Sent         string
	Text         string
}

func (w *Web) oneRequest(c *ctx) (string, *view) {
	name, v, _ := w.requestPage(c)
	return name, v
}

// requestPage fills one request's page. When it cannot, ok is false and name is the
// page to show instead: not found when the account may not see the request (whether
// or not it exists), the problem page (a 500) when the queue failed to read it, so a
// patient is never told a request they sent does not exist because of a fault at the
// practice's end.
func (w *Web) requestPage(c *ctx) (name string, v *view, ok bool) {
	id, _ := strconv.ParseInt(c.r.PathValue("id"), 10, 64)
	o, err := w.srv.OwnRequest(c.r.Context(), c.acc, id, "patient pages")
	if err != nil {
		if triage.ErrorCode(err) != triage.ENOTFOUND {
			name, v := c.problem("Sorry, there is a problem with the service", err)
			return name, v, false
		}
		c.status = http.StatusNotFound
		return "not-found", c.view("Request not found"), false
	}
	n, err := w.srv.Queue().PhotoCount(c.r.Context(), id)
	if err != nil {
		name, v := c.problem("Sorry, there is a problem with the service", err)
		return name, v, false
	}
	loc := w.srv.Calendar().Location
	ov := oneView{ownRow: ownRowOf(o, loc), Photos: n, ReplyKey: randomID()}
	for _, m := range o.Messages {
		row := messageRow{FromPractice: m.From == string(triage.FromPractice), Who: "You", Sent: when(m.Sent, loc), Text: m.Text}
		if row.FromPractice {
			row.Who = "The practice"
		}
		ov.Messages = append(ov.Messages, row)
	}
	v = c.view(ov.Name())
	v.Back = "/requests"
	v.Data = ov
	return "request", v, true
}

// reply sends the patient's answer to the practice's question. A reply that is sent
// reads nothing: the page it goes on to reads the request (and records that read). Only
// a reply refused shows the request again, with the reason, and that read is recorded
// as what it is.
func (w *Web) reply(c *ctx) (string, *view) {
	text := c.r.PostFormValue("reply")
	key := c.r.PostFormValue("reply-key")
	id, _ := strconv.ParseInt(c.r.PathValue("id"), 10, 64)
	again := func(msg string) (string, *view) {
		name, v, ok := w.requestPage(c)
		if !ok {
			return name, v
		}
		ov := v.Data.(oneView)
		v.Values["reply"] = text
		if key != "" {
			ov.ReplyKey = key // the same reply sent again is recognised as one
			v.Data = ov
		}
		v.Errors = []fieldError{{"reply", msg}}
		return "request", v
	}
	switch n := utf8.RuneCountInString(strings.TrimSpace(text)); {
	case n == 0:
		return again("Enter your reply")
	case n > triage.MaxTextLength:
		return again(fmt.Sprintf("Your reply must be %s characters or fewer. It is %s characters now", thousands(triage.MaxTextLength), thousands(n)))
	}
	var once store.Once // no key (a form from before keys): no retry to recognise
	if key != "" {
		h := sha256.Sum256([]byte(text))
		once = store.Once{Scope: "account " + strconv.FormatInt(c.acc.ID, 10), Key: "web-reply-" + key, Fingerprint: hex.EncodeToString(h[:])}
	}
	if _, err := w.srv.Reply(c.r.Context(), c.acc, id, text, once); err != nil {
		switch triage.ErrorCode(err) {
		case triage.EINTERNAL:
			return c.problem("Sorry, your reply was not sent", err)
		case triage.ENOTFOUND:
			c.status = http.StatusNotFound
			return "not-found", c.view("Request not found")
		}
		return again(capital(triage.PatientMessage(err)))
	}
	page := fmt.Sprintf("/requests/%d", id)
	c.sess.success, c.sess.successFor = "Your reply has been sent", page
	return c.redirect(page)
}
