package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/mattn/go-sqlite3"

	"triagedesk/triage"
)

//go:embed migrations/queue/*.sql
var queueMigrations embed.FS

var queueSchema = schema{
	name:          "queue database",
	applicationID: 0x54524451, // "TRDQ"
	migrations:    mustSub(queueMigrations, "migrations/queue"),
	remedy:        "Restore the practice queue from its backup, or point --db at the right file",
	// A patient's request is acknowledged only once it would survive a power cut.
	synchronous: "FULL",
	// The group writer's savepoints keep their sub-journals in memory, not in a
	// temporary file (see memoryTempDriverName).
	writerDriver: memoryTempDriverName,
}

// Queue is the practice queue's database: patients, accounts, requests, staff users,
// settings, the change feed and the server's audit trail. Every write that changes a
// record appends to the change feed in the same transaction.
type Queue struct {
	*DB
	group *groupWriter // commits submissions and audit entries together
	// users and accounts keep staff and patients' token checks' answers while the
	// sign-in epoch stands.
	users    signInCache[cachedUser]
	accounts signInCache[cachedAccount]
	swept    atomic.Int64 // when expired idempotency keys were last removed (Unix s)
	// settings holds each practice setting's stored JSON as last read or written by
	// this Queue, so a submission (which checks the opening hours and the limits) does
	// not read them from the database each time. SetSetting, the one way they change,
	// forgets an entry when it writes, so the next read takes the committed value. The queue's file has one
	// serving process; the command-line tools that open it beside it change users and
	// tokens, never settings.
	settingsMu  sync.RWMutex
	settings    map[string]*string // nil value: known not to be set
	settingsGen uint64             // counts changes, so a read that raced one is not kept
}

// OpenQueue opens the practice queue at path, creating it if it does not exist.
func OpenQueue(ctx context.Context, path string) (*Queue, error) {
	return openQueue(ctx, path, queueSchema)
}

// OpenQueueToMeasure opens the queue at path with SQLite's synchronous setting as
// given ("FULL" or "NORMAL"), for one thing only: the bench's figure of what FULL
// costs the queue (triagectl bench --queue-synchronous normal). NORMAL can lose
// acknowledged requests in a power cut; a queue that serves a practice is opened with
// OpenQueue, always FULL.
func OpenQueueToMeasure(ctx context.Context, path, synchronous string) (*Queue, error) {
	s := queueSchema
	switch strings.ToUpper(synchronous) {
	case "FULL":
	case "NORMAL":
		// A practice's queue never lives in the temporary folder, and the bench's
		// always does: refusing NORMAL anywhere else keeps this from ever serving
		// real requests without FULL, whatever flags someone passes.
		if !inTempDir(path) {
			return nil, fmt.Errorf("synchronous normal is only for a bench's queue in %s, not %s: a practice's queue always runs FULL", os.TempDir(), path)
		}
		s.synchronous = "NORMAL"
	default:
		return nil, fmt.Errorf("synchronous %q: use full or normal", synchronous)
	}
	return openQueue(ctx, path, s)
}

