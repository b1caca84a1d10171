// CIN census rules on Section47, ChildProtectionPlans and their Reviews: codes 1104, 1105,
// 2883-2885, 2889, 4003, 8565, 8615, 8675Q, 8715-8740, 8832, 8839-8842Q, 8870Q, 8875, 89xx.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-cin), read, not copied; differences are listed in
// docs/returns/cin-differences.md.
//
// Conventions of this family:
// - "absent" is an empty value; a value that is present but not a YYYY-MM-DD date is left to
//   the schema, and comparisons involving it are skipped.
// - ICPCnotRequired is the schema's yes/no: "1"/"true" is yes, "0"/"false" is no; a rule
//   that needs it to be "false" does not fire when it is absent.
// - Findings on a review date point at its CPPreviewDate inside the plan (the line is the
//   plan's: the model keeps no line per review).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/code_list.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

// ---- Helpers

bool IsWeekend(Date d) { return d.weekday() >= 5; }  // Monday is 0

bool InCensusYear(const Context& ctx, Date d) {
  return d >= ctx.collection_start && d <= ctx.reference_date;
}

std::string S47Path(size_t c, size_t e, size_t k) { return ModulePath(c, e, "Section47", k); }
std::string CppPath(size_t c, size_t e, size_t k) {
  return ModulePath(c, e, "ChildProtectionPlans", k);
}
std::string ReviewPath(size_t c, size_t e, size_t k, size_t r) {
  return CppPath(c, e, k) + "/Reviews/CPPreviewDate[" + std::to_string(r + 1) + "]";
}

// Calls f(child_index, episode_index, enquiry_index, child, episode, enquiry) for every
// Section47 module.
template <typename F>
void ForEachEnquiry(const Context& ctx, F&& f) {
  ForEachEpisode(ctx, [&](size_t c, size_t e, const Child& child, const Episode& ep) {
    for (size_t k = 0; k < ep.enquiries.size(); ++k) f(c, e, k, child, ep, ep.enquiries[k]);
  });
}

// Calls f(child_index, episode_index, plan_index, child, episode, plan) for every
// ChildProtectionPlans module.
template <typename F>
void ForEachPlan(const Context& ctx, F&& f) {
  ForEachEpisode(ctx, [&](size_t c, size_t e, const Child& child, const Episode& ep) {
    for (size_t k = 0; k < ep.cp_plans.size(); ++k) f(c, e, k, child, ep, ep.cp_plans[k]);
  });
}

// ---- Section47

// 1104: a conference date recorded on an enquiry is on or after the episode's referral.
constexpr RuleInfo k1104{
    "1104", Severity::kError,
    "The date of the initial child protection conference cannot be before the referral date"};
void Check1104(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode& ep,
                          const Section47& s) {
    const auto icpc = ParseDate(s.icpc);
    const auto referral = ParseDate(ep.referral_date);
    if (icpc && referral && *icpc < *referral) {
      out.Add(k1104, child.la_child_id, S47Path(c, e, k), s.line, "DateOfInitialCPC");
    }
  });
}

// 2884: the same conference is not recorded both on an enquiry and on the CINdetails: an
// enquiry's conference date equals a CINdetails-level conference date of the same child.
constexpr RuleInfo k2884{"2884", Severity::kError,
                         "An initial child protection conference is recorded at both the S47 and "
                         "CIN Details level and it should only be recorded in one"};
void Check2884(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  std::vector<Date> episode_level;
  for (size_t c = 0; c < children.size(); ++c) {
    const Child& child = children[c];
    episode_level.clear();
    for (const Episode& ep : child.episodes) {
      if (const auto d = ParseDate(ep.initial_cpc)) episode_level.push_back(*d);
    }
    if (episode_level.empty()) continue;
    for (size_t e = 0; e < child.episodes.size(); ++e) {
      const Episode& ep = child.episodes[e];
      for (size_t k = 0; k < ep.enquiries.size(); ++k) {
        const auto icpc = ParseDate(ep.enquiries[k].icpc);
        if (!icpc) continue;
        if (std::find(episode_level.begin(), episode_level.end(), *icpc) != episode_level.end()) {
          out.Add(k2884, child.la_child_id, S47Path(c, e, k), ep.enquiries[k].line,
                  "DateOfInitialCPC");
        }
      }
    }
  }
}

