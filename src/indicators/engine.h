#pragma once
// The indicator engine: one registry entry per indicator (what it means, how DfE defines it,
// which way is better, what it needs), each computed from Facts into a Tally over any list of
// periods (one period, or a monthly series) and broken down by team, worker, age band, sex,
// ethnicity or disability.
//
// Periods and dates:
// - a "flow" (referrals received, assessments completed) counts each event in the period its
//   date falls in;
// - a "stock" (children looked after, plans open) is taken on the period's last day, the
//   reference date, as DfE's "at 31 March" figures are;
// - a monthly series is a list of calendar months, each its own period; so a flow's monthly
//   value is that month's, and a rate per 10,000 over a month is that month's (not annualised).
// - breakdowns: an event is put in the team and worker of the child's allocation open on the
//   event's date (or, for events a worker did, such as an assessment or a visit, that worker's
//   team); age band is the child's age on that date.
//
// Thread-safety: Evaluate runs indicators on several threads; the registry is immutable.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indicators/benchmark.h"
#include "indicators/facts.h"

namespace sg::ind {

enum class Unit {
  kCount,    // a number of children or events
  kPercent,  // 100 * numerator / denominator
  kPer10k,   // numerator per 10,000 children aged 0-17 in the LA
  kAverage,  // numerator / denominator (average caseload, average days)
  kMedian,   // the median of the values recorded (days)
};
std::string_view UnitName(Unit u);  // "count", "%", "per 10,000", "average", "median"

enum class Breakdown { kNone, kTeam, kWorker, kAgeBand, kSex, kEthnicity, kDisability };
Result<Breakdown> ParseBreakdown(std::string_view text);  // "team", "worker", "age", ...
std::string_view BreakdownName(Breakdown b);

struct Period {
  Day from = 0;  // first day
  Day to = 0;    // last day (the reference date of stocks)
  std::string label;
};
// "2024-04-01..2025-03-31" -> one period.
Result<Period> ParsePeriod(std::string_view text);
// The calendar months from the month of `from` to the month of `to` (at most `max_months`).
Result<std::vector<Period>> MonthlyPeriods(Date from, Date to, int max_months = 60);
// DfE's reporting year ending 31 March `year`.
Period ReportingYear(int year);
// The period shown when none is asked for: the reporting year of `latest` (the latest event
// recorded), cut at `latest` when the year has not ended ("2026-27 to date"), so that a year
// still running is not read as a whole one.
Period DefaultPeriod(Day latest);

class Tally;
using EvalFn = void (*)(const Facts&, Tally&);

struct IndicatorDef {
  std::string_view id;           // "rereferral_pct"
  std::string_view area;         // "Referrals"
  std::string_view name;         // "Re-referrals within 12 months"
  std::string_view description;  // plain English, for members
  std::string_view numerator;    // DfE definition, part by part
  std::string_view denominator;  // "" for counts
  std::string_view timing;       // "referrals received in the period" / "on the period's last day"
  std::string_view exclusions;   // "" when none
  Unit unit = Unit::kCount;
  Polarity polarity = Polarity::kNeither;
  unsigned needs = 0;          // Has bits the indicator reads
  std::string_view benchmark;  // la_figures.csv measure it compares with ("" when none)
  EvalFn eval = nullptr;
};

std::span<const IndicatorDef> AllIndicators();
const IndicatorDef* FindIndicator(std::string_view id);
// The families, each defined in its own file (defs_*.cc).
std::span<const IndicatorDef> FrontDoorIndicators();
std::span<const IndicatorDef> CinCpIndicators();
std::span<const IndicatorDef> ClaIndicators();
std::span<const IndicatorDef> WorkforceIndicators();

struct Cell {
  double num = 0;
  double den = 0;
  std::vector<double> values;  // kMedian only
};

// What an indicator's EvalFn reports into.
class Tally {
 public:
  Tally(const Facts& facts, const std::vector<Period>& periods, Breakdown by, Unit unit);

  const std::vector<Period>& periods() const { return periods_; }
  int size() const { return static_cast<int>(periods_.size()); }
  // The period whose days include `d`, or -1.
  int PeriodOf(Day d) const;
  // The periods whose reference date (last day) lies in [start, end]: indexes [first, last).
  std::pair<int, int> PeriodsEnding(Day start, Day end) const;
  Day From(int p) const { return periods_[static_cast<size_t>(p)].from; }
  Day To(int p) const { return periods_[static_cast<size_t>(p)].to; }

  // Counts `num` and `den` in period p, in the group of `child` (or `worker`) on day `at`.
  void Add(int p, Ix child, Ix worker, Day at, double num, double den);
  // Counts in period p for a whole team (team-level facts such as funded posts); in
  // breakdowns other than by team such figures are "Not applicable".
  void AddForTeam(int p, Ix team, double num, double den);
  // As Add, with the allocation open on `at` already looked up (Facts::AllocationOn).
  void AddAllocated(int p, Ix child, Ix allocation, Day at, double num, double den);
  // A value for a median, in period p.
  void AddValue(int p, Ix child, Ix worker, Day at, double value);

  struct Group {
    std::int64_t key = 0;
    std::string label;
    std::vector<Cell> cells;  // one per period
  };
  const std::vector<Cell>& total() const { return total_; }
  const std::vector<Group>& groups() const { return groups_; }
  std::vector<Cell> TakeTotal() { return std::move(total_); }
  std::vector<Group> TakeGroups() { return std::move(groups_); }
  Breakdown by() const { return by_; }

 private:
  std::int64_t GroupKey(Ix child, Ix worker, Day at, Ix allocation = kUnknownAllocation) const;
  static constexpr Ix kUnknownAllocation = -2;
  Group& GroupFor(std::int64_t key);
  std::string LabelOf(std::int64_t key) const;

  const Facts& facts_;
  std::vector<Period> periods_;
  Breakdown by_;
  Unit unit_;
  bool contiguous_ = true;
  std::vector<Cell> total_;
  std::vector<Group> groups_;
  std::unordered_map<std::int64_t, size_t> group_index_;
  size_t last_group_ = 0;  // the group of the last Add (consecutive Adds often share it)
  // The last allocation looked up and the days it holds for: stocks walk a child's reference
  // dates in order, so most lookups repeat the last one.
  mutable Ix cached_child_ = kNone;
  mutable Ix cached_allocation_ = kNone;
  mutable Day cached_from_ = 0, cached_to_ = -1;
};

// One indicator's figures: the total and each group, period by period.
struct Series {
  const IndicatorDef* def = nullptr;
  bool available = true;
  std::string unavailable_reason;  // "needs contacts, which imported returns do not carry"
  std::vector<Cell> total;
  std::vector<Tally::Group> groups;
};

struct EvaluateOptions {
  std::vector<Period> periods;
  Breakdown by = Breakdown::kNone;
  std::vector<std::string> ids;  // empty: every indicator
  int threads = 2;
};

struct Scorecard {
  std::vector<Period> periods;
  Breakdown by = Breakdown::kNone;
  std::vector<Series> series;  // in registry order
};

Result<Scorecard> Evaluate(const Facts& facts, const EvaluateOptions& options);

// The cell's value in the indicator's unit, or nullopt when it has none (no denominator, no
// population). `population` is the LA's children aged 0-17 for per-10,000 rates.
std::optional<double> ValueOf(const IndicatorDef& def, const Cell& cell,
                              std::optional<double> population);

// Collection year (ending 31 March) of a day.
int CollectionYearOf(Day d);

}  // namespace sg::ind
