// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_301_399.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

// An episode of `id`: the placement and legal status that matter, the rest filled as in the
// base return.
size_t AddEpisode(Return& r, const std::string& id, std::string decom, std::string dec,
                  std::string ls, std::string place, std::string rne = "P", std::string rec = "") {
  return AddRow(r, kEpisodes,
                {{"CHILD", id},
                 {"DECOM", std::move(decom)},
                 {"DEC", std::move(dec)},
                 {"RNE", std::move(rne)},
                 {"LS", std::move(ls)},
                 {"CIN", "N1"},
                 {"PLACE", std::move(place)},
                 {"PLACE_PROVIDER", "PR1"},
                 {"REC", std::move(rec)},
                 {"HOME_POST", "AB1 2CD"},
                 {"PL_POST", "AB1 3CD"},
                 {"URN", "SC123456"}});
}

// Rewrites the base episode of `id`.
void SetEpisode(Return& r, const std::string& id, std::string decom, std::string dec,
                std::string ls, std::string place, std::string rne = "S", std::string rec = "") {
  Set(r, kEpisodes, id, "DECOM", std::move(decom));
  Set(r, kEpisodes, id, "DEC", std::move(dec));
  Set(r, kEpisodes, id, "LS", std::move(ls));
  Set(r, kEpisodes, id, "PLACE", std::move(place));
  Set(r, kEpisodes, id, "RNE", std::move(rne));
  Set(r, kEpisodes, id, "REC", std::move(rec));
}

// Ends the base episode of `id` on `dec` with a new episode (X1) following.
void Continue(Return& r, const std::string& id, std::string dec) {
  Set(r, kEpisodes, id, "DEC", std::move(dec));
  Set(r, kEpisodes, id, "REC", "X1");
}

void SetDob(Return& r, const std::string& id, const std::string& dob) {
  Set(r, kHeader, id, "DOB", dob);
}

size_t AddOc3(Return& r, const std::string& id, std::string dob, std::string in_touch,
              std::string activ, std::string accom) {
  return AddRow(r, kOc3,
                {{"CHILD", id},
                 {"DOB", std::move(dob)},
                 {"IN_TOUCH", std::move(in_touch)},
                 {"ACTIV", std::move(activ)},
                 {"ACCOM", std::move(accom)}});
}

Reference Postcodes() {
  Reference ref;
  ref.la_code = "E09000027";
  ref.has_postcodes = true;
  ref.postcodes["AB12CD"] = {"E09000027", 520000, 170000};
  ref.postcodes["AB13CD"] = {"E09000027", 521000, 171000};
  return ref;
}

// ---- Header and UASC

TEST(Ssda903Rule, R301) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetDob(r, "2", "01/04/2026");  // the day after the year ended
  SetDob(r, "3", "31/03/2026");  // its last day
  SetDob(r, "4", "2026-04-01");  // not a date: not this rule's business
  EXPECT_EQ(FlaggedFields(r, "301"), Ids{"2:DOB"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "301"), "");
}

TEST(Ssda903Rule, R302) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetDob(r, "2", "02/06/2024");  // born the day after the first episode started
  SetDob(r, "3", "01/06/2024");  // born that day
  // 4: born the day the first of two episodes started.
  SetDob(r, "4", "01/06/2024");
  Continue(r, "4", "01/01/2025");
  AddEpisode(r, "4", "01/01/2025", "", "C2", "U1");
  EXPECT_EQ(FlaggedFields(r, "302"), Ids{"2:DECOM"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "302"), "");
}

