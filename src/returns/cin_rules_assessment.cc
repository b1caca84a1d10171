// CIN census rules on Assessments and CINPlanDates: codes 1103, 40xx, 8608-8736, 8863Q-8898,
// 8945Q and 8950Q.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-cin), read, not copied; differences are listed in
// docs/returns/cin-differences.md.
//
// Scope of the comparisons between modules, as DfE words each rule: assessments are compared
// within their CINdetails group (8863Q, 8896, 8873Q), and so are the CIN plans and CP plans of
// 4001 ("a CINDetails module has a ChildProtectionPlan module ..."); the CIN plans of 4004 and
// 4014 and the plans of 4016 and 4017 are compared across all the child's episodes ("this
// child", "any other group", "any CPP group").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/code_list.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

constexpr std::string_view kAssessments = "Assessments";
constexpr std::string_view kPlans = "CINPlanDates";
constexpr std::string_view kCpPlans = "ChildProtectionPlans";

// Calls f(child index, episode index, assessment index, child, assessment) for every assessment.
template <typename F>
void ForEachAssessment(const Context& ctx, F&& f) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    for (size_t k = 0; k < ep.assessments.size(); ++k) f(i, e, k, c, ep.assessments[k]);
  });
}

// Calls f(child index, episode index, plan index, child, plan) for every CIN plan.
template <typename F>
void ForEachPlan(const Context& ctx, F&& f) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    for (size_t k = 0; k < ep.plans.size(); ++k) f(i, e, k, c, ep.plans[k]);
  });
}

bool HasFactor(const Assessment& a, std::string_view code) {
  for (const std::string& f : a.factors) {
    if (f == code) return true;
  }
  return false;
}

// Case-insensitive comparison with an upper-case ASCII code.
bool SameCode(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

// A module's period, its dates parsed once: from `start` to `end`, or to the reference date
// when the module has no end date. Where the module is: its episode and its index there.
struct Period {
  size_t episode = 0;
  size_t index = 0;
  std::optional<Date> start;  // nullopt: absent or malformed
  std::optional<Date> end;    // the reference date when absent; nullopt when malformed
  bool open = false;          // no end date
};

Period PeriodOf(size_t episode, size_t index, const std::string& start, const std::string& end,
                const Context& ctx) {
  Period p{episode, index, ParseDate(start), std::nullopt, end.empty()};
  p.end = p.open ? std::optional<Date>(ctx.reference_date) : ParseDate(end);
  return p;
}

// True when `day` falls on or between the period's start and its end (or the reference date).
bool OnOrBetween(Date day, const Period& p) {
  return p.start && p.end && day >= *p.start && day <= *p.end;
}

// True when `day` falls in the period from its start up to its end excluded (a plan may start
// on the day another ends), or up to the reference date included when it has no end.
bool WhileOpen(Date day, const Period& p) {
  if (!p.start || !p.end || day < *p.start) return false;
  return p.open ? day <= *p.end : day < *p.end;
}

// The periods of all the child's CIN plans (or CP plans), into `out` (cleared first, so that
// one buffer serves every child).
void CinPlanPeriods(const Child& c, const Context& ctx, std::vector<Period>& out) {
  out.clear();
  for (size_t e = 0; e < c.episodes.size(); ++e) {
    const auto& plans = c.episodes[e].plans;
    for (size_t k = 0; k < plans.size(); ++k) {
      out.push_back(PeriodOf(e, k, plans[k].start, plans[k].end, ctx));
    }
  }
}
void CpPlanPeriods(const Child& c, const Context& ctx, std::vector<Period>& out) {
  out.clear();
  for (size_t e = 0; e < c.episodes.size(); ++e) {
    const auto& plans = c.episodes[e].cp_plans;
    for (size_t k = 0; k < plans.size(); ++k) {
      out.push_back(PeriodOf(e, k, plans[k].start, plans[k].end, ctx));
    }
  }
}

// ---- Assessments

// 1103: an assessment does not start before its episode's referral.
constexpr RuleInfo k1103{"1103", Severity::kError,
                         "The assessment start date cannot be before the referral date"};
void Check1103(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    const auto referral = ParseDate(ep.referral_date);
    if (!referral) return;
    for (size_t k = 0; k < ep.assessments.size(); ++k) {
      const Assessment& a = ep.assessments[k];
      const auto start = ParseDate(a.start);
      if (start && *start < *referral) {
        out.Add(k1103, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
                "AssessmentActualStartDate");
      }
    }
  });
}

