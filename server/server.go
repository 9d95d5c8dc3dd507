// Package server is the practice queue's HTTP interface: the patient API (JSON under
// /api/v1/), the staff API (FHIR R4 under /fhir/), the desks' change feed, presence,
// and the manager's settings. New returns an http.Handler, so tests and the desk's
// demo mode run the queue on 127.0.0.1 with httptest or a plain listener.
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

	id *identity

	hub       feedHub   // announces changes to the desks' long polls and shares their pages
	feedClock feedClock // paces the hub's announcements: the wall clock but in tests

	mu sync.Mutex
	// tplChanged is closed and replaced whenever the templates or the practice's
	// details change: it ends the feed's long polls, as desks read templates after it.
	tplChanged chan struct{}
	// LongPoll is how long a feed request with wait=1 waits for a change.
	LongPoll time.Duration
	// FeedInterval is the least time between two announcements of changes to the
	// desks' long polls: a change after a quiet spell is announced at once, and
	// changes that follow it within FeedInterval wait for the next announcement
	// together, so two hundred desks read one page of them, not one page each per
	// change. Set it before serving.
	FeedInterval time.Duration

	timeouts Timeouts // the http.Server's, so the long poll can fit inside them
	network  Network  // how clients reach the queue, for absolute links

	mailing  sync.WaitGroup // emails being sent after a change was committed
	inFlight atomic.Int64   // how many, for the log when Shutdown gives up on them

	submissions, feedReplies, feedPages atomic.Int64 // for FeedStats
}

// FeedStats counts, since the server started, the submissions it accepted, the feed
// replies it sent (each an audited read when it carried records) and the feed pages it
// read from the queue and encoded to send them: what the bench divides its CPU by.
type FeedStats struct {
	Submissions int64
	Replies     int64
	Pages       int64
}

// FeedStats returns the counts so far.
func (s *Server) FeedStats() FeedStats {
	return FeedStats{Submissions: s.submissions.Load(), Replies: s.feedReplies.Load(), Pages: s.feedPages.Load()}
}

// New makes the handler for a queue. The engine triages every submission as it
// arrives; logs carry no patient data.
func New(q *store.Queue, engine *triage.Engine, cal *triage.Calendar, logger *log.Logger) *Server {
	if logger == nil {
		logger = log.New(io.Discard, "", 0)
	}
	s := &Server{queue: q, engine: engine, cal: cal, now: time.Now, log: logger, mux: http.NewServeMux(),
		presence: newPresence(), id: newIdentity(), tplChanged: make(chan struct{}), LongPoll: 25 * time.Second, FeedInterval: DefaultFeedInterval, feedClock: wallClock{}}
	s.hub.changed = make(chan struct{})
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /fhir/metadata", s.metadata)
	s.mux.HandleFunc("GET /fhir/OperationDefinition/{id}", s.operationDefinition)
	s.mux.HandleFunc("GET /fhir/Task/{id}", s.staff(s.readTask))
	s.mux.HandleFunc("GET /fhir/Task", s.staff(s.searchTasks))
	s.mux.HandleFunc("PUT /fhir/Task/{id}", s.staff(s.updateTask))
	s.mux.HandleFunc("POST /fhir/Task/{id}/$act", s.staff(s.actOnTask))
	s.mux.HandleFunc("GET /fhir/Patient/{id}", s.staff(s.readPatient))
	s.mux.HandleFunc("GET /fhir/Patient", s.staff(s.findPatients))
	s.mux.HandleFunc("POST /api/v1/reception/requests", s.staff(s.enterForCaller))
	s.mux.HandleFunc("GET /api/v1/staff", s.staff(s.listStaff))
	s.mux.HandleFunc("GET /api/v1/feed", s.staff(s.feed))
	s.mux.HandleFunc("GET /api/v1/requests/{id}/photos/{n}", s.staff(s.photo))
	s.mux.HandleFunc("GET /fhir/Task/{id}/$photo", s.staff(s.photo)) // the same, as a FHIR operation (?n=)
	s.mux.HandleFunc("POST /api/v1/presence", s.staff(s.heartbeat))
	s.mux.HandleFunc("GET /api/v1/presence", s.staff(s.whoIsHere))
	s.mux.HandleFunc("GET /api/v1/whoami", s.staff(s.whoami))
	s.mux.HandleFunc("POST /api/v1/audit/views", s.staff(s.recordViews))
	s.mux.HandleFunc("GET /api/v1/settings", s.staff(s.getSettings))
	s.mux.HandleFunc("PUT /api/v1/settings/limits", s.manager(putSetting[triage.Limits](s, keyLimits)))
	s.mux.HandleFunc("PUT /api/v1/settings/availability", s.manager(putSetting[triage.Availability](s, keyAvailability)))
	s.mux.HandleFunc("GET /api/v1/statistics", s.manager(s.statistics))
	s.templateRoutes()

	s.accountRoutes()
	s.mux.HandleFunc("POST /api/v1/requests", s.patient(s.submit))
	s.mux.HandleFunc("GET /api/v1/requests", s.patient(s.listOwn))
	s.mux.HandleFunc("GET /api/v1/requests/{id}", s.patient(s.readOwn))
	s.mux.HandleFunc("POST /api/v1/requests/{id}/messages", s.patient(s.reply))
}

