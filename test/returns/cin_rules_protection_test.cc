// Golden tests of the CIN rules of the protection family (src/returns/cin_rules_protection.cc).
//
// ValidChild's dates: referral 2025-05-01 (open episode), assessment 2025-05-02/2025-06-10,
// CIN plan 2025-06-11 to 2025-09-01, S47 started 2025-09-02 (target 2025-09-23, conference
// 2025-09-19, ICPCnotRequired 0), CP plan from 2025-09-19 (open, NEG/NEG, 0 previous) with one
// review on 2025-12-10. The census year is 2025-04-01 to 2026-03-31.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "returns/cin_rule_test_util.h"

namespace sg::cin {
namespace {

using testing::CensusOf;
using testing::Flagged;
using testing::Replace;
using testing::ValidChild;
using Ids = std::multiset<std::string>;

constexpr std::string_view kPrimaryNeed = "<PrimaryNeedCode>N1</PrimaryNeedCode>\n";
constexpr std::string_view kCppStart = "<CPPstartDate>2025-09-19</CPPstartDate>\n";
constexpr std::string_view kS47Icpc = "<DateOfInitialCPC>2025-09-19</DateOfInitialCPC>\n";
constexpr std::string_view kNotRequired = "<ICPCnotRequired>0</ICPCnotRequired>";

std::string Tag(std::string_view name, std::string_view value) {
  return "<" + std::string(name) + ">" + std::string(value) + "</" + std::string(name) + ">\n";
}

// ValidChild(id) with `from` replaced by `to`.
std::string With(std::string_view id, std::string_view from, std::string_view to) {
  return Replace(ValidChild(id), from, to);
}

// Adds elements to the CINdetails after PrimaryNeedCode (closure, CINdetails-level ICPC).
std::string WithEpisodeField(std::string xml, std::string_view name, std::string_view value) {
  return Replace(std::move(xml), kPrimaryNeed, std::string(kPrimaryNeed) + Tag(name, value));
}

// Gives the CP plan an end date.
std::string WithPlanEnd(std::string xml, std::string_view end) {
  return Replace(std::move(xml), kCppStart, std::string(kCppStart) + Tag("CPPendDate", end));
}

// A further CP plan after the first, in the same episode.
std::string WithSecondPlan(std::string xml, std::string_view start, std::string_view end = "") {
  std::string plan = "<ChildProtectionPlans>\n" + Tag("CPPstartDate", start);
  if (!end.empty()) plan += Tag("CPPendDate", end);
  plan +=
      "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n"
      "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n"
      "<NumberOfPreviousCPP>1</NumberOfPreviousCPP>\n</ChildProtectionPlans>\n";
  return Replace(std::move(xml), "</ChildProtectionPlans>\n", "</ChildProtectionPlans>\n" + plan);
}

// A further S47 enquiry after the first, in the same episode.
std::string WithSecondEnquiry(std::string xml, std::string_view start, std::string_view icpc,
                              std::string_view not_required) {
  std::string s47 = "<Section47>\n" + Tag("S47ActualStartDate", start);
  if (!icpc.empty()) s47 += Tag("DateOfInitialCPC", icpc);
  s47 += Tag("ICPCnotRequired", not_required) + "</Section47>\n";
  return Replace(std::move(xml), "</Section47>\n", "</Section47>\n" + s47);
}

// A second, earlier episode after the first; `body` holds its elements after the referral.
std::string WithSecondEpisode(std::string xml, std::string_view body) {
  return Replace(std::move(xml), "</CINdetails>\n",
                 "</CINdetails>\n<CINdetails>\n<CINreferralDate>2024-05-01</CINreferralDate>\n"
                 "<ReferralSource>1A</ReferralSource>\n<PrimaryNeedCode>N1</PrimaryNeedCode>\n" +
                     std::string(body) + "<ReferralNFA>0</ReferralNFA>\n</CINdetails>\n");
}

// ValidChild(id) whose enquiry has no conference date and the given ICPCnotRequired and start.
std::string AwaitingConference(std::string_view id, std::string_view start,
                               std::string_view not_required = "0") {
  std::string xml = With(id, kS47Icpc, "");
  xml = Replace(std::move(xml), kNotRequired, Tag("ICPCnotRequired", not_required));
  return Replace(std::move(xml), "<S47ActualStartDate>2025-09-02</S47ActualStartDate>",
                 Tag("S47ActualStartDate", start));
}

// ---- Section47

TEST(CinRule, R1104) {
  const std::string same_day = With("B", kS47Icpc, Tag("DateOfInitialCPC", "2025-05-01"));
  const std::string day_before = With("C", kS47Icpc, Tag("DateOfInitialCPC", "2025-04-30"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + same_day + day_before), "1104"), Ids{"C"});
}

TEST(CinRule, R2884) {
  const std::string twice = WithEpisodeField(ValidChild("B"), "DateOfInitialCPC", "2025-09-19");
  const std::string differs = WithEpisodeField(ValidChild("C"), "DateOfInitialCPC", "2025-09-18");
  // The same conference recorded on another episode of the child.
  const std::string other_episode =
      WithSecondEpisode(ValidChild("D"), Tag("DateOfInitialCPC", "2025-09-19"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + twice + differs + other_episode), "2884"),
            (Ids{"B", "D"}));
}

