// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_202_234.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

// Adds a UASC row.
void AddUasc(Return& r, std::string child, std::string duc, std::string sex = "1",
             std::string dob = "01/06/2015") {
  AddRow(r, kUasc,
         {{"CHILD", std::move(child)},
          {"SEX", std::move(sex)},
          {"DOB", std::move(dob)},
          {"DUC", std::move(duc)}});
}

// Adds an episode.
void AddEpisode(Return& r, std::string child, std::string decom, std::string rne, std::string place,
                std::string dec = "", std::string rec = "", std::string reason = "") {
  AddRow(r, kEpisodes,
         {{"CHILD", std::move(child)},
          {"DECOM", std::move(decom)},
          {"RNE", std::move(rne)},
          {"LS", "C2"},
          {"CIN", "N1"},
          {"PLACE", std::move(place)},
          {"PLACE_PROVIDER", "PR1"},
          {"DEC", std::move(dec)},
          {"REC", std::move(rec)},
          {"REASON_PLACE_CHANGE", std::move(reason)},
          {"HOME_POST", "AB1 2CD"},
          {"PL_POST", "AB1 3CD"},
          {"URN", "SC123456"}});
}

// Ends the child's first episode on `dec` with `rec` and `reason`.
void EndFirst(Return& r, std::string_view child, std::string dec, std::string rec,
              std::string reason) {
  Set(r, kEpisodes, child, "DEC", std::move(dec));
  Set(r, kEpisodes, child, "REC", std::move(rec));
  Set(r, kEpisodes, child, "REASON_PLACE_CHANGE", std::move(reason));
}

// The LA E09000027; providers SC123456 (U1, PR1, in the LA), SC999999 (K1/K2, PR2, in
// E09000001), SC888888 (U1, PR1, LA unknown) and SC777777 (U1, PR1, registered until
// 01/09/2025); postcodes AB1 2CD and AB1 3CD in the LA, EC1A 1BB in E09000001, CF10 1AA in Wales.
Reference MakeReference() {
  Reference ref;
  ref.la_code = "E09000027";
  ref.has_providers = true;
  ref.providers["SC123456"] = {{"U1"}, {"PR1"}, std::nullopt, "E09000027"};
  ref.providers["SC999999"] = {{"K2", "K1"}, {"PR2"}, std::nullopt, "E09000001"};
  ref.providers["SC888888"] = {{"U1"}, {"PR1"}, std::nullopt, ""};
  ref.providers["SC777777"] = {{"U1"}, {"PR1"}, Date::FromCivil(2025, 9, 1), "E09000027"};
  ref.has_postcodes = true;
  ref.postcodes["AB12CD"] = {"E09000027", 520000, 170000};
  ref.postcodes["AB13CD"] = {"E09000027", 521000, 171000};
  ref.postcodes["EC1A1BB"] = {"E09000001", 532000, 181000};
  ref.postcodes["CF101AA"] = {"W06000015", 318000, 176000};
  return ref;
}

// ---- The child's details against last year's.

TEST(Ssda903Rule, R202) {
  Return r = ValidReturn({"1", "2", "3", "4", "6"});
  Return last = ValidLastYear({"1", "2", "3", "6"});
  // 2: sex changed; 3: blank both years; 4: new this year; 6: blank now, 1 before.
  Set(r, kHeader, "2", "SEX", "2");
  Set(r, kHeader, "3", "SEX", "");
  Set(last, kHeader, "3", "SEX", "");
  Set(r, kHeader, "6", "SEX", "");
  EXPECT_EQ(FlaggedFields(r, "202", {&last}), (Ids{"2:SEX", "6:SEX"}));
  EXPECT_NE(NotRunReason(r, "202"), "");
}

TEST(Ssda903Rule, R203) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  // 2: a day later; 3: not a date in either year (equal); 4: not a date now, a date before.
  Set(r, kHeader, "2", "DOB", "02/06/2015");
  Set(r, kHeader, "3", "DOB", "31/02/2015");
  Set(last, kHeader, "3", "DOB", "xx");
  Set(r, kHeader, "4", "DOB", "31/06/2015");
  EXPECT_EQ(Flagged(r, "203", {&last}), (Ids{"2", "4"}));
  EXPECT_NE(NotRunReason(r, "203"), "");
}