// 2889: an enquiry starts on or after the episode's referral.
constexpr RuleInfo k2889{"2889", Severity::kError,
                         "The S47 start date cannot be before the referral date."};
void Check2889(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode& ep,
                          const Section47& s) {
    const auto start = ParseDate(s.start);
    const auto referral = ParseDate(ep.referral_date);
    if (start && referral && *start < *referral) {
      out.Add(k2889, child.la_child_id, S47Path(c, e, k), s.line, "S47ActualStartDate");
    }
  });
}

// 8615: an enquiry with a conference date has a start date, on or before the conference.
constexpr RuleInfo k8615{"8615", Severity::kError,
                         "Section 47 Enquiry Start Date must be present and cannot be later than "
                         "the date of the initial Child Protection Conference"};
void Check8615(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                          const Section47& s) {
    const auto icpc = ParseDate(s.icpc);
    if (!icpc) return;
    const auto start = ParseDate(s.start);
    if (s.start.empty() || (start && *start > *icpc)) {
      out.Add(k8615, child.la_child_id, S47Path(c, e, k), s.line, "S47ActualStartDate");
    }
  });
}

// 8675Q: an enquiry with no conference date whose conference was required (ICPCnotRequired
// false) did not start more than 15 working days before the reference date: a start on the
// 15th working day before it passes, one a working day earlier is queried.
constexpr RuleInfo k8675Q{
    "8675Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 "
    "working days before the end of the census year. However, there is no date of Initial Child "
    "Protection Conference."};
void Check8675Q(const Context& ctx, Findings& out) {
  // The 16th working day counting back from the reference date (the reference date itself
  // counting when it is a working day): a start before it is more than 15 working days before
  // the reference date.
  const WorkingDayCalendar& cal = *ctx.calendar;
  std::optional<Date> sixteenth;
  int counted = 0;
  for (Date d = ctx.reference_date; cal.Covers(d); d = d.AddDays(-1)) {
    if (cal.IsWorkingDay(d) && ++counted == 16) {
      sixteenth = d;
      break;
    }
  }
  if (!sixteenth) return;  // outside the calendar's years: nothing can be said
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                          const Section47& s) {
    if (!s.icpc.empty() || !IsNo(s.icpc_not_required)) return;
    const auto start = ParseDate(s.start);
    if (start && *start < *sixteenth) {
      out.Add(k8675Q, child.la_child_id, S47Path(c, e, k), s.line, "S47ActualStartDate");
    }
  });
}

// 8715: an enquiry's conference date falls within the census year.
constexpr RuleInfo k8715{
    "8715", Severity::kError,
    "Date of Initial Child Protection Conference must fall within the census year"};
void Check8715(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                          const Section47& s) {
    const auto icpc = ParseDate(s.icpc);
    if (icpc && !InCensusYear(ctx, *icpc)) {
      out.Add(k8715, child.la_child_id, S47Path(c, e, k), s.line, "DateOfInitialCPC");
    }
  });
}

// 8740: an enquiry still awaiting its conference (no conference date, ICPCnotRequired false)
// started within the census year.
constexpr RuleInfo k8740{
    "8740", Severity::kError,
    "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the "
    "end of the census year, the start date must fall within the census year"};
void Check8740(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                          const Section47& s) {
    if (!s.icpc.empty() || !IsNo(s.icpc_not_required)) return;
    const auto start = ParseDate(s.start);
    if (start && !InCensusYear(ctx, *start)) {
      out.Add(k8740, child.la_child_id, S47Path(c, e, k), s.line, "S47ActualStartDate");
    }
  });
}

// 8839: an episode has at most one open enquiry (no conference date and ICPCnotRequired not
// yes); when it has more, each open one is reported.
constexpr RuleInfo k8839{"8839", Severity::kError,
                         "Within one CINDetails group there are 2 or more open S47 Assessments"};
