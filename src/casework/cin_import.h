#pragma once
// Importing a CIN census into the case record: the migration route from another system.
// All or nothing, in the caller's transaction: every child, episode, assessment, plan, enquiry,
// conference and review becomes a record, validated like any other write; the first record the
// store refuses stops the import with the file's line, the element and the field.
//
// The census carries no names: children are recorded as "Not in census" until someone adds
// them. The draft PreProceedingsandFGDM block has no place in the record yet and is not
// imported.

#include <cstdint>
#include <map>
#include <string>

#include "returns/cin_census.h"
#include "storage/store.h"

namespace sg {

struct CinImportCounts {
  std::map<std::string, std::int64_t> records;  // by entity
  std::int64_t total() const {
    std::int64_t n = 0;
    for (const auto& [e, k] : records) n += k;
    return n;
  }
};

// `file` names the census in errors ("cin.xml line 57, Child[3]/CINdetails[1]: ...").
Result<CinImportCounts> ImportCensus(Store& tx, const cin::Census& census, const std::string& file,
                                     const Actor& actor);

}  // namespace sg
