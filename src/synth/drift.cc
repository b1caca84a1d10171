#include "synth/drift.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "common/csv.h"
#include "storage/loaded_records.h"

namespace sg {
namespace {

bool OpenOn(const Record& r, const char* start_field, const char* end_field, Date day) {
  const auto start = DateOf(r, start_field);
  const auto end = DateOf(r, end_field);
  return start && *start <= day && (!end || *end > day);
}

// What the planter knows of each child.
struct ChildState {
  const Record* open_referral = nullptr;
  std::vector<const Record*> referrals, cin_plans, cp_plans, episodes, assessments, allocations;
  bool on_cp = false, looked_after = false;
  std::vector<const Record*> open_cin;
};

class Planter {
 public:
  Planter(Store& tx, const DriftOptions& o, const Actor& actor)
      : tx_(tx), o_(o), actor_(actor), rng_(o.seed) {}

  Result<std::vector<PlantedDrift>> Run() {
    SG_RETURN_IF_ERROR(Load());
    const Date today = o_.today;
    const Date from = today.AddMonths(-o_.closed_months);
    // The mass closure first: it takes the largest share of the open child in need cases.
    const Date monday = today.AddDays(-60).AddDays(-static_cast<int>(today.AddDays(-60).weekday()));
    {
      std::vector<Id> pool;
      for (auto& [id, c] : state_) {
        if (!CinOnly(c)) continue;
        if (*DateOf(*c.open_referral, "referral_date") > monday.AddDays(-120)) continue;
        bool ok = true;
        for (const Record* p : c.cin_plans) {
          if (p->GetInt("referral_id") == c.open_referral->id() &&
              *DateOf(*p, "start_date") >= monday) {
            ok = false;
          }
        }
        for (const Record* e : c.cp_plans) ok = ok && Ended(*e, monday);
        for (const Record* e : c.episodes) ok = ok && Ended(*e, monday);
        for (const Record* a : c.allocations) ok = ok && *DateOf(*a, "start_date") <= monday;
        if (ok) pool.push_back(id);
      }
      const size_t k =
          std::min(pool.size(),
                   std::max<size_t>(
                       12, static_cast<size_t>(std::ceil(0.4 * static_cast<double>(pool.size())))));
      for (Id child : Choose(pool, k)) {
        const ChildState& c = state_[child];
        Record ref = *c.open_referral;
        ref.Set("closure_date", monday);
        ref.Set("closure_reason", std::string("RC7"));
        SG_RETURN_IF_ERROR(Update(std::move(ref)));
        for (const Record* p : c.cin_plans) {
          if (OpenOn(*p, "start_date", "end_date", monday)) SG_RETURN_IF_ERROR(End(*p, monday));
        }
        for (const Record* a : c.allocations) {
          if (OpenOn(*a, "start_date", "end_date", monday)) SG_RETURN_IF_ERROR(End(*a, monday));
        }
        SG_RETURN_IF_ERROR(Note(child, "mass_closure",
                                "closed on " + monday.ToString() + " with " +
                                    std::to_string(k - 1) + " other child in need cases"));
      }
    }
    // Not seen: the visits of the last 90 days did not see the child.
    {
      std::vector<Id> pool;
      for (auto& [id, c] : state_) {
        if (!CinOnly(c)) continue;
        bool old_plan = false;
        for (const Record* p : c.open_cin)
          old_plan |= *DateOf(*p, "start_date") <= today.AddDays(-120);
        if (old_plan) pool.push_back(id);
      }
      for (Id child : Choose(pool, Share(pool.size()))) {
        SG_RETURN_IF_ERROR(Unseen(child, today.AddDays(-90), today));
        SG_RETURN_IF_ERROR(Note(
            child, "not_seen",
            "visits since " + today.AddDays(-90).ToString() + " recorded as not seeing the child"));
      }
    }
    // An assessment left incomplete.
    {
      std::map<Id, const Record*> target;
      for (auto& [id, c] : state_) {
        if (Used(id) || c.open_referral == nullptr) continue;
        for (const Record* a : c.assessments) {
          const auto start = DateOf(*a, "start_date");
          if (a->GetInt("referral_id") == c.open_referral->id() && DateOf(*a, "authorised_date") &&
              *start >= today.AddDays(-200) && *start <= today.AddDays(-90)) {
            target[id] = a;
          }
        }
      }
      std::vector<Id> pool;
      pool.reserve(target.size());
      for (const auto& [id, a] : target) pool.push_back(id);
      for (Id child : Choose(pool, Share(pool.size()))) {
        Record a = *target[child];
        a.Set("authorised_date", Value{});
        SG_RETURN_IF_ERROR(Update(std::move(a)));
        SG_RETURN_IF_ERROR(Note(child, "assessment_overdue",
                                "assessment started " +
                                    DateOf(*target[child], "start_date")->ToString() +
                                    " left incomplete"));
      }
    }
    // Unallocated: the allocations ended two weeks ago.
    {
      const Date end = today.AddDays(-14);
      std::vector<Id> pool;
      for (auto& [id, c] : state_) {
        if (Used(id) || c.open_referral == nullptr) continue;
        bool any = false, ok = true;
        for (const Record* a : c.allocations) {
          if (!OpenOn(*a, "start_date", "end_date", today)) continue;
          any = true;
          ok = ok && *DateOf(*a, "start_date") <= end;
        }
        if (any && ok) pool.push_back(id);
      }
      for (Id child : Choose(pool, Share(pool.size()))) {
        for (const Record* a : state_[child].allocations) {
          if (OpenOn(*a, "start_date", "end_date", today)) SG_RETURN_IF_ERROR(End(*a, end));
        }
        SG_RETURN_IF_ERROR(Note(child, "unallocated", "allocations ended " + end.ToString()));
      }
    }
    // Open over two years, the plan ended and the case left open.
    {
      const Date end = today.AddDays(-100);
      std::vector<Id> pool;
      for (auto& [id, c] : state_) {
        if (!CinOnly(c)) continue;
        if (*DateOf(*c.open_referral, "referral_date") > today.AddMonths(-26)) continue;
        bool ok = true;
        for (const Record* p : c.open_cin) ok = ok && *DateOf(*p, "start_date") <= end;
        if (ok) pool.push_back(id);
      }
      for (Id child : Choose(pool, Share(pool.size()))) {
        for (const Record* p : state_[child].open_cin) SG_RETURN_IF_ERROR(End(*p, end));
        SG_RETURN_IF_ERROR(
            Note(child, "long_cin_no_plan",
                 "CIN plan ended " + end.ToString() + ", case open since " +
                     DateOf(*state_[child].open_referral, "referral_date")->ToString()));
      }
    }
    // Closed cases: contacts after the closure, or a closure without a reason.
    {
      std::map<Id, const Record*> closed;
      for (auto& [id, c] : state_) {
        if (Used(id) || c.open_referral != nullptr) continue;
        for (const Record* r : c.referrals) {
          const auto d = DateOf(*r, "closure_date");
          const std::string reason = r->GetText("closure_reason");
          if (d && *d > from.AddDays(30) && *d <= today.AddDays(-45) &&
              (reason == "RC8" || reason == "RC9")) {
            closed[id] = r;
          }
        }
      }
      std::vector<Id> pool;
      pool.reserve(closed.size());
      for (const auto& [id, r] : closed) pool.push_back(id);
      const size_t n = Share(pool.size());
      const std::vector<Id> chosen = Choose(pool, 2 * n);
      for (size_t i = 0; i < chosen.size(); ++i) {
        const Id child = chosen[i];
        const Record& r = *closed[child];
        const Date closure = *DateOf(r, "closure_date");
        if (i % 2 == 0) {
          for (int days : {14, 30}) {
            Record k(Entity("contact"));
            const auto at = Timestamp::FromUnixSeconds(
                static_cast<std::int64_t>(closure.AddDays(days).days()) * 86400 + 36000);  // 10:00
            k.Set("child_id", child);
            k.Set("received_at", at);
            k.Set("source", r.GetText("source"));
            k.Set("concern", std::string("A further concern about the child (synthetic)"));
            k.Set("decision", std::string("NFA"));
            k.Set("decided_at", Timestamp::FromUnixSeconds(at.unix_seconds() + 7200));
            SG_RETURN_IF_ERROR(tx_.Create(std::move(k), actor_).status());
          }
          SG_RETURN_IF_ERROR(Note(child, "recontact_after_closure",
                                  "two contacts after the closure on " + closure.ToString()));
        } else {
          Record ref = r;
          ref.Set("closure_reason", std::string("RC7"));
          SG_RETURN_IF_ERROR(Update(std::move(ref)));
          SG_RETURN_IF_ERROR(Unseen(child, closure.AddMonths(-3), closure));
          SG_RETURN_IF_ERROR(Note(
              child, "closed_without_reason",
              "closed " + closure.ToString() + " for any other reason, the child not seen before"));
        }
      }
    }
    return planted_;
  }

