-- A sign-in reserved by the throttle whose password is still being checked.
-- The per-address rule counts such attempts apart from settled failures, so
-- a class signing in at once from one school address is not throttled.
ALTER TABLE login_attempts ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
