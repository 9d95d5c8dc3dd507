-- What the queue holds of requests that reception enters for a patient who phoned or
-- came in: who entered it, who called when it was not the patient, and how the patient
-- asked to be contacted. Empty for requests patients send online.
ALTER TABLE requests ADD COLUMN entered_by TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN caller TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN contact_detail TEXT NOT NULL DEFAULT '';
