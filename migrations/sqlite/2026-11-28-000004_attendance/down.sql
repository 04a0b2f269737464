DROP TABLE programme_settings;
DROP TABLE eligibility_overrides;
DROP TABLE attendance;
