#include "storage/loaded_records.h"

namespace sg {

Result<LoadedRecords> LoadedRecords::Load(Store& store) {
  LoadedRecords out;
  for (const EntityDesc& e : AllEntities()) {
    auto& list = out.records_[std::string(e.name)];
    ListQuery q;
    q.limit = 1000;
    while (true) {
      SG_ASSIGN_OR_RETURN(Page page, store.List(e, q));
      for (Record& r : page.items) list.push_back(std::move(r));
      if (!page.next_after) break;
      q.after = *page.next_after;
    }
  }
  return out;
}

const std::vector<Record>& LoadedRecords::Of(std::string_view entity) const {
  static const std::vector<Record> kEmpty;
  auto it = records_.find(entity);
  return it == records_.end() ? kEmpty : it->second;
}

}  // namespace sg
