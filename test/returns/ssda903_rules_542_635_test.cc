// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_542_635.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

// Ends the child's (single, base) episode.
void EndEpisode(Return& r, std::string_view child, std::string dec, std::string rec) {
  Set(r, kEpisodes, child, "DEC", std::move(dec));
  Set(r, kEpisodes, child, "REC", std::move(rec));
}

size_t AddMissing(Return& r, std::string child, std::string missing, std::string start,
                  std::string end) {
  return AddRow(r, kMissing,
                {{"CHILD", std::move(child)},
                 {"DOB", "01/06/2015"},
                 {"MISSING", std::move(missing)},
                 {"MIS_START", std::move(start)},
                 {"MIS_END", std::move(end)}});
}

size_t AddPlaced(Return& r, std::string child, std::string placed, std::string ceased = "",
                 std::string reason = "") {
  return AddRow(r, kPlacedAdoption,
                {{"CHILD", std::move(child)},
                 {"DOB", "01/06/2015"},
                 {"DATE_PLACED", std::move(placed)},
                 {"DATE_PLACED_CEASED", std::move(ceased)},
                 {"REASON_PLACED_CEASED", std::move(reason)}});
}

size_t AddAd1(Return& r, std::string child, std::string match = "01/12/2025") {
  return AddRow(r, kAd1,
                {{"CHILD", std::move(child)},
                 {"DOB", "01/06/2015"},
                 {"DATE_INT", "01/10/2025"},
                 {"DATE_MATCH", std::move(match)},
                 {"FOSTER_CARE", "0"},
                 {"NB_ADOPTR", "1"},
                 {"SEX_ADOPTR", "M1"},
                 {"LS_ADOPTR", "L0"}});
}

// ---- OC2

TEST(Ssda903Rule, R542) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 2: 9 on 31 March (born 1 April); 3: 10 that day; 4: no DOB. All convictions given.
  Set(r, kOc2, "2", "DOB", "01/04/2016");
  Set(r, kOc2, "3", "DOB", "31/03/2016");
  Set(r, kOc2, "4", "DOB", "");
  Set(r, kOc2, "4", "CONVICTED", "1");
  EXPECT_EQ(FlaggedFields(r, "542"), Ids{"2:CONVICTED"});
  Set(r, kOc2, "2", "CONVICTED", "");
  EXPECT_EQ(Flagged(r, "542"), Ids{});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "542"), "");
}

TEST(Ssda903Rule, R543) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4", "5"}) Set(r, kOc2, id, "CONVICTED", "");
  Set(r, kOc2, "3", "DOB", "01/04/2016");  // 9 on 31 March
  // 4: started to be looked after in the year: not looked after continuously.
  Set(r, kEpisodes, "4", "DECOM", "01/05/2025");
  Set(r, kOc2, "5", "DOB", "31/03/2016");  // 10 on 31 March itself
  EXPECT_EQ(FlaggedFields(r, "543"), (Ids{"2:CONVICTED", "5:CONVICTED"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "543"), "");
}

TEST(Ssda903Rule, R544) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kOc2, "2", "CONVICTED", "1");
  Set(r, kOc2, "2", "TEETH_CHECK", "");
  Set(r, kOc2, "3", "TEETH_CHECK", "");  // not convicted (0)
  Set(r, kOc2, "4", "CONVICTED", "1");   // every field given
  EXPECT_EQ(FlaggedFields(r, "544"), Ids{"2:CONVICTED"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "544"), "");
}

TEST(Ssda903Rule, R545) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4", "5"}) Set(r, kOc2, id, "DOB", "01/06/2021");  // 4
  Set(r, kOc2, "3", "HEALTH_CHECK", "1");
  Set(r, kOc2, "4", "HEALTH_CHECK", "");
  EndEpisode(r, "4", "01/10/2025", "E4A");  // left care in the year
  Set(r, kOc2, "5", "HEALTH_CHECK", "");
  Set(r, kOc2, "5", "DOB", "31/03/2021");  // 5 on 31 March
  EXPECT_EQ(FlaggedFields(r, "545"), Ids{"2:HEALTH_CHECK"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "545"), "");
}

