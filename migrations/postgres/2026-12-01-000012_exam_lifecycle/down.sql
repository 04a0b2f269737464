DROP INDEX attempts_one_open_per_trainee;
DROP TABLE attempt_grants;
DROP TABLE sitting_permissions;
ALTER TABLE sittings DROP COLUMN closes_at;
-- A place that ended with its class is an enrolment again.
UPDATE enrollments SET status = 'enrolled' WHERE status IN ('completed', 'not_completed');
ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check;
ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check
  CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn', 'cancelled', 'moved'));