TEST(Ssda903Rule, R303) {
  // A child's UASC status is its row in the UASC table (2025/26 has no Header UASC column), so
  // a ceased date always comes with status 1: nobody is flagged, with or without DUC.
  Return r = ValidReturn({"1", "2", "3"});
  AddRow(r, kUasc, {{"CHILD", "1"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});
  AddRow(r, kUasc, {{"CHILD", "2"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", ""}});
  // 3's UASC row has no Header row: as the community, only Header children are looked at.
  DropRows(r, kHeader, "3");
  AddRow(r, kUasc, {{"CHILD", "3"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2030"}});
  EXPECT_EQ(Flagged(r, "303"), Ids{});
  Absent(r, kUasc);
  EXPECT_NE(NotRunReason(r, "303"), "");
}

TEST(Ssda903Rule, R304) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddRow(r, kUasc, {{"CHILD", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});  // 18th
  AddRow(r, kUasc, {{"CHILD", "2"}, {"DOB", "01/06/2015"}, {"DUC", "02/06/2033"}});  // after
  // Born on 29 February: 18 on 28/02/2026.
  AddRow(r, kUasc, {{"CHILD", "3"}, {"DOB", "29/02/2008"}, {"DUC", "01/03/2026"}});
  AddRow(r, kUasc, {{"CHILD", "4"}, {"DOB", "29/02/2008"}, {"DUC", "28/02/2026"}});
  AddRow(r, kUasc, {{"CHILD", "5"}, {"DOB", "01/06/2000"}, {"DUC", ""}});
  EXPECT_EQ(FlaggedFields(r, "304"), (Ids{"2:DUC", "3:DUC"}));
  Absent(r, kUasc);
  EXPECT_NE(NotRunReason(r, "304"), "");
}

TEST(Ssda903Rule, R351) {
  Return r = ValidReturn({"1", "2", "3"});
  SetDob(r, "2", "31/03/2000");  // 25 the day before the year started
  SetDob(r, "3", "01/04/2000");  // 25 on its first day
  EXPECT_EQ(FlaggedFields(r, "351"), Ids{"2:DOB"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "351"), "");
}

TEST(Ssda903Rule, R393) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kHeader, "2", "SEX", "F");  // a girl, looked after under C2, no MOTHER
  Set(r, kHeader, "3", "SEX", "F");
  Set(r, kHeader, "3", "MOTHER", "0");
  Set(r, kHeader, "4", "SEX", "F");  // short breaks only
  Set(r, kEpisodes, "4", "LS", "V3");
  Set(r, kHeader, "5", "SEX", "2");  // the pre-2025 code for female is not F
  EXPECT_EQ(FlaggedFields(r, "393"), Ids{"2:MOTHER"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "393"), "");
}

TEST(Ssda903Rule, R399) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "2", "LS", "V3");  // a review recorded for short breaks only
  Set(r, kEpisodes, "3", "LS", "V4");  // no review, no MOTHER
  DropRows(r, kReviews, "3");
  Set(r, kEpisodes, "4", "LS", "V3");  // MOTHER completed
  DropRows(r, kReviews, "4");
  Set(r, kHeader, "4", "MOTHER", "1");
  // 5: a V3 episode, but also one under C2.
  Set(r, kEpisodes, "5", "LS", "V3");
  Continue(r, "5", "01/01/2025");
  AddEpisode(r, "5", "01/01/2025", "", "C2", "U1");
  EXPECT_EQ(FlaggedFields(r, "399"), (Ids{"2:REVIEW", "4:MOTHER"}));
  Absent(r, kReviews);
  EXPECT_NE(NotRunReason(r, "399"), "");
}

// ---- Adoption (AD1)

TEST(Ssda903Rule, R331) {
  Return r = ValidReturn({"1", "2", "3"});
  for (const std::string id : {"1", "2", "3"}) {
    Set(r, kEpisodes, id, "DEC", "01/01/2026");
    Set(r, kEpisodes, id, "PLACE", "A5");
    Set(r, kEpisodes, id, "REC", id == "3" ? "E4" : "E11");
  }
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_MATCH", "01/06/2024"}});  // the day placed
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_MATCH", "02/06/2024"}});  // the day after
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_MATCH", "02/06/2024"}});  // not adopted
  EXPECT_EQ(FlaggedFields(r, "331"), Ids{"2:DATE_MATCH"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "331"), "");
}

TEST(Ssda903Rule, R333) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_INT", "01/01/2025"}, {"DATE_MATCH", "01/01/2025"}});
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_INT", "02/01/2025"}, {"DATE_MATCH", "01/01/2025"}});
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_INT", ""}, {"DATE_MATCH", "01/01/2025"}});
  AddRow(r, kAd1, {{"CHILD", "4"}, {"DATE_INT", "01/01/2025"}, {"DATE_MATCH", ""}});
  AddRow(r, kAd1, {{"CHILD", "5"}, {"DATE_INT", "2025-01-01"}, {"DATE_MATCH", "01/01/2025"}});
  EXPECT_EQ(FlaggedFields(r, "333"), (Ids{"2:DATE_INT", "3:DATE_INT", "5:DATE_INT"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "333"), "");
}

TEST(Ssda903Rule, R334) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_INT", "01/06/2024"}});  // the day care started
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_INT", "31/05/2024"}});  // the day before
  // 3: a second period of care started on 01/01/2025; the decision was in the first one.
  Set(r, kEpisodes, "3", "DEC", "01/09/2024");
  Set(r, kEpisodes, "3", "REC", "E8");
  AddEpisode(r, "3", "01/01/2025", "", "C2", "U1", "S");
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_INT", "01/12/2024"}});
  // 4: no RNE S episode.
  Set(r, kEpisodes, "4", "RNE", "P");
  AddRow(r, kAd1, {{"CHILD", "4"}, {"DATE_INT", "01/01/2020"}});
  EXPECT_EQ(FlaggedFields(r, "334"), (Ids{"2:DATE_INT", "3:DATE_INT"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "334"), "");
}

TEST(Ssda903Rule, R335) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  const std::pair<const char*, const char*> cases[] = {
      {"A5", "1"}, {"A5", "0"}, {"A4", "1"}, {"A4", "1"}};
  for (int i = 0; i < 4; ++i) {
    const std::string id = std::to_string(i + 1);
    Set(r, kEpisodes, id, "DEC", "01/01/2026");
    Set(r, kEpisodes, id, "PLACE", cases[i].first);
    Set(r, kEpisodes, id, "REC", i == 3 ? "E4" : (i == 2 ? "E12" : "E11"));
    AddRow(r, kAd1, {{"CHILD", id}, {"FOSTER_CARE", cases[i].second}});
  }
  // 1: by the foster carer from A5, FOSTER_CARE 1; 2: A5 but 0; 3: A4 but 1; 4: not adopted.
  EXPECT_EQ(FlaggedFields(r, "335"), (Ids{"2:PLACE", "3:PLACE"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "335"), "");
}

TEST(Ssda903Rule, R336) {
  Return r = ValidReturn({"1", "2", "3"});
  for (const std::string id : {"1", "2"}) {
    Continue(r, id, "01/01/2025");
    AddEpisode(r, id, "01/01/2025", "", "C2", id == "1" ? "A3" : "A4");
  }
  Set(r, kEpisodes, "2", "PLACE", "R1");  // a residential placement before A4
  Set(r, kEpisodes, "3", "PLACE", "A3");  // the first episode: nothing before it
  EXPECT_EQ(FlaggedFields(r, "336"), Ids{"2:PLACE"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "336"), "");
}

// ---- Care leavers (OC3)

TEST(Ssda903Rule, R344) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddOc3(r, "1", "01/06/2007", "DIED", "0", "0");
  AddOc3(r, "2", "01/06/2007", "RHOM", "F1", "0");
  AddOc3(r, "3", "01/06/2007", "DIED", "0", "");  // blank is not 0
  AddOc3(r, "4", "01/06/2007", "YES", "F1", "B");
  EXPECT_EQ(FlaggedFields(r, "344"), (Ids{"2:ACTIV", "3:ACCOM"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "344"), "");
}

TEST(Ssda903Rule, R345) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddOc3(r, "1", "01/06/2007", "YES", "F1", "B");
  AddOc3(r, "2", "01/06/2007", "YES", "0", "B");
  AddOc3(r, "3", "01/06/2007", "YES", "F1", "0");
  AddOc3(r, "4", "01/06/2007", "NO", "0", "0");
  EXPECT_EQ(FlaggedFields(r, "345"), (Ids{"2:ACTIV", "3:ACCOM"}));
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "345"), "");
}

