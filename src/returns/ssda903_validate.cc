#include "returns/ssda903_validate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace sg::ssda903 {

std::optional<Date> ParseDate(std::string_view t) {
  // Checked by hand: this runs for every date cell of every rule.
  if (t.size() != 10 || t[2] != '/' || t[5] != '/') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int from[3] = {0, 3, 6}, len[3] = {2, 2, 4};
  for (int k = 0; k < 3; ++k) {
    for (int i = from[k]; i < from[k] + len[k]; ++i) {
      const char c = t[static_cast<size_t>(i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (!Date::IsValidCivil(v[2], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[0]))) {
    return std::nullopt;
  }
  return Date::FromCivil(v[2], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[0]));
}

int AgeOn(Date dob, Date on) { return on.YearsSince(dob); }

bool OneOf(std::string_view value, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (value == c) return true;
  }
  return false;
}

std::string DescribeNeeds(std::uint32_t needs) {
  std::vector<std::string> parts;
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto id = static_cast<TableId>(t);
    if (needs & Needs(id)) parts.push_back("the " + std::string(Spec(id).name) + " table");
  }
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto id = static_cast<TableId>(t);
    if (needs & NeedsLast(id)) {
      parts.push_back("the previous year's " + std::string(Spec(id).name) + " (--previous DIR)");
    }
  }
  if (needs & kNeedsProviders) parts.push_back("the Ofsted provider list (--providers FILE)");
  if (needs & kNeedsPostcodes) parts.push_back("the postcode directory (--postcodes FILE)");
  if (needs & kNeedsLaCode) parts.push_back("the LA's code (--la E09000027)");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

void Out::Flag(TableId t, size_t row, std::string_view field) {
  const auto ti = static_cast<size_t>(t);
  const TableSource& src = ctx_.cur.ret->sources[ti];
  const int line = row < src.lines.size() ? src.lines[row] : 0;
  findings_.Add(info_, ctx_.cur.ret->tables[ti][row][0],
                src.file.empty() ? std::string(Spec(t).file) : src.file, line, field);
}

void Out::FlagChild(std::string_view child, std::string_view field) {
  findings_.Add(info_, std::string(child), "", 0, field);
}

namespace {

std::string PostcodeKey(std::string_view pc) {
  std::string key;
  for (char c : pc) {
    if (c == ' ') continue;
    key += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return key;
}

void DerivePlacements(Year& y, const Reference& ref) {
  const auto& eps = y.ret->tables[kEpisodes];
  y.pl_la.assign(eps.size(), std::string());
  y.pl_location.assign(eps.size(), std::string());
  y.pl_distance.assign(eps.size(), std::nullopt);
  for (size_t i = 0; i < eps.size(); ++i) {
    const auto home = ref.postcodes.find(PostcodeKey(eps[i][ep::HOME_POST]));
    const auto place = ref.postcodes.find(PostcodeKey(eps[i][ep::PL_POST]));
    if (place == ref.postcodes.end()) continue;
    const std::string& ltla = place->second.ltla;
    if (!ltla.empty() && ltla[0] != 'E') {
      y.pl_la[i] = ltla[0] == 'S' ? "SCO" : ltla[0] == 'W' ? "WAL" : "NIR";
      y.pl_location[i] = "OUT";
    } else {
      auto up = ref.upper_tier.find(ltla);
      y.pl_la[i] = up == ref.upper_tier.end() ? ltla : up->second;
      y.pl_location[i] = y.pl_la[i] == ref.la_code ? "IN" : "OUT";
    }
    if (home != ref.postcodes.end()) {
      const double de = home->second.easting - place->second.easting;
      const double dn = home->second.northing - place->second.northing;
      // DfE's guidance: straight-line metres to miles (1.6093 km), one decimal.
      y.pl_distance[i] = std::round(std::sqrt(de * de + dn * dn) / 1000.0 / 1.6093 * 10.0) / 10.0;
    }
  }
}

}  // namespace

Year IndexYear(const Return& ret, const Reference* ref) {
  Year y;
  y.ret = &ret;
  auto child_of = [&](std::string_view id) -> ChildRows& {
    auto [it, added] = y.index.try_emplace(id, static_cast<std::uint32_t>(y.children.size()));
    if (added) {
      y.children.emplace_back();
      y.children.back().id = id;
    }
    return y.children[it->second];
  };
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto& rows = ret.tables[t];
    for (size_t r = 0; r < rows.size(); ++r) {
      child_of(rows[r][0]).rows[t].push_back(static_cast<std::uint32_t>(r));
    }
  }
  // The date columns, parsed once.
  static constexpr std::string_view kDateColumns[] = {
      "DOB",         "MC_DOB",      "DECOM",      "DEC",       "REVIEW",   "DUC",
      "DATE_INT",    "DATE_MATCH",  "DATE_PLACED", "DATE_PLACED_CEASED", "DATE_PERM",
      "MIS_START",   "MIS_END",     "SW_DECOM",   "SW_DEC",    "DOLO_START", "DOLO_END"};
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto& cols = Spec(static_cast<TableId>(t)).columns;
    const auto& rows = ret.tables[t];
    y.days[t].resize(cols.size());
    for (size_t c = 0; c < cols.size(); ++c) {
      if (std::find(std::begin(kDateColumns), std::end(kDateColumns), cols[c]) ==
          std::end(kDateColumns)) {
        continue;
      }
      auto& out = y.days[t][c];
      out.resize(rows.size());
      for (size_t r = 0; r < rows.size(); ++r) {
        const auto d = ParseDate(rows[r][c]);
        out[r] = d ? d->days() : Year::kNoDate;
      }
    }
  }
  // Episodes in order of DECOM; undated ones last, in file order.
  const auto& decom = y.days[kEpisodes][ep::DECOM];
  for (ChildRows& c : y.children) {
    auto& e = c.rows[kEpisodes];
    std::stable_sort(e.begin(), e.end(), [&](std::uint32_t a, std::uint32_t b) {
      const bool da = decom[a] != Year::kNoDate, db = decom[b] != Year::kNoDate;
      if (da != db) return da;
      return da && decom[a] < decom[b];
    });
  }
  if (ref && ref->has_postcodes) DerivePlacements(y, *ref);
  return y;
}

