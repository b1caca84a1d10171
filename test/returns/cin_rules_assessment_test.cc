// Golden tests of the CIN rules of the assessment family (src/returns/cin_rules_assessment.cc).

#include <gtest/gtest.h>

#include <initializer_list>

#include "model/code_list.h"
#include "returns/cin_rule_test_util.h"

namespace sg::cin {
namespace {

using testing::CensusOf;
using testing::Flagged;
using testing::Replace;
using testing::ValidChild;
using Ids = std::multiset<std::string>;

// The modules of ValidChild, as it writes them.
constexpr std::string_view kAssessment =
    "<Assessments>\n<AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>\n"
    "<AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>\n"
    "<FactorsIdentifiedAtAssessment>\n<AssessmentFactors>1C</AssessmentFactors>\n"
    "</FactorsIdentifiedAtAssessment>\n</Assessments>\n";
constexpr std::string_view kPlan =
    "<CINPlanDates>\n<CINPlanStartDate>2025-06-11</CINPlanStartDate>\n"
    "<CINPlanEndDate>2025-09-01</CINPlanEndDate>\n</CINPlanDates>\n";
constexpr std::string_view kCppStart = "<CPPstartDate>2025-09-19</CPPstartDate>\n";
constexpr std::string_view kNeed = "<PrimaryNeedCode>N1</PrimaryNeedCode>\n";
constexpr std::string_view kNfa = "<ReferralNFA>0</ReferralNFA>\n";

// An Assessments module; "" leaves a date out; no factors leaves the factors group out.
std::string Assessment(std::string_view start, std::string_view end,
                       std::initializer_list<std::string_view> factors) {
  std::string xml = "<Assessments>\n";
  if (!start.empty()) {
    xml += "<AssessmentActualStartDate>" + std::string(start) + "</AssessmentActualStartDate>\n";
  }
  if (!end.empty()) {
    xml += "<AssessmentAuthorisationDate>" + std::string(end) + "</AssessmentAuthorisationDate>\n";
  }
  if (factors.size() > 0) {
    xml += "<FactorsIdentifiedAtAssessment>\n";
    for (std::string_view f : factors) {
      xml += "<AssessmentFactors>" + std::string(f) + "</AssessmentFactors>\n";
    }
    xml += "</FactorsIdentifiedAtAssessment>\n";
  }
  return xml + "</Assessments>\n";
}

// A CINPlanDates module; "" leaves a date out.
std::string Plan(std::string_view start, std::string_view end) {
  std::string xml = "<CINPlanDates>\n";
  if (!start.empty()) xml += "<CINPlanStartDate>" + std::string(start) + "</CINPlanStartDate>\n";
  if (!end.empty()) xml += "<CINPlanEndDate>" + std::string(end) + "</CINPlanEndDate>\n";
  return xml + "</CINPlanDates>\n";
}

// ValidChild with its assessment (or CIN plan) replaced by `modules`.
std::string WithAssessments(std::string_view id, std::string_view serial,
                            const std::string& modules) {
  return Replace(ValidChild(id, serial), kAssessment, modules);
}
std::string WithPlans(std::string_view id, std::string_view serial, const std::string& modules) {
  return Replace(ValidChild(id, serial), kPlan, modules);
}

// ValidChild's CP plan given an end date.
std::string WithCppEnd(std::string xml, std::string_view end) {
  return Replace(std::move(xml), kCppStart,
                 std::string(kCppStart) + "<CPPendDate>" + std::string(end) + "</CPPendDate>\n");
}

// The CINdetails element of ValidChild.
std::string EpisodeOf(const std::string& child) {
  const size_t from = child.find("<CINdetails>");
  const std::string close = "</CINdetails>\n";
  const size_t to = child.find(close) + close.size();
  return child.substr(from, to - from);
}

// A child whose one episode is replaced by two (each a CINdetails element).
std::string TwoEpisodes(std::string_view id, std::string_view serial, const std::string& first,
                        const std::string& second) {
  const std::string child = ValidChild(id, serial);
  return Replace(child, EpisodeOf(child), first + second);
}

// ---- Assessments

TEST(CinRule, R1103) {
  const std::string before =
      WithAssessments("B", "002", Assessment("2025-04-30", "2025-06-10", {"1C"}));
  const std::string same =
      WithAssessments("C", "003", Assessment("2025-05-01", "2025-06-10", {"1C"}));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + before + same), "1103"), Ids{"B"});
}

