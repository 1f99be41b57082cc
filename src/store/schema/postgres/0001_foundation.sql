-- The foundation: users and sessions, persons and children's case records, relationships,
-- the append-only journal and the access log.
--
-- The PostgreSQL twin of sqlite/0001_foundation.sql: the same tables and columns, with text
-- compared and sorted byte by byte (COLLATE "C", as SQLite does) so both give rows in one
-- order, BIGINT for SQLite's INTEGER, and foreign keys DEFERRABLE so that copying a
-- database (casework migrate) can load tables in any order inside one transaction.

-- Refuses a change to an append-only table, with the reason given as the trigger's argument.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;

CREATE TABLE teams (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL UNIQUE,
  agency TEXT COLLATE "C" NOT NULL
);

CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  username TEXT COLLATE "C" NOT NULL UNIQUE,
  full_name TEXT COLLATE "C" NOT NULL,
  post_title TEXT COLLATE "C" NOT NULL,
  role TEXT COLLATE "C" NOT NULL,
  team_id TEXT COLLATE "C" REFERENCES teams(id) DEFERRABLE,
  agency TEXT COLLATE "C" NOT NULL,
  password_hash TEXT COLLATE "C" NOT NULL,
  password_changed_at TEXT COLLATE "C" NOT NULL,
  must_change_password BIGINT NOT NULL DEFAULT 0,
  disabled BIGINT NOT NULL DEFAULT 0,
  created_at TEXT COLLATE "C" NOT NULL
);

