-- Who may see a child's record beyond its allocation (SEC-04, SEC-05), and what sign-in
-- needs to resist guessing (SEC-01..03).
--
-- The PostgreSQL twin of sqlite/0002_security.sql (see postgres/0001_foundation.sql for the
-- porting rules).

-- A named user may open a record for a stated purpose until a time, given by the allocated
-- worker or the allocated team's manager. Revoking keeps the row, so the history stays.
CREATE TABLE access_grants (
  id TEXT COLLATE "C" PRIMARY KEY,
  record_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  purpose TEXT COLLATE "C" NOT NULL,
  granted_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  granted_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL,
  revoked_at TEXT COLLATE "C",
  revoked_by TEXT COLLATE "C" REFERENCES users(id) DEFERRABLE
);
CREATE INDEX access_grants_record_user ON access_grants(record_id, user_id);
CREATE INDEX access_grants_user ON access_grants(user_id, expires_at);

-- The only users who may open a restricted record (case_records.restricted = 1).
CREATE TABLE restricted_record_users (
  record_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  named_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  named_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (record_id, user_id)
);

-- Emergency access without a relationship: time-limited, with a reason, reviewed by the
-- user's manager (reviewer_team_id) or, failing one, an auditor.
CREATE TABLE break_glass (
  id TEXT COLLATE "C" PRIMARY KEY,
  record_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  reason TEXT COLLATE "C" NOT NULL,
  started_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL,
  reviewer_team_id TEXT COLLATE "C" REFERENCES teams(id) DEFERRABLE,
  reviewed_by TEXT COLLATE "C" REFERENCES users(id) DEFERRABLE,
  reviewed_at TEXT COLLATE "C",
  justified BIGINT,
  review_note TEXT COLLATE "C"
);
CREATE INDEX break_glass_record_user ON break_glass(record_id, user_id);
CREATE INDEX break_glass_unreviewed ON break_glass(reviewer_team_id) WHERE reviewed_at IS NULL;

-- Items of a record shared with a partner agency user or with a whole agency (SEC-05).
CREATE TABLE shared_items (
  id TEXT COLLATE "C" PRIMARY KEY,
  record_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  item_id TEXT COLLATE "C" NOT NULL,
  shared_with_user_id TEXT COLLATE "C" REFERENCES users(id) DEFERRABLE,
  shared_with_agency TEXT COLLATE "C",
  purpose TEXT COLLATE "C" NOT NULL,
  shared_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  shared_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX shared_items_record ON shared_items(record_id, item_id);

-- Failed sign-ins, by account ('user:<name>') and by address ('address:<ip>'), for
-- throttling. Old rows are pruned as they stop mattering; the access log keeps the history.
CREATE TABLE sign_in_failures (
  subject TEXT COLLATE "C" NOT NULL,
  at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures(subject, at);

-- Two-factor sign-in: the TOTP secret, encrypted with the server's key; the last time
-- step used, so a code cannot be replayed.
ALTER TABLE users ADD COLUMN totp_secret TEXT COLLATE "C";
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
