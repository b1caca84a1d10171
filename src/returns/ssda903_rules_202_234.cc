// SSDA903 rules 202-234, 3001, EPI and NoE.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include <string>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

// The URN placeholder for a provider that has none.
constexpr std::string_view kNoUrn = "XXXXXXX";

// A URN to look up: given, and not the placeholder.
bool UrnGiven(std::string_view urn) { return !urn.empty() && urn != kNoUrn; }

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Equal once both are upper-cased (ASCII).
bool EqualsUpper(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Upper(a[i]) != Upper(b[i])) return false;
  }
  return true;
}

bool OneOfUpper(std::string_view value, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (EqualsUpper(value, c)) return true;
  }
  return false;
}

bool InRange(const std::optional<Date>& d, Date from, Date to) {
  return d && *d >= from && *d <= to;
}

bool SameDate(const std::optional<Date>& a, const std::optional<Date>& b) {
  return a && b && *a == *b;
}

// The provider of an episode's URN, or nullptr. `key` is reused to avoid allocating per row.
const Provider* FindProvider(const Context& ctx, std::string_view urn, std::string& key) {
  key.assign(urn);
  const auto it = ctx.ref->providers.find(key);
  return it == ctx.ref->providers.end() ? nullptr : &it->second;
}

bool Lists(const std::vector<std::string>& codes, std::string_view code) {
  for (const std::string& c : codes) {
    if (c == code) return true;
  }
  return false;
}

// The child's rows of the previous year, or nullptr.
const ChildRows* LastYear(const Context& ctx, const ChildRows& c) {
  return ctx.last.ret ? ctx.last.Find(c.id) : nullptr;
}

// ---- The child's details against last year's (202-208).

// 202: SEX differs from the previous year's (a blank is a value like any other).
void R202(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      const std::string_view sex = ctx.Cell(kHeader, h, hdr::SEX);
      for (std::uint32_t l : lc->rows[kHeader]) {
        if (ctx.last.Cell(kHeader, l, hdr::SEX) != sex) {
          out.Flag(kHeader, h, "SEX");
          break;
        }
      }
    }
  }
}

// 203: DOB differs from the previous year's; two DOBs that are not dates count as equal.
void R203(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
      for (std::uint32_t l : lc->rows[kHeader]) {
        if (ParseDate(ctx.last.Cell(kHeader, l, hdr::DOB)) != dob) {
          out.Flag(kHeader, h, "DOB");
          break;
        }
      }
    }
  }
}

// 204: ETHNIC differs from the previous year's, ignoring case.
void R204(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      const std::string_view ethnic = ctx.Cell(kHeader, h, hdr::ETHNIC);
      for (std::uint32_t l : lc->rows[kHeader]) {
        if (!EqualsUpper(ctx.last.Cell(kHeader, l, hdr::ETHNIC), ethnic)) {
          out.Flag(kHeader, h, "ETHNIC");
          break;
        }
      }
    }
  }
}

// ---- UASC status this year and last (205A-205D).
//
// The 2025/26 CSV tables carry no UASC flag: as the community validator does, a child of a
// year's Header is UASC when it has a row in that year's UASC table. Without the Header, a
// UASC row stands for a UASC child when its SEX or DUC is given. The rules start from this
// year's UASC rows (205A-205C) or Header rows (205D).

struct UascStatus {
  bool yes = false;  // some row says UASC
  bool no = false;   // some row says not UASC (or the child is not there)
};

bool UascRowSaysUasc(const Year& y, std::uint32_t r) {
  return !y.Cell(kUasc, r, uasc::SEX).empty() || !y.Cell(kUasc, r, uasc::DUC).empty();
}

// The status a year gives the child of `rows` (nullptr: not in that year).
UascStatus StatusIn(const Year& y, const ChildRows* rows) {
  UascStatus s;
  if (!rows) {
    s.no = true;
  } else if (y.Has(kHeader)) {
    (rows->rows[kHeader].empty() || rows->rows[kUasc].empty() ? s.no : s.yes) = true;
  } else if (rows->rows[kUasc].empty()) {
    s.no = true;
  } else {
    for (std::uint32_t r : rows->rows[kUasc]) (UascRowSaysUasc(y, r) ? s.yes : s.no) = true;
  }
  return s;
}

