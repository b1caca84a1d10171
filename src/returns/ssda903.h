#pragma once
// The SSDA903 return (children looked after): its tables as DfE's CSV files lay them out, the
// CSV and XML writers, and the builder that makes a year's return from the case record.
//
// Cells are held as the text they have in the file ("" = blank): dates DD/MM/YYYY, as 903
// files carry them. Collection years are named by their end: 2026 is 2025/26.

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/record_set.h"

namespace sg::ssda903 {

enum TableId {
  kHeader,
  kEpisodes,
  kReviews,
  kUasc,
  kOc2,
  kOc3,
  kAd1,
  kPlacedAdoption,
  kPrevPerm,
  kMissing,
  kSwEpisodes,
  kDoLo,  // deprivation of liberty orders: read and written, no rule of 2025/26 uses it
  kTableCount
};

struct TableSpec {
  std::string_view name;  // DfE's name for the table, e.g. "Episodes"
  std::string_view file;  // the CSV file's usual name, e.g. "episodes.csv"
  std::vector<std::string_view> columns;
};

const TableSpec& Spec(TableId table);
// The column's position in the table, or -1.
int ColumnIndex(TableId table, std::string_view column);

using Row = std::vector<std::string>;  // cells in the spec's column order

// Where a table came from: rules that need a table the user did not supply say so instead of
// running on nothing, and findings point at the file and line of the row.
struct TableSource {
  bool present = false;    // supplied (a built return has every table)
  std::string file;        // "episodes.csv", "fake_903.xml"
  std::vector<int> lines;  // line of each row in the file (empty: not from a file)
};

struct Return {
  int collection_year = 0;
  std::array<std::vector<Row>, kTableCount> tables;
  std::array<TableSource, kTableCount> sources;
};

// One table as CSV: the header line, then the rows (RFC 4180 quoting where needed).
void WriteCsv(const Return& ret, TableId table, std::ostream& out);

// The XML form (CLA.xsd's EXPSSDA903): one CHILD per child of the Header table, with its
// reviews, missing episodes, permanence, OC2, OC3, AD1 and adoption placements in HEADER and
// its episodes after it.
void WriteXml(const Return& ret, std::ostream& out);

struct BuildOptions {
  int collection_year = 0;  // 2026 = 2025/26
};

// The return for a collection year from the case record: the children looked after at any
// time in the year (their episodes, reviews, missing episodes, UASC status, social workers,
// health (OC2) when looked after for the whole year, adoption), and care leavers whose
// birthday contact fell in the year (OC3). What happened after 31 March is left out.
Result<Return> Build(const RecordSet& records, const BuildOptions& options);

}  // namespace sg::ssda903
