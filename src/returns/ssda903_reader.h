#pragma once
// Reading an SSDA903 return: the CSV tables (each recognised by its header, whatever the file's
// name or the order of its columns) or the XML form (CLA.xsd's EXPSSDA903).
//
// What is wrong with the files themselves becomes a finding with the file, line and column, and
// the rest is still read: a column the table does not have, a column it lacks (its cells are
// blank), a row with too many or too few cells, a row repeating another exactly, a table
// supplied twice, a date that is not DD/MM/YYYY (Excel's reformatting is named as such), a
// file that is neither. Rules never see
// a half-read row: a row is kept with what it has, cell by cell, or dropped with a finding.
// Only a path that cannot be read at all is an error.

#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "returns/findings.h"
#include "returns/ssda903.h"

namespace sg::ssda903 {

// The table a CSV header line names: the table whose columns it matches best (the file's
// name breaks ties), or kTableCount when it matches none.
TableId RecogniseTable(const std::vector<std::string>& header, std::string_view file_name);

// Adds the rows of one CSV file (`file` names it in findings) to `ret`. Findings go to
// `findings`; the table is marked present.
void ReadCsvTable(std::string_view text, std::string_view file, Return& ret,
                  std::vector<Finding>& findings);

// Adds the children of an XML return to `ret` (all its tables are then present).
void ReadXmlReturn(std::string_view text, std::string_view file, Return& ret,
                   std::vector<Finding>& findings);

// A return from a path: a directory (its .csv and .xml files), one .xml file, or one .csv file.
// IoError when the path or a file in it cannot be read.
Result<Return> ReadReturn(const std::string& path, std::vector<Finding>& findings);

// The latest collection year the return's events fit (2026 = 2025/26): the year ending
// 31 March that holds its latest event date (episode starts and ends, reviews, missing
// episodes, social worker episodes, adoption milestones) on or before `today`; dates after
// `today` are typing errors, not a later collection. 0 when the return has no event date.
int LatestCollectionYear(const Return& ret, Date today);

}  // namespace sg::ssda903
