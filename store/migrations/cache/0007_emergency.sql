-- What was done about an emergency, and why a priority was lowered. A call outcome is
-- part of the request, versioned with it, so every desk agrees whether an emergency
-- has been acted on. awaiting_since is when the practice began waiting for the patient.
ALTER TABLE requests ADD COLUMN priority_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN call_outcome TEXT NOT NULL DEFAULT '' CHECK (call_outcome IN ('', 'sent-999-ae', 'no-answer'));
ALTER TABLE requests ADD COLUMN called_at INTEGER;
ALTER TABLE requests ADD COLUMN called_by TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN awaiting_since INTEGER;

-- The banner asks for live emergencies not yet acted on at every refresh; they are few.
CREATE INDEX requests_emergency ON requests(received_at) WHERE priority = 0 AND status <> 'closed';

-- A reviewer may ask the patient something before assigning: such a request waits for
-- the patient with no team, and stays in the triage inbox (not in any team's queue)
-- so that it cannot drop out of sight. The inbox's index covers it too.
DROP INDEX requests_inbox;
CREATE INDEX requests_inbox ON requests(priority, received_at) WHERE status = 'new' OR (status = 'awaiting-patient' AND team = '');
