-- Once an action on a request is refused, every later action on that request is held
-- ('held'): kept, shown to the person, never sent until they redo or dismiss it. Each
-- action carries an idempotency key, so a retry after a lost reply gets the queue's
-- first answer instead of a conflict with itself. SQLite cannot change a CHECK, so the
-- table is rebuilt (nothing refers to it).
CREATE TABLE outbox_new (
	id           INTEGER PRIMARY KEY,
	request_id   INTEGER NOT NULL,
	base_version INTEGER NOT NULL,
	action       TEXT NOT NULL, -- JSON triage.Action
	created_at   INTEGER NOT NULL,
	state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'held', 'conflict', 'failed')),
	error        TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0,
	idem_key     TEXT NOT NULL DEFAULT ''
);
INSERT INTO outbox_new (id, request_id, base_version, action, created_at, state, error, attempts, idem_key)
	SELECT id, request_id, base_version, action, created_at, state, error, attempts, 'outbox-' || hex(randomblob(16)) FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_state ON outbox(state, id);
CREATE INDEX outbox_request ON outbox(request_id, state);

-- Views of requests at this desk, waiting to be sent to the queue's audit trail.
CREATE TABLE outbox_views (
	id         INTEGER PRIMARY KEY,
	at         INTEGER NOT NULL,
	actor      TEXT NOT NULL,
	request_id INTEGER NOT NULL
);

-- Who read what, from which desk, as the queue records it; the cache keeps the same
-- shape so one statement writes both.
ALTER TABLE audit ADD COLUMN desk TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN patient_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN records TEXT NOT NULL DEFAULT '';
