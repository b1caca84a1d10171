#include "returns/ssda903_validate.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <thread>

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

Date AddYears(Date d, int years) {
  const int y = d.year() + years;
  const unsigned day =
      d.month() == 2 && d.day() == 29 && !Date::IsValidCivil(y, 2, 29) ? 28 : d.day();
  return Date::FromCivil(y, d.month(), day);
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
  if (flagged_) {
    flagged_->push_back({t, static_cast<std::uint32_t>(row), std::string(field)});
  } else {
    findings_->Add(
        MakeFinding(info_, ctx_, {t, static_cast<std::uint32_t>(row), std::string(field)}));
  }
}

Finding Out::MakeFinding(const RuleInfo& info, const Context& ctx, const Flagged& f) {
  Finding out;
  FillFinding(info, ctx, f, out);
  return out;
}

void Out::FillFinding(const RuleInfo& info, const Context& ctx, const Flagged& f, Finding& out) {
  const auto ti = static_cast<size_t>(f.table);
  const TableSource& src = ctx.cur.ret->sources[ti];
  out.rule.assign(info.code);
  out.severity = info.severity;
  out.child = ctx.cur.ret->tables[ti][f.row][0];
  if (src.file.empty()) {
    out.path.assign(Spec(f.table).file);
  } else {
    out.path = src.file;
  }
  out.line = f.row < src.lines.size() ? src.lines[f.row] : 0;
  out.field = f.field;
  out.message.clear();
  out.rule_message = info.message;
}

void PostcodeKey(std::string_view postcode, std::string& key) {
  key.clear();
  for (char c : postcode) {
    if (c == ' ') continue;
    key += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
}

std::string PostcodeKey(std::string_view postcode) {
  std::string key;
  PostcodeKey(postcode, key);
  return key;
}

namespace {

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
  // Each row's child, then each child's rows laid out in one array per table (a county has
  // tens of thousands of children: one small allocation each would cost more than the rules).
  size_t all_rows = 0;
  for (const auto& rows : ret.tables) all_rows += rows.size();
  y.index.reserve(all_rows / 4 + 16);
  std::array<std::vector<std::uint32_t>, kTableCount> child_of;
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto& rows = ret.tables[t];
    child_of[t].resize(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      const std::string_view id = rows[r][0];
      auto [it, added] = y.index.try_emplace(id, static_cast<std::uint32_t>(y.children.size()));
      if (added) {
        y.children.emplace_back();
        y.children.back().id = id;
      }
      child_of[t][r] = it->second;
    }
  }
  for (size_t t = 0; t < kTableCount; ++t) {
    std::vector<std::uint32_t> start(y.children.size() + 1, 0);
    for (std::uint32_t c : child_of[t]) ++start[c + 1];
    for (size_t c = 0; c < y.children.size(); ++c) start[c + 1] += start[c];
    auto& flat = y.rows[t];
    flat.resize(child_of[t].size());
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t r = 0; r < child_of[t].size(); ++r) {
      flat[fill[child_of[t][r]]++] = static_cast<std::uint32_t>(r);
    }
    for (size_t c = 0; c < y.children.size(); ++c) {
      y.children[c].rows[t] =
          std::span<std::uint32_t>(flat.data() + start[c], start[c + 1] - start[c]);
    }
  }
  // The date columns, parsed once.
  static constexpr std::string_view kDateColumns[] = {
      "DOB",        "MC_DOB",    "DECOM",      "DEC",         "REVIEW",
      "DUC",        "DATE_INT",  "DATE_MATCH", "DATE_PLACED", "DATE_PLACED_CEASED",
      "DATE_PERM",  "MIS_START", "MIS_END",    "SW_DECOM",    "SW_DEC",
      "DOLO_START", "DOLO_END"};
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
    const auto e = c.rows[kEpisodes];
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
  Validation v;
  Validate(current, options, v);
  return v;
}

void Validate(const Return& current, const ValidateOptions& options, Validation& v) {
  // SG_PROFILE_RULES=1: the time of each step and the slowest rules, on standard error (for
  // `make bench` and for whoever makes a rule faster).
  const bool profile = std::getenv("SG_PROFILE_RULES") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    if (!profile) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "  %s %.1f ms\n", what,
                 std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  };
  Context ctx;
  ctx.collection_year = options.collection_year;
  ctx.start = Date::FromCivil(options.collection_year - 1, 4, 1);
  ctx.end = Date::FromCivil(options.collection_year, 3, 31);
  ctx.ref = options.reference;
  ctx.cur = IndexYear(current, options.reference);
  if (options.previous) ctx.last = IndexYear(*options.previous, options.reference);
  lap("index");

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
  std::vector<const Rule*> runnable;
  for (const Rule& r : Rules()) {
    if (!only.empty() && !only.count(std::string(r.info.code))) continue;
    const std::uint32_t missing = r.needs & ~available;
    if (missing) {
      v.not_run.push_back({std::string(r.info.code), DescribeNeeds(missing)});
      continue;
    }
    runnable.push_back(&r);
  }
  v.rules_run = static_cast<int>(runnable.size());

  // The rules only read the context, so they run on every core, each thread taking the next
  // rule not yet taken. Each rule's flagged rows are kept apart and made into findings in code
  // order, so the report is the same whatever the number of threads.
  std::vector<std::vector<Out::Flagged>> per_rule(runnable.size());
  std::vector<double> ms(runnable.size());
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next++; i < runnable.size(); i = next++) {
      const auto start = std::chrono::steady_clock::now();
      Out o(runnable[i]->info, ctx, per_rule[i]);
      runnable[i]->check(ctx, o);
      ms[i] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
    }
  };
  const size_t threads = std::min<size_t>(
      {std::max(1u, std::thread::hardware_concurrency()), 4, std::max<size_t>(1, runnable.size())});
  auto on_every_core = [&](const std::function<void()>& work) {
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
  };
  on_every_core(run);
  lap("rules");

  std::vector<size_t> offset(runnable.size() + 1, v.findings.size());
  for (size_t i = 0; i < runnable.size(); ++i) offset[i + 1] = offset[i] + per_rule[i].size();
  v.findings.resize(offset.back());
  next = 0;
  on_every_core([&] {
    for (size_t i = next++; i < runnable.size(); i = next++) {
      for (size_t k = 0; k < per_rule[i].size(); ++k) {
        Out::FillFinding(runnable[i]->info, ctx, per_rule[i][k], v.findings[offset[i] + k]);
      }
      std::vector<Out::Flagged>().swap(per_rule[i]);  // freed as it goes
    }
  });
  lap("findings");

  if (profile) {
    std::vector<std::pair<double, std::string_view>> times;
    for (size_t i = 0; i < runnable.size(); ++i) times.emplace_back(ms[i], runnable[i]->info.code);
    std::sort(times.rbegin(), times.rend());
    double total = 0;
    for (const auto& [t, _] : times) total += t;
    std::fprintf(stderr, "  rules: %.1f ms of work on %zu threads; slowest:", total, threads);
    for (size_t i = 0; i < times.size() && i < 15; ++i) {
      std::fprintf(stderr, " %s %.1f", std::string(times[i].second).c_str(), times[i].first);
    }
    std::fprintf(stderr, "\n");
  }
  // Children of the return: those in the Header table (or, without one, in any table).
  v.children = static_cast<int>(ctx.cur.children.size());
  if (ctx.cur.Has(kHeader)) {
    v.children = static_cast<int>(
        std::count_if(ctx.cur.children.begin(), ctx.cur.children.end(),
                      [](const ChildRows& c) { return !c.rows[kHeader].empty(); }));
  }
}

}  // namespace sg::ssda903
