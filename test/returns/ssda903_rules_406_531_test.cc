// Golden tests of the SSDA903 rules of src/returns/ssda903_rules_406_531.cc.

#include <gtest/gtest.h>

#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test vocabulary
using Ids = std::multiset<std::string>;

// A postcode directory for the LA E09000027: the base return's home (AB1 2CD) and placement
// (AB1 3CD, 0.9 miles from home) in the LA; NEAR 1AA in the LA, 1.0 mile from home; OUT 1AA
// in a district of another county (E07000001 in E10000001), 6.2 miles from home; FAR 1AA,
// 391.5 miles from home.
Reference Directory() {
  Reference ref;
  ref.la_code = "E09000027";
  ref.has_postcodes = true;
  ref.postcodes["AB12CD"] = {"E09000027", 520000, 170000};
  ref.postcodes["AB13CD"] = {"E09000027", 521000, 171000};
  ref.postcodes["NEAR1AA"] = {"E09000027", 521300, 171000};
  ref.postcodes["OUT1AA"] = {"E07000001", 530000, 170000};
  ref.postcodes["FAR1AA"] = {"E06000001", 520000, 800000};
  ref.upper_tier["E07000001"] = "E10000001";
  return ref;
}

// Ends the child's `n`th episode (in file order) on `dec` for reason `rec`.
void End(Return& r, const std::string& child, const std::string& dec, const std::string& rec,
         size_t n = 0) {
  Set(r, kEpisodes, child, "DEC", dec, n);
  Set(r, kEpisodes, child, "REC", rec, n);
}

// Adds an episode in the base return's placement, from `decom`, for reason `rne`.
void Next(Return& r, const std::string& child, const std::string& decom, const std::string& rne,
          const std::string& ls = "C2") {
  AddRow(r, kEpisodes,
         {{"CHILD", child},
          {"DECOM", decom},
          {"RNE", rne},
          {"LS", ls},
          {"CIN", "N1"},
          {"PLACE", "U1"},
          {"PLACE_PROVIDER", "PR1"},
          {"HOME_POST", "AB1 2CD"},
          {"PL_POST", "AB1 3CD"},
          {"URN", "SC123456"}});
}

// Adds an AD1 row with the adopters' number, genders and legal status.
void Adopters(Return& r, const std::string& child, const std::string& nb, const std::string& sex,
              const std::string& ls) {
  AddRow(r, kAd1, {{"CHILD", child}, {"NB_ADOPTR", nb}, {"SEX_ADOPTR", sex}, {"LS_ADOPTR", ls}});
}

// ---- Placement (derived from postcodes) and UASC

TEST(Ssda903Rule, R406) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  const Reference ref = Directory();
  // 1: UASC, with a distance; 2: not UASC; 3: UASC, placement postcode unknown (no distance);
  // 4: UASC last year only.
  AddRow(r, kUasc, {{"CHILD", "1"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});
  AddRow(r, kUasc, {{"CHILD", "3"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});
  Set(r, kEpisodes, "3", "PL_POST", "ZZ9 9ZZ");
  AddRow(last, kUasc, {{"CHILD", "4"}, {"SEX", "1"}, {"DOB", "01/06/2015"}, {"DUC", "01/06/2033"}});
  EXPECT_EQ(FlaggedFields(r, "406", {&last, &ref}), (Ids{"1:PL_DISTANCE", "4:PL_DISTANCE"}));
  EXPECT_EQ(Flagged(r, "406", {nullptr, &ref}), Ids{"1"});
  EXPECT_NE(NotRunReason(r, "406"), "");
}

TEST(Ssda903Rule, R411) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "2", "PL_POST", "OUT 1AA");
  const Reference ref = Directory();
  // Derived from postcodes, IN always means the LA itself: 1 (IN) and 2 (OUT) agree.
  EXPECT_EQ(Flagged(r, "411", {nullptr, &ref}), Ids{});
  // A placement given as IN but in another LA is flagged (3).
  Context ctx;
  ctx.ref = &ref;
  ctx.cur = IndexYear(r, &ref);
  const size_t row = RowOf(r, kEpisodes, "3");
  ASSERT_EQ(ctx.cur.pl_location[row], "IN");
  ctx.cur.pl_la[row] = "E10000001";
  const Rule* rule = FindRule("411");
  ASSERT_NE(rule, nullptr);
  Findings findings;
  Out out(rule->info, ctx, findings);
  rule->check(ctx, out);
  ASSERT_EQ(findings.list().size(), 1u);
  EXPECT_EQ(findings.list()[0].child, "3");
  EXPECT_EQ(findings.list()[0].field, "PL_LOCATION");
  EXPECT_NE(NotRunReason(r, "411"), "");
  Reference no_la = ref;
  no_la.la_code = "";
  EXPECT_NE(NotRunReason(r, "411", {nullptr, &no_la}), "");
}

