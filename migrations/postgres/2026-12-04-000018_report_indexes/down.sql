DROP INDEX certificates_attempt;
DROP INDEX attempts_enrollment;
