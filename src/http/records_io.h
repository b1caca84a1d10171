#pragma once
// Export and import of the whole record as JSON lines: one {"entity": name, "record": {...}}
// object per line, entities in registry order (so that every reference points to a record
// earlier in the file). Import is all-or-nothing: one transaction, new ids assigned, every
// reference remapped through the ids of the file.

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "common/status.h"
#include "storage/store.h"

namespace sg {

struct IoCounts {
  std::int64_t records = 0;
};

// Called after each record with the running count (for progress bars).
using ProgressFn = std::function<void(std::int64_t done)>;

// True for the entities an export carries: every one but the access grants (who may see a
// restricted record, break-glass looks), which name the accounts of the store they were made in
// and mean nothing in another.
bool Exported(const EntityDesc& entity);

Result<IoCounts> ExportRecords(Store& store, std::ostream& out, const ProgressFn& progress = {});

// Errors name the line and field: "line 12: date_of_birth: ... ".
Result<IoCounts> ImportRecords(Store& store, std::istream& in, const std::string& source_name,
                               const Actor& actor, const ProgressFn& progress = {});

}  // namespace sg
