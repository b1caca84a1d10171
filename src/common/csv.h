#pragma once
// Small helpers for the comma-separated text the product ships and reads.

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sg {

// Calls fn(line_number, line) for each line of `text` (numbered from 1, a trailing '\r'
// removed, empty lines included). Stops at the first error fn returns and returns it.
Status ForEachLine(std::string_view text,
                   const std::function<Status(int line_number, std::string_view line)>& fn);

// The cells of one CSV line, with RFC 4180 quoting ("a ""b""" is a "b").
std::vector<std::string> SplitCsvLine(std::string_view line);

// Reads CSV records (RFC 4180, as Excel and pandas write it): a UTF-8 byte order mark at the
// start is skipped, records end at LF or CRLF outside quotes, and a quoted cell may hold commas,
// doubled quotes and line breaks. fn(line, cells) gets the line each record starts on
// (from 1); a blank line is a record of one empty cell. Stops at fn's first error; a quote left
// open at the end of the text is an error naming the line where the cell started.
Status ForEachCsvRecord(std::string_view text,
                        const std::function<Status(int line, std::vector<std::string>& cells)>& fn);

// Writes one cell, quoted (RFC 4180) only when it holds a comma, quote or line break: the
// inverse of SplitCsvLine.
void WriteCsvCell(std::ostream& out, std::string_view cell);
// The same, appended to a string (for writers that buffer a row or a report).
void AppendCsvCell(std::string& out, std::string_view cell);

}  // namespace sg
