-- A user's break-glass on a record is read, latest expiry first, on every look at a child's
-- record by someone it is not allocated to (auditors, records officers, partners, others).
-- With the expiry in the index the rows come in that order; without it, each read set up a sort
-- for them, even when there were none to sort, which cost more than the rest of the read.
DROP INDEX break_glass_record_user;
CREATE INDEX break_glass_record_user ON break_glass(record_id, user_id, expires_at);
