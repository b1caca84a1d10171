#include "quality/audit_sample.h"

#include <algorithm>
#include <map>
#include <set>

#include "storage/loaded_records.h"

namespace sg::quality {
namespace {

// SplitMix64 (Steele, Lea and Flood 2014): small, fast and the same everywhere.
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

std::uint64_t Mix(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
  SplitMix m(seed ^ (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL));
  return m.Next();
}

// `n` of `ids` (sorted, unique), drawn by Fisher-Yates, returned in id order.
std::vector<Id> Draw(std::vector<Id> ids, size_t n, std::uint64_t seed) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SplitMix rng(seed);
  for (size_t i = ids.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng.Next() % i);
    std::swap(ids[i - 1], ids[j]);
  }
  ids.resize(std::min(n, ids.size()));
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool OpenDuring(const Record& r, const char* start, const char* end, Date from, Date to) {
  const auto s = DateOf(r, start);
  const auto e = DateOf(r, end);
  return s && *s <= to && (!e || *e >= from);
}

struct Kind {
  const char* id;
  const char* why;
};
constexpr Kind kKinds[] = {
    {"domestic_abuse", "Domestic abuse found at assessment"},
    {"below_threshold", "Section 47 enquiry that did not lead to a child protection plan"},
    {"harmed_on_plan", "Section 47 enquiry while on a child protection plan"},
    {"second_plan", "Second or later child protection plan"},
};

}  // namespace

