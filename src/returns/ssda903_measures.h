#pragma once
// The national measures an SSDA903 return feeds, computed from the return alone (so that a
// council can use Safeguard's figures before it moves its case record), defined as DfE
// publishes them:
// - children looked after at 31 March, starting and ceasing (an episode ending with a reason
//   other than X1) in the year, adopted in the year;
// - 3+ placements: children looked after at 31 March (not under short breaks, LS V3/V4) with
//   three or more placements in the year (each episode open in the year that began with a
//   change of placement: every RNE but L);
// - long-term stability: children under 16 at 31 March looked after for 2.5 years or more,
//   in the same placement for 2 years or more;
// - care leavers aged 19 to 21 on their birthday in the year: in suitable accommodation
//   (ACCOM ending in 1), in education, employment or training (ACTIV F1, P1, F2, P2, F4, P4,
//   F5, P5);
// - adoption timeliness for children adopted in the year (REC E11, E12): average days from
//   entering care (the period's RNE S episode) to moving in with the adopters (the period's
//   first placement for adoption, PLACE A3-A6) (DfE's A10), and from the decision to place
//   (DATE_PLACED) to the match (DATE_MATCH) (A2's second half).
// A 903 holds the episodes open in its year: when a child's period of care or placement began
// before them, earlier years' returns (most recent first) are read for it; a child still
// undecided is left out of the measure and counted in `unknown`.

#include <cstdint>
#include <string>
#include <vector>

#include "returns/ssda903.h"

namespace sg::ssda903 {

struct Measure903 {
  std::string id;     // matches the synthetic LA's yardstick: "cla_3plus_placements_pct"
  std::string title;  // plain English
  std::string unit;   // "children", "%", "days"
  double numerator = 0;
  double denominator = 0;    // for "%" and "days" (the children averaged); 0 for counts
  double value = 0;          // the count, the percentage, or the average days
  std::int64_t unknown = 0;  // children the return cannot decide for, left out
};

std::vector<Measure903> Measures(const Return& current, int collection_year,
                                 const std::vector<const Return*>& earlier = {});

}  // namespace sg::ssda903