// inTempDir reports whether path lies inside the system's temporary folder.
func inTempDir(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	tmp, err := filepath.Abs(os.TempDir())
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(tmp, abs)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// openQueue opens a queue of schema s: queueSchema, or (in the benchmark that
// measures what synchronous=FULL costs) a copy with another setting.
func openQueue(ctx context.Context, path string, s schema) (*Queue, error) {
	db, err := openDB(ctx, path, s)
	if err != nil {
		return nil, err
	}
	q := &Queue{DB: db}
	q.accounts.clone = cachedAccount.clone
	q.group = newGroupWriter(db)
	return q, nil
}

// Close stops the group writer, once it has written what it was given, and closes
// the database.
func (q *Queue) Close() error {
	q.group.close()
	return q.DB.Close()
}

// grouped runs fn in a write transaction shared with whatever else is waiting, and
// returns once that transaction is committed (fn's error if fn failed, in which case
// nothing fn wrote is kept). fn must use the context it is given, never ctx: ctx's
// end must not interrupt a transaction that carries others' writes.
func (q *Queue) grouped(ctx context.Context, fn func(ctx context.Context, tx *sqlx.Tx, now time.Time) error) error {
	return q.group.do(ctx, fn)
}

// Role is what a member of staff may do.
type Role string

// The staff roles.
const (
	RoleReviewer  Role = "reviewer"  // triage inbox: set priority, assign, signpost and close
	RoleClinician Role = "clinician" // a team member: claim, respond, close their team's requests
	RoleManager   Role = "manager"   // everything, plus settings and statistics
)

// User is a member of staff.
type User struct {
	ID   int64
	Name string
	Role Role
	Team triage.Team // a clinician's team
}

// NewToken makes a bearer token and the hash the database keeps of it.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	token = hex.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken returns the stored form of a token: tokens are never stored themselves.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// AddUser creates a member of staff and returns their bearer token.
func (q *Queue) AddUser(ctx context.Context, name string, role Role, team triage.Team) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", triage.Errorf(triage.EINVALID, "a user needs a name")
	}
	switch role {
	case RoleReviewer, RoleManager:
	case RoleClinician:
		if !team.Valid() {
			return "", triage.Errorf(triage.EINVALID, "a clinician needs a team: gp, medicines, physio, mental-health or admin")
		}
	default:
		return "", triage.Errorf(triage.EINVALID, "unknown role %q: use reviewer, clinician or manager", role)
	}
	token, hash := NewToken()
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, team, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
			name, string(role), string(team), hash, now.Unix(), now.Add(StaffTokenTTL).Unix())
		if isUnique(err) {
			return triage.Errorf(triage.ECONFLICT, "there is already a user called %q", name)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("add user %s: %w", name, err)
	}
	return token, nil
}

// UserByToken finds the member of staff a live bearer token belongs to. A revoked or
// expired token is refused with a message saying which, and what to do. The users row
// is read from memory while the sign-in epoch stands (signInCache).
func (q *Queue) UserByToken(ctx context.Context, token string) (User, error) {
	u, err := q.users.lookup(ctx, q, "user", HashToken(token), q.readUser)
	if err != nil {
		return User{}, err
	}
	if u.revoked.Valid {
		return User{}, triage.Errorf(triage.EUNAUTHORIZED, "the sign-in of %s was ended on %s (signed out or revoked): ask the practice manager for a new token (queueserver user token --name %q)",
			u.user.Name, time.Unix(u.revoked.Int64, 0).UTC().Format("2 January 2006 15:04 UTC"), u.user.Name)
	}
	if q.Now().Unix() >= u.expires {
		return User{}, triage.Errorf(triage.EUNAUTHORIZED, "the token of %s expired on %s: ask the practice manager for a new one (queueserver user token --name %q)",
			u.user.Name, time.Unix(u.expires, 0).UTC().Format("2 January 2006"), u.user.Name)
	}
	return u.user, nil
}

// cachedUser is a staff users row as UserByToken reads it.
type cachedUser struct {
	user    User
	expires int64
	revoked sql.NullInt64
}

// readUser reads the users row of the token with hash hash.
func (q *Queue) readUser(ctx context.Context, hash string) (cachedUser, error) {
	var row struct {
		ID      int64         `db:"id"`
		Name    string        `db:"name"`
		Role    string        `db:"role"`
		Team    string        `db:"team"`
		Expires int64         `db:"expires_at"`
		Revoked sql.NullInt64 `db:"revoked_at"`
	}
	err := q.r.GetContext(ctx, &row, `SELECT id, name, role, team, expires_at, revoked_at FROM users WHERE token_hash = ?`, hash)
	if errors.Is(err, sql.ErrNoRows) {
		return cachedUser{}, triage.Errorf(triage.EUNAUTHORIZED, "the token is not a staff token: ask the practice manager for a new one")
	} else if err != nil {
		return cachedUser{}, fmt.Errorf("look up user: %w", err)
	}
	return cachedUser{user: User{ID: row.ID, Name: row.Name, Role: Role(row.Role), Team: triage.Team(row.Team)}, expires: row.Expires, revoked: row.Revoked}, nil
}

