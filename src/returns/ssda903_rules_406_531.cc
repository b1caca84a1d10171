// SSDA903 rules 406-460 and 501-531.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.
//
// Conventions shared by these rules, as the community reads the files: a blank cell is
// missing, and a missing value equals nothing (not even another missing one) unless a rule
// says otherwise; a date that is not DD/MM/YYYY is missing; a child's episodes follow each
// other in order of DECOM, undated ones last.

#include <algorithm>
#include <cmath>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

using RowList = std::span<std::uint32_t>;

// Equal and not missing (pandas' == on cells, where a blank is NaN).
bool Same(std::string_view a, std::string_view b) { return !a.empty() && a == b; }

// ASCII case-insensitive equality (for the rules where the community upper-cases a code).
bool EqualsUpper(std::string_view value, std::string_view upper) {
  if (value.size() != upper.size()) return false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

// DECOM and DEC of every episode of a year, parsed once for a rule.
struct EpisodeDates {
  std::vector<std::optional<Date>> decom, dec;
};

EpisodeDates ParseEpisodeDates(const Year& y) {
  EpisodeDates d;
  const size_t n = y.Rows(kEpisodes);
  d.decom.resize(n);
  d.dec.resize(n);
  for (size_t i = 0; i < n; ++i) {
    d.decom[i] = ParseDate(y.Cell(kEpisodes, i, ep::DECOM));
    d.dec[i] = ParseDate(y.Cell(kEpisodes, i, ep::DEC));
  }
  return d;
}

// Calls fn(row, previous row) for each of a child's episodes after its first, in DECOM order.
template <typename Fn>
void ForEachEpisodePair(const Context& ctx, Fn fn) {
  for (const ChildRows& c : ctx.cur.children) {
    const RowList& e = c.rows[kEpisodes];
    for (size_t i = 1; i < e.size(); ++i) fn(e[i], e[i - 1]);
  }
}

// ---- Placement (derived from postcodes) and UASC

// Whether a child is (or was, in the previous year) UASC: it has a row in the UASC table and
// is in the Header; without a Header, a UASC row with something besides CHILD.
bool IsUasc(const Year& y, const ChildRows* c) {
  if (!c || !y.Has(kUasc) || c->rows[kUasc].empty()) return false;
  if (y.Has(kHeader)) return !c->rows[kHeader].empty();
  for (std::uint32_t r : c->rows[kUasc]) {
    for (int col : {uasc::SEX, uasc::DOB, uasc::DUC}) {
      if (!y.Cell(kUasc, r, col).empty()) return true;
    }
  }
  return false;
}

// 406: a child who is or was UASC has no placement distance.
void R406(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    if (!IsUasc(ctx.cur, &c) && !IsUasc(ctx.last, ctx.last.Find(c.id))) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.cur.pl_distance[e]) out.Flag(kEpisodes, e, "PL_DISTANCE");
    }
  }
}

// 411: a placement IN the LA is in the LA.
void R411(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (ctx.cur.pl_location[e] == "IN" && ctx.cur.pl_la[e] != ctx.ref->la_code) {
      out.Flag(kEpisodes, e, "PL_LOCATION");
    }
  }
}

// 420: no LA of placement under short breaks (V3, V4).
void R420(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"}) && !ctx.cur.pl_la[e].empty()) {
      out.Flag(kEpisodes, e, "PL_LA");
    }
  }
}

// 454: a placement distance over 350 miles (999.9 is DfE's "unknown").
void R454(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    const auto& d = ctx.cur.pl_distance[e];
    if (d && *d > 350.0 && *d != 999.9) out.Flag(kEpisodes, e, "PL_DISTANCE");
  }
}

// ---- Ages at the end of an episode

// 407: a special guardianship (E45-E48) cannot end at 18 or over (DEC after the 18th birthday).
void R407(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!OneOf(ctx.Cell(kEpisodes, e, ep::REC), {"E45", "E46", "E47", "E48"})) continue;
      const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (!dec) continue;
      for (std::uint32_t h : c.rows[kHeader]) {
        const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
        if (dob && AddYears(*dob, 18) < *dec) {
          out.Flag(kEpisodes, e, "REC");
          break;
        }
      }
    }
  }
}

// 460: staying put (E17) ends at 18 or over (DEC before the 18th birthday is an error).
void R460(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::REC) != "E17") continue;
      const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (!dec) continue;
      for (std::uint32_t h : c.rows[kHeader]) {
        const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
        if (dob && AddYears(*dob, 18) > *dec) {
          out.Flag(kEpisodes, e, "REC");
          break;
        }
      }
    }
  }
}

// ---- One episode's codes

