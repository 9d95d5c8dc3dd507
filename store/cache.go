package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

//go:embed migrations/cache/*.sql
var cacheMigrations embed.FS

var cacheSchema = schema{
	name:          "desk cache",
	applicationID: 0x54524443, // "TRDC"
	migrations:    mustSub(cacheMigrations, "migrations/cache"),
	remedy:        "Move the file aside (or delete it) and Triage Desk will build a new cache from the practice queue; actions not yet sent from it would be lost",
	// The cache can be rebuilt from the queue, so it may lose its last moments to a
	// power cut; NORMAL is crash-safe in WAL mode and much cheaper.
	synchronous:  "NORMAL",
	writerDriver: driverName,
}

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// Cache is a desk's local copy of the practice queue: requests and their patients,
// the sync cursor, the outbox of actions not yet accepted by the server, and the desk's
// audit trail. It is safe for concurrent use.
type Cache struct {
	*DB
}

// OpenCache opens the cache at path, creating it (readable by its owner only) if it
// does not exist, and upgrading an older cache in place. A file that is not a cache, is
// damaged, or was written by a newer Triage Desk is refused and left untouched; the
// error wraps ErrNotCache or ErrNewerSchema and says what to do.
func OpenCache(ctx context.Context, path string) (*Cache, error) {
	db, err := openDB(ctx, path, cacheSchema)
	if err != nil {
		return nil, err
	}
	return &Cache{DB: db}, nil
}

// Changes is a batch of records to bring into the cache, as one page of the server's
// change feed delivers them.
type Changes struct {
	Sites    []triage.Site
	GPTeams  []triage.GPTeam
	Patients []triage.Patient
	Requests []triage.Request
}

// Len is the number of records in the batch.
func (c Changes) Len() int {
	return len(c.Sites) + len(c.GPTeams) + len(c.Patients) + len(c.Requests)
}

const metaCursor = "sync.cursor"

// ApplyChanges writes a batch and the feed cursor that follows it in one transaction,
// so a desk killed at any instant resumes exactly after the last batch it committed.
// A request already held at a higher version (a change made at this desk and not yet
// echoed by the server) is kept.
func (c *Cache) ApplyChanges(ctx context.Context, ch Changes, cursor string) error {
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if err := upsertChanges(ctx, tx, ch, false, true); err != nil {
			return err
		}
		return setMeta(ctx, tx, metaCursor, cursor)
	})
	if err != nil {
		return fmt.Errorf("apply %d changes to cache: %w", ch.Len(), err)
	}
	return nil
}

// Upsert writes a batch in one transaction without moving the cursor: demo data,
// imports, and the server's copy of a request fetched after a conflict.
func (c *Cache) Upsert(ctx context.Context, ch Changes) error {
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		return upsertChanges(ctx, tx, ch, false, true)
	})
	if err != nil {
		return fmt.Errorf("write %d records to cache: %w", ch.Len(), err)
	}
	return nil
}

// Cursor returns the feed cursor after the last committed batch, "" for a new cache.
func (c *Cache) Cursor(ctx context.Context) (string, error) {
	return c.Meta(ctx, metaCursor)
}

