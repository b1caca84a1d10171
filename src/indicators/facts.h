#pragma once
// Facts: the parts of a local authority's record that the indicators read, flattened into one
// array per kind of event, with dates as day numbers and references as array indexes. Three
// routes fill them, and every indicator is computed from Facts alone, so the routes give the
// same figures for the same children:
// - FromRecords: any RecordSet (an in-memory record, a generated LA);
// - LoadFacts: straight from a store's tables with one streaming query per table (the fast
//   route the CLI, the server and the benchmark use);
// - FromReturns: imported CIN censuses and SSDA903 returns, for councils on another case
//   system. Returns carry less (no contacts, visits, workforce or allocations), so `has`
//   says which kinds of fact are present and an indicator whose inputs are absent is reported
//   as "not available from returns" rather than as zero.
//
// Thread-safety: immutable after construction; indicators read Facts from several threads.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/record_set.h"
#include "returns/cin_census.h"
#include "returns/ssda903.h"

namespace sg::ind {

using Day = std::int32_t;  // days since 1970-01-01 (Date::days())
inline constexpr Day kNoDay = std::numeric_limits<Day>::min();  // unknown
inline constexpr Day kOpen = std::numeric_limits<Day>::max();   // not ended (yet)
using Ix = std::int32_t;                                        // index into a Facts array
inline constexpr Ix kNone = -1;

inline Day DayOf(Date d) { return d.days(); }
inline Date DateFromDay(Day d) { return Date::FromDays(d); }

struct FChild {
  std::string la_child_id;
  Day dob = kNoDay;       // kNoDay: unborn or not known
  std::string sex;        // M, F, U
  std::string ethnicity;  // DfE code
  bool disabled = false;  // any disability other than NONE
  bool uasc = false;
};
struct FTeam {
  std::string name;
  double established_fte = 0;
};
struct FWorker {
  std::string staff_id;  // the LA's staff identifier (the label of a worker breakdown)
  Ix team = kNone;
  std::string role;
  double fte = 0;
  bool agency = false;
  bool case_holder = false;
  Day start = kNoDay;
  Day end = kOpen;
};
struct FContact {
  Ix child = kNone;
  std::int64_t received = 0;  // unix seconds
  std::int64_t decided = 0;   // unix seconds; 0 = not decided
  Day received_day = kNoDay;  // the UK dates of both (set by Index())
  Day decided_day = kOpen;
  Ix alloc = kNone;  // the allocation open on the day received (set by Index())
  std::string source;
  std::string decision;
};
struct FReferral {
  Ix child = kNone;
  Day date = kNoDay;
  Ix alloc = kNone;  // the allocation open on the referral date (set by Index())
  std::string source;
  bool nfa = false;
  Day closure = kOpen;
  std::string closure_reason;
};
struct FAssessment {
  Ix child = kNone;
  Ix referral = kNone;
  Day start = kNoDay;
  Day authorised = kOpen;  // completion
  Day seen = kNoDay;       // first date the child was seen (record only)
  bool seen_alone = false;
  Ix worker = kNone;
};
struct FS47 {
  Ix child = kNone;
  Ix referral = kNone;
  Day start = kNoDay;
  Day strategy = kNoDay;  // the strategy discussion (record only)
  bool icpc_not_required = false;
  Day icpc = kNoDay;  // the initial conference that followed
};
struct FPlan {  // CIN and CP plans
  Ix child = kNone;
  Ix referral = kNone;
  Day start = kNoDay;
  Day end = kOpen;
  std::string category;     // CP: initial category of abuse
  int previous_plans = -1;  // CP: NumberOfPreviousCPP, -1 when not recorded
};
struct FPlanReview {
  Ix child = kNone;
  Ix plan = kNone;  // index into cp_plans
  Day date = kNoDay;
};
// Visits: only child protection visits at which the child was seen are loaded (the one kind an
// indicator reads; 1 visit in 5 in a generated county). Widen the loader's filter, on both
// routes, when an indicator needs more.
struct FVisit {
  Ix child = kNone;
  std::string type;  // CP, CIN, CLA, CARE_LEAVER, EARLY_HELP
  Day date = kNoDay;
  bool seen = false;
  bool seen_alone = false;
  Ix worker = kNone;
};
struct FEpisode {       // a looked-after episode (903 Episodes row)
  std::int64_t id = 0;  // store id (0 from returns): breaks ties in sorting
  Ix child = kNone;
  Day start = kNoDay;
  Day end = kOpen;
  std::string rne, ls, cin, place, provider, rec;
  std::string home_postcode, placement_postcode;
};
struct FClaReview {
  Ix child = kNone;
  Day date = kNoDay;
  std::string participation;  // PN0..PN7
};
struct FMissing {
  Ix child = kNone;
  std::string type;  // M or A
  Day start = kNoDay;
};
struct FHealth {  // OC2, for the year ending 31 March
  Ix child = kNone;
  Day year_ending = kNoDay;
  bool health_check = false;       // HEALTH_CHECK: the under-5s development check
  bool health_assessment = false;  // HEALTH_ASSESSMENT: the annual health assessment
  bool teeth_check = false, immunisations = false;
  bool substance_misuse = false, convicted = false;
  int sdq = -1;
};
struct FCareLeaver {  // OC3
  Ix child = kNone;
  Day date = kNoDay;     // the birthday the contact is about (see DateCareLeaversByBirthday)
  Day contact = kNoDay;  // the contact's own date (returns: the birthday); the latest counts
  std::string in_touch, activity, accommodation;
};
struct FAdoption {
  Ix child = kNone;
  Day best_interest = kNoDay, placement_order = kNoDay, match = kNoDay;
};
struct FAllocation {
  std::int64_t id = 0;  // store id: breaks ties in sorting
  Ix child = kNone;
  Ix worker = kNone;
  Ix team = kNone;
  Day start = kNoDay;
  Day end = kOpen;
};
struct FSupervision {
  Ix worker = kNone;
  Day date = kNoDay;
};
struct FAudit {  // a case file audit
  Ix child = kNone;
  Ix worker = kNone;  // the case holder audited
  Day date = kNoDay;
  std::string grade;  // OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE
};
struct FSickness {
  Ix worker = kNone;
  Day start = kNoDay;
  Day end = kOpen;
  double days_lost = 0;
};

// The kinds of fact a route can supply.
enum Has : unsigned {
  kHasCin = 1u << 0,        // referrals, assessments, S47s, plans (record or CIN census)
  kHasCla = 1u << 1,        // looked-after episodes, reviews, missing, health, care leavers
  kHasFrontDoor = 1u << 2,  // contacts and decisions
  kHasCasework = 1u << 3,   // visits, child seen dates, strategy discussions, plan reviews
  kHasWorkforce = 1u << 4,  // teams, workers, allocations, supervision, sickness
  kHasPriorCin = 1u << 5,   // referrals before the period (re-referrals need 12 months back)
  kHasQuality = 1u << 6,    // case file audits
};

struct Facts {
  unsigned has = 0;
  std::vector<FChild> children;
  std::vector<FTeam> teams;
  std::vector<FWorker> workers;
  std::vector<FContact> contacts;
  std::vector<FReferral> referrals;
  std::vector<FAssessment> assessments;
  std::vector<FS47> s47s;
  std::vector<FPlan> cin_plans;
  std::vector<FPlan> cp_plans;
  std::vector<FPlanReview> cp_reviews;
  std::vector<FVisit> visits;
  std::vector<FEpisode> episodes;  // sorted by child, then start
  std::vector<FClaReview> cla_reviews;
  std::vector<FMissing> missing;
  std::vector<FHealth> health;
  std::vector<FCareLeaver> care_leavers;
  std::vector<FAdoption> adoptions;
  std::vector<FAllocation> allocations;  // sorted by child, then start
  std::vector<FSupervision> supervisions;
  std::vector<FSickness> sickness;
  std::vector<FAudit> audits;