// 408: placed for adoption with a placement order (A5, A6) needs legal status E1.
void R408(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (OneOf(ctx.Cell(kEpisodes, e, ep::PLACE), {"A5", "A6"}) &&
        ctx.Cell(kEpisodes, e, ep::LS) != "E1") {
      out.Flag(kEpisodes, e, "LS");
    }
  }
}

// 446: E1 (placement order) did not exist before December 2005.
void R446(const Context& ctx, Out& out) {
  const Date first = Date::FromCivil(2005, 12, 1);
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (ctx.Cell(kEpisodes, e, ep::LS) != "E1") continue;
    const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
    if (decom && *decom < first) out.Flag(kEpisodes, e, "LS");
  }
}

// 516: ended with a move to former foster carers (E45, E46) from a foster placement (U1-U6).
void R516(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (OneOf(ctx.Cell(kEpisodes, e, ep::REC), {"E45", "E46"}) &&
        !OneOf(ctx.Cell(kEpisodes, e, ep::PLACE), {"U1", "U2", "U3", "U4", "U5", "U6"})) {
      out.Flag(kEpisodes, e, "PLACE");
    }
  }
}

// 526: a placement provider, except for the placements that have none (T0-T4, Z11-Z14).
void R526(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (!OneOf(ctx.Cell(kEpisodes, e, ep::PLACE),
               {"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}) &&
        ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER).empty()) {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}

// 527-531: placement types that provider `provider` cannot provide.
void FlagProviderPlace(const Context& ctx, Out& out, std::string_view provider,
                       std::initializer_list<std::string_view> places) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER) == provider &&
        OneOf(ctx.Cell(kEpisodes, e, ep::PLACE), places)) {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}
void R527(const Context& ctx, Out& out) { FlagProviderPlace(ctx, out, "PR1", {"P1", "R2", "R5"}); }
void R528(const Context& ctx, Out& out) { FlagProviderPlace(ctx, out, "PR2", {"P1", "R2", "R5"}); }
void R529(const Context& ctx, Out& out) {
  FlagProviderPlace(ctx, out, "PR3",
                    {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"});
}
void R530(const Context& ctx, Out& out) { FlagProviderPlace(ctx, out, "PR4", {"P1"}); }
void R531(const Context& ctx, Out& out) { FlagProviderPlace(ctx, out, "PR5", {"P1"}); }

// ---- A child's episodes together

// 426: short breaks under both V3 and V4 in the year.
void R426(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool v3 = false, v4 = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const std::string_view ls = ctx.Cell(kEpisodes, e, ep::LS);
      v3 = v3 || ls == "V3";
      v4 = v4 || ls == "V4";
    }
    if (!v3 || !v4) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) out.Flag(kEpisodes, e, "LS");
    }
  }
}

// 431: started to be looked after (RNE S) on or before the day the previous episode ended.
void R431(const Context& ctx, Out& out) {
  const EpisodeDates d = ParseEpisodeDates(ctx.cur);
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (ctx.Cell(kEpisodes, e, ep::RNE) == "S" && d.decom[e] && d.dec[prev] &&
        *d.decom[e] <= *d.dec[prev]) {
      out.Flag(kEpisodes, e, "RNE");
    }
  });
}

// 432: after an episode that ended care (REC E2-E48), the next one starts care (RNE S).
void R432(const Context& ctx, Out& out) {
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (OneOf(ctx.Cell(kEpisodes, prev, ep::REC),
              {"E2",  "E3",  "E4A", "E4B", "E5",  "E6",  "E7",  "E8",  "E9",  "E11", "E12",
               "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"}) &&
        ctx.Cell(kEpisodes, e, ep::RNE) != "S") {
      out.Flag(kEpisodes, e, "RNE");
    }
  });
}

// 433: a continuation episode (RNE P, L, T, U, B) starts on the day the previous one ended.
// The previous episode is by DECOM, then DEC; the dates are compared as written.
void R433(const Context& ctx, Out& out) {
  const EpisodeDates d = ParseEpisodeDates(ctx.cur);
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    const auto& da = d.decom[a];
    const auto& db = d.decom[b];
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && *da != *db) return *da < *db;
    const auto& ea = d.dec[a];
    const auto& eb = d.dec[b];
    if (ea.has_value() != eb.has_value()) return ea.has_value();
    return ea && *ea < *eb;
  };
  std::vector<std::uint32_t> order;
  for (const ChildRows& c : ctx.cur.children) {
    const RowList& e = c.rows[kEpisodes];
    if (e.size() < 2) continue;
    order.assign(e.begin(), e.end());
    std::stable_sort(order.begin(), order.end(), before);
    for (size_t i = 1; i < order.size(); ++i) {
      const std::string_view rne = ctx.Cell(kEpisodes, order[i], ep::RNE);
      if (!EqualsUpper(rne, "P") && !EqualsUpper(rne, "L") && !EqualsUpper(rne, "T") &&
          !EqualsUpper(rne, "U") && !EqualsUpper(rne, "B")) {
        continue;
      }
      const std::string_view decom = ctx.Cell(kEpisodes, order[i], ep::DECOM);
      const std::string_view prev_dec = ctx.Cell(kEpisodes, order[i - 1], ep::DEC);
      if (!Same(decom, prev_dec)) out.Flag(kEpisodes, order[i], "DECOM");
    }
  }
}