TEST(Ssda903Rule, R546) {
  // HEALTH_CHECK 1 for a child of 10 on 31 March (2) is flagged: 546 says it should be blank
  // (as the base child has it: 1).
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4", "5"}) Set(r, kOc2, id, "HEALTH_CHECK", "1");
  Set(r, kOc2, "3", "DOB", "01/06/2021");  // 4 on 31 March
  Set(r, kEpisodes, "4", "LS", "V3");      // not looked after continuously
  Set(r, kOc2, "5", "DOB", "31/03/2021");  // 5 on 31 March itself
  EXPECT_EQ(FlaggedFields(r, "546"), (Ids{"2:HEALTH_CHECK", "5:HEALTH_CHECK"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "546"), "");
}

TEST(Ssda903Rule, R547) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kOc2, "2", "IMMUNISATIONS", "");
  Set(r, kOc2, "2", "HEALTH_CHECK", "1");
  Set(r, kOc2, "3", "IMMUNISATIONS", "");
  Set(r, kOc2, "3", "HEALTH_CHECK", "0");
  EXPECT_EQ(FlaggedFields(r, "547"), Ids{"2:HEALTH_CHECK"});
  Absent(r, kOc2);
  EXPECT_NE(NotRunReason(r, "547"), "");
}

// ---- Episodes and placed for adoption

TEST(Ssda903Rule, R550) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "PLACE_PROVIDER", "PR0");
  Set(r, kEpisodes, "3", "PLACE_PROVIDER", "PR0");
  Set(r, kEpisodes, "3", "PLACE", "P1");
  EXPECT_EQ(FlaggedFields(r, "550"), Ids{"2:PLACE_PROVIDER"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "550"), "");
}

TEST(Ssda903Rule, R551) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4", "5"}) Set(r, kEpisodes, id, "PLACE", "A3");
  // 2: no decision; 3: dated; 4: undated; 5: a date the community does not read, but given.
  AddPlaced(r, "3", "01/05/2024");
  AddPlaced(r, "4", "");
  AddPlaced(r, "5", "1st May 2024");
  AddPlaced(r, "1", "");  // not in an adoption placement
  EXPECT_EQ(FlaggedFields(r, "551"), (Ids{"2:PLACE", "4:PLACE"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "551"), "");
}

TEST(Ssda903Rule, R552) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4"}) Set(r, kEpisodes, id, "PLACE", "A4");  // 01/06/2024
  AddPlaced(r, "2", "01/07/2024");                                              // after
  AddPlaced(r, "3", "01/06/2024");                                              // same day
  AddPlaced(r, "4", "01/01/2024", "01/03/2024", "RD1");  // the latest decision counts
  AddPlaced(r, "4", "01/08/2024");
  AddPlaced(r, "5", "01/07/2024");  // not placed for adoption
  EXPECT_EQ(FlaggedFields(r, "552"), (Ids{"2:DATE_PLACED", "4:DATE_PLACED"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "552"), "");
}

TEST(Ssda903Rule, R553) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4", "5"}) Set(r, kEpisodes, id, "LS", "E1");
  // 2: no decision at all; 3: an open decision; 4: a ceased decision while E1 is open; 5: the
  // same after the E1 episode ended.
  AddPlaced(r, "3", "01/05/2024");
  AddPlaced(r, "4", "01/05/2024", "01/02/2025", "");
  AddPlaced(r, "5", "01/05/2024", "", "RD1");
  EndEpisode(r, "5", "01/02/2025", "E4A");
  EXPECT_EQ(FlaggedFields(r, "553"), (Ids{"2:LS", "4:DATE_PLACED_CEASED"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "553"), "");
}

TEST(Ssda903Rule, R554) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"2", "3"}) Set(r, kEpisodes, id, "LS", "E1");  // from 01/06/2024
  AddPlaced(r, "2", "02/06/2024");
  AddPlaced(r, "3", "01/06/2024");
  AddPlaced(r, "4", "02/06/2024");  // no placement order
  EXPECT_EQ(FlaggedFields(r, "554"), Ids{"2:DATE_PLACED"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "554"), "");
}

TEST(Ssda903Rule, R557) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Set(r, kEpisodes, "2", "PLACE", "A3");
  EndEpisode(r, "2", "01/02/2025", "E4A");  // no decision recorded
  Set(r, kEpisodes, "3", "PLACE", "A3");
  EndEpisode(r, "3", "01/02/2025", "E4A");
  AddPlaced(r, "3", "01/05/2024", "01/02/2025", "RD1");  // complete
  Set(r, kEpisodes, "4", "LS", "E1");
  EndEpisode(r, "4", "01/02/2025", "E11");  // adopted
  Set(r, kEpisodes, "5", "LS", "E1");
  EndEpisode(r, "5", "01/02/2025", "E4A");
  AddPlaced(r, "5", "01/05/2024", "01/02/2025", "");  // no reason
  Set(r, kEpisodes, "6", "LS", "E1");                 // still open
  EXPECT_EQ(FlaggedFields(r, "557"), (Ids{"2:REC", "5:REC"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "557"), "");
}