// 205A: UASC last year but not this year, yet DUC is given this year or last year's DUC is not
// within last year.
void R205A(const Context& ctx, Out& out) {
  const Date start_last = AddYears(ctx.start, -1), end_last = AddYears(ctx.end, -1);
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kUasc].empty() || !StatusIn(ctx.cur, &c).no) continue;
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc || lc->rows[kUasc].empty() || !StatusIn(ctx.last, lc).yes) continue;
    bool duc_last_outside = false;
    for (std::uint32_t l : lc->rows[kUasc]) {
      if (!InRange(ParseDate(ctx.last.Cell(kUasc, l, uasc::DUC)), start_last, end_last)) {
        duc_last_outside = true;
      }
    }
    for (std::uint32_t r : c.rows[kUasc]) {
      if (duc_last_outside || !ctx.Cell(kUasc, r, uasc::DUC).empty()) {
        out.Flag(kUasc, r, "CHILD");
      }
    }
  }
}

// 205B: UASC both years, yet last year's DUC is not the 18th birthday, or this year's DUC is
// neither within this year nor last year's DUC.
void R205B(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kUasc].empty() || !StatusIn(ctx.cur, &c).yes) continue;
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc || lc->rows[kUasc].empty() || !StatusIn(ctx.last, lc).yes) continue;
    for (std::uint32_t r : c.rows[kUasc]) {
      const auto duc = ctx.DateCell(kUasc, r, uasc::DUC);
      const bool duc_in_year = InRange(duc, ctx.start, ctx.end);
      for (std::uint32_t l : lc->rows[kUasc]) {
        const auto duc_last = ParseDate(ctx.last.Cell(kUasc, l, uasc::DUC));
        const auto dob_last = ParseDate(ctx.last.Cell(kUasc, l, uasc::DOB));
        const bool last_is_18th = duc_last && dob_last && *duc_last == AddYears(*dob_last, 18);
        if ((!duc_in_year && !SameDate(duc, duc_last)) || !last_is_18th) {
          out.Flag(kUasc, r, "DUC");
          break;
        }
      }
    }
  }
}

// 205C: not UASC either year, yet a DUC is given in one of them.
void R205C(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kUasc].empty() || !StatusIn(ctx.cur, &c).no) continue;
    const ChildRows* lc = LastYear(ctx, c);
    const bool in_last = lc && !lc->rows[kUasc].empty();
    if (in_last && !StatusIn(ctx.last, lc).no) continue;
    bool duc_last = false;
    if (in_last) {
      for (std::uint32_t l : lc->rows[kUasc]) {
        if (ParseDate(ctx.last.Cell(kUasc, l, uasc::DUC))) duc_last = true;
      }
    }
    for (std::uint32_t r : c.rows[kUasc]) {
      if (duc_last || ctx.DateCell(kUasc, r, uasc::DUC)) out.Flag(kUasc, r, "DUC");
    }
  }
}

// 205D: UASC this year, in last year's return, but not UASC there.
void R205D(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc) continue;
    const TableId last_table = ctx.last.Has(kHeader) ? kHeader : kUasc;
    if (lc->rows[last_table].empty() || !StatusIn(ctx.last, lc).no) continue;
    if (ctx.cur.Has(kHeader)) {
      if (c.rows[kUasc].empty()) continue;
      for (std::uint32_t h : c.rows[kHeader]) out.Flag(kHeader, h, "CHILD");
    } else {
      for (std::uint32_t r : c.rows[kUasc]) {
        if (UascRowSaysUasc(ctx.cur, r)) out.Flag(kUasc, r, "CHILD");
      }
    }
  }
}

// 207: a mother last year (MOTHER 1) with episodes this year, whose MOTHER is now otherwise.
void R207(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc) continue;
    bool was_mother = false;
    for (std::uint32_t l : lc->rows[kHeader]) {
      if (ctx.last.Cell(kHeader, l, hdr::MOTHER) == "1") was_mother = true;
    }
    if (!was_mother) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (ctx.Cell(kHeader, h, hdr::MOTHER) != "1") out.Flag(kHeader, h, "MOTHER");
    }
  }
}

