-- Name search reads person_name_words alone (migration 0015); the full-text index of names,
-- which nothing reads any more, goes, and with it the triggers that kept it on every name
-- written.
DROP TRIGGER person_names_search_insert;
DROP TRIGGER person_names_search_delete;
DROP TRIGGER person_names_search_update;
DROP TABLE person_names_search;
