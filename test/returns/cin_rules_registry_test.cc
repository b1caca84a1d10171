// The CIN rule registry against the DfE catalogue: every rule of 2025/26 registered once, with
// DfE's severity and message, and each with its golden test.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "returns/cin_rule_test_util.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

// The catalogue: code -> (type, message), from the copy in test/fixtures/cin.
std::map<std::string, std::pair<std::string, std::string>> Catalogue() {
  std::ifstream in(std::string(SG_TEST_FIXTURES) + "/cin/cin_2025_26_rules.csv");
  EXPECT_TRUE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  std::map<std::string, std::pair<std::string, std::string>> out;
  (void)ForEachLine(s.str(), [&](int n, std::string_view line) {
    if (n == 1 || line.empty()) return Status::Ok();
    auto cells = SplitCsvLine(line);
    out[cells.at(0)] = {cells.at(1), cells.at(4)};
    return Status::Ok();
  });
  return out;
}

std::set<std::string> GoldenTests() {
  std::set<std::string> names;
  const auto* unit = ::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit->total_test_suite_count(); ++i) {
    const auto* suite = unit->GetTestSuite(i);
    if (std::string(suite->name()) != "CinRule") continue;
    for (int k = 0; k < suite->total_test_count(); ++k) names.insert(suite->GetTestInfo(k)->name());
  }
  return names;
}

TEST(CinRuleRegistry, EveryCatalogueRuleIsRegisteredOnceAsDfEPublishesIt) {
  const auto catalogue = Catalogue();
  ASSERT_EQ(catalogue.size(), 109u);
  std::set<std::string> seen;
  for (const Rule& r : Rules()) {
    const std::string code(r.info.code);
    EXPECT_TRUE(seen.insert(code).second) << "registered twice: " << code;
    auto it = catalogue.find(code);
    if (it == catalogue.end()) {
      ADD_FAILURE() << "not in the 2025/26 catalogue: " << code;
      continue;
    }
    EXPECT_EQ(r.info.severity == Severity::kError ? "ERROR" : "QUERY", it->second.first) << code;
    EXPECT_EQ(std::string(r.info.message), it->second.second) << code;
  }
  std::vector<std::string> missing;
  for (const auto& [code, _] : catalogue) {
    if (!seen.count(code)) missing.push_back(code);
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " rules not registered, e.g. "
                               << (missing.empty() ? "" : missing.front());
}

TEST(CinRuleRegistry, EveryRegisteredRuleHasAGoldenTest) {
  const auto tests = GoldenTests();
  for (const Rule& r : Rules()) {
    EXPECT_TRUE(tests.count("R" + std::string(r.info.code)))
        << "rule " << r.info.code << " has no TEST(CinRule, R" << r.info.code << ")";
  }
}

// The base child of the golden tests is clean under every rule, so that each test's failing
// case fails for the reason it says. Two children (distinct ids and UPNs) so that rules
// comparing children have something to compare.
TEST(CinRuleRegistry, TheValidChildPassesEveryRule) {
  const Census census =
      testing::CensusOf(testing::ValidChild("C1", "001") + testing::ValidChild("C2", "002"));
  ASSERT_EQ(census.children.size(), 2u);
  // Rules about the return as a whole (the shares of codes used) cannot pass on two children.
  const std::set<std::string> census_level = {"2887Q", "2888Q"};
  for (const Rule& r : Rules()) {
    if (census_level.count(std::string(r.info.code))) continue;
    EXPECT_TRUE(testing::Flagged(census, r.info.code).empty()) << "rule " << r.info.code;
  }
}

}  // namespace
}  // namespace sg::cin
