-- Version 1: the record of the child's journey, accounts and sessions, and the
-- append-only history of every change. Dialect tokens: see src/storage/migrations.h.

CREATE TABLE users (
  id {ID},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT,
  role TEXT NOT NULL,
  worker_id {INT},
  active {INT} NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  must_change_password {INT} NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at {TS} NOT NULL,
  updated_at {TS} NOT NULL
){STRICT};

-- The account that command-line actions without a named user are recorded against; it
-- cannot log in (no password, inactive). It is the first row, so its id is 1 on both engines.
INSERT INTO users (username, display_name, password_hash, role, active, created_at, updated_at)
VALUES ('system', 'Safeguard system', NULL, 'ADMIN', 0, '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z');

CREATE TABLE sessions (
  id {ID},
  token_hash TEXT NOT NULL UNIQUE,
  user_id {INT} NOT NULL REFERENCES users (id),
  created_at {TS} NOT NULL,
  last_seen_at {TS} NOT NULL,
  expires_at {TS} NOT NULL
){STRICT};
CREATE INDEX sessions_user ON sessions (user_id);

-- Team: A team of workers
CREATE TABLE teams (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  name TEXT NOT NULL UNIQUE,
  service_area TEXT,
  established_fte {REAL},
  start_date {DATE},
  end_date {DATE}
){STRICT};

-- Worker: A member of the children's workforce
CREATE TABLE workers (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  staff_id TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  role TEXT NOT NULL,
  team_id {INT} REFERENCES teams (id),
  fte {REAL} NOT NULL,
  agency {INT} NOT NULL DEFAULT 0 CHECK (agency IN (0, 1)),
  case_holder {INT} NOT NULL DEFAULT 0 CHECK (case_holder IN (0, 1)),
  swe_registration TEXT,
  start_date {DATE} NOT NULL,
  end_date {DATE},
  leaving_reason TEXT
){STRICT};
CREATE INDEX workers_team_id ON workers (team_id);

-- Child: A child known to children's services, or an unborn child
CREATE TABLE children (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  la_child_id TEXT NOT NULL UNIQUE,
  upn TEXT UNIQUE,
  former_upn TEXT,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  other_names TEXT,
  date_of_birth {DATE},
  expected_date_of_birth {DATE},
  sex TEXT,
  ethnicity TEXT,
  disabilities TEXT,
  uasc {INT} NOT NULL DEFAULT 0 CHECK (uasc IN (0, 1)),
  uasc_ceased_date {DATE},
  date_of_death {DATE},
  restricted {INT} NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1))
){STRICT};

-- Person: An adult in a child's life (parent, carer, ...)
CREATE TABLE people (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth {DATE},
  sex TEXT,
  phone TEXT,
  notes TEXT
){STRICT};

-- Relationship: A child's relationship with another child or an adult
CREATE TABLE relationships (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  related_child_id {INT} REFERENCES children (id),
  related_person_id {INT} REFERENCES people (id),
  relationship TEXT NOT NULL,
  parental_responsibility {INT} NOT NULL DEFAULT 0 CHECK (parental_responsibility IN (0, 1)),
  lives_with_child {INT} NOT NULL DEFAULT 0 CHECK (lives_with_child IN (0, 1)),
  start_date {DATE},
  end_date {DATE}
){STRICT};
CREATE INDEX relationships_child_id ON relationships (child_id);
CREATE INDEX relationships_related_child_id ON relationships (related_child_id);
CREATE INDEX relationships_related_person_id ON relationships (related_person_id);

-- Address: A child's address history
CREATE TABLE addresses (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  line1 TEXT NOT NULL,
  line2 TEXT,
  town TEXT,
  postcode TEXT,
  start_date {DATE} NOT NULL,
  end_date {DATE}
){STRICT};
CREATE INDEX addresses_child_id ON addresses (child_id);

-- Contact: A contact to the Front Door about a child, and its decision
CREATE TABLE contacts (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  received_at {TS} NOT NULL,
  source TEXT NOT NULL,
  concern TEXT NOT NULL,
  household_ref TEXT,
  rag TEXT,
  decision TEXT,
  decision_reason TEXT,
  decided_by {INT} REFERENCES workers (id),
  decided_at {TS}
){STRICT};
CREATE INDEX contacts_child_id ON contacts (child_id);
CREATE INDEX contacts_decided_by ON contacts (decided_by);

