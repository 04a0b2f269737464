DROP TABLE answers;
DROP TABLE attempt_questions;
DROP INDEX attempts_one_open;
DROP TABLE attempts;
DROP TABLE sittings;
DROP TABLE exam_settings;
DROP TABLE question_options;
DROP TABLE questions;