TEST(Ssda903Rule, R347) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddOc3(r, "1", "01/04/2007", "YES", "F1", "T");  // 18 on the year's first day
  AddOc3(r, "2", "02/04/2007", "YES", "F1", "T");  // 18 the day after
  AddOc3(r, "3", "02/04/2007", "YES", "F1", "S");  // not in a foyer
  AddOc3(r, "4", "2007-04-02", "YES", "F1", "T");  // no date of birth to go by
  EXPECT_EQ(FlaggedFields(r, "347"), Ids{"2:ACCOM"});
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "347"), "");
}

TEST(Ssda903Rule, R348) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  AddOc3(last, "1", "01/06/2006", "DIED", "0", "0");
  AddOc3(last, "2", "01/06/2006", "DIED", "0", "0");
  AddOc3(last, "3", "01/06/2006", "YES", "F1", "B");
  AddOc3(r, "1", "01/06/2006", "DIED", "0", "0");
  AddOc3(r, "2", "01/06/2006", "YES", "F1", "B");  // died last year, in touch this year
  AddOc3(r, "3", "01/06/2006", "NO", "0", "0");
  AddOc3(r, "4", "01/06/2006", "YES", "F1", "B");  // no OC3 last year
  EXPECT_EQ(FlaggedFields(r, "348", Extra{&last}), Ids{"2:IN_TOUCH"});
  EXPECT_NE(NotRunReason(r, "348"), "");  // without the previous year
  Absent(last, kOc3);
  EXPECT_NE(NotRunReason(r, "348", Extra{&last}), "");
}

TEST(Ssda903Rule, R391) {
  Return r = ValidReturn({"1", "2", "3"});
  AddOc3(r, "1", "31/03/2009", "YES", "F1", "B");  // 17 on the year's last day
  AddOc3(r, "2", "01/04/2009", "YES", "F1", "B");  // 17 after the year
  AddOc3(r, "3", "01/04/2009", "", "", "");        // nothing returned for him
  EXPECT_EQ(FlaggedFields(r, "391"), Ids{"2:DOB"});
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "391"), "");
}

// ---- Episodes: dates

TEST(Ssda903Rule, R352) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetDob(r, "2", "01/06/2006");  // 18 on the day care started
  SetDob(r, "3", "02/06/2006");  // 17
  SetDob(r, "4", "01/06/2006");  // 18, but not the start of a period of care
  Set(r, kEpisodes, "4", "RNE", "P");
  EXPECT_EQ(FlaggedFields(r, "352"), Ids{"2:DECOM"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "352"), "");
}

TEST(Ssda903Rule, R353) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "DECOM", "13/10/1991");
  Set(r, kEpisodes, "3", "DECOM", "14/10/1991");
  EXPECT_EQ(FlaggedFields(r, "353"), Ids{"2:DECOM"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "353"), "");
}

TEST(Ssda903Rule, R354) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "DECOM", "01/04/2026");
  Set(r, kEpisodes, "3", "DECOM", "31/03/2026");
  EXPECT_EQ(FlaggedFields(r, "354"), Ids{"2:DECOM"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "354"), "");
}

TEST(Ssda903Rule, R355) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "DEC", "01/06/2024");  // ceased the day it started
  Set(r, kEpisodes, "3", "DEC", "02/06/2024");
  Set(r, kEpisodes, "4", "DECOM", "");  // both blank: the same, as the community compares
  EXPECT_EQ(FlaggedFields(r, "355"), (Ids{"2:DEC", "4:DEC"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "355"), "");
}

