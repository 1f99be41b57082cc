-- Consent to share a person's information, per purpose (SHR-01). A decision is never changed:
-- a later one for the same purpose (matched on purpose_key) takes its place in force. Each row
-- is written with the journal item that records it.
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  purpose TEXT NOT NULL,
  purpose_key TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('given', 'refused', 'withdrawn')),
  decided_on TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_by_name TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  item_id TEXT NOT NULL
);
CREATE INDEX consents_person ON consents(person_id, purpose_key);

-- Every disclosure of a person's information outside Casework (SHR-03), with its lawful
-- basis: the consent relied on, or the justification for sharing without it (SHR-02).
CREATE TABLE disclosures (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  information TEXT NOT NULL,
  recipient TEXT NOT NULL,
  recipient_agency TEXT NOT NULL,
  disclosed_on TEXT NOT NULL,
  purpose TEXT NOT NULL,
  lawful_basis TEXT NOT NULL
    CHECK (lawful_basis IN ('consent', 'significant_harm', 'public_interest', 'legal_duty')),
  consent_id TEXT REFERENCES consents(id),
  necessary TEXT NOT NULL,
  proportionate TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_by_name TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  item_id TEXT NOT NULL,
  CHECK ((lawful_basis = 'consent') = (consent_id IS NOT NULL))
);
CREATE INDEX disclosures_person ON disclosures(person_id, disclosed_on);

-- Consent decisions and disclosures are history: the database refuses changing them, as it
-- does for the journal.
CREATE TRIGGER consents_never_updated BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'consent decisions are never changed; record a new one'); END;
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consent decisions are never deleted'); END;
CREATE TRIGGER disclosures_never_updated BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE(ABORT, 'disclosures are never changed'); END;
CREATE TRIGGER disclosures_never_deleted BEFORE DELETE ON disclosures
BEGIN SELECT RAISE(ABORT, 'disclosures are never deleted'); END;