// 8608: an assessment is not authorised before it starts.
constexpr RuleInfo k8608{"8608", Severity::kError,
                         "Assessment Start Date cannot be later than its End Date"};
void Check8608(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    const auto start = ParseDate(a.start);
    const auto end = ParseDate(a.authorised);
    if (start && end && *start > *end) {
      out.Add(k8608, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
              "AssessmentActualStartDate");
    }
  });
}

// 8614: factors are recorded only on an authorised (completed) assessment.
constexpr RuleInfo k8614{
    "8614", Severity::kError,
    "Parental or child factors at assessment should only be present for a completed assessment."};
void Check8614(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    if (a.authorised.empty() && !a.factors.empty()) {
      out.Add(k8614, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line, "AssessmentFactors");
    }
  });
}

// 8670Q: an assessment with no authorisation date did not start before the reference date
// minus 45 working days (England: weekends and bank holidays excluded), i.e. the reference date
// is within 45 working days of the start, as common/working_days.h counts them (the start is
// day 0). A start on the 45th working day before the reference date passes; the day before it
// is queried.
constexpr RuleInfo k8670Q{
    "8670Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: Assessment started more than 45 "
    "working days before the end of the census year. However, there is no Assessment end date."};
// The n-th working day before `day` (n >= 1), or nullopt outside the calendar's coverage.
std::optional<Date> WorkingDaysBefore(const WorkingDayCalendar& calendar, Date day, int n) {
  Date d = day;
  while (n > 0) {
    d = d.AddDays(-1);
    if (!calendar.Covers(d)) return std::nullopt;
    if (calendar.IsWorkingDay(d)) --n;
  }
  return d;
}
void Check8670Q(const Context& ctx, Findings& out) {
  if (ctx.calendar == nullptr) return;
  const auto earliest = WorkingDaysBefore(*ctx.calendar, ctx.reference_date, 45);
  if (!earliest) return;
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    if (!a.authorised.empty()) return;
    const auto start = ParseDate(a.start);
    if (start && *start < *earliest) {
      out.Add(k8670Q, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
              "AssessmentActualStartDate");
    }
  });
}

// 8696: an authorisation date falls within the census year.
constexpr RuleInfo k8696{"8696", Severity::kError,
                         "Assessment end date must fall within the census year"};
void Check8696(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    const auto end = ParseDate(a.authorised);
    if (end && (*end < ctx.collection_start || *end > ctx.reference_date)) {
      out.Add(k8696, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
              "AssessmentAuthorisationDate");
    }
  });
}

// 8736: an assessment with no authorisation date started within the census year.
constexpr RuleInfo k8736{
    "8736", Severity::kError,
    "For an Assessment that has not been completed, the start date must fall within the census "
    "year"};
void Check8736(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    if (!a.authorised.empty()) return;
    const auto start = ParseDate(a.start);
    if (start && (*start < ctx.collection_start || *start > ctx.reference_date)) {
      out.Add(k8736, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
              "AssessmentActualStartDate");
    }
  });
}

// 8863Q: within an episode, no assessment starts on or between the start and the
// authorisation date (or the reference date, when not authorised) of another assessment.
// The assessment that starts inside the other's period is reported.
constexpr RuleInfo k8863Q{
    "8863Q", Severity::kQuery,
    "An Assessment is shown as starting when there is another Assessment ongoing."};
void Check8863Q(const Context& ctx, Findings& out) {
  std::vector<Period> periods;
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    const auto& list = ep.assessments;
    if (list.size() < 2) return;
    periods.clear();
    for (size_t k = 0; k < list.size(); ++k) {
      periods.push_back(PeriodOf(e, k, list[k].start, list[k].authorised, ctx));
    }
    for (size_t k = 0; k < periods.size(); ++k) {
      if (!periods[k].start) continue;
      for (size_t j = 0; j < periods.size(); ++j) {
        if (j != k && OnOrBetween(*periods[k].start, periods[j])) {
          out.Add(k8863Q, c.la_child_id, ModulePath(i, e, kAssessments, k), list[k].line,
                  "AssessmentActualStartDate");
          break;
        }
      }
    }
  });
}

// 8869: factor 21 ("no factors identified") is the assessment's only factor code.
constexpr RuleInfo k8869{"8869", Severity::kError,
                         "The assessment factors code \u201c21\u201d cannot be used in "
                         "conjunction with any other assessment factors."};
