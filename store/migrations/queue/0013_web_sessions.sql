-- The patient pages' sessions (issue 11), kept in the queue so that a restart signs
-- nobody out and loses no half-written request. Only a hash of the session id is kept
-- (the id is the cookie's); state and photos are what the pages keep of the visit (the
-- account's token, the request being written, what a patient typed), sealed with a
-- key made from the session id, so this table alone gives no one a sign-in or what a
-- patient typed. Sign-out deletes the row; rows past their idle or absolute expiry are
-- purged.
CREATE TABLE web_sessions (
	id_hash    TEXT PRIMARY KEY,
	csrf       TEXT NOT NULL,
	account_id INTEGER NOT NULL DEFAULT 0, -- the signed-in account; 0 when signed out
	created_at INTEGER NOT NULL,
	seen_at    INTEGER NOT NULL,
	state      BLOB NOT NULL,
	photos     BLOB
);
CREATE INDEX web_sessions_account ON web_sessions(account_id) WHERE account_id <> 0;
CREATE INDEX web_sessions_seen ON web_sessions(seen_at);

-- Single-use links emailed to a patient: to choose a new password ('reset-password',
-- 30 minutes) or to sign in without one ('sign-in', 15 minutes). Only a hash of each
-- token is kept.
CREATE TABLE account_links (
	token_hash TEXT PRIMARY KEY,
	purpose    TEXT NOT NULL CHECK (purpose IN ('reset-password', 'sign-in')),
	account_id INTEGER NOT NULL REFERENCES accounts(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at    INTEGER
) WITHOUT ROWID;
CREATE INDEX account_links_account ON account_links(account_id);
