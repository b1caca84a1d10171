#include "indicators/engine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace sg::ind {

std::string_view UnitName(Unit u) {
  switch (u) {
    case Unit::kCount:
      return "count";
    case Unit::kPercent:
      return "%";
    case Unit::kPer10k:
      return "per 10,000";
    case Unit::kAverage:
      return "average";
    case Unit::kMedian:
      return "median";
  }
  return "";
}

namespace {
struct BreakdownName_ {
  Breakdown b;
  std::string_view name;
};
constexpr BreakdownName_ kBreakdowns[] = {
    {Breakdown::kNone, "none"},
    {Breakdown::kTeam, "team"},
    {Breakdown::kWorker, "worker"},
    {Breakdown::kAgeBand, "age"},
    {Breakdown::kSex, "sex"},
    {Breakdown::kEthnicity, "ethnicity"},
    {Breakdown::kDisability, "disability"},
};

// DfE's age bands for children in need and looked after.
constexpr std::string_view kAgeBands[] = {
    "Unborn or not known", "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"};
int AgeBand(Day dob, Day at) {
  if (dob == kNoDay || at < dob) return 0;
  const int age = Date::FromDays(at).YearsSince(Date::FromDays(dob));
  if (age < 1) return 1;
  if (age < 5) return 2;
  if (age < 10) return 3;
  if (age < 16) return 4;
  return 5;
}

// DfE's ethnicity groups, from the first letter of the code (WBRI -> White, ...).
std::string_view EthnicGroup(std::string_view code) {
  if (code.empty() || code == "NOBT" || code == "REFU") return "Not known or refused";
  switch (code[0]) {
    case 'W':
      return "White";
    case 'M':
      return "Mixed";
    case 'A':
      return "Asian or Asian British";
    case 'B':
      return "Black or Black British";
    case 'C':
    case 'O':
      return "Other ethnic group";
    default:
      return "Not known or refused";
  }
}
constexpr std::string_view kEthnicGroups[] = {"White",
                                              "Mixed",
                                              "Asian or Asian British",
                                              "Black or Black British",
                                              "Other ethnic group",
                                              "Not known or refused"};

constexpr std::int64_t kNotAllocated = -1;
constexpr std::int64_t kNotApplicable = -2;
}  // namespace

Result<Breakdown> ParseBreakdown(std::string_view text) {
  for (const auto& b : kBreakdowns) {
    if (b.name == text) return b.b;
  }
  return InvalidArgument("unknown breakdown \"" + std::string(text) +
                         "\": expected team, worker, age, sex, ethnicity or disability");
}

std::string_view BreakdownName(Breakdown b) {
  for (const auto& x : kBreakdowns) {
    if (x.b == b) return x.name;
  }
  return "";
}

int CollectionYearOf(Day d) {
  const Date date = Date::FromDays(d);
  return date.month() >= 4 ? date.year() + 1 : date.year();
}

Result<Period> ParsePeriod(std::string_view text) {
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    return InvalidArgument("period \"" + std::string(text) +
                           "\": expected FROM..TO, e.g. 2024-04-01..2025-03-31");
  }
  auto from = Date::Parse(text.substr(0, dots));
  auto to = Date::Parse(text.substr(dots + 2));
  if (!from.ok()) return from.status().WithFieldPrefix("period start");
  if (!to.ok()) return to.status().WithFieldPrefix("period end");
  if (*to < *from) {
    return InvalidArgument("period \"" + std::string(text) + "\": the end is before the start");
  }
  return Period{from->days(), to->days(), std::string(text)};
}

Result<std::vector<Period>> MonthlyPeriods(Date from, Date to, int max_months) {
  if (to < from) return InvalidArgument("monthly series: the end is before the start");
  std::vector<Period> out;
  int y = from.year();
  unsigned m = from.month();
  while (true) {
    const Date first = Date::FromCivil(y, m, 1);
    if (first > to) break;
    const int ny = m == 12 ? y + 1 : y;
    const unsigned nm = m == 12 ? 1 : m + 1;
    const Date last = Date::FromCivil(ny, nm, 1).AddDays(-1);
    char label[8];
    std::snprintf(label, sizeof label, "%04d-%02u", y, m);
    out.push_back(Period{first.days(), last.days(), label});
    if (static_cast<int>(out.size()) > max_months) {
      return InvalidArgument("monthly series: at most " + std::to_string(max_months) +
                             " months (5 years)");
    }
    y = ny;
    m = nm;
  }
  return out;
}

