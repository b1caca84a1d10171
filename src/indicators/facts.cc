#include "indicators/facts.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>

#include "model/entity.h"
#include "storage/database.h"

namespace sg::ind {
namespace {

// ---- Parsing the store's text forms ----

// "YYYY-MM-DD" -> day number; kNoDay when malformed.
Day ParseDay(std::string_view s) {
  auto d = Date::Parse(s);
  return d.ok() ? d->days() : kNoDay;
}

// "YYYY-MM-DDTHH:MM:SSZ" -> unix seconds; 0 when malformed.
std::int64_t ParseSeconds(std::string_view s) {
  auto t = Timestamp::Parse(s);
  return t.ok() ? t->unix_seconds() : 0;
}

// The day in the year ending 31 March `year` on which someone born on `birth` has a
// birthday (29 February births on 28 February in other years).
Day BirthdayInYear(Day birth, int year) {
  if (birth == kNoDay) return kNoDay;
  const Date b = Date::FromDays(birth);
  const int y = b.month() >= 4 ? year - 1 : year;
  unsigned d = b.day();
  if (b.month() == 2 && d == 29 && !Date::IsValidCivil(y, 2, 29)) d = 28;
  return Date::FromCivil(y, b.month(), d).days();
}

// OC3 is about the care leaver's birthday in the collection year, and the record's contact is
// about the birthday around it: both routes date a care leaver's figures by that birthday.
void DateCareLeaversByBirthday(Facts& f) {
  for (FCareLeaver& c : f.care_leavers) {
    const Day dob = f.children[static_cast<size_t>(c.child)].dob;
    const Date d = Date::FromDays(c.date);
    const int year = d.month() >= 4 ? d.year() + 1 : d.year();
    const Day birthday = BirthdayInYear(dob, year);
    if (birthday != kNoDay) c.date = birthday;
  }
}

// One row of an entity's table, whichever route it comes from; columns are the fields asked
// for, in order.
class FactRow {
 public:
  virtual ~FactRow() = default;
  virtual Id RowId() const = 0;
  virtual Id Ref(int c) const = 0;  // 0 when absent
  virtual Day DayAt(int c, Day absent) const = 0;
  virtual std::int64_t Seconds(int c) const = 0;  // 0 when absent
  virtual bool Flag(int c) const = 0;
  virtual double Num(int c) const = 0;  // 0 when absent; -1 for an absent int via NumOr
  virtual bool Present(int c) const = 0;
  virtual std::string Str(int c) const = 0;  // text, code or code set ("A,B")
};

using RowFn = std::function<void(const FactRow&)>;

class Source {
 public:
  virtual ~Source() = default;
  // Calls fn for each row; `where`, when not empty, is an SQL condition the store may use to
  // leave out rows the requested periods cannot use (see Since).
  virtual Status Each(std::string_view entity, std::span<const std::string_view> fields,
                      const RowFn& fn, const std::string& where = {}) = 0;
  // The quoted ISO date `days` before the first day any requested period needs, for a `where`
  // condition; empty when the source reads everything (no window, or not a store).
  virtual std::string Since(int /*days*/) const { return {}; }
};

// "cond" when the source has a window, else "" (read everything).
std::string Window(const Source& src, const std::function<std::string()>& cond) {
  return src.Since(0).empty() ? std::string() : cond();
}

// ---- From a RecordSet ----

class RecordRow final : public FactRow {
 public:
  RecordRow(const Record& r, const std::vector<int>& cols) : r_(r), cols_(cols) {}
  const Value& V(int c) const {
    return r_.values()[static_cast<size_t>(cols_[static_cast<size_t>(c)])];
  }
  Id RowId() const override { return r_.id(); }
  Id Ref(int c) const override {
    const auto* v = std::get_if<std::int64_t>(&V(c));
    return v ? *v : 0;
  }
  Day DayAt(int c, Day absent) const override {
    const auto* v = std::get_if<Date>(&V(c));
    return v ? v->days() : absent;
  }
  std::int64_t Seconds(int c) const override {
    const auto* v = std::get_if<Timestamp>(&V(c));
    return v ? v->unix_seconds() : 0;
  }
  bool Flag(int c) const override {
    const auto* v = std::get_if<bool>(&V(c));
    return v && *v;
  }
  double Num(int c) const override {
    if (const auto* d = std::get_if<double>(&V(c))) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&V(c))) return static_cast<double>(*i);
    return 0;
  }
  bool Present(int c) const override { return !IsNull(V(c)); }
  std::string Str(int c) const override {
    const Value& v = V(c);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* set = std::get_if<CodeSet>(&v)) {
      std::string out;
      for (const auto& code : *set) out += (out.empty() ? "" : ",") + code;
      return out;
    }
    return {};
  }

 private:
  const Record& r_;
  const std::vector<int>& cols_;
};

class RecordSource final : public Source {
 public:
  explicit RecordSource(const RecordSet& rs) : rs_(rs) {}
  Status Each(std::string_view entity, std::span<const std::string_view> fields, const RowFn& fn,
              const std::string& /*where*/) override {
    const EntityDesc& e = Entity(entity);
    std::vector<int> cols;
    for (std::string_view f : fields) {
      const int i = e.FieldIndex(f);
      if (i < 0) return Internal("no field " + std::string(f) + " in " + std::string(entity));
      cols.push_back(i);
    }
    for (const Record& r : rs_.Of(entity)) fn(RecordRow(r, cols));
    return Status::Ok();
  }

 private:
  const RecordSet& rs_;
};

// ---- From a store's tables ----

class SqlRow final : public FactRow {
 public:
  explicit SqlRow(const RowView& r) : r_(r) {}
  Id RowId() const override { return r_.Int(0); }
  Id Ref(int c) const override { return r_.IsNull(c + 1) ? 0 : r_.Int(c + 1); }
  Day DayAt(int c, Day absent) const override {
    if (r_.IsNull(c + 1)) return absent;
    const Day d = ParseDay(r_.Text(c + 1));
    return d == kNoDay ? absent : d;
  }
  std::int64_t Seconds(int c) const override {
    return r_.IsNull(c + 1) ? 0 : ParseSeconds(r_.Text(c + 1));
  }
  bool Flag(int c) const override { return !r_.IsNull(c + 1) && r_.Int(c + 1) != 0; }
  double Num(int c) const override { return r_.IsNull(c + 1) ? 0 : r_.Real(c + 1); }
  bool Present(int c) const override { return !r_.IsNull(c + 1); }
  std::string Str(int c) const override { return std::string(r_.Text(c + 1)); }

