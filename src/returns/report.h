#pragma once
// The one report writer of the returns' validators (CIN census and SSDA903): findings as an
// aligned table, CSV, JSON or a self-contained HTML page, each with a summary by rule.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "returns/findings.h"
#include "returns/rule_engine.h"

namespace sg {

struct ReportInfo {
  std::string title;  // "CIN census 2025-26"
  std::string file;   // what was validated
  int children = 0;   // children in the return
  int rules_run = 0;  // rules checked
  // Rules that could not run and what they needed: every format lists them, so that a rule
  // left out is never mistaken for a rule passed.
  std::vector<rules::NotRun> not_run;
  // Who holds a child's case, for the HTML report's grouping: (team, worker), or empty when
  // the record does not know. Unset = group by child only.
  std::function<std::pair<std::string, std::string>(const std::string& child)> owner;
};

struct RuleCount {
  std::string rule;
  Severity severity = Severity::kError;
  std::string message;
  int findings = 0;
  int children = 0;  // distinct children
};

// Findings counted by rule, errors before queries, most findings first.
std::vector<RuleCount> SummariseByRule(const std::vector<Finding>& findings);

int CountErrors(const std::vector<Finding>& findings);

// format: "table", "csv", "json" or "html" (REQUIRES one of them).
void WriteReport(const std::vector<Finding>& findings, const ReportInfo& info,
                 const std::string& format, std::ostream& out);

}  // namespace sg