TEST(Ssda903Rule, R204) {
  Return r = ValidReturn({"1", "2", "3"});
  Return last = ValidLastYear({"1", "2", "3"});
  // 2: the same code in lower case; 3: another code.
  Set(r, kHeader, "2", "ETHNIC", "wbri");
  Set(r, kHeader, "3", "ETHNIC", "NOBT");
  EXPECT_EQ(Flagged(r, "204", {&last}), Ids{"3"});
  EXPECT_NE(NotRunReason(r, "204"), "");
}

// ---- UASC this year and last.

TEST(Ssda903Rule, R205A) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  // All four UASC last year (in last year's Header and UASC table). 1-3 have a UASC row this
  // year but no Header row (not UASC this year); 4 is in both (UASC this year).
  for (const char* id : {"1", "2", "4"}) AddUasc(last, id, "15/05/2024", "");
  AddUasc(last, "3", "15/05/2023", "");
  AddUasc(r, "1", "", "");
  AddUasc(r, "2", "15/05/2024", "");  // a DUC this year
  AddUasc(r, "3", "", "");            // last year's DUC is before last year
  AddUasc(r, "4", "", "");
  for (const char* id : {"1", "2", "3"}) DropRows(r, kHeader, id);
  EXPECT_EQ(Flagged(r, "205A", {&last}), (Ids{"2", "3"}));
  // Without this year's Header a UASC row is UASC when its SEX or DUC is given: 2 is UASC now.
  Set(r, kUasc, "4", "SEX", "1");
  Absent(r, kHeader);
  EXPECT_EQ(Flagged(r, "205A", {&last}), Ids{"3"});
  EXPECT_NE(NotRunReason(r, "205A"), "");
  Absent(last, kUasc);
  EXPECT_NE(NotRunReason(r, "205A", {&last}), "");
}

TEST(Ssda903Rule, R205B) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  // UASC both years. Last year's DUC must be the 18th birthday; this year's within the year or
  // equal to last year's.
  AddUasc(last, "1", "15/06/2025", "1", "15/06/2007");
  AddUasc(r, "1", "15/06/2025");  // within the year: passes
  AddUasc(last, "2", "15/06/2025", "1", "15/06/2007");
  AddUasc(r, "2", "15/06/2026");                        // after the year, not last year's
  AddUasc(last, "3", "14/06/2025", "1", "15/06/2007");  // not the 18th birthday
  AddUasc(r, "3", "15/06/2025");
  AddUasc(last, "4", "01/05/2026", "1", "01/05/2008");
  AddUasc(r, "4", "01/05/2026");              // after the year but equal to last year's: passes
  AddUasc(last, "5", "", "1", "15/06/2007");  // no DUC last year
  AddUasc(r, "5", "15/06/2025");
  EXPECT_EQ(FlaggedFields(r, "205B", {&last}), (Ids{"2:DUC", "3:DUC", "5:DUC"}));
  EXPECT_NE(NotRunReason(r, "205B"), "");
}

TEST(Ssda903Rule, R205C) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "4", "5"});
  // 1: UASC this year (Header and UASC row). 2-5 have UASC rows but no Header row: not UASC.
  AddUasc(r, "1", "01/05/2025");
  AddUasc(r, "2", "01/05/2025");  // not in last year's return, a DUC this year
  AddUasc(r, "3", "");            // no DUC either year
  AddUasc(r, "4", "");
  AddUasc(last, "4", "01/05/2024");  // not in last year's Header: not UASC; a DUC last year
  DropRows(last, kHeader, "4");
  AddUasc(r, "5", "");
  AddUasc(last, "5", "01/05/2024");  // UASC last year: 205A's business
  for (const char* id : {"2", "3", "4", "5"}) DropRows(r, kHeader, id);
  EXPECT_EQ(Flagged(r, "205C", {&last}), (Ids{"2", "4"}));
  EXPECT_NE(NotRunReason(r, "205C"), "");
}

