-- Contact details (issue 9): the patient's phone number and email address as the
-- practice's records hold them, and who wrote a request when it was not the patient
-- (a parent for a child, someone who phoned for them), their relationship and number.
ALTER TABLE patients ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN author_relationship TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN author_phone TEXT NOT NULL DEFAULT '';
-- Requests reception entered for a caller name the caller as their author.
UPDATE requests SET author_name = caller WHERE caller <> '';
