DROP TABLE syllabus_blocks;
DROP TABLE courses;
DROP INDEX towns_region_id;
DROP TABLE towns;
DROP TABLE regions;
