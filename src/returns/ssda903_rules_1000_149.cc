// SSDA903 rules 1000-1016 and 101-149.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

// 1003: a child cannot be placed for adoption (DATE_PLACED) before the first episode in which
// it started to be looked after (RNE S) in the return.
void R1003(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    std::optional<Date> first;
    for (std::uint32_t e : c.rows[kEpisodes]) {  // in DECOM order
      if (ctx.Cell(kEpisodes, e, ep::RNE) != "S") continue;
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (first) break;
    }
    if (!first) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const auto placed = ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED);
      if (placed && *placed < *first) out.Flag(kPlacedAdoption, p, "DATE_PLACED");
    }
  }
}

}  // namespace

void AddRules1000To149(std::vector<Rule>& rules) {
  rules.push_back({{"1003", Severity::kError,
                    "Date of LA's decision that a child should be placed for adoption is before "
                    "the child started to be looked after."},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R1003});
}

}  // namespace sg::ssda903