TEST(Ssda903Rule, R558) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"2", "3", "4"}) EndEpisode(r, id, "01/02/2026", "E11");
  AddPlaced(r, "2", "01/01/2024", "01/03/2024", "RD1");
  AddPlaced(r, "2", "01/06/2024", "01/01/2026", "RD1");  // the latest ceased too
  AddPlaced(r, "3", "01/06/2024", "01/01/2026", "RD1");  // one ceased decision
  AddPlaced(r, "4", "01/01/2024", "01/03/2024", "RD1");
  AddPlaced(r, "4", "01/06/2024");  // the latest is open
  EXPECT_EQ(FlaggedFields(r, "558"), Ids{"2:REC"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "558"), "");
}

// ---- Placed for adoption against last year

TEST(Ssda903Rule, R559) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  AddPlaced(r, "2", "01/03/2025");  // before the year, unknown last year
  AddPlaced(r, "3", "01/03/2025");
  AddPlaced(last, "3", "01/03/2025");
  AddPlaced(r, "4", "01/05/2025");  // in the year
  AddPlaced(r, "5", "01/03/2025");
  AddPlaced(last, "5", "");  // undated last year
  EXPECT_EQ(FlaggedFields(r, "559", Extra{&last}), (Ids{"2:DATE_PLACED", "5:DATE_PLACED"}));
  EXPECT_NE(NotRunReason(r, "559"), "");
}

TEST(Ssda903Rule, R560) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "5"}) AddPlaced(last, id, "01/03/2025");  // still open
  AddPlaced(r, "2", "02/03/2025");
  AddPlaced(r, "3", "01/03/2025");
  AddPlaced(last, "4", "01/03/2025", "01/04/2025", "RD1");  // ceased: a new one may differ
  AddPlaced(r, "4", "02/03/2025");
  AddPlaced(r, "5", "");
  EXPECT_EQ(FlaggedFields(r, "560", Extra{&last}), (Ids{"2:DATE_PLACED", "5:DATE_PLACED"}));
  EXPECT_NE(NotRunReason(r, "560"), "");
}

TEST(Ssda903Rule, R561) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  AddPlaced(last, "2", "01/03/2025", "", "RD1");  // ceased (a reason), same date this year
  AddPlaced(r, "2", "01/03/2025");
  AddPlaced(last, "3", "01/03/2025");  // not ceased
  AddPlaced(r, "3", "01/03/2025");
  AddPlaced(last, "4", "01/03/2025", "10/03/2025", "RD1");  // a new decision this year
  AddPlaced(r, "4", "01/05/2025");
  AddPlaced(last, "5", "", "10/03/2025", "RD1");  // both blank: not the same date
  AddPlaced(r, "5", "");
  EXPECT_EQ(FlaggedFields(r, "561", Extra{&last}), Ids{"2:DATE_PLACED"});
  EXPECT_NE(NotRunReason(r, "561"), "");
}

TEST(Ssda903Rule, R584) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4"}) AddPlaced(last, id, "01/03/2024", "01/06/2024", "RD1");
  AddPlaced(r, "2", "01/03/2024");     // not a new decision
  AddPlaced(r, "3", "01/09/2025");     // a new one
  AddPlaced(r, "4", "");               // blank
  AddPlaced(last, "5", "01/03/2024");  // last year's had not ceased
  AddPlaced(r, "5", "01/01/2024");
  EXPECT_EQ(FlaggedFields(r, "584", Extra{&last}), (Ids{"2:DATE_PLACED", "4:DATE_PLACED"}));
  EXPECT_NE(NotRunReason(r, "584"), "");
}

// ---- Episodes against last year

TEST(Ssda903Rule, R562) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "4", "5"});  // 3 is not in last year's return
  Set(last, kEpisodes, "2", "DECOM", "01/07/2024");   // not this year's first episode
  Set(r, kEpisodes, "4", "DECOM", "01/05/2025");      // began in the year
  Set(last, kEpisodes, "4", "DECOM", "01/07/2024");
  // 5: last year had an earlier episode too; its latest is this year's first.
  AddRow(last, kEpisodes,
         {{"CHILD", "5"},
          {"DECOM", "01/01/2024"},
          {"RNE", "S"},
          {"LS", "C2"},
          {"PLACE", "U1"},
          {"DEC", "01/06/2024"},
          {"REC", "X1"}});
  EXPECT_EQ(FlaggedFields(r, "562", Extra{&last}), (Ids{"2:DECOM", "3:DECOM"}));
  EXPECT_NE(NotRunReason(r, "562"), "");
}

