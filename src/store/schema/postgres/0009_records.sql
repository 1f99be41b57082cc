-- Consent to share a person's information, per purpose (SHR-01). A decision is never changed:
-- a later one for the same purpose (matched on purpose_key) takes its place in force. Each row
-- is written with the journal item that records it.
CREATE TABLE consents (
  id TEXT COLLATE "C" PRIMARY KEY,
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  purpose TEXT COLLATE "C" NOT NULL,
  purpose_key TEXT COLLATE "C" NOT NULL,
  decision TEXT COLLATE "C" NOT NULL CHECK (decision IN ('given', 'refused', 'withdrawn')),
  decided_on TEXT COLLATE "C" NOT NULL,
  decided_by TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C" NOT NULL,
  recorded_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  recorded_by_name TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  item_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX consents_person ON consents(person_id, purpose_key);

-- Every disclosure of a person's information outside Casework (SHR-03), with its lawful
-- basis: the consent relied on, or the justification for sharing without it (SHR-02).
CREATE TABLE disclosures (
  id TEXT COLLATE "C" PRIMARY KEY,
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE,
  information TEXT COLLATE "C" NOT NULL,
  recipient TEXT COLLATE "C" NOT NULL,
  recipient_agency TEXT COLLATE "C" NOT NULL,
  disclosed_on TEXT COLLATE "C" NOT NULL,
  purpose TEXT COLLATE "C" NOT NULL,
  lawful_basis TEXT COLLATE "C" NOT NULL
    CHECK (lawful_basis IN ('consent', 'significant_harm', 'public_interest', 'legal_duty')),
  consent_id TEXT COLLATE "C" REFERENCES consents(id) DEFERRABLE,
  necessary TEXT COLLATE "C" NOT NULL,
  proportionate TEXT COLLATE "C" NOT NULL,
  decided_by TEXT COLLATE "C" NOT NULL,
  recorded_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE,
  recorded_by_name TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  item_id TEXT COLLATE "C" NOT NULL,
  CHECK ((lawful_basis = 'consent') = (consent_id IS NOT NULL))
);
CREATE INDEX disclosures_person ON disclosures(person_id, disclosed_on);

-- Consent decisions and disclosures are history: the database refuses changing them, as it
-- does for the journal.
CREATE TRIGGER consents_never_updated BEFORE UPDATE ON consents
  FOR EACH ROW EXECUTE FUNCTION refuse_change('consent decisions are never changed; record a new one');
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION refuse_change('consent decisions are never deleted');
CREATE TRIGGER disclosures_never_updated BEFORE UPDATE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION refuse_change('disclosures are never changed');
CREATE TRIGGER disclosures_never_deleted BEFORE DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION refuse_change('disclosures are never deleted');