TEST(CinRule, R2889) {
  const std::string same_day = With("B", "<S47ActualStartDate>2025-09-02</S47ActualStartDate>",
                                    "<S47ActualStartDate>2025-05-01</S47ActualStartDate>");
  const std::string day_before = With("C", "<S47ActualStartDate>2025-09-02</S47ActualStartDate>",
                                      "<S47ActualStartDate>2025-04-30</S47ActualStartDate>");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + same_day + day_before), "2889"), Ids{"C"});
}

TEST(CinRule, R8615) {
  const std::string start = "<S47ActualStartDate>2025-09-02</S47ActualStartDate>\n";
  const std::string after = With("B", start, Tag("S47ActualStartDate", "2025-09-20"));
  const std::string same_day = With("C", start, Tag("S47ActualStartDate", "2025-09-19"));
  const std::string missing = With("D", start, "");
  const std::string no_conference = Replace(With("E", start, ""), kS47Icpc, "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + after + same_day + missing + no_conference), "8615"),
            (Ids{"B", "D"}));
}

TEST(CinRule, R8675Q) {
  // 2026-03-31 is a Tuesday; 2026-03-10 is 15 working days before it, 2026-03-09 is 16.
  const std::string census =
      ValidChild("A") + AwaitingConference("B", "2026-03-10") +
      AwaitingConference("C", "2026-03-09") + AwaitingConference("D", "2026-03-09", "1") +
      AwaitingConference("E", "2025-09-02") + AwaitingConference("F", "2026-03-09", "false") +
      AwaitingConference("G", "2026-03-30");
  EXPECT_EQ(Flagged(CensusOf(census), "8675Q"), (Ids{"C", "E", "F"}));
}

TEST(CinRule, R8715) {
  const auto icpc = [](std::string_view id, std::string_view date) {
    return With(id, kS47Icpc, Tag("DateOfInitialCPC", date));
  };
  const std::string census = ValidChild("A") + icpc("B", "2025-03-31") + icpc("C", "2025-04-01") +
                             icpc("D", "2026-03-31") + icpc("E", "2026-04-01");
  EXPECT_EQ(Flagged(CensusOf(census), "8715"), (Ids{"B", "E"}));
}

TEST(CinRule, R8740) {
  // With a conference held, an enquiry may have started before the census year.
  const std::string held = With("D", "<S47ActualStartDate>2025-09-02</S47ActualStartDate>",
                                "<S47ActualStartDate>2025-03-31</S47ActualStartDate>");
  const std::string census = ValidChild("A") + AwaitingConference("B", "2025-03-31") +
                             AwaitingConference("C", "2025-04-01") + held +
                             AwaitingConference("E", "2025-03-31", "1") +
                             AwaitingConference("F", "2026-04-01", "false");
  EXPECT_EQ(Flagged(CensusOf(census), "8740"), (Ids{"B", "F"}));
}

TEST(CinRule, R8839) {
  const std::string two_open =
      WithSecondEnquiry(AwaitingConference("B", "2025-09-02"), "2025-10-01", "", "0");
  const std::string one_not_required =
      WithSecondEnquiry(AwaitingConference("C", "2025-09-02"), "2025-10-01", "", "1");
  const std::string one_held = WithSecondEnquiry(ValidChild("D"), "2025-10-01", "", "0");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + two_open + one_not_required + one_held), "8839"),
            (Ids{"B", "B"}));
}

