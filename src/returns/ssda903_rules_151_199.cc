// SSDA903 rules 151-199.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include <charconv>
#include <cmath>
#include <vector>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

// ---- Shared helpers

// The date a child born on `dob` (a cell) reaches `years`, or nullopt when `dob` is no date.
std::optional<Date> Birthday(std::string_view dob, int years) {
  const auto d = ParseDate(dob);
  if (!d) return std::nullopt;
  return AddYears(*d, years);
}

// Whether the child was looked after continuously for the 12 months to 31 March: some
// episode falls in the year, and none shows the child starting to be looked after (RNE S)
// after 1 April, leaving care (REC other than X1) before 31 March, or on short breaks (LS V3
// or V4) during the year.
bool LookedAfterAllYear(const Context& ctx, const ChildRows& c) {
  bool in_year = false;
  for (std::uint32_t e : c.rows[kEpisodes]) {
    const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
    const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
    const bool during = decom && *decom <= ctx.end && (!dec || *dec >= ctx.start);
    in_year = in_year || during;
    if (ctx.Cell(kEpisodes, e, ep::RNE) == "S" && decom && *decom > ctx.start &&
        *decom <= ctx.end) {
      return false;
    }
    if (ctx.Cell(kEpisodes, e, ep::REC) != "X1" && dec && *dec >= ctx.start && *dec < ctx.end) {
      return false;
    }
    if (during && OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) return false;
  }
  return in_year;
}

// The first of `columns` of `row` that is blank, or -1.
int FirstBlank(const Context& ctx, TableId t, size_t row, std::initializer_list<int> columns) {
  for (int col : columns) {
    if (ctx.Cell(t, row, col).empty()) return col;
  }
  return -1;
}

// The first of `columns` of `row` that is filled in, or -1.
int FirstFilled(const Context& ctx, TableId t, size_t row, std::initializer_list<int> columns) {
  for (int col : columns) {
    if (!ctx.Cell(t, row, col).empty()) return col;
  }
  return -1;
}

std::string_view ColumnName(TableId t, int col) {
  return Spec(t).columns[static_cast<size_t>(col)];
}

// Flags each row of `t` whose `column` is filled in with a value outside `codes`.
void FlagNotInCodes(const Context& ctx, Out& out, TableId t, int column,
                    std::initializer_list<std::string_view> codes) {
  const size_t n = ctx.cur.Rows(t);
  for (size_t r = 0; r < n; ++r) {
    const std::string_view v = ctx.Cell(t, r, column);
    if (!v.empty() && !OneOf(v, codes)) out.Flag(t, r, ColumnName(t, column));
  }
}

// Flags each row of `t` in which some but not all of `columns` are filled in, naming the
// first blank one.
void FlagPartlyFilled(const Context& ctx, Out& out, TableId t, std::initializer_list<int> columns) {
  const size_t n = ctx.cur.Rows(t);
  for (size_t r = 0; r < n; ++r) {
    const int blank = FirstBlank(ctx, t, r, columns);
    if (blank >= 0 && FirstFilled(ctx, t, r, columns) >= 0) out.Flag(t, r, ColumnName(t, blank));
  }
}

// The OC2 items about children looked after for 12 months (all but the SDQ).
constexpr std::initializer_list<int> kOc2Items = {oc2::CONVICTED,
                                                  oc2::HEALTH_CHECK,
                                                  oc2::IMMUNISATIONS,
                                                  oc2::TEETH_CHECK,
                                                  oc2::HEALTH_ASSESSMENT,
                                                  oc2::SUBSTANCE_MISUSE,
                                                  oc2::INTERVENTION_RECEIVED,
                                                  oc2::INTERVENTION_OFFERED};

// Calls f(row, looked_after_all_year) for each OC2 row, per child.
template <typename F>
void ForEachOc2Row(const Context& ctx, F f) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc2].empty()) continue;
    const bool cla = LookedAfterAllYear(ctx, c);
    for (std::uint32_t r : c.rows[kOc2]) f(r, cla);
  }
}

// ---- The rules

