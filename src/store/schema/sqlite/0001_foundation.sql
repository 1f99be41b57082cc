-- The foundation: users and sessions, persons and children's case records, relationships,
-- the append-only journal and the access log.

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  agency TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  post_title TEXT NOT NULL,
  role TEXT NOT NULL,
  team_id TEXT REFERENCES teams(id),
  agency TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Only a hash of each session token is kept, so a copy of the database opens no sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT,
  ended_reason TEXT,
  client_address TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE persons (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  given_names TEXT NOT NULL,
  family_name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  date_of_birth TEXT,
  gender TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  religion TEXT NOT NULL,
  first_language TEXT NOT NULL,
  interpreter_needed INTEGER,
  communication_needs TEXT NOT NULL,
  disability TEXT NOT NULL,
  nhs_number TEXT UNIQUE,
  unborn INTEGER NOT NULL DEFAULT 0,
  began_unborn INTEGER NOT NULL DEFAULT 0,
  mother_person_id TEXT REFERENCES persons(id),
  mother_family_name TEXT,
  mother_nhs_number TEXT,
  expected_date_of_delivery TEXT,
  born_on TEXT,
  registered_on TEXT,
  birth_certificate_seen_on TEXT,
  birth_certificate_seen_by TEXT,
  -- Required details still lacking, comma-separated, so incomplete records list quickly.
  missing_details TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX persons_date_of_birth ON persons(date_of_birth);
CREATE INDEX persons_incomplete ON persons(id) WHERE missing_details <> '';

CREATE TABLE person_identifiers (
  person_id TEXT NOT NULL REFERENCES persons(id),
  scheme TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (person_id, scheme, value)
);

CREATE TABLE person_not_known (
  person_id TEXT NOT NULL REFERENCES persons(id),
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (person_id, field)
);

-- Every address a person has had; the current one has no to_date and current = 1.
CREATE TABLE addresses (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  line1 TEXT NOT NULL,
  line2 TEXT NOT NULL,
  town TEXT NOT NULL,
  postcode TEXT NOT NULL,
  postcode_key TEXT NOT NULL,
  from_date TEXT,
  to_date TEXT,
  current INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX addresses_person ON addresses(person_id);
CREATE INDEX addresses_current_postcode ON addresses(postcode_key) WHERE current = 1;

-- Every name a person is or was known by, including the one in use (kind 'current'),
-- folded into name_key for matching and search.
CREATE TABLE person_names (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  kind TEXT NOT NULL,
  given_names TEXT NOT NULL,
  family_name TEXT NOT NULL,
  note TEXT NOT NULL,
  name_key TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX person_names_person ON person_names(person_id);
CREATE INDEX person_names_key ON person_names(name_key);

CREATE VIRTUAL TABLE person_names_search USING fts5(
  name_key, content='person_names', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER person_names_search_insert AFTER INSERT ON person_names BEGIN
  INSERT INTO person_names_search(rowid, name_key) VALUES (new.rowid, new.name_key);
END;
CREATE TRIGGER person_names_search_delete AFTER DELETE ON person_names BEGIN
  INSERT INTO person_names_search(person_names_search, rowid, name_key) VALUES ('delete', old.rowid, old.name_key);
END;
CREATE TRIGGER person_names_search_update AFTER UPDATE OF name_key ON person_names BEGIN
  INSERT INTO person_names_search(person_names_search, rowid, name_key) VALUES ('delete', old.rowid, old.name_key);
  INSERT INTO person_names_search(rowid, name_key) VALUES (new.rowid, new.name_key);
END;

CREATE TABLE case_records (
  person_id TEXT PRIMARY KEY REFERENCES persons(id),
  council_reference TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  allocated_worker_id TEXT REFERENCES users(id),
  allocated_team_id TEXT REFERENCES teams(id),
  restricted INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL
);
CREATE INDEX case_records_worker ON case_records(allocated_worker_id);
CREATE INDEX case_records_team ON case_records(allocated_team_id);

CREATE TABLE relationships (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES persons(id),
  related_person_id TEXT NOT NULL REFERENCES persons(id),
  type TEXT NOT NULL,
  parental_responsibility INTEGER NOT NULL,
  lives_with_child INTEGER NOT NULL,
  description TEXT NOT NULL,
  ended_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX relationships_child ON relationships(child_id);
CREATE INDEX relationships_related ON relationships(related_person_id);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

-- The journal: append-only, one gap-free sequence and hash chain per record.
CREATE TABLE journal (
  record_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  author_user_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_post_title TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  occurred_at TEXT,
  late INTEGER NOT NULL,
  target_id TEXT,
  body TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (record_id, seq)
);
CREATE INDEX journal_target ON journal(target_id) WHERE target_id IS NOT NULL;
CREATE TRIGGER journal_never_updated BEFORE UPDATE ON journal BEGIN
  SELECT RAISE(ABORT, 'journal items are never changed; record a correction instead');
END;
CREATE TRIGGER journal_never_deleted BEFORE DELETE ON journal BEGIN
  SELECT RAISE(ABORT, 'journal items are never deleted');
END;

CREATE TABLE journal_heads (
  record_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);

-- Decisions awaiting review (ENT-05) and actions agreed at contacts (ENT-07). A correction
-- supersedes the row of the entry it corrects.
CREATE TABLE decisions (
  item_id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  summary TEXT NOT NULL,
  review_date TEXT NOT NULL,
  superseded_by TEXT
);
CREATE INDEX decisions_review ON decisions(review_date) WHERE superseded_by IS NULL;
CREATE INDEX decisions_record ON decisions(record_id);

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  description TEXT NOT NULL,
  responsible TEXT NOT NULL,
  due_date TEXT NOT NULL,
  superseded_by TEXT
);
CREATE INDEX actions_record ON actions(record_id);
CREATE INDEX actions_due ON actions(due_date) WHERE superseded_by IS NULL;

-- Entries written on someone's behalf, awaiting or bearing their countersignature (ENT-04).
CREATE TABLE countersignatures (
  item_id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  provider_user_id TEXT NOT NULL REFERENCES users(id),
  signed_item_id TEXT
);
CREATE INDEX countersignatures_provider ON countersignatures(provider_user_id) WHERE signed_item_id IS NULL;

-- Who looked at or changed what: append-only and hash-chained like the journal. Each chain
-- is written by one connection at a time, so chains never contend.
CREATE TABLE access_log (
  chain TEXT NOT NULL,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT NOT NULL,
  client_address TEXT NOT NULL,
  action TEXT NOT NULL,
  record_id TEXT,
  outcome TEXT NOT NULL,
  basis TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
);
CREATE INDEX access_log_record ON access_log(record_id, at) WHERE record_id IS NOT NULL;
CREATE INDEX access_log_user ON access_log(user_id, at);
CREATE TRIGGER access_log_never_updated BEFORE UPDATE ON access_log BEGIN
  SELECT RAISE(ABORT, 'the access log is never changed');
END;
CREATE TRIGGER access_log_never_deleted BEFORE DELETE ON access_log BEGIN
  SELECT RAISE(ABORT, 'the access log is never deleted');
END;

CREATE TABLE access_log_heads (
  chain TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
