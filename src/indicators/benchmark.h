#pragma once
// Benchmarks for one indicator value of one local authority (LA): England, the LA's region, the
// mean and median of its 10 statistical neighbours (DfE's 2025 model and its April 2021
// groupings), and the LA's quartile position among all LAs, from the published figures shipped
// in data/reference/la_figures.csv and the statistical neighbour files beside it (see
// data/reference/README.md).
//
// The rules follow DfE's Local Authority Interactive Tool (LAIT), read in its repository
// dfe-analytical-services/local-authority-interactive-tool (commit 2e30e3959a6a, April 2026):
//
// - Statistical neighbour average (R/lait_modules/mod_la_lvl_table.R, LA_LongDataServer, and
//   R/lait_modules/mod_stat_n_table.R, StatN_LongServer): the arithmetic mean of the neighbours'
//   values for the year, `mean(values_num, na.rm = TRUE)`. Suppressed or absent values are left
//   out (not counted as 0) and the mean is taken over those that remain, however few; with none
//   it is no value (`na_if(NaN)`). LAIT has no minimum number of contributing neighbours, and
//   neither do we: `contributing` says how many of the 10 there were.
// - Which values count as missing (global.R, `bds_clean`): "-", "c", ".." and anything that is
//   not a number. Here: every marker of la_figures.csv (c, x, z, u, low, k, -), i.e. whatever
//   ParsePublished() does not read as a number. "low" and "k" (rounds to 0 but is not 0) are
//   therefore left out too, as LAIT leaves out anything that is not a number.
// - Median: LAIT shows no median; Safeguard adds it over the same contributing values (for an
//   even count, the mean of the two middle values).
// - Quartile bands (global.R `la_names_bds`; mod_la_lvl_table.R LA_StatsTableServer;
//   R/fn_analysis.R calculate_quartile_band): the cut points are R's `quantile(na.rm = TRUE)`
//   (type 7: for n sorted values x1..xn the p-quantile is at position h = 1 + (n - 1)p,
//   interpolated linearly between x[floor h] and x[ceil h]) of the values of every LA (LAIT's
//   areas numbered below 970, i.e. every LA: City of London and the Isles of Scilly are NOT
//   excluded) that has a value in the year; England and regions are not among them. The LA's
//   own value is one of them. Bands are closed above: with lower-better ("Low") polarity a value
//   in [Q0, Q25] is A, (Q25, Q50] B, (Q50, Q75] C, (Q75, Q100] D; with higher-better ("High")
//   polarity [Q0, Q25] is D, (Q25, Q50] C, (Q50, Q75] B, (Q75, Q100] A. So a value exactly on a
//   cut point falls in the lower-valued quarter, which is the better one for "Low" and the worse
//   one for "High"; ties need no other rule. Polarity "-" or NA in LAIT's dictionary means no
//   band ("-"), and so does the dictionary's No_Quartile = "N" (global.R `no_qb_indicators`,
//   "indicators with too small a range"): callers pass Polarity::kNeither for both.
//   Safeguard's one difference: LAIT gives "Error" for a value outside [Q0, Q100] (it only bands
//   published values, which cannot be); an LA's own computed value can be, and is put in the
//   outer quarter on its side.
// - London (R/fn_helper_functions.R clean_ldn_region): a London borough is compared with its
//   sub-region, Inner London or Outer London, as DfE publishes it; when the sub-region has no
//   value for the year, LAIT uses London as a whole, and so do we, saying so in the label.
// - Year: LAIT bands and ranks on the latest year of the measure. Here the caller names the
//   year; when the measure has no published value for England or any LA that year, the latest
//   earlier year that has one is used for every published figure (Benchmarks::year).
//
// Thread-safety: StatNeighbours is immutable after loading; Shipped() is safe from any thread.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indicators/reference.h"

namespace sg {

enum class Polarity { kHigherBetter, kLowerBetter, kNeither };

// DfE's statistical neighbours: for each LA (old three-digit code), the 10 LAs most similar to it,
// closest first. Two models: 2025 (DfE's 2025 model,
// data/reference/statistical_neighbours_2025.csv, the 153 LAs of 2025) and 2021 (the April 2021
// groupings, statistical_neighbours_2021.csv: the LAs of 2021, including Cumbria 909 and
// Northamptonshire 928, plus the file's "Old SNs" rows for Dorset 835, Poole 836 and Bournemouth
// 837; no rows for Cumberland 942 and Westmorland and Furness 943, which did not exist).
struct StatNeighbours {
  // The shipped files, loaded once.
  static Result<const StatNeighbours*> Shipped();
  // Parses the two files as DfE publishes them (UTF-8 BOM, RFC 4180). Strict: a header without
  // the LA code or SN1..SN10 columns, a code that is not three digits, a row with fewer than 10
  // neighbours, a repeated LA or neighbour, or an LA listed as its own neighbour is an error.
  static Result<StatNeighbours> FromCsv(std::string_view csv2025, std::string_view csv2021);

  // The 10 old LA codes in SN order (SN1 first); empty if the LA is not in the model or `model` is
  // neither 2025 nor 2021.
  std::vector<std::string> Of(std::string_view la_code, int model) const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> model2025_;
  std::map<std::string, std::vector<std::string>, std::less<>> model2021_;
};

struct BenchmarkValue {
  std::string label;  // "England", "West Midlands", "Inner London (London sub-region)", ...
  int year = 0;       // the year the value is for
  std::optional<double> value;
  // The published text ("12.5"; LAIT's binary artefacts such as "81.900000000000006" are
  // written as "81.9"), or "not published" when the figure is suppressed or absent ("no
  // statistical neighbours in the 2021 groupings" for an LA a model does not cover). SN means
  // and medians are written with as many decimal places as the most precise contributing
  // value, at least one (LAIT's default); the LA's own value with as many as the most precise
  // published LA value that year.
  std::string text;
  // How many published figures the value is made of: for SN means and medians, how many of the
  // 10 neighbours had a published value; 1 for a published single figure; 0 when not published
  // and for the LA's own value.
  int contributing = 0;
};

struct Benchmarks {
  std::string measure;
  int year = 0;  // the year of the published figures used (the year asked, or the latest before)
  // The LA's own value when one was given (label "<LA> (own record)", year = the year asked),
  // else its published figure.
  BenchmarkValue la;
  BenchmarkValue england, region, sn2025_mean, sn2025_median, sn2021_mean, sn2021_median;
  // 1 = the best quarter of all LAs given the polarity (LAIT's band "A"), 4 the worst ("D"); 0 when
  // the value cannot be placed (no value, no LA values that year, or Polarity::kNeither).
  int quartile = 0;
  // The number of LAs with a published value that year (the values the cut points come from).
  int quartile_of = 0;
  std::string quartile_band;  // "A" to "D", or empty when quartile is 0
  // The cut points Q0 (minimum), Q25, Q50, Q75, Q100 (maximum); meaningful when quartile_of > 0.
  std::array<double, 5> quartile_bounds{};
};

// Benchmarks `la_code`'s value of `measure` in `year` (see the rules above). `own_value` is the
// LA's own computed value (from its record), placed among the published LA values; when absent,
// the LA's published value is placed. Errors: an unknown LA, a non-finite own value, or no
// published figure of `measure` for England or any LA in `year` or before.
Result<Benchmarks> Benchmark(const ReferenceFigures& figures, const StatNeighbours& sn,
                             std::string_view la_code, std::string_view measure, int year,
                             Polarity polarity, std::optional<double> own_value);

}  // namespace sg