TEST(Ssda903Rule, R356) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "DEC", "31/05/2024");
  Set(r, kEpisodes, "3", "DEC", "01/06/2024");
  Set(r, kEpisodes, "4", "DEC", "31/02/2024");  // not a date
  EXPECT_EQ(FlaggedFields(r, "356"), Ids{"2:DEC"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "356"), "");
}

TEST(Ssda903Rule, R357) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "1", "RNE", "P");  // first episode before the year: not checked
  Set(r, kEpisodes, "2", "DECOM", "01/04/2025");
  Set(r, kEpisodes, "2", "RNE", "P");
  Set(r, kEpisodes, "3", "DECOM", "01/04/2025");
  // 4: the first episode starts care; the second is a change of placement.
  Set(r, kEpisodes, "4", "DECOM", "01/05/2025");
  Continue(r, "4", "01/06/2025");
  AddEpisode(r, "4", "01/06/2025", "", "C2", "U1", "P");
  EXPECT_EQ(FlaggedFields(r, "357"), Ids{"2:RNE"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "357"), "");
}

TEST(Ssda903Rule, R385) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "DEC", "01/04/2026");
  Set(r, kEpisodes, "3", "DEC", "31/03/2026");
  EXPECT_EQ(FlaggedFields(r, "385"), Ids{"2:DEC"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "385"), "");
}

// ---- Episodes: legal status

TEST(Ssda903Rule, R358) {
  Return r = ValidReturn({"1", "2", "3"});
  // Born 01/06/2015: 10 on 01/06/2025.
  for (const std::string id : {"2", "3"}) Continue(r, id, id == "2" ? "01/06/2025" : "02/06/2025");
  AddEpisode(r, "2", "01/06/2025", "", "J1", "R5");  // on the 10th birthday
  AddEpisode(r, "3", "02/06/2025", "", "J2", "R5");  // the day after
  EXPECT_EQ(FlaggedFields(r, "358"), Ids{"2:LS"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "358"), "");
}

TEST(Ssda903Rule, R359) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  SetDob(r, "2", "30/03/2008");  // 18 the day before the year ends, still looked after
  SetDob(r, "3", "31/03/2008");  // 18 on its last day
  SetDob(r, "4", "30/03/2008");  // under section 20(5) in a community home
  Set(r, kEpisodes, "4", "LS", "V2");
  Set(r, kEpisodes, "4", "PLACE", "K2");
  SetDob(r, "5", "30/03/2008");  // no longer looked after
  Set(r, kEpisodes, "5", "DEC", "01/01/2026");
  Set(r, kEpisodes, "5", "REC", "E4");
  EXPECT_EQ(FlaggedFields(r, "359"), Ids{"2:LS"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "359"), "");
}

TEST(Ssda903Rule, R361) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const std::string id : {"2", "3", "4"}) Continue(r, id, "01/06/2025");
  AddEpisode(r, "2", "01/06/2025", "04/06/2025", "L1", "U1", "P", "E4");  // 72 hours
  // 3: two police protection episodes in a row, four days together.
  AddEpisode(r, "3", "01/06/2025", "03/06/2025", "L1", "U1", "P", "X1");
  AddEpisode(r, "3", "03/06/2025", "05/06/2025", "L1", "U2", "P", "E4");
  // 4: as the community chains them, an episode under another status between two L1 ones
  // that follows the first without a gap joins them (01/06 to 05/06).
  AddEpisode(r, "4", "01/06/2025", "03/06/2025", "L1", "U1", "P", "X1");
  AddEpisode(r, "4", "03/06/2025", "04/06/2025", "C2", "U1", "P", "X1");
  AddEpisode(r, "4", "04/06/2025", "05/06/2025", "L1", "U1", "P", "E4");
  // 5: still open: counted to the end of the year.
  Continue(r, "5", "25/03/2026");
  AddEpisode(r, "5", "25/03/2026", "", "L1", "U1");
  EXPECT_EQ(Flagged(r, "361"), (Ids{"3", "3", "4", "4", "5"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "361"), "");
}

TEST(Ssda903Rule, R362) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const std::string id : {"2", "3", "4"}) Continue(r, id, "01/06/2025");
  AddEpisode(r, "2", "01/06/2025", "22/06/2025", "L2", "U1", "P", "E4");  // 21 days
  AddEpisode(r, "3", "01/06/2025", "23/06/2025", "L2", "U1", "P", "E4");  // 22 days
  AddEpisode(r, "4", "01/06/2025", "12/06/2025", "L2", "U1", "P", "X1");  // 11 + 12 days
  AddEpisode(r, "4", "12/06/2025", "24/06/2025", "L2", "U2", "P", "E4");
  EXPECT_EQ(Flagged(r, "362"), (Ids{"3", "4", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "362"), "");
}

