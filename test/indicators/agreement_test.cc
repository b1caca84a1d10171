// The same indicators from a synthetic LA's record and from the statutory returns built from
// it (CIN censuses and SSDA903s of every reporting year) agree exactly, for a synthetic LA like
// each of the seed councils: what a council on another case system would see from its returns
// is what Safeguard computes from its own record.
#include <gtest/gtest.h>

#include <cctype>

#include "indicators/engine.h"
#include "indicators/facts.h"
#include "returns/cin_census.h"
#include "returns/ssda903.h"
#include "storage/loaded_records.h"
#include "storage/store.h"
#include "synth/generator.h"
#include "synth/store_sink.h"
#include "test_util.h"

namespace sg {
namespace {

class Agreement : public ::testing::TestWithParam<const char*> {};

TEST_P(Agreement, RecordAndReturnsGiveTheSameFigures) {
  auto figures = ReferenceFigures::Shipped();
  ASSERT_TRUE(figures.ok()) << figures.status().ToString();
  GenerateOptions o;
  o.like = GetParam();
  o.years = 5;
  o.seed = 7;
  o.scale = 0.1;
  o.burn_in_years = 4;
  MemorySink sink;
  auto summary = Generate(o, **figures, sink);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const int last = summary->last_year;

  // Every year's returns since the simulation began (a council's whole history of returns:
  // stability and reviews look back beyond the reporting years).
  std::vector<cin::Census> censuses;
  std::vector<ssda903::Return> returns;
  const int first = summary->start.year() + 1;
  for (int y = first; y <= last; ++y) {
    cin::BuildOptions co;
    co.collection_year = y;
    co.la_code = "999";
    co.date_time = "2026-01-01T00:00:00";
    auto census = cin::Build(sink, co);
    ASSERT_TRUE(census.ok()) << census.status().ToString();
    censuses.push_back(std::move(*census));
    auto ret = ssda903::Build(sink, {y});
    ASSERT_TRUE(ret.ok()) << ret.status().ToString();
    returns.push_back(std::move(*ret));
  }
  std::vector<const cin::Census*> cs;
  for (const auto& c : censuses) cs.push_back(&c);
  std::vector<const ssda903::Return*> rs;
  for (const auto& r : returns) rs.push_back(&r);
  auto from_returns = ind::FromReturns(cs, rs);
  ASSERT_TRUE(from_returns.ok()) << from_returns.status().ToString();
  auto from_record = ind::FromRecords(sink);
  ASSERT_TRUE(from_record.ok()) << from_record.status().ToString();

  // The last reporting year as one period and month by month; the earlier years give the
  // returns their history (re-referrals, stability, adoption).
  ind::EvaluateOptions eo;
  eo.periods = {ind::ReportingYear(last)};
  auto months = ind::MonthlyPeriods(Date::FromCivil(last - 1, 4, 1), Date::FromCivil(last, 3, 31));
  ASSERT_TRUE(months.ok());
  for (const auto& periods : {eo.periods, *months}) {
    eo.periods = periods;
    auto a = ind::Evaluate(*from_record, eo);
    auto b = ind::Evaluate(*from_returns, eo);
    ASSERT_TRUE(a.ok() && b.ok());
    int compared = 0;
    for (size_t i = 0; i < a->series.size(); ++i) {
      const ind::Series& sa = a->series[i];
      const ind::Series& sb = b->series[i];
      if (!sb.available) continue;  // needs what returns do not carry
      ++compared;
      for (size_t p = 0; p < sa.total.size(); ++p) {
        EXPECT_EQ(sa.total[p].num, sb.total[p].num)
            << sa.def->id << " " << periods[p].label << " numerator";
        EXPECT_EQ(sa.total[p].den, sb.total[p].den)
            << sa.def->id << " " << periods[p].label << " denominator";
        EXPECT_EQ(sa.total[p].values.size(), sb.total[p].values.size()) << sa.def->id;
      }
    }
    // Most indicators are computable from returns (the rest need contacts, visits, workforce).
    EXPECT_GE(compared, 45);
  }
  // And the figures are not trivially equal because empty.
  ind::EvaluateOptions one;
  one.periods = {ind::ReportingYear(last)};
  one.ids = {"referrals", "cla_at_end", "cp_at_end"};
  auto c = ind::Evaluate(*from_returns, one);
  ASSERT_TRUE(c.ok());
  for (const auto& s : c->series) EXPECT_GT(s.total[0].num, 0) << s.def->id;
}

INSTANTIATE_TEST_SUITE_P(SeedCouncils, Agreement,
                         ::testing::Values("Worcestershire", "Walsall", "Herefordshire, County of",
                                           "Windsor and Maidenhead"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::erase_if(name, [](char c) {
                             return !std::isalnum(static_cast<unsigned char>(c));
                           });
                           return name;
                         });

}  // namespace
}  // namespace sg

