-- A counter of changes to what a token check reads: staff users, patients' sessions,
-- accounts, their logins, their links to patients and whether a patient is verified.
-- The server keeps the answers of token checks in memory and reads only this one row
-- per request; when it has moved (a revoke or sign-out, here or from another process
-- on the same file, such as `queueserver user revoke`), the answers are read again.
-- Triggers keep it, so no writer can forget to.
CREATE TABLE sign_in_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
);
INSERT INTO sign_in_epoch (id, n) VALUES (1, 0);

CREATE TRIGGER sign_in_users_update AFTER UPDATE ON users
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_users_delete AFTER DELETE ON users
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER sign_in_sessions_update AFTER UPDATE ON sessions
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_sessions_delete AFTER DELETE ON sessions
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER sign_in_accounts_update AFTER UPDATE ON accounts
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_accounts_delete AFTER DELETE ON accounts
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER sign_in_logins_update AFTER UPDATE ON logins
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_logins_delete AFTER DELETE ON logins
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER sign_in_links_insert AFTER INSERT ON patient_links
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_links_update AFTER UPDATE ON patient_links
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_links_delete AFTER DELETE ON patient_links
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;

-- Imports rewrite patients often; only a change of verification matters here.
CREATE TRIGGER sign_in_patients_verified AFTER UPDATE OF unverified ON patients
WHEN old.unverified IS NOT new.unverified
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sign_in_patients_delete AFTER DELETE ON patients
BEGIN UPDATE sign_in_epoch SET n = n + 1 WHERE id = 1; END;
