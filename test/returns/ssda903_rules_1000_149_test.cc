// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_1000_149.cc.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

// A care leaver row (OC3) for `child`, with the three items given unless `blank`.
void AddOc3(Return& r, const std::string& child, const std::string& dob, bool blank = false) {
  if (blank) {
    AddRow(r, kOc3, {{"CHILD", child}, {"DOB", dob}});
  } else {
    AddRow(r, kOc3,
           {{"CHILD", child}, {"DOB", dob}, {"IN_TOUCH", "YES"}, {"ACTIV", "F1"}, {"ACCOM", "B1"}});
  }
}

// Sets the DOB of `child` in the Header.
void SetDob(Return& r, const std::string& child, const std::string& dob) {
  Set(r, kHeader, child, "DOB", dob);
}

// Ends the child's (first) episode.
void EndEpisode(Return& r, const std::string& child, const std::string& dec, const std::string& rec,
                size_t n = 0) {
  Set(r, kEpisodes, child, "DEC", dec, n);
  Set(r, kEpisodes, child, "REC", rec, n);
}

// A further episode of `child`, open unless `dec` is given.
void AddEpisode(Return& r, const std::string& child, const std::string& decom,
                const std::string& dec = "", const std::string& rec = "",
                const std::string& ls = "C2") {
  AddRow(r, kEpisodes,
         {{"CHILD", child},
          {"DECOM", decom},
          {"RNE", "P"},
          {"LS", ls},
          {"CIN", "N1"},
          {"PLACE", "U1"},
          {"PLACE_PROVIDER", "PR1"},
          {"DEC", dec},
          {"REC", rec}});
}

// ---- 1000-1016

TEST(Ssda903Rule, R1000) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  // 1: died this year, OC3 given; 2: OC3, did not die; 3: died, no OC3; 4: died last year.
  EndEpisode(r, "1", "01/05/2025", "E2");
  AddOc3(r, "1", "01/06/2015");
  AddOc3(r, "2", "01/06/2015");
  EndEpisode(r, "3", "01/05/2025", "E2");
  EndEpisode(last, "4", "01/03/2025", "E2");
  AddOc3(r, "4", "01/06/2015", /*blank=*/true);  // flagged whatever the OC3 row holds
  EXPECT_EQ(Flagged(r, "1000"), Ids{"1"});
  EXPECT_EQ(Flagged(r, "1000", Extra{&last}), (Ids{"1", "4"}));
  EXPECT_EQ(FlaggedFields(r, "1000"), Ids{"1:IN_TOUCH"});
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "1000"), "");
}

TEST(Ssda903Rule, R1001) {
  const std::vector<std::string> ids = {"1", "2", "3", "4", "5", "6", "7"};
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5", "6", "7"});
  // Born 01/06/2008: 14 on 01/06/2022, 16 on 01/06/2024, 17 on 31 March 2026.
  for (const std::string& id : ids) {
    SetDob(r, id, "01/06/2008");
    AddOc3(r, id, "01/06/2008");
  }
  // 1: looked after since 01/06/2024 (both years' files hold the episode): relevant.
  // 2: looked after from 01/01/2026 only: 89 days to 31 March; 3: from 30/12/2025: 91 days.
  Set(r, kEpisodes, "2", "DECOM", "01/01/2026");
  DropRows(last, kEpisodes, "2");
  Set(r, kEpisodes, "3", "DECOM", "30/12/2025");
  DropRows(last, kEpisodes, "3");
  // 4: enough care, but the final episode ended in adoption.
  EndEpisode(r, "4", "01/03/2026", "E11");
  // 5: only short breaks (V3), which do not count.
  Set(r, kEpisodes, "5", "LS", "V3");
  Set(last, kEpisodes, "5", "LS", "V3");
  // 6: 89 days this year and 59 last year (both after the 16th birthday): relevant.
  Set(r, kEpisodes, "6", "DECOM", "01/01/2026");
  Set(last, kEpisodes, "6", "DECOM", "01/01/2025");
  EndEpisode(last, "6", "01/03/2025", "E8");
  // 7: 20 on 31 March: two years' files cannot show its care, so it is not tested.
  SetDob(r, "7", "01/06/2005");
  Set(r, kEpisodes, "7", "DECOM", "01/01/2026");
  DropRows(last, kEpisodes, "7");
  EXPECT_EQ(Flagged(r, "1001", Extra{&last}), (Ids{"2", "4", "5"}));
  EXPECT_NE(NotRunReason(r, "1001"), "");  // no previous year
}

