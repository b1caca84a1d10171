// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_151_199.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

// A postcode directory: the base return's home (AB1 2CD) and placement (AB1 3CD) a mile
// apart in the LA, a placement 2,000 km away (ZZ9 9ZZ) and one in Scotland (EH1 1AA).
Reference Postcodes() {
  Reference ref;
  ref.la_code = "E09000027";
  ref.has_postcodes = true;
  ref.postcodes["AB12CD"] = {"E09000027", 400000, 800000};
  ref.postcodes["AB13CD"] = {"E09000027", 401600, 800000};
  ref.postcodes["ZZ99ZZ"] = {"E06000001", 2400000, 800000};
  ref.postcodes["EH11AA"] = {"S12000036", 325000, 673000};
  return ref;
}

// Makes `child` start to be looked after during the year (so not looked after all year).
void StartsInYear(Return& r, std::string_view child) {
  Set(r, kEpisodes, child, "DECOM", "01/05/2025");
}

TEST(Ssda903Rule, R151) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddRow(r, kAd1,
         {{"CHILD", "1"},
          {"DATE_INT", "01/01/2025"},
          {"DATE_MATCH", "01/02/2025"},
          {"FOSTER_CARE", "0"},
          {"NB_ADOPTR", "2"},
          {"SEX_ADOPTR", "MF"},
          {"LS_ADOPTR", "L0"}});
  AddRow(r, kAd1,
         {{"CHILD", "2"}, {"DATE_INT", "01/01/2025"}, {"FOSTER_CARE", "0"}, {"LS_ADOPTR", "L0"}});
  AddRow(r, kAd1, {{"CHILD", "4"}, {"DOB", "01/06/2015"}});  // all blank
  EXPECT_EQ(FlaggedFields(r, "151"), Ids{"2:DATE_MATCH"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "151"), "");
}

TEST(Ssda903Rule, R153) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddRow(r, kOc3, {{"CHILD", "1"}, {"IN_TOUCH", "YES"}, {"ACTIV", "F1"}, {"ACCOM", "T2"}});
  AddRow(r, kOc3, {{"CHILD", "2"}, {"IN_TOUCH", "YES"}, {"ACTIV", "F1"}});
  AddRow(r, kOc3, {{"CHILD", "3"}, {"ACCOM", "T2"}});
  AddRow(r, kOc3, {{"CHILD", "4"}});
  EXPECT_EQ(FlaggedFields(r, "153"), (Ids{"2:ACCOM", "3:IN_TOUCH"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "153"), "");
}

TEST(Ssda903Rule, R157) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  for (const char* id : {"1", "2", "3", "4", "5", "6", "7"}) {
    Set(r, kOc2, id, "SDQ_SCORE", "");
    Set(r, kOc2, id, "SDQ_REASON", "SDQ1");
  }
  Set(r, kOc2, "2", "DOB", "01/04/2021");  // 4 on 1 April 2025: flagged
  Set(r, kOc2, "3", "DOB", "02/04/2021");  // 4 a day later
  Set(r, kOc2, "4", "DOB", "31/03/2010");  // 16 on 31 March 2026: flagged
  Set(r, kOc2, "5", "DOB", "30/03/2010");  // 16 the day before
  StartsInYear(r, "6");
  Set(r, kOc2, "7", "SDQ_REASON", "SDQ2");
  EXPECT_EQ(Flagged(r, "157"), (Ids{"1", "2", "4"}));
  Set(r, kOc2, "1", "SDQ_SCORE", "10");  // a score as well: not this rule's concern
  EXPECT_EQ(Flagged(r, "157"), (Ids{"2", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "157"), "");
}