// Meta returns a setting of this cache, "" when unset.
func (c *Cache) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := c.r.GetContext(ctx, &v, `SELECT value FROM meta WHERE key = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("read cache setting %s: %w", key, err)
	}
	return v, nil
}

// SetMeta stores a setting of this cache.
func (c *Cache) SetMeta(ctx context.Context, key, value string) error {
	return c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		return setMeta(ctx, tx, key, value)
	})
}

func setMeta(ctx context.Context, tx *sqlx.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("store %s: %w", key, err)
	}
	return nil
}

// upsertChanges writes every record of ch with prepared statements into a desk's cache. With force, a
// request replaces the cached one whatever its version (the server's word after a
// refused action); without, an older version never replaces a newer one.
func upsertChanges(ctx context.Context, tx *sqlx.Tx, ch Changes, force, search bool) error {
	if len(ch.Sites) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO sites (id, name) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, s := range ch.Sites {
			if _, err := st.ExecContext(ctx, s.ID, s.Name); err != nil {
				return fmt.Errorf("site %s: %w", s.ID, err)
			}
		}
	}
	if len(ch.GPTeams) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO gp_teams (id, name, site_id) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, site_id = excluded.site_id`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, g := range ch.GPTeams {
			if _, err := st.ExecContext(ctx, g.ID, g.Name, g.SiteID); err != nil {
				return fmt.Errorf("GP team %s: %w", g.ID, err)
			}
		}
	}
	if len(ch.Patients) > 0 {
		if err := upsertPatients(ctx, tx, ch.Patients); err != nil {
			return err
		}
	}
	if len(ch.Requests) > 0 {
		if err := upsertRequests(ctx, tx, ch.Requests, force, search); err != nil {
			return err
		}
	}
	return nil
}

