#pragma once
// The quality work as JSON, for the HTTP API and `safeguard ... --format json`: an audit
// summary (quality/audits.h) and an improvement plan's state (quality/improvement.h). Dates are
// YYYY-MM-DD, absent values null, ratings "green", "amber", "red", "complete" or null.

#include <nlohmann/json.hpp>

#include "quality/audits.h"
#include "quality/improvement.h"

namespace sg {

nlohmann::json AuditSummaryToJson(const quality::AuditSummary& s);
nlohmann::json PlanStateToJson(const quality::PlanState& p);
// "green", "amber", "red", "complete"; null for none.
nlohmann::json RagJson(report::Rag rag);

}  // namespace sg
