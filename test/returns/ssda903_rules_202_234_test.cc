// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_202_234.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

}  // namespace
}  // namespace sg::ssda903
