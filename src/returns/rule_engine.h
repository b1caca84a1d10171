#pragma once
// What the returns' validators share beyond their findings: the order of rule codes, lookup by
// code, and the account of rules that could not run. The CIN census and the SSDA903 each keep
// a registry of rules (an explicit list per family of rules) built on this.

#include <algorithm>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sg::rules {

// Code order: by the leading number ("101" < "1000", "205A" < "205B"), codes without one
// ("EPI", "INT01", "SW01aSTG1") after, alphabetically.
inline bool CodeLess(std::string_view a, std::string_view b) {
  auto number = [](std::string_view c) {
    size_t i = 0;
    long n = 0;
    while (i < c.size() && c[i] >= '0' && c[i] <= '9') n = n * 10 + (c[i++] - '0');
    return i == 0 ? -1L : n;
  };
  const long na = number(a), nb = number(b);
  if ((na < 0) != (nb < 0)) return na >= 0;
  if (na != nb) return na < nb;
  return a < b;
}

template <typename Rule>
void SortByCode(std::vector<Rule>& rules) {
  std::stable_sort(rules.begin(), rules.end(),
                   [](const Rule& a, const Rule& b) { return CodeLess(a.info.code, b.info.code); });
}

template <typename Rule>
const Rule* FindByCode(std::span<const Rule> rules, std::string_view code) {
  for (const Rule& r : rules) {
    if (r.info.code == code) return &r;
  }
  return nullptr;
}

// A rule that was not run, and what it needed that the user did not supply ("the previous
// year's Episodes", "the Ofsted provider list").
struct NotRun {
  std::string rule;
  std::string needs;
};

}  // namespace sg::rules
