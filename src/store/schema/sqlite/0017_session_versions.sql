-- A version for each session, moved on by every committed change to the session or to its
-- user, so that a server keeping a session between requests (app/kept_sessions.h) can tell,
-- with one look-up in the snapshot its request reads, that the session and user it kept still
-- hold, whoever changed them (this server, another one on the same file, casework user, a tool).
-- Activity alone (last_seen_at moving on) does not move it: a kept session is used only while
-- its own last_seen_at is recent, and time-outs are reckoned from that, which can only be
-- earlier than the one stored. last_seen_at moved back does move it.
ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER sessions_version AFTER UPDATE ON sessions
WHEN NEW.token_hash IS NOT OLD.token_hash OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id
  OR NEW.csrf_token IS NOT OLD.csrf_token OR NEW.created_at IS NOT OLD.created_at
  OR NEW.ended_at IS NOT OLD.ended_at OR NEW.ended_reason IS NOT OLD.ended_reason
  OR NEW.client_address IS NOT OLD.client_address OR NEW.user_agent IS NOT OLD.user_agent
  OR NEW.last_seen_at < OLD.last_seen_at OR NEW.version < OLD.version
BEGIN
  UPDATE sessions SET version = max(OLD.version, NEW.version) + 1 WHERE rowid = NEW.rowid;
END;

-- Any change to a user, or the user deleted, moves the versions of all their sessions.
CREATE TRIGGER users_sessions_version AFTER UPDATE ON users
BEGIN
  UPDATE sessions SET version = version + 1 WHERE user_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER users_sessions_version_deleted AFTER DELETE ON users
BEGIN
  UPDATE sessions SET version = version + 1 WHERE user_id = OLD.id;
END;
