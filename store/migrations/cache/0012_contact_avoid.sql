-- Times to avoid (issue 11): when the patient asked not to be called, kept apart from
-- the number so the desk shows it beside the number rather than inside it.
ALTER TABLE requests ADD COLUMN contact_avoid TEXT NOT NULL DEFAULT '';
