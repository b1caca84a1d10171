// Golden tests of the CIN rules of the episode family (src/returns/cin_rules_episode.cc).
//
// ValidChild's episode: referred 2025-05-01, open, ReferralNFA 0, with an assessment
// (2025-05-02, authorised 2025-06-10), a CIN plan, an S47 enquiry (2025-09-02, ICPC
// 2025-09-19) and a CP plan.

#include <gtest/gtest.h>

#include "returns/cin_rule_test_util.h"

namespace sg::cin {
namespace {

using testing::CensusOf;
using testing::Flagged;
using testing::Replace;
using testing::ValidChild;
using Ids = std::multiset<std::string>;

constexpr std::string_view kOpenNfa0 = "<ReferralNFA>0</ReferralNFA>";
constexpr std::string_view kNeed = "<PrimaryNeedCode>N1</PrimaryNeedCode>\n";

// A CINdetails element: `closure` empty for an open episode (closed ones get RC7 unless
// `reason` says otherwise); `modules` holds any Assessments/Section47/... elements.
std::string Episode(std::string_view referral, std::string_view closure, std::string_view nfa,
                    std::string_view modules = "", std::string_view reason = "RC7") {
  std::string x = "<CINdetails>\n<CINreferralDate>" + std::string(referral) +
                  "</CINreferralDate>\n<ReferralSource>1A</ReferralSource>\n" + std::string(kNeed);
  if (!closure.empty()) {
    x += "<CINclosureDate>" + std::string(closure) + "</CINclosureDate>\n<ReasonForClosure>" +
         std::string(reason) + "</ReasonForClosure>\n";
  }
  x +=
      std::string(modules) + "<ReferralNFA>" + std::string(nfa) + "</ReferralNFA>\n</CINdetails>\n";
  return x;
}

// ValidChild `id` with its episode replaced by `episodes`.
std::string ChildWith(std::string_view id, std::string_view serial, std::string_view episodes) {
  std::string child = ValidChild(id, serial);
  const size_t from = child.find("<CINdetails>");
  const size_t to = child.find("</Child>");
  return child.substr(0, from) + std::string(episodes) + child.substr(to);
}

// ValidChild `id` with `episodes` added after its own.
std::string ValidPlus(std::string_view id, std::string_view serial, std::string_view episodes) {
  return Replace(ValidChild(id, serial), "</CINdetails>\n</Child>",
                 "</CINdetails>\n" + std::string(episodes) + "</Child>");
}

// ValidChild `id` closed on `closure` with reason `reason`.
std::string ValidClosed(std::string_view id, std::string_view serial,
                        std::string_view closure = "2026-01-10", std::string_view reason = "RC7") {
  return Replace(ValidChild(id, serial), kNeed,
                 std::string(kNeed) + "<CINclosureDate>" + std::string(closure) +
                     "</CINclosureDate>\n<ReasonForClosure>" + std::string(reason) +
                     "</ReasonForClosure>\n");
}

std::string Assessment(std::string_view start, std::string_view authorised) {
  std::string x = "<Assessments>\n<AssessmentActualStartDate>" + std::string(start) +
                  "</AssessmentActualStartDate>\n";
  if (!authorised.empty()) {
    x += "<AssessmentAuthorisationDate>" + std::string(authorised) +
         "</AssessmentAuthorisationDate>\n";
  }
  return x + "</Assessments>\n";
}

std::string S47(std::string_view start, std::string_view icpc, std::string_view not_required) {
  std::string x =
      "<Section47>\n<S47ActualStartDate>" + std::string(start) + "</S47ActualStartDate>\n";
  if (!icpc.empty()) x += "<DateOfInitialCPC>" + std::string(icpc) + "</DateOfInitialCPC>\n";
  return x + "<ICPCnotRequired>" + std::string(not_required) + "</ICPCnotRequired>\n</Section47>\n";
}

std::string WithDeath(std::string child, std::string_view death) {
  return Replace(std::move(child), "<Sex>F</Sex>\n",
                 "<Sex>F</Sex>\n<PersonDeathDate>" + std::string(death) + "</PersonDeathDate>\n");
}

TEST(CinRule, R2990) {
  // B: closed after assessment with a CIN plan, an S47 enquiry and a CP plan: three reports.
  const std::string b = ValidClosed("B", "002", "2026-01-10", "RC8");
  // C: closed after assessment with only its assessment: fine.
  const std::string c = ChildWith(
      "C", "003",
      Episode("2025-05-01", "2025-06-10", "0", Assessment("2025-05-02", "2025-06-10"), "RC9"));
  // D: an initial conference date on the episode itself.
  const std::string d = ChildWith("D", "004",
                                  Episode("2025-05-01", "2025-06-10", "0",
                                          "<DateOfInitialCPC>2025-05-20</DateOfInitialCPC>\n" +
                                              Assessment("2025-05-02", "2025-06-10"),
                                          "RC9"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "2990"), (Ids{"B", "B", "B", "D"}));
  // Any other reason allows the activity.
  EXPECT_EQ(Flagged(CensusOf(ValidClosed("E", "005")), "2990"), Ids{});
}

TEST(CinRule, R2991Q) {
  const std::string b =
      ChildWith("B", "002", Episode("2025-05-01", "", "0", S47("2025-05-02", "", "0")));
  const std::string c = ChildWith("C", "003", Episode("2025-05-01", "", "0"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c), "2991Q"), Ids{"B"});
}

TEST(CinRule, R8555Q) {
  const std::string b = WithDeath(ValidChild("B", "002"), "2025-04-30");  // referred 05-01
  const std::string c = WithDeath(ValidChild("C", "003"), "2025-05-01");  // the same day
  const std::string d = WithDeath(ValidChild("D", "004"), "2025-05-00");  // malformed
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "8555Q"), Ids{"B"});
}

