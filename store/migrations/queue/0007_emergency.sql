-- What was done about an emergency, and why a priority was lowered. A call outcome is
-- part of the request, versioned with it, so every desk agrees whether an emergency
-- has been acted on. awaiting_since is when the practice began waiting for the patient.
ALTER TABLE requests ADD COLUMN priority_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN call_outcome TEXT NOT NULL DEFAULT '' CHECK (call_outcome IN ('', 'sent-999-ae', 'no-answer'));
ALTER TABLE requests ADD COLUMN called_at INTEGER;
ALTER TABLE requests ADD COLUMN called_by TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN awaiting_since INTEGER;
