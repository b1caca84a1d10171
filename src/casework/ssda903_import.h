#pragma once
// Importing an SSDA903 return into the case record: the migration route for looked-after
// children from another system. All or nothing, in the caller's transaction: each row becomes
// a record, validated like any other write, and the first record the store refuses stops the
// import with the file, line, column and what was expected.
//
// A child already in the record (the same LA child id, e.g. from a CIN census import) gets
// the 903's records added, unless its care is already recorded (it has looked-after episodes:
// the import is refused rather than record them twice); others are created as "Not in 903"
// until someone adds their names.
// Social workers (SW_ID) are matched to workers by Social Work England registration or staff
// id, or created; each social worker episode is an allocation keeping its SW_REASON. What the
// record cannot hold is counted and left out, and the counts say so: the deprivation of
// liberty table, the UPN-unknown reason (UN1-UN10: the builder writes UN1 or UN2 from the
// child's age), MOTHER and MC_DOB, the substance misuse interventions.

#include <cstdint>
#include <map>
#include <string>

#include "returns/ssda903.h"
#include "storage/store.h"

namespace sg {

struct Ssda903ImportCounts {
  std::map<std::string, std::int64_t> records;       // created, by entity
  std::int64_t existing_children = 0;                // matched, not created
  std::map<std::string, std::int64_t> not_imported;  // what the record cannot hold, by kind
  std::int64_t total() const {
    std::int64_t n = 0;
    for (const auto& [e, k] : records) n += k;
    return n;
  }
};

Result<Ssda903ImportCounts> ImportSsda903(Store& tx, const ssda903::Return& ret,
                                          const Actor& actor);

}  // namespace sg