TEST(Ssda903Rule, R420) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  const Reference ref = Directory();
  // 1: V3 with a known placement postcode; 2: V4, placement postcode unknown; 3: C2; 4: V4
  // outside the LA.
  Set(r, kEpisodes, "1", "LS", "V3");
  Set(r, kEpisodes, "2", "LS", "V4");
  Set(r, kEpisodes, "2", "PL_POST", "ZZ9 9ZZ");
  Set(r, kEpisodes, "4", "LS", "V4");
  Set(r, kEpisodes, "4", "PL_POST", "OUT 1AA");
  EXPECT_EQ(FlaggedFields(r, "420", {nullptr, &ref}), (Ids{"1:PL_LA", "4:PL_LA"}));
  EXPECT_NE(NotRunReason(r, "420"), "");
}

TEST(Ssda903Rule, R454) {
  Return r = ValidReturn({"1", "2", "3"});
  const Reference ref = Directory();
  // 1: 391.5 miles; 2: 0.9 miles; 3: 6.2 miles.
  Set(r, kEpisodes, "1", "PL_POST", "FAR 1AA");
  Set(r, kEpisodes, "3", "PL_POST", "OUT 1AA");
  EXPECT_EQ(FlaggedFields(r, "454", {nullptr, &ref}), Ids{"1:PL_DISTANCE"});
  EXPECT_NE(NotRunReason(r, "454"), "");
}

// ---- Ages at the end of an episode

TEST(Ssda903Rule, R407) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // All 18 on 01/06/2025. 1: special guardianship the day after; 2: on the birthday; 3: no
  // DEC; 4: returned home (E11) after 18.
  for (const char* id : {"1", "2", "3", "4"}) Set(r, kHeader, id, "DOB", "01/06/2007");
  End(r, "1", "02/06/2025", "E45");
  End(r, "2", "01/06/2025", "E48");
  Set(r, kEpisodes, "3", "REC", "E46");
  End(r, "4", "02/06/2025", "E11");
  EXPECT_EQ(FlaggedFields(r, "407", {}), Ids{"1:REC"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "407"), "");
}

TEST(Ssda903Rule, R460) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // Staying put (E17). 1: ends at 17; 2: ends on the 18th birthday; 3: ends the day before it;
  // 4: no DEC.
  Set(r, kHeader, "1", "DOB", "01/06/2008");
  End(r, "1", "01/03/2026", "E17");
  Set(r, kHeader, "2", "DOB", "01/06/2007");
  End(r, "2", "01/06/2025", "E17");
  Set(r, kHeader, "3", "DOB", "02/06/2007");
  End(r, "3", "01/06/2025", "E17");
  Set(r, kHeader, "4", "DOB", "01/06/2008");
  Set(r, kEpisodes, "4", "REC", "E17");
  EXPECT_EQ(FlaggedFields(r, "460", {}), (Ids{"1:REC", "3:REC"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "460"), "");
}

// ---- One episode's codes

TEST(Ssda903Rule, R408) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: A5 under C2; 2: A6 under E1; 3: A5 with no LS; 4: U1 under C2.
  Set(r, kEpisodes, "1", "PLACE", "A5");
  Set(r, kEpisodes, "2", "PLACE", "A6");
  Set(r, kEpisodes, "2", "LS", "E1");
  Set(r, kEpisodes, "3", "PLACE", "A5");
  Set(r, kEpisodes, "3", "LS", "");
  EXPECT_EQ(Flagged(r, "408"), (Ids{"1", "3"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "408"), "");
}

TEST(Ssda903Rule, R446) {
  Return r = ValidReturn({"1", "2", "3"});
  // 1: E1 from 30/11/2005; 2: E1 from 01/12/2005; 3: C2 from 30/11/2005.
  Set(r, kEpisodes, "1", "LS", "E1");
  Set(r, kEpisodes, "1", "DECOM", "30/11/2005");
  Set(r, kEpisodes, "2", "LS", "E1");
  Set(r, kEpisodes, "2", "DECOM", "01/12/2005");
  Set(r, kEpisodes, "3", "DECOM", "30/11/2005");
  EXPECT_EQ(FlaggedFields(r, "446"), Ids{"1:LS"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "446"), "");
}