TEST(Ssda903Rule, R363) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const std::string id : {"2", "3", "4", "5"}) Continue(r, id, "01/06/2025");
  AddEpisode(r, "2", "01/06/2025", "08/06/2025", "L3", "U1", "P", "E4");  // 7 days
  AddEpisode(r, "3", "01/06/2025", "09/06/2025", "L3", "U1", "P", "E4");  // 8 days
  AddEpisode(r, "4", "01/06/2025", "05/06/2025", "L3", "U1", "P", "X1");  // 4 + 4 in a row
  AddEpisode(r, "4", "05/06/2025", "09/06/2025", "L3", "U2", "P", "E4");
  AddEpisode(r, "5", "01/06/2025", "05/06/2025", "L3", "U1", "P", "E4");  // 4, a gap, 4
  AddEpisode(r, "5", "06/06/2025", "10/06/2025", "L3", "U1", "S", "E4");
  EXPECT_EQ(Flagged(r, "363"), (Ids{"3", "4", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "363"), "");
}

TEST(Ssda903Rule, R364) {
  Return r = ValidReturn({"1", "2", "3"});
  for (const std::string id : {"2", "3"}) Continue(r, id, "01/03/2026");
  AddEpisode(r, "2", "01/03/2026", "22/03/2026", "J2", "U1", "P", "E4");  // 21 days
  AddEpisode(r, "3", "01/03/2026", "", "J2", "U1");  // open: 30 days to the year's end
  EXPECT_EQ(Flagged(r, "364"), Ids{"3"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "364"), "");
}

TEST(Ssda903Rule, R365) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  SetEpisode(r, "2", "01/06/2025", "18/06/2025", "V3", "U2", "S", "E13");  // 17 days
  SetEpisode(r, "3", "01/06/2025", "19/06/2025", "V3", "U2", "S", "E13");  // 18 days
  SetEpisode(r, "4", "10/03/2026", "", "V3", "U2");  // open: 21 days to the year's end
  SetEpisode(r, "5", "01/06/2025", "19/06/2025", "V4", "U2", "S", "E13");
  EXPECT_EQ(FlaggedFields(r, "365"), (Ids{"3:DEC", "4:DEC"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "365"), "");
}

