-- Clocks on a child's record (TIM-03..05): the current state of each timescale, beside the
-- journal items that started, stopped, shortened and extended it. One row per occurrence of a
-- repeating timescale; series_id ties the occurrences together. `due` is the governing date
-- (extended, else the earlier of statutory and shortened); statutory_due is kept for reports.
CREATE TABLE clocks (
  id TEXT COLLATE "C" PRIMARY KEY,
  person_id TEXT COLLATE "C" NOT NULL REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
  definition TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  series_id TEXT COLLATE "C" NOT NULL,
  occurrence BIGINT NOT NULL,
  series_began_on TEXT COLLATE "C" NOT NULL,
  started_on TEXT COLLATE "C" NOT NULL,
  statutory_due TEXT COLLATE "C" NOT NULL,
  shortened_due TEXT COLLATE "C",
  shortened_reason TEXT COLLATE "C",
  extended_due TEXT COLLATE "C",
  due TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  stopped_on TEXT COLLATE "C",
  version BIGINT NOT NULL
);
CREATE INDEX clocks_by_person ON clocks (person_id, status, definition);
CREATE INDEX clocks_open_by_due ON clocks (status, due);

-- TIM-04: a request to extend a clock, the consultations with other agencies' managers, and
-- the decision of a manager of the allocated team.
CREATE TABLE clock_extensions (
  id TEXT COLLATE "C" PRIMARY KEY,
  clock_id TEXT COLLATE "C" NOT NULL REFERENCES clocks(id) DEFERRABLE INITIALLY DEFERRED,
  requested_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  requested_at TEXT COLLATE "C" NOT NULL,
  reason TEXT COLLATE "C" NOT NULL,
  proposed_due TEXT COLLATE "C" NOT NULL,
  agencies TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  decided_by TEXT COLLATE "C" REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  decided_at TEXT COLLATE "C",
  decision_reason TEXT COLLATE "C"
);
CREATE INDEX clock_extensions_by_clock ON clock_extensions (clock_id);

CREATE TABLE clock_consultations (
  id TEXT COLLATE "C" PRIMARY KEY,
  extension_id TEXT COLLATE "C" NOT NULL REFERENCES clock_extensions(id) DEFERRABLE INITIALLY DEFERRED,
  agency TEXT COLLATE "C" NOT NULL,
  manager_name TEXT COLLATE "C" NOT NULL,
  consulted_at TEXT COLLATE "C" NOT NULL,
  view TEXT COLLATE "C" NOT NULL,
  recorded_by TEXT COLLATE "C" NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX clock_consultations_by_extension ON clock_consultations (extension_id);
