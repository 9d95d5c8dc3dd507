-- Patients' identity (issue 12). An account is an email address, verified by a link,
-- and a password; linking it to a patient on the list, or a dependant to it, is a claim
-- the practice verifies on the desk. Until then the account's requests go to a
-- provisional patient record holding what the claim said (patients.unverified = 1),
-- which is not on the practice list: its NHS number carries a '#claim' suffix, so it
-- never collides with (and so never reveals) a number on the list.
ALTER TABLE patients ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;

-- How a patient signs in. The token column moves to sessions, which expire and end.
-- password_hash is an argon2id PHC string; '' means no password (accounts imported
-- with the demo), which can never sign in by password.
CREATE TABLE logins_new (
	account_id        INTEGER PRIMARY KEY REFERENCES accounts(id),
	email             TEXT NOT NULL UNIQUE COLLATE NOCASE,
	password_hash     TEXT NOT NULL DEFAULT '',
	email_verified_at INTEGER,
	created_at        INTEGER NOT NULL
);
INSERT INTO logins_new (account_id, email, email_verified_at, created_at)
	SELECT account_id, email, 0, 0 FROM logins;

-- Bearer tokens given to patients (purpose 'patient') and the one-use links that
-- confirm an email address ('verify-email'). Only a hash of each token is kept.
CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	purpose    TEXT NOT NULL CHECK (purpose IN ('patient', 'verify-email')),
	account_id INTEGER NOT NULL REFERENCES accounts(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	ended_at   INTEGER
) WITHOUT ROWID;
CREATE INDEX sessions_account ON sessions(account_id);
-- Tokens handed out before this version keep working for 30 days.
INSERT INTO sessions (token_hash, purpose, account_id, created_at, expires_at)
	SELECT token_hash, 'patient', account_id, CAST(strftime('%s', 'now') AS INTEGER),
		CAST(strftime('%s', 'now') AS INTEGER) + 30 * 86400 FROM logins;
DROP TABLE logins;
ALTER TABLE logins_new RENAME TO logins;

-- A claim that an account is a patient on the list ('self'), or may act for one: a
-- child under 16 ('dependant') or an adult who gives proxy access ('proxy').
-- provisional_id is the unverified patient record requests go to until staff decide;
-- patient_id is the patient on the list staff verified the claim as.
CREATE TABLE claims (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL REFERENCES accounts(id),
	kind           TEXT NOT NULL CHECK (kind IN ('self', 'dependant', 'proxy')),
	nhs_number     TEXT NOT NULL,
	given_name     TEXT NOT NULL,
	family_name    TEXT NOT NULL,
	birth_date     TEXT NOT NULL,
	sex            TEXT NOT NULL,
	relationship   TEXT NOT NULL DEFAULT '',
	provisional_id INTEGER NOT NULL REFERENCES patients(id),
	status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected', 'ask-id')),
	patient_id     INTEGER NOT NULL DEFAULT 0,
	decided_by     TEXT NOT NULL DEFAULT '',
	decided_at     INTEGER,
	note           TEXT NOT NULL DEFAULT '',
	created_at     INTEGER NOT NULL
);
CREATE INDEX claims_status ON claims(status, id);
CREATE INDEX claims_account ON claims(account_id);

-- Staff tokens expire and can be revoked; a new token replaces the old one.
ALTER TABLE users ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN revoked_at INTEGER;
UPDATE users SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) + 90 * 86400;