// 434: a change of legal status only (RNE L): LS changes, the placement does not.
void R434(const Context& ctx, Out& out) {
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (ctx.Cell(kEpisodes, e, ep::RNE) != "L") return;
    bool moved = false;
    for (int col : {ep::PLACE, ep::PL_POST, ep::URN, ep::PLACE_PROVIDER}) {
      moved = moved || ctx.Cell(kEpisodes, e, col) != ctx.Cell(kEpisodes, prev, col);
    }
    if (moved || Same(ctx.Cell(kEpisodes, e, ep::LS), ctx.Cell(kEpisodes, prev, ep::LS))) {
      out.Flag(kEpisodes, e, "RNE");
    }
  });
}

// 435: a change of placement only (RNE P, T): the placement changes, LS does not. As the
// community reads it, a blank LS counts as a change and a blank placement field as no match.
void R435(const Context& ctx, Out& out) {
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (!OneOf(ctx.Cell(kEpisodes, e, ep::RNE), {"P", "T"})) return;
    bool stayed = true;
    for (int col : {ep::PLACE, ep::PL_POST, ep::URN, ep::PLACE_PROVIDER}) {
      stayed = stayed && Same(ctx.Cell(kEpisodes, e, col), ctx.Cell(kEpisodes, prev, col));
    }
    if (stayed || !Same(ctx.Cell(kEpisodes, e, ep::LS), ctx.Cell(kEpisodes, prev, ep::LS))) {
      out.Flag(kEpisodes, e, "RNE");
    }
  });
}

// 436: a change of both (RNE U, B): LS and the placement both change (blanks equal blanks).
void R436(const Context& ctx, Out& out) {
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (!OneOf(ctx.Cell(kEpisodes, e, ep::RNE), {"U", "B"})) return;
    bool stayed = true;
    for (int col : {ep::PLACE, ep::PL_POST, ep::URN, ep::PLACE_PROVIDER}) {
      stayed = stayed && ctx.Cell(kEpisodes, e, col) == ctx.Cell(kEpisodes, prev, col);
    }
    if (stayed || ctx.Cell(kEpisodes, e, ep::LS) == ctx.Cell(kEpisodes, prev, ep::LS)) {
      out.Flag(kEpisodes, e, "RNE");
    }
  });
}

// 437: no episode after one that ended with death (E2) or at 18 (E15).
void R437(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const RowList& e = c.rows[kEpisodes];
    for (size_t i = 0; i + 1 < e.size(); ++i) {
      const std::string_view rec = ctx.Cell(kEpisodes, e[i], ep::REC);
      if ((EqualsUpper(rec, "E2") || EqualsUpper(rec, "E15")) &&
          ctx.DateCell(kEpisodes, e[i], ep::DECOM)) {
        out.Flag(kEpisodes, e[i], "REC");
      }
    }
  }
}

// 501: an episode starts before the previous one ended.
void R501(const Context& ctx, Out& out) {
  const EpisodeDates d = ParseEpisodeDates(ctx.cur);
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (d.decom[e] && d.dec[prev] && *d.decom[e] < *d.dec[prev]) {
      out.Flag(kEpisodes, e, "DECOM");
    }
  });
}

// 504: after a change of placement within the period of care (REC X1, next DECOM = DEC), the
// category of need stays the same.
void R504(const Context& ctx, Out& out) {
  const EpisodeDates d = ParseEpisodeDates(ctx.cur);
  ForEachEpisodePair(ctx, [&](std::uint32_t e, std::uint32_t prev) {
    if (ctx.Cell(kEpisodes, prev, ep::REC) == "X1" && d.dec[prev] && d.decom[e] &&
        *d.dec[prev] == *d.decom[e] &&
        !Same(ctx.Cell(kEpisodes, e, ep::CIN), ctx.Cell(kEpisodes, prev, ep::CIN))) {
      out.Flag(kEpisodes, e, "CIN");
    }
  });
}

// ---- Reviews

