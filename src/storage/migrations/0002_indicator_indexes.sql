-- Version 2: covering indexes for the indicator engine's bulk reads (src/indicators/facts.cc,
-- LoadFacts). The scorecard reads a few columns of every row of these tables, whose rows also
-- hold long text (a contact's concern, a visit's notes, a child's names), so reading an index
-- instead of the table reads a fraction of the pages; the leading columns let a scorecard read
-- only child protection visits, recent ones, and allocations not ended before its periods.

CREATE INDEX contacts_facts ON contacts (received_at, decided_at, child_id, source, decision);
CREATE INDEX visits_facts ON visits (visit_type, child_seen, visit_date, child_id, child_seen_alone, worker_id);
CREATE INDEX children_facts ON children (date_of_birth, sex, ethnicity, disabilities, uasc);
CREATE INDEX allocations_facts ON allocations (end_date, start_date, child_id, worker_id, team_id);