 private:
  Status Load() {
    SG_ASSIGN_OR_RETURN(referrals_, ListAll(tx_, Entity("referral")));
    SG_ASSIGN_OR_RETURN(cin_plans_, ListAll(tx_, Entity("cin_plan")));
    SG_ASSIGN_OR_RETURN(cp_plans_, ListAll(tx_, Entity("cp_plan")));
    SG_ASSIGN_OR_RETURN(episodes_, ListAll(tx_, Entity("cla_episode")));
    SG_ASSIGN_OR_RETURN(assessments_, ListAll(tx_, Entity("assessment")));
    SG_ASSIGN_OR_RETURN(allocations_, ListAll(tx_, Entity("allocation")));
    const Date today = o_.today;
    for (const Record& r : referrals_) {
      ChildState& c = state_[r.GetInt("child_id")];
      c.referrals.push_back(&r);
      if (OpenOn(r, "referral_date", "closure_date", today) &&
          (!c.open_referral ||
           *DateOf(r, "referral_date") > *DateOf(*c.open_referral, "referral_date"))) {
        c.open_referral = &r;
      }
    }
    for (const Record& p : cin_plans_) {
      ChildState& c = state_[p.GetInt("child_id")];
      c.cin_plans.push_back(&p);
      if (OpenOn(p, "start_date", "end_date", today)) c.open_cin.push_back(&p);
    }
    for (const Record& p : cp_plans_) {
      ChildState& c = state_[p.GetInt("child_id")];
      c.cp_plans.push_back(&p);
      c.on_cp |= OpenOn(p, "start_date", "end_date", today);
    }
    for (const Record& e : episodes_) {
      ChildState& c = state_[e.GetInt("child_id")];
      c.episodes.push_back(&e);
      c.looked_after |= OpenOn(e, "start_date", "end_date", today);
    }
    for (const Record& a : assessments_) state_[a.GetInt("child_id")].assessments.push_back(&a);
    for (const Record& a : allocations_) state_[a.GetInt("child_id")].allocations.push_back(&a);
    return Status::Ok();
  }