TEST(Ssda903Rule, R158) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"1", "2", "3", "4"}) Set(r, kOc2, id, "SUBSTANCE_MISUSE", "1");
  Set(r, kOc2, "1", "INTERVENTION_RECEIVED", "1");
  Set(r, kOc2, "2", "INTERVENTION_RECEIVED", "1");
  Set(r, kOc2, "2", "INTERVENTION_OFFERED", "0");
  Set(r, kOc2, "3", "INTERVENTION_RECEIVED", "0");
  Set(r, kOc2, "3", "INTERVENTION_OFFERED", "1");
  Set(r, kOc2, "4", "INTERVENTION_OFFERED", "1");
  EXPECT_EQ(FlaggedFields(r, "158"), Ids{"2:INTERVENTION_OFFERED"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "158"), "");
}

TEST(Ssda903Rule, R159) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"1", "2", "4"}) Set(r, kOc2, id, "SUBSTANCE_MISUSE", "1");
  Set(r, kOc2, "1", "INTERVENTION_RECEIVED", "0");  // offered left blank: flagged
  Set(r, kOc2, "2", "INTERVENTION_RECEIVED", "0");
  Set(r, kOc2, "2", "INTERVENTION_OFFERED", "1");
  Set(r, kOc2, "3", "INTERVENTION_RECEIVED", "0");  // no misuse problem
  Set(r, kOc2, "4", "INTERVENTION_RECEIVED", "1");
  EXPECT_EQ(FlaggedFields(r, "159"), Ids{"1:INTERVENTION_OFFERED"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "159"), "");
}

TEST(Ssda903Rule, R164) {
  const Reference ref = Postcodes();
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"2", "3", "4"}) Set(r, kEpisodes, id, "PL_POST", "ZZ9 9ZZ");
  AddRow(r, kUasc, {{"CHILD", "3"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});
  EXPECT_EQ(FlaggedFields(r, "164", {.reference = &ref}), (Ids{"2:PL_DISTANCE", "4:PL_DISTANCE"}));
  // 4 was UASC last year.
  Return last = ValidLastYear({"1", "2", "3", "4"});
  AddRow(last, kUasc, {{"CHILD", "4"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});
  EXPECT_EQ(Flagged(r, "164", {.previous = &last, .reference = &ref}), Ids{"2"});
  // With no UASC table nothing says who is UASC, and nothing is flagged.
  Absent(r, kUasc);
  EXPECT_EQ(Flagged(r, "164", {.reference = &ref}), Ids{});
  EXPECT_NE(NotRunReason(r, "164"), "");
}

TEST(Ssda903Rule, R165) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8", "9"});
  Set(r, kHeader, "2", "SEX", "2");  // a girl looked after in the year, MOTHER blank
  Set(r, kHeader, "3", "SEX", "2");
  Set(r, kHeader, "3", "MOTHER", "1");
  Set(r, kHeader, "4", "MOTHER", "0");  // a boy
  Set(r, kHeader, "5", "SEX", "F");
  Set(r, kHeader, "5", "MOTHER", "1.0");  // not a code
  for (const char* id : {"6", "7"}) {
    Set(r, kHeader, id, "SEX", "2");
    Set(r, kEpisodes, id, "DEC", "31/03/2025");  // left before the year
    Set(r, kEpisodes, id, "REC", "E4A");
  }
  Set(r, kHeader, "7", "MOTHER", "0");  // with an OC3 return: the community's extra branch
  AddRow(r, kOc3, {{"CHILD", "7"}, {"IN_TOUCH", "YES"}, {"ACTIV", "F1"}, {"ACCOM", "T2"}});
  Set(r, kHeader, "8", "SEX", "2");  // only short breaks
  Set(r, kEpisodes, "8", "LS", "V3");
  Set(r, kHeader, "9", "SEX", "M");
  Set(r, kHeader, "9", "MOTHER", "1");
  EXPECT_EQ(FlaggedFields(r, "165"),
            (Ids{"2:MOTHER", "4:MOTHER", "5:MOTHER", "7:MOTHER", "9:MOTHER"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "165"), "");
}

TEST(Ssda903Rule, R166) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kReviews, "2", "REVIEW", "");
  Set(r, kReviews, "3", "REVIEW", "2025-09-15");
  Set(r, kReviews, "4", "REVIEW", "31/02/2025");
  EXPECT_EQ(FlaggedFields(r, "166"), (Ids{"2:REVIEW", "3:REVIEW", "4:REVIEW"}));
  Absent(r, kReviews);
  EXPECT_NE(NotRunReason(r, "166"), "");
}

