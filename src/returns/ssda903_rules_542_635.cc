// SSDA903 rules 542-635.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

using OptDate = std::optional<Date>;

// Comparisons in which a missing (blank or unparseable) date is never before, after or equal
// to anything, as the community's coerced dates behave.
bool Before(const OptDate& a, const OptDate& b) { return a && b && *a < *b; }
bool AtOrBefore(const OptDate& a, const OptDate& b) { return a && b && *a <= *b; }

// A number such as "1", "0", "1.0" or "-2"; nullopt for anything else (blank included).
std::optional<double> ParseNumber(std::string_view t) {
  size_t i = 0;
  const bool negative = !t.empty() && t[0] == '-';
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) ++i;
  double value = 0;
  int digits = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) {
    value = value * 10 + (t[i] - '0');
  }
  if (i < t.size() && t[i] == '.') {
    double scale = 0.1;
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits, scale /= 10) {
      value += (t[i] - '0') * scale;
    }
  }
  if (digits == 0 || i != t.size()) return std::nullopt;
  return negative ? -value : value;
}

bool IsAdoptionPlacement(std::string_view place) { return OneOf(place, {"A3", "A4", "A5", "A6"}); }
bool IsAdoptedReason(std::string_view rec) { return rec == "E11" || rec == "E12"; }

// Whether the child was looked after continuously through the year, read from the episodes as
// the community does: in care at some time in the year (an episode starting by its end and
// not ending before its start), with no episode that starts care in the year after its first
// day (RNE S), none that ends it in the year before its last day (REC other than X1, blank
// included) and none in the year under LS V3 or V4.
bool ContinuouslyLookedAfter(const Context& ctx, const ChildRows& c) {
  bool in_care = false;
  for (std::uint32_t e : c.rows[kEpisodes]) {
    const OptDate decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
    const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
    const bool in_year = decom && *decom <= ctx.end && (!dec || *dec >= ctx.start);
    if (ctx.Cell(kEpisodes, e, ep::RNE) == "S" && decom && *decom > ctx.start &&
        *decom <= ctx.end) {
      return false;
    }
    if (ctx.Cell(kEpisodes, e, ep::REC) != "X1" && dec && *dec >= ctx.start && *dec < ctx.end) {
      return false;
    }
    if (in_year && OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) return false;
    in_care = in_care || in_year;
  }
  return in_care;
}

// The child's age on 31 March (the collection's last day), or nullopt without a DOB.
std::optional<int> AgeAtEnd(const Context& ctx, TableId t, size_t row, int col) {
  const OptDate dob = ctx.DateCell(t, row, col);
  if (!dob) return std::nullopt;
  return AgeOn(*dob, ctx.end);
}

// ---- OC2: convictions and health promotion (542-547)

// 542: conviction information for a child under 10 at 31 March.
void R542(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    const auto age = AgeAtEnd(ctx, kOc2, r, oc2::DOB);
    if (age && *age < 10 && !ctx.Cell(kOc2, r, oc2::CONVICTED).empty()) {
      out.Flag(kOc2, r, "CONVICTED");
    }
  }
}

// 543: a child 10 or over at 31 March, looked after continuously, without conviction
// information.
void R543(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc2].empty() || !ContinuouslyLookedAfter(ctx, c)) continue;
    for (std::uint32_t r : c.rows[kOc2]) {
      const auto age = AgeAtEnd(ctx, kOc2, r, oc2::DOB);
      if (age && *age >= 10 && ctx.Cell(kOc2, r, oc2::CONVICTED).empty()) {
        out.Flag(kOc2, r, "CONVICTED");
      }
    }
  }
}

// 544 / 547: when `col` is 1, immunisations, teeth check, health assessment and substance
// misuse are all given.
template <int Col>
void OtherHealthFieldsGiven(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (ctx.Cell(kOc2, r, Col) != "1") continue;
    if (ctx.Cell(kOc2, r, oc2::IMMUNISATIONS).empty() ||
        ctx.Cell(kOc2, r, oc2::TEETH_CHECK).empty() ||
        ctx.Cell(kOc2, r, oc2::HEALTH_ASSESSMENT).empty() ||
        ctx.Cell(kOc2, r, oc2::SUBSTANCE_MISUSE).empty()) {
      out.Flag(kOc2, r, Col == oc2::CONVICTED ? "CONVICTED" : "HEALTH_CHECK");
    }
  }
}
void R544(const Context& ctx, Out& out) { OtherHealthFieldsGiven<oc2::CONVICTED>(ctx, out); }
void R547(const Context& ctx, Out& out) { OtherHealthFieldsGiven<oc2::HEALTH_CHECK>(ctx, out); }

// 545 / 546: health promotion (HEALTH_CHECK) for a child looked after continuously: required
// under 5 at 31 March (545), not expected from 5 (546).
template <bool kUnderFive>
void HealthCheckByAge(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc2].empty() || !ContinuouslyLookedAfter(ctx, c)) continue;
    for (std::uint32_t r : c.rows[kOc2]) {
      const auto age = AgeAtEnd(ctx, kOc2, r, oc2::DOB);
      if (!age || (*age < 5) != kUnderFive) continue;
      if (ctx.Cell(kOc2, r, oc2::HEALTH_CHECK).empty() == kUnderFive) {
        out.Flag(kOc2, r, "HEALTH_CHECK");
      }
    }
  }
}
void R545(const Context& ctx, Out& out) { HealthCheckByAge<true>(ctx, out); }
void R546(const Context& ctx, Out& out) { HealthCheckByAge<false>(ctx, out); }

// ---- Episodes and placed for adoption (550-558)

// 550: provider PR0 with a placement other than P1.
void R550(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER) == "PR0" &&
        ctx.Cell(kEpisodes, e, ep::PLACE) != "P1") {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}

// 551: an adoption placement (A3-A6) of a child without a decision to place for adoption: no
// PlacedAdoption row, or one without DATE_PLACED.
void R551(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool missing = c.rows[kPlacedAdoption].empty();
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      missing = missing || ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED).empty();
    }
    if (!missing) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (IsAdoptionPlacement(ctx.Cell(kEpisodes, e, ep::PLACE))) out.Flag(kEpisodes, e, "PLACE");
    }
  }
}

// 552: the latest decision to place for adoption is after the first adoption placement began.
void R552(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].empty()) continue;
    OptDate first;
    for (std::uint32_t e : c.rows[kEpisodes]) {  // in DECOM order
      if (!IsAdoptionPlacement(ctx.Cell(kEpisodes, e, ep::PLACE))) continue;
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (first) break;
    }
    if (!first) continue;
    OptDate latest;
    std::uint32_t latest_row = 0;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const OptDate placed = ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED);
      if (placed && (!latest || *placed > *latest)) {
        latest = placed;
        latest_row = p;
      }
    }
    if (Before(first, latest)) out.Flag(kPlacedAdoption, latest_row, "DATE_PLACED");
  }
}