bool UnknownUpn(std::string_view upn) {
  return OneOfUpper(upn, {"UN1", "UN2", "UN3", "UN4", "UN5"});
}

// 208: UPN differs from last year's, other than a change from unknown (blank or UN1) to UN2-UN5,
// or from unknown (blank or a UN code) to a known UPN. Case is ignored.
bool UpnChangeIsWrong(std::string_view now, std::string_view before) {
  if (now.empty() && before.empty()) return false;
  if (EqualsUpper(now, before)) return false;
  const bool was_unknown = before.empty() || UnknownUpn(before);
  if ((before.empty() || EqualsUpper(before, "UN1")) &&
      OneOfUpper(now, {"UN2", "UN3", "UN4", "UN5"})) {
    return false;
  }
  if (was_unknown && !now.empty() && !UnknownUpn(now)) return false;
  return true;
}

void R208(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* lc = LastYear(ctx, c);
    if (!lc) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      const std::string_view upn = ctx.Cell(kHeader, h, hdr::UPN);
      for (std::uint32_t l : lc->rows[kHeader]) {
        if (UpnChangeIsWrong(upn, ctx.last.Cell(kHeader, l, hdr::UPN))) {
          out.Flag(kHeader, h, "UPN");
          break;
        }
      }
    }
  }
}

// 209: UN1 for a child of school age: four years old by 31 August of the year before the
// collection starts (as the community reads DfE's rule).
void R209(const Context& ctx, Out& out) {
  const Date cutoff = Date::FromCivil(ctx.start.year() - 1, 8, 31);
  const size_t n = ctx.cur.Rows(kHeader);
  for (size_t h = 0; h < n; ++h) {
    if (ctx.Cell(kHeader, h, hdr::UPN) != "UN1") continue;
    const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
    if (dob && AddYears(*dob, 4) <= cutoff) out.Flag(kHeader, h, "UPN");
  }
}

// 210: UN4 (not yet obtained) for a child with an episode starting on or after 24 March.
void R210(const Context& ctx, Out& out) {
  const Date week_before = Date::FromCivil(ctx.end.year(), 3, 24);
  for (const ChildRows& c : ctx.cur.children) {
    bool late = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (decom && *decom >= week_before) late = true;
    }
    if (!late) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (ctx.Cell(kHeader, h, hdr::UPN) == "UN4") out.Flag(kHeader, h, "UPN");
    }
  }
}

bool Temporary(std::string_view place) { return OneOf(place, {"T0", "T1", "T2", "T3", "T4"}); }

// 213: a placement provider for a temporary placement or a Z11-Z14 placement.
void R213(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view place = ctx.Cell(kEpisodes, e, ep::PLACE);
    if (!Temporary(place) && !OneOf(place, {"Z11", "Z12", "Z13", "Z14"})) continue;
    if (!ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER).empty()) {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}

// 214: a placement postcode or URN for a child on a short-break legal status (V3, V4).
void R214(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    if (!OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) continue;
    if (!ctx.Cell(kEpisodes, e, ep::PL_POST).empty()) {
      out.Flag(kEpisodes, e, "PL_POST");
    } else if (!ctx.Cell(kEpisodes, e, ep::URN).empty()) {
      out.Flag(kEpisodes, e, "URN");
    }
  }
}

// 215: care leaver information (OC3) for a child who also has 12-month (OC2) data items other
// than the SDQ.
void R215(const Context& ctx, Out& out) {
  static constexpr int kOc2Items[] = {oc2::CONVICTED,
                                      oc2::HEALTH_CHECK,
                                      oc2::IMMUNISATIONS,
                                      oc2::TEETH_CHECK,
                                      oc2::HEALTH_ASSESSMENT,
                                      oc2::SUBSTANCE_MISUSE,
                                      oc2::INTERVENTION_RECEIVED,
                                      oc2::INTERVENTION_OFFERED};
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty() || c.rows[kOc2].empty()) continue;
    bool has_oc2 = false;
    for (std::uint32_t r : c.rows[kOc2]) {
      for (int col : kOc2Items) {
        if (!ctx.Cell(kOc2, r, col).empty()) has_oc2 = true;
      }
    }
    if (!has_oc2) continue;
    for (std::uint32_t r : c.rows[kOc3]) {
      if (!ctx.Cell(kOc3, r, oc3::IN_TOUCH).empty() || !ctx.Cell(kOc3, r, oc3::ACTIV).empty() ||
          !ctx.Cell(kOc3, r, oc3::ACCOM).empty()) {
        out.Flag(kOc3, r, "IN_TOUCH");
      }
    }
  }
}

