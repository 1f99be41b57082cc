-- Name search reads one run of this table and nothing else (REC-05). Each row is a word of a
-- name a person is known by, keyed in the order results are shown, and carries what a result
-- shows and what a search filters by: the name's other words, the name as written, the date of
-- birth, NHS number, council reference, current postcode, whether unborn and whether the
-- record is restricted. A page of results is then a few neighbouring pages of this table,
-- instead of a page of keys followed by each result's person, name, case record and address
-- from wherever they lie in the file (at national scale, the disk). Kept by the repositories
-- in the same transaction as every write that changes what a row holds (PersonRepo for names,
-- details and addresses, CaseRecordRepo for the reference, RecordAccessRepo for restriction),
-- and filled once, in key order, at the end of a bulk load (BulkNameIndex).
CREATE TABLE person_search_words (
  word TEXT NOT NULL,
  display_name TEXT NOT NULL,
  person_id TEXT NOT NULL,
  kind_rank INTEGER NOT NULL,  -- 0 for the name in use, 1 for earlier names and aliases
  name_id TEXT NOT NULL,
  name_words TEXT NOT NULL,    -- every word of this name, separated by single spaces
  name TEXT NOT NULL,          -- given names and family name, shown when not the name in use
  date_of_birth TEXT,
  nhs_number TEXT,
  council_reference TEXT,
  postcode TEXT,
  unborn INTEGER NOT NULL,
  restricted INTEGER NOT NULL,
  PRIMARY KEY (word, display_name, person_id, kind_rank, name_id)
) WITHOUT ROWID;

INSERT INTO person_search_words
SELECT w.word, w.display_name, w.person_id, w.kind_rank, w.name_id,
       (SELECT group_concat(o.word, ' ') FROM person_name_words o WHERE o.name_id = w.name_id),
       n.given_names || ' ' || n.family_name, p.date_of_birth, p.nhs_number, r.council_reference,
       (SELECT a.postcode FROM addresses a WHERE a.person_id = p.id AND a.current = 1 LIMIT 1),
       p.unborn, COALESCE(r.restricted, 0)
FROM person_name_words w
JOIN person_names n ON n.id = w.name_id
JOIN persons p ON p.id = w.person_id
LEFT JOIN case_records r ON r.person_id = p.id
ORDER BY w.word, w.display_name, w.person_id, w.kind_rank, w.name_id;

DROP TABLE person_name_words;
ALTER TABLE person_search_words RENAME TO person_name_words;
-- A person's rows, rewritten when their details, address or record change.
CREATE INDEX person_name_words_person ON person_name_words(person_id);