TEST(CinRule, R8870Q) {
  const auto target = [](std::string_view id, std::string_view date) {
    return With(id, "<InitialCPCtarget>2025-09-23</InitialCPCtarget>",
                "<InitialCPCtarget>" + std::string(date) + "</InitialCPCtarget>");
  };
  const std::string census = ValidChild("A") + target("B", "2025-09-20") +
                             target("C", "2025-09-21") + target("D", "2025-09-22");
  EXPECT_EQ(Flagged(CensusOf(census), "8870Q"), (Ids{"B", "C"}));
}

TEST(CinRule, R8875) {
  const auto icpc = [](std::string_view id, std::string_view date) {
    return With(id, kS47Icpc, Tag("DateOfInitialCPC", date));
  };
  const std::string census =
      ValidChild("A") + icpc("B", "2025-09-20") + icpc("C", "2025-09-21") + icpc("D", "2025-09-22");
  EXPECT_EQ(Flagged(CensusOf(census), "8875"), (Ids{"B", "C"}));
}

// ---- ChildProtectionPlans

TEST(CinRule, R1105) {
  const std::string same_day = With("B", kCppStart, Tag("CPPstartDate", "2025-05-01"));
  const std::string day_before = With("C", kCppStart, Tag("CPPstartDate", "2025-04-30"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + same_day + day_before), "1105"), Ids{"C"});
}

TEST(CinRule, R2883) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + ValidChild("B", "002")), "2883"), Ids{});
  // A plan starting before the census year is not counted.
  const std::string earlier = WithSecondPlan(ValidChild("B", "002"), "2025-03-01", "2025-03-20");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + earlier), "2883"), Ids{});
  // A CINdetails-level conference counts as well as the enquiries'.
  const std::string two_plans = WithSecondPlan(ValidChild("B", "002"), "2025-10-01");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + two_plans), "2883"), Ids{""});
  EXPECT_EQ(Flagged(CensusOf(WithEpisodeField(ValidChild("A"), "DateOfInitialCPC", "2025-10-01") +
                             two_plans),
                    "2883"),
            Ids{});
}

TEST(CinRule, R2885) {
  const std::string differs = With("B", kCppStart, Tag("CPPstartDate", "2025-09-18"));
  // Enquiry with no conference required: the CINdetails conference is the one.
  const std::string at_episode =
      WithEpisodeField(With("C", kNotRequired, "<ICPCnotRequired>1</ICPCnotRequired>"),
                       "DateOfInitialCPC", "2025-09-19");
  const std::string no_conference = With("D", kNotRequired, "<ICPCnotRequired>1</ICPCnotRequired>");
  // Before the census year: not checked.
  const std::string earlier = With("E", kCppStart, Tag("CPPstartDate", "2025-03-01"));
  // Matches the second enquiry of the episode.
  const std::string second = WithSecondEnquiry(
      With("F", kCppStart, Tag("CPPstartDate", "2025-10-10")), "2025-10-01", "2025-10-10", "0");
  // With an enquiry that needed a conference, the CINdetails conference does not count.
  const std::string episode_only = WithEpisodeField(
      With("G", kCppStart, Tag("CPPstartDate", "2025-10-10")), "DateOfInitialCPC", "2025-10-10");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + differs + at_episode + no_conference + earlier +
                             second + episode_only),
                    "2885"),
            (Ids{"B", "D", "G"}));
}

TEST(CinRule, R8565) {
  const auto closed = [](std::string_view id, std::string_view date) {
    return WithEpisodeField(ValidChild(id), "CINclosureDate", date);
  };
  // Nothing after 2025-12-01 (the open plan's review is not activity under this rule).
  const std::string quiet = closed("B", "2025-12-01");
  // The enquiry's conference on 2025-09-19 is after.
  const std::string conference_after = closed("C", "2025-09-10");
  // On the day is allowed.
  const std::string on_the_day = closed("D", "2025-09-19");
  const std::string plan_ends_after = WithPlanEnd(closed("E", "2025-12-01"), "2025-12-02");
  // Assessment authorisation, CIN plan start and end, S47 start and conference are all after:
  // one finding each (the community validator crashes on such a mix).
  const std::string many = closed("F", "2025-06-01");
  const std::string episode_conference =
      WithEpisodeField(closed("G", "2025-12-01"), "DateOfInitialCPC", "2025-12-02");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + quiet + conference_after + on_the_day +
                             plan_ends_after + many + episode_conference),
                    "8565"),
            (Ids{"C", "E", "F", "F", "F", "F", "F", "G"}));
}

