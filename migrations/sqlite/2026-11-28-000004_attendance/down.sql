ALTER TABLE users DROP COLUMN accommodation_note;
ALTER TABLE users DROP COLUMN accommodation_percent;
DROP TABLE programme_settings;
DROP TABLE eligibility_overrides;
DROP TABLE attendance;