TEST(Ssda903Rule, R167) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Set(r, kReviews, "2", "REVIEW_CODE", "");
  Set(r, kReviews, "3", "REVIEW_CODE", "PN8");
  Set(r, kReviews, "4", "REVIEW", "");  // no review, no code
  Set(r, kReviews, "4", "REVIEW_CODE", "");
  Set(r, kReviews, "5", "REVIEW", "");  // a code with no review
  Set(r, kReviews, "6", "REVIEW_CODE", "PN0");
  EXPECT_EQ(FlaggedFields(r, "167"), (Ids{"2:REVIEW_CODE", "3:REVIEW_CODE", "5:REVIEW_CODE"}));
  Absent(r, kReviews);
  EXPECT_NE(NotRunReason(r, "167"), "");
}

TEST(Ssda903Rule, R168) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  Set(r, kHeader, "2", "UPN", "UN3");
  Set(r, kHeader, "3", "UPN", "UN6");
  Set(r, kHeader, "4", "UPN", "I123456789012");
  Set(r, kHeader, "5", "UPN", "A12345678901B");  // 11 digits and a letter
  Set(r, kHeader, "6", "UPN", "");
  Set(r, kHeader, "7", "UPN", "A1234567890");
  Set(r, kHeader, "8", "UPN", "S123456789012");
  EXPECT_EQ(FlaggedFields(r, "168"), (Ids{"3:UPN", "4:UPN", "7:UPN", "8:UPN"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "168"), "");
}

// 169 and 179 flag the same episodes: those with no known placement postcode.
Return Unplaced() {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "2", "PL_POST", "XX1 1XX");  // not in the directory
  Set(r, kEpisodes, "3", "PL_POST", "XX1 1XX");  // a short break
  Set(r, kEpisodes, "3", "LS", "V3");
  Set(r, kEpisodes, "4", "PL_POST", "");
  Set(r, kEpisodes, "5", "PL_POST", "EH1 1AA");  // Scotland
  return r;
}

TEST(Ssda903Rule, R169) {
  const Reference ref = Postcodes();
  Return r = Unplaced();
  EXPECT_EQ(FlaggedFields(r, "169", {.reference = &ref}), (Ids{"2:PL_LA", "4:PL_LA"}));
  EXPECT_NE(NotRunReason(r, "169"), "");
}

TEST(Ssda903Rule, R179) {
  const Reference ref = Postcodes();
  Return r = Unplaced();
  EXPECT_EQ(FlaggedFields(r, "179", {.reference = &ref}), (Ids{"2:PL_LOCATION", "4:PL_LOCATION"}));
  EXPECT_NE(NotRunReason(r, "179"), "");
}

TEST(Ssda903Rule, R171) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"2", "3", "4"}) {
    Set(r, kHeader, id, "SEX", "F");
    Set(r, kHeader, id, "MOTHER", "1");
  }
  Set(r, kHeader, "2", "MC_DOB", "27/08/2025");
  Set(r, kHeader, "3", "MC_DOB", "2025-08-27");
  Set(r, kHeader, "4", "MC_DOB", "30/02/2025");
  EXPECT_EQ(FlaggedFields(r, "171"), (Ids{"3:MC_DOB", "4:MC_DOB"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "171"), "");
}

TEST(Ssda903Rule, R174) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kHeader, "1", "SEX", "M");
  Set(r, kHeader, "1", "MC_DOB", "27/08/2025");
  Set(r, kHeader, "2", "SEX", "F");
  Set(r, kHeader, "2", "MC_DOB", "27/08/2025");
  Set(r, kHeader, "3", "SEX", "1");  // the code before 2024/25
  Set(r, kHeader, "3", "MC_DOB", "27/08/2025");
  Set(r, kHeader, "4", "SEX", "M");
  EXPECT_EQ(FlaggedFields(r, "174"), Ids{"1:MC_DOB"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "174"), "");
}

