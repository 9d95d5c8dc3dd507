-- The conversation with the patient, as the queue's feed carries it with each request
-- (the queue's message ids). A request cached before this has only its last response,
-- which the desk shows as its one practice message until the queue sends the thread.
CREATE TABLE messages (
	id         INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id),
	side       TEXT NOT NULL CHECK (side IN ('practice', 'patient')),
	author     TEXT NOT NULL DEFAULT '',
	account_id INTEGER NOT NULL DEFAULT 0,
	channel    TEXT NOT NULL DEFAULT '',
	body       TEXT NOT NULL,
	sent_at    INTEGER NOT NULL
);
CREATE INDEX messages_request ON messages(request_id, sent_at, id);