void Check8869(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    if (!HasFactor(a, "21")) return;
    for (const std::string& f : a.factors) {
      if (f != "21") {
        out.Add(k8869, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
                "AssessmentFactors");
        return;
      }
    }
  });
}

// 8873Q: an episode whose one assessment has factor 21 is closed with RC8 or RC9.
constexpr RuleInfo k8873Q{
    "8873Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: When there is only one assessment "
    "on the episode and the factors code \u201c21 No factors identified\u201d has been used for "
    "the completed assessment, the reason for closure \u2018RC8\u2019 or 'RC9' should be used."};
void Check8873Q(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    if (ep.assessments.size() != 1 || !HasFactor(ep.assessments[0], "21")) return;
    if (ep.closure_reason != "RC8" && ep.closure_reason != "RC9") {
      out.Add(k8873Q, c.la_child_id, EpisodePath(i, e), ep.line, "ReasonForClosure");
    }
  });
}

// 8896: an episode has at most one assessment without an authorisation date; each of them is
// reported when there are more.
constexpr RuleInfo k8896{"8896", Severity::kError,
                         "Within one CINDetails group there are 2 or more open Assessments groups"};
void Check8896(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    int open = 0;
    for (const Assessment& a : ep.assessments) open += a.authorised.empty() ? 1 : 0;
    if (open < 2) return;
    for (size_t k = 0; k < ep.assessments.size(); ++k) {
      if (ep.assessments[k].authorised.empty()) {
        out.Add(k8896, c.la_child_id, ModulePath(i, e, kAssessments, k), ep.assessments[k].line,
                "AssessmentAuthorisationDate");
      }
    }
  });
}

// 8897Q: an assessment authorised on or after the start of the census year has at least one
// factor, and every factor is a code of the 2025/26 list (the schema's list, which still
// holds 18A and 19A: 8945Q and 8950Q query those).
constexpr RuleInfo k8897Q{
    "8897Q", Severity::kQuery,
    "Parental or child factors at assessment information is missing from a completed assessment"};
void Check8897Q(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    const auto end = ParseDate(a.authorised);
    if (!end || *end < ctx.collection_start) return;
    bool ok = !a.factors.empty();
    for (const std::string& f : a.factors) {
      if (FindCode(CodeListId::kAssessmentFactor, f) == nullptr) ok = false;
    }
    if (!ok) {
      out.Add(k8897Q, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
              "AssessmentFactors");
    }
  });
}

// 8898: no factor code appears twice in one assessment.
constexpr RuleInfo k8898{
    "8898", Severity::kError,
    " The assessment has more than one parental or child factors with the same code"};
void Check8898(const Context& ctx, Findings& out) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    const auto& f = a.factors;
    for (size_t x = 1; x < f.size(); ++x) {
      for (size_t y = 0; y < x; ++y) {
        if (f[x] == f[y]) {
          out.Add(k8898, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
                  "AssessmentFactors");
          return;
        }
      }
    }
  });
}

// 8945Q, 8950Q: the retired codes 18A and 19A are not used (one finding per assessment).
void CheckRetiredFactor(const Context& ctx, Findings& out, const RuleInfo& rule,
                        std::string_view code) {
  ForEachAssessment(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const Assessment& a) {
    for (const std::string& f : a.factors) {
      if (SameCode(f, code)) {
        out.Add(rule, c.la_child_id, ModulePath(i, e, kAssessments, k), a.line,
                "AssessmentFactors");
        return;
      }
    }
  });
}

constexpr RuleInfo k8945Q{
    "8945Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: the assessment factors code '18A' "
    "should not be used ('18B' or '18C' should be used instead)"};
void Check8945Q(const Context& ctx, Findings& out) { CheckRetiredFactor(ctx, out, k8945Q, "18A"); }

constexpr RuleInfo k8950Q{
    "8950Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: the assessment factors code '19A' "
    "should not be used ('19B' or '19C' should be used instead)"};
void Check8950Q(const Context& ctx, Findings& out) { CheckRetiredFactor(ctx, out, k8950Q, "19A"); }

// ---- CINPlanDates

// 4000: an episode with ReferralNFA set has no CIN plan (the episode is reported once).
constexpr RuleInfo k4000{"4000", Severity::kError,
                         "CIN Plan details provided for a referral with no further action"};
