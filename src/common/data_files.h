#pragma once
// Data files the product ships that are too large to compile in (data/reference/...). They are
// looked for in, in order: $SAFEGUARD_DATA_DIR; <directory of the executable>/../share/safeguard
// (an installed package); the source tree's data/ directory recorded at build time.

#include <string>

#include "common/status.h"

namespace sg {

// The whole file `relative` (e.g. "reference/la_figures.csv"), or an error naming every place
// looked in.
Result<std::string> ReadDataFile(const std::string& relative);

}  // namespace sg
