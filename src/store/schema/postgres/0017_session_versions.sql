-- A version for each session, moved on by every committed change to the session or to its
-- user, so that a server keeping a session between requests (app/kept_sessions.h) can tell,
-- with one look-up in the snapshot its request reads, that the session and user it kept still
-- hold, whoever changed them (this server, another server on the same database, casework user,
-- a tool). Activity alone (last_seen_at moving on) does not move it: a kept session is used only
-- while its own last_seen_at is recent, and time-outs are reckoned from that, which can only be
-- earlier than the one stored. last_seen_at moved back does move it.
ALTER TABLE sessions ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION sessions_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.token_hash, NEW.id, NEW.user_id, NEW.csrf_token, NEW.created_at, NEW.ended_at, NEW.ended_reason,
      NEW.client_address, NEW.user_agent) IS DISTINCT FROM
     (OLD.token_hash, OLD.id, OLD.user_id, OLD.csrf_token, OLD.created_at, OLD.ended_at, OLD.ended_reason,
      OLD.client_address, OLD.user_agent)
     OR NEW.last_seen_at < OLD.last_seen_at OR NEW.version < OLD.version
  THEN
    NEW.version := greatest(OLD.version, NEW.version) + 1;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER sessions_version BEFORE UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION sessions_version();

-- Any change to a user, or the user deleted, moves the versions of all their sessions.
CREATE FUNCTION users_sessions_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE sessions SET version = version + 1 WHERE user_id = OLD.id;
  ELSE
    UPDATE sessions SET version = version + 1 WHERE user_id IN (OLD.id, NEW.id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_sessions_version AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION users_sessions_version();