namespace sg {
namespace {

// The fast route (LoadFacts: one streaming query per table, on two connections) gives the
// same scorecard, cell for cell and team by team, as the record read through the Store
// interface, on each backend.
class StoreRoute : public ::testing::TestWithParam<std::string> {};

TEST_P(StoreRoute, LoadFactsMatchesTheRecord) {
  testing::TempDir dir;
  FixedClock clock(testing::TestNow());
  const std::string location = testing::FreshLocation(GetParam(), dir);
  auto opened = OpenAndMigrate(location, clock, 4);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<Store> store = std::move(*opened);
  auto figures = ReferenceFigures::Shipped();
  ASSERT_TRUE(figures.ok());
  GenerateOptions o;
  o.like = "Rutland";
  o.years = 2;
  o.seed = 19;
  o.scale = 0.5;
  o.burn_in_years = 2;
  int last = 0;
  Status s = store->Transaction([&](Store& tx) -> Status {
    StoreSink sink(tx, Actor{1});
    auto g = Generate(o, **figures, sink);
    if (g.ok()) last = g->last_year;
    return g.status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto loaded = LoadedRecords::Load(*store);
  ASSERT_TRUE(loaded.ok());
  auto a = ind::FromRecords(*loaded);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ind::EvaluateOptions eo;
  auto months = ind::MonthlyPeriods(Date::FromCivil(last - 1, 4, 1), Date::FromCivil(last, 3, 31));
  ASSERT_TRUE(months.ok());
  eo.periods = *months;
  eo.by = ind::Breakdown::kTeam;
  auto ca = ind::Evaluate(*a, eo);
  ASSERT_TRUE(ca.ok());
  // The whole store, and only what periods from the first month on can use (the generated
  // history starts two years earlier, so the window leaves rows out).
  for (const ind::Day window : {ind::kNoDay, eo.periods.front().from}) {
    auto b = ind::LoadFacts(location, 2, window);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    EXPECT_EQ(a->children.size(), b->children.size());
    if (window == ind::kNoDay) {
      EXPECT_EQ(a->contacts.size(), b->contacts.size());
      EXPECT_EQ(a->allocations.size(), b->allocations.size());
    } else {
      EXPECT_LT(b->contacts.size(), a->contacts.size());
      EXPECT_LT(b->referrals.size(), a->referrals.size());
    }
    auto cb = ind::Evaluate(*b, eo);
    ASSERT_TRUE(cb.ok());
    double total = 0;
    for (size_t i = 0; i < ca->series.size(); ++i) {
      const auto& sa = ca->series[i];
      const auto& sb = cb->series[i];
      for (size_t p = 0; p < sa.total.size(); ++p) {
        EXPECT_EQ(sa.total[p].num, sb.total[p].num) << sa.def->id << " " << eo.periods[p].label;
        EXPECT_EQ(sa.total[p].den, sb.total[p].den) << sa.def->id << " " << eo.periods[p].label;
        total += sa.total[p].num;
      }
      ASSERT_EQ(sa.groups.size(), sb.groups.size()) << sa.def->id;
      for (size_t g = 0; g < sa.groups.size(); ++g) {
        EXPECT_EQ(sa.groups[g].label, sb.groups[g].label) << sa.def->id;
        for (size_t p = 0; p < sa.groups[g].cells.size(); ++p) {
          EXPECT_EQ(sa.groups[g].cells[p].num, sb.groups[g].cells[p].num)
              << sa.def->id << " " << sa.groups[g].label << " " << eo.periods[p].label;
          EXPECT_EQ(sa.groups[g].cells[p].den, sb.groups[g].cells[p].den)
              << sa.def->id << " " << sa.groups[g].label << " " << eo.periods[p].label;
        }
      }
    }
    EXPECT_GT(total, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreRoute, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sg
