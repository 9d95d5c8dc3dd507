// Package server is the practice queue's HTTP interface: the patient API (JSON under
// /api/v1/), the staff API (FHIR R4 under /fhir/), the desks' change feed, presence,
// and the manager's settings. New returns an http.Handler, so tests and the desk's
// demo mode run the queue on 127.0.0.1 with httptest or a plain listener.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"triagedesk/fhir"
	"triagedesk/store"
	"triagedesk/triage"
)

// MaxBody is the most a request body may hold: a submission of 5,000 characters with
// room to spare. Larger bodies are refused before they are read.
const MaxBody = 64 << 10

// Settings keys.
const (
	keyLimits       = "limits"
	keyAvailability = "availability"
)

// Server serves one practice queue.
type Server struct {
	queue    *store.Queue
	engine   *triage.Engine
	cal      *triage.Calendar
	now      func() time.Time
	log      *log.Logger
	mux      *http.ServeMux
	presence *presence

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever the queue changes
	// LongPoll is how long a feed request with wait=1 waits for a change.
	LongPoll time.Duration
}

// New makes the handler for a queue. The engine triages every submission as it
// arrives; logs carry no patient data.
func New(q *store.Queue, engine *triage.Engine, cal *triage.Calendar, logger *log.Logger) *Server {
	if logger == nil {
		logger = log.New(io.Discard, "", 0)
	}
	s := &Server{queue: q, engine: engine, cal: cal, now: time.Now, log: logger, mux: http.NewServeMux(),
		presence: newPresence(), changed: make(chan struct{}), LongPoll: 25 * time.Second}
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /fhir/metadata", s.metadata)
	s.mux.HandleFunc("GET /fhir/Task/{id}", s.staff(s.readTask))
	s.mux.HandleFunc("GET /fhir/Task", s.staff(s.searchTasks))
	s.mux.HandleFunc("PUT /fhir/Task/{id}", s.staff(s.updateTask))
	s.mux.HandleFunc("POST /fhir/Task/{id}/$act", s.staff(s.actOnTask))
	s.mux.HandleFunc("GET /fhir/Patient/{id}", s.staff(s.readPatient))
	s.mux.HandleFunc("GET /api/v1/feed", s.staff(s.feed))
	s.mux.HandleFunc("POST /api/v1/presence", s.staff(s.heartbeat))
	s.mux.HandleFunc("GET /api/v1/presence", s.staff(s.whoIsHere))
	s.mux.HandleFunc("GET /api/v1/whoami", s.staff(s.whoami))
	s.mux.HandleFunc("GET /api/v1/settings", s.staff(s.getSettings))
	s.mux.HandleFunc("PUT /api/v1/settings/limits", s.manager(putSetting[triage.Limits](s, keyLimits)))
	s.mux.HandleFunc("PUT /api/v1/settings/availability", s.manager(putSetting[triage.Availability](s, keyAvailability)))
	s.mux.HandleFunc("GET /api/v1/statistics", s.manager(s.statistics))

	s.mux.HandleFunc("POST /api/v1/accounts", s.createAccount)
	s.mux.HandleFunc("POST /api/v1/dependants", s.patient(s.addDependant))
	s.mux.HandleFunc("POST /api/v1/dependants/{id}/links", s.patient(s.linkDependant))
	s.mux.HandleFunc("POST /api/v1/requests", s.patient(s.submit))
	s.mux.HandleFunc("GET /api/v1/requests", s.patient(s.listOwn))
}

// ServeHTTP serves the queue.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	s.mux.ServeHTTP(w, r)
}

