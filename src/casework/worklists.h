#pragma once
// What is due for a child and for whom: the work lists behind "My work", the team manager's
// view, the child's record and the Front Door queue. Everything is derived from the record on
// request (nothing cached), so a visit recorded a second ago moves the due date at once.
//
// Timescales (docs/casework.md gives the sources):
//   assessment        authorised within 45 working days of its start (Working Together 2023)
//   CP visit          the child seen at least every 10 working days while on a plan (a common
//                     local standard; the 10-working-day indicator measures it)
//   CP review         first review conference within 3 months of the plan, then every 6 months
//   CIN visit         the child seen at least every 20 working days on a CIN plan (local)
//   CIN plan review   every 3 months (local)
//   CLA visit         within 1 week of coming into care, then at least every 6 weeks (Care
//                     Planning Regulations 2010, reg. 28)
//   CLA review        within 20 working days, the second within 3 months of the first, then
//                     every 6 months (Care Planning Regulations 2010, reg. 33)
//
// Thread-safety: free functions; safe to call concurrently on a thread-safe Store.

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "storage/store.h"

namespace sg::work {

struct DueItem {
  std::string
      kind;  // assessment, cp_visit, cp_review, cin_visit, cin_review, cla_visit, cla_review
  std::string what;  // plain English, e.g. "Child protection visit (every 10 working days)"
  Date due;
  bool overdue = false;  // due before today
  std::string entity;    // the record it belongs to (plan, assessment, episode)
  Id record_id = 0;
  bool is_visit = false;  // a visit: overdue means the child has not been seen in time
};

struct ChildSummary {
  Id child_id = 0;
  std::string la_child_id;
  std::string name;
  std::optional<Date> date_of_birth;
  std::string status;  // "Looked after", "Child protection plan", "Child in need plan",
                       // "Assessment", "Referral", "Allocated"
  std::optional<Date> last_seen;
  std::vector<DueItem> due;  // soonest first
  int overdue = 0;
  bool not_seen_in_time = false;  // an overdue visit
};

// One child's records that due dates are worked out from.
struct CaseRecords {
  std::vector<Record> referrals, assessments, cin_plans, cp_plans, reviews, visits, episodes,
      cla_reviews;
};

// Every record of `entity` whose `field` is one of `ids` (one query per 500 ids).
Result<std::vector<Record>> ListByIds(Store& store, std::string_view entity, const char* field,
                                      const std::vector<Id>& ids);

// Everything due for a child on `today` from its records, soonest first.
std::vector<DueItem> DueFrom(const CaseRecords& records, Date today);
// "Looked after", "Child protection plan", "Child in need plan", "Assessment", "Referral" or
// "Allocated": the child's status on `today`.
std::string StatusFrom(const CaseRecords& records, Date today);
// The latest date the child was seen on any visit on or before `today`.
std::optional<Date> LastSeenFrom(const CaseRecords& records, Date today);

// Everything due for one child on `today`, soonest first.
Result<std::vector<DueItem>> DueForChild(Store& store, Id child_id, Date today);
Result<ChildSummary> SummariseChild(Store& store, Id child_id, Date today);

struct Caseload {
  Id worker_id = 0;
  std::string worker_name;
  std::string role;
  std::vector<ChildSummary> children;  // most overdue first, then soonest due
  int overdue = 0;
  int not_seen_in_time = 0;
};

// The children allocated to a worker on `today`.
Result<Caseload> WorkerCaseload(Store& store, Id worker_id, Date today);

struct TeamWork {
  Id team_id = 0;
  std::string team_name;
  std::vector<Caseload> workers;  // every worker of the team in post on `today`
};

Result<TeamWork> TeamCaseloads(Store& store, Id team_id, Date today);

struct QueueItem {
  Id contact_id = 0;
  Id child_id = 0;
  std::string child_name;
  Timestamp received_at;
  double age_hours = 0;
  std::string source;
  std::string rag;
  int checks = 0;              // MASH agency checks requested
  int checks_outstanding = 0;  // of which no response yet
};

// Contacts awaiting a Front Door decision, oldest first.
Result<std::vector<QueueItem>> FrontDoorQueue(Store& store, Timestamp now, int limit = 200);

// For demo logins: the social worker with the most children allocated on `today`, and a
// team manager of that worker's team (0 when there is none).
Result<std::pair<Id, Id>> BusiestWorkerAndManager(Store& store, Date today);

}  // namespace sg::work