// 151: the adoption items (AD1) are all completed or all blank.
void R151(const Context& ctx, Out& out) {
  FlagPartlyFilled(ctx, out, kAd1,
                   {ad1::DATE_INT, ad1::DATE_MATCH, ad1::FOSTER_CARE, ad1::NB_ADOPTR,
                    ad1::SEX_ADOPTR, ad1::LS_ADOPTR});
}

// 153: the care leaver items (OC3) are all completed or all blank.
void R153(const Context& ctx, Out& out) {
  FlagPartlyFilled(ctx, out, kOc3, {oc3::IN_TOUCH, oc3::ACTIV, oc3::ACCOM});
}

// 157: SDQ1 (no SDQ: under 4 or over 16) given, with no score, for a child looked after all
// year who was 4 or over at the start of the year and 16 or under at its end.
void R157(const Context& ctx, Out& out) {
  ForEachOc2Row(ctx, [&](std::uint32_t r, bool cla) {
    if (!cla || !ctx.Cell(kOc2, r, oc2::SDQ_SCORE).empty() ||
        ctx.Cell(kOc2, r, oc2::SDQ_REASON) != "SDQ1") {
      return;
    }
    const auto dob = ctx.Cell(kOc2, r, oc2::DOB);
    const auto four = Birthday(dob, 4), sixteen = Birthday(dob, 16);
    if (four && *four <= ctx.start && *sixteen >= ctx.end) out.Flag(kOc2, r, "SDQ_REASON");
  });
}

// 158: an intervention received (1) leaves "intervention offered" blank.
void R158(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (ctx.Cell(kOc2, r, oc2::INTERVENTION_RECEIVED) == "1" &&
        !ctx.Cell(kOc2, r, oc2::INTERVENTION_OFFERED).empty()) {
      out.Flag(kOc2, r, "INTERVENTION_OFFERED");
    }
  }
}

// 159: a substance misuse problem (1) with no intervention received (0) needs "intervention
// offered".
void R159(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (ctx.Cell(kOc2, r, oc2::SUBSTANCE_MISUSE) == "1" &&
        ctx.Cell(kOc2, r, oc2::INTERVENTION_RECEIVED) == "0" &&
        ctx.Cell(kOc2, r, oc2::INTERVENTION_OFFERED).empty()) {
      out.Flag(kOc2, r, "INTERVENTION_OFFERED");
    }
  }
}

// Whether `c` is (or was) unaccompanied asylum seeking in year `y`: with a Header, a child
// of the Header found in the UASC table; with no Header, a child with a UASC row that has
// something besides CHILD.
bool UascIn(const Year& y, const ChildRows* c) {
  if (!c || !y.Has(kUasc)) return false;
  if (y.Has(kHeader)) return !c->rows[kHeader].empty() && !c->rows[kUasc].empty();
  for (std::uint32_t r : c->rows[kUasc]) {
    if (!y.Cell(kUasc, r, uasc::SEX).empty() || !y.Cell(kUasc, r, uasc::DOB).empty() ||
        !y.Cell(kUasc, r, uasc::DUC).empty()) {
      return true;
    }
  }
  return false;
}

// 164: the distance from home to placement (derived from the postcodes) lies within 0.0 to
// 999.9 miles, for children not UASC this year or the last. With no UASC table in either
// year nothing says who is UASC, and (as in the community validator) nothing is flagged.
void R164(const Context& ctx, Out& out) {
  if (!ctx.cur.Has(kUasc) && !ctx.last.Has(kUasc)) return;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty() || UascIn(ctx.cur, &c) ||
        UascIn(ctx.last, ctx.last.ret ? ctx.last.Find(c.id) : nullptr)) {
      continue;
    }
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const auto& d = ctx.cur.pl_distance[e];
      if (d && (*d < 0.0 || *d > 999.9)) out.Flag(kEpisodes, e, "PL_DISTANCE");
    }
  }
}

