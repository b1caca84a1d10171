// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_int_sw.cc.

#include <gtest/gtest.h>

#include <algorithm>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

bool HasRow(const Return& r, TableId t, std::string_view child) {
  return std::any_of(r.tables[t].begin(), r.tables[t].end(),
                     [&](const Row& row) { return row[0] == child; });
}

// Sets `column` of the child's first row of `t`, adding the row when there is none.
void SetOrAdd(Return& r, TableId t, std::string_view child, std::string_view column,
              std::string value) {
  if (!HasRow(r, t, child)) AddRow(r, t, {{"CHILD", std::string(child)}});
  Set(r, t, child, column, std::move(value));
}

// Adds a social worker episode.
void AddSw(Return& r, std::string child, std::string decom, std::string dec = "",
           std::string reason = "", std::string id = "SW7") {
  AddRow(r, kSwEpisodes,
         {{"CHILD", std::move(child)},
          {"DOB", "01/06/2015"},
          {"SW_ID", std::move(id)},
          {"SW_DECOM", std::move(decom)},
          {"SW_DEC", std::move(dec)},
          {"SW_REASON", std::move(reason)}});
}

// ---- INT01-INT09: a child in a table has a Header row.

void ExpectNotInHeaderFlagged(TableId t, std::string_view code) {
  SCOPED_TRACE(std::string(code));
  Return r = ValidReturn({"1", "2"});
  // 1 and 2 are in the Header; 9 is not (two rows: two findings); a blank CHILD is neither.
  if (!HasRow(r, t, "1")) AddRow(r, t, {{"CHILD", "1"}});
  AddRow(r, t, {{"CHILD", "9"}});
  AddRow(r, t, {{"CHILD", "9"}});
  EXPECT_EQ(Flagged(r, code), (Ids{"9", "9"}));
  EXPECT_EQ(FlaggedFields(r, code), (Ids{"9:CHILD", "9:CHILD"}));
  // A child dropped from the Header is flagged in the table.
  DropRows(r, kHeader, "1");
  EXPECT_EQ(Flagged(r, code), (Ids{"1", "9", "9"}));
  Absent(r, t);
  EXPECT_NE(NotRunReason(r, code), "");
  Return no_header = ValidReturn({"1"});
  Absent(no_header, kHeader);
  EXPECT_NE(NotRunReason(no_header, code), "");
}

TEST(Ssda903Rule, RINT01) { ExpectNotInHeaderFlagged(kAd1, "INT01"); }
TEST(Ssda903Rule, RINT02) { ExpectNotInHeaderFlagged(kPlacedAdoption, "INT02"); }
TEST(Ssda903Rule, RINT03) { ExpectNotInHeaderFlagged(kEpisodes, "INT03"); }
TEST(Ssda903Rule, RINT04) { ExpectNotInHeaderFlagged(kMissing, "INT04"); }
TEST(Ssda903Rule, RINT05) { ExpectNotInHeaderFlagged(kOc2, "INT05"); }
TEST(Ssda903Rule, RINT06) { ExpectNotInHeaderFlagged(kOc3, "INT06"); }
TEST(Ssda903Rule, RINT07) { ExpectNotInHeaderFlagged(kPrevPerm, "INT07"); }
TEST(Ssda903Rule, RINT08) { ExpectNotInHeaderFlagged(kReviews, "INT08"); }
TEST(Ssda903Rule, RINT09) { ExpectNotInHeaderFlagged(kUasc, "INT09"); }

// ---- INT11-INT18: the DOB in a table is the Header's.

void ExpectDobDifferenceFlagged(TableId t, std::string_view code) {
  SCOPED_TRACE(std::string(code));
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  SetOrAdd(r, t, "1", "DOB", "01/06/2015");  // the same: passes
  SetOrAdd(r, t, "2", "DOB", "02/06/2015");  // a day out: flagged
  SetOrAdd(r, t, "3", "DOB", "");            // blank: not compared
  SetOrAdd(r, t, "4", "DOB", "31/02/2015");  // not a date: not compared
  SetOrAdd(r, t, "5", "DOB", "02/06/2015");  // the Header's DOB is not a date: not compared
  Set(r, kHeader, "5", "DOB", "2015-06-01");
  AddRow(r, t, {{"CHILD", "9"}, {"DOB", "02/06/2015"}});  // not in the Header: INT0x's
  EXPECT_EQ(Flagged(r, code), Ids{"2"});
  EXPECT_EQ(FlaggedFields(r, code), Ids{"2:DOB"});
  // A second Header row for child 1 with another DOB makes its row differ from one of them.
  AddRow(r, kHeader, {{"CHILD", "1"}, {"SEX", "1"}, {"DOB", "01/07/2015"}});
  EXPECT_EQ(Flagged(r, code), (Ids{"1", "2"}));
  Absent(r, t);
  EXPECT_NE(NotRunReason(r, code), "");
}