TEST(Ssda903Rule, R1002) {
  Return r = ValidReturn({"1", "2", "3"});
  Return last = ValidLastYear({"1", "2"});
  // 1: episodes this year; 2: episodes last year only; 3: none in either year.
  for (const std::string id : {"1", "2", "3"}) AddOc3(r, id, "01/06/2015");
  DropRows(r, kEpisodes, "2");
  DropRows(r, kEpisodes, "3");
  EXPECT_EQ(Flagged(r, "1002", Extra{&last}), Ids{"3"});
  EXPECT_NE(NotRunReason(r, "1002"), "");
}

TEST(Ssda903Rule, R1004) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddRow(r, kMissing, {{"CHILD", "1"}, {"MISSING", "M"}, {"MIS_START", "01/05/2025"}});
  AddRow(r, kMissing, {{"CHILD", "2"}, {"MISSING", "M"}, {"MIS_START", ""}});
  AddRow(r, kMissing, {{"CHILD", "3"}, {"MISSING", "M"}, {"MIS_START", "2025-05-01"}});
  AddRow(r, kMissing, {{"CHILD", "4"}, {"MISSING", "M"}, {"MIS_START", "31/02/2025"}});
  EXPECT_EQ(FlaggedFields(r, "1004"), (Ids{"2:MIS_START", "3:MIS_START", "4:MIS_START"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "1004"), "");
}

TEST(Ssda903Rule, R1005) {
  Return r = ValidReturn({"1", "2", "3"});
  AddRow(r, kMissing, {{"CHILD", "1"}, {"MIS_START", "01/05/2025"}, {"MIS_END", ""}});
  AddRow(r, kMissing, {{"CHILD", "2"}, {"MIS_START", "01/05/2025"}, {"MIS_END", "02/05/2025"}});
  AddRow(r, kMissing, {{"CHILD", "3"}, {"MIS_START", "01/05/2025"}, {"MIS_END", "2/5/2025"}});
  EXPECT_EQ(FlaggedFields(r, "1005"), Ids{"3:MIS_END"});
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "1005"), "");
}

TEST(Ssda903Rule, R1006) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  const std::pair<std::string, std::string> rows[] = {
      {"1", "M"}, {"2", "A"}, {"3", ""}, {"4", "m"}, {"5", "AWAY"}};
  for (const auto& [id, type] : rows) {
    AddRow(r, kMissing, {{"CHILD", id}, {"MISSING", type}, {"MIS_START", "01/05/2025"}});
  }
  EXPECT_EQ(Flagged(r, "1006"), (Ids{"4", "5"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "1006"), "");
}

TEST(Ssda903Rule, R1007) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  // Born 01/06/2008: 17 on 01/06/2025, the last birthday before 31 March 2026.
  // 1: still in the episode begun 01/06/2024 (open); 2: it ended after the birthday;
  // 3: it ended on the birthday; 4: 16 on 31 March; 5: no care leaver items given.
  for (const std::string id : {"1", "2", "3"}) AddOc3(r, id, "01/06/2008");
  AddOc3(r, "5", "01/06/2008", /*blank=*/true);
  EndEpisode(r, "2", "01/07/2025", "E8");
  EndEpisode(r, "3", "01/06/2025", "E8");
  AddOc3(r, "4", "01/06/2009");
  // 6: 18 (born 01/04/2007), episode ended the day after the 18th birthday.
  // 7: 19 on 31 March (born 31/03/2007): outside the age range.
  AddOc3(r, "6", "01/04/2007");
  EndEpisode(r, "6", "02/04/2025", "E8");
  AddOc3(r, "7", "31/03/2007");
  EndEpisode(r, "7", "01/04/2025", "E8");
  EXPECT_EQ(Flagged(r, "1007"), (Ids{"1", "2", "6"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "1007"), "");
}

