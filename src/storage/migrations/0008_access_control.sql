-- Version 8: who may see a child beyond the legitimate relationship (issue 9): the people named
-- on a restricted record, and break-glass looks with their reason and a manager's review.

CREATE TABLE restricted_access (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  user_id {INT} NOT NULL REFERENCES users (id),
  reason TEXT,
  end_date {DATE}
){STRICT};
CREATE INDEX restricted_access_child_id ON restricted_access (child_id);

CREATE TABLE break_glass (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  user_id {INT} NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  expires_at {TS} NOT NULL,
  reviewed_by {INT} REFERENCES users (id),
  review_date {DATE},
  review_outcome TEXT,
  review_notes TEXT
){STRICT};
CREATE INDEX break_glass_child_id ON break_glass (child_id);
CREATE INDEX break_glass_user_id ON break_glass (user_id);
