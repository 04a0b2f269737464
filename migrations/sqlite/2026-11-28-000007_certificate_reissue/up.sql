-- Reissue after a name correction: the new certificate (same attempt, new
-- number and code) points at the one it replaces, which becomes
-- 'superseded' and stays verifiable, saying what replaced it. An attempt
-- still has one original certificate, and a certificate is replaced at most
-- once: both are database rules. SQLite cannot change a column's
-- constraints in place, so the table is rebuilt (nothing references it).
CREATE TABLE certificates_new (
  id INTEGER PRIMARY KEY NOT NULL,
  attempt_id INTEGER NOT NULL REFERENCES attempts (id),
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'issued', 'revoked', 'superseded')),
  holder_name_ar TEXT NOT NULL,
  holder_name_en TEXT NOT NULL,
  emirates_id TEXT,
  course_name_ar TEXT NOT NULL,
  course_name_en TEXT NOT NULL,
  score_percent INTEGER NOT NULL,
  exam_date DATE NOT NULL,
  region_ar TEXT NOT NULL,
  region_en TEXT NOT NULL,
  venue_ar TEXT NOT NULL,
  venue_en TEXT NOT NULL,
  number TEXT UNIQUE,
  code TEXT UNIQUE,
  issued_at TIMESTAMP,
  issued_by INTEGER REFERENCES users (id),
  revoked_at TIMESTAMP,
  revoked_by INTEGER REFERENCES users (id),
  revoke_reason TEXT,
  created_at TIMESTAMP NOT NULL,
  replaces_id INTEGER UNIQUE REFERENCES certificates_new (id),
  superseded_at TIMESTAMP
);
INSERT INTO certificates_new (
  id, attempt_id, trainee_id, cohort_id, status, holder_name_ar, holder_name_en,
  emirates_id, course_name_ar, course_name_en, score_percent, exam_date,
  region_ar, region_en, venue_ar, venue_en, number, code, issued_at, issued_by,
  revoked_at, revoked_by, revoke_reason, created_at)
SELECT
  id, attempt_id, trainee_id, cohort_id, status, holder_name_ar, holder_name_en,
  emirates_id, course_name_ar, course_name_en, score_percent, exam_date,
  region_ar, region_en, venue_ar, venue_en, number, code, issued_at, issued_by,
  revoked_at, revoked_by, revoke_reason, created_at
FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_new RENAME TO certificates;
CREATE INDEX certificates_status ON certificates (status);
CREATE UNIQUE INDEX certificates_one_original_per_attempt
  ON certificates (attempt_id) WHERE replaces_id IS NULL;
