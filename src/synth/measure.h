#pragma once
// Headline figures computed from the records of a local authority, defined as DfE publishes
// them, for checking a synthetic LA against the council it imitates. (The indicator engine of
// the performance issue supersedes this for the product; this is the generator's yardstick.)

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/record.h"
#include "model/record_set.h"
#include "storage/loaded_records.h"

namespace sg {

enum class FigureKind { kCount, kProportion };

struct Figure {
  std::string measure;  // the reference measure it compares with, e.g. "rereferral_pct"
  std::string title;
  FigureKind kind = FigureKind::kCount;
  double numerator = 0;    // the count, or the proportion's numerator
  double denominator = 0;  // the proportion's denominator (cases)
  double Value() const {   // counts as counts; proportions as percentages
    return kind == FigureKind::kCount ? numerator
                                      : (denominator > 0 ? 100.0 * numerator / denominator : 0);
  }
};

// The figures for the reporting year ending 31 March `year` (workforce: at 30 September
// `year` - 1).
std::vector<Figure> MeasureYear(const RecordSet& records, int year);

}  // namespace sg