 private:
  const RowView& r_;
};

class SqlSource final : public Source {
 public:
  SqlSource(Database& db, Day window_from) : db_(db), from_(window_from) {}
  std::string Since(int days) const override {
    if (from_ == kNoDay) return {};
    return "'" + Date::FromDays(from_ - days).ToString() + "'";
  }
  Status Each(std::string_view entity, std::span<const std::string_view> fields, const RowFn& fn,
              const std::string& where) override {
    const EntityDesc& e = Entity(entity);
    std::string sql = "SELECT id";
    for (std::string_view f : fields) {
      if (e.FieldIndex(f) < 0) {
        return Internal("no field " + std::string(f) + " in " + std::string(entity));
      }
      sql += ", ";
      sql += f;
    }
    sql += " FROM ";
    sql += e.table;
    if (!where.empty()) sql += " WHERE " + where;
    // No ORDER BY: nothing depends on the order rows arrive in (ties are broken by id), and
    // without it SQLite may read a covering index instead of the table.
    const auto t0 = std::chrono::steady_clock::now();
    Status st = db_.QueryEach(sql, {}, [&](const RowView& r) { fn(SqlRow(r)); });
    if (std::getenv("SG_TIMING") != nullptr) {
      std::fprintf(
          stderr, "timing: read %s %.1f ms\n", std::string(e.table).c_str(),
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return st;
  }

 private:
  Database& db_;
  Day from_;
};

// Record ids -> array indexes.
// Store ids are dense (1, 2, 3, ...), so a vector indexed by id serves; ids far beyond the
// count go to a hash map.
class IdMap {
 public:
  void Add(Id id, Ix ix) {
    if (id > 0 && id < kDenseLimit) {
      if (static_cast<size_t>(id) >= dense_.size())
        dense_.resize(static_cast<size_t>(id) * 2, kNone);
      dense_[static_cast<size_t>(id)] = ix;
    } else {
      sparse_.emplace(id, ix);
    }
  }
  Ix Find(Id id) const {
    if (id <= 0) return kNone;
    if (id < kDenseLimit)
      return static_cast<size_t>(id) < dense_.size() ? dense_[static_cast<size_t>(id)] : kNone;
    auto it = sparse_.find(id);
    return it == sparse_.end() ? kNone : it->second;
  }

 private:
  static constexpr Id kDenseLimit = 1 << 26;
  std::vector<Ix> dense_;
  std::unordered_map<Id, Ix> sparse_;
};

template <typename T>
Ix Next(const std::vector<T>& v) {
  return static_cast<Ix>(v.size());
}

// Each table is read on its own (in parallel in LoadFacts): references hold the referenced
// row's store id until Resolve() turns them into indexes, and each table keeps its rows' ids.
struct Raw {
  Facts f;
  std::vector<Id> child_ids, worker_ids, team_ids, referral_ids, s47_ids, cp_plan_ids;
  std::vector<std::pair<Id, Day>> strategy;     // discussion id, date
  std::vector<Id> s47_strategy;                 // per S47: its discussion's id
  std::vector<std::pair<Id, Day>> conferences;  // initial conferences: S47 id, date
};

// A store id held in an index field until Resolve(); ids beyond 2^31 are refused.
Ix Hold(Id id, Status& st) {
  if (id < 0 || id > std::numeric_limits<Ix>::max()) {
    st = Status(StatusCode::kResourceExhausted,
                "record id " + std::to_string(id) + " is too large for the indicators");
    return kNone;
  }
  return id == 0 ? kNone : static_cast<Ix>(id);
}

using Loader = Status (*)(Source&, Raw&);

Status LoadChildren(Source& src, Raw& x) {
  static constexpr std::string_view kF[] = {"date_of_birth", "sex", "ethnicity", "disabilities",
                                            "uasc"};
  return src.Each("child", kF, [&](const FactRow& r) {
    FChild c;
    c.dob = r.DayAt(0, kNoDay);
    c.sex = r.Str(1);
    c.ethnicity = r.Str(2);
    const std::string dis = r.Str(3);
    c.disabled = !dis.empty() && dis != "NONE";
    c.uasc = r.Flag(4);
    x.child_ids.push_back(r.RowId());
    x.f.children.push_back(std::move(c));
  });
}

Status LoadWorkforce(Source& src, Raw& x) {
  static constexpr std::string_view kT[] = {"name", "established_fte"};
  SG_RETURN_IF_ERROR(src.Each("team", kT, [&](const FactRow& r) {
    x.team_ids.push_back(r.RowId());
    x.f.teams.push_back({r.Str(0), r.Num(1)});
  }));
  Status st;
  static constexpr std::string_view kW[] = {"team_id",     "role",       "fte",      "agency",
                                            "case_holder", "start_date", "end_date", "staff_id"};
  SG_RETURN_IF_ERROR(src.Each("worker", kW, [&](const FactRow& r) {
    FWorker w;
    w.team = Hold(r.Ref(0), st);
    w.role = r.Str(1);
    w.fte = r.Num(2);
    w.agency = r.Flag(3);
    w.case_holder = r.Flag(4);
    w.start = r.DayAt(5, kNoDay);
    w.end = r.DayAt(6, kOpen);
    w.staff_id = r.Str(7);
    x.worker_ids.push_back(r.RowId());
    x.f.workers.push_back(std::move(w));
  }));
  static constexpr std::string_view kS[] = {"worker_id", "supervision_date"};
  SG_RETURN_IF_ERROR(src.Each("supervision", kS, [&](const FactRow& r) {
    x.f.supervisions.push_back({Hold(r.Ref(0), st), r.DayAt(1, kNoDay)});
  }));
  static constexpr std::string_view kA[] = {"worker_id", "start_date", "end_date", "days_lost"};
  SG_RETURN_IF_ERROR(src.Each("sickness_absence", kA, [&](const FactRow& r) {
    x.f.sickness.push_back({Hold(r.Ref(0), st), r.DayAt(1, kNoDay), r.DayAt(2, kOpen), r.Num(3)});
  }));
  return st;
}

Status LoadReferrals(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {"child_id", "referral_date", "source",
                                            "nfa",      "closure_date",  "closure_reason"};
  // Referrals open on or after the window's start, or within the 12 months before it (the
  // re-referral look-back).
  const std::string where = Window(src, [&] {
    return "referral_date >= " + src.Since(400) +
           " OR closure_date IS NULL OR closure_date >= " + src.Since(1);
  });
  SG_RETURN_IF_ERROR(src.Each(
      "referral", kF,
      [&](const FactRow& r) {
        FReferral v;
        v.child = Hold(r.Ref(0), st);
        v.date = r.DayAt(1, kNoDay);
        v.source = r.Str(2);
        v.nfa = r.Flag(3);
        v.closure = r.DayAt(4, kOpen);
        v.closure_reason = r.Str(5);
        x.referral_ids.push_back(r.RowId());
        x.f.referrals.push_back(std::move(v));
      },
      where));
  return st;
}

Status LoadS47(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kS[] = {"discussion_date"};
  SG_RETURN_IF_ERROR(src.Each("strategy_discussion", kS, [&](const FactRow& r) {
    x.strategy.emplace_back(r.RowId(), r.DayAt(0, kNoDay));
  }));
  static constexpr std::string_view kF[] = {"child_id", "referral_id", "strategy_discussion_id",
                                            "start_date", "icpc_not_required"};
  SG_RETURN_IF_ERROR(src.Each("s47_enquiry", kF, [&](const FactRow& r) {
    // (every S47: conferences are joined to them by id)
    FS47 v;
    v.child = Hold(r.Ref(0), st);
    v.referral = Hold(r.Ref(1), st);
    v.start = r.DayAt(3, kNoDay);
    v.icpc_not_required = r.Flag(4);
    x.s47_ids.push_back(r.RowId());
    x.s47_strategy.push_back(r.Ref(2));
    x.f.s47s.push_back(v);
  }));
  static constexpr std::string_view kC[] = {"s47_id", "conference_type", "conference_date"};
  SG_RETURN_IF_ERROR(src.Each("cp_conference", kC, [&](const FactRow& r) {
    const Day d = r.DayAt(2, kNoDay);
    if (r.Str(1) == "ICPC" && r.Ref(0) != 0 && d != kNoDay) x.conferences.emplace_back(r.Ref(0), d);
  }));
  return st;
}

Status LoadPlans(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {"child_id", "referral_id",      "start_date",
                                            "end_date", "initial_category", "previous_plans"};
  SG_RETURN_IF_ERROR(src.Each("cp_plan", kF, [&](const FactRow& r) {
    FPlan p;
    p.child = Hold(r.Ref(0), st);
    p.referral = Hold(r.Ref(1), st);
    p.start = r.DayAt(2, kNoDay);
    p.end = r.DayAt(3, kOpen);
    p.category = r.Str(4);
    p.previous_plans = r.Present(5) ? static_cast<int>(r.Num(5)) : -1;
    x.cp_plan_ids.push_back(r.RowId());
    x.f.cp_plans.push_back(std::move(p));
  }));
  static constexpr std::string_view kR[] = {"child_id", "cp_plan_id", "review_date"};
  SG_RETURN_IF_ERROR(src.Each("plan_review", kR, [&](const FactRow& r) {
    if (r.Ref(1) == 0) return;  // CIN plan reviews are not used
    x.f.cp_reviews.push_back({Hold(r.Ref(0), st), Hold(r.Ref(1), st), r.DayAt(2, kNoDay)});
  }));
  static constexpr std::string_view kC[] = {"child_id", "referral_id", "start_date", "end_date"};
  SG_RETURN_IF_ERROR(src.Each(
      "cin_plan", kC,
      [&](const FactRow& r) {
        FPlan p;
        p.child = Hold(r.Ref(0), st);
        p.referral = Hold(r.Ref(1), st);
        p.start = r.DayAt(2, kNoDay);
        p.end = r.DayAt(3, kOpen);
        x.f.cin_plans.push_back(std::move(p));
      },
      Window(src, [&] { return "end_date IS NULL OR end_date >= " + src.Since(1); })));
  return st;
}

Status LoadContacts(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {"child_id", "received_at", "decided_at", "source",
                                            "decision"};
  SG_RETURN_IF_ERROR(src.Each(
      "contact", kF,
      [&](const FactRow& r) {
        FContact c;
        c.child = Hold(r.Ref(0), st);
        c.received = r.Seconds(1);
        c.decided = r.Seconds(2);
        c.source = r.Str(3);
        c.decision = r.Str(4);
        if (c.received != 0) x.f.contacts.push_back(std::move(c));
      },
      Window(src, [&] {
        // Timestamps are UTC text; two days' margin covers the UK date of either.
        return "received_at >= " + src.Since(2) +
               " OR decided_at IS NULL OR decided_at >= " + src.Since(2);
      })));
  return st;
}

Status LoadAssessments(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {
      "child_id",        "referral_id",      "start_date", "authorised_date",
      "child_seen_date", "child_seen_alone", "worker_id"};
  SG_RETURN_IF_ERROR(src.Each(
      "assessment", kF,
      [&](const FactRow& r) {
        FAssessment a;
        a.child = Hold(r.Ref(0), st);
        a.referral = Hold(r.Ref(1), st);
        a.start = r.DayAt(2, kNoDay);
        a.authorised = r.DayAt(3, kOpen);
        a.seen = r.DayAt(4, kNoDay);
        a.seen_alone = r.Flag(5);
        a.worker = Hold(r.Ref(6), st);
        x.f.assessments.push_back(a);
      },
      Window(src,
             [&] { return "authorised_date IS NULL OR authorised_date >= " + src.Since(1); })));
  return st;
}

Status LoadVisits(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {"child_id",   "visit_type",       "visit_date",
                                            "child_seen", "child_seen_alone", "worker_id"};
  SG_RETURN_IF_ERROR(src.Each(
      "visit", kF,
      [&](const FactRow& r) {
        FVisit v;
        v.child = Hold(r.Ref(0), st);
        v.type = r.Str(1);
        v.date = r.DayAt(2, kNoDay);
        v.seen = r.Flag(3);
        v.seen_alone = r.Flag(4);
        v.worker = Hold(r.Ref(5), st);
        // Only the visits an indicator reads (see FVisit): the store leaves the others out.
        if (v.type == "CP" && v.seen) x.f.visits.push_back(std::move(v));
      },
      "visit_type = 'CP' AND child_seen = 1" +
          Window(src, [&] { return " AND visit_date >= " + src.Since(31); })));
  return st;
}

Status LoadAllocations(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {"child_id", "worker_id", "team_id", "start_date",
                                            "end_date"};
  SG_RETURN_IF_ERROR(src.Each(
      "allocation", kF,
      [&](const FactRow& r) {
        FAllocation a;
        a.id = r.RowId();
        a.child = Hold(r.Ref(0), st);
        a.worker = Hold(r.Ref(1), st);
        a.team = Hold(r.Ref(2), st);
        a.start = r.DayAt(3, kNoDay);
        a.end = r.DayAt(4, kOpen);
        x.f.allocations.push_back(a);
      },
      Window(src, [&] { return "end_date IS NULL OR end_date >= " + src.Since(1); })));
  return st;
}

Status LoadCla(Source& src, Raw& x) {
  Status st;
  static constexpr std::string_view kF[] = {
      "child_id",      "start_date",       "end_date",          "reason_new_episode",
      "legal_status",  "category_of_need", "placement_type",    "placement_provider",
      "reason_ceased", "home_postcode",    "placement_postcode"};
  SG_RETURN_IF_ERROR(src.Each("cla_episode", kF, [&](const FactRow& r) {
    FEpisode e;
    e.id = r.RowId();
    e.child = Hold(r.Ref(0), st);
    e.start = r.DayAt(1, kNoDay);
    e.end = r.DayAt(2, kOpen);
    e.rne = r.Str(3);
    e.ls = r.Str(4);
    e.cin = r.Str(5);
    e.place = r.Str(6);
    e.provider = r.Str(7);
    e.rec = r.Str(8);
    e.home_postcode = r.Str(9);
    e.placement_postcode = r.Str(10);
    x.f.episodes.push_back(std::move(e));
  }));
  static constexpr std::string_view kR[] = {"child_id", "review_date", "participation"};
  SG_RETURN_IF_ERROR(src.Each("cla_review", kR, [&](const FactRow& r) {
    x.f.cla_reviews.push_back({Hold(r.Ref(0), st), r.DayAt(1, kNoDay), r.Str(2)});
  }));
  static constexpr std::string_view kM[] = {"child_id", "missing_type", "start_date"};
  SG_RETURN_IF_ERROR(src.Each("missing_episode", kM, [&](const FactRow& r) {
    x.f.missing.push_back({Hold(r.Ref(0), st), r.Str(1), r.DayAt(2, kNoDay)});
  }));
  static constexpr std::string_view kH[] = {"child_id",    "year_ending",   "health_check",
                                            "teeth_check", "immunisations", "substance_misuse",
                                            "convicted",   "sdq_score",     "health_assessment"};
  SG_RETURN_IF_ERROR(src.Each("cla_health", kH, [&](const FactRow& r) {
    FHealth h;
    h.child = Hold(r.Ref(0), st);
    h.year_ending = r.DayAt(1, kNoDay);
    h.health_check = r.Flag(2);
    h.teeth_check = r.Flag(3);
    h.immunisations = r.Flag(4);
    h.substance_misuse = r.Flag(5);
    h.convicted = r.Flag(6);
    h.sdq = r.Present(7) ? static_cast<int>(r.Num(7)) : -1;
    h.health_assessment = r.Flag(8);
    x.f.health.push_back(h);
  }));
  static constexpr std::string_view kC[] = {"child_id", "contact_date", "in_touch", "activity",
                                            "accommodation"};
  SG_RETURN_IF_ERROR(src.Each("care_leaver_contact", kC, [&](const FactRow& r) {
    const Day d = r.DayAt(1, kNoDay);
    x.f.care_leavers.push_back({Hold(r.Ref(0), st), d, d, r.Str(2), r.Str(3), r.Str(4)});
  }));
  static constexpr std::string_view kA[] = {"child_id", "best_interest_date",
                                            "placement_order_date", "match_date"};
  SG_RETURN_IF_ERROR(src.Each("adoption", kA, [&](const FactRow& r) {
    x.f.adoptions.push_back(
        {Hold(r.Ref(0), st), r.DayAt(1, kNoDay), r.DayAt(2, kNoDay), r.DayAt(3, kNoDay)});
  }));
  return st;
}

Status LoadAudits(Source& src, Raw& x) {
  Status st;
  // A moderation (a second auditor re-grading an audit) is not an audit of its own.
  static constexpr std::string_view kF[] = {"child_id", "worker_id", "audit_date", "grade",
                                            "moderates_id"};
  SG_RETURN_IF_ERROR(src.Each("case_audit", kF, [&](const FactRow& r) {
    if (r.Present(4)) return;
    x.f.audits.push_back({Hold(r.Ref(0), st), Hold(r.Ref(1), st), r.DayAt(2, kNoDay), r.Str(3)});
  }));
  return st;
}

// Largest tables first, so that two threads finish together.
constexpr Loader kLoaders[] = {LoadContacts,  LoadVisits,      LoadChildren, LoadAllocations,
                               LoadReferrals, LoadAssessments, LoadS47,      LoadPlans,
                               LoadCla,       LoadWorkforce,   LoadAudits};

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) {
    to = std::move(from);
  } else {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
}

void Merge(Raw& to, Raw& from) {
  Append(to.f.children, from.f.children);
  Append(to.f.teams, from.f.teams);
  Append(to.f.workers, from.f.workers);
  Append(to.f.contacts, from.f.contacts);
  Append(to.f.referrals, from.f.referrals);
  Append(to.f.assessments, from.f.assessments);
  Append(to.f.s47s, from.f.s47s);
  Append(to.f.cin_plans, from.f.cin_plans);
  Append(to.f.cp_plans, from.f.cp_plans);
  Append(to.f.cp_reviews, from.f.cp_reviews);
  Append(to.f.visits, from.f.visits);
  Append(to.f.episodes, from.f.episodes);
  Append(to.f.cla_reviews, from.f.cla_reviews);
  Append(to.f.missing, from.f.missing);
  Append(to.f.health, from.f.health);
  Append(to.f.care_leavers, from.f.care_leavers);
  Append(to.f.adoptions, from.f.adoptions);
  Append(to.f.allocations, from.f.allocations);
  Append(to.f.supervisions, from.f.supervisions);
  Append(to.f.sickness, from.f.sickness);
  Append(to.f.audits, from.f.audits);
  Append(to.child_ids, from.child_ids);
  Append(to.worker_ids, from.worker_ids);
  Append(to.team_ids, from.team_ids);
  Append(to.referral_ids, from.referral_ids);
  Append(to.s47_ids, from.s47_ids);
  Append(to.cp_plan_ids, from.cp_plan_ids);
  Append(to.strategy, from.strategy);
  Append(to.s47_strategy, from.s47_strategy);
  Append(to.conferences, from.conferences);
}

IdMap MapOf(const std::vector<Id>& ids) {
  IdMap m;
  for (size_t i = 0; i < ids.size(); ++i) m.Add(ids[i], static_cast<Ix>(i));
  return m;
}

// Turns held store ids into indexes and drops rows whose child (or referral, plan) is not in
// the store's tables.
void Resolve(Raw& x) {
  Facts& f = x.f;
  const IdMap child = MapOf(x.child_ids), worker = MapOf(x.worker_ids), team = MapOf(x.team_ids);
  auto remap = [](const IdMap& m, Ix& ix) { ix = ix == kNone ? kNone : m.Find(ix); };
  for (auto& w : f.workers) remap(team, w.team);
  // Referrals, S47s and CP plans are pointed at: drop the orphans before mapping them.
  auto keep = [&](auto& rows, std::vector<Id>& ids, auto valid) {
    size_t out = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      remap(child, rows[i].child);
      if (!valid(rows[i])) continue;
      if (out != i) {  // (a self-move would empty the strings)
        rows[out] = std::move(rows[i]);
        ids[out] = ids[i];
      }
      ++out;
    }
    rows.resize(out);
    ids.resize(out);
  };
  keep(f.referrals, x.referral_ids,
       [](const FReferral& r) { return r.child != kNone && r.date != kNoDay; });
  const IdMap referral = MapOf(x.referral_ids);
  {
    std::unordered_map<Id, Day> strategy_day(x.strategy.begin(), x.strategy.end());
    for (size_t i = 0; i < f.s47s.size(); ++i) {
      auto it = strategy_day.find(x.s47_strategy[i]);
      f.s47s[i].strategy = it == strategy_day.end() ? kNoDay : it->second;
    }
  }
  keep(f.s47s, x.s47_ids, [](const FS47& s) { return s.child != kNone && s.start != kNoDay; });
  for (auto& s : f.s47s) remap(referral, s.referral);
  const IdMap s47 = MapOf(x.s47_ids);
  for (const auto& [id, day] : x.conferences) {
    const Ix s = s47.Find(id);
    if (s == kNone) continue;
    Day& icpc = f.s47s[static_cast<size_t>(s)].icpc;
    if (icpc == kNoDay || day < icpc) icpc = day;  // the earliest initial conference
  }
  keep(f.cp_plans, x.cp_plan_ids,
       [](const FPlan& p) { return p.child != kNone && p.start != kNoDay; });
  for (auto& p : f.cp_plans) remap(referral, p.referral);
  const IdMap cp_plan = MapOf(x.cp_plan_ids);
  for (auto& r : f.cp_reviews) {
    remap(child, r.child);
    remap(cp_plan, r.plan);
  }
  std::erase_if(f.cp_reviews, [](const FPlanReview& r) {
    return r.child == kNone || r.plan == kNone || r.date == kNoDay;
  });
  for (auto& p : f.cin_plans) {
    remap(child, p.child);
    remap(referral, p.referral);
  }
  std::erase_if(f.cin_plans, [](const FPlan& p) { return p.child == kNone || p.start == kNoDay; });
  for (auto& c : f.contacts) remap(child, c.child);
  std::erase_if(f.contacts, [](const FContact& c) { return c.child == kNone; });
  for (auto& a : f.assessments) {
    remap(child, a.child);
    remap(referral, a.referral);
    remap(worker, a.worker);
  }
  std::erase_if(f.assessments,
                [](const FAssessment& a) { return a.child == kNone || a.start == kNoDay; });
  for (auto& v : f.visits) {
    remap(child, v.child);
    remap(worker, v.worker);
  }
  std::erase_if(f.visits, [](const FVisit& v) { return v.child == kNone || v.date == kNoDay; });
  for (auto& e : f.episodes) remap(child, e.child);
  std::erase_if(f.episodes,
                [](const FEpisode& e) { return e.child == kNone || e.start == kNoDay; });
  for (auto& r : f.cla_reviews) remap(child, r.child);
  std::erase_if(f.cla_reviews,
                [](const FClaReview& r) { return r.child == kNone || r.date == kNoDay; });
  for (auto& m : f.missing) remap(child, m.child);
  std::erase_if(f.missing, [](const FMissing& m) { return m.child == kNone || m.start == kNoDay; });
  for (auto& h : f.health) remap(child, h.child);
  std::erase_if(f.health,
                [](const FHealth& h) { return h.child == kNone || h.year_ending == kNoDay; });
  for (auto& c : f.care_leavers) remap(child, c.child);
  std::erase_if(f.care_leavers,
                [](const FCareLeaver& c) { return c.child == kNone || c.date == kNoDay; });
  for (auto& a : f.adoptions) remap(child, a.child);
  std::erase_if(f.adoptions, [](const FAdoption& a) { return a.child == kNone; });
  for (auto& a : f.allocations) {
    remap(child, a.child);
    remap(worker, a.worker);
    remap(team, a.team);
  }
  std::erase_if(f.allocations,
                [](const FAllocation& a) { return a.child == kNone || a.start == kNoDay; });
  for (auto& s : f.supervisions) remap(worker, s.worker);
  std::erase_if(f.supervisions,
                [](const FSupervision& s) { return s.worker == kNone || s.date == kNoDay; });
  for (auto& a : f.audits) {
    remap(child, a.child);
    remap(worker, a.worker);
  }
  std::erase_if(f.audits, [](const FAudit& a) { return a.child == kNone || a.date == kNoDay; });
  for (auto& s : f.sickness) remap(worker, s.worker);
  std::erase_if(f.sickness,
                [](const FSickness& s) { return s.worker == kNone || s.start == kNoDay; });
}