// 553: a placement order (LS E1) for a child without a PlacedAdoption row; and, while an E1
// episode is open, a PlacedAdoption row that says the decision ceased.
void R553(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool open_e1 = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::LS) != "E1") continue;
      if (c.rows[kPlacedAdoption].empty()) out.Flag(kEpisodes, e, "LS");
      open_e1 = open_e1 || ctx.Cell(kEpisodes, e, ep::DEC).empty();
    }
    if (!open_e1) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      if (!ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty() ||
          !ctx.Cell(kPlacedAdoption, p, pa::REASON_PLACED_CEASED).empty()) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED_CEASED");
      }
    }
  }
}

// 554: a decision to place for adoption after the start of the child's first episode under a
// placement order (LS E1).
void R554(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].empty()) continue;
    OptDate first;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::LS) != "E1") continue;
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (first) break;
    }
    if (!first) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      if (Before(first, ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED))) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED");
      }
    }
  }
}

// 557: an episode in an adoption placement or under a placement order ended other than by
// adoption (a REC other than E11, E12 or X1) while the decision to place for adoption has no
// complete record of its ending (no PlacedAdoption row, or one without DATE_PLACED_CEASED or
// REASON_PLACED_CEASED).
void R557(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool incomplete = c.rows[kPlacedAdoption].empty();
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      incomplete = incomplete || ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty() ||
                   ctx.Cell(kPlacedAdoption, p, pa::REASON_PLACED_CEASED).empty();
    }
    if (!incomplete) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const std::string_view rec = ctx.Cell(kEpisodes, e, ep::REC);
      if (rec.empty() || rec == "X1" || IsAdoptedReason(rec)) continue;
      if (IsAdoptionPlacement(ctx.Cell(kEpisodes, e, ep::PLACE)) ||
          ctx.Cell(kEpisodes, e, ep::LS) == "E1") {
        out.Flag(kEpisodes, e, "REC");
      }
    }
  }
}

// 558: an adopted child (REC E11/E12) whose decisions to place for adoption all have a
// DATE_PLACED_CEASED, more than one being counted (the community counts an adopted episode
// and a decision pair by pair).
void R558(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const size_t decisions = c.rows[kPlacedAdoption].size();
    if (decisions == 0) continue;
    bool all_ceased = true;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      all_ceased = all_ceased && !ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty();
    }
    if (!all_ceased) continue;
    size_t adopted = 0;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      adopted += IsAdoptedReason(ctx.Cell(kEpisodes, e, ep::REC)) ? 1u : 0u;
    }
    if (adopted * decisions <= 1) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (IsAdoptedReason(ctx.Cell(kEpisodes, e, ep::REC))) out.Flag(kEpisodes, e, "REC");
    }
  }
}

// ---- Placed for adoption against last year (559-561, 584)

const ChildRows* LastYear(const Context& ctx, const ChildRows& c) { return ctx.last.Find(c.id); }

// 559: a decision before this year that last year's return does not date.
void R559(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* last = nullptr;
    bool looked_up = false;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      if (!Before(ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED), ctx.start)) continue;
      if (!looked_up) {
        last = LastYear(ctx, c);
        looked_up = true;
      }
      bool undated = last == nullptr || last->rows[kPlacedAdoption].empty();
      if (last) {
        for (std::uint32_t q : last->rows[kPlacedAdoption]) {
          undated = undated || !ParseDate(ctx.last.Cell(kPlacedAdoption, q, pa::DATE_PLACED));
        }
      }
      if (undated) out.Flag(kPlacedAdoption, p, "DATE_PLACED");
    }
  }
}

// 560: last year's decision had not ceased, yet this year's DATE_PLACED differs from it.
// 561: this year's DATE_PLACED is last year's, yet last year's decision had ceased.
template <bool kCeasedLastYear>
void DecisionAgainstLastYear(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].empty()) continue;
    const ChildRows* last = LastYear(ctx, c);
    if (!last) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const std::string_view now = ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED);
      bool bad = false;
      for (std::uint32_t q : last->rows[kPlacedAdoption]) {
        const std::string_view then = ctx.last.Cell(kPlacedAdoption, q, pa::DATE_PLACED);
        const bool ceased_date = !ctx.last.Cell(kPlacedAdoption, q, pa::DATE_PLACED_CEASED).empty();
        if (kCeasedLastYear) {
          const bool ceased =
              ceased_date || !ctx.last.Cell(kPlacedAdoption, q, pa::REASON_PLACED_CEASED).empty();
          bad = bad || (!now.empty() && now == then && ceased);
        } else {
          bad = bad || (!then.empty() && !ceased_date && now != then);
        }
      }
      if (bad) out.Flag(kPlacedAdoption, p, "DATE_PLACED");
    }
  }
}
void R560(const Context& ctx, Out& out) { DecisionAgainstLastYear<false>(ctx, out); }
void R561(const Context& ctx, Out& out) { DecisionAgainstLastYear<true>(ctx, out); }

// 584: last year's decision ceased (a date or a reason), so a decision this year must be a new
// one: blank, or not after last year's, is an error. DfE's reading: the dates are compared as
// dates (the community compares the text and mixes up row numbers).
void R584(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].empty()) continue;
    const ChildRows* last = LastYear(ctx, c);
    if (!last) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const std::string_view now_text = ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED);
      const OptDate now = ParseDate(now_text);
      bool bad = false;
      for (std::uint32_t q : last->rows[kPlacedAdoption]) {
        if (ctx.last.Cell(kPlacedAdoption, q, pa::DATE_PLACED_CEASED).empty() &&
            ctx.last.Cell(kPlacedAdoption, q, pa::REASON_PLACED_CEASED).empty()) {
          continue;
        }
        bad = bad || now_text.empty() ||
              AtOrBefore(now, ParseDate(ctx.last.Cell(kPlacedAdoption, q, pa::DATE_PLACED)));
      }
      if (bad) out.Flag(kPlacedAdoption, p, "DATE_PLACED");
    }
  }
}

// ---- Episodes against last year (562)

