-- Reissue after a name correction: the new certificate (same attempt, new
-- number and code) points at the one it replaces, which becomes
-- 'superseded' and stays verifiable, saying what replaced it. An attempt
-- still has one original certificate, and a certificate is replaced at most
-- once: both are database rules.
ALTER TABLE certificates DROP CONSTRAINT certificates_attempt_id_key;
ALTER TABLE certificates DROP CONSTRAINT certificates_status_check;
ALTER TABLE certificates ADD CONSTRAINT certificates_status_check
  CHECK (status IN ('pending', 'issued', 'revoked', 'superseded'));
ALTER TABLE certificates ADD COLUMN replaces_id INTEGER UNIQUE REFERENCES certificates (id);
ALTER TABLE certificates ADD COLUMN superseded_at TIMESTAMP;
CREATE UNIQUE INDEX certificates_one_original_per_attempt
  ON certificates (attempt_id) WHERE replaces_id IS NULL;
