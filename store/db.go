// Package store holds all of Triage Desk's SQL: schema migrations, the desk's local
// cache of the practice queue, queue queries, full-text search, the outbox of staff
// actions waiting for the server, and the audit trail. Nothing outside it writes SQL.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/mattn/go-sqlite3"
)

// driverName is go-sqlite3 with our SQL functions registered on every connection.
const driverName = "sqlite3_triagedesk"

// memoryTempDriverName is driverName with SQLite's temporary files kept in memory
// (PRAGMA temp_store=MEMORY) on every connection. The queue's writer uses it for the
// group writer: each job of a group transaction runs in its own savepoint, and SQLite keeps
// the pages a savepoint may have to restore in a sub-journal, a temporary file once it
// passes 64 KiB. Tens of jobs a transaction pass that at once, and writing the pages
// to a file, job after job, was about half the writer's CPU (profiled in the INSERT of
// a submission, the first write of its savepoint). Nothing durable is in a temporary
// file: a sub-journal only undoes a savepoint of the running transaction, and after a
// crash SQLite recovers from the WAL alone, so synchronous=FULL is kept as it was. The
// cost is memory: a page per page a job changes (a few for a submission) until the
// transaction ends. Readers keep driverName: they make no savepoints, and the only
// temporary files a read can make are a sort's spill past the page cache, which
// no read on the hot paths (a token check, a feed page) is large enough to make.
const memoryTempDriverName = "sqlite3_triagedesk_memory_temp"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: registerFuncs})
	sql.Register(memoryTempDriverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			if _, err := c.Exec("PRAGMA temp_store = MEMORY", nil); err != nil {
				return fmt.Errorf("keep temporary files in memory: %w", err)
			}
			return registerFuncs(c)
		},
	})
}

// registerFuncs gives a connection the SQL functions the project's queries call.
func registerFuncs(c *sqlite3.SQLiteConn) error {
	return c.RegisterFunc("fts_rank", ftsRank, true)
}

// ErrNotCache is wrapped by Open errors for a file that is not a database of the
// expected kind, or is damaged. The file is left as it was.
var ErrNotCache = errors.New("not a Triage Desk database")

// ErrNewerSchema is wrapped by Open errors for a database written by a newer version
// of Triage Desk than this one.
var ErrNewerSchema = errors.New("database written by a newer version")

// schema is one kind of database: its migrations and the application id stamped in
// its header, so a desk cache is never mistaken for a server queue or a stranger's file.
type schema struct {
	name          string // for messages: "desk cache", "queue database"
	applicationID int32
	migrations    fs.FS // NNNN_name.sql files, applied in name order
	remedy        string
	// synchronous is SQLite's synchronous setting: FULL where an acknowledged write
	// must survive a power cut (the queue), NORMAL where the file can be rebuilt (a
	// desk's cache), which in WAL mode is safe against a crash but not a power cut.
	synchronous string
	// writerDriver is the registered driver the database's writer connection is
	// opened with: driverName (also when empty), or memoryTempDriverName where
	// savepoints of many jobs share a transaction (the queue). Readers always use
	// driverName.
	writerDriver string
}

// DB is an SQLite database opened as Triage Desk opens them: a single writer
// connection whose transactions take the write lock at BEGIN (so two writers never
// deadlock on upgrade), and a pool of read-only connections that WAL lets run beside it.
type DB struct {
	path   string
	schema schema
	w      *sqlx.DB
	r      *sqlx.DB
	// Now is the clock, replaced by tests; it is read once per transaction.
	Now func() time.Time
}

var sqliteHeader = []byte("SQLite format 3\x00")

// stmtCacheSize is how many prepared statements each connection keeps, least recently
// used dropped first: room for every statement of the hot paths, and for the audit
// trail's multi-row INSERTs of each length.
const stmtCacheSize = 256

// openDB opens (creating if needed) the database at path, owner-readable only, and
// brings its schema up to date.
func openDB(ctx context.Context, path string, s schema) (*DB, error) {
	return openDBTo(ctx, path, s, -1)
}

// openDBTo is openDB that stops upgrading at migration upTo (-1 for all), so tests
// can make a database as an older version left it.
func openDBTo(ctx context.Context, path string, s schema, upTo int) (*DB, error) {
	if err := prepareFile(path, s); err != nil {
		return nil, err
	}
	// Every connection keeps its prepared statements (_stmt_cache_size): the hot paths
	// (a submission, a token check, a feed page, an audit entry) run the same few
	// statements thousands of times a second, and preparing each anew was a sixth of
	// the queue's CPU under load.
	base := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_stmt_cache_size=" + strconv.Itoa(stmtCacheSize) + "&_synchronous=" + s.synchronous
	driver := s.writerDriver
	if driver == "" {
		driver = driverName
	}
	w, err := sqlx.Open(driver, base+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open %s %s: %w", s.name, path, err)
	}
	w.SetMaxOpenConns(1) // SQLite has one writer; queueing here beats SQLITE_BUSY
	w.SetConnMaxIdleTime(0)
	r, err := sqlx.Open(driverName, base+"&_txlock=deferred&_query_only=1")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s %s: %w", s.name, path, err)
	}
	r.SetMaxOpenConns(readers)
	// Keep every reader's connection when it is given back: database/sql keeps two by
	// default, so under load (a token check and a feed page for each of two hundred
	// desks) the others were closed and opened again, each with its prepared statements
	// made anew, a twentieth of the queue's CPU.
	r.SetMaxIdleConns(readers)
	db := &DB{path: path, schema: s, w: w, r: r, Now: time.Now}
	if err := db.migrate(ctx, upTo); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// readers is how many connections read a database at once.
