DROP INDEX enrollments_one_active;
DROP TABLE enrollments;
DROP TABLE class_sessions;
DROP TABLE cohorts;
DROP TABLE holidays;
DROP TABLE venues;