-- Only a hash of each session token is kept, so a copy of the database opens no sessions.
CREATE TABLE sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  csrf_token TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  last_seen_at TEXT COLLATE "C" NOT NULL,
  ended_at TEXT COLLATE "C",
  ended_reason TEXT COLLATE "C",
  client_address TEXT COLLATE "C" NOT NULL,
  user_agent TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE persons (
  id TEXT COLLATE "C" PRIMARY KEY,
  version BIGINT NOT NULL,
  given_names TEXT COLLATE "C" NOT NULL,
  family_name TEXT COLLATE "C" NOT NULL,
  display_name TEXT COLLATE "C" NOT NULL,
  date_of_birth TEXT COLLATE "C",
  gender TEXT COLLATE "C" NOT NULL,
  ethnicity TEXT COLLATE "C" NOT NULL,
  religion TEXT COLLATE "C" NOT NULL,
  first_language TEXT COLLATE "C" NOT NULL,
  interpreter_needed BIGINT,
  communication_needs TEXT COLLATE "C" NOT NULL,
  disability TEXT COLLATE "C" NOT NULL,
  nhs_number TEXT COLLATE "C" UNIQUE,
  unborn BIGINT NOT NULL DEFAULT 0,
  began_unborn BIGINT NOT NULL DEFAULT 0,
  mother_person_id TEXT COLLATE "C" REFERENCES persons(id) DEFERRABLE,
  mother_family_name TEXT COLLATE "C",
  mother_nhs_number TEXT COLLATE "C",
  expected_date_of_delivery TEXT COLLATE "C",
  born_on TEXT COLLATE "C",
  registered_on TEXT COLLATE "C",
  birth_certificate_seen_on TEXT COLLATE "C",
  birth_certificate_seen_by TEXT COLLATE "C",
  -- Required details still lacking, comma-separated, so incomplete records list quickly.
  missing_details TEXT COLLATE "C" NOT NULL DEFAULT '',
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX persons_date_of_birth ON persons(date_of_birth);
CREATE INDEX persons_incomplete ON persons(id) WHERE missing_details <> '';

CREATE TABLE person_identifiers (
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  scheme TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (person_id, scheme, value)
);

CREATE TABLE person_not_known (
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  field TEXT COLLATE "C" NOT NULL,
  reason TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (person_id, field)
);

-- Every address a person has had; the current one has no to_date and current = 1.
CREATE TABLE addresses (
  id TEXT COLLATE "C" PRIMARY KEY,
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  line1 TEXT COLLATE "C" NOT NULL,
  line2 TEXT COLLATE "C" NOT NULL,
  town TEXT COLLATE "C" NOT NULL,
  postcode TEXT COLLATE "C" NOT NULL,
  postcode_key TEXT COLLATE "C" NOT NULL,
  from_date TEXT COLLATE "C",
  to_date TEXT COLLATE "C",
  current BIGINT NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX addresses_person ON addresses(person_id);
CREATE INDEX addresses_current_postcode ON addresses(postcode_key) WHERE current = 1;

-- Every name a person is or was known by, including the one in use (kind 'current'),
-- folded into name_key for matching and search.
CREATE TABLE person_names (
  id TEXT COLLATE "C" PRIMARY KEY,
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  kind TEXT COLLATE "C" NOT NULL,
  given_names TEXT COLLATE "C" NOT NULL,
  family_name TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C" NOT NULL,
  name_key TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX person_names_person ON person_names(person_id);
CREATE INDEX person_names_key ON person_names(name_key);

-- Name search: full text over the folded names, where 'jo':* finds the word "john", and
-- trigrams over the same words, which find ' jo' inside ' sam john'. Each serves the same
-- question with its own index; the planner uses the cheaper. Names in other scripts keep
-- their letters when folded, so both lower-case them with ICU's rules, as SQLite's
-- tokenizer does, whatever the database's locale. pg_trgm is a trusted extension, so the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE person_names ADD COLUMN search_words tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', lower(name_key COLLATE "und-x-icu"))) STORED;
CREATE INDEX person_names_search ON person_names USING gin (search_words);
CREATE INDEX person_names_trigrams ON person_names
  USING gin ((' ' || lower(name_key COLLATE "und-x-icu")) gin_trgm_ops);

CREATE TABLE case_records (
  person_id TEXT COLLATE "C" PRIMARY KEY REFERENCES persons(id) DEFERRABLE,
  council_reference TEXT COLLATE "C" NOT NULL UNIQUE,
  status TEXT COLLATE "C" NOT NULL,
  opened_at TEXT COLLATE "C" NOT NULL,
  closed_at TEXT COLLATE "C",
  allocated_worker_id TEXT COLLATE "C" REFERENCES users(id) DEFERRABLE,
  allocated_team_id TEXT COLLATE "C" REFERENCES teams(id) DEFERRABLE,
  restricted BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL
);
CREATE INDEX case_records_worker ON case_records(allocated_worker_id);
CREATE INDEX case_records_team ON case_records(allocated_team_id);

CREATE TABLE relationships (
  id TEXT COLLATE "C" PRIMARY KEY,
  child_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  related_person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  type TEXT COLLATE "C" NOT NULL,
  parental_responsibility BIGINT NOT NULL,
  lives_with_child BIGINT NOT NULL,
  description TEXT COLLATE "C" NOT NULL,
  ended_on TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX relationships_child ON relationships(child_id);
CREATE INDEX relationships_related ON relationships(related_person_id);

CREATE TABLE counters (
  name TEXT COLLATE "C" PRIMARY KEY,
  value BIGINT NOT NULL
);

-- The journal: append-only, one gap-free sequence and hash chain per record.
CREATE TABLE journal (
  record_id TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  kind TEXT COLLATE "C" NOT NULL,
  author_user_id TEXT COLLATE "C" NOT NULL,
  author_name TEXT COLLATE "C" NOT NULL,
  author_post_title TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  occurred_at TEXT COLLATE "C",
  late BIGINT NOT NULL,
  target_id TEXT COLLATE "C",
  body TEXT COLLATE "C" NOT NULL,
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (record_id, seq)
);
CREATE INDEX journal_target ON journal(target_id) WHERE target_id IS NOT NULL;
CREATE TRIGGER journal_never_updated BEFORE UPDATE ON journal
  FOR EACH ROW EXECUTE FUNCTION refuse_change('journal items are never changed; record a correction instead');
CREATE TRIGGER journal_never_deleted BEFORE DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION refuse_change('journal items are never deleted');
CREATE TRIGGER journal_never_truncated BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('journal items are never deleted');

CREATE TABLE journal_heads (
  record_id TEXT COLLATE "C" PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);

-- Decisions awaiting review (ENT-05) and actions agreed at contacts (ENT-07). A correction
-- supersedes the row of the entry it corrects.
CREATE TABLE decisions (
  item_id TEXT COLLATE "C" PRIMARY KEY,
  record_id TEXT COLLATE "C" NOT NULL,
  decided_by TEXT COLLATE "C" NOT NULL,
  summary TEXT COLLATE "C" NOT NULL,
  review_date TEXT COLLATE "C" NOT NULL,
  superseded_by TEXT COLLATE "C"
);
CREATE INDEX decisions_review ON decisions(review_date) WHERE superseded_by IS NULL;
CREATE INDEX decisions_record ON decisions(record_id);

CREATE TABLE actions (
  id TEXT COLLATE "C" PRIMARY KEY,
  item_id TEXT COLLATE "C" NOT NULL,
  record_id TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C" NOT NULL,
  responsible TEXT COLLATE "C" NOT NULL,
  due_date TEXT COLLATE "C" NOT NULL,
  superseded_by TEXT COLLATE "C"
);
CREATE INDEX actions_record ON actions(record_id);
CREATE INDEX actions_due ON actions(due_date) WHERE superseded_by IS NULL;

-- Entries written on someone's behalf, awaiting or bearing their countersignature (ENT-04).
CREATE TABLE countersignatures (
  item_id TEXT COLLATE "C" PRIMARY KEY,
  record_id TEXT COLLATE "C" NOT NULL,
  provider_user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  signed_item_id TEXT COLLATE "C"
);
CREATE INDEX countersignatures_provider ON countersignatures(provider_user_id) WHERE signed_item_id IS NULL;

-- Who looked at or changed what: append-only and hash-chained like the journal. Each chain
-- is written by one connection at a time, so chains never contend.
CREATE TABLE access_log (
  chain TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  at TEXT COLLATE "C" NOT NULL,
  user_id TEXT COLLATE "C",
  username TEXT COLLATE "C" NOT NULL,
  client_address TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,
  record_id TEXT COLLATE "C",
  outcome TEXT COLLATE "C" NOT NULL,
  basis TEXT COLLATE "C" NOT NULL,
  detail TEXT COLLATE "C" NOT NULL,
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (chain, seq)
);
CREATE INDEX access_log_record ON access_log(record_id, at) WHERE record_id IS NOT NULL;
CREATE INDEX access_log_user ON access_log(user_id, at);
CREATE TRIGGER access_log_never_updated BEFORE UPDATE ON access_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('the access log is never changed');
CREATE TRIGGER access_log_never_deleted BEFORE DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('the access log is never deleted');
CREATE TRIGGER access_log_never_truncated BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the access log is never deleted');

CREATE TABLE access_log_heads (
  chain TEXT COLLATE "C" PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);
