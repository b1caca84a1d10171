#include "quality/improvement.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <tuple>

#include "indicators/engine.h"
#include "storage/loaded_records.h"

namespace sg::quality {
namespace {

constexpr int kDueSoonDays = 14;

int Severity(Rag r) {
  switch (r) {
    case Rag::kRed:
      return 4;
    case Rag::kAmber:
      return 3;
    case Rag::kGreen:
      return 2;
    case Rag::kComplete:
      return 1;
    case Rag::kNone:
      return 0;
  }
  return 0;
}

std::string Days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// The rating of an item on its own dates, status and dependencies (the action rules).
void RateOwn(ItemState& item, Date as_of, const std::map<Id, const ItemState*>& by_id) {
  if (item.status == "CANCELLED") {
    item.rag = Rag::kNone;
    item.reason = "Cancelled";
    return;
  }
  if (item.status == "COMPLETE") {
    item.rag = Rag::kComplete;
    item.reason = item.completed ? "Completed " + item.completed->ToString() : "Complete";
    return;
  }
  const bool has_due = item.due.has_value();
  const int days_left = has_due ? item.due->days() - as_of.days() : 0;
  if (has_due && days_left < 0) {
    item.rag = Rag::kRed;
    item.reason = "Overdue by " + Days(-days_left);
    return;
  }
  if (item.status == "BLOCKED") {
    const bool soon = has_due && days_left <= kDueSoonDays;
    item.rag = soon ? Rag::kRed : Rag::kAmber;
    item.reason = !soon            ? "Blocked"
                  : days_left == 0 ? "Blocked, due today"
                                   : "Blocked, due in " + Days(days_left);
    return;
  }
  for (Id dep : item.depends_on) {
    auto it = by_id.find(dep);
    if (it == by_id.end()) continue;
    const ItemState& d = *it->second;
    if (d.status == "COMPLETE" || d.status == "CANCELLED") continue;
    const bool late_dep = d.due && d.due->days() < as_of.days();
    const bool after_this = d.due && item.due && *d.due > *item.due;
    if (late_dep || after_this) {
      item.rag = Rag::kAmber;
      item.reason = "Waits for \"" + d.title + "\"" +
                    (late_dep ? ", which is overdue" : ", due after this item");
      return;
    }
  }
  if (item.status == "NOT_STARTED" && has_due && days_left <= kDueSoonDays) {
    item.rag = Rag::kAmber;
    item.reason = (days_left == 0 ? "Due today" : "Due in " + Days(days_left)) + ", not started";
    return;
  }
  item.rag = Rag::kGreen;
  item.reason = item.due ? "On track, due " + item.due->ToString() : "On track";
}

// Rates an item and what is under it, counting actions; returns the item's rating.
void RateTree(ItemState& item, Date as_of, const std::map<Id, const ItemState*>& by_id,
              PlanCounts& counts) {
  RateOwn(item, as_of, by_id);
  if (item.items.empty()) {
    if (item.status == "CANCELLED") return;
    ++counts.actions;
    if (item.status == "COMPLETE") ++counts.complete;
    if (item.status == "BLOCKED") ++counts.blocked;
    if (item.status != "COMPLETE" && item.due) {
      const int left = item.due->days() - as_of.days();
      if (left < 0) ++counts.overdue;
      if (left >= 0 && left <= kDueSoonDays) ++counts.due_soon;
    }
    return;
  }
  Rag worst = Rag::kNone;
  int red = 0, amber = 0;
  for (ItemState& child : item.items) {
    RateTree(child, as_of, by_id, counts);
    const Rag r = child.rag == Rag::kComplete ? Rag::kGreen : child.rag;
    worst = WorseOf(worst, r);
    red += child.rag == Rag::kRed;
    amber += child.rag == Rag::kAmber;
  }
  if (item.rag == Rag::kComplete || item.rag == Rag::kNone) return;
  if (Severity(worst) > Severity(item.rag)) {
    item.rag = worst;
    item.reason = red > 0
                      ? std::to_string(red) + " red of " + std::to_string(item.items.size())
                      : std::to_string(amber) + " amber of " + std::to_string(item.items.size());
  }
}

void SortTree(std::vector<ItemState>& items) {
  std::sort(items.begin(), items.end(), [](const ItemState& a, const ItemState& b) {
    const Date far = Date::FromCivil(9999, 12, 31);
    return std::make_tuple(a.due.value_or(far), a.id) < std::make_tuple(b.due.value_or(far), b.id);
  });
  for (ItemState& i : items) SortTree(i.items);
}

double Real(const Record& r, std::string_view field, double fallback) {
  const Value& v = r.Get(field);
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return fallback;
}

// The indicator over the 12 months to the end of each month from the baseline's to as_of's.
Status IndicatorValues(MeasureState& m, Date as_of, const IndicatorSource& src) {
  const ind::IndicatorDef* def = ind::FindIndicator(m.indicator_id);
  if (!def) {
    return InvalidArgument("measure " + std::to_string(m.id) + " names indicator \"" +
                               m.indicator_id + "\", which Safeguard does not compute",
                           "indicator_id");
  }
  m.higher_is_better = def->polarity != Polarity::kLowerBetter;
  if (m.unit.empty()) m.unit = std::string(ind::UnitName(def->unit));
  if (!src.facts || !src.context) return Status::Ok();
  // The 12 months to `end` (`end` included).
  auto year_to = [](Date end) {
    ind::Period p;
    p.to = ind::DayOf(end);
    p.from = ind::DayOf(end.AddDays(1).AddMonths(-12));
    p.label = end.ToString();
    return p;
  };
  auto evaluate =
      [&](std::vector<ind::Period> periods) -> Result<std::vector<std::optional<double>>> {
    ind::EvaluateOptions options;
    options.periods = std::move(periods);
    options.ids = {m.indicator_id};
    options.threads = 1;
    SG_ASSIGN_OR_RETURN(ind::Scorecard card, ind::Evaluate(*src.facts, options));
    const std::vector<ind::Row> rows = ind::Rows(card, *src.context);
    if (rows.empty()) return std::vector<std::optional<double>>{};
    return rows[0].values;
  };
  if (!m.has_baseline) {
    SG_ASSIGN_OR_RETURN(auto base, evaluate({year_to(m.baseline_date)}));
    if (!base.empty() && base[0]) {
      m.baseline = *base[0];
      m.has_baseline = true;
      m.baseline_computed = true;
    }
  }
  // The 12 months to the end of each month from the baseline's month to as_of's (the last cut
  // at as_of). The engine counts an event in one period only, so the windows are evaluated in
  // sets of windows that do not overlap (about 12 sets: windows a year apart).
  std::vector<Date> ends;
  Date month = Date::FromCivil(m.baseline_date.year(), m.baseline_date.month(), 1);
  while (month <= as_of && ends.size() < 60) {
    const Date next = month.AddMonths(1);
    ends.push_back(std::min(next.AddDays(-1), as_of));
    month = next;
  }
  std::vector<std::optional<double>> values(ends.size());
  // Each window joins the first set whose last window ends before it starts.
  std::vector<std::vector<size_t>> sets;
  for (size_t i = 0; i < ends.size(); ++i) {
    const ind::Day from = year_to(ends[i]).from;
    auto fits = std::find_if(sets.begin(), sets.end(), [&](const std::vector<size_t>& set) {
      return ind::DayOf(ends[set.back()]) < from;
    });
    if (fits == sets.end()) {
      sets.push_back({i});
    } else {
      fits->push_back(i);
    }
  }
  for (const std::vector<size_t>& set : sets) {
    std::vector<ind::Period> periods;
    periods.reserve(set.size());
    for (size_t i : set) periods.push_back(year_to(ends[i]));
    SG_ASSIGN_OR_RETURN(auto got, evaluate(std::move(periods)));
    for (size_t k = 0; k < set.size() && k < got.size(); ++k) values[set[k]] = got[k];
  }
  for (size_t i = 0; i < ends.size(); ++i) {
    if (values[i]) m.values.push_back({ends[i], *values[i]});
  }
  return Status::Ok();
}

void RateMeasure(MeasureState& m, Date as_of) {
  if (!m.has_baseline) {
    m.rag = Rag::kNone;
    m.reason = "No baseline";
    return;
  }
  std::sort(m.values.begin(), m.values.end(),
            [](const MeasurePoint& a, const MeasurePoint& b) { return a.date < b.date; });
  for (const MeasurePoint& p : m.values) {
    if (p.date > m.baseline_date && p.date <= as_of) m.latest = p;
  }
  if (!m.latest) {
    m.rag = Rag::kAmber;
    m.reason = "No value since the baseline";
    return;
  }
  const double v = m.latest->value;
  m.expected = Expected(m, m.latest->date);
  const double sign = m.higher_is_better ? 1.0 : -1.0;
  if (sign * (v - m.target) >= 0) {
    m.rag = Rag::kGreen;
    m.reason = "Target met";
    return;
  }
  const double shortfall = sign * (*m.expected - v);  // > 0: behind the trajectory
  const double tolerance = std::fabs(m.target - m.baseline) * m.tolerance_pct / 100.0;
  if (shortfall <= 0) {
    m.rag = Rag::kGreen;
    m.reason = "On trajectory";
  } else if (shortfall <= tolerance) {
    m.rag = Rag::kAmber;
    m.reason = "Slightly behind the trajectory";
  } else {
    m.rag = Rag::kRed;
    m.reason = "Behind the trajectory";
  }
}

}  // namespace

Rag WorseOf(Rag a, Rag b) { return Severity(a) >= Severity(b) ? a : b; }

double Expected(const MeasureState& m, Date day) {
  const double span = m.target_date.days() - m.baseline_date.days();
  if (span <= 0) return day >= m.target_date ? m.target : m.baseline;
  const double share = std::clamp((day.days() - m.baseline_date.days()) / span, 0.0, 1.0);
  return m.baseline + (m.target - m.baseline) * share;
}

Result<PlanState> AssessPlan(Store& store, Id plan_id, Date as_of,
                             const IndicatorSource& indicators) {
  SG_ASSIGN_OR_RETURN(Record plan, store.Get(Entity("improvement_plan"), plan_id));
  PlanState out;
  out.id = plan.id();
  out.title = plan.GetText("title");
  out.description = plan.GetText("description");
  out.source = plan.GetText("source");
  out.lead = plan.GetText("lead");
  out.status = plan.GetText("status");
  out.start = DateOf(plan, "start_date").value_or(Date());
  out.end = DateOf(plan, "end_date");
  out.as_of = as_of;

  ListQuery of_plan;
  of_plan.equals = {{"plan_id", Value(plan_id)}};
  SG_ASSIGN_OR_RETURN(std::vector<Record> items, ListAll(store, Entity("plan_item"), of_plan));
  SG_ASSIGN_OR_RETURN(std::vector<Record> measures,
                      ListAll(store, Entity("plan_measure"), of_plan));
  SG_ASSIGN_OR_RETURN(std::vector<Record> risks, ListAll(store, Entity("plan_risk"), of_plan));
  std::vector<Id> item_ids, measure_ids;
  for (const Record& r : items) item_ids.push_back(r.id());
  for (const Record& r : measures) measure_ids.push_back(r.id());
  std::vector<Record> deps, values;
  if (!item_ids.empty()) {
    ListQuery q;
    q.in_field = "item_id";
    q.in_ids = item_ids;
    SG_ASSIGN_OR_RETURN(deps, ListAll(store, Entity("plan_dependency"), q));
  }
  if (!measure_ids.empty()) {
    ListQuery q;
    q.in_field = "measure_id";
    q.in_ids = measure_ids;
    SG_ASSIGN_OR_RETURN(values, ListAll(store, Entity("measure_value"), q));
  }

  // The item tree.
  std::map<Id, ItemState> flat;
  for (const Record& r : items) {
    ItemState s;
    s.id = r.id();
    s.parent_id = r.GetInt("parent_id");
    s.kind = r.GetText("kind");
    s.title = r.GetText("title");
    s.lead = r.GetText("lead");
    s.status = r.GetText("status");
    s.start = DateOf(r, "start_date");
    s.due = DateOf(r, "due_date");
    s.completed = DateOf(r, "completed_date");
    s.evidence = r.GetText("evidence");
    flat.emplace(s.id, std::move(s));
  }
  for (const Record& d : deps) {
    auto it = flat.find(d.GetInt("item_id"));
    if (it != flat.end()) it->second.depends_on.push_back(d.GetInt("depends_on_id"));
  }
  // Dependencies are rated against the items' own fields, so a flat copy serves as the index.
  std::map<Id, ItemState> index = flat;
  std::map<Id, const ItemState*> by_id;
  for (const auto& [id, s] : index) by_id[id] = &s;
  // Attach children deepest first: an item whose parent is missing or in another plan is a
  // workstream of its own. A cycle (an item its own ancestor) is refused.
  std::map<Id, std::vector<Id>> children;
  std::vector<Id> roots;
  for (const auto& [id, s] : flat) {
    if (s.parent_id != 0 && flat.count(s.parent_id)) {
      children[s.parent_id].push_back(id);
    } else {
      roots.push_back(id);
    }
  }
  size_t attached = 0;
  std::function<Result<ItemState>(Id, int)> build = [&](Id id, int depth) -> Result<ItemState> {
    if (depth > 20) {
      return InvalidArgument(
          "plan item " + std::to_string(id) + " is nested too deep or in a cycle", "parent_id");
    }
    ++attached;
    ItemState s = flat.at(id);
    for (Id c : children[id]) {
      SG_ASSIGN_OR_RETURN(ItemState child, build(c, depth + 1));
      s.items.push_back(std::move(child));
    }
    return s;
  };
  for (Id r : roots) {
    SG_ASSIGN_OR_RETURN(ItemState ws, build(r, 0));
    out.workstreams.push_back(std::move(ws));
  }
  if (attached != flat.size()) {
    return InvalidArgument("some items of plan " + std::to_string(plan_id) +
                               " are their own ancestors (a cycle of parent_id)",
                           "parent_id");
  }
  SortTree(out.workstreams);
  for (ItemState& ws : out.workstreams) RateTree(ws, as_of, by_id, out.counts);

  // Measures.
  std::map<Id, std::vector<MeasurePoint>> recorded;
  for (const Record& v : values) {
    if (auto d = DateOf(v, "value_date")) {
      recorded[v.GetInt("measure_id")].push_back({*d, Real(v, "value", 0)});
    }
  }
  for (const Record& r : measures) {
    MeasureState m;
    m.id = r.id();
    m.item_id = r.GetInt("item_id");
    m.name = r.GetText("name");
    m.kind = r.GetText("kind");
    m.indicator_id = r.GetText("indicator_id");
    m.question = r.GetText("question");
    m.unit = r.GetText("unit");
    m.higher_is_better = !r.GetBool("lower_is_better");
    m.has_baseline = !IsNull(r.Get("baseline"));
    m.baseline = Real(r, "baseline", 0);
    m.baseline_date = DateOf(r, "baseline_date").value_or(Date());
    m.target = Real(r, "target", 0);
    m.target_date = DateOf(r, "target_date").value_or(Date());
    m.tolerance_pct = Real(r, "tolerance", 10);
    m.values = recorded[m.id];
    bool computed = false;
    if (m.kind == "INDICATOR") {
      if (m.indicator_id.empty()) {
        return InvalidArgument("measure " + std::to_string(m.id) + " is an indicator measure " +
                                   "but names no indicator",
                               "indicator_id");
      }
      SG_RETURN_IF_ERROR(IndicatorValues(m, as_of, indicators));
      computed = indicators.facts != nullptr;
    }
    RateMeasure(m, as_of);
    if (m.kind == "INDICATOR" && !computed) m.reason += " (indicator figures not loaded)";
    if (m.rag == Rag::kAmber || m.rag == Rag::kRed) ++out.counts.measures_off_track;
    out.measures.push_back(std::move(m));
  }

  // Risks.
  for (const Record& r : risks) {
    RiskState k;
    k.id = r.id();
    k.title = r.GetText("title");
    k.owner = r.GetText("owner");
    k.mitigation = r.GetText("mitigation");
    k.status = r.GetText("status");
    k.likelihood = static_cast<int>(r.GetInt("likelihood"));
    k.impact = static_cast<int>(r.GetInt("impact"));
    k.score = k.likelihood * k.impact;
    k.review_date = DateOf(r, "review_date");
    if (k.status != "CLOSED") {
      k.rag = k.score >= 15 ? Rag::kRed : k.score >= 5 ? Rag::kAmber : Rag::kGreen;
      k.review_overdue = k.review_date && *k.review_date < as_of;
      if (k.rag == Rag::kRed) ++out.counts.open_red_risks;
    }
    out.risks.push_back(std::move(k));
  }
  std::sort(out.risks.begin(), out.risks.end(), [](const RiskState& a, const RiskState& b) {
    const bool ao = a.status != "CLOSED", bo = b.status != "CLOSED";
    return std::make_tuple(!ao, -a.score, a.id) < std::make_tuple(!bo, -b.score, b.id);
  });

  // The plan.
  Rag worst = Rag::kNone;
  for (const ItemState& ws : out.workstreams) {
    worst = WorseOf(worst, ws.rag == Rag::kComplete ? Rag::kGreen : ws.rag);
  }
  for (const MeasureState& m : out.measures) worst = WorseOf(worst, m.rag);
  out.rag = worst == Rag::kNone ? Rag::kGreen : worst;
  std::vector<std::string> why;
  if (out.counts.overdue > 0)
    why.push_back(std::to_string(out.counts.overdue) + " actions overdue");
  if (out.counts.blocked > 0) why.push_back(std::to_string(out.counts.blocked) + " blocked");
  if (out.counts.measures_off_track > 0) {
    why.push_back(std::to_string(out.counts.measures_off_track) + " of " +
                  std::to_string(out.measures.size()) + " measures off trajectory");
  }
  out.reason = std::to_string(out.counts.complete) + " of " + std::to_string(out.counts.actions) +
               " actions complete";
  for (const std::string& w : why) out.reason += "; " + w;
  return out;
}

}  // namespace sg::quality
