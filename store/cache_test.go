package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// now is the fixed clock of these tests: a Tuesday morning.
var now = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func openTest(t *testing.T) *Cache {
	t.Helper()
	c, err := OpenCache(context.Background(), filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	c.Now = func() time.Time { return now }
	t.Cleanup(func() { c.Close() })
	return c
}

// family is a mother with her own account, her son (a dependant linked to her and
// his father), the father, and an unrelated patient.
func family() []triage.Patient {
	born := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	return []triage.Patient{
		{ID: 1, Version: 1, NHSNumber: "9990000018", GivenName: "Ruth", FamilyName: "Okafor", BirthDate: born("1988-04-02"), Sex: triage.Female, SiteID: "riverside", GPTeamID: "blue", ActedForBy: []int64{101}},
		{ID: 2, Version: 1, NHSNumber: "9991111115", GivenName: "Sam", FamilyName: "Okafor", BirthDate: born("2021-06-30"), Sex: triage.Male, SiteID: "riverside", GPTeamID: "blue", ActedForBy: []int64{101, 102}, Dependant: true},
		{ID: 3, Version: 1, NHSNumber: "9990000026", GivenName: "Kwame", FamilyName: "Okafor", BirthDate: born("1985-01-15"), Sex: triage.Male, SiteID: "hillview", GPTeamID: "amber", ActedForBy: []int64{102}},
		{ID: 4, Version: 1, NHSNumber: "9990000034", GivenName: "Joan", FamilyName: "Hughes", BirthDate: born("1941-09-09"), Sex: triage.Female, SiteID: "market", GPTeamID: "violet", ActedForBy: []int64{104}},
	}
}

// req makes a request received ago before now.
func req(id, patient int64, p triage.Priority, st triage.Status, ago time.Duration, text string) triage.Request {
	cal := triage.DefaultCalendar()
	at := now.Add(-ago)
	site, team := "riverside", "blue"
	if patient == 3 {
		site, team = "hillview", "amber"
	} else if patient == 4 {
		site, team = "market", "violet"
	}
	r := triage.Request{ID: id, Version: 1, PatientID: patient, SubmittedBy: 101, SiteID: site, GPTeamID: team,
		Kind: triage.Clinical, Text: text, ReceivedAt: at, DueAt: cal.Due(at, p), Status: st, Priority: p,
		Signpost: triage.SignpostNone, UpdatedAt: at, UpdatedBy: "patient",
		Suggested: triage.Suggestion{Priority: p, Team: triage.TeamGP, Signpost: triage.SignpostNone,
			Reasons: []triage.Reason{{Rule: "test-rule", Says: "a test reason", Words: []string{"pain"}, Spans: []triage.Span{{Start: 0, End: 4}}}}},
	}
	if st != triage.StatusNew {
		r.Team = triage.TeamGP
	}
	if st == triage.StatusClosed {
		r.ClosedAt, r.Outcome = at.Add(time.Hour), triage.OutcomeAnswered
	}
	return r
}

func fixture(t *testing.T) *Cache {
	t.Helper()
	c := openTest(t)
	reqs := []triage.Request{
		req(1, 1, triage.Routine, triage.StatusNew, 5*time.Hour, "I need a fit note for work please"),
		req(2, 2, triage.SameDay, triage.StatusNew, 2*time.Hour, "My son has a fever of 39 and is not drinking"),
		req(3, 3, triage.Emergency, triage.StatusNew, 20*time.Minute, "Crushing chest pain going down my left arm"),
		req(4, 4, triage.SameDay, triage.StatusNew, 3*time.Hour, "My chest feels tight and I am wheezy, inhaler not helping"),
		req(5, 1, triage.Soon, triage.StatusAssigned, 6*24*time.Hour, "Lower back pain for two weeks after lifting boxes"),
		req(6, 3, triage.Routine, triage.StatusClosed, 40*24*time.Hour, "Repeat prescription of amlodipine please"),
		req(7, 4, triage.Routine, triage.StatusClosed, 3*24*time.Hour, "Blood test results please"),
		req(8, 1, triage.Soon, triage.StatusNew, 4*time.Hour, "Back pain and chest pain when I breathe in"),
	}
	reqs[1].Answers = &triage.Answers{For: triage.ForChild, TemperatureC: 39, Pregnant: triage.No,
		RedFlags: []triage.FlagAnswer{{Question: "rash-meningitis"}, {Question: "sepsis"}}}
	reqs[4].Team = triage.TeamPhysio
	reqs[4].Kind = triage.Admin
	if err := c.ApplyChanges(context.Background(), Changes{Patients: family(), Requests: reqs}, "c-1"); err != nil {
		t.Fatal(err)
	}
	return c
}

func ids(items []triage.QueueItem) []int64 {
	out := make([]int64, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "folder")
	path := filepath.Join(dir, "cache.db")
	c, err := OpenCache(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetMeta(context.Background(), "k", "v"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(p), st.Mode().Perm())
		}
	}
	c.Close()

	// A cache whose mode was loosened by hand is made private again on open.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = OpenCache(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("reopened cache has mode %v, want 0600", st.Mode().Perm())
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	ms, err := cacheSchema.load()
	if err != nil {
		t.Fatal(err)
	}
	latest := len(ms)

	t.Run("from empty", func(t *testing.T) {
		c := openTest(t)
		if v, err := c.SchemaVersion(ctx); err != nil || v != latest {
			t.Fatalf("schema version %d, %v; want %d", v, err, latest)
		}
	})

	t.Run("from the first version", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "old.db")
		// The first schema: before the search index, the columns added since and the
		// held outbox.
		old, err := openDBTo(ctx, path, cacheSchema, 1)
		if err != nil {
			t.Fatal(err)
		}
		// Write rows as that version did: it had no search index to add to, and only
		// the columns 0001_init made (the first 27 of requestCols; patients without
		// the unverified mark).
		const firstCols = 27
		r := req(1, 1, triage.Soon, triage.StatusNew, time.Hour, "wheezy chest for a week")
		err = old.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
			for _, p := range family() {
				if _, err := tx.ExecContext(ctx, `INSERT INTO patients (id, version, nhs_number, given_name, family_name, birth_date, sex, site_id, gp_team_id, dependant)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.Version, string(p.NHSNumber), p.GivenName, p.FamilyName,
					p.BirthDate.Format(time.DateOnly), string(p.Sex), p.SiteID, p.GPTeamID, p.Dependant); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO requests (`+strings.Join(requestCols[:firstCols], ", ")+`) VALUES (?`+strings.Repeat(", ?", firstCols-1)+`)`,
				requestArgs(&r)[:firstCols]...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		old.Close()

		c, err := OpenCache(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if v, _ := c.SchemaVersion(ctx); v != latest {
			t.Fatalf("upgraded schema version %d, want %d", v, latest)
		}
		hits, err := c.Search(ctx, "wheezy", triage.Filter{})
		if err != nil || len(hits) != 1 || hits[0].ID != 1 {
			t.Fatalf("a request cached before the upgrade is not searchable after it: %v, %v", hits, err)
		}
		if it, err := c.Request(ctx, 1); err != nil || it.Answers != nil {
			t.Fatalf("a request cached before answers were asked reads back with %+v, %v", it.Answers, err)
		}
	})

	t.Run("newer schema is refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "newer.db")
		c, err := OpenCache(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.w.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, '9999_future.sql', 0)`, latest+1); err != nil {
			t.Fatal(err)
		}
		c.Close()
		before, _ := os.ReadFile(path)
		_, err = OpenCache(ctx, path)
		if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "Update Triage Desk") {
			t.Fatalf("open newer cache: %v, want ErrNewerSchema saying to update", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatal("refusing a newer cache changed the file")
		}
	})
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	garbage := bytes.Repeat([]byte("patient notes, not a database\n"), 200)
	damaged := append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xA5}, 8192)...)
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"text file", garbage, "not an SQLite database"},
		{"damaged database", damaged, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cache.db")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := OpenCache(context.Background(), path)
			if !errors.Is(err, ErrNotCache) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "Move the file aside") {
				t.Fatalf("open %s: %v; want ErrNotCache saying %q and what to do", tt.name, err, tt.want)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, tt.content) {
				t.Fatal("the refused file was changed")
			}
		})
	}

	t.Run("another program's database", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		other, err := openDB(context.Background(), path, schema{name: "other", applicationID: 42, migrations: os.DirFS(t.TempDir()), remedy: "x"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := other.w.Exec(`PRAGMA application_id = 42`); err != nil {
			t.Fatal(err)
		}
		other.Close()
		if _, err := OpenCache(context.Background(), path); !errors.Is(err, ErrNotCache) {
			t.Fatalf("open another program's database: %v, want ErrNotCache", err)
		}
	})
}

func TestQueues(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	tests := []struct {
		name string
		run  func() ([]triage.QueueItem, error)
		want []int64
	}{
		{"inbox: most urgent first, then oldest", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{}) }, []int64{3, 4, 2, 8, 1}},
		{"inbox by site", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{SiteID: "riverside"}) }, []int64{2, 8, 1}},
		{"inbox by GP team", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{GPTeamID: "amber"}) }, []int64{3}},
		{"inbox by priority", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{Priority: triage.SameDay}) }, []int64{4, 2}},
		{"inbox by kind", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{Kind: triage.Admin}) }, nil},
		{"inbox by text", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{Text: "chest"}) }, []int64{3, 4, 8}},
		{"inbox by two words, the last a prefix", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{Text: "chest pa"}) }, []int64{3, 8}},
		{"inbox paged", func() ([]triage.QueueItem, error) { return c.Inbox(ctx, triage.Filter{Limit: 2, Offset: 1}) }, []int64{4, 2}},
		{"team queue", func() ([]triage.QueueItem, error) { return c.TeamQueue(ctx, triage.Filter{Team: triage.TeamPhysio}) }, []int64{5}},
		{"team queue, mine", func() ([]triage.QueueItem, error) {
			return c.TeamQueue(ctx, triage.Filter{Team: triage.TeamPhysio, ClaimedBy: "someone"})
		}, nil},
		{"breaches, longest overdue first", func() ([]triage.QueueItem, error) { return c.Breaches(ctx, now, triage.Filter{}) }, []int64{5, 3}},
		{"history includes dependants", func() ([]triage.QueueItem, error) { return c.PatientHistory(ctx, 1, 50) }, []int64{2, 8, 1, 5}},
		{"history of the other parent", func() ([]triage.QueueItem, error) { return c.PatientHistory(ctx, 3, 50) }, []int64{3, 2, 6}},
		{"history of a child is their own", func() ([]triage.QueueItem, error) { return c.PatientHistory(ctx, 2, 50) }, []int64{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := tt.run()
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(items); !sameIDs(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}

	items, _ := c.Inbox(ctx, triage.Filter{})
	first := items[0]
	if first.Patient.Name() != "Kwame Okafor" || first.Patient.NHSNumber.String() != "999 000 0026" || first.Priority != triage.Emergency {
		t.Errorf("inbox row lacks its patient: %+v", first.Patient)
	}
	if n, err := c.CountInbox(ctx, triage.Filter{Priority: triage.SameDay}); err != nil || n != 2 {
		t.Errorf("CountInbox = %d, %v; want 2", n, err)
	}
	if n, _ := c.CountBreaches(ctx, now, triage.Filter{}); n != 2 {
		t.Errorf("CountBreaches = %d, want 2", n)
	}
	if n, _ := c.CountTeamQueue(ctx, triage.Filter{Team: triage.TeamPhysio}); n != 1 {
		t.Errorf("CountTeamQueue = %d, want 1", n)
	}
	if _, err := c.TeamQueue(ctx, triage.Filter{}); triage.ErrorCode(err) != triage.EINVALID {
		t.Errorf("a team queue without a team: %v", err)
	}
}

func TestRequestAndPatient(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	it, err := c.Request(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if it.Text != "My son has a fever of 39 and is not drinking" || len(it.Suggested.Reasons) != 1 || it.Suggested.Reasons[0].Rule != "test-rule" {
		t.Fatalf("request read back wrong: %+v", it.Request)
	}
	if a := it.Answers; a == nil || a.For != triage.ForChild || a.TemperatureC != 39 || a.Pregnant != triage.No || len(a.RedFlags) != 2 || a.AgeMonths != nil {
		t.Fatalf("the patient's answers read back as %+v", a)
	}
	if it, _ := c.Request(ctx, 1); it.Answers != nil {
		t.Fatalf("a request without answers read back with %+v", it.Answers)
	}
	if !it.Patient.Dependant || len(it.Patient.ActedForBy) != 2 {
		t.Fatalf("dependant's links lost: %+v", it.Patient)
	}
	carers, err := c.Carers(ctx, 2)
	if err != nil || len(carers) != 2 || carers[0].GivenName != "Kwame" || carers[1].GivenName != "Ruth" {
		t.Fatalf("Carers(child) = %+v, %v; want both parents", carers, err)
	}
	if carers, _ := c.Carers(ctx, 1); len(carers) != 0 {
		t.Fatalf("a patient with their own account has no carers, got %+v", carers)
	}
	if _, err := c.Request(ctx, 999); triage.ErrorCode(err) != triage.ENOTFOUND {
		t.Fatalf("missing request: %v", err)
	}
	live, sent, err := c.PatientUse(ctx, 1, now.Add(-30*24*time.Hour))
	if err != nil || live != 3 || sent != 3 {
		t.Fatalf("PatientUse = %d live, %d sent, %v; want 3 and 3", live, sent, err)
	}
}

func TestApplyChangesKeepsNewerVersions(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	stale := req(3, 3, triage.Routine, triage.StatusNew, 10*time.Minute, "ignored: the body never changes")
	stale.Version = 0
	newer := req(1, 1, triage.Routine, triage.StatusAssigned, 5*time.Hour, "")
	newer.Version, newer.Team = 2, triage.TeamAdmin
	if err := c.ApplyChanges(ctx, Changes{Requests: []triage.Request{stale, newer}}, "c-2"); err != nil {
		t.Fatal(err)
	}
	if it, _ := c.Request(ctx, 3); it.Priority != triage.Emergency || it.Text != "Crushing chest pain going down my left arm" {
		t.Errorf("an older version replaced a newer one: %+v", it.Request)
	}
	if it, _ := c.Request(ctx, 1); it.Version != 2 || it.Team != triage.TeamAdmin || it.Text != "I need a fit note for work please" {
		t.Errorf("a newer version was not applied, or the text was lost: %+v", it.Request)
	}
	if cur, _ := c.Cursor(ctx); cur != "c-2" {
		t.Errorf("cursor = %q, want c-2", cur)
	}
	// A batch that fails leaves the cursor and every record of the batch as they were.
	bad := req(9, 77, triage.Routine, triage.StatusNew, time.Hour, "for a patient the cache does not have")
	good := req(10, 1, triage.Routine, triage.StatusNew, time.Hour, "fine")
	if err := c.ApplyChanges(ctx, Changes{Requests: []triage.Request{good, bad}}, "c-3"); err == nil {
		t.Fatal("a request for an unknown patient should fail the batch")
	}
	if cur, _ := c.Cursor(ctx); cur != "c-2" {
		t.Errorf("cursor moved to %q after a failed batch", cur)
	}
	if _, err := c.Request(ctx, 10); triage.ErrorCode(err) != triage.ENOTFOUND {
		t.Errorf("half a failed batch was written")
	}
}

func TestSearch(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	hits, err := c.Search(ctx, "Chest PAIN", triage.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(hits); got != 2 {
		t.Fatalf("got %d hits, want 2 (requests 3 and 8)", got)
	}
	for _, h := range hits {
		if len(h.Highlights) < 2 {
			t.Fatalf("hit %d: highlights %v in %q", h.ID, h.Highlights, h.Snippet)
		}
		for _, s := range h.Highlights {
			w := strings.ToLower(h.Snippet[s.Start:s.End])
			if w != "chest" && w != "pain" {
				t.Errorf("hit %d highlights %q", h.ID, w)
			}
		}
	}
	if hits, _ := c.Search(ctx, "chest", triage.Filter{SiteID: "market"}); len(hits) != 1 || hits[0].ID != 4 {
		t.Errorf("search narrowed by site: %v", hits)
	}
	if hits, _ := c.Search(ctx, "wheez", triage.Filter{}); len(hits) != 1 {
		t.Errorf("a word being typed should match by prefix: %v", hits)
	}
	for _, q := range []string{`"`, `chest OR`, `NEAR(`, `*`, `-`, `' OR 1=1 --`} {
		if _, err := c.Search(ctx, q, triage.Filter{}); err != nil {
			t.Errorf("search for %q: %v", q, err)
		}
	}
	if hits, _ := c.Search(ctx, "   ", triage.Filter{}); hits != nil {
		t.Errorf("empty search should find nothing, not everything")
	}
}

func TestMatchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chest pain", `"chest" "pain*"`},
		{"  Can't BREATHE!! ", `"can" "t" "breathe*"`},
		{`"quoted" OR NOT`, `"quoted" "or" "not*"`},
		{"", ""},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := MatchQuery(tt.in); got != tt.want {
			t.Errorf("MatchQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestOutbox(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	cal := triage.DefaultCalendar()

	got, err := c.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: 2, BaseVersion: 1, Actor: "nav.amy", Team: triage.TeamGP}, cal)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != triage.StatusAssigned || got.Version != 2 {
		t.Fatalf("Act returned %+v", got)
	}
	if items, _ := c.Inbox(ctx, triage.Filter{}); sameIDs(ids(items), []int64{3, 4, 2, 8, 1}) {
		t.Fatal("an assigned request is still in the inbox")
	}
	if _, err := c.Act(ctx, triage.Action{Kind: triage.ActClaim, RequestID: 2, BaseVersion: 2, Actor: "dr.lee"}, cal); err != nil {
		t.Fatal(err)
	}
	// A stale action is refused with nothing written.
	if _, err := c.Act(ctx, triage.Action{Kind: triage.ActClaim, RequestID: 2, BaseVersion: 1, Actor: "dr.lee"}, cal); triage.ErrorCode(err) != triage.ECONFLICT {
		t.Fatalf("stale Act: %v, want conflict", err)
	}
	pending, err := c.Pending(ctx)
	if err != nil || len(pending) != 2 || pending[0].Action.Kind != triage.ActAssign || pending[1].Action.Kind != triage.ActClaim {
		t.Fatalf("Pending = %+v, %v", pending, err)
	}
	if p, probs, _ := c.OutboxCounts(ctx); p != 2 || probs != 0 {
		t.Fatalf("OutboxCounts = %d, %d", p, probs)
	}

	// The server took someone else's change first: the assign is a conflict, the claim
	// built on it goes with it, and the server's copy is what the desk now shows.
	server := req(2, 2, triage.Emergency, triage.StatusAssigned, 2*time.Hour, "")
	server.Version, server.Team, server.UpdatedBy = 2, triage.TeamMentalHealth, "dr.other"
	if err := c.Refused(ctx, pending[0].ID, server, OutboxConflict, "dr.other assigned it to Mental health first"); err != nil {
		t.Fatal(err)
	}
	if p, probs, _ := c.OutboxCounts(ctx); p != 0 || probs != 2 {
		t.Fatalf("after refusal OutboxCounts = %d pending, %d problems; want 0 and 2", p, probs)
	}
	if it, _ := c.Request(ctx, 2); it.Team != triage.TeamMentalHealth || it.Version != 2 || it.Priority != triage.Emergency {
		t.Fatalf("the server's copy did not replace the optimistic one: %+v", it.Request)
	}
	probs, _ := c.Problems(ctx)
	if probs[0].State != OutboxConflict || !strings.Contains(probs[0].Error, "dr.other") {
		t.Fatalf("conflict lost its explanation: %+v", probs[0])
	}
	if err := c.Dismiss(ctx, probs[0].ID, "nav.amy"); err != nil {
		t.Fatal(err)
	}

	// An accepted action leaves the outbox.
	if _, err := c.Act(ctx, triage.Action{Kind: triage.ActAssign, RequestID: 1, BaseVersion: 1, Actor: "nav.amy", Team: triage.TeamAdmin}, cal); err != nil {
		t.Fatal(err)
	}
	pending, _ = c.Pending(ctx)
	accepted := req(1, 1, triage.Routine, triage.StatusAssigned, 5*time.Hour, "")
	accepted.Version, accepted.Team = 2, triage.TeamAdmin
	if err := c.Sent(ctx, pending[0].ID, accepted); err != nil {
		t.Fatal(err)
	}
	if p, _, _ := c.OutboxCounts(ctx); p != 0 {
		t.Fatal("a sent action is still pending")
	}

	trail, err := c.AuditTrail(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range trail {
		actions = append(actions, e.Actor+" "+e.Action)
	}
	if strings.Join(actions, ", ") != "nav.amy assign, dr.lee claim, nav.amy dismiss" {
		t.Fatalf("audit trail = %v", actions)
	}
}

func TestAuditIsAppendOnly(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	if err := c.RecordView(ctx, "dr.lee", 3); err != nil {
		t.Fatal(err)
	}
	if _, err := c.w.Exec(`UPDATE audit SET actor = 'nobody'`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("updating the audit trail: %v, want refused", err)
	}
	if _, err := c.w.Exec(`DELETE FROM audit`); err == nil {
		t.Error("deleting the audit trail was allowed")
	}
	trail, _ := c.AuditTrail(ctx, 3)
	if len(trail) != 1 || trail[0].Action != "view" || !trail[0].At.Equal(now) {
		t.Errorf("audit trail = %+v", trail)
	}
}

func TestPurge(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	n, err := c.Purge(ctx, 30*24*time.Hour, "system")
	if err != nil || n != 1 {
		t.Fatalf("Purge = %d, %v; want 1 (request 6, closed 40 days ago)", n, err)
	}
	if _, err := c.Request(ctx, 6); triage.ErrorCode(err) != triage.ENOTFOUND {
		t.Error("purged request still readable")
	}
	if hits, _ := c.Search(ctx, "amlodipine", triage.Filter{}); len(hits) != 0 {
		t.Error("purged request still in the search index")
	}
	if _, err := c.Request(ctx, 7); err != nil {
		t.Error("a request closed 3 days ago was purged")
	}
	if total, _ := c.Count(ctx); total != 7 {
		t.Errorf("Count = %d, want 7", total)
	}
}

func TestDashboardCounts(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	counts, err := c.OpenByTeamPriority(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, tc := range counts {
		got[string(tc.Team)+"/"+string(tc.Priority)] = tc.Count
	}
	want := map[string]int{"/emergency": 1, "/same-day": 2, "/soon": 1, "/routine": 1, "physio/soon": 1}
	if len(got) != len(want) {
		t.Fatalf("OpenByTeamPriority = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
	loc := triage.DefaultCalendar().Location
	days, err := c.PerDay(ctx, now.AddDate(0, 0, -3), now, loc)
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 4 {
		t.Fatalf("PerDay gave %d days, want 4", len(days))
	}
	if d := days[3]; d.Received != 5 || d.Day.Day() != 24 {
		t.Errorf("today: %+v, want 5 received", d)
	}
	if d := days[0]; d.Received != 1 || d.Closed != 1 {
		t.Errorf("three days ago: %+v, want 1 received and 1 closed", d)
	}
	over, err := c.Overuse(ctx, now.AddDate(0, 0, -30), 2)
	if err != nil || len(over) != 1 || over[0].Patient.ID != 1 || over[0].Sent != 3 || over[0].Live != 3 {
		t.Fatalf("Overuse = %+v, %v", over, err)
	}
}

func TestReadersCannotWrite(t *testing.T) {
	c := openTest(t)
	// The reader pool has several connections; each must refuse writes, which shows the
	// setting came from the DSN and not from one connection's PRAGMA.
	for i := 0; i < 3; i++ {
		conn, err := c.r.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(context.Background(), `INSERT INTO meta (key, value) VALUES ('x', 'y')`); err == nil {
			t.Fatalf("reader connection %d accepted a write", i)
		}
		var fk int
		if err := conn.QueryRowContext(context.Background(), `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Fatalf("reader connection %d: foreign_keys = %d, %v", i, fk, err)
		}
	}
}

func TestSitesAndGPTeams(t *testing.T) {
	c := openTest(t)
	ctx := context.Background()
	sites := []triage.Site{{ID: "b", Name: "Riverside"}, {ID: "a", Name: "Market Street"}}
	teams := []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "b"}}
	if err := c.Upsert(ctx, Changes{Sites: sites, GPTeams: teams}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Sites(ctx)
	if err != nil || len(got) != 2 || got[0].Name != "Market Street" {
		t.Fatalf("Sites = %+v, %v; want both, by name", got, err)
	}
	gt, err := c.GPTeams(ctx)
	if err != nil || len(gt) != 1 || gt[0].SiteID != "b" {
		t.Fatalf("GPTeams = %+v, %v", gt, err)
	}
}
