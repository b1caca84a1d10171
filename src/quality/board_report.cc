#include "quality/board_report.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace sg::quality {
namespace {

using report::Block;
using report::Cell;
using report::Chart;
using report::Paragraph;
using report::Section;
using report::Table;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The month-by-month charts: indicators members follow most closely.
constexpr const char* kCharted[] = {"assessment_45wd_pct", "rereferral_pct",
                                    "cp_reviews_on_time_pct", "caseload_average"};

std::string Pct(std::optional<double> v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", *v);
  return buf;
}

std::string Num(double v, int decimals = 1) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

report::Rag FromInd(ind::Rag r) {
  switch (r) {
    case ind::Rag::kGreen:
      return report::Rag::kGreen;
    case ind::Rag::kAmber:
      return report::Rag::kAmber;
    case ind::Rag::kRed:
      return report::Rag::kRed;
    case ind::Rag::kNone:
      break;
  }
  return report::Rag::kNone;
}

Cell Rated(report::Rag rag) { return Cell{report::RagLabel(rag), rag, false}; }
Cell Right(std::string text) { return Cell{std::move(text), report::Rag::kNone, true}; }
Cell Text(std::string text) { return Cell{std::move(text), report::Rag::kNone, false}; }

void Say(Section& s, std::string text, bool emphasis = false) {
  s.blocks.push_back(Block{Paragraph{std::move(text), emphasis}});
}

std::string PeriodText(const ind::Period& p) {
  return LongDate(ind::DateFromDay(p.from)) + " to " + LongDate(ind::DateFromDay(p.to));
}

// The period of the same length just before `p`.
ind::Period Previous(const ind::Period& p) {
  ind::Period prev;
  prev.to = p.from - 1;
  prev.from = prev.to - (p.to - p.from);
  prev.label = "previous";
  return prev;
}

Status Headlines(const BoardReportInput& in, Section& summary, Section& out,
                 std::vector<Section>& about) {
  ind::EvaluateOptions o;
  o.periods = {Previous(in.period), in.period};
  o.ids = BoardIndicators();
  SG_ASSIGN_OR_RETURN(ind::Scorecard card, ind::Evaluate(*in.facts, o));
  const std::vector<ind::Row> rows = ind::Rows(card, *in.context);

  Table t;
  t.caption = "Headline figures, " + PeriodText(in.period);
  t.columns = {"Indicator",        "This period", "Previous period", "England",
               "Similar councils", "Target",      "Rating"};
  int with_target = 0, green = 0, amber = 0, red = 0, compared = 0, better = 0;
  int benchmark_year = 0;
  for (const ind::Row& row : rows) {
    const ind::IndicatorDef& def = *row.series->def;
    const std::optional<double> now = row.values.size() > 1 ? row.values[1] : std::nullopt;
    const std::optional<double> before = row.values.empty() ? std::nullopt : row.values[0];
    std::string england = "-", similar = "-";
    if (row.benchmarks) {
      england = row.benchmarks->england.text;
      similar = row.benchmarks->sn2025_mean.text;
      benchmark_year = std::max(benchmark_year, row.benchmarks->england.year);
      if (now && row.benchmarks->england.value && def.polarity != Polarity::kNeither) {
        ++compared;
        const double e = *row.benchmarks->england.value;
        if (def.polarity == Polarity::kHigherBetter ? *now > e : *now < e) ++better;
      }
    }
    std::string target = "-";
    if (row.target) {
      target = ind::FormatValue(def, row.target->value);
      ++with_target;
      green += row.rag == ind::Rag::kGreen;
      amber += row.rag == ind::Rag::kAmber;
      red += row.rag == ind::Rag::kRed;
    }
    t.rows.push_back({Text(std::string(def.name)), Right(ind::FormatValue(def, now)),
                      Right(ind::FormatValue(def, before)), Right(england), Right(similar),
                      Right(target), Rated(FromInd(row.rag))});
  }
  t.note =
      "England and similar councils (the mean of the 10 statistical neighbours, DfE's 2025 "
      "model) are DfE's published figures" +
      (benchmark_year ? " for the year ending 31 March " + std::to_string(benchmark_year)
                      : std::string()) +
      "; \"not published\" where DfE withheld a figure. The council's own figures are "
      "computed from its case record.";

  std::string msg;
  if (with_target > 0) {
    msg = "Of the " + Plural(with_target, "headline figure", "headline figures") +
          " with a target, " + std::to_string(green) + " met it, " + std::to_string(amber) +
          " came close and " + std::to_string(red) + " missed it.";
  } else {
    msg =
        "No targets are set for the headline figures, so they are compared with England and "
        "similar councils only.";
  }
  if (compared > 0) {
    msg += " " + std::to_string(better) + " of " + std::to_string(compared) +
           " were better than England's latest published figure.";
  }
  Say(summary, msg, true);
  Say(out, "The figures below are for " + PeriodText(in.period) +
               ", beside the period of the same length before it. The rating compares each figure "
               "with the council's target: green when it meets the target, amber when it is close, "
               "red otherwise.");
  out.blocks.push_back(Block{std::move(t)});

  // Month by month, the 12 months to the period's end.
  const Date end = ind::DateFromDay(in.period.to);
  SG_ASSIGN_OR_RETURN(std::vector<ind::Period> months,
                      ind::MonthlyPeriods(end.AddMonths(-11), end, 12));
  ind::EvaluateOptions m;
  m.periods = months;
  for (const char* id : kCharted) m.ids.push_back(id);
  SG_ASSIGN_OR_RETURN(ind::Scorecard monthly, ind::Evaluate(*in.facts, m));
  for (const ind::Row& row : ind::Rows(monthly, *in.context)) {
    const ind::IndicatorDef& def = *row.series->def;
    Chart c;
    c.kind = Chart::Kind::kLine;
    c.title = std::string(def.name) + ", month by month";
    for (const ind::Period& p : months) c.labels.push_back(p.label.substr(0, 7));
    report::Series s;
    s.name = in.context->la_name.empty() ? "This council" : in.context->la_name;
    for (const auto& v : row.values) s.values.push_back(v ? *v : kNaN);
    c.series.push_back(std::move(s));
    c.y_label = std::string(ind::UnitName(def.unit));
    if (row.target) c.target = row.target->value;
    c.alt = std::string(def.description) + " Each point is one calendar month" +
            (row.target ? "; the dashed line is the target." : ".");
    out.blocks.push_back(Block{std::move(c)});
  }

  // Definitions, for the last section.
  Section defs;
  defs.heading = "What the headline figures mean";
  for (const ind::Row& row : rows) {
    const ind::IndicatorDef& def = *row.series->def;
    std::string text = std::string(def.name) + ": " + std::string(def.description) + " (" +
                       std::string(def.numerator);
    if (!def.denominator.empty()) text += ", out of " + std::string(def.denominator);
    text += "; " + std::string(def.timing) + ".)";
    Say(defs, std::move(text));
  }
  about.push_back(std::move(defs));
  return Status::Ok();
}

void Audits(const AuditSummary& a, Section& summary, Section& out) {
  const std::optional<double> good = a.overall.GoodOrBetterPct();
  std::string msg = Plural(a.audits, "case was", "cases were") + " audited";
  if (good) {
    msg += "; " + Pct(good) + " were good or better and " +
           Pct(100.0 * a.overall.counts[3] / a.overall.Total()) + " inadequate";
  }
  msg += ".";
  if (a.moderation.pairs > 0) {
    msg += " A second auditor re-graded " + std::to_string(a.moderation.pairs) +
           " and gave the same grade in " + Pct(a.moderation.agreement_pct) + " of them.";
  }
  Say(summary, msg, true);

  Say(out, msg);
  Table t;
  t.caption = "Grades by theme";
  t.columns = {"Theme",      "Graded",        "Outstanding", "Good", "Requires improvement",
               "Inadequate", "Good or better"};
  for (const ThemeTrend& theme : a.themes) {
    const GradeMix& g = theme.total;
    t.rows.push_back({Text(theme.theme), Right(std::to_string(g.Total())),
                      Right(std::to_string(g.counts[0])), Right(std::to_string(g.counts[1])),
                      Right(std::to_string(g.counts[2])), Right(std::to_string(g.counts[3])),
                      Right(Pct(g.GoodOrBetterPct()))});
  }
  t.note =
      "\"Overall\" is each audit's overall grade; the themes are graded separately. "
      "Moderations (a second auditor's re-grade) are not counted here; re-audits are.";
  out.blocks.push_back(Block{std::move(t)});

  if (!a.themes.empty()) {
    Chart c;
    c.kind = Chart::Kind::kStackedBar;
    c.title = "Audit grades, month by month";
    c.labels = a.months;
    static constexpr const char* kNames[] = {"Outstanding", "Good", "Requires improvement",
                                             "Inadequate"};
    // Blue, green, amber and red (the grades' meaning; each differs in lightness too).
    static constexpr std::uint32_t kColours[] = {0x1d70b8, 0x00703c, 0xf4b400, 0xd4351c};
    for (size_t g = 0; g < 4; ++g) {
      report::Series s;
      s.name = kNames[g];
      s.colour = kColours[g];
      for (const GradeMix& month : a.themes[0].months) s.values.push_back(month.counts[g]);
      c.series.push_back(std::move(s));
    }
    c.y_label = "audits";
    c.alt = "The number of audits each month, split by overall grade.";
    out.blocks.push_back(Block{std::move(c)});
  }
  if (a.themes.size() > 1) {
    // Themes over time: the share good or better, theme by theme, quarter by quarter (a month
    // holds too few audits of a small council to read).
    Chart c;
    c.kind = Chart::Kind::kLine;
    c.title = "Themes over time: audits good or better, quarter by quarter";
    std::vector<std::vector<size_t>> quarters;  // month indexes of each quarter
    for (size_t i = 0; i < a.months.size(); ++i) {
      const int month = std::stoi(a.months[i].substr(5, 2));
      const int year = std::stoi(a.months[i].substr(0, 4));
      const std::string label = std::to_string(year) + " Q" + std::to_string((month - 1) / 3 + 1);
      if (c.labels.empty() || c.labels.back() != label) {
        c.labels.push_back(label);
        quarters.emplace_back();
      }
      quarters.back().push_back(i);
    }
    for (const ThemeTrend& theme : a.themes) {
      report::Series s;
      s.name = theme.theme;
      for (const auto& q : quarters) {
        GradeMix mix;
        for (size_t i : q) {
          for (size_t g = 0; g < 4; ++g) mix.counts[g] += theme.months[i].counts[g];
        }
        const auto pct = mix.GoodOrBetterPct();
        s.values.push_back(pct ? *pct : kNaN);
      }
      c.series.push_back(std::move(s));
    }
    c.y_label = "%";
    c.alt =
        "For each theme of the audit template, and overall, the share of audits graded good "
        "or outstanding in each quarter.";
    out.blocks.push_back(Block{std::move(c)});
  }

  const Moderation& m = a.moderation;
  if (m.pairs > 0) {
    std::string text = "Moderation: " + Plural(m.pairs, "audit was", "audits were") +
                       " re-graded by a second auditor. The grades agreed in " +
                       std::to_string(m.agreed) + " (" + Pct(m.agreement_pct) +
                       ") and were no more than one grade apart in " +
                       std::to_string(m.within_one) + " (" + Pct(m.within_one_pct) + ").";
    if (m.kappa) {
      text += " Agreement beyond chance (Cohen's kappa) was " + Num(*m.kappa, 2) +
              (*m.kappa >= 0.6   ? ", which is good."
               : *m.kappa >= 0.4 ? ", which is moderate."
                                 : ", which is weak: auditors are not yet grading alike.");
    }
    if (m.themes_compared > 0) {
      text += " Theme by theme, " + Pct(m.theme_agreement_pct) + " of " +
              std::to_string(m.themes_compared) + " grades agreed.";
    }
    Say(out, text);
  } else {
    Say(out, "No audit in the period was moderated by a second auditor.");
  }
  if (a.reaudits.count > 0) {
    Say(out, "Re-audits: " + Plural(a.reaudits.count, "case was", "cases were") +
                 " audited again after their actions; " + std::to_string(a.reaudits.improved) +
                 " improved, " + std::to_string(a.reaudits.same) + " stayed the same and " +
                 std::to_string(a.reaudits.worse) + " got worse.");
  }
  const Actions& act = a.actions;
  std::string actions = "Actions: the period's audits set " + std::to_string(act.set) + "; " +
                        std::to_string(act.completed) + " are done (" +
                        std::to_string(act.completed_on_time) + " on time). On " +
                        LongDate(a.as_of) + ", " + std::to_string(act.open) + " were open and " +
                        std::to_string(act.overdue) + " overdue";
  if (!act.overdue_list.empty()) {
    actions += ", the oldest by " + Plural(act.overdue_list.front().days_overdue, "day", "days");
  }
  Say(out, actions + ".");
}

std::string ItemCounts(const ItemState& item, int* complete, int* total) {
  if (item.items.empty()) {
    if (item.status != "CANCELLED") {
      ++*total;
      *complete += item.status == "COMPLETE";
    }
    return {};
  }
  for (const ItemState& i : item.items) ItemCounts(i, complete, total);
  return std::to_string(*complete) + " of " + std::to_string(*total);
}

void Reds(const ItemState& item, const std::string& plan, Table& t) {
  if (item.rag == report::Rag::kRed && item.items.empty()) {
    t.rows.push_back({Text(item.title), Text(plan), Right(item.due ? item.due->ToString() : "-"),
                      Text(item.reason), Rated(item.rag)});
  }
  for (const ItemState& i : item.items) Reds(i, plan, t);
}

std::string MeasureValue(double v, const std::string& unit) {
  return unit == "%" ? Num(v) + "%" : Num(v);
}

void Plans(const BoardReportInput& in, Section& summary, std::vector<Section>& out,
           Section& exceptions, Section& risks) {
  Table reds;
  reds.caption = "Actions overdue or blocked close to their date";
  reds.columns = {"Action", "Plan", "Due", "Why", "Rating"};
  Table off;
  off.caption = "Measures behind their trajectory";
  off.columns = {"Measure", "Plan", "Latest", "Expected by now", "Why", "Rating"};
  Table rt;
  rt.caption = "Open risks, highest first";
  rt.columns = {"Risk", "Plan", "Owner", "Likelihood", "Impact", "Score", "Rating"};

  for (const PlanState& p : in.plans) {
    Say(summary,
        p.title + " is rated " + report::RagLabel(p.rag) + ": " + p.reason +
            (p.counts.open_red_risks > 0
                 ? "; " + Plural(p.counts.open_red_risks, "open risk is", "open risks are") +
                       " rated red."
                 : "."),
        true);
    Section s;
    s.heading = "Improvement plan: " + p.title;
    std::string intro = "Rated " + std::string(report::RagLabel(p.rag)) + " on " +
                        LongDate(p.as_of) + ": " + p.reason + ".";
    if (!p.lead.empty()) intro += " Led by the " + p.lead + ".";
    if (!p.source.empty()) intro += " It responds to: " + p.source + ".";
    Say(s, intro);
    Table ws;
    ws.caption = "Workstreams";
    ws.columns = {"Workstream", "Lead", "Due", "Actions complete", "Rating", "Why"};
    for (const ItemState& w : p.workstreams) {
      int complete = 0, total = 0;
      std::string counts = ItemCounts(w, &complete, &total);
      if (counts.empty()) counts = w.status == "COMPLETE" ? "done" : "-";
      ws.rows.push_back({Text(w.title), Text(w.lead), Right(w.due ? w.due->ToString() : "-"),
                         Right(counts), Rated(w.rag), Text(w.reason)});
      Reds(w, p.title, reds);
    }
    s.blocks.push_back(Block{std::move(ws)});
    if (!p.measures.empty()) {
      Table mt;
      mt.caption = "Measures of success";
      mt.columns = {"Measure", "Baseline", "Latest", "Expected by now", "Target", "Rating", "Why"};
      for (const MeasureState& m : p.measures) {
        const std::string latest = m.latest ? MeasureValue(m.latest->value, m.unit) : "-";
        const std::string expected = m.expected ? MeasureValue(*m.expected, m.unit) : "-";
        mt.rows.push_back(
            {Text(m.name + (m.question.empty() ? "" : " (\"" + m.question + "\")")),
             Right(m.has_baseline ? MeasureValue(m.baseline, m.unit) : "-"), Right(latest),
             Right(expected),
             Right(MeasureValue(m.target, m.unit) + " by " + m.target_date.ToString()),
             Rated(m.rag), Text(m.reason)});
        if (m.rag == report::Rag::kRed || m.rag == report::Rag::kAmber) {
          off.rows.push_back({Text(m.name), Text(p.title), Right(latest), Right(expected),
                              Text(m.reason), Rated(m.rag)});
        }
        if (m.kind == "CHILD_VOICE" && !m.values.empty()) {
          Chart c;
          c.kind = Chart::Kind::kLine;
          c.title = "What children say: \"" + (m.question.empty() ? m.name : m.question) + "\"";
          report::Series result{"Result", {}}, line{"Trajectory to the target", {}};
          c.labels.push_back(m.baseline_date.ToString());
          result.values.push_back(m.has_baseline ? m.baseline : kNaN);
          line.values.push_back(Expected(m, m.baseline_date));
          for (const MeasurePoint& v : m.values) {
            if (v.date <= m.baseline_date) continue;
            c.labels.push_back(v.date.ToString());
            result.values.push_back(v.value);
            line.values.push_back(Expected(m, v.date));
          }
          c.series = {std::move(result), std::move(line)};
          c.y_label = m.unit;
          c.target = m.target;
          c.alt = "Survey results against the line from the baseline to the target of " +
                  MeasureValue(m.target, m.unit) + " by " + LongDate(m.target_date) + ".";
          s.blocks.push_back(Block{std::move(c)});
        }
      }
      s.blocks.push_back(Block{std::move(mt)});
    }
    for (const RiskState& r : p.risks) {
      if (r.status == "CLOSED") continue;
      rt.rows.push_back({Text(r.title + (r.review_overdue ? " (review overdue)" : "")),
                         Text(p.title), Text(r.owner), Right(std::to_string(r.likelihood)),
                         Right(std::to_string(r.impact)), Right(std::to_string(r.score)),
                         Rated(r.rag)});
    }
    out.push_back(std::move(s));
  }
  if (in.plans.empty()) Say(summary, "No improvement plan is active.", true);
  if (reds.rows.empty()) {
    Say(exceptions, "No action is overdue.");
  } else {
    exceptions.blocks.push_back(Block{std::move(reds)});
  }
  if (off.rows.empty()) {
    Say(exceptions, "Every measure is on or ahead of its trajectory.");
  } else {
    exceptions.blocks.push_back(Block{std::move(off)});
  }
  if (rt.rows.empty()) {
    Say(risks, "No risk is open.");
  } else {
    Say(risks,
        "Each risk is scored likelihood times impact (each 1 to 5): 15 or more is red, 5 to 12 "
        "amber, 4 or less green.");
    risks.blocks.push_back(Block{std::move(rt)});
  }
}

}  // namespace

