// The registry is well-formed: unique ids, every field of the definition filled in. (The check
// that every indicator has a Golden.<id> test comes with the golden tests, which are not yet
// written: see the issue note.)
#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "indicators/engine.h"

namespace sg {
namespace {

TEST(IndicatorRegistry, DefinitionsAreComplete) {
  std::set<std::string_view> ids;
  EXPECT_GE(ind::AllIndicators().size(), 50u);
  for (const ind::IndicatorDef& d : ind::AllIndicators()) {
    EXPECT_TRUE(ids.insert(d.id).second) << "duplicate id " << d.id;
    EXPECT_FALSE(d.area.empty()) << d.id;
    EXPECT_FALSE(d.name.empty()) << d.id;
    EXPECT_FALSE(d.description.empty()) << d.id;
    EXPECT_FALSE(d.numerator.empty()) << d.id;
    EXPECT_FALSE(d.timing.empty()) << d.id;
    EXPECT_NE(d.eval, nullptr) << d.id;
    EXPECT_NE(d.needs, 0u) << d.id;
    const bool ratio = d.unit == ind::Unit::kPercent || d.unit == ind::Unit::kAverage ||
                       d.unit == ind::Unit::kPer10k;
    EXPECT_EQ(ratio, !d.denominator.empty()) << d.id << ": a ratio names its denominator";
  }
}

}  // namespace
}  // namespace sg