TEST(CinRule, R8568) {
  const std::string ok1 =
      Replace(ValidChild("T", "002"), kOpenNfa0, "<ReferralNFA>TRUE</ReferralNFA>");
  const std::string ok2 =
      Replace(ValidChild("F", "003"), kOpenNfa0, "<ReferralNFA>False</ReferralNFA>");
  const std::string missing = Replace(ValidChild("M", "004"), kOpenNfa0, "");
  const std::string two =
      Replace(ValidChild("N", "005"), kOpenNfa0, "<ReferralNFA>2</ReferralNFA>");
  const std::string yes =
      Replace(ValidChild("Y", "006"), kOpenNfa0, "<ReferralNFA>yes</ReferralNFA>");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + ok1 + ok2 + missing + two + yes), "8568"),
            (Ids{"M", "N", "Y"}));
}

TEST(CinRule, R8569Q) {
  // 2025/26: the collection starts on Tuesday 1 April 2025; the working day before is Monday
  // 31 March 2025. NFA referrals before that day are queried.
  const std::string on_day = ChildWith("B", "002", Episode("2025-03-31", "", "true"));
  const std::string before = ChildWith("C", "003", Episode("2025-03-28", "", "1"));
  const std::string not_nfa = ChildWith("D", "004", Episode("2025-03-28", "", "0"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + on_day + before + not_nfa), "8569Q"), Ids{"C"});
  // 2024/25: 1 April 2024 was Easter Monday and 29 March Good Friday, so the working day before
  // the collection start is Thursday 28 March 2024.
  const std::string thursday = ChildWith("E", "005", Episode("2024-03-28", "", "1"));
  const std::string wednesday = ChildWith("F", "006", Episode("2024-03-27", "", "1"));
  EXPECT_EQ(Flagged(CensusOf(thursday + wednesday, "2025-03-31"), "8569Q"), Ids{"F"});
}

TEST(CinRule, R8585Q) {
  const std::string b = ValidClosed("B", "002", "2026-01-10", "RC2");
  const std::string c = WithDeath(ValidClosed("C", "003", "2026-01-10", "RC2"), "2026-01-09");
  const std::string d = WithDeath(ValidClosed("D", "004", "2026-01-10", "RC2"), "2026-02-30");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "8585Q"), (Ids{"B", "D"}));
}

TEST(CinRule, R8600) {
  const std::string b =
      Replace(ValidChild("B", "002"), "<CINreferralDate>2025-05-01</CINreferralDate>\n", "");
  const std::string c = ChildWith("C", "003", Episode("2026-04-01", "", "0"));
  const std::string d = ChildWith("D", "004", Episode("2026-03-31", "", "0"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "8600"), (Ids{"B", "C"}));
}

TEST(CinRule, R8606) {
  // Referred 2025-05-01: a child born up to 280 days later (2026-02-05) is fine.
  const std::string birth = "<PersonBirthDate>2015-06-01</PersonBirthDate>";
  const std::string b =
      Replace(ValidChild("B", "002"), birth, "<PersonBirthDate>2026-02-05</PersonBirthDate>");
  const std::string c =
      Replace(ValidChild("C", "003"), birth, "<PersonBirthDate>2026-02-06</PersonBirthDate>");
  const std::string d = Replace(ValidChild("D", "004"), birth,
                                "<ExpectedPersonBirthDate>2026-02-06</ExpectedPersonBirthDate>");
  const std::string e = Replace(ValidChild("E", "005"), birth,
                                "<ExpectedPersonBirthDate>2026-02-05</ExpectedPersonBirthDate>");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d + e, "2026-03-31"), "8606"),
            (Ids{"C", "D"}));
}

