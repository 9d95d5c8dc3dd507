-- The audit trail says from which desk, about which patient, and which records a read
-- handed out (a feed page, a search), not only how many.
ALTER TABLE audit ADD COLUMN desk TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN patient_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN records TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_patient ON audit(patient_id, id) WHERE patient_id <> 0;

-- Answers to actions and submissions by idempotency key, kept for a day: a client that
-- lost a reply sends the same key again and gets the first answer, so a retried action
-- is not its own conflict and a retried submission not a duplicate. The key is scoped
-- to who sent it, so one caller cannot read another's answer.
CREATE TABLE idempotency (
	scope       TEXT NOT NULL,    -- "staff NAME" or "account ID"
	key         TEXT NOT NULL,
	fingerprint TEXT NOT NULL,    -- what was asked, so a reused key for something else is refused
	request_id  INTEGER NOT NULL, -- the request the answer is about
	answer      TEXT NOT NULL,    -- JSON triage.Request as first answered
	at          INTEGER NOT NULL,
	PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_at ON idempotency(at);
