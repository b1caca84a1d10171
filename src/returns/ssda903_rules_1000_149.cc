// SSDA903 rules 1000-1016 and 101-149.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include <algorithm>
#include <optional>
#include <string_view>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

using Codes = std::initializer_list<std::string_view>;

// ---- Helpers

// A code cell that is neither blank (when blanks are allowed) nor one of `codes`.
bool BadCode(std::string_view v, Codes codes, bool blank_ok) {
  if (v.empty()) return !blank_ok;
  return !OneOf(v, codes);
}

// Flags each row of table `t` whose `col` is not a valid code.
void CheckCodes(const Context& ctx, Out& out, TableId t, int col, std::string_view field,
                Codes codes, bool blank_ok) {
  const size_t n = ctx.cur.Rows(t);
  for (size_t r = 0; r < n; ++r) {
    if (BadCode(ctx.Cell(t, r, col), codes, blank_ok)) out.Flag(t, r, field);
  }
}

// Flags each row of table `t` whose `col` is not a DD/MM/YYYY date: a filled cell that is
// not one, and also a blank cell when `blank_bad`.
void CheckDate(const Context& ctx, Out& out, TableId t, int col, std::string_view field,
               bool blank_bad) {
  const size_t n = ctx.cur.Rows(t);
  for (size_t r = 0; r < n; ++r) {
    const std::string_view v = ctx.Cell(t, r, col);
    if (v.empty() ? blank_bad : !ParseDate(v)) out.Flag(t, r, field);
  }
}

// Any of IN_TOUCH, ACTIV, ACCOM given on an OC3 row.
bool HasCareLeaverData(const Context& ctx, std::uint32_t r) {
  return !ctx.Cell(kOc3, r, oc3::IN_TOUCH).empty() || !ctx.Cell(kOc3, r, oc3::ACTIV).empty() ||
         !ctx.Cell(kOc3, r, oc3::ACCOM).empty();
}

// The child's rows in the previous year's table, or nullptr.
const std::span<std::uint32_t>* LastRows(const Context& ctx, std::string_view child, TableId t) {
  if (!ctx.last.Has(t)) return nullptr;
  const ChildRows* c = ctx.last.Find(child);
  return c ? &c->rows[t] : nullptr;
}

// The episode with the latest DECOM (the first in file order among equals), or -1 when none
// has a DECOM. `rows` are in DECOM order (ChildRows), so the first of the last equal run.
long LatestEpisode(const Year& y, std::span<const std::uint32_t> rows) {
  long best = -1;
  std::optional<Date> best_date;
  for (std::uint32_t e : rows) {
    const auto d = ParseDate(y.Cell(kEpisodes, e, ep::DECOM));
    if (d && (!best_date || *d > *best_date)) {
      best_date = d;
      best = e;
    }
  }
  return best;
}

// ---- 1000-1016

// 1000: a child whose episode ended with death (REC E2), this year or last, has OC3 data.
void R1000(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty()) continue;
    bool died = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      died = died || ctx.Cell(kEpisodes, e, ep::REC) == "E2";
    }
    if (const auto* last = LastRows(ctx, c.id, kEpisodes)) {
      for (std::uint32_t e : *last) died = died || ctx.last.Cell(kEpisodes, e, ep::REC) == "E2";
    }
    if (!died) continue;
    for (std::uint32_t r : c.rows[kOc3]) out.Flag(kOc3, r, "IN_TOUCH");
  }
}

// 1001: a care leaver (OC3) must be a relevant or former relevant child: looked after for at
// least 91 days since its 14th birthday, at least one of them since its 16th, across this
// year's and last year's episodes (short breaks, V3/V4, not counted; an episode in both years
// counted once; the final episode, if open, runs to 31 March), and not finally adopted
// (E11/E12). Young people 20 or over on 31 March are not tested for the days in care: two
// years of episodes cannot show their care.
struct Span {
  std::optional<Date> decom, dec;
  std::string_view ls, rec;
};