// ---- Placed for adoption

TEST(Ssda903Rule, R563) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddPlaced(r, "2", "", "01/02/2025", "RD1");
  AddPlaced(r, "3", "01/01/2024", "01/02/2025", "RD1");
  AddPlaced(r, "4", "", "01/02/2025", "");  // no reason
  EXPECT_EQ(FlaggedFields(r, "563"), Ids{"2:DATE_PLACED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "563"), "");
}

TEST(Ssda903Rule, R579) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 2: the first decision is still open; 3: the second made before the first ceased; 4: made
  // the day it ceased; 5: one decision. Rows out of date order are put in order.
  AddPlaced(r, "2", "01/08/2024");
  AddPlaced(r, "2", "01/01/2024");
  AddPlaced(r, "3", "01/01/2024", "01/09/2024", "RD1");
  AddPlaced(r, "3", "01/08/2024");
  AddPlaced(r, "4", "01/01/2024", "01/08/2024", "RD1");
  AddPlaced(r, "4", "01/08/2024");
  AddPlaced(r, "5", "01/01/2024");
  EXPECT_EQ(FlaggedFields(r, "579"), (Ids{"2:DATE_PLACED", "3:DATE_PLACED"}));
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "579"), "");
}

TEST(Ssda903Rule, R583) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddPlaced(r, "2", "01/01/2024");  // an earlier decision left open
  AddPlaced(r, "2", "01/06/2024");
  AddPlaced(r, "3", "01/01/2024", "01/03/2024", "RD1");
  AddPlaced(r, "3", "01/06/2024");
  AddPlaced(r, "4", "01/06/2024");
  // 5: the latest by date is 05/01/2025 (open), though "20/06/2024" sorts after it as text.
  AddPlaced(r, "5", "05/01/2025");
  AddPlaced(r, "5", "20/06/2024", "01/12/2024", "RD1");
  EXPECT_EQ(FlaggedFields(r, "583"), Ids{"2:DATE_PLACED_CEASED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "583"), "");
}

// ---- Missing

TEST(Ssda903Rule, R564) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddMissing(r, "2", "M", "", "");
  AddMissing(r, "3", "a", "", "");
  AddMissing(r, "4", "M", "01/05/2025", "");
  AddMissing(r, "5", "X", "", "");
  EXPECT_EQ(FlaggedFields(r, "564"), (Ids{"2:MIS_START", "3:MIS_START"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "564"), "");
}

TEST(Ssda903Rule, R565) {
  Return r = ValidReturn({"1", "2", "3"});
  AddMissing(r, "2", "", "01/05/2025", "");
  AddMissing(r, "3", "M", "01/05/2025", "");
  EXPECT_EQ(FlaggedFields(r, "565"), Ids{"2:MISSING"});
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "565"), "");
}

TEST(Ssda903Rule, R566) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddMissing(r, "2", "", "01/05/2025", "02/05/2025");
  AddMissing(r, "3", "A", "01/05/2025", "02/05/2025");
  AddMissing(r, "4", "", "01/05/2025", "");
  EXPECT_EQ(FlaggedFields(r, "566"), Ids{"2:MISSING"});
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "566"), "");
}

TEST(Ssda903Rule, R567) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddMissing(r, "2", "M", "02/05/2025", "01/05/2025");
  AddMissing(r, "3", "M", "02/05/2025", "02/05/2025");
  AddMissing(r, "4", "M", "02/05/2025", "01-05-2025");  // unreadable end
  EXPECT_EQ(FlaggedFields(r, "567"), Ids{"2:MIS_END"});
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "567"), "");
}

TEST(Ssda903Rule, R570) {
  Return r = ValidReturn({"1", "2", "3"});
  AddMissing(r, "2", "M", "01/04/2026", "");
  AddMissing(r, "3", "M", "31/03/2026", "");
  EXPECT_EQ(FlaggedFields(r, "570"), Ids{"2:MIS_START"});
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "570"), "");
}

TEST(Ssda903Rule, R571) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddMissing(r, "2", "M", "01/03/2025", "31/03/2025");
  AddMissing(r, "3", "M", "01/03/2025", "01/04/2025");
  AddMissing(r, "4", "M", "01/03/2026", "01/04/2026");
  AddMissing(r, "5", "M", "01/03/2026", "31/03/2026");
  EXPECT_EQ(FlaggedFields(r, "571"), (Ids{"2:MIS_END", "4:MIS_END"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "571"), "");
}

