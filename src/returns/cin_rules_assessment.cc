// CIN census rules on Assessments and CINPlanDates.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-cin), read, not copied; differences are listed in
// docs/returns/cin-differences.md.

#include "returns/cin_validate.h"

namespace sg::cin {

void AddAssessmentRules(std::vector<Rule>& rules) { (void)rules; }

}  // namespace sg::cin
