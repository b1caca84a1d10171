// Every registered indicator has a golden test (Golden.<id>, in golden_cin_test.cc and
// golden_cla_test.cc), and the registry is well-formed: unique ids, every field of the
// definition filled in.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "indicators/engine.h"

namespace sg {
namespace {

TEST(IndicatorRegistry, EveryIndicatorHasAGoldenTest) {
  std::set<std::string> tests;
  const auto* unit = ::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit->total_test_suite_count(); ++i) {
    const auto* suite = unit->GetTestSuite(i);
    if (std::string(suite->name()) != "Golden") continue;
    for (int j = 0; j < suite->total_test_count(); ++j) tests.insert(suite->GetTestInfo(j)->name());
  }
  for (const ind::IndicatorDef& d : ind::AllIndicators()) {
    EXPECT_TRUE(tests.count(std::string(d.id))) << "no Golden." << d.id << " test";
  }
  // And no golden test for an indicator that does not exist.
  for (const std::string& t : tests) {
    EXPECT_NE(ind::FindIndicator(t), nullptr) << "Golden." << t << " names no indicator";
  }
}

// Without a period: the reporting year of the latest event, up to that event while the year
// is still running.
TEST(IndicatorRegistry, DefaultPeriodIsTheYearToDate) {
  const ind::Period running = ind::DefaultPeriod(Date::FromCivil(2026, 11, 21).days());
  EXPECT_EQ(running.label, "2026-27 to date");
  EXPECT_EQ(Date::FromDays(running.from), Date::FromCivil(2026, 4, 1));
  EXPECT_EQ(Date::FromDays(running.to), Date::FromCivil(2026, 11, 21));
  const ind::Period ended = ind::DefaultPeriod(Date::FromCivil(2025, 3, 31).days());
  EXPECT_EQ(ended.label, "2024-25");
  EXPECT_EQ(Date::FromDays(ended.to), Date::FromCivil(2025, 3, 31));
}

// An event counts in one period only, so overlapping periods (rolling windows) would give
// wrong figures for all but the first: Evaluate refuses them, and takes windows that touch.
TEST(IndicatorRegistry, OverlappingPeriodsAreRefused) {
  ind::Facts facts;
  ind::EvaluateOptions o;
  o.ids = {"referrals"};
  auto day = [](int y, unsigned m, unsigned d) { return Date::FromCivil(y, m, d).days(); };
  o.periods = {{day(2024, 1, 1), day(2024, 12, 31), "a"}, {day(2024, 2, 1), day(2025, 1, 31), "b"}};
  auto r = ind::Evaluate(facts, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("must not overlap"), std::string::npos);
  o.periods = {{day(2024, 1, 1), day(2024, 12, 31), "a"},
               {day(2025, 1, 1), day(2025, 12, 31), "b"}};
  EXPECT_TRUE(ind::Evaluate(facts, o).ok());
}

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
