#pragma once
// CIN census validation: DfE's rules for 2025/26, one registered entry per rule.
//
// A rule is a function over the whole census (some compare children: duplicate UPNs, the share
// of children with no sex recorded) that adds a finding per failing element. Rules are grouped
// in families, one source file each (cin_rules_*.cc), each adding its rules to the registry
// through an Add*Rules function that Rules() calls: an explicit list, so that a rule cannot be
// dropped silently by the linker or registered twice.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/working_days.h"
#include "returns/cin_census.h"
#include "returns/findings.h"
#include "returns/rule_engine.h"

namespace sg::cin {

struct Context {
  const Census* census = nullptr;
  Date collection_start;  // 1 April before the reference date
  Date reference_date;    // 31 March: the census day
  const WorkingDayCalendar* calendar = nullptr;
};

struct Rule {
  RuleInfo info;
  void (*check)(const Context& ctx, Findings& out) = nullptr;
};

// Every rule, in code order.
std::span<const Rule> Rules();
const Rule* FindRule(std::string_view code);

// The families (each defined in its own cin_rules_<family>.cc).
void AddChildRules(std::vector<Rule>& rules);       // ChildIdentifiers, ChildCharacteristics
void AddEpisodeRules(std::vector<Rule>& rules);     // CINdetails: referral, closure, NFA, need
void AddAssessmentRules(std::vector<Rule>& rules);  // Assessments, CINPlanDates
void AddProtectionRules(std::vector<Rule>& rules);  // Section47, ChildProtectionPlans, Reviews

struct ValidateOptions {
  // The collection year (2026 = 2025/26); 0 = from the header's ReferenceDate.
  int collection_year = 0;
};

// Runs every rule. Header findings (rule 100) and a missing reference date come first.
std::vector<Finding> Validate(const Census& census, const ValidateOptions& options = {});

// ---- Helpers for rule writers

// A date written as the schema wants it (YYYY-MM-DD), or nullopt (absent or malformed).
std::optional<Date> ParseDate(std::string_view text);
// True for the census's yes values ("1", "true", case-insensitive).
bool IsYes(std::string_view text);
// True for its no values ("0", "false", case-insensitive).
bool IsNo(std::string_view text);

// Calls fn(child index, child) for every child, in order. On a national file the rules are
// bound by memory, not arithmetic (each child's episodes are their own allocation), so the
// episodes of a child a few places ahead are prefetched while this one is worked on.
template <typename Fn>
void ForEachChild(const Context& ctx, Fn&& fn) {
  constexpr size_t kAhead = 8;
  const auto& children = ctx.census->children;
  const size_t n = children.size();
  for (size_t i = 0; i < n; ++i) {
#if defined(__GNUC__) || defined(__clang__)
    if (i + kAhead < n) __builtin_prefetch(children[i + kAhead].episodes.data());
#endif
    fn(i, children[i]);
  }
}

// Calls fn(child index, episode index, child, episode) for every CINdetails.
template <typename Fn>
void ForEachEpisode(const Context& ctx, Fn&& fn) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    for (size_t j = 0; j < c.episodes.size(); ++j) fn(i, j, c, c.episodes[j]);
  });
}

// Where an element is: "Child[3]", "Child[3]/CINdetails[1]",
// "Child[3]/CINdetails[1]/Assessments[2]" (1-based, as XPath counts).
std::string ChildPath(size_t child);
std::string EpisodePath(size_t child, size_t episode);
std::string ModulePath(size_t child, size_t episode, std::string_view module, size_t index);

}  // namespace sg::cin
