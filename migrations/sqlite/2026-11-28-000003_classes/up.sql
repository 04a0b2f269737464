-- Training places in a town (schools, family-development centres, …).
CREATE TABLE venues (
  id INTEGER PRIMARY KEY NOT NULL,
  town_id INTEGER NOT NULL REFERENCES towns (id),
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  partner_kind TEXT NOT NULL CHECK (partner_kind IN ('school', 'family-development', 'university', 'applied-research', 'government', 'other')),
  address TEXT NOT NULL,
  seats INTEGER NOT NULL CHECK (seats > 0),
  retired BOOLEAN NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX venues_town_id ON venues (town_id);

-- Days without classes.
CREATE TABLE holidays (
  id INTEGER PRIMARY KEY NOT NULL,
  day DATE NOT NULL UNIQUE,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL
);

-- A class: one course at one venue, in the morning or the evening. Times
-- of day are local (UAE); session instants are stored in UTC.
CREATE TABLE cohorts (
  id INTEGER PRIMARY KEY NOT NULL,
  course_id INTEGER NOT NULL REFERENCES courses (id),
  venue_id INTEGER NOT NULL REFERENCES venues (id),
  period TEXT NOT NULL CHECK (period IN ('morning', 'evening')),
  starts_time TIME NOT NULL,
  ends_time TIME NOT NULL,
  teaching_language TEXT NOT NULL CHECK (teaching_language IN ('ar', 'en')),
  audience TEXT NOT NULL CHECK (audience IN ('all', 'women', 'men')),
  start_date DATE NOT NULL,
  weekdays TEXT NOT NULL,
  session_count INTEGER NOT NULL CHECK (session_count BETWEEN 1 AND 60),
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  trainer_id INTEGER REFERENCES users (id),
  enrol_opens DATE NOT NULL,
  enrol_closes DATE NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'cancelled')),
  cancel_reason TEXT,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX cohorts_venue_id ON cohorts (venue_id);
CREATE INDEX cohorts_trainer_id ON cohorts (trainer_id);
CREATE INDEX cohorts_start_date ON cohorts (start_date);

-- A class's daily sessions. A cancelled or moved session keeps its row and
-- says why; moved ones remember where they were.
CREATE TABLE class_sessions (
  id INTEGER PRIMARY KEY NOT NULL,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  seq INTEGER NOT NULL,
  starts_at TIMESTAMP NOT NULL,
  ends_at TIMESTAMP NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'moved', 'cancelled')),
  reason TEXT,
  original_starts_at TIMESTAMP,
  UNIQUE (cohort_id, seq)
);
CREATE INDEX class_sessions_starts_at ON class_sessions (starts_at);

-- Places in classes. Wait-listed people queue by queued_at, then id.
CREATE TABLE enrollments (
  id INTEGER PRIMARY KEY NOT NULL,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  trainee_id INTEGER NOT NULL REFERENCES users (id),
  course_id INTEGER NOT NULL REFERENCES courses (id),
  status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn', 'cancelled', 'moved')),
  queued_at TIMESTAMP NOT NULL,
  enrolled_at TIMESTAMP,
  -- Set when the seat came from the wait-list (shown on the trainee's page).
  promoted_at TIMESTAMP,
  ended_at TIMESTAMP,
  note TEXT,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX enrollments_cohort ON enrollments (cohort_id, status, queued_at);
CREATE INDEX enrollments_trainee ON enrollments (trainee_id);
-- One active place (enrolled or wait-listed) per trainee and course.
CREATE UNIQUE INDEX enrollments_one_active ON enrollments (trainee_id, course_id) WHERE status IN ('enrolled', 'waitlisted');
