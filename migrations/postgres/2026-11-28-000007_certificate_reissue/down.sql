-- Back to one certificate per attempt: replacements are dropped and the
-- certificates they replaced count as issued again.
DROP INDEX certificates_one_original_per_attempt;
DELETE FROM certificates WHERE replaces_id IS NOT NULL;
UPDATE certificates SET status = 'issued' WHERE status = 'superseded';
ALTER TABLE certificates DROP COLUMN superseded_at;
ALTER TABLE certificates DROP COLUMN replaces_id;
ALTER TABLE certificates DROP CONSTRAINT certificates_status_check;
ALTER TABLE certificates ADD CONSTRAINT certificates_status_check
  CHECK (status IN ('pending', 'issued', 'revoked'));
ALTER TABLE certificates ADD CONSTRAINT certificates_attempt_id_key UNIQUE (attempt_id);
