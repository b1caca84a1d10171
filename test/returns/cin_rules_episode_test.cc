// Golden tests of the CIN rules of the episode family (src/returns/cin_rules_episode.cc).

#include <gtest/gtest.h>

#include "returns/cin_rule_test_util.h"

namespace sg::cin {
namespace {

using testing::CensusOf;
using testing::Flagged;
using testing::Replace;
using testing::ValidChild;
using Ids = std::multiset<std::string>;

}  // namespace
}  // namespace sg::cin
