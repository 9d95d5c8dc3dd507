-- The conversation with the patient (issue 9, issue 11): every message the practice
-- sent and every reply the patient wrote, oldest first. A message is only ever added.
-- author is the member of staff who wrote a practice message; account_id the account
-- that sent a patient's reply. requests.response stays the last practice message.
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

-- Requests answered before the queue kept conversations have their last response as
-- their one practice message, from whoever held the request when it was answered.
INSERT INTO messages (request_id, side, author, channel, body, sent_at)
	SELECT id, 'practice', CASE WHEN claimed_by <> '' THEN claimed_by ELSE updated_by END,
		CASE WHEN channel <> '' THEN channel ELSE 'message' END, response,
		coalesce(first_response_at, updated_at)
	FROM requests WHERE response <> '' ORDER BY id;