func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}

// recordChange appends to the change feed.
func recordChange(ctx context.Context, tx *sqlx.Tx, now time.Time, kind string, ref any) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO changes (kind, ref, at) VALUES (?, ?, ?)`, kind, fmt.Sprint(ref), now.Unix())
	return err
}

// Import writes a batch (demo data, a migration from another system) and records every
// record in the change feed, so desks pick it up.
func (q *Queue) Import(ctx context.Context, ch Changes) error {
	// Patients' sex is stored canonical whatever the other system wrote ("F" is not a
	// sex it knows; "Female" is female), so the engine's rules for women apply.
	if len(ch.Patients) > 0 {
		ch.Patients = slices.Clone(ch.Patients)
		for i := range ch.Patients {
			sex, err := triage.ParseSex(string(ch.Patients[i].Sex))
			if err != nil {
				return fmt.Errorf("import patient %d: %w", ch.Patients[i].ID, err)
			}
			ch.Patients[i].Sex = sex
		}
	}
	for _, r := range ch.Requests {
		if len(r.Photos) > 0 {
			// A photo reference without its picture would promise staff a photo the
			// queue cannot show; pictures arrive only with a patient's submission.
			return fmt.Errorf("import request %d: it lists %d photos, and an import cannot carry the pictures; leave the photos out", r.ID, len(r.Photos))
		}
	}
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if err := upsertChanges(ctx, tx, ch, false, false); err != nil {
			return err
		}
		// Messages the other system (or the demo) did not number get the queue's numbers.
		for _, r := range ch.Requests {
			for _, m := range r.Messages {
				if m.ID > 0 {
					continue
				}
				m.RequestID = r.ID
				if err := m.Validate(); err != nil {
					return fmt.Errorf("request %d: %w", r.ID, err)
				}
				if err := insertMessage(ctx, tx, &m); err != nil {
					return err
				}
			}
		}
		for _, s := range ch.Sites {
			if err := recordChange(ctx, tx, now, "site", s.ID); err != nil {
				return err
			}
		}
		for _, g := range ch.GPTeams {
			if err := recordChange(ctx, tx, now, "gp_team", g.ID); err != nil {
				return err
			}
		}
		for _, p := range ch.Patients {
			if err := recordChange(ctx, tx, now, "patient", p.ID); err != nil {
				return err
			}
		}
		for _, r := range ch.Requests {
			if err := recordChange(ctx, tx, now, "request", r.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import %d records: %w", ch.Len(), err)
	}
	return nil
}

// Submission is a request as a patient sends it, or as reception enters it for a
// caller, already triaged by the engine.
type Submission struct {
	AccountID int64 // the patient's account; 0 when staff entered it
	PatientID int64
	Kind      triage.Kind
	Text      string
	Answers   *triage.Answers // the front door's questions; nil when not asked
	Suggested triage.Suggestion

	// EnteredBy is the member of staff entering the request for a patient who phoned
	// or came in; with it, no account is needed and the entry is audited under their
	// name. Caller, Contact and ContactDetail are what reception recorded of the call.
	EnteredBy     string
	Caller        string
	Contact       triage.Contact
	ContactDetail string
	// ContactAvoid is when the patient asked not to be called ("not before 10am").
	ContactAvoid string
	// CallerRelationship and CallerPhone are the caller's relationship to the patient
	// and their number, when someone else called for the patient.
	CallerRelationship string
	CallerPhone        string

	// Photos are pictures the patient sent with it (the patient pages), stored in the
	// same transaction as the request.
	Photos []Photo
}

// Submit stores a request if the patient is within the practice's limits, checked
// and written in one transaction so two quick submissions cannot both slip under
// the limit. A patient's own submission also needs an account that may act for the
// patient; one entered by staff needs the patient to be on the practice list. Either
// way the arrival is recorded in the audit trail.
func (q *Queue) Submit(ctx context.Context, s Submission, limits triage.Limits, cal *triage.Calendar) (triage.Request, error) {
	return q.SubmitOnce(ctx, Once{}, s, limits, cal)
}

// SubmitOnce is Submit with an idempotency key: a submission sent again with the same
// key within a day gets the first answer (the same request), not a second request.
func (q *Queue) SubmitOnce(ctx context.Context, once Once, s Submission, limits triage.Limits, cal *triage.Calendar) (triage.Request, error) {
	kind, err := triage.ParseKind(string(s.Kind))
	if err != nil {
		return triage.Request{}, err
	}
	s.Kind = kind // "Clinical" is stored as "clinical", not refused by the database
	if err := triage.ValidateSubmission(s.Kind, s.Text); err != nil {
		return triage.Request{}, err
	}
	if err := s.Answers.Validate(); err != nil {
		return triage.Request{}, err
	}
	answers := s.Answers
	if answers.Empty() {
		answers = nil
	}
	var r triage.Request
	// Grouped with the other submissions and audit entries that arrive together: one
	// commit, one fsync for all of them, which synchronous=FULL makes worth sharing.
	err = q.grouped(ctx, func(ctx context.Context, tx *sqlx.Tx, now time.Time) error {
		r = triage.Request{}
		if done, err := q.answered(ctx, tx, now, once, &r); done || err != nil {
			return err
		}
		actor, detail := "patient", fmt.Sprintf("sent it online from account %d", s.AccountID)
		if s.EnteredBy != "" {
			actor, detail = s.EnteredBy, "entered it for a caller"
			p, err := getPatient(ctx, tx, s.PatientID)
			if err != nil {
				return err
			}
			if p.Unverified {
				return triage.Errorf(triage.EINVALID, "patient %d is an identity claim the practice has not yet checked, not a patient on the list: find the patient on the list, or check the claim first", s.PatientID)
			}
		} else if err := mayActFor(ctx, tx, s.AccountID, s.PatientID); err != nil {
			return err
		}
		author := triage.Author{Name: strings.TrimSpace(s.Caller), Relationship: strings.TrimSpace(s.CallerRelationship), Phone: strings.TrimSpace(s.CallerPhone)}
		if s.EnteredBy == "" {
			var err error
			if author, err = accountAuthor(ctx, tx, s.AccountID, s.PatientID); err != nil {
				return err
			}
		}
		y, m, d := now.In(cal.Location).Date()
		midnight := time.Date(y, m, d, 0, 0, 0, 0, cal.Location)
		var live, today int
		if err := tx.QueryRowxContext(ctx, `SELECT coalesce(sum(status <> 'closed'), 0), coalesce(sum(received_at >= ?), 0)
			FROM requests WHERE patient_id = ?`, midnight.Unix(), s.PatientID).Scan(&live, &today); err != nil {
			return err
		}
		if err := limits.CheckSubmit(live, today); err != nil {
			return err
		}
		var site, team string
		if err := tx.QueryRowxContext(ctx, `SELECT site_id, gp_team_id FROM patients WHERE id = ?`, s.PatientID).Scan(&site, &team); err != nil {
			return err
		}
		var next int64
		if err := tx.GetContext(ctx, &next, `SELECT coalesce(max(id), 0) + 1 FROM requests`); err != nil {
			return err
		}
		r = triage.Request{ID: next, Version: 1, PatientID: s.PatientID, SubmittedBy: s.AccountID, SiteID: site, GPTeamID: team,
			Kind: s.Kind, Text: strings.TrimSpace(s.Text), Answers: answers, ReceivedAt: now, DueAt: cal.Due(now, s.Suggested.Priority),
			Status: triage.StatusNew, Priority: s.Suggested.Priority, Signpost: triage.SignpostNone, Suggested: s.Suggested,
			UpdatedAt: now, UpdatedBy: actor,
			EnteredBy: s.EnteredBy, Caller: strings.TrimSpace(s.Caller), Contact: s.Contact, ContactDetail: strings.TrimSpace(s.ContactDetail),
			ContactAvoid: strings.TrimSpace(s.ContactAvoid),
			Author:       author}
		if _, err := tx.ExecContext(ctx, insertRequest, requestArgs(&r)...); err != nil {
			return err
		}
		if err := insertPhotos(ctx, tx, r.ID, s.Photos); err != nil {
			return err
		}
		if err := remember(ctx, tx, now, once, &r); err != nil {
			return err
		}
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "submit", RequestID: r.ID, PatientID: r.PatientID, Detail: detail}); err != nil {
			return err
		}
		return recordChange(ctx, tx, now, "request", r.ID)
	})
	if err != nil {
		return triage.Request{}, fmt.Errorf("submit request: %w", err)
	}
	return r, nil
}

// queryRequests reads whole requests, without their patients (which travel and are
// read on their own); tail is the query's WHERE, ORDER and LIMIT over requests r.
func queryRequests(ctx context.Context, tx *sqlx.Tx, tail string, args ...any) ([]triage.Request, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+prefixed("r", requestColumns)+` FROM requests r `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []triage.Request
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := attachMessages(ctx, tx, out); err != nil {
		return nil, err
	}
	return out, attachPhotos(ctx, tx, out)
}

// Request returns one request.
func (q *Queue) Request(ctx context.Context, id int64) (triage.Request, error) {
	var r triage.Request
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		r, err = getRequest(ctx, tx, id)
		return err
	})
	return r, err
}

func getRequest(ctx context.Context, tx *sqlx.Tx, id int64) (triage.Request, error) {
	it, err := readRequest(ctx, tx, id, "")
	if errors.Is(err, sql.ErrNoRows) {
		return triage.Request{}, triage.Errorf(triage.ENOTFOUND, "there is no request %d", id)
	} else if err != nil {
		return triage.Request{}, fmt.Errorf("read request %d: %w", id, err)
	}
	r := []triage.Request{it.Request}
	if err := attachPhotos(ctx, tx, r); err != nil {
		return triage.Request{}, err
	}
	return r[0], nil
}

// readRequest reads request id with its patient and its conversation, in one query
// joined through join (with its arguments, such as an account's links to patients, so
// that a request the join does not reach is not found: sql.ErrNoRows). It is the one
// reader behind getRequest (staff) and ownRequest (an account's own).
func readRequest(ctx context.Context, tx *sqlx.Tx, id int64, join string, joinArgs ...any) (triage.QueueItem, error) {
	it, err := scanFull(tx.QueryRowxContext(ctx, `SELECT `+prefixed("r", requestColumns)+`, `+patientColumns+`
		FROM requests r `+join+` JOIN patients p ON p.id = r.patient_id WHERE r.id = ?`, append(joinArgs, id)...))
	if err != nil {
		return it, err
	}
	r := []triage.Request{it.Request}
	if err := attachMessages(ctx, tx, r); err != nil {
		return it, err
	}
	it.Request = r[0]
	return it, nil
}

// Act applies staff actions to one request with optimistic locking, all or none: the
// first must be made on the stored version, each next one on the version the one
// before it made. A stale action is refused with ECONFLICT naming who changed the
// request, and nothing is written.
func (q *Queue) Act(ctx context.Context, cal *triage.Calendar, actions ...triage.Action) (triage.Request, error) {
	return q.ActOnce(ctx, Once{}, cal, actions...)
}

// ActOnce is Act with an idempotency key: actions sent again with the same key within
// a day get the first answer (the request as the first attempt left it), so a desk
// that lost the reply does not find its own change reported as someone else's.
func (q *Queue) ActOnce(ctx context.Context, once Once, cal *triage.Calendar, actions ...triage.Action) (triage.Request, error) {
	r, _, err := q.ActAndTell(ctx, once, cal, actions...)
	return r, err
}

// ActAndTell is ActOnce that also returns the messages to the patient the actions
// added to the request's conversation (a response, a signpost, a close with a
// message), each stored in the same transaction as its action. A repeat of an
// answered idempotency key adds none and returns none, so the caller tells the
// patient about a message once.
func (q *Queue) ActAndTell(ctx context.Context, once Once, cal *triage.Calendar, actions ...triage.Action) (triage.Request, []triage.Message, error) {
	if len(actions) == 0 {
		return triage.Request{}, nil, triage.Errorf(triage.EINVALID, "no change to make")
	}
	var r triage.Request
	var added []triage.Message
	id := actions[0].RequestID
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		added = nil
		if done, err := q.answered(ctx, tx, now, once, &r); done || err != nil {
			return err
		}
		var err error
		if r, err = getRequest(ctx, tx, id); err != nil {
			return err
		}
		for i, a := range actions {
			if i > 0 {
				a.BaseVersion = r.Version
			}
			if err := r.Apply(a, cal, now); err != nil {
				if triage.ErrorCode(err) == triage.ECONFLICT {
					return triage.Errorf(triage.ECONFLICT, "request %d was changed by %s at %s (now version %d): your change was not saved; look at theirs and redo yours if it still applies",
						r.ID, r.UpdatedBy, r.UpdatedAt.In(cal.Location).Format("15:04"), r.Version)
				}
				return err
			}
			if m, ok := a.PatientMessage(&r, now); ok {
				if err := insertMessage(ctx, tx, &m); err != nil {
					return err
				}
				r.Messages = append(slices.Clip(r.Messages), m)
				added = append(added, m)
			}
			if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: a.Actor, Action: string(a.Kind), RequestID: r.ID, Detail: a.Describe()}); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, updateRequest, requestArgs(&r)...); err != nil {
			return err
		}
		if err := remember(ctx, tx, now, once, &r); err != nil {
			return err
		}
		return recordChange(ctx, tx, now, "request", r.ID)
	})
	if err != nil {
		return triage.Request{}, nil, fmt.Errorf("change request %d: %w", id, err)
	}
	return r, added, nil
}

// IdempotencyWindow is how long the queue keeps the answer to a keyed action or
// submission: far longer than any desk retries for, short enough to stay small.
const IdempotencyWindow = 24 * time.Hour

// Once is an idempotency key as a client sent it (the Idempotency-Key header), scoped
// to who sent it, with a fingerprint of what was asked. The zero Once asks for nothing.
type Once struct {
	Scope       string // "staff NAME" or "account ID": keys of different callers never meet
	Key         string
	Fingerprint string // the same key sent with a different request is refused
}

// answered looks for the first answer to once's key; when there is one it fills r
// and reports true. A key reused for a different request is refused.
func (q *Queue) answered(ctx context.Context, tx *sqlx.Tx, now time.Time, once Once, r *triage.Request) (bool, error) {
	if once.Key == "" {
		return false, nil
	}
	// Now and then, not on every call, forget the keys older than the window.
	if last := q.swept.Load(); now.Unix()-last > 600 && q.swept.CompareAndSwap(last, now.Unix()) {
		if _, err := tx.ExecContext(ctx, `DELETE FROM idempotency WHERE at < ?`, now.Add(-IdempotencyWindow).Unix()); err != nil {
			return false, err
		}
	}
	var got struct {
		Fingerprint string `db:"fingerprint"`
		Answer      string `db:"answer"`
	}
	err := tx.GetContext(ctx, &got, `SELECT fingerprint, answer FROM idempotency WHERE scope = ? AND key = ? AND at >= ?`,
		once.Scope, once.Key, now.Add(-IdempotencyWindow).Unix())
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if got.Fingerprint != once.Fingerprint {
		return false, triage.Errorf(triage.EINVALID, "the Idempotency-Key %q was already used for a different request: send a new key with each new request", once.Key)
	}
	if err := json.Unmarshal([]byte(got.Answer), r); err != nil {
		return false, fmt.Errorf("the stored answer for Idempotency-Key %q is unreadable: %w", once.Key, err)
	}
	return true, nil
}

// remember stores the answer to once's key in the same transaction as the change it
// answers, so a crash cannot leave one without the other.
func remember(ctx context.Context, tx *sqlx.Tx, now time.Time, once Once, r *triage.Request) error {
	if once.Key == "" {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO idempotency (scope, key, fingerprint, request_id, answer, at) VALUES (?, ?, ?, ?, ?, ?)`,
		once.Scope, once.Key, once.Fingerprint, r.ID, string(b), now.Unix())
	return err
}