func upsertPatients(ctx context.Context, tx *sqlx.Tx, ps []triage.Patient) error {
	st, err := tx.PrepareContext(ctx, `INSERT INTO patients
		(id, version, nhs_number, given_name, family_name, birth_date, sex, site_id, gp_team_id, dependant, unverified, phone, email)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET version = excluded.version, nhs_number = excluded.nhs_number,
			given_name = excluded.given_name, family_name = excluded.family_name,
			birth_date = excluded.birth_date, sex = excluded.sex, site_id = excluded.site_id,
			gp_team_id = excluded.gp_team_id, dependant = excluded.dependant, unverified = excluded.unverified,
			phone = excluded.phone, email = excluded.email
		WHERE excluded.version >= patients.version`)
	if err != nil {
		return err
	}
	defer st.Close()
	del, err := tx.PrepareContext(ctx, `DELETE FROM patient_links WHERE patient_id = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	link, err := tx.PrepareContext(ctx, `INSERT INTO patient_links (patient_id, account_id) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer link.Close()
	own, err := tx.PrepareContext(ctx, `INSERT INTO accounts (id, patient_id) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id`)
	if err != nil {
		return err
	}
	defer own.Close()
	for i := range ps {
		p := &ps[i]
		if _, err := st.ExecContext(ctx, p.ID, p.Version, string(p.NHSNumber), p.GivenName, p.FamilyName,
			p.BirthDate.Format(time.DateOnly), string(p.Sex), p.SiteID, p.GPTeamID, p.Dependant, p.Unverified, p.Phone, p.Email); err != nil {
			return fmt.Errorf("patient %d: %w", p.ID, err)
		}
		if _, err := del.ExecContext(ctx, p.ID); err != nil {
			return fmt.Errorf("patient %d links: %w", p.ID, err)
		}
		for _, acc := range p.ActedForBy {
			if _, err := link.ExecContext(ctx, p.ID, acc); err != nil {
				return fmt.Errorf("patient %d link to account %d: %w", p.ID, acc, err)
			}
			if !p.Dependant {
				// A patient with an account acts only for themself through it.
				if _, err := own.ExecContext(ctx, acc, p.ID); err != nil {
					return fmt.Errorf("patient %d account %d: %w", p.ID, acc, err)
				}
			}
		}
	}
	return nil
}

// requestCols are the requests table's columns in the order requestArgs gives them.
var requestCols = []string{"id", "version", "patient_id", "submitted_by", "site_id", "gp_team_id", "kind", "body",
	"received_at", "due_at", "status", "priority", "team", "signpost", "suggested_priority", "suggested_team",
	"suggested_signpost", "reasons", "claimed_by", "channel", "response", "first_response_at", "outcome",
	"closed_at", "note", "updated_at", "updated_by", "entered_by", "caller", "contact", "contact_detail", "answers",
	"priority_reason", "call_outcome", "called_at", "called_by", "awaiting_since",
	"author_name", "author_relationship", "author_phone", "contact_avoid"}

var (
	requestColumns = strings.Join(requestCols, ", ")
	// insertRequest adds a request the cache does not hold yet.
	insertRequest = `INSERT INTO requests (` + requestColumns + `) VALUES (?` + strings.Repeat(", ?", len(requestCols)-1) + `)
		ON CONFLICT (id) DO NOTHING`
	// updateRequest replaces a cached request with a version at least as new, using the
	// same numbered arguments as insertRequest. The body is left alone: it never
	// changes after submission, and the full-text index holds it as it was.
	updateRequest = func() string {
		var set []string
		for i, c := range requestCols {
			if c != "id" && c != "body" && c != "received_at" && c != "submitted_by" {
				set = append(set, fmt.Sprintf("%s = ?%d", c, i+1))
			}
		}
		return `UPDATE requests SET ` + strings.Join(set, ", ") + ` WHERE id = ?1`
	}()
)

// upsertRequests writes requests with prepared statements, indexing the text of the
// new ones for search. With force, a request replaces the cached one whatever its
// version (the server's word after a refused action); without, an older version
// never replaces a newer one (a change made here and not yet echoed by the server).
// search says whether the database has the full-text index (a desk's cache does, the
// practice queue does not).
func upsertRequests(ctx context.Context, tx *sqlx.Tx, rs []triage.Request, force, search bool) error {
	ins, err := tx.PrepareContext(ctx, insertRequest)
	if err != nil {
		return err
	}
	defer ins.Close()
	guard := ` AND version <= ?2`
	if force {
		guard = ""
	}
	upd, err := tx.PrepareContext(ctx, updateRequest+guard)
	if err != nil {
		return err
	}
	defer upd.Close()
	ftsSQL := `INSERT INTO requests_fts (docid, body) VALUES (?, ?)`
	if !search {
		ftsSQL = `SELECT ?, ?` // nothing to index
	}
	fts, err := tx.PrepareContext(ctx, ftsSQL)
	if err != nil {
		return err
	}
	defer fts.Close()
	for i := range rs {
		r := &rs[i]
		args := requestArgs(r)
		res, err := ins.ExecContext(ctx, args...)
		if err != nil {
			return fmt.Errorf("request %d: %w", r.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("request %d: %w", r.ID, err)
		} else if n == 1 {
			if _, err := fts.ExecContext(ctx, r.ID, r.Text); err != nil {
				return fmt.Errorf("index request %d for search: %w", r.ID, err)
			}
			continue
		}
		if _, err := upd.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("request %d: %w", r.ID, err)
		}
	}
	if err := upsertMessages(ctx, tx, rs); err != nil {
		return err
	}
	return upsertPhotoRefs(ctx, tx, rs)
}

// requestArgs lists r's values in requestColumns order.
func requestArgs(r *triage.Request) []any {
	reasons := reasonsJSON(r.Suggested.Reasons)
	signpost := r.Signpost
	if signpost == "" {
		signpost = triage.SignpostNone
	}
	suggestedSignpost := r.Suggested.Signpost
	if suggestedSignpost == "" {
		suggestedSignpost = triage.SignpostNone
	}
	suggestedPriority := r.Suggested.Priority.Rank()
	if !r.Suggested.Priority.Valid() {
		suggestedPriority = r.Priority.Rank()
	}
	return []any{r.ID, r.Version, r.PatientID, r.SubmittedBy, r.SiteID, r.GPTeamID, string(r.Kind), r.Text,
		r.ReceivedAt.Unix(), r.DueAt.Unix(), string(r.Status), r.Priority.Rank(), string(r.Team), string(signpost),
		suggestedPriority, string(r.Suggested.Team), string(suggestedSignpost), string(reasons),
		r.ClaimedBy, string(r.Channel), r.Response, unix(r.FirstResponseAt), string(r.Outcome),
		unix(r.ClosedAt), r.Note, r.UpdatedAt.Unix(), r.UpdatedBy, r.EnteredBy, r.Caller, string(r.Contact), r.ContactDetail,
		answersJSON(r.Answers), r.PriorityReason, string(r.Call), unix(r.CalledAt), r.CalledBy, unix(r.AwaitingSince),
		r.Author.Name, r.Author.Relationship, r.Author.Phone, r.ContactAvoid}
}

// answersJSON is the answers as the answers column holds them: the empty string for
// none, which keeps the column empty for the many requests sent without them.
func answersJSON(a *triage.Answers) string {
	if a.Empty() {
		return ""
	}
	b, err := json.Marshal(a)
	if err != nil {
		return "" // cannot happen: Answers holds only strings, numbers and booleans
	}
	return string(b)
}

// Request returns one request in full, with its patient, or an ENOTFOUND error.
func (c *Cache) Request(ctx context.Context, id int64) (triage.QueueItem, error) {
	var it triage.QueueItem
	err := c.read(ctx, func(tx *sqlx.Tx) error {
		row := tx.QueryRowxContext(ctx, `SELECT `+prefixed("r", requestColumns)+`, `+patientColumns+`
			FROM requests r JOIN patients p ON p.id = r.patient_id WHERE r.id = ?`, id)
		var err error
		it, err = scanFull(row)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "request %d is not in this desk's cache: it may have been closed and purged, or not synced yet", id)
		} else if err != nil {
			return err
		}
		if it.Patient.ActedForBy, err = links(ctx, tx, it.PatientID); err != nil {
			return err
		}
		byID, err := readMessages(ctx, tx, []int64{id})
		if err != nil {
			return err
		}
		it.Messages = byID[id]
		photos, err := readPhotoRefs(ctx, tx, []int64{id})
		it.Photos, it.PhotoCount = photos[id], len(photos[id])
		return err
	})
	if err != nil {
		return triage.QueueItem{}, fmt.Errorf("read request %d: %w", id, err)
	}
	return it, nil
}