void Check4000(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    if (!ep.plans.empty() && IsYes(ep.nfa)) {
      out.Add(k4000, c.la_child_id, EpisodePath(i, e), ep.line, "ReferralNFA");
    }
  });
}

// 4001: an episode with a CP plan that has no end date has no CIN plan without an end date
// (each such CIN plan is reported).
constexpr RuleInfo k4001{"4001", Severity::kError,
                         "A CIN Plan cannot run concurrently with a Child Protection Plan"};
void Check4001(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    bool open_cpp = false;
    for (const ProtectionPlan& p : ep.cp_plans) open_cpp = open_cpp || p.end.empty();
    if (!open_cpp) return;
    for (size_t k = 0; k < ep.plans.size(); ++k) {
      if (ep.plans[k].end.empty()) {
        out.Add(k4001, c.la_child_id, ModulePath(i, e, kPlans, k), ep.plans[k].line,
                "CINPlanEndDate");
      }
    }
  });
}

// 4004: a child has at most one CIN plan without an end date, over all the child's episodes;
// each of them is reported when there are more.
constexpr RuleInfo k4004{
    "4004", Severity::kError,
    "This child is showing more than one open CIN Plan, i.e. with no End Date"};
void Check4004(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    int open = 0;
    for (const Episode& ep : c.episodes) {
      for (const PlanDates& p : ep.plans) open += p.end.empty() ? 1 : 0;
    }
    if (open < 2) continue;
    for (size_t e = 0; e < c.episodes.size(); ++e) {
      const auto& plans = c.episodes[e].plans;
      for (size_t k = 0; k < plans.size(); ++k) {
        if (plans[k].end.empty()) {
          out.Add(k4004, c.la_child_id, ModulePath(i, e, kPlans, k), plans[k].line,
                  "CINPlanEndDate");
        }
      }
    }
  }
}

// 4010: a CIN plan has a start date, on or before the reference date.
constexpr RuleInfo k4010{"4010", Severity::kError,
                         "CIN Plan start date is missing or out of data collection period"};
void Check4010(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const PlanDates& p) {
    const auto start = ParseDate(p.start);
    if (p.start.empty() || (start && *start > ctx.reference_date)) {
      out.Add(k4010, c.la_child_id, ModulePath(i, e, kPlans, k), p.line, "CINPlanStartDate");
    }
  });
}

// 4011: a CIN plan does not end before it starts.
constexpr RuleInfo k4011{"4011", Severity::kError, "CIN Plan End Date earlier than Start Date"};
void Check4011(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const PlanDates& p) {
    const auto start = ParseDate(p.start);
    const auto end = ParseDate(p.end);
    if (start && end && *end < *start) {
      out.Add(k4011, c.la_child_id, ModulePath(i, e, kPlans, k), p.line, "CINPlanEndDate");
    }
  });
}

// 4012Q: a CIN plan does not start and end on the same day.
constexpr RuleInfo k4012Q{"4012Q", Severity::kQuery,
                          "Please check and either amend or provide a reason: CIN Plan shown as "
                          "starting and ending on the same day"};
void Check4012Q(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const PlanDates& p) {
    const auto start = ParseDate(p.start);
    const auto end = ParseDate(p.end);
    if (start && end && *end == *start) {
      out.Add(k4012Q, c.la_child_id, ModulePath(i, e, kPlans, k), p.line, "CINPlanEndDate");
    }
  });
}

// 4013: a CIN plan's end date falls within the census year.
constexpr RuleInfo k4013{"4013", Severity::kError,
                         "CIN Plan end date must fall within the census year"};
void Check4013(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t i, size_t e, size_t k, const Child& c, const PlanDates& p) {
    const auto end = ParseDate(p.end);
    if (end && (*end < ctx.collection_start || *end > ctx.reference_date)) {
      out.Add(k4013, c.la_child_id, ModulePath(i, e, kPlans, k), p.line, "CINPlanEndDate");
    }
  });
}

