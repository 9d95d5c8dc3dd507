-- Full-text search over what patients wrote. An external-content FTS4 table indexes
-- requests.body without a second copy of the text. The store adds and removes index
-- rows itself rather than by trigger: FTS4 flushes its pending terms at every
-- statement savepoint, which a trigger opens for each row, and that made a 100,000-row
-- sync seven times slower. The body never changes after submission.
CREATE VIRTUAL TABLE requests_fts USING fts4(content="requests", body, tokenize=porter);

-- Index what an older cache already holds.
INSERT INTO requests_fts(requests_fts) VALUES ('rebuild');