// Changed returns a channel that is closed at the next change to the queue.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// Notify wakes every waiting feed request; call it after committing a change made
// outside the handlers (imports).
func (s *Server) Notify() {
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// --- errors and encoding ------------------------------------------------------------

// fail writes err as an OperationOutcome with its status. Internal errors are logged
// without detail that could hold patient data and reported as a plain failure.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := fhir.Status(err)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		status, err = http.StatusRequestEntityTooLarge, triage.Errorf(triage.EINVALID, "the request is larger than %d bytes", MaxBody)
	}
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.log.Printf("%s %s: internal error (%T)", r.Method, r.URL.Path, errors.Unwrap(err))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="triagedesk"`)
	}
	writeJSON(w, status, fhir.ContentType, fhir.Outcome(err))
}

func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// decode reads a JSON body strictly: unknown fields are refused, so a typo is an error
// rather than a silently ignored field.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return triage.Errorf(triage.EINVALID, "the request body is not valid JSON of the expected shape: %v", err)
	}
	return nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, triage.Errorf(triage.ENOTFOUND, "%q is not an id", r.PathValue("id"))
	}
	return id, nil
}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if t, ok := strings.CutPrefix(h, "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

// --- authentication -----------------------------------------------------------------

type userKey struct{}
type accountKey struct{}

// staff admits members of staff only.
func (s *Server) staff(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := bearer(r)
		if tok == "" {
			s.fail(w, r, triage.Errorf(triage.EUNAUTHORIZED, "this needs a staff bearer token"))
			return
		}
		u, err := s.queue.UserByToken(r.Context(), tok)
		if err != nil {
			if _, perr := s.queue.AccountByToken(r.Context(), tok); perr == nil {
				s.fail(w, r, triage.Errorf(triage.EFORBIDDEN, "patient accounts reach the patient API only"))
				return
			}
			s.fail(w, r, err)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	}
}

// manager admits practice managers only.
func (s *Server) manager(h http.HandlerFunc) http.HandlerFunc {
	return s.staff(func(w http.ResponseWriter, r *http.Request) {
		if userOf(r).Role != store.RoleManager {
			s.fail(w, r, triage.Errorf(triage.EFORBIDDEN, "only a practice manager can change settings or read the practice statistics"))
			return
		}
		h(w, r)
	})
}

// patient admits patients' accounts only.
func (s *Server) patient(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := bearer(r)
		if tok == "" {
			s.fail(w, r, triage.Errorf(triage.EUNAUTHORIZED, "sign in first: this needs your account's token"))
			return
		}
		a, err := s.queue.AccountByToken(r.Context(), tok)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), accountKey{}, a)))
	}
}

func userOf(r *http.Request) store.User { u, _ := r.Context().Value(userKey{}).(store.User); return u }

func accountOf(r *http.Request) triage.Account {
	a, _ := r.Context().Value(accountKey{}).(triage.Account)
	return a
}

// mayDo checks a staff role against an action: reviewers triage, clinicians work
// their own team's requests, managers do everything.
func mayDo(u store.User, a triage.Action, current triage.Request) error {
	switch u.Role {
	case store.RoleManager:
		return nil
	case store.RoleReviewer:
		switch a.Kind {
		case triage.ActSetPriority, triage.ActAssign, triage.ActSignpost, triage.ActClose, triage.ActNote:
			return nil
		}
		return triage.Errorf(triage.EFORBIDDEN, "a reviewer cannot %s a request: a team member does that", a.Kind)
	case store.RoleClinician:
		if current.Team != u.Team {
			return triage.Errorf(triage.EFORBIDDEN, "request %d belongs to the %s team, not yours (%s)", current.ID, current.Team.Label(), u.Team.Label())
		}
		switch a.Kind {
		case triage.ActClaim, triage.ActRespond, triage.ActClose, triage.ActNote, triage.ActSetPriority:
			return nil
		case triage.ActAssign:
			return nil // handing back to another team
		}
		return triage.Errorf(triage.EFORBIDDEN, "a team member cannot %s a request: a reviewer does that", a.Kind)
	}
	return triage.Errorf(triage.EFORBIDDEN, "unknown role")
}

// --- FHIR staff API -----------------------------------------------------------------

func (s *Server) metadata(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, fhir.ContentType, fhir.Capability(s.engine.Version()))
}

func etag(version int) string { return `W/"` + strconv.Itoa(version) + `"` }

// parseETag reads If-Match: W/"3", "3" or 3.
func parseETag(h string) (int, bool) {
	h = strings.TrimPrefix(strings.TrimSpace(h), "W/")
	v, err := strconv.Atoi(strings.Trim(h, `"`))
	return v, err == nil && v > 0
}

