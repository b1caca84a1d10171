#pragma once
// A scorecard as people read it: values in their units, targets and RAG, and benchmarks
// against England, the region and statistical neighbours, as a table, CSV or JSON.
//
// Targets and RAG are per LA, in a CSV file (`indicator,target,amber`): an indicator is
// green when its value meets the target (at or above it when higher is better, at or below
// when lower is better), amber when it misses by no more than `amber` (in the indicator's
// unit), red otherwise. Indicators with no preferred direction have no RAG.
//
// Benchmarks are for the last period only (the published figures are annual): the year of the
// reporting year (ending 31 March) that contains the period's last day, or the latest earlier
// year published; each figure carries its year.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "indicators/benchmark.h"
#include "indicators/engine.h"
#include "indicators/reference.h"

namespace sg::ind {

struct Target {
  double value = 0;
  double amber = 0;
};
using Targets = std::map<std::string, Target, std::less<>>;

// Parses `indicator,target,amber` lines with that header; errors name the file, line and field.
Result<Targets> ParseTargets(std::string_view csv, const std::string& file);

enum class Rag { kNone, kGreen, kAmber, kRed };
std::string_view RagName(Rag r);  // "", "green", "amber", "red"
Rag RagOf(const IndicatorDef& def, std::optional<double> value, const Target* target);

// The published figures the scorecard uses (every indicator's benchmark measure and the
// population), loaded once: a fraction of the whole table.
Result<const ReferenceFigures*> BenchmarkFigures();

struct ReportContext {
  std::string la_code;  // old three-digit code, for populations and benchmarks
  std::string la_name;
  const ReferenceFigures* figures = nullptr;
  const StatNeighbours* neighbours = nullptr;  // benchmarks need both
  Targets targets;
  // JSON only: breakdown cells with a numerator or denominator from 1 to suppress_below - 1
  // are written as null (for readers who may see aggregates only); 0 writes every cell.
  int suppress_below = 0;
};

// Fills the context's published figures, statistical neighbours and (from la_code, when set)
// the LA's name. Errors: the shipped figures cannot be read, or la_code is not an LA; the
// figures and neighbours already set stay set.
Status AddBenchmarks(ReportContext& ctx);

// Children aged 0-17 in the LA for each period (ONS mid-year estimate of the year before the
// reporting year containing the period's last day, or the latest earlier one).
std::vector<std::optional<double>> Populations(const ReportContext& ctx,
                                               const std::vector<Period>& periods);

// One indicator's figures ready to print.
struct Row {
  const Series* series = nullptr;
  std::vector<std::optional<double>> values;  // per period, total
  std::optional<Benchmarks> benchmarks;       // last period
  const Target* target = nullptr;
  Rag rag = Rag::kNone;  // of the last period's value
};
std::vector<Row> Rows(const Scorecard& card, const ReportContext& ctx);

void WriteTable(const Scorecard& card, const ReportContext& ctx, std::ostream& out);
void WriteCsv(const Scorecard& card, const ReportContext& ctx, std::ostream& out);
std::string ToJson(const Scorecard& card, const ReportContext& ctx);

// Formats a value in the indicator's unit ("86.4%", "1,234", "12.3 days"); "-" when none.
std::string FormatValue(const IndicatorDef& def, std::optional<double> v);

}  // namespace sg::ind