const std::vector<std::string>& BoardIndicators() {
  static const std::vector<std::string> ids = {"contact_decided_1wd_pct",
                                               "referral_rate",
                                               "rereferral_pct",
                                               "assessment_45wd_pct",
                                               "assessment_seen_alone_pct",
                                               "cp_rate",
                                               "cp_subsequent_pct",
                                               "cp_reviews_on_time_pct",
                                               "cla_rate",
                                               "cla_3plus_placements_pct",
                                               "care_leavers_suitable_pct",
                                               "caseload_average",
                                               "agency_rate_pct",
                                               "audits_good_pct"};
  return ids;
}

std::string LongDate(Date d) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  const std::string iso = d.ToString();
  return std::to_string(std::stoi(iso.substr(8, 2))) + " " + kMonths[d.month() - 1] + " " +
         std::to_string(d.year());
}

Result<report::Document> BuildBoardReport(const BoardReportInput& in) {
  if (!in.facts || !in.context || !in.audits) {
    return Internal("the board report needs the indicators' facts, context and audits");
  }
  report::Document doc;
  doc.title = "Children's services: report to the improvement board";
  doc.organisation = in.context->la_name.empty() ? "The council" : in.context->la_name;
  doc.subtitle =
      "How well children are helped and protected, what audits found, and the "
      "progress of the improvement plan";
  doc.period = PeriodText(in.period);
  doc.generated = "Generated " + in.generated + " from the case record";
  doc.footer = in.footer;

  Section summary;
  summary.heading = "Summary";
  Section headlines;
  headlines.heading = "How children are doing: the headline figures";
  std::vector<Section> about;
  SG_RETURN_IF_ERROR(Headlines(in, summary, headlines, about));
  Section audits;
  audits.heading = "What case file audits found";
  Audits(*in.audits, summary, audits);
  std::vector<Section> plans;
  Section exceptions;
  exceptions.heading = "Exceptions: what is off track";
  Section risks;
  risks.heading = "Risks";
  Plans(in, summary, plans, exceptions, risks);

  Section how;
  how.heading = "How the ratings are worked out";
  Say(how,
      "Actions: complete; red when past their due date, or blocked and due within 14 days; "
      "amber when blocked, waiting for another action that is late or due later, or not "
      "started and due within 14 days; otherwise green. A project or workstream takes the "
      "worst rating of its actions, and the plan the worst of its workstreams and measures.");
  Say(how,
      "Measures: each has a baseline, a target and a date to reach it; the straight line "
      "between them is its trajectory. Green when the latest figure meets the target or is on "
      "or ahead of the trajectory; amber when it is behind by no more than a tenth of the "
      "distance from baseline to target (or the measure's own tolerance); red when further "
      "behind; amber when nothing has been measured since the baseline. Indicator measures "
      "use the 12 months to each month's end.");
  Say(how,
      "Audit grades: Outstanding, Good, Requires improvement and Inadequate, as Ofsted grades. "
      "Moderation agreement is the share of re-graded audits given the same grade; Cohen's "
      "kappa discounts the agreement expected by chance (above 0.6 is good).");

  doc.sections.push_back(std::move(summary));
  doc.sections.push_back(std::move(headlines));
  doc.sections.push_back(std::move(audits));
  for (Section& p : plans) doc.sections.push_back(std::move(p));
  doc.sections.push_back(std::move(exceptions));
  doc.sections.push_back(std::move(risks));
  doc.sections.push_back(std::move(how));
  for (Section& s : about) doc.sections.push_back(std::move(s));
  return doc;
}

}  // namespace sg::quality