func (s *Server) readTask(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	req, err := s.queue.Request(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.audited(w, r, triage.AuditEntry{Action: "read", RequestID: id}) {
		return
	}
	w.Header().Set("ETag", etag(req.Version))
	writeJSON(w, http.StatusOK, fhir.ContentType, fhir.TaskFrom(&req))
}

func (s *Server) searchTasks(w http.ResponseWriter, r *http.Request) {
	count, offset := 50, 0
	if v := r.URL.Query().Get("_count"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.fail(w, r, triage.Errorf(triage.EINVALID, "_count must be a whole number from 1 to 500"))
			return
		}
		count = min(n, 500)
	}
	if v := r.URL.Query().Get("_offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			s.fail(w, r, triage.Errorf(triage.EINVALID, "_offset must be a whole number"))
			return
		}
		offset = n
	}
	reqs, total, err := s.queue.Requests(r.Context(), offset, count)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b := fhir.OutBundle{ResourceType: "Bundle", Type: "searchset", Total: &total,
		Link: []fhir.BundleLink{{Relation: "self", URL: fmt.Sprintf("/fhir/Task?_count=%d&_offset=%d", count, offset)}}}
	if offset+len(reqs) < total {
		b.Link = append(b.Link, fhir.BundleLink{Relation: "next", URL: fmt.Sprintf("/fhir/Task?_count=%d&_offset=%d", count, offset+count)})
	}
	for i := range reqs {
		b.Entry = append(b.Entry, fhir.OutEntry{FullURL: "Task/" + strconv.FormatInt(reqs[i].ID, 10), Resource: fhir.TaskFrom(&reqs[i])})
	}
	if !s.audited(w, r, triage.AuditEntry{Action: "search", Detail: fmt.Sprintf("read %d requests", len(reqs))}) {
		return
	}
	writeJSON(w, http.StatusOK, fhir.ContentType, b)
}

// updateTask is FHIR update: the Task sent must equal the stored one except in the
// workflow fields (priority, owner, status and businessStatus, note), each change of
// which becomes a staff action.
func (s *Server) updateTask(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	version, ok := parseETag(r.Header.Get("If-Match"))
	if !ok {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "an update needs If-Match with the version it was made on, like If-Match: W/\"3\""))
		return
	}
	var t fhir.Task
	if err := decode(r, &t); err != nil {
		s.fail(w, r, err)
		return
	}
	if t.ID != strconv.FormatInt(id, 10) {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "the Task's id %q does not match the URL's %d", t.ID, id))
		return
	}
	current, err := s.queue.Request(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if version != current.Version {
		s.fail(w, r, triage.Errorf(triage.ECONFLICT, "request %d is at version %d, the update was made on version %d: someone else changed it first (%s)", id, current.Version, version, current.UpdatedBy))
		return
	}
	actions, err := fhir.ActionsFromUpdate(&current, &t, userOf(r).Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.apply(w, r, current, actions)
}

// actOnTask is the $act operation: one staff action as JSON, with If-Match.
func (s *Server) actOnTask(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	version, ok := parseETag(r.Header.Get("If-Match"))
	if !ok {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "an action needs If-Match with the version it was made on"))
		return
	}
	var a triage.Action
	if err := decode(r, &a); err != nil {
		s.fail(w, r, err)
		return
	}
	a.RequestID, a.BaseVersion, a.Actor = id, version, userOf(r).Name
	current, err := s.queue.Request(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.apply(w, r, current, []triage.Action{a})
}