// 165: MOTHER, when given, is 0 or 1 and only for girls; a girl looked after during the year
// must have it. (The community validator's further branch, a girl with MOTHER given, no
// episode in the year and an OC3 return, is kept.) Sex is read as 1/M (male) and 2/F
// (female): the codes before and since 2024/25.
void R165(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    bool has_episode = false;
    int in_year = 0;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) continue;
      has_episode = true;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (decom && *decom <= ctx.end && (!dec || *dec >= ctx.start)) ++in_year;
    }
    if (!has_episode) continue;
    bool oc3 = false;
    for (std::uint32_t r : c.rows[kOc3]) {
      oc3 = oc3 || FirstFilled(ctx, kOc3, r, {oc3::IN_TOUCH, oc3::ACTIV, oc3::ACCOM}) >= 0;
    }
    for (std::uint32_t h : c.rows[kHeader]) {
      const std::string_view mother = ctx.Cell(kHeader, h, hdr::MOTHER);
      const std::string_view sex = ctx.Cell(kHeader, h, hdr::SEX);
      const bool male = sex == "1" || sex == "M", female = sex == "2" || sex == "F";
      const bool bad = mother.empty()
                           ? female && in_year > 0
                           : !OneOf(mother, {"0", "1"}) || male || (female && !in_year && oc3);
      if (bad) out.Flag(kHeader, h, "MOTHER");
    }
  }
}

// 166: each review has a valid date.
void R166(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kReviews); ++r) {
    if (!ctx.DateCell(kReviews, r, rev::REVIEW)) out.Flag(kReviews, r, "REVIEW");
  }
}

// 167: a review has a participation code PN0-PN7; a row with no review has none.
void R167(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kReviews); ++r) {
    const std::string_view code = ctx.Cell(kReviews, r, rev::REVIEW_CODE);
    const bool ok = ctx.Cell(kReviews, r, rev::REVIEW).empty()
                        ? code.empty()
                        : OneOf(code, {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"});
    if (!ok) out.Flag(kReviews, r, "REVIEW_CODE");
  }
}

bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }
bool IsUpper(char ch) { return ch >= 'A' && ch <= 'Z'; }

// A UPN's form: a letter other than I, O, S, then 12 digits or 11 digits and a letter; or
// one of the default codes UN1-UN5.
bool UpnForm(std::string_view upn) {
  if (upn.size() == 3) return upn[0] == 'U' && upn[1] == 'N' && upn[2] >= '1' && upn[2] <= '5';
  if (upn.size() != 13 || !IsUpper(upn[0]) || upn[0] == 'I' || upn[0] == 'O' || upn[0] == 'S') {
    return false;
  }
  for (size_t i = 1; i < 12; ++i) {
    if (!IsDigit(upn[i])) return false;
  }
  return IsDigit(upn[12]) || IsUpper(upn[12]);
}

// 168: the UPN, when given, has a UPN's form.
void R168(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kHeader); ++r) {
    const std::string_view upn = ctx.Cell(kHeader, r, hdr::UPN);
    if (!upn.empty() && !UpnForm(upn)) out.Flag(kHeader, r, "UPN");
  }
}

// 169 / 179: every episode other than a short break (LS V3, V4) has a placement LA /
// location, derived from a known placement postcode.
void FlagUnplaced(const Context& ctx, Out& out, const std::vector<std::string>& derived,
                  std::string_view field) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    if (derived[e].empty() && !OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) {
      out.Flag(kEpisodes, e, field);
    }
  }
}
void R169(const Context& ctx, Out& out) { FlagUnplaced(ctx, out, ctx.cur.pl_la, "PL_LA"); }
void R179(const Context& ctx, Out& out) {
  FlagUnplaced(ctx, out, ctx.cur.pl_location, "PL_LOCATION");
}

// 171: the mother's child's date of birth, when given, is a date.
void R171(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kHeader); ++r) {
    const std::string_view v = ctx.Cell(kHeader, r, hdr::MC_DOB);
    if (!v.empty() && !ParseDate(v)) out.Flag(kHeader, r, "MC_DOB");
  }
}

// 174: no mother's child's date of birth for a boy (SEX M, the code since 2024/25).
void R174(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kHeader); ++r) {
    if (ctx.Cell(kHeader, r, hdr::SEX) == "M" && !ctx.Cell(kHeader, r, hdr::MC_DOB).empty()) {
      out.Flag(kHeader, r, "MC_DOB");
    }
  }
}

