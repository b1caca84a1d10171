// Ofsted Annex A lists 1-11 from the case record, and their workbook and CSV forms.
// Who is in each list and how each column is derived is documented in docs/annex-a.md; the
// comment on each Build function below states its window and its blank columns.

#include "indicators/annex_a.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "common/csv.h"
#include "model/code_list.h"

namespace sg::annex_a {
namespace {

using Cells = std::vector<std::string>;
using OptDate = std::optional<Date>;
using std::string_view;

// ---- The schema's columns: Annex_A_schema.yml, column_map.list_N, keys in order.

constexpr string_view kList1[] = {
    "Child Unique ID",      "Gender",          "Ethnicity",      "Date of Birth",
    "Age of Child (Years)", "Date of Contact", "Contact Source",
};
constexpr string_view kList2[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Assessment start date",
    "Assessment completion date",
    "Organisation completing assessment",
};
constexpr string_view kList3[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Date of referral",
    "Referral Source",
    "Referral NFA?",
    "Number of Referrals in Last 12 Months",
    "Allocated Team",
    "Allocated Worker",
};
constexpr string_view kList4[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
    "Continuous Assessment Start Date",
    "Child Seen During Continuous Assessment",
    "Continuous Assessment Date of Authorisation",
    "Was the child assessed as requiring LA children's social care support?",
    "Allocated Team",
    "Allocated Worker",
};
constexpr string_view kList5[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Was an Initial Child Protection Conference deemed unnecessary?",
    "Date of Initial Child Protection Conference",
    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    "Number of Section 47 Enquiries in the last 12 months",
    "Number of ICPCs in the last 12 months",
    "Allocated Team",
    "Allocated Worker",
};
constexpr string_view kList6[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
    "CIN Start Date",
    "Primary Need Code",
    "Date Child Was Last Seen",
    "CIN Closure Date",
    "Reason for Closure",
    "Case Status",
    "Allocated Team",
    "Allocated Worker",
};
constexpr string_view kList7[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
    "Child Protection Plan Start Date",
    "Initial Category of Abuse",
    "Latest Category of Abuse",
    "Date of the Last Statutory Visit",
    "Was the Child Seen Alone?",
    "Date of latest review conference",
    "Child Protection Plan End Date",
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one long column name
    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months "
    "(Y/N)",
    "Number of Previous Child Protection Plans",
    "Allocated Team",
    "Allocated Worker",
};
constexpr string_view kList8[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    "Does the Child have a Disability",
    "Date Started to be Looked After",
    "Child's Category of Need",
    // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one long column name
    "Is this a second or subsequent period of being a Looked After Child within the last 12 "
    "months (Y/N)",
    "Start date of current legal status",
    "Child's Legal Status",
    "Date of Latest Statutory Review",
    "Date of Last Social Work Visit",
    "What is the permanence plan for this child?",
    "Date of Last IRO Visit / Contact to the Child",
    "Date of Last Health Assessment",
    "Date of Last Dental Check",
    "Number of Placements in the Last 12 months",
    "Date Ceased to be Looked After",
    "Reason Ceased to be Looked After",
    "Start Date of Most Recent Placement",
    "Placement Type",
    "Placement Provider",
    "Placement postcode",
    "URN of Placement",
    "Placement Location",
    "LA of Placement",
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    "Allocated Team",
    "Allocated Worker",
};
constexpr string_view kList9[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
    "Does the Child have a Disability",
    "Allocated Team",
    "Allocated Worker",
    "Allocated Personal Advisor",
    "Eligibility Category",
    "Latest Pathway Plan Review Date",
    "LA in Touch",
    "Latest Date of Contact",
    "Type of Accommodation",
    "Suitability of Accommodation",
    "Activity Status",
};
constexpr string_view kList10[] = {
    "Child Unique ID",
    "Family identifier",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
    "Date the Child Entered Care",
    "Date of Decision that Child Should be Placed for Adoption",
    "Date of Placement Order",
    "Date of Matching Child and Prospective Adopters",
    "Date Placed for Adoption",
    "Date of Adoption Order",
    "Date of Decision that Child Should No Longer be Placed for Adoption",
    "Reason Why Child No Longer Placed for Adoption",
    "Date the child was placed for fostering in FFA or concurrent planning placement",
};
constexpr string_view kList11[] = {
    "Individual adopter identifier",
    "Family identifier",
    "Gender",
    "Ethnicity",
    "Disability",
    "Is the (prospective) adopter fostering for adoption?",
    "Date enquiry received",
    "Date Stage 1 started",
    "Date Stage 1 ended",
    "Date Stage 2 started",
    "Date Stage 2 ended",
    "Date application submitted",
    "Date application approved",
    "Date adopter matched with child(ren)",
    "Date child/children placed with adopter(s)",
    "No. of children placed",
    "Date of Adoption Order",
    "Date of leaving adoption process",
    "Reason for leaving adoption process",
};

struct ListSpec {
  int number;
  string_view file_stem;  // for the CSV file name
  string_view title;
  std::span<const string_view> columns;
};

constexpr ListSpec kSpecs[] = {
    {1, "contacts", "Contacts", kList1},
    {2, "early_help", "Early help", kList2},
    {3, "referrals", "Referrals", kList3},
    {4, "assessments", "Assessments", kList4},
    {5, "s47_enquiries", "Section 47 enquiries and initial child protection conferences", kList5},
    {6, "children_in_need", "Children in need", kList6},
    {7, "child_protection", "Children subject to a child protection plan", kList7},
    {8, "children_looked_after", "Children looked after", kList8},
    {9, "care_leavers", "Care leavers", kList9},
    {10, "adoption", "Children with an adoption decision or adopted", kList10},
    {11, "adopters", "Adopters", kList11},
};

// ---- Code maps: the record's codes (DfE's) to the schema's category codes.

struct CodeMap {
  string_view from;
  string_view to;
};

std::string Map(std::span<const CodeMap> map, string_view code) {
  for (const CodeMap& m : map) {
    if (m.from == code) return std::string(m.to);
  }
  return {};
}

constexpr CodeMap kGender[] = {
    {"M", "a) Male"}, {"F", "b) Female"}, {"U", "c) Not stated/recorded"}};

// The schema accepts DfE's codes lettered in DfE's order ("a) WBRI" .. "t) NOBT") under its
// broad groups; the lettered code keeps the detail the group would lose.
constexpr CodeMap kEthnicity[] = {
    {"WBRI", "a) WBRI"}, {"WIRI", "b) WIRI"}, {"WIRT", "c) WIRT"}, {"WOTH", "d) WOTH"},
    {"WROM", "e) WROM"}, {"MWBC", "f) MWBC"}, {"MWBA", "g) MWBA"}, {"MWAS", "h) MWAS"},
    {"MOTH", "i) MOTH"}, {"AIND", "j) AIND"}, {"APKN", "k) APKN"}, {"ABAN", "l) ABAN"},
    {"AOTH", "m) AOTH"}, {"BCRB", "n) BCRB"}, {"BAFR", "o) BAFR"}, {"BOTH", "p) BOTH"},
    {"CHNE", "q) CHNE"}, {"OOTH", "r) OOTH"}, {"REFU", "s) REFU"}, {"NOBT", "t) NOBT"},
};

constexpr CodeMap kSource[] = {
    {"1A", "a) Individual"},
    {"1B", "a) Individual"},
    {"1C", "a) Individual"},
    {"1D", "a) Individual"},
    {"2A", "b) Schools"},
    {"2B", "c) Education Services"},
    {"3A", "d) Health Services"},
    {"3B", "d) Health Services"},
    {"3C", "d) Health Services"},
    {"3D", "d) Health Services"},
    {"3E", "d) Health Services"},
    {"3F", "d) Health Services"},
    {"4", "e) Housing"},
    {"5A", "f) LA Services"},
    {"5B", "f) LA Services"},
    {"5C", "f) LA Services"},
    {"5D", "f) LA Services"},
    {"6", "g) Police"},
    {"7", "h) Other legal agency"},
    {"8", "i) Other"},
    {"9", "j) Anonymous"},
    {"10", "k) Unknown"},
};

// CIN primary need (N0-N9) and the 903's category of need (N1-N8) share their codes.
constexpr CodeMap kNeed[] = {
    {"N1", "a) Abuse or neglect"},
    {"N2", "b) Child's disability"},
    {"N3", "c) Parents illness or disability"},
    {"N4", "d) Family in acute stress"},
    {"N5", "e) Family dysfunction"},
    {"N6", "f) Socially unacceptable behaviour"},
    {"N7", "g) Low income"},
    {"N8", "h) Absent parenting"},
    {"N9", "i) Not CIN"},
    {"N0", "j) Not stated"},
};

constexpr CodeMap kClosureReason[] = {
    {"RC1", "a) Adopted"},
    {"RC2", "b) Died"},
    {"RC3", "c) Residence Order"},
    {"RC4", "d) Special Guardianship Order"},
    {"RC5", "e) Transfer to another LA"},
    {"RC6", "f) Transfer to Adult Social Services"},
    {"RC7", "g) 'Other' incl. Child no longer in need"},
    {"RC8", "h) Child not in need after assessment"},
    {"RC9", "h) Child not in need after assessment"},
};

constexpr CodeMap kAbuse[] = {
    {"NEG", "a) Neglect"},         {"PHY", "b) Physical Abuse"}, {"SAB", "c) Sexual Abuse"},
    {"EMO", "d) Emotional Abuse"}, {"MUL", "e) Multiple"},
};

// V3 and V4 (short breaks) have no code: those episodes are not in list 8.
constexpr CodeMap kLegalStatus[] = {
    {"C1", "a) Interim care orders"},
    {"C2", "b) Full care orders"},
    {"D1", "c) Freed for  Adoption"},  // sic: the schema's code has two spaces
    {"E1", "d) Placement order granted"},
    {"V2", "e) Accommodated under S20"},
    {"L1", "f) Detained on child protection grounds in LA accommodation"},
    {"L2", "f) Detained on child protection grounds in LA accommodation"},
    {"L3", "f) Detained on child protection grounds in LA accommodation"},
    {"J1", "g) Youth justice legal Statuses"},
    {"J2", "g) Youth justice legal Statuses"},
    {"J3", "g) Youth justice legal Statuses"},
};

constexpr CodeMap kReasonCeased[] = {
    {"E11", "a) Adopted"},
    {"E12", "a) Adopted"},
    {"E2", "b) Died"},
    {"E3", "c) Care taken by another LA"},
    {"E4A", "d) Returned home to live with parents or relatives"},
    {"E4B", "d) Returned home to live with parents or relatives"},
    {"E13",
     "e) Left care to live with parents, relatives or other person with no parental "
     "responsibility"},
    {"E17",
     "e) Left care to live with parents, relatives or other person with no parental "
     "responsibility"},
    {"E41", "f) Residence order granted"},
    {"E45", "g) Special Guardianship Orders"},
    {"E46", "g) Special Guardianship Orders"},
    {"E47", "g) Special Guardianship Orders"},
    {"E48", "g) Special Guardianship Orders"},
    {"E5", "h) Moved into independent living"},
    {"E6", "h) Moved into independent living"},
    {"E7", "i) Transferred to residential care funded by adult social services"},
    {"E9", "j) Sentenced to custody"},
    {"E14", "k) Accommodation on remand ended"},
    {"E15", "l) Age assessment determined child was 18 or over"},
    {"E16", "m) Child moved abroad"},
    {"E8", "n) Care ceased for any other reason"},
};

constexpr CodeMap kPlacementType[] = {
    {"U1", "a) Foster Placement"},
    {"U2", "a) Foster Placement"},
    {"U3", "a) Foster Placement"},
    {"U4", "a) Foster Placement"},
    {"U5", "a) Foster Placement"},
    {"U6", "a) Foster Placement"},
    {"A3", "b) Placed for adoption"},
    {"A4", "b) Placed for adoption"},
    {"A5", "b) Placed for adoption"},
    {"A6", "b) Placed for adoption"},
    {"P1", "c) Placed with parents"},
    {"P2", "d) Independent living"},
    {"P3", "e) Residential employment"},
    {"H5", "f) Residential accommodation"},
    {"K3", "f) Residential accommodation"},  // supported accommodation: H5's successor
    {"K1", "g) Secure Children’s Homes"},
    {"K2", "h) Children’s Homes"},
    {"R1", "i) Residential Care Home"},
    {"R2", "j) NHS/Health Trust"},
    {"R3", "k) Family Centre or Mother and Baby Unit"},
    {"R5", "l) Young Offender Institution"},
    {"S1", "m) Residential school"},
    {"Z1", "n) Other placements"},
    {"Z11", "n) Other placements"},
    {"Z12", "n) Other placements"},
    {"Z13", "n) Other placements"},
    {"Z14", "n) Other placements"},
    {"T0", "o) Temporary placement"},
    {"T1", "o) Temporary placement"},
    {"T2", "o) Temporary placement"},
    {"T3", "o) Temporary placement"},
    {"T4", "o) Temporary placement"},
};

constexpr CodeMap kProvider[] = {
    {"PR1", "a) Own LA"}, {"PR4", "b) Private"}, {"PR0", "c) Other"},
    {"PR2", "c) Other"},  {"PR3", "c) Other"},   {"PR5", "c) Other"},
};

constexpr CodeMap kInTouch[] = {
    {"YES", "a) In touch"},      {"NO", "b) Not in touch"}, {"REFU", "b) Not in touch"},
    {"NREQ", "b) Not in touch"}, {"DIED", "d) Exclude"},    {"RHOM", "d) Exclude"},
};

// The 903's ACCOM code is a letter (the kind) and a digit (1 suitable, 2 not).
constexpr CodeMap kAccommodation[] = {
    {"B", "a) With parents or relatives"},
    {"C", "b) Community home"},
    {"D", "c) Semi-independent transitional accommodation"},
    {"E", "d) Supported lodgings"},
    {"G", "e) Gone abroad"},
    {"H", "f) Deported"},
    {"K", "g) Ordinary lodgings"},
    {"R", "h) Residence not known"},
    {"S", "i) No fixed abode / homeless"},
    {"T", "j) Foyers"},
    {"U", "k) Independent living"},
    {"V", "l) Emergency accommodation"},
    {"W", "m) Bed and breakfast"},
    {"X", "n) In custody"},
    {"Z", "o) With Former Foster Carer"},
    {"Y", "p) Other accommodation"},
};

constexpr CodeMap kActivity[] = {
    {"F1", "F1: Full time in higher education"},
    {"P1", "P1: Part time in higher education"},
    {"F2", "F2: Full time in education other than higher"},
    {"P2", "P2: Part time in education other than higher"},
    {"F4", "F4: Young person engaged full time in an apprenticeship"},
    {"P4", "P4: Young person engaged part time in an apprenticeship"},
    {"F5", "F5: Young person engaged full time in training or employment (not apprenticeship)"},
    {"P5", "P5: Young person engaged part time in training or employment (not apprenticeship)"},
    {"G4", "G4: Not in education, employment or training - illness or disability"},
    {"G5", "G5: Not in education, employment or training - other"},
    {"G6", "G6: Not in education, employment or training - pregnancy or parenting"},
};

constexpr CodeMap kReasonPlacedCeased[] = {
    {"RD1", "a) Child’s needs changed"},
    {"RD2", "b) Court did not make a PO"},
    {"RD3", "c) Prospective adopters cannot be found"},
    {"RD4", "d) Any other reason"},
};

// ---- Dates

// The same day `months` months earlier (the last day of that month when it is shorter).
Date MonthsBefore(Date d, int months) {
  int y = d.year();
  int m = static_cast<int>(d.month()) - months;
  while (m < 1) {
    m += 12;
    --y;
  }
  unsigned day = d.day();
  while (!Date::IsValidCivil(y, static_cast<unsigned>(m), day)) --day;
  return Date::FromCivil(y, static_cast<unsigned>(m), day);
}

// The `years`-th birthday of someone born on `dob` (29 February: 28 February).
Date Birthday(Date dob, int years) {
  unsigned day = dob.day();
  while (!Date::IsValidCivil(dob.year() + years, dob.month(), day)) --day;
  return Date::FromCivil(dob.year() + years, dob.month(), day);
}

// A window of whole days, both ends included.
struct Window {
  Date from;
  Date to;
  bool Contains(OptDate d) const { return d && *d >= from && *d <= to; }
  // True when [start, end] (end absent: still open) meets the window.
  bool Meets(OptDate start, OptDate end) const {
    return start && *start <= to && (!end || *end >= from);
  }
};

// "The N months before D": from the day after the same date N months earlier, to D.
Window MonthsTo(Date d, int months) { return {MonthsBefore(d, months).AddDays(1), d}; }

// A date after the as-of date was not known then: treated as absent (an end: still open).
OptDate KnownBy(OptDate d, Date as_of) { return d && *d <= as_of ? d : std::nullopt; }

std::string Uk(OptDate d) { return d ? d->ToUkString() : std::string(); }

void Later(OptDate& best, OptDate d) {
  if (d && (!best || *d > *best)) best = d;
}

// "Yes"/"No" from a flag; blank when the flag was never recorded.
std::string YesNo(const Record& r, string_view field) {
  if (IsNull(r.Get(field))) return {};
  return r.GetBool(field) ? "Yes" : "No";
}

std::string YesNo(bool b) { return b ? "Yes" : "No"; }

// ---- Reading the record

bool IsShortBreak(const Record& episode) {
  const std::string ls = episode.GetText("legal_status");
  return ls == "V3" || ls == "V4";
}

// A period of care: contiguous looked-after episodes (each starting the day the previous one
// ceased), the first with RNE "S". Short breaks (V3/V4) are not periods of care here.
struct Period {
  std::vector<const Record*> episodes;  // in start order
  Date start;
  OptDate end;  // when the last episode ceased, if known by the as-of date
};

std::vector<Period> PeriodsOfCare(const std::vector<const Record*>& all, Date as_of) {
  std::vector<const Record*> eps;
  for (const Record* e : all) {
    const OptDate start = DateOf(*e, "start_date");
    if (start && *start <= as_of && !IsShortBreak(*e)) eps.push_back(e);
  }
  std::stable_sort(eps.begin(), eps.end(), [](const Record* a, const Record* b) {
    return std::make_pair(*DateOf(*a, "start_date"), a->id()) <
           std::make_pair(*DateOf(*b, "start_date"), b->id());
  });
  std::vector<Period> out;
  for (const Record* e : eps) {
    const Date start = *DateOf(*e, "start_date");
    const bool fresh = out.empty() || e->GetText("reason_new_episode") == "S" ||
                       (out.back().end && start > *out.back().end);
    if (fresh) out.push_back({{}, start, std::nullopt});
    out.back().episodes.push_back(e);
    out.back().end = KnownBy(DateOf(*e, "end_date"), as_of);
  }
  return out;
}

struct Row {
  Date date;          // the list's main date
  std::string child;  // LA child id
  Id id = 0;          // the record the row comes from
  Cells cells;
};

// The child's five leading columns: id, gender, ethnicity, date of birth, age on the as-of
// date. An unborn child (or one born after the as-of date) has no date of birth or age.
Cells ChildCells(const Record& child, Date as_of) {
  const OptDate dob = KnownBy(DateOf(child, "date_of_birth"), as_of);
  return {child.GetText("la_child_id"), Map(kGender, child.GetText("sex")),
          Map(kEthnicity, child.GetText("ethnicity")), Uk(dob),
          dob ? std::to_string(as_of.YearsSince(*dob)) : std::string()};
}

// "Yes" when any disability other than NONE is recorded, "No" for NONE alone, blank when
// nothing is recorded.
std::string Disability(const Record& child) {
  const auto* set = std::get_if<CodeSet>(&child.Get("disabilities"));
  if (set == nullptr || set->empty()) return {};
  for (const std::string& code : *set) {
    if (code != "NONE") return "Yes";
  }
  return "No";
}

struct Allocated {
  std::string team;
  std::string worker;      // the allocated worker other than a personal adviser
  std::string adviser;     // the allocated personal adviser (list 9)
  std::string any_worker;  // the worker, else the adviser (lists 3-8)
};

class Context {
 public:
  Context(const RecordSet& r, Date d)
      : records(r),
        as_of(d),
        six(MonthsTo(d, 6)),
        twelve(MonthsTo(d, 12)),
        referrals(r, "referral", "child_id"),
        assessments_of_referral(r, "assessment", "referral_id"),
        enquiries(r, "s47_enquiry", "child_id"),
        conferences(r, "cp_conference", "child_id"),
        cp_plans(r, "cp_plan", "child_id"),
        cp_plans_of_referral(r, "cp_plan", "referral_id"),
        cin_plans_of_referral(r, "cin_plan", "referral_id"),
        reviews_of_plan(r, "plan_review", "cp_plan_id"),
        visits(r, "visit", "child_id"),
        cla_reviews(r, "cla_review", "child_id"),
        missing(r, "missing_episode", "child_id"),
        health(r, "cla_health", "child_id"),
        leaver_contacts(r, "care_leaver_contact", "child_id"),
        allocations(r, "allocation", "child_id") {
    for (const Record& c : r.Of("child")) children_[c.id()] = &c;
    for (const Record& w : r.Of("worker")) workers_[w.id()] = &w;
    for (const Record& t : r.Of("team")) teams_[t.id()] = &t;
    const RecordsBy episodes(r, "cla_episode", "child_id");
    for (const Record& c : r.Of("child")) {
      const auto& eps = episodes.Of(c.id());
      if (!eps.empty()) {
        episodes_[c.id()] = eps;
        periods_[c.id()] = PeriodsOfCare(eps, as_of);
      }
    }
  }