Result<std::vector<SampledCase>> SampleForAudit(Store& store, const SampleOptions& o) {
  if (o.per_group < 1 || o.per_group > 1000) {
    return InvalidArgument("between 1 and 1000 cases per group", "per_group");
  }
  const Date first = Date::FromCivil(o.month.year(), o.month.month(), 1);
  const Date last = first.AddMonths(1).AddDays(-1);
  const std::uint64_t month_key = static_cast<std::uint64_t>(first.days());

  SG_ASSIGN_OR_RETURN(std::vector<Record> referrals, ListAll(store, Entity("referral")));
  SG_ASSIGN_OR_RETURN(std::vector<Record> allocations, ListAll(store, Entity("allocation")));
  SG_ASSIGN_OR_RETURN(std::vector<Record> workers, ListAll(store, Entity("worker")));
  SG_ASSIGN_OR_RETURN(std::vector<Record> teams, ListAll(store, Entity("team")));
  std::map<Id, const Record*> worker_of, team_of;
  for (const Record& w : workers) worker_of[w.id()] = &w;
  for (const Record& t : teams) team_of[t.id()] = &t;

  // The child's allocation at the month's end, or the last that started in the month.
  std::map<Id, const Record*> allocation;
  for (const Record& a : allocations) {
    if (!OpenDuring(a, "start_date", "end_date", first, last)) continue;
    const Record*& best = allocation[a.GetInt("child_id")];
    if (!best || *DateOf(a, "start_date") >= *DateOf(*best, "start_date")) best = &a;
  }
  std::set<Id> open;  // children with a case open in the month
  std::map<Id, std::vector<const Record*>> open_referrals;
  for (const Record& r : referrals) {
    if (!OpenDuring(r, "referral_date", "closure_date", first, last)) continue;
    open.insert(r.GetInt("child_id"));
    open_referrals[r.GetInt("child_id")].push_back(&r);
  }

  // group -> candidates
  std::vector<std::pair<std::string, std::vector<Id>>> groups;
  std::vector<std::uint64_t> group_keys;
  std::vector<std::string> whys;
  if (o.rule == SampleRule::kRandom) {
    std::map<std::string, std::pair<Id, std::vector<Id>>> by_team;  // team name -> id, children
    for (Id child : open) {
      auto a = allocation.find(child);
      Id team = 0;
      if (a != allocation.end()) {
        team = a->second->GetInt("team_id");
        if (team == 0) {
          auto w = worker_of.find(a->second->GetInt("worker_id"));
          if (w != worker_of.end()) team = w->second->GetInt("team_id");
        }
      }
      auto t = team_of.find(team);
      const std::string name = t == team_of.end() ? "No team" : t->second->GetText("name");
      auto& entry = by_team[name];
      entry.first = team;
      entry.second.push_back(child);
    }
    for (auto& [name, entry] : by_team) {
      groups.emplace_back(name, std::move(entry.second));
      group_keys.push_back(static_cast<std::uint64_t>(entry.first));
      whys.push_back("Open in the month, allocated to " + name);
    }
  } else {
    SG_ASSIGN_OR_RETURN(std::vector<Record> assessments, ListAll(store, Entity("assessment")));
    SG_ASSIGN_OR_RETURN(std::vector<Record> s47s, ListAll(store, Entity("s47_enquiry")));
    SG_ASSIGN_OR_RETURN(std::vector<Record> plans, ListAll(store, Entity("cp_plan")));
    std::map<Id, std::vector<const Record*>> plans_of;
    for (const Record& p : plans) plans_of[p.GetInt("child_id")].push_back(&p);
    std::vector<Id> kind[4];
    // Domestic abuse: an assessment of a case open in the month found it.
    for (const Record& a : assessments) {
      const Id child = a.GetInt("child_id");
      auto refs = open_referrals.find(child);
      if (refs == open_referrals.end()) continue;
      const bool of_open =
          std::any_of(refs->second.begin(), refs->second.end(),
                      [&](const Record* r) { return r->id() == a.GetInt("referral_id"); });
      if (!of_open) continue;
      const auto* factors = std::get_if<CodeSet>(&a.Get("factors"));
      if (factors && std::any_of(factors->begin(), factors->end(), [](const std::string& f) {
            return f == "3A" || f == "3B" || f == "3C";
          })) {
        kind[0].push_back(child);
      }
    }
    for (const Record& s : s47s) {
      const Id child = s.GetInt("child_id");
      const Date start = *DateOf(s, "start_date");
      const auto& child_plans = plans_of[child];
      // Below the threshold: in the 6 months to the month's end, the child not on a plan
      // then, and no plan started since.
      if (start > last.AddMonths(-6) && start <= last &&
          std::none_of(child_plans.begin(), child_plans.end(), [&](const Record* p) {
            return *DateOf(*p, "start_date") >= start ||
                   OpenDuring(*p, "start_date", "end_date", start, start);
          })) {
        kind[1].push_back(child);
      }
      // Harmed on a plan: in the 12 months to the month's end, while a plan was open.
      if (start > last.AddMonths(-12) && start <= last &&
          std::any_of(child_plans.begin(), child_plans.end(), [&](const Record* p) {
            return *DateOf(*p, "start_date") < start &&
                   OpenDuring(*p, "start_date", "end_date", start, start);
          })) {
        kind[2].push_back(child);
      }
    }
    // A second or later plan open in the month.
    for (const auto& [child, child_plans] : plans_of) {
      for (const Record* p : child_plans) {
        if (!OpenDuring(*p, "start_date", "end_date", first, last)) continue;
        const Date start = *DateOf(*p, "start_date");
        const bool earlier = std::any_of(
            child_plans.begin(), child_plans.end(),
            [&](const Record* q) { return q != p && *DateOf(*q, "start_date") < start; });
        if (p->GetInt("previous_plans") > 0 || earlier) kind[3].push_back(child);
      }
    }
    for (size_t k = 0; k < std::size(kKinds); ++k) {
      groups.emplace_back(kKinds[k].id, std::move(kind[k]));
      group_keys.push_back(k + 1);
      whys.emplace_back(kKinds[k].why);
    }
  }

  std::vector<SampledCase> out;
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto chosen = Draw(groups[g].second, static_cast<size_t>(o.per_group),
                             Mix(o.seed, month_key, group_keys[g]));
    for (Id child : chosen) {
      SampledCase c;
      c.child_id = child;
      c.group = groups[g].first;
      c.why = whys[g];
      SG_ASSIGN_OR_RETURN(Record rec, store.Get(Entity("child"), child));
      c.la_child_id = rec.GetText("la_child_id");
      if (auto a = allocation.find(child); a != allocation.end()) {
        c.worker_id = a->second->GetInt("worker_id");
        if (auto w = worker_of.find(c.worker_id); w != worker_of.end()) {
          c.worker_name = w->second->GetText("first_name") + " " + w->second->GetText("last_name");
        }
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace sg::quality
