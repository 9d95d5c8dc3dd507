-- A patient joining the list moves the sign-in epoch when an account already names
-- them: until then that account read as unverified (its patient was not on the list),
-- and a token check kept that answer in memory. Only those inserts matter: an import
-- of thousands of new patients nobody's account names leaves the kept answers alone.
CREATE TRIGGER sign_in_patients_insert AFTER INSERT ON patients
WHEN EXISTS (SELECT 1 FROM accounts WHERE patient_id = new.id)
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
