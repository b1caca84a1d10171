#include "storage/loaded_records.h"

namespace sg {

Result<std::vector<Record>> ListAll(Store& store, const EntityDesc& entity, ListQuery query) {
  if (query.limit == ListQuery{}.limit) query.limit = 1000;
  std::vector<Record> out;
  while (true) {
    SG_ASSIGN_OR_RETURN(Page page, store.List(entity, query));
    for (Record& r : page.items) out.push_back(std::move(r));
    if (!page.next_after) return out;
    query.after = *page.next_after;
  }
}

Result<LoadedRecords> LoadedRecords::Load(Store& store) {
  LoadedRecords out;
  for (const EntityDesc& e : AllEntities()) {
    SG_ASSIGN_OR_RETURN(out.records_[std::string(e.name)], ListAll(store, e));
  }
  return out;
}

const std::vector<Record>& LoadedRecords::Of(std::string_view entity) const {
  static const std::vector<Record> kEmpty;
  auto it = records_.find(entity);
  return it == records_.end() ? kEmpty : it->second;
}

}  // namespace sg