TEST(Ssda903Rule, R516) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: E45 from K2; 2: E46 from U3; 3: E45 with no placement; 4: E11 from K2.
  End(r, "1", "01/07/2025", "E45");
  Set(r, kEpisodes, "1", "PLACE", "K2");
  End(r, "2", "01/07/2025", "E46");
  Set(r, kEpisodes, "2", "PLACE", "U3");
  End(r, "3", "01/07/2025", "E45");
  Set(r, kEpisodes, "3", "PLACE", "");
  End(r, "4", "01/07/2025", "E11");
  Set(r, kEpisodes, "4", "PLACE", "K2");
  EXPECT_EQ(FlaggedFields(r, "516"), (Ids{"1:PLACE", "3:PLACE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "516"), "");
}

TEST(Ssda903Rule, R526) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // No provider: 1 in U1, 2 in T1, 3 in Z11, 4 with no placement type.
  Set(r, kEpisodes, "1", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "2", "PLACE", "T1");
  Set(r, kEpisodes, "2", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "3", "PLACE", "Z11");
  Set(r, kEpisodes, "3", "PLACE_PROVIDER", "");
  Set(r, kEpisodes, "4", "PLACE", "");
  Set(r, kEpisodes, "4", "PLACE_PROVIDER", "");
  EXPECT_EQ(FlaggedFields(r, "526"), (Ids{"1:PLACE_PROVIDER", "4:PLACE_PROVIDER"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "526"), "");
}

// Child 1 in `bad_place` with `provider` (flagged), child 2 in `ok_place` with it, child 3 in
// `bad_place` with another provider.
Ids ProviderPlace(std::string_view code, const std::string& provider, const std::string& bad_place,
                  const std::string& ok_place, const std::string& other) {
  Return r = ValidReturn({"1", "2", "3"});
  Set(r, kEpisodes, "1", "PLACE", bad_place);
  Set(r, kEpisodes, "1", "PLACE_PROVIDER", provider);
  Set(r, kEpisodes, "2", "PLACE", ok_place);
  Set(r, kEpisodes, "2", "PLACE_PROVIDER", provider);
  Set(r, kEpisodes, "3", "PLACE", bad_place);
  Set(r, kEpisodes, "3", "PLACE_PROVIDER", other);
  Ids flagged = FlaggedFields(r, code);
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, code), "");
  return flagged;
}

TEST(Ssda903Rule, R527) {
  EXPECT_EQ(ProviderPlace("527", "PR1", "P1", "U1", "PR4"), Ids{"1:PLACE_PROVIDER"});
  EXPECT_EQ(ProviderPlace("527", "PR1", "R5", "R1", "PR4"), Ids{"1:PLACE_PROVIDER"});
}

TEST(Ssda903Rule, R528) {
  EXPECT_EQ(ProviderPlace("528", "PR2", "R2", "U1", "PR1"), Ids{"1:PLACE_PROVIDER"});
}

TEST(Ssda903Rule, R529) {
  EXPECT_EQ(ProviderPlace("529", "PR3", "K1", "R1", "PR1"), Ids{"1:PLACE_PROVIDER"});
  EXPECT_EQ(ProviderPlace("529", "PR3", "U6", "K3", "PR1"), Ids{"1:PLACE_PROVIDER"});
}

TEST(Ssda903Rule, R530) {
  EXPECT_EQ(ProviderPlace("530", "PR4", "P1", "P2", "PR0"), Ids{"1:PLACE_PROVIDER"});
}

TEST(Ssda903Rule, R531) {
  EXPECT_EQ(ProviderPlace("531", "PR5", "P1", "R1", "PR0"), Ids{"1:PLACE_PROVIDER"});
}

// ---- A child's episodes together