// 562: the child's first episode began before this year but is not last year's latest
// episode.
void R562(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    std::uint32_t first_row = 0;
    OptDate first;
    for (std::uint32_t e : c.rows[kEpisodes]) {  // in DECOM order: the first dated is earliest
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      first_row = e;
      if (first) break;
    }
    if (!Before(first, ctx.start)) continue;
    const ChildRows* last = LastYear(ctx, c);
    OptDate latest;
    if (last) {
      for (std::uint32_t e : last->rows[kEpisodes]) {
        const OptDate d = ParseDate(ctx.last.Cell(kEpisodes, e, ep::DECOM));
        if (d && (!latest || *d > *latest)) latest = d;
      }
    }
    if (!latest || *latest != *first) out.Flag(kEpisodes, first_row, "DECOM");
  }
}

// ---- Placed for adoption (563, 579, 583)

// 563: the decision ceased (date and reason) but DATE_PLACED is blank.
void R563(const Context& ctx, Out& out) {
  for (size_t p = 0; p < ctx.cur.Rows(kPlacedAdoption); ++p) {
    if (!ctx.Cell(kPlacedAdoption, p, pa::REASON_PLACED_CEASED).empty() &&
        !ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty() &&
        ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED).empty()) {
      out.Flag(kPlacedAdoption, p, "DATE_PLACED");
    }
  }
}

// A row with its sort key: dates, a missing one after every date.
struct Keyed {
  std::uint32_t row;
  OptDate k1, k2;
};
bool KeyLess(const OptDate& a, const OptDate& b) {
  if (a.has_value() != b.has_value()) return a.has_value();
  return a && *a < *b;
}

// 579: decisions to place for adoption, in order of DATE_PLACED, overlap: the previous one
// has not ceased (no DATE_PLACED_CEASED) or ceased after this one was made.
void R579(const Context& ctx, Out& out) {
  std::vector<Keyed> rows;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].size() < 2) continue;
    rows.clear();
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      rows.push_back({p, ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED), std::nullopt});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Keyed& a, const Keyed& b) { return KeyLess(a.k1, b.k1); });
    for (size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_ceased =
          ctx.DateCell(kPlacedAdoption, rows[i - 1].row, pa::DATE_PLACED_CEASED);
      if (!prev_ceased || Before(rows[i].k1, prev_ceased)) {
        out.Flag(kPlacedAdoption, rows[i].row, "DATE_PLACED");
      }
    }
  }
}

// 583: more than one decision, and one other than the latest (by DATE_PLACED) has no
// DATE_PLACED_CEASED. DfE's reading: the latest is the latest date (the community sorts the
// DD/MM/YYYY text); among equal dates an open decision counts as the latest.
void R583(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const auto& rows = c.rows[kPlacedAdoption];
    if (rows.size() < 2) continue;
    // Rank: a date above an unreadable text above a blank; then an open decision first.
    auto rank = [&](std::uint32_t p) {
      const std::string_view text = ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED);
      const OptDate d = ParseDate(text);
      const bool open = ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty();
      const std::int64_t day = d ? d->days() : 0;
      return std::make_tuple(d ? 2 : text.empty() ? 0 : 1, day, open ? 1 : 0);
    };
    std::uint32_t latest = rows[0];
    for (std::uint32_t p : rows) {
      if (rank(p) > rank(latest)) latest = p;
    }
    for (std::uint32_t p : rows) {
      if (p != latest && ctx.Cell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED).empty()) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED_CEASED");
      }
    }
  }
}

// ---- Missing (564-581, 586)

// 564: missing or away (M/A) without a start date.
void R564(const Context& ctx, Out& out) {
  for (size_t m = 0; m < ctx.cur.Rows(kMissing); ++m) {
    if (OneOf(ctx.Cell(kMissing, m, mis::MISSING), {"M", "A", "m", "a"}) &&
        ctx.Cell(kMissing, m, mis::MIS_START).empty()) {
      out.Flag(kMissing, m, "MIS_START");
    }
  }
}

// 565 / 566: a start (565) or end (566) date without MISSING.
template <int Col>
void DateWithoutMissing(const Context& ctx, Out& out) {
  for (size_t m = 0; m < ctx.cur.Rows(kMissing); ++m) {
    if (!ctx.Cell(kMissing, m, Col).empty() && ctx.Cell(kMissing, m, mis::MISSING).empty()) {
      out.Flag(kMissing, m, "MISSING");
    }
  }
}
void R565(const Context& ctx, Out& out) { DateWithoutMissing<mis::MIS_START>(ctx, out); }
void R566(const Context& ctx, Out& out) { DateWithoutMissing<mis::MIS_END>(ctx, out); }

// 567: the missing period ends before it starts.
void R567(const Context& ctx, Out& out) {
  for (size_t m = 0; m < ctx.cur.Rows(kMissing); ++m) {
    if (Before(ctx.DateCell(kMissing, m, mis::MIS_END),
               ctx.DateCell(kMissing, m, mis::MIS_START))) {
      out.Flag(kMissing, m, "MIS_END");
    }
  }
}

// 570: the missing period starts after 31 March.
void R570(const Context& ctx, Out& out) {
  for (size_t m = 0; m < ctx.cur.Rows(kMissing); ++m) {
    const OptDate start = ctx.DateCell(kMissing, m, mis::MIS_START);
    if (start && *start > ctx.end) out.Flag(kMissing, m, "MIS_START");
  }
}

// 571: the missing period ends outside the year.
void R571(const Context& ctx, Out& out) {
  for (size_t m = 0; m < ctx.cur.Rows(kMissing); ++m) {
    const OptDate end = ctx.DateCell(kMissing, m, mis::MIS_END);
    if (end && (*end < ctx.start || *end > ctx.end)) out.Flag(kMissing, m, "MIS_END");
  }
}

// 574: a child's missing periods, in order of their end (the start for an open one) and
// start, overlap: the previous one is open (or its end unreadable) or ends after this starts.
void R574(const Context& ctx, Out& out) {
  std::vector<Keyed> rows;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kMissing].size() < 2) continue;
    rows.clear();
    for (std::uint32_t m : c.rows[kMissing]) {
      const OptDate start = ctx.DateCell(kMissing, m, mis::MIS_START);
      const OptDate end = ctx.DateCell(kMissing, m, mis::MIS_END);
      rows.push_back({m, end ? end : start, start});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Keyed& a, const Keyed& b) {
      if (KeyLess(a.k1, b.k1)) return true;
      if (KeyLess(b.k1, a.k1)) return false;
      return KeyLess(a.k2, b.k2);
    });
    for (size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_end = ctx.DateCell(kMissing, rows[i - 1].row, mis::MIS_END);
      if (!prev_end || Before(rows[i].k2, prev_end)) out.Flag(kMissing, rows[i].row, "MIS_START");
    }
  }
}