  const Record* Child(Id id) const { return Find(children_, id); }
  const Record* Worker(Id id) const { return Find(workers_, id); }

  // Every looked-after episode of the child, short breaks included, in id order.
  const std::vector<const Record*>& Episodes(Id child) const {
    static const std::vector<const Record*> kNone;
    auto it = episodes_.find(child);
    return it == episodes_.end() ? kNone : it->second;
  }
  const std::vector<Period>& Periods(Id child) const {
    static const std::vector<Period> kNone;
    auto it = periods_.find(child);
    return it == periods_.end() ? kNone : it->second;
  }
  bool LookedAfterOnAsOf(Id child) const {
    const auto& periods = Periods(child);
    return std::any_of(periods.begin(), periods.end(), [](const Period& p) { return !p.end; });
  }

  bool IsRole(const Record* worker, string_view role) const {
    return worker != nullptr && worker->GetText("role") == role;
  }

  // The allocations open on the as-of date (started by it, not ended before it); when several
  // are open, the latest started. A personal adviser's allocation is kept apart; the
  // allocated worker is the other allocation, or the adviser's when there is no other. The
  // team is the allocation's, else the allocated worker's own team.
  Allocated AllocatedOn(Id child) const {
    const Record* main = nullptr;
    const Record* adviser = nullptr;
    for (const Record* a : allocations.Of(child)) {
      const OptDate start = DateOf(*a, "start_date");
      const OptDate end = DateOf(*a, "end_date");
      if (!start || *start > as_of || (end && *end < as_of)) continue;
      const Record*& slot =
          IsRole(Worker(a->GetInt("worker_id")), "PERSONAL_ADVISER") ? adviser : main;
      if (slot == nullptr || std::make_pair(*start, a->id()) >
                                 std::make_pair(*DateOf(*slot, "start_date"), slot->id())) {
        slot = a;
      }
    }
    Allocated out;
    const Record* chosen = main != nullptr ? main : adviser;
    if (chosen != nullptr) {
      out.team = TeamName(chosen);
      out.any_worker = WorkerName(chosen);
    }
    if (main != nullptr) out.worker = WorkerName(main);
    if (adviser != nullptr) out.adviser = WorkerName(adviser);
    return out;
  }