TEST(Ssda903Rule, R426) {
  Return r = ValidReturn({"1", "2", "3"});
  // 1: V3 then V4 (both flagged); 2: V3 twice; 3: C2 then V4.
  Set(r, kEpisodes, "1", "LS", "V3");
  End(r, "1", "05/06/2024", "E13");
  Next(r, "1", "01/08/2025", "S", "V4");
  Set(r, kEpisodes, "2", "LS", "V3");
  End(r, "2", "05/06/2024", "E13");
  Next(r, "2", "01/08/2025", "S", "V3");
  End(r, "3", "05/06/2024", "E13");
  Next(r, "3", "01/08/2025", "S", "V4");
  EXPECT_EQ(FlaggedFields(r, "426"), (Ids{"1:LS", "1:LS"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "426"), "");
}

TEST(Ssda903Rule, R431) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // Care ends 01/07/2025 and starts again (RNE S): 1 the same day, 2 the next day, 3 the day
  // before; 4 continues the same day (RNE P).
  for (const char* id : {"1", "2", "3", "4"}) End(r, id, "01/07/2025", "E4A");
  Next(r, "1", "01/07/2025", "S");
  Next(r, "2", "02/07/2025", "S");
  Next(r, "3", "30/06/2025", "S");
  Next(r, "4", "01/07/2025", "P");
  EXPECT_EQ(FlaggedFields(r, "431"), (Ids{"1:RNE", "3:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "431"), "");
}

TEST(Ssda903Rule, R432) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: care ended (E4A), the next episode is a change of placement (P); 2: it starts care (S);
  // 3: a change of placement (X1) then P; 4: care ended (E15), next with no RNE.
  End(r, "1", "01/07/2025", "E4A");
  Next(r, "1", "05/07/2025", "P");
  End(r, "2", "01/07/2025", "E4A");
  Next(r, "2", "05/07/2025", "S");
  End(r, "3", "01/07/2025", "X1");
  Next(r, "3", "01/07/2025", "P");
  End(r, "4", "01/07/2025", "E15");
  Next(r, "4", "05/07/2025", "");
  EXPECT_EQ(FlaggedFields(r, "432"), (Ids{"1:RNE", "4:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "432"), "");
}

TEST(Ssda903Rule, R433) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // After an episode ending 01/07/2025: 1 continues (P) on 02/07; 2 continues on 01/07; 3
  // starts care (S) on 02/07. 4: the first episode has no DEC, the next continues (T).
  for (const char* id : {"1", "2", "3", "5"}) End(r, id, "01/07/2025", "X1");
  Next(r, "1", "02/07/2025", "P");
  Next(r, "2", "01/07/2025", "P");
  Next(r, "3", "02/07/2025", "S");
  Next(r, "4", "01/07/2025", "T");
  // 5: two episodes from 01/07/2025, the open one first in the file: by DEC, the one that
  // ended that day comes first, and each continues the one before.
  Next(r, "5", "01/07/2025", "P");
  Next(r, "5", "01/07/2025", "B");
  End(r, "5", "01/07/2025", "X1", 2);
  EXPECT_EQ(FlaggedFields(r, "433"), (Ids{"1:DECOM", "4:DECOM"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "433"), "");
}

TEST(Ssda903Rule, R434) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // A change of legal status only (RNE L) on 01/07/2025. 1: LS changes, the placement does
  // not; 2: LS stays C2; 3: LS changes and so does the URN; 4: LS changes, no URN either time.
  for (const char* id : {"1", "2", "3", "4"}) End(r, id, "01/07/2025", "X1");
  Next(r, "1", "01/07/2025", "L", "E1");
  Next(r, "2", "01/07/2025", "L", "C2");
  Next(r, "3", "01/07/2025", "L", "E1");
  Set(r, kEpisodes, "3", "URN", "SC654321", 1);
  Next(r, "4", "01/07/2025", "L", "E1");
  Set(r, kEpisodes, "4", "URN", "", 0);
  Set(r, kEpisodes, "4", "URN", "", 1);
  EXPECT_EQ(FlaggedFields(r, "434"), (Ids{"2:RNE", "3:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "434"), "");
}

TEST(Ssda903Rule, R435) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  // A change of placement only (RNE P, T) on 01/07/2025. 1: the placement postcode changes;
  // 2: LS changes too; 3: nothing changes (T); 4: nothing changes, but the URN is blank both
  // times (as the community reads it, a blank matches nothing); 5: no LS either time.
  for (const char* id : {"1", "2", "3", "4", "5"}) End(r, id, "01/07/2025", "X1");
  Next(r, "1", "01/07/2025", "P");
  Set(r, kEpisodes, "1", "PL_POST", "NEAR 1AA", 1);
  Next(r, "2", "01/07/2025", "P", "E1");
  Set(r, kEpisodes, "2", "PL_POST", "NEAR 1AA", 1);
  Next(r, "3", "01/07/2025", "T");
  Next(r, "4", "01/07/2025", "P");
  Set(r, kEpisodes, "4", "URN", "", 0);
  Set(r, kEpisodes, "4", "URN", "", 1);
  Next(r, "5", "01/07/2025", "P", "");
  Set(r, kEpisodes, "5", "LS", "", 0);
  Set(r, kEpisodes, "5", "PL_POST", "NEAR 1AA", 1);
  EXPECT_EQ(FlaggedFields(r, "435"), (Ids{"2:RNE", "3:RNE", "5:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "435"), "");
}

TEST(Ssda903Rule, R436) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // A change of both (RNE U, B) on 01/07/2025. 1: both change; 2: LS stays C2; 3: the
  // placement stays; 4: both change, no URN either time.
  for (const char* id : {"1", "2", "3", "4"}) End(r, id, "01/07/2025", "X1");
  Next(r, "1", "01/07/2025", "B", "E1");
  Set(r, kEpisodes, "1", "PLACE", "U2", 1);
  Next(r, "2", "01/07/2025", "U", "C2");
  Set(r, kEpisodes, "2", "PLACE", "U2", 1);
  Next(r, "3", "01/07/2025", "B", "E1");
  Next(r, "4", "01/07/2025", "U", "E1");
  Set(r, kEpisodes, "4", "PLACE", "U2", 1);
  Set(r, kEpisodes, "4", "URN", "", 0);
  Set(r, kEpisodes, "4", "URN", "", 1);
  EXPECT_EQ(FlaggedFields(r, "436"), (Ids{"2:RNE", "3:RNE"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "436"), "");
}

TEST(Ssda903Rule, R437) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: aged 18 (E15), then another episode; 2: E15 is the last episode; 3: died (E2), then an
  // episode with no start date; 4: ended (E4A), then another episode.
  End(r, "1", "01/07/2025", "E15");
  Next(r, "1", "05/07/2025", "S");
  End(r, "2", "01/07/2025", "E15");
  End(r, "3", "01/07/2025", "E2");
  Next(r, "3", "", "S");
  End(r, "4", "01/07/2025", "E4A");
  Next(r, "4", "05/07/2025", "S");
  EXPECT_EQ(FlaggedFields(r, "437"), (Ids{"1:REC", "3:REC"}));
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "437"), "");
}

TEST(Ssda903Rule, R501) {
  Return r = ValidReturn({"1", "2", "3"});
  // After an episode ending 01/07/2025, the next starts: 1 on 30/06; 2 on 01/07; 3 has no
  // DEC before an episode from 01/07.
  End(r, "1", "01/07/2025", "X1");
  Next(r, "1", "30/06/2025", "P");
  End(r, "2", "01/07/2025", "X1");
  Next(r, "2", "01/07/2025", "P");
  Next(r, "3", "01/07/2025", "P");
  EXPECT_EQ(FlaggedFields(r, "501"), Ids{"1:DECOM"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "501"), "");
}

TEST(Ssda903Rule, R504) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // The category of need of the next episode: 1 changes after X1 on the same day; 2 stays;
  // 3 changes after care ended (E4A); 4 changes after X1 with a gap of a day.
  End(r, "1", "01/07/2025", "X1");
  Next(r, "1", "01/07/2025", "P");
  Set(r, kEpisodes, "1", "CIN", "N2", 1);
  End(r, "2", "01/07/2025", "X1");
  Next(r, "2", "01/07/2025", "P");
  End(r, "3", "01/07/2025", "E4A");
  Next(r, "3", "01/07/2025", "S");
  Set(r, kEpisodes, "3", "CIN", "N2", 1);
  End(r, "4", "01/07/2025", "X1");
  Next(r, "4", "02/07/2025", "P");
  Set(r, kEpisodes, "4", "CIN", "N2", 1);
  EXPECT_EQ(FlaggedFields(r, "504"), Ids{"1:CIN"});
  Absent(r, kEpisodes);
  EXPECT_NE(NotRunReason(r, "504"), "");
}

// ---- Reviews

TEST(Ssda903Rule, R440) {
  Return r = ValidReturn({"1", "2", "3"});
  // PN0 (under 4) at the review on 15/09/2025: 1 is 10; 2 is 4 that day; 3 is 3.
  for (const char* id : {"1", "2", "3"}) Set(r, kReviews, id, "REVIEW_CODE", "PN0");
  Set(r, kReviews, "2", "DOB", "15/09/2021");
  Set(r, kReviews, "3", "DOB", "16/09/2021");
  EXPECT_EQ(FlaggedFields(r, "440"), Ids{"1:REVIEW_CODE"});
  Absent(r, kReviews);
  EXPECT_NE(NotRunReason(r, "440"), "");
}

TEST(Ssda903Rule, R441) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // PN1-PN7 (4 or over) at the review on 15/09/2025: 1 is 10; 2 is 3; 3 is 4 that day; 4 is
  // 3 with PN0.
  Set(r, kReviews, "2", "DOB", "16/09/2021");
  Set(r, kReviews, "2", "REVIEW_CODE", "PN7");
  Set(r, kReviews, "3", "DOB", "15/09/2021");
  Set(r, kReviews, "4", "DOB", "16/09/2021");
  Set(r, kReviews, "4", "REVIEW_CODE", "PN0");
  EXPECT_EQ(FlaggedFields(r, "441"), Ids{"2:REVIEW_CODE"});
  Absent(r, kReviews);
  EXPECT_NE(NotRunReason(r, "441"), "");
}

// ---- Header

TEST(Ssda903Rule, R442) {
  Return r = ValidReturn({"1", "2", "3"});
  // No UPN: 1 under a care order; 2 on short breaks (V3) only.
  Set(r, kHeader, "1", "UPN", "");
  Set(r, kHeader, "2", "UPN", "");
  Set(r, kEpisodes, "2", "LS", "V3");
  EXPECT_EQ(FlaggedFields(r, "442"), Ids{"1:UPN"});
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "442"), "");
}

TEST(Ssda903Rule, R444) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  // 1 and 2 share a UPN; 3 and 4 are both UN1; 5 and 6 have none.
  Set(r, kHeader, "2", "UPN", r.tables[kHeader][RowOf(r, kHeader, "1")][hdr::UPN]);
  Set(r, kHeader, "3", "UPN", "UN1");
  Set(r, kHeader, "4", "UPN", "UN1");
  Set(r, kHeader, "5", "UPN", "");
  Set(r, kHeader, "6", "UPN", "");
  EXPECT_EQ(FlaggedFields(r, "444"), (Ids{"1:UPN", "2:UPN"}));
  Absent(r, kHeader);
  EXPECT_NE(NotRunReason(r, "444"), "");
}

// ---- This year's first episode against last year's last

TEST(Ssda903Rule, R452) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  const Reference ref = Directory();
  // Last year placed in another LA: 1 still open; 3 closed; 4 open but this year's first
  // episode is for another reason (P). 2: the same LA; 5: not in last year's return.
  for (const char* id : {"1", "3", "4"}) Set(last, kEpisodes, id, "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "3", "DEC", "31/03/2025");
  Set(last, kEpisodes, "3", "REC", "X1");
  Set(r, kEpisodes, "4", "RNE", "P");
  EXPECT_EQ(FlaggedFields(r, "452", {&last, &ref}), Ids{"1:PL_LA"});
  EXPECT_NE(NotRunReason(r, "452", {nullptr, &ref}), "");
  EXPECT_NE(NotRunReason(r, "452", {&last, nullptr}), "");
}

TEST(Ssda903Rule, R453) {
  Return r = ValidReturn({"1", "2", "3", "4", "5", "6"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5", "6"});
  const Reference ref = Directory();
  // This year 0.9 miles; last year: 1 6.2 miles; 2 0.9; 3 1.0; 4 none; 6 6.2 but a different
  // RNE this year. 5: 0.9 last year, none this year.
  Set(last, kEpisodes, "1", "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "3", "PL_POST", "NEAR 1AA");
  Set(last, kEpisodes, "4", "PL_POST", "");
  Set(r, kEpisodes, "5", "PL_POST", "");
  Set(last, kEpisodes, "6", "PL_POST", "OUT 1AA");
  Set(r, kEpisodes, "6", "RNE", "P");
  EXPECT_EQ(FlaggedFields(r, "453", {&last, &ref}), (Ids{"1:PL_DISTANCE", "4:PL_DISTANCE"}));
  EXPECT_NE(NotRunReason(r, "453", {nullptr, &ref}), "");
}

TEST(Ssda903Rule, R502) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3"});
  // Last year's open episode started: 1 on 01/05/2024 (this year's first: 01/06/2024); 2 on
  // 01/06/2024; 3 on 01/05/2024 but it was closed. 4 was not in last year's return.
  Set(last, kEpisodes, "1", "DECOM", "01/05/2024");
  Set(last, kEpisodes, "3", "DECOM", "01/05/2024");
  Set(last, kEpisodes, "3", "DEC", "31/03/2025");
  EXPECT_EQ(FlaggedFields(r, "502", {&last}), Ids{"1:DECOM"});
  EXPECT_NE(NotRunReason(r, "502"), "");
}

// 503A-503F: child 1's first episode has `value` in `column` (last year's open episode has
// the base value); child 2 is unchanged; child 3 has `value` but last year's episode was
// closed; child 4's first episode of two (the later one has `value`) is unchanged.
Ids CarriesOver(std::string_view code, std::string_view column, const std::string& value) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  Set(r, kEpisodes, "1", column, value);
  Set(r, kEpisodes, "3", column, value);
  Set(last, kEpisodes, "3", "DEC", "31/03/2025");
  Set(last, kEpisodes, "3", "REC", "X1");
  End(r, "4", "01/07/2025", "X1");
  Next(r, "4", "01/07/2025", "T");
  Set(r, kEpisodes, "4", column, value, 1);
  Ids flagged = FlaggedFields(r, code, {&last});
  EXPECT_NE(NotRunReason(r, code), "");
  return flagged;
}

TEST(Ssda903Rule, R503A) { EXPECT_EQ(CarriesOver("503A", "RNE", "L"), Ids{"1:RNE"}); }

TEST(Ssda903Rule, R503B) {
  EXPECT_EQ(CarriesOver("503B", "LS", "E1"), Ids{"1:LS"});
  EXPECT_EQ(CarriesOver("503B", "LS", ""), Ids{"1:LS"});
}

TEST(Ssda903Rule, R503C) { EXPECT_EQ(CarriesOver("503C", "CIN", "N2"), Ids{"1:CIN"}); }

TEST(Ssda903Rule, R503D) {
  EXPECT_EQ(CarriesOver("503D", "PLACE", "U2"), Ids{"1:PLACE"});
  // 2025/26: Z1 became Z11-Z14, which continue it (1); K3 no longer continues H5 (2).
  Return r = ValidReturn({"1", "2"});
  Return last = ValidLastYear({"1", "2"});
  Set(last, kEpisodes, "1", "PLACE", "Z1");
  Set(r, kEpisodes, "1", "PLACE", "Z12");
  Set(last, kEpisodes, "2", "PLACE", "H5");
  Set(r, kEpisodes, "2", "PLACE", "K3");
  EXPECT_EQ(FlaggedFields(r, "503D", {&last}), Ids{"2:PLACE"});
}

TEST(Ssda903Rule, R503E) {
  EXPECT_EQ(CarriesOver("503E", "PLACE_PROVIDER", "PR2"), Ids{"1:PLACE_PROVIDER"});
}

TEST(Ssda903Rule, R503F) { EXPECT_EQ(CarriesOver("503F", "URN", "SC654321"), Ids{"1:URN"}); }

TEST(Ssda903Rule, R503G) {
  Return r = ValidReturn({"1", "2", "3", "4", "5"});
  Return last = ValidLastYear({"1", "2", "3", "4", "5"});
  const Reference ref = Directory();
  // This year 0.9 miles; last year (open): 1 6.2 miles; 2 0.9; 3 1.0; 4 6.2 but closed; 5 6.2
  // with a different RNE this year (unlike 453, flagged).
  for (const char* id : {"1", "4", "5"}) Set(last, kEpisodes, id, "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "3", "PL_POST", "NEAR 1AA");
  Set(last, kEpisodes, "4", "DEC", "31/03/2025");
  Set(r, kEpisodes, "5", "RNE", "P");
  EXPECT_EQ(FlaggedFields(r, "503G", {&last, &ref}), (Ids{"1:PL_DISTANCE", "5:PL_DISTANCE"}));
  EXPECT_NE(NotRunReason(r, "503G", {&last}), "");
}

TEST(Ssda903Rule, R503H) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  const Reference ref = Directory();
  // Last year (open): 1 placed in another LA; 2 the same placement; 3 elsewhere in the LA;
  // 4 in another LA but closed.
  Set(last, kEpisodes, "1", "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "3", "PL_POST", "NEAR 1AA");
  Set(last, kEpisodes, "4", "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "4", "DEC", "31/03/2025");
  EXPECT_EQ(FlaggedFields(r, "503H", {&last, &ref}), Ids{"1:PL_LA"});
  EXPECT_NE(NotRunReason(r, "503H", {&last}), "");
}

TEST(Ssda903Rule, R503J) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  Return last = ValidLastYear({"1", "2", "3", "4"});
  const Reference ref = Directory();
  // Last year (open): 1 OUT of the LA; 2 the same placement; 3 elsewhere IN the LA; 4 OUT but
  // closed.
  Set(last, kEpisodes, "1", "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "3", "PL_POST", "NEAR 1AA");
  Set(last, kEpisodes, "4", "PL_POST", "OUT 1AA");
  Set(last, kEpisodes, "4", "DEC", "31/03/2025");
  EXPECT_EQ(FlaggedFields(r, "503J", {&last, &ref}), Ids{"1:PL_LOCATION"});
  EXPECT_NE(NotRunReason(r, "503J", {&last}), "");
}

// ---- Adoption

TEST(Ssda903Rule, R511) {
  Return r = ValidReturn({"1", "2", "3"});
  // Two adopters: 1 coded M1; 2 coded MF. 3: one adopter, M1.
  Adopters(r, "1", "2", "M1", "L11");
  Adopters(r, "2", "2", "MF", "L11");
  Adopters(r, "3", "1", "M1", "L0");
  EXPECT_EQ(FlaggedFields(r, "511"), Ids{"1:SEX_ADOPTR"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "511"), "");
}

TEST(Ssda903Rule, R514) {
  Return r = ValidReturn({"1", "2", "3"});
  // A single adopter (L0): 1 coded MF; 2 coded F1; 3 with no genders.
  Adopters(r, "1", "2", "MF", "L0");
  Adopters(r, "2", "1", "F1", "L0");
  Adopters(r, "3", "1", "", "L0");
  EXPECT_EQ(FlaggedFields(r, "514"), (Ids{"1:SEX_ADOPTR", "3:SEX_ADOPTR"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "514"), "");
}

TEST(Ssda903Rule, R517) {
  Return r = ValidReturn({"1", "2", "3"});
  // L3: 1 coded MM; 2 coded MF. 3: L4 coded MM.
  Adopters(r, "1", "2", "MM", "L3");
  Adopters(r, "2", "2", "MF", "L3");
  Adopters(r, "3", "2", "MM", "L4");
  EXPECT_EQ(FlaggedFields(r, "517"), Ids{"1:SEX_ADOPTR"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "517"), "");
}

TEST(Ssda903Rule, R518) {
  Return r = ValidReturn({"1", "2", "3"});
  // L4: 1 coded MF; 2 coded FF. 3: L3 coded MF.
  Adopters(r, "1", "2", "MF", "L4");
  Adopters(r, "2", "2", "FF", "L4");
  Adopters(r, "3", "2", "MF", "L3");
  EXPECT_EQ(FlaggedFields(r, "518"), Ids{"1:SEX_ADOPTR"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "518"), "");
}

TEST(Ssda903Rule, R519) {
  Return r = ValidReturn({"1", "2", "3"});
  // Civil partners (L2): 1 coded M1; 2 coded MM; 3 with no genders.
  Adopters(r, "1", "2", "M1", "L2");
  Adopters(r, "2", "2", "MM", "L2");
  Adopters(r, "3", "2", "", "L2");
  EXPECT_EQ(FlaggedFields(r, "519"), (Ids{"1:SEX_ADOPTR", "3:SEX_ADOPTR"}));
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "519"), "");
}

TEST(Ssda903Rule, R520) {
  Return r = ValidReturn({"1", "2", "3"});
  // A different-gender married couple (L11): 1 coded FF; 2 coded MF. 3: L12 coded FF.
  Adopters(r, "1", "2", "FF", "L11");
  Adopters(r, "2", "2", "MF", "L11");
  Adopters(r, "3", "2", "FF", "L12");
  EXPECT_EQ(FlaggedFields(r, "520"), Ids{"1:SEX_ADOPTR"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "520"), "");
}

TEST(Ssda903Rule, R524) {
  Return r = ValidReturn({"1", "2", "3"});
  // A same-gender married couple (L12): 1 coded MF; 2 coded MM. 3: L11 coded MF.
  Adopters(r, "1", "2", "MF", "L12");
  Adopters(r, "2", "2", "MM", "L12");
  Adopters(r, "3", "2", "MF", "L11");
  EXPECT_EQ(FlaggedFields(r, "524"), Ids{"1:SEX_ADOPTR"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "524"), "");
}

TEST(Ssda903Rule, R521) {
  Return r = ValidReturn({"1", "2", "3"});
  // Placed for adoption (A3) from 01/07/2025; the best-interests decision: 1 the day after;
  // 2 that day. 3: decided the day after, but the placement is U1.
  for (const char* id : {"1", "2", "3"}) {
    End(r, id, "01/07/2025", "X1");
    Next(r, id, "01/07/2025", "P");
  }
  Set(r, kEpisodes, "1", "PLACE", "A3", 1);
  Set(r, kEpisodes, "2", "PLACE", "A3", 1);
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_INT", "02/07/2025"}});
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_INT", "01/07/2025"}});
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_INT", "02/07/2025"}});
  EXPECT_EQ(FlaggedFields(r, "521"), Ids{"1:DATE_INT"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "521"), "");
}

TEST(Ssda903Rule, R522) {
  Return r = ValidReturn({"1", "2", "3"});
  // Decided 01/07/2025 and reversed: 1 the day before; 2 the same day; 3 not reversed.
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "1"}, {"DATE_PLACED", "01/07/2025"}, {"DATE_PLACED_CEASED", "30/06/2025"}});
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "2"}, {"DATE_PLACED", "01/07/2025"}, {"DATE_PLACED_CEASED", "01/07/2025"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DATE_PLACED", "01/07/2025"}});
  EXPECT_EQ(FlaggedFields(r, "522"), Ids{"1:DATE_PLACED_CEASED"});
  Absent(r, kPlacedAdoption);
  EXPECT_NE(NotRunReason(r, "522"), "");
}

