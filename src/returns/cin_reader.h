#pragma once
// Reads a CIN census XML file, streaming (libxml2's reader: the file is never held as a tree),
// into a Census, checking it against DfE's schema for its year as it goes. Anything wrong with
// the file (not XML, truncated, wrong encoding, an element the schema does not allow) becomes a
// finding with its line, never an exception or a crash; the census holds what could be read.
//
// The collection year is taken from the header's ReferenceDate (or Year) in the first 64 KiB,
// unless the caller names it; it chooses the schema (GenderCurrent up to 2024, Sex after).
// The draft PreProceedingsandFGDM block is kept as read and not checked against the schema.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "returns/cin_census.h"
#include "returns/findings.h"

namespace sg::cin {

struct ReadResult {
  Census census;
  std::vector<Finding> findings;  // rule "XML" (not well-formed), "XSD" (schema)
  bool well_formed = true;
};

struct ReadOptions {
  int collection_year = 0;   // 0 = from the file's header
  bool check_schema = true;  // validate against the shipped XSD of the year
  // Called with what was read as soon as the reader is done, while the schema check (on a
  // second thread) may still be running: work done here (the rules) overlaps with it.
  std::function<void(const ReadResult&)> then;
};

// The file at `path`; an error only when it cannot be opened or the schema cannot be loaded.
Result<ReadResult> ReadFile(const std::string& path, const ReadOptions& options = {});
// The same from text in memory.
Result<ReadResult> ReadText(std::string_view xml, const ReadOptions& options = {});

// The collection year a census says it is for (2026 = 2025/26), from the start of the file:
// the year of its <ReferenceDate>, else its <Year>, else 0.
int SniffCollectionYear(std::string_view head);

}  // namespace sg::cin
