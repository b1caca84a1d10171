#include "returns/cin_validate.h"

#include <algorithm>
#include <cctype>

namespace sg::cin {

std::optional<Date> ParseDate(std::string_view t) {
  // YYYY-MM-DD exactly (xs:date without a time zone), checked by hand: this runs millions of
  // times on a national file.
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int from[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = from[k]; i < from[k] + len[k]; ++i) {
      const char c = t[static_cast<size_t>(i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (!Date::IsValidCivil(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]))) {
    return std::nullopt;
  }
  return Date::FromCivil(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]));
}

bool IsYes(std::string_view text) {
  if (text == "1") return true;
  if (text.size() != 4) return false;
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "true";
}

bool IsNo(std::string_view text) {
  if (text == "0") return true;
  if (text.size() != 5) return false;
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "false";
}

std::string ChildPath(size_t child) { return "Child[" + std::to_string(child + 1) + "]"; }

std::string EpisodePath(size_t child, size_t episode) {
  return ChildPath(child) + "/CINdetails[" + std::to_string(episode + 1) + "]";
}

std::string ModulePath(size_t child, size_t episode, std::string_view module, size_t index) {
  return EpisodePath(child, episode) + "/" + std::string(module) + "[" + std::to_string(index + 1) +
         "]";
}

std::span<const Rule> Rules() {
  static const std::vector<Rule>* rules = [] {
    auto* all = new std::vector<Rule>;
    AddChildRules(*all);
    AddEpisodeRules(*all);
    AddAssessmentRules(*all);
    AddProtectionRules(*all);
    // Code order, numerically ("1103" before "8500", "2886Q" after "2885").
    rules::SortByCode(*all);
    return all;
  }();
  return *rules;
}

const Rule* FindRule(std::string_view code) { return rules::FindByCode(Rules(), code); }

std::vector<Finding> Validate(const Census& census, const ValidateOptions& options) {
  Context ctx;
  ctx.census = &census;
  ctx.calendar = &WorkingDayCalendar::England();
  int year = options.collection_year;
  if (year == 0) {
    const auto ref = ParseDate(census.header.reference_date);
    year = ref ? (ref->month() >= 4 ? ref->year() + 1 : ref->year()) : census.collection_year;
  }
  if (year == 0) year = 2026;
  ctx.reference_date = Date::FromCivil(year, 3, 31);
  ctx.collection_start = Date::FromCivil(year - 1, 4, 1);
  Findings out;
  for (const Rule& r : Rules()) r.check(ctx, out);
  return std::move(out.list());
}

}  // namespace sg::cin
