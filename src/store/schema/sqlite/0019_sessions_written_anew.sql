-- A session or user written anew under an id already used, rather than changed in place
-- (deleted and inserted again, or INSERT OR REPLACE, whose deletion fires no trigger), is a
-- change like any other to a kept session (migration 0017). A session row starts from a
-- version drawn at random, which no server can have kept for the row it replaces (counting
-- from 0, the version would come back to the one kept while the session was never changed);
-- a user row inserted moves the versions of the sessions already naming it.
CREATE TRIGGER sessions_version_inserted AFTER INSERT ON sessions
BEGIN
  UPDATE sessions SET version = abs(random() % 4611686018427387904) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER users_sessions_version_inserted AFTER INSERT ON users
BEGIN
  UPDATE sessions SET version = version + 1 WHERE user_id = NEW.id;
END;
