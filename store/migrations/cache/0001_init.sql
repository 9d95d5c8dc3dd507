-- The desk's cache of the practice queue. Times are Unix seconds (UTC); priorities are
-- stored as their rank (0 emergency … 3 routine) so that "most urgent first" is an
-- index order.
PRAGMA application_id = 1414677571; -- 'TRDC': a Triage Desk cache

CREATE TABLE sites (
	id   TEXT PRIMARY KEY,
	name TEXT NOT NULL
);

CREATE TABLE gp_teams (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	site_id TEXT NOT NULL
);

CREATE TABLE patients (
	id          INTEGER PRIMARY KEY,
	version     INTEGER NOT NULL,
	nhs_number  TEXT NOT NULL,
	given_name  TEXT NOT NULL,
	family_name TEXT NOT NULL,
	birth_date  TEXT NOT NULL, -- YYYY-MM-DD
	sex         TEXT NOT NULL,
	site_id     TEXT NOT NULL,
	gp_team_id  TEXT NOT NULL,
	dependant   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX patients_nhs_number ON patients(nhs_number);

-- Accounts are patients' sign-ins; each belongs to one patient (its holder).
-- patient_links says which accounts may act for which patients: the patient's own
-- account, or each carer's account for a dependant.
CREATE TABLE accounts (
	id         INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL
);
CREATE INDEX accounts_patient ON accounts(patient_id);

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
	reasons            TEXT NOT NULL DEFAULT '[]', -- JSON: the engine's reasons
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
-- The triage inbox and each team's queue read only live requests, a small part of a
-- cache that is mostly closed history, so their indexes hold only those.
CREATE INDEX requests_inbox ON requests(priority, received_at) WHERE status = 'new';
CREATE INDEX requests_team_queue ON requests(team, priority, received_at) WHERE status <> 'closed';
CREATE INDEX requests_live_due ON requests(due_at) WHERE status <> 'closed';
CREATE INDEX requests_patient ON requests(patient_id, received_at);
CREATE INDEX requests_received ON requests(received_at);
CREATE INDEX requests_closed ON requests(closed_at) WHERE closed_at IS NOT NULL;

-- The audit trail: append-only. Detail never holds what the patient wrote.
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

-- Staff actions made at this desk and not yet accepted by the server, in order.
CREATE TABLE outbox (
	id           INTEGER PRIMARY KEY,
	request_id   INTEGER NOT NULL,
	base_version INTEGER NOT NULL,
	action       TEXT NOT NULL, -- JSON triage.Action
	created_at   INTEGER NOT NULL,
	state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'failed')),
	error        TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_state ON outbox(state, id);

-- Small settings of this cache: the sync cursor, the server it mirrors.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
