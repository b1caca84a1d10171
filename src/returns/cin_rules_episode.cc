// CIN census rules on CINdetails: referral, closure, NFA, primary need, episodes: codes 2990,
// 2991Q, 8555Q-8650, 8805-8831, 8866-8868, 8890.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-cin), read, not copied; differences are listed in
// docs/returns/cin-differences.md.
//
// A "child" here is one <Child> element: rules comparing a child's episodes (8815, 8816, 8820)
// compare every CINdetails of that element with every other, whatever their order in the file.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/code_list.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

// ---- Shared helpers

// An episode that is open (no closure date) and is not a referral with no further action: the
// episodes 8815 and 8816 are about (8820 runs them to the census day).
bool OpenAndActive(const Episode& e) { return e.closure_date.empty() && IsNo(e.nfa); }

bool ClosedAfterAssessment(const Episode& e) {
  return e.closure_reason == "RC8" || e.closure_reason == "RC9";
}

// A dated span [start, end) (or [start, end] when the rule counts the end day) of element
// `index` among its siblings; `has_end` is false for an element that only starts.
struct Span {
  Date start;
  Date end;
  bool has_end = false;
  std::uint32_t index = 0;
};

// Sets hit[s.index] for every span whose start falls within another span of the list (on or
// after that span's start, and before its end, or on it when `end_inclusive`). Sorts `spans`.
// O(n log n): sweeping the starts in order, the furthest-reaching span started so far decides,
// and the two furthest ones are kept so that a span is never compared with itself.
void MarkStartsInsideOthers(std::vector<Span>& spans, bool end_inclusive, std::vector<bool>& hit) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.index < b.index;
  });
  struct Reach {
    Date end;
    std::uint32_t index = 0;
    bool set = false;
  };
  Reach first, second;  // first.end >= second.end
  size_t group = 0;
  while (group < spans.size()) {
    size_t next = group;
    while (next < spans.size() && spans[next].start == spans[group].start) {
      const Span& s = spans[next++];
      if (!s.has_end) continue;
      if (!first.set || s.end > first.end) {
        second = first;
        first = {s.end, s.index, true};
      } else if (!second.set || s.end > second.end) {
        second = {s.end, s.index, true};
      }
    }
    for (size_t i = group; i < next; ++i) {
      const Span& a = spans[i];
      const Reach& other = first.index != a.index ? first : second;
      if (!other.set) continue;
      if (end_inclusive ? other.end >= a.start : other.end > a.start) hit[a.index] = true;
    }
    group = next;
  }
}

// ---- Rules

// 2990: an episode closed after assessment (RC8, RC9) has no later activity: no CIN plan, no
// S47 enquiry, no initial conference, no CP plan. Each such element is reported.
constexpr RuleInfo k2990{"2990", Severity::kError,
                         "Activity is recorded against a case marked as ‘Case closed after "
                         "assessment, no further action’ or 'case closed after assessment, "
                         "referred to early help'."};
void Check2990(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!ClosedAfterAssessment(e)) return;
    if (!e.initial_cpc.empty()) {
      out.Add(k2990, c.la_child_id, EpisodePath(i, j), e.line, "DateOfInitialCPC");
    }
    for (size_t k = 0; k < e.plans.size(); ++k) {
      out.Add(k2990, c.la_child_id, ModulePath(i, j, "CINPlanDates", k), e.plans[k].line,
              "CINPlanDates");
    }
    for (size_t k = 0; k < e.enquiries.size(); ++k) {
      out.Add(k2990, c.la_child_id, ModulePath(i, j, "Section47", k), e.enquiries[k].line,
              "Section47");
    }
    for (size_t k = 0; k < e.cp_plans.size(); ++k) {
      out.Add(k2990, c.la_child_id, ModulePath(i, j, "ChildProtectionPlans", k), e.cp_plans[k].line,
              "ChildProtectionPlans");
    }
  });
}

// 2991Q: an episode with a Section 47 enquiry has an assessment; each enquiry of an episode
// without one is reported.
constexpr RuleInfo k2991Q{"2991Q", Severity::kQuery,
                          "Please check and either amend data or provide a reason: A Section 47 "
                          "module is recorded and there is no assessment on the episode"};
void Check2991Q(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!e.assessments.empty()) return;
    for (size_t k = 0; k < e.enquiries.size(); ++k) {
      out.Add(k2991Q, c.la_child_id, ModulePath(i, j, "Section47", k), e.enquiries[k].line,
              "Section47");
    }
  });
}