func (s *Server) apply(w http.ResponseWriter, r *http.Request, current triage.Request, actions []triage.Action) {
	if len(actions) == 0 {
		w.Header().Set("ETag", etag(current.Version))
		writeJSON(w, http.StatusOK, fhir.ContentType, fhir.TaskFrom(&current))
		return
	}
	for _, a := range actions {
		if err := mayDo(userOf(r), a, current); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	updated, err := s.queue.Act(r.Context(), s.cal, actions...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	w.Header().Set("ETag", etag(updated.Version))
	writeJSON(w, http.StatusOK, fhir.ContentType, fhir.TaskFrom(&updated))
}

func (s *Server) readPatient(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.queue.Patient(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.audited(w, r, triage.AuditEntry{Action: "read-patient", Detail: fmt.Sprintf("patient %d", id)}) {
		return
	}
	writeJSON(w, http.StatusOK, fhir.ContentType, fhir.PatientFrom(&p))
}

// feed serves the change feed: every change after the cursor, oldest first, as a
// history Bundle whose next link carries the following cursor. With wait=1 and nothing
// new, it waits up to LongPoll for a change before answering.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	after, err := store.ParseCursor(q.Get("cursor"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	count := 1000
	if v := q.Get("_count"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			count = min(n, 5000)
		}
	}
	deadline := time.After(s.LongPoll)
	for {
		changed := s.Changed() // before reading, so a change committed after the read wakes us
		ch, next, err := s.queue.Feed(r.Context(), after, count)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if ch.Len() > 0 || next != after || q.Get("wait") == "" {
			if len(ch.Requests) > 0 && !s.audited(w, r, triage.AuditEntry{Action: "sync", Detail: fmt.Sprintf("sent %d requests after %s", len(ch.Requests), after)}) {
				return
			}
			last, err := s.queue.LastChange(r.Context())
			if err != nil {
				s.fail(w, r, err)
				return
			}
			recs := fhir.Records{Sites: ch.Sites, GPTeams: ch.GPTeams, Patients: ch.Patients, Requests: ch.Requests}
			s.writeFeed(w, r, recs, after, next, next < last)
			return
		}
		select {
		case <-changed:
		case <-deadline:
			s.writeFeed(w, r, fhir.Records{}, after, after, false)
			return
		case <-r.Context().Done():
			return
		}
	}
}

// audited records a staff read in the audit trail as the signed-in user. When the
// entry cannot be written it answers with a failure and reports false: patient data
// is never handed out unrecorded.
func (s *Server) audited(w http.ResponseWriter, r *http.Request, e triage.AuditEntry) bool {
	e.Actor = userOf(r).Name
	if err := s.queue.Audit(r.Context(), e); err != nil {
		s.fail(w, r, fmt.Errorf("record %s in the audit trail: %w", e.Action, err))
		return false
	}
	return true
}

// writeFeed answers a feed request with a page: compact for a desk that asks for it,
// a FHIR history Bundle for everyone else.
func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, recs fhir.Records, after, next store.Cursor, more bool) {
	if !acceptsDeskFeed(r) {
		writeJSON(w, http.StatusOK, fhir.ContentType, fhir.FeedBundle(recs, after.String(), next.String(), more))
		return
	}
	var buf bytes.Buffer
	if err := fhir.EncodeDeskPage(&buf, recs, next.String(), more); err != nil {
		s.fail(w, r, fmt.Errorf("encode a feed page: %w", err))
		return
	}
	w.Header().Set("Content-Type", fhir.DeskContentType)
	w.Write(buf.Bytes())
}

// acceptsDeskFeed reports whether the request's Accept header names the compact feed.
func acceptsDeskFeed(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if mt, _, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == fhir.DeskContentType {
			return true
		}
	}
	return false
}

func (s *Server) whoami(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	writeJSON(w, http.StatusOK, "application/json", map[string]string{"name": u.Name, "role": string(u.Role), "team": string(u.Team)})
}

// --- settings -----------------------------------------------------------------------

// Limits returns the practice's limits, or the defaults when never set.
func (s *Server) Limits(ctx context.Context) (triage.Limits, error) {
	l := triage.DefaultLimits()
	_, err := s.queue.Setting(ctx, keyLimits, &l)
	return l, err
}

// Availability returns the manager's availability settings, with the schedule in
// force written out (core hours when the practice never set one), so a desk shows and
// edits what is really in force.
func (s *Server) Availability(ctx context.Context) (triage.Availability, error) {
	var a triage.Availability
	_, err := s.queue.Setting(ctx, keyAvailability, &a)
	a.Schedule = a.Weekly()
	return a, err
}

// SettingsView is what GET /api/v1/settings returns; the type is the wire's, shared
// with the desk.
type SettingsView = fhir.Settings