// 440: participation code PN0 (under 4) but the child was 4 or over (strictly after the 4th
// birthday).
void R440(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kReviews); ++r) {
    if (ctx.Cell(kReviews, r, rev::REVIEW_CODE) != "PN0") continue;
    const auto dob = ctx.DateCell(kReviews, r, rev::DOB);
    const auto review = ctx.DateCell(kReviews, r, rev::REVIEW);
    if (dob && review && *review > AddYears(*dob, 4)) out.Flag(kReviews, r, "REVIEW_CODE");
  }
}

// 441: participation code PN1-PN7 (4 or over) but the child was under 4.
void R441(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kReviews); ++r) {
    if (!OneOf(ctx.Cell(kReviews, r, rev::REVIEW_CODE),
               {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})) {
      continue;
    }
    const auto dob = ctx.DateCell(kReviews, r, rev::DOB);
    const auto review = ctx.DateCell(kReviews, r, rev::REVIEW);
    if (dob && review && *review < AddYears(*dob, 4)) out.Flag(kReviews, r, "REVIEW_CODE");
  }
}

// ---- Header

// 442: a UPN for every child with an episode other than short breaks (V3, V4).
void R442(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool needs_upn = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      needs_upn = needs_upn || !OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"});
    }
    if (!needs_upn) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (ctx.Cell(kHeader, h, hdr::UPN).empty()) out.Flag(kHeader, h, "UPN");
    }
  }
}

// 444: a UPN (other than UN1-UN5) is not reported twice.
void R444(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kHeader);
  std::unordered_map<std::string_view, int> count;
  count.reserve(n);
  auto counted = [&](std::string_view upn) {
    return !upn.empty() && !OneOf(upn, {"UN1", "UN2", "UN3", "UN4", "UN5"});
  };
  for (size_t h = 0; h < n; ++h) {
    const std::string_view upn = ctx.Cell(kHeader, h, hdr::UPN);
    if (counted(upn)) ++count[upn];
  }
  for (size_t h = 0; h < n; ++h) {
    const std::string_view upn = ctx.Cell(kHeader, h, hdr::UPN);
    if (counted(upn) && count[upn] > 1) out.Flag(kHeader, h, "UPN");
  }
}

// ---- This year's first episode against last year's last

// The child's first episode this year (earliest DECOM, first in the file among equals), if any
// is dated.
std::optional<std::uint32_t> FirstEpisode(const Year& y, const ChildRows& c) {
  const RowList& e = c.rows[kEpisodes];
  if (e.empty() || !ParseDate(y.Cell(kEpisodes, e[0], ep::DECOM))) return std::nullopt;
  return e[0];
}

// The child's last episode (latest DECOM, first in the file among equals), if any is dated.
std::optional<std::uint32_t> LastEpisode(const Year& y, const ChildRows& c) {
  const RowList& e = c.rows[kEpisodes];
  size_t i = e.size();
  std::optional<Date> latest;
  while (i > 0 && !(latest = ParseDate(y.Cell(kEpisodes, e[i - 1], ep::DECOM)))) --i;
  if (i == 0) return std::nullopt;
  --i;  // e[i] is the last dated episode; go back over those on the same day
  while (i > 0 && ParseDate(y.Cell(kEpisodes, e[i - 1], ep::DECOM)) == latest) --i;
  return e[i];
}

// Calls fn(first episode this year, last episode last year) for each child in both years.
template <typename Fn>
void ForEachContinuingChild(const Context& ctx, Fn fn) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* before = ctx.last.Find(c.id);
    if (!before) continue;
    const auto first = FirstEpisode(ctx.cur, c);
    if (!first) continue;
    const auto last = LastEpisode(ctx.last, *before);
    if (last) fn(*first, *last);
  }
}

// Whether last year's episode was open at the end of the year (DEC not a date).
bool OpenLastYear(const Context& ctx, std::uint32_t last) {
  return !ParseDate(ctx.last.Cell(kEpisodes, last, ep::DEC));
}

// 452: the placement LA carries over from last year's open episode (same RNE). Here, as in
// the community's rule, "open" means a blank DEC.
void R452(const Context& ctx, Out& out) {
  ForEachContinuingChild(ctx, [&](std::uint32_t e, std::uint32_t last) {
    if (Same(ctx.Cell(kEpisodes, e, ep::RNE), ctx.last.Cell(kEpisodes, last, ep::RNE)) &&
        ctx.last.Cell(kEpisodes, last, ep::DEC).empty() &&
        ctx.cur.pl_la[e] != ctx.last.pl_la[last]) {
      out.Flag(kEpisodes, e, "PL_LA");
    }
  });
}

// Whether two placement distances contradict: 0.2 miles apart or more, or one where there was
// none.
bool DistanceDiffers(const std::optional<double>& now, const std::optional<double>& before) {
  if (now && before) return std::abs(*now - *before) >= 0.2;
  return now.has_value() && !before;
}

