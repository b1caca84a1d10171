#include "casework/worklists.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "common/working_days.h"
#include "storage/loaded_records.h"

namespace sg::work {
namespace {

// Every record of `entity` whose `field` equals `id`, in id order.
Result<std::vector<Record>> ListWhere(Store& store, std::string_view entity, const char* field,
                                      Id id) {
  ListQuery q;
  q.equals.emplace_back(field, Value{id});
  return ListAll(store, Entity(entity), std::move(q));
}

Date WorkingDaysAfter(Date d, int n) {
  auto r = WorkingDayCalendar::England().AddWorkingDays(d, n);
  // Beyond the bank-holiday table: weekdays only (7 calendar days per 5 working days).
  return r.ok() ? *r : d.AddDays(n / 5 * 7 + n % 5);
}

bool Open(const Record& r, const char* end_field, Date today) {
  const auto end = DateOf(r, end_field);
  return !end || *end > today;
}

std::string ChildName(const Record& child) {
  return child.GetText("first_name") + " " + child.GetText("last_name");
}

// The latest date the child was seen on a visit of `type` on or after `from`.
std::optional<Date> LastSeen(const std::vector<Record>& visits, const char* type, Date from,
                             Date today) {
  std::optional<Date> last;
  for (const Record& v : visits) {
    if (type != nullptr && v.GetText("visit_type") != type) continue;
    if (!v.GetBool("child_seen")) continue;
    const auto d = DateOf(v, "visit_date");
    if (!d || *d < from || *d > today) continue;
    if (!last || *d > *last) last = d;
  }
  return last;
}

using ChildRecords = CaseRecords;

// The records of many children at once: one query per table, not per child.
Result<std::map<Id, ChildRecords>> LoadForMany(Store& store, const std::vector<Id>& children) {
  std::map<Id, ChildRecords> out;
  for (Id c : children) out[c];
  struct Table {
    const char* entity;
    std::vector<Record> ChildRecords::*member;
  };
  static constexpr Table kTables[] = {
      {"referral", &ChildRecords::referrals},   {"assessment", &ChildRecords::assessments},
      {"cin_plan", &ChildRecords::cin_plans},   {"cp_plan", &ChildRecords::cp_plans},
      {"plan_review", &ChildRecords::reviews},  {"visit", &ChildRecords::visits},
      {"cla_episode", &ChildRecords::episodes}, {"cla_review", &ChildRecords::cla_reviews},
  };
  for (const Table& t : kTables) {
    SG_ASSIGN_OR_RETURN(std::vector<Record> rows, ListByIds(store, t.entity, "child_id", children));
    for (Record& r : rows) {
      auto it = out.find(r.GetInt("child_id"));
      if (it != out.end()) (it->second.*t.member).push_back(std::move(r));
    }
  }
  return out;
}

Result<ChildRecords> LoadFor(Store& store, Id child) {
  ChildRecords c;
  SG_ASSIGN_OR_RETURN(c.referrals, ListWhere(store, "referral", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.assessments, ListWhere(store, "assessment", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.cin_plans, ListWhere(store, "cin_plan", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.cp_plans, ListWhere(store, "cp_plan", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.reviews, ListWhere(store, "plan_review", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.visits, ListWhere(store, "visit", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.episodes, ListWhere(store, "cla_episode", "child_id", child));
  SG_ASSIGN_OR_RETURN(c.cla_reviews, ListWhere(store, "cla_review", "child_id", child));
  return c;
}

// The latest review of plan `plan` (its id in `field`) on or before `today`.
std::optional<Date> LastReview(const std::vector<Record>& reviews, const char* field, Id plan,
                               Date today) {
  std::optional<Date> last;
  for (const Record& r : reviews) {
    if (r.GetInt(field) != plan) continue;
    const auto d = DateOf(r, "review_date");
    if (d && *d <= today && (!last || *d > *last)) last = d;
  }
  return last;
}

void AddDue(std::vector<DueItem>& out, std::string kind, std::string what, Date due, Date today,
            const Record& owner, bool is_visit) {
  DueItem d;
  d.kind = std::move(kind);
  d.what = std::move(what);
  d.due = due;
  d.overdue = due < today;
  d.entity = std::string(owner.entity().name);
  d.record_id = owner.id();
  d.is_visit = is_visit;
  out.push_back(std::move(d));
}

// The start of the period of care the open episode belongs to: episodes follow each other
// without a gap (one ends the day the next starts) within one period of care.
std::optional<std::pair<Date, const Record*>> OpenPeriodOfCare(const std::vector<Record>& eps,
                                                               Date today) {
  std::vector<const Record*> sorted;
  for (const Record& e : eps) {
    const std::string ls = e.GetText("legal_status");
    if (ls == "V3" || ls == "V4") continue;  // short breaks are not periods of care
    if (DateOf(e, "start_date")) sorted.push_back(&e);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Record* a, const Record* b) {
    return *DateOf(*a, "start_date") < *DateOf(*b, "start_date");
  });
  if (sorted.empty()) return std::nullopt;
  const Record* open = sorted.back();
  if (!Open(*open, "end_date", today) || *DateOf(*open, "start_date") > today) return std::nullopt;
  Date start = *DateOf(*open, "start_date");
  for (size_t i = sorted.size() - 1; i > 0; --i) {
    const auto prev_end = DateOf(*sorted[i - 1], "end_date");
    if (!prev_end || *prev_end != *DateOf(*sorted[i], "start_date")) break;
    start = *DateOf(*sorted[i - 1], "start_date");
  }
  return std::make_pair(start, open);
}

std::vector<DueItem> Due(const ChildRecords& c, Date today) {
  std::vector<DueItem> out;
  // Assessments in progress: 45 working days from the start.
  for (const Record& a : c.assessments) {
    if (DateOf(a, "authorised_date")) continue;
    const auto start = DateOf(a, "start_date");
    if (!start || *start > today) continue;
    AddDue(out, "assessment", "Assessment to be completed (45 working days from its start)",
           WorkingDaysAfter(*start, 45), today, a, false);
  }
  // Child protection plans.
  bool on_cp = false;
  for (const Record& p : c.cp_plans) {
    const auto start = DateOf(p, "start_date");
    if (!start || *start > today || !Open(p, "end_date", today)) continue;
    on_cp = true;
    const auto seen = LastSeen(c.visits, "CP", *start, today);
    AddDue(out, "cp_visit", "Child protection visit, child seen (every 10 working days)",
           WorkingDaysAfter(seen ? *seen : *start, 10), today, p, true);
    const auto last_review = LastReview(c.reviews, "cp_plan_id", p.id(), today);
    AddDue(out, "cp_review",
           last_review ? "Review child protection conference (every 6 months)"
                       : "First review child protection conference (within 3 months)",
           last_review ? last_review->AddMonths(6) : start->AddMonths(3), today, p, false);
  }
  // Child in need plans (a child on a CP plan is visited under that plan).
  for (const Record& p : c.cin_plans) {
    const auto start = DateOf(p, "start_date");
    if (!start || *start > today || !Open(p, "end_date", today)) continue;
    if (!on_cp) {
      const auto seen = LastSeen(c.visits, "CIN", *start, today);
      AddDue(out, "cin_visit", "Child in need visit, child seen (every 20 working days)",
             WorkingDaysAfter(seen ? *seen : *start, 20), today, p, true);
    }
    const auto last_review = LastReview(c.reviews, "cin_plan_id", p.id(), today);
    AddDue(out, "cin_review", "Child in need plan review (every 3 months)",
           (last_review ? *last_review : *start).AddMonths(3), today, p, false);
  }
  // Looked after.
  if (auto care = OpenPeriodOfCare(c.episodes, today)) {
    const auto [start, episode] = *care;
    const auto seen = LastSeen(c.visits, "CLA", start, today);
    AddDue(out, "cla_visit",
           seen ? "Looked-after child visit (at least every 6 weeks)"
                : "First looked-after child visit (within 1 week)",
           seen ? seen->AddDays(42) : start.AddDays(7), today, *episode, true);
    std::vector<Date> reviews;
    for (const Record& r : c.cla_reviews) {
      const auto d = DateOf(r, "review_date");
      if (d && *d >= start && *d <= today) reviews.push_back(*d);
    }
    std::sort(reviews.begin(), reviews.end());
    if (reviews.empty()) {
      AddDue(out, "cla_review", "First looked-after review (within 20 working days)",
             WorkingDaysAfter(start, 20), today, *episode, false);
    } else if (reviews.size() == 1) {
      AddDue(out, "cla_review", "Second looked-after review (within 3 months of the first)",
             reviews[0].AddMonths(3), today, *episode, false);
    } else {
      AddDue(out, "cla_review", "Looked-after review (every 6 months)", reviews.back().AddMonths(6),
             today, *episode, false);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DueItem& a, const DueItem& b) { return a.due < b.due; });
  return out;
}

std::string CaseStatus(const ChildRecords& c, Date today) {
  if (OpenPeriodOfCare(c.episodes, today)) return "Looked after";
  auto any_open = [&](const std::vector<Record>& v, const char* start, const char* end) {
    return std::any_of(v.begin(), v.end(), [&](const Record& r) {
      const auto s = DateOf(r, start);
      return s && *s <= today && Open(r, end, today);
    });
  };
  if (any_open(c.cp_plans, "start_date", "end_date")) return "Child protection plan";
  if (any_open(c.cin_plans, "start_date", "end_date")) return "Child in need plan";
  if (any_open(c.assessments, "start_date", "authorised_date")) return "Assessment";
  if (any_open(c.referrals, "referral_date", "closure_date")) return "Referral";
  return "Allocated";
}

ChildSummary Summarise(const ChildRecords& c, const Record& child, Date today) {
  ChildSummary s;
  s.child_id = child.id();
  s.la_child_id = child.GetText("la_child_id");
  s.name = ChildName(child);
  s.date_of_birth = DateOf(child, "date_of_birth");
  s.status = CaseStatus(c, today);
  s.last_seen = LastSeen(c.visits, nullptr, Date::FromDays(0), today);
  s.due = Due(c, today);
  for (const DueItem& d : s.due) {
    if (!d.overdue) continue;
    ++s.overdue;
    if (d.is_visit) s.not_seen_in_time = true;
  }
  return s;
}

Result<ChildSummary> Summarise(Store& store, const Record& child, Date today) {
  SG_ASSIGN_OR_RETURN(ChildRecords c, LoadFor(store, child.id()));
  return Summarise(c, child, today);
}

}  // namespace

Result<std::vector<Record>> ListByIds(Store& store, std::string_view entity, const char* field,
                                      const std::vector<Id>& ids) {
  std::vector<Record> out;
  for (size_t at = 0; at < ids.size(); at += 500) {
    ListQuery q;
    q.in_field = field;
    q.in_ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(at),
                    ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + 500)));
    SG_ASSIGN_OR_RETURN(std::vector<Record> chunk, ListAll(store, Entity(entity), std::move(q)));
    std::move(chunk.begin(), chunk.end(), std::back_inserter(out));
  }
  return out;
}

std::vector<DueItem> DueFrom(const CaseRecords& records, Date today) { return Due(records, today); }

std::string StatusFrom(const CaseRecords& records, Date today) {
  return CaseStatus(records, today);
}

std::optional<Date> LastSeenFrom(const CaseRecords& records, Date today) {
  return LastSeen(records.visits, nullptr, Date::FromDays(0), today);
}

Result<std::vector<DueItem>> DueForChild(Store& store, Id child_id, Date today) {
  SG_ASSIGN_OR_RETURN(ChildRecords c, LoadFor(store, child_id));
  return Due(c, today);
}

Result<ChildSummary> SummariseChild(Store& store, Id child_id, Date today) {
  SG_ASSIGN_OR_RETURN(Record child, store.Get(Entity("child"), child_id));
  return Summarise(store, child, today);
}

namespace {

// The caseloads of several workers: one query per table for all their children together.
Result<std::vector<Caseload>> Caseloads(Store& store, const std::vector<Record>& workers,
                                        Date today) {
  std::vector<Id> ids;
  ids.reserve(workers.size());
  for (const Record& w : workers) ids.push_back(w.id());
  SG_ASSIGN_OR_RETURN(std::vector<Record> allocations,
                      ListByIds(store, "allocation", "worker_id", ids));
  std::map<Id, std::vector<Id>> children_of;  // worker -> children allocated on `today`
  std::vector<Id> all;
  for (const Record& a : allocations) {
    const auto start = DateOf(a, "start_date");
    if (!start || *start > today || !Open(a, "end_date", today)) continue;
    const Id child = a.GetInt("child_id");
    auto& mine = children_of[a.GetInt("worker_id")];
    if (std::find(mine.begin(), mine.end(), child) == mine.end()) mine.push_back(child);
    all.push_back(child);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  SG_ASSIGN_OR_RETURN(std::vector<Record> records, ListByIds(store, "child", "id", all));
  std::map<Id, const Record*> child_record;
  for (const Record& c : records) child_record[c.id()] = &c;
  SG_ASSIGN_OR_RETURN(auto by_child, LoadForMany(store, all));
  std::map<Id, ChildSummary> summaries;
  for (const Record& c : records) {
    if (!DateOf(c, "date_of_death")) summaries[c.id()] = Summarise(by_child[c.id()], c, today);
  }
  std::vector<Caseload> out;
  for (const Record& w : workers) {
    Caseload load;
    load.worker_id = w.id();
    load.worker_name = ChildName(w);
    load.role = w.GetText("role");
    for (Id child : children_of[w.id()]) {
      auto it = summaries.find(child);
      if (it == summaries.end()) continue;
      load.overdue += it->second.overdue;
      load.not_seen_in_time += it->second.not_seen_in_time ? 1 : 0;
      load.children.push_back(it->second);
    }
    std::sort(load.children.begin(), load.children.end(),
              [](const ChildSummary& a, const ChildSummary& b) {
                if (a.overdue != b.overdue) return a.overdue > b.overdue;
                const bool ad = !a.due.empty(), bd = !b.due.empty();
                if (ad != bd) return ad;
                if (ad && a.due.front().due != b.due.front().due)
                  return a.due.front().due < b.due.front().due;
                return a.name < b.name;
              });
    out.push_back(std::move(load));
  }
  return out;
}

}  // namespace

Result<Caseload> WorkerCaseload(Store& store, Id worker_id, Date today) {
  SG_ASSIGN_OR_RETURN(Record worker, store.Get(Entity("worker"), worker_id));
  SG_ASSIGN_OR_RETURN(std::vector<Caseload> loads, Caseloads(store, {worker}, today));
  return std::move(loads.front());
}

Result<TeamWork> TeamCaseloads(Store& store, Id team_id, Date today) {
  SG_ASSIGN_OR_RETURN(Record team, store.Get(Entity("team"), team_id));
  TeamWork out;
  out.team_id = team_id;
  out.team_name = team.GetText("name");
  SG_ASSIGN_OR_RETURN(std::vector<Record> workers, ListWhere(store, "worker", "team_id", team_id));
  std::vector<Record> in_post;
  for (Record& w : workers) {
    const auto start = DateOf(w, "start_date");
    if ((start && *start > today) || !Open(w, "end_date", today)) continue;
    in_post.push_back(std::move(w));
  }
  SG_ASSIGN_OR_RETURN(out.workers, Caseloads(store, in_post, today));
  std::sort(out.workers.begin(), out.workers.end(),
            [](const Caseload& a, const Caseload& b) { return a.worker_name < b.worker_name; });
  return out;
}

Result<std::vector<QueueItem>> FrontDoorQueue(Store& store, Timestamp now, int limit) {
  ListQuery q;
  q.limit = std::clamp(limit, 1, 1000);
  q.is_null.push_back("decision");
  SG_ASSIGN_OR_RETURN(Page page, store.List(Entity("contact"), q));
  std::vector<QueueItem> out;
  for (const Record& c : page.items) {
    QueueItem item;
    item.contact_id = c.id();
    item.child_id = c.GetInt("child_id");
    if (const Value& v = c.Get("received_at"); std::holds_alternative<Timestamp>(v)) {
      item.received_at = std::get<Timestamp>(v);
    }
    item.age_hours =
        static_cast<double>(now.unix_seconds() - item.received_at.unix_seconds()) / 3600.0;
    item.source = c.GetText("source");
    item.rag = c.GetText("rag");
    SG_ASSIGN_OR_RETURN(Record child, store.Get(Entity("child"), item.child_id));
    item.child_name = ChildName(child);
    SG_ASSIGN_OR_RETURN(std::vector<Record> checks,
                        ListWhere(store, "mash_check", "contact_id", c.id()));
    item.checks = static_cast<int>(checks.size());
    for (const Record& k : checks) {
      if (k.GetText("outcome") == "REQUESTED") ++item.checks_outstanding;
    }
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(),
            [](const QueueItem& a, const QueueItem& b) { return a.received_at < b.received_at; });
  return out;
}

Result<std::pair<Id, Id>> BusiestWorkerAndManager(Store& store, Date today) {
  // Qualified social workers only (not personal advisers or family support workers).
  std::map<Id, bool> social_worker;
  {
    ListQuery w;
    w.limit = 1000;
    while (true) {
      SG_ASSIGN_OR_RETURN(Page page, store.List(Entity("worker"), w));
      for (const Record& r : page.items) {
        const std::string role = r.GetText("role");
        social_worker[r.id()] = role == "SOCIAL_WORKER" || role == "SENIOR_PRACTITIONER" ||
                                role == "ADVANCED_PRACTITIONER" || role == "ASYE";
      }
      if (!page.next_after) break;
      w.after = *page.next_after;
    }
  }
  std::map<Id, int> open;
  ListQuery q;
  q.limit = 1000;
  while (true) {
    SG_ASSIGN_OR_RETURN(Page page, store.List(Entity("allocation"), q));
    for (const Record& a : page.items) {
      const auto start = DateOf(a, "start_date");
      if (start && *start <= today && Open(a, "end_date", today)) ++open[a.GetInt("worker_id")];
    }
    if (!page.next_after) break;
    q.after = *page.next_after;
  }
  Id busiest = 0;
  int most = 0;
  for (const auto& [worker, n] : open) {
    if (n > most && social_worker[worker]) busiest = worker, most = n;
  }
  if (busiest == 0) return std::make_pair(Id{0}, Id{0});
  SG_ASSIGN_OR_RETURN(Record worker, store.Get(Entity("worker"), busiest));
  Id manager = 0;
  if (!IsNull(worker.Get("team_id"))) {
    SG_ASSIGN_OR_RETURN(std::vector<Record> team,
                        ListWhere(store, "worker", "team_id", worker.GetInt("team_id")));
    for (const Record& w : team) {
      if (w.GetText("role") == "TEAM_MANAGER" && Open(w, "end_date", today)) {
        manager = w.id();
        break;
      }
    }
  }
  return std::make_pair(busiest, manager);
}

}  // namespace sg::work
