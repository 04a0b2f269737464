PRAGMA foreign_keys = OFF;
BEGIN;
DROP INDEX attempts_one_open_per_trainee;
DROP TABLE attempt_grants;
DROP TABLE sitting_permissions;
ALTER TABLE sittings DROP COLUMN closes_at;
-- A place that ended with its class is an enrolment again.
CREATE TABLE enrollments_old (
  id INTEGER PRIMARY KEY NOT NULL,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  course_id INTEGER NOT NULL REFERENCES courses (id),
  status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn', 'cancelled', 'moved')),
  queued_at TIMESTAMP NOT NULL,
  enrolled_at TIMESTAMP,
  -- Set when the seat came from the wait-list (shown on the trainee's page).
  promoted_at TIMESTAMP,
  ended_at TIMESTAMP,
  note TEXT,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
INSERT INTO enrollments_old (id, cohort_id, trainee_id, course_id, status, queued_at, enrolled_at, promoted_at, ended_at, note, created_at, updated_at)
SELECT id, cohort_id, trainee_id, course_id,
       CASE WHEN status IN ('completed', 'not_completed') THEN 'enrolled' ELSE status END,
       queued_at, enrolled_at, promoted_at, ended_at, note, created_at, updated_at FROM enrollments;
DROP TABLE enrollments;
ALTER TABLE enrollments_old RENAME TO enrollments;
CREATE INDEX enrollments_cohort ON enrollments (cohort_id, status, queued_at);
CREATE INDEX enrollments_trainee ON enrollments (trainee_id);
-- One active place (enrolled or wait-listed) per trainee and course.
CREATE UNIQUE INDEX enrollments_one_active ON enrollments (trainee_id, course_id) WHERE status IN ('enrolled', 'waitlisted');
COMMIT;
PRAGMA foreign_keys = ON;
