#include "returns/ssda903_rule_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "model/record.h"

namespace sg::ssda903::testing {
namespace {

Return Empty(int year) {
  Return ret;
  ret.collection_year = year;
  for (size_t t = 0; t < kTableCount; ++t) {
    ret.sources[t].present = true;
    ret.sources[t].file = std::string(Spec(static_cast<TableId>(t)).file);
  }
  return ret;
}

std::string UpnFor(size_t serial) {
  std::string digits = "886123415" + std::to_string(100 + serial % 900);
  return std::string(1, UpnCheckLetter(digits)) + digits;
}

}  // namespace

size_t AddRow(Return& ret, TableId table,
              std::initializer_list<std::pair<std::string_view, std::string>> cells) {
  Row row(Spec(table).columns.size());
  for (const auto& [column, value] : cells) {
    const int idx = ColumnIndex(table, column);
    EXPECT_GE(idx, 0) << Spec(table).name << " has no column " << column;
    if (idx >= 0) row[static_cast<size_t>(idx)] = value;
  }
  ret.tables[table].push_back(std::move(row));
  return ret.tables[table].size() - 1;
}

Return ValidReturn(std::initializer_list<std::string_view> ids) {
  Return ret = Empty(2026);
  size_t serial = 0;
  for (std::string_view id_view : ids) {
    const std::string id(id_view);
    const std::string dob = "01/06/2015";
    AddRow(
        ret, kHeader,
        {{"CHILD", id}, {"SEX", "M"}, {"DOB", dob}, {"ETHNIC", "WBRI"}, {"UPN", UpnFor(serial++)}});
    AddRow(ret, kEpisodes,
           {{"CHILD", id},
            {"DECOM", "01/06/2024"},
            {"RNE", "S"},
            {"LS", "C2"},
            {"CIN", "N1"},
            {"PLACE", "U1"},
            {"PLACE_PROVIDER", "PR1"},
            {"HOME_POST", "AB1 2CD"},
            {"PL_POST", "AB1 3CD"},
            {"URN", "SC123456"}});
    AddRow(ret, kReviews,
           {{"CHILD", id}, {"DOB", dob}, {"REVIEW", "15/09/2025"}, {"REVIEW_CODE", "PN1"}});
    AddRow(ret, kOc2,
           {{"CHILD", id},
            {"DOB", dob},
            {"SDQ_SCORE", "12"},
            {"CONVICTED", "0"},
            {"IMMUNISATIONS", "1"},
            {"TEETH_CHECK", "1"},
            {"HEALTH_ASSESSMENT", "1"},
            {"SUBSTANCE_MISUSE", "0"}});
    AddRow(ret, kPrevPerm, {{"CHILD", id}, {"DOB", dob}, {"PREV_PERM", "Z1"}});
    AddRow(ret, kSwEpisodes,
           {{"CHILD", id},
            {"DOB", dob},
            {"SW_ID", "SW" + id},
            {"SW_DECOM", "01/06/2024"},
            {"SW_REASON", "OTHERS"}});
  }
  return ret;
}

Return ValidLastYear(std::initializer_list<std::string_view> ids) {
  Return ret = Empty(2025);
  size_t serial = 0;
  for (std::string_view id_view : ids) {
    const std::string id(id_view);
    const std::string dob = "01/06/2015";
    AddRow(
        ret, kHeader,
        {{"CHILD", id}, {"SEX", "M"}, {"DOB", dob}, {"ETHNIC", "WBRI"}, {"UPN", UpnFor(serial++)}});
    AddRow(ret, kEpisodes,
           {{"CHILD", id},
            {"DECOM", "01/06/2024"},
            {"RNE", "S"},
            {"LS", "C2"},
            {"CIN", "N1"},
            {"PLACE", "U1"},
            {"PLACE_PROVIDER", "PR1"},
            {"HOME_POST", "AB1 2CD"},
            {"PL_POST", "AB1 3CD"},
            {"URN", "SC123456"}});
    AddRow(ret, kReviews,
           {{"CHILD", id}, {"DOB", dob}, {"REVIEW", "01/09/2024"}, {"REVIEW_CODE", "PN1"}});
    AddRow(ret, kPrevPerm, {{"CHILD", id}, {"DOB", dob}, {"PREV_PERM", "Z1"}});
    AddRow(ret, kSwEpisodes,
           {{"CHILD", id},
            {"DOB", dob},
            {"SW_ID", "SW" + id},
            {"SW_DECOM", "01/06/2024"},
            {"SW_REASON", "OTHERS"}});
  }
  return ret;
}

size_t RowOf(const Return& ret, TableId table, std::string_view child, size_t n) {
  const auto& rows = ret.tables[table];
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i][0] == child && n-- == 0) return i;
  }
  ADD_FAILURE() << Spec(table).name << " has no such row for child " << child;
  return 0;
}

void Set(Return& ret, TableId table, std::string_view child, std::string_view column,
         std::string value, size_t n) {
  const int idx = ColumnIndex(table, column);
  ASSERT_GE(idx, 0) << Spec(table).name << " has no column " << column;
  auto& rows = ret.tables[table];
  for (auto& row : rows) {
    if (row[0] == child && n-- == 0) {
      row[static_cast<size_t>(idx)] = std::move(value);
      return;
    }
  }
  ADD_FAILURE() << Spec(table).name << " has no such row for child " << child;
}

void DropRows(Return& ret, TableId table, std::string_view child) {
  auto& rows = ret.tables[table];
  rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const Row& r) { return r[0] == child; }),
             rows.end());
}

void Absent(Return& ret, TableId table) {
  ret.tables[table].clear();
  ret.sources[table].present = false;
}

namespace {

Validation Run(const Return& ret, std::string_view code, const Extra& extra) {
  EXPECT_NE(FindRule(code), nullptr) << "rule " << code << " is not registered";
  ValidateOptions options;
  options.collection_year = extra.collection_year;
  options.previous = extra.previous;
  options.reference = extra.reference;
  options.only = {std::string(code)};
  return Validate(ret, options);
}

}  // namespace

std::multiset<std::string> Flagged(const Return& ret, std::string_view code, const Extra& extra) {
  const Validation v = Run(ret, code, extra);
  EXPECT_TRUE(v.not_run.empty()) << "rule " << code << " did not run: needs "
                                 << (v.not_run.empty() ? "" : v.not_run[0].needs);
  std::multiset<std::string> out;
  for (const Finding& f : v.findings) out.insert(f.child);
  return out;
}

std::multiset<std::string> FlaggedFields(const Return& ret, std::string_view code,
                                         const Extra& extra) {
  const Validation v = Run(ret, code, extra);
  EXPECT_TRUE(v.not_run.empty()) << "rule " << code << " did not run: needs "
                                 << (v.not_run.empty() ? "" : v.not_run[0].needs);
  std::multiset<std::string> out;
  for (const Finding& f : v.findings) out.insert(f.child + ":" + f.field);
  return out;
}

std::string NotRunReason(const Return& ret, std::string_view code, const Extra& extra) {
  const Validation v = Run(ret, code, extra);
  return v.not_run.empty() ? std::string() : v.not_run[0].needs;
}

}  // namespace sg::ssda903::testing