// Requests returns a page of requests by id, for FHIR search.
func (q *Queue) Requests(ctx context.Context, offset, limit int) ([]triage.Request, int, error) {
	var out []triage.Request
	var total int
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &total, `SELECT count(*) FROM requests`); err != nil {
			return err
		}
		var err error
		out, err = queryRequests(ctx, tx, `ORDER BY r.id LIMIT ? OFFSET ?`, limit, offset)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list requests: %w", err)
	}
	return out, total, nil
}

// Patient returns one patient with the accounts that act for them.
func (q *Queue) Patient(ctx context.Context, id int64) (triage.Patient, error) {
	var p triage.Patient
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		p, err = getPatient(ctx, tx, id)
		return err
	})
	return p, err
}

func getPatient(ctx context.Context, tx *sqlx.Tx, id int64) (triage.Patient, error) {
	var p triage.Patient
	dest, finish := patientDest(&p)
	err := tx.QueryRowxContext(ctx, `SELECT `+patientColumns+` FROM patients p WHERE p.id = ?`, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return p, triage.Errorf(triage.ENOTFOUND, "there is no patient %d", id)
	} else if err != nil {
		return p, err
	}
	p.ID = id
	if err := finish(); err != nil {
		return p, err
	}
	p.ActedForBy, err = links(ctx, tx, id)
	return p, err
}