TEST(Ssda903Rule, R366) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetEpisode(r, "2", "01/06/2025", "05/06/2025", "V3", "U2", "S", "E13");
  SetEpisode(r, "3", "01/06/2025", "05/06/2025", "V3", "U2", "P", "E13");
  SetEpisode(r, "4", "01/06/2025", "05/06/2025", "V3", "U2", "", "E13");
  EXPECT_EQ(FlaggedFields(r, "366"), (Ids{"3:RNE", "4:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "366"), "");
}

TEST(Ssda903Rule, R367) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 2: three breaks of 25 days: 75.
  SetEpisode(r, "2", "01/05/2025", "26/05/2025", "V3", "U2", "S", "E13");
  AddEpisode(r, "2", "01/07/2025", "26/07/2025", "V3", "U2", "S", "E13");
  AddEpisode(r, "2", "01/09/2025", "26/09/2025", "V3", "U2", "S", "E13");
  // 3: 40 + 36 = 76.
  SetEpisode(r, "3", "01/05/2025", "10/06/2025", "V3", "U2", "S", "E13");
  AddEpisode(r, "3", "01/07/2025", "06/08/2025", "V3", "U2", "S", "E13");
  // 4: one break from before the year; 76 days of it in the year.
  SetEpisode(r, "4", "01/01/2025", "16/06/2025", "V3", "U2", "S", "E13");
  EXPECT_EQ(Flagged(r, "367"), (Ids{"3", "3", "4"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "367"), "");
}

TEST(Ssda903Rule, R378) {
  Return r = ValidReturn({"1", "2", "3"});
  SetEpisode(r, "2", "01/06/2024", "", "V2", "P1");
  SetEpisode(r, "3", "01/06/2024", "", "C2", "P1");
  EXPECT_EQ(FlaggedFields(r, "378"), Ids{"2:LS"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "378"), "");
}

TEST(Ssda903Rule, R382) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetEpisode(r, "2", "01/06/2025", "05/06/2025", "V3", "T1", "S", "E13");
  SetEpisode(r, "3", "01/06/2025", "05/06/2025", "V4", "U2", "S", "E13");
  Set(r, kEpisodes, "4", "PLACE", "T1");
  EXPECT_EQ(FlaggedFields(r, "382"), Ids{"2:PLACE"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "382"), "");
}

TEST(Ssda903Rule, R384) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetEpisode(r, "2", "01/06/2025", "05/06/2025", "V3", "U1", "S", "E13");
  SetEpisode(r, "3", "01/06/2025", "05/06/2025", "V4", "U4", "S", "E13");
  SetEpisode(r, "4", "01/06/2025", "05/06/2025", "V3", "U2", "S", "E13");
  EXPECT_EQ(FlaggedFields(r, "384"), (Ids{"2:PLACE", "3:PLACE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "384"), "");
}

// ---- Episodes: placements

// The base episode of each child but "1" becomes a ceased placement of type `place` from
// `decom`; the children's dates of birth are `dobs` ("" keeps the base one).
void PlacementCase(Return& r, const std::string& place,
                   std::initializer_list<std::pair<const char*, const char*>> decom_dob) {
  int i = 2;
  for (const auto& [decom, dob] : decom_dob) {
    const std::string id = std::to_string(i++);
    SetEpisode(r, id, decom, "01/03/2026", "C2", place, "S", "E4");
    if (*dob) SetDob(r, id, dob);
  }
}

TEST(Ssda903Rule, R371) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // Born 01/06/2009: 16 on 01/06/2025.
  PlacementCase(
      r, "K3",
      {{"31/05/2025", "01/06/2009"}, {"01/06/2025", "01/06/2009"}, {"31/05/2025", "01/06/2009"}});
  Set(r, kEpisodes, "4", "DEC", "");  // as the community, an open episode is not looked at
  EXPECT_EQ(FlaggedFields(r, "371"), Ids{"2:PLACE"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "371"), "");
}

TEST(Ssda903Rule, R372) {
  Return r = ValidReturn({"1", "2", "3"});
  PlacementCase(r, "R5", {{"31/05/2025", ""}, {"01/06/2025", ""}});  // 10 on 01/06/2025
  EXPECT_EQ(FlaggedFields(r, "372"), Ids{"2:PLACE"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "372"), "");
}

TEST(Ssda903Rule, R373) {
  Return r = ValidReturn({"1", "2", "3"});
  PlacementCase(r, "S1", {{"31/05/2025", "01/06/2021"}, {"01/06/2025", "01/06/2021"}});
  EXPECT_EQ(FlaggedFields(r, "373"), Ids{"2:PLACE"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "373"), "");
}

TEST(Ssda903Rule, R374) {
  Return r = ValidReturn({"1", "2", "3"});
  PlacementCase(r, "P3", {{"31/05/2025", "01/06/2011"}, {"01/06/2025", "01/06/2011"}});
  EXPECT_EQ(FlaggedFields(r, "374"), Ids{"2:PLACE"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "374"), "");
}

// Each child but "1" gets a temporary placement of type `place` after its base episode, from
// 01/06/2025 to each of `decs`.
void TemporaryCase(Return& r, const std::string& place, std::initializer_list<const char*> decs) {
  int i = 2;
  for (const char* dec : decs) {
    const std::string id = std::to_string(i++);
    Continue(r, id, "01/06/2025");
    AddEpisode(r, id, "01/06/2025", dec, "C2", place, "P", "X1");
  }
}

TEST(Ssda903Rule, R375) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 42, 43, 43 days, and one still open (as the community, open ones are not looked at).
  TemporaryCase(r, "T1", {"13/07/2025", "14/07/2025", "14/07/2025", ""});
  SetDob(r, "4", "");  // as the community, a child without a date of birth is not looked at
  EXPECT_EQ(FlaggedFields(r, "375"), Ids{"3:DEC"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "375"), "");
}

TEST(Ssda903Rule, R376) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 21, 22 days; 4 still open: to the end of the year, as the community sees it for 376.
  TemporaryCase(r, "T3", {"22/06/2025", "23/06/2025", ""});
  EXPECT_EQ(FlaggedFields(r, "376"), (Ids{"3:DEC", "4:DEC"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "376"), "");
}

TEST(Ssda903Rule, R379) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  TemporaryCase(r, "T4", {"08/06/2025", "09/06/2025", ""});  // 7, 8 days, open (not looked at)
  EXPECT_EQ(FlaggedFields(r, "379"), Ids{"3:DEC"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "379"), "");
}

