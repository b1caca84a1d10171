-- Version 7: the access log (issue 9): who read or changed which part of a child's record, when,
-- and why for a break-glass look. Append-only (the engine refuses UPDATE and DELETE) and
-- hash-chained (each entry's hash covers the previous one's): see storage/store.h.

CREATE TABLE access_log (
  id {INT} PRIMARY KEY,
  at {TS} NOT NULL,
  user_id {INT} NOT NULL REFERENCES users (id),
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id {INT},
  child_id {INT},
  reason TEXT,
  request TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
){STRICT};
CREATE INDEX access_log_child_id ON access_log (child_id, id);
CREATE INDEX access_log_user_id ON access_log (user_id, id);

{SQLITE}
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'the access log is append-only');
END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'the access log is append-only');
END;
{/SQLITE}
{PG}
CREATE FUNCTION access_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
{/PG}
