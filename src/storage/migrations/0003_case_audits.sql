-- Version 3: case file audits (the quality indicators of the scorecard read them).

CREATE TABLE case_audits (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  worker_id {INT} REFERENCES workers (id),
  auditor_id {INT} NOT NULL REFERENCES workers (id),
  audit_date {DATE} NOT NULL,
  theme TEXT,
  grade TEXT NOT NULL,
  findings TEXT
){STRICT};
CREATE INDEX case_audits_child_id ON case_audits (child_id);
CREATE INDEX case_audits_worker_id ON case_audits (worker_id);
CREATE INDEX case_audits_auditor_id ON case_audits (auditor_id);