// 453: the placement distance carries over from last year's open episode (same RNE).
void R453(const Context& ctx, Out& out) {
  ForEachContinuingChild(ctx, [&](std::uint32_t e, std::uint32_t last) {
    if (Same(ctx.Cell(kEpisodes, e, ep::RNE), ctx.last.Cell(kEpisodes, last, ep::RNE)) &&
        OpenLastYear(ctx, last) &&
        DistanceDiffers(ctx.cur.pl_distance[e], ctx.last.pl_distance[last])) {
      out.Flag(kEpisodes, e, "PL_DISTANCE");
    }
  });
}

// 502: this year's first episode starts when last year's open episode (blank DEC) started.
void R502(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* before = ctx.last.Find(c.id);
    if (!before) continue;
    const auto first = FirstEpisode(ctx.cur, c);
    if (!first) continue;
    const auto decom = ctx.DateCell(kEpisodes, *first, ep::DECOM);
    for (std::uint32_t l : before->rows[kEpisodes]) {
      if (!ctx.last.Cell(kEpisodes, l, ep::DEC).empty()) continue;
      if (ParseDate(ctx.last.Cell(kEpisodes, l, ep::DECOM)) != decom) {
        out.Flag(kEpisodes, *first, "DECOM");
        break;
      }
    }
  }
}

// 503A-503F: a field of this year's first episode is as in last year's open episode (blanks
// equal blanks).
void FieldCarriesOver(const Context& ctx, Out& out, int column, std::string_view field) {
  ForEachContinuingChild(ctx, [&](std::uint32_t e, std::uint32_t last) {
    const std::string_view now = ctx.Cell(kEpisodes, e, column);
    const std::string_view before = ctx.last.Cell(kEpisodes, last, column);
    if (now == before || !OpenLastYear(ctx, last)) return;
    // 2025/26: the placement types Z11-Z14 replaced Z1.
    if (column == ep::PLACE && before == "Z1" && OneOf(now, {"Z11", "Z12", "Z13", "Z14"})) return;
    out.Flag(kEpisodes, e, field);
  });
}
void R503A(const Context& ctx, Out& out) { FieldCarriesOver(ctx, out, ep::RNE, "RNE"); }
void R503B(const Context& ctx, Out& out) { FieldCarriesOver(ctx, out, ep::LS, "LS"); }
void R503C(const Context& ctx, Out& out) { FieldCarriesOver(ctx, out, ep::CIN, "CIN"); }
void R503D(const Context& ctx, Out& out) { FieldCarriesOver(ctx, out, ep::PLACE, "PLACE"); }
void R503E(const Context& ctx, Out& out) {
  FieldCarriesOver(ctx, out, ep::PLACE_PROVIDER, "PLACE_PROVIDER");
}
void R503F(const Context& ctx, Out& out) { FieldCarriesOver(ctx, out, ep::URN, "URN"); }

// 503G: the placement distance carries over from last year's open episode.
void R503G(const Context& ctx, Out& out) {
  ForEachContinuingChild(ctx, [&](std::uint32_t e, std::uint32_t last) {
    if (OpenLastYear(ctx, last) &&
        DistanceDiffers(ctx.cur.pl_distance[e], ctx.last.pl_distance[last])) {
      out.Flag(kEpisodes, e, "PL_DISTANCE");
    }
  });
}

// 503H, 503J: the placement LA and location carry over from last year's open episode.
void R503H(const Context& ctx, Out& out) {
  ForEachContinuingChild(ctx, [&](std::uint32_t e, std::uint32_t last) {
    if (OpenLastYear(ctx, last) && ctx.cur.pl_la[e] != ctx.last.pl_la[last]) {
      out.Flag(kEpisodes, e, "PL_LA");
    }
  });
}
void R503J(const Context& ctx, Out& out) {
  ForEachContinuingChild(ctx, [&](std::uint32_t e, std::uint32_t last) {
    if (OpenLastYear(ctx, last) && ctx.cur.pl_location[e] != ctx.last.pl_location[last]) {
      out.Flag(kEpisodes, e, "PL_LOCATION");
    }
  });
}

// ---- Adoption

