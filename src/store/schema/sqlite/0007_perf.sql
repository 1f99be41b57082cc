-- Name search in the order results are shown (REC-04). Each word of each name a person is
-- known by, with the person's display name beside it, so that the first page of people whose
-- name has a word "smith" is read in display order straight from this table's key and the
-- search stops there, however many Smiths the service knows. A prefix ("smi") is answered by
-- merging the ordered runs of the few whole words it begins. Kept by PersonRepo whenever a
-- name or a display name is written.
CREATE TABLE person_name_words (
  word TEXT NOT NULL,
  display_name TEXT NOT NULL,
  person_id TEXT NOT NULL,
  kind_rank INTEGER NOT NULL,  -- 0 for the name in use, 1 for earlier names and aliases
  name_id TEXT NOT NULL,
  PRIMARY KEY (word, display_name, person_id, kind_rank, name_id)
) WITHOUT ROWID;
-- The other words of a multi-word query are checked name by name.
CREATE INDEX person_name_words_name ON person_name_words(name_id, word);

-- The words as the full-text index already holds them: folded the same way, case folded in
-- every script.
CREATE VIRTUAL TABLE temp.person_names_terms USING fts5vocab(main, 'person_names_search', 'instance');
INSERT OR IGNORE INTO person_name_words (word, display_name, person_id, kind_rank, name_id)
SELECT t.term, p.display_name, p.id, CASE n.kind WHEN 'current' THEN 0 ELSE 1 END, n.id
FROM temp.person_names_terms t
JOIN person_names n ON n.rowid = t.doc
JOIN persons p ON p.id = n.person_id;
DROP TABLE temp.person_names_terms;