// 8555Q: a child who has died is not referred after the date of death.
constexpr RuleInfo k8555Q{"8555Q", Severity::kQuery,
                          "Child cannot be referred after its recorded date of death"};
void Check8555Q(const Context& ctx, Findings& out) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    if (c.death_date.empty()) return;
    const auto death = ParseDate(c.death_date);
    if (!death) return;
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const auto referral = ParseDate(c.episodes[j].referral_date);
      if (referral && *referral > *death) {
        out.Add(k8555Q, c.la_child_id, EpisodePath(i, j), c.episodes[j].line, "CINreferralDate");
      }
    }
  });
}

// 8568: ReferralNFA is present and is one of 1, 0, true, false (any case).
constexpr RuleInfo k8568{"8568", Severity::kError, "RNFA flag is missing or invalid"};
void Check8568(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!IsYes(e.nfa) && !IsNo(e.nfa)) {
      out.Add(k8568, c.la_child_id, EpisodePath(i, j), e.line, "ReferralNFA");
    }
  });
}

// 8569Q: a referral made before the working day preceding the collection start (1 April) is
// not a referral with no further action.
constexpr RuleInfo k8569Q{"8569Q", Severity::kQuery,
                          "A case with referral date before one working day prior to the "
                          "collection start date must not be flagged as a no further action case"};
// The last working day before `d` (England); outside the bank-holiday table, the last weekday.
Date WorkingDayBefore(const WorkingDayCalendar* calendar, Date d) {
  Date prev = d.AddDays(-1);
  for (int guard = 0; guard < 31; ++guard) {
    const bool working = calendar != nullptr && calendar->Covers(prev)
                             ? calendar->IsWorkingDay(prev)
                             : prev.weekday() < 5;
    if (working) break;
    prev = prev.AddDays(-1);
  }
  return prev;
}
void Check8569Q(const Context& ctx, Findings& out) {
  const Date limit = WorkingDayBefore(ctx.calendar, ctx.collection_start);
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!IsYes(e.nfa)) return;
    const auto referral = ParseDate(e.referral_date);
    if (referral && *referral < limit) {
      out.Add(k8569Q, c.la_child_id, EpisodePath(i, j), e.line, "ReferralNFA");
    }
  });
}

// 8585Q: an episode closed because the child died (RC2) goes with a valid date of death.
constexpr RuleInfo k8585Q{"8585Q", Severity::kQuery,
                          "Please check and either amend or provide a reason: CIN episode shows "
                          "Died as the Closure Reason, however child has no recorded Date of "
                          "Death"};
void Check8585Q(const Context& ctx, Findings& out) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    bool death_known = false;
    bool checked = false;
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const Episode& e = c.episodes[j];
      if (e.closure_reason != "RC2") continue;
      if (!checked) {
        death_known = ParseDate(c.death_date).has_value();
        checked = true;
      }
      if (!death_known) {
        out.Add(k8585Q, c.la_child_id, EpisodePath(i, j), e.line, "ReasonForClosure");
      }
    }
  });
}

// 8600: the referral date is present and on or before the reference date.
constexpr RuleInfo k8600{"8600", Severity::kError,
                         "Child referral date missing or after data collection period"};
void Check8600(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    bool bad = e.referral_date.empty();
    if (!bad) {
      const auto referral = ParseDate(e.referral_date);
      bad = referral && *referral > ctx.reference_date;
    }
    if (bad) out.Add(k8600, c.la_child_id, EpisodePath(i, j), e.line, "CINreferralDate");
  });
}

// 8606: the referral is no more than 280 days (40 weeks) before the date of birth or the
// expected date of birth.
constexpr RuleInfo k8606{"8606", Severity::kError,
                         "Child referral date is more than 40 weeks before DOB or expected DOB"};
void Check8606(const Context& ctx, Findings& out) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    if (c.episodes.empty()) return;
    std::optional<Date> earliest;  // the earliest referral date allowed
    for (const std::string* text : {&c.birth_date, &c.expected_birth_date}) {
      const auto d = ParseDate(*text);
      if (d && (!earliest || d->AddDays(-280) > *earliest)) earliest = d->AddDays(-280);
    }
    if (!earliest) return;
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const auto referral = ParseDate(c.episodes[j].referral_date);
      if (referral && *referral < *earliest) {
        out.Add(k8606, c.la_child_id, EpisodePath(i, j), c.episodes[j].line, "CINreferralDate");
      }
    }
  });
}

// 8610: a referral that led to further action (ReferralNFA false or 0) has a primary need.
constexpr RuleInfo k8610{"8610", Severity::kError,
                         "Primary Need code is missing for a referral which led to further "
                         "action."};