// 4014: no CIN plan of a child starts on or between the start and end (or the reference date,
// when open) of another of the child's CIN plans, in any episode. The plan that starts inside
// the other's period is reported.
constexpr RuleInfo k4014{"4014", Severity::kError, "CIN Plan data contains overlapping dates"};
void Check4014(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  std::vector<Period> plans;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    CinPlanPeriods(c, ctx, plans);
    if (plans.size() < 2) continue;
    for (size_t k = 0; k < plans.size(); ++k) {
      if (!plans[k].start) continue;
      for (size_t j = 0; j < plans.size(); ++j) {
        if (j != k && OnOrBetween(*plans[k].start, plans[j])) {
          const Period& p = plans[k];
          out.Add(k4014, c.la_child_id, ModulePath(i, p.episode, kPlans, p.index),
                  c.episodes[p.episode].plans[p.index].line, "CINPlanStartDate");
          break;
        }
      }
    }
  }
}

// 4015: a CIN plan does not start before its episode's referral.
constexpr RuleInfo k4015{"4015", Severity::kError,
                         "The CIN Plan start date cannot be before the referral date"};
void Check4015(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t e, const Child& c, const Episode& ep) {
    const auto referral = ParseDate(ep.referral_date);
    if (!referral) return;
    for (size_t k = 0; k < ep.plans.size(); ++k) {
      const auto start = ParseDate(ep.plans[k].start);
      if (start && *start < *referral) {
        out.Add(k4015, c.la_child_id, ModulePath(i, e, kPlans, k), ep.plans[k].line,
                "CINPlanStartDate");
      }
    }
  });
}

// 4016: no CIN plan of a child starts while one of the child's CP plans (any episode) is open:
// on or after its start and before its end (a CIN plan may start on the day the CP plan
// ends), or up to the reference date when the CP plan has no end. The CIN plan is reported.
constexpr RuleInfo k4016{
    "4016", Severity::kError,
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan."};
void Check4016(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  std::vector<Period> plans, cp_plans;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    CpPlanPeriods(c, ctx, cp_plans);
    if (cp_plans.empty()) continue;
    CinPlanPeriods(c, ctx, plans);
    for (const Period& p : plans) {
      if (!p.start) continue;
      for (const Period& cpp : cp_plans) {
        if (WhileOpen(*p.start, cpp)) {
          out.Add(k4016, c.la_child_id, ModulePath(i, p.episode, kPlans, p.index),
                  c.episodes[p.episode].plans[p.index].line, "CINPlanStartDate");
          break;
        }
      }
    }
  }
}

// 4017: no CP plan of a child starts while one of the child's CIN plans (any episode) is open:
// on or after its start and before its end (a CP plan may start on the day the CIN plan ends),
// or up to the reference date when the CIN plan has no end. The CP plan is reported.
constexpr RuleInfo k4017{
    "4017", Severity::kError,
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan."};
void Check4017(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  std::vector<Period> plans, cp_plans;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    CinPlanPeriods(c, ctx, plans);
    if (plans.empty()) continue;
    CpPlanPeriods(c, ctx, cp_plans);
    for (const Period& cpp : cp_plans) {
      if (!cpp.start) continue;
      for (const Period& p : plans) {
        if (WhileOpen(*cpp.start, p)) {
          out.Add(k4017, c.la_child_id, ModulePath(i, cpp.episode, kCpPlans, cpp.index),
                  c.episodes[cpp.episode].cp_plans[cpp.index].line, "CPPstartDate");
          break;
        }
      }
    }
  }
}

}  // namespace

void AddAssessmentRules(std::vector<Rule>& rules) {
  rules.push_back({k1103, Check1103});
  rules.push_back({k4000, Check4000});
  rules.push_back({k4001, Check4001});
  rules.push_back({k4004, Check4004});
  rules.push_back({k4010, Check4010});
  rules.push_back({k4011, Check4011});
  rules.push_back({k4012Q, Check4012Q});
  rules.push_back({k4013, Check4013});
  rules.push_back({k4014, Check4014});
  rules.push_back({k4015, Check4015});
  rules.push_back({k4016, Check4016});
  rules.push_back({k4017, Check4017});
  rules.push_back({k8608, Check8608});
  rules.push_back({k8614, Check8614});
  rules.push_back({k8670Q, Check8670Q});
  rules.push_back({k8696, Check8696});
  rules.push_back({k8736, Check8736});
  rules.push_back({k8863Q, Check8863Q});
  rules.push_back({k8869, Check8869});
  rules.push_back({k8873Q, Check8873Q});
  rules.push_back({k8896, Check8896});
  rules.push_back({k8897Q, Check8897Q});
  rules.push_back({k8898, Check8898});
  rules.push_back({k8945Q, Check8945Q});
  rules.push_back({k8950Q, Check8950Q});
}

}  // namespace sg::cin