TEST(Ssda903Rule, R1008) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Reference ref;
  ref.has_providers = true;
  ref.providers["SC123456"] = {{"U1"}, {"PR1"}, std::nullopt, "E09000027"};
  // 1: listed; 2: the placeholder; 3: blank; 4: not listed; 5: six Xs is not the placeholder.
  Set(r, kEpisodes, "2", "URN", "XXXXXXX");
  Set(r, kEpisodes, "3", "URN", "");
  Set(r, kEpisodes, "4", "URN", "SC999999");
  Set(r, kEpisodes, "5", "URN", "XXXXXX");
  EXPECT_EQ(FlaggedFields(r, "1008", Extra{nullptr, &ref}), (Ids{"4:URN", "5:URN"}));
  EXPECT_NE(NotRunReason(r, "1008"), "");  // no provider list
}

TEST(Ssda903Rule, R1009) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "REASON_PLACE_CHANGE", "CUSTOD");
  Set(r, kEpisodes, "3", "REASON_PLACE_CHANGE", "custod");
  Set(r, kEpisodes, "4", "REASON_PLACE_CHANGE", "NA");
  EXPECT_EQ(Flagged(r, "1009"), (Ids{"3", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "1009"), "");
}

TEST(Ssda903Rule, R1010) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  // 1: no episodes this year, last year's open; 2: last year's closed; 3: episodes this year;
  // 4: last year's latest episode closed (an earlier one left open); 5: no OC3.
  for (const std::string id : {"1", "2", "3", "4"}) AddOc3(r, id, "01/06/2015");
  for (const std::string id : {"1", "2", "4", "5"}) DropRows(r, kEpisodes, id);
  EndEpisode(last, "2", "01/03/2025", "E8");
  AddEpisode(last, "4", "01/01/2025", "01/03/2025", "E8");
  EXPECT_EQ(Flagged(r, "1010", Extra{&last}), Ids{"1"});
  EXPECT_NE(NotRunReason(r, "1010"), "");
}

TEST(Ssda903Rule, R1011) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: final episode ended E3; 2: an earlier episode ended E3, the final one is open;
  // 3: final E3 but no care leaver items; 4: final E3, no OC3.
  EndEpisode(r, "1", "01/09/2025", "E3");
  AddOc3(r, "1", "01/06/2015");
  EndEpisode(r, "2", "01/09/2025", "E3");
  AddEpisode(r, "2", "01/10/2025");
  AddOc3(r, "2", "01/06/2015");
  EndEpisode(r, "3", "01/09/2025", "E3");
  AddOc3(r, "3", "01/06/2015", /*blank=*/true);
  EndEpisode(r, "4", "01/09/2025", "E3");
  EXPECT_EQ(Flagged(r, "1011"), Ids{"1"});
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "1011"), "");
}

TEST(Ssda903Rule, R1012) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: has episodes; 2: none, with a review, OC2 and PrevPerm row; 3: none, a missing row
  // only; 4: none, and only Header and social worker rows.
  for (const std::string id : {"2", "3", "4"}) DropRows(r, kEpisodes, id);
  for (const std::string id : {"3", "4"}) {
    DropRows(r, kReviews, id);
    DropRows(r, kOc2, id);
    DropRows(r, kPrevPerm, id);
  }
  AddRow(r, kMissing, {{"CHILD", "3"}, {"MISSING", "M"}, {"MIS_START", "01/05/2025"}});
  EXPECT_EQ(Flagged(r, "1012"), (Ids{"2", "2", "2", "3"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "1012"), "");
}

