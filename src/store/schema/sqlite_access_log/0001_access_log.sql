-- The access log file: on SQLite, the access log lines written in a unit of work of their own
-- (reads of records, searches, reports, refusals) are kept here, beside the main database,
-- so that committing one does not make every reader of the main file empty its page cache.
-- The table is the main database's access_log, which still holds the lines written in the
-- same transaction as a change; the chains here never share a name with the main file's.
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
