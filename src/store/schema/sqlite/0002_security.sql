-- Who may see a child's record beyond its allocation (SEC-04, SEC-05), and what sign-in
-- needs to resist guessing (SEC-01..03).

-- A named user may open a record for a stated purpose until a time, given by the allocated
-- worker or the allocated team's manager. Revoking keeps the row, so the history stays.
CREATE TABLE access_grants (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL REFERENCES persons(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  purpose TEXT NOT NULL,
  granted_by TEXT NOT NULL REFERENCES users(id),
  granted_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT REFERENCES users(id)
);
CREATE INDEX access_grants_record_user ON access_grants(record_id, user_id);
CREATE INDEX access_grants_user ON access_grants(user_id, expires_at);

-- The only users who may open a restricted record (case_records.restricted = 1).
CREATE TABLE restricted_record_users (
  record_id TEXT NOT NULL REFERENCES persons(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  named_by TEXT NOT NULL REFERENCES users(id),
  named_at TEXT NOT NULL,
  PRIMARY KEY (record_id, user_id)
);

-- Emergency access without a relationship: time-limited, with a reason, reviewed by the
-- user's manager (reviewer_team_id) or, failing one, an auditor.
CREATE TABLE break_glass (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL REFERENCES persons(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  started_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  reviewer_team_id TEXT REFERENCES teams(id),
  reviewed_by TEXT REFERENCES users(id),
  reviewed_at TEXT,
  justified INTEGER,
  review_note TEXT
);
CREATE INDEX break_glass_record_user ON break_glass(record_id, user_id);
CREATE INDEX break_glass_unreviewed ON break_glass(reviewer_team_id) WHERE reviewed_at IS NULL;

-- Items of a record shared with a partner agency user or with a whole agency (SEC-05).
CREATE TABLE shared_items (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL REFERENCES persons(id),
  item_id TEXT NOT NULL,
  shared_with_user_id TEXT REFERENCES users(id),
  shared_with_agency TEXT,
  purpose TEXT NOT NULL,
  shared_by TEXT NOT NULL REFERENCES users(id),
  shared_at TEXT NOT NULL
);
CREATE INDEX shared_items_record ON shared_items(record_id, item_id);

-- Failed sign-ins, by account ('user:<name>') and by address ('address:<ip>'), for
-- throttling. Old rows are pruned as they stop mattering; the access log keeps the history.
CREATE TABLE sign_in_failures (
  subject TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures(subject, at);

-- Two-factor sign-in: the TOTP secret, encrypted with the server's key; the last time
-- step used, so a code cannot be replayed.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
