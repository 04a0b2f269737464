DROP INDEX enrollments_status_cohort;
DROP INDEX certificates_trainee;
DROP INDEX attempts_sitting;
DROP INDEX class_sessions_ends_at;
