// Package client is the Go client of the practice queue: the calls a desk and
// triagectl make, with every answer checked before it is believed, and the Syncer
// that keeps a desk's cache true to the queue. It knows nothing of Fyne.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"triagedesk/fhir"
	"triagedesk/triage"
)

// MaxAnswer is the most the client reads of one answer: a full feed page of 5,000
// records with room to spare. A larger answer is refused, not half-read.
const MaxAnswer = 64 << 20

// Client calls one practice queue with one bearer token.
type Client struct {
	base  *url.URL
	token string
	http  *http.Client
	// Desk, if set, names the desk in every call (the X-Triage-Desk header), so the
	// queue's audit trail says from which desk each read and change came.
	Desk string
}

// DeskHeader is the header a desk names itself in, for the queue's audit trail.
const DeskHeader = "X-Triage-Desk"

// IdempotencyHeader carries a key that makes a retried action or submission return
// the queue's first answer instead of being applied twice.
const IdempotencyHeader = "Idempotency-Key"

// NewKey makes an idempotency key.
func NewKey() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b)
}

// New makes a client for the queue at baseURL ("https://queue.example.nhs.uk", or
// "http://127.0.0.1:8443" on this computer).
func New(baseURL, token string) (*Client, error) {
	u, err := ParseServerURL(baseURL)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(token) == "" {
		return nil, triage.Errorf(triage.EINVALID, "a token is needed: ask the practice manager for one (queueserver user add)")
	}
	return &Client{base: u, token: token, http: &http.Client{Timeout: 60 * time.Second}}, nil
}

// ParseServerURL reads the queue's address and refuses one the desk must not use:
// anything but https, except http to this computer (127.0.0.1, ::1, localhost), where
// nothing crosses a network. Over plain http a staff token and every patient's
// details would cross the surgery's network, or the internet, readable by anyone on
// the way.
func ParseServerURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(raw), "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, triage.Errorf(triage.EINVALID, "server address %q is not a URL like https://queue.example.nhs.uk or http://127.0.0.1:8443", raw)
	}
	if u.Scheme == "http" && !fhir.LoopbackHost(u.Hostname()) {
		return nil, triage.Errorf(triage.EINVALID, "server address %q uses http://, which would send your token and patients' details unencrypted: "+
			"use https://%s (ask whoever runs the practice queue for its https address); http:// is only for a queue on this computer, like http://127.0.0.1:8443", raw, u.Host)
	}
	return u, nil
}

// NetworkError is a failure to reach the server, or an answer that was not the
// server's (a proxy's page, a cut-off body): worth retrying later, unlike a refusal.
type NetworkError struct{ Err error }

func (e *NetworkError) Error() string { return "cannot reach the practice queue: " + e.Err.Error() }
func (e *NetworkError) Unwrap() error { return e.Err }

// IsNetwork reports whether err is a network error.
func IsNetwork(err error) bool {
	var ne *NetworkError
	return errors.As(err, &ne)
}

// IsSignedOut reports whether the queue refused the client's token (401): it expired
// or was revoked, or the member of staff signed out. Trying again with the same token
// cannot help; the person has to sign in again.
func IsSignedOut(err error) bool {
	return triage.ErrorCode(err) == triage.EUNAUTHORIZED
}

// answerHead is what the client read of an answer's headers: the headers, and its
// Content-Type parsed once.
type answerHead struct {
	http.Header
	mediaType string // the Content-Type without its parameters, "image/jpeg"
	compact   bool   // the body is a page of the desk's compact feed (fhir.DeskContentType)
}

