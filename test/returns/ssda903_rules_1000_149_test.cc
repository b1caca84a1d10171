// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_1000_149.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

TEST(Ssda903Rule, R1003) {
  Return r = ValidReturn({"1", "2", "3"});
  // 1: placed before it started to be looked after; 2: placed after; 3: no RNE S episode.
  AddRow(r, kPlacedAdoption, {{"CHILD", "1"}, {"DATE_PLACED", "01/05/2024"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "2"}, {"DATE_PLACED", "01/05/2025"}});
  Set(r, kEpisodes, "3", "RNE", "L");
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DATE_PLACED", "01/05/2024"}});
  EXPECT_EQ(Flagged(r, "1003"), Ids{"1"});
  EXPECT_EQ(FlaggedFields(r, "1003"), Ids{"1:DATE_PLACED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "1003"), "");
}

}  // namespace
}  // namespace sg::ssda903