void R1001(const Context& ctx, Out& out) {
  if (!ctx.cur.Rows(kEpisodes) || !ctx.cur.Rows(kOc3) || !ctx.cur.Rows(kHeader) ||
      !ctx.last.Rows(kEpisodes)) {
    return;
  }
  // The first Header row of a child with a DOB, and whether it is under 20 on 31 March.
  auto header_dob = [&](const ChildRows& c) -> std::optional<Date> {
    for (std::uint32_t h : c.rows[kHeader]) {
      if (auto dob = ctx.DateCell(kHeader, h, hdr::DOB)) return dob;
    }
    return std::nullopt;
  };
  auto under_20 = [&](Date dob) { return AddYears(dob, 20) > ctx.end; };
  auto short_break = [](std::string_view ls) { return ls == "V3" || ls == "V4"; };

  // The community tests nothing when no child under 20 has any episode that is not a short
  // break.
  bool any_counted = false;
  for (const ChildRows& c : ctx.cur.children) {
    if (any_counted) break;
    const auto dob = header_dob(c);
    if (!dob || !under_20(*dob)) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!short_break(ctx.Cell(kEpisodes, e, ep::LS))) any_counted = true;
    }
    if (const auto* last = LastRows(ctx, c.id, kEpisodes)) {
      for (std::uint32_t e : *last) {
        if (!short_break(ctx.last.Cell(kEpisodes, e, ep::LS))) any_counted = true;
      }
    }
  }
  if (!any_counted) return;

  std::vector<Span> spans;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty()) continue;
    // This year's episodes, then last year's; one per DECOM: the one with the earliest DEC.
    spans.clear();
    auto add = [&](const Year& y, std::uint32_t e) {
      Span s{ParseDate(y.Cell(kEpisodes, e, ep::DECOM)), ParseDate(y.Cell(kEpisodes, e, ep::DEC)),
             y.Cell(kEpisodes, e, ep::LS), y.Cell(kEpisodes, e, ep::REC)};
      for (Span& t : spans) {
        if (t.decom != s.decom) continue;
        if (s.dec && (!t.dec || *s.dec < *t.dec)) t = s;
        return;
      }
      spans.push_back(s);
    };
    for (std::uint32_t e : c.rows[kEpisodes]) add(ctx.cur, e);
    if (const auto* last = LastRows(ctx, c.id, kEpisodes)) {
      for (std::uint32_t e : *last) add(ctx.last, e);
    }
    // The final episode (latest DECOM), open, runs to the end of the collection year.
    Span* final_span = nullptr;
    for (Span& s : spans) {
      if (s.decom && (!final_span || *s.decom > *final_span->decom)) final_span = &s;
    }
    if (final_span && !final_span->dec) final_span->dec = ctx.end;
    const bool adopted = final_span && (final_span->rec == "E11" || final_span->rec == "E12");

    bool relevant = false;
    const auto dob = header_dob(c);
    if (dob && !under_20(*dob)) {
      relevant = true;  // not tested
    } else if (dob) {
      const Date dob14 = AddYears(*dob, 14), dob16 = AddYears(*dob, 16);
      long total14 = 0, total16 = 0;
      for (const Span& s : spans) {
        if (short_break(s.ls) || !s.dec) continue;
        const Date from14 = s.decom ? std::max(*s.decom, dob14) : dob14;
        const Date from16 = s.decom ? std::max(*s.decom, dob16) : dob16;
        total14 += std::max(0, s.dec->days() - from14.days());
        total16 += std::max(0, s.dec->days() - from16.days());
      }
      relevant = total14 >= 91 && total16 >= 1;
    }
    if (relevant && !adopted) continue;
    for (std::uint32_t r : c.rows[kOc3]) out.Flag(kOc3, r, "IN_TOUCH");
  }
}

// 1002: a care leaver (OC3) has no episodes this year or last.
void R1002(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty() || !c.rows[kEpisodes].empty()) continue;
    const auto* last = LastRows(ctx, c.id, kEpisodes);
    if (last && !last->empty()) continue;
    for (std::uint32_t r : c.rows[kOc3]) out.Flag(kOc3, r, "IN_TOUCH");
  }
}

// 1003: a child cannot be placed for adoption (DATE_PLACED) before the first episode in which
// it started to be looked after (RNE S) in the return.
void R1003(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    std::optional<Date> first;
    for (std::uint32_t e : c.rows[kEpisodes]) {  // in DECOM order
      if (ctx.Cell(kEpisodes, e, ep::RNE) != "S") continue;
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (first) break;
    }
    if (!first) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const auto placed = ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED);
      if (placed && *placed < *first) out.Flag(kPlacedAdoption, p, "DATE_PLACED");
    }
  }
}