  const RecordSet& records;
  const Date as_of;
  const Window six;
  const Window twelve;
  const RecordsBy referrals;
  const RecordsBy assessments_of_referral;
  const RecordsBy enquiries;
  const RecordsBy conferences;
  const RecordsBy cp_plans;
  const RecordsBy cp_plans_of_referral;
  const RecordsBy cin_plans_of_referral;
  const RecordsBy reviews_of_plan;
  const RecordsBy visits;
  const RecordsBy cla_reviews;
  const RecordsBy missing;
  const RecordsBy health;
  const RecordsBy leaver_contacts;
  const RecordsBy allocations;

 private:
  static const Record* Find(const std::unordered_map<Id, const Record*>& map, Id id) {
    auto it = map.find(id);
    return it == map.end() ? nullptr : it->second;
  }
  std::string WorkerName(const Record* allocation) const {
    const Record* w = Worker(allocation->GetInt("worker_id"));
    if (w == nullptr) return {};
    return w->GetText("first_name") + " " + w->GetText("last_name");
  }
  std::string TeamName(const Record* allocation) const {
    Id team = allocation->GetInt("team_id");
    if (team == 0) {
      const Record* w = Worker(allocation->GetInt("worker_id"));
      if (w != nullptr) team = w->GetInt("team_id");
    }
    const Record* t = Find(teams_, team);
    return t != nullptr ? t->GetText("name") : std::string();
  }