TEST(Ssda903Rule, R1014) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  for (const std::string id : {"1", "2", "3", "4", "6"}) {
    AddRow(r, kUasc, {{"CHILD", id}, {"SEX", "1"}, {"DOB", "01/06/2015"}});
  }
  // 1: UASC, care leaver items, episode ended before the year; 2: ended on 1 April 2025;
  // 3: no care leaver items; 4: no episodes; 5: not UASC; 6: episode begins after the year.
  for (const std::string id : {"1", "2", "4", "5", "6"}) AddOc3(r, id, "01/06/2015");
  AddOc3(r, "3", "01/06/2015", /*blank=*/true);
  for (const std::string id : {"1", "3", "5"}) EndEpisode(r, id, "31/03/2025", "E8");
  EndEpisode(r, "2", "01/04/2025", "E8");
  DropRows(r, kEpisodes, "4");
  Set(r, kEpisodes, "6", "DECOM", "01/04/2026");
  EXPECT_EQ(FlaggedFields(r, "1014"), (Ids{"1:DUC", "6:DUC"}));
  Absent(r, kUasc);
  EXPECT_NE(NotRunReason(r, "1014"), "");
}

TEST(Ssda903Rule, R1015) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Reference ref;
  ref.la_code = "E09000027";
  ref.has_postcodes = true;
  ref.postcodes["AB12CD"] = {"E09000027", 520000, 170000};
  ref.postcodes["AB13CD"] = {"E09000027", 521000, 171000};
  ref.postcodes["ZZ99ZZ"] = {"E08000001", 390000, 400000};
  // 1: foster placement (U1), excluded; 2: own children's home (K1, PR1) in another LA;
  // 3: in the LA; 4: another provider (PR2); 5: a short break (V3); 6: unknown postcode.
  for (const std::string id : {"2", "3", "4", "5", "6"}) Set(r, kEpisodes, id, "PLACE", "K1");
  for (const std::string id : {"2", "4", "5"}) Set(r, kEpisodes, id, "PL_POST", "ZZ9 9ZZ");
  Set(r, kEpisodes, "4", "PLACE_PROVIDER", "PR2");
  Set(r, kEpisodes, "5", "LS", "V3");
  Set(r, kEpisodes, "6", "PL_POST", "QQ1 1QQ");
  EXPECT_EQ(FlaggedFields(r, "1015", Extra{nullptr, &ref}), (Ids{"2:PL_LA", "6:PL_LA"}));
  EXPECT_NE(NotRunReason(r, "1015"), "");  // no postcodes, no LA code
  Reference no_la = ref;
  no_la.la_code.clear();
  EXPECT_NE(NotRunReason(r, "1015", Extra{nullptr, &no_la}), "");
}

TEST(Ssda903Rule, R1016) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  // 1: 17 (born 01/06/2008), episode ended on the 17th birthday; 2: the day before it;
  // 3: 18 (born 01/04/2007), ended on the 18th birthday; 4: the day before it;
  // 5: 17 on 31 March 2026 itself, ended that day; 6: no care leaver items; 7: still open.
  AddOc3(r, "1", "01/06/2008");
  EndEpisode(r, "1", "01/06/2025", "E8");
  AddOc3(r, "2", "01/06/2008");
  EndEpisode(r, "2", "31/05/2025", "E8");
  AddOc3(r, "3", "01/04/2007");
  EndEpisode(r, "3", "01/04/2025", "E8");
  AddOc3(r, "4", "01/04/2007");
  EndEpisode(r, "4", "31/03/2025", "E8");
  AddOc3(r, "5", "31/03/2009");
  EndEpisode(r, "5", "31/03/2026", "E8");
  AddOc3(r, "6", "01/06/2008", /*blank=*/true);
  EndEpisode(r, "6", "01/07/2025", "E8");
  AddOc3(r, "7", "01/06/2008");
  EXPECT_EQ(Flagged(r, "1016"), (Ids{"1", "3", "5"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "1016"), "");
}

