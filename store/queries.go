package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// DefaultLimit is how many rows a list query returns when the filter sets no limit:
// more than a screen, few enough to read in well under a millisecond.
const DefaultLimit = 200

// listTextLength is how much of what the patient wrote a list row carries: lists show
// only the first line, and copying whole requests would slow every scroll.
const listTextLength = 240

// listColumns is what a list row needs, packed into one text value. go-sqlite3 makes
// a few cgo calls for every column of every row; at twenty-odd columns that was most
// of the inbox's time, and the inbox must answer in under a millisecond on 100,000
// requests. The engine's reasons, the response and notes are read only when a request
// is opened. The patient's text comes last so that anything it holds stays in it.
// The number of photos is a look-up in request_photos' primary key for each row.
const listColumns = `concat_ws(char(31), r.id, r.version, r.patient_id, r.received_at, r.due_at,
	r.priority, r.suggested_priority, r.site_id, r.gp_team_id, r.kind, r.status, r.team,
	r.suggested_team, r.suggested_signpost, r.claimed_by, r.outcome, p.nhs_number,
	p.given_name, p.family_name, p.birth_date, p.sex,
	(SELECT count(*) FROM request_photos ph WHERE ph.request_id = r.id), substr(r.body, 1, 240))`

const listFields = 23

// scanListRow scans listColumns, then any extra columns into extra.
func scanListRow(rows *sql.Rows, extra ...any) (triage.QueueItem, error) {
	var packed string
	if err := rows.Scan(append([]any{&packed}, extra...)...); err != nil {
		return triage.QueueItem{}, err
	}
	return unpackListRow(packed)
}

func unpackListRow(packed string) (triage.QueueItem, error) {
	var it triage.QueueItem
	f := strings.SplitN(packed, "\x1f", listFields)
	if len(f) != listFields {
		return it, fmt.Errorf("list row has %d fields, want %d: a name or id holds a control character", len(f), listFields)
	}
	var n [7]int64
	for i := range n {
		v, err := strconv.ParseInt(f[i], 10, 64)
		if err != nil {
			return it, fmt.Errorf("list row field %d: %w", i, err)
		}
		n[i] = v
	}
	r, p := &it.Request, &it.Patient
	r.ID, r.Version, r.PatientID = n[0], int(n[1]), n[2]
	r.ReceivedAt, r.DueAt = time.Unix(n[3], 0).UTC(), time.Unix(n[4], 0).UTC()
	r.Priority, _ = triage.PriorityFromRank(int(n[5]))
	r.Suggested.Priority, _ = triage.PriorityFromRank(int(n[6]))
	r.SiteID, r.GPTeamID, r.Kind, r.Status, r.Team = f[7], f[8], triage.Kind(f[9]), triage.Status(f[10]), triage.Team(f[11])
	r.Suggested.Team, r.Suggested.Signpost, r.ClaimedBy, r.Outcome = triage.Team(f[12]), triage.Signpost(f[13]), f[14], triage.Outcome(f[15])
	p.ID, p.SiteID, p.GPTeamID = r.PatientID, r.SiteID, r.GPTeamID
	p.NHSNumber, p.GivenName, p.FamilyName, p.Sex = triage.NHSNumber(f[16]), f[17], f[18], triage.Sex(f[20])
	b, err := time.Parse(time.DateOnly, f[19])
	if err != nil {
		return it, fmt.Errorf("patient %d: unreadable date of birth %q", p.ID, f[19])
	}
	p.BirthDate = b
	if it.PhotoCount, err = strconv.Atoi(f[21]); err != nil {
		return it, fmt.Errorf("list row: the number of photos %q: %w", f[21], err)
	}
	r.Text = f[22]
	return it, nil
}