TEST(Ssda903Rule, R574) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddMissing(r, "2", "M", "01/05/2025", "10/05/2025");
  AddMissing(r, "2", "M", "05/05/2025", "15/05/2025");  // starts before the first ends
  AddMissing(r, "3", "M", "10/05/2025", "12/05/2025");
  AddMissing(r, "3", "M", "01/05/2025", "");  // open, and earlier: ordered first
  AddMissing(r, "4", "M", "01/05/2025", "10/05/2025");
  AddMissing(r, "4", "M", "10/05/2025", "15/05/2025");  // starts the day the first ends
  AddMissing(r, "5", "M", "01/05/2025", "");
  EXPECT_EQ(FlaggedFields(r, "574"), (Ids{"2:MIS_START", "3:MIS_START"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "574"), "");
}

TEST(Ssda903Rule, R575) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "4", "5"}) EndEpisode(r, id, "01/10/2025", "E4A");
  AddMissing(r, "2", "M", "01/07/2025", "");  // open after the placement ended
  AddMissing(r, "3", "M", "01/07/2025", "");  // the placement is open too
  AddMissing(r, "4", "M", "01/07/2025", "05/07/2025");
  AddMissing(r, "5", "M", "02/10/2025", "");  // started after it ended
  EXPECT_EQ(FlaggedFields(r, "575"), Ids{"2:MIS_END"});
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "575"), "");
}

TEST(Ssda903Rule, R576) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "5"}) AddMissing(last, id, "M", "01/03/2025", "");
  AddMissing(r, "2", "M", "01/03/2025", "05/04/2025");  // carried on
  AddMissing(r, "3", "M", "05/04/2025", "");            // a different period
  AddMissing(last, "4", "M", "01/03/2025", "02/03/2025");
  AddMissing(r, "4", "M", "05/04/2025", "");  // last year's had ended
  EXPECT_EQ(FlaggedFields(r, "576", Extra{&last}), Ids{"3:MIS_START"});
  EXPECT_NE(NotRunReason(r, "576"), "");
}

TEST(Ssda903Rule, R577) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  for (const char* id : {"2", "4", "5", "6"}) EndEpisode(r, id, "01/10/2025", "E4A");
  AddMissing(r, "2", "M", "01/07/2025", "");  // open after care ended
  AddMissing(r, "3", "M", "01/07/2025", "");  // open, still in care
  AddMissing(r, "4", "M", "01/07/2025", "05/07/2025");
  AddMissing(r, "5", "M", "01/09/2025", "05/10/2025");  // ends after care ended
  AddMissing(r, "6", "M", "", "");                      // no start: not considered
  EXPECT_EQ(FlaggedFields(r, "577"), (Ids{"2:MIS_END", "5:MIS_END"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "577"), "");
}

TEST(Ssda903Rule, R578) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  for (const char* id : {"2", "3"}) EndEpisode(r, id, "01/10/2025", "E4A");
  AddMissing(r, "2", "M", "02/10/2025", "");            // after care ended
  AddMissing(r, "3", "M", "01/10/2025", "01/10/2025");  // the day it ended
  AddMissing(r, "4", "M", "01/05/2024", "02/05/2024");  // before care began
  AddMissing(r, "5", "M", "01/12/2025", "");            // in care
  // 6: two periods of care with a gap; missing in the gap.
  EndEpisode(r, "6", "01/08/2024", "E4A");
  AddRow(r, kEpisodes,
         {{"CHILD", "6"}, {"DECOM", "01/09/2024"}, {"RNE", "S"}, {"LS", "C2"}, {"PLACE", "U1"}});
  AddMissing(r, "6", "M", "15/08/2024", "16/08/2024");
  EXPECT_EQ(FlaggedFields(r, "578"), (Ids{"2:MIS_START", "4:MIS_START", "6:MIS_START"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "578"), "");
}

TEST(Ssda903Rule, R580) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // Care ends on the 18th birthday while missing: REC should be E8.
  for (const char* id : {"2", "3", "4"}) {
    const size_t m = AddMissing(r, id, "M", "20/09/2025", "01/10/2025");
    r.tables[kMissing][m][mis::DOB] = "01/10/2007";
  }
  EndEpisode(r, "2", "01/10/2025", "E4A");
  EndEpisode(r, "3", "01/10/2025", "E8");
  EndEpisode(r, "4", "02/10/2025", "E4A");  // care ended a day later
  // 5: born 29 February: 18 on 28 February 2026.
  const size_t m = AddMissing(r, "5", "M", "20/02/2026", "28/02/2026");
  r.tables[kMissing][m][mis::DOB] = "29/02/2008";
  EndEpisode(r, "5", "28/02/2026", "E4A");
  EXPECT_EQ(FlaggedFields(r, "580"), (Ids{"2:REC", "5:REC"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "580"), "");
}