// 1004: MIS_START is blank or not a date.
void R1004(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kMissing, mis::MIS_START, "MIS_START", true);
}

// 1005: MIS_END, if given, is not a date.
void R1005(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kMissing, mis::MIS_END, "MIS_END", false);
}

// 1006: MISSING, if given, is not M or A.
void R1006(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kMissing, mis::MISSING, "MISSING", {"M", "A"}, true);
}

// 1007: a 17- or 18-year-old (on 31 March, by the OC3 DOB) who was looked after on their last
// birthday (an episode begun by then that ended after it or is still open) has OC3 data.
void R1007(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty() || c.rows[kEpisodes].empty()) continue;
    for (std::uint32_t r : c.rows[kOc3]) {
      if (!HasCareLeaverData(ctx, r)) continue;
      const auto dob = ctx.DateCell(kOc3, r, oc3::DOB);
      if (!dob || AddYears(*dob, 17) > ctx.end || AddYears(*dob, 19) <= ctx.end) continue;
      Date birthday = AddYears(*dob, ctx.end.year() - dob->year());
      if (birthday > ctx.end) birthday = AddYears(*dob, ctx.end.year() - dob->year() - 1);
      bool in_care = false;
      for (std::uint32_t e : c.rows[kEpisodes]) {
        const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
        const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
        if (decom && *decom <= birthday && (!dec || *dec > birthday)) in_care = true;
      }
      if (in_care) out.Flag(kOc3, r, "IN_TOUCH");
    }
  }
}

// 1008: a URN (other than the placeholder XXXXXXX) that is not on the Ofsted provider list.
void R1008(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t r = 0; r < n; ++r) {
    const std::string_view urn = ctx.Cell(kEpisodes, r, ep::URN);
    if (urn.empty() || urn == "XXXXXXX") continue;
    if (!ctx.ref->providers.count(std::string(urn))) out.Flag(kEpisodes, r, "URN");
  }
}

// 1009: REASON_PLACE_CHANGE, if given, is not a valid code.
void R1009(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kEpisodes, ep::REASON_PLACE_CHANGE, "REASON_PLACE_CHANGE",
             {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
              "PLACE", "CUSTOD", "OTHER"},
             true);
}

// 1010: a care leaver (OC3) with no episodes this year whose latest episode last year was still
// open.
void R1010(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty() || !c.rows[kEpisodes].empty()) continue;
    const auto* last = LastRows(ctx, c.id, kEpisodes);
    if (!last) continue;
    // The last dated episode in DECOM order (the last in file order among equals).
    long final_ep = -1;
    for (std::uint32_t e : *last) {
      if (ParseDate(ctx.last.Cell(kEpisodes, e, ep::DECOM))) final_ep = e;
    }
    if (final_ep < 0 || !ctx.last.Cell(kEpisodes, static_cast<size_t>(final_ep), ep::DEC).empty()) {
      continue;
    }
    for (std::uint32_t r : c.rows[kOc3]) out.Flag(kOc3, r, "IN_TOUCH");
  }
}

// 1011: the child's final episode (latest DECOM) ended with care transferred to another LA
// (REC E3) and OC3 data is given.
void R1011(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty()) continue;
    const long final_ep = LatestEpisode(ctx.cur, c.rows[kEpisodes]);
    if (final_ep < 0 || ctx.Cell(kEpisodes, static_cast<size_t>(final_ep), ep::REC) != "E3") {
      continue;
    }
    for (std::uint32_t r : c.rows[kOc3]) {
      if (HasCareLeaverData(ctx, r)) out.Flag(kOc3, r, "IN_TOUCH");
    }
  }
}

// 1012: a child with no episodes has rows in PlacedAdoption, Missing, Reviews, AD1, PrevPerm or
// OC2.
void R1012(const Context& ctx, Out& out) {
  static constexpr TableId kOthers[] = {kPlacedAdoption, kMissing, kReviews, kAd1, kPrevPerm, kOc2};
  for (const ChildRows& c : ctx.cur.children) {
    if (!c.rows[kEpisodes].empty()) continue;
    for (TableId t : kOthers) {
      if (!ctx.cur.Has(t)) continue;
      for (std::uint32_t r : c.rows[t]) out.Flag(t, r, "CHILD");
    }
  }
}

