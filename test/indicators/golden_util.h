#pragma once
// Golden tests of the indicators: hand-built records, hand-computed expected values.
// Every registered indicator must have a test named Golden.<indicator id> (checked by
// golden_registry_test.cc).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indicators/engine.h"
#include "model/record_set.h"

namespace sg::testing {

// An in-memory record: add records entity by entity; ids are assigned in order (1, 2, ...)
// per entity, and Add returns the id.
class FixtureRecords final : public RecordSet {
 public:
  // Creates a record of `entity` with the given fields (values typed as record.h says: text
  // and codes std::string, refs and ints std::int64_t, reals double, flags bool, dates Date,
  // timestamps Timestamp, code sets std::vector<std::string>).
  Id Add(std::string_view entity, std::vector<std::pair<std::string, sg::Value>> fields);
  const std::vector<Record>& Of(std::string_view entity) const override;

 private:
  std::map<std::string, std::vector<Record>, std::less<>> records_;
};

Date D(int y, unsigned m, unsigned d);
// 09:00 UK time on the date.
Timestamp At(int y, unsigned m, unsigned d, int hh = 9, int mm = 0);

// The indicator's total over one period ("2024-04-01..2025-03-31"), computed through
// FromRecords and Evaluate: its value in the indicator's unit (population for rates).
std::optional<double> ValueFor(const RecordSet& records, std::string_view id,
                               std::string_view period, std::optional<double> population = {});
// The raw cell (numerator, denominator, values) of the total.
ind::Cell TotalCell(const RecordSet& records, std::string_view id, std::string_view period);
// Monthly values from the month of `from` to the month of `to`.
std::vector<std::optional<double>> Monthly(const RecordSet& records, std::string_view id, Date from,
                                           Date to);
// The value for each group of a breakdown ("team", "worker", "age", ...), by group label.
std::map<std::string, std::optional<double>> ByGroup(const RecordSet& records, std::string_view id,
                                                     std::string_view period,
                                                     std::string_view breakdown);

}  // namespace sg::testing