TEST(Ssda903Rule, R377) {
  Return r = ValidReturn({"1", "2", "3"});
  for (const std::string id : {"2", "3"}) Continue(r, id, "01/05/2025");
  AddEpisode(r, "2", "01/05/2025", "05/05/2025", "C2", "T3", "P", "X1");
  AddEpisode(r, "2", "05/05/2025", "01/07/2025", "C2", "U1", "P", "X1");
  AddEpisode(r, "2", "01/07/2025", "05/07/2025", "C2", "T3", "P", "X1");
  AddEpisode(r, "3", "01/05/2025", "05/05/2025", "C2", "T3", "P", "X1");
  AddEpisode(r, "3", "05/05/2025", "01/07/2025", "C2", "U1", "P", "X1");
  AddEpisode(r, "3", "01/07/2025", "05/07/2025", "C2", "T3", "P", "X1");
  AddEpisode(r, "3", "05/07/2025", "01/09/2025", "C2", "U1", "P", "X1");
  AddEpisode(r, "3", "01/09/2025", "05/09/2025", "C2", "T3", "P", "X1");
  EXPECT_EQ(FlaggedFields(r, "377"), (Ids{"3:PLACE", "3:PLACE", "3:PLACE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "377"), "");
}

TEST(Ssda903Rule, R380) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  const char* rne[] = {"P", "B", "S", ""};
  const char* place[] = {"T1", "T0", "T2", "T4"};
  for (int i = 0; i < 4; ++i) {
    const std::string id = std::to_string(i + 2);
    Continue(r, id, "01/06/2025");
    AddEpisode(r, id, "01/06/2025", "", "C2", place[i], rne[i]);
  }
  EXPECT_EQ(FlaggedFields(r, "380"), (Ids{"4:RNE", "5:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "380"), "");
}

TEST(Ssda903Rule, R381) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  SetEpisode(r, "2", "01/06/2024", "01/06/2025", "C2", "T1", "S", "X1");
  SetEpisode(r, "3", "01/06/2024", "", "C2", "T1", "S", "");
  SetEpisode(r, "4", "01/06/2024", "01/06/2025", "C2", "T3", "S", "E4");
  EXPECT_EQ(FlaggedFields(r, "381"), Ids{"4:REC"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "381"), "");
}

TEST(Ssda903Rule, R383) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // Each child but 1: U1 (the base), a week in hospital (T1), then back.
  for (const std::string id : {"2", "3", "4", "5"}) {
    Continue(r, id, "01/06/2025");
    AddEpisode(r, id, "01/06/2025", "08/06/2025", "C2", "T1", "P", "X1");
  }
  AddEpisode(r, "2", "08/06/2025", "", "C2", "U1", "P");  // back where he was
  AddEpisode(r, "3", "08/06/2025", "", "C2", "U1", "B");  // RNE not P
  const size_t moved = AddEpisode(r, "4", "08/06/2025", "", "C2", "U1", "P");
  r.tables[kEpisodes][moved][ep::PL_POST] = "AB1 4CD";  // another address
  // 5: no placement postcode before or after: a blank never equals anything (community).
  Set(r, kEpisodes, "5", "PL_POST", "");
  const size_t blank = AddEpisode(r, "5", "08/06/2025", "", "C2", "U1", "P");
  r.tables[kEpisodes][blank][ep::PL_POST] = "";
  EXPECT_EQ(FlaggedFields(r, "383"), (Ids{"3:RNE", "4:PL_POST", "5:PL_POST"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "383"), "");
}

// ---- Episodes: reason ceased

TEST(Ssda903Rule, R386) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // Born 01/06/2007: 18 on 01/06/2025.
  SetEpisode(r, "2", "01/06/2024", "01/06/2025", "C2", "A5", "S", "E11");
  SetEpisode(r, "3", "01/06/2024", "31/05/2025", "C2", "A5", "S", "E12");
  SetEpisode(r, "4", "01/06/2024", "01/06/2025", "C2", "A5", "S", "E11");
  // 5: open, 18 by the end of the year (the community's view of an open episode); 6: open,
  // born 01/04/2008, 18 after it.
  SetEpisode(r, "5", "01/06/2024", "", "C2", "A5", "S", "E11");
  SetEpisode(r, "6", "01/06/2024", "", "C2", "A5", "S", "E11");
  for (const std::string id : {"2", "3", "5"}) SetDob(r, id, "01/06/2007");
  SetDob(r, "6", "01/04/2008");
  SetDob(r, "4", "");  // no date of birth to go by
  EXPECT_EQ(FlaggedFields(r, "386"), (Ids{"2:REC", "5:REC"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "386"), "");
}

TEST(Ssda903Rule, R387) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  // Born 01/06/2011: 14 on 01/06/2025.
  SetEpisode(r, "2", "01/06/2024", "31/05/2025", "C2", "U1", "S", "E5");
  SetEpisode(r, "3", "01/06/2024", "01/06/2025", "C2", "U1", "S", "E6");
  SetEpisode(r, "4", "01/06/2024", "01/06/2025", "C2", "U1", "S", "E5");
  // Open episodes count as ceasing at the end of the year (as the community sees them): 5 is
  // 14 by then, 6 (born 01/04/2012) is not. 7's DEC is not a date.
  SetEpisode(r, "5", "01/06/2024", "", "C2", "U1", "S", "E5");
  SetEpisode(r, "6", "01/06/2024", "", "C2", "U1", "S", "E5");
  SetEpisode(r, "7", "01/06/2024", "31/06/2025", "C2", "U1", "S", "E5");
  for (const std::string id : {"2", "3", "4", "5", "7"}) SetDob(r, id, "01/06/2011");
  SetDob(r, "6", "01/04/2012");
  DropRows(r, kHeader, "4");  // as the community, no Header row counts as too young
  EXPECT_EQ(FlaggedFields(r, "387"), (Ids{"2:REC", "4:REC", "6:REC"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "387"), "");
}

TEST(Ssda903Rule, R389) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // Born 01/06/2009: 16 on 01/06/2025.
  SetEpisode(r, "2", "01/06/2024", "31/05/2025", "C2", "U1", "S", "E7");
  SetEpisode(r, "3", "01/06/2024", "01/06/2025", "C2", "U1", "S", "E7");
  SetEpisode(r, "4", "01/06/2024", "", "C2", "U1", "S", "E7");  // no DEC: flagged (community)
  for (const std::string id : {"2", "3", "4"}) SetDob(r, id, "01/06/2009");
  EXPECT_EQ(FlaggedFields(r, "389"), (Ids{"2:REC", "4:REC"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "389"), "");
}

TEST(Ssda903Rule, R388) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  Continue(r, "2", "01/01/2025");  // X1, the next one starts that day
  AddEpisode(r, "2", "01/01/2025", "", "C2", "U2");
  Continue(r, "3", "01/01/2025");  // X1, but the next one starts the day after
  AddEpisode(r, "3", "02/01/2025", "", "C2", "U2");
  Set(r, kEpisodes, "4", "DEC", "01/01/2025");  // E4, yet the next one starts that day
  Set(r, kEpisodes, "4", "REC", "E4");
  AddEpisode(r, "4", "01/01/2025", "", "C2", "U2");
  Continue(r, "5", "01/01/2026");  // X1 on the last episode
  Set(r, kEpisodes, "6", "DEC", "01/01/2026");
  Set(r, kEpisodes, "6", "REC", "E4");
  Set(r, kEpisodes, "7", "REC", "X1");  // X1 on the last episode, still open
  EXPECT_EQ(FlaggedFields(r, "388"), (Ids{"3:REC", "4:REC", "5:REC", "7:REC"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "388"), "");
}

TEST(Ssda903Rule, R390) {
  Return r = ValidReturn({"1", "2", "3"});
  SetEpisode(r, "2", "01/06/2024", "01/01/2026", "C2", "A3", "S", "E11");
  SetEpisode(r, "3", "01/06/2024", "01/01/2026", "C2", "U1", "S", "E12");
  EXPECT_EQ(FlaggedFields(r, "390"), Ids{"3:PLACE"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "390"), "");
}

// ---- Episodes: postcodes and distance

TEST(Ssda903Rule, R392a) {
  const Reference ref = Postcodes();
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "2", "PL_POST", "ZZ9 9ZZ");  // unknown: no distance
  Set(r, kEpisodes, "3", "HOME_POST", "");
  Set(r, kEpisodes, "4", "LS", "V3");  // short breaks: no distance wanted
  Set(r, kEpisodes, "4", "PL_POST", "");
  Set(r, kEpisodes, "5", "PL_POST", "");  // formerly UASC
  AddRow(r, kUasc, {{"CHILD", "5"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/01/2025"}});
  EXPECT_EQ(FlaggedFields(r, "392a", Extra{nullptr, &ref}),
            (Ids{"2:PL_DISTANCE", "3:PL_DISTANCE"}));
  // 5 counts as UASC when last year's UASC table says so.
  Return r2 = ValidReturn({"5"});
  Set(r2, kEpisodes, "5", "PL_POST", "");
  Return last = ValidLastYear({"5"});
  AddRow(last, kUasc, {{"CHILD", "5"}, {"SEX", "1"}, {"DOB", "01/06/2015"}});
  EXPECT_EQ(Flagged(r2, "392a", Extra{&last, &ref}), Ids{});
  // As the community, nothing is checked without a UASC table this year or last.
  Absent(r, kUasc);
  EXPECT_EQ(Flagged(r, "392a", Extra{nullptr, &ref}), Ids{});
  EXPECT_NE(NotRunReason(r, "392a"), "");  // no postcode directory
}

TEST(Ssda903Rule, R392b) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "2", "HOME_POST", "");
  Set(r, kEpisodes, "3", "PL_POST", "");
  Set(r, kEpisodes, "4", "LS", "V4");
  Set(r, kEpisodes, "4", "PL_POST", "");
  Set(r, kEpisodes, "5", "PL_POST", "");  // formerly UASC
  AddRow(r, kUasc, {{"CHILD", "5"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/01/2025"}});
  EXPECT_EQ(FlaggedFields(r, "392b"), (Ids{"2:HOME_POST", "3:PL_POST"}));
  Absent(r, kUasc);  // unlike 392a, still checked, for everyone
  EXPECT_EQ(Flagged(r, "392b"), (Ids{"2", "3", "5"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "392b"), "");
}

TEST(Ssda903Rule, R392c) {
  const Reference ref = Postcodes();
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "HOME_POST", "ZZ1 1ZZ");
  Set(r, kEpisodes, "3", "PL_POST", "ab12cd");  // known, written otherwise
  Set(r, kEpisodes, "4", "PL_POST", "");        // blank is 392b's business
  EXPECT_EQ(FlaggedFields(r, "392c", Extra{nullptr, &ref}), Ids{"2:HOME_POST"});
  EXPECT_NE(NotRunReason(r, "392c"), "");  // no postcode directory
}

TEST(Ssda903Rule, R392d) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "PL_POST", "AB1 2CD");  // placed at home, not with parents
  Set(r, kEpisodes, "3", "PL_POST", "AB1 2CD");
  Set(r, kEpisodes, "3", "PLACE", "P1");
  Set(r, kEpisodes, "4", "HOME_POST", "");
  Set(r, kEpisodes, "4", "PL_POST", "");
  EXPECT_EQ(FlaggedFields(r, "392d"), Ids{"2:PL_POST"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "392d"), "");
}

TEST(Ssda903Rule, R398) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kEpisodes, "2", "LS", "V3");
  Set(r, kEpisodes, "3", "LS", "V4");
  Set(r, kEpisodes, "3", "HOME_POST", "");
  Set(r, kEpisodes, "3", "PL_POST", "");
  Set(r, kEpisodes, "4", "LS", "V4");
  Set(r, kEpisodes, "4", "HOME_POST", "");
  EXPECT_EQ(FlaggedFields(r, "398"), (Ids{"2:HOME_POST", "4:PL_POST"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "398"), "");
}

}  // namespace
}  // namespace sg::ssda903
