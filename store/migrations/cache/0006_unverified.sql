-- A patient record the practice has not yet checked (issue 12): the provisional record
-- a new account's requests go to until staff verify who sent them. The desk shows such
-- requests as "identity not verified".
ALTER TABLE patients ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;