// ---- 101-149

TEST(Ssda903Rule, R101) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // 2025/26 codes are M, F and U; the old 1 and 2 are no longer valid.
  Set(r, kHeader, "1", "SEX", "M");
  Set(r, kHeader, "2", "SEX", "F");
  Set(r, kHeader, "3", "SEX", "U");
  Set(r, kHeader, "4", "SEX", "1");
  Set(r, kHeader, "5", "SEX", "");
  Set(r, kHeader, "6", "SEX", "m");
  EXPECT_EQ(FlaggedFields(r, "101"), (Ids{"4:SEX", "5:SEX", "6:SEX"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "101"), "");
}

TEST(Ssda903Rule, R102) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetDob(r, "2", "31/02/2015");
  SetDob(r, "3", "01/06/15");
  SetDob(r, "4", "");
  EXPECT_EQ(Flagged(r, "102"), (Ids{"2", "3", "4"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "102"), "");
}

TEST(Ssda903Rule, R103) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kHeader, "2", "ETHNIC", "wbri");
  Set(r, kHeader, "3", "ETHNIC", "");
  Set(r, kHeader, "4", "ETHNIC", "NOBT");
  EXPECT_EQ(Flagged(r, "103"), (Ids{"2", "3"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "103"), "");
}

TEST(Ssda903Rule, R104) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: no DUC; 2: 1 April 2025, the collection's first day; 3: the day before; 4: not a date.
  const std::pair<std::string, std::string> rows[] = {
      {"1", ""}, {"2", "01/04/2025"}, {"3", "31/03/2025"}, {"4", "INVALID"}};
  for (const auto& [id, duc] : rows) {
    AddRow(r, kUasc, {{"CHILD", id}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", duc}});
  }
  EXPECT_EQ(FlaggedFields(r, "104"), (Ids{"3:DUC", "4:DUC"}));
  Absent(r, kUasc);
  EXPECT_NE(NotRunReason(r, "104"), "");
}

TEST(Ssda903Rule, R105) {
  // The UASC status is held as the UASC table (1 when the child has a row, 0 otherwise), so it
  // cannot be invalid: the rule reports nothing, as the community's does for CSV returns.
  Return r = ValidReturn({"1", "2"});
  AddRow(r, kUasc, {{"CHILD", "1"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "INVALID"}});
  EXPECT_EQ(Flagged(r, "105"), Ids{});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "105"), "");
}

TEST(Ssda903Rule, R112) {
  Return r = ValidReturn({"1", "2", "3"});
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_INT", "01/05/2025"}});
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_INT", ""}});
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_INT", "38/04/2025"}});
  EXPECT_EQ(FlaggedFields(r, "112"), Ids{"3:DATE_INT"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "112"), "");
}

TEST(Ssda903Rule, R113) {
  Return r = ValidReturn({"1", "2", "3"});
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_MATCH", "01/05/2025"}});
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_MATCH", ""}});
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_MATCH", "01/05/25"}});
  EXPECT_EQ(FlaggedFields(r, "113"), Ids{"3:DATE_MATCH"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "113"), "");
}

TEST(Ssda903Rule, R114) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  const std::pair<std::string, std::string> rows[] = {
      {"1", "0"}, {"2", "1"}, {"3", ""}, {"4", "2"}, {"5", "true"}};
  for (const auto& [id, v] : rows) AddRow(r, kAd1, {{"CHILD", id}, {"FOSTER_CARE", v}});
  EXPECT_EQ(Flagged(r, "114"), (Ids{"4", "5"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "114"), "");
}

