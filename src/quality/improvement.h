#pragma once
// Where an improvement plan stands on a day: every workstream, project and action rated red,
// amber or green from its dates, status and dependencies; every measure against the line from its
// baseline to its target; every risk by its score; and the plan as a whole.
//
// The rules (docs/quality.md gives them to readers; `reason` says which applied):
//   An action (or any item with nothing under it):
//     Cancelled                                  no rating (left out of roll-ups)
//     Complete                                   Complete
//     due date passed, not complete              Red    "Overdue by N days"
//     Blocked                                    Red when due within 14 days, else Amber
//     waits for an item that is not complete
//       and is itself Red or due after this one  Amber  "Waits for ..."
//     Not started and due within 14 days         Amber  "Due in N days, not started"
//     otherwise                                  Green
//   A project or workstream: Complete when its status is; otherwise the worst of its own rating
//   (the rules above on its own dates) and its items' ratings (Red, then Amber, then Green;
//   Complete items count as Green).
//   A measure: expected = baseline + (target - baseline) x the share of the time from
//   baseline date to target date that has passed at the latest value's date (0 to 1).
//     no value since the baseline                Amber  "No value since the baseline"
//     the latest value meets the target          Green  "Target met"
//     at or better than expected                 Green  "On trajectory"
//     worse by no more than the tolerance        Amber  (tolerance: a % of |target - baseline|,
//                                                        10% unless the measure sets it)
//     worse by more                              Red
//   An indicator measure's values are the indicator over the 12 months to the end of each
//   month from the baseline's month to the day (so that one month's noise does not set the
//   rating), and its baseline, when none is recorded, the indicator over the 12 months to the
//   baseline date; children's views and local measures use the values recorded
//   (measure_value). A measure with no baseline has no rating ("No baseline").
//   A risk: score = likelihood x impact; 15 or more Red, 5 to 12 Amber, 4 or less Green;
//   closed risks have no rating. Risks are reported beside the plan, not rolled into it.
//   The plan: the worst of its workstreams' and measures' ratings (Green when it has neither).

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "indicators/facts.h"
#include "indicators/output.h"
#include "report/document.h"
#include "storage/store.h"

namespace sg::quality {

using report::Rag;

// The worse of two ratings (Red > Amber > Green > Complete > none).
Rag WorseOf(Rag a, Rag b);

struct ItemState {
  Id id = 0;
  Id parent_id = 0;
  std::string kind;  // WORKSTREAM, PROJECT, ACTION
  std::string title;
  std::string lead;
  std::string status;
  std::optional<Date> start;
  std::optional<Date> due;
  std::optional<Date> completed;
  std::string evidence;
  std::vector<Id> depends_on;
  Rag rag = Rag::kNone;
  std::string reason;
  std::vector<ItemState> items;  // projects of a workstream, actions of a project
};

struct MeasurePoint {
  Date date;
  double value = 0;
};

struct MeasureState {
  Id id = 0;
  Id item_id = 0;
  std::string name;
  std::string kind;  // INDICATOR, CHILD_VOICE, LOCAL
  std::string indicator_id;
  std::string question;
  std::string unit;
  bool higher_is_better = true;
  bool has_baseline = false;
  bool baseline_computed = false;  // an indicator's value for the 12 months to baseline_date
  double baseline = 0;
  Date baseline_date;
  double target = 0;
  Date target_date;
  double tolerance_pct = 10;
  std::vector<MeasurePoint> values;  // by date
  std::optional<MeasurePoint> latest;
  std::optional<double> expected;  // the trajectory at the latest value's date
  Rag rag = Rag::kNone;
  std::string reason;
};

// The trajectory's value on `day` (baseline before the baseline date, target after the target
// date, a straight line between).
double Expected(const MeasureState& m, Date day);

struct RiskState {
  Id id = 0;
  std::string title;
  std::string owner;
  std::string mitigation;
  std::string status;
  int likelihood = 0;
  int impact = 0;
  int score = 0;
  std::optional<Date> review_date;
  bool review_overdue = false;
  Rag rag = Rag::kNone;
};

struct PlanCounts {
  int actions = 0;  // leaf items, cancelled apart
  int complete = 0;
  int overdue = 0;
  int due_soon = 0;  // due within 14 days, not complete
  int blocked = 0;
  int measures_off_track = 0;  // Amber or Red
  int open_red_risks = 0;
};

struct PlanState {
  Id id = 0;
  std::string title;
  std::string description;
  std::string source;
  std::string lead;
  std::string status;
  Date start;
  std::optional<Date> end;
  Date as_of;
  Rag rag = Rag::kGreen;
  std::string reason;
  std::vector<ItemState> workstreams;  // items with no parent, by due date then id
  std::vector<MeasureState> measures;
  std::vector<RiskState> risks;  // highest score first
  PlanCounts counts;
};

// Indicator figures for measures of kind INDICATOR (both must outlive the call). Without them
// such measures are rated on any values recorded by hand, and say so.
struct IndicatorSource {
  const ind::Facts* facts = nullptr;
  const ind::ReportContext* context = nullptr;
};

Result<PlanState> AssessPlan(Store& store, Id plan_id, Date as_of,
                             const IndicatorSource& indicators);

}  // namespace sg::quality