void Check8839(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t c, size_t e, const Child& child, const Episode& ep) {
    const auto open = [](const Section47& s) {
      return s.icpc.empty() && !IsYes(s.icpc_not_required);
    };
    if (std::count_if(ep.enquiries.begin(), ep.enquiries.end(), open) < 2) return;
    for (size_t k = 0; k < ep.enquiries.size(); ++k) {
      if (open(ep.enquiries[k])) {
        out.Add(k8839, child.la_child_id, S47Path(c, e, k), ep.enquiries[k].line,
                "DateOfInitialCPC");
      }
    }
  });
}

// 8870Q: an enquiry's conference target date is not a Saturday or Sunday.
constexpr RuleInfo k8870Q{"8870Q", Severity::kQuery,
                          "Please check and either amend or provide a reason: The Target Date for "
                          "Initial Child Protection Conference should not be a weekend"};
void Check8870Q(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                          const Section47& s) {
    const auto target = ParseDate(s.icpc_target);
    if (target && IsWeekend(*target)) {
      out.Add(k8870Q, child.la_child_id, S47Path(c, e, k), s.line, "InitialCPCtarget");
    }
  });
}

// 8875: an enquiry's conference date is not a Saturday or Sunday.
constexpr RuleInfo k8875{"8875", Severity::kError,
                         "The Date of Initial Child Protection Conference cannot be a weekend"};
void Check8875(const Context& ctx, Findings& out) {
  ForEachEnquiry(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                          const Section47& s) {
    const auto icpc = ParseDate(s.icpc);
    if (icpc && IsWeekend(*icpc)) {
      out.Add(k8875, child.la_child_id, S47Path(c, e, k), s.line, "DateOfInitialCPC");
    }
  });
}

// ---- ChildProtectionPlans

// 1105: a plan starts on or after the episode's referral.
constexpr RuleInfo k1105{"1105", Severity::kError,
                         "The child protection plan start date cannot be before the referral date"};
void Check1105(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode& ep,
                       const ProtectionPlan& p) {
    const auto start = ParseDate(p.start);
    const auto referral = ParseDate(ep.referral_date);
    if (start && referral && *start < *referral) {
      out.Add(k1105, child.la_child_id, CppPath(c, e, k), p.line, "CPPstartDate");
    }
  });
}

// 2883: across the return, no more plans start in the census year than initial conferences
// are held in it (conference dates of enquiries and of CINdetails both count). A finding
// about the return.
constexpr RuleInfo k2883{
    "2883", Severity::kError,
    "There are more child protection plans starting than initial conferences taking place"};
void Check2883(const Context& ctx, Findings& out) {
  std::int64_t plans = 0, conferences = 0;
  const auto in_year = [&](const std::string& text) {
    const auto d = ParseDate(text);
    return d && InCensusYear(ctx, *d);
  };
  ForEachEpisode(ctx, [&](size_t, size_t, const Child&, const Episode& ep) {
    if (in_year(ep.initial_cpc)) ++conferences;
    for (const Section47& s : ep.enquiries) conferences += in_year(s.icpc) ? 1 : 0;
    for (const ProtectionPlan& p : ep.cp_plans) plans += in_year(p.start) ? 1 : 0;
  });
  if (plans > conferences) out.Add(k2883, "", "Children", 0, "CPPstartDate");
}

// 2885: a plan starting in the census year starts on the day of its initial conference: the
// conference date of one of the episode's enquiries that needed a conference (ICPCnotRequired
// not yes) or, when the episode has no such enquiry, the CINdetails-level conference date.
constexpr RuleInfo k2885{"2885", Severity::kError,
                         "Child protection plan shown as starting a different day to the initial "
                         "child protection conference."};