// 217: placed for adoption with current foster carers (A3, A5) from 1 April 2015 without a
// reason for new episode of S, T or U.
void R217(const Context& ctx, Out& out) {
  const Date from = Date::FromCivil(2015, 4, 1);
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    if (!OneOf(ctx.Cell(kEpisodes, e, ep::PLACE), {"A3", "A5"})) continue;
    const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
    if (decom && *decom >= from && !OneOf(ctx.Cell(kEpisodes, e, ep::RNE), {"S", "T", "U"})) {
      out.Flag(kEpisodes, e, "RNE");
    }
  }
}

// Placement types that have no Ofsted URN.
bool PlaceWithoutUrn(std::string_view place) {
  return OneOf(place, {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12",
                       "Z13", "Z14"});
}

// 218: no URN for a placement in England that needs one, open at the start of the year or later
// (DEC blank or on or after 1 April).
void R218(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    if (!ctx.Cell(kEpisodes, e, ep::URN).empty()) continue;
    if (PlaceWithoutUrn(ctx.Cell(kEpisodes, e, ep::PLACE))) continue;
    if (OneOf(ctx.cur.pl_la[e], {"CON", "NIR", "SCO", "WAL", "NUK"})) continue;
    const std::string_view dec_text = ctx.Cell(kEpisodes, e, ep::DEC);
    const auto dec = ParseDate(dec_text);
    if (dec_text.empty() || (dec && *dec >= ctx.start)) out.Flag(kEpisodes, e, "URN");
  }
}

// 219: the placement type is not one the URN's provider is registered for (or the URN is not on
// the provider list).
void R219(const Context& ctx, Out& out) {
  std::string key;
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view urn = ctx.Cell(kEpisodes, e, ep::URN);
    if (!UrnGiven(urn)) continue;
    const Provider* p = FindProvider(ctx, urn, key);
    const std::string_view place = ctx.Cell(kEpisodes, e, ep::PLACE);
    if (!p || place.empty() || !Lists(p->place_codes, place)) out.Flag(kEpisodes, e, "URN");
  }
}

// 221: for a children's home, residential or secure placement (K1, K2, K3, R3, S1) with a
// postcode, the URN is not on the provider list, or (with the postcode directory) the
// placement postcode lies in another LA than the provider. The provider list gives each
// provider's LA, not its postcode, so a postcode in the provider's own LA is taken to match.
void R221(const Context& ctx, Out& out) {
  std::string key;
  const bool postcodes = ctx.ref->has_postcodes;
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view urn = ctx.Cell(kEpisodes, e, ep::URN);
    if (!UrnGiven(urn) || OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) continue;
    if (!OneOf(ctx.Cell(kEpisodes, e, ep::PLACE), {"K1", "K2", "K3", "R3", "S1"})) continue;
    if (ctx.Cell(kEpisodes, e, ep::PL_POST).empty()) continue;
    const Provider* p = FindProvider(ctx, urn, key);
    if (p && !p->postcode.empty()) {
      // The provider list knows the provider's postcode: the placement's must be it.
      if (PostcodeKey(ctx.Cell(kEpisodes, e, ep::PL_POST)) != p->postcode) {
        out.Flag(kEpisodes, e, "PL_POST");
      }
      continue;
    }
    // Otherwise the nearest check: the provider's LA against the placement postcode's.
    const bool other_la = p && postcodes && !p->la_code.empty() && !ctx.cur.pl_la[e].empty() &&
                          ctx.cur.pl_la[e] != p->la_code;
    if (!p || other_la) out.Flag(kEpisodes, e, "PL_POST");
  }
}