void Check8610(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (e.primary_need.empty() && IsNo(e.nfa)) {
      out.Add(k8610, c.la_child_id, EpisodePath(i, j), e.line, "PrimaryNeedCode");
    }
  });
}

// 8620: a closure date lies within the collection year (1 April to the reference date).
constexpr RuleInfo k8620{"8620", Severity::kError,
                         "CIN Closure Date present and does not fall within the Census year"};
void Check8620(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (e.closure_date.empty()) return;
    const auto closure = ParseDate(e.closure_date);
    if (closure && (*closure < ctx.collection_start || *closure > ctx.reference_date)) {
      out.Add(k8620, c.la_child_id, EpisodePath(i, j), e.line, "CINclosureDate");
    }
  });
}

// 8630: an episode does not close before its referral.
constexpr RuleInfo k8630{"8630", Severity::kError,
                         "CIN Closure Date is before CIN Referral Date for the same CIN episode"};
void Check8630(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (e.closure_date.empty()) return;
    const auto closure = ParseDate(e.closure_date);
    const auto referral = ParseDate(e.referral_date);
    if (closure && referral && *closure < *referral) {
      out.Add(k8630, c.la_child_id, EpisodePath(i, j), e.line, "CINclosureDate");
    }
  });
}

// 8640: a reason for closure, when present, is a 2025/26 code (RC1-RC9; the shared list is
// exactly DfE's).
constexpr RuleInfo k8640{"8640", Severity::kError,
                         "CIN Reason for closure code invalid (see Reason for Closure table in "
                         "CIN Census code set)"};
void Check8640(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!e.closure_reason.empty() &&
        FindCode(CodeListId::kCinClosureReason, e.closure_reason) == nullptr) {
      out.Add(k8640, c.la_child_id, EpisodePath(i, j), e.line, "ReasonForClosure");
    }
  });
}

// 8650: a primary need code, when present, is a 2025/26 code (N0-N9; the shared list is
// exactly DfE's).
constexpr RuleInfo k8650{"8650", Severity::kError,
                         "Primary Need Code invalid (see Primary Need table in CIN census code "
                         "set)"};
void Check8650(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!e.primary_need.empty() && FindCode(CodeListId::kPrimaryNeed, e.primary_need) == nullptr) {
      out.Add(k8650, c.la_child_id, EpisodePath(i, j), e.line, "PrimaryNeedCode");
    }
  });
}

// 8805: a closure date goes with a reason for closure.
constexpr RuleInfo k8805{"8805", Severity::kError,
                         "A CIN case cannot have a CIN closure date without a Reason for Closure"};
void Check8805(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!e.closure_date.empty() && e.closure_reason.empty()) {
      out.Add(k8805, c.la_child_id, EpisodePath(i, j), e.line, "ReasonForClosure");
    }
  });
}

// 8810: a reason for closure goes with a closure date.
constexpr RuleInfo k8810{"8810", Severity::kError,
                         "A CIN case cannot have a Reason for Closure without a CIN Closure Date"};
void Check8810(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!e.closure_reason.empty() && e.closure_date.empty()) {
      out.Add(k8810, c.la_child_id, EpisodePath(i, j), e.line, "CINclosureDate");
    }
  });
}

// 8815: a child has at most one open episode that is not a referral with no further action
// (open NFA episodes do not count); each such episode of a child with several is reported.
constexpr RuleInfo k8815{"8815", Severity::kError,
                         "More than one open CIN Details episode (a module with no CIN Closure "
                         "Date) has been provided for this child and case is not a referral with "
                         "no further action."};
void Check8815(const Context& ctx, Findings& out) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    if (c.episodes.size() < 2) return;
    size_t open = 0;
    for (const Episode& e : c.episodes) open += OpenAndActive(e) ? 1 : 0;
    if (open < 2) return;
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      if (OpenAndActive(c.episodes[j])) {
        out.Add(k8815, c.la_child_id, EpisodePath(i, j), c.episodes[j].line, "CINclosureDate");
      }
    }
  });
}

// 8816: an open episode that is not a referral with no further action is the child's latest
// referral: no other episode of the child has a later referral date (an equal one is allowed).
constexpr RuleInfo k8816{"8816", Severity::kError,
                         "An open CIN episode is shown and case is not a referral with no further "
                         "action, but it is not the latest episode."};
