-- Back to one certificate per attempt: replacements are dropped and the
-- certificates they replaced count as issued again.
CREATE TABLE certificates_old (
  id INTEGER PRIMARY KEY NOT NULL,
  attempt_id INTEGER NOT NULL UNIQUE REFERENCES attempts (id),
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'issued', 'revoked')),
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
  created_at TIMESTAMP NOT NULL
);
INSERT INTO certificates_old
SELECT
  id, attempt_id, trainee_id, cohort_id,
  CASE status WHEN 'superseded' THEN 'issued' ELSE status END,
  holder_name_ar, holder_name_en, emirates_id, course_name_ar, course_name_en,
  score_percent, exam_date, region_ar, region_en, venue_ar, venue_en, number,
  code, issued_at, issued_by, revoked_at, revoked_by, revoke_reason, created_at
FROM certificates WHERE replaces_id IS NULL;
DROP TABLE certificates;
ALTER TABLE certificates_old RENAME TO certificates;
CREATE INDEX certificates_status ON certificates (status);
