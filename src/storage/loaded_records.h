#pragma once
// Every record of a store, loaded into memory as a RecordSet (for building returns, measuring
// a generated LA, or anything else that reads the whole record).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/record_set.h"
#include "storage/store.h"

namespace sg {

class LoadedRecords final : public RecordSet {
 public:
  static Result<LoadedRecords> Load(Store& store);
  const std::vector<Record>& Of(std::string_view entity) const override;

 private:
  std::map<std::string, std::vector<Record>, std::less<>> records_;
};

}  // namespace sg
