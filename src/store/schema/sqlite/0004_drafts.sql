-- Work a user has typed into a form but not yet recorded, kept on the server as they type, so
-- an automatic log out or a closed browser loses nothing. Private to the user; never part of
-- a child's record until the user records it.
CREATE TABLE drafts (
  user_id TEXT NOT NULL REFERENCES users(id),
  draft_key TEXT NOT NULL,
  record_id TEXT REFERENCES persons(id),
  content TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, draft_key)
);
