#pragma once
// Choosing the cases to audit, by rule and reproducibly: the same month, rule and seed always
// choose the same cases, so that an audit programme can be checked afterwards.
//
// Two rules:
//   random       N cases per team from the cases open in the month (a referral open on any day
//                of it), the team being that of the child's allocation at the month's end (or
//                its last allocation in the month)
//   peer-review  N cases of each of the four kinds a peer review samples (Windsor and
//                Maidenhead's):
//                  domestic_abuse   an open case whose assessment found domestic abuse (CIN
//                                   factors 3A, 3B or 3C)
//                  below_threshold  a Section 47 enquiry started in the 6 months to the month's
//                                   end, the child not on a plan, that did not lead to one
//                  harmed_on_plan   a Section 47 enquiry started in the 12 months to the month's
//                                   end while the child was on a child protection plan
//                  second_plan      a child protection plan open in the month that is the
//                                   child's second or later (previous_plans, or an earlier plan
//                                   in the record)
//
// The draw: the candidates in child id order, shuffled by Fisher-Yates with a 64-bit
// SplitMix generator seeded from the seed, the month and the team or kind; written out here so
// that no standard library's choice of algorithm changes the sample.

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "storage/store.h"

namespace sg::quality {

enum class SampleRule { kRandom, kPeerReview };

struct SampleOptions {
  Date month;  // any day of the month sampled
  SampleRule rule = SampleRule::kRandom;
  int per_group = 2;  // cases per team (random) or per kind (peer review)
  std::uint64_t seed = 1;
};

struct SampledCase {
  Id child_id = 0;
  std::string la_child_id;
  std::string group;  // the team's name (random) or the kind (peer review)
  Id worker_id = 0;   // allocated at the month's end (0: none)
  std::string worker_name;
  std::string why;  // in plain English
};

// The sample: groups in order (teams by name, kinds as listed above), children by id within.
Result<std::vector<SampledCase>> SampleForAudit(Store& store, const SampleOptions& options);

}  // namespace sg::quality
