#pragma once
// The Children in Need census: its content as DfE's XML schema lays it out, a streaming XML
// writer, and the builder that makes a year's census from the case record.
//
// Every value is held as the text it has in the file ("" = the element is absent), so that a
// census read from another system keeps what was there, right or wrong, for validation to
// report; the builder writes dates as YYYY-MM-DD and yes/no values as 1/0 (the schema's
// yesnotype).
//
// Collection years are named by the year of their reference date: 2026 is the 2025/26
// collection (reference date 31 March 2026). Up to 2024 the child's sex was `GenderCurrent`
// (1 male, 2 female, 0 not known); from 2025 it is `Sex` (M, F, U).

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/record_set.h"

namespace sg::cin {

// `line` is where the element starts in the file it was read from (0 when built).

struct Assessment {
  int line = 0;
  std::string start;            // AssessmentActualStartDate
  std::string internal_review;  // AssessmentInternalReviewDate
  std::string authorised;       // AssessmentAuthorisationDate
  std::vector<std::string> factors;
};

struct PlanDates {
  int line = 0;
  std::string start;  // CINPlanStartDate
  std::string end;    // CINPlanEndDate
};

struct Section47 {
  int line = 0;
  std::string start;              // S47ActualStartDate
  std::string icpc_target;        // InitialCPCtarget
  std::string icpc;               // DateOfInitialCPC
  std::string icpc_not_required;  // ICPCnotRequired
};

struct ProtectionPlan {
  int line = 0;
  std::string start;             // CPPstartDate
  std::string end;               // CPPendDate
  std::string initial_category;  // InitialCategoryOfAbuse
  std::string latest_category;   // LatestCategoryOfAbuse
  std::string previous_plans;    // NumberOfPreviousCPP
  std::vector<std::string> reviews;
};

struct Episode {  // CINdetails
  int line = 0;
  std::string referral_date;
  std::string source;
  std::string primary_need;
  std::string closure_date;
  std::string closure_reason;
  std::string initial_cpc;  // DateOfInitialCPC at the episode level
  std::vector<Assessment> assessments;
  std::vector<PlanDates> plans;
  std::vector<Section47> enquiries;
  std::string nfa;  // ReferralNFA
  std::vector<ProtectionPlan> cp_plans;
  // The draft 2026/27 PreProceedingsandFGDM block, kept as read (element name, text), in
  // order, and written back unvalidated.
  std::vector<std::pair<std::string, std::string>> pre_proceedings;
};

struct Child {
  int line = 0;
  std::string la_child_id;
  std::string upn;
  std::string former_upn;
  std::string upn_unknown;
  std::string birth_date;
  std::string expected_birth_date;
  std::string sex;  // M, F or U (written as GenderCurrent 1/2/0 before 2025)
  std::string death_date;
  std::string ethnicity;
  std::vector<std::string> disabilities;
  std::vector<Episode> episodes;
};

struct Header {
  int line = 0;
  std::string collection = "CIN";
  std::string year;            // Year: the collection's end year, e.g. "2026"
  std::string reference_date;  // ReferenceDate, e.g. "2026-03-31"
  std::string source_level = "L";
  std::string lea;  // the LA's three-digit code
  std::string software_code = "Safeguard";
  std::string release;
  std::string serial_no = "001";
  std::string date_time;  // YYYY-MM-DDTHH:MM:SS
};

struct Census {
  int collection_year = 0;  // 2026 = 2025/26
  Header header;
  std::vector<Child> children;
};

// A collection year as people write it: "2025-26", "2025/26" or "2026" -> 2026.
Result<int> ParseCollectionYear(std::string_view text);
// "2025-26" for the collection year ending in 2026.
std::string CollectionLabel(int collection_year);

// The first and last day of a collection year (1 April year-1 to 31 March year).
Date CollectionStart(int collection_year);
Date CollectionEnd(int collection_year);

// Writes a census as XML, child by child, so that a national file need not be held whole.
// Output is deterministic: the same census gives the same bytes.
class XmlWriter {
 public:
  XmlWriter(std::ostream& out, int collection_year) : out_(out), year_(collection_year) {}
  void Begin(const Header& header);
  void Add(const Child& child);
  void End();

 private:
  void Element(int depth, const char* name, const std::string& value);
  std::ostream& out_;
  int year_;
};

void WriteXml(const Census& census, std::ostream& out);

struct BuildOptions {
  int collection_year = 0;  // 2026 = 2025/26
  std::string la_code;      // LEA
  std::string date_time;    // the header's DateTime; fixed for byte-identical output
};

// The census for a collection year from the case record: every child with a CIN episode
// (referral) open at any time in the year, with the assessments, CIN plans, S47 enquiries
// and CP plans of the episode that were open in the year. Anything recorded after the
// reference date is left out (an end after it is written as still open).
Result<Census> Build(const RecordSet& records, const BuildOptions& options);

}  // namespace sg::cin
