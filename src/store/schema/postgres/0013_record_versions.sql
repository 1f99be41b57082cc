-- A version for each person's record summary, moved on by every committed change to what the
-- summary shows, so that a server may keep summaries it has assembled and know, with one look-up
-- in the snapshot it reads, whether one still holds (app/record_cache.h). The triggers below
-- move it for any change to these tables, whoever makes it (this server, another process, a
-- tool): the person's own details, identifiers, details not known, addresses, names, case
-- record, clocks and relationships; and, because a summary shows each relative's name, date of
-- birth, NHS number, council reference and current postcode, a change to a relative's details,
-- case record or address moves the version of everyone related to them. A person with no row
-- has version 0; a change makes the row with version 1.
CREATE TABLE record_versions (
  person_id TEXT COLLATE "C" PRIMARY KEY,
  version BIGINT NOT NULL
);

-- Moves the versions of the persons given, and with relatives, of everyone related to them.
CREATE FUNCTION bump_record_versions(ids TEXT[], relatives BOOLEAN) RETURNS void LANGUAGE sql AS $$
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT unnest(ids) COLLATE "C" AS id
    UNION SELECT r.related_person_id FROM relationships r WHERE relatives AND r.child_id = ANY(ids)
    UNION SELECT r.child_id FROM relationships r WHERE relatives AND r.related_person_id = ANY(ids)) changed
  WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = record_versions.version + 1
$$;

-- The trigger on each table: its first argument says whether relatives' versions move too, the
-- rest name the columns holding person ids. casework migrate turns it off while it copies a
-- whole SQLite file into an empty database (record_versions is copied with the rest).
CREATE FUNCTION record_versions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[] := '{}';
BEGIN
  IF current_setting('casework.copying', true) = 'on' THEN
    RETURN NULL;
  END IF;
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    IF TG_OP <> 'DELETE' THEN
      ids := ids || (to_jsonb(NEW) ->> TG_ARGV[i]);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      ids := ids || (to_jsonb(OLD) ->> TG_ARGV[i]);
    END IF;
  END LOOP;
  PERFORM bump_record_versions(ids, TG_ARGV[0]::BOOLEAN);
  RETURN NULL;
END;
$$;

CREATE TRIGGER persons_record_version AFTER INSERT OR UPDATE OR DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('true', 'id');
CREATE TRIGGER case_records_record_version AFTER INSERT OR UPDATE OR DELETE ON case_records
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('true', 'person_id');
CREATE TRIGGER addresses_record_version AFTER INSERT OR UPDATE OR DELETE ON addresses
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('true', 'person_id');
CREATE TRIGGER person_identifiers_record_version AFTER INSERT OR UPDATE OR DELETE ON person_identifiers
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('false', 'person_id');
CREATE TRIGGER person_not_known_record_version AFTER INSERT OR UPDATE OR DELETE ON person_not_known
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('false', 'person_id');
CREATE TRIGGER person_names_record_version AFTER INSERT OR UPDATE OR DELETE ON person_names
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('false', 'person_id');
CREATE TRIGGER clocks_record_version AFTER INSERT OR UPDATE OR DELETE ON clocks
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('false', 'person_id');
CREATE TRIGGER relationships_record_version AFTER INSERT OR UPDATE OR DELETE ON relationships
  FOR EACH ROW EXECUTE FUNCTION record_versions_changed('false', 'child_id', 'related_person_id');