// 511, 514, 517-520, 524: the adopters' number, genders and legal status agree.
template <typename Bad>
void FlagAdopters(const Context& ctx, Out& out, std::string_view field, Bad bad) {
  for (size_t r = 0; r < ctx.cur.Rows(kAd1); ++r) {
    if (bad(ctx.Cell(kAd1, r, ad1::NB_ADOPTR), ctx.Cell(kAd1, r, ad1::SEX_ADOPTR),
            ctx.Cell(kAd1, r, ad1::LS_ADOPTR))) {
      out.Flag(kAd1, r, field);
    }
  }
}
void R511(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](std::string_view nb, std::string_view sex, auto) {
    return nb == "2" && OneOf(sex, {"M1", "F1"});
  });
}
void R514(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](auto, std::string_view sex, std::string_view ls) {
    return ls == "L0" && !OneOf(sex, {"M1", "F1"});
  });
}
void R517(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](auto, std::string_view sex, std::string_view ls) {
    return ls == "L3" && sex != "MF";
  });
}
void R518(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](auto, std::string_view sex, std::string_view ls) {
    return ls == "L4" && !OneOf(sex, {"MM", "FF"});
  });
}
void R519(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](auto, std::string_view sex, std::string_view ls) {
    return ls == "L2" && !OneOf(sex, {"MM", "FF", "MF"});
  });
}
void R520(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](auto, std::string_view sex, std::string_view ls) {
    return ls == "L11" && sex != "MF";
  });
}
void R524(const Context& ctx, Out& out) {
  FlagAdopters(ctx, out, "SEX_ADOPTR", [](auto, std::string_view sex, std::string_view ls) {
    return ls == "L12" && !OneOf(sex, {"MM", "FF"});
  });
}

// 521: the decision that adoption is in the child's best interests (DATE_INT) is on or before
// every placement for adoption (PLACE A3-A6, DECOM).
void R521(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty()) continue;
    std::optional<Date> earliest;  // the first adoption placement's start
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!OneOf(ctx.Cell(kEpisodes, e, ep::PLACE), {"A3", "A4", "A5", "A6"})) continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (decom && (!earliest || *decom < *earliest)) earliest = decom;
    }
    if (!earliest) continue;
    for (std::uint32_t a : c.rows[kAd1]) {
      const auto date_int = ctx.DateCell(kAd1, a, ad1::DATE_INT);
      if (date_int && *date_int > *earliest) out.Flag(kAd1, a, "DATE_INT");
    }
  }
}

// 522: a decision to place for adoption is not reversed before it was made.
void R522(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kPlacedAdoption); ++r) {
    const auto placed = ctx.DateCell(kPlacedAdoption, r, pa::DATE_PLACED);
    const auto ceased = ctx.DateCell(kPlacedAdoption, r, pa::DATE_PLACED_CEASED);
    if (placed && ceased && *ceased < *placed) {
      out.Flag(kPlacedAdoption, r, "DATE_PLACED_CEASED");
    }
  }
}

// 523: the decision to place for adoption (DATE_PLACED) is the day of the best-interests
// decision (DATE_INT).
void R523(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty()) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const auto placed = ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED);
      if (!placed) continue;
      for (std::uint32_t a : c.rows[kAd1]) {
        const auto date_int = ctx.DateCell(kAd1, a, ad1::DATE_INT);
        if (date_int && *date_int != *placed) {
          out.Flag(kPlacedAdoption, p, "DATE_PLACED");
          break;
        }
      }
    }
  }
}

// 525: a child whose decision to be placed for adoption was reversed has no adoption (AD1).
void R525(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool adopted = false;
    for (std::uint32_t a : c.rows[kAd1]) {
      for (int col : {ad1::DATE_INT, ad1::DATE_MATCH, ad1::FOSTER_CARE, ad1::NB_ADOPTR,
                      ad1::SEX_ADOPTR, ad1::LS_ADOPTR}) {
        adopted = adopted || !ctx.Cell(kAd1, a, col).empty();
      }
    }
    if (!adopted) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      if (!ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty()) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED_CEASED");
      }
    }
  }
}

constexpr std::uint32_t kEp = Needs(kEpisodes);
constexpr std::uint32_t kEpLast = Needs(kEpisodes) | NeedsLast(kEpisodes);
constexpr std::uint32_t kEpPlaced = Needs(kEpisodes) | kNeedsPostcodes;

}  // namespace