TEST(Ssda903Rule, RINT11) { ExpectDobDifferenceFlagged(kAd1, "INT11"); }
TEST(Ssda903Rule, RINT12) { ExpectDobDifferenceFlagged(kPlacedAdoption, "INT12"); }
TEST(Ssda903Rule, RINT13) { ExpectDobDifferenceFlagged(kMissing, "INT13"); }
TEST(Ssda903Rule, RINT14) { ExpectDobDifferenceFlagged(kOc2, "INT14"); }
TEST(Ssda903Rule, RINT15) { ExpectDobDifferenceFlagged(kOc3, "INT15"); }
TEST(Ssda903Rule, RINT16) { ExpectDobDifferenceFlagged(kPrevPerm, "INT16"); }
TEST(Ssda903Rule, RINT17) { ExpectDobDifferenceFlagged(kReviews, "INT17"); }
TEST(Ssda903Rule, RINT18) { ExpectDobDifferenceFlagged(kUasc, "INT18"); }

TEST(Ssda903Rule, RINT21) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: the same SEX; 2: another; 3: blank in UASC; 4: blank in the Header; 9: no Header row.
  AddRow(r, kUasc, {{"CHILD", "1"}, {"SEX", "M"}, {"DOB", "01/06/2015"}});
  AddRow(r, kUasc, {{"CHILD", "2"}, {"SEX", "F"}, {"DOB", "01/06/2015"}});
  AddRow(r, kUasc, {{"CHILD", "3"}, {"SEX", ""}, {"DOB", "01/06/2015"}});
  AddRow(r, kUasc, {{"CHILD", "4"}, {"SEX", "F"}, {"DOB", "01/06/2015"}});
  Set(r, kHeader, "4", "SEX", "");
  AddRow(r, kUasc, {{"CHILD", "9"}, {"SEX", "F"}, {"DOB", "01/06/2015"}});
  EXPECT_EQ(Flagged(r, "INT21"), Ids{"2"});
  EXPECT_EQ(FlaggedFields(r, "INT21"), Ids{"2:SEX"});
  Absent(r, kUasc);
  EXPECT_NE(NotRunReason(r, "INT21"), "");
}

// ---- INT31-INT36: a child has one row in a table.

void ExpectDuplicatesFlagged(TableId t, std::string_view code) {
  SCOPED_TRACE(std::string(code));
  Return r = ValidReturn({"1", "2"});
  // 1 once; 2 twice (both rows flagged); two rows without a CHILD are not counted.
  if (!HasRow(r, t, "1")) AddRow(r, t, {{"CHILD", "1"}});
  if (!HasRow(r, t, "2")) AddRow(r, t, {{"CHILD", "2"}});
  AddRow(r, t, {{"CHILD", "2"}});
  AddRow(r, t, {{"CHILD", ""}});
  AddRow(r, t, {{"CHILD", ""}});
  EXPECT_EQ(Flagged(r, code), (Ids{"2", "2"}));
  EXPECT_EQ(FlaggedFields(r, code), (Ids{"2:CHILD", "2:CHILD"}));
  Absent(r, t);
  EXPECT_NE(NotRunReason(r, code), "");
}

TEST(Ssda903Rule, RINT31) { ExpectDuplicatesFlagged(kAd1, "INT31"); }
TEST(Ssda903Rule, RINT32) { ExpectDuplicatesFlagged(kHeader, "INT32"); }
TEST(Ssda903Rule, RINT33) { ExpectDuplicatesFlagged(kOc2, "INT33"); }
TEST(Ssda903Rule, RINT34) { ExpectDuplicatesFlagged(kOc3, "INT34"); }
TEST(Ssda903Rule, RINT35) { ExpectDuplicatesFlagged(kPrevPerm, "INT35"); }
TEST(Ssda903Rule, RINT36) { ExpectDuplicatesFlagged(kUasc, "INT36"); }

// ---- Social worker episodes. ValidReturn's children have one open episode each, from
// 01/06/2024, SW_ID "SW<id>", no SW_REASON.