TEST(CinRule, R8608) {
  const std::string later =
      WithAssessments("B", "002", Assessment("2025-05-02", "2025-05-01", {"1C"}));
  const std::string same =
      WithAssessments("C", "003", Assessment("2025-05-02", "2025-05-02", {"1C"}));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + later + same), "8608"), Ids{"B"});
}

TEST(CinRule, R8614) {
  const std::string open_with = WithAssessments("B", "002", Assessment("2026-03-01", "", {"1C"}));
  const std::string open_without = WithAssessments("C", "003", Assessment("2026-03-01", "", {}));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + open_with + open_without), "8614"), Ids{"B"});
}

TEST(CinRule, R8670Q) {
  // 2025/26: no bank holiday from January to March 2026; 27 January is 45 working days before
  // Tuesday 31 March.
  const std::string limit = WithAssessments("B", "002", Assessment("2026-01-27", "", {}));
  const std::string before = WithAssessments("C", "003", Assessment("2026-01-26", "", {}));
  const std::string old_done =
      WithAssessments("D", "004", Assessment("2025-04-02", "2025-06-10", {"1C"}));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + limit + before + old_done), "8670Q"), Ids{"C"});
  // 2023/24: Good Friday (29 March 2024) is not a working day, so the 45th working day before
  // Sunday 31 March is Friday 26 January (it would be Monday 29 January without the holiday).
  const std::string limit24 = WithAssessments("E", "005", Assessment("2024-01-26", "", {}));
  const std::string before24 = WithAssessments("F", "006", Assessment("2024-01-25", "", {}));
  EXPECT_EQ(Flagged(CensusOf(limit24 + before24, "2024-03-31"), "8670Q"), Ids{"F"});
}