TEST(Ssda903Rule, R523) {
  Return r = ValidReturn({"1", "2", "3"});
  // Decision to place for adoption 01/07/2025; best interests: 1 02/07/2025; 2 the same day;
  // 3 not given.
  for (const char* id : {"1", "2", "3"}) {
    AddRow(r, kPlacedAdoption, {{"CHILD", id}, {"DATE_PLACED", "01/07/2025"}});
  }
  AddRow(r, kAd1, {{"CHILD", "1"}, {"DATE_INT", "02/07/2025"}});
  AddRow(r, kAd1, {{"CHILD", "2"}, {"DATE_INT", "01/07/2025"}});
  AddRow(r, kAd1, {{"CHILD", "3"}, {"DATE_INT", ""}});
  EXPECT_EQ(FlaggedFields(r, "523"), Ids{"1:DATE_PLACED"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "523"), "");
}

TEST(Ssda903Rule, R525) {
  Return r = ValidReturn({"1", "2", "3", "4"});
  // 1: placement decision reversed, and adopted; 2: reversed, not adopted; 3: not reversed,
  // adopted; 4: reversed, with an empty AD1 row.
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "1"}, {"DATE_PLACED", "01/07/2025"}, {"DATE_PLACED_CEASED", "01/09/2025"}});
  Adopters(r, "1", "2", "MF", "L11");
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "2"}, {"DATE_PLACED", "01/07/2025"}, {"DATE_PLACED_CEASED", "01/09/2025"}});
  AddRow(r, kPlacedAdoption, {{"CHILD", "3"}, {"DATE_PLACED", "01/07/2025"}});
  Adopters(r, "3", "2", "MF", "L11");
  AddRow(r, kPlacedAdoption,
         {{"CHILD", "4"}, {"DATE_PLACED", "01/07/2025"}, {"DATE_PLACED_CEASED", "01/09/2025"}});
  AddRow(r, kAd1, {{"CHILD", "4"}});
  EXPECT_EQ(FlaggedFields(r, "525"), Ids{"1:DATE_PLACED_CEASED"});
  Absent(r, kAd1);
  EXPECT_NE(NotRunReason(r, "525"), "");
}

}  // namespace
}  // namespace sg::ssda903