// where builds the filter's conditions, after the fixed ones a view starts with.
func where(f triage.Filter, fixed ...string) (string, []any) {
	conds := append([]string(nil), fixed...)
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if f.SiteID != "" {
		add("r.site_id = ?", f.SiteID)
	}
	if f.GPTeamID != "" {
		add("r.gp_team_id = ?", f.GPTeamID)
	}
	if f.Priority != "" {
		add("r.priority = ?", f.Priority.Rank())
	}
	if f.Kind != "" {
		add("r.kind = ?", string(f.Kind))
	}
	if f.Team != "" {
		add("r.team = ?", string(f.Team))
	}
	if f.ClaimedBy != "" {
		add("r.claimed_by = ?", f.ClaimedBy)
	}
	if q := MatchQuery(f.Text); q != "" {
		add("r.id IN (SELECT docid FROM requests_fts WHERE requests_fts MATCH ?)", q)
	}
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func limits(f triage.Filter) (int, int) {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	return limit, max(f.Offset, 0)
}

// list runs a list query over requests joined with their patients.
func (c *Cache) list(ctx context.Context, what string, f triage.Filter, order string, fixed ...string) ([]triage.QueueItem, error) {
	cond, args := where(f, fixed...)
	limit, offset := limits(f)
	q := `SELECT ` + listColumns + ` FROM requests r JOIN patients p ON p.id = r.patient_id` + cond +
		` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := c.r.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	defer rows.Close()
	items := make([]triage.QueueItem, 0, min(limit, 256))
	for rows.Next() {
		it, err := scanListRow(rows)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return items, nil
}

// count runs the count that goes with a list query.
func (c *DB) count(ctx context.Context, what string, f triage.Filter, fixed ...string) (int, error) {
	cond, args := where(f, fixed...)
	var n int
	if err := c.r.GetContext(ctx, &n, `SELECT count(*) FROM requests r`+cond, args...); err != nil {
		return 0, fmt.Errorf("count %s: %w", what, err)
	}
	return n, nil
}

const (
	inboxCond  = "(r.status = 'new' OR (r.status = 'awaiting-patient' AND r.team = ''))" // as the requests_inbox index
	liveCond   = "r.status <> 'closed'"
	clinicalBy = "r.priority, r.received_at, r.id"
)

// Inbox returns new requests waiting for review, and those a reviewer asked the
// patient about before assigning, most urgent first then oldest.
// Text carries only the start of what the patient wrote; Request gives all of it.
func (c *Cache) Inbox(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error) {
	f.Team = "" // new requests belong to no team yet
	return c.list(ctx, "triage inbox", f, clinicalBy, inboxCond)
}

// CountInbox returns how many requests Inbox would list without a limit.
func (c *Cache) CountInbox(ctx context.Context, f triage.Filter) (int, error) {
	f.Team = ""
	return c.count(ctx, "triage inbox", f, inboxCond)
}

// TeamQueue returns a team's live requests (f.Team), most urgent first then oldest;
// with f.ClaimedBy, only those that member of staff has claimed ("mine").
func (c *Cache) TeamQueue(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error) {
	if !f.Team.Valid() {
		return nil, triage.Errorf(triage.EINVALID, "a team queue needs a team, not %q", f.Team)
	}
	return c.list(ctx, "team queue "+string(f.Team), f, clinicalBy, liveCond)
}

// CountTeamQueue returns how many requests TeamQueue would list without a limit.
func (c *Cache) CountTeamQueue(ctx context.Context, f triage.Filter) (int, error) {
	if !f.Team.Valid() {
		return 0, triage.Errorf(triage.EINVALID, "a team queue needs a team, not %q", f.Team)
	}
	return c.count(ctx, "team queue "+string(f.Team), f, liveCond)
}

// Breaches returns live requests past their due time at now, the longest overdue first.
func (c *Cache) Breaches(ctx context.Context, now time.Time, f triage.Filter) ([]triage.QueueItem, error) {
	return c.list(ctx, "breaches", f, "r.due_at, r.id", liveCond, fmt.Sprintf("r.due_at < %d", now.Unix()))
}

// CountBreaches returns how many requests Breaches would list without a limit.
func (c *DB) CountBreaches(ctx context.Context, now time.Time, f triage.Filter) (int, error) {
	return c.count(ctx, "breaches", f, liveCond, fmt.Sprintf("r.due_at < %d", now.Unix()))
}

// PatientHistory returns the requests of a patient and of the dependants their account
// acts for, newest first, so a reviewer sees a family's recent contact in one place.
func (c *Cache) PatientHistory(ctx context.Context, patientID int64, limit int) ([]triage.QueueItem, error) {
	fam := fmt.Sprintf(`r.patient_id IN (SELECT %d UNION SELECT l.patient_id FROM accounts a
		JOIN patient_links l ON l.account_id = a.id WHERE a.patient_id = %d)`, patientID, patientID)
	return c.list(ctx, fmt.Sprintf("history of patient %d", patientID), triage.Filter{Limit: limit}, "r.received_at DESC, r.id DESC", fam)
}

// PatientUse returns how many live requests a patient has, and how many they sent
// since the given time, for the live-request count and the overuse badge.
func (c *Cache) PatientUse(ctx context.Context, patientID int64, since time.Time) (live, sent int, err error) {
	row := c.r.QueryRowContext(ctx, `SELECT coalesce(sum(status <> 'closed'), 0), coalesce(sum(received_at >= ?), 0)
		FROM requests WHERE patient_id = ?`, since.Unix(), patientID)
	if err := row.Scan(&live, &sent); err != nil {
		return 0, 0, fmt.Errorf("count requests of patient %d: %w", patientID, err)
	}
	return live, sent, nil
}

// Overuse returns the patients who sent more than threshold requests since the given
// time, the heaviest users first.
func (c *DB) Overuse(ctx context.Context, since time.Time, threshold int) ([]triage.PatientUse, error) {
	rows, err := c.r.QueryContext(ctx, `SELECT u.sent, u.live, p.id, `+patientColumns+` FROM (
			SELECT patient_id, count(*) AS sent, sum(status <> 'closed') AS live FROM requests
			WHERE received_at >= ? GROUP BY patient_id HAVING count(*) > ?) u
		JOIN patients p ON p.id = u.patient_id ORDER BY u.sent DESC, p.family_name`, since.Unix(), threshold)
	if err != nil {
		return nil, fmt.Errorf("read overuse: %w", err)
	}
	defer rows.Close()
	var out []triage.PatientUse
	for rows.Next() {
		var u triage.PatientUse
		dest, finish := patientDest(&u.Patient)
		if err := rows.Scan(append([]any{&u.Sent, &u.Live, &u.Patient.ID}, dest...)...); err != nil {
			return nil, fmt.Errorf("read overuse: %w", err)
		}
		if err := finish(); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// OpenByTeamPriority counts live requests by team and priority; requests not yet
// assigned are counted under the empty team.
func (c *DB) OpenByTeamPriority(ctx context.Context) ([]triage.TeamPriorityCount, error) {
	rows, err := c.r.QueryContext(ctx, `SELECT team, priority, count(*) FROM requests
		WHERE status <> 'closed' GROUP BY team, priority ORDER BY team, priority`)
	if err != nil {
		return nil, fmt.Errorf("count open requests: %w", err)
	}
	defer rows.Close()
	var out []triage.TeamPriorityCount
	for rows.Next() {
		var (
			tc   triage.TeamPriorityCount
			team string
			rank int
		)
		if err := rows.Scan(&team, &rank, &tc.Count); err != nil {
			return nil, fmt.Errorf("count open requests: %w", err)
		}
		tc.Team = triage.Team(team)
		tc.Priority, _ = triage.PriorityFromRank(rank)
		out = append(out, tc)
	}
	return out, rows.Err()
}

// PerDay returns, for each day from from to to (practice time, both included), the
// requests received and closed, the median time to first response, and how many of
// the day's requests were answered within their due time; to is taken as now.
func (c *DB) PerDay(ctx context.Context, from, to time.Time, loc *time.Location) ([]triage.DayCount, error) {
	day := func(t time.Time) time.Time {
		y, m, d := t.In(loc).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	start, end := day(from), day(to).AddDate(0, 0, 1)
	var days []triage.DayCount
	index := map[time.Time]int{}
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		index[d] = len(days)
		days = append(days, triage.DayCount{Day: d})
	}
	waits := make([][]time.Duration, len(days))
	err := c.read(ctx, func(tx *sqlx.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT received_at, first_response_at, closed_at, due_at FROM requests
			WHERE received_at >= ? AND received_at < ?`, start.Unix(), end.Unix())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var recv, due int64
			var first, closedAt sql.NullInt64
			if err := rows.Scan(&recv, &first, &closedAt, &due); err != nil {
				return err
			}
			i, ok := index[day(time.Unix(recv, 0))]
			if !ok {
				continue
			}
			days[i].Received++
			if first.Valid {
				waits[i] = append(waits[i], time.Duration(first.Int64-recv)*time.Second)
			}
			// Answered is the first response, or the close when there was none.
			answered := first
			if closedAt.Valid && (!answered.Valid || closedAt.Int64 < answered.Int64) {
				answered = closedAt
			}
			if answered.Valid || due < to.Unix() {
				days[i].Settled++
				if answered.Valid && answered.Int64 <= due {
					days[i].OnTime++
				}
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows2, err := tx.QueryContext(ctx, `SELECT closed_at FROM requests WHERE closed_at >= ? AND closed_at < ?`, start.Unix(), end.Unix())
		if err != nil {
			return err
		}
		defer rows2.Close()
		for rows2.Next() {
			var at int64
			if err := rows2.Scan(&at); err != nil {
				return err
			}
			if i, ok := index[day(time.Unix(at, 0))]; ok {
				days[i].Closed++
			}
		}
		return rows2.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("count requests per day: %w", err)
	}
	for i, w := range waits {
		if len(w) > 0 {
			sort.Slice(w, func(a, b int) bool { return w[a] < w[b] })
			days[i].MedianFirstResponse = w[len(w)/2]
		}
	}
	return days, nil
}

