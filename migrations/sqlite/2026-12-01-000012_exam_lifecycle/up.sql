-- The programme's lifecycle: a place ends as completed or not completed
-- when its class ends; sittings have a closing time; a registrar may allow
-- a sitting before a class's last session, and may grant a new series of
-- attempts to a trainee who has retrained.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE enrollments_new (
  id INTEGER PRIMARY KEY NOT NULL,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  course_id INTEGER NOT NULL REFERENCES courses (id),
  status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn', 'cancelled', 'moved', 'completed', 'not_completed')),
  queued_at TIMESTAMP NOT NULL,
  enrolled_at TIMESTAMP,
  -- Set when the seat came from the wait-list (shown on the trainee's page).
  promoted_at TIMESTAMP,
  ended_at TIMESTAMP,
  note TEXT,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
INSERT INTO enrollments_new (id, cohort_id, trainee_id, course_id, status, queued_at, enrolled_at, promoted_at, ended_at, note, created_at, updated_at)
SELECT id, cohort_id, trainee_id, course_id, status, queued_at, enrolled_at, promoted_at, ended_at, note, created_at, updated_at FROM enrollments;
DROP TABLE enrollments;
ALTER TABLE enrollments_new RENAME TO enrollments;
CREATE INDEX enrollments_cohort ON enrollments (cohort_id, status, queued_at);
CREATE INDEX enrollments_trainee ON enrollments (trainee_id);
-- One active place (enrolled or wait-listed) per trainee and course.
CREATE UNIQUE INDEX enrollments_one_active ON enrollments (trainee_id, course_id) WHERE status IN ('enrolled', 'waitlisted');

-- After closes_at no attempt may start and the PIN is useless; attempts
-- already running keep their own deadlines. Sittings opened before this
-- migration close 75 minutes after they opened.
ALTER TABLE sittings ADD COLUMN closes_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE sittings SET closes_at = datetime(opened_at, '+75 minutes');

-- A registrar's permission to open one sitting before the class's last
-- session (or a make-up sitting); used by the sitting it allowed.
CREATE TABLE sitting_permissions (
  id INTEGER PRIMARY KEY NOT NULL,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  reason TEXT NOT NULL,
  granted_by INTEGER NOT NULL REFERENCES users (id),
  granted_at TIMESTAMP NOT NULL,
  sitting_id INTEGER UNIQUE REFERENCES sittings (id)
);
CREATE INDEX sitting_permissions_cohort ON sitting_permissions (cohort_id);

-- A new series of attempts for a trainee and course: finished attempts
-- before the newest grant no longer count towards the limit.
CREATE TABLE attempt_grants (
  id INTEGER PRIMARY KEY NOT NULL,
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  course_id INTEGER NOT NULL REFERENCES courses (id),
  reason TEXT NOT NULL,
  granted_by INTEGER NOT NULL REFERENCES users (id),
  granted_at TIMESTAMP NOT NULL
);
CREATE INDEX attempt_grants_trainee ON attempt_grants (trainee_id, course_id);
-- One attempt under way per trainee, whichever class it belongs to.
CREATE UNIQUE INDEX attempts_one_open_per_trainee ON attempts (trainee_id) WHERE status = 'open';
COMMIT;
PRAGMA foreign_keys = ON;
