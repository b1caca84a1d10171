#pragma once
// Read access to every record of each entity, in memory.

#include <string_view>
#include <vector>

#include "model/record.h"

namespace sg {

class RecordSet {
 public:
  virtual ~RecordSet() = default;
  // The records of `entity` in id order (empty when there are none).
  virtual const std::vector<Record>& Of(std::string_view entity) const = 0;
};

}  // namespace sg
