-- Photos a patient sent with a request from the patient pages: up to three, each
-- decoded and re-encoded by the server before it is stored, so no location or other
-- metadata the camera wrote survives. They never change after submission.
CREATE TABLE request_photos (
	request_id   INTEGER NOT NULL REFERENCES requests(id),
	n            INTEGER NOT NULL CHECK (n BETWEEN 1 AND 3),
	content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
	width        INTEGER NOT NULL,
	height       INTEGER NOT NULL,
	data         BLOB NOT NULL,
	PRIMARY KEY (request_id, n)
);
