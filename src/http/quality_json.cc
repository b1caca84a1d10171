#include "http/quality_json.h"

namespace sg {
namespace {

using nlohmann::json;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json Opt(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json Mix(const quality::GradeMix& g) {
  return {{"outstanding", g.counts[0]},
          {"good", g.counts[1]},
          {"requires_improvement", g.counts[2]},
          {"inadequate", g.counts[3]},
          {"total", g.Total()},
          {"good_or_better_pct", Opt(g.GoodOrBetterPct())}};
}

json Item(const quality::ItemState& i) {
  json deps = json::array();
  for (Id d : i.depends_on) deps.push_back(d);
  json items = json::array();
  for (const auto& c : i.items) items.push_back(Item(c));
  return {{"id", i.id},
          {"parent_id", i.parent_id ? json(i.parent_id) : json(nullptr)},
          {"kind", i.kind},
          {"title", i.title},
          {"lead", i.lead},
          {"status", i.status},
          {"start_date", Opt(i.start)},
          {"due_date", Opt(i.due)},
          {"completed_date", Opt(i.completed)},
          {"evidence", i.evidence},
          {"depends_on", std::move(deps)},
          {"rag", RagJson(i.rag)},
          {"reason", i.reason},
          {"items", std::move(items)}};
}

}  // namespace

json RagJson(report::Rag rag) {
  switch (rag) {
    case report::Rag::kGreen:
      return "green";
    case report::Rag::kAmber:
      return "amber";
    case report::Rag::kRed:
      return "red";
    case report::Rag::kComplete:
      return "complete";
    case report::Rag::kNone:
      break;
  }
  return nullptr;
}

json AuditSummaryToJson(const quality::AuditSummary& s) {
  json themes = json::array();
  for (const auto& t : s.themes) {
    json months = json::array();
    for (const auto& m : t.months) months.push_back(Mix(m));
    themes.push_back({{"theme", t.theme}, {"total", Mix(t.total)}, {"months", std::move(months)}});
  }
  const auto& m = s.moderation;
  json moderated = json::array();
  for (const auto& a : m.audits) {
    moderated.push_back({{"audit_id", a.audit_id},
                         {"moderation_id", a.moderation_id},
                         {"child_id", a.child_id},
                         {"moderated_on", a.moderated_on.ToString()},
                         {"auditor", a.auditor},
                         {"moderator", a.moderator},
                         {"original_grade", a.original_grade},
                         {"moderated_grade", a.moderated_grade},
                         {"agree", a.original_grade == a.moderated_grade},
                         {"themes_compared", a.themes_compared},
                         {"themes_agreed", a.themes_agreed}});
  }
  json reaudits = json::array();
  for (const auto& r : s.reaudits.list) {
    reaudits.push_back({{"audit_id", r.audit_id},
                        {"reaudit_id", r.reaudit_id},
                        {"child_id", r.child_id},
                        {"reaudited_on", r.reaudited_on.ToString()},
                        {"before", r.before},
                        {"after", r.after},
                        {"change", r.change}});
  }
  json overdue = json::array();
  for (const auto& a : s.actions.overdue_list) {
    overdue.push_back({{"action_id", a.action_id},
                       {"audit_id", a.audit_id},
                       {"child_id", a.child_id},
                       {"action", a.action},
                       {"owner_id", a.owner_id},
                       {"owner", a.owner},
                       {"due_date", a.due.ToString()},
                       {"days_overdue", a.days_overdue}});
  }
  return {{"from", s.from.ToString()},
          {"to", s.to.ToString()},
          {"as_of", s.as_of.ToString()},
          {"months", s.months},
          {"audits", s.audits},
          {"overall", Mix(s.overall)},
          {"themes", std::move(themes)},
          {"moderation",
           {{"pairs", m.pairs},
            {"agreed", m.agreed},
            {"within_one", m.within_one},
            {"agreement_pct", Opt(m.agreement_pct)},
            {"within_one_pct", Opt(m.within_one_pct)},
            {"kappa", Opt(m.kappa)},
            {"themes_compared", m.themes_compared},
            {"themes_agreed", m.themes_agreed},
            {"theme_agreement_pct", Opt(m.theme_agreement_pct)},
            {"audits", std::move(moderated)}}},
          {"reaudits",
           {{"count", s.reaudits.count},
            {"improved", s.reaudits.improved},
            {"same", s.reaudits.same},
            {"worse", s.reaudits.worse},
            {"list", std::move(reaudits)}}},
          {"actions",
           {{"set", s.actions.set},
            {"completed", s.actions.completed},
            {"completed_on_time", s.actions.completed_on_time},
            {"open", s.actions.open},
            {"overdue", s.actions.overdue},
            {"overdue_list", std::move(overdue)}}}};
}

json PlanStateToJson(const quality::PlanState& p) {
  json workstreams = json::array();
  for (const auto& w : p.workstreams) workstreams.push_back(Item(w));
  json measures = json::array();
  for (const auto& m : p.measures) {
    json values = json::array();
    for (const auto& v : m.values)
      values.push_back({{"date", v.date.ToString()}, {"value", v.value}});
    json trajectory = json::array();
    for (Date d : {m.baseline_date, m.target_date}) {
      trajectory.push_back({{"date", d.ToString()}, {"value", quality::Expected(m, d)}});
    }
    measures.push_back(
        {{"id", m.id},
         {"item_id", m.item_id ? json(m.item_id) : json(nullptr)},
         {"name", m.name},
         {"kind", m.kind},
         {"indicator_id", m.indicator_id.empty() ? json(nullptr) : json(m.indicator_id)},
         {"question", m.question},
         {"unit", m.unit},
         {"higher_is_better", m.higher_is_better},
         {"baseline", m.has_baseline ? json(m.baseline) : json(nullptr)},
         {"baseline_computed", m.baseline_computed},
         {"baseline_date", m.baseline_date.ToString()},
         {"target", m.target},
         {"target_date", m.target_date.ToString()},
         {"tolerance_pct", m.tolerance_pct},
         {"values", std::move(values)},
         {"latest", m.latest ? json{{"date", m.latest->date.ToString()}, {"value", m.latest->value}}
                             : json(nullptr)},
         {"expected", Opt(m.expected)},
         {"trajectory", std::move(trajectory)},
         {"rag", RagJson(m.rag)},
         {"reason", m.reason}});
  }
  json risks = json::array();
  for (const auto& r : p.risks) {
    risks.push_back({{"id", r.id},
                     {"title", r.title},
                     {"owner", r.owner},
                     {"mitigation", r.mitigation},
                     {"status", r.status},
                     {"likelihood", r.likelihood},
                     {"impact", r.impact},
                     {"score", r.score},
                     {"review_date", Opt(r.review_date)},
                     {"review_overdue", r.review_overdue},
                     {"rag", RagJson(r.rag)}});
  }
  const auto& c = p.counts;
  return {{"id", p.id},
          {"title", p.title},
          {"description", p.description},
          {"source", p.source},
          {"lead", p.lead},
          {"status", p.status},
          {"start_date", p.start.ToString()},
          {"end_date", Opt(p.end)},
          {"as_of", p.as_of.ToString()},
          {"rag", RagJson(p.rag)},
          {"reason", p.reason},
          {"counts",
           {{"actions", c.actions},
            {"complete", c.complete},
            {"overdue", c.overdue},
            {"due_soon", c.due_soon},
            {"blocked", c.blocked},
            {"measures_off_track", c.measures_off_track},
            {"open_red_risks", c.open_red_risks}}},
          {"workstreams", std::move(workstreams)},
          {"measures", std::move(measures)},
          {"risks", std::move(risks)}};
}

}  // namespace sg
