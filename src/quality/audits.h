#pragma once
// What a period's case file audits found: the grade mix overall and theme by theme, month by
// month; moderation (a second auditor's re-grade of a sample) and how often the two agree;
// re-audits and whether the grade moved; and the audits' actions, done and overdue.
//
// Definitions (docs/quality.md says the same for readers):
//   audits        case_audit records dated in the period that are not moderations (first audits
//                 and re-audits); a moderation is a case_audit whose moderates_id is set
//   grade mix     counts of Outstanding, Good, Requires improvement and Inadequate; "good or
//                 better" is Outstanding + Good over all graded
//   themes        audit_theme_grade records of those audits, by theme and by the audit's month;
//                 "Overall" is the audits' overall grade
//   moderation    every moderation dated in the period, paired with the audit it re-grades:
//                 agreement = the same overall grade; within one = at most one grade apart;
//                 Cohen's kappa over the four grades (agreement beyond chance); themes graded in
//                 both are compared the same way
//   re-audits     re-audits dated in the period against the audit they follow: improved (a
//                 better grade), the same, or worse
//   actions       set = actions of the period's audits, completed = of those, done (on time:
//                 completed on or before the due date); open and overdue = every action not
//                 completed on `as_of` (whenever set), overdue when its due date has passed

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "storage/store.h"

namespace sg::quality {

// The four grades, best first (audit_grade codes).
inline constexpr std::array<std::string_view, 4> kGrades = {"OUTSTANDING", "GOOD",
                                                            "REQUIRES_IMPROVEMENT", "INADEQUATE"};
// 0 (Outstanding) to 3 (Inadequate); -1 for anything else.
int GradeRank(std::string_view grade);

struct GradeMix {
  std::array<int, 4> counts{};  // in kGrades order
  int Total() const;
  // 100 * (Outstanding + Good) / total; nullopt when nothing was graded.
  std::optional<double> GoodOrBetterPct() const;
  void Add(std::string_view grade);
};

struct ThemeTrend {
  std::string theme;             // "Overall" for the audits' overall grades
  std::vector<GradeMix> months;  // parallel to AuditSummary::months
  GradeMix total;
};

struct ModeratedAudit {
  Id audit_id = 0;
  Id moderation_id = 0;
  Id child_id = 0;
  Date moderated_on;
  std::string auditor;  // names of the first auditor and the moderator
  std::string moderator;
  std::string original_grade;
  std::string moderated_grade;
  int themes_compared = 0;
  int themes_agreed = 0;
};

struct Moderation {
  int pairs = 0;
  int agreed = 0;
  int within_one = 0;
  std::optional<double> agreement_pct;
  std::optional<double> within_one_pct;
  std::optional<double> kappa;  // nullopt when fewer than 2 pairs or chance agreement is 1
  int themes_compared = 0;
  int themes_agreed = 0;
  std::optional<double> theme_agreement_pct;
  std::vector<ModeratedAudit> audits;  // by moderation date, then id
};

struct Reaudit {
  Id audit_id = 0;
  Id reaudit_id = 0;
  Id child_id = 0;
  Date reaudited_on;
  std::string before;
  std::string after;
  int change = 0;  // grades better (positive) or worse (negative)
};

struct Reaudits {
  int count = 0;
  int improved = 0;
  int same = 0;
  int worse = 0;
  std::vector<Reaudit> list;
};

struct OpenAction {
  Id action_id = 0;
  Id audit_id = 0;
  Id child_id = 0;
  std::string action;
  Id owner_id = 0;
  std::string owner;
  Date due;
  int days_overdue = 0;  // 0 when not yet due
};

struct Actions {
  int set = 0;
  int completed = 0;
  int completed_on_time = 0;
  int open = 0;
  int overdue = 0;
  std::vector<OpenAction> overdue_list;  // most overdue first
};

struct AuditSummaryOptions {
  Date from;
  Date to;
  Date as_of;  // for open and overdue actions (usually `to` or today)
};

struct AuditSummary {
  Date from;
  Date to;
  Date as_of;
  std::vector<std::string> months;  // "2025-04", ... (calendar months of the period)
  int audits = 0;
  GradeMix overall;
  std::vector<ThemeTrend> themes;  // "Overall" first, then themes by name
  Moderation moderation;
  Reaudits reaudits;
  Actions actions;
};

// REQUIRES: from <= to and the period spans at most 120 months.
Result<AuditSummary> SummariseAudits(Store& store, const AuditSummaryOptions& options);

}  // namespace sg::quality
