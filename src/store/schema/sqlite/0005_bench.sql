-- The chronology of significant events (CHR-01): a row for each entry marked significant or
-- written by a partner agency, copied from its journal item (which never changes), so that a
-- child's chronology is read in event order from one index instead of by reading and parsing
-- every item of the record. A correction supersedes the row of the entry it corrects.
CREATE TABLE chronology (
  item_id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  late INTEGER NOT NULL,
  summary TEXT NOT NULL,
  agency TEXT NOT NULL,
  author_user_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_post_title TEXT NOT NULL,
  superseded_by TEXT
);
CREATE INDEX chronology_record ON chronology(record_id, occurred_at, item_id) WHERE superseded_by IS NULL;

INSERT INTO chronology (item_id, record_id, seq, kind, occurred_at, recorded_at, late, summary, agency,
                        author_user_id, author_name, author_post_title)
SELECT j.id, j.record_id, j.seq, j.kind, j.occurred_at, j.recorded_at, j.late,
       COALESCE(NULLIF(json_extract(j.body, '$.title'), ''), substr(json_extract(j.body, '$.text'), 1, 200)),
       COALESCE(u.agency, ''), j.author_user_id, j.author_name, j.author_post_title
FROM journal j LEFT JOIN users u ON u.id = j.author_user_id
WHERE j.kind IN ('entry.case_note', 'entry.contact', 'entry.visit', 'entry.decision')
  AND (json_extract(j.body, '$.significant') = 1 OR u.role = 'partner_practitioner');
UPDATE chronology SET superseded_by = (
  SELECT j.id FROM journal j WHERE j.target_id = chronology.item_id AND j.kind <> 'entry.countersigned' LIMIT 1);
