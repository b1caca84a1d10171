#pragma once
// Drift planted in a generated record, so that the bulk case review can be shown to find it:
// each planted case is written to a manifest with the review rule that should catch it.
//
// What is planted, each in its own children (none gets two kinds), a share `rate` of each
// pool chosen at random from the seed:
//   not_seen                 an open child in need case (CIN plan, not CP, not looked after,
//                            the plan 120+ days old): the visits of the last 90 days recorded
//                            as not seeing the child
//   assessment_overdue       an open case's assessment started 90 to 200 days ago: its
//                            completion removed
//   unallocated              an open case: its allocations ended 2 weeks ago
//   long_cin_no_plan         a child in need case open 26+ months: its CIN plan ended 100 days
//                            ago, the case left open
//   recontact_after_closure  a case closed 45 days or more ago (within the window), no case
//                            open now: two contacts after the closure
//   closed_without_reason    the same kind of closed case: its reason made "any other reason"
//                            (RC7) and the visits of the 3 months before it not seeing the
//                            child
//   mass_closure             on the Monday about 60 days ago, a share min(0.5, 10 x rate) (at
//                            least 12) of the open child in need cases 120+ days old closed
//                            together (RC7), their plans and allocations ended that day
//
// Only updates and new records: nothing is deleted (the record's history keeps all of it).

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "common/date.h"
#include "storage/store.h"

namespace sg {

struct DriftOptions {
  double rate = 0.02;  // the share of each pool given that drift
  std::uint64_t seed = 42;
  Date today;             // the review's date (the generation's last day)
  int closed_months = 6;  // the review's window for closed cases
};

struct PlantedDrift {
  Id child_id = 0;
  std::string la_child_id;
  std::string rule;  // the case review rule that should find it (quality/case_review.h ids)
  std::string detail;
};

// Plants drift in `tx` (use a transaction: all or nothing).
Result<std::vector<PlantedDrift>> PlantDrift(Store& tx, const DriftOptions& options,
                                             const Actor& actor);

// The manifest as CSV: child_id,la_child_id,rule,detail (a header line first).
void WriteDriftManifest(const std::vector<PlantedDrift>& planted, std::ostream& out);

}  // namespace sg
