// Golden tests of the CIN rules on the header and the child's identifiers and characteristics.

#include <gtest/gtest.h>

#include "returns/cin_rule_test_util.h"

namespace sg::cin {
namespace {

using testing::CensusOf;
using testing::Flagged;
using testing::Replace;
using testing::ValidChild;
using Ids = std::multiset<std::string>;

TEST(CinRule, R100) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild()), "100"), Ids{});
  EXPECT_EQ(Flagged(CensusOf(ValidChild(), "2026-03-30"), "100"), Ids{""});
}

TEST(CinRule, R1510) {
  const std::string good = ValidChild("A");
  const size_t at = good.find("<UPN>") + 5;
  std::string bad = ValidChild("B");
  bad[bad.find("<UPN>") + 5] = good[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(Flagged(CensusOf(good + bad), "1510"), Ids{"B"});
}

TEST(CinRule, R8500) {
  const std::string bad = Replace(ValidChild("X"), "<LAchildID>X</LAchildID>", "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + bad), "8500"), Ids{""});
}

TEST(CinRule, R8510) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A", "001") + ValidChild("B", "002")), "8510"), Ids{});
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A", "001") + ValidChild("A", "002")), "8510"),
            (Ids{"A", "A"}));
}

}  // namespace
}  // namespace sg::cin