TEST(Ssda903Rule, R205D) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3"});
  // 1: UASC both years; 2: UASC now, in last year's Header without a UASC row; 3: not UASC now;
  // 4: UASC now, not in last year's return.
  AddUasc(r, "1", "");
  AddUasc(last, "1", "");
  AddUasc(r, "2", "");
  AddUasc(r, "4", "");
  EXPECT_EQ(FlaggedFields(r, "205D", {&last}), Ids{"2:CHILD"});
  // Without last year's Header its UASC rows say who was UASC: 1's row has no SEX or DUC.
  Absent(last, kHeader);
  Set(last, kUasc, "1", "SEX", "");
  EXPECT_EQ(Flagged(r, "205D", {&last}), Ids{"1"});
  EXPECT_NE(NotRunReason(r, "205D"), "");
}

TEST(Ssda903Rule, R207) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  // 1: a mother both years; 2: blank now; 3: "0" now but no episodes this year; 4: not a
  // mother last year; 5: "0" now.
  for (const char* id : {"1", "2", "3", "5"}) Set(last, kHeader, id, "MOTHER", "1");
  Set(last, kHeader, "4", "MOTHER", "0");
  Set(r, kHeader, "1", "MOTHER", "1");
  Set(r, kHeader, "3", "MOTHER", "0");
  DropRows(r, kEpisodes, "3");
  Set(r, kHeader, "5", "MOTHER", "0");
  EXPECT_EQ(FlaggedFields(r, "207", {&last}), (Ids{"2:MOTHER", "5:MOTHER"}));
  EXPECT_NE(NotRunReason(r, "207"), "");
}

TEST(Ssda903Rule, R208) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"});
  auto upns = [&](std::string_view id, std::string before, std::string now) {
    Set(last, kHeader, id, "UPN", std::move(before));
    Set(r, kHeader, id, "UPN", std::move(now));
  };
  upns("2", "UN1", "UN3");                      // UN1 to UN2-UN5: allowed
  upns("3", "", "UN2");                         // blank to UN2-UN5: allowed
  upns("4", "UN5", "A123456789012");            // unknown to known: allowed
  upns("5", "A123456789012", "UN4");            // known to unknown
  upns("6", "A123456789012", "B123456789012");  // known to another
  upns("7", "UN3", "UN2");                      // UN3 to UN2
  upns("8", "A123456789012", "");               // known to blank
  upns("9", "", "");                            // blank both years
  upns("10", "un1", "UN1");                     // case is ignored
  EXPECT_EQ(Flagged(r, "208", {&last}), (Ids{"5", "6", "7", "8"}));
  EXPECT_NE(NotRunReason(r, "208"), "");
}

TEST(Ssda903Rule, R209) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // School age: 4 by 31/08/2024 (the year before the collection starts).
  Set(r, kHeader, "1", "UPN", "UN1");
  Set(r, kHeader, "1", "DOB", "31/08/2020");
  Set(r, kHeader, "2", "UPN", "UN1");
  Set(r, kHeader, "2", "DOB", "01/09/2020");
  Set(r, kHeader, "3", "UPN", "UN2");
  Set(r, kHeader, "5", "UPN", "UN1");
  Set(r, kHeader, "5", "DOB", "");
  EXPECT_EQ(FlaggedFields(r, "209"), Ids{"1:UPN"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "209"), "");
}

TEST(Ssda903Rule, R210) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // UN4 for a child whose episode starts on or after 24 March.
  for (const char* id : {"1", "2", "4"}) Set(r, kHeader, id, "UPN", "UN4");
  Set(r, kHeader, "3", "UPN", "UN3");
  Set(r, kEpisodes, "1", "DECOM", "24/03/2026");
  Set(r, kEpisodes, "3", "DECOM", "25/03/2026");
  Set(r, kEpisodes, "4", "DECOM", "23/03/2026");
  EXPECT_EQ(FlaggedFields(r, "210"), Ids{"1:UPN"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "210"), "");
}

