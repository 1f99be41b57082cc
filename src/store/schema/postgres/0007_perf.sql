-- Name search in the order results are shown (REC-04). Each word of each name a person is
-- known by, with the person's display name beside it, so that the first page of people whose
-- name has a word "smith" is read in display order straight from this table's key and the
-- search stops there, however many Smiths the service knows. A prefix ("smi") is answered by
-- merging the ordered runs of the few whole words it begins. Kept by PersonRepo whenever a
-- name or a display name is written.
CREATE TABLE person_name_words (
  word TEXT COLLATE "C" NOT NULL,
  display_name TEXT COLLATE "C" NOT NULL,
  person_id TEXT COLLATE "C" NOT NULL,
  kind_rank BIGINT NOT NULL,  -- 0 for the name in use, 1 for earlier names and aliases
  name_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (word, display_name, person_id, kind_rank, name_id)
);
-- The other words of a multi-word query are checked name by name.
CREATE INDEX person_name_words_name ON person_name_words(name_id, word);

-- Folded names keep other scripts' letters as written; their words are lower-cased with
-- ICU's rules, as Casework folds them now.
INSERT INTO person_name_words (word, display_name, person_id, kind_rank, name_id)
SELECT DISTINCT w.word, p.display_name, p.id, CASE n.kind WHEN 'current' THEN 0 ELSE 1 END, n.id
FROM person_names n
JOIN persons p ON p.id = n.person_id
CROSS JOIN LATERAL regexp_split_to_table(lower(n.name_key COLLATE "und-x-icu"), ' +') AS w(word)
WHERE w.word <> '';