// 222: a URN for a placement type that has none.
void R222(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    if (!PlaceWithoutUrn(ctx.Cell(kEpisodes, e, ep::PLACE))) continue;
    if (UrnGiven(ctx.Cell(kEpisodes, e, ep::URN))) out.Flag(kEpisodes, e, "URN");
  }
}

// 224: the placement provider is not one the URN's provider may be (or the URN is not on the
// provider list).
void R224(const Context& ctx, Out& out) {
  std::string key;
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view urn = ctx.Cell(kEpisodes, e, ep::URN);
    if (!UrnGiven(urn)) continue;
    const Provider* p = FindProvider(ctx, urn, key);
    const std::string_view provider = ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER);
    if (!p || provider.empty() || !Lists(p->provider_codes, provider)) {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}

// 225: an episode that ended in a change of placement (REC X1) from a placement that was not
// temporary, followed by a non-temporary placement that began for a placement reason (RNE P,
// B, T, U), has no reason for the change.
void R225(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    for (size_t i = 0; i + 1 < eps.size(); ++i) {
      const std::uint32_t e = eps[i], next = eps[i + 1];
      if (ctx.Cell(kEpisodes, e, ep::REC) != "X1") continue;
      if (!ctx.Cell(kEpisodes, e, ep::REASON_PLACE_CHANGE).empty()) continue;
      if (Temporary(ctx.Cell(kEpisodes, e, ep::PLACE))) continue;
      if (!OneOf(ctx.Cell(kEpisodes, next, ep::RNE), {"P", "B", "T", "U"})) continue;
      if (Temporary(ctx.Cell(kEpisodes, next, ep::PLACE))) continue;
      out.Flag(kEpisodes, e, "REASON_PLACE_CHANGE");
    }
  }
}

// 226: a temporary placement (T0-T4) with a reason for placement change on it or on the
// child's episode before it.
void R226(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    for (size_t i = 0; i < eps.size(); ++i) {
      const std::uint32_t e = eps[i];
      if (!Temporary(ctx.Cell(kEpisodes, e, ep::PLACE))) continue;
      if (!ctx.Cell(kEpisodes, e, ep::REASON_PLACE_CHANGE).empty() ||
          (i > 0 && !ctx.Cell(kEpisodes, eps[i - 1], ep::REASON_PLACE_CHANGE).empty())) {
        out.Flag(kEpisodes, e, "REASON_PLACE_CHANGE");
      }
    }
  }
}

// 227: the episode starts on or after the day the URN's provider stopped being registered.
void R227(const Context& ctx, Out& out) {
  std::string key;
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view urn = ctx.Cell(kEpisodes, e, ep::URN);
    if (!UrnGiven(urn)) continue;
    const Provider* p = FindProvider(ctx, urn, key);
    if (!p || !p->registered_until) continue;
    const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
    if (decom && *decom >= *p->registered_until) out.Flag(kEpisodes, e, "URN");
  }
}

// 228: the episode ends (or, open, runs to 31 March) after the URN's provider stopped being
// registered.
void R228(const Context& ctx, Out& out) {
  std::string key;
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view urn = ctx.Cell(kEpisodes, e, ep::URN);
    if (!UrnGiven(urn)) continue;
    const Provider* p = FindProvider(ctx, urn, key);
    if (!p || !p->registered_until) continue;
    const Date dec = ctx.DateCell(kEpisodes, e, ep::DEC).value_or(ctx.end);
    if (dec > *p->registered_until) out.Flag(kEpisodes, e, "URN");
  }
}

// 229: a placement provider of the LA itself (PR1) whose URN is not in the LA (or is not on the
// provider list, or its LA is unknown), or of another LA (PR2) whose URN is in the LA.
void R229(const Context& ctx, Out& out) {
  std::string key;
  const std::string& la = ctx.ref->la_code;
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    const std::string_view urn = ctx.Cell(kEpisodes, e, ep::URN);
    if (!UrnGiven(urn)) continue;
    const std::string_view provider = ctx.Cell(kEpisodes, e, ep::PLACE_PROVIDER);
    if (provider != "PR1" && provider != "PR2") continue;
    const Provider* p = FindProvider(ctx, urn, key);
    const bool in_la = p && !p->la_code.empty() && p->la_code == la;
    if ((provider == "PR1" && !in_la) || (provider == "PR2" && in_la)) {
      out.Flag(kEpisodes, e, "PLACE_PROVIDER");
    }
  }
}

