// Benchmarks against the shipped published figures (data/reference/la_figures.csv) and DfE's
// statistical neighbours (data/reference/statistical_neighbours_2025.csv, _2021.csv). Every
// expected value below was read from those files (or their sources in ../shared/reference/dfe/)
// by hand, not computed with the code under test.

#include "indicators/benchmark.h"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sg {
namespace {

using Codes = std::vector<std::string>;

const ReferenceFigures& Figures() {
  auto r = ReferenceFigures::Shipped();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return **r;
}

const StatNeighbours& Neighbours() {
  auto r = StatNeighbours::Shipped();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return **r;
}

Benchmarks MustBenchmark(std::string_view la, std::string_view measure, int year, Polarity polarity,
                         std::optional<double> own = std::nullopt) {
  auto r = Benchmark(Figures(), Neighbours(), la, measure, year, polarity, own);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Benchmarks{};
}

// ---------------------------------------------------------------------------------------------
// Statistical neighbours

// The rows of sn_model_2025_wide.csv (SN_1 .. SN_10), which agree with LAIT's sn_may_2025.xlsx.
TEST(StatNeighboursTest, Model2025MatchesSourceFile) {
  const StatNeighbours& sn = Neighbours();
  EXPECT_EQ(sn.Of("885", 2025),  // Worcestershire
            (Codes{"933", "916", "838", "937", "893", "938", "878", "830", "881", "815"}));
  EXPECT_EQ(sn.Of("335", 2025),  // Walsall
            (Codes{"354", "861", "357", "336", "371", "831", "350", "372", "812", "333"}));
  EXPECT_EQ(sn.Of("884", 2025),  // Herefordshire, County of (a quoted name in the file)
            (Codes{"943", "860", "925", "893", "933", "888", "935", "811", "815", "830"}));
  EXPECT_EQ(sn.Of("868", 2025),  // Windsor and Maidenhead
            (Codes{"936", "825", "872", "358", "919", "869", "305", "823", "931", "867"}));
  // The new Cumbrian councils are in the 2025 model; Cumbria itself (909, to 2023) is not.
  EXPECT_EQ(sn.Of("942", 2025).size(), 10u);
  EXPECT_TRUE(sn.Of("909", 2025).empty());
}

// The rows of New_Statistical_Neighbour_Groupings_April_2021.csv (SN1 .. SN10, skipping its
// "SNP" closeness columns), which agree with LAIT's sn_april_2021.xlsx.
TEST(StatNeighboursTest, Groupings2021MatchSourceFile) {
  const StatNeighbours& sn = Neighbours();
  EXPECT_EQ(sn.Of("885", 2021),
            (Codes{"937", "802", "881", "860", "838", "845", "938", "803", "855", "886"}));
  EXPECT_EQ(sn.Of("335", 2021),
            (Codes{"831", "354", "874", "861", "350", "357", "332", "333", "382", "894"}));
  EXPECT_EQ(sn.Of("884", 2021),  // its 10th neighbour is Cumbria, abolished in 2023
            (Codes{"893", "878", "908", "933", "838", "865", "935", "926", "916", "909"}));
  EXPECT_EQ(sn.Of("868", 2021),
            (Codes{"936", "825", "869", "919", "872", "931", "867", "873", "850", "358"}));
  // The file's last row, under "Old SNs:" after two blank rows.
  EXPECT_EQ(sn.Of("928", 2021),  // Northamptonshire
            (Codes{"886", "891", "866", "860", "830", "881", "937", "885", "888", "887"}));
  ASSERT_FALSE(sn.Of("909", 2021).empty());
  EXPECT_EQ(sn.Of("909", 2021).front(), "925");
  // Cumberland and Westmorland and Furness did not exist in 2021.
  EXPECT_TRUE(sn.Of("942", 2021).empty());
  EXPECT_TRUE(sn.Of("943", 2021).empty());
}

TEST(StatNeighboursTest, UnknownLaOrModelIsEmpty) {
  const StatNeighbours& sn = Neighbours();
  EXPECT_TRUE(sn.Of("999", 2025).empty());
  EXPECT_TRUE(sn.Of("885", 2024).empty());
  EXPECT_TRUE(sn.Of("", 2021).empty());
}

constexpr char kHeader2025[] =
    "\xEF\xBB\xBFold_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P,SN_4,"
    "SN_4P,SN_5,SN_5P,SN_6,SN_6P,SN_7,SN_7P,SN_8,SN_8P,SN_9,SN_9P,SN_10,SN_10P\n";
constexpr char kHeader2021[] =
    "\xEF\xBB\xBFLA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,"
    "SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,SNP,\n";

TEST(StatNeighboursTest, FromCsvReadsBothLayouts) {
  const std::string csv2025 =
      std::string(kHeader2025) +
      "801,\"Bristol, City of\",7,South West,846,Close ,383,Close ,882,Close ,373,Close ,826,"
      "Close ,851,Close ,870,Close ,302,Close ,839,Somewhat close,382,Somewhat close\n";
  const std::string csv2021 =
      std::string(kHeader2021) +
      "801,\"Bristol, City of\",801,7,South West,851,Very Close,852,Close,870,Close,373,Close,846,"
      "Close,831,Close,331,Close,879,Close,383,Close,874,Close,\n"
      ",,,,,,,,,,,,,,,\n,Old SNs:,,,,,,,,,,,,,,\n";
  auto sn = StatNeighbours::FromCsv(csv2025, csv2021);
  ASSERT_TRUE(sn.ok()) << sn.status().ToString();
  EXPECT_EQ(sn->Of("801", 2025),
            (Codes{"846", "383", "882", "373", "826", "851", "870", "302", "839", "382"}));
  EXPECT_EQ(sn->Of("801", 2021),
            (Codes{"851", "852", "870", "373", "846", "831", "331", "879", "383", "874"}));
}

TEST(StatNeighboursTest, FromCsvRejectsMalformedFiles) {
  const std::string ok2021 = std::string(kHeader2021) +
                             "885,Worcestershire,885,8,West Midlands,937,a,802,a,881,a,860,a,838,"
                             "a,845,a,938,a,803,a,855,a,886,a,\n";
  auto row = [](const std::string& sn10) {
    return std::string(kHeader2025) +
           "885,Worcestershire,8,West Midlands,933,a,916,a,838,a,937,a,893,a,938,a,878,a,830,a,"
           "881,a," +
           sn10 + ",a\n";
  };
  EXPECT_TRUE(StatNeighbours::FromCsv(row("815"), ok2021).ok());
  EXPECT_FALSE(StatNeighbours::FromCsv(row("Very close"), ok2021).ok());  // not a code
  EXPECT_FALSE(StatNeighbours::FromCsv(row("885"), ok2021).ok());         // its own neighbour
  EXPECT_FALSE(StatNeighbours::FromCsv(row("933"), ok2021).ok());         // listed twice
  // No SN_10 column.
  std::string no_sn10 = row("815");
  no_sn10.replace(no_sn10.find("SN_10,"), 6, "SN_X,");
  EXPECT_FALSE(StatNeighbours::FromCsv(no_sn10, ok2021).ok());
  // The same LA twice.
  EXPECT_FALSE(
      StatNeighbours::FromCsv(row("815") + row("815").substr(sizeof kHeader2025 - 1), ok2021).ok());
}

// ---------------------------------------------------------------------------------------------
// Benchmarks

// Worcestershire (885, West Midlands), re-referrals within 12 months as % of referrals, 2025
// (c1 rereferral_percent). LAIT's ReReferral has polarity "Low".
//   Worcestershire 17.8; England 22.6; West Midlands 19.5.
//   2025 model: 933 Somerset 22.1, 916 Gloucestershire 22.4, 838 Dorset 14.7, 937 Warwickshire 17,
//     893 Shropshire 12.9, 938 West Sussex 24.4, 878 Devon 19.7, 830 Derbyshire 28.9,
//     881 Essex 15.4, 815 North Yorkshire 19.8.
//     Sum 197.3, mean 19.73. Sorted 12.9 14.7 15.4 17 19.7 | 19.8 22.1 22.4 24.4 28.9:
//     median (19.7 + 19.8) / 2 = 19.75.
//   2021 groupings: 937 17, 802 North Somerset 15.4, 881 15.4, 860 Staffordshire 14.2, 838 14.7,
//     845 East Sussex 16.6, 938 24.4, 803 South Gloucestershire 17.1, 855 Leicestershire 25.5,
//     886 Kent 21.6.
//     Sum 181.9, mean 18.19. Sorted 14.2 14.7 15.4 15.4 16.6 | 17 17.1 21.6 24.4 25.5:
//     median (16.6 + 17) / 2 = 16.8.
//   All 153 LAs have a value. Sorted, the 1st is 0 (Isles of Scilly), the 39th 16.9, the 77th 20.0,
//   the 115th 23.0 and the 153rd 46.7; with n = 153, R's type-7 positions 1 + 152p are 1, 39, 77,
//   115 and 153, so these are Q0 .. Q100 with no interpolation. 17.8 is in (16.9, 20.0]: band B.
TEST(BenchmarkTest, PublishedFiguresAndNeighbourAverages) {
  const Benchmarks b = MustBenchmark("885", "rereferral_pct", 2025, Polarity::kLowerBetter);
  EXPECT_EQ(b.measure, "rereferral_pct");
  EXPECT_EQ(b.year, 2025);

  EXPECT_EQ(b.la.label, "Worcestershire");
  EXPECT_EQ(b.la.year, 2025);
  ASSERT_TRUE(b.la.value.has_value());
  EXPECT_DOUBLE_EQ(*b.la.value, 17.8);
  EXPECT_EQ(b.la.text, "17.8");

  EXPECT_EQ(b.england.label, "England");
  ASSERT_TRUE(b.england.value.has_value());
  EXPECT_DOUBLE_EQ(*b.england.value, 22.6);
  EXPECT_EQ(b.england.text, "22.6");
  EXPECT_EQ(b.england.year, 2025);

  EXPECT_EQ(b.region.label, "West Midlands");
  ASSERT_TRUE(b.region.value.has_value());
  EXPECT_DOUBLE_EQ(*b.region.value, 19.5);
  EXPECT_EQ(b.region.text, "19.5");

  ASSERT_TRUE(b.sn2025_mean.value.has_value());
  EXPECT_NEAR(*b.sn2025_mean.value, 19.73, 1e-9);
  EXPECT_EQ(b.sn2025_mean.text, "19.7");
  EXPECT_EQ(b.sn2025_mean.contributing, 10);
  EXPECT_EQ(b.sn2025_mean.year, 2025);
  ASSERT_TRUE(b.sn2025_median.value.has_value());
  EXPECT_NEAR(*b.sn2025_median.value, 19.75, 1e-9);
  EXPECT_EQ(b.sn2025_median.contributing, 10);

  ASSERT_TRUE(b.sn2021_mean.value.has_value());
  EXPECT_NEAR(*b.sn2021_mean.value, 18.19, 1e-9);
  EXPECT_EQ(b.sn2021_mean.text, "18.2");
  EXPECT_EQ(b.sn2021_mean.contributing, 10);
  ASSERT_TRUE(b.sn2021_median.value.has_value());
  EXPECT_NEAR(*b.sn2021_median.value, 16.8, 1e-9);
  EXPECT_EQ(b.sn2021_median.text, "16.8");

  EXPECT_EQ(b.quartile_of, 153);
  EXPECT_DOUBLE_EQ(b.quartile_bounds[0], 0.0);  // the Isles of Scilly: not excluded
  EXPECT_DOUBLE_EQ(b.quartile_bounds[1], 16.9);
  EXPECT_DOUBLE_EQ(b.quartile_bounds[2], 20.0);
  EXPECT_DOUBLE_EQ(b.quartile_bounds[3], 23.0);
  EXPECT_DOUBLE_EQ(b.quartile_bounds[4], 46.7);
  EXPECT_EQ(b.quartile, 2);
  EXPECT_EQ(b.quartile_band, "B");
}

// Herefordshire (884), rereferral_pct 2025: its 10th 2021 neighbour, Cumbria (909), has no
// figures after 2023, so 9 contribute: 893 12.9, 878 19.7, 908 Cornwall 27.9, 933 22.1,
// 838 14.7, 865 Wiltshire 18.7, 935 Suffolk 20.1, 926 Norfolk 17.9, 916 22.4.
// Sum 176.4, mean 19.6; sorted 12.9 14.7 17.9 18.7 [19.7] 20.1 22.1 22.4 27.9, median 19.7.
TEST(BenchmarkTest, AbsentNeighbourIsLeftOut) {
  const Benchmarks b = MustBenchmark("884", "rereferral_pct", 2025, Polarity::kLowerBetter);
  EXPECT_EQ(b.sn2021_mean.contributing, 9);
  ASSERT_TRUE(b.sn2021_mean.value.has_value());
  EXPECT_NEAR(*b.sn2021_mean.value, 19.6, 1e-9);
  ASSERT_TRUE(b.sn2021_median.value.has_value());
  EXPECT_NEAR(*b.sn2021_median.value, 19.7, 1e-9);
  EXPECT_EQ(b.sn2025_mean.contributing, 10);  // all of the 2025 model's neighbours exist
}

// Windsor and Maidenhead (868), children looked after at 31 March with 3 or more placements in
// the year, % (whole numbers), 2024. LA 16; England 11; South East 12.
// 2025 model: 936 Surrey 12, 825 Buckinghamshire 9, 872 Wokingham c (suppressed), 358 Trafford 5,
// 919 Hertfordshire 9, 869 West Berkshire 16, 305 Bromley 8, 823 Central Bedfordshire 7,
// 931 Oxfordshire 13, 867 Bracknell Forest 11.
// 9 published: sum 90, mean 10; sorted 5 7 8 9 [9] 11 12 13 16, median 9.
// 2021 groupings (872 c again): 12, 9, 16, 9, 13, 11, 873 Cambridgeshire 9, 850 Hampshire 13, 5:
// sum 97, mean 97/9 = 10.777..; sorted 5 9 9 9 [11] 12 13 13 16, median 11.
TEST(BenchmarkTest, SuppressedNeighbourIsLeftOut) {
  const Benchmarks b =
      MustBenchmark("868", "cla_3plus_placements_pct", 2024, Polarity::kLowerBetter);
  EXPECT_EQ(b.la.text, "16");
  EXPECT_EQ(b.england.text, "11");
  EXPECT_EQ(b.region.label, "South East");
  EXPECT_EQ(b.region.text, "12");
  EXPECT_EQ(b.sn2025_mean.contributing, 9);
  ASSERT_TRUE(b.sn2025_mean.value.has_value());
  EXPECT_NEAR(*b.sn2025_mean.value, 10.0, 1e-9);
  EXPECT_EQ(b.sn2025_mean.text, "10.0");
  ASSERT_TRUE(b.sn2025_median.value.has_value());
  EXPECT_NEAR(*b.sn2025_median.value, 9.0, 1e-9);
  EXPECT_EQ(b.sn2025_median.text, "9.0");
  EXPECT_EQ(b.sn2021_mean.contributing, 9);
  ASSERT_TRUE(b.sn2021_mean.value.has_value());
  EXPECT_NEAR(*b.sn2021_mean.value, 97.0 / 9.0, 1e-9);
  EXPECT_EQ(b.sn2021_mean.text, "10.8");
  ASSERT_TRUE(b.sn2021_median.value.has_value());
  EXPECT_NEAR(*b.sn2021_median.value, 11.0, 1e-9);
  // 153 LAs, of which City of London c, Isles of Scilly z, Rutland c and Wokingham c.
  EXPECT_EQ(b.quartile_of, 149);
}

// Westminster (213, Inner London), social worker vacancy rate (FTE) at 30 September 2025: DfE
// publishes x (not available) for Westminster and for Kensington and Chelsea (207), one of its
// 2025 neighbours. Inner London 18 (London 19.4). Neighbours: 202 Camden 10.6, 206 Islington 25,
// 210 Southwark 17.9, 207 x, 205 Hammersmith and Fulham 3.3, 208 Lambeth 29.3, 203 Greenwich
// 12.1, 352 Manchester 11.7, 204 Hackney 25.5, 309 Haringey 12.6: 9 published, sum 148, mean
// 16.444.., median 12.6.
TEST(BenchmarkTest, UnpublishedOwnFigureIsNotPlaced) {
  const Benchmarks b = MustBenchmark("213", "csww_vacancy_rate_fte", 2025, Polarity::kLowerBetter);
  EXPECT_FALSE(b.la.value.has_value());
  EXPECT_EQ(b.la.text, "not published");
  EXPECT_EQ(b.la.contributing, 0);
  EXPECT_EQ(b.region.label, "Inner London (London sub-region)");
  ASSERT_TRUE(b.region.value.has_value());
  EXPECT_DOUBLE_EQ(*b.region.value, 18.0);
  EXPECT_EQ(b.sn2025_mean.contributing, 9);
  ASSERT_TRUE(b.sn2025_mean.value.has_value());
  EXPECT_NEAR(*b.sn2025_mean.value, 148.0 / 9.0, 1e-9);
  EXPECT_EQ(b.sn2025_mean.text, "16.4");
  ASSERT_TRUE(b.sn2025_median.value.has_value());
  EXPECT_NEAR(*b.sn2025_median.value, 12.6, 1e-9);
  EXPECT_EQ(b.quartile, 0);
  EXPECT_EQ(b.quartile_band, "");
  EXPECT_EQ(b.quartile_of, 151);  // 153 less Westminster and Kensington and Chelsea

  // The same LA's own value is placed: 3.0 is below Q25 (7.75 for this year), band A.
  const Benchmarks own =
      MustBenchmark("213", "csww_vacancy_rate_fte", 2025, Polarity::kLowerBetter, 3.0);
  EXPECT_EQ(own.quartile, 1);
  EXPECT_EQ(own.quartile_of, 151);
}

// Camden (202, Inner London), care leavers aged 17-18 in higher education, 2022: Inner London is
// c (suppressed), so London's 120 is used, as LAIT does, and the label says so.
TEST(BenchmarkTest, LondonStandsInForSuppressedSubRegion) {
  const Benchmarks b = MustBenchmark("202", "care_leavers_17_18_activity_higher_education", 2022,
                                     Polarity::kNeither);
  EXPECT_EQ(b.region.label, "London (Inner London not published)");
  ASSERT_TRUE(b.region.value.has_value());
  EXPECT_DOUBLE_EQ(*b.region.value, 120.0);
  EXPECT_EQ(b.quartile, 0);  // no polarity, no band
  EXPECT_GT(b.quartile_of, 0);
}

// Quartile edges for rereferral_pct 2025 (cut points 0 | 16.9 | 20.0 | 23.0 | 46.7, see above):
// bands are closed above, so a value on a cut point is in the lower-valued quarter, which is the
// best for lower-better and the worst for higher-better.
TEST(BenchmarkTest, QuartileEdgesAndPolarity) {
  struct Case {
    double own;
    int lower_better;
    int higher_better;
  };
  const Case cases[] = {
      {0.0, 1, 4},    // the minimum
      {16.9, 1, 4},   // exactly Q25
      {16.95, 2, 3},  // just above Q25
      {20.0, 2, 3},   // exactly Q50
      {23.0, 3, 2},   // exactly Q75
      {23.05, 4, 1},  // just above Q75
      {46.7, 4, 1},   // the maximum
      {50.0, 4, 1},   // above every published value: the outer quarter on its side
      {-1.0, 1, 4},   // below every published value
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.own);
    const Benchmarks low =
        MustBenchmark("885", "rereferral_pct", 2025, Polarity::kLowerBetter, c.own);
    EXPECT_EQ(low.quartile, c.lower_better);
    EXPECT_EQ(low.quartile_band, std::string(1, static_cast<char>('A' + c.lower_better - 1)));
    const Benchmarks high =
        MustBenchmark("885", "rereferral_pct", 2025, Polarity::kHigherBetter, c.own);
    EXPECT_EQ(high.quartile, c.higher_better);
    EXPECT_EQ(high.quartile_of, 153);
  }
  const Benchmarks none = MustBenchmark("885", "rereferral_pct", 2025, Polarity::kNeither, 16.9);
  EXPECT_EQ(none.quartile, 0);
  EXPECT_EQ(none.quartile_band, "");
  EXPECT_EQ(none.quartile_of, 153);

