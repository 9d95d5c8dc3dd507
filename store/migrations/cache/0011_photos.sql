-- Photos on the desk (issue 11): which photos the patient sent with a request, as the
-- queue's feed describes them: the number of each, its type, dimensions and size in
-- bytes. The pictures are not kept here; the desk fetches one from the queue when a
-- member of staff opens the request (an audited read) and holds it in memory only.
-- The table has the queue's name and columns, less the picture, so both read a
-- request's photos with the same query.
CREATE TABLE request_photos (
	request_id   INTEGER NOT NULL REFERENCES requests(id),
	n            INTEGER NOT NULL CHECK (n BETWEEN 1 AND 3),
	content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
	width        INTEGER NOT NULL,
	height       INTEGER NOT NULL,
	size         INTEGER NOT NULL,
	PRIMARY KEY (request_id, n)
);