func (s *Server) getSettings(w http.ResponseWriter, r *http.Request) {
	l, err := s.Limits(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.Availability(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	mode, why, reopens := a.ModeAt(s.now(), s.cal)
	writeJSON(w, http.StatusOK, "application/json", SettingsView{Limits: l, Availability: a, Mode: mode, Why: why, Reopens: reopens, RulesVersion: s.engine.Version()})
}

// putSetting stores a manager's change to one setting once it passes its checks.
func putSetting[T interface{ Validate() error }](s *Server, key string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var v T
		if err := decode(r, &v); err != nil {
			s.fail(w, r, err)
			return
		}
		if err := v.Validate(); err != nil {
			s.fail(w, r, err)
			return
		}
		if err := s.queue.SetSetting(r.Context(), key, v, userOf(r).Name); err != nil {
			s.fail(w, r, err)
			return
		}
		s.getSettings(w, r)
	}
}

// --- patient API ----------------------------------------------------------------------

func (s *Server) createAccount(w http.ResponseWriter, r *http.Request) {
	var reg store.Registration
	if err := decode(r, &reg); err != nil {
		s.fail(w, r, err)
		return
	}
	acc, token, err := s.queue.CreateAccount(r.Context(), reg)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	writeJSON(w, http.StatusCreated, "application/json", map[string]any{"accountId": acc.ID, "patientId": acc.PatientID, "token": token})
}

func (s *Server) addDependant(w http.ResponseWriter, r *http.Request) {
	var reg store.Registration
	if err := decode(r, &reg); err != nil {
		s.fail(w, r, err)
		return
	}
	id, err := s.queue.AddDependant(r.Context(), accountOf(r).ID, reg)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	writeJSON(w, http.StatusCreated, "application/json", map[string]any{"patientId": id})
}

func (s *Server) linkDependant(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body struct {
		Email string `json:"email"`
	}
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.queue.LinkDependant(r.Context(), accountOf(r).ID, id, body.Email); err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	writeJSON(w, http.StatusOK, "application/json", map[string]any{"patientId": id, "linked": body.Email})
}

// SubmitBody is a patient's request as the patient API takes it.
type SubmitBody struct {
	PatientID int64       `json:"patientId"` // omitted: the account holder
	Kind      triage.Kind `json:"kind"`
	Text      string      `json:"text"`
}

// SubmitAnswer is what a patient is told when their request is accepted.
type SubmitAnswer struct {
	ID       int64     `json:"id"`
	Received time.Time `json:"received"`
	Message  string    `json:"message"`
}

func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	var body SubmitBody
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	acc := accountOf(r)
	if body.PatientID == 0 {
		body.PatientID = acc.PatientID
	}
	if err := triage.ValidateSubmission(body.Kind, body.Text); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.queue.Patient(r.Context(), body.PatientID)
	if err != nil {
		s.fail(w, r, triage.Errorf(triage.EFORBIDDEN, "this account cannot act for patient %d", body.PatientID))
		return
	}
	now := s.now()
	sugg := s.engine.Classify(triage.Input{Age: p.AgeAt(now), Sex: p.Sex, Kind: body.Kind, Text: body.Text})
	avail, err := s.Availability(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := avail.CheckSubmit(now, s.cal, body.Kind, sugg.Team); err != nil {
		s.fail(w, r, err)
		return
	}
	limits, err := s.Limits(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	req, err := s.queue.Submit(r.Context(), store.Submission{AccountID: acc.ID, PatientID: body.PatientID, Kind: body.Kind, Text: body.Text, Suggested: sugg}, limits, s.cal)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	msg := "Thank you. The practice has your request and will reply within one working day."
	if sugg.Priority == triage.Emergency {
		msg = "If this is an emergency, call 999 now or go to A&E. The practice will also call you."
	}
	writeJSON(w, http.StatusCreated, "application/json", SubmitAnswer{ID: req.ID, Received: req.ReceivedAt, Message: msg})
}

// OwnRequest is one of a patient's requests as they see it: what they wrote and what
// the practice replied, not the staff's working.
type OwnRequest struct {
	ID        int64     `json:"id"`
	PatientID int64     `json:"patientId"`
	Received  time.Time `json:"received"`
	Text      string    `json:"text"`
	Status    string    `json:"status"`
	Response  string    `json:"response,omitempty"`
	Signpost  string    `json:"signpost,omitempty"`
}

func (s *Server) listOwn(w http.ResponseWriter, r *http.Request) {
	reqs, err := s.queue.PatientRequests(r.Context(), accountOf(r).ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]OwnRequest, 0, len(reqs))
	for _, q := range reqs {
		o := OwnRequest{ID: q.ID, PatientID: q.PatientID, Received: q.ReceivedAt, Text: q.Text, Status: q.Status.Label(), Response: q.Response}
		if q.Signpost != triage.SignpostNone {
			o.Signpost = q.Signpost.Label()
		}
		out = append(out, o)
	}
	writeJSON(w, http.StatusOK, "application/json", out)
}

// SetClock replaces the server's clock for decisions about availability; tests set a
// time in core hours so they pass at night too.
func (s *Server) SetClock(now func() time.Time) { s.now = now }
