#include "quality/audits.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "storage/loaded_records.h"

namespace sg::quality {

int GradeRank(std::string_view grade) {
  for (size_t i = 0; i < kGrades.size(); ++i) {
    if (kGrades[i] == grade) return static_cast<int>(i);
  }
  return -1;
}

int GradeMix::Total() const { return counts[0] + counts[1] + counts[2] + counts[3]; }

std::optional<double> GradeMix::GoodOrBetterPct() const {
  const int total = Total();
  if (total == 0) return std::nullopt;
  return 100.0 * (counts[0] + counts[1]) / total;
}

void GradeMix::Add(std::string_view grade) {
  const int r = GradeRank(grade);
  if (r >= 0) ++counts[static_cast<size_t>(r)];
}

namespace {

std::string MonthOf(Date d) { return d.ToString().substr(0, 7); }

std::optional<double> Pct(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * part / whole;
}

// Cohen's kappa over the four grades: (observed - chance) / (1 - chance).
std::optional<double> Kappa(const std::vector<std::pair<int, int>>& pairs) {
  if (pairs.size() < 2) return std::nullopt;
  std::array<double, 4> first{}, second{};
  double agreed = 0;
  for (const auto& [a, b] : pairs) {
    first[static_cast<size_t>(a)] += 1;
    second[static_cast<size_t>(b)] += 1;
    if (a == b) agreed += 1;
  }
  const double n = static_cast<double>(pairs.size());
  double chance = 0;
  for (size_t k = 0; k < 4; ++k) chance += (first[k] / n) * (second[k] / n);
  if (chance >= 1.0) return std::nullopt;
  return (agreed / n - chance) / (1.0 - chance);
}

}  // namespace

Result<AuditSummary> SummariseAudits(Store& store, const AuditSummaryOptions& options) {
  if (options.to < options.from) {
    return InvalidArgument("the period ends before it starts", "period");
  }
  AuditSummary out;
  out.from = options.from;
  out.to = options.to;
  out.as_of = options.as_of;
  for (Date m = Date::FromCivil(options.from.year(), options.from.month(), 1); m <= options.to;
       m = m.AddMonths(1)) {
    out.months.push_back(MonthOf(m));
    if (out.months.size() > 120) {
      return InvalidArgument("the period is longer than 120 months", "period");
    }
  }
  auto month_index = [&](Date d) -> size_t {
    const std::string m = MonthOf(d);
    return static_cast<size_t>(std::lower_bound(out.months.begin(), out.months.end(), m) -
                               out.months.begin());
  };
  auto in_period = [&](const std::optional<Date>& d) {
    return d && *d >= options.from && *d <= options.to;
  };

  SG_ASSIGN_OR_RETURN(std::vector<Record> audits, ListAll(store, Entity("case_audit")));
  SG_ASSIGN_OR_RETURN(std::vector<Record> grades, ListAll(store, Entity("audit_theme_grade")));
  SG_ASSIGN_OR_RETURN(std::vector<Record> actions, ListAll(store, Entity("audit_action")));
  SG_ASSIGN_OR_RETURN(std::vector<Record> workers, ListAll(store, Entity("worker")));
  std::map<Id, std::string> names;
  for (const Record& w : workers)
    names[w.id()] = w.GetText("first_name") + " " + w.GetText("last_name");
  auto name_of = [&](Id id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  std::map<Id, const Record*> audit_by_id;
  for (const Record& a : audits) audit_by_id[a.id()] = &a;
  std::map<Id, std::map<std::string, std::string>> theme_grades;  // audit -> theme -> grade
  for (const Record& g : grades) {
    theme_grades[g.GetInt("audit_id")][g.GetText("theme")] = g.GetText("grade");
  }

  // Grade mix overall and by theme, month by month.
  std::map<std::string, ThemeTrend> themes;
  ThemeTrend overall;
  overall.theme = "Overall";
  overall.months.resize(out.months.size());
  std::set<Id> period_audits;
  for (const Record& a : audits) {
    const auto date = DateOf(a, "audit_date");
    if (!in_period(date) || a.GetInt("moderates_id") != 0) continue;
    period_audits.insert(a.id());
    ++out.audits;
    const size_t m = month_index(*date);
    const std::string grade = a.GetText("grade");
    out.overall.Add(grade);
    overall.months[m].Add(grade);
    overall.total.Add(grade);
    auto tg = theme_grades.find(a.id());
    if (tg == theme_grades.end()) continue;
    for (const auto& [theme, g] : tg->second) {
      ThemeTrend& t = themes[theme];
      if (t.theme.empty()) {
        t.theme = theme;
        t.months.resize(out.months.size());
      }
      t.months[m].Add(g);
      t.total.Add(g);
    }
  }
  out.themes.push_back(std::move(overall));
  for (auto& [name, t] : themes) out.themes.push_back(std::move(t));

  // Moderation and re-audits.
  std::vector<std::pair<int, int>> rank_pairs;
  for (const Record& a : audits) {
    const auto date = DateOf(a, "audit_date");
    if (!in_period(date)) continue;
    const Id moderates = a.GetInt("moderates_id");
    const Id reaudit_of = a.GetInt("reaudit_of_id");
    if (moderates != 0) {
      auto orig = audit_by_id.find(moderates);
      if (orig == audit_by_id.end()) continue;
      const Record& o = *orig->second;
      ModeratedAudit m;
      m.audit_id = o.id();
      m.moderation_id = a.id();
      m.child_id = a.GetInt("child_id");
      m.moderated_on = *date;
      m.auditor = name_of(o.GetInt("auditor_id"));
      m.moderator = name_of(a.GetInt("auditor_id"));
      m.original_grade = o.GetText("grade");
      m.moderated_grade = a.GetText("grade");
      const int r1 = GradeRank(m.original_grade), r2 = GradeRank(m.moderated_grade);
      if (r1 < 0 || r2 < 0) continue;
      rank_pairs.emplace_back(r1, r2);
      ++out.moderation.pairs;
      if (r1 == r2) ++out.moderation.agreed;
      if (std::abs(r1 - r2) <= 1) ++out.moderation.within_one;
      auto first = theme_grades.find(o.id());
      auto second = theme_grades.find(a.id());
      if (first != theme_grades.end() && second != theme_grades.end()) {
        for (const auto& [theme, g] : first->second) {
          auto other = second->second.find(theme);
          if (other == second->second.end()) continue;
          ++m.themes_compared;
          if (other->second == g) ++m.themes_agreed;
        }
      }
      out.moderation.themes_compared += m.themes_compared;
      out.moderation.themes_agreed += m.themes_agreed;
      out.moderation.audits.push_back(std::move(m));
    } else if (reaudit_of != 0) {
      auto orig = audit_by_id.find(reaudit_of);
      if (orig == audit_by_id.end()) continue;
      Reaudit r;
      r.audit_id = reaudit_of;
      r.reaudit_id = a.id();
      r.child_id = a.GetInt("child_id");
      r.reaudited_on = *date;
      r.before = orig->second->GetText("grade");
      r.after = a.GetText("grade");
      const int before = GradeRank(r.before), after = GradeRank(r.after);
      if (before < 0 || after < 0) continue;
      r.change = before - after;
      ++out.reaudits.count;
      if (r.change > 0) ++out.reaudits.improved;
      if (r.change == 0) ++out.reaudits.same;
      if (r.change < 0) ++out.reaudits.worse;
      out.reaudits.list.push_back(std::move(r));
    }
  }
  Moderation& mod = out.moderation;
  mod.agreement_pct = Pct(mod.agreed, mod.pairs);
  mod.within_one_pct = Pct(mod.within_one, mod.pairs);
  mod.theme_agreement_pct = Pct(mod.themes_agreed, mod.themes_compared);
  mod.kappa = Kappa(rank_pairs);
  std::sort(mod.audits.begin(), mod.audits.end(), [](const auto& x, const auto& y) {
    return std::tie(x.moderated_on, x.moderation_id) < std::tie(y.moderated_on, y.moderation_id);
  });
  std::sort(out.reaudits.list.begin(), out.reaudits.list.end(), [](const auto& x, const auto& y) {
    return std::tie(x.reaudited_on, x.reaudit_id) < std::tie(y.reaudited_on, y.reaudit_id);
  });

  // Actions.
  for (const Record& act : actions) {
    const auto due = DateOf(act, "due_date");
    const auto done = DateOf(act, "completed_date");
    if (period_audits.count(act.GetInt("audit_id"))) {
      ++out.actions.set;
      if (done && *done <= options.as_of) {
        ++out.actions.completed;
        if (due && *done <= *due) ++out.actions.completed_on_time;
      }
    }
    if (done && *done <= options.as_of) continue;
    if (auto parent = audit_by_id.find(act.GetInt("audit_id")); parent != audit_by_id.end()) {
      const auto set_on = DateOf(*parent->second, "audit_date");
      if (set_on && *set_on > options.as_of) continue;  // not yet set on as_of
    }
    ++out.actions.open;
    if (!due || *due >= options.as_of) continue;
    ++out.actions.overdue;
    OpenAction o;
    o.action_id = act.id();
    o.audit_id = act.GetInt("audit_id");
    o.child_id = act.GetInt("child_id");
    o.action = act.GetText("action");
    o.owner_id = act.GetInt("owner_id");
    o.owner = name_of(o.owner_id);
    o.due = *due;
    o.days_overdue = options.as_of.days() - due->days();
    out.actions.overdue_list.push_back(std::move(o));
  }
  std::sort(out.actions.overdue_list.begin(), out.actions.overdue_list.end(),
            [](const OpenAction& x, const OpenAction& y) {
              return std::tie(y.days_overdue, x.action_id) < std::tie(x.days_overdue, y.action_id);
            });
  return out;
}

}  // namespace sg::quality