// 231: a UASC child (one with a UASC row) born less than 11 years before 31 March.
void R231(const Context& ctx, Out& out) {
  const Date eleven = AddYears(ctx.end, -11);
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kUasc].empty()) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
      if (dob && *dob > eleven) out.Flag(kHeader, h, "DOB");
    }
  }
}

// 232: SEX is U (unknown), in either case.
void R232(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kHeader);
  for (size_t h = 0; h < n; ++h) {
    if (EqualsUpper(ctx.Cell(kHeader, h, hdr::SEX), "U")) out.Flag(kHeader, h, "SEX");
  }
}

// 233: a reason for placement change on an episode that has not ended (DEC blank).
void R233(const Context& ctx, Out& out) {
  const size_t n = ctx.cur.Rows(kEpisodes);
  for (size_t e = 0; e < n; ++e) {
    if (ctx.Cell(kEpisodes, e, ep::DEC).empty() &&
        !ctx.Cell(kEpisodes, e, ep::REASON_PLACE_CHANGE).empty()) {
      out.Flag(kEpisodes, e, "REASON_PLACE_CHANGE");
    }
  }
}

// 234: placement change for custody (CUSTOD) on an episode that began before the child's 10th
// birthday.
void R234(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::REASON_PLACE_CHANGE) != "CUSTOD") continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (!decom) continue;
      for (std::uint32_t h : c.rows[kHeader]) {
        const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
        if (dob && AddYears(*dob, 10) > *decom) {
          out.Flag(kEpisodes, e, "REASON_PLACE_CHANGE");
          break;
        }
      }
    }
  }
}

// 3001: a care leaver whose 17th birthday falls in the year, living with former foster carers
// (ACCOM Z1, Z2).
void R3001(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kOc3].empty()) continue;
    bool seventeen = false;
    for (std::uint32_t h : c.rows[kHeader]) {
      const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
      if (dob && InRange(AddYears(*dob, 17), ctx.start, ctx.end)) seventeen = true;
    }
    if (!seventeen) continue;
    for (std::uint32_t r : c.rows[kOc3]) {
      if (OneOfUpper(ctx.Cell(kOc3, r, oc3::ACCOM), {"Z1", "Z2"})) out.Flag(kOc3, r, "ACCOM");
    }
  }
}

// EPI: a child in the Header with neither episodes nor care leaver (OC3) information.
void REpi(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (!c.rows[kEpisodes].empty() || !c.rows[kOc3].empty()) continue;
    for (std::uint32_t h : c.rows[kHeader]) out.Flag(kHeader, h, "CHILD");
  }
}

// NoE: an episode that began before this year for a child with no episodes last year.
void RNoE(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const ChildRows* lc = ctx.last.Find(c.id);
    if (lc && !lc->rows[kEpisodes].empty()) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (decom && *decom < ctx.start) out.Flag(kEpisodes, e, "DECOM");
    }
  }
}

constexpr std::uint32_t kHead = Needs(kHeader);
constexpr std::uint32_t kEp = Needs(kEpisodes);
constexpr std::uint32_t kUascBoth = Needs(kUasc) | NeedsLast(kUasc);

}  // namespace

