-- Raises an error with the message given. For a statement that checks a condition as it runs
-- and must fail, not quietly change nothing, when the condition does not hold: a writer
-- appending to its access log chain with the head it remembers instead of reading it back
-- (AccessLogRepo::Insert) fails this way if the head has moved.
CREATE FUNCTION fail_with(message TEXT) RETURNS BIGINT LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', message;
END;
$$;