void AddRules406To531(std::vector<Rule>& rules) {
  rules.push_back({{"406", Severity::kError,
                    "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. "
                    "Distance should be blank. [NOTE: This check will result in false negatives "
                    "for children formerly UASC not identified as such in loaded data]"},
                   kEpPlaced,
                   R406});
  rules.push_back(
      {{"407", Severity::kError,
        "Reason episode ceased is Special Guardianship Order, but child has reached age 18."},
       kEp | Needs(kHeader),
       R407});
  rules.push_back({{"408", Severity::kError,
                    "Child is placed for adoption with a placement order, but no placement order "
                    "has been recorded."},
                   kEp,
                   R408});
  rules.push_back(
      {{"411", Severity::kError, "Placement location code disagrees with LA of placement."},
       kEpPlaced | kNeedsLaCode,
       R411});
  rules.push_back(
      {{"420", Severity::kError,
        "LA of placement completed but child is looked after under legal status V3 or V4."},
       kEpPlaced,
       R420});
  rules.push_back({{"426", Severity::kError,
                    "A child receiving respite care cannot be recorded under a legal status of V3 "
                    "and V4 in the same year."},
                   kEp,
                   R426});
  rules.push_back({{"431", Severity::kError,
                    "The reason for new episode is started to be looked after, but the previous "
                    "episode ended on the same day."},
                   kEp,
                   R431});
  rules.push_back({{"432", Severity::kError,
                    "The child ceased to be looked after at the end of the previous episode but "
                    "the reason for the new episode is not started to be looked after."},
                   kEp,
                   R432});
  rules.push_back({{"433", Severity::kError,
                    "The reason for new episode suggests that this is a continuation episode, but "
                    "the episode does not start on the same day as the last episode finished."},
                   kEp,
                   R433});
  rules.push_back({{"434", Severity::kError,
                    "Reason for new episode is that child's legal status has changed but not the "
                    "placement, but this is not reflected in the episode data."},
                   kEp,
                   R434});
  rules.push_back({{"435", Severity::kError,
                    "Reason for new episode is that child’s placement has changed but not the "
                    "legal status, but this is not reflected in the episode data recorded."},
                   kEp,
                   R435});
  rules.push_back({{"436", Severity::kError,
                    "Reason for new episode is that both child’s placement and legal status have "
                    "changed, but this is not reflected in the episode data."},
                   kEp,
                   R436});
  rules.push_back({{"437", Severity::kError,
                    "Reason episode ceased is child has died or is aged 18 or over but there are "
                    "further episodes."},
                   kEp,
                   R437});
  rules.push_back(
      {{"440", Severity::kError,
        "Participation method indicates child was under 4 years old at the time of the review, but "
        "date of birth and review date indicates the child was 4 years old or over."},
       Needs(kReviews),
       R440});
  rules.push_back(
      {{"441", Severity::kError,
        "Participation method indicates child was 4 years old or over at the time of the review, "
        "but the date of birth and review date indicates the child was under 4 years old."},
       Needs(kReviews),
       R441});
  rules.push_back({{"442", Severity::kError, "Unique Pupil Number (UPN) field is not completed."},
                   kEp | Needs(kHeader),
                   R442});
  rules.push_back(
      {{"444", Severity::kError, "Duplicate UPN has been reported"}, Needs(kHeader), R444});
  rules.push_back({{"446", Severity::kError,
                    "E1 is not a valid code for episodes starting before December 2005."},
                   kEp,
                   R446});
  rules.push_back({{"452", Severity::kError,
                    "Contradiction between local authority of placement code in the last episode "
                    "of the previous year and in the first episode of the current year."},
                   kEpLast | kNeedsPostcodes,
                   R452});
  rules.push_back({{"453", Severity::kError,
                    "Contradiction between placement distance in the last episode of the previous "
                    "year and in the first episode of the current year."},
                   kEpLast | kNeedsPostcodes,
                   R453});
  rules.push_back(
      {{"454", Severity::kError,
        "Placement distance from home is over 350 miles. [NOTE: This check will result in false "
        "positives for children formerly UASC not identified as such in loaded data]"},
       kEpPlaced,
       R454});
  rules.push_back({{"460", Severity::kError,
                    "Reason episode ceased is that child stayed with current carers at age 18 (or "
                    "above), but child is aged under 18."},
                   kEp | Needs(kHeader),
                   R460});
  rules.push_back({{"501", Severity::kError,
                    "A new episode has started before the end date of the previous episode."},
                   kEp,
                   R501});
  rules.push_back(
      {{"502", Severity::kError,
        "Last year's record ended with an open episode. The date on which that episode started "
        "does not match the start date of the first episode on this year’s record."},
       kEpLast,
       R502});
  rules.push_back({{"503A", Severity::kError,
                    "The reason for new episode in the first episode does not match open episode "
                    "at end of last year."},
                   kEpLast,
                   R503A});
  rules.push_back(
      {{"503B", Severity::kError,
        "The legal status in the first episode does not match open episode at end of last year."},
       kEpLast,
       R503B});
  rules.push_back({{"503C", Severity::kError,
                    "The category of need in the first episode does not match open episode at end "
                    "of last year."},
                   kEpLast,
                   R503C});
  rules.push_back(
      {{"503D", Severity::kError,
        "The placement type in the first episode does not match open episode at end of last year"},
       kEpLast,
       R503D});
  rules.push_back({{"503E", Severity::kError,
                    "The placement provider in the first episode does not match open episode at "
                    "end of last year."},
                   kEpLast,
                   R503E});
  rules.push_back(
      {{"503F", Severity::kError,
        "The Ofsted URN in the  first episode does not match open episode at end of last year."},
       kEpLast,
       R503F});
  rules.push_back(
      {{"503G", Severity::kError,
        "The distance in first episode does not match open episode at end of last year."},
       kEpLast | kNeedsPostcodes,
       R503G});
  rules.push_back(
      {{"503H", Severity::kError,
        "The placement LA in first episode does not match open episode at end of last year."},
       kEpLast | kNeedsPostcodes,
       R503H});
  rules.push_back(
      {{"503J", Severity::kError,
        "The placement location in first episode does not match open episode at end of last year."},
       kEpLast | kNeedsPostcodes,
       R503J});
  rules.push_back({{"504", Severity::kError,
                    "The category of need code differs from that reported at start of current "
                    "period of being looked after"},
                   kEp,
                   R504});
  rules.push_back(
      {{"511", Severity::kError,
        "If reporting that the number of person(s) adopting the looked after child is two adopters "
        "then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = "
        "the adopting couple are both females; MF = The adopting couple are male and female."},
       Needs(kAd1),
       R511});
  rules.push_back({{"514", Severity::kError,
                    "Data entry on the legal status of adopters shows a single adopter but data "
                    "entry for the numbers of adopters shows it as a couple."},
                   Needs(kAd1),
                   R514});
  rules.push_back(
      {{"516", Severity::kError,
        "The episode data submitted for this child does not show that he/she was with their former "
        "foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 "
        "the child must have a placement code of U1 to U6."},
       kEp,
       R516});
  rules.push_back({{"517", Severity::kError,
                    "If reporting legal status of adopters is L3 then the genders of adopters "
                    "should be coded as MF. MF = the adopting couple are male and female."},
                   Needs(kAd1),
                   R517});
  rules.push_back({{"518", Severity::kError,
                    "If reporting legal status of adopters is L4 then the genders of adopters "
                    "should be coded as MM or FF. MM = the adopting couple are both males. FF = "
                    "the adopting couple are both females."},
                   Needs(kAd1),
                   R518});
  rules.push_back({{"519", Severity::kError,
                    "Data entered on the legal status of adopters shows civil partnership couple, "
                    "but data entered on genders of adopters does not show it as a couple."},
                   Needs(kAd1),
                   R519});
  rules.push_back(
      {{"520", Severity::kError,
        "Data entry on the legal status of adopters shows different gender married couple but data "
        "entry on genders of adopters shows it as a same gender couple."},
       Needs(kAd1),
       R520});
  rules.push_back({{"521", Severity::kError,
                    "Date of local authority's decision (LA) that adoption is in the best "
                    "interests of the child (date should be placed) must be on or prior to the "
                    "date the child is placed for adoption."},
                   kEp | Needs(kAd1),
                   R521});
  rules.push_back({{"522", Severity::kError,
                    "Date of decision that the child should be placed for adoption must be on or "
                    "before the date that a child should no longer be placed for adoption."},
                   Needs(kPlacedAdoption),
                   R522});
  rules.push_back(
      {{"523", Severity::kError,
        "Date of decision that the child should be placed for adoption should be the same date as "
        "the decision that adoption is in the best interest (date should be placed)."},
       Needs(kPlacedAdoption) | Needs(kAd1),
       R523});
  rules.push_back({{"524", Severity::kError,
                    "If reporting legal status of adopters is L12 then the genders of adopters "
                    "should be coded as MM or FF. MM = the adopting couple are both males. FF = "
                    "the adopting couple are both females"},
                   Needs(kAd1),
                   R524});
  rules.push_back({{"525", Severity::kError,
                    "A child for whom the decision to be placed for adoption has been reversed "
                    "cannot be adopted during the year."},
                   Needs(kPlacedAdoption) | Needs(kAd1),
                   R525});
  rules.push_back({{"526", Severity::kError,
                    "Child is missing a placement provider code for at least one episode."},
                   kEp,
                   R526});
  rules.push_back(
      {{"527", Severity::kError,
        "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5."},
       kEp,
       R527});
  rules.push_back(
      {{"528", Severity::kError,
        "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5."},
       kEp,
       R528});
  rules.push_back(
      {{"529", Severity::kError,
        "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 "
        "and U1 to U6 as these placements cannot be provided by other public organisations."},
       kEp,
       R529});
  rules.push_back({{"530", Severity::kError,
                    "A placement provider code of PR4 cannot be associated with placement P1."},
                   kEp,
                   R530});
  rules.push_back({{"531", Severity::kError,
                    "A placement provider code of PR5 cannot be associated with placements P1."},
                   kEp,
                   R531});
}

}  // namespace sg::ssda903