// 1014: a UASC child with OC3 data whose episodes all lie outside the collection year.
void R1014(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kUasc].empty() || c.rows[kEpisodes].empty() || c.rows[kOc3].empty()) continue;
    bool care_leaver_data = false;
    for (std::uint32_t r : c.rows[kOc3])
      care_leaver_data = care_leaver_data || HasCareLeaverData(ctx, r);
    if (!care_leaver_data) continue;
    bool in_year = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (decom && *decom <= ctx.end && (!dec || *dec >= ctx.start)) in_year = true;
    }
    if (in_year) continue;
    for (std::uint32_t r : c.rows[kUasc]) out.Flag(kUasc, r, "DUC");
  }
}

// 1015: the LA's own provision (PR1), other than foster care or adoption placements or short
// breaks, is outside the LA (PL_LA, from the placement postcode; an unknown postcode counts as
// outside).
void R1015(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t r = 0; r < n; ++r) {
    const std::string_view place = ctx.Cell(kEpisodes, r, ep::PLACE);
    const std::string_view ls = ctx.Cell(kEpisodes, r, ep::LS);
    if (place.empty() || ls.empty() || ctx.Cell(kEpisodes, r, ep::PLACE_PROVIDER) != "PR1") {
      continue;
    }
    if (OneOf(place, {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"})) continue;
    if (ls == "V3" || ls == "V4") continue;
    if (ctx.cur.pl_la[r] != ctx.ref->la_code) out.Flag(kEpisodes, r, "PL_LA");
  }
}

// 1016: a 17-year-old (on 31 March, by the OC3 DOB) with an episode ending on or after their
// 17th birthday, or an 18-year-old with one ending on or after their 18th, has OC3 data.
void R1016(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty() || c.rows[kEpisodes].empty()) continue;
    for (std::uint32_t r : c.rows[kOc3]) {
      if (!HasCareLeaverData(ctx, r)) continue;
      const auto dob = ctx.DateCell(kOc3, r, oc3::DOB);
      if (!dob) continue;
      const int age = AgeOn(*dob, ctx.end);
      if (age != 17 && age != 18) continue;
      const Date birthday = AddYears(*dob, age);
      bool ceased_after = false;
      for (std::uint32_t e : c.rows[kEpisodes]) {
        const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
        if (dec && *dec >= birthday) ceased_after = true;
      }
      if (ceased_after) out.Flag(kOc3, r, "IN_TOUCH");
    }
  }
}

// ---- 101-149

void R101(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kHeader, hdr::SEX, "SEX", {"M", "F", "U"}, false);
}

void R102(const Context& ctx, Out& out) { CheckDate(ctx, out, kHeader, hdr::DOB, "DOB", true); }

void R103(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kHeader, hdr::ETHNIC, "ETHNIC",
             {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
              "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"},
             false);
}

// 104: DUC, if given, is not a date, or is before the collection year.
void R104(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kUasc);
  for (size_t r = 0; r < n; ++r) {
    const std::string_view v = ctx.Cell(kUasc, r, uasc::DUC);
    if (v.empty()) continue;
    const auto duc = ParseDate(v);
    if (!duc || *duc < ctx.start) out.Flag(kUasc, r, "DUC");
  }
}

// 105: the Header's UASC flag is not 0 or 1. The tables hold a child's UASC status as a row of
// the UASC table (the XML's flag is read into it), so it is always 0 or 1 here: the community
// likewise reports nothing for CSV returns.
void R105(const Context&, Out&) {}

void R112(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kAd1, ad1::DATE_INT, "DATE_INT", false);
}

void R113(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kAd1, ad1::DATE_MATCH, "DATE_MATCH", false);
}

void R114(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kAd1, ad1::FOSTER_CARE, "FOSTER_CARE", {"0", "1"}, true);
}

void R115(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kPlacedAdoption, pa::DATE_PLACED, "DATE_PLACED", false);
}

void R116(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kPlacedAdoption, pa::DATE_PLACED_CEASED, "DATE_PLACED_CEASED", false);
}