// do sends a request and returns the body of a 2xx answer; an error answer becomes the
// domain error its OperationOutcome describes.
func (c *Client) do(ctx context.Context, method, path string, body any, header http.Header) ([]byte, answerHead, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, answerHead{}, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, rd)
	if err != nil {
		return nil, answerHead{}, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if c.Desk != "" {
		req.Header.Set(DeskHeader, c.Desk)
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", fhir.ContentType+", application/json")
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, answerHead{}, &NetworkError{err}
	}
	defer resp.Body.Close()
	data, err := readAnswer(resp)
	if errors.Is(err, errTooLarge) {
		return nil, answerHead{}, fmt.Errorf("%s %s: the answer is larger than %d MB, more than any answer of the practice queue: is the server address right?", method, path, MaxAnswer>>20)
	}
	if err != nil {
		return nil, answerHead{}, &NetworkError{fmt.Errorf("the answer was cut off: %w", err)}
	}
	head := answerHead{Header: resp.Header}
	if resp.StatusCode == http.StatusNotModified || resp.StatusCode == http.StatusNoContent {
		return nil, head, nil // nothing changed, or nothing to say (a delete)
	}
	mt, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	head.mediaType = mt
	if resp.StatusCode < 300 && fhir.AcceptsDeskFeed(req.Header.Get("Accept")) {
		if head.compact, err = fhir.CheckDeskMediaType(mt, params); err != nil {
			return nil, answerHead{}, fmt.Errorf("%s %s: %w", method, path, err)
		}
		if head.compact {
			return data, head, nil
		}
	}
	// A photo, when one was asked for: only the two types the queue stores.
	if (mt == "image/jpeg" || mt == "image/png") && resp.StatusCode < 300 && strings.Contains(req.Header.Get("Accept"), mt) {
		return data, head, nil
	}
	if mt != fhir.ContentType && mt != "application/json" {
		return nil, answerHead{}, &NetworkError{fmt.Errorf("%s %s answered %d with %q, not JSON: a proxy or login page may be in the way", method, path, resp.StatusCode, mt)}
	}
	if resp.StatusCode >= 300 {
		var oo fhir.OperationOutcome
		json.Unmarshal(data, &oo)
		err := fhir.ErrorFrom(resp.StatusCode, &oo)
		if resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable {
			return nil, answerHead{}, &NetworkError{err}
		}
		return nil, answerHead{}, err
	}
	return data, head, nil
}

// errTooLarge is an answer larger than MaxAnswer.
var errTooLarge = errors.New("the answer is larger than MaxAnswer")

// firstAnswerBuffer is the most set aside for an answer before its bytes arrive.
const firstAnswerBuffer = 1 << 20