// ---- Placements.

TEST(Ssda903Rule, R213) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "PLACE", "T1");  // temporary, with a provider
  Set(r, kEpisodes, "3", "PLACE", "Z12");
  Set(r, kEpisodes, "3", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "4", "PLACE", "Z14");
  Set(r, kEpisodes, "4", "PLACE_PROVIDER", "PR0");
  EXPECT_EQ(FlaggedFields(r, "213"), (Ids{"2:PLACE_PROVIDER", "4:PLACE_PROVIDER"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "213"), "");
}

TEST(Ssda903Rule, R214) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "LS", "V3");  // with a postcode and URN
  Set(r, kEpisodes, "3", "LS", "V4");  // with a URN only
  Set(r, kEpisodes, "3", "PL_POST", "");
  Set(r, kEpisodes, "4", "LS", "V3");  // neither
  Set(r, kEpisodes, "4", "PL_POST", "");
  Set(r, kEpisodes, "4", "URN", "");
  EXPECT_EQ(Flagged(r, "214"), (Ids{"2", "3"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "214"), "");
}

TEST(Ssda903Rule, R215) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: care leaver data and 12-month data; 2: an OC3 row with nothing in it; 3: OC2 has only
  // the SDQ; 4: no OC2 row.
  AddRow(r, kOc3, {{"CHILD", "1"}, {"IN_TOUCH", "YES"}});
  AddRow(r, kOc3, {{"CHILD", "2"}});
  AddRow(r, kOc3, {{"CHILD", "3"}, {"ACCOM", "Z1"}});
  for (const char* col : {"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                          "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"}) {
    Set(r, kOc2, "3", col, "");
  }
  AddRow(r, kOc3, {{"CHILD", "4"}, {"ACTIV", "F1"}});
  DropRows(r, kOc2, "4");
  EXPECT_EQ(Flagged(r, "215"), Ids{"1"});
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "215"), "");
}

TEST(Ssda903Rule, R217) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "1", "PLACE", "A3");
  Set(r, kEpisodes, "1", "RNE", "P");
  Set(r, kEpisodes, "2", "PLACE", "A5");
  Set(r, kEpisodes, "2", "RNE", "T");
  Set(r, kEpisodes, "3", "PLACE", "A3");  // before 1 April 2015
  Set(r, kEpisodes, "3", "RNE", "P");
  Set(r, kEpisodes, "3", "DECOM", "31/03/2015");
  Set(r, kEpisodes, "4", "PLACE", "A5");  // on 1 April 2015
  Set(r, kEpisodes, "4", "RNE", "B");
  Set(r, kEpisodes, "4", "DECOM", "01/04/2015");
  EXPECT_EQ(Flagged(r, "217"), (Ids{"1", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "217"), "");
}

TEST(Ssda903Rule, R218) {
  const Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  for (const char* id : {"1", "2", "3", "4", "5", "6"}) Set(r, kEpisodes, id, "URN", "");
  Set(r, kEpisodes, "2", "PLACE", "P1");          // no URN for this placement type
  Set(r, kEpisodes, "3", "DEC", "31/03/2025");    // ended before the year
  Set(r, kEpisodes, "4", "DEC", "01/04/2025");    // ended on its first day
  Set(r, kEpisodes, "5", "PL_POST", "CF10 1AA");  // in Wales
  Set(r, kEpisodes, "6", "DEC", "xx/yy");         // not a date, not blank
  EXPECT_EQ(FlaggedFields(r, "218", {nullptr, &ref}), (Ids{"1:URN", "4:URN"}));
  EXPECT_NE(NotRunReason(r, "218"), "");  // needs the postcode directory
}

TEST(Ssda903Rule, R219) {
  const Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Set(r, kEpisodes, "2", "PLACE", "U2");      // not registered for U2
  Set(r, kEpisodes, "3", "URN", "XXXXXXX");   // placeholder
  Set(r, kEpisodes, "4", "URN", "SC000000");  // not on the list
  Set(r, kEpisodes, "5", "URN", "");
  Set(r, kEpisodes, "6", "PLACE", "K1");
  Set(r, kEpisodes, "6", "URN", "SC999999");
  EXPECT_EQ(Flagged(r, "219", {nullptr, &ref}), (Ids{"2", "4"}));
  EXPECT_NE(NotRunReason(r, "219"), "");
}

