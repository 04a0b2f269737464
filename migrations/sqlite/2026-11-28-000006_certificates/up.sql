-- A certificate, created pending when an attempt passes (in the same
-- transaction), with a snapshot of the facts it certifies; a registrar
-- issues it (number and verification code) or revokes it. Never deleted.
CREATE TABLE certificates (
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
CREATE INDEX certificates_status ON certificates (status);

-- The last number given out each year, so numbers are gap-free.
CREATE TABLE certificate_counters (
  year INTEGER PRIMARY KEY NOT NULL,
  last_number INTEGER NOT NULL
);