  std::unordered_map<Id, const Record*> children_;
  std::unordered_map<Id, const Record*> workers_;
  std::unordered_map<Id, const Record*> teams_;
  std::unordered_map<Id, std::vector<const Record*>> episodes_;
  std::unordered_map<Id, std::vector<Period>> periods_;
};

void Finish(List& list, std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.date, a.child, a.id) < std::tie(b.date, b.child, b.id);
  });
  list.rows.reserve(rows.size());
  for (Row& r : rows) list.rows.push_back(std::move(r.cells));
}

void AddTeamAndWorker(const Context& x, Id child, Cells& cells) {
  Allocated a = x.AllocatedOn(child);
  cells.push_back(std::move(a.team));
  cells.push_back(std::move(a.any_worker));
}

// ---- The lists

// List 1, contacts: every contact received (UK date of received_at) in the 6 months before
// the as-of date. Nothing left blank beyond the child's unrecorded details.
std::vector<Row> Contacts(const Context& x) {
  std::vector<Row> rows;
  for (const Record& c : x.records.Of("contact")) {
    const Record* child = x.Child(c.GetInt("child_id"));
    const auto* at = std::get_if<Timestamp>(&c.Get("received_at"));
    if (child == nullptr || at == nullptr) continue;
    const Date on = at->UkDate();
    if (!x.six.Contains(on)) continue;
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(on.ToUkString());
    cells.push_back(Map(kSource, c.GetText("source")));
    rows.push_back({on, cells[0], c.id(), std::move(cells)});
  }
  return rows;
}

// List 2, early help: early help episodes open at any time in the 6 months before the as-of
// date (started by it, not ended before the window). Assessment start: the episode's start;
// completion: the early help assessment date; organisation: the lead professional's agency.
std::vector<Row> EarlyHelp(const Context& x) {
  std::vector<Row> rows;
  for (const Record& e : x.records.Of("early_help_episode")) {
    const Record* child = x.Child(e.GetInt("child_id"));
    const OptDate start = DateOf(e, "start_date");
    if (child == nullptr || !x.six.Meets(start, KnownBy(DateOf(e, "end_date"), x.as_of))) {
      continue;
    }
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(Uk(start));
    cells.push_back(Uk(KnownBy(DateOf(e, "assessment_date"), x.as_of)));
    const CodeEntry* agency = FindCode(CodeListId::kMashAgency, e.GetText("lead_agency"));
    cells.push_back(agency != nullptr ? std::string(agency->label) : std::string());
    rows.push_back({*start, cells[0], e.id(), std::move(cells)});
  }
  return rows;
}

// List 3, referrals: every referral dated in the 6 months before the as-of date. The number
// of referrals in the last 12 months counts the child's earlier referrals in the 12 months
// before this one (0 for a first referral: the re-referral count).
std::vector<Row> Referrals(const Context& x) {
  std::vector<Row> rows;
  for (const Record& r : x.records.Of("referral")) {
    const Id child_id = r.GetInt("child_id");
    const Record* child = x.Child(child_id);
    const OptDate on = DateOf(r, "referral_date");
    if (child == nullptr || !x.six.Contains(on)) continue;
    const Window before = MonthsTo(*on, 12);
    int previous = 0;
    for (const Record* other : x.referrals.Of(child_id)) {
      const OptDate d = DateOf(*other, "referral_date");
      if (d && before.Contains(d) &&
          std::make_pair(*d, other->id()) < std::make_pair(*on, r.id())) {
        ++previous;
      }
    }
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(on->ToUkString());
    cells.push_back(Map(kSource, r.GetText("source")));
    cells.push_back(YesNo(r, "nfa"));
    cells.push_back(std::to_string(previous));
    AddTeamAndWorker(x, child_id, cells);
    rows.push_back({*on, cells[0], r.id(), std::move(cells)});
  }
  return rows;
}