// Cursor is a position in the change feed. It travels as an opaque string.
type Cursor int64

// ParseCursor reads a cursor; "" is the start of the feed.
func ParseCursor(s string) (Cursor, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, triage.Errorf(triage.EINVALID, "cursor %q is not one this server gave out: sync again from the start", s)
	}
	return Cursor(n), nil
}

// String is the cursor's wire form.
func (c Cursor) String() string { return strconv.FormatInt(int64(c), 10) }

// Feed returns the records changed after cursor, oldest change first, at most limit
// changes, and the cursor that follows them. A record changed several times is sent
// once, as it is now. All of it is read in one transaction, so the page and its
// cursor agree.
func (q *Queue) Feed(ctx context.Context, after Cursor, limit int) (Changes, Cursor, error) {
	return q.FeedUpTo(ctx, after, math.MaxInt64, limit)
}

// FeedUpTo is Feed of the changes after cursor after and up to cursor upTo only: the
// server hands every desk waiting at one cursor the same page, up to the change it
// last announced, so that page is read once for all of them.
func (q *Queue) FeedUpTo(ctx context.Context, after, upTo Cursor, limit int) (Changes, Cursor, error) {
	var ch Changes
	next := after
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT seq, kind, ref FROM changes WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`, int64(after), int64(upTo), limit)
		if err != nil {
			return err
		}
		type key struct{ kind, ref string }
		var order []key
		seen := map[key]bool{}
		n := 0
		for rows.Next() {
			n++
			var seq int64
			var k key
			if err := rows.Scan(&seq, &k.kind, &k.ref); err != nil {
				rows.Close()
				return err
			}
			next = Cursor(seq)
			if !seen[k] {
				seen[k] = true
				order = append(order, k)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if n < limit && upTo != math.MaxInt64 {
			// The whole range was read, gaps and all: the next page starts after it.
			next = upTo
		}
		var patientIDs, requestIDs []int64
		for _, k := range order {
			switch k.kind {
			case "site":
				var s triage.Site
				if err := tx.QueryRowxContext(ctx, `SELECT id, name FROM sites WHERE id = ?`, k.ref).Scan(&s.ID, &s.Name); err != nil {
					return fmt.Errorf("site %s: %w", k.ref, err)
				}
				ch.Sites = append(ch.Sites, s)
			case "gp_team":
				var g triage.GPTeam
				if err := tx.QueryRowxContext(ctx, `SELECT id, name, site_id FROM gp_teams WHERE id = ?`, k.ref).Scan(&g.ID, &g.Name, &g.SiteID); err != nil {
					return fmt.Errorf("GP team %s: %w", k.ref, err)
				}
				ch.GPTeams = append(ch.GPTeams, g)
			case "patient":
				id, _ := strconv.ParseInt(k.ref, 10, 64)
				patientIDs = append(patientIDs, id)
			case "request":
				id, _ := strconv.ParseInt(k.ref, 10, 64)
				requestIDs = append(requestIDs, id)
			}
		}
		// One query for each kind, not one per record: a first sync is 100,000 of them.
		if ch.Patients, err = patientsByID(ctx, tx, patientIDs); err != nil {
			return err
		}
		ch.Requests, err = requestsByID(ctx, tx, requestIDs)
		return err
	})
	if err != nil {
		return Changes{}, after, fmt.Errorf("read changes after %d: %w", after, err)
	}
	return ch, next, nil
}

// LastChange returns the cursor of the newest change, for long-polling.
func (q *Queue) LastChange(ctx context.Context) (Cursor, error) {
	var n int64
	err := q.r.GetContext(ctx, &n, `SELECT coalesce(max(seq), 0) FROM changes`)
	return Cursor(n), err
}

// Setting reads a JSON setting into v; it reports false when it was never set.
func (q *Queue) Setting(ctx context.Context, key string, v any) (bool, error) {
	q.settingsMu.RLock()
	cached, known := q.settings[key]
	gen := q.settingsGen
	q.settingsMu.RUnlock()
	if !known {
		var s string
		err := q.r.GetContext(ctx, &s, `SELECT value FROM settings WHERE key = ?`, key)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			cached = nil
		case err != nil:
			return false, fmt.Errorf("read setting %s: %w", key, err)
		default:
			cached = &s
		}
		q.rememberSetting(key, cached, gen)
	}
	if cached == nil {
		return false, nil
	}
	if err := json.Unmarshal([]byte(*cached), v); err != nil {
		return false, fmt.Errorf("setting %s is unreadable: %w", key, err)
	}
	return true, nil
}

// SetSetting stores a JSON setting and records who changed it.
func (q *Queue) SetSetting(ctx context.Context, key string, v any, actor string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	err = q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, string(b)); err != nil {
			return err
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "setting", Detail: "changed " + key})
	})
	// Forgotten once the write is committed (or failed): the next read takes the
	// committed value, and a read that began before this point, which may have read the
	// old one, does not keep it (forgetSetting moves the change count it checks).
	q.forgetSetting(key)
	return err
}

// rememberSetting keeps a setting's value read when the change count was
// gen; a value read before a change that has since happened is not kept.
func (q *Queue) rememberSetting(key string, value *string, gen uint64) {
	q.settingsMu.Lock()
	defer q.settingsMu.Unlock()
	if gen != q.settingsGen {
		return
	}
	if q.settings == nil {
		q.settings = map[string]*string{}
	}
	q.settings[key] = value
}

// forgetSetting drops a setting about to change, and makes any read under way not
// keep what it read.
func (q *Queue) forgetSetting(key string) {
	q.settingsMu.Lock()
	defer q.settingsMu.Unlock()
	q.settingsGen++
	delete(q.settings, key)
}

// idList is ids as a JSON array, for json_each: one bound value however many ids.
func idList(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

func patientsByID(ctx context.Context, tx *sqlx.Tx, ids []int64) ([]triage.Patient, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := idList(ids)
	linked := map[int64][]int64{}
	lrows, err := tx.QueryContext(ctx, `SELECT patient_id, account_id FROM patient_links
		WHERE patient_id IN (SELECT value FROM json_each(?)) ORDER BY patient_id, account_id`, list)
	if err != nil {
		return nil, err
	}
	for lrows.Next() {
		var pid, acc int64
		if err := lrows.Scan(&pid, &acc); err != nil {
			lrows.Close()
			return nil, err
		}
		linked[pid] = append(linked[pid], acc)
	}
	lrows.Close()
	rows, err := tx.QueryContext(ctx, `SELECT p.id, `+patientColumns+` FROM patients p
		WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out, err := scanPatients(rows)
	for i := range out {
		out[i].ActedForBy = linked[out[i].ID]
	}
	return out, err
}

func requestsByID(ctx context.Context, tx *sqlx.Tx, ids []int64) ([]triage.Request, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return queryRequests(ctx, tx, `WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`, idList(ids))
}
