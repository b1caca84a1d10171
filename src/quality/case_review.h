#pragma once
// Bulk case review: every open case, and every case closed in the last N months, rated for
// drift and risk from the record, as a list for managers with the most worrying first.
//
// A case is a referral (a CIN episode). The rules (docs/quality.md gives the reasoning):
//   not_seen                 an open case's statutory visit is overdue: the child has not been
//                            seen within timescale (the due rules of casework/worklists.h)
//   assessment_overdue       an assessment not completed within 45 working days of its start
//   review_overdue           a CP conference, CIN plan or looked-after review overdue
//   unallocated              an open case with no worker allocated
//   long_cin_no_plan         a case open for over 2 years with no CIN or CP plan and not
//                            looked after
//   recontact_after_closure  a case closed in the window followed by `recontacts` or more
//                            contacts about the child
//   closed_without_reason    a case closed in the window with no closure reason, or closed for
//                            "any other reason" (RC7) without the child being seen in the 3
//                            months before
//   mass_closure             a long-open case (90 days or more) closed in a week when the LA
//                            closed at least `spike_factor` times its usual weekly number of
//                            long-open cases (the median of the 52 weeks before) and at least
//                            `spike_minimum`: the pattern of Worcestershire's 2016 review,
//                            which closed 65% of its CIN cases
//
// Priority: the sum of the weights of the case's flags, plus 2 on a CP plan or looked after,
// plus 1 for a child under 5, plus 1 for every full 30 days the most overdue item is late (at
// most 3).
//
// Thread-safety: free functions over a thread-safe Store or over values.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "casework/worklists.h"
#include "common/date.h"
#include "storage/store.h"

namespace sg::quality {

enum class DriftRule {
  kNotSeen,
  kAssessmentOverdue,
  kReviewOverdue,
  kUnallocated,
  kLongCinNoPlan,
  kRecontactAfterClosure,
  kClosedWithoutReason,
  kMassClosure,
};

struct DriftRuleInfo {
  DriftRule rule;
  const char* id;           // stable, for the API and CSV: "not_seen"
  const char* name;         // "Child not seen within timescale"
  const char* description;  // one plain-English sentence
  int weight;               // its part in the priority
};

// Every rule, in the order above.
const std::vector<DriftRuleInfo>& DriftRules();
const DriftRuleInfo& InfoFor(DriftRule rule);

struct ReviewOptions {
  Date today;
  int closed_months = 6;      // closed cases looked back over
  int recontacts = 2;         // contacts after a closure that make it a concern
  double spike_factor = 3.0;  // mass closure: times the usual weekly number
  int spike_minimum = 10;     // mass closure: and at least this many in the week
  int long_open_days = 90;    // mass closure: cases open this long count
};

struct DriftFlag {
  DriftRule rule;
  std::string detail;       // what was found, in plain English with dates
  std::optional<Date> due;  // for an overdue item: when it was due
};

struct ReviewedCase {
  Id child_id = 0;
  std::string la_child_id;
  std::string name;
  std::optional<Date> date_of_birth;
  Id referral_id = 0;
  Date referral_date;
  std::optional<Date> closure_date;
  std::string closure_reason;
  std::string status;  // the child's status today ("Closed" for a closed case)
  Id worker_id = 0;    // allocated today, else at closure (0: none)
  std::string worker_name;
  Id team_id = 0;
  std::string team_name;
  std::optional<Date> last_seen;
  std::vector<DriftFlag> flags;
  int priority = 0;
  // The latest decision recorded on the case since its referral (a review_outcome record).
  std::optional<Date> outcome_date;
  std::string outcome;  // CONFIRMED, REOPENED, ESCALATED, NO_CONCERN; "" = not reviewed
};

// A week in which the LA closed unusually many long-open cases.
struct ClosureSpike {
  Date week;  // its Monday
  int closed = 0;
  double usual = 0;  // median of the 52 weeks before
};

struct ReviewResult {
  ReviewOptions options;
  int open_cases = 0;
  int closed_cases = 0;
  std::vector<ReviewedCase> flagged;  // highest priority first, then child id
  std::map<DriftRule, int> by_rule;   // flagged cases per rule
  std::vector<ClosureSpike> spikes;   // within the window
};

// One child's records as the review needs them.
struct ChildCase {
  Record child;
  work::CaseRecords records;
  std::vector<Record> contacts;
  std::vector<Record> allocations;
  std::vector<Record> outcomes;  // review_outcome records
};

struct ReviewInput {
  std::vector<ChildCase> children;  // the children with an open or recently closed case
  std::vector<Record> referrals;    // every referral of the LA (for the weekly closures)
  std::map<Id, std::string> worker_names;
  std::map<Id, std::string> team_names;
};

// The review over records already in memory.
ReviewResult ReviewCases(const ReviewInput& input, const ReviewOptions& options);

// Reads what the review needs from the store (every referral, then only the records of the
// children in the window, on two connections at once when the store has them) and reviews it.
Result<ReviewResult> ReviewCases(Store& store, const ReviewOptions& options);

}  // namespace sg::quality