// List 4, assessments: assessments in progress at any time in the 6 months before the as-of
// date (started by it, not authorised before the window). Child seen: a date the child was
// seen is recorded. Requiring support (asked of authorised assessments only): Yes for an
// outcome of a CIN plan, strategy discussion or care; No for no further action, early help or
// a single-agency response; blank for further assessment or no outcome.
std::vector<Row> Assessments(const Context& x) {
  std::vector<Row> rows;
  for (const Record& a : x.records.Of("assessment")) {
    const Id child_id = a.GetInt("child_id");
    const Record* child = x.Child(child_id);
    const OptDate start = DateOf(a, "start_date");
    const OptDate authorised = KnownBy(DateOf(a, "authorised_date"), x.as_of);
    if (child == nullptr || !x.six.Meets(start, authorised)) continue;
    std::string support;
    if (authorised) {
      const std::string outcome = a.GetText("outcome");
      if (outcome == "CIN_PLAN" || outcome == "STRATEGY_DISCUSSION" || outcome == "LOOKED_AFTER") {
        support = "Yes";
      } else if (outcome == "NFA" || outcome == "EARLY_HELP" || outcome == "SINGLE_AGENCY") {
        support = "No";
      }
    }
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(Disability(*child));
    cells.push_back(Uk(start));
    cells.push_back(YesNo(KnownBy(DateOf(a, "child_seen_date"), x.as_of).has_value()));
    cells.push_back(Uk(authorised));
    cells.push_back(support);
    AddTeamAndWorker(x, child_id, cells);
    rows.push_back({*start, cells[0], a.id(), std::move(cells)});
  }
  return rows;
}

// List 5, section 47 enquiries: enquiries that started in the 6 months before the as-of date.
// The start date is S47ActualStartDate (DfE: the date of the strategy discussion that began
// the enquiry). The ICPC is the initial conference recorded against the enquiry, else the
// first initial conference on the same referral on or after the enquiry began with no enquiry
// of its own. The two counts are of the child's enquiries and initial conferences in the 12
// months before this enquiry began (earlier ones only, as list 3 counts referrals).
std::vector<Row> Section47(const Context& x) {
  std::vector<Row> rows;
  for (const Record& s : x.records.Of("s47_enquiry")) {
    const Id child_id = s.GetInt("child_id");
    const Record* child = x.Child(child_id);
    const OptDate start = DateOf(s, "start_date");
    if (child == nullptr || !x.six.Contains(start)) continue;
    const Record* icpc = nullptr;
    auto consider = [&](const Record* k) {
      if (icpc == nullptr || std::make_pair(*DateOf(*k, "conference_date"), k->id()) <
                                 std::make_pair(*DateOf(*icpc, "conference_date"), icpc->id())) {
        icpc = k;
      }
    };
    for (const Record* k : x.conferences.Of(child_id)) {
      const OptDate on = KnownBy(DateOf(*k, "conference_date"), x.as_of);
      if (k->GetText("conference_type") == "ICPC" && on && k->GetInt("s47_id") == s.id()) {
        consider(k);
      }
    }
    if (icpc == nullptr) {
      for (const Record* k : x.conferences.Of(child_id)) {
        const OptDate on = KnownBy(DateOf(*k, "conference_date"), x.as_of);
        if (k->GetText("conference_type") == "ICPC" && on && *on >= *start &&
            k->GetInt("s47_id") == 0 && k->GetInt("referral_id") == s.GetInt("referral_id")) {
          consider(k);
        }
      }
    }
    std::string plan;
    if (icpc != nullptr) {
      bool made = icpc->GetBool("plan_decided");
      for (const Record* p : x.cp_plans.Of(child_id)) {
        made = made || (p->GetInt("conference_id") == icpc->id() &&
                        KnownBy(DateOf(*p, "start_date"), x.as_of).has_value());
      }
      plan = YesNo(made);
    }
    const Window before = MonthsTo(*start, 12);
    int enquiries = 0;
    for (const Record* other : x.enquiries.Of(child_id)) {
      const OptDate d = DateOf(*other, "start_date");
      if (d && before.Contains(d) &&
          std::make_pair(*d, other->id()) < std::make_pair(*start, s.id())) {
        ++enquiries;
      }
    }
    int conferences = 0;
    for (const Record* k : x.conferences.Of(child_id)) {
      const OptDate d = DateOf(*k, "conference_date");
      if (k->GetText("conference_type") == "ICPC" && d && before.Contains(d) && *d < *start) {
        ++conferences;
      }
    }
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(Disability(*child));
    cells.push_back(start->ToUkString());
    cells.push_back(YesNo(s, "icpc_not_required"));
    cells.push_back(icpc != nullptr ? DateOf(*icpc, "conference_date")->ToUkString() : "");
    cells.push_back(plan);
    cells.push_back(std::to_string(enquiries));
    cells.push_back(std::to_string(conferences));
    AddTeamAndWorker(x, child_id, cells);
    rows.push_back({*start, cells[0], s.id(), std::move(cells)});
  }
  return rows;
}

// List 6, children in need: CIN episodes (referrals not closed as no further action) open at
// any time in the 6 months before the as-of date. Last seen: the latest visit at which the
// child was seen, or date the child was seen in one of the episode's assessments, within the
// episode. Case status on the as-of date: closed, else looked after, else a CP plan of the
// episode, else a CIN plan, else an assessment in progress; blank for an open episode with
// none of these (the schema has no code for it).
std::vector<Row> ChildrenInNeed(const Context& x) {
  std::vector<Row> rows;
  for (const Record& r : x.records.Of("referral")) {
    const Id child_id = r.GetInt("child_id");
    const Record* child = x.Child(child_id);
    const OptDate start = DateOf(r, "referral_date");
    const OptDate closed = KnownBy(DateOf(r, "closure_date"), x.as_of);
    if (child == nullptr || r.GetBool("nfa") || !x.six.Meets(start, closed)) continue;
    const Window episode{*start, closed ? *closed : x.as_of};
    OptDate seen;
    for (const Record* v : x.visits.Of(child_id)) {
      const OptDate on = DateOf(*v, "visit_date");
      if (v->GetBool("child_seen") && episode.Contains(on)) Later(seen, on);
    }
    for (const Record* a : x.assessments_of_referral.Of(r.id())) {
      const OptDate on = DateOf(*a, "child_seen_date");
      if (episode.Contains(on)) Later(seen, on);
    }
    auto open_on_as_of = [&](const std::vector<const Record*>& items, string_view end_field) {
      return std::any_of(items.begin(), items.end(), [&](const Record* p) {
        const OptDate s = DateOf(*p, "start_date");
        return s && *s <= x.as_of && !KnownBy(DateOf(*p, end_field), x.as_of);
      });
    };
    std::string status;
    if (closed) {
      status = "e) Closed episode";
    } else if (x.LookedAfterOnAsOf(child_id)) {
      status = "a) Looked after child";
    } else if (open_on_as_of(x.cp_plans_of_referral.Of(r.id()), "end_date")) {
      status = "b) Child Protection plan";
    } else if (open_on_as_of(x.cin_plans_of_referral.Of(r.id()), "end_date")) {
      status = "c) Child in need plan";
    } else if (open_on_as_of(x.assessments_of_referral.Of(r.id()), "authorised_date")) {
      status = "d) Open assessment";
    }
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(Disability(*child));
    cells.push_back(start->ToUkString());
    cells.push_back(Map(kNeed, r.GetText("primary_need")));
    cells.push_back(Uk(seen));
    cells.push_back(Uk(closed));
    cells.push_back(closed ? Map(kClosureReason, r.GetText("closure_reason")) : std::string());
    cells.push_back(status);
    AddTeamAndWorker(x, child_id, cells);
    rows.push_back({*start, cells[0], r.id(), std::move(cells)});
  }
  return rows;
}