  // The own value replaces the published one as the LA's value, and says so.
  const Benchmarks own = MustBenchmark("885", "rereferral_pct", 2025, Polarity::kLowerBetter, 16.9);
  EXPECT_EQ(own.la.label, "Worcestershire (own record)");
  EXPECT_EQ(own.la.text, "16.9");
  EXPECT_EQ(own.la.year, 2025);
  EXPECT_EQ(own.la.contributing, 0);
  // An own count is written as the published counts are, without decimals.
  EXPECT_EQ(MustBenchmark("885", "referrals", 2025, Polarity::kNeither, 5321.0).la.text, "5321");
  // Worcestershire's published 17.8 is band B with lower-better, C with higher-better.
  EXPECT_EQ(MustBenchmark("885", "rereferral_pct", 2025, Polarity::kHigherBetter).quartile, 3);
}

TEST(BenchmarkTest, FallsBackToLatestEarlierYear) {
  // No 2026 figures yet: the 2025 ones are used, and the own value keeps the year asked.
  const Benchmarks b = MustBenchmark("885", "rereferral_pct", 2026, Polarity::kLowerBetter, 18.0);
  EXPECT_EQ(b.year, 2025);
  EXPECT_EQ(b.england.year, 2025);
  EXPECT_EQ(b.england.text, "22.6");
  EXPECT_EQ(b.region.year, 2025);
  EXPECT_EQ(b.sn2025_mean.year, 2025);
  EXPECT_EQ(b.sn2021_median.year, 2025);
  EXPECT_EQ(b.la.year, 2026);
  EXPECT_EQ(b.quartile, 2);  // 18.0 in (16.9, 20.0]

  // LAIT's school-stability measure stops at 2024. Worcestershire 9, England 8, West Midlands 8;
  // 2025 neighbours 10 11 10 5 11 10 11 13 8 13 (sum 102, mean 10.2; median (10 + 11) / 2).
  // 148 LAs have a value (Hammersmith and Fulham, Merton, Richmond upon Thames, the Isles of
  // Scilly and Rutland are "-"); cut points 0 | 7 | 8 | 10 | 14, so 9 is in (8, 10].
  const Benchmarks s = MustBenchmark("885", "lait_stability_school", 2025, Polarity::kLowerBetter);
  EXPECT_EQ(s.year, 2024);
  EXPECT_EQ(s.la.year, 2024);
  EXPECT_EQ(s.la.text, "9");
  EXPECT_EQ(s.england.year, 2024);
  EXPECT_EQ(s.england.text, "8");
  EXPECT_EQ(s.region.text, "8");
  ASSERT_TRUE(s.sn2025_mean.value.has_value());
  EXPECT_NEAR(*s.sn2025_mean.value, 10.2, 1e-9);
  ASSERT_TRUE(s.sn2025_median.value.has_value());
  EXPECT_NEAR(*s.sn2025_median.value, 10.5, 1e-9);
  EXPECT_EQ(s.quartile_of, 148);
  EXPECT_EQ(s.quartile, 3);
}

