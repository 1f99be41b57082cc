-- The chronology of significant events (CHR-01): a row for each entry marked significant or
-- written by a partner agency, copied from its journal item (which never changes), so that a
-- child's chronology is read in event order from one index instead of by reading and parsing
-- every item of the record. A correction supersedes the row of the entry it corrects.
CREATE TABLE chronology (
  item_id TEXT COLLATE "C" PRIMARY KEY,
  record_id TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  occurred_at TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  late BIGINT NOT NULL,
  summary TEXT COLLATE "C" NOT NULL,
  agency TEXT COLLATE "C" NOT NULL,
  author_user_id TEXT COLLATE "C" NOT NULL,
  author_name TEXT COLLATE "C" NOT NULL,
  author_post_title TEXT COLLATE "C" NOT NULL,
  superseded_by TEXT COLLATE "C"
);
CREATE INDEX chronology_record ON chronology(record_id, occurred_at, item_id) WHERE superseded_by IS NULL;

INSERT INTO chronology (item_id, record_id, seq, kind, occurred_at, recorded_at, late, summary, agency,
                        author_user_id, author_name, author_post_title)
SELECT j.id, j.record_id, j.seq, j.kind, j.occurred_at, j.recorded_at, j.late,
       COALESCE(NULLIF(j.body::jsonb ->> 'title', ''), substr(j.body::jsonb ->> 'text', 1, 200)),
       COALESCE(u.agency, ''), j.author_user_id, j.author_name, j.author_post_title
FROM journal j LEFT JOIN users u ON u.id = j.author_user_id
WHERE j.kind IN ('entry.case_note', 'entry.contact', 'entry.visit', 'entry.decision')
  AND ((j.body::jsonb ->> 'significant') = 'true' OR u.role = 'partner_practitioner');
UPDATE chronology SET superseded_by = (
  SELECT j.id FROM journal j WHERE j.target_id = chronology.item_id AND j.kind <> 'entry.countersigned' LIMIT 1);
