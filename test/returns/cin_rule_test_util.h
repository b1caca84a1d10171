#pragma once
// Golden tests of CIN census rules: a census from a few <Child> elements, read through the
// real reader, and the children one rule flags.
//
// Convention: each rule has one test, TEST(CinRule, R<code>) (R8500, R2886Q), with at least one
// child that passes and one that fails; cin_rules_registry_test.cc fails if a registered rule
// has no such test.

#include <set>
#include <string>
#include <string_view>

#include "returns/cin_census.h"

namespace sg::cin::testing {

// A census for the collection year ending on `reference_date` whose Children element holds
// `children_xml` (the concatenated <Child> elements). Fails the test if the XML is not
// well formed.
Census CensusOf(std::string_view children_xml, std::string_view reference_date = "2026-03-31");

// A child of the 2025/26 census that passes every rule (one episode, open on 31 March 2026,
// with an assessment, a CIN plan, an S47 enquiry with its conference, and a CP plan with a
// review). Tests copy it and change what their rule is about; `id` is its LAchildID, `upn_serial`
// makes its UPN distinct (three digits).
std::string ValidChild(std::string_view id = "C1", std::string_view upn_serial = "001");

// Replaces the first occurrence of `from` in `xml` with `to` (fails the test if absent).
std::string Replace(std::string xml, std::string_view from, std::string_view to);

// The LAchildIDs (one per finding, "" for file-level findings) that rule `code` alone reports.
std::multiset<std::string> Flagged(const Census& census, std::string_view code);

}  // namespace sg::cin::testing