const readers = 8

// prepareFile makes sure path is either a new empty file only its owner can read, or
// an existing SQLite database of this schema; anything else is refused untouched.
func prepareFile(path string, s schema) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create folder for %s: %w", s.name, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		return f.Close()
	}
	if !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create %s %s: %w", s.name, path, err)
	}
	f, err = os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s %s: %w", s.name, path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s %s: %w", s.name, path, err)
	}
	if st.IsDir() {
		return fmt.Errorf("%s %s is a folder, not a file: %w", s.name, path, ErrNotCache)
	}
	if st.Mode().Perm()&0o077 != 0 {
		// Patient data must not be readable by other users of the workstation.
		if err := os.Chmod(path, 0o600); err != nil {
			return fmt.Errorf("make %s %s private to its owner: %w", s.name, path, err)
		}
	}
	if st.Size() == 0 {
		return nil
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("read %s %s: %w", s.name, path, err)
	}
	if n < len(sqliteHeader) || !bytes.Equal(head[:len(sqliteHeader)], sqliteHeader) {
		return fmt.Errorf("%s is not an SQLite database, so it cannot be a %s. %s: %w", path, s.name, s.remedy, ErrNotCache)
	}
	if n == 100 {
		if id := int32(binary.BigEndian.Uint32(head[68:72])); id != 0 && id != s.applicationID {
			return fmt.Errorf("%s is an SQLite database of another program, not a %s. %s: %w", path, s.name, s.remedy, ErrNotCache)
		}
	}
	return nil
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// Close closes both connection pools.
func (db *DB) Close() error {
	return errors.Join(db.r.Close(), db.w.Close())
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

func (s schema) load() ([]migration, error) {
	names, err := fs.Glob(s.migrations, "*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	for i, name := range names {
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting %04d_", name, i+1)
		}
		b, err := fs.ReadFile(s.migrations, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	return ms, nil
}

// migrate applies the migrations not yet applied, each in its own transaction with
// its record in schema_migrations, up to version upTo (-1 for all). A database that
// has a migration this program does not know was written by a newer version and is
// refused rather than guessed at.
func (db *DB) migrate(ctx context.Context, upTo int) error {
	ms, err := db.schema.load()
	if err != nil {
		return fmt.Errorf("load %s migrations: %w", db.schema.name, err)
	}
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		return db.explain("read", err)
	}
	var current int
	if err := db.w.GetContext(ctx, &current, `SELECT coalesce(max(version), 0) FROM schema_migrations`); err != nil {
		return db.explain("read", err)
	}
	if current > len(ms) {
		return fmt.Errorf("%s %s has schema version %d, and this version of Triage Desk knows up to %d. Update Triage Desk, or %s: %w",
			db.schema.name, db.path, current, len(ms), strings.ToLower(db.schema.remedy[:1])+db.schema.remedy[1:], ErrNewerSchema)
	}
	for _, m := range ms[current:] {
		if upTo >= 0 && m.version > upTo {
			break
		}
		err := db.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, now.Unix())
			return err
		})
		if err != nil {
			return fmt.Errorf("upgrade %s to %s: %w", db.schema.name, m.name, db.explain("upgrade", err))
		}
	}
	return nil
}

// SchemaVersion returns the number of migrations applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.r.GetContext(ctx, &v, `SELECT coalesce(max(version), 0) FROM schema_migrations`)
	return v, err
}

// explain turns SQLite's words for a damaged or foreign file into advice.
func (db *DB) explain(doing string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return fmt.Errorf("%s is damaged and cannot be read (%v). %s: %w", db.path, se.Code, db.schema.remedy, ErrNotCache)
	}
	return fmt.Errorf("%s %s: %w", doing, db.path, err)
}

// write runs fn in one write transaction, committing when it returns nil. now is the
// transaction's clock reading, so every row one action writes carries the same time.
func (db *DB) write(ctx context.Context, fn func(tx *sqlx.Tx, now time.Time) error) error {
	tx, err := db.w.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx, db.Now().UTC()); err != nil {
		return err
	}
	return tx.Commit()
}

// read runs fn in one read transaction, so all its queries see one moment.
func (db *DB) read(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.r.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// ftsRank scores an FTS4 match from matchinfo(…, 'pcx'): for each phrase, how often
// it occurs in this row against how often in all rows, so rare words that the row
// repeats count most. It is the ranking function of SQLite's FTS3/4 documentation.
func ftsRank(info []byte) float64 {
	if len(info) < 8 {
		return 0
	}
	u := func(i int) float64 {
		return float64(binary.NativeEndian.Uint32(info[4*i:]))
	}
	phrases, cols := int(u(0)), int(u(1))
	if len(info) < 4*(2+3*phrases*cols) {
		return 0
	}
	score := 0.0
	for p := 0; p < phrases; p++ {
		for c := 0; c < cols; c++ {
			base := 2 + 3*(p*cols+c)
			hitsHere, hitsAll := u(base), u(base+1)
			if hitsHere > 0 && hitsAll > 0 {
				score += hitsHere / hitsAll
			}
		}
	}
	if math.IsNaN(score) {
		return 0
	}
	return score
}

// unix converts a time to the stored Unix seconds; the zero time is stored as NULL.
func unix(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

// fromUnix is the inverse of unix.
func fromUnix(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(n.Int64, 0).UTC()
}