TEST(Ssda903Rule, R115) {
  Return r = ValidReturn({"1", "2", "3"});
  AddRow(r, kPlacedAdoption, {{"CHILD", "1"}, {"DATE_PLACED", "01/05/2025"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "2"}, {"DATE_PLACED", ""}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DATE_PLACED", "2025/05/01"}});
  EXPECT_EQ(FlaggedFields(r, "115"), Ids{"3:DATE_PLACED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "115"), "");
}

TEST(Ssda903Rule, R116) {
  Return r = ValidReturn({"1", "2", "3"});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "1"}, {"DATE_PLACED", "01/05/2025"}, {"DATE_PLACED_CEASED", "01/06/2025"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "2"}, {"DATE_PLACED", "01/05/2025"}});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "3"}, {"DATE_PLACED", "01/05/2025"}, {"DATE_PLACED_CEASED", "29/02/2025"}});
  EXPECT_EQ(FlaggedFields(r, "116"), Ids{"3:DATE_PLACED_CEASED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "116"), "");
}

TEST(Ssda903Rule, R117) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 1: placed decision after 31 March 2026 (episode open); 2: decision reversed after the
  // episode ended; 3: decision on the day the episode ended; 4: all episodes ended X1, so the
  // community compares with nothing; 5: within the year, episode open.
  AddRow(r, kPlacedAdoption, {{"CHILD", "1"}, {"DATE_PLACED", "01/04/2026"}});
  EndEpisode(r, "2", "01/09/2025", "E11");
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "2"},
          {"DATE_PLACED", "01/05/2025"},
          {"DATE_PLACED_CEASED", "02/09/2025"},
          {"REASON_PLACED_CEASED", "RD1"}});
  EndEpisode(r, "3", "01/09/2025", "E11");
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DATE_PLACED", "01/09/2025"}});
  EndEpisode(r, "4", "01/09/2025", "X1");
  AddRow(r, kPlacedAdoption, {{"CHILD", "4"}, {"DATE_PLACED", "01/04/2026"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "5"}, {"DATE_PLACED", "31/03/2026"}});
  EXPECT_EQ(FlaggedFields(r, "117"), (Ids{"1:DATE_PLACED", "2:DATE_PLACED_CEASED"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "117"), "");
}

TEST(Ssda903Rule, R118) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 1: reversed before 1 April 2025; 2: on 1 April 2025; 3: before the first episode began;
  // 4: before the first episode that is not a short break (V3) began; 5: not reversed.
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "1"}, {"DATE_PLACED", "01/01/2025"}, {"DATE_PLACED_CEASED", "31/03/2025"}});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "2"}, {"DATE_PLACED", "01/01/2025"}, {"DATE_PLACED_CEASED", "01/04/2025"}});
  Set(r, kEpisodes, "3", "DECOM", "01/06/2025");
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "3"}, {"DATE_PLACED", "01/05/2025"}, {"DATE_PLACED_CEASED", "31/05/2025"}});
  Set(r, kEpisodes, "4", "LS", "V3");
  EndEpisode(r, "4", "02/06/2024", "E8");
  AddEpisode(r, "4", "01/06/2025");
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "4"}, {"DATE_PLACED", "01/05/2025"}, {"DATE_PLACED_CEASED", "31/05/2025"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "5"}, {"DATE_PLACED", "01/05/2025"}});
  EXPECT_EQ(Flagged(r, "118"), (Ids{"1", "3", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "118"), "");
}

TEST(Ssda903Rule, R119) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "1"},
          {"DATE_PLACED", "01/05/2025"},
          {"DATE_PLACED_CEASED", "01/06/2025"},
          {"REASON_PLACED_CEASED", "RD1"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "2"}, {"DATE_PLACED", "01/05/2025"}});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "3"}, {"DATE_PLACED", "01/05/2025"}, {"DATE_PLACED_CEASED", "01/06/2025"}});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "4"}, {"DATE_PLACED", "01/05/2025"}, {"REASON_PLACED_CEASED", "RD2"}});
  EXPECT_EQ(FlaggedFields(r, "119"), (Ids{"3:REASON_PLACED_CEASED", "4:DATE_PLACED_CEASED"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "119"), "");
}