// 175-177: the adopters' number, sex and legal status, when given, are valid codes.
void R175(const Context& ctx, Out& out) {
  FlagNotInCodes(ctx, out, kAd1, ad1::NB_ADOPTR, {"1", "2"});
}
void R176(const Context& ctx, Out& out) {
  FlagNotInCodes(ctx, out, kAd1, ad1::SEX_ADOPTR, {"M1", "F1", "MM", "FF", "MF"});
}
void R177(const Context& ctx, Out& out) {
  FlagNotInCodes(ctx, out, kAd1, ad1::LS_ADOPTR, {"L0", "L11", "L12", "L2", "L3", "L4"});
}

// 178: the placement provider, when given, is PR0-PR5, and is not given for placements that
// have none (T0-T3, Z11-Z14).
void R178(const Context& ctx, Out& out) {
  for (size_t e = 0; e < ctx.cur.Rows(kEpisodes); ++e) {
    const std::string_view provider = ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER);
    if (provider.empty()) continue;
    if (!OneOf(provider, {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}) ||
        OneOf(ctx.Cell(kEpisodes, e, ep::PLACE),
              {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})) {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}

// A number as a numeric parser reads it ("12", "+12", "12.0", "1.2e1"), or nullopt.
std::optional<double> ParseNumber(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  const size_t digits_from = !s.empty() && s[0] == '-' ? 1 : 0;
  if (s.size() <= digits_from || !(IsDigit(s[digits_from]) || s[digits_from] == '.')) {
    return std::nullopt;
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// 180: the SDQ score, when given, is a whole number from 0 to 40.
void R180(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    const std::string_view s = ctx.Cell(kOc2, r, oc2::SDQ_SCORE);
    if (s.empty()) continue;
    const auto v = ParseNumber(s);
    if (!v || *v < 0 || *v > 40 || std::floor(*v) != *v) out.Flag(kOc2, r, "SDQ_SCORE");
  }
}

// 181: the 12-month items, when given, are 0 or 1.
void R181(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    for (int col : kOc2Items) {
      const std::string_view v = ctx.Cell(kOc2, r, col);
      if (!v.empty() && v != "0" && v != "1") {
        out.Flag(kOc2, r, ColumnName(kOc2, col));
        break;
      }
    }
  }
}

// 182: immunisations, teeth check, health assessment and substance misuse are all completed
// when any of the other 12-month items (convicted, health check, interventions) is.
void R182(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    const int blank = FirstBlank(
        ctx, kOc2, r,
        {oc2::IMMUNISATIONS, oc2::TEETH_CHECK, oc2::HEALTH_ASSESSMENT, oc2::SUBSTANCE_MISUSE});
    if (blank >= 0 && FirstFilled(ctx, kOc2, r,
                                  {oc2::CONVICTED, oc2::HEALTH_CHECK, oc2::INTERVENTION_RECEIVED,
                                   oc2::INTERVENTION_OFFERED}) >= 0) {
      out.Flag(kOc2, r, ColumnName(kOc2, blank));
    }
  }
}

// 184: the decision to place for adoption is not before the child's birth. As the community
// validator does, the DOB of the PlacedAdoption row is used; a DATE_PLACED with no valid DOB
// to compare with is flagged.
void R184(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kPlacedAdoption); ++r) {
    const auto placed = ctx.DateCell(kPlacedAdoption, r, pa::DATE_PLACED);
    if (!placed) continue;
    const auto dob = ctx.DateCell(kPlacedAdoption, r, pa::DOB);
    if (!dob || *placed < *dob) out.Flag(kPlacedAdoption, r, "DATE_PLACED");
  }
}

// 185 / 198: an SDQ score / reason only for children looked after all year.
void R185(const Context& ctx, Out& out) {
  ForEachOc2Row(ctx, [&](std::uint32_t r, bool cla) {
    if (!cla && !ctx.Cell(kOc2, r, oc2::SDQ_SCORE).empty()) out.Flag(kOc2, r, "SDQ_SCORE");
  });
}
void R198(const Context& ctx, Out& out) {
  ForEachOc2Row(ctx, [&](std::uint32_t r, bool cla) {
    if (!cla && !ctx.Cell(kOc2, r, oc2::SDQ_REASON).empty()) out.Flag(kOc2, r, "SDQ_REASON");
  });
}

bool NoSdq(const Context& ctx, std::uint32_t r) {
  return ctx.Cell(kOc2, r, oc2::SDQ_SCORE).empty() && ctx.Cell(kOc2, r, oc2::SDQ_REASON).empty();
}