// An AD1 row for `child` with the adopters' number, sex and legal status.
void Adopters(Return& r, std::string child, std::string nb, std::string sex, std::string ls) {
  AddRow(r, kAd1,
         {{"CHILD", std::move(child)},
          {"NB_ADOPTR", std::move(nb)},
          {"SEX_ADOPTR", std::move(sex)},
          {"LS_ADOPTR", std::move(ls)}});
}

TEST(Ssda903Rule, R175) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Adopters(r, "1", "2", "MF", "L0");
  Adopters(r, "2", "3", "MF", "L0");
  Adopters(r, "3", "", "MF", "L0");
  Adopters(r, "4", "1.0", "M1", "L0");
  EXPECT_EQ(FlaggedFields(r, "175"), (Ids{"2:NB_ADOPTR", "4:NB_ADOPTR"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "175"), "");
}

TEST(Ssda903Rule, R176) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Adopters(r, "1", "2", "FF", "L0");
  Adopters(r, "2", "2", "FM", "L0");
  Adopters(r, "3", "2", "", "L0");
  Adopters(r, "4", "1", "m1", "L0");
  EXPECT_EQ(FlaggedFields(r, "176"), (Ids{"2:SEX_ADOPTR", "4:SEX_ADOPTR"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "176"), "");
}

TEST(Ssda903Rule, R177) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Adopters(r, "1", "2", "FF", "L12");
  Adopters(r, "2", "2", "FF", "L1");
  Adopters(r, "3", "2", "FF", "");
  Adopters(r, "4", "2", "FF", "L5");
  EXPECT_EQ(FlaggedFields(r, "177"), (Ids{"2:LS_ADOPTR", "4:LS_ADOPTR"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "177"), "");
}

TEST(Ssda903Rule, R178) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Set(r, kEpisodes, "2", "PLACE_PROVIDER", "PR6");
  Set(r, kEpisodes, "3", "PLACE", "T1");  // a placement with no provider, given one
  Set(r, kEpisodes, "4", "PLACE", "T1");
  Set(r, kEpisodes, "4", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "5", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "6", "PLACE", "Z14");
  EXPECT_EQ(FlaggedFields(r, "178"),
            (Ids{"2:PLACE_PROVIDER", "3:PLACE_PROVIDER", "6:PLACE_PROVIDER"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "178"), "");
}

TEST(Ssda903Rule, R180) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8", "9"});
  Set(r, kOc2, "2", "SDQ_SCORE", "41");
  Set(r, kOc2, "3", "SDQ_SCORE", "0");
  Set(r, kOc2, "4", "SDQ_SCORE", "40");
  Set(r, kOc2, "5", "SDQ_SCORE", "12.5");
  Set(r, kOc2, "6", "SDQ_SCORE", "abc");
  Set(r, kOc2, "7", "SDQ_SCORE", "-1");
  Set(r, kOc2, "8", "SDQ_SCORE", "");
  Set(r, kOc2, "9", "SDQ_SCORE", "12.0");  // a number 0-40, as a numeric reader sees it
  EXPECT_EQ(Flagged(r, "180"), (Ids{"2", "5", "6", "7"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "180"), "");
}

TEST(Ssda903Rule, R181) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kOc2, "2", "CONVICTED", "2");
  Set(r, kOc2, "3", "INTERVENTION_OFFERED", "Y");
  Set(r, kOc2, "4", "HEALTH_CHECK", "");
  EXPECT_EQ(FlaggedFields(r, "181"), (Ids{"2:CONVICTED", "3:INTERVENTION_OFFERED"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "181"), "");
}