TEST(Ssda903Rule, R581) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddMissing(r, "2", "M", "31/05/2024", "02/06/2024");  // before care began (01/06/2024)
  AddMissing(r, "3", "M", "01/06/2024", "02/06/2024");
  AddMissing(r, "4", "M", "", "");  // no start: in no episode
  EndEpisode(r, "5", "01/10/2025", "E4A");
  AddMissing(r, "5", "M", "02/10/2025", "");
  EXPECT_EQ(FlaggedFields(r, "581"), (Ids{"2:MIS_START", "4:MIS_START", "5:MIS_START"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "581"), "");
}

TEST(Ssda903Rule, R586) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  AddMissing(r, "2", "M", "31/05/2015", "");  // the row's DOB is 01/06/2015
  AddMissing(r, "3", "M", "01/06/2015", "");
  AddMissing(r, "4", "M", "02/06/2015", "");
  EXPECT_EQ(FlaggedFields(r, "586"), (Ids{"2:MIS_START", "3:MIS_START"}));
  Absent(r, kMissing);
  EXPECT_NE(NotRunReason(r, "586"), "");
}

// ---- Adoption

TEST(Ssda903Rule, R582) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  EndEpisode(r, "2", "01/02/2026", "E11");
  AddAd1(r, "2", "01/02/2026");
  EndEpisode(r, "3", "01/02/2026", "E12");
  AddAd1(r, "3", "01/01/2026");
  EndEpisode(r, "4", "01/02/2026", "E4A");
  AddAd1(r, "4", "01/02/2026");
  EXPECT_EQ(FlaggedFields(r, "582"), Ids{"2:DEC"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "582"), "");
}

TEST(Ssda903Rule, R601) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"2", "3"}) EndEpisode(r, id, "01/02/2026", "E11");
  const size_t a = AddAd1(r, "2");
  r.tables[kAd1][a][ad1::FOSTER_CARE] = "";
  AddAd1(r, "3");
  EndEpisode(r, "4", "01/02/2025", "E11");  // adopted last year
  const size_t b = AddAd1(r, "4");
  r.tables[kAd1][b][ad1::FOSTER_CARE] = "";
  EXPECT_EQ(FlaggedFields(r, "601"), Ids{"2:FOSTER_CARE"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "601"), "");
}

TEST(Ssda903Rule, R602) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  AddAd1(r, "2");  // not adopted
  EndEpisode(r, "3", "01/02/2026", "E12");
  AddAd1(r, "3");
  AddRow(r, kAd1, {{"CHILD", "4"}, {"DOB", "01/06/2015"}});  // no adoption information
  Set(r, kEpisodes, "5", "REC", "E12");                      // no DEC: not adopted in the year
  AddAd1(r, "5");
  EXPECT_EQ(FlaggedFields(r, "602"), (Ids{"2:CHILD", "5:CHILD"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "602"), "");
}

// ---- Mothers

TEST(Ssda903Rule, R607) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  for (const char* id : {"2", "3", "5", "6"}) Set(r, kHeader, id, "SEX", "F");
  for (const char* id : {"2", "3", "4", "5"}) EndEpisode(r, id, "01/02/2026", "E4A");
  Set(r, kHeader, "3", "MOTHER", "0");
  Set(r, kHeader, "4", "SEX", "M");
  Set(r, kEpisodes, "5", "LS", "V3");
  EndEpisode(r, "6", "01/02/2025", "E4A");  // ceased last year
  EXPECT_EQ(FlaggedFields(r, "607"), Ids{"2:MOTHER"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "607"), "");
}

TEST(Ssda903Rule, R611) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kHeader, "2", "MOTHER", "1");
  Set(r, kHeader, "3", "MOTHER", "1");
  Set(r, kHeader, "3", "MC_DOB", "01/01/2025");
  EXPECT_EQ(FlaggedFields(r, "611"), Ids{"2:MC_DOB"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "611"), "");
}

TEST(Ssda903Rule, R612) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4", "5"}) Set(r, kHeader, id, "MC_DOB", "01/01/2025");
  for (const char* id : {"2", "3", "4"}) Set(r, kHeader, id, "SEX", "F");
  Set(r, kHeader, "2", "MOTHER", "0");
  Set(r, kHeader, "4", "MOTHER", "1");
  Set(r, kHeader, "5", "MOTHER", "0");  // SEX 1 (the base)
  EXPECT_EQ(FlaggedFields(r, "612"), (Ids{"2:MOTHER", "3:MOTHER"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "612"), "");
}