// 575: an open missing period (MIS_END blank) that started during an episode that has ended.
void R575(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t m : c.rows[kMissing]) {
      if (!ctx.Cell(kMissing, m, mis::MIS_END).empty()) continue;
      const OptDate start = ctx.DateCell(kMissing, m, mis::MIS_START);
      if (!start) continue;
      for (std::uint32_t e : c.rows[kEpisodes]) {
        if (AtOrBefore(ctx.DateCell(kEpisodes, e, ep::DECOM), start) &&
            AtOrBefore(start, ctx.DateCell(kEpisodes, e, ep::DEC))) {
          out.Flag(kMissing, m, "MIS_END");
          break;
        }
      }
    }
  }
}

// 576: last year's return has an open missing period that does not start on the day this
// year's earliest missing period starts (a period without a start date counts as the latest).
void R576(const Context& ctx, Out& out) {
  const Date far = Date::FromCivil(2099, 1, 1);
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kMissing].empty()) continue;
    const ChildRows* last = LastYear(ctx, c);
    if (!last || last->rows[kMissing].empty()) continue;
    std::uint32_t first_row = c.rows[kMissing][0];
    Date first = far;
    bool have = false;
    for (std::uint32_t m : c.rows[kMissing]) {
      const Date start = ctx.DateCell(kMissing, m, mis::MIS_START).value_or(far);
      if (!have || start < first) {
        first = start;
        first_row = m;
        have = true;
      }
    }
    for (std::uint32_t q : last->rows[kMissing]) {
      if (!ctx.last.Cell(kMissing, q, mis::MIS_END).empty()) continue;
      const OptDate then = ParseDate(ctx.last.Cell(kMissing, q, mis::MIS_START));
      if (then && *then != first) {
        out.Flag(kMissing, first_row, "MIS_START");
        break;
      }
    }
  }
}

// A period of care: consecutive episodes (in DECOM order, dated ones only), a new period
// beginning when an episode starts after the previous one ended. Its end is the last
// episode's DEC (nullopt: open, or unreadable).
struct PeriodOfCare {
  Date start;
  OptDate end;
};
void PeriodsOfCare(const Context& ctx, const ChildRows& c, std::vector<PeriodOfCare>& out) {
  out.clear();
  OptDate prev_dec;
  for (std::uint32_t e : c.rows[kEpisodes]) {
    const OptDate decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
    if (!decom) break;  // undated episodes come last
    const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
    if (out.empty() || Before(prev_dec, decom)) out.push_back({*decom, std::nullopt});
    out.back().end = dec;
    prev_dec = dec;
  }
}

// 577: a missing period (with a start date) that fits no period of care: for every one, it is
// open while the care has ended, open and began before the care, or it ended after the care
// ended or before the care began.
void R577(const Context& ctx, Out& out) {
  std::vector<PeriodOfCare> periods;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kMissing].empty()) continue;
    PeriodsOfCare(ctx, c, periods);
    if (periods.empty()) continue;
    for (std::uint32_t m : c.rows[kMissing]) {
      const OptDate start = ctx.DateCell(kMissing, m, mis::MIS_START);
      if (!start) continue;
      const OptDate end = ctx.DateCell(kMissing, m, mis::MIS_END);
      bool outside_all = true;
      for (const PeriodOfCare& p : periods) {
        const bool outside = (!end && p.end) || (!end && *start < p.start) || Before(p.end, end) ||
                             (end && *end < p.start);
        outside_all = outside_all && outside;
      }
      if (outside_all) out.Flag(kMissing, m, "MIS_END");
    }
  }
}

// 578: a missing period that starts outside every period of care (before it began or after it
// ended).
void R578(const Context& ctx, Out& out) {
  std::vector<PeriodOfCare> periods;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kMissing].empty()) continue;
    PeriodsOfCare(ctx, c, periods);
    if (periods.empty()) continue;
    for (std::uint32_t m : c.rows[kMissing]) {
      const OptDate start = ctx.DateCell(kMissing, m, mis::MIS_START);
      if (!start) continue;
      bool outside_all = true;
      for (const PeriodOfCare& p : periods) {
        outside_all = outside_all && (*start < p.start || Before(p.end, start));
      }
      if (outside_all) out.Flag(kMissing, m, "MIS_START");
    }
  }
}

// 580: the child was missing when care ended on the 18th birthday (MIS_END = DEC = the day the
// DOB of the Missing row turns 18), but the episode's REC is not E8.
void R580(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kMissing].empty()) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::REC) == "E8") continue;
      const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (!dec) continue;
      for (std::uint32_t m : c.rows[kMissing]) {
        const OptDate end = ctx.DateCell(kMissing, m, mis::MIS_END);
        const OptDate dob = ctx.DateCell(kMissing, m, mis::DOB);
        if (end && dob && *end == *dec && AddYears(*dob, 18) == *end) {
          out.Flag(kEpisodes, e, "REC");
          break;
        }
      }
    }
  }
}

// 581: a missing period that starts in no episode (on or after its DECOM and on or before its
// DEC, or it is open); one without a start date is in none.
void R581(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    for (std::uint32_t m : c.rows[kMissing]) {
      const OptDate start = ctx.DateCell(kMissing, m, mis::MIS_START);
      bool in_episode = false;
      for (std::uint32_t e : c.rows[kEpisodes]) {
        if (!start) break;
        const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
        if (AtOrBefore(ctx.DateCell(kEpisodes, e, ep::DECOM), start) && (!dec || *start <= *dec)) {
          in_episode = true;
          break;
        }
      }
      if (!in_episode) out.Flag(kMissing, m, "MIS_START");
    }
  }
}

// 586: a missing period that starts on or before the DOB of its row.
void R586(const Context& ctx, Out& out) {
  for (size_t m = 0; m < ctx.cur.Rows(kMissing); ++m) {
    if (AtOrBefore(ctx.DateCell(kMissing, m, mis::MIS_START),
                   ctx.DateCell(kMissing, m, mis::DOB))) {
      out.Flag(kMissing, m, "MIS_START");
    }
  }
}

// ---- Adoption (582, 601, 602)

// 582: an adoption (REC E11/E12) on the day of the match with adopters (DEC = DATE_MATCH).
void R582(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty()) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!IsAdoptedReason(ctx.Cell(kEpisodes, e, ep::REC))) continue;
      const std::string_view dec = ctx.Cell(kEpisodes, e, ep::DEC);
      if (dec.empty()) continue;
      for (std::uint32_t a : c.rows[kAd1]) {
        if (ctx.Cell(kAd1, a, ad1::DATE_MATCH) == dec) {
          out.Flag(kEpisodes, e, "DEC");
          break;
        }
      }
    }
  }
}

