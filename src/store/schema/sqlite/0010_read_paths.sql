-- The service's due clocks (TIM-03), read in the order they are listed: the open clocks by
-- (due, id), with every column the list shows, so that the first 2,000 due are read from this
-- index alone and in order, with no sort and no look-up of each clock's row. Only open clocks
-- are in it: a few thousand at council scale against hundreds of thousands met or stopped.
-- It replaces the index on (status, due), which left the page to be sorted by id.
DROP INDEX clocks_open_by_due;
CREATE INDEX clocks_open_due ON clocks (
  due, id, status, person_id, definition, name, series_id, occurrence, series_began_on, started_on, statutory_due,
  shortened_due, shortened_reason, extended_due, stopped_on, version
) WHERE status = 'open';
