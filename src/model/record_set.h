#pragma once
// Read access to every record of each entity, in memory.

#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/record.h"

namespace sg {

class RecordSet {
 public:
  virtual ~RecordSet() = default;
  // The records of `entity` in id order (empty when there are none).
  virtual const std::vector<Record>& Of(std::string_view entity) const = 0;
};

// The records of one entity grouped by the id in one of their fields ("child_id",
// "referral_id"), in id order within each group.
class RecordsBy {
 public:
  RecordsBy(const RecordSet& records, std::string_view entity, std::string_view field) {
    for (const Record& r : records.Of(entity)) groups_[r.GetInt(field, 0)].push_back(&r);
  }
  // The records whose field holds `id` (empty when there are none).
  const std::vector<const Record*>& Of(Id id) const {
    static const std::vector<const Record*> kNone;
    auto it = groups_.find(id);
    return it == groups_.end() ? kNone : it->second;
  }

 private:
  std::unordered_map<Id, std::vector<const Record*>> groups_;
};

}  // namespace sg