// Whether the child was adopted in the year: an episode ending in it with REC E11/E12.
bool AdoptedInYear(const Context& ctx, const ChildRows& c) {
  for (std::uint32_t e : c.rows[kEpisodes]) {
    const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
    if (dec && *dec >= ctx.start && *dec <= ctx.end &&
        IsAdoptedReason(ctx.Cell(kEpisodes, e, ep::REC))) {
      return true;
    }
  }
  return false;
}

constexpr int kAd1Fields[] = {ad1::DATE_INT,  ad1::DATE_MATCH, ad1::FOSTER_CARE,
                              ad1::NB_ADOPTR, ad1::SEX_ADOPTR, ad1::LS_ADOPTR};

// 601: a child adopted in the year whose AD1 row lacks one of its fields.
void R601(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty() || !AdoptedInYear(ctx, c)) continue;
    for (std::uint32_t a : c.rows[kAd1]) {
      for (int col : kAd1Fields) {
        if (ctx.Cell(kAd1, a, col).empty()) {
          out.Flag(kAd1, a, Spec(kAd1).columns[static_cast<size_t>(col)]);
          break;
        }
      }
    }
  }
}

// 602: AD1 information (any field) for a child not adopted in the year.
void R602(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty() || AdoptedInYear(ctx, c)) continue;
    for (std::uint32_t a : c.rows[kAd1]) {
      for (int col : kAd1Fields) {
        if (!ctx.Cell(kAd1, a, col).empty()) {
          out.Flag(kAd1, a, "CHILD");
          break;
        }
      }
    }
  }
}

// ---- Mothers (607-628)

// 607: a girl (SEX F) who ceased to be looked after in the year (DEC in the year, REC given
// and not X1, LS not V3/V4) without MOTHER.
void R607(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    bool ceased = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      const std::string_view rec = ctx.Cell(kEpisodes, e, ep::REC);
      if (dec && *dec >= ctx.start && *dec <= ctx.end && !rec.empty() && rec != "X1" &&
          !OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) {
        ceased = true;
        break;
      }
    }
    if (!ceased) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (ctx.Cell(kHeader, h, hdr::SEX) == "F" && ctx.Cell(kHeader, h, hdr::MOTHER).empty()) {
        out.Flag(kHeader, h, "MOTHER");
      }
    }
  }
}

// 611: MOTHER 1 without the first child's DOB.
void R611(const Context& ctx, Out& out) {
  for (size_t h = 0; h < ctx.cur.Rows(kHeader); ++h) {
    if (ctx.Cell(kHeader, h, hdr::MOTHER) == "1" && ctx.Cell(kHeader, h, hdr::MC_DOB).empty()) {
      out.Flag(kHeader, h, "MC_DOB");
    }
  }
}

// 612: a girl with the first child's DOB whose MOTHER is 0 or blank.
void R612(const Context& ctx, Out& out) {
  for (size_t h = 0; h < ctx.cur.Rows(kHeader); ++h) {
    const std::string_view mother = ctx.Cell(kHeader, h, hdr::MOTHER);
    if ((mother.empty() || mother == "0") && ctx.Cell(kHeader, h, hdr::SEX) == "F" &&
        !ctx.Cell(kHeader, h, hdr::MC_DOB).empty()) {
      out.Flag(kHeader, h, "MOTHER");
    }
  }
}

// 620: a mother under 11 on 1 April (the collection's first day).
void R620(const Context& ctx, Out& out) {
  for (size_t h = 0; h < ctx.cur.Rows(kHeader); ++h) {
    if (ctx.Cell(kHeader, h, hdr::MOTHER) != "1") continue;
    const OptDate dob = ctx.DateCell(kHeader, h, hdr::DOB);
    if (dob && AgeOn(*dob, ctx.start) < 11) out.Flag(kHeader, h, "DOB");
  }
}

// 621: the first child's DOB is not after the mother's (an unreadable DOB counts as not
// before it, as in the community's reading).
void R621(const Context& ctx, Out& out) {
  for (size_t h = 0; h < ctx.cur.Rows(kHeader); ++h) {
    const OptDate mc_dob = ctx.DateCell(kHeader, h, hdr::MC_DOB);
    if (!mc_dob) continue;
    const OptDate dob = ctx.DateCell(kHeader, h, hdr::DOB);
    if (!dob || *mc_dob <= *dob) out.Flag(kHeader, h, "MC_DOB");
  }
}

// 624: the first child's DOB differs from the one last year's return gave.
void R624(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    const ChildRows* last = LastYear(ctx, c);
    if (!last) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      const std::string_view now = ctx.Cell(kHeader, h, hdr::MC_DOB);
      for (std::uint32_t q : last->rows[kHeader]) {
        const std::string_view then = ctx.last.Cell(kHeader, q, hdr::MC_DOB);
        if (!then.empty() && now != then) {
          out.Flag(kHeader, h, "MC_DOB");
          break;
        }
      }
    }
  }
}

// 625: the first child's DOB is after 31 March, or after the DEC of the child's latest ended
// episode. DfE's reading: the 31 March bound applies to every child (the community checks it
// only for children with an ended episode).
void R625(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    OptDate latest;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const OptDate dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (dec && (!latest || *dec > *latest)) latest = dec;
    }
    for (std::uint32_t h : c.rows[kHeader]) {
      const OptDate mc_dob = ctx.DateCell(kHeader, h, hdr::MC_DOB);
      if (mc_dob && (*mc_dob > ctx.end || Before(latest, mc_dob))) out.Flag(kHeader, h, "MC_DOB");
    }
  }
}

// 626: a mother (MOTHER 1) whose first child was born before this year, although last year's
// return said she was not a mother (MOTHER 0).
void R626(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    const ChildRows* last = LastYear(ctx, c);
    if (!last) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (ParseNumber(ctx.Cell(kHeader, h, hdr::MOTHER)) != 1.0 ||
          !Before(ctx.DateCell(kHeader, h, hdr::MC_DOB), ctx.start)) {
        continue;
      }
      for (std::uint32_t q : last->rows[kHeader]) {
        if (ParseNumber(ctx.last.Cell(kHeader, q, hdr::MOTHER)) == 0.0) {
          out.Flag(kHeader, h, "MOTHER");
          break;
        }
      }
    }
  }
}

// 628: MOTHER given for a care leaver (an OC3 row with any information) who has no episode.
void R628(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty() || !c.rows[kEpisodes].empty()) continue;
    bool leaver = false;
    for (std::uint32_t o : c.rows[kOc3]) {
      leaver = leaver || !ctx.Cell(kOc3, o, oc3::IN_TOUCH).empty() ||
               !ctx.Cell(kOc3, o, oc3::ACTIV).empty() || !ctx.Cell(kOc3, o, oc3::ACCOM).empty();
    }
    if (!leaver) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (!ctx.Cell(kHeader, h, hdr::MOTHER).empty()) out.Flag(kHeader, h, "MOTHER");
    }
  }
}

