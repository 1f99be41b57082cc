-- Name search reads person_name_words alone (migration 0015); the full-text and trigram
-- indexes of names, which nothing reads any more, go, and with them the generated column that
-- held each name's words for the first. (Migration 0001 still creates the pg_trgm extension.)
DROP INDEX person_names_trigrams;
DROP INDEX person_names_search;
ALTER TABLE person_names DROP COLUMN search_words;