-- MASH agency check: A check with a partner agency on a contact
CREATE TABLE mash_checks (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  contact_id {INT} NOT NULL REFERENCES contacts (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  agency TEXT NOT NULL,
  requested_at {TS} NOT NULL,
  responded_at {TS},
  outcome TEXT NOT NULL,
  summary TEXT
){STRICT};
CREATE INDEX mash_checks_contact_id ON mash_checks (contact_id);
CREATE INDEX mash_checks_child_id ON mash_checks (child_id);

-- Early help episode: Early help: assessment, lead professional, team around the family
CREATE TABLE early_help_episodes (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  contact_id {INT} REFERENCES contacts (id),
  start_date {DATE} NOT NULL,
  assessment_date {DATE},
  lead_professional TEXT,
  lead_agency TEXT,
  team_around_family {INT} NOT NULL DEFAULT 0 CHECK (team_around_family IN (0, 1)),
  end_date {DATE},
  outcome TEXT
){STRICT};
CREATE INDEX early_help_episodes_child_id ON early_help_episodes (child_id);
CREATE INDEX early_help_episodes_contact_id ON early_help_episodes (contact_id);

-- Referral (CIN episode): A referral to children's social care and the CIN episode it opens
CREATE TABLE referrals (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  contact_id {INT} REFERENCES contacts (id),
  early_help_id {INT} REFERENCES early_help_episodes (id),
  referral_date {DATE} NOT NULL,
  source TEXT NOT NULL,
  primary_need TEXT,
  nfa {INT} NOT NULL DEFAULT 0 CHECK (nfa IN (0, 1)),
  closure_date {DATE},
  closure_reason TEXT,
  stepped_down_to_id {INT} REFERENCES early_help_episodes (id)
){STRICT};
CREATE INDEX referrals_child_id ON referrals (child_id);
CREATE INDEX referrals_contact_id ON referrals (contact_id);
CREATE INDEX referrals_early_help_id ON referrals (early_help_id);
CREATE INDEX referrals_stepped_down_to_id ON referrals (stepped_down_to_id);

-- Assessment: A child and family assessment (45 working days)
CREATE TABLE assessments (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  referral_id {INT} NOT NULL REFERENCES referrals (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  start_date {DATE} NOT NULL,
  authorised_date {DATE},
  factors TEXT,
  child_seen_date {DATE},
  child_seen_alone {INT} NOT NULL DEFAULT 0 CHECK (child_seen_alone IN (0, 1)),
  outcome TEXT,
  worker_id {INT} REFERENCES workers (id)
){STRICT};
CREATE INDEX assessments_referral_id ON assessments (referral_id);
CREATE INDEX assessments_child_id ON assessments (child_id);
CREATE INDEX assessments_worker_id ON assessments (worker_id);

-- Strategy discussion: A multi-agency strategy discussion
CREATE TABLE strategy_discussions (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  referral_id {INT} NOT NULL REFERENCES referrals (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  discussion_date {DATE} NOT NULL,
  s47_required {INT} NOT NULL DEFAULT 0 CHECK (s47_required IN (0, 1)),
  agencies TEXT,
  summary TEXT
){STRICT};
CREATE INDEX strategy_discussions_referral_id ON strategy_discussions (referral_id);
CREATE INDEX strategy_discussions_child_id ON strategy_discussions (child_id);

-- Section 47 enquiry: A child protection enquiry under section 47 of the Children Act 1989
CREATE TABLE s47_enquiries (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  referral_id {INT} NOT NULL REFERENCES referrals (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  strategy_discussion_id {INT} REFERENCES strategy_discussions (id),
  start_date {DATE} NOT NULL,
  end_date {DATE},
  icpc_not_required {INT} NOT NULL DEFAULT 0 CHECK (icpc_not_required IN (0, 1)),
  icpc_target_date {DATE}
){STRICT};
CREATE INDEX s47_enquiries_referral_id ON s47_enquiries (referral_id);
CREATE INDEX s47_enquiries_child_id ON s47_enquiries (child_id);
CREATE INDEX s47_enquiries_strategy_discussion_id ON s47_enquiries (strategy_discussion_id);

-- Child protection conference: An initial or review child protection conference
CREATE TABLE cp_conferences (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  referral_id {INT} NOT NULL REFERENCES referrals (id),
  s47_id {INT} REFERENCES s47_enquiries (id),
  conference_type TEXT NOT NULL,
  conference_date {DATE} NOT NULL,
  plan_decided {INT} NOT NULL DEFAULT 0 CHECK (plan_decided IN (0, 1)),
  chair_worker_id {INT} REFERENCES workers (id)
){STRICT};
CREATE INDEX cp_conferences_child_id ON cp_conferences (child_id);
CREATE INDEX cp_conferences_referral_id ON cp_conferences (referral_id);
CREATE INDEX cp_conferences_s47_id ON cp_conferences (s47_id);
CREATE INDEX cp_conferences_chair_worker_id ON cp_conferences (chair_worker_id);

-- Child in need plan: A child in need plan
CREATE TABLE cin_plans (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  referral_id {INT} NOT NULL REFERENCES referrals (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  start_date {DATE} NOT NULL,
  end_date {DATE}
){STRICT};
CREATE INDEX cin_plans_referral_id ON cin_plans (referral_id);
CREATE INDEX cin_plans_child_id ON cin_plans (child_id);

-- Child protection plan: A child protection plan
CREATE TABLE cp_plans (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  referral_id {INT} NOT NULL REFERENCES referrals (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  conference_id {INT} REFERENCES cp_conferences (id),
  start_date {DATE} NOT NULL,
  end_date {DATE},
  initial_category TEXT NOT NULL,
  latest_category TEXT,
  previous_plans {INT}
){STRICT};
CREATE INDEX cp_plans_referral_id ON cp_plans (referral_id);
CREATE INDEX cp_plans_child_id ON cp_plans (child_id);
CREATE INDEX cp_plans_conference_id ON cp_plans (conference_id);

-- Plan review: A review of a CP plan (review conference) or of a CIN plan
CREATE TABLE plan_reviews (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  cp_plan_id {INT} REFERENCES cp_plans (id),
  cin_plan_id {INT} REFERENCES cin_plans (id),
  review_date {DATE} NOT NULL,
  summary TEXT
){STRICT};
CREATE INDEX plan_reviews_child_id ON plan_reviews (child_id);
CREATE INDEX plan_reviews_cp_plan_id ON plan_reviews (cp_plan_id);
CREATE INDEX plan_reviews_cin_plan_id ON plan_reviews (cin_plan_id);

-- Visit: A statutory visit to the child
CREATE TABLE visits (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  visit_type TEXT NOT NULL,
  visit_date {DATE} NOT NULL,
  child_seen {INT} NOT NULL DEFAULT 0 CHECK (child_seen IN (0, 1)),
  child_seen_alone {INT} NOT NULL DEFAULT 0 CHECK (child_seen_alone IN (0, 1)),
  worker_id {INT} REFERENCES workers (id),
  notes TEXT
){STRICT};
CREATE INDEX visits_child_id ON visits (child_id);
CREATE INDEX visits_worker_id ON visits (worker_id);

-- Looked-after episode: An SSDA903 episode: one legal status and placement
CREATE TABLE cla_episodes (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  start_date {DATE} NOT NULL,
  reason_new_episode TEXT NOT NULL,
  legal_status TEXT NOT NULL,
  category_of_need TEXT NOT NULL,
  placement_type TEXT NOT NULL,
  placement_provider TEXT,
  provider_urn TEXT,
  home_postcode TEXT,
  placement_postcode TEXT,
  end_date {DATE},
  reason_ceased TEXT,
  reason_place_change TEXT
){STRICT};
CREATE INDEX cla_episodes_child_id ON cla_episodes (child_id);

-- Looked-after review: A looked-after child's review
CREATE TABLE cla_reviews (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  review_date {DATE} NOT NULL,
  participation TEXT
){STRICT};
CREATE INDEX cla_reviews_child_id ON cla_reviews (child_id);

-- Missing episode: A period missing or away from placement
CREATE TABLE missing_episodes (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  missing_type TEXT NOT NULL,
  start_date {DATE} NOT NULL,
  end_date {DATE},
  return_interview_offered {INT} NOT NULL DEFAULT 0 CHECK (return_interview_offered IN (0, 1)),
  return_interview_accepted {INT} NOT NULL DEFAULT 0 CHECK (return_interview_accepted IN (0, 1))
){STRICT};
CREATE INDEX missing_episodes_child_id ON missing_episodes (child_id);

-- Looked-after health (OC2): Annual health, dental and SDQ figures for a looked-after child
CREATE TABLE cla_health (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  year_ending {DATE} NOT NULL,
  health_check {INT} NOT NULL DEFAULT 0 CHECK (health_check IN (0, 1)),
  immunisations {INT} NOT NULL DEFAULT 0 CHECK (immunisations IN (0, 1)),
  teeth_check {INT} NOT NULL DEFAULT 0 CHECK (teeth_check IN (0, 1)),
  health_assessment {INT} NOT NULL DEFAULT 0 CHECK (health_assessment IN (0, 1)),
  substance_misuse {INT} NOT NULL DEFAULT 0 CHECK (substance_misuse IN (0, 1)),
  convicted {INT} NOT NULL DEFAULT 0 CHECK (convicted IN (0, 1)),
  sdq_score {INT},
  sdq_reason TEXT,
  last_health_check_date {DATE},
  last_dental_check_date {DATE}
){STRICT};
CREATE INDEX cla_health_child_id ON cla_health (child_id);

-- Care leaver contact (OC3): In touch, activity and accommodation of a care leaver
CREATE TABLE care_leaver_contacts (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  contact_date {DATE} NOT NULL,
  in_touch TEXT NOT NULL,
  activity TEXT,
  accommodation TEXT
){STRICT};
CREATE INDEX care_leaver_contacts_child_id ON care_leaver_contacts (child_id);

-- Adoption: Adoption milestones: decision, match, placement, order
CREATE TABLE adoptions (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  best_interest_date {DATE},
  placement_order_date {DATE},
  match_date {DATE},
  placed_date {DATE},
  order_date {DATE},
  ceased_date {DATE},
  ceased_reason TEXT,
  foster_carer_adoption {INT} NOT NULL DEFAULT 0 CHECK (foster_carer_adoption IN (0, 1)),
  number_of_adopters {INT},
  adopter_sex TEXT,
  adopter_legal_status TEXT
){STRICT};
CREATE INDEX adoptions_child_id ON adoptions (child_id);

-- Previous permanence: An adoption, SGO or CAO before this period of care
CREATE TABLE previous_permanence (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  previous_permanence TEXT NOT NULL,
  la_code TEXT,
  order_date {DATE}
){STRICT};
CREATE INDEX previous_permanence_child_id ON previous_permanence (child_id);

-- Allocation: A child allocated to a worker and team
CREATE TABLE allocations (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  worker_id {INT} NOT NULL REFERENCES workers (id),
  team_id {INT} REFERENCES teams (id),
  start_date {DATE} NOT NULL,
  end_date {DATE},
  reason TEXT
){STRICT};
CREATE INDEX allocations_child_id ON allocations (child_id);
CREATE INDEX allocations_worker_id ON allocations (worker_id);
CREATE INDEX allocations_team_id ON allocations (team_id);

-- Supervision: A supervision session for a worker
CREATE TABLE supervisions (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  worker_id {INT} NOT NULL REFERENCES workers (id),
  supervisor_id {INT} NOT NULL REFERENCES workers (id),
  supervision_date {DATE} NOT NULL,
  child_id {INT} REFERENCES children (id),
  notes TEXT
){STRICT};
CREATE INDEX supervisions_worker_id ON supervisions (worker_id);
CREATE INDEX supervisions_supervisor_id ON supervisions (supervisor_id);
CREATE INDEX supervisions_child_id ON supervisions (child_id);

-- Sickness absence: A worker's period of sickness absence
CREATE TABLE sickness_absences (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  worker_id {INT} NOT NULL REFERENCES workers (id),
  start_date {DATE} NOT NULL,
  end_date {DATE},
  days_lost {REAL}
){STRICT};
CREATE INDEX sickness_absences_worker_id ON sickness_absences (worker_id);

-- Wishes and feelings: The voice of the child, recorded
CREATE TABLE wishes_and_feelings (
  id {ID},
  version {INT} NOT NULL DEFAULT 1,
  created_at {TS} NOT NULL,
  created_by {INT} NOT NULL REFERENCES users (id),
  updated_at {TS} NOT NULL,
  updated_by {INT} NOT NULL REFERENCES users (id),
  child_id {INT} NOT NULL REFERENCES children (id),
  recorded_date {DATE} NOT NULL,
  assessment_id {INT} REFERENCES assessments (id),
  plan_review_id {INT} REFERENCES plan_reviews (id),
  cla_review_id {INT} REFERENCES cla_reviews (id),
  method TEXT,
  views TEXT NOT NULL,
  worker_id {INT} REFERENCES workers (id)
){STRICT};
CREATE INDEX wishes_and_feelings_child_id ON wishes_and_feelings (child_id);
CREATE INDEX wishes_and_feelings_assessment_id ON wishes_and_feelings (assessment_id);
CREATE INDEX wishes_and_feelings_plan_review_id ON wishes_and_feelings (plan_review_id);
CREATE INDEX wishes_and_feelings_cla_review_id ON wishes_and_feelings (cla_review_id);
CREATE INDEX wishes_and_feelings_worker_id ON wishes_and_feelings (worker_id);

-- Every create and update of a record, as the record's JSON after the change.
-- Append-only: nothing updates or deletes these rows.
CREATE TABLE record_history (
  id {ID},
  entity TEXT NOT NULL,
  record_id {INT} NOT NULL,
  child_id {INT},
  version {INT} NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('create', 'update')),
  data TEXT NOT NULL,
  actor_id {INT} NOT NULL REFERENCES users (id),
  at {TS} NOT NULL,
  UNIQUE (entity, record_id, version)
){STRICT};
CREATE INDEX record_history_child ON record_history (child_id);
