-- People: one role each. Trainees fill in the whole profile at
-- registration; staff accounts created by an admin need only names and an
-- e-mail address.
CREATE TABLE users (
  id INTEGER PRIMARY KEY NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('trainee', 'trainer', 'registrar', 'admin')),
  full_name_ar TEXT NOT NULL,
  full_name_en TEXT NOT NULL,
  email TEXT UNIQUE,
  emirates_id TEXT UNIQUE,
  date_of_birth DATE,
  gender TEXT CHECK (gender IN ('female', 'male')),
  mobile TEXT,
  target_group TEXT,
  town_id INTEGER REFERENCES towns (id),
  channel TEXT,
  password_hash TEXT NOT NULL,
  must_change_password BOOLEAN NOT NULL DEFAULT 0,
  active BOOLEAN NOT NULL DEFAULT 1,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX users_role ON users (role);

-- Signed-in sessions. The cookie holds a random token; only its SHA-256 is
-- kept here, so a copy of the database opens no session.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_seen_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Login attempts, for throttling that holds across several instances.
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY NOT NULL,
  account_key TEXT NOT NULL,
  client_ip TEXT NOT NULL,
  succeeded BOOLEAN NOT NULL,
  at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account_key, at);
CREATE INDEX login_attempts_client ON login_attempts (client_ip, at);

-- Append-only audit log; each entry's hash covers the previous entry's
-- hash, so a changed or removed entry breaks the chain.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY NOT NULL,
  at TIMESTAMP NOT NULL,
  actor_id INTEGER REFERENCES users (id),
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  client_ip TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