TEST(Ssda903Rule, R120) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  const std::pair<std::string, std::string> rows[] = {
      {"1", "RD1"}, {"2", ""}, {"3", "XXX"}, {"4", "rd1"}};
  for (const auto& [id, v] : rows) {
    AddRow(r, kPlacedAdoption,
           {{"CHILD", id}, {"DATE_PLACED", "01/05/2025"}, {"REASON_PLACED_CEASED", v}});
  }
  EXPECT_EQ(Flagged(r, "120"), (Ids{"3", "4"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "120"), "");
}

// Care leaver rows with one item (`column`) set per child; the other two are valid.
Return WithOc3Item(std::string_view column,
                   std::initializer_list<std::pair<std::string, std::string>> values) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const auto& [id, v] : values) {
    const size_t row = AddRow(r, kOc3,
                              {{"CHILD", id},
                               {"DOB", "01/06/2015"},
                               {"IN_TOUCH", "YES"},
                               {"ACTIV", "F1"},
                               {"ACCOM", "B1"}});
    r.tables[kOc3][row][static_cast<size_t>(ColumnIndex(kOc3, column))] = v;
  }
  return r;
}

TEST(Ssda903Rule, R131) {
  Return r = WithOc3Item("IN_TOUCH", {{"1", "YES"}, {"2", "RHOM"}, {"3", ""}, {"4", "Yes"}});
  EXPECT_EQ(FlaggedFields(r, "131"), (Ids{"3:IN_TOUCH", "4:IN_TOUCH"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "131"), "");
}

TEST(Ssda903Rule, R132) {
  // F3/P3 (2017 codes) are no longer valid; blank is not allowed.
  Return r = WithOc3Item("ACTIV", {{"1", "F1"}, {"2", "0"}, {"3", "F3"}, {"4", ""}, {"5", "G5"}});
  EXPECT_EQ(FlaggedFields(r, "132"), (Ids{"3:ACTIV", "4:ACTIV"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "132"), "");
}

TEST(Ssda903Rule, R133) {
  Return r = WithOc3Item("ACCOM", {{"1", "Z1"}, {"2", "0"}, {"3", "01"}, {"4", "S1"}, {"5", ""}});
  EXPECT_EQ(FlaggedFields(r, "133"), (Ids{"3:ACCOM", "4:ACCOM", "5:ACCOM"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "133"), "");
}

TEST(Ssda903Rule, R134) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: adoption data and care leaver items; 2: OC3 row without items; 3: no OC3 row;
  // 4: an AD1 row without data.
  for (const std::string id : {"1", "2", "3"}) {
    AddRow(r, kAd1, {{"CHILD", id}, {"DATE_INT", "01/05/2025"}, {"FOSTER_CARE", "0"}});
  }
  AddRow(r, kAd1, {{"CHILD", "4"}, {"DOB", "01/06/2015"}});
  AddOc3(r, "1", "01/06/2015");
  AddOc3(r, "2", "01/06/2015", /*blank=*/true);
  AddOc3(r, "4", "01/06/2015");
  EXPECT_EQ(Flagged(r, "134"), Ids{"1"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "134"), "");
}

TEST(Ssda903Rule, R141) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "DECOM", "2024-06-01");
  Set(r, kEpisodes, "3", "DECOM", "");  // blank is not this rule's business
  EXPECT_EQ(FlaggedFields(r, "141"), Ids{"2:DECOM"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "141"), "");
}

