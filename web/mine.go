package web

import (
	"slices"
	"strconv"

	"triagedesk/server"
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
		tr := triage.Request{Text: r.Text}
		out = append(out, ownRow{OwnRequest: r, Received: when(r.Received, loc), Summary: tr.FirstLine(80), Tag: statusTag(r.State)})
	}
	return out, nil
}

// statusTag is the NHS tag colour of a status, as a patient sees it.
func statusTag(s triage.Status) string {
	switch s {
	case triage.StatusAwaitingPatient:
		return "orange"
	case triage.StatusClosed:
		return "grey"
	case triage.StatusNew:
		return "blue"
	}
	return "green"
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
	Photos int
}

func (w *Web) oneRequest(c *ctx) (string, *view) {
	id, _ := strconv.ParseInt(c.r.PathValue("id"), 10, 64)
	rows, err := w.ownRequests(c)
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	i := slices.IndexFunc(rows, func(r ownRow) bool { return r.ID == id })
	if i < 0 {
		v := c.view("Request not found")
		c.status = 404
		return "not-found", v
	}
	n, err := w.srv.Queue().PhotoCount(c.r.Context(), id)
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	v := c.view("Request " + strconv.FormatInt(id, 10))
	v.Back = "/requests"
	v.Data = oneView{ownRow: rows[i], Photos: n}
	return "request", v
}