  static bool Ended(const Record& r, Date before) {
    const auto end = DateOf(r, "end_date");
    return end && *end < before;
  }

  bool CinOnly(const ChildState& c) const {
    return c.open_referral != nullptr && !c.open_cin.empty() && !c.on_cp && !c.looked_after;
  }

  bool Used(Id child) const { return used_.count(child) > 0; }

  size_t Share(size_t pool) const {
    if (pool == 0 || o_.rate <= 0) return 0;
    return std::max<size_t>(1,
                            static_cast<size_t>(std::lround(o_.rate * static_cast<double>(pool))));
  }

  // `n` children of `pool` not yet given drift, at random (pool in id order, so the choice
  // depends only on the seed).
  std::vector<Id> Choose(std::vector<Id> pool, size_t n) {
    pool.erase(std::remove_if(pool.begin(), pool.end(), [&](Id c) { return Used(c); }), pool.end());
    std::sort(pool.begin(), pool.end());
    std::shuffle(pool.begin(), pool.end(), rng_);
    pool.resize(std::min(n, pool.size()));
    std::sort(pool.begin(), pool.end());
    for (Id c : pool) used_.insert(c);
    return pool;
  }

  Status Update(Record r) { return tx_.Update(std::move(r), actor_).status(); }

  Status End(const Record& r, Date end) {
    Record copy = r;
    copy.Set("end_date", end);
    return Update(std::move(copy));
  }

  // The child's visits from `from` to `to` recorded as not seeing the child.
  Status Unseen(Id child, Date from, Date to) {
    ListQuery q;
    q.equals.emplace_back("child_id", Value{child});
    SG_ASSIGN_OR_RETURN(std::vector<Record> visits, ListAll(tx_, Entity("visit"), std::move(q)));
    for (Record& v : visits) {
      const auto d = DateOf(v, "visit_date");
      if (!d || *d < from || *d > to || !v.GetBool("child_seen")) continue;
      v.Set("child_seen", false);
      v.Set("child_seen_alone", false);
      SG_RETURN_IF_ERROR(Update(std::move(v)));
    }
    return Status::Ok();
  }

  Status Note(Id child, std::string rule, std::string detail) {
    SG_ASSIGN_OR_RETURN(Record c, tx_.Get(Entity("child"), child));
    planted_.push_back({child, c.GetText("la_child_id"), std::move(rule), std::move(detail)});
    return Status::Ok();
  }

  Store& tx_;
  DriftOptions o_;
  Actor actor_;
  std::mt19937_64 rng_;
  std::vector<Record> referrals_, cin_plans_, cp_plans_, episodes_, assessments_, allocations_;
  std::map<Id, ChildState> state_;
  std::set<Id> used_;
  std::vector<PlantedDrift> planted_;
};

}  // namespace

Result<std::vector<PlantedDrift>> PlantDrift(Store& tx, const DriftOptions& options,
                                             const Actor& actor) {
  if (!(options.rate >= 0 && options.rate <= 1)) {
    return InvalidArgument("a rate between 0 and 1, e.g. 0.02", "drift");
  }
  if (options.today.days() == 0) return InvalidArgument("the review date", "today");
  Planter p(tx, options, actor);
  return p.Run();
}

void WriteDriftManifest(const std::vector<PlantedDrift>& planted, std::ostream& out) {
  out << "child_id,la_child_id,rule,detail\n";
  for (const PlantedDrift& d : planted) {
    out << d.child_id << ',';
    WriteCsvCell(out, d.la_child_id);
    out << ',' << d.rule << ',';
    WriteCsvCell(out, d.detail);
    out << '\n';
  }
}

}  // namespace sg