TEST(Ssda903Rule, R221) {
  Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  for (const char* id : {"1", "2", "3", "4", "5"}) Set(r, kEpisodes, id, "PLACE", "K1");
  Set(r, kEpisodes, "1", "URN", "SC999999");  // provider in E09000001, postcode in the LA
  Set(r, kEpisodes, "2", "URN", "SC000000");  // not on the list
  Set(r, kEpisodes, "3", "PLACE", "K2");
  Set(r, kEpisodes, "3", "URN", "SC999999");
  Set(r, kEpisodes, "3", "PL_POST", "EC1A 1BB");  // in the provider's LA
  Set(r, kEpisodes, "4", "URN", "SC000000");
  Set(r, kEpisodes, "4", "LS", "V3");  // short breaks: not checked
  Set(r, kEpisodes, "5", "URN", "SC000000");
  Set(r, kEpisodes, "5", "PL_POST", "");  // no postcode: not checked
  EXPECT_EQ(FlaggedFields(r, "221", {nullptr, &ref}), (Ids{"1:PL_POST", "2:PL_POST"}));
  // Without the postcode directory only an unlisted URN is found.
  ref.has_postcodes = false;
  ref.postcodes.clear();
  EXPECT_EQ(Flagged(r, "221", {nullptr, &ref}), Ids{"2"});
  // With the provider's postcode on the list, the placement's must be it (spaces and case
  // aside).
  ref.providers["SC999999"].postcode = "EC1A1BB";
  Set(r, kEpisodes, "1", "PL_POST", "ec1a 1bb");
  EXPECT_EQ(FlaggedFields(r, "221", {nullptr, &ref}), (Ids{"2:PL_POST"}));
  Set(r, kEpisodes, "3", "PL_POST", "EC1A 1BC");
  EXPECT_EQ(FlaggedFields(r, "221", {nullptr, &ref}), (Ids{"2:PL_POST", "3:PL_POST"}));
  EXPECT_NE(NotRunReason(r, "221"), "");
}

TEST(Ssda903Rule, R222) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "1", "PLACE", "R1");
  Set(r, kEpisodes, "2", "PLACE", "T2");
  Set(r, kEpisodes, "2", "URN", "XXXXXXX");
  Set(r, kEpisodes, "3", "PLACE", "Z11");
  Set(r, kEpisodes, "4", "PLACE", "P2");  // a placement type with a URN
  EXPECT_EQ(FlaggedFields(r, "222"), (Ids{"1:URN", "3:URN"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "222"), "");
}

TEST(Ssda903Rule, R224) {
  const Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "2", "PLACE_PROVIDER", "PR2");  // the URN is a PR1 provider
  Set(r, kEpisodes, "3", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "4", "URN", "SC000000");  // not on the list
  Set(r, kEpisodes, "5", "URN", "XXXXXXX");
  Set(r, kEpisodes, "5", "PLACE_PROVIDER", "PR4");
  EXPECT_EQ(Flagged(r, "224", {nullptr, &ref}), (Ids{"2", "3", "4"}));
  EXPECT_NE(NotRunReason(r, "224"), "");
}