// ---- Previous permanence (630-635)

// 630: a child who started to be looked after in the year (RNE S) without previous
// permanence information: no PrevPerm row, PREV_PERM blank, or an option other than Z1
// without LA_PERM and DATE_PERM.
void R630(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool incomplete = c.rows[kPrevPerm].empty();
    for (std::uint32_t p : c.rows[kPrevPerm]) {
      const std::string_view prev = ctx.Cell(kPrevPerm, p, pp::PREV_PERM);
      incomplete = incomplete || prev.empty() ||
                   (prev != "Z1" && (ctx.Cell(kPrevPerm, p, pp::LA_PERM).empty() ||
                                     ctx.Cell(kPrevPerm, p, pp::DATE_PERM).empty()));
    }
    if (!incomplete) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const OptDate decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (ctx.Cell(kEpisodes, e, ep::RNE) == "S" && decom && *decom >= ctx.start) {
        out.Flag(kEpisodes, e, "RNE");
      }
    }
  }
}

// 631: PREV_PERM not a valid code.
void R631(const Context& ctx, Out& out) {
  for (size_t p = 0; p < ctx.cur.Rows(kPrevPerm); ++p) {
    const std::string_view v = ctx.Cell(kPrevPerm, p, pp::PREV_PERM);
    if (!v.empty() && !OneOf(v, {"P1", "P2", "P3", "P4", "Z1"}))
      out.Flag(kPrevPerm, p, "PREV_PERM");
  }
}

// DATE_PERM as a date: DD/MM/YYYY, where an unknown part may be ZZ (ZZZZ for the year) and
// the latest day it could stand for is taken: ZZ/MM/YYYY is the month's last day; with the
// month unknown the date is a year on, less a day (ZZ/ZZ/YYYY: 31 December); an unknown year
// is 2000. The community's reading of DfE's format.
OptDate PermanenceDate(std::string_view t) {
  const size_t a = t.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  const size_t b = t.find('/', a + 1);
  if (b == std::string_view::npos || t.find('/', b + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view day = t.substr(0, a), month = t.substr(a + 1, b - a - 1), year = t.substr(b + 1);
  enum { kNone, kMonthEnd, kYearOn } offset = kNone;
  if (day == "ZZ") {
    day = "01";
    offset = kMonthEnd;
  }
  if (month == "ZZ") {
    month = "01";
    offset = kYearOn;
  }
  if (year == "ZZZZ") year = "2000";
  if (day.size() != 2 || month.size() != 2 || year.size() != 4) return std::nullopt;
  char text[10] = {day[0], day[1],  '/',     month[0], month[1],
                   '/',    year[0], year[1], year[2],  year[3]};
  const OptDate d = ParseDate(std::string_view(text, sizeof(text)));
  if (!d) return std::nullopt;
  if (offset == kMonthEnd) {
    const int y = d->year() + (d->month() == 12 ? 1 : 0);
    const unsigned m = d->month() == 12 ? 1 : d->month() + 1;
    return Date::FromCivil(y, m, 1).AddDays(-1);
  }
  if (offset == kYearOn) return AddYears(*d, 1).AddDays(-1);
  return d;
}

// 632: DATE_PERM given but not a valid (partial) date, or not before the start of the child's
// first episode.
void R632(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPrevPerm].empty()) continue;
    OptDate first;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (first) break;
    }
    if (!first) continue;
    for (std::uint32_t p : c.rows[kPrevPerm]) {
      const std::string_view text = ctx.Cell(kPrevPerm, p, pp::DATE_PERM);
      if (text.empty()) continue;
      const OptDate d = PermanenceDate(text);
      if (!d || *d >= *first) out.Flag(kPrevPerm, p, "DATE_PERM");
    }
  }
}

// 633: LA_PERM not a valid LA code.
void R633(const Context& ctx, Out& out) {
  static constexpr std::string_view kCodes[] = {
      "800", "889", "822", "301", "304", "303", "330", "825", "837", "302", "846", "370", "350",
      "890", "867", "380", "305", "801", "351", "873", "823", "895", "896", "381", "909", "202",
      "908", "331", "306", "841", "830", "831", "878", "371", "835", "332", "840", "307", "308",
      "811", "881", "845", "390", "916", "203", "876", "850", "311", "204", "884", "312", "205",
      "313", "805", "919", "310", "309", "420", "921", "206", "207", "886", "810", "382", "314",
      "340", "888", "208", "856", "383", "855", "209", "925", "341", "201", "821", "352", "806",
      "887", "826", "315", "929", "812", "391", "926", "892", "813", "802", "928", "891", "392",
      "316", "815", "353", "931", "879", "836", "851", "874", "807", "354", "317", "870", "318",
      "372", "857", "333", "935", "343", "803", "373", "342", "893", "356", "355", "871", "394",
      "334", "933", "882", "936", "861", "852", "319", "860", "808", "393", "866", "210", "357",
      "894", "883", "880", "358", "211", "937", "869", "320", "359", "865", "384", "335", "336",
      "212", "868", "872", "885", "344", "877", "213", "938", "816", "999", "WAL", "SCO", "NUK",
      "NIR"};
  for (size_t p = 0; p < ctx.cur.Rows(kPrevPerm); ++p) {
    const std::string_view v = ctx.Cell(kPrevPerm, p, pp::LA_PERM);
    if (v.empty()) continue;
    if (std::find(std::begin(kCodes), std::end(kCodes), v) == std::end(kCodes)) {
      out.Flag(kPrevPerm, p, "LA_PERM");
    }
  }
}

// 634: previous permanence information (any field, Z1 included) for a child whose latest
// episode began before 1 April 2016. DfE's date (the community uses the collection's start).
void R634(const Context& ctx, Out& out) {
  const Date april_2016 = Date::FromCivil(2016, 4, 1);
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPrevPerm].empty()) continue;
    OptDate latest;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const OptDate d = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (d && (!latest || *d > *latest)) latest = d;
    }
    if (!latest || *latest >= april_2016) continue;
    for (std::uint32_t p : c.rows[kPrevPerm]) {
      if (!ctx.Cell(kPrevPerm, p, pp::PREV_PERM).empty() ||
          !ctx.Cell(kPrevPerm, p, pp::LA_PERM).empty() ||
          !ctx.Cell(kPrevPerm, p, pp::DATE_PERM).empty()) {
        out.Flag(kPrevPerm, p, "PREV_PERM");
      }
    }
  }
}

