-- Version 6: the quality and improvement work (issue 8). Audit templates and the grades,
-- moderation, re-audits and actions of case file audits; improvement plans with their
-- workstreams, projects and actions, measures and their values, and risks.

CREATE TABLE audit_templates (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  themes TEXT NOT NULL,
  active {INT}
){STRICT};

ALTER TABLE case_audits ADD COLUMN template_id {INT} REFERENCES audit_templates (id);
ALTER TABLE case_audits ADD COLUMN moderates_id {INT} REFERENCES case_audits (id);
ALTER TABLE case_audits ADD COLUMN reaudit_of_id {INT} REFERENCES case_audits (id);
CREATE INDEX case_audits_moderates_id ON case_audits (moderates_id);
CREATE INDEX case_audits_reaudit_of_id ON case_audits (reaudit_of_id);
CREATE INDEX case_audits_audit_date ON case_audits (audit_date);

CREATE TABLE audit_theme_grades (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  audit_id {INT} NOT NULL REFERENCES case_audits (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  theme TEXT NOT NULL,
  grade TEXT NOT NULL,
  evidence TEXT
){STRICT};
CREATE INDEX audit_theme_grades_audit_id ON audit_theme_grades (audit_id);
CREATE INDEX audit_theme_grades_child_id ON audit_theme_grades (child_id);

CREATE TABLE audit_actions (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  audit_id {INT} NOT NULL REFERENCES case_audits (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  action TEXT NOT NULL,
  owner_id {INT} NOT NULL REFERENCES workers (id),
  due_date {DATE} NOT NULL,
  completed_date {DATE},
  notes TEXT
){STRICT};
CREATE INDEX audit_actions_audit_id ON audit_actions (audit_id);
CREATE INDEX audit_actions_child_id ON audit_actions (child_id);
CREATE INDEX audit_actions_owner_id ON audit_actions (owner_id);

CREATE TABLE improvement_plans (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  description TEXT,
  source TEXT,
  lead TEXT,
  start_date {DATE} NOT NULL,
  end_date {DATE},
  status TEXT NOT NULL
){STRICT};

CREATE TABLE plan_items (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  plan_id {INT} NOT NULL REFERENCES improvement_plans (id),
  parent_id {INT} REFERENCES plan_items (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  lead TEXT,
  start_date {DATE},
  due_date {DATE},
  completed_date {DATE},
  status TEXT NOT NULL,
  evidence TEXT
){STRICT};
CREATE INDEX plan_items_plan_id ON plan_items (plan_id);
CREATE INDEX plan_items_parent_id ON plan_items (parent_id);

CREATE TABLE plan_dependencies (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  item_id {INT} NOT NULL REFERENCES plan_items (id),
  depends_on_id {INT} NOT NULL REFERENCES plan_items (id)
){STRICT};
CREATE INDEX plan_dependencies_item_id ON plan_dependencies (item_id);

CREATE TABLE plan_measures (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  plan_id {INT} NOT NULL REFERENCES improvement_plans (id),
  item_id {INT} REFERENCES plan_items (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  indicator_id TEXT,
  question TEXT,
  unit TEXT,
  lower_is_better {INT},
  baseline {REAL},
  baseline_date {DATE} NOT NULL,
  target {REAL} NOT NULL,
  target_date {DATE} NOT NULL,
  tolerance {REAL}
){STRICT};
CREATE INDEX plan_measures_plan_id ON plan_measures (plan_id);

CREATE TABLE measure_values (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  measure_id {INT} NOT NULL REFERENCES plan_measures (id),
  value_date {DATE} NOT NULL,
  value {REAL} NOT NULL,
  respondents {INT},
  source TEXT
){STRICT};
CREATE INDEX measure_values_measure_id ON measure_values (measure_id);

CREATE TABLE plan_risks (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  plan_id {INT} NOT NULL REFERENCES improvement_plans (id),
  title TEXT NOT NULL,
  description TEXT,
  owner TEXT,
  likelihood {INT} NOT NULL,
  impact {INT} NOT NULL,
  mitigation TEXT,
  status TEXT NOT NULL,
  review_date {DATE}
){STRICT};
CREATE INDEX plan_risks_plan_id ON plan_risks (plan_id);
