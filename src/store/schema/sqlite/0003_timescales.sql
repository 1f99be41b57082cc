-- Clocks on a child's record (TIM-03..05): the current state of each timescale, beside the
-- journal items that started, stopped, shortened and extended it. One row per occurrence of a
-- repeating timescale; series_id ties the occurrences together. `due` is the governing date
-- (extended, else the earlier of statutory and shortened); statutory_due is kept for reports.
CREATE TABLE clocks (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  definition TEXT NOT NULL,
  name TEXT NOT NULL,
  series_id TEXT NOT NULL,
  occurrence INTEGER NOT NULL,
  series_began_on TEXT NOT NULL,
  started_on TEXT NOT NULL,
  statutory_due TEXT NOT NULL,
  shortened_due TEXT,
  shortened_reason TEXT,
  extended_due TEXT,
  due TEXT NOT NULL,
  status TEXT NOT NULL,
  stopped_on TEXT,
  version INTEGER NOT NULL
);
CREATE INDEX clocks_by_person ON clocks (person_id, status, definition);
CREATE INDEX clocks_open_by_due ON clocks (status, due);

-- TIM-04: a request to extend a clock, the consultations with other agencies' managers, and
-- the decision of a manager of the allocated team.
CREATE TABLE clock_extensions (
  id TEXT PRIMARY KEY,
  clock_id TEXT NOT NULL REFERENCES clocks(id),
  requested_by TEXT NOT NULL REFERENCES users(id),
  requested_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  proposed_due TEXT NOT NULL,
  agencies TEXT NOT NULL,
  status TEXT NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at TEXT,
  decision_reason TEXT
);
CREATE INDEX clock_extensions_by_clock ON clock_extensions (clock_id);

CREATE TABLE clock_consultations (
  id TEXT PRIMARY KEY,
  extension_id TEXT NOT NULL REFERENCES clock_extensions(id),
  agency TEXT NOT NULL,
  manager_name TEXT NOT NULL,
  consulted_at TEXT NOT NULL,
  view TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX clock_consultations_by_extension ON clock_consultations (extension_id);