Period ReportingYear(int year) {
  char label[16];
  std::snprintf(label, sizeof label, "%04d-%02d", year - 1, year % 100);
  return Period{Date::FromCivil(year - 1, 4, 1).days(), Date::FromCivil(year, 3, 31).days(), label};
}

Period DefaultPeriod(Day latest) {
  Period p = ReportingYear(CollectionYearOf(latest));
  if (latest < p.to) {
    p.to = latest;
    p.label += " to date";
  }
  return p;
}

Tally::Tally(const Facts& facts, const std::vector<Period>& periods, Breakdown by, Unit unit)
    : facts_(facts), periods_(periods), by_(by), unit_(unit), total_(periods.size()) {
  for (size_t i = 1; i < periods_.size(); ++i) {
    if (periods_[i].from != periods_[i - 1].to + 1) contiguous_ = false;
  }
}

int Tally::PeriodOf(Day d) const {
  if (periods_.empty() || d == kNoDay || d == kOpen) return -1;
  if (periods_.size() == 1) return d >= periods_[0].from && d <= periods_[0].to ? 0 : -1;
  if (contiguous_) {
    if (d < periods_.front().from || d > periods_.back().to) return -1;
    auto it = std::upper_bound(periods_.begin(), periods_.end(), d,
                               [](Day v, const Period& p) { return v < p.from; });
    return static_cast<int>(it - periods_.begin()) - 1;
  }
  for (size_t i = 0; i < periods_.size(); ++i) {
    if (d >= periods_[i].from && d <= periods_[i].to) return static_cast<int>(i);
  }
  return -1;
}

std::pair<int, int> Tally::PeriodsEnding(Day start, Day end) const {
  if (start == kNoDay) return {0, 0};
  // Periods are in order of their last day.
  auto lo = std::lower_bound(periods_.begin(), periods_.end(), start,
                             [](const Period& p, Day v) { return p.to < v; });
  auto hi = std::upper_bound(periods_.begin(), periods_.end(), end,
                             [](Day v, const Period& p) { return v < p.to; });
  const int a = static_cast<int>(lo - periods_.begin());
  const int b = static_cast<int>(hi - periods_.begin());
  return {a, std::max(a, b)};
}

std::int64_t Tally::GroupKey(Ix child, Ix worker, Day at, Ix allocation) const {
  switch (by_) {
    case Breakdown::kNone:
      return 0;
    case Breakdown::kTeam:
    case Breakdown::kWorker: {
      if (worker == kNone && child != kNone) {
        Ix a = allocation;
        if (a == kUnknownAllocation) {
          if (child != cached_child_ || at < cached_from_ || at > cached_to_) {
            cached_child_ = child;
            cached_allocation_ = facts_.AllocationOn(child, at, &cached_from_, &cached_to_);
          }
          a = cached_allocation_;
        }
        if (a != kNone) {
          const FAllocation& al = facts_.allocations[static_cast<size_t>(a)];
          if (by_ == Breakdown::kWorker) return al.worker == kNone ? kNotAllocated : al.worker;
          if (al.team != kNone) return al.team;
          worker = al.worker;
        }
      }
      if (worker == kNone) return kNotAllocated;
      if (by_ == Breakdown::kWorker) return worker;
      const Ix team = facts_.workers[static_cast<size_t>(worker)].team;
      return team == kNone ? kNotAllocated : team;
    }
    case Breakdown::kAgeBand:
      if (child == kNone) return kNotApplicable;
      return AgeBand(facts_.children[static_cast<size_t>(child)].dob, at);
    case Breakdown::kSex: {
      if (child == kNone) return kNotApplicable;
      const std::string& s = facts_.children[static_cast<size_t>(child)].sex;
      return s == "M" ? 0 : s == "F" ? 1 : 2;
    }
    case Breakdown::kEthnicity: {
      if (child == kNone) return kNotApplicable;
      const std::string_view g = EthnicGroup(facts_.children[static_cast<size_t>(child)].ethnicity);
      for (size_t i = 0; i < std::size(kEthnicGroups); ++i) {
        if (kEthnicGroups[i] == g) return static_cast<std::int64_t>(i);
      }
      return 5;
    }
    case Breakdown::kDisability:
      if (child == kNone) return kNotApplicable;
      return facts_.children[static_cast<size_t>(child)].disabled ? 1 : 0;
  }
  return 0;
}

