#include "returns/cin_rule_test_util.h"

#include <gtest/gtest.h>

#include "model/record.h"
#include "returns/cin_reader.h"
#include "returns/cin_validate.h"

namespace sg::cin::testing {

Census CensusOf(std::string_view children_xml, std::string_view reference_date) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>\n<CollectionDetails>\n"
      "<Collection>CIN</Collection>\n<Year>" +
      std::string(reference_date.substr(0, 4)) + "</Year>\n<ReferenceDate>" +
      std::string(reference_date) +
      "</ReferenceDate>\n</CollectionDetails>\n<Source>\n<SourceLevel>L</SourceLevel>\n"
      "<LEA>885</LEA>\n</Source>\n</Header>\n<Children>\n" +
      std::string(children_xml) + "</Children>\n</Message>\n";
  auto read = ReadText(xml, {0, false});
  EXPECT_TRUE(read.ok());
  if (!read.ok()) return {};
  EXPECT_TRUE(read->well_formed) << xml;
  return read->census;
}

std::string ValidChild(std::string_view id, std::string_view upn_serial) {
  const std::string body = "885123415" + std::string(upn_serial);
  const std::string upn = std::string(1, UpnCheckLetter(body)) + body;
  return "<Child>\n<ChildIdentifiers>\n<LAchildID>" + std::string(id) + "</LAchildID>\n<UPN>" +
         upn +
         "</UPN>\n<PersonBirthDate>2015-06-01</PersonBirthDate>\n<Sex>F</Sex>\n"
         "</ChildIdentifiers>\n<ChildCharacteristics>\n<Ethnicity>WBRI</Ethnicity>\n"
         "<Disabilities>\n<Disability>NONE</Disability>\n</Disabilities>\n"
         "</ChildCharacteristics>\n<CINdetails>\n<CINreferralDate>2025-05-01</CINreferralDate>\n"
         "<ReferralSource>1A</ReferralSource>\n<PrimaryNeedCode>N1</PrimaryNeedCode>\n"
         "<Assessments>\n<AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>\n"
         "<AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>\n"
         "<FactorsIdentifiedAtAssessment>\n<AssessmentFactors>1C</AssessmentFactors>\n"
         "</FactorsIdentifiedAtAssessment>\n</Assessments>\n<CINPlanDates>\n"
         "<CINPlanStartDate>2025-06-11</CINPlanStartDate>\n"
         "<CINPlanEndDate>2025-09-01</CINPlanEndDate>\n</CINPlanDates>\n<Section47>\n"
         "<S47ActualStartDate>2025-09-02</S47ActualStartDate>\n"
         "<InitialCPCtarget>2025-09-23</InitialCPCtarget>\n"
         "<DateOfInitialCPC>2025-09-19</DateOfInitialCPC>\n<ICPCnotRequired>0</ICPCnotRequired>\n"
         "</Section47>\n<ReferralNFA>0</ReferralNFA>\n<ChildProtectionPlans>\n"
         "<CPPstartDate>2025-09-19</CPPstartDate>\n"
         "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n"
         "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n"
         "<NumberOfPreviousCPP>0</NumberOfPreviousCPP>\n<Reviews>\n"
         "<CPPreviewDate>2025-12-10</CPPreviewDate>\n</Reviews>\n</ChildProtectionPlans>\n"
         "</CINdetails>\n</Child>\n";
}

std::string Replace(std::string xml, std::string_view from, std::string_view to) {
  const size_t at = xml.find(from);
  EXPECT_NE(at, std::string::npos) << "not found: " << from;
  if (at != std::string::npos) xml.replace(at, from.size(), to);
  return xml;
}

std::multiset<std::string> Flagged(const Census& census, std::string_view code) {
  const Rule* rule = FindRule(code);
  EXPECT_NE(rule, nullptr) << "rule " << code << " is not registered";
  std::multiset<std::string> out;
  if (rule == nullptr) return out;
  Context ctx;
  ctx.census = &census;
  ctx.calendar = &WorkingDayCalendar::England();
  const auto ref = ParseDate(census.header.reference_date);
  const int year = ref ? ref->year() : 2026;
  ctx.reference_date = Date::FromCivil(year, 3, 31);
  ctx.collection_start = Date::FromCivil(year - 1, 4, 1);
  Findings findings;
  rule->check(ctx, findings);
  for (const Finding& f : findings.list()) {
    EXPECT_EQ(f.rule, std::string(code));
    out.insert(f.child);
  }
  return out;
}

}  // namespace sg::cin::testing
