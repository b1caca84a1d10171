#pragma once
// Ofsted's Annex A (ILACS inspections): the eleven lists of children an inspection asks a
// local authority for (1 contacts, 2 early help, 3 referrals, 4 assessments, 5 section 47
// enquiries and ICPCs, 6 children in need, 7 child protection, 8 children looked after,
// 9 care leavers, 10 adoption, 11 adopters), built from the case record as at a date.
//
// The columns of each list are those of the community Annex A schema
// (Annex_A_schema.yml, `column_map.list_N`), in its order and with its exact header text;
// coded columns carry the schema's category codes ("a) Male", "g) Police", ...; ethnicity as
// "a) WBRI", the lettered DfE code the schema accepts), dates are DD/MM/YYYY text. A value the
// record does not hold is left blank, never invented. docs/annex-a.md says, list by list, who
// is in it, how each column is derived, and which columns stay blank and why.
//
// Thread-safety: Build only reads the RecordSet; the writers only read the AnnexA.

#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/record_set.h"

namespace sg::annex_a {

struct List {
  int number = 0;                              // 1..11
  std::string sheet_name;                      // "List 1" (the sample workbook's sheet names)
  std::string title;                           // "List 1: Contacts"
  std::vector<std::string> columns;            // the schema's column keys, in its order
  std::vector<std::vector<std::string>> rows;  // one cell per column, "" for blank
};

struct AnnexA {
  Date as_of;
  std::vector<List> lists;  // lists 1..11, in order
};

// Builds the eleven lists from the record as known on `as_of` (anything dated after it is
// ignored; an end after it counts as still open). Rows are sorted by the list's main date,
// then the child's LA id, then record id. Errors when `as_of` is not a plausible date.
Result<AnnexA> Build(const RecordSet& records, Date as_of);

// One worksheet per list ("List 1" .. "List 11"): a bold, wrapped, frozen header row with an
// autofilter, column widths from the contents, dates as DD/MM/YYYY text, ages and counts as
// numbers. Overwrites `path`.
Status WriteXlsx(const AnnexA& annex, const std::string& path);

// One CSV file per list in `directory` (created if needed), named by CsvFileName: RFC 4180,
// UTF-8, CRLF line ends, a header row of the schema's column keys.
Status WriteCsv(const AnnexA& annex, const std::string& directory);

// "list_01_contacts.csv" .. "list_11_adopters.csv"; empty for a number outside 1..11.
std::string CsvFileName(int list_number);

}  // namespace sg::annex_a