std::span<const Rule> Rules() {
  static const std::vector<Rule>* rules = [] {
    auto* all = new std::vector<Rule>;
    AddRules1000To149(*all);
    AddRules151To199(*all);
    AddRules202To234(*all);
    AddRules301To399(*all);
    AddRules406To531(*all);
    AddRules542To635(*all);
    AddRulesIntSw(*all);
    rules::SortByCode(*all);
    return all;
  }();
  return *rules;
}

const Rule* FindRule(std::string_view code) { return rules::FindByCode(Rules(), code); }

Validation Validate(const Return& current, const ValidateOptions& options) {
  Context ctx;
  ctx.collection_year = options.collection_year;
  ctx.start = Date::FromCivil(options.collection_year - 1, 4, 1);
  ctx.end = Date::FromCivil(options.collection_year, 3, 31);
  ctx.ref = options.reference;
  ctx.cur = IndexYear(current, options.reference);
  if (options.previous) ctx.last = IndexYear(*options.previous, options.reference);

  std::uint32_t available = 0;
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto id = static_cast<TableId>(t);
    if (ctx.cur.Has(id)) available |= Needs(id);
    if (ctx.last.Has(id)) available |= NeedsLast(id);
  }
  if (options.reference && options.reference->has_providers) available |= kNeedsProviders;
  if (options.reference && options.reference->has_postcodes) available |= kNeedsPostcodes;
  if (options.reference && !options.reference->la_code.empty()) available |= kNeedsLaCode;

  const std::set<std::string> only(options.only.begin(), options.only.end());
  Validation v;
  Findings out;
  // SG_PROFILE_RULES=1: the slowest rules and their times on standard error (for `make bench`
  // and for whoever makes a rule faster).
  const bool profile = std::getenv("SG_PROFILE_RULES") != nullptr;
  std::vector<std::pair<double, std::string_view>> times;
  for (const Rule& r : Rules()) {
    if (!only.empty() && !only.count(std::string(r.info.code))) continue;
    const std::uint32_t missing = r.needs & ~available;
    if (missing) {
      v.not_run.push_back({std::string(r.info.code), DescribeNeeds(missing)});
      continue;
    }
    const auto t0 = std::chrono::steady_clock::now();
    Out o(r.info, ctx, out);
    r.check(ctx, o);
    ++v.rules_run;
    if (profile) {
      times.emplace_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(),
          r.info.code);
    }
  }
  if (profile) {
    std::sort(times.rbegin(), times.rend());
    double total = 0;
    for (const auto& [ms, _] : times) total += ms;
    std::fprintf(stderr, "rules: %.1f ms in all; slowest:", total);
    for (size_t i = 0; i < times.size() && i < 15; ++i) {
      std::fprintf(stderr, " %s %.1f", std::string(times[i].second).c_str(), times[i].first);
    }
    std::fprintf(stderr, "\n");
  }
  v.findings = std::move(out.list());
  // Children of the return: those in the Header table (or, without one, in any table).
  v.children = static_cast<int>(ctx.cur.children.size());
  if (ctx.cur.Has(kHeader)) {
    v.children = static_cast<int>(std::count_if(
        ctx.cur.children.begin(), ctx.cur.children.end(),
        [](const ChildRows& c) { return !c.rows[kHeader].empty(); }));
  }
  return v;
}

}  // namespace sg::ssda903