TEST(CinRule, R8610) {
  const std::string no_need_0 = Replace(ValidChild("B", "002"), kNeed, "");
  const std::string no_need_false = Replace(Replace(ValidChild("C", "003"), kNeed, ""), kOpenNfa0,
                                            "<ReferralNFA>FALSE</ReferralNFA>");
  const std::string no_need_nfa =
      ChildWith("D", "004", Replace(Episode("2025-05-01", "", "1"), kNeed, ""));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + no_need_0 + no_need_false + no_need_nfa), "8610"),
            (Ids{"B", "C"}));
}

TEST(CinRule, R8620) {
  const std::string first = ValidClosed("B", "002", "2025-04-01");
  const std::string last = ValidClosed("C", "003", "2026-03-31");
  const std::string before = ValidClosed("D", "004", "2025-03-31");
  const std::string after = ValidClosed("E", "005", "2026-04-01");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + first + last + before + after), "8620"),
            (Ids{"D", "E"}));
}

TEST(CinRule, R8630) {
  const std::string same_day = ChildWith("B", "002", Episode("2025-05-01", "2025-05-01", "1"));
  const std::string day_before = ChildWith("C", "003", Episode("2025-05-01", "2025-04-30", "1"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + same_day + day_before), "8630"), Ids{"C"});
}

TEST(CinRule, R8640) {
  const std::string rc9 = ValidClosed("B", "002", "2026-01-10", "RC9");
  const std::string rc10 = ValidClosed("C", "003", "2026-01-10", "RC10");
  const std::string lower = ValidClosed("D", "004", "2026-01-10", "rc1");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + rc9 + rc10 + lower), "8640"), (Ids{"C", "D"}));
}

TEST(CinRule, R8650) {
  const std::string n0 =
      Replace(ValidChild("B", "002"), kNeed, "<PrimaryNeedCode>N0</PrimaryNeedCode>\n");
  const std::string n9 =
      Replace(ValidChild("C", "003"), kNeed, "<PrimaryNeedCode>N9</PrimaryNeedCode>\n");
  const std::string n10 =
      Replace(ValidChild("D", "004"), kNeed, "<PrimaryNeedCode>N10</PrimaryNeedCode>\n");
  const std::string absent = Replace(ValidChild("E", "005"), kNeed, "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + n0 + n9 + n10 + absent), "8650"), Ids{"D"});
}

TEST(CinRule, R8805) {
  const std::string b =
      Replace(ValidClosed("B", "002"), "<ReasonForClosure>RC7</ReasonForClosure>\n", "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + ValidClosed("C", "003") + b), "8805"), Ids{"B"});
}

TEST(CinRule, R8810) {
  const std::string b =
      Replace(ValidClosed("B", "002"), "<CINclosureDate>2026-01-10</CINclosureDate>\n", "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + ValidClosed("C", "003") + b), "8810"), Ids{"B"});
}

TEST(CinRule, R8815) {
  // Two open episodes that are not NFA: both reported.
  const std::string b = ValidPlus("B", "002", Episode("2024-06-01", "", "0"));
  // An open NFA episode and a closed one do not count.
  const std::string c = ValidPlus("C", "003", Episode("2025-04-10", "", "1"));
  const std::string d = ValidPlus("D", "004", Episode("2024-06-01", "2025-01-10", "0"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "8815"), (Ids{"B", "B"}));
}

TEST(CinRule, R8816) {
  // The open episode (2025-05-01) precedes a closed one referred later.
  const std::string b = ValidPlus("B", "002", Episode("2025-06-01", "2025-07-01", "0"));
  const std::string c = ValidPlus("C", "003", Episode("2024-06-01", "2025-01-10", "0"));
  // A later referral on the same day as the open one's is not later.
  const std::string d = ValidPlus("D", "004", Episode("2025-05-01", "2025-05-01", "1"));
  // An open NFA episode is not held to this.
  const std::string e = ChildWith(
      "E", "005", Episode("2025-04-10", "", "1") + Episode("2025-06-01", "2025-07-01", "0"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d + e), "8816"), Ids{"B"});
}

TEST(CinRule, R8820) {
  // B: a closed episode referred while the open one runs (the open one is not inside it).
  const std::string b = ValidPlus("B", "002", Episode("2025-06-01", "2025-07-01", "0"));
  // C: the open episode starts on the day the earlier one closed: fine.
  const std::string c = ValidPlus("C", "003", Episode("2025-04-01", "2025-05-01", "0"));
  // D: ... or the day after it closed: an overlap.
  const std::string d = ValidPlus("D", "004", Episode("2025-04-01", "2025-05-02", "0"));
  // E: an earlier open NFA episode does not run on.
  const std::string e = ValidPlus("E", "005", Episode("2025-04-10", "", "1"));
  // F: two short episodes inside a long one, not next to it in order: both reported.
  const std::string f = ChildWith("F", "006",
                                  Episode("2025-05-01", "2025-05-10", "0") +
                                      Episode("2025-06-01", "2025-06-05", "0") +
                                      Episode("2025-04-02", "2026-02-01", "0"));
  // G: two episodes referred on the same day: each inside the other.
  const std::string g = ChildWith(
      "G", "007",
      Episode("2025-05-01", "2025-06-01", "0") + Episode("2025-05-01", "2025-06-01", "0"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d + e + f + g), "8820"),
            (Ids{"B", "D", "F", "F", "G", "G"}));
}

TEST(CinRule, R8825Q) {
  const std::string b = ChildWith("B", "002", Episode("2025-05-01", "2025-05-20", "0", "", "RC8"));
  const std::string c = ChildWith(
      "C", "003",
      Episode("2025-05-01", "2025-05-20", "0", Assessment("2025-05-02", "2025-05-19"), "RC9"));
  const std::string d = ChildWith("D", "004", Episode("2025-05-01", "2025-05-20", "0", "", "RC7"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "8825Q"), Ids{"B"});
}

TEST(CinRule, R8831) {
  // B: NFA with an assessment and an S47 enquiry (and a CIN plan and CP plan, not in this rule).
  const std::string b = Replace(ValidChild("B", "002"), kOpenNfa0, "<ReferralNFA>1</ReferralNFA>");
  const std::string c = ChildWith("C", "003", Episode("2025-05-01", "", "true"));
  const std::string d = ChildWith(
      "D", "004",
      Episode("2025-05-01", "", "true", "<DateOfInitialCPC>2025-05-20</DateOfInitialCPC>\n"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d), "8831"), (Ids{"B", "B", "D"}));
}