// ServeHTTP serves the queue.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	s.mux.ServeHTTP(w, r)
}

// --- errors and encoding ------------------------------------------------------------

// fail writes err as an OperationOutcome with its status. Internal errors are logged
// without detail that could hold patient data and reported as a plain failure.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := fhir.Status(err)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		status, err = http.StatusRequestEntityTooLarge, triage.Errorf(triage.EINVALID, "the request is larger than %d bytes", MaxBody).
			ForPatient("Your request is too long to send. Please shorten it to at most %d characters, or call the surgery.", triage.MaxTextLength)
	}
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.log.Printf("%s %s: internal error (%T)", r.Method, r.URL.Path, errors.Unwrap(err))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="triagedesk"`)
	}
	var te *triage.Error
	var at time.Time
	if errors.As(err, &te) {
		at = te.RetryAt
	}
	retryAfter(w, status, at, s.now())
	if fromPatient(r) {
		writeJSON(w, status, fhir.ContentType, fhir.PatientOutcome(err))
		return
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
			s.fail(w, r, triage.Errorf(triage.EFORBIDDEN, "only a practice manager can change settings or reply templates, or read the practice statistics"))
			return
		}
		h(w, r)
	})
}

// patient admits patients' accounts only; its refusals are written for patients.
func (s *Server) patient(h http.HandlerFunc) http.HandlerFunc {
	return s.forPatients(func(w http.ResponseWriter, r *http.Request) {
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
	})
}

func userOf(r *http.Request) store.User { u, _ := r.Context().Value(userKey{}).(store.User); return u }

// actorOf names who made a call for the audit trail: a member of staff by name, a
// patient's account as "account ID".
func actorOf(r *http.Request) string {
	if u := userOf(r); u.Name != "" {
		return u.Name
	}
	if a := accountOf(r); a.ID != 0 {
		return "account " + strconv.FormatInt(a.ID, 10)
	}
	return "anonymous"
}

// onceOf is the idempotency key a call carries (the Idempotency-Key header), scoped
// to its caller, with a fingerprint of what was asked; the zero Once when it has none.
func onceOf(r *http.Request, asked ...any) (store.Once, error) {
	key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if key == "" {
		return store.Once{}, nil
	}
	if len(key) > 200 {
		return store.Once{}, triage.Errorf(triage.EINVALID, "the Idempotency-Key is longer than 200 characters")
	}
	h := sha256.New()
	fmt.Fprintln(h, r.Method, r.URL.Path)
	for _, a := range asked {
		b, err := json.Marshal(a)
		if err != nil {
			return store.Once{}, err
		}
		h.Write(b)
	}
	return store.Once{Scope: actorOf(r), Key: key, Fingerprint: hex.EncodeToString(h.Sum(nil))}, nil
}

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
		case triage.ActSetPriority, triage.ActAssign, triage.ActSignpost, triage.ActClose, triage.ActNote,
			triage.ActAssignMember, triage.ActUnclaim, triage.ActUnassign,
			triage.ActCallOutcome, // the reviewer phones about an emergency and records what happened
			triage.ActRespond:     // and may ask the patient for more before assigning
			return nil
		}
		return triage.Errorf(triage.EFORBIDDEN, "a reviewer cannot %s a request: a team member does that", a.Kind)
	case store.RoleClinician:
		if current.Team != u.Team {
			return triage.Errorf(triage.EFORBIDDEN, "request %d belongs to the %s team, not yours (%s)", current.ID, current.Team.Label(), u.Team.Label())
		}
		switch a.Kind {
		case triage.ActClaim, triage.ActRespond, triage.ActClose, triage.ActNote, triage.ActSetPriority,
			triage.ActAssignMember, triage.ActUnclaim, triage.ActCallOutcome:
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
	writeJSON(w, http.StatusOK, fhir.ContentType, fhir.Capability(s.engine.Version(), s.baseURL(r)))
}

func (s *Server) operationDefinition(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("id") {
	case fhir.ActOperationID:
		writeJSON(w, http.StatusOK, fhir.ContentType, fhir.ActOperation(s.baseURL(r)))
	case fhir.PhotoOperationID:
		writeJSON(w, http.StatusOK, fhir.ContentType, fhir.PhotoOperation(s.baseURL(r)))
	default:
		s.fail(w, r, triage.Errorf(triage.ENOTFOUND, "there is no OperationDefinition %q: the queue defines %s and %s only",
			r.PathValue("id"), fhir.ActOperationID, fhir.PhotoOperationID))
	}
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
	if !s.audited(w, r, triage.AuditEntry{Action: "read", RequestID: id, PatientID: req.PatientID, Records: store.RecordList([]int64{id}, nil)}) {
		return
	}
	w.Header().Set("ETag", etag(req.Version))
	writeJSON(w, http.StatusOK, fhir.ContentType, s.task(r, &req))
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
	ids := make([]int64, len(reqs))
	for i := range reqs {
		ids[i] = reqs[i].ID
	}
	if !s.audited(w, r, triage.AuditEntry{Action: "search", Records: store.RecordList(ids, nil), Detail: fmt.Sprintf("read %d requests", len(reqs))}) {
		return
	}
	b.Absolute(s.baseURL(r))
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
		writeJSON(w, http.StatusOK, fhir.ContentType, s.task(r, &current))
		return
	}
	team := current.Team // the team the request has when each action is made
	for _, a := range actions {
		if err := mayDo(userOf(r), a, current); err != nil {
			s.fail(w, r, err)
			return
		}
		if a.Kind == triage.ActAssign {
			team = a.Team
		}
		if err := s.checkMember(r.Context(), a, team); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	once, err := onceOf(r, actions)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	updated, added, err := s.queue.ActAndTell(r.Context(), once, s.cal, actions...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	if len(added) > 0 {
		s.tellPatient(updated.ID)
	}
	w.Header().Set("ETag", etag(updated.Version))
	writeJSON(w, http.StatusOK, fhir.ContentType, s.task(r, &updated))
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
	if !s.audited(w, r, triage.AuditEntry{Action: "read-patient", PatientID: id, Records: store.RecordList(nil, []int64{id})}) {
		return
	}
	writeJSON(w, http.StatusOK, fhir.ContentType, fhir.PatientFrom(&p))
}

// feedAudit is the audit entry of a feed page: which requests and patients it sent.
func feedAudit(ch store.Changes, after store.Cursor) triage.AuditEntry {
	reqs := make([]int64, len(ch.Requests))
	for i := range ch.Requests {
		reqs[i] = ch.Requests[i].ID
	}
	pts := make([]int64, len(ch.Patients))
	for i := range ch.Patients {
		pts[i] = ch.Patients[i].ID
	}
	e := triage.AuditEntry{Action: "sync", Records: store.RecordList(reqs, pts),
		Detail: fmt.Sprintf("sent %d requests and %d patients after %s", len(reqs), len(pts), after)}
	if len(reqs) == 1 {
		e.RequestID, e.PatientID = reqs[0], ch.Requests[0].PatientID
	} else if len(reqs) == 0 && len(pts) == 1 {
		e.PatientID = pts[0]
	}
	return e
}

// deskOf is the desk a call came from, as the desk names itself, for the audit trail.
// It is the desk's word, kept short; who made the call is the token's business.
func deskOf(r *http.Request) string {
	d := strings.TrimSpace(r.Header.Get("X-Triage-Desk"))
	if len(d) > 100 {
		d = d[:100]
	}
	return strings.ToValidUTF8(d, "?")
}

// audited records a read in the audit trail as the signed-in member of staff or
// patient account, from the calling desk. When the entry cannot be written it answers
// with a failure and reports false: patient data is never handed out unrecorded.
func (s *Server) audited(w http.ResponseWriter, r *http.Request, e triage.AuditEntry) bool {
	e.Actor, e.Desk = actorOf(r), deskOf(r)
	if err := s.queue.Audit(r.Context(), e); err != nil {
		s.fail(w, r, fmt.Errorf("record %s in the audit trail: %w", e.Action, err))
		return false
	}
	return true
}

// writeFeed answers a feed request with a page: compact for a desk that asks for it,
// a FHIR history Bundle for everyone else.
func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, recs fhir.Records, after, next store.Cursor, more bool) {
	s.feedReplies.Add(1)
	if !acceptsDeskFeed(r) {
		b := fhir.FeedBundle(recs, after.String(), next.String(), more)
		b.Absolute(s.baseURL(r))
		writeJSON(w, http.StatusOK, fhir.ContentType, b)
		return
	}
	var buf bytes.Buffer
	if err := fhir.EncodeDeskPage(&buf, recs, next.String(), more); err != nil {
		s.fail(w, r, fmt.Errorf("encode a feed page: %w", err))
		return
	}
	w.Header().Set("Content-Type", fhir.DeskContentType)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len())) // the desk reads it into one buffer
	w.Write(buf.Bytes())
}

// acceptsDeskFeed reports whether the request's Accept header names the compact feed
// in this version; a desk of another version gets the FHIR Bundle.
func acceptsDeskFeed(r *http.Request) bool {
	return fhir.AcceptsDeskFeed(r.Header.Get("Accept"))
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

// SubmitBody is a patient's request as the patient API takes it.
type SubmitBody struct {
	PatientID int64       `json:"patientId"` // omitted: the account holder
	Kind      triage.Kind `json:"kind"`
	Text      string      `json:"text"`
	// Answers are the patient's answers to the red-flag questions and facts the front
	// door asks before the free text (triage.RedFlagQuestions); optional.
	Answers *triage.Answers `json:"answers,omitempty"`
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
	once, err := onceOf(r, body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, ans, err := s.Submit(r.Context(), accountOf(r), PatientSubmission{SubmitBody: body}, once)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, "application/json", ans)
}

// PatientSubmission is a patient's request with what the patient pages add to the
// API's body: how they would like to be contacted, and photos.
type PatientSubmission struct {
	SubmitBody
	Contact       triage.Contact
	ContactDetail string
	ContactAvoid  string // when not to call, in the patient's words
	Photos        []store.Photo
}

// Submit is the one way a patient's request is taken, from the JSON API or the
// patient pages: acc must act for the patient, the text and answers are checked, and
// accept triages and stores it. once is an idempotency key (the zero Once for none).
func (s *Server) Submit(ctx context.Context, acc triage.Account, body PatientSubmission, once store.Once) (triage.Request, SubmitAnswer, error) {
	if body.PatientID == 0 {
		body.PatientID = acc.PatientID
	}
	if body.PatientID == 0 {
		return triage.Request{}, SubmitAnswer{}, triage.Errorf(triage.EFORBIDDEN, "the account has no patient yet: before its first request it claims one (POST /api/v1/claims)").
			ForPatient("Before your first request, please tell the practice who you are.")
	}
	kind, err := triage.ParseKind(string(body.Kind))
	if err != nil {
		return triage.Request{}, SubmitAnswer{}, err
	}
	body.Kind = kind // "Clinical" and " admin" are read, and stored, canonical
	if err := triage.ValidateSubmission(body.Kind, body.Text); err != nil {
		return triage.Request{}, SubmitAnswer{}, err
	}
	if err := body.Answers.Validate(); err != nil {
		return triage.Request{}, SubmitAnswer{}, err
	}
	if n := len([]rune(strings.TrimSpace(body.ContactAvoid))); n > triage.MaxContactAvoidLength {
		return triage.Request{}, SubmitAnswer{}, triage.Errorf(triage.EINVALID, "the times to avoid calling are %d characters: describe them in %d or fewer", n, triage.MaxContactAvoidLength)
	}
	p, err := s.queue.Patient(ctx, body.PatientID)
	if err != nil {
		return triage.Request{}, SubmitAnswer{}, triage.Errorf(triage.EFORBIDDEN, "this account cannot act for patient %d", body.PatientID)
	}
	req, err := s.accept(ctx, p, store.Submission{AccountID: acc.ID, PatientID: body.PatientID, Kind: body.Kind, Text: body.Text, Answers: body.Answers,
		Contact: body.Contact, ContactDetail: body.ContactDetail, ContactAvoid: body.ContactAvoid, Photos: body.Photos}, once)
	if err != nil {
		return triage.Request{}, SubmitAnswer{}, err
	}
	msg := "Thank you. The practice has your request and will reply within one working day."
	if req.Suggested.Priority == triage.Emergency {
		msg = "If this is an emergency, call 999 now or go to A&E. The practice will also call you."
		if yes := body.Answers.YesTo(); len(yes) > 0 {
			msg = yes[0].Advice + " The practice will also call you."
		}
	}
	return req, SubmitAnswer{ID: req.ID, Received: req.ReceivedAt, Message: msg}, nil
}

// accept is the one way a request joins the queue, whether the patient sent it or
// reception entered it for a caller: the engine triages it, the practice's opening
// and the patient's limits are checked, and it is stored with its audit entry. sub's
// suggestion is filled in here. once is the caller's idempotency key, if any: a retry
// with it gets the request the first attempt stored.
func (s *Server) accept(ctx context.Context, p triage.Patient, sub store.Submission, once store.Once) (triage.Request, error) {
	kind, err := triage.ParseKind(string(sub.Kind))
	if err != nil {
		return triage.Request{}, err
	}
	sub.Kind = kind // canonical before the engine, the opening check and the store see it
	now := s.now()
	sub.Suggested = s.engine.Classify(triage.Input{Age: p.AgeAt(now), Sex: p.Sex, Kind: sub.Kind, Text: sub.Text, Answers: sub.Answers})
	avail, err := s.Availability(ctx)
	if err != nil {
		return triage.Request{}, err
	}
	// A yes to a red-flag question is an emergency: the patient has been told to call
	// 999, and the practice must still hear of it while clinical requests are paused
	// or the patient is at the live-request limit, which are there to keep routine
	// requests within the practice's capacity. A closed practice has no one to read it.
	emergency := len(sub.Answers.YesTo()) > 0
	if err := avail.CheckSubmit(now, s.cal, sub.Kind, sub.Suggested.Team); err != nil {
		if mode, _, _ := avail.ModeAt(now, s.cal); !emergency || mode != triage.ModeClinicalPaused {
			return triage.Request{}, err
		}
	}
	limits, err := s.Limits(ctx)
	if err != nil {
		return triage.Request{}, err
	}
	if emergency {
		limits.MaxLive, limits.MaxPerDay = 0, 0
	}
	req, err := s.queue.SubmitOnce(ctx, once, sub, limits, s.cal)
	if err != nil {
		return triage.Request{}, err
	}
	s.submissions.Add(1)
	s.Notify()
	return req, nil
}

// OwnRequest is one of a patient's requests as they see it: what they wrote and what
// the practice replied, not the staff's working. Until the practice has checked who
// the account is, replies are not shown here (they could hold records from before).
type OwnRequest struct {
	ID               int64         `json:"id"`
	PatientID        int64         `json:"patientId"`
	Received         time.Time     `json:"received"`
	Text             string        `json:"text"`
	Status           string        `json:"status"` // in the patient's words (triage.Status.PatientLabel)
	State            triage.Status `json:"state"`  // the status's code, for apps that act on it
	Response         string        `json:"response,omitempty"`
	Signpost         string        `json:"signpost,omitempty"`
	IdentityVerified bool          `json:"identityVerified"`
	Note             string        `json:"note,omitempty"`
	// Open is true while the request takes replies; AwaitingReply while the practice
	// is waiting for one; Answered once the practice has replied or signposted (what
	// Status says in words), so an app decides by it, not by the words.
	Open          bool `json:"open"`
	AwaitingReply bool `json:"awaitingReply"`
	Answered      bool `json:"answered"`
	// Messages is the conversation, oldest first; practice messages are left out
	// until the practice has checked who the account is.
	Messages []OwnMessage `json:"messages,omitempty"`
}

func (s *Server) listOwn(w http.ResponseWriter, r *http.Request) {
	out, err := s.OwnRequests(r.Context(), accountOf(r), deskOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", out)
}

// OwnRequests returns the requests acc may see, as the patient sees them, newest
// first, and records the read in the audit trail (from names where: the patient pages,
// or the app's X-Triage-Desk). Replies on requests for someone the practice has not yet
// verified are held back.
func (s *Server) OwnRequests(ctx context.Context, acc triage.Account, from string) ([]OwnRequest, error) {
	reqs, err := s.queue.PatientRequests(ctx, acc.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(reqs))
	for i := range reqs {
		ids[i] = reqs[i].ID
	}
	e := triage.AuditEntry{Actor: "account " + strconv.FormatInt(acc.ID, 10), Desk: from, Action: "patient-read", PatientID: acc.PatientID, Records: store.RecordList(ids, nil)}
	if err := s.queue.Audit(ctx, e); err != nil {
		return nil, fmt.Errorf("record patient-read in the audit trail: %w", err)
	}
	out := make([]OwnRequest, 0, len(reqs))
	for _, q := range reqs {
		out = append(out, ownView(q))
	}
	return out, nil
}

// SetClock replaces the server's clock for decisions about availability; tests set a
// time in core hours so they pass at night too.
func (s *Server) SetClock(now func() time.Time) { s.now = now }

// record writes an audit entry for a change already made (a sign-up, a dependant
// claim). The change stands whatever happens here, so a failure is logged, without
// patient data, for the operator to look at.
func (s *Server) record(r *http.Request, e triage.AuditEntry) {
	if e.Actor == "" {
		e.Actor = actorOf(r)
	}
	e.Desk = deskOf(r)
	if err := s.queue.Audit(r.Context(), e); err != nil {
		s.log.Printf("%s %s: the %s was made but could not be recorded in the audit trail (%T)", r.Method, r.URL.Path, e.Action, errors.Unwrap(err))
	}
}

// ViewsBody is what a desk sends of the requests opened at it.
type ViewsBody struct {
	Views []struct {
		At        time.Time `json:"at"`
		Actor     string    `json:"actor"`
		RequestID int64     `json:"requestId"`
	} `json:"views"`
}

// recordViews takes the views made at a desk into the queue's audit trail, with the
// desk's name and the time each request was opened there. A view is recorded under
// the member of staff whose token sent it; one the desk says someone else made (a
// shared workstation) keeps that name in its detail.
func (s *Server) recordViews(w http.ResponseWriter, r *http.Request) {
	var body ViewsBody
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if len(body.Views) > 1000 {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "send at most 1000 views at once"))
		return
	}
	me, desk := userOf(r).Name, deskOf(r)
	entries := make([]triage.AuditEntry, 0, len(body.Views))
	for _, v := range body.Views {
		if v.RequestID <= 0 || v.At.IsZero() {
			s.fail(w, r, triage.Errorf(triage.EINVALID, "a view needs the request's id and when it was opened"))
			return
		}
		e := triage.AuditEntry{At: v.At, Actor: me, Action: "view", RequestID: v.RequestID, Desk: desk, Records: store.RecordList([]int64{v.RequestID}, nil)}
		if v.Actor != "" && v.Actor != me {
			e.Detail = "opened by " + v.Actor + " at this desk"
		}
		entries = append(entries, e)
	}
	if err := s.queue.AuditAll(r.Context(), entries); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", map[string]int{"recorded": len(entries)})
}