TEST(Ssda903Rule, R225) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // Each child's first placement ends on 01/09/2025 in a change of placement (X1) and a
  // second begins that day.
  for (const char* id : {"1", "2", "3", "4", "5"}) {
    EndFirst(r, id, "01/09/2025", "X1", "");
    AddEpisode(r, id, "01/09/2025", "P", "U1");
  }
  Set(r, kEpisodes, "2", "REASON_PLACE_CHANGE", "CARPL");  // reason given
  Set(r, kEpisodes, "3", "RNE", "L", 1);                   // next begins for a legal reason
  Set(r, kEpisodes, "4", "PLACE", "T1", 1);                // next is temporary
  Set(r, kEpisodes, "5", "PLACE", "T2");                   // this one is temporary
  // 6: as 1, with the later episode first in the file.
  Set(r, kEpisodes, "6", "DECOM", "01/09/2025");
  Set(r, kEpisodes, "6", "RNE", "P");
  AddEpisode(r, "6", "01/06/2024", "S", "U1", "01/09/2025", "X1");
  EXPECT_EQ(FlaggedFields(r, "225"), (Ids{"1:REASON_PLACE_CHANGE", "6:REASON_PLACE_CHANGE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "225"), "");
}

TEST(Ssda903Rule, R226) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: a temporary placement after an episode with a reason; 2: a temporary placement with a
  // reason itself; 3: a temporary placement after one without; 4: not temporary.
  EndFirst(r, "1", "01/09/2025", "X1", "CARPL");
  AddEpisode(r, "1", "01/09/2025", "T", "T1");
  Set(r, kEpisodes, "2", "PLACE", "T1");
  Set(r, kEpisodes, "2", "REASON_PLACE_CHANGE", "CARPL");
  EndFirst(r, "3", "01/09/2025", "X1", "");
  AddEpisode(r, "3", "01/09/2025", "T", "T1");
  EndFirst(r, "4", "01/09/2025", "X1", "CARPL");
  AddEpisode(r, "4", "01/09/2025", "P", "U1");
  EXPECT_EQ(Flagged(r, "226"), (Ids{"1", "2"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "226"), "");
}

TEST(Ssda903Rule, R227) {
  const Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4"});
  // SC777777 was registered until 01/09/2025.
  Set(r, kEpisodes, "1", "URN", "SC777777");
  Set(r, kEpisodes, "1", "DECOM", "01/09/2025");  // starts that day
  Set(r, kEpisodes, "2", "URN", "SC777777");
  Set(r, kEpisodes, "2", "DECOM", "31/08/2025");  // the day before
  Set(r, kEpisodes, "4", "URN", "SC000000");      // not on the list
  EXPECT_EQ(FlaggedFields(r, "227", {nullptr, &ref}), Ids{"1:URN"});
  EXPECT_NE(NotRunReason(r, "227"), "");
}

TEST(Ssda903Rule, R228) {
  const Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // SC777777 was registered until 01/09/2025.
  for (const char* id : {"1", "2", "3", "5"}) Set(r, kEpisodes, id, "URN", "SC777777");
  Set(r, kEpisodes, "2", "DEC", "01/09/2025");  // ends that day
  Set(r, kEpisodes, "3", "DEC", "02/09/2025");  // the day after
  Set(r, kEpisodes, "5", "DEC", "bad");         // taken as open: runs to 31 March
  EXPECT_EQ(Flagged(r, "228", {nullptr, &ref}), (Ids{"1", "3", "5"}));
  EXPECT_NE(NotRunReason(r, "228"), "");
}

TEST(Ssda903Rule, R229) {
  Reference ref = MakeReference();
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  auto place = [&](std::string_view id, std::string provider, std::string urn) {
    Set(r, kEpisodes, id, "PLACE_PROVIDER", std::move(provider));
    Set(r, kEpisodes, id, "URN", std::move(urn));
  };
  place("2", "PR1", "SC999999");  // own provision, provider in another LA
  place("3", "PR2", "SC123456");  // another LA's provision, provider in this LA
  place("4", "PR2", "SC999999");
  place("5", "PR1", "SC000000");  // not on the list
  place("6", "PR2", "SC000000");
  place("7", "PR1", "SC888888");  // the provider's LA is unknown
  place("8", "PR3", "SC999999");
  EXPECT_EQ(FlaggedFields(r, "229", {nullptr, &ref}),
            (Ids{"2:PLACE_PROVIDER", "3:PLACE_PROVIDER", "5:PLACE_PROVIDER", "7:PLACE_PROVIDER"}));
  ref.la_code.clear();
  EXPECT_NE(NotRunReason(r, "229", {nullptr, &ref}), "");
}

TEST(Ssda903Rule, R231) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 11 years before 31/03/2026 is 31/03/2015.
  AddUasc(r, "1", "");  // born 01/06/2015
  AddUasc(r, "2", "");
  Set(r, kHeader, "2", "DOB", "31/03/2015");
  Set(r, kHeader, "4", "DOB", "01/04/2015");
  AddUasc(r, "4", "");
  EXPECT_EQ(FlaggedFields(r, "231"), (Ids{"1:DOB", "4:DOB"}));
  Absent(r, kUasc);
  EXPECT_NE(NotRunReason(r, "231"), "");
}

TEST(Ssda903Rule, R232) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kHeader, "2", "SEX", "U");
  Set(r, kHeader, "3", "SEX", "u");
  Set(r, kHeader, "4", "SEX", "");
  EXPECT_EQ(FlaggedFields(r, "232"), (Ids{"2:SEX", "3:SEX"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "232"), "");
}