TEST(Ssda903Rule, R182) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kOc2, "2", "TEETH_CHECK", "");  // with CONVICTED and HEALTH_CHECK given
  for (const char* col : {"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                          "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"}) {
    Set(r, kOc2, "3", col, "");  // all blank
    Set(r, kOc2, "4", col, "");
  }
  Set(r, kOc2, "4", "IMMUNISATIONS", "1");
  EXPECT_EQ(FlaggedFields(r, "182"), Ids{"2:TEETH_CHECK"});
  Set(r, kOc2, "4", "INTERVENTION_OFFERED", "1");  // now one of the others is given
  EXPECT_EQ(FlaggedFields(r, "182"), (Ids{"2:TEETH_CHECK", "4:TEETH_CHECK"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "182"), "");
}

TEST(Ssda903Rule, R184) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  const std::string dob = "01/06/2015";
  AddRow(r, kPlacedAdoption, {{"CHILD", "2"}, {"DOB", dob}, {"DATE_PLACED", "01/07/2025"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DOB", dob}, {"DATE_PLACED", "31/05/2015"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "4"}, {"DOB", dob}, {"DATE_PLACED", dob}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "5"}, {"DATE_PLACED", "01/07/2025"}});  // no DOB
  AddRow(r, kPlacedAdoption, {{"CHILD", "6"}, {"DOB", dob}, {"DATE_PLACED", "2015-05-31"}});
  EXPECT_EQ(FlaggedFields(r, "184"), (Ids{"3:DATE_PLACED", "5:DATE_PLACED"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "184"), "");
}

TEST(Ssda903Rule, R185) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  StartsInYear(r, "2");
  StartsInYear(r, "3");
  Set(r, kOc2, "3", "SDQ_SCORE", "");
  Set(r, kEpisodes, "4", "DECOM", "01/04/2025");  // started on 1 April: still all year
  Set(r, kEpisodes, "5", "DEC", "31/03/2026");    // left on 31 March: still all year
  Set(r, kEpisodes, "5", "REC", "E4A");
  Set(r, kEpisodes, "6", "DEC", "30/03/2026");  // left before
  Set(r, kEpisodes, "6", "REC", "E4A");
  Set(r, kEpisodes, "7", "LS", "V3");  // short breaks
  DropRows(r, kEpisodes, "8");         // no episode at all
  EXPECT_EQ(FlaggedFields(r, "185"),
            (Ids{"2:SDQ_SCORE", "6:SDQ_SCORE", "7:SDQ_SCORE", "8:SDQ_SCORE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "185"), "");
}

TEST(Ssda903Rule, R186) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  for (const char* id : {"2", "3", "4", "5", "6", "7"}) Set(r, kOc2, id, "SDQ_SCORE", "");
  Set(r, kOc2, "3", "DOB", "01/04/2021");  // 4 on 1 April 2025
  Set(r, kOc2, "4", "DOB", "02/04/2021");  // 4 a day later
  Set(r, kOc2, "5", "DOB", "01/04/2009");  // 17 on 1 April 2026, after the year
  Set(r, kOc2, "6", "DOB", "31/03/2009");  // 17 on 31 March 2026
  StartsInYear(r, "7");
  EXPECT_EQ(FlaggedFields(r, "186"), (Ids{"2:SDQ_SCORE", "3:SDQ_SCORE", "5:SDQ_SCORE"}));
  Set(r, kOc2, "2", "SDQ_REASON", "SDQ2");
  EXPECT_EQ(Flagged(r, "186"), (Ids{"3", "5"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "186"), "");
}

TEST(Ssda903Rule, R187) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddRow(r, kOc3, {{"CHILD", "2"}, {"IN_TOUCH", "YES"}, {"ACTIV", "F1"}, {"ACCOM", "T2"}});
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_INT", "01/01/2025"}});
  StartsInYear(r, "4");  // not looked after all year
  AddRow(r, kOc3, {{"CHILD", "4"}, {"IN_TOUCH", "YES"}, {"ACTIV", "F1"}, {"ACCOM", "T2"}});
  AddRow(r, kAd1, {{"CHILD", "5"}, {"DOB", "01/06/2015"}});  // all blank
  EXPECT_EQ(FlaggedFields(r, "187"), (Ids{"2:IN_TOUCH", "3:DATE_INT"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "187"), "");
}

TEST(Ssda903Rule, R188) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kOc2, "2", "DOB", "01/04/2022");  // 4 on 1 April 2026, after the year
  Set(r, kOc2, "3", "DOB", "31/03/2022");  // 4 on 31 March 2026
  Set(r, kOc2, "4", "DOB", "01/04/2022");
  Set(r, kOc2, "4", "SDQ_SCORE", "");
  Set(r, kOc2, "5", "DOB", "01/04/2022");
  Set(r, kOc2, "5", "SDQ_SCORE", "");
  Set(r, kOc2, "5", "SDQ_REASON", "SDQ1");
  EXPECT_EQ(Flagged(r, "188"), (Ids{"2", "5"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "188"), "");
}

TEST(Ssda903Rule, R189) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kOc2, "2", "DOB", "31/03/2008");  // 17 on 31 March 2025, before the year
  Set(r, kOc2, "3", "DOB", "01/04/2008");  // 17 on 1 April 2025
  Set(r, kOc2, "4", "DOB", "31/03/2008");
  Set(r, kOc2, "4", "SDQ_SCORE", "");
  Set(r, kOc2, "5", "DOB", "31/03/2008");
  Set(r, kOc2, "5", "SDQ_SCORE", "");
  Set(r, kOc2, "5", "SDQ_REASON", "SDQ4");
  EXPECT_EQ(Flagged(r, "189"), (Ids{"2", "5"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "189"), "");
}

TEST(Ssda903Rule, R190) {
  Return r = ValidReturn({"1", "2", "3"});
  StartsInYear(r, "2");
  StartsInYear(r, "3");
  for (const char* col : {"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                          "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"}) {
    Set(r, kOc2, "3", col, "");
  }
  EXPECT_EQ(FlaggedFields(r, "190"), Ids{"2:CONVICTED"});
  Set(r, kOc2, "3", "INTERVENTION_OFFERED", "0");
  EXPECT_EQ(FlaggedFields(r, "190"), (Ids{"2:CONVICTED", "3:INTERVENTION_OFFERED"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "190"), "");
}

TEST(Ssda903Rule, R191) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kOc2, "2", "HEALTH_ASSESSMENT", "");
  DropRows(r, kOc2, "3");  // looked after all year, no OC2 row
  StartsInYear(r, "4");
  Set(r, kOc2, "4", "IMMUNISATIONS", "");
  StartsInYear(r, "5");
  DropRows(r, kOc2, "5");
  EXPECT_EQ(FlaggedFields(r, "191"), (Ids{"2:HEALTH_ASSESSMENT", "3:CHILD"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "191"), "");
}

TEST(Ssda903Rule, R192) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kOc2, "2", "SUBSTANCE_MISUSE", "1");
  Set(r, kOc2, "3", "SUBSTANCE_MISUSE", "1");
  Set(r, kOc2, "3", "INTERVENTION_RECEIVED", "0");
  EXPECT_EQ(FlaggedFields(r, "192"), Ids{"2:INTERVENTION_RECEIVED"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "192"), "");
}

TEST(Ssda903Rule, R193) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kOc2, "2", "INTERVENTION_RECEIVED", "1");  // SUBSTANCE_MISUSE 0
  Set(r, kOc2, "3", "SUBSTANCE_MISUSE", "");
  Set(r, kOc2, "3", "INTERVENTION_OFFERED", "0");
  Set(r, kOc2, "4", "SUBSTANCE_MISUSE", "1");
  Set(r, kOc2, "4", "INTERVENTION_RECEIVED", "1");
  EXPECT_EQ(FlaggedFields(r, "193"), (Ids{"2:INTERVENTION_RECEIVED", "3:INTERVENTION_OFFERED"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "193"), "");
}

TEST(Ssda903Rule, R196) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kOc2, "2", "SDQ_REASON", "SDQ5");
  Set(r, kOc2, "3", "SDQ_REASON", "SDQ6");
  Set(r, kOc2, "4", "SDQ_REASON", "sdq1");
  EXPECT_EQ(FlaggedFields(r, "196"), (Ids{"3:SDQ_REASON", "4:SDQ_REASON"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "196"), "");
}

TEST(Ssda903Rule, R197B) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  for (const char* id : {"1", "2", "3", "4", "5", "6", "8"}) Set(r, kOc2, id, "SDQ_SCORE", "");
  Set(r, kOc2, "2", "DOB", "01/04/2021");  // 4 on 1 April 2025
  Set(r, kOc2, "3", "DOB", "31/03/2022");  // 4 on 31 March 2026
  Set(r, kOc2, "4", "DOB", "01/04/2022");  // 4 after the year
  Set(r, kOc2, "5", "DOB", "15/06/2008");  // 17 in the year
  Set(r, kOc2, "6", "DOB", "31/03/2021");  // 4 before the year
  Set(r, kOc2, "7", "DOB", "01/04/2021");  // with a score
  Set(r, kOc2, "8", "DOB", "01/04/2021");
  StartsInYear(r, "8");
  EXPECT_EQ(Flagged(r, "197B"), (Ids{"2", "3", "5"}));
  Set(r, kOc2, "2", "SDQ_REASON", "SDQ1");
  EXPECT_EQ(Flagged(r, "197B"), (Ids{"3", "5"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "197B"), "");
}

TEST(Ssda903Rule, R197a) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kOc2, "2", "SDQ_REASON", "SDQ2");
  Set(r, kOc2, "3", "SDQ_SCORE", "");
  Set(r, kOc2, "3", "SDQ_REASON", "SDQ2");
  EXPECT_EQ(FlaggedFields(r, "197a"), Ids{"2:SDQ_REASON"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "197a"), "");
}

