-- The practice queue: the single source of truth the desks sync with. Times are Unix
-- seconds (UTC); priorities are stored as their rank (0 emergency … 3 routine).
-- The requests, patients, accounts and links tables have the same shape as a desk's
-- cache, so one set of statements writes both.
PRAGMA application_id = 1414677585; -- 'TRDQ': a Triage Desk queue

CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE gp_teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, site_id TEXT NOT NULL);

CREATE TABLE patients (
	id          INTEGER PRIMARY KEY,
	version     INTEGER NOT NULL,
	nhs_number  TEXT NOT NULL UNIQUE,
	given_name  TEXT NOT NULL,
	family_name TEXT NOT NULL,
	birth_date  TEXT NOT NULL,
	sex         TEXT NOT NULL,
	site_id     TEXT NOT NULL,
	gp_team_id  TEXT NOT NULL,
	dependant   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE accounts (
	id         INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL
);
CREATE INDEX accounts_patient ON accounts(patient_id);

-- How a patient signs in: only a hash of the token is kept.
CREATE TABLE logins (
	account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
	email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
	token_hash TEXT NOT NULL UNIQUE
);

CREATE TABLE patient_links (
	patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
	account_id INTEGER NOT NULL,
	PRIMARY KEY (patient_id, account_id)
) WITHOUT ROWID;
CREATE INDEX patient_links_account ON patient_links(account_id);

CREATE TABLE requests (
	id                 INTEGER PRIMARY KEY,
	version            INTEGER NOT NULL,
	patient_id         INTEGER NOT NULL REFERENCES patients(id),
	submitted_by       INTEGER NOT NULL DEFAULT 0,
	site_id            TEXT NOT NULL,
	gp_team_id         TEXT NOT NULL,
	kind               TEXT NOT NULL CHECK (kind IN ('clinical', 'admin')),
	body               TEXT NOT NULL,
	received_at        INTEGER NOT NULL,
	due_at             INTEGER NOT NULL,
	status             TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'in-progress', 'awaiting-patient', 'closed')),
	priority           INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
	team               TEXT NOT NULL DEFAULT '',
	signpost           TEXT NOT NULL DEFAULT 'none',
	suggested_priority INTEGER NOT NULL CHECK (suggested_priority BETWEEN 0 AND 3),
	suggested_team     TEXT NOT NULL DEFAULT '',
	suggested_signpost TEXT NOT NULL DEFAULT 'none',
	reasons            TEXT NOT NULL DEFAULT '[]',
	claimed_by         TEXT NOT NULL DEFAULT '',
	channel            TEXT NOT NULL DEFAULT '',
	response           TEXT NOT NULL DEFAULT '',
	first_response_at  INTEGER,
	outcome            TEXT NOT NULL DEFAULT '',
	closed_at          INTEGER,
	note               TEXT NOT NULL DEFAULT '',
	updated_at         INTEGER NOT NULL,
	updated_by         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX requests_patient ON requests(patient_id, received_at);
CREATE INDEX requests_live ON requests(patient_id) WHERE status <> 'closed';

-- The change feed. Every write transaction that changes a record appends a row here.
-- The server has one writer connection and takes the write lock at BEGIN, so
-- transactions commit one at a time and seq is in commit order: a reader that has
-- seen seq N has seen every change before it. (On a database server with concurrent
-- writers this would not hold; there the feed would need a commit-ordered log, such
-- as PostgreSQL's logical decoding, instead of a sequence.)
CREATE TABLE changes (
	seq    INTEGER PRIMARY KEY AUTOINCREMENT,
	kind   TEXT NOT NULL CHECK (kind IN ('site', 'gp_team', 'patient', 'request')),
	ref    TEXT NOT NULL,
	at     INTEGER NOT NULL
);

CREATE TABLE users (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	role       TEXT NOT NULL CHECK (role IN ('reviewer', 'clinician', 'manager')),
	team       TEXT NOT NULL DEFAULT '',
	token_hash TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL
);

CREATE TABLE audit (
	id         INTEGER PRIMARY KEY,
	at         INTEGER NOT NULL,
	actor      TEXT NOT NULL,
	action     TEXT NOT NULL,
	request_id INTEGER NOT NULL DEFAULT 0,
	detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_request ON audit(request_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- The practice's settings, as JSON values: limits, availability schedule.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
