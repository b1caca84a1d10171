#include "returns/ssda903_reference.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include "common/csv.h"
#include "common/data_files.h"

namespace sg::ssda903 {
namespace {

Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A header's column name as compared: upper case, no spaces.
std::string Upper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// Runs fn(line, cells, column) over a CSV whose header must name `required` columns;
// column(name) is the index of a header column or -1.
template <typename Fn>
Status ForEachRow(const std::string& text, const std::string& what,
                  std::initializer_list<std::string_view> required, Fn&& fn) {
  std::vector<std::string> header;
  return ForEachCsvRecord(text, [&](int line, std::vector<std::string>& cells) -> Status {
    if (header.empty()) {
      for (auto& c : cells) header.push_back(Upper(c));
      for (std::string_view r : required) {
        if (std::find(header.begin(), header.end(), Upper(r)) == header.end()) {
          return InvalidArgument(what + " line " + std::to_string(line) + ": no column " +
                                 std::string(r) + " in the header");
        }
      }
      return Status::Ok();
    }
    if (cells.size() == 1 && cells[0].empty()) return Status::Ok();
    auto column = [&](std::string_view name) -> int {
      auto it = std::find(header.begin(), header.end(), Upper(name));
      if (it == header.end()) return -1;
      const auto i = static_cast<size_t>(it - header.begin());
      return i < cells.size() ? static_cast<int>(i) : -1;
    };
    return fn(line, cells, column);
  });
}

std::vector<std::string> Codes(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ';' || c == '|' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

Result<double> Number(const std::string& what, int line, std::string_view column,
                      const std::string& text) {
  double v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) {
    return InvalidArgument(what + " line " + std::to_string(line) + ", " + std::string(column) +
                           ": \"" + text + "\" is not a number");
  }
  return v;
}

}  // namespace

Status LoadProviders(const std::string& path, Reference& ref) {
  SG_ASSIGN_OR_RETURN(const std::string text, Slurp(path));
  SG_RETURN_IF_ERROR(ForEachRow(
      text, path, {"URN"}, [&](int line, std::vector<std::string>& cells, auto column) -> Status {
        const std::string urn = cells[static_cast<size_t>(column("URN"))];
        if (urn.empty()) return Status::Ok();
        Provider p;
        if (int c = column("PLACE_CODES"); c >= 0)
          p.place_codes = Codes(cells[static_cast<size_t>(c)]);
        if (int c = column("PROVIDER_CODES"); c >= 0) {
          p.provider_codes = Codes(cells[static_cast<size_t>(c)]);
        }
        if (int c = column("LA_CODE"); c >= 0) p.la_code = cells[static_cast<size_t>(c)];
        if (int c = column("POSTCODE"); c >= 0) {
          p.postcode = PostcodeKey(cells[static_cast<size_t>(c)]);
        }
        if (int c = column("REG_END"); c >= 0 && !cells[static_cast<size_t>(c)].empty()) {
          const std::string& t = cells[static_cast<size_t>(c)];
          auto d = ParseDate(t);
          if (!d) {
            auto iso = Date::Parse(t);
            if (!iso.ok()) {
              return InvalidArgument(path + " line " + std::to_string(line) + ", REG_END: \"" + t +
                                     "\" is not a date (DD/MM/YYYY or YYYY-MM-DD)");
            }
            d = *iso;
          }
          p.registered_until = d;
        }
        ref.providers[urn] = std::move(p);
        return Status::Ok();
      }));
  ref.has_providers = true;
  return Status::Ok();
}

Status LoadUpperTier(Reference& ref) {
  if (!ref.upper_tier.empty()) return Status::Ok();
  SG_ASSIGN_OR_RETURN(const std::string text,
                      ReadDataFile("reference/LTLA-UTLA_Apr23_Lookup_England-Wales.csv"));
  return ForEachRow(text, "LTLA-UTLA lookup", {"LTLA23CD", "UTLA23CD"},
                    [&](int, std::vector<std::string>& cells, auto column) -> Status {
                      ref.upper_tier[cells[static_cast<size_t>(column("LTLA23CD"))]] =
                          cells[static_cast<size_t>(column("UTLA23CD"))];
                      return Status::Ok();
                    });
}

Status LoadPostcodes(const std::string& path, Reference& ref) {
  SG_RETURN_IF_ERROR(LoadUpperTier(ref));
  SG_ASSIGN_OR_RETURN(const std::string text, Slurp(path));
  SG_RETURN_IF_ERROR(ForEachRow(
      text, path, {"pcd", "laua", "oseast1m", "osnrth1m"},
      [&](int line, std::vector<std::string>& cells, auto column) -> Status {
        Postcode p;
        p.ltla = cells[static_cast<size_t>(column("laua"))];
        const std::string& e = cells[static_cast<size_t>(column("oseast1m"))];
        const std::string& n = cells[static_cast<size_t>(column("osnrth1m"))];
        if (e.empty() || n.empty()) return Status::Ok();  // a postcode with no grid reference
        SG_ASSIGN_OR_RETURN(p.easting, Number(path, line, "oseast1m", e));
        SG_ASSIGN_OR_RETURN(p.northing, Number(path, line, "osnrth1m", n));
        ref.postcodes[PostcodeKey(cells[static_cast<size_t>(column("pcd"))])] = std::move(p);
        return Status::Ok();
      }));
  ref.has_postcodes = true;
  return Status::Ok();
}

}  // namespace sg::ssda903