void AddRules202To234(std::vector<Rule>& rules) {
  auto add = [&](std::string_view code, std::string_view message, std::uint32_t needs,
                 void (*check)(const Context&, Out&)) {
    rules.push_back({{code, Severity::kError, message}, needs, check});
  };
  add("202", "The gender code conflicts with the gender already recorded for this child.",
      kHead | NeedsLast(kHeader), R202);
  add("203", "Date of birth disagrees with the date of birth already recorded for this child.",
      kHead | NeedsLast(kHeader), R203);
  add("204", "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
      kHead | NeedsLast(kHeader), R204);
  add("205A",
      "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in "
      "both years does not support this.",
      kUascBoth, R205A);
  add("205B",
      "Child previously identified as UASC is also UASC this year, but date UASC ceased in both "
      "years does not support this.",
      kUascBoth, R205B);
  add("205C",
      "Child not identified as UASC either this year or last year but date UASC ceased has been "
      "provided.",
      kUascBoth, R205C);
  add("205D",
      "Child identified as UASC this year but not identified as UASC status provided for the "
      "child last year.",
      kUascBoth, R205D);
  add("207",
      "Mother status for the current year disagrees with the mother status already recorded for "
      "this child.",
      kHead | kEp | NeedsLast(kHeader), R207);
  add("208",
      "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number "
      "(UPN) already recorded for this child.",
      kHead | NeedsLast(kHeader), R208);
  add("209",
      "Child looked after is of school age and should not have an unknown Unique Pupil Number "
      "(UPN) code of UN1.",
      kHead, R209);
  add("210",
      "Children looked after for more than a week at 31 March should not have an unknown Unique "
      "Pupil Number (UPN) code of UN4.",
      kHead | kEp, R210);
  add("213", "Placement provider information not required.", kEp, R213);
  add("214", "Placement location information not required.", kEp, R214);
  add("215",
      "Child has care leaver information but one or more data items relating to children looked "
      "after for 12 months have been completed.",
      Needs(kOc2) | Needs(kOc3), R215);
  add("217",
      "Children who are placed for adoption with current foster carers (placement types A3 or "
      "A5) must have a reason for new episode of S, T or U.",
      kEp, R217);
  add("218", "Ofsted Unique reference number (URN) is required.", kEp | kNeedsPostcodes, R218);
  add("219",
      "The Ofsted Unique reference number (URN) provided for the child's placement does not "
      "match the placement type recorded.",
      kEp | kNeedsProviders, R219);
  add("221",
      "The Ofsted Unique reference number (URN) provided for the child's placement does not "
      "match the placement postcode provided.",
      kEp | kNeedsProviders, R221);
  add("222", "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
      kEp, R222);
  add("224",
      "The Ofsted Unique reference number (URN) provided for the child's placement does not "
      "match the placement provider recorded.",
      kEp | kNeedsProviders, R224);
  add("225", "Reason for placement change must be recorded.", kEp, R225);
  add("226", "Reason for placement change is not required for temporary placements.", kEp, R226);
  add("227", "Ofsted Unique reference number (URN) is not valid for the episode start date.",
      kEp | kNeedsProviders, R227);
  add("228",
      "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may "
      "give false positives on open episodes at providers who close during the year]",
      kEp | kNeedsProviders, R228);
  add("229",
      "Placement provider does not match between the placing authority and the local authority "
      "code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and "
      "may be inaccurate in some cases.]",
      kEp | kNeedsProviders | kNeedsLaCode, R229);
  add("231",
      "We expect that unaccompanied asylum seeking children are generally older young people. "
      "Please check the date of birth is correct. If the date of birth is correct then please "
      "provide details in a bypass request.",
      kHead | Needs(kUasc), R231);
  add("232", "Sex of the child/young person has been reported as unknown.", kHead, R232);
  add("233", "Reason for placement change is not required when the episode has not ceased.", kEp,
      R233);
  add("234", "A child aged under 10 can not change placement due to being admitted to custody",
      kEp | kHead, R234);
  add("3001",
      "Where care leavers information is being returned for a young person around their 17th "
      "birthday, the accommodation cannot be with their former foster carer(s).",
      kHead | Needs(kOc3), R3001);
  add("EPI",
      "WARNING: Episodes need to be loaded for this child before further validation is possible "
      "[NOTE: This refers to the DfE portal - here, all checks that can be performed with only "
      "the available data will be.]",
      kHead, REpi);
  add("NoE",
      "This child has no episodes loaded for previous year even though child started to be "
      "looked after before this current year.",
      kEp | NeedsLast(kEpisodes), RNoE);
}

}  // namespace sg::ssda903