std::string Tally::LabelOf(std::int64_t key) const {
  if (key == kNotAllocated) return by_ == Breakdown::kWorker ? "No allocated worker" : "No team";
  if (key == kNotApplicable) return "Not applicable";
  switch (by_) {
    case Breakdown::kNone:
      return "All";
    case Breakdown::kTeam:
      return facts_.teams[static_cast<size_t>(key)].name;
    case Breakdown::kWorker:
      return facts_.workers[static_cast<size_t>(key)].staff_id;
    case Breakdown::kAgeBand:
      return std::string(kAgeBands[key]);
    case Breakdown::kSex:
      return key == 0 ? "Male" : key == 1 ? "Female" : "Not known";
    case Breakdown::kEthnicity:
      return std::string(kEthnicGroups[key]);
    case Breakdown::kDisability:
      return key == 1 ? "Disabled" : "Not disabled or not recorded";
  }
  return "";
}

Tally::Group& Tally::GroupFor(std::int64_t key) {
  if (last_group_ < groups_.size() && groups_[last_group_].key == key) return groups_[last_group_];
  auto [it, added] = group_index_.emplace(key, groups_.size());
  last_group_ = it->second;
  if (added) groups_.push_back(Group{key, LabelOf(key), std::vector<Cell>(periods_.size())});
  return groups_[it->second];
}

void Tally::Add(int p, Ix child, Ix worker, Day at, double num, double den) {
  if (p < 0 || p >= size()) return;
  Cell& t = total_[static_cast<size_t>(p)];
  t.num += num;
  t.den += den;
  if (by_ == Breakdown::kNone) return;
  Cell& g = GroupFor(GroupKey(child, worker, at)).cells[static_cast<size_t>(p)];
  g.num += num;
  g.den += den;
}

void Tally::AddAllocated(int p, Ix child, Ix allocation, Day at, double num, double den) {
  if (p < 0 || p >= size()) return;
  Cell& t = total_[static_cast<size_t>(p)];
  t.num += num;
  t.den += den;
  if (by_ == Breakdown::kNone) return;
  Cell& g = GroupFor(GroupKey(child, kNone, at, allocation)).cells[static_cast<size_t>(p)];
  g.num += num;
  g.den += den;
}

void Tally::AddForTeam(int p, Ix team, double num, double den) {
  if (p < 0 || p >= size()) return;
  Cell& t = total_[static_cast<size_t>(p)];
  t.num += num;
  t.den += den;
  if (by_ == Breakdown::kNone) return;
  const std::int64_t key =
      by_ == Breakdown::kTeam ? (team == kNone ? kNotAllocated : team) : kNotApplicable;
  Cell& g = GroupFor(key).cells[static_cast<size_t>(p)];
  g.num += num;
  g.den += den;
}

void Tally::AddValue(int p, Ix child, Ix worker, Day at, double value) {
  if (p < 0 || p >= size()) return;
  Cell& t = total_[static_cast<size_t>(p)];
  t.values.push_back(value);
  t.num += value;
  t.den += 1;
  if (by_ == Breakdown::kNone) return;
  Cell& g = GroupFor(GroupKey(child, worker, at)).cells[static_cast<size_t>(p)];
  g.values.push_back(value);
  g.num += value;
  g.den += 1;
}

std::optional<double> ValueOf(const IndicatorDef& def, const Cell& cell,
                              std::optional<double> population) {
  switch (def.unit) {
    case Unit::kCount:
      return cell.num;
    case Unit::kPercent:
      if (cell.den <= 0) return std::nullopt;
      return 100.0 * cell.num / cell.den;
    case Unit::kPer10k:
      if (!population || *population <= 0) return std::nullopt;
      return 10000.0 * cell.num / *population;
    case Unit::kAverage:
      if (cell.den <= 0) return std::nullopt;
      return cell.num / cell.den;
    case Unit::kMedian: {
      if (cell.values.empty()) return std::nullopt;
      std::vector<double> v(cell.values);
      const size_t n = v.size();
      std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2), v.end());
      const double hi = v[n / 2];
      if (n % 2 == 1) return hi;
      const double lo =
          *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2));
      return (lo + hi) / 2;
    }
  }
  return std::nullopt;
}