// 117: DATE_PLACED or DATE_PLACED_CEASED is after 31 March or after the DEC of the child's
// latest episode that did not end with a change of placement (REC not X1).
void R117(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].empty()) continue;
    long latest = -1;
    std::optional<Date> latest_decom;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::REC) == "X1") continue;
      const auto d = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (d && (!latest_decom || *d > *latest_decom)) {
        latest_decom = d;
        latest = e;
      }
    }
    if (latest < 0) continue;
    const auto dec = ctx.DateCell(kEpisodes, static_cast<size_t>(latest), ep::DEC);
    auto late = [&](const std::optional<Date>& d) {
      return d && (*d > ctx.end || (dec && *d > *dec));
    };
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      if (late(ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED))) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED");
      } else if (late(ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED))) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED_CEASED");
      }
    }
  }
}

// 118: DATE_PLACED_CEASED is before 1 April or before the DECOM of the child's earliest
// episode that is not a short break (LS V3/V4).
void R118(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kPlacedAdoption].empty()) continue;
    std::optional<Date> first;
    for (std::uint32_t e : c.rows[kEpisodes]) {  // in DECOM order
      const std::string_view ls = ctx.Cell(kEpisodes, e, ep::LS);
      if (ls == "V3" || ls == "V4") continue;
      first = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (first) break;
    }
    if (!first) continue;
    for (std::uint32_t p : c.rows[kPlacedAdoption]) {
      const auto ceased = ctx.DateCell(kPlacedAdoption, p, pa::DATE_PLACED_CEASED);
      if (ceased && (*ceased < *first || *ceased < ctx.start)) {
        out.Flag(kPlacedAdoption, p, "DATE_PLACED_CEASED");
      }
    }
  }
}

// 119: one of DATE_PLACED_CEASED and REASON_PLACED_CEASED is given without the other.
void R119(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kPlacedAdoption);
  for (size_t r = 0; r < n; ++r) {
    const bool date = !ctx.Cell(kPlacedAdoption, r, pa::DATE_PLACED_CEASED).empty();
    const bool reason = !ctx.Cell(kPlacedAdoption, r, pa::REASON_PLACED_CEASED).empty();
    if (date != reason) {
      out.Flag(kPlacedAdoption, r, date ? "REASON_PLACED_CEASED" : "DATE_PLACED_CEASED");
    }
  }
}

void R120(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kPlacedAdoption, pa::REASON_PLACED_CEASED, "REASON_PLACED_CEASED",
             {"RD1", "RD2", "RD3", "RD4"}, true);
}

void R131(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kOc3, oc3::IN_TOUCH, "IN_TOUCH",
             {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}, false);
}

void R132(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kOc3, oc3::ACTIV, "ACTIV",
             {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}, false);
}

void R133(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kOc3, oc3::ACCOM, "ACCOM",
             {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1",
              "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1",
              "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"},
             false);
}

// 134: a child with OC3 data (IN_TOUCH, ACTIV or ACCOM) has adoption data (AD1).
void R134(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty() || c.rows[kOc3].empty()) continue;
    bool care_leaver_data = false;
    for (std::uint32_t r : c.rows[kOc3])
      care_leaver_data = care_leaver_data || HasCareLeaverData(ctx, r);
    if (!care_leaver_data) continue;
    for (std::uint32_t r : c.rows[kAd1]) {
      bool any = false;
      for (int col : {ad1::DATE_INT, ad1::DATE_MATCH, ad1::FOSTER_CARE, ad1::NB_ADOPTR,
                      ad1::SEX_ADOPTR, ad1::LS_ADOPTR}) {
        any = any || !ctx.Cell(kAd1, r, col).empty();
      }
      if (any) out.Flag(kAd1, r, "DATE_INT");
    }
  }
}

void R141(const Context& ctx, Out& out) {
  CheckDate(ctx, out, kEpisodes, ep::DECOM, "DECOM", false);
}

// 142: an episode other than the child's last (by DECOM; undated episodes come last) has a
// DECOM but no DEC or no REC.
void R142(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    for (size_t i = 0; i + 1 < eps.size(); ++i) {
      const std::uint32_t e = eps[i];
      if (c.id.empty() || !ctx.DateCell(kEpisodes, e, ep::DECOM)) continue;
      if (!ctx.DateCell(kEpisodes, e, ep::DEC)) {
        out.Flag(kEpisodes, e, "DEC");
      } else if (ctx.Cell(kEpisodes, e, ep::REC).empty()) {
        out.Flag(kEpisodes, e, "REC");
      }
    }
  }
}

