-- The patient's answers to the front door's questions (red flags, a baby's age in
-- months, a measured temperature, pregnancy), as JSON triage.Answers; '' for a request
-- sent before they were asked. They never change after submission.
ALTER TABLE requests ADD COLUMN answers TEXT NOT NULL DEFAULT '';