TEST(Ssda903Rule, R233) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "1", "REASON_PLACE_CHANGE", "CARPL");  // open episode
  EndFirst(r, "2", "01/09/2025", "X1", "CARPL");
  EXPECT_EQ(FlaggedFields(r, "233"), Ids{"1:REASON_PLACE_CHANGE"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "233"), "");
}

TEST(Ssda903Rule, R234) {
  Return r = ValidReturn({"1", "2", "3"});
  // Born 01/06/2015: 10 on 01/06/2025.
  Set(r, kEpisodes, "1", "DECOM", "31/05/2025");
  Set(r, kEpisodes, "1", "REASON_PLACE_CHANGE", "CUSTOD");
  Set(r, kEpisodes, "2", "DECOM", "01/06/2025");
  Set(r, kEpisodes, "2", "REASON_PLACE_CHANGE", "CUSTOD");
  Set(r, kEpisodes, "3", "REASON_PLACE_CHANGE", "OTHER");
  EXPECT_EQ(FlaggedFields(r, "234"), Ids{"1:REASON_PLACE_CHANGE"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "234"), "");
}

TEST(Ssda903Rule, R3001) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 17 within the year: born 01/04/2008 to 31/03/2009.
  const std::pair<const char*, const char*> kids[] = {
      {"01/04/2008", "Z1"}, {"31/03/2008", "Z1"}, {"31/03/2009", "z2"}, {"01/01/2009", "T1"}};
  int i = 0;
  for (const auto& [dob, accom] : kids) {
    const std::string id = std::to_string(++i);
    Set(r, kHeader, id, "DOB", dob);
    AddRow(r, kOc3, {{"CHILD", id}, {"DOB", dob}, {"IN_TOUCH", "YES"}, {"ACCOM", accom}});
  }
  EXPECT_EQ(FlaggedFields(r, "3001"), (Ids{"1:ACCOM", "3:ACCOM"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "3001"), "");
}

TEST(Ssda903Rule, REPI) {
  Return r = ValidReturn({"1", "2", "3"});
  DropRows(r, kEpisodes, "2");  // no episodes
  DropRows(r, kEpisodes, "3");  // no episodes but care leaver information
  AddRow(r, kOc3, {{"CHILD", "3"}, {"IN_TOUCH", "YES"}});
  EXPECT_EQ(FlaggedFields(r, "EPI"), Ids{"2:CHILD"});
  // Without the Episodes table every child without OC3 is flagged.
  Absent(r, kEpisodes);
  EXPECT_EQ(Flagged(r, "EPI"), (Ids{"1", "2"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "EPI"), "");
}

TEST(Ssda903Rule, RNoE) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2"});
  // 2: no episodes last year; 3: not in last year's return; both started before this year.
  // 4: started this year.
  DropRows(last, kEpisodes, "2");
  Set(r, kEpisodes, "4", "DECOM", "01/04/2025");
  EXPECT_EQ(FlaggedFields(r, "NoE", {&last}), (Ids{"2:DECOM", "3:DECOM"}));
  EXPECT_NE(NotRunReason(r, "NoE"), "");
}

}  // namespace
}  // namespace sg::ssda903
