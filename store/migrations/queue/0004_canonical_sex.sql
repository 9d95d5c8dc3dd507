-- Patients registered before the patient API read sex through triage.ParseSex were
-- stored as typed ("Female", " male"). The engine's sex-specific rules and FHIR's
-- gender code both need the canonical form, so those rows are rewritten and put on the
-- change feed for the desks. Only case and spaces differ: nothing else was accepted.
INSERT INTO changes (kind, ref, at)
	SELECT 'patient', CAST(id AS TEXT), CAST(strftime('%s', 'now') AS INTEGER) FROM patients
	WHERE sex <> lower(trim(sex)) OR trim(sex) = '';
UPDATE patients SET sex = CASE WHEN trim(sex) = '' THEN 'unknown' ELSE lower(trim(sex)) END, version = version + 1
	WHERE sex <> lower(trim(sex)) OR trim(sex) = '';
