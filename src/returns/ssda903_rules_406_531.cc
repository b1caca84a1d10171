// SSDA903 rules 406-460 and 501-531.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

}  // namespace

void AddRules406To531(std::vector<Rule>& rules) {
  (void)rules;
}

}  // namespace sg::ssda903
