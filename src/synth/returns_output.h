#pragma once
// The statutory returns of a generated council, written straight to files: for every
// reporting year, the CIN census XML and the SSDA903 tables as CSV files and as XML, with
// data-quality faults planted on request and listed in a manifest (faults.csv).

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/record_set.h"
#include "synth/generator.h"
#include "synth/inject.h"

namespace sg {

struct ReturnsOptions {
  std::string dir;          // the folder to write into (created if missing)
  double inject_rate = 0;   // the chance that a child gets a fault; 0 = none
  std::uint64_t seed = 42;  // seeds the faults, so that they are reproducible
};

struct ReturnsWritten {
  std::vector<std::string> files;  // relative to dir, in the order written
  std::vector<Fault> faults;
  std::int64_t cin_children = 0;  // in the last year's census
  std::int64_t cla_children = 0;  // in the last year's 903 header
};

// The entities the returns are built from (a MemorySink keeping only these is enough).
std::set<std::string, std::less<>> ReturnEntities();

Result<ReturnsWritten> WriteReturns(const RecordSet& records, const GenerationSummary& summary,
                                    const ReturnsOptions& options);

}  // namespace sg