void Check8816(const Context& ctx, Findings& out) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    if (c.episodes.size() < 2) return;
    std::optional<Date> latest;
    bool any_open = false;
    for (const Episode& e : c.episodes) {
      const auto referral = ParseDate(e.referral_date);
      if (referral && (!latest || *referral > *latest)) latest = referral;
      any_open = any_open || OpenAndActive(e);
    }
    if (!any_open || !latest) return;
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const Episode& e = c.episodes[j];
      if (!OpenAndActive(e)) continue;
      const auto referral = ParseDate(e.referral_date);
      if (referral && *referral < *latest) {
        out.Add(k8816, c.la_child_id, EpisodePath(i, j), e.line, "CINreferralDate");
      }
    }
  });
}

// 8820: a child's episodes do not overlap: no episode's referral date falls on or after
// another episode's referral date and before that episode's closure date, or, for an open
// episode that is not NFA, before the reference date. An episode may start on the day another
// closes. Every episode whose referral falls inside another is reported.
constexpr RuleInfo k8820{"8820", Severity::kError,
                         "The dates on the CIN episodes for this child overlap"};
void Check8820(const Context& ctx, Findings& out) {
  std::vector<Span> spans;
  std::vector<bool> hit;
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    if (c.episodes.size() < 2) return;
    spans.clear();
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const Episode& e = c.episodes[j];
      const auto referral = ParseDate(e.referral_date);
      if (!referral) continue;
      Span s{*referral, Date(), false, static_cast<std::uint32_t>(j)};
      if (!e.closure_date.empty()) {
        const auto closure = ParseDate(e.closure_date);
        if (closure) s = {*referral, *closure, true, s.index};
      } else if (IsNo(e.nfa)) {
        s = {*referral, ctx.reference_date, true, s.index};
      }
      spans.push_back(s);
    }
    if (spans.size() < 2) return;
    hit.assign(c.episodes.size(), false);
    MarkStartsInsideOthers(spans, /*end_inclusive=*/false, hit);
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      if (hit[j]) {
        out.Add(k8820, c.la_child_id, EpisodePath(i, j), c.episodes[j].line, "CINreferralDate");
      }
    }
  });
}

// 8825Q: an episode closed after assessment (RC8, RC9) has an assessment.
constexpr RuleInfo k8825Q{"8825Q", Severity::kQuery,
                          "Please check and either amend data or provide a reason: Reason for "
                          "Closure code RC8 (case closed after assessment) or RC9 (case closed "
                          "after assessment, referred to early help) has been returned but there "
                          "is no assessment present for the episode."};
void Check8825Q(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (ClosedAfterAssessment(e) && e.assessments.empty()) {
      out.Add(k8825Q, c.la_child_id, EpisodePath(i, j), e.line, "ReasonForClosure");
    }
  });
}

// 8831: a referral with no further action (ReferralNFA true or 1) has no activity: no
// assessment dates, no S47 start or initial conference dates, no initial conference date on
// the episode. Each element carrying such a date is reported.
constexpr RuleInfo k8831{"8831", Severity::kError,
                         "Activity is recorded against a case marked as a referral with no "
                         "further action"};
void Check8831(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (!IsYes(e.nfa)) return;
    if (!e.initial_cpc.empty()) {
      out.Add(k8831, c.la_child_id, EpisodePath(i, j), e.line, "DateOfInitialCPC");
    }
    for (size_t k = 0; k < e.assessments.size(); ++k) {
      const Assessment& a = e.assessments[k];
      if (!a.start.empty() || !a.authorised.empty()) {
        out.Add(k8831, c.la_child_id, ModulePath(i, j, "Assessments", k), a.line,
                a.start.empty() ? "AssessmentAuthorisationDate" : "AssessmentActualStartDate");
      }
    }
    for (size_t k = 0; k < e.enquiries.size(); ++k) {
      const Section47& s = e.enquiries[k];
      if (!s.start.empty() || !s.icpc.empty()) {
        out.Add(k8831, c.la_child_id, ModulePath(i, j, "Section47", k), s.line,
                s.start.empty() ? "DateOfInitialCPC" : "S47ActualStartDate");
      }
    }
  });
}

// 8866: a referral made on or after 1 April 2013 has a valid source (the shared list is
// exactly DfE's 2025/26 list: 1A-1D, 2A-2B, 3A-3F, 4, 5A-5D, 6-10).
constexpr RuleInfo k8866{"8866", Severity::kError,
                         "Source of Referral is missing or an invalid code"};
void Check8866(const Context& ctx, Findings& out) {
  const Date since = Date::FromCivil(2013, 4, 1);
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (FindCode(CodeListId::kReferralSource, e.source) != nullptr) return;
    const auto referral = ParseDate(e.referral_date);
    if (referral && *referral >= since) {
      out.Add(k8866, c.la_child_id, EpisodePath(i, j), e.line, "ReferralSource");
    }
  });
}

