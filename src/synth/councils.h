#pragma once
// Generating one council or many (England, a region) and writing their returns: the engine of
// `safeguard generate`. Councils are generated one at a time per worker thread, each into its
// own memory that is released before the next, so that memory stays bounded by the largest
// councils, not by the country.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storage/store.h"
#include "synth/generator.h"
#include "synth/returns_output.h"

namespace sg {

struct CouncilsOptions {
  GenerateOptions options;  // options.like names a council, a region or England
  std::string out;          // write each council's returns here ("" = no files)
  double inject_rate = 0;   // faults planted in the files
  int jobs = 1;             // councils generated at once (only without a store)
  // Called as each record reaches the store, with the running total (from one thread).
  std::function<void(std::int64_t)> progress;
  // Called when a council is done (from the worker thread that did it; calls are serialised).
  std::function<void(const Area&, std::int64_t records)> council_done;
};

struct CouncilRun {
  GenerationSummary summary;
  ReturnsWritten returns;
  std::int64_t records = 0;
};

// Generates the councils `options.like` stands for (see CouncilsFor), in LA-code order, into
// `tx` when given (one council after another, in the caller's transaction) and as files under
// `out` (under out/<LA code>/ when there are several councils). Each council of several gets
// its own seed (CouncilSeed) and distinct ids. Deterministic whatever the number of jobs.
Result<std::vector<CouncilRun>> GenerateCouncils(const CouncilsOptions& options,
                                                 const ReferenceFigures& figures, Store* tx);

}  // namespace sg