constexpr unsigned kRecordHas =
    kHasCin | kHasCla | kHasFrontDoor | kHasCasework | kHasWorkforce | kHasPriorCin | kHasQuality;

Result<Facts> Finish(Raw& x) {
  // Children and the other tables are read in store order (by id) on every route; the loaders
  // may run in any order, so each table is put back in id order where order matters (ties in
  // the sorts of Index() fall back to it).
  Resolve(x);
  x.f.has = kRecordHas;
  DateCareLeaversByBirthday(x.f);
  x.f.Index();
  return std::move(x.f);
}

}  // namespace

void Facts::Index() {
  const size_t n = children.size();
  for (FContact& c : contacts) {
    c.received_day = Timestamp::FromUnixSeconds(c.received).UkDate().days();
    c.decided_day = c.decided == 0 ? kOpen : Timestamp::FromUnixSeconds(c.decided).UkDate().days();
  }
  // By child, then start, then store id (so that ties fall the same way on every route).
  std::sort(episodes.begin(), episodes.end(), [](const FEpisode& a, const FEpisode& b) {
    if (a.child != b.child) return a.child < b.child;
    return a.start != b.start ? a.start < b.start : a.id < b.id;
  });
  std::sort(allocations.begin(), allocations.end(), [](const FAllocation& a, const FAllocation& b) {
    if (a.child != b.child) return a.child < b.child;
    return a.start != b.start ? a.start < b.start : a.id < b.id;
  });
  auto ranges = [n](auto const& v, std::vector<std::int32_t>& begin) {
    begin.assign(n + 1, 0);
    for (const auto& x : v) ++begin[static_cast<size_t>(x.child) + 1];
    for (size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
  };
  ranges(episodes, episode_begin);
  ranges(allocations, allocation_begin);
  // The team and worker of the two largest flows, looked up once rather than per indicator.
  for (FContact& c : contacts) c.alloc = AllocationOn(c.child, c.received_day);
  for (FReferral& r : referrals) r.alloc = AllocationOn(r.child, r.date);
  ranges(referrals, referral_begin);
  referrals_by_child.assign(referrals.size(), 0);
  std::vector<std::int32_t> fill(referral_begin.begin(), referral_begin.end() - 1);
  for (size_t i = 0; i < referrals.size(); ++i) {
    referrals_by_child[static_cast<size_t>(fill[static_cast<size_t>(referrals[i].child)]++)] =
        static_cast<Ix>(i);
  }
  for (size_t c = 0; c < n; ++c) {
    std::sort(referrals_by_child.begin() + referral_begin[c],
              referrals_by_child.begin() + referral_begin[c + 1], [this](Ix a, Ix b) {
                const auto& ra = referrals[static_cast<size_t>(a)];
                const auto& rb = referrals[static_cast<size_t>(b)];
                return ra.date != rb.date ? ra.date < rb.date : a < b;
              });
  }
}

Ix Facts::AllocationOn(Ix child, Day day) const {
  if (child == kNone || allocation_begin.empty()) return kNone;
  const auto b = allocation_begin[static_cast<size_t>(child)];
  auto e = allocation_begin[static_cast<size_t>(child) + 1];
  // Allocations are sorted by start: the latest started on or before `day` that is still open.
  while (e > b) {
    --e;
    const FAllocation& a = allocations[static_cast<size_t>(e)];
    if (a.start > day) continue;
    if (a.end >= day) return e;
  }
  return kNone;
}

Ix Facts::AllocationOn(Ix child, Day day, Day* valid_from, Day* valid_to) const {
  const Ix found = AllocationOn(child, day);
  // The answer changes only where an allocation starts or ends: the nearest such days around
  // `day` bound the days it holds for.
  Day lo = std::numeric_limits<Day>::min(), hi = std::numeric_limits<Day>::max();
  if (child != kNone && !allocation_begin.empty()) {
    for (auto i = allocation_begin[static_cast<size_t>(child)];
         i < allocation_begin[static_cast<size_t>(child) + 1]; ++i) {
      const FAllocation& a = allocations[static_cast<size_t>(i)];
      for (const Day change : {a.start, a.end == kOpen ? kOpen : a.end + 1}) {
        if (change == kOpen) continue;
        if (change <= day) lo = std::max(lo, change);
        if (change > day) hi = std::min(hi, change - 1);
      }
    }
  }
  *valid_from = lo;
  *valid_to = hi;
  return found;
}

Result<Facts> FromRecords(const RecordSet& records) {
  RecordSource src(records);
  Raw x;
  for (Loader l : kLoaders) SG_RETURN_IF_ERROR(l(src, x));
  return Finish(x);
}

Result<Facts> LoadFacts(const std::string& location, int threads, Day window_from) {
  threads = std::max(1, std::min(threads, static_cast<int>(std::size(kLoaders))));
  // Each thread reads whole tables on its own connection into its own Raw; the Raws are joined
  // in loader order, so the result does not depend on which thread read what.
  std::vector<Raw> parts(std::size(kLoaders));
  std::atomic<size_t> next{0};
  std::vector<Status> errors(static_cast<size_t>(threads));
  auto work = [&](int t) {
    auto db = OpenDatabase(location);
    if (!db.ok()) {
      errors[static_cast<size_t>(t)] = db.status();
      return;
    }
    SqlSource src(**db, window_from);
    while (true) {
      const size_t i = next.fetch_add(1);
      if (i >= std::size(kLoaders)) return;
      Status s = kLoaders[i](src, parts[i]);
      if (!s.ok()) {
        errors[static_cast<size_t>(t)] = s;
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (const Status& s : errors) SG_RETURN_IF_ERROR(s);
  Raw all;
  for (Raw& p : parts) Merge(all, p);
  return Finish(all);
}
// ---- From returns ----

namespace {

Day ReturnDay(std::string_view s) {
  // 903: DD/MM/YYYY; CIN census: YYYY-MM-DD.
  auto d = s.size() > 2 && s[2] == '/' ? Date::ParseUk(s) : Date::Parse(s);
  return d.ok() ? d->days() : kNoDay;
}

// An end date: blank (or unreadable) is still open.
Day ReturnEnd(std::string_view s) {
  const Day d = ReturnDay(s);
  return d == kNoDay ? kOpen : d;
}

bool ReturnFlag(std::string_view s) { return s == "true" || s == "1"; }

class ReturnsBuilder {
 public:
  Facts f;

  Ix Child(const std::string& id) {
    auto [it, added] = children_.emplace(id, Next(f.children));
    if (added) {
      FChild c;
      c.la_child_id = id;
      f.children.push_back(std::move(c));
    }
    return it->second;
  }

  void AddCensus(const cin::Census& census) {
    f.has |= kHasCin;
    for (const cin::Child& c : census.children) {
      const Ix child = Child(c.la_child_id);
      FChild& fc = f.children[static_cast<size_t>(child)];
      fc.dob = ReturnDay(c.birth_date);
      fc.sex = c.sex;
      fc.ethnicity = c.ethnicity;
      fc.disabled = false;
      for (const auto& d : c.disabilities) fc.disabled |= !d.empty() && d != "NONE";
      for (const cin::Episode& e : c.episodes) {
        const Day date = ReturnDay(e.referral_date);
        if (date == kNoDay) continue;
        // The latest census's account of an episode replaces an earlier one's.
        const auto key = std::make_pair(child, date);
        // Reviews of a plan the earlier census listed carry over to the later account of it.
        std::map<Day, std::vector<Day>> earlier_reviews;
        if (auto it = episode_.find(key); it != episode_.end()) {
          Drop(it->second);
          for (Ix p : plans_by_referral_[static_cast<size_t>(it->second)]) {
            auto& to = earlier_reviews[f.cp_plans[static_cast<size_t>(p)].start];
            const auto& from = reviews_by_plan_[static_cast<size_t>(p)];
            to.insert(to.end(), from.begin(), from.end());
          }
        }
        const Ix ref = Next(f.referrals);
        plans_by_referral_.emplace_back();
        episode_[key] = ref;
        FReferral r;
        r.child = child;
        r.date = date;
        r.source = e.source;
        r.nfa = ReturnFlag(e.nfa);
        r.closure = ReturnEnd(e.closure_date);
        r.closure_reason = e.closure_reason;
        f.referrals.push_back(std::move(r));
        for (const cin::Assessment& a : e.assessments) {
          FAssessment x;
          x.child = child;
          x.referral = ref;
          x.start = ReturnDay(a.start);
          x.authorised = ReturnEnd(a.authorised);
          if (x.start != kNoDay) f.assessments.push_back(x);
        }
        for (const cin::PlanDates& p : e.plans) {
          FPlan x;
          x.child = child;
          x.referral = ref;
          x.start = ReturnDay(p.start);
          x.end = ReturnEnd(p.end);
          if (x.start != kNoDay) f.cin_plans.push_back(x);
        }
        for (const cin::Section47& s : e.enquiries) {
          FS47 x;
          x.child = child;
          x.referral = ref;
          x.start = ReturnDay(s.start);
          x.icpc_not_required = ReturnFlag(s.icpc_not_required);
          x.icpc = ReturnDay(s.icpc);
          if (x.start != kNoDay) f.s47s.push_back(x);
        }
        for (const cin::ProtectionPlan& p : e.cp_plans) {
          FPlan x;
          x.child = child;
          x.referral = ref;
          x.start = ReturnDay(p.start);
          x.end = ReturnEnd(p.end);
          x.category = p.initial_category;
          x.previous_plans = p.previous_plans.empty() ? -1 : std::atoi(p.previous_plans.c_str());
          if (x.start == kNoDay) continue;
          const Ix plan = Next(f.cp_plans);
          f.cp_plans.push_back(x);
          plans_by_referral_[static_cast<size_t>(ref)].push_back(plan);
          reviews_by_plan_.emplace_back();
          std::set<Day> seen;
          auto add_review = [&](Day d) {
            if (d == kNoDay || !seen.insert(d).second) return;
            f.cp_reviews.push_back({child, plan, d});
            reviews_by_plan_[static_cast<size_t>(plan)].push_back(d);
          };
          for (const std::string& rv : p.reviews) add_review(ReturnDay(rv));
          for (Day d : earlier_reviews[x.start]) add_review(d);
        }
      }
    }
  }

  void AddReturn(const ssda903::Return& ret) {
    using namespace ssda903;
    f.has |= kHasCla;
    auto col = [](TableId t, std::string_view name) { return ColumnIndex(t, name); };
    auto cell = [](const Row& row, int c) -> const std::string& {
      static const std::string kEmpty;
      return c >= 0 && static_cast<size_t>(c) < row.size() ? row[static_cast<size_t>(c)] : kEmpty;
    };
    const Day year_end = Date::FromCivil(ret.collection_year, 3, 31).days();
    {
      const int id = col(kHeader, "CHILD"), sex = col(kHeader, "SEX"), dob = col(kHeader, "DOB"),
                eth = col(kHeader, "ETHNIC");
      for (const Row& r : ret.tables[kHeader]) {
        FChild& c = f.children[static_cast<size_t>(Child(cell(r, id)))];
        c.dob = ReturnDay(cell(r, dob));
        const std::string& s = cell(r, sex);
        c.sex = s == "1" ? "M" : s == "2" ? "F" : s;
        c.ethnicity = cell(r, eth);
      }
    }
    {
      const int id = col(kUasc, "CHILD");
      for (const Row& r : ret.tables[kUasc]) {
        f.children[static_cast<size_t>(Child(cell(r, id)))].uasc = true;
      }
    }
    {
      const int id = col(kEpisodes, "CHILD"), decom = col(kEpisodes, "DECOM"),
                rne = col(kEpisodes, "RNE"), ls = col(kEpisodes, "LS"), cin = col(kEpisodes, "CIN"),
                place = col(kEpisodes, "PLACE"), prov = col(kEpisodes, "PLACE_PROVIDER"),
                dec = col(kEpisodes, "DEC"), rec = col(kEpisodes, "REC"),
                home = col(kEpisodes, "HOME_POST"), pl = col(kEpisodes, "PL_POST");
      for (const Row& r : ret.tables[kEpisodes]) {
        FEpisode e;
        e.child = Child(cell(r, id));
        e.start = ReturnDay(cell(r, decom));
        if (e.start == kNoDay) continue;
        e.end = ReturnEnd(cell(r, dec));
        e.rne = cell(r, rne);
        e.ls = cell(r, ls);
        e.cin = cell(r, cin);
        e.place = cell(r, place);
        e.provider = cell(r, prov);
        e.rec = cell(r, rec);
        e.home_postcode = cell(r, home);
        e.placement_postcode = cell(r, pl);
        const auto key = std::make_pair(e.child, e.start);
        auto it = cla_.find(key);
        if (it == cla_.end()) {
          cla_[key] = Next(f.episodes);
          f.episodes.push_back(std::move(e));
        } else {
          f.episodes[static_cast<size_t>(it->second)] = std::move(e);  // the later return's
        }
      }
    }
    {
      const int id = col(kReviews, "CHILD"), dor = col(kReviews, "REVIEW"),
                code = col(kReviews, "REVIEW_CODE");
      for (const Row& r : ret.tables[kReviews]) {
        FClaReview v{Child(cell(r, id)), ReturnDay(cell(r, dor)), cell(r, code)};
        if (v.date != kNoDay && reviews_.insert({v.child, v.date}).second) {
          f.cla_reviews.push_back(std::move(v));
        }
      }
    }
    {
      const int id = col(kMissing, "CHILD"), type = col(kMissing, "MISSING"),
                start = col(kMissing, "MIS_START");
      for (const Row& r : ret.tables[kMissing]) {
        FMissing v{Child(cell(r, id)), cell(r, type), ReturnDay(cell(r, start))};
        if (v.start != kNoDay && missing_.insert({v.child, v.start}).second) {
          f.missing.push_back(std::move(v));
        }
      }
    }
    {
      const int id = col(kOc2, "CHILD"), hc = col(kOc2, "HEALTH_CHECK"),
                teeth = col(kOc2, "TEETH_CHECK"), imm = col(kOc2, "IMMUNISATIONS"),
                sub = col(kOc2, "SUBSTANCE_MISUSE"), conv = col(kOc2, "CONVICTED"),
                sdq = col(kOc2, "SDQ_SCORE"), ha = col(kOc2, "HEALTH_ASSESSMENT");
      for (const Row& r : ret.tables[kOc2]) {
        FHealth h;
        h.child = Child(cell(r, id));
        h.year_ending = year_end;
        h.health_check = cell(r, hc) == "1";
        h.health_assessment = cell(r, ha) == "1";
        h.teeth_check = cell(r, teeth) == "1";
        h.immunisations = cell(r, imm) == "1";
        h.substance_misuse = cell(r, sub) == "1";
        h.convicted = cell(r, conv) == "1";
        h.sdq = cell(r, sdq).empty() ? -1 : std::atoi(cell(r, sdq).c_str());
        f.health.push_back(h);
      }
    }
    {
      const int id = col(kOc3, "CHILD"), touch = col(kOc3, "IN_TOUCH"), act = col(kOc3, "ACTIV"),
                acc = col(kOc3, "ACCOM");
      const int dob = col(kOc3, "DOB");
      for (const Row& r : ret.tables[kOc3]) {
        FCareLeaver c;
        c.child = Child(cell(r, id));
        // OC3 records no contact date: the contact is around the birthday in the year.
        const Day birth = ReturnDay(cell(r, dob));
        c.date = BirthdayInYear(birth, ret.collection_year);
        c.contact = c.date;
        c.in_touch = cell(r, touch);
        c.activity = cell(r, act);
        c.accommodation = cell(r, acc);
        if (c.date != kNoDay) f.care_leavers.push_back(std::move(c));
      }
    }
    {
      const int id = col(kPlacedAdoption, "CHILD"), placed = col(kPlacedAdoption, "DATE_PLACED");
      const int aid = col(kAd1, "CHILD"), bi = col(kAd1, "DATE_INT"),
                match = col(kAd1, "DATE_MATCH");
      for (const Row& r : ret.tables[kAd1]) {
        FAdoption& a = Adoption(Child(cell(r, aid)));
        a.best_interest = ReturnDay(cell(r, bi));
        a.match = ReturnDay(cell(r, match));
      }
      for (const Row& r : ret.tables[kPlacedAdoption]) {
        FAdoption& a = Adoption(Child(cell(r, id)));
        a.placement_order = ReturnDay(cell(r, placed));
      }
    }
  }

  void Finish() {
    // Drop the superseded copies of episodes of need (marked with child kNone).
    if (dropped_ > 0) {
      std::vector<Ix> remap(f.referrals.size(), kNone);
      std::vector<FReferral> kept;
      for (size_t i = 0; i < f.referrals.size(); ++i) {
        if (f.referrals[i].child == kNone) continue;
        remap[i] = static_cast<Ix>(kept.size());
        kept.push_back(std::move(f.referrals[i]));
      }
      f.referrals = std::move(kept);
      auto fix = [&](auto& v) {
        std::erase_if(
            v, [&](const auto& x) { return remap[static_cast<size_t>(x.referral)] == kNone; });
        for (auto& x : v) x.referral = remap[static_cast<size_t>(x.referral)];
      };
      fix(f.assessments);
      fix(f.cin_plans);
      fix(f.s47s);
      // CP plans and their reviews: drop plans of dropped episodes and renumber reviews.
      std::vector<Ix> plan_remap(f.cp_plans.size(), kNone);
      std::vector<FPlan> plans;
      for (size_t i = 0; i < f.cp_plans.size(); ++i) {
        const Ix r = remap[static_cast<size_t>(f.cp_plans[i].referral)];
        if (r == kNone) continue;
        plan_remap[i] = static_cast<Ix>(plans.size());
        f.cp_plans[i].referral = r;
        plans.push_back(std::move(f.cp_plans[i]));
      }
      f.cp_plans = std::move(plans);
      std::erase_if(f.cp_reviews, [&](const FPlanReview& v) {
        return plan_remap[static_cast<size_t>(v.plan)] == kNone;
      });
      for (auto& v : f.cp_reviews) v.plan = plan_remap[static_cast<size_t>(v.plan)];
    }
    for (auto& [child, ix] : adoption_) f.adoptions.push_back(adoptions_[ix]);
    f.Index();
  }

 private:
  FAdoption& Adoption(Ix child) {
    auto [it, added] = adoption_.emplace(child, adoptions_.size());
    if (added) adoptions_.push_back(FAdoption{child, kNoDay, kNoDay, kNoDay});
    return adoptions_[it->second];
  }
  void Drop(Ix referral) {
    f.referrals[static_cast<size_t>(referral)].child = kNone;
    ++dropped_;
  }

  std::unordered_map<std::string, Ix> children_;
  std::map<std::pair<Ix, Day>, Ix> episode_, cla_;
  std::vector<std::vector<Ix>> plans_by_referral_;  // CP plans of each referral (by index)
  std::vector<std::vector<Day>> reviews_by_plan_;   // review dates of each CP plan
  std::set<std::pair<Ix, Day>> reviews_, missing_;
  std::map<Ix, size_t> adoption_;
  std::vector<FAdoption> adoptions_;
  size_t dropped_ = 0;
};

}  // namespace

Result<Facts> FromReturns(const std::vector<const cin::Census*>& censuses,
                          const std::vector<const ssda903::Return*>& returns) {
  if (censuses.empty() && returns.empty()) {
    return InvalidArgument("no returns: give at least one CIN census or SSDA903 return");
  }
  // Oldest first, so that a later return's account of an episode replaces an earlier one's.
  std::vector<const cin::Census*> cs(censuses);
  std::sort(cs.begin(), cs.end(),
            [](auto* a, auto* b) { return a->collection_year < b->collection_year; });
  std::vector<const ssda903::Return*> rs(returns);
  std::sort(rs.begin(), rs.end(),
            [](auto* a, auto* b) { return a->collection_year < b->collection_year; });
  ReturnsBuilder b;
  for (const auto* c : cs) b.AddCensus(*c);
  for (const auto* r : rs) b.AddReturn(*r);
  if (cs.size() >= 2) b.f.has |= kHasPriorCin;
  b.Finish();
  return std::move(b.f);
}

}  // namespace sg::ind