void R143(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kEpisodes, ep::RNE, "RNE", {"S", "P", "L", "T", "U", "B"}, true);
}

void R144(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kEpisodes, ep::LS, "LS",
             {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"}, true);
}

void R145(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kEpisodes, ep::CIN, "CIN", {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"},
             true);
}

// 146: PLACE, if given, is not a 2025/26 code (Z1 is replaced by Z11-Z14).
void R146(const Context& ctx, Out& out) {
  CheckCodes(
      ctx, out, kEpisodes, ep::PLACE, "PLACE",
      {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
       "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"},
      true);
}

void R147(const Context& ctx, Out& out) { CheckDate(ctx, out, kEpisodes, ep::DEC, "DEC", false); }

// 148: one of DEC and REC is given without the other.
void R148(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t r = 0; r < n; ++r) {
    const bool dec = !ctx.Cell(kEpisodes, r, ep::DEC).empty();
    const bool rec = !ctx.Cell(kEpisodes, r, ep::REC).empty();
    if (dec != rec) out.Flag(kEpisodes, r, dec ? "REC" : "DEC");
  }
}

void R149(const Context& ctx, Out& out) {
  CheckCodes(ctx, out, kEpisodes, ep::REC, "REC",
             {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47",
              "E48", "E5",  "E6", "E7", "E8",  "E9",  "E14", "E15", "E16", "E17", "X1"},
             true);
}

constexpr std::uint32_t kEp = Needs(kEpisodes);
constexpr std::uint32_t kOc3Ep = Needs(kEpisodes) | Needs(kOc3);

}  // namespace

