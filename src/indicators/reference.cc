#include "indicators/reference.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "common/csv.h"
#include "common/data_files.h"

namespace sg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<double> ParsePublished(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c != ',' && c != ' ' && c != '%') s += c;
  }
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

namespace {
// The measure column of a data line (the last but one; measures hold no comma or quote, and a
// quoted value holds no quote), or "" when the line does not have that shape.
std::string_view MeasureOf(std::string_view line) {
  size_t end = line.size();
  if (end > 0 && line[end - 1] == '"') {
    const size_t open = line.rfind('"', end - 2);
    if (open == std::string_view::npos || open == 0) return {};
    end = open;
  } else {
    end = line.rfind(',');
    if (end == std::string_view::npos) return {};
    ++end;
  }
  if (end == 0 || line[end - 1] != ',') return {};
  const size_t start = line.rfind(',', end - 2);
  if (start == std::string_view::npos) return {};
  return line.substr(start + 1, end - 2 - start);
}
}  // namespace

Result<ReferenceFigures> ReferenceFigures::FromCsv(
    std::string_view csv, const std::set<std::string, std::less<>>* measures) {
  ReferenceFigures f;
  std::map<std::string, size_t> area_index;
  SG_RETURN_IF_ERROR(ForEachLine(csv, [&](int line_no, std::string_view line) -> Status {
    if (line.empty()) return Status::Ok();
    if (measures != nullptr && line_no > 1) {
      const std::string_view m = MeasureOf(line);
      // Lines of other measures are skipped unread (a malformed line is still checked).
      if (!m.empty() && !measures->contains(m)) return Status::Ok();
    }
    auto cells = SplitCsvLine(line);
    if (line_no == 1) {
      if (cells.size() != 8 || cells[0] != "year" || cells[6] != "measure") {
        return InvalidArgument("reference figures: unexpected header");
      }
      return Status::Ok();
    }
    if (cells.size() != 8) {
      return InvalidArgument("reference figures line " + std::to_string(line_no) +
                             ": expected 8 columns, got " + std::to_string(cells.size()));
    }
    const int year = std::atoi(cells[0].c_str());
    if (year < 1990 || year > 2100) {
      return InvalidArgument("reference figures line " + std::to_string(line_no) + ": bad year");
    }
    const std::string key = cells[1] + "|" + cells[2] + "|" + cells[4];
    auto it = area_index.find(key);
    if (it == area_index.end()) {
      Area a{cells[1], cells[2], cells[3], cells[4], cells[5]};
      it = area_index.emplace(key, f.areas_.size()).first;
      f.areas_.push_back(std::move(a));
    }
    f.values_[{it->second, cells[6]}][year] = cells[7];
    return Status::Ok();
  }));
  // The last year each area has figures for: where two areas share a name (Dorset, the
  // county to 2019 and the council since), the name means the current one.
  std::vector<int> last_year(f.areas_.size(), 0);
  for (const auto& [key, years] : f.values_) {
    if (!years.empty())
      last_year[key.first] = std::max(last_year[key.first], years.rbegin()->first);
  }
  bool have_england = false;
  for (size_t i = 0; i < f.areas_.size(); ++i) {
    const Area& a = f.areas_[i];
    if (a.level == "National") {
      f.england_ = i;
      have_england = true;
    }
    auto [it, inserted] = f.by_key_.emplace(Lower(a.name) + "|" + a.level, i);
    if (!inserted && last_year[i] > last_year[it->second]) it->second = i;
    if (!a.la_code.empty()) f.by_key_.emplace(a.la_code, i);
    if (!a.new_la_code.empty()) f.by_key_.emplace(Lower(a.new_la_code), i);
  }
  if (!have_england) return InvalidArgument("reference figures: no national rows");
  return f;
}

Result<const ReferenceFigures*> ReferenceFigures::Shipped() {
  static const Result<const ReferenceFigures*>* figures = [] {
    auto text = ReadDataFile("reference/la_figures.csv");
    if (!text.ok()) return new Result<const ReferenceFigures*>(text.status());
    auto r = FromCsv(*text);
    if (!r.ok()) return new Result<const ReferenceFigures*>(r.status());
    return new Result<const ReferenceFigures*>(new ReferenceFigures(std::move(r).value()));
  }();
  return *figures;
}

Result<ReferenceFigures> ReferenceFigures::ShippedSubset(
    const std::set<std::string, std::less<>>& measures) {
  SG_ASSIGN_OR_RETURN(std::string text, ReadDataFile("reference/la_figures.csv"));
  return FromCsv(text, &measures);
}

Result<const Area*> ReferenceFigures::FindArea(std::string_view name_or_code) const {
  const std::string key = Lower(name_or_code);
  if (key == "england") return &areas_[england_];
  for (const char* level : {"Local authority", "Regional"}) {
    auto it = by_key_.find(key + "|" + level);
    if (it != by_key_.end()) return &areas_[it->second];
  }
  if (auto it = by_key_.find(key); it != by_key_.end()) return &areas_[it->second];
  std::string close;
  for (const Area& a : areas_) {
    if (a.level != "Local authority") continue;
    if (Lower(a.name).find(key.substr(0, std::min<size_t>(key.size(), 4))) != std::string::npos) {
      close += (close.empty() ? "" : ", ") + a.name;
    }
  }
  return InvalidArgument("no local authority called \"" + std::string(name_or_code) + "\"" +
                             (close.empty() ? "" : " (did you mean: " + close + "?)"),
                         "like");
}

const Area& ReferenceFigures::England() const { return areas_[england_]; }

std::vector<const Area*> ReferenceFigures::LocalAuthorities() const {
  std::vector<const Area*> out;
  for (const Area& a : areas_) {
    if (a.level == "Local authority") out.push_back(&a);
  }
  return out;
}

std::optional<std::string> ReferenceFigures::Text(const Area& area, int year,
                                                  std::string_view measure) const {
  const size_t index = static_cast<size_t>(&area - areas_.data());
  auto it = values_.find(std::make_pair(index, std::string(measure)));
  if (it == values_.end()) return std::nullopt;
  auto y = it->second.find(year);
  if (y == it->second.end()) return std::nullopt;
  return y->second;
}

std::optional<double> ReferenceFigures::Value(const Area& area, int year,
                                              std::string_view measure) const {
  auto text = Text(area, year, measure);
  if (!text) return std::nullopt;
  return ParsePublished(*text);
}

int ReferenceFigures::LatestYear(const Area& area, std::string_view measure) const {
  const size_t index = static_cast<size_t>(&area - areas_.data());
  auto it = values_.find(std::make_pair(index, std::string(measure)));
  if (it == values_.end()) return 0;
  for (auto y = it->second.rbegin(); y != it->second.rend(); ++y) {
    if (ParsePublished(y->second)) return y->first;
  }
  return 0;
}

}  // namespace sg