// readAnswer reads a whole answer of at most MaxAnswer bytes. An answer that says its
// length (the queue's feed pages do) is read into a buffer of that size, so a desk under
// load does not grow a buffer from 512 bytes for each of ten pages a second. The length
// is only a claim until the bytes come: a proxy that declares 64 MB and stalls must not
// pin 64 MB per request, so at most firstAnswerBuffer is set aside at first and the
// buffer grows as bytes arrive. (An answer cut short of its length is an
// io.ErrUnexpectedEOF from the body.)
func readAnswer(resp *http.Response) ([]byte, error) {
	if resp.ContentLength > MaxAnswer {
		return nil, errTooLarge
	}
	var buf bytes.Buffer
	if n := resp.ContentLength; n > 0 {
		// MinRead more, as ReadFrom wants that much room for the read that finds
		// the end, and would otherwise copy a whole page to grow for it.
		buf.Grow(int(min(n, firstAnswerBuffer)) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, MaxAnswer+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxAnswer {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

// Feed fetches the changes after cursor; with wait, the server holds the request until
// something changes (up to about 25 seconds).
func (c *Client) Feed(ctx context.Context, cursor string, limit int, wait bool) (fhir.FeedPage, error) {
	data, compact, err := c.FeedBody(ctx, cursor, limit, wait)
	if err != nil {
		return fhir.FeedPage{}, err
	}
	parse := fhir.ParseFeed
	if compact {
		parse = fhir.ParseDeskPage
	}
	page, err := parse(data)
	if err != nil {
		return fhir.FeedPage{}, fmt.Errorf("the practice queue sent a feed page this desk cannot read (%w): nothing was applied; if it persists, update Triage Desk", err)
	}
	return page, nil
}

// FeedBody asks for a page of the feed as Feed does and returns it undecoded, and
// whether it is in the compact form (fhir.DeskContentType) rather than a FHIR Bundle.
func (c *Client) FeedBody(ctx context.Context, cursor string, limit int, wait bool) (body []byte, compact bool, err error) {
	q := url.Values{"cursor": {cursor}, "_count": {strconv.Itoa(limit)}}
	if wait {
		q.Set("wait", "1")
	}
	// Ask for the compact form of the feed, taking FHIR from a queue that has none.
	accept := http.Header{"Accept": {fhir.DeskContentType + ", " + fhir.ContentType}}
	data, header, err := c.do(ctx, http.MethodGet, fhir.FeedPath+"?"+q.Encode(), nil, accept)
	if err != nil {
		return nil, false, err
	}
	return data, header.compact, nil
}

// Task reads one request.
func (c *Client) Task(ctx context.Context, id int64) (triage.Request, error) {
	data, _, err := c.do(ctx, http.MethodGet, "/fhir/Task/"+strconv.FormatInt(id, 10), nil, nil)
	if err != nil {
		return triage.Request{}, err
	}
	return decodeTask(data)
}

func decodeTask(data []byte) (triage.Request, error) {
	var t fhir.Task
	if err := json.Unmarshal(data, &t); err != nil {
		return triage.Request{}, fmt.Errorf("the practice queue sent a Task this desk cannot read: %w", err)
	}
	return t.ToRequest()
}

// Patient reads one patient.
func (c *Client) Patient(ctx context.Context, id int64) (triage.Patient, error) {
	data, _, err := c.do(ctx, http.MethodGet, "/fhir/Patient/"+strconv.FormatInt(id, 10), nil, nil)
	if err != nil {
		return triage.Patient{}, err
	}
	var p fhir.Patient
	if err := json.Unmarshal(data, &p); err != nil {
		return triage.Patient{}, fmt.Errorf("the practice queue sent a Patient this desk cannot read: %w", err)
	}
	return p.ToPatient()
}

// Act sends one staff action made on a.BaseVersion with an idempotency key (key; ""
// for none): sent again with the same key, the queue gives its first answer. A stale
// action is refused with an ECONFLICT error.
func (c *Client) Act(ctx context.Context, a triage.Action, key string) (triage.Request, error) {
	h := http.Header{"If-Match": {`W/"` + strconv.Itoa(a.BaseVersion) + `"`}}
	if key != "" {
		h.Set(IdempotencyHeader, key)
	}
	data, _, err := c.do(ctx, http.MethodPost, "/fhir/Task/"+strconv.FormatInt(a.RequestID, 10)+"/$act", a, h)
	if err != nil {
		return triage.Request{}, err
	}
	return decodeTask(data)
}

// Presence is who has a request open at a desk.
type Presence struct {
	RequestID int64     `json:"requestId"`
	Name      string    `json:"name"`
	Activity  string    `json:"activity"`
	Since     time.Time `json:"since"`
}

// Heartbeat tells the server this desk has a request open, and returns everyone who has.
func (c *Client) Heartbeat(ctx context.Context, requestID int64, activity string) ([]Presence, error) {
	data, _, err := c.do(ctx, http.MethodPost, "/api/v1/presence", map[string]any{"requestId": requestID, "activity": activity}, nil)
	if err != nil {
		return nil, err
	}
	var out []Presence
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("read presence: %w", err)
	}
	return out, nil
}

// Me is the member of staff a token belongs to.
type Me struct {
	Name string `json:"name"`
	Role string `json:"role"`
	Team string `json:"team"`
}

// WhoAmI checks the token and says whose it is.
func (c *Client) WhoAmI(ctx context.Context) (Me, error) {
	data, _, err := c.do(ctx, http.MethodGet, "/api/v1/whoami", nil, nil)
	if err != nil {
		return Me{}, err
	}
	var m Me
	return m, json.Unmarshal(data, &m)
}

// View is a view of a request at a desk, as the desk sends it to the queue's trail.
type View struct {
	At        time.Time `json:"at"`
	Actor     string    `json:"actor"`
	RequestID int64     `json:"requestId"`
}

// RecordViews sends views made at this desk to the queue's audit trail.
func (c *Client) RecordViews(ctx context.Context, views []View) error {
	_, _, err := c.do(ctx, http.MethodPost, "/api/v1/audit/views", map[string]any{"views": views}, nil)
	return err
}

// submitTries is how many times Submit sends a request whose answer was lost.
const submitTries = 3

// Submit sends a patient's request with a patient account's token (for demos and
// scripts); it returns the new request's id. When the answer is lost it sends the
// request again with the same idempotency key, so the queue answers with the request
// it already has instead of storing a second.
func (c *Client) Submit(ctx context.Context, patientID int64, kind triage.Kind, text string) (int64, error) {
	data, err := c.postOnce(ctx, "/api/v1/requests", map[string]any{"patientId": patientID, "kind": kind, "text": text}, NewKey())
	if err != nil {
		return 0, err
	}
	var a struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal(data, &a); err != nil || a.ID == 0 {
		return 0, fmt.Errorf("the practice queue's answer to a submission has no request id")
	}
	return a.ID, nil
}

// Settings reads the practice's manager settings: limits, availability with the
// schedule in force, and whether the service is open now.
func (c *Client) Settings(ctx context.Context) (fhir.Settings, error) {
	data, _, err := c.do(ctx, http.MethodGet, "/api/v1/settings", nil, jsonAccept)
	if err != nil {
		return fhir.Settings{}, err
	}
	var s fhir.Settings
	if err := json.Unmarshal(data, &s); err != nil {
		return fhir.Settings{}, fmt.Errorf("the practice queue's settings could not be read: %w", err)
	}
	return s, nil
}

// SetLimits changes the practice's limits; only a practice manager may.
func (c *Client) SetLimits(ctx context.Context, l triage.Limits) error {
	_, _, err := c.do(ctx, http.MethodPut, "/api/v1/settings/limits", l, jsonAccept)
	return err
}

// SetAvailability changes the opening schedule, dated closures and the switch; only a
// practice manager may. A schedule the queue refuses comes back as an EINVALID error
// saying which day and period is wrong.
func (c *Client) SetAvailability(ctx context.Context, a triage.Availability) error {
	_, _, err := c.do(ctx, http.MethodPut, "/api/v1/settings/availability", a, jsonAccept)
	return err
}

// jsonAccept asks for the patient API's plain JSON.
var jsonAccept = http.Header{"Accept": {"application/json"}}

// Reply sends a patient's reply to the practice on one of their requests, as the
// patient's account, with an idempotency key reused across retries, so a reply sent
// again after a lost answer is one message. A request the account may not see is
// ENOTFOUND; a closed one is refused with a message for the patient.
func (c *Client) Reply(ctx context.Context, requestID int64, text string) error {
	_, err := c.postOnce(ctx, "/api/v1/requests/"+strconv.FormatInt(requestID, 10)+"/messages", map[string]any{"text": text}, NewKey())
	return err
}

// postOnce posts body with an idempotency key, sending it again with the same key
// when the network lost the answer, so a retried post is applied once. It gives up
// after submitTries, on any answer from the queue, or when ctx ends.
func (c *Client) postOnce(ctx context.Context, path string, body any, key string) ([]byte, error) {
	for try := 1; ; try++ {
		data, _, err := c.do(ctx, http.MethodPost, path, body, http.Header{IdempotencyHeader: {key}})
		if err == nil || !IsNetwork(err) || try == submitTries || ctx.Err() != nil {
			return data, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(try) * 200 * time.Millisecond):
		}
	}
}