void Check2885(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode& ep,
                       const ProtectionPlan& p) {
    const auto start = ParseDate(p.start);
    if (!start || !InCensusYear(ctx, *start)) return;
    bool has_enquiry = false, matched = false;
    for (const Section47& s : ep.enquiries) {
      if (IsYes(s.icpc_not_required)) continue;
      has_enquiry = true;
      const auto icpc = ParseDate(s.icpc);
      if (icpc && *icpc == *start) matched = true;
    }
    if (!has_enquiry) {
      const auto icpc = ParseDate(ep.initial_cpc);
      matched = icpc && *icpc == *start;
    }
    if (!matched) out.Add(k2885, child.la_child_id, CppPath(c, e, k), p.line, "CPPstartDate");
  });
}

// 8565: when an episode is closed, nothing in it is dated after the closure: assessment start
// and authorisation, enquiry start and conference, the CINdetails conference, a plan's end,
// CIN plan start and end. Each later date is reported where it is recorded.
constexpr RuleInfo k8565{"8565", Severity::kError, "Activity shown after a case has been closed"};
void Check8565(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t c, size_t e, const Child& child, const Episode& ep) {
    const auto closure = ParseDate(ep.closure_date);
    if (!closure) return;
    const auto after = [&](const std::string& text) {
      const auto d = ParseDate(text);
      return d && *d > *closure;
    };
    const std::string& id = child.la_child_id;
    if (after(ep.initial_cpc)) out.Add(k8565, id, EpisodePath(c, e), ep.line, "DateOfInitialCPC");
    for (size_t k = 0; k < ep.assessments.size(); ++k) {
      const Assessment& a = ep.assessments[k];
      if (after(a.start)) {
        out.Add(k8565, id, ModulePath(c, e, "Assessments", k), a.line, "AssessmentActualStartDate");
      }
      if (after(a.authorised)) {
        out.Add(k8565, id, ModulePath(c, e, "Assessments", k), a.line,
                "AssessmentAuthorisationDate");
      }
    }
    for (size_t k = 0; k < ep.plans.size(); ++k) {
      const PlanDates& p = ep.plans[k];
      if (after(p.start)) {
        out.Add(k8565, id, ModulePath(c, e, "CINPlanDates", k), p.line, "CINPlanStartDate");
      }
      if (after(p.end)) {
        out.Add(k8565, id, ModulePath(c, e, "CINPlanDates", k), p.line, "CINPlanEndDate");
      }
    }
    for (size_t k = 0; k < ep.enquiries.size(); ++k) {
      const Section47& s = ep.enquiries[k];
      if (after(s.start)) out.Add(k8565, id, S47Path(c, e, k), s.line, "S47ActualStartDate");
      if (after(s.icpc)) out.Add(k8565, id, S47Path(c, e, k), s.line, "DateOfInitialCPC");
    }
    for (size_t k = 0; k < ep.cp_plans.size(); ++k) {
      const ProtectionPlan& p = ep.cp_plans[k];
      if (after(p.end)) out.Add(k8565, id, CppPath(c, e, k), p.line, "CPPendDate");
    }
  });
}

// 8720: a plan has a start date, on or before the reference date.
constexpr RuleInfo k8720{
    "8720", Severity::kError,
    "Child Protection Plan Start Date missing or out of data collection period"};
void Check8720(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto start = ParseDate(p.start);
    if (p.start.empty() || (start && *start > ctx.reference_date)) {
      out.Add(k8720, child.la_child_id, CppPath(c, e, k), p.line, "CPPstartDate");
    }
  });
}

// 8730: a plan gives the number of previous plans, a whole number of zero or more.
constexpr RuleInfo k8730{"8730", Severity::kError,
                         "Total Number of previous Child Protection Plans missing"};
void Check8730(const Context& ctx, Findings& out) {
  const auto non_negative_integer = [](std::string_view t) {
    if (!t.empty() && t.front() == '+') t.remove_prefix(1);
    if (t.empty()) return false;
    return std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    if (!non_negative_integer(p.previous_plans)) {
      out.Add(k8730, child.la_child_id, CppPath(c, e, k), p.line, "NumberOfPreviousCPP");
    }
  });
}

// 8832: an episode closed with no further action (ReferralNFA yes) has no plan.
constexpr RuleInfo k8832{
    "8832", Severity::kError,
    "Child Protection details provided for a referral with no further action."};