void AddRules1000To149(std::vector<Rule>& rules) {
  constexpr Severity E = Severity::kError;
  const Rule list[] = {
      {{"1000", E,
        "This child is recorded as having died in care and therefore should not have the care "
        "leaver information completed. [NOTE: This only tests the current and previous year "
        "data loaded into the tool]"},
       kOc3Ep,
       R1000},
      {{"1001", E,
        "The episodes recorded for this young person suggest they are not a relevant or a former "
        "relevant child and therefore should not have care leaver information completed. [NOTE: "
        "This tool can only test the current and previous year data loaded into the tool - this "
        "check may generate false positives if a child had episodes prior to last year's "
        "collection.]"},
       kOc3Ep | Needs(kHeader) | NeedsLast(kEpisodes),
       R1001},
      {{"1002", E,
        "This child has no previous episodes of care, therefore should not have care leaver "
        "information recorded. [NOTE: This tool can only test the current and previous year "
        "data loaded into the tool - this check may generate false positives if a child had "
        "episodes prior to last year's collection.]"},
       kOc3Ep | NeedsLast(kEpisodes),
       R1002},
      {{"1003", E,
        "Date of LA's decision that a child should be placed for adoption is before the child "
        "started to be looked after."},
       kEp | Needs(kPlacedAdoption),
       R1003},
      {{"1004", E,
        "The start date of the missing episode or episode that the child was away from "
        "placement without authorisation is not a valid date."},
       Needs(kMissing),
       R1004},
      {{"1005", E,
        "The end date of the missing episode or episode that the child was away from placement "
        "without authorisation is not a valid date."},
       Needs(kMissing),
       R1005},
      {{"1006", E, "Missing type invalid."}, Needs(kMissing), R1006},
      {{"1007", E,
        "Care leaver information is not required for 17- or 18-year olds who are still looked "
        "after [on their 17th or 18th birthday.]"},
       kOc3Ep,
       R1007},
      {{"1008", E, "Ofsted Unique Reference Number (URN) is not valid."},
       kEp | kNeedsProviders,
       R1008},
      {{"1009", E, "Reason for placement change is not a valid code."}, kEp, R1009},
      {{"1010", E,
        "This child has no episodes loaded for current year even though there was an open "
        "episode of care at the end of the previous year, and care leaver data has been "
        "entered."},
       kOc3Ep | NeedsLast(kEpisodes),
       R1010},
      {{"1011", E,
        "This child is recorded as having his/her care transferred to another local authority "
        "for the final episode and therefore should not have the care leaver information "
        "completed."},
       kOc3Ep,
       R1011},
      {{"1012", E,
        "No other data should be returned for OC3 children who had no episodes in the current "
        "year"},
       kEp,
       R1012},
      {{"1014", E, "UASC information is not required for care leavers"},
       kOc3Ep | Needs(kUasc),
       R1014},
      {{"1015", E, "Placement provider is own provision but child not placed in own LA."},
       kEp | kNeedsPostcodes | kNeedsLaCode,
       R1015},
      {{"1016", E,
        "Care leaver information is not required for 17- or 18-year olds who cease to be looked "
        "after, after their birthday."},
       kOc3Ep,
       R1016},
      {{"101", E, "The child or young person\u2019s reported sex is not valid."},
       Needs(kHeader),
       R101},
      {{"102", E, "Date of birth is not a valid date."}, Needs(kHeader), R102},
      {{"103", E, "The ethnicity code is either not valid or has not been entered."},
       Needs(kHeader),
       R103},
      {{"104", E,
        "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid "
        "date."},
       Needs(kUasc),
       R104},
      {{"105", E,
        "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid "
        "or has not been completed."},
       Needs(kHeader),
       R105},
      {{"112", E, "Date should be placed for adoption is not a valid date."}, Needs(kAd1), R112},
      {{"113", E, "Date matching child and adopter(s) is not a valid date."}, Needs(kAd1), R113},
      {{"114", E,
        "Data entry to record the status of former carer(s) of an adopted child is invalid."},
       Needs(kAd1),
       R114},
      {{"115", E,
        "Date of Local Authority's (LA) decision that a child should be placed for adoption is "
        "not a valid date."},
       Needs(kPlacedAdoption),
       R115},
      {{"116", E,
        "Date of Local Authority's (LA) decision that a child should no longer be placed for "
        "adoption is not a valid date."},
       Needs(kPlacedAdoption),
       R116},
      {{"117", E,
        "Date of decision that a child should/should no longer be placed for adoption is beyond "
        "the current collection year or after the child ceased to be looked after."},
       kEp | Needs(kPlacedAdoption),
       R117},
      {{"118", E,
        "Date of decision that a child should no longer be placed for adoption is before the "
        "current collection year or before the date the child started to be looked after."},
       kEp | Needs(kPlacedAdoption),
       R118},
      {{"119", E,
        "If the decision is made that a child should no longer be placed for adoption, then the "
        "date of this decision and the reason why this decision was made must be completed."},
       Needs(kPlacedAdoption),
       R119},
      {{"120", E,
        "The reason for the reversal of the decision that the child should be placed for "
        "adoption code is not valid."},
       Needs(kPlacedAdoption),
       R120},
      {{"131", E, "Data entry for being in touch after leaving care is invalid."},
       Needs(kOc3),
       R131},
      {{"132", E, "Data entry for activity after leaving care is invalid."}, Needs(kOc3), R132},
      {{"133", E,
        "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
        "accommodation after leaving care the data entry must be valid"},
       Needs(kOc3),
       R133},
      {{"134", E, "Data on adoption should not be entered for the OC3 cohort."},
       Needs(kOc3) | Needs(kAd1),
       R134},
      {{"141", E, "Date episode began is not a valid date."}, kEp, R141},
      {{"142", E, "A new episode has started, but the previous episode has not ended."}, kEp, R142},
      {{"143", E, "The reason for new episode code is not a valid code."}, kEp, R143},
      {{"144", E, "The legal status code is not a valid code."}, kEp, R144},
      {{"145", E, "Category of need code is not a valid code."}, kEp, R145},
      {{"146", E, "Placement type code is not a valid code."}, kEp, R146},
      {{"147", E, "Date episode ceased is not a valid date."}, kEp, R147},
      {{"148", E,
        "Date episode ceased and reason episode ceased must both be coded, or both left blank."},
       kEp,
       R148},
      {{"149", E, "Reason episode ceased code is not valid. "}, kEp, R149},
  };
  rules.insert(rules.end(), std::begin(list), std::end(list));
}

}  // namespace sg::ssda903