TEST(Ssda903Rule, RSW01aSTG1) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kSwEpisodes, "2", "SW_DECOM", "");            // no start: flagged
  Set(r, kSwEpisodes, "3", "SW_DECOM", "31/03/2023");  // before April 2023 without an ID
  Set(r, kSwEpisodes, "3", "SW_ID", "");
  Set(r, kSwEpisodes, "4", "SW_DECOM", "01/04/2023");  // from April 2023: SW01b's business
  Set(r, kSwEpisodes, "4", "SW_ID", "");
  Set(r, kSwEpisodes, "5", "SW_DECOM", "31/02/2023");  // not a date: as good as none
  EXPECT_EQ(FlaggedFields(r, "SW01aSTG1"), (Ids{"2:SW_DECOM", "3:SW_ID", "5:SW_DECOM"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW01aSTG1"), "");
}

TEST(Ssda903Rule, RSW01bSTG1) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  for (const char* id : {"1", "2", "3", "4", "5", "6"}) {
    Set(r, kSwEpisodes, id, "SW_REASON", "OTHERS");
  }
  Set(r, kSwEpisodes, "2", "SW_DECOM", "");            // no start: flagged
  Set(r, kSwEpisodes, "3", "SW_DECOM", "01/04/2023");  // from April 2023 without an ID
  Set(r, kSwEpisodes, "3", "SW_ID", "");
  Set(r, kSwEpisodes, "4", "SW_DECOM", "01/04/2023");  // ... or without a reason
  Set(r, kSwEpisodes, "4", "SW_REASON", "");
  Set(r, kSwEpisodes, "5", "SW_DECOM", "31/03/2023");  // before April 2023: not required
  Set(r, kSwEpisodes, "5", "SW_REASON", "");
  Set(r, kSwEpisodes, "5", "SW_ID", "");
  EXPECT_EQ(FlaggedFields(r, "SW01bSTG1"), (Ids{"2:SW_DECOM", "3:SW_ID", "4:SW_REASON"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW01bSTG1"), "");
}

TEST(Ssda903Rule, RSW02STG1) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Set(r, kSwEpisodes, "2", "SW_ID", "XX000");  // passes
  Set(r, kSwEpisodes, "3", "SW_ID", "sw3");    // codes compare exactly
  Set(r, kSwEpisodes, "4", "SW_ID", "");       // blank
  Set(r, kSwEpisodes, "5", "SW_ID", "S");
  Set(r, kSwEpisodes, "6", "SW_ID", "ASW6");
  EXPECT_EQ(Flagged(r, "SW02STG1"), (Ids{"3", "4", "5", "6"}));
  EXPECT_EQ(FlaggedFields(r, "SW02STG1"), (Ids{"3:SW_ID", "4:SW_ID", "5:SW_ID", "6:SW_ID"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW02STG1"), "");
}

// SW04STG1 and SW05STG1: unknown parts (ZZ, ZZZZ) are allowed; blank is not judged.
void ExpectInvalidDatesFlagged(std::string_view column, std::string_view code) {
  SCOPED_TRACE(std::string(code));
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  Set(r, kSwEpisodes, "1", column, "01/06/2025");
  Set(r, kSwEpisodes, "2", column, "ZZ/ZZ/ZZZZ");
  Set(r, kSwEpisodes, "3", column, "01/01/ZZZZ");
  Set(r, kSwEpisodes, "4", column, "zz");          // flagged
  Set(r, kSwEpisodes, "5", column, "");            // blank
  Set(r, kSwEpisodes, "6", column, "30/02/2024");  // flagged
  Set(r, kSwEpisodes, "7", column, "ZZ/13/2024");  // flagged
  Set(r, kSwEpisodes, "8", column, "01/01/ZZ");    // flagged
  const std::string field(column);
  EXPECT_EQ(FlaggedFields(r, code), (Ids{"4:" + field, "6:" + field, "7:" + field, "8:" + field}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, code), "");
}

TEST(Ssda903Rule, RSW04STG1) { ExpectInvalidDatesFlagged("SW_DECOM", "SW04STG1"); }
TEST(Ssda903Rule, RSW05STG1) { ExpectInvalidDatesFlagged("SW_DEC", "SW05STG1"); }

TEST(Ssda903Rule, RSW06STG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Set(r, kSwEpisodes, "2", "SW_DECOM", "31/03/2026");  // the collection's last day: passes
  Set(r, kSwEpisodes, "3", "SW_DECOM", "01/04/2026");  // after it: flagged
  Set(r, kSwEpisodes, "4", "SW_DECOM", "");
  Set(r, kSwEpisodes, "5", "SW_DECOM", "01/13/2026");
  EXPECT_EQ(FlaggedFields(r, "SW06STG2"), Ids{"3:SW_DECOM"});
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW06STG2"), "");
}

TEST(Ssda903Rule, RSW07STG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // The period runs from 01/04/2024 (a year before the collection) to 31/03/2026.
  Set(r, kSwEpisodes, "1", "SW_DEC", "01/04/2024");
  Set(r, kSwEpisodes, "2", "SW_DEC", "31/03/2024");  // flagged
  Set(r, kSwEpisodes, "3", "SW_DEC", "31/03/2026");
  Set(r, kSwEpisodes, "4", "SW_DEC", "01/04/2026");  // flagged
  Set(r, kSwEpisodes, "5", "SW_DEC", "not a date");
  EXPECT_EQ(FlaggedFields(r, "SW07STG2"), (Ids{"2:SW_DEC", "4:SW_DEC"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW07STG2"), "");
}

TEST(Ssda903Rule, RSW08STG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 1: one open episode. 2: an open episode followed by another: the first is flagged.
  AddSw(r, "2", "01/09/2024");
  // 3: the first ended before the second.
  Set(r, kSwEpisodes, "3", "SW_DEC", "31/08/2024");
  AddSw(r, "3", "01/09/2024");
  // 4: the second has no start date, so it counts as the latest.
  AddSw(r, "4", "");
  // 5: the first's end is not a date.
  Set(r, kSwEpisodes, "5", "SW_DEC", "31/09/2024");
  AddSw(r, "5", "01/10/2024");
  EXPECT_EQ(FlaggedFields(r, "SW08STG2"), (Ids{"2:SW_DEC", "4:SW_DEC", "5:SW_DEC"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW08STG2"), "");
}

TEST(Ssda903Rule, RSW09STG2) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Set(r, kSwEpisodes, "1", "SW_DEC", "02/06/2024");  // a day: passes
  Set(r, kSwEpisodes, "2", "SW_DEC", "01/06/2024");  // the same day: flagged
  Set(r, kSwEpisodes, "3", "SW_DECOM", "");          // both blank: passes
  Set(r, kSwEpisodes, "4", "SW_DECOM", "xx");        // the same text: flagged
  Set(r, kSwEpisodes, "4", "SW_DEC", "xx");
  EXPECT_EQ(FlaggedFields(r, "SW09STG2"), (Ids{"2:SW_DEC", "4:SW_DEC"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW09STG2"), "");
}

TEST(Ssda903Rule, RSW10STG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8", "9"});
  // Each child but 1 has a first episode ending 31/08/2024 (7 and 8: still open) and a second.
  for (const char* id : {"2", "3", "4", "5", "6", "9"}) {
    Set(r, kSwEpisodes, id, "SW_DEC", "31/08/2024");
  }
  AddSw(r, "2", "01/09/2024");  // the next day: passes
  AddSw(r, "3", "23/08/2024");  // 8 days before the end: flagged
  AddSw(r, "4", "08/09/2024");  // 8 days after: a gap, not a start before the end: passes
  AddSw(r, "5", "07/09/2024");  // 7 days after: passes
  AddSw(r, "6", "24/08/2024");  // 7 days before: passes
  AddSw(r, "7", "01/09/2024");  // the previous has not ended: flagged
  AddSw(r, "8", "01/09/2024", "", "FCONTA");  // ... but FCONTA is exempt
  AddSw(r, "9", "");                          // no start date: flagged
  EXPECT_EQ(Flagged(r, "SW10STG2"), (Ids{"3", "7", "9"}));
  EXPECT_EQ(FlaggedFields(r, "SW10STG2"), (Ids{"3:SW_DECOM", "7:SW_DECOM", "9:SW_DECOM"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW10STG2"), "");
}

TEST(Ssda903Rule, RSW11bSTG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8"});
  // The last days of the year: 26/03/2026 to 31/03/2026.
  Set(r, kSwEpisodes, "2", "SW_DEC", "26/03/2026");  // an only episode ending then: flagged
  Set(r, kSwEpisodes, "3", "SW_DEC", "25/03/2026");  // before then: passes
  Set(r, kSwEpisodes, "4", "SW_DEC", "28/03/2026");  // followed by one without a start
  AddSw(r, "4", "");
  Set(r, kSwEpisodes, "5", "SW_DEC", "27/03/2026");  // followed by another: passes
  AddSw(r, "5", "28/03/2026");
  Set(r, kSwEpisodes, "6", "SW_DEC", "20/03/2026");  // the later one ends then: flagged
  AddSw(r, "6", "21/03/2026", "30/03/2026");
  Set(r, kSwEpisodes, "7", "SW_DEC", "31/03/2026");  // flagged
  Set(r, kSwEpisodes, "8", "SW_DEC", "01/04/2026");  // after the year (SW07's business)
  EXPECT_EQ(Flagged(r, "SW11bSTG2"), (Ids{"2", "4", "6", "7"}));
  EXPECT_EQ(FlaggedFields(r, "SW11bSTG2"), (Ids{"2:SW_DEC", "4:SW_DEC", "6:SW_DEC", "7:SW_DEC"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW11bSTG2"), "");
}

TEST(Ssda903Rule, RSW12STG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"});
  // 1: the worker's episode starts with care (RNE S). 2: no social worker episode.
  DropRows(r, kSwEpisodes, "2");
  // 3: the worker's episode starts before care, and care has not ended.
  Set(r, kSwEpisodes, "3", "SW_DECOM", "01/05/2024");
  // 4: ... but care ended (not by a move, X1) after the worker's episode started.
  Set(r, kSwEpisodes, "4", "SW_DECOM", "01/05/2024");
  Set(r, kEpisodes, "4", "DEC", "01/03/2026");
  Set(r, kEpisodes, "4", "REC", "E11");
  // 5: an episode under LS V3 is not checked.
  DropRows(r, kSwEpisodes, "5");
  Set(r, kEpisodes, "5", "LS", "V3");
  // 6: care ended before the reporting period (01/04/2024): not checked; 7: on its first day.
  DropRows(r, kSwEpisodes, "6");
  Set(r, kEpisodes, "6", "DEC", "31/03/2024");
  Set(r, kEpisodes, "6", "REC", "E11");
  DropRows(r, kSwEpisodes, "7");
  Set(r, kEpisodes, "7", "DEC", "01/04/2024");
  Set(r, kEpisodes, "7", "REC", "E11");
  // 8: a move (RNE P, REC X1) is not checked.
  DropRows(r, kSwEpisodes, "8");
  Set(r, kEpisodes, "8", "RNE", "P");
  Set(r, kEpisodes, "8", "DEC", "01/09/2024");
  Set(r, kEpisodes, "8", "REC", "X1");
  // 9: two worker episodes, both from the start of care; 10: one of them before it.
  AddSw(r, "9", "01/09/2024");
  Set(r, kSwEpisodes, "10", "SW_DECOM", "01/01/2024");
  AddSw(r, "10", "01/06/2024");
  EXPECT_EQ(Flagged(r, "SW12STG2"), (Ids{"2", "3", "7", "10"}));
  EXPECT_EQ(FlaggedFields(r, "SW12STG2"),
            (Ids{"2:SW_DECOM", "3:SW_DECOM", "7:SW_DECOM", "10:SW_DECOM"}));
  Return no_episodes = r;
  Absent(no_episodes, kEpisodes);
  EXPECT_NE(NotRunReason(no_episodes, "SW12STG2"), "");
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW12STG2"), "");
}

TEST(Ssda903Rule, RSW13STG1) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Set(r, kSwEpisodes, "1", "SW_REASON", "OTHERS");  // passes
  Set(r, kSwEpisodes, "2", "SW_REASON", "SWLAZY");  // not a code: flagged
  // 3: blank, from April 2023: flagged; 4: blank, before then: passes.
  for (const char* id : {"3", "4", "6"}) Set(r, kSwEpisodes, id, "SW_REASON", "");
  Set(r, kSwEpisodes, "4", "SW_DECOM", "31/03/2023");
  Set(r, kSwEpisodes, "5", "SW_REASON", "others");  // codes compare exactly: flagged
  Set(r, kSwEpisodes, "6", "SW_DECOM", "");         // blank, no start date: passes
  EXPECT_EQ(FlaggedFields(r, "SW13STG1"), (Ids{"2:SW_REASON", "3:SW_REASON", "5:SW_REASON"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW13STG1"), "");
}

TEST(Ssda903Rule, RSW17STG2) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // 1: open. 2: its only episode ended: flagged.
  Set(r, kSwEpisodes, "2", "SW_DEC", "01/03/2026");
  // 3: the first ended, the latest is open.
  Set(r, kSwEpisodes, "3", "SW_DEC", "31/08/2024");
  AddSw(r, "3", "01/09/2024");
  // 4: the latest (by start) has ended, though an earlier one is open: flagged.
  AddSw(r, "4", "01/09/2024", "01/10/2024");
  // 5: an episode without a start date does not count as the latest.
  Set(r, kSwEpisodes, "5", "SW_DEC", "01/03/2026");
  AddSw(r, "5", "");
  EXPECT_EQ(FlaggedFields(r, "SW17STG2"), (Ids{"2:SW_DEC", "4:SW_DEC", "5:SW_DEC"}));
  Absent(r, kSwEpisodes);
  EXPECT_NE(NotRunReason(r, "SW17STG2"), "");
}

}  // namespace
}  // namespace sg::ssda903