void Check8832(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t c, size_t e, const Child& child, const Episode& ep) {
    if (IsYes(ep.nfa) && !ep.cp_plans.empty()) {
      out.Add(k8832, child.la_child_id, EpisodePath(c, e), ep.line, "ReferralNFA");
    }
  });
}

// 8840: a plan does not start and end on the same day.
constexpr RuleInfo k8840{"8840", Severity::kError,
                         "Child Protection Plan cannot start and end on the same day"};
void Check8840(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto start = ParseDate(p.start);
    const auto end = ParseDate(p.end);
    if (start && end && *start == *end) {
      out.Add(k8840, child.la_child_id, CppPath(c, e, k), p.line, "CPPendDate");
    }
  });
}

// 8841: every review of a plan is after the plan's start (not on the same day).
constexpr RuleInfo k8841{
    "8841", Severity::kError,
    "The review date cannot be on the same day or before the Child protection Plan start date."};
void Check8841(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto start = ParseDate(p.start);
    if (!start) return;
    for (size_t r = 0; r < p.reviews.size(); ++r) {
      const auto review = ParseDate(p.reviews[r]);
      if (review && *review <= *start) {
        out.Add(k8841, child.la_child_id, ReviewPath(c, e, k, r), p.line, "CPPreviewDate");
      }
    }
  });
}

// 8905, 8910: a plan's initial and latest categories of abuse are codes of the 2025/26 list
// (NEG, PHY, SAB, EMO, MUL: CodeListId::kCategoryOfAbuse holds exactly these).
bool IsCategoryOfAbuse(std::string_view code) {
  return FindCode(CodeListId::kCategoryOfAbuse, code) != nullptr;
}

constexpr RuleInfo k8905{"8905", Severity::kError,
                         "Initial Category of Abuse code missing or invalid (see Category of "
                         "Abuse table in CIN Census code set)"};
void Check8905(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    if (!IsCategoryOfAbuse(p.initial_category)) {
      out.Add(k8905, child.la_child_id, CppPath(c, e, k), p.line, "InitialCategoryOfAbuse");
    }
  });
}

constexpr RuleInfo k8910{"8910", Severity::kError,
                         "Latest Category of Abuse code missing or invalid (see Category of Abuse "
                         "table in CIN Census code set)"};
void Check8910(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    if (!IsCategoryOfAbuse(p.latest_category)) {
      out.Add(k8910, child.la_child_id, CppPath(c, e, k), p.line, "LatestCategoryOfAbuse");
    }
  });
}

// 8915: a plan does not start after the child's death.
constexpr RuleInfo k8915{
    "8915", Severity::kError,
    "Child Protection Plan shown as starting after the child\u2019s Date of Death"};
void Check8915(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto death = ParseDate(child.death_date);
    const auto start = ParseDate(p.start);
    if (death && start && *start > *death) {
      out.Add(k8915, child.la_child_id, CppPath(c, e, k), p.line, "CPPstartDate");
    }
  });
}

// 8920: a plan does not end after the child's death.
constexpr RuleInfo k8920{"8920", Severity::kError,
                         "Child Protection Plan cannot end after the child\u2019s Date of Death"};
void Check8920(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto death = ParseDate(child.death_date);
    const auto end = ParseDate(p.end);
    if (death && end && *end > *death) {
      out.Add(k8920, child.la_child_id, CppPath(c, e, k), p.line, "CPPendDate");
    }
  });
}

// 8925: a plan does not end before it starts.
constexpr RuleInfo k8925{"8925", Severity::kError,
                         "Child Protection Plan End Date earlier than Start Date"};
void Check8925(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto start = ParseDate(p.start);
    const auto end = ParseDate(p.end);
    if (start && end && *end < *start) {
      out.Add(k8925, child.la_child_id, CppPath(c, e, k), p.line, "CPPendDate");
    }
  });
}

// 8930: a plan's end date falls within the census year.
constexpr RuleInfo k8930{"8930", Severity::kError,
                         "Child Protection Plan End Date must fall within the census year"};