TEST(Ssda903Rule, R620) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  for (const char* id : {"2", "3"}) Set(r, kHeader, id, "MOTHER", "1");
  Set(r, kHeader, "2", "DOB", "02/04/2014");  // 10 on 1 April 2025
  Set(r, kHeader, "3", "DOB", "01/04/2014");  // 11 that day
  Set(r, kHeader, "4", "MOTHER", "0");        // born 2015, not a mother
  EXPECT_EQ(FlaggedFields(r, "620"), Ids{"2:DOB"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "620"), "");
}

TEST(Ssda903Rule, R621) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kHeader, "2", "MC_DOB", "01/01/2010");  // before the mother's DOB (01/06/2015)
  Set(r, kHeader, "3", "MC_DOB", "01/06/2015");  // the same day
  Set(r, kHeader, "4", "MC_DOB", "01/06/2031");
  EXPECT_EQ(FlaggedFields(r, "621"), (Ids{"2:MC_DOB", "3:MC_DOB"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "621"), "");
}

TEST(Ssda903Rule, R624) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "4"}) Set(last, kHeader, id, "MC_DOB", "01/01/2024");
  Set(r, kHeader, "2", "MC_DOB", "02/01/2024");
  Set(r, kHeader, "3", "MC_DOB", "01/01/2024");
  // 4: blank this year; 5: blank last year.
  Set(r, kHeader, "5", "MC_DOB", "01/01/2025");
  EXPECT_EQ(FlaggedFields(r, "624", Extra{&last}), (Ids{"2:MC_DOB", "4:MC_DOB"}));
  EXPECT_NE(NotRunReason(r, "624"), "");
}

TEST(Ssda903Rule, R625) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kHeader, "2", "MC_DOB", "01/04/2026");  // after 31 March (the episode is open)
  EndEpisode(r, "3", "01/02/2026", "E4A");
  Set(r, kHeader, "3", "MC_DOB", "02/02/2026");  // after care ended
  EndEpisode(r, "4", "01/02/2026", "E4A");
  Set(r, kHeader, "4", "MC_DOB", "01/02/2026");
  EXPECT_EQ(FlaggedFields(r, "625"), (Ids{"2:MC_DOB", "3:MC_DOB"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "625"), "");
}

TEST(Ssda903Rule, R626) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  for (const char* id : {"2", "3", "4"}) Set(r, kHeader, id, "MOTHER", "1");
  Set(r, kHeader, "2", "MC_DOB", "01/01/2025");  // before the year
  Set(r, kHeader, "3", "MC_DOB", "01/05/2025");  // in the year
  Set(r, kHeader, "4", "MC_DOB", "01/01/2025");
  for (const char* id : {"2", "3"}) Set(last, kHeader, id, "MOTHER", "0");
  Set(last, kHeader, "4", "MOTHER", "1");
  Set(last, kHeader, "4", "MC_DOB", "01/01/2025");
  EXPECT_EQ(FlaggedFields(r, "626", Extra{&last}), Ids{"2:MOTHER"});
  EXPECT_NE(NotRunReason(r, "626"), "");
}

TEST(Ssda903Rule, R628) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  for (const char* id : {"2", "3", "5"}) DropRows(r, kEpisodes, id);
  for (const char* id : {"2", "3", "4"}) {
    AddRow(r, kOc3, {{"CHILD", id}, {"DOB", "01/06/2015"}, {"IN_TOUCH", "YES"}});
  }
  AddRow(r, kOc3, {{"CHILD", "5"}, {"DOB", "01/06/2015"}});  // nothing in it
  for (const char* id : {"2", "4", "5"}) Set(r, kHeader, id, "MOTHER", "0");
  EXPECT_EQ(FlaggedFields(r, "628"), Ids{"2:MOTHER"});
  Absent(r, kOc3);
  EXPECT_NE(NotRunReason(r, "628"), "");
}

// ---- Previous permanence