TEST(CinRule, R8866) {
  const std::string source = "<ReferralSource>1A</ReferralSource>\n";
  const std::string absent = Replace(ValidChild("B", "002"), source, "");
  const std::string eleven =
      Replace(ValidChild("C", "003"), source, "<ReferralSource>11</ReferralSource>\n");
  const std::string ten =
      Replace(ValidChild("D", "004"), source, "<ReferralSource>10</ReferralSource>\n");
  const std::string old =
      Replace(ChildWith("E", "005", Episode("2013-03-31", "", "0")), source, "");
  const std::string since =
      Replace(ChildWith("F", "006", Episode("2013-04-01", "", "0")), source, "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + absent + eleven + ten + old + since), "8866"),
            (Ids{"B", "C", "F"}));
}

TEST(CinRule, R8867) {
  const std::string b =
      ChildWith("B", "002", Episode("2025-05-01", "2025-06-01", "0", Assessment("2025-05-02", "")));
  const std::string c =
      ChildWith("C", "003", Episode("2025-05-01", "", "0", Assessment("2025-05-02", "")));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + ValidClosed("D", "004") + b + c), "8867"), Ids{"B"});
}

TEST(CinRule, R8868) {
  const auto closed = [](std::string_view id, std::string_view serial, std::string_view s47) {
    return ChildWith(id, serial,
                     Episode("2025-05-01", "2025-08-01", "0",
                             Assessment("2025-05-02", "2025-06-10") + std::string(s47)));
  };
  const std::string neither = closed("B", "002", S47("2025-07-01", "", "0"));
  const std::string not_required = closed("C", "003", S47("2025-07-01", "", "true"));
  const std::string both = closed("D", "004", S47("2025-07-01", "2025-07-20", "1"));
  const std::string open =
      ChildWith("E", "005",
                Episode("2025-05-01", "", "0",
                        Assessment("2025-05-02", "2025-06-10") + S47("2025-07-01", "", "0")));
  EXPECT_EQ(
      Flagged(CensusOf(ValidClosed("A", "001") + neither + not_required + both + open), "8868"),
      (Ids{"B", "D"}));
}

TEST(CinRule, R8890) {
  const auto two = [](std::string_view id, std::string_view serial, const std::string& s47s) {
    return ChildWith(id, serial,
                     Episode("2025-05-01", "", "0", Assessment("2025-05-02", "2025-06-10") + s47s));
  };
  // The second enquiry starts on the day of the first's conference: still ongoing.
  const std::string b =
      two("B", "002", S47("2025-09-02", "2025-09-19", "0") + S47("2025-09-19", "", "1"));
  // ... or the day after: fine.
  const std::string c =
      two("C", "003", S47("2025-09-02", "2025-09-19", "0") + S47("2025-09-20", "", "1"));
  // An enquiry with no conference and not marked as not needing one runs to the census day.
  const std::string d = two("D", "004", S47("2025-12-01", "", "1") + S47("2025-09-02", "", "0"));
  const std::string e = two("E", "005", S47("2025-09-02", "", "true") + S47("2025-12-01", "", "1"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + b + c + d + e), "8890"), (Ids{"B", "D"}));
}

}  // namespace
}  // namespace sg::cin