func links(ctx context.Context, tx *sqlx.Tx, patientID int64) ([]int64, error) {
	var ids []int64
	err := tx.SelectContext(ctx, &ids, `SELECT account_id FROM patient_links WHERE patient_id = ? ORDER BY account_id`, patientID)
	return ids, err
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// patientRows is what sql.Rows and sqlx.Rows both are, for scanPatients.
type patientRows interface {
	Next() bool
	Scan(...any) error
	Err() error
}

// scanPatients reads every row of a "SELECT p.id, "+patientColumns query, so the
// queue, the cache and reception's search read a patient the same way.
func scanPatients(rows patientRows) ([]triage.Patient, error) {
	var out []triage.Patient
	for rows.Next() {
		var p triage.Patient
		dest, finish := patientDest(&p)
		if err := rows.Scan(append([]any{&p.ID}, dest...)...); err != nil {
			return nil, err
		}
		if err := finish(); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func scanFull(row scanner) (triage.QueueItem, error) {
	var it triage.QueueItem
	rdest, rfinish := requestDest(&it.Request)
	pdest, pfinish := patientDest(&it.Patient)
	if err := row.Scan(append(rdest, pdest...)...); err != nil {
		return it, err
	}
	if err := rfinish(); err != nil {
		return it, err
	}
	it.Patient.ID = it.Request.PatientID
	return it, pfinish()
}

// scanRequest reads a row of requestColumns alone.
func scanRequest(row scanner) (triage.Request, error) {
	var r triage.Request
	dest, finish := requestDest(&r)
	if err := row.Scan(dest...); err != nil {
		return r, err
	}
	return r, finish()
}

// requestDest returns scan destinations for requestColumns and a function that
// converts what was scanned into r.
func requestDest(r *triage.Request) ([]any, func() error) {
	var (
		received, due, updated                        int64
		firstResp, closed, called, awaiting           sql.NullInt64
		call                                          string
		kind, status, team, sign, sTeam, sSign, chann string
		outcome, reasons, contact, answers            string
		prio, sPrio                                   int
	)
	dest := []any{&r.ID, &r.Version, &r.PatientID, &r.SubmittedBy, &r.SiteID, &r.GPTeamID, &kind, &r.Text,
		&received, &due, &status, &prio, &team, &sign, &sPrio, &sTeam, &sSign, &reasons,
		&r.ClaimedBy, &chann, &r.Response, &firstResp, &outcome, &closed, &r.Note, &updated, &r.UpdatedBy,
		&r.EnteredBy, &r.Caller, &contact, &r.ContactDetail, &answers,
		&r.PriorityReason, &call, &called, &r.CalledBy, &awaiting,
		&r.Author.Name, &r.Author.Relationship, &r.Author.Phone, &r.ContactAvoid}
	return dest, func() error {
		r.Kind, r.Status, r.Team, r.Signpost = triage.Kind(kind), triage.Status(status), triage.Team(team), triage.Signpost(sign)
		r.Priority, _ = triage.PriorityFromRank(prio)
		r.Suggested.Priority, _ = triage.PriorityFromRank(sPrio)
		r.Suggested.Team, r.Suggested.Signpost = triage.Team(sTeam), triage.Signpost(sSign)
		var err error
		if r.Suggested.Reasons, err = parseReasons(reasons); err != nil {
			return fmt.Errorf("request %d: the engine's reasons are unreadable: %w", r.ID, err)
		}
		if answers != "" {
			r.Answers = new(triage.Answers)
			if err := json.Unmarshal([]byte(answers), r.Answers); err != nil {
				return fmt.Errorf("request %d: the patient's answers are unreadable: %w", r.ID, err)
			}
		}
		r.Channel, r.Outcome, r.Contact = triage.Channel(chann), triage.Outcome(outcome), triage.Contact(contact)
		r.ReceivedAt, r.DueAt, r.UpdatedAt = time.Unix(received, 0).UTC(), time.Unix(due, 0).UTC(), time.Unix(updated, 0).UTC()
		r.FirstResponseAt, r.ClosedAt = fromUnix(firstResp), fromUnix(closed)
		r.Call, r.CalledAt, r.AwaitingSince = triage.CallOutcome(call), fromUnix(called), fromUnix(awaiting)
		return nil
	}
}

const patientColumns = `p.version, p.nhs_number, p.given_name, p.family_name, p.birth_date, p.sex, p.site_id, p.gp_team_id, p.dependant, p.unverified, p.phone, p.email`

// patientDest returns scan destinations for patientColumns and a function that
// converts what was scanned into p.
func patientDest(p *triage.Patient) ([]any, func() error) {
	var nhs, birth, sex string
	dest := []any{&p.Version, &nhs, &p.GivenName, &p.FamilyName, &birth, &sex, &p.SiteID, &p.GPTeamID, &p.Dependant, &p.Unverified, &p.Phone, &p.Email}
	return dest, func() error {
		// A provisional record's number carries a suffix in the queue (see
		// migrations/queue/0002_identity.sql); it travels as the number claimed.
		nhs, _, _ = strings.Cut(nhs, "#")
		p.NHSNumber, p.Sex = triage.NHSNumber(nhs), triage.Sex(sex)
		b, err := time.Parse(time.DateOnly, birth)
		if err != nil {
			return fmt.Errorf("patient %d: unreadable date of birth %q", p.ID, birth)
		}
		p.BirthDate = b
		return nil
	}
}

// Patient returns one patient with the accounts that may act for them.
func (c *Cache) Patient(ctx context.Context, id int64) (triage.Patient, error) {
	var p triage.Patient
	err := c.read(ctx, func(tx *sqlx.Tx) error {
		dest, finish := patientDest(&p)
		err := tx.QueryRowxContext(ctx, `SELECT `+patientColumns+` FROM patients p WHERE p.id = ?`, id).Scan(dest...)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "patient %d is not in this desk's cache", id)
		} else if err != nil {
			return err
		}
		p.ID = id
		if err := finish(); err != nil {
			return err
		}
		p.ActedForBy, err = links(ctx, tx, id)
		return err
	})
	if err != nil {
		return p, fmt.Errorf("read patient %d: %w", id, err)
	}
	return p, nil
}

// Carers returns the account holders who may act for a dependant, so the desk can
// show who to contact about a child. It is empty for a patient with their own account.
func (c *Cache) Carers(ctx context.Context, patientID int64) ([]triage.Patient, error) {
	var out []triage.Patient
	err := c.read(ctx, func(tx *sqlx.Tx) error {
		rows, err := tx.QueryxContext(ctx, `SELECT p.id, `+patientColumns+` FROM patient_links l
			JOIN accounts a ON a.id = l.account_id JOIN patients p ON p.id = a.patient_id
			WHERE l.patient_id = ? AND a.patient_id <> l.patient_id ORDER BY p.family_name, p.given_name`, patientID)
		if err != nil {
			return err
		}
		defer rows.Close()
		out, err = scanPatients(rows)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read carers of patient %d: %w", patientID, err)
	}
	return out, nil
}

// DefaultRetention is how long a closed request stays in a desk's cache: long enough
// for "what did we tell them last week", short enough that closed patient data does
// not build up on workstations. The practice queue keeps the full record.
const DefaultRetention = 30 * 24 * time.Hour

// Purge deletes requests closed more than retention ago, and patients left with no
// request, so closed patient data does not linger on a workstation. It returns how
// many requests it deleted and records the purge in the audit trail.
func (c *Cache) Purge(ctx context.Context, retention time.Duration, actor string) (int, error) {
	var n int64
	err := c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		cutoff := now.Add(-retention).Unix()
		// The index row goes first: FTS4 reads the text it is removing from requests.
		if _, err := tx.ExecContext(ctx, `DELETE FROM requests_fts WHERE docid IN
			(SELECT id FROM requests WHERE closed_at IS NOT NULL AND closed_at < ?)`, cutoff); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM messages WHERE request_id IN
			(SELECT id FROM requests WHERE closed_at IS NOT NULL AND closed_at < ?)`, cutoff); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM request_photos WHERE request_id IN
			(SELECT id FROM requests WHERE closed_at IS NOT NULL AND closed_at < ?)`, cutoff); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM requests WHERE closed_at IS NOT NULL AND closed_at < ?`, cutoff)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM patients WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.patient_id = patients.id)
			AND NOT EXISTS (SELECT 1 FROM accounts a JOIN patient_links l ON l.account_id = a.id
				JOIN requests r ON r.patient_id = l.patient_id WHERE a.patient_id = patients.id)`); err != nil {
			return err
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "purge",
			Detail: fmt.Sprintf("deleted %d requests closed before %s", n, now.Add(-retention).Format(time.DateOnly))})
	})
	if err != nil {
		return 0, fmt.Errorf("purge closed requests: %w", err)
	}
	return int(n), nil
}

// prefixed qualifies each column of a comma-separated list with a table alias.
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// MissingPatients returns the patients the given requests belong to that are neither
// in this cache nor among those given: a purge removes a patient with no requests
// left, and the queue's feed sends a patient only when the patient changes, so a new
// request from a purged patient arrives without them.
func (c *Cache) MissingPatients(ctx context.Context, requests []triage.Request, with []triage.Patient) ([]int64, error) {
	have := map[int64]bool{}
	for _, p := range with {
		have[p.ID] = true
	}
	var want []int64
	for _, r := range requests {
		if !have[r.PatientID] {
			have[r.PatientID] = true
			want = append(want, r.PatientID)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	var missing []int64
	err := c.r.SelectContext(ctx, &missing, `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM patients) ORDER BY value`, idList(want))
	if err != nil {
		return nil, fmt.Errorf("look for patients missing from the cache: %w", err)
	}
	return missing, nil
}
