-- The practice's reply templates as this desk last read them from the queue, so the
-- picker works offline and a manager's edit reaches the desk with the next sync. The
-- practice's details that fill them, and the queue's tag for the set, are in meta.
CREATE TABLE templates (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	body       TEXT NOT NULL,
	suits      TEXT NOT NULL,
	signpost   TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL,
	updated_by TEXT NOT NULL,
	updated_at INTEGER NOT NULL
);
