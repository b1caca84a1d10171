#pragma once
// The report for an improvement board or a scrutiny panel: for a period, the headline
// indicators with their benchmarks and targets, month-by-month charts, what case file audits
// found, the improvement plans' progress and their exceptions (everything red), and the risks;
// written for an elected member, with the definitions at the end. Built as a report::Document,
// so that the same report is an HTML page and a PDF.
//
// Everything in it is an aggregate: no child is named or identified.

#include <string>
#include <vector>

#include "indicators/engine.h"
#include "indicators/facts.h"
#include "indicators/output.h"
#include "quality/audits.h"
#include "quality/improvement.h"
#include "report/document.h"

namespace sg::quality {

// The footer on every page unless the caller gives another.
inline constexpr const char* kBoardReportFooter =
    "OFFICIAL. Aggregate figures only: no child is identified in this report.";

// The indicators the report leads with, in the order shown (each in the registry).
const std::vector<std::string>& BoardIndicators();

struct BoardReportInput {
  ind::Period period;  // the period reported on
  Date as_of;          // plans and actions are rated on this day (usually the period's end)
  const ind::Facts* facts = nullptr;            // required
  const ind::ReportContext* context = nullptr;  // required (targets, benchmarks, LA name)
  const AuditSummary* audits = nullptr;         // required, for the same period
  std::vector<PlanState> plans;                 // the active plans, assessed on as_of
  std::string generated;                        // "7 December 2026"
  std::string footer;                           // e.g. "OFFICIAL-SENSITIVE"
};

Result<report::Document> BuildBoardReport(const BoardReportInput& input);

// "7 December 2026".
std::string LongDate(Date d);

}  // namespace sg::quality