// 8867: a closed episode's assessments are all authorised; each one without an authorisation
// date is reported.
constexpr RuleInfo k8867{"8867", Severity::kError,
                         "CIN episode is shown as closed, however Assessment is not shown as "
                         "completed"};
void Check8867(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (e.closure_date.empty()) return;
    for (size_t k = 0; k < e.assessments.size(); ++k) {
      if (e.assessments[k].authorised.empty()) {
        out.Add(k8867, c.la_child_id, ModulePath(i, j, "Assessments", k), e.assessments[k].line,
                "AssessmentAuthorisationDate");
      }
    }
  });
}

// 8868: each Section 47 enquiry of a closed episode is completed either by an initial
// conference date or by ICPCnotRequired true/1, not by neither and not by both.
constexpr RuleInfo k8868{"8868", Severity::kError,
                         "CIN episode is shown as closed, however Section 47 enquiry is not shown "
                         "as completed by ICPC date or ICPC not required flag"};
void Check8868(const Context& ctx, Findings& out) {
  ForEachEpisode(ctx, [&](size_t i, size_t j, const Child& c, const Episode& e) {
    if (e.closure_date.empty()) return;
    for (size_t k = 0; k < e.enquiries.size(); ++k) {
      const Section47& s = e.enquiries[k];
      const bool held = !s.icpc.empty();
      if (held == IsYes(s.icpc_not_required)) {
        out.Add(k8868, c.la_child_id, ModulePath(i, j, "Section47", k), s.line,
                held ? "ICPCnotRequired" : "DateOfInitialCPC");
      }
    }
  });
}

// 8890: within an episode, no Section 47 enquiry starts on or between the start and the
// initial conference of another, or, for another without a conference whose ICPCnotRequired
// is not true, on or between its start and the reference date.
constexpr RuleInfo k8890{"8890", Severity::kError,
                         "A Section 47 enquiry is shown as starting when there is another Section "
                         "47 Enquiry ongoing"};
void Check8890(const Context& ctx, Findings& out) {
  std::vector<Span> spans;
  std::vector<bool> hit;
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const Episode& e = c.episodes[j];
      if (e.enquiries.size() < 2) continue;
      spans.clear();
      for (size_t k = 0; k < e.enquiries.size(); ++k) {
        const Section47& s = e.enquiries[k];
        const auto start = ParseDate(s.start);
        if (!start) continue;
        Span span{*start, Date(), false, static_cast<std::uint32_t>(k)};
        if (!s.icpc.empty()) {
          const auto icpc = ParseDate(s.icpc);
          if (icpc) span = {*start, *icpc, true, span.index};
        } else if (!IsYes(s.icpc_not_required)) {
          span = {*start, ctx.reference_date, true, span.index};
        }
        spans.push_back(span);
      }
      if (spans.size() < 2) continue;
      hit.assign(e.enquiries.size(), false);
      MarkStartsInsideOthers(spans, /*end_inclusive=*/true, hit);
      for (size_t k = 0; k < e.enquiries.size(); ++k) {
        if (hit[k]) {
          out.Add(k8890, c.la_child_id, ModulePath(i, j, "Section47", k), e.enquiries[k].line,
                  "S47ActualStartDate");
        }
      }
    }
  });
}

}  // namespace

void AddEpisodeRules(std::vector<Rule>& rules) {
  rules.push_back({k2990, Check2990});
  rules.push_back({k2991Q, Check2991Q});
  rules.push_back({k8555Q, Check8555Q});
  rules.push_back({k8568, Check8568});
  rules.push_back({k8569Q, Check8569Q});
  rules.push_back({k8585Q, Check8585Q});
  rules.push_back({k8600, Check8600});
  rules.push_back({k8606, Check8606});
  rules.push_back({k8610, Check8610});
  rules.push_back({k8620, Check8620});
  rules.push_back({k8630, Check8630});
  rules.push_back({k8640, Check8640});
  rules.push_back({k8650, Check8650});
  rules.push_back({k8805, Check8805});
  rules.push_back({k8810, Check8810});
  rules.push_back({k8815, Check8815});
  rules.push_back({k8816, Check8816});
  rules.push_back({k8820, Check8820});
  rules.push_back({k8825Q, Check8825Q});
  rules.push_back({k8831, Check8831});
  rules.push_back({k8866, Check8866});
  rules.push_back({k8867, Check8867});
  rules.push_back({k8868, Check8868});
  rules.push_back({k8890, Check8890});
}

}  // namespace sg::cin