std::span<const IndicatorDef> AllIndicators() {
  static const std::vector<IndicatorDef> kAll = [] {
    std::vector<IndicatorDef> all;
    for (auto family :
         {FrontDoorIndicators(), CinCpIndicators(), ClaIndicators(), WorkforceIndicators()}) {
      all.insert(all.end(), family.begin(), family.end());
    }
    return all;
  }();
  return kAll;
}

const IndicatorDef* FindIndicator(std::string_view id) {
  for (const IndicatorDef& d : AllIndicators()) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

namespace {
std::string Missing(unsigned missing) {
  std::string out;
  auto add = [&](unsigned bit, const char* what) {
    if (!(missing & bit)) return;
    if (!out.empty()) out += ", ";
    out += what;
  };
  add(kHasCin, "children in need (referrals, assessments, plans)");
  add(kHasCla, "looked-after episodes (an SSDA903 return)");
  add(kHasFrontDoor, "contacts and Front Door decisions");
  add(kHasCasework, "visits, strategy discussions and the dates children were seen");
  add(kHasWorkforce, "teams, workers and allocations");
  add(kHasPriorCin, "the previous year's referrals (an earlier CIN census)");
  add(kHasQuality, "case file audits");
  return out;
}
}  // namespace

Result<Scorecard> Evaluate(const Facts& facts, const EvaluateOptions& options) {
  if (options.periods.empty()) return InvalidArgument("no periods to evaluate");
  for (size_t i = 1; i < options.periods.size(); ++i) {
    if (options.periods[i].to <= options.periods[i - 1].to) {
      return InvalidArgument("periods must be in order of their last day");
    }
    // An event is counted in the one period that holds its day, so periods may not overlap
    // (rolling windows are evaluated a set of disjoint windows at a time).
    if (options.periods[i].from <= options.periods[i - 1].to) {
      return InvalidArgument("periods must not overlap: " + options.periods[i - 1].label + " and " +
                             options.periods[i].label);
    }
  }
  std::vector<const IndicatorDef*> defs;
  if (options.ids.empty()) {
    for (const IndicatorDef& d : AllIndicators()) defs.push_back(&d);
  } else {
    for (const std::string& id : options.ids) {
      const IndicatorDef* d = FindIndicator(id);
      if (d == nullptr)
        return NotFound("no indicator \"" + id + "\" (see `safeguard indicators --list`)");
      defs.push_back(d);
    }
  }
  Scorecard out;
  out.periods = options.periods;
  out.by = options.by;
  out.series.resize(defs.size());
  std::atomic<size_t> next{0};
  // SG_PROFILE_INDICATORS=1: each indicator's time on stderr.
  const bool profile = std::getenv("SG_PROFILE_INDICATORS") != nullptr;
  auto work = [&] {
    while (true) {
      const size_t i = next.fetch_add(1);
      if (i >= defs.size()) return;
      const IndicatorDef& d = *defs[i];
      Series& s = out.series[i];
      s.def = &d;
      const unsigned missing = d.needs & ~facts.has;
      if (missing != 0) {
        s.available = false;
        s.unavailable_reason =
            "needs " + Missing(missing) + ", which the data supplied does not carry";
        s.total.resize(options.periods.size());
        continue;
      }
      Tally t(facts, options.periods, options.by, d.unit);
      const auto t0 = std::chrono::steady_clock::now();
      d.eval(facts, t);
      if (profile) {
        std::fprintf(
            stderr, "indicator %-32s %8.1f ms\n", std::string(d.id).c_str(),
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
      }
      s.total = t.TakeTotal();
      s.groups = t.TakeGroups();
      std::sort(s.groups.begin(), s.groups.end(),
                [](const Tally::Group& a, const Tally::Group& b) { return a.label < b.label; });
    }
  };
  const int threads = std::max(1, std::min(options.threads, static_cast<int>(defs.size())));
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace sg::ind
