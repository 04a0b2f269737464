-- Indexes for pages whose cost must not grow with the programme's history:
-- the catalogue finds the classes that are not over from their sessions'
-- ends, the sweeper the classes that still hold active places, the
-- invigilation board a sitting's attempts, the trainee's pages their own
-- certificates.
CREATE INDEX class_sessions_ends_at ON class_sessions (ends_at);
CREATE INDEX attempts_sitting ON attempts (sitting_id);
CREATE INDEX certificates_trainee ON certificates (trainee_id);
CREATE INDEX enrollments_status_cohort ON enrollments (status, cohort_id);