// 635: LA_PERM or DATE_PERM given while PREV_PERM is Z1 (DfE's message) or blank (the
// community's reading).
void R635(const Context& ctx, Out& out) {
  for (size_t p = 0; p < ctx.cur.Rows(kPrevPerm); ++p) {
    const std::string_view prev = ctx.Cell(kPrevPerm, p, pp::PREV_PERM);
    if ((prev.empty() || prev == "Z1") && (!ctx.Cell(kPrevPerm, p, pp::LA_PERM).empty() ||
                                           !ctx.Cell(kPrevPerm, p, pp::DATE_PERM).empty())) {
      out.Flag(kPrevPerm, p, "PREV_PERM");
    }
  }
}

}  // namespace

void AddRules542To635(std::vector<Rule>& rules) {
  rules.push_back({{"542", Severity::kError,
                    "A child aged under 10 at 31 March should not have conviction information "
                    "completed."},
                   Needs(kOc2),
                   R542});
  rules.push_back({{"543", Severity::kError,
                    "Child is aged 10 or over at 31 March and has been looked after continuously "
                    "for 12 months yet conviction information has not been completed."},
                   Needs(kEpisodes) | Needs(kOc2),
                   R543});
  rules.push_back({{"544", Severity::kError,
                    "Any child who has conviction information completed must also have "
                    "immunisation, teeth check, health assessment and substance misuse problem "
                    "identified fields completed."},
                   Needs(kOc2),
                   R544});
  rules.push_back({{"545", Severity::kError,
                    "Child is aged under 5 at 31 March and has been looked after continuously for "
                    "12 months yet health promotion information has not been completed."},
                   Needs(kEpisodes) | Needs(kOc2),
                   R545});
  rules.push_back({{"546", Severity::kError,
                    "Children aged 5 or over at 31 March should not have health promotion "
                    "information completed."},
                   Needs(kEpisodes) | Needs(kOc2),
                   R546});
  rules.push_back({{"547", Severity::kError,
                    "Any child who has health promotion information completed must also have "
                    "immunisation, teeth check, health assessment and substance misuse problem "
                    "identified fields completed."},
                   Needs(kOc2),
                   R547});
  rules.push_back({{"550", Severity::kError,
                    "A placement provider code of PR0 can only be associated with placement P1."},
                   Needs(kEpisodes),
                   R550});
  rules.push_back({{"551", Severity::kError,
                    "Child has been placed for adoption but there is no date of the decision that "
                    "the child should be placed for adoption."},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R551});
  rules.push_back({{"552", Severity::kError,
                    "Date of Decision to place a child for adoption should be on or prior to the "
                    "date that the child was placed for adoption."},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R552});
  rules.push_back({{"553", Severity::kError,
                    "Placement order has been granted but there is no date of decision that the "
                    "child should be placed for adoption."},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R553});
  rules.push_back({{"554", Severity::kError,
                    "Date of decision that the child should be placed for adoption should be on or "
                    "prior to the date that the placement order was granted. [NOTE: This rule may "
                    "result in false positives or false negatives if relevant episodes are in "
                    "previous years; please check carefully!]"},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R554});
  rules.push_back({{"557", Severity::kError,
                    "Child for whom the decision was made that they should be placed for adoption "
                    "has left care but was not adopted and information on the decision that they "
                    "should no longer be placed for adoption items has not been completed."},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R557});
  rules.push_back({{"558", Severity::kError,
                    "If a child has been adopted, then the decision to place them for adoption has "
                    "not been disrupted and the date of the decision that a child should no longer "
                    "be placed for adoption should be left blank."},
                   Needs(kEpisodes) | Needs(kPlacedAdoption),
                   R558});
  rules.push_back({{"559", Severity::kError,
                    "Date of decision that a child should be placed for adoption was not in the "
                    "current year but the date of the decision that the child should be placed for "
                    "adoption was not completed in a previous return."},
                   Needs(kPlacedAdoption) | NeedsLast(kPlacedAdoption),
                   R559});
  rules.push_back(
      {{"560", Severity::kError,
        "Date of decision that the child should be placed for adoption this year is "
        "different from that recorded last year but the decision to place the child for "
        "adoption did not change."},
       Needs(kPlacedAdoption) | NeedsLast(kPlacedAdoption),
       R560});
  rules.push_back(
      {{"561", Severity::kError,
        "Date of the decision that the child should be placed for adoption this year is "
        "the same as that recorded last year but records show that the decision "
        "changed, and the child should no longer be placed for adoption last year."},
       Needs(kPlacedAdoption) | NeedsLast(kPlacedAdoption),
       R561});
  rules.push_back(
      {{"562", Severity::kError,
        "Episode commenced before the start of the current collection year but there is "
        "a missing continuous episode in the previous year."},
       Needs(kEpisodes) | NeedsLast(kEpisodes),
       R562});
  rules.push_back(
      {{"563", Severity::kError,
        "The child should no longer be placed for adoption but the date of the decision "
        "that the child should be placed for adoption is blank"},
       Needs(kPlacedAdoption),
       R563});
  rules.push_back({{"564", Severity::kError,
                    "Child was missing or away from placement without authorisation and the date "
                    "started is blank."},
                   Needs(kMissing),
                   R564});
  rules.push_back({{"565", Severity::kError,
                    "The date that the child started to be missing or away from placement without "
                    "authorisation has been completed but whether the child was missing or away "
                    "from placement without authorisation has not been completed."},
                   Needs(kMissing),
                   R565});
  rules.push_back({{"566", Severity::kError,
                    "The date that the child's episode of being missing or away from placement "
                    "without authorisation ended has been completed but whether the child was "
                    "missing or away without authorisation has not been completed."},
                   Needs(kMissing),
                   R566});
  rules.push_back({{"567", Severity::kError,
                    "The date that the missing episode or episode that the child was away from "
                    "placement without authorisation ended is before the date that it started."},
                   Needs(kMissing),
                   R567});
  rules.push_back({{"570", Severity::kError,
                    "The date that the child started to be missing or away from placement without "
                    "authorisation is after the end of the collection year."},
                   Needs(kMissing),
                   R570});
  rules.push_back({{"571", Severity::kError,
                    "The date that the child ceased to be missing or away from placement without "
                    "authorisation is before the start or after the end of the collection year."},
                   Needs(kMissing),
                   R571});
  rules.push_back({{"574", Severity::kError,
                    "A new missing/away from placement without authorisation period cannot start "
                    "when the previous missing/away from placement without authorisation period is "
                    "still open. Missing/away from placement without authorisation periods should "
                    "also not overlap."},
                   Needs(kMissing),
                   R574});
  rules.push_back(
      {{"575", Severity::kError,
        "If the placement from which the child goes missing/away from placement without "
        "authorisation ends, the missing/away from placement without authorisation "
        "period in the missing module must also have an end date."},
       Needs(kEpisodes) | Needs(kMissing),
       R575});
  rules.push_back({{"576", Severity::kError,
                    "There is an open missing/away from placement without authorisation period in "
                    "last year’s return and there is no corresponding period recorded at the start "
                    "of this year."},
                   Needs(kMissing) | NeedsLast(kMissing),
                   R576});
  rules.push_back({{"577", Severity::kError,
                    "Child ceased to be looked after but there is a missing/away from placement "
                    "without authorisation period without an end date."},
                   Needs(kEpisodes) | Needs(kMissing),
                   R577});
  rules.push_back({{"578", Severity::kError,
                    "The date that the child started to be missing is after the child ceased to be "
                    "looked after."},
                   Needs(kEpisodes) | Needs(kMissing),
                   R578});
  rules.push_back({{"579", Severity::kError,
                    "A new decision that the child should be placed for adoption this year cannot "
                    "start when the previous decision is still open. Decisions to place the child "
                    "for adoption should also not overlap. The date of any new decision to place "
                    "the child for adoption must not be before the date placed ceased of previous "
                    "decisions."},
                   Needs(kPlacedAdoption),
                   R579});
  rules.push_back({{"580", Severity::kError,
                    "Child is missing when cease being looked after but reason episode ceased not "
                    "‘E8’."},
                   Needs(kEpisodes) | Needs(kMissing),
                   R580});
  rules.push_back(
      {{"581", Severity::kError, "Child is missing but has not yet started to be looked after."},
       Needs(kEpisodes) | Needs(kMissing),
       R581});
  rules.push_back(
      {{"582", Severity::kError,
        "Child is showing as ceasing to be looked after due to adoption, but the date "
        "of adoption is the same as the date reported for being matched with adopters. "
        "In most circumstances we expect the date the child is matched with adopters to "
        "be before the date of adoption."},
       Needs(kEpisodes) | Needs(kAd1),
       R582});
  rules.push_back({{"583", Severity::kError,
                    "More than one date the child should be placed for adoption has been reported, "
                    "but an earlier decision has not been revoked. Check that both dates are "
                    "required and add in the date the earlier decision was revoked. Note this may "
                    "be in a previous year."},
                   Needs(kPlacedAdoption),
                   R583});
  rules.push_back({{"584", Severity::kError,
                    "Date of decision that the child should be placed for adoption this year is "
                    "different from that recorded last year, but the decision to placed the child "
                    "for adoption changed and the child should no longer be placed for adoption."},
                   Needs(kPlacedAdoption) | NeedsLast(kPlacedAdoption),
                   R584});
  rules.push_back(
      {{"586", Severity::kError, "Dates of missing periods are before child’s date of birth."},
       Needs(kMissing),
       R586});
  rules.push_back({{"601", Severity::kError,
                    "The additional fields relating to adoption have not been completed although "
                    "the episode data shows that the child was adopted during the year."},
                   Needs(kEpisodes) | Needs(kAd1),
                   R601});
  rules.push_back({{"602", Severity::kError,
                    "The episode data submitted for this child does not show that he/she was "
                    "adopted during the year."},
                   Needs(kEpisodes) | Needs(kAd1),
                   R602});
  rules.push_back({{"607", Severity::kError,
                    "Child ceased to be looked after in the year, but mother field has not been "
                    "completed."},
                   Needs(kEpisodes) | Needs(kHeader),
                   R607});
  rules.push_back(
      {{"611", Severity::kError, "Date of birth field is blank, but child is a mother."},
       Needs(kHeader),
       R611});
  rules.push_back(
      {{"612", Severity::kError,
        "Date of birth field has been completed but mother field indicates child is not "
        "a mother."},
       Needs(kHeader),
       R612});
  rules.push_back({{"620", Severity::kError,
                    "Child has been recorded as a mother, but date of birth shows that the mother "
                    "is under 11 years of age."},
                   Needs(kHeader),
                   R620});
  rules.push_back({{"621", Severity::kError,
                    "Mother’s field has been completed but date of birth shows that the mother is "
                    "younger than her child."},
                   Needs(kHeader),
                   R621});
  rules.push_back({{"624", Severity::kError,
                    "Date of birth of the first child contradicts the date of birth of the first "
                    "child previously recorded."},
                   Needs(kHeader) | NeedsLast(kHeader),
                   R624});
  rules.push_back({{"625", Severity::kError,
                    "Date of birth of the first child is beyond the end of this reporting year or "
                    "the date the child ceased to be looked after."},
                   Needs(kEpisodes) | Needs(kHeader),
                   R625});
  rules.push_back(
      {{"626", Severity::kError,
        "Child was reported as a mother but the date of birth of the first child is "
        "before the current year which contradicts with the mother status recorded last "
        "year."},
       Needs(kHeader) | NeedsLast(kHeader),
       R626});
  rules.push_back({{"628", Severity::kError,
                    "Motherhood details are not required for care leavers who have not been looked "
                    "after during the year."},
                   Needs(kEpisodes) | Needs(kHeader) | Needs(kOc3),
                   R628});
  rules.push_back(
      {{"630", Severity::kError, "Information on previous permanence option should be returned."},
       Needs(kEpisodes) | Needs(kPrevPerm),
       R630});
  rules.push_back({{"631", Severity::kError, "Previous permanence option not a valid value."},
                   Needs(kPrevPerm),
                   R631});
  rules.push_back({{"632", Severity::kError,
                    "Date of previous permanence order not a valid value. NOTE: This rule may "
                    "result in false negatives where the period of care started before the current "
                    "collection year"},
                   Needs(kEpisodes) | Needs(kPrevPerm),
                   R632});
  rules.push_back({{"633", Severity::kError,
                    "Local authority code where previous permanence option was arranged is not a "
                    "valid value."},
                   Needs(kPrevPerm),
                   R633});
  rules.push_back({{"634", Severity::kError,
                    "There are entries for previous permanence options, but child has not started "
                    "to be looked after from 1 April 2016 onwards."},
                   Needs(kEpisodes) | Needs(kPrevPerm),
                   R634});
  rules.push_back({{"635", Severity::kError,
                    "There are entries for date of order and local authority code where previous "
                    "permanence option was arranged but previous permanence code is Z1"},
                   Needs(kPrevPerm),
                   R635});
}

}  // namespace sg::ssda903