// List 7, child protection: CP plans open at any time in the 6 months before the as-of date
// (current plans and plans that ended in the window). Latest category: as recorded, else the
// initial one (unchanged, as the CIN census builder reads it). Last statutory visit: the
// latest CP visit within the plan; seen alone: as recorded at that visit. EPO or police
// protection: a looked-after episode with legal status L1 or L2 in the 6 months. Previous
// plans: as recorded, else the child's plans that began before this one.
std::vector<Row> ChildProtection(const Context& x) {
  std::vector<Row> rows;
  for (const Record& p : x.records.Of("cp_plan")) {
    const Id child_id = p.GetInt("child_id");
    const Record* child = x.Child(child_id);
    const OptDate start = DateOf(p, "start_date");
    const OptDate end = KnownBy(DateOf(p, "end_date"), x.as_of);
    if (child == nullptr || !x.six.Meets(start, end)) continue;
    const Window plan{*start, end ? *end : x.as_of};
    const Record* visit = nullptr;
    for (const Record* v : x.visits.Of(child_id)) {
      const OptDate on = DateOf(*v, "visit_date");
      if (v->GetText("visit_type") != "CP" || !plan.Contains(on)) continue;
      if (visit == nullptr || std::make_pair(*on, v->id()) >
                                  std::make_pair(*DateOf(*visit, "visit_date"), visit->id())) {
        visit = v;
      }
    }
    OptDate review;
    for (const Record* v : x.reviews_of_plan.Of(p.id())) {
      const OptDate on = DateOf(*v, "review_date");
      if (plan.Contains(on)) Later(review, on);
    }
    bool protected_by_order = false;
    for (const Record* e : x.Episodes(child_id)) {
      const std::string ls = e->GetText("legal_status");
      if ((ls == "L1" || ls == "L2") &&
          x.six.Meets(DateOf(*e, "start_date"), KnownBy(DateOf(*e, "end_date"), x.as_of))) {
        protected_by_order = true;
      }
    }
    std::int64_t previous = p.GetInt("previous_plans");
    if (IsNull(p.Get("previous_plans"))) {
      previous = 0;
      for (const Record* other : x.cp_plans.Of(child_id)) {
        const OptDate d = DateOf(*other, "start_date");
        if (d && std::make_pair(*d, other->id()) < std::make_pair(*start, p.id())) ++previous;
      }
    }
    const std::string initial = p.GetText("initial_category");
    Cells cells = ChildCells(*child, x.as_of);
    cells.push_back(Disability(*child));
    cells.push_back(start->ToUkString());
    cells.push_back(Map(kAbuse, initial));
    cells.push_back(Map(kAbuse, p.GetText("latest_category", initial)));
    cells.push_back(visit != nullptr ? DateOf(*visit, "visit_date")->ToUkString() : "");
    cells.push_back(visit != nullptr ? YesNo(*visit, "child_seen_alone") : "");
    cells.push_back(Uk(review));
    cells.push_back(Uk(end));
    cells.push_back(YesNo(protected_by_order));
    cells.push_back(std::to_string(previous));
    AddTeamAndWorker(x, child_id, cells);
    rows.push_back({*start, cells[0], p.id(), std::move(cells)});
  }
  return rows;
}

// List 8, children looked after: one row per child looked after at any time in the 6 months
// before the as-of date (short breaks V3/V4 excluded), for the child's latest period of care
// in the window, from its latest episode by the as-of date. Blank, as the record does not hold
// them: the permanence plan, the placement's location (in or out of the LA's area) and LA
// (both need the LA's own area and a postcode directory).
std::vector<Row> LookedAfter(const Context& x) {
  std::vector<Row> rows;
  for (const Record& child : x.records.Of("child")) {
    const Id child_id = child.id();
    const auto& periods = x.Periods(child_id);
    const Period* period = nullptr;
    for (const Period& p : periods) {
      if (x.six.Meets(p.start, p.end)) period = &p;
    }
    if (period == nullptr) continue;
    const auto& eps = period->episodes;
    const Record& current = *eps.back();
    const Window care{period->start, period->end ? *period->end : x.as_of};

    std::string uasc;
    if (!IsNull(child.Get("uasc"))) {
      const OptDate ceased = DateOf(child, "uasc_ceased_date");
      uasc = YesNo(child.GetBool("uasc") && (!ceased || *ceased >= x.twelve.from));
    }
    bool second = false;
    for (const Period& p : periods) {
      if (&p != period && p.start < period->start && p.end && *p.end >= x.twelve.from) {
        second = true;
      }
    }
    // The current legal status began with the earliest episode of an unbroken run of it.
    size_t status_from = eps.size() - 1;
    while (status_from > 0 &&
           eps[status_from - 1]->GetText("legal_status") == current.GetText("legal_status")) {
      --status_from;
    }
    // The current placement began with the latest episode that was not a change of legal
    // status only (RNE "L").
    size_t placed_from = eps.size() - 1;
    while (placed_from > 0 && eps[placed_from]->GetText("reason_new_episode") == "L") {
      --placed_from;
    }
    OptDate review;
    for (const Record* r : x.cla_reviews.Of(child_id)) {
      const OptDate on = DateOf(*r, "review_date");
      if (care.Contains(on)) Later(review, on);
    }
    OptDate social_work_visit;
    OptDate iro_visit;
    for (const Record* v : x.visits.Of(child_id)) {
      const OptDate on = DateOf(*v, "visit_date");
      if (!care.Contains(on)) continue;
      if (x.IsRole(x.Worker(v->GetInt("worker_id")), "IRO")) {
        Later(iro_visit, on);
      } else if (v->GetText("visit_type") == "CLA") {
        Later(social_work_visit, on);
      }
    }
    OptDate health_check;
    OptDate dental_check;
    for (const Record* h : x.health.Of(child_id)) {
      Later(health_check, KnownBy(DateOf(*h, "last_health_check_date"), x.as_of));
      Later(dental_check, KnownBy(DateOf(*h, "last_dental_check_date"), x.as_of));
    }
    // Placements in the last 12 months: in each period, the first episode in the 12 months
    // and every later one that began a placement (not a change of legal status only).
    int placements = 0;
    for (const Period& p : periods) {
      bool first = true;
      for (const Record* e : p.episodes) {
        if (!x.twelve.Meets(DateOf(*e, "start_date"), KnownBy(DateOf(*e, "end_date"), x.as_of))) {
          continue;
        }
        if (first || e->GetText("reason_new_episode") != "L") ++placements;
        first = false;
      }
    }
    int missing_count = 0;
    int absent_count = 0;
    const Record* last_missing = nullptr;
    for (const Record* m : x.missing.Of(child_id)) {
      const OptDate on = DateOf(*m, "start_date");
      if (!on || *on > x.as_of) continue;
      const bool is_missing = m->GetText("missing_type") == "M";
      if (x.twelve.Contains(on)) ++(is_missing ? missing_count : absent_count);
      if (is_missing &&
          (last_missing == nullptr ||
           std::make_pair(*on, m->id()) >
               std::make_pair(*DateOf(*last_missing, "start_date"), last_missing->id()))) {
        last_missing = m;
      }
    }

    Cells cells = ChildCells(child, x.as_of);
    cells.push_back(uasc);
    cells.push_back(Disability(child));
    cells.push_back(period->start.ToUkString());
    cells.push_back(Map(kNeed, eps.front()->GetText("category_of_need")));
    cells.push_back(YesNo(second));
    cells.push_back(Uk(DateOf(*eps[status_from], "start_date")));
    cells.push_back(Map(kLegalStatus, current.GetText("legal_status")));
    cells.push_back(Uk(review));
    cells.push_back(Uk(social_work_visit));
    cells.push_back("");  // permanence plan: not in the record
    cells.push_back(Uk(iro_visit));
    cells.push_back(Uk(health_check));
    cells.push_back(Uk(dental_check));
    cells.push_back(std::to_string(placements));
    cells.push_back(Uk(period->end));
    cells.push_back(period->end ? Map(kReasonCeased, current.GetText("reason_ceased"))
                                : std::string());
    cells.push_back(Uk(DateOf(*eps[placed_from], "start_date")));
    cells.push_back(Map(kPlacementType, current.GetText("placement_type")));
    cells.push_back(Map(kProvider, current.GetText("placement_provider")));
    cells.push_back(current.GetText("placement_postcode"));
    cells.push_back(current.GetText("provider_urn"));
    cells.push_back("");  // placement location (in or out of the LA): not derivable
    cells.push_back("");  // LA of placement: not derivable
    cells.push_back(std::to_string(missing_count));
    cells.push_back(std::to_string(absent_count));
    cells.push_back(last_missing != nullptr ? YesNo(*last_missing, "return_interview_offered")
                                            : "");
    cells.push_back(last_missing != nullptr ? YesNo(*last_missing, "return_interview_accepted")
                                            : "");
    AddTeamAndWorker(x, child_id, cells);
    rows.push_back({period->start, cells[0], child_id, std::move(cells)});
  }
  return rows;
}