// 186: a child looked after all year, 4 by the start of the year and not yet 17 at its end,
// has an SDQ score or a reason for none.
void R186(const Context& ctx, Out& out) {
  ForEachOc2Row(ctx, [&](std::uint32_t r, bool cla) {
    if (!cla || !NoSdq(ctx, r)) return;
    const auto dob = ctx.Cell(kOc2, r, oc2::DOB);
    const auto four = Birthday(dob, 4), seventeen = Birthday(dob, 17);
    if (four && *four <= ctx.start && *seventeen > ctx.end) out.Flag(kOc2, r, "SDQ_SCORE");
  });
}

// 187: a child looked after all year has no adoption (AD1) or care leaver (OC3) items.
void R187(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty() && c.rows[kOc3].empty()) continue;
    if (!LookedAfterAllYear(ctx, c)) continue;
    for (std::uint32_t r : c.rows[kAd1]) {
      const int col = FirstFilled(ctx, kAd1, r,
                                  {ad1::DATE_INT, ad1::DATE_MATCH, ad1::FOSTER_CARE, ad1::NB_ADOPTR,
                                   ad1::SEX_ADOPTR, ad1::LS_ADOPTR});
      if (col >= 0) out.Flag(kAd1, r, ColumnName(kAd1, col));
    }
    for (std::uint32_t r : c.rows[kOc3]) {
      const int col = FirstFilled(ctx, kOc3, r, {oc3::IN_TOUCH, oc3::ACTIV, oc3::ACCOM});
      if (col >= 0) out.Flag(kOc3, r, ColumnName(kOc3, col));
    }
  }
}

// 188: no SDQ score or reason for a child not yet 4 at the end of the year.
void R188(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (NoSdq(ctx, r)) continue;
    const auto four = Birthday(ctx.Cell(kOc2, r, oc2::DOB), 4);
    if (four && *four > ctx.end) out.Flag(kOc2, r, "SDQ_SCORE");
  }
}

// 189: no SDQ score or reason for a child already past 17 at the start of the year.
void R189(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (NoSdq(ctx, r)) continue;
    const auto seventeen = Birthday(ctx.Cell(kOc2, r, oc2::DOB), 17);
    if (seventeen && *seventeen < ctx.start) out.Flag(kOc2, r, "SDQ_SCORE");
  }
}

// 190: none of the 12-month items for a child not looked after all year.
void R190(const Context& ctx, Out& out) {
  ForEachOc2Row(ctx, [&](std::uint32_t r, bool cla) {
    if (cla) return;
    const int col = FirstFilled(ctx, kOc2, r, kOc2Items);
    if (col >= 0) out.Flag(kOc2, r, ColumnName(kOc2, col));
  });
}

// 191: a child looked after all year has an OC2 row with immunisations, teeth check, health
// assessment and substance misuse completed. A child with no OC2 row is flagged on its first
// episode.
void R191(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty() || !LookedAfterAllYear(ctx, c)) continue;
    if (c.rows[kOc2].empty()) {
      out.Flag(kEpisodes, c.rows[kEpisodes].front(), "CHILD");  // the earliest DECOM
      continue;
    }
    for (std::uint32_t r : c.rows[kOc2]) {
      const int col = FirstBlank(
          ctx, kOc2, r,
          {oc2::IMMUNISATIONS, oc2::TEETH_CHECK, oc2::HEALTH_ASSESSMENT, oc2::SUBSTANCE_MISUSE});
      if (col >= 0) out.Flag(kOc2, r, ColumnName(kOc2, col));
    }
  }
}

// 192: a substance misuse problem (1) needs "intervention received".
void R192(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (ctx.Cell(kOc2, r, oc2::SUBSTANCE_MISUSE) == "1" &&
        ctx.Cell(kOc2, r, oc2::INTERVENTION_RECEIVED).empty()) {
      out.Flag(kOc2, r, "INTERVENTION_RECEIVED");
    }
  }
}