void Check8930(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    const auto end = ParseDate(p.end);
    if (end && !InCensusYear(ctx, *end)) {
      out.Add(k8930, child.la_child_id, CppPath(c, e, k), p.line, "CPPendDate");
    }
  });
}

// 8935: a child has at most one open plan (no end date) across all its episodes; when it has
// more, each open plan is reported.
constexpr RuleInfo k8935{
    "8935", Severity::kError,
    "This child is showing more than one open Child Protection plan, i.e. with no End Date"};
void Check8935(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t c = 0; c < children.size(); ++c) {
    const Child& child = children[c];
    int open = 0;
    for (const Episode& ep : child.episodes) {
      for (const ProtectionPlan& p : ep.cp_plans) open += p.end.empty() ? 1 : 0;
    }
    if (open < 2) continue;
    for (size_t e = 0; e < child.episodes.size(); ++e) {
      const Episode& ep = child.episodes[e];
      for (size_t k = 0; k < ep.cp_plans.size(); ++k) {
        if (ep.cp_plans[k].end.empty()) {
          out.Add(k8935, child.la_child_id, CppPath(c, e, k), ep.cp_plans[k].line, "CPPendDate");
        }
      }
    }
  }
}

// 8940: no plan of a child starts within another plan of the child (across episodes): on or
// after the other's start and on or before its end, or before the reference date when the other
// is open. The plan whose start falls within another is reported. Sorted by start, so that a
// child with many plans costs n log n.
constexpr RuleInfo k8940{"8940", Severity::kError,
                         "Child Protection Plan data contains overlapping dates"};
void Check8940(const Context& ctx, Findings& out) {
  struct Span {
    Date start;
    std::optional<Date> reach;  // end, or the reference date when open; none when unusable
    size_t episode, plan;
    int line;
  };
  std::vector<Span> spans;
  const auto& children = ctx.census->children;
  for (size_t c = 0; c < children.size(); ++c) {
    const Child& child = children[c];
    spans.clear();
    for (size_t e = 0; e < child.episodes.size(); ++e) {
      const Episode& ep = child.episodes[e];
      for (size_t k = 0; k < ep.cp_plans.size(); ++k) {
        const ProtectionPlan& p = ep.cp_plans[k];
        const auto start = ParseDate(p.start);
        if (!start) continue;
        std::optional<Date> reach;
        if (p.end.empty()) {
          reach = ctx.reference_date;
        } else {
          reach = ParseDate(p.end);  // malformed: this plan contains nothing
        }
        spans.push_back({*start, reach, e, k, p.line});
      }
    }
    if (spans.size() < 2) continue;
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span& a, const Span& b) { return a.start < b.start; });
    // For each group of plans with the same start: the latest reach of the plans starting
    // before the group, and how many in the group reach their own start.
    std::optional<Date> reach_before;
    for (size_t g = 0; g < spans.size();) {
      size_t h = g;
      while (h < spans.size() && spans[h].start == spans[g].start) ++h;
      const Date start = spans[g].start;
      const auto reaches = [&](const Span& s) { return s.reach && *s.reach >= start; };
      const std::ptrdiff_t group_reaching =
          std::count_if(spans.begin() + static_cast<std::ptrdiff_t>(g),
                        spans.begin() + static_cast<std::ptrdiff_t>(h), reaches);
      const bool before = reach_before && *reach_before >= start;
      for (size_t i = g; i < h; ++i) {
        const std::ptrdiff_t others = group_reaching - (reaches(spans[i]) ? 1 : 0);
        if (before || others > 0) {
          out.Add(k8940, child.la_child_id, CppPath(c, spans[i].episode, spans[i].plan),
                  spans[i].line, "CPPstartDate");
        }
      }
      for (size_t i = g; i < h; ++i) {
        if (spans[i].reach && (!reach_before || *spans[i].reach > *reach_before)) {
          reach_before = spans[i].reach;
        }
      }
      g = h;
    }
  }
}

// ---- Reviews

