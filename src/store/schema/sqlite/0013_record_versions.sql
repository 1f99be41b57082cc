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
  person_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER persons_record_version_insert AFTER INSERT ON persons BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.id AS id
    UNION SELECT related_person_id FROM relationships WHERE child_id = NEW.id
    UNION SELECT child_id FROM relationships WHERE related_person_id = NEW.id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER persons_record_version_update AFTER UPDATE ON persons BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.id AS id
    UNION SELECT OLD.id
    UNION SELECT related_person_id FROM relationships WHERE child_id = NEW.id
    UNION SELECT child_id FROM relationships WHERE related_person_id = NEW.id
    UNION SELECT related_person_id FROM relationships WHERE child_id = OLD.id
    UNION SELECT child_id FROM relationships WHERE related_person_id = OLD.id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER persons_record_version_delete AFTER DELETE ON persons BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.id AS id
    UNION SELECT related_person_id FROM relationships WHERE child_id = OLD.id
    UNION SELECT child_id FROM relationships WHERE related_person_id = OLD.id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER case_records_record_version_insert AFTER INSERT ON case_records BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT related_person_id FROM relationships WHERE child_id = NEW.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = NEW.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER case_records_record_version_update AFTER UPDATE ON case_records BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT OLD.person_id
    UNION SELECT related_person_id FROM relationships WHERE child_id = NEW.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = NEW.person_id
    UNION SELECT related_person_id FROM relationships WHERE child_id = OLD.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER case_records_record_version_delete AFTER DELETE ON case_records BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.person_id AS id
    UNION SELECT related_person_id FROM relationships WHERE child_id = OLD.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER addresses_record_version_insert AFTER INSERT ON addresses BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT related_person_id FROM relationships WHERE child_id = NEW.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = NEW.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER addresses_record_version_update AFTER UPDATE ON addresses BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT OLD.person_id
    UNION SELECT related_person_id FROM relationships WHERE child_id = NEW.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = NEW.person_id
    UNION SELECT related_person_id FROM relationships WHERE child_id = OLD.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER addresses_record_version_delete AFTER DELETE ON addresses BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.person_id AS id
    UNION SELECT related_person_id FROM relationships WHERE child_id = OLD.person_id
    UNION SELECT child_id FROM relationships WHERE related_person_id = OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_identifiers_record_version_insert AFTER INSERT ON person_identifiers BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_identifiers_record_version_update AFTER UPDATE ON person_identifiers BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_identifiers_record_version_delete AFTER DELETE ON person_identifiers BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_not_known_record_version_insert AFTER INSERT ON person_not_known BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_not_known_record_version_update AFTER UPDATE ON person_not_known BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_not_known_record_version_delete AFTER DELETE ON person_not_known BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_names_record_version_insert AFTER INSERT ON person_names BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_names_record_version_update AFTER UPDATE ON person_names BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER person_names_record_version_delete AFTER DELETE ON person_names BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER clocks_record_version_insert AFTER INSERT ON clocks BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER clocks_record_version_update AFTER UPDATE ON clocks BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.person_id AS id
    UNION SELECT OLD.person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER clocks_record_version_delete AFTER DELETE ON clocks BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.person_id AS id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER relationships_record_version_insert AFTER INSERT ON relationships BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.child_id AS id
    UNION SELECT NEW.related_person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER relationships_record_version_update AFTER UPDATE ON relationships BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT NEW.child_id AS id
    UNION SELECT NEW.related_person_id
    UNION SELECT OLD.child_id
    UNION SELECT OLD.related_person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER relationships_record_version_delete AFTER DELETE ON relationships BEGIN
  INSERT INTO record_versions (person_id, version)
  SELECT id, 1 FROM (
    SELECT OLD.child_id AS id
    UNION SELECT OLD.related_person_id) WHERE id IS NOT NULL
  ON CONFLICT (person_id) DO UPDATE SET version = version + 1;
END;
