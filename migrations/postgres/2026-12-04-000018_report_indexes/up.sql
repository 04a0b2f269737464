-- The reports join each place to its attempts and each attempt to its
-- certificates: without these, a report over the programme's history
-- scans every attempt for every place.
CREATE INDEX attempts_enrollment ON attempts (enrollment_id);
CREATE INDEX certificates_attempt ON certificates (attempt_id);
