#include "indicators/benchmark.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "common/csv.h"
#include "common/data_files.h"

namespace sg {
namespace {

// Joins message parts without a temporary per part.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

constexpr char kNotPublished[] = "not published";
constexpr int kEarliestYear = 1990;  // la_figures.csv holds no year before this

bool IsLaCode(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads one statistical neighbour file: the LA's code in column `code_header`, its neighbours in
// `sn_prefix`1 .. `sn_prefix`10 (other columns, such as the repeated "SNP" closeness headers of
// the 2021 file and its empty trailing column, are ignored). Rows with no LA code (the 2021
// file's blank rows and its "Old SNs:" label) are skipped.
Status ReadModel(std::string_view csv, const std::string& file, const std::string& code_header,
                 const std::string& sn_prefix,
                 std::map<std::string, std::vector<std::string>, std::less<>>& out) {
  int code_col = -1;
  std::vector<int> sn_cols;
  size_t needed = 0;
  bool header_seen = false;
  auto on_record = [&](int line, std::vector<std::string>& cells) -> Status {
    const std::string where = file + " line " + std::to_string(line) + ": ";
    if (!header_seen) {
      header_seen = true;
      std::map<std::string, int> index;  // a column's name -> its first position
      std::map<std::string, int> count;
      for (size_t i = 0; i < cells.size(); ++i) {
        index.emplace(cells[i], static_cast<int>(i));
        ++count[cells[i]];
      }
      // A repeated code or SNn column would be ambiguous (the 2021 file's "SNP" repeats
      // harmlessly).
      std::vector<std::string> wanted{code_header};
      for (int k = 1; k <= 10; ++k) wanted.push_back(sn_prefix + std::to_string(k));
      for (const std::string& name : wanted) {
        if (count[name] > 1) {
          return InvalidArgument(Cat(where, "column \"", name, "\" appears twice"));
        }
      }
      auto it = index.find(code_header);
      if (it == index.end()) {
        return InvalidArgument(Cat(where, "no \"", code_header, "\" column"));
      }
      code_col = it->second;
      needed = static_cast<size_t>(code_col) + 1;
      for (int k = 1; k <= 10; ++k) {
        auto sn = index.find(sn_prefix + std::to_string(k));
        if (sn == index.end()) {
          return InvalidArgument(Cat(where, "no \"", sn_prefix, std::to_string(k), "\" column"));
        }
        sn_cols.push_back(sn->second);
        needed = std::max(needed, static_cast<size_t>(sn->second) + 1);
      }
      return Status::Ok();
    }
    if (cells.size() <= static_cast<size_t>(code_col) || cells[code_col].empty()) {
      return Status::Ok();  // a blank or label row
    }
    const std::string& code = cells[code_col];
    if (!IsLaCode(code)) {
      return InvalidArgument(Cat(where, "LA code \"", code, "\" is not three digits"));
    }
    if (cells.size() < needed) {
      return InvalidArgument(Cat(where, "expected at least ", std::to_string(needed),
                                 " columns, got ", std::to_string(cells.size())));
    }
    std::vector<std::string> neighbours;
    std::set<std::string> seen;
    for (int col : sn_cols) {
      const std::string& n = cells[col];
      if (!IsLaCode(n)) {
        return InvalidArgument(
            Cat(where, "neighbour \"", n, "\" of ", code, " is not a three-digit LA code"));
      }
      if (n == code) return InvalidArgument(Cat(where, code, " is listed as its own neighbour"));
      if (!seen.insert(n).second) {
        return InvalidArgument(Cat(where, "neighbour ", n, " of ", code, " is listed twice"));
      }
      neighbours.push_back(n);
    }
    if (!out.emplace(code, std::move(neighbours)).second) {
      return InvalidArgument(Cat(where, "LA ", code, " is listed twice"));
    }
    return Status::Ok();
  };
  SG_RETURN_IF_ERROR(ForEachCsvRecord(csv, on_record));
  if (out.empty()) return InvalidArgument(file + ": no statistical neighbours");
  return Status::Ok();
}

// The number of decimal places a published value is written with, ignoring the binary artefacts
// of LAIT's values (81.900000000000006 is 81.9): the fewest, up to 6, that give the value back.
int DecimalPlaces(double v) {
  for (int d = 0; d < 6; ++d) {
    const double scaled = v * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::fabs(scaled))) return d;
  }
  return 6;
}

std::string Format(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// The published text as shown: unchanged, except that a number written with more than six
// decimal places (a LAIT binary artefact) is written with the places it really has.
std::string ShownText(const std::string& text, double value) {
  const size_t dot = text.find('.');
  if (dot == std::string::npos || text.size() - dot - 1 <= 6) return text;
  return Format(value, DecimalPlaces(value));
}

BenchmarkValue Published(const ReferenceFigures& figures, const Area& area, int year,
                         std::string_view measure, std::string label) {
  BenchmarkValue v;
  v.label = std::move(label);
  v.year = year;
  v.value = figures.Value(area, year, measure);
  if (v.value) {
    v.text = ShownText(*figures.Text(area, year, measure), *v.value);
    v.contributing = 1;
  } else {
    v.text = kNotPublished;
  }
  return v;
}

// The mean and median of the neighbours' published values (see the rules in benchmark.h).
void NeighbourAverages(const ReferenceFigures& figures, const std::vector<std::string>& codes,
                       int year, std::string_view measure, const std::string& model_label,
                       BenchmarkValue& mean, BenchmarkValue& median) {
  mean.label = "Statistical neighbours, " + model_label + " (mean)";
  median.label = "Statistical neighbours, " + model_label + " (median)";
  mean.year = median.year = year;
  if (codes.empty()) {
    mean.text = median.text = "no statistical neighbours in the " + model_label;
    return;
  }
  std::vector<double> values;
  int decimals = 1;
  for (const std::string& code : codes) {
    auto area = figures.FindArea(code);
    if (!area.ok() || (*area)->la_code != code) continue;  // an LA with no figures at all
    if (auto v = figures.Value(**area, year, measure)) {
      values.push_back(*v);
      decimals = std::max(decimals, DecimalPlaces(*v));
    }
  }
  mean.contributing = median.contributing = static_cast<int>(values.size());
  if (values.empty()) {
    mean.text = median.text = kNotPublished;
    return;
  }
  double sum = 0;
  for (double v : values) sum += v;
  mean.value = sum / static_cast<double>(values.size());
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  median.value = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  mean.text = Format(*mean.value, decimals);
  median.text = Format(*median.value, decimals);
}

// R's quantile(x, p) of type 7 (its default) over sorted `x`.
double Quantile(const std::vector<double>& x, double p) {
  const double h = 1 + static_cast<double>(x.size() - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = static_cast<size_t>(std::ceil(h));
  if (h == static_cast<double>(lo)) return x[lo - 1];
  const double frac = h - static_cast<double>(lo);
  return (1 - frac) * x[lo - 1] + frac * x[hi - 1];
}

bool HasPublished(const ReferenceFigures& figures, const std::vector<const Area*>& las, int year,
                  std::string_view measure) {
  if (figures.Value(figures.England(), year, measure)) return true;
  for (const Area* a : las) {
    if (figures.Value(*a, year, measure)) return true;
  }
  return false;
}

}  // namespace

Result<StatNeighbours> StatNeighbours::FromCsv(std::string_view csv2025, std::string_view csv2021) {
  StatNeighbours sn;
  SG_RETURN_IF_ERROR(
      ReadModel(csv2025, "statistical_neighbours_2025.csv", "old_la_code", "SN_", sn.model2025_));
  SG_RETURN_IF_ERROR(
      ReadModel(csv2021, "statistical_neighbours_2021.csv", "LA num", "SN", sn.model2021_));
  return sn;
}

Result<const StatNeighbours*> StatNeighbours::Shipped() {
  static const Result<const StatNeighbours*>* shipped = [] {
    auto text2025 = ReadDataFile("reference/statistical_neighbours_2025.csv");
    if (!text2025.ok()) return new Result<const StatNeighbours*>(text2025.status());
    auto text2021 = ReadDataFile("reference/statistical_neighbours_2021.csv");
    if (!text2021.ok()) return new Result<const StatNeighbours*>(text2021.status());
    auto r = FromCsv(*text2025, *text2021);
    if (!r.ok()) return new Result<const StatNeighbours*>(r.status());
    return new Result<const StatNeighbours*>(new StatNeighbours(std::move(r).value()));
  }();
  return *shipped;
}

std::vector<std::string> StatNeighbours::Of(std::string_view la_code, int model) const {
  const auto* table = model == 2025 ? &model2025_ : model == 2021 ? &model2021_ : nullptr;
  if (!table) return {};
  auto it = table->find(la_code);
  if (it == table->end()) return {};
  return it->second;
}

Result<Benchmarks> Benchmark(const ReferenceFigures& figures, const StatNeighbours& sn,
                             std::string_view la_code, std::string_view measure, int year,
                             Polarity polarity, std::optional<double> own_value) {
  SG_ASSIGN_OR_RETURN(const Area* la, figures.FindArea(la_code));
  if (la->level != "Local authority") {
    return InvalidArgument(
        "\"" + std::string(la_code) + "\" is " + la->name + ", not a local authority", "la");
  }
  if (own_value && !std::isfinite(*own_value)) {
    return InvalidArgument("the LA's own value is not a finite number", "own_value");
  }
  const std::vector<const Area*> las = figures.LocalAuthorities();

  int used = 0;
  for (int y = year; y >= kEarliestYear; --y) {
    if (HasPublished(figures, las, y, measure)) {
      used = y;
      break;
    }
  }
  if (used == 0) {
    return NotFound("no published figure of \"" + std::string(measure) +
                    "\" for England or any local authority in " + std::to_string(year) +
                    " or before");
  }

  Benchmarks b;
  b.measure = std::string(measure);
  b.year = used;

  b.england = Published(figures, figures.England(), used, measure, "England");

  b.region.label = la->region;
  b.region.year = used;
  b.region.text = kNotPublished;
  if (!la->region.empty()) {
    const bool london_sub = la->region == "Inner London" || la->region == "Outer London";
    auto region = figures.FindArea(la->region);
    if (region.ok() && (*region)->level == "Regional") {
      b.region = Published(figures, **region, used, measure,
                           london_sub ? la->region + " (London sub-region)" : la->region);
    }
    if (london_sub && !b.region.value) {
      auto london = figures.FindArea("London");
      if (london.ok() && (*london)->level == "Regional") {
        BenchmarkValue whole = Published(figures, **london, used, measure,
                                         "London (" + la->region + " not published)");
        if (whole.value) b.region = std::move(whole);
      }
    }
  }

  NeighbourAverages(figures, sn.Of(la->la_code, 2025), used, measure, "2025 model", b.sn2025_mean,
                    b.sn2025_median);
  NeighbourAverages(figures, sn.Of(la->la_code, 2021), used, measure, "2021 groupings",
                    b.sn2021_mean, b.sn2021_median);

  // Every LA's published value in the year: the cut points of the quartiles.
  std::vector<double> all;
  int decimals = 0;  // the most any LA's published value has: for the own value's text
  for (const Area* a : las) {
    if (auto v = figures.Value(*a, used, measure)) {
      all.push_back(*v);
      decimals = std::max(decimals, DecimalPlaces(*v));
    }
  }
  std::sort(all.begin(), all.end());
  b.quartile_of = static_cast<int>(all.size());
  if (!all.empty()) {
    for (int i = 0; i < 5; ++i) b.quartile_bounds[i] = Quantile(all, 0.25 * i);
  }

  if (own_value) {
    b.la.label = la->name + " (own record)";
    b.la.year = year;
    b.la.value = own_value;
    b.la.text = Format(*own_value, decimals);
  } else {
    b.la = Published(figures, *la, used, measure, la->name);
  }

  if (b.la.value && !all.empty() && polarity != Polarity::kNeither) {
    const double v = *b.la.value;
    // Quarters by value, lowest first; closed above, as LAIT's bands are.
    int low_to_high = 4;
    if (v <= b.quartile_bounds[1]) {
      low_to_high = 1;
    } else if (v <= b.quartile_bounds[2]) {
      low_to_high = 2;
    } else if (v <= b.quartile_bounds[3]) {
      low_to_high = 3;
    }
    b.quartile = polarity == Polarity::kLowerBetter ? low_to_high : 5 - low_to_high;
    b.quartile_band = std::string(1, static_cast<char>('A' + b.quartile - 1));
  }
  return b;
}

}  // namespace sg