  // Per child: the range of its episodes / allocations / referrals (by date) in the arrays
  // above; built by Index().
  std::vector<std::int32_t> episode_begin;     // size children + 1
  std::vector<std::int32_t> allocation_begin;  // size children + 1
  std::vector<Ix> referrals_by_child;          // referral indexes, by child then date
  std::vector<std::int32_t> referral_begin;    // size children + 1

  // Sorts episodes and allocations and builds the per-child ranges. Every route calls it.
  void Index();

  // The allocation open on `day` for `child` (the latest started, if several), or kNone.
  Ix AllocationOn(Ix child, Day day) const;
  // The same, and the days [*valid_from, *valid_to] around `day` for which the answer holds.
  Ix AllocationOn(Ix child, Day day, Day* valid_from, Day* valid_to) const;
};

Result<Facts> FromRecords(const RecordSet& records);

// Reads a store's tables directly (SQLite file or postgresql:// URL), on up to `threads`
// connections at once. With `window_from`, rows that no period starting on or after that day
// can use are left in the store (events long over before it: closed referrals more than 12
// months earlier, decided contacts, completed assessments, ended allocations, old visits); the
// indicators for such periods are the same as from the whole record.
Result<Facts> LoadFacts(const std::string& location, int threads = 2, Day window_from = kNoDay);

// From imported returns: any number of CIN censuses and SSDA903 returns of different years
// (at least one). The same child in several returns (LAchildID / CHILD) is one child; an
// episode of need (child, referral date) or of care (child, DECOM) in several years' returns is
// taken from the latest return, which knows how it ended.
Result<Facts> FromReturns(const std::vector<const cin::Census*>& censuses,
                          const std::vector<const ssda903::Return*>& returns);

}  // namespace sg::ind

namespace sg::ind {

// The LA a store's children belong to: the three-digit code most UPNs carry (characters 2-4;
// a vote among the first 5,000 children with one), or empty when no child has a UPN.
Result<std::string> InferLaCode(const std::string& location);

// Reads returns from files: CIN census XML files and SSDA903 returns (a folder of CSV tables or
// an XML file), told apart by their content, and joins them (FromReturns).
Result<Facts> FactsFromReturnFiles(const std::vector<std::string>& paths);

// The latest dated event in the facts (referral, contact, episode, ...), or kNoDay.
Day LatestEvent(const Facts& facts);

}  // namespace sg::ind