// Count returns how many requests the cache holds.
func (c *Cache) Count(ctx context.Context) (int, error) {
	var n int
	if err := c.r.GetContext(ctx, &n, `SELECT count(*) FROM requests`); err != nil {
		return 0, fmt.Errorf("count requests: %w", err)
	}
	return n, nil
}

// Versions returns every cached request's version by id, for checking a cache
// against the server.
func (c *Cache) Versions(ctx context.Context) (map[int64]int, error) {
	rows, err := c.r.QueryContext(ctx, `SELECT id, version FROM requests`)
	if err != nil {
		return nil, fmt.Errorf("read versions: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var v int
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("read versions: %w", err)
		}
		out[id] = v
	}
	return out, rows.Err()
}

// MatchQuery turns what someone typed in a search box into an FTS4 query: every word
// must appear, the last may be the start of a word (so results narrow as they type),
// and nothing typed can be read as a query operator.
func MatchQuery(typed string) string {
	words := strings.FieldsFunc(strings.ToLower(typed), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	words[len(words)-1] = words[len(words)-1][:len(words[len(words)-1])-1] + `*"`
	return strings.Join(words, " ")
}

// highlight markers: control characters no patient types, so they cannot be confused
// with what was written.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// Search finds requests whose text holds every word typed, best match first, with a
// snippet of the text and the matching words marked. The filter narrows the search;
// its Text is ignored in favour of typed.
func (c *Cache) Search(ctx context.Context, typed string, f triage.Filter) ([]triage.SearchHit, error) {
	q := MatchQuery(typed)
	if q == "" {
		return nil, nil
	}
	f.Text = ""
	cond, args := where(f)
	narrow := ""
	if cond != "" {
		narrow = ` AND docid IN (SELECT r.id FROM requests r` + cond + `)`
	}
	limit, offset := limits(f)
	// Rank every match cheaply, keep the best, and only then build snippets and join
	// patients for those few.
	query := `WITH best AS MATERIALIZED (
			SELECT docid, fts_rank(matchinfo(requests_fts, 'pcx')) AS score FROM requests_fts
			WHERE requests_fts MATCH ?1` + narrow + `
			ORDER BY score DESC, docid DESC LIMIT ? OFFSET ?),
		snips AS MATERIALIZED (
			SELECT docid, snippet(requests_fts, '` + markOpen + `', '` + markClose + `', '…', -1, 24) AS snip
			FROM requests_fts WHERE requests_fts MATCH ?1 AND docid IN (SELECT docid FROM best))
		SELECT ` + listColumns + `, best.score, snips.snip FROM best
		JOIN snips ON snips.docid = best.docid
		JOIN requests r ON r.id = best.docid JOIN patients p ON p.id = r.patient_id
		ORDER BY best.score DESC, best.docid DESC`
	rows, err := c.r.QueryContext(ctx, query, append(append([]any{q}, args...), limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("search for %q: %w", typed, err)
	}
	defer rows.Close()
	var hits []triage.SearchHit
	for rows.Next() {
		var h triage.SearchHit
		var snip string
		it, err := scanListRow(rows, &h.Score, &snip)
		if err != nil {
			return nil, fmt.Errorf("search for %q: %w", typed, err)
		}
		h.QueueItem = it
		h.Snippet, h.Highlights = unmark(snip)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// unmark removes the highlight markers from a snippet and returns where they were.
func unmark(s string) (string, []triage.Span) {
	var b strings.Builder
	var spans []triage.Span
	start := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case markOpen[0]:
			start = b.Len()
		case markClose[0]:
			if start >= 0 {
				spans = append(spans, triage.Span{Start: start, End: b.Len()})
				start = -1
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), spans
}

// Sites returns the practice's sites, by name.
func (c *Cache) Sites(ctx context.Context) ([]triage.Site, error) {
	var out []triage.Site
	rows, err := c.r.QueryContext(ctx, `SELECT id, name FROM sites ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read sites: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s triage.Site
		if err := rows.Scan(&s.ID, &s.Name); err != nil {
			return nil, fmt.Errorf("read sites: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// GPTeams returns the practice's GP teams, by name.
func (c *Cache) GPTeams(ctx context.Context) ([]triage.GPTeam, error) {
	var out []triage.GPTeam
	rows, err := c.r.QueryContext(ctx, `SELECT id, name, site_id FROM gp_teams ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read GP teams: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g triage.GPTeam
		if err := rows.Scan(&g.ID, &g.Name, &g.SiteID); err != nil {
			return nil, fmt.Errorf("read GP teams: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}