TEST(CinRule, R8720) {
  const std::string missing = With("B", kCppStart, "");
  const std::string after = With("C", kCppStart, Tag("CPPstartDate", "2026-04-01"));
  const std::string on_the_day = With("D", kCppStart, Tag("CPPstartDate", "2026-03-31"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + missing + after + on_the_day), "8720"),
            (Ids{"B", "C"}));
}

TEST(CinRule, R8730) {
  const auto previous = [](std::string_view id, std::string_view n) {
    return With(id, "<NumberOfPreviousCPP>0</NumberOfPreviousCPP>\n",
                n == "absent" ? std::string() : Tag("NumberOfPreviousCPP", n));
  };
  const std::string census = ValidChild("A") + previous("B", "absent") + previous("C", "-1") +
                             previous("D", "abc") + previous("E", "3") + previous("F", "");
  EXPECT_EQ(Flagged(CensusOf(census), "8730"), (Ids{"B", "C", "D", "F"}));
}

TEST(CinRule, R8832) {
  const std::string nfa = With("B", "<ReferralNFA>0</ReferralNFA>", "<ReferralNFA>1</ReferralNFA>");
  const std::string nfa_true =
      With("C", "<ReferralNFA>0</ReferralNFA>", "<ReferralNFA>true</ReferralNFA>");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + nfa + nfa_true), "8832"), (Ids{"B", "C"}));
}

TEST(CinRule, R8840) {
  const std::string same_day = WithPlanEnd(ValidChild("B"), "2025-09-19");
  const std::string next_day = WithPlanEnd(ValidChild("C"), "2025-09-20");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + same_day + next_day), "8840"), Ids{"B"});
}

TEST(CinRule, R8841) {
  const std::string review = "<CPPreviewDate>2025-12-10</CPPreviewDate>\n";
  const std::string same_day = With("B", review, Tag("CPPreviewDate", "2025-09-19"));
  const std::string next_day = With("C", review, Tag("CPPreviewDate", "2025-09-20"));
  // Every review of the plan is checked, not only the first.
  const std::string second_before =
      With("D", review, std::string(review) + Tag("CPPreviewDate", "2025-09-01"));
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + same_day + next_day + second_before), "8841"),
            (Ids{"B", "D"}));
}

TEST(CinRule, R8905) {
  const std::string from = "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n";
  const std::string census =
      ValidChild("A") + With("B", from, Tag("InitialCategoryOfAbuse", "XYZ")) +
      With("C", from, "") + With("D", from, Tag("InitialCategoryOfAbuse", "PHY")) +
      With("E", from, Tag("InitialCategoryOfAbuse", "neg")) +
      With("F", from, Tag("InitialCategoryOfAbuse", "MUL"));
  EXPECT_EQ(Flagged(CensusOf(census), "8905"), (Ids{"B", "C", "E"}));
}

TEST(CinRule, R8910) {
  const std::string from = "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n";
  const std::string census =
      ValidChild("A") + With("B", from, Tag("LatestCategoryOfAbuse", "XYZ")) + With("C", from, "") +
      With("D", from, Tag("LatestCategoryOfAbuse", "SAB")) +
      With("E", from, Tag("LatestCategoryOfAbuse", "emo")) +
      With("F", from, Tag("LatestCategoryOfAbuse", "EMO"));
  EXPECT_EQ(Flagged(CensusOf(census), "8910"), (Ids{"B", "C", "E"}));
}

TEST(CinRule, R8915) {
  const auto died = [](std::string_view id, std::string_view date) {
    return With(id, "<Sex>F</Sex>\n", "<Sex>F</Sex>\n" + Tag("PersonDeathDate", date));
  };
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + died("B", "2025-09-18") + died("C", "2025-09-19")),
                    "8915"),
            Ids{"B"});
}

TEST(CinRule, R8920) {
  const auto died = [](std::string_view id, std::string_view date) {
    return WithPlanEnd(With(id, "<Sex>F</Sex>\n", "<Sex>F</Sex>\n" + Tag("PersonDeathDate", date)),
                       "2025-12-20");
  };
  // An open plan is not reported by this rule.
  const std::string open =
      With("D", "<Sex>F</Sex>\n", "<Sex>F</Sex>\n" + Tag("PersonDeathDate", "2025-12-19"));
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + died("B", "2025-12-19") + died("C", "2025-12-20") + open),
              "8920"),
      Ids{"B"});
}