TEST(Ssda903Rule, R630) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7"});
  for (const char* id : {"2", "4", "5", "6", "7"}) Set(r, kEpisodes, id, "DECOM", "01/05/2025");
  Set(r, kEpisodes, "3", "DECOM", "01/04/2025");  // the year's first day
  DropRows(r, kPrevPerm, "3");
  Set(r, kPrevPerm, "4", "PREV_PERM", "P1");  // without LA_PERM and DATE_PERM
  Set(r, kPrevPerm, "5", "PREV_PERM", "P1");
  Set(r, kPrevPerm, "5", "LA_PERM", "352");
  Set(r, kPrevPerm, "5", "DATE_PERM", "01/01/2020");
  Set(r, kPrevPerm, "6", "PREV_PERM", "");
  Set(r, kEpisodes, "7", "RNE", "L");  // not a new period of care
  DropRows(r, kPrevPerm, "7");
  EXPECT_EQ(FlaggedFields(r, "630"), (Ids{"3:RNE", "4:RNE", "6:RNE"}));
  Absent(r, kPrevPerm);
  EXPECT_NE(NotRunReason(r, "630"), "");
}

TEST(Ssda903Rule, R631) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kPrevPerm, "2", "PREV_PERM", "P5");
  Set(r, kPrevPerm, "3", "PREV_PERM", "P4");
  Set(r, kPrevPerm, "4", "PREV_PERM", "");
  EXPECT_EQ(FlaggedFields(r, "631"), Ids{"2:PREV_PERM"});
  Absent(r, kPrevPerm);
  EXPECT_NE(NotRunReason(r, "631"), "");
}

TEST(Ssda903Rule, R632) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  // Care began 01/06/2024.
  Set(r, kPrevPerm, "2", "DATE_PERM", "01/06/2024");  // the same day
  Set(r, kPrevPerm, "3", "DATE_PERM", "31/05/2024");
  Set(r, kPrevPerm, "4", "DATE_PERM", "ZZ/05/2024");  // at latest 31/05/2024
  Set(r, kPrevPerm, "5", "DATE_PERM", "ZZ/06/2024");  // at latest 30/06/2024
  Set(r, kPrevPerm, "6", "DATE_PERM", "32/01/2020");
  Set(r, kPrevPerm, "7", "DATE_PERM", "ZZ/ZZ/ZZ");
  Set(r, kPrevPerm, "8", "DATE_PERM", "ZZ/ZZ/2023");  // at latest 31/12/2023
  EXPECT_EQ(FlaggedFields(r, "632"),
            (Ids{"2:DATE_PERM", "5:DATE_PERM", "6:DATE_PERM", "7:DATE_PERM"}));
  Absent(r, kPrevPerm);
  EXPECT_NE(NotRunReason(r, "632"), "");
}

TEST(Ssda903Rule, R633) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kPrevPerm, "2", "LA_PERM", "123");
  Set(r, kPrevPerm, "3", "LA_PERM", "352");
  Set(r, kPrevPerm, "4", "LA_PERM", "WAL");
  EXPECT_EQ(FlaggedFields(r, "633"), Ids{"2:LA_PERM"});
  Absent(r, kPrevPerm);
  EXPECT_NE(NotRunReason(r, "633"), "");
}

TEST(Ssda903Rule, R634) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kEpisodes, "2", "DECOM", "31/03/2016");
  Set(r, kEpisodes, "3", "DECOM", "01/04/2016");
  // 4: an early episode, and a later one.
  AddRow(r, kEpisodes,
         {{"CHILD", "4"},
          {"DECOM", "01/01/2015"},
          {"RNE", "S"},
          {"LS", "C2"},
          {"PLACE", "U1"},
          {"DEC", "01/01/2016"},
          {"REC", "E4A"}});
  Set(r, kEpisodes, "5", "DECOM", "31/03/2016");
  Set(r, kPrevPerm, "5", "PREV_PERM", "");  // nothing recorded
  EXPECT_EQ(FlaggedFields(r, "634"), Ids{"2:PREV_PERM"});
  Absent(r, kPrevPerm);
  EXPECT_NE(NotRunReason(r, "634"), "");
}

TEST(Ssda903Rule, R635) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kPrevPerm, "2", "PREV_PERM", "");
  Set(r, kPrevPerm, "2", "LA_PERM", "352");
  Set(r, kPrevPerm, "3", "DATE_PERM", "01/01/2020");  // with Z1
  Set(r, kPrevPerm, "4", "PREV_PERM", "P1");
  Set(r, kPrevPerm, "4", "LA_PERM", "352");
  Set(r, kPrevPerm, "4", "DATE_PERM", "01/01/2020");
  EXPECT_EQ(FlaggedFields(r, "635"), (Ids{"2:PREV_PERM", "3:PREV_PERM"}));
  Absent(r, kPrevPerm);
  EXPECT_NE(NotRunReason(r, "635"), "");
}

}  // namespace
}  // namespace sg::ssda903