// LAIT's values carry binary artefacts: Windsor and Maidenhead's lait_rereferral for 2025 is
// published as 19.600000000000001, and is shown as 19.6.
TEST(BenchmarkTest, LaitArtefactsAreShownAsTheirDecimals) {
  const Benchmarks b = MustBenchmark("868", "lait_rereferral", 2025, Polarity::kLowerBetter);
  EXPECT_EQ(b.la.text, "19.6");
  ASSERT_TRUE(b.la.value.has_value());
  EXPECT_NEAR(*b.la.value, 19.6, 1e-12);
}

TEST(BenchmarkTest, Errors) {
  const ReferenceFigures& f = Figures();
  const StatNeighbours& sn = Neighbours();
  // Nothing published in or before 2005 (children in need figures start in 2013).
  EXPECT_EQ(Benchmark(f, sn, "885", "rereferral_pct", 2005, Polarity::kLowerBetter, std::nullopt)
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Benchmark(f, sn, "885", "no_such_measure", 2025, Polarity::kLowerBetter, std::nullopt)
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_FALSE(
      Benchmark(f, sn, "999", "rereferral_pct", 2025, Polarity::kLowerBetter, std::nullopt).ok());
  EXPECT_FALSE(
      Benchmark(f, sn, "England", "rereferral_pct", 2025, Polarity::kLowerBetter, std::nullopt)
          .ok());
  EXPECT_FALSE(Benchmark(f, sn, "885", "rereferral_pct", 2025, Polarity::kLowerBetter,
                         std::numeric_limits<double>::quiet_NaN())
                   .ok());
}

}  // namespace
}  // namespace sg