TEST(CinRule, R8925) {
  const std::string day_before = WithPlanEnd(ValidChild("B"), "2025-09-18");
  const std::string same_day = WithPlanEnd(ValidChild("C"), "2025-09-19");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + day_before + same_day), "8925"), Ids{"B"});
}

TEST(CinRule, R8930) {
  const std::string census = ValidChild("A") + WithPlanEnd(ValidChild("B"), "2026-04-01") +
                             WithPlanEnd(ValidChild("C"), "2026-03-31") +
                             WithPlanEnd(ValidChild("D"), "2025-03-31") +
                             WithPlanEnd(ValidChild("E"), "2025-04-01");
  EXPECT_EQ(Flagged(CensusOf(census), "8930"), (Ids{"B", "D"}));
}

TEST(CinRule, R8935) {
  const std::string two_open = WithSecondPlan(ValidChild("B"), "2025-10-01");
  const std::string one_ended = WithSecondPlan(ValidChild("C"), "2025-10-01", "2025-11-01");
  // Open plans on two episodes of the child.
  const std::string across = WithSecondEpisode(
      ValidChild("D"),
      "<ChildProtectionPlans>\n<CPPstartDate>2024-06-01</CPPstartDate>\n</ChildProtectionPlans>\n");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + two_open + one_ended + across), "8935"),
            (Ids{"B", "B", "D", "D"}));
}

TEST(CinRule, R8940) {
  // The second plan starts while the first is open: the second is reported.
  const std::string within_open = WithSecondPlan(ValidChild("B"), "2025-10-01");
  const std::string after_end =
      WithSecondPlan(WithPlanEnd(ValidChild("C"), "2025-09-30"), "2025-10-01");
  const std::string on_end_day =
      WithSecondPlan(WithPlanEnd(ValidChild("D"), "2025-10-01"), "2025-10-01", "2025-11-01");
  // Both start on the same day: each falls within the other.
  const std::string same_start = WithSecondPlan(ValidChild("E"), "2025-09-19", "2025-11-01");
  // A plan of another episode still open when this one starts.
  const std::string across = WithSecondEpisode(
      ValidChild("F"),
      "<ChildProtectionPlans>\n<CPPstartDate>2024-06-01</CPPstartDate>\n</ChildProtectionPlans>\n");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + within_open + after_end + on_end_day + same_start +
                             across),
                    "8940"),
            (Ids{"B", "D", "E", "E", "F"}));
}

// ---- Reviews

TEST(CinRule, R4003) {
  const std::string review = "<CPPreviewDate>2025-12-10</CPPreviewDate>\n";
  const std::string plan_end = "<CINPlanEndDate>2025-09-01</CINPlanEndDate>\n";
  // The CIN plan is still open at the review.
  const std::string open_plan = With("B", plan_end, "");
  // A review on the CIN plan's end day is after it; one the day before is during it.
  const std::string on_end = With("C", review, Tag("CPPreviewDate", "2025-09-01"));
  const std::string before_end = With("D", review, Tag("CPPreviewDate", "2025-08-31"));
  // A review on the CP plan's end day is allowed.
  const std::string cpp_end = WithPlanEnd(With("E", plan_end, ""), "2025-12-10");
  // A CIN plan open on another episode is not compared.
  const std::string other_episode =
      WithSecondEpisode(ValidChild("F"),
                        "<CINPlanDates>\n<CINPlanStartDate>2024-06-01</CINPlanStartDate>\n"
                        "</CINPlanDates>\n");
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + open_plan + on_end + before_end + cpp_end + other_episode),
              "4003"),
      (Ids{"B", "D"}));
}

TEST(CinRule, R8842Q) {
  const std::string review = "<CPPreviewDate>2025-12-10</CPPreviewDate>";
  const std::string census = ValidChild("A") +
                             With("B", review, "<CPPreviewDate></CPPreviewDate>") +
                             With("C", review, "<CPPreviewDate/>") +
                             With("D", review, "<CPPreviewDate>2025-13-01</CPPreviewDate>") +
                             With("E", review, std::string(review) + "<CPPreviewDate/>");
  EXPECT_EQ(Flagged(CensusOf(census), "8842Q"), (Ids{"B", "C", "D", "E"}));
}

}  // namespace
}  // namespace sg::cin
