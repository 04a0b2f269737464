-- When each background job last completed a pass (one row per job, shared
-- by every instance). The sweeper reads the gap since its last pass: a gap
-- far longer than its interval means the database or every server was
-- unreachable, and the exam attempts that were running then get that time
-- back before anything is finalised as expired.
CREATE TABLE heartbeats (
  name TEXT PRIMARY KEY NOT NULL,
  seen_at TIMESTAMP NOT NULL
);
