#pragma once
// Golden tests of SSDA903 rules: a return built table by table (by column name), validated by
// one rule, and the children it flags.
//
// Convention: each rule has one test, TEST(Ssda903Rule, R<code>) (R1003, R205A, RINT01,
// RSW01aSTG1), with at least one child that passes and one that fails;
// ssda903_rules_registry_test.cc fails if a registered rule has no such test.

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "returns/ssda903.h"
#include "returns/ssda903_validate.h"

namespace sg::ssda903::testing {

// A 2025/26 return (collection 1 April 2025 - 31 March 2026) whose children each pass every
// rule: for each id, a boy born 01/06/2015 (SEX M, UPN with a valid check letter, ethnicity WBRI),
// looked after since 01/06/2024 under a care order (LS C2, RNE S, CIN N1) in one foster
// placement (PLACE U1, PR1, URN SC123456, HOME_POST "AB1 2CD", PL_POST "AB1 3CD"), still
// open; a review on 15/09/2025 (PN1); an OC2 row (looked after 12 months at 31 March: SDQ 12,
// not convicted, teeth check and immunisations up to date, health assessment done, no
// substance misuse; HEALTH_CHECK, the under-fives' development check, blank); PREV_PERM Z1; a
// social worker episode since 01/06/2024 (SW_REASON OTHERS).
// Every table is present. The rows of each table are in the order of `ids`.
Return ValidReturn(std::initializer_list<std::string_view> ids = {"1"});

// The previous year's counterpart (2024/25) of ValidReturn: the same children, their episode
// open since 01/06/2024, a review on 01/09/2024, no OC2 (not yet looked after 12 months).
Return ValidLastYear(std::initializer_list<std::string_view> ids = {"1"});

// The index of the `n`th row of `table` whose CHILD is `child` (fails the test if absent).
size_t RowOf(const Return& ret, TableId table, std::string_view child, size_t n = 0);

// Sets a cell of the `n`th row of `child` in `table`, by column name.
void Set(Return& ret, TableId table, std::string_view child, std::string_view column,
         std::string value, size_t n = 0);

// Adds a row to `table`: CHILD and the columns given, the rest blank. Returns its index.
size_t AddRow(Return& ret, TableId table,
              std::initializer_list<std::pair<std::string_view, std::string>> cells);

// Removes every row of `child` from `table`.
void DropRows(Return& ret, TableId table, std::string_view child);

// Marks `table` as not supplied (its rows are removed).
void Absent(Return& ret, TableId table);

struct Extra {
  const Return* previous = nullptr;
  const Reference* reference = nullptr;
  int collection_year = 2026;
};

// The CHILD ids (one per finding) that rule `code` alone reports on `ret`. Fails the test if
// the rule is not registered or if what it needs is not supplied.
std::multiset<std::string> Flagged(const Return& ret, std::string_view code,
                                   const Extra& extra = {});

// As Flagged, but "CHILD:FIELD" per finding, for rules whose point is the field.
std::multiset<std::string> FlaggedFields(const Return& ret, std::string_view code,
                                         const Extra& extra = {});

// Whether rule `code` is reported as not run (and why) on `ret`: "" when it runs.
std::string NotRunReason(const Return& ret, std::string_view code, const Extra& extra = {});

}  // namespace sg::ssda903::testing