TEST(Ssda903Rule, R198) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"1", "2", "3", "4"}) {
    Set(r, kOc2, id, "SDQ_SCORE", "");
    Set(r, kOc2, id, "SDQ_REASON", "SDQ3");
  }
  StartsInYear(r, "2");
  StartsInYear(r, "3");
  Set(r, kOc2, "3", "SDQ_REASON", "");
  Set(r, kEpisodes, "4", "DEC", "01/10/2025");  // left care in the year
  Set(r, kEpisodes, "4", "REC", "E13");
  EXPECT_EQ(FlaggedFields(r, "198"), (Ids{"2:SDQ_REASON", "4:SDQ_REASON"}));
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "198"), "");
}

TEST(Ssda903Rule, R199) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 1: adopted (E11) and not looked after again.
  Set(r, kEpisodes, "1", "DEC", "01/10/2025");
  Set(r, kEpisodes, "1", "REC", "E11");
  // 2: an episode after the adoption.
  Set(r, kEpisodes, "2", "DEC", "01/10/2024");
  Set(r, kEpisodes, "2", "REC", "E12");
  AddRow(r, kEpisodes, {{"CHILD", "2"}, {"DECOM", "01/06/2025"}, {"RNE", "S"}, {"LS", "C2"}});
  // 3: adopted twice.
  Set(r, kEpisodes, "3", "DEC", "01/10/2024");
  Set(r, kEpisodes, "3", "REC", "E11");
  AddRow(r, kEpisodes,
         {{"CHILD", "3"}, {"DECOM", "01/06/2025"}, {"DEC", "01/09/2025"}, {"REC", "E12"}});
  // 4: adopted, then an episode with no valid DECOM (not placed in time).
  Set(r, kEpisodes, "4", "DEC", "01/10/2024");
  Set(r, kEpisodes, "4", "REC", "E11");
  AddRow(r, kEpisodes, {{"CHILD", "4"}, {"DECOM", "2025-06-01"}});
  // 5: adopted last year (the previous year's return shows it).
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  Set(last, kEpisodes, "5", "DECOM", "01/01/2023");
  Set(last, kEpisodes, "5", "DEC", "01/01/2024");
  Set(last, kEpisodes, "5", "REC", "E11");
  EXPECT_EQ(Flagged(r, "199"), (Ids{"2", "3"}));
  EXPECT_EQ(Flagged(r, "199", {.previous = &last}), (Ids{"2", "3", "5"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "199"), "");
}

}  // namespace
}  // namespace sg::ssda903
