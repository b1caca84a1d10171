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

// Writes one cell, quoted (RFC 4180) only when it holds a comma, quote or line break: the
// inverse of SplitCsvLine.
void WriteCsvCell(std::ostream& out, std::string_view cell);

}  // namespace sg