TEST(CinRule, R8696) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-03-01", "2025-03-31", {"1C"}));
  xml += WithAssessments("C", "003", Assessment("2025-03-01", "2025-04-01", {"1C"}));
  xml += WithAssessments("D", "004", Assessment("2026-03-01", "2026-03-31", {"1C"}));
  xml += WithAssessments("E", "005", Assessment("2026-03-01", "2026-04-01", {"1C"}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8696"), (Ids{"B", "E"}));
}

TEST(CinRule, R8736) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-03-31", "", {}));
  xml += WithAssessments("C", "003", Assessment("2025-04-01", "", {}));
  xml += WithAssessments("D", "004", Assessment("2026-03-31", "", {}));
  xml += WithAssessments("E", "005", Assessment("2026-04-01", "", {}));
  // Authorised: the start may be before the census year.
  xml += WithAssessments("F", "006", Assessment("2025-03-01", "2025-04-10", {"1C"}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8736"), (Ids{"B", "E"}));
}

TEST(CinRule, R8863Q) {
  const std::string first = Assessment("2025-05-02", "2025-06-10", {"1C"});
  std::string xml = ValidChild("A");
  // Starts on the day the other is authorised: ongoing.
  xml += WithAssessments("B", "002", first + Assessment("2025-06-10", "2025-07-10", {"1C"}));
  // Starts the day after: not.
  xml += WithAssessments("C", "003", first + Assessment("2025-06-11", "2025-07-10", {"1C"}));
  // The other is not authorised: ongoing to the reference date.
  xml += WithAssessments("D", "004",
                         Assessment("2025-05-02", "", {}) + Assessment("2025-08-01", "", {}));
  // Two identical assessments: each starts within the other.
  xml += WithAssessments("E", "005", first + first);
  // Overlapping assessments in different episodes are not compared.
  const std::string child_f = ValidChild("F", "006");
  const std::string ep = EpisodeOf(child_f);
  xml += TwoEpisodes("F", "006", ep,
                     Replace(ep, kAssessment, Assessment("2025-05-20", "2025-06-20", {"1C"})));
  EXPECT_EQ(Flagged(CensusOf(xml), "8863Q"), (Ids{"B", "D", "E", "E"}));
}

TEST(CinRule, R8869) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-05-02", "2025-06-10", {"21", "1C"}));
  xml += WithAssessments("C", "003", Assessment("2025-05-02", "2025-06-10", {"21"}));
  xml += WithAssessments("D", "004", Assessment("2025-05-02", "2025-06-10", {"1C", "21"}));
  // A repeated 21 is 8898's concern.
  xml += WithAssessments("E", "005", Assessment("2025-05-02", "2025-06-10", {"21", "21"}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8869"), (Ids{"B", "D"}));
}

TEST(CinRule, R8873Q) {
  const std::string only21 = Assessment("2025-05-02", "2025-06-10", {"21"});
  auto closed = [](std::string xml, std::string_view reason) {
    return Replace(std::move(xml), kNeed,
                   std::string(kNeed) + "<CINclosureDate>2025-07-01</CINclosureDate>\n" +
                       "<ReasonForClosure>" + std::string(reason) + "</ReasonForClosure>\n");
  };
  std::string xml = ValidChild("A");
  xml += closed(WithAssessments("B", "002", only21), "RC8");
  xml += closed(WithAssessments("C", "003", only21), "RC9");
  xml += closed(WithAssessments("D", "004", only21), "RC7");
  xml += WithAssessments("E", "005", only21);  // open: no reason for closure
  // Two assessments on the episode: not this rule's case.
  xml += closed(WithAssessments("F", "006", only21 + only21), "RC7");
  EXPECT_EQ(Flagged(CensusOf(xml), "8873Q"), (Ids{"D", "E"}));
}

TEST(CinRule, R8896) {
  const std::string open = Assessment("2026-03-01", "", {});
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", open + open);
  xml += WithAssessments("C", "003", std::string(kAssessment) + open);
  // One open assessment in each of two episodes.
  const std::string child_d = ValidChild("D", "004");
  const std::string ep = Replace(EpisodeOf(child_d), kAssessment, open);
  xml += TwoEpisodes("D", "004", ep, ep);
  EXPECT_EQ(Flagged(CensusOf(xml), "8896"), (Ids{"B", "B"}));
}

TEST(CinRule, R8897Q) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-05-02", "2025-06-10", {}));
  xml += WithAssessments("C", "003", Assessment("2025-05-02", "2025-06-10", {"1C", "99Z"}));
  xml += WithAssessments(
      "D", "004",
      "<Assessments>\n<AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>\n"
      "<AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>\n"
      "<FactorsIdentifiedAtAssessment/>\n</Assessments>\n");
  // Codes of the 2025/26 list, retired ones included (queried by 8945Q and 8950Q).
  xml += WithAssessments("E", "005",
                         Assessment("2025-05-02", "2025-06-10", {"18A", "19A", "24A", "20", "21"}));
  // Authorised before the census year, or not authorised: no factors needed.
  xml += WithAssessments("F", "006", Assessment("2025-02-02", "2025-03-31", {}));
  xml += WithAssessments("G", "007", Assessment("2026-03-01", "", {}));
  // Authorised on the first day of the year: needed.
  xml += WithAssessments("H", "008", Assessment("2025-03-02", "2025-04-01", {}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8897Q"), (Ids{"B", "C", "D", "H"}));
  // The rule accepts the model's list: it must stay the 2025/26 schema's 44 codes (the
  // community validator's list too), with no Safeguard or retired additions.
  std::string codes;
  for (const CodeEntry& entry : GetCodeList(CodeListId::kAssessmentFactor).entries) {
    codes += std::string(entry.code) + " ";
  }
  EXPECT_EQ(codes,
            "1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A "
            "12A 13A 14A 15A 16A 17A 18A 18B 18C 19A 19B 19C 20 21 22A 23A 24A ");
}

TEST(CinRule, R8898) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-05-02", "2025-06-10", {"1C", "2A", "1C"}));
  xml += WithAssessments("C", "003", Assessment("2025-05-02", "2025-06-10", {"1C", "2A", "1B"}));
  // The same code in two assessments of one episode is no duplicate.
  xml += WithAssessments("D", "004",
                         Assessment("2025-05-02", "2025-06-10", {"1C"}) +
                             Assessment("2025-07-02", "2025-08-10", {"1C"}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8898"), Ids{"B"});
}

TEST(CinRule, R8945Q) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-05-02", "2025-06-10", {"1C", "18A"}));
  xml += WithAssessments("C", "003", Assessment("2025-05-02", "2025-06-10", {"18B", "18C"}));
  xml += WithAssessments("D", "004", Assessment("2025-05-02", "2025-06-10", {"18a"}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8945Q"), (Ids{"B", "D"}));
}

TEST(CinRule, R8950Q) {
  std::string xml = ValidChild("A");
  xml += WithAssessments("B", "002", Assessment("2025-05-02", "2025-06-10", {"19A", "1C"}));
  xml += WithAssessments("C", "003", Assessment("2025-05-02", "2025-06-10", {"19B", "19C"}));
  xml += WithAssessments("D", "004", Assessment("2025-05-02", "2025-06-10", {"18A"}));
  EXPECT_EQ(Flagged(CensusOf(xml), "8950Q"), Ids{"B"});
}

// ---- CINPlanDates

TEST(CinRule, R4000) {
  std::string xml = ValidChild("A");
  xml += Replace(ValidChild("B", "002"), kNfa, "<ReferralNFA>1</ReferralNFA>\n");
  xml += Replace(ValidChild("C", "003"), kNfa, "<ReferralNFA>true</ReferralNFA>\n");
  xml += Replace(WithPlans("D", "004", ""), kNfa, "<ReferralNFA>1</ReferralNFA>\n");
  EXPECT_EQ(Flagged(CensusOf(xml), "4000"), (Ids{"B", "C"}));
}

TEST(CinRule, R4001) {
  const std::string open_plan = Plan("2025-06-11", "");
  std::string xml = ValidChild("A");  // CP plan open, CIN plan ended
  xml += WithPlans("B", "002", open_plan);
  xml += WithCppEnd(WithPlans("C", "003", open_plan), "2026-01-10");
  // The open CIN plan and the open CP plan are in different episodes.
  const std::string child_d = ValidChild("D", "004");
  const std::string ep = EpisodeOf(child_d);
  const size_t cpp = ep.find("<ChildProtectionPlans>");
  const std::string no_cpp =
      ep.substr(0, cpp) + ep.substr(ep.find("</ChildProtectionPlans>\n") + 24);
  xml += TwoEpisodes("D", "004", Replace(no_cpp, kPlan, open_plan), Replace(ep, kPlan, ""));
  EXPECT_EQ(Flagged(CensusOf(xml), "4001"), Ids{"B"});
}

TEST(CinRule, R4004) {
  const std::string open = Plan("2025-06-11", "");
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", open + open);
  xml += WithPlans("C", "003", std::string(kPlan) + open);
  // One open CIN plan in each of two episodes: the child has two.
  const std::string child_d = ValidChild("D", "004");
  const std::string ep = Replace(EpisodeOf(child_d), kPlan, open);
  xml += TwoEpisodes("D", "004", ep, ep);
  EXPECT_EQ(Flagged(CensusOf(xml), "4004"), (Ids{"B", "B", "D", "D"}));
}

TEST(CinRule, R4010) {
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", Plan("", "2025-09-01"));
  xml += WithPlans("C", "003", Plan("2026-03-31", ""));
  xml += WithPlans("D", "004", Plan("2026-04-01", ""));
  xml += WithPlans("E", "005", Plan("2024-06-01", "2025-09-01"));  // before the year: allowed
  EXPECT_EQ(Flagged(CensusOf(xml), "4010"), (Ids{"B", "D"}));
}

TEST(CinRule, R4011) {
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", Plan("2025-06-11", "2025-06-10"));
  xml += WithPlans("C", "003", Plan("2025-06-11", "2025-06-11"));
  EXPECT_EQ(Flagged(CensusOf(xml), "4011"), Ids{"B"});
}

TEST(CinRule, R4012Q) {
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", Plan("2025-06-11", "2025-06-11"));
  xml += WithPlans("C", "003", Plan("2025-06-11", "2025-06-12"));
  xml += WithPlans("D", "004", Plan("2025-06-11", ""));
  EXPECT_EQ(Flagged(CensusOf(xml), "4012Q"), Ids{"B"});
}

TEST(CinRule, R4013) {
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", Plan("2025-03-01", "2025-03-31"));
  xml += WithPlans("C", "003", Plan("2025-03-01", "2025-04-01"));
  xml += WithPlans("D", "004", Plan("2025-06-11", "2026-03-31"));
  xml += WithPlans("E", "005", Plan("2025-06-11", "2026-04-01"));
  xml += WithPlans("F", "006", Plan("2025-06-11", ""));
  EXPECT_EQ(Flagged(CensusOf(xml), "4013"), (Ids{"B", "E"}));
}

TEST(CinRule, R4014) {
  const std::string first = std::string(kPlan);  // 2025-06-11 to 2025-09-01
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", first + Plan("2025-09-01", "2025-10-01"));  // on the end day
  xml += WithPlans("C", "003", first + Plan("2025-09-02", "2025-10-01"));  // the day after
  xml += WithPlans("D", "004", Plan("2025-06-11", "") + Plan("2025-12-01", "2026-01-01"));
  // Plans of two episodes of the child are compared too.
  const std::string child_e = ValidChild("E", "005");
  const std::string ep = EpisodeOf(child_e);
  xml += TwoEpisodes("E", "005", ep, Replace(ep, kPlan, Plan("2025-08-01", "2025-08-20")));
  EXPECT_EQ(Flagged(CensusOf(xml), "4014"), (Ids{"B", "D", "E"}));
}

TEST(CinRule, R4015) {
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", Plan("2025-04-30", "2025-06-01"));
  xml += WithPlans("C", "003", Plan("2025-05-01", "2025-06-01"));
  EXPECT_EQ(Flagged(CensusOf(xml), "4015"), Ids{"B"});
}

TEST(CinRule, R4016) {
  // ValidChild's CP plan starts on 2025-09-19 and is open.
  std::string xml = ValidChild("A");
  xml += WithPlans("B", "002", Plan("2025-09-19", "2025-10-01"));  // on the CP plan's start
  xml += WithPlans("C", "003", Plan("2026-03-01", ""));            // while it is open
  // The CP plan ends on 2025-12-01: a CIN plan may start that day, not the day before.
  xml += WithCppEnd(WithPlans("D", "004", Plan("2025-12-01", "")), "2025-12-01");
  xml += WithCppEnd(WithPlans("E", "005", Plan("2025-11-30", "")), "2025-12-01");
  // A CIN plan in another episode of the child, while the CP plan is open.
  const std::string child_f = ValidChild("F", "006");
  const std::string ep = EpisodeOf(child_f);
  xml += TwoEpisodes("F", "006", ep, Replace(ep, kPlan, Plan("2025-10-01", "2025-11-01")));
  EXPECT_EQ(Flagged(CensusOf(xml), "4016"), (Ids{"B", "C", "E", "F"}));
}

TEST(CinRule, R4017) {
  // ValidChild's CIN plan runs from 2025-06-11 to 2025-09-01; its CP plan starts 2025-09-19.
  auto cpp_from = [](std::string xml, std::string_view start) {
    return Replace(std::move(xml), kCppStart,
                   "<CPPstartDate>" + std::string(start) + "</CPPstartDate>\n");
  };
  std::string xml = ValidChild("A");
  xml += cpp_from(ValidChild("B", "002"), "2025-06-11");  // on the CIN plan's start
  xml += cpp_from(ValidChild("C", "003"), "2025-09-01");  // on its end: allowed
  xml += cpp_from(ValidChild("D", "004"), "2025-08-31");  // the day before its end
  xml += WithPlans("E", "005", Plan("2025-06-11", ""));   // the CIN plan is still open
  // A CP plan in another episode of the child, while the CIN plan is open.
  const std::string child_f = ValidChild("F", "006");
  const std::string ep = EpisodeOf(child_f);
  xml += TwoEpisodes(
      "F", "006", Replace(ep, kPlan, Plan("2025-06-11", "2025-12-01")),
      Replace(Replace(ep, kPlan, ""), kCppStart, "<CPPstartDate>2025-11-01</CPPstartDate>\n"));
  // Ids: F twice, once for each episode's CP plan (2025-09-19 and 2025-11-01).
  EXPECT_EQ(Flagged(CensusOf(xml), "4017"), (Ids{"B", "D", "E", "F", "F"}));
}

}  // namespace
}  // namespace sg::cin