// 4003: within an episode, no review of a plan falls while a CIN plan of the episode is open
// (on or after its start and before its end, or at any time after its start when it has no
// end), unless the review is on the plan's end date.
constexpr RuleInfo k4003{
    "4003", Severity::kError,
    "A CPP review date is shown as being held at the same time as an open CIN Plan."};
void Check4003(const Context& ctx, Findings& out) {
  struct Open {
    Date start;
    std::optional<Date> end;
  };
  std::vector<Open> cin_plans;
  ForEachEpisode(ctx, [&](size_t c, size_t e, const Child& child, const Episode& ep) {
    if (ep.cp_plans.empty() || ep.plans.empty()) return;
    cin_plans.clear();
    for (const PlanDates& p : ep.plans) {
      const auto start = ParseDate(p.start);
      if (!start) continue;
      if (p.end.empty()) {
        cin_plans.push_back({*start, std::nullopt});
      } else if (const auto end = ParseDate(p.end)) {
        cin_plans.push_back({*start, *end});
      }
    }
    if (cin_plans.empty()) return;
    for (size_t k = 0; k < ep.cp_plans.size(); ++k) {
      const ProtectionPlan& p = ep.cp_plans[k];
      const auto cpp_end = ParseDate(p.end);
      for (size_t r = 0; r < p.reviews.size(); ++r) {
        const auto review = ParseDate(p.reviews[r]);
        if (!review || (cpp_end && *review == *cpp_end)) continue;
        const bool during = std::any_of(cin_plans.begin(), cin_plans.end(), [&](const Open& o) {
          return *review >= o.start && (!o.end || *review < *o.end);
        });
        if (during) {
          out.Add(k4003, child.la_child_id, ReviewPath(c, e, k, r), p.line, "CPPreviewDate");
        }
      }
    }
  });
}

// 8842Q: every review recorded has a valid date.
constexpr RuleInfo k8842Q{
    "8842Q", Severity::kQuery,
    "Please check and either amend or provide a reason: Review Record has a missing date"};
void Check8842Q(const Context& ctx, Findings& out) {
  ForEachPlan(ctx, [&](size_t c, size_t e, size_t k, const Child& child, const Episode&,
                       const ProtectionPlan& p) {
    for (size_t r = 0; r < p.reviews.size(); ++r) {
      if (!ParseDate(p.reviews[r])) {
        out.Add(k8842Q, child.la_child_id, ReviewPath(c, e, k, r), p.line, "CPPreviewDate");
      }
    }
  });
}

}  // namespace

void AddProtectionRules(std::vector<Rule>& rules) {
  // Section47
  rules.push_back({k1104, Check1104});
  rules.push_back({k2884, Check2884});
  rules.push_back({k2889, Check2889});
  rules.push_back({k8615, Check8615});
  rules.push_back({k8675Q, Check8675Q});
  rules.push_back({k8715, Check8715});
  rules.push_back({k8740, Check8740});
  rules.push_back({k8839, Check8839});
  rules.push_back({k8870Q, Check8870Q});
  rules.push_back({k8875, Check8875});
  // ChildProtectionPlans
  rules.push_back({k1105, Check1105});
  rules.push_back({k2883, Check2883});
  rules.push_back({k2885, Check2885});
  rules.push_back({k8565, Check8565});
  rules.push_back({k8720, Check8720});
  rules.push_back({k8730, Check8730});
  rules.push_back({k8832, Check8832});
  rules.push_back({k8840, Check8840});
  rules.push_back({k8841, Check8841});
  rules.push_back({k8905, Check8905});
  rules.push_back({k8910, Check8910});
  rules.push_back({k8915, Check8915});
  rules.push_back({k8920, Check8920});
  rules.push_back({k8925, Check8925});
  rules.push_back({k8930, Check8930});
  rules.push_back({k8935, Check8935});
  rules.push_back({k8940, Check8940});
  // Reviews
  rules.push_back({k4003, Check4003});
  rules.push_back({k8842Q, Check8842Q});
}

}  // namespace sg::cin
