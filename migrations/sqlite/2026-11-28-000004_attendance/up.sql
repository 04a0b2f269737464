-- One mark per trainee per session: present, late, absent or excused.
CREATE TABLE attendance (
  id INTEGER PRIMARY KEY NOT NULL,
  session_id INTEGER NOT NULL REFERENCES class_sessions (id),
  enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
  status TEXT NOT NULL CHECK (status IN ('present', 'late', 'absent', 'excused')),
  marked_by INTEGER NOT NULL REFERENCES users (id),
  marked_at TIMESTAMP NOT NULL,
  UNIQUE (session_id, enrollment_id)
);
CREATE INDEX attendance_enrollment ON attendance (enrollment_id);

-- A registrar's decision that overrides the attendance rule for a place.
CREATE TABLE eligibility_overrides (
  id INTEGER PRIMARY KEY NOT NULL,
  enrollment_id INTEGER NOT NULL UNIQUE REFERENCES enrollments (id),
  eligible BOOLEAN NOT NULL,
  reason TEXT NOT NULL,
  decided_by INTEGER NOT NULL REFERENCES users (id),
  decided_at TIMESTAMP NOT NULL
);

-- Programme-wide settings an admin may change (name, integer value).
CREATE TABLE programme_settings (
  name TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

-- An accommodation for a trainee with special needs: extra exam time (a
-- percentage of the exam's duration) and a note for the trainer, set by a
-- registrar with a reason.
ALTER TABLE users ADD COLUMN accommodation_percent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN accommodation_note TEXT;
