-- Version 5: managers' decisions on the cases the bulk case review flags.

CREATE TABLE review_outcomes (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  referral_id {INT} REFERENCES referrals (id),
  reviewer_id {INT} REFERENCES workers (id),
  review_date {DATE} NOT NULL,
  rules TEXT,
  outcome TEXT NOT NULL,
  notes TEXT
){STRICT};
CREATE INDEX review_outcomes_child_id ON review_outcomes (child_id);
CREATE INDEX review_outcomes_referral_id ON review_outcomes (referral_id);
CREATE INDEX review_outcomes_reviewer_id ON review_outcomes (reviewer_id);
