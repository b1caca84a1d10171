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

// Every record of `entity` that `query` matches, in id order, following the pages to the end
// (the query's limit is the page size; 1000 when it is left at the default).
Result<std::vector<Record>> ListAll(Store& store, const EntityDesc& entity, ListQuery query = {});

class LoadedRecords final : public RecordSet {
 public:
  static Result<LoadedRecords> Load(Store& store);
  const std::vector<Record>& Of(std::string_view entity) const override;

 private:
  std::map<std::string, std::vector<Record>, std::less<>> records_;
};

}  // namespace sg