// List 9, care leavers: young people aged 16 to 24 on the as-of date, alive, who were looked
// after (short breaks aside) for at least 13 weeks after their 14th birthday, some of it on
// or after their 16th (the leaving-care eligibility test): still looked after at 16-17
// ("d) Eligible"), left care at 16-17 ("a) Relevant"), 18 or over ("b) Former relevant").
// Those aged 22 to 24 are listed only when a care leaver contact in the last 12 months found
// them in touch (still receiving a service). In touch, accommodation and activity: the latest
// care leaver contact (OC3) by the as-of date; latest date of contact: that or a later care
// leaver visit. Blank, as the record does not hold it: the latest pathway plan review date.
// "c) Qualifying" care leavers are not identified (the record cannot tell them).
std::vector<Row> CareLeavers(const Context& x) {
  std::vector<Row> rows;
  for (const Record& child : x.records.Of("child")) {
    const Id child_id = child.id();
    const OptDate dob = KnownBy(DateOf(child, "date_of_birth"), x.as_of);
    if (!dob || x.Periods(child_id).empty()) continue;
    const int age = x.as_of.YearsSince(*dob);
    if (age < 16 || age > 24 || KnownBy(DateOf(child, "date_of_death"), x.as_of)) continue;
    const Date from14 = Birthday(*dob, 14);
    const Date from16 = Birthday(*dob, 16);
    const Date until18 = Birthday(*dob, 18);
    std::int64_t days = 0;
    bool after16 = false;
    for (const Period& p : x.Periods(child_id)) {
      for (const Record* e : p.episodes) {
        const Date s = *DateOf(*e, "start_date");
        const OptDate end = KnownBy(DateOf(*e, "end_date"), x.as_of);
        const Date e_end = end ? *end : x.as_of.AddDays(1);
        const Date a = std::max(s, from14);
        const Date b = std::min(e_end, until18);
        if (b > a) days += b.days() - a.days();
        if (e_end > from16 && s < until18) after16 = true;
      }
    }
    if (days < 91 || !after16) continue;
    const Record* latest = nullptr;
    for (const Record* c : x.leaver_contacts.Of(child_id)) {
      const OptDate on = KnownBy(DateOf(*c, "contact_date"), x.as_of);
      if (on && (latest == nullptr ||
                 std::make_pair(*on, c->id()) >
                     std::make_pair(*DateOf(*latest, "contact_date"), latest->id()))) {
        latest = c;
      }
    }
    if (age >= 22 && (latest == nullptr || !x.twelve.Contains(DateOf(*latest, "contact_date")) ||
                      latest->GetText("in_touch") != "YES")) {
      continue;
    }
    std::string category;
    if (age >= 18) {
      category = "b) Former relevant";
    } else {
      category = x.LookedAfterOnAsOf(child_id) ? "d) Eligible" : "a) Relevant";
    }
    OptDate last_contact = latest != nullptr ? DateOf(*latest, "contact_date") : std::nullopt;
    for (const Record* v : x.visits.Of(child_id)) {
      if (v->GetText("visit_type") == "CARE_LEAVER") {
        Later(last_contact, KnownBy(DateOf(*v, "visit_date"), x.as_of));
      }
    }
    std::string accommodation;
    std::string suitability;
    std::string activity;
    std::string in_touch;
    if (latest != nullptr) {
      in_touch = Map(kInTouch, latest->GetText("in_touch"));
      const std::string accom = latest->GetText("accommodation");
      if (accom == "0") {
        suitability = "c) Not in touch or not recorded";
      } else if (accom.size() == 2) {
        accommodation = Map(kAccommodation, accom.substr(0, 1));
        suitability = accom[1] == '1' ? "a) Suitable" : accom[1] == '2' ? "b) Not suitable" : "";
      }
      activity = Map(kActivity, latest->GetText("activity"));
    }
    const Allocated allocated = x.AllocatedOn(child_id);
    Cells cells = ChildCells(child, x.as_of);
    cells.push_back(IsNull(child.Get("uasc")) ? std::string() : YesNo(child.GetBool("uasc")));
    cells.push_back(Disability(child));
    cells.push_back(allocated.team);
    cells.push_back(allocated.worker);
    cells.push_back(allocated.adviser);
    cells.push_back(category);
    cells.push_back("");  // latest pathway plan review: not in the record
    cells.push_back(in_touch);
    cells.push_back(Uk(last_contact));
    cells.push_back(accommodation);
    cells.push_back(suitability);
    cells.push_back(activity);
    rows.push_back({Date(), cells[0], child_id, std::move(cells)});
  }
  return rows;
}