// 193: with no substance misuse problem (0 or blank), both intervention items are blank.
void R193(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    const std::string_view misuse = ctx.Cell(kOc2, r, oc2::SUBSTANCE_MISUSE);
    if (!misuse.empty() && misuse != "0") continue;
    const int col =
        FirstFilled(ctx, kOc2, r, {oc2::INTERVENTION_RECEIVED, oc2::INTERVENTION_OFFERED});
    if (col >= 0) out.Flag(kOc2, r, ColumnName(kOc2, col));
  }
}

// 196: the reason for no SDQ score, when given, is SDQ1-SDQ5.
void R196(const Context& ctx, Out& out) {
  FlagNotInCodes(ctx, out, kOc2, oc2::SDQ_REASON, {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"});
}

// 197B: a child looked after all year who turns 4 or 17 during the year has an SDQ score or a
// reason for none.
void R197B(const Context& ctx, Out& out) {
  ForEachOc2Row(ctx, [&](std::uint32_t r, bool cla) {
    if (!cla || !NoSdq(ctx, r)) return;
    const auto dob = ctx.Cell(kOc2, r, oc2::DOB);
    const auto four = Birthday(dob, 4), seventeen = Birthday(dob, 17);
    if (!four) return;
    const bool turns = (*four >= ctx.start && *four <= ctx.end) ||
                       (*seventeen >= ctx.start && *seventeen <= ctx.end);
    if (turns) out.Flag(kOc2, r, "SDQ_REASON");
  });
}

// 197a: not both an SDQ score and a reason for none.
void R197a(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc2); ++r) {
    if (!ctx.Cell(kOc2, r, oc2::SDQ_SCORE).empty() && !ctx.Cell(kOc2, r, oc2::SDQ_REASON).empty()) {
      out.Flag(kOc2, r, "SDQ_REASON");
    }
  }
}

// 199: no episode after a child's adoption from care (an episode ending E11 or E12), by
// DECOM over this year's episodes and, when supplied, last year's; a second adoption counts.
void R199(const Context& ctx, Out& out) {
  struct Ep {
    Date decom;
    bool adopted;
    bool current;
    std::uint32_t row;
  };
  std::vector<Ep> eps;  // reused for each child
  const bool with_last = ctx.last.Has(kEpisodes);
  auto add = [&](const Year& y, const ChildRows& c, bool current) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const auto decom = ParseDate(y.Cell(kEpisodes, e, ep::DECOM));
      if (!decom) break;  // undated episodes come last
      eps.push_back({*decom, OneOf(y.Cell(kEpisodes, e, ep::REC), {"E11", "E12"}), current, e});
    }
  };
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    eps.clear();
    add(ctx.cur, c, true);
    const ChildRows* last = with_last ? ctx.last.Find(c.id) : nullptr;
    if (last) {
      add(ctx.last, *last, false);
      std::stable_sort(eps.begin(), eps.end(),
                       [](const Ep& a, const Ep& b) { return a.decom < b.decom; });
    }
    int adoptions = 0;
    for (const Ep& e : eps) {
      adoptions += e.adopted ? 1 : 0;
      const bool after = e.adopted ? adoptions > 1 : adoptions > 0;
      if (after && e.current) out.Flag(kEpisodes, e.row, "CHILD");
    }
  }
}

}  // namespace

