-- The question bank. A question used in an attempt is never changed in
-- place: an edit retires it and adds a new version that points back to it.
CREATE TABLE questions (
  id INTEGER PRIMARY KEY NOT NULL,
  block INTEGER NOT NULL CHECK (block BETWEEN 1 AND 3),
  topic TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'true_false')),
  stem_ar TEXT NOT NULL,
  stem_en TEXT NOT NULL,
  active BOOLEAN NOT NULL DEFAULT 1,
  replaces_id INTEGER REFERENCES questions (id),
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX questions_block_active ON questions (block, active);

CREATE TABLE question_options (
  id INTEGER PRIMARY KEY NOT NULL,
  question_id INTEGER NOT NULL REFERENCES questions (id),
  position INTEGER NOT NULL,
  text_ar TEXT NOT NULL,
  text_en TEXT NOT NULL,
  correct BOOLEAN NOT NULL,
  UNIQUE (question_id, position)
);

-- Exam settings, one row per change; the newest applies to attempts that
-- start after it, and each attempt keeps the row it started under.
CREATE TABLE exam_settings (
  id INTEGER PRIMARY KEY NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 240),
  pass_percent INTEGER NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
  block1_questions INTEGER NOT NULL CHECK (block1_questions BETWEEN 0 AND 100),
  block2_questions INTEGER NOT NULL CHECK (block2_questions BETWEEN 0 AND 100),
  block3_questions INTEGER NOT NULL CHECK (block3_questions BETWEEN 0 AND 100),
  resit_hours INTEGER NOT NULL CHECK (resit_hours >= 0),
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  created_by INTEGER REFERENCES users (id),
  created_at TIMESTAMP NOT NULL
);
INSERT INTO exam_settings (duration_minutes, pass_percent, block1_questions, block2_questions, block3_questions, resit_hours, max_attempts, created_at)
VALUES (45, 75, 12, 12, 12, 72, 3, CURRENT_TIMESTAMP);

-- An invigilated exam session a trainer opens for a class.
CREATE TABLE sittings (
  id INTEGER PRIMARY KEY NOT NULL,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  pin TEXT NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES users (id),
  opened_at TIMESTAMP NOT NULL,
  closed_at TIMESTAMP
);
CREATE INDEX sittings_cohort ON sittings (cohort_id);

-- One try at the exam. The deadline is the server's: start + duration ×
-- (1 + extra %) + extensions.
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY NOT NULL,
  sitting_id INTEGER NOT NULL REFERENCES sittings (id),
  enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  settings_id INTEGER NOT NULL REFERENCES exam_settings (id),
  started_at TIMESTAMP NOT NULL,
  deadline_at TIMESTAMP NOT NULL,
  extra_percent INTEGER NOT NULL DEFAULT 0,
  extension_minutes INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'expired', 'terminated')),
  finished_at TIMESTAMP,
  end_reason TEXT,
  score_percent INTEGER,
  passed BOOLEAN,
  block1_percent INTEGER,
  block2_percent INTEGER,
  block3_percent INTEGER
);
CREATE INDEX attempts_trainee ON attempts (trainee_id);
CREATE INDEX attempts_open_deadline ON attempts (status, deadline_at);
CREATE UNIQUE INDEX attempts_one_open ON attempts (enrollment_id) WHERE status = 'open';

-- The questions drawn for an attempt and the order of their options.
CREATE TABLE attempt_questions (
  id INTEGER PRIMARY KEY NOT NULL,
  attempt_id INTEGER NOT NULL REFERENCES attempts (id),
  position INTEGER NOT NULL,
  question_id INTEGER NOT NULL REFERENCES questions (id),
  option_order TEXT NOT NULL,
  UNIQUE (attempt_id, position),
  UNIQUE (attempt_id, question_id)
);

-- The latest saved answer per question; seq orders saves from one page.
CREATE TABLE answers (
  id INTEGER PRIMARY KEY NOT NULL,
  attempt_id INTEGER NOT NULL REFERENCES attempts (id),
  question_id INTEGER NOT NULL REFERENCES questions (id),
  selected TEXT NOT NULL,
  flagged BOOLEAN NOT NULL DEFAULT 0,
  seq BIGINT NOT NULL,
  saved_at TIMESTAMP NOT NULL,
  UNIQUE (attempt_id, question_id)
);
