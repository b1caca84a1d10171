// The SSDA903 rule registry against the DfE catalogue: every rule of 2025/26 registered once,
// with DfE's message, and each with its golden test.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "returns/ssda903_rule_test_util.h"
#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

// code -> message, from the copy in test/fixtures/ssda903.
std::map<std::string, std::string> Catalogue() {
  std::ifstream in(std::string(SG_TEST_FIXTURES) + "/ssda903/ssda903_2025_26_rules.csv");
  EXPECT_TRUE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  std::map<std::string, std::string> out;
  bool header = true;
  (void)ForEachCsvRecord(s.str(), [&](int, std::vector<std::string>& cells) {
    if (header || cells.size() < 5) {
      header = false;
      return Status::Ok();
    }
    out[cells[0]] = cells[4];
    return Status::Ok();
  });
  return out;
}

std::set<std::string> GoldenTests() {
  std::set<std::string> names;
  const auto* unit = ::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit->total_test_suite_count(); ++i) {
    const auto* suite = unit->GetTestSuite(i);
    if (std::string(suite->name()) != "Ssda903Rule") continue;
    for (int k = 0; k < suite->total_test_count(); ++k) names.insert(suite->GetTestInfo(k)->name());
  }
  return names;
}

TEST(Ssda903RuleRegistry, EveryCatalogueRuleIsRegisteredOnceAsDfEPublishesIt) {
  const auto catalogue = Catalogue();
  ASSERT_EQ(catalogue.size(), 311u);
  std::set<std::string> seen;
  for (const Rule& r : Rules()) {
    const std::string code(r.info.code);
    EXPECT_TRUE(seen.insert(code).second) << "registered twice: " << code;
    auto it = catalogue.find(code);
    if (it == catalogue.end()) {
      ADD_FAILURE() << "not in the 2025/26 catalogue: " << code;
      continue;
    }
    EXPECT_EQ(std::string(r.info.message), it->second) << code;
    EXPECT_NE(r.check, nullptr) << code;
  }
  std::vector<std::string> missing;
  for (const auto& [code, _] : catalogue) {
    if (!seen.count(code)) missing.push_back(code);
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " rules not registered, e.g. "
                               << (missing.empty() ? "" : missing.front());
}

TEST(Ssda903RuleRegistry, EveryRegisteredRuleHasAGoldenTest) {
  const auto tests = GoldenTests();
  for (const Rule& r : Rules()) {
    EXPECT_TRUE(tests.count("R" + std::string(r.info.code)))
        << "rule " << r.info.code << " has no TEST(Ssda903Rule, R" << r.info.code << ")";
  }
}

TEST(Ssda903RuleRegistry, ColumnConstantsMatchTheTables) {
  EXPECT_EQ(ColumnIndex(kHeader, "MC_DOB"), hdr::MC_DOB);
  EXPECT_EQ(ColumnIndex(kEpisodes, "URN"), ep::URN);
  EXPECT_EQ(ColumnIndex(kEpisodes, "REASON_PLACE_CHANGE"), ep::REASON_PLACE_CHANGE);
  EXPECT_EQ(ColumnIndex(kReviews, "REVIEW_CODE"), rev::REVIEW_CODE);
  EXPECT_EQ(ColumnIndex(kUasc, "DUC"), uasc::DUC);
  EXPECT_EQ(ColumnIndex(kOc2, "INTERVENTION_OFFERED"), oc2::INTERVENTION_OFFERED);
  EXPECT_EQ(ColumnIndex(kOc3, "ACCOM"), oc3::ACCOM);
  EXPECT_EQ(ColumnIndex(kAd1, "LS_ADOPTR"), ad1::LS_ADOPTR);
  EXPECT_EQ(ColumnIndex(kPlacedAdoption, "REASON_PLACED_CEASED"), pa::REASON_PLACED_CEASED);
  EXPECT_EQ(ColumnIndex(kPrevPerm, "DATE_PERM"), pp::DATE_PERM);
  EXPECT_EQ(ColumnIndex(kMissing, "MIS_END"), mis::MIS_END);
  EXPECT_EQ(ColumnIndex(kSwEpisodes, "SW_REASON"), sw::SW_REASON);
  EXPECT_EQ(ColumnIndex(kDoLo, "DOLO_END"), dolo::DOLO_END);
}

// The base return of the golden tests is clean under every rule, so that each test's failing
// case fails for the reason it says. Two children, with the previous year's return and
// reference data that knows their placement, so that every rule runs.
TEST(Ssda903RuleRegistry, TheValidReturnPassesEveryRule) {
  const Return cur = testing::ValidReturn({"1", "2"});
  const Return last = testing::ValidLastYear({"1", "2"});
  Reference ref;
  ref.la_code = "E09000027";
  ref.has_providers = true;
  ref.providers["SC123456"] = {{"U1"}, {"PR1"}, std::nullopt, "E09000027"};
  ref.has_postcodes = true;
  ref.postcodes["AB12CD"] = {"E09000027", 520000, 170000};
  ref.postcodes["AB13CD"] = {"E09000027", 521000, 171000};
  ValidateOptions options;
  options.previous = &last;
  options.reference = &ref;
  const Validation v = Validate(cur, options);
  EXPECT_TRUE(v.not_run.empty()) << v.not_run.size() << " rules not run, e.g. "
                                 << (v.not_run.empty() ? "" : v.not_run[0].rule);
  std::map<std::string, int> by_rule;
  for (const Finding& f : v.findings) ++by_rule[f.rule];
  for (const auto& [rule, n] : by_rule) ADD_FAILURE() << "rule " << rule << " flags " << n;
}

}  // namespace
}  // namespace sg::ssda903
