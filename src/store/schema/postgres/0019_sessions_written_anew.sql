-- A session or user written anew under an id already used, rather than changed in place
-- (deleted and inserted again in one transaction), is a change like any other to a kept
-- session (migration 0017). A session row starts from a version drawn at random, which no
-- server can have kept for the row it replaces (counting from 0, the version would come back to
-- the one kept while the session was never changed); a user row inserted moves the versions of
-- the sessions already naming it (as SQLite's twin does for INSERT OR REPLACE).
CREATE FUNCTION sessions_version_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := floor(random() * 4611686018427387904)::bigint;
  RETURN NEW;
END;
$$;

CREATE TRIGGER sessions_version_inserted BEFORE INSERT ON sessions
  FOR EACH ROW EXECUTE FUNCTION sessions_version_inserted();

CREATE FUNCTION users_sessions_version_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sessions SET version = version + 1 WHERE user_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_sessions_version_inserted AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION users_sessions_version_inserted();
