#pragma once
// Published figures for England, its regions and every local authority, by year, as shipped in
// data/reference/la_figures.csv (see its README for every measure's source and definition).
// Suppressed values (c, x, z, low, u, ...) are kept as "no figure", never as zero.
//
// Thread-safety: immutable after loading; Shipped() is safe to call from any thread.
// The file is large (tens of MB), so it is read at run time, not compiled in.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sg {

struct Area {
  std::string level;        // "National", "Regional" or "Local authority"
  std::string la_code;      // old three-digit code ("885"), empty for England and regions
  std::string new_la_code;  // "E10000034"
  std::string name;         // "Worcestershire", "England", "West Midlands"
  std::string region;
};

class ReferenceFigures {
 public:
  // With `measures`, only those measures' figures are kept (every area is still known).
  static Result<ReferenceFigures> FromCsv(
      std::string_view csv, const std::set<std::string, std::less<>>* measures = nullptr);
  // The shipped figures (data/reference/la_figures.csv), loaded once.
  static Result<const ReferenceFigures*> Shipped();
  // The shipped figures of some measures only (not cached): a fraction of the time.
  static Result<ReferenceFigures> ShippedSubset(const std::set<std::string, std::less<>>& measures);

  // The area named `name_or_code` (case-insensitive name, old or new LA code), or an error
  // listing close matches.
  Result<const Area*> FindArea(std::string_view name_or_code) const;
  const Area& England() const;
  std::vector<const Area*> LocalAuthorities() const;

  // The published value, or nullopt when absent or suppressed.
  std::optional<double> Value(const Area& area, int year, std::string_view measure) const;
  // The published text as it stands ("c", "1234", ...), or nullopt when absent.
  std::optional<std::string> Text(const Area& area, int year, std::string_view measure) const;
  // The latest year for which `measure` has any value for `area`, or 0.
  int LatestYear(const Area& area, std::string_view measure) const;

 private:
  std::vector<Area> areas_;
  // (area index, measure) -> year -> text
  std::map<std::pair<size_t, std::string>, std::map<int, std::string>, std::less<>> values_;
  std::map<std::string, size_t> by_key_;  // lower-case name / codes -> area index
  size_t england_ = 0;
};

// Parses a published number: "1,234" -> 1234, "12.5" -> 12.5; nullopt for suppression markers.
std::optional<double> ParsePublished(std::string_view text);

}  // namespace sg