void AddRules151To199(std::vector<Rule>& rules) {
  constexpr std::uint32_t kEps = Needs(kEpisodes), kOc2s = Needs(kOc2);
  struct Entry {
    std::string_view code;
    std::uint32_t needs;
    void (*check)(const Context&, Out&);
    std::string_view message;
  };
  const Entry entries[] = {
      {"151", Needs(kAd1), R151,
       "All data items relating to a childs adoption must be coded or left blank."},
      {"153", Needs(kOc3), R153,
       "All data items relating to a child's activity or accommodation after leaving care must be "
       "coded or left blank."},
      {"157", kOc2s | kEps, R157,
       "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
       "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the "
       "reason for no Strengths and Difficulties Questionnaire (SDQ) score."},
      {"158", kOc2s, R158,
       "If a child has been recorded as receiving an intervention for their substance misuse "
       "problem, then the additional item on whether an intervention was offered should be left "
       "blank."},
      {"159", kOc2s, R159,
       "If a child has been recorded as not receiving an intervention for their substance misuse "
       "problem, then the additional item on whether an intervention was offered should be "
       "completed as well."},
      {"164", kEps | kNeedsPostcodes, R164,
       "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check "
       "will result in false positives for children formerly UASC not identified as such in loaded "
       "data]"},
      {"165", Needs(kHeader) | kEps | Needs(kOc3), R165,
       "Data entry for mother status is invalid."},
      {"166", Needs(kReviews), R166, "Date of review is invalid or blank."},
      {"167", Needs(kReviews), R167, "Data entry for participation is invalid or blank."},
      {"168", Needs(kHeader), R168,
       "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, "
       "UN4 or UN5."},
      {"169", kEps | kNeedsPostcodes, R169,
       "Local Authority (LA) of placement is not valid or is missing. Please check a valid "
       "postcode has been entered."},
      {"171", Needs(kHeader), R171, "Date of birth of mother's child is not a valid date."},
      {"174", Needs(kHeader), R174,
       "Mother's child date of birth is recorded but sex shows that the child is a male."},
      {"175", Needs(kAd1), R175, "The number of adopter(s) code is not a valid code."},
      {"176", Needs(kAd1), R176,
       "The gender of adopter(s) at the date of adoption code is not a valid code."},
      {"177", Needs(kAd1), R177, "The legal status of adopter(s) code is not a valid code."},
      {"178", kEps, R178, "Placement provider code is not a valid code."},
      {"179", kEps | kNeedsPostcodes, R179, "Placement location code is not a valid code."},
      {"180", kOc2s, R180,
       "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid."},
      {"181", kOc2s, R181,
       "Data items relating to children looked after continuously for 12 months should be "
       "completed with a 0 or 1."},
      {"182", kOc2s, R182,
       "Data entries on immunisations, teeth checks, health assessments and substance misuse "
       "problem identified should be completed or all OC2 fields should be left blank."},
      {"184", Needs(kHeader) | Needs(kPlacedAdoption), R184,
       "Date of decision that a child should be placed for adoption is before the child was born."},
      {"185", kEps | kOc2s, R185,
       "Child has not been looked after continuously for at least 12 months at 31 March but a "
       "Strengths and Difficulties (SDQ) score has been completed."},
      {"186", kEps | kOc2s, R186,
       "Children aged 4 or over at the start of the year and children aged under 17 at the end of "
       "the year and who have been looked after for at least 12 months continuously should have a "
       "Strengths and Difficulties (SDQ) score completed."},
      {"187", Needs(kOc3) | Needs(kAd1) | kEps, R187,
       "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of "
       "adoption or care leavers returns completed."},
      {"188", kOc2s, R188,
       "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) "
       "score or a reason for no SDQ score has been completed. "},
      {"189", kOc2s, R189,
       "Child is aged 17 years or over at the beginning of the year, but an Strengths and "
       "Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has "
       "been completed."},
      {"190", kOc2s | kEps, R190,
       "Child has not been looked after continuously for at least 12 months at 31 March but one or "
       "more data items relating to children looked after for 12 months have been completed."},
      {"191", kOc2s | kEps, R191,
       "Child has been looked after continuously for at least 12 months at 31 March but one or "
       "more data items relating to children looked after for 12 months have been left blank."},
      {"192", kOc2s, R192,
       "Child has been identified as having a substance misuse problem but the additional item on "
       "whether an intervention was received has been left blank."},
      {"193", kOc2s, R193,
       "Child not identified as having a substance misuse problem but at least one of the two "
       "additional items on whether an intervention were offered and received have been "
       "completed."},
      {"196", kOc2s, R196, "Strengths and Difficulties (SDQ) reason is not a valid code."},
      {"197B", kOc2s | kEps, R197B,
       "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds."},
      {"197a", kOc2s, R197a,
       "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
       "Difficulties Questionnaire score is filled in."},
      {"198", kEps | kOc2s, R198,
       "Child has not been looked after continuously for at least 12 months at 31 March but a "
       "reason for no Strengths and Difficulties (SDQ) score has been completed. "},
      {"199", kEps, R199,
       "Episode information shows child has been previously adopted from care. [NOTE: This only "
       "tests the current and previous year data loaded into the tool]"},
  };
  for (const Entry& e : entries) {
    rules.push_back({{e.code, Severity::kError, e.message}, e.needs, e.check});
  }
}

}  // namespace sg::ssda903
