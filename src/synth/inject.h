#pragma once
// Realistic data-quality faults planted in generated returns, each written down in a manifest
// with the DfE rule that should catch it, so that validators can be tested for recall.
//
// Faults are planted child by child: with probability `rate` a child gets one fault, chosen
// among those its data allows (a plan that ends before it starts needs a plan). The kinds are
// the faults councils' data teams meet: missing dates, wrong codes, overlapping episodes,
// plans and episodes ending before they start, UPN check-letter errors.

#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "returns/cin_census.h"
#include "returns/ssda903.h"

namespace sg {

struct Fault {
  std::string file;      // the file it was planted in, relative to the output folder
  std::string child;     // LAchildID / CHILD
  std::string location;  // element path ("CINdetails[2]/CINPlanDates[1]") or "table row N"
  std::string field;     // the element or column changed
  std::string kind;      // e.g. "plan_ends_before_start"
  std::string original;  // the value before ("" = absent)
  std::string injected;  // the value after ("" = removed)
  std::string rules;     // DfE rule codes expected to report it, separated by '|'
};

class FaultInjector {
 public:
  FaultInjector(double rate, std::uint64_t seed) : rate_(rate), rng_(seed) {}

  void Inject(cin::Census& census, const std::string& file, std::vector<Fault>& faults);
  void Inject(ssda903::Return& ret, const std::string& folder, std::vector<Fault>& faults);

 private:
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  double rate_;
  std::mt19937_64 rng_;
};

// The manifest as CSV, one fault per line, with a header line.
void WriteFaultManifest(const std::vector<Fault>& faults, std::ostream& out);

}  // namespace sg