TEST(Ssda903Rule, R142) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // 1: a new episode while the first is open; 2: the first has DEC but no REC; 3: the first
  // ended properly; 4: one open episode; 5: the later episode has no DECOM (it sorts last);
  // 6: rows out of order in the file, the earlier episode ended properly.
  AddEpisode(r, "1", "01/09/2025");
  Set(r, kEpisodes, "2", "DEC", "01/09/2025");
  AddEpisode(r, "2", "01/09/2025");
  EndEpisode(r, "3", "01/09/2025", "X1");
  AddEpisode(r, "3", "01/09/2025");
  AddEpisode(r, "5", "");
  Set(r, kEpisodes, "6", "DECOM", "01/09/2025");
  AddEpisode(r, "6", "01/06/2024", "01/09/2025", "X1");
  EXPECT_EQ(FlaggedFields(r, "142"), (Ids{"1:DEC", "2:REC", "5:DEC"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "142"), "");
}

TEST(Ssda903Rule, R143) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "RNE", "");
  Set(r, kEpisodes, "3", "RNE", "X");
  Set(r, kEpisodes, "4", "RNE", "s");
  EXPECT_EQ(Flagged(r, "143"), (Ids{"3", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "143"), "");
}

TEST(Ssda903Rule, R144) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "LS", "");
  Set(r, kEpisodes, "3", "LS", "V1");
  Set(r, kEpisodes, "4", "LS", "J3");
  EXPECT_EQ(Flagged(r, "144"), Ids{"3"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "144"), "");
}

TEST(Ssda903Rule, R145) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "CIN", "");
  Set(r, kEpisodes, "3", "CIN", "N9");
  EXPECT_EQ(Flagged(r, "145"), Ids{"3"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "145"), "");
}

TEST(Ssda903Rule, R146) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // Z1 gave way to Z11-Z14 in 2025/26; H5 and P2 are long gone.
  Set(r, kEpisodes, "2", "PLACE", "Z11");
  Set(r, kEpisodes, "3", "PLACE", "");
  Set(r, kEpisodes, "4", "PLACE", "Z1");
  Set(r, kEpisodes, "5", "PLACE", "H5");
  Set(r, kEpisodes, "6", "PLACE", "P2");
  EXPECT_EQ(Flagged(r, "146"), (Ids{"4", "5", "6"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "146"), "");
}

TEST(Ssda903Rule, R147) {
  Return r = ValidReturn({"1", "2", "3"});
  EndEpisode(r, "2", "01/09/2025", "E8");
  EndEpisode(r, "3", "2025-09-01", "E8");
  EXPECT_EQ(FlaggedFields(r, "147"), Ids{"3:DEC"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "147"), "");
}

TEST(Ssda903Rule, R148) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: both blank; 2: both given; 3: DEC without REC; 4: REC without DEC.
  EndEpisode(r, "2", "01/09/2025", "E8");
  Set(r, kEpisodes, "3", "DEC", "01/09/2025");
  Set(r, kEpisodes, "4", "REC", "X1");
  EXPECT_EQ(FlaggedFields(r, "148"), (Ids{"3:REC", "4:DEC"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "148"), "");
}

TEST(Ssda903Rule, R149) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  EndEpisode(r, "2", "01/09/2025", "E4A");
  EndEpisode(r, "3", "01/09/2025", "E4a");
  EndEpisode(r, "4", "01/09/2025", "E43");  // a 2017 code, gone since 2019
  EndEpisode(r, "5", "01/09/2025", "X1");
  EXPECT_EQ(Flagged(r, "149"), (Ids{"3", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "149"), "");
}

TEST(Ssda903Rule, R1003) {
  Return r = ValidReturn({"1", "2", "3"});
  // 1: placed before it started to be looked after; 2: placed after; 3: no RNE S episode.
  AddRow(r, kPlacedAdoption, {{"CHILD", "1"}, {"DATE_PLACED", "01/05/2024"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "2"}, {"DATE_PLACED", "01/05/2025"}});
  Set(r, kEpisodes, "3", "RNE", "L");
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DATE_PLACED", "01/05/2024"}});
  EXPECT_EQ(Flagged(r, "1003"), Ids{"1"});
  EXPECT_EQ(FlaggedFields(r, "1003"), Ids{"1:DATE_PLACED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "1003"), "");
}

}  // namespace
}  // namespace sg::ssda903