// List 10, adoption: children with a decision that they should be placed for adoption by the
// as-of date, whose adoption is still in progress, or was completed (adoption order, or the
// placement ending on adoption) or reversed in the 12 months before it. The decision is the
// 903's DATE_PLACED (`placement_order_date` in the record), else DATE_INT. The placement order
// date is when the child's legal status became E1 in that period of care; the date placed for
// adoption is as recorded, else the start of the first A3-A6 placement; fostering for
// adoption is the first U2/U5 placement in the period. Blank, as the record does not hold it:
// the family identifier (which children were placed together).
std::vector<Row> Adoption(const Context& x) {
  std::vector<Row> rows;
  for (const Record& a : x.records.Of("adoption")) {
    const Id child_id = a.GetInt("child_id");
    const Record* child = x.Child(child_id);
    OptDate decision = KnownBy(DateOf(a, "placement_order_date"), x.as_of);
    if (!decision) decision = KnownBy(DateOf(a, "best_interest_date"), x.as_of);
    if (child == nullptr || !decision) continue;
    const OptDate order = KnownBy(DateOf(a, "order_date"), x.as_of);
    const OptDate ceased = KnownBy(DateOf(a, "ceased_date"), x.as_of);
    const bool reversed = ceased && !a.GetText("ceased_reason").empty();
    const OptDate concluded = order ? order : ceased;
    if (concluded && !x.twelve.Contains(concluded)) continue;
    // The period of care the decision was made in (else the latest before it).
    const Period* period = nullptr;
    for (const Period& p : x.Periods(child_id)) {
      if (p.start <= *decision) period = &p;
    }
    OptDate placement_order;
    OptDate placed = KnownBy(DateOf(a, "placed_date"), x.as_of);
    OptDate fostering_for_adoption;
    if (period != nullptr) {
      for (const Record* e : period->episodes) {
        const std::string place = e->GetText("placement_type");
        const OptDate s = DateOf(*e, "start_date");
        if (!placement_order && e->GetText("legal_status") == "E1") placement_order = s;
        if (!placed && (place == "A3" || place == "A4" || place == "A5" || place == "A6")) {
          placed = s;
        }
        if (!fostering_for_adoption && (place == "U2" || place == "U5")) {
          fostering_for_adoption = s;
        }
      }
    }
    const Cells person = ChildCells(*child, x.as_of);
    Cells cells = {person[0], "", person[1], person[2], person[3], person[4]};
    cells.push_back(Disability(*child));
    cells.push_back(period != nullptr ? period->start.ToUkString() : "");
    cells.push_back(decision->ToUkString());
    cells.push_back(Uk(placement_order));
    cells.push_back(Uk(KnownBy(DateOf(a, "match_date"), x.as_of)));
    cells.push_back(Uk(placed));
    cells.push_back(Uk(order));
    cells.push_back(reversed ? Uk(ceased) : "");
    cells.push_back(reversed ? Map(kReasonPlacedCeased, a.GetText("ceased_reason")) : "");
    cells.push_back(Uk(fostering_for_adoption));
    rows.push_back({*decision, cells[0], a.id(), std::move(cells)});
  }
  return rows;
}

// List 11, adopters: the record holds no prospective adopters (their enquiries, stages,
// approval, matches), only the adopters' sex and legal status on each adoption, so the list
// has its header and no rows rather than invented adopters.
std::vector<Row> Adopters(const Context&) { return {}; }

// ---- Writers

// Columns written as numbers in the workbook (their cells are whole numbers or blank).
bool IsCountColumn(string_view header) {
  return header == "Age of Child (Years)" || header.starts_with("Number of") ||
         header == "No. of children placed";
}

bool IsWholeNumber(string_view s) {
  return !s.empty() && s.size() <= 9 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Characters, not bytes, for column widths (UTF-8 continuation bytes do not count).
size_t Chars(string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string CsvFileName(int list_number) {
  for (const ListSpec& spec : kSpecs) {
    if (spec.number == list_number) {
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "list_%02d_", list_number);
      return prefix + std::string(spec.file_stem) + ".csv";
    }
  }
  return {};
}

Result<AnnexA> Build(const RecordSet& records, Date as_of) {
  if (as_of.year() < 2000 || as_of.year() > 2100) {
    return InvalidArgument("the as-of date must be a date between 2000 and 2100", "as_of");
  }
  const Context x(records, as_of);
  using Builder = std::vector<Row> (*)(const Context&);
  constexpr Builder kBuilders[] = {Contacts,    EarlyHelp,      Referrals,       Assessments,
                                   Section47,   ChildrenInNeed, ChildProtection, LookedAfter,
                                   CareLeavers, Adoption,       Adopters};
  static_assert(std::size(kBuilders) == std::size(kSpecs));
  AnnexA annex;
  annex.as_of = as_of;
  for (size_t i = 0; i < std::size(kSpecs); ++i) {
    const ListSpec& spec = kSpecs[i];
    List list;
    list.number = spec.number;
    list.sheet_name = "List " + std::to_string(spec.number);
    list.title = list.sheet_name + ": " + std::string(spec.title);
    list.columns.assign(spec.columns.begin(), spec.columns.end());
    std::vector<Row> rows = kBuilders[i](x);
    for (const Row& r : rows) {
      if (r.cells.size() != list.columns.size()) {
        return Internal("Annex A " + list.sheet_name + ": a row has " +
                        std::to_string(r.cells.size()) + " cells for " +
                        std::to_string(list.columns.size()) + " columns");
      }
    }
    Finish(list, std::move(rows));
    annex.lists.push_back(std::move(list));
  }
  return annex;
}

Status WriteXlsx(const AnnexA& annex, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return IoError("cannot create the workbook " + path);
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_error first_error = LXW_NO_ERROR;
  auto check = [&](lxw_error e) {
    if (first_error == LXW_NO_ERROR) first_error = e;
  };
  for (const List& list : annex.lists) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, list.sheet_name.c_str());
    if (sheet == nullptr) {
      workbook_close(workbook);
      return InvalidArgument("cannot add a worksheet named \"" + list.sheet_name + "\"");
    }
    std::vector<size_t> width(list.columns.size());
    std::vector<bool> count(list.columns.size());
    for (size_t c = 0; c < list.columns.size(); ++c) {
      check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), list.columns[c].c_str(),
                                   header));
      // A long header wraps; the column is sized for its contents, within limits.
      width[c] = std::min<size_t>(Chars(list.columns[c]), 24);
      count[c] = IsCountColumn(list.columns[c]);
    }
    for (size_t r = 0; r < list.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < list.rows[r].size() && c < list.columns.size(); ++c) {
        const std::string& cell = list.rows[r][c];
        if (cell.empty()) continue;
        const auto col = static_cast<lxw_col_t>(c);
        if (count[c] && IsWholeNumber(cell)) {
          check(worksheet_write_number(sheet, row, col, std::stod(cell), nullptr));
        } else {
          check(worksheet_write_string(sheet, row, col, cell.c_str(), nullptr));
        }
        width[c] = std::max(width[c], Chars(cell));
      }
    }
    for (size_t c = 0; c < width.size(); ++c) {
      const double w = static_cast<double>(std::clamp<size_t>(width[c], 8, 60)) + 2;
      check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w,
                                 nullptr));
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!list.columns.empty()) {
      check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(list.rows.size()),
                                 static_cast<lxw_col_t>(list.columns.size() - 1)));
    }
  }
  const lxw_error closed = workbook_close(workbook);
  if (first_error != LXW_NO_ERROR) {
    return Internal("writing the workbook " + path + ": " + lxw_strerror(first_error));
  }
  if (closed != LXW_NO_ERROR) {
    return IoError("cannot write the workbook " + path + ": " + lxw_strerror(closed));
  }
  return Status::Ok();
}

Status WriteCsv(const AnnexA& annex, const std::string& directory) {
  namespace fs = std::filesystem;
  const fs::path dir(directory);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir.string() + ": " + ec.message());
  auto append_row = [](std::string& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      AppendCsvCell(out, cells[i]);
    }
    out += "\r\n";
  };
  for (const List& list : annex.lists) {
    const std::string name = CsvFileName(list.number);
    if (name.empty()) return InvalidArgument("Annex A has no list " + std::to_string(list.number));
    std::string text;
    append_row(text, list.columns);
    for (const auto& row : list.rows) append_row(text, row);
    const fs::path path = dir / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + path.string());
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return IoError("writing " + path.string() + " failed (disk full?)");
  }
  return Status::Ok();
}

}  // namespace sg::annex_a
