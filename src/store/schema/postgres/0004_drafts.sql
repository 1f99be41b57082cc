-- Work a user has typed into a form but not yet recorded, kept on the server as they type, so
-- an automatic log out or a closed browser loses nothing. Private to the user; never part of
-- a child's record until the user records it.
CREATE TABLE drafts (
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  draft_key TEXT COLLATE "C" NOT NULL,
  record_id TEXT COLLATE "C" REFERENCES persons(id) DEFERRABLE,
  content TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, draft_key)
);