namespace sg {
namespace {

// The scorecard loads only the measures it benchmarks against: those figures are the whole
// table's, and the others are absent.
TEST(ReferenceSubset, KeepsTheMeasuresAskedForExactly) {
  auto all = ReferenceFigures::Shipped();
  ASSERT_TRUE(all.ok());
  auto some = ReferenceFigures::ShippedSubset({"rereferral_pct", "population_0_17"});
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  for (const char* la : {"885", "335", "E92000001", "Bristol, City of"}) {
    auto a = (*all)->FindArea(la);
    auto b = some->FindArea(la);
    ASSERT_TRUE(a.ok() && b.ok()) << la;
    for (int year = 2013; year <= 2025; ++year) {
      EXPECT_EQ((*all)->Text(**a, year, "rereferral_pct"), some->Text(**b, year, "rereferral_pct"))
          << la << " " << year;
      EXPECT_EQ((*all)->Value(**a, year, "population_0_17"),
                some->Value(**b, year, "population_0_17"))
          << la << " " << year;
    }
    EXPECT_TRUE((*all)->Value(**a, 2025, "referrals").has_value()) << la;
    EXPECT_FALSE(some->Value(**b, 2025, "referrals").has_value()) << la;
  }
  EXPECT_EQ((*all)->LocalAuthorities().size(), some->LocalAuthorities().size());
}

}  // namespace
}  // namespace sg
