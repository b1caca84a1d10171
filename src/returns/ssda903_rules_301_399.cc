// SSDA903 rules 301-399.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

// ---- Helpers

// Days from `a` to `b`.
int DaysBetween(Date a, Date b) { return b.days() - a.days(); }

// DEC of an episode, a blank one counting as the end of the collection year (the episode
// runs on). The community validator's engine hands rules a shallow copy of the tables, and a
// rule that runs early fills blank DECs with the year's end in place; the rules that run
// after it (of ours: 376, 386, 387, 388) therefore see open episodes so. We follow that where
// it agrees with DfE's rule, not in 359, where it would never fire.
std::optional<Date> DecOrYearEnd(const Context& ctx, size_t row) {
  const std::string_view dec = ctx.Cell(kEpisodes, row, ep::DEC);
  return dec.empty() ? std::optional<Date>(ctx.end) : ParseDate(dec);
}

bool Temporary(std::string_view place) { return OneOf(place, {"T0", "T1", "T2", "T3", "T4"}); }

bool Respite(std::string_view ls) { return ls == "V3" || ls == "V4"; }

// The header rows' dates of birth of a child (those that are dates).
template <typename F>
void ForEachDob(const Context& ctx, const ChildRows& c, F&& f) {
  for (std::uint32_t h : c.rows[kHeader]) {
    if (auto dob = ctx.DateCell(kHeader, h, hdr::DOB)) f(*dob);
  }
}

// ---- Header and UASC

// 301: the date of birth is after the end of the collection year.
void R301(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kHeader); ++r) {
    const auto dob = ctx.DateCell(kHeader, r, hdr::DOB);
    if (dob && *dob > ctx.end) out.Flag(kHeader, r, "DOB");
  }
}

// 302: the child's first episode (earliest DECOM) starts before its date of birth.
void R302(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    const std::uint32_t first = c.rows[kEpisodes].front();  // dated ones come first
    const auto decom = ctx.DateCell(kEpisodes, first, ep::DECOM);
    if (!decom) continue;
    bool before = false;
    ForEachDob(ctx, c, [&](Date dob) { before = before || dob > *decom; });
    if (before) out.Flag(kEpisodes, first, "DECOM");
  }
}

// 303: a UASC ceased date needs UASC status 1. A child's UASC status is the presence of its
// row in the UASC table (the 2025/26 Header has no UASC column; the community derives the
// status the same way), so a child of the Header with a DUC always has status 1.
void R303(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    const bool uasc_status = !c.rows[kUasc].empty();
    for (std::uint32_t u : c.rows[kUasc]) {
      if (!ctx.Cell(kUasc, u, uasc::DUC).empty() && !uasc_status) out.Flag(kUasc, u, "DUC");
    }
  }
}

// 304: UASC status ceased after the 18th birthday (the UASC table's own DOB).
void R304(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kUasc); ++r) {
    const auto duc = ctx.DateCell(kUasc, r, uasc::DUC);
    const auto dob = ctx.DateCell(kUasc, r, uasc::DOB);
    if (duc && dob && *duc > AddYears(*dob, 18)) out.Flag(kUasc, r, "DUC");
  }
}

// 351: over 25 at the start of the collection year.
void R351(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kHeader); ++r) {
    const auto dob = ctx.DateCell(kHeader, r, hdr::DOB);
    if (dob && ctx.start > AddYears(*dob, 25)) out.Flag(kHeader, r, "DOB");
  }
}

// 393: a girl (SEX F, the 2025 codes) with an episode not under V3/V4 has no MOTHER.
void R393(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool applicable = false;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!Respite(ctx.Cell(kEpisodes, e, ep::LS))) {
        applicable = true;
        break;
      }
    }
    if (!applicable) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (ctx.Cell(kHeader, h, hdr::SEX) == "F" && ctx.Cell(kHeader, h, hdr::MOTHER).empty()) {
        out.Flag(kHeader, h, "MOTHER");
      }
    }
  }
}

// 399: every episode of the child is under V3/V4, yet MOTHER, a review date or a review
// (participation) code is completed.
void R399(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    if (eps.empty()) continue;
    bool all_respite = true;
    for (std::uint32_t e : eps) {
      all_respite = all_respite && Respite(ctx.Cell(kEpisodes, e, ep::LS));
    }
    if (!all_respite) continue;
    for (std::uint32_t h : c.rows[kHeader]) {
      if (!ctx.Cell(kHeader, h, hdr::MOTHER).empty()) out.Flag(kHeader, h, "MOTHER");
    }
    for (std::uint32_t r : c.rows[kReviews]) {
      if (!ctx.Cell(kReviews, r, rev::REVIEW).empty()) {
        out.Flag(kReviews, r, "REVIEW");
      } else if (!ctx.Cell(kReviews, r, rev::REVIEW_CODE).empty()) {
        out.Flag(kReviews, r, "REVIEW_CODE");
      }
    }
  }
}

// ---- Adoption (AD1)

// 331: matched with adopters (DATE_MATCH) after the start of an episode that ended in
// adoption (REC E11/E12).
void R331(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t a : c.rows[kAd1]) {
      const auto match = ctx.DateCell(kAd1, a, ad1::DATE_MATCH);
      if (!match) continue;
      for (std::uint32_t e : c.rows[kEpisodes]) {
        if (!OneOf(ctx.Cell(kEpisodes, e, ep::REC), {"E11", "E12"})) continue;
        const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
        if (decom && *match > *decom) {
          out.Flag(kAd1, a, "DATE_MATCH");
          break;
        }
      }
    }
  }
}

// 333: a DATE_MATCH needs a DATE_INT on or before it.
void R333(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kAd1); ++r) {
    const auto match = ctx.DateCell(kAd1, r, ad1::DATE_MATCH);
    if (!match) continue;
    const auto decided = ctx.DateCell(kAd1, r, ad1::DATE_INT);
    if (!decided || *decided > *match) out.Flag(kAd1, r, "DATE_INT");
  }
}

// 334: DATE_INT before the start of the latest episode that began a period of care (RNE S).
void R334(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty()) continue;
    std::optional<Date> latest;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::RNE) != "S") continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (decom && (!latest || *decom > *latest)) latest = decom;
    }
    if (!latest) continue;
    for (std::uint32_t a : c.rows[kAd1]) {
      const auto decided = ctx.DateCell(kAd1, a, ad1::DATE_INT);
      if (decided && *decided < *latest) out.Flag(kAd1, a, "DATE_INT");
    }
  }
}

// 335: FOSTER_CARE contradicts the placement of an episode that ended in adoption.
void R335(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kAd1].empty()) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!OneOf(ctx.Cell(kEpisodes, e, ep::REC), {"E1", "E11", "E12"})) continue;
      const std::string_view place = ctx.Cell(kEpisodes, e, ep::PLACE);
      const bool by_carer = OneOf(place, {"A2", "A3", "A5"});
      const bool not_by_carer = OneOf(place, {"A1", "A4", "A6"});
      for (std::uint32_t a : c.rows[kAd1]) {
        const std::string_view foster = ctx.Cell(kAd1, a, ad1::FOSTER_CARE);
        if ((by_carer && foster == "0") || (not_by_carer && foster == "1")) {
          out.Flag(kEpisodes, e, "PLACE");
          break;
        }
      }
    }
  }
}

// 336: a placement for adoption (A3/A4) not preceded by a foster or adoption placement.
void R336(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    for (size_t i = 1; i < eps.size(); ++i) {
      if (!OneOf(ctx.Cell(kEpisodes, eps[i], ep::PLACE), {"A3", "A4"})) continue;
      const std::string_view prev = ctx.Cell(kEpisodes, eps[i - 1], ep::PLACE);
      if (!OneOf(prev, {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"})) {
        out.Flag(kEpisodes, eps[i], "PLACE");
      }
    }
  }
}

// ---- Care leavers (OC3)

// 344: died or returned home (IN_TOUCH DIED/RHOM) but ACTIV or ACCOM is not 0.
void R344(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc3); ++r) {
    if (!OneOf(ctx.Cell(kOc3, r, oc3::IN_TOUCH), {"DIED", "RHOM"})) continue;
    if (ctx.Cell(kOc3, r, oc3::ACTIV) != "0") {
      out.Flag(kOc3, r, "ACTIV");
    } else if (ctx.Cell(kOc3, r, oc3::ACCOM) != "0") {
      out.Flag(kOc3, r, "ACCOM");
    }
  }
}

// 345: in touch (IN_TOUCH YES) but ACTIV or ACCOM is 0.
void R345(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc3); ++r) {
    if (ctx.Cell(kOc3, r, oc3::IN_TOUCH) != "YES") continue;
    if (ctx.Cell(kOc3, r, oc3::ACTIV) == "0") {
      out.Flag(kOc3, r, "ACTIV");
    } else if (ctx.Cell(kOc3, r, oc3::ACCOM) == "0") {
      out.Flag(kOc3, r, "ACCOM");
    }
  }
}

// 347: in a foyer (ACCOM T) while under 18 at the start of the collection year.
void R347(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc3); ++r) {
    if (ctx.Cell(kOc3, r, oc3::ACCOM) != "T") continue;
    const auto dob = ctx.DateCell(kOc3, r, oc3::DOB);
    if (dob && AddYears(*dob, 18) > ctx.start) out.Flag(kOc3, r, "ACCOM");
  }
}

// 348: reported as died last year (IN_TOUCH DIED) but not this year.
void R348(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc3); ++r) {
    if (ctx.Cell(kOc3, r, oc3::IN_TOUCH) == "DIED") continue;
    const ChildRows* last = ctx.last.Find(ctx.Cell(kOc3, r, oc3::CHILD));
    if (!last) continue;
    for (std::uint32_t l : last->rows[kOc3]) {
      if (ctx.last.Cell(kOc3, l, oc3::IN_TOUCH) == "DIED") {
        out.Flag(kOc3, r, "IN_TOUCH");
        break;
      }
    }
  }
}

// 391: not yet 17 at the end of the collection year, yet care leaver data is given.
void R391(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kOc3); ++r) {
    const auto dob = ctx.DateCell(kOc3, r, oc3::DOB);
    if (!dob || AddYears(*dob, 17) <= ctx.end) continue;
    if (!ctx.Cell(kOc3, r, oc3::IN_TOUCH).empty() || !ctx.Cell(kOc3, r, oc3::ACTIV).empty() ||
        !ctx.Cell(kOc3, r, oc3::ACCOM).empty()) {
      out.Flag(kOc3, r, "DOB");
    }
  }
}

// ---- Episodes: dates

// 352: an episode starting a period of care (RNE S) on or after the 18th birthday.
void R352(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::RNE) != "S") continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (!decom) continue;
      bool adult = false;
      ForEachDob(ctx, c, [&](Date dob) { adult = adult || AddYears(dob, 18) <= *decom; });
      if (adult) out.Flag(kEpisodes, e, "DECOM");
    }
  }
}

// 353: an episode starting before 14 October 1991.
void R353(const Context& ctx, Out& out) {
  const Date earliest = Date::FromCivil(1991, 10, 14);
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const auto decom = ctx.DateCell(kEpisodes, r, ep::DECOM);
    if (decom && *decom < earliest) out.Flag(kEpisodes, r, "DECOM");
  }
}

// 354: an episode starting after the end of the collection year.
void R354(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const auto decom = ctx.DateCell(kEpisodes, r, ep::DECOM);
    if (decom && *decom > ctx.end) out.Flag(kEpisodes, r, "DECOM");
  }
}

// 355: DEC is the same as DECOM (as text; two blanks count as the same, as the community
// compares them).
void R355(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (ctx.Cell(kEpisodes, r, ep::DECOM) == ctx.Cell(kEpisodes, r, ep::DEC)) {
      out.Flag(kEpisodes, r, "DEC");
    }
  }
}

// 356: DEC before DECOM.
void R356(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const auto dec = ctx.DateCell(kEpisodes, r, ep::DEC);
    const auto decom = ctx.DateCell(kEpisodes, r, ep::DECOM);
    if (dec && decom && *dec < *decom) out.Flag(kEpisodes, r, "DEC");
  }
}

// 357: the child's first episode starts in the collection year but not with RNE S.
void R357(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    const std::uint32_t first = c.rows[kEpisodes].front();
    const auto decom = ctx.DateCell(kEpisodes, first, ep::DECOM);
    if (decom && *decom >= ctx.start && ctx.Cell(kEpisodes, first, ep::RNE) != "S") {
      out.Flag(kEpisodes, first, "RNE");
    }
  }
}

// 385: an episode ceasing after the end of the collection year.
void R385(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const auto dec = ctx.DateCell(kEpisodes, r, ep::DEC);
    if (dec && *dec > ctx.end) out.Flag(kEpisodes, r, "DEC");
  }
}

// ---- Episodes: legal status

// 358: a youth justice legal status (J1-J3) starting on or before the 10th birthday.
void R358(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"J1", "J2", "J3"})) continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (!decom) continue;
      bool young = false;
      ForEachDob(ctx, c, [&](Date dob) { young = young || AddYears(dob, 10) >= *decom; });
      if (young) out.Flag(kEpisodes, e, "LS");
    }
  }
}

// 359: 18 before the end of the year, with an open episode that is not V2 in a community
// home (K2).
void R359(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    bool adult = false;
    ForEachDob(ctx, c, [&](Date dob) { adult = adult || AddYears(dob, 18) < ctx.end; });
    if (!adult) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!ctx.Cell(kEpisodes, e, ep::DEC).empty()) continue;
      if (ctx.Cell(kEpisodes, e, ep::LS) == "V2" && ctx.Cell(kEpisodes, e, ep::PLACE) == "K2") {
        continue;
      }
      out.Flag(kEpisodes, e, "LS");
    }
  }
}

// 361, 362: a run of episodes under legal status `ls` lasted more than `max_days`. Episodes
// are taken in DECOM order; an episode of the status joins the run of the previous one of the
// status when that one ceased (an open one: at the end of the year) on the day the episode
// after it started. A run's length is from its earliest start to its latest end.
void ProtectionRuns(const Context& ctx, Out& out, std::string_view ls, int max_days) {
  std::vector<std::uint32_t> run;
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    run.clear();
    // The run's earliest start (has_first: one is known). Not an optional: GCC 12 warns,
    // wrongly, that the optional's value may be read uninitialised.
    Date first_start;
    bool has_first = false;
    Date last_end;
    bool joins = false;
    auto close = [&] {
      if (!run.empty() && has_first && DaysBetween(first_start, last_end) > max_days) {
        for (std::uint32_t e : run) out.Flag(kEpisodes, e, "DEC");
      }
      run.clear();
      has_first = false;
    };
    for (size_t i = 0; i < eps.size(); ++i) {
      if (ctx.Cell(kEpisodes, eps[i], ep::LS) != ls) continue;
      if (!joins) close();
      const auto decom = ctx.DateCell(kEpisodes, eps[i], ep::DECOM);
      const Date dec = ctx.DateCell(kEpisodes, eps[i], ep::DEC).value_or(ctx.end);
      if (run.empty() || dec > last_end) last_end = dec;
      if (decom && (!has_first || *decom < first_start)) {
        first_start = *decom;
        has_first = true;
      }
      run.push_back(eps[i]);
      std::optional<Date> next;
      if (i + 1 < eps.size()) next = ctx.DateCell(kEpisodes, eps[i + 1], ep::DECOM);
      joins = next && *next == dec;
    }
    close();
  }
}

void R361(const Context& ctx, Out& out) { ProtectionRuns(ctx, out, "L1", 3); }
void R362(const Context& ctx, Out& out) { ProtectionRuns(ctx, out, "L2", 21); }

// 363, 364: periods under legal status `ls` whose episodes add up to more than `max_days`.
// Following the community, the episodes of the status are taken in file order; a period ends
// where the child changes or an episode starts after the previous one ceased (a blank DEC
// counts as the end of the year; a DEC that is not a date adds nothing and ends nothing).
void StatusPeriods(const Context& ctx, Out& out, std::string_view ls, int max_days) {
  std::vector<std::uint32_t> period;
  std::string_view child;
  std::optional<Date> prev_dec;
  int total = 0;
  auto close = [&] {
    if (total > max_days) {
      for (std::uint32_t e : period) out.Flag(kEpisodes, e, "DEC");
    }
    period.clear();
    total = 0;
  };
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (ctx.Cell(kEpisodes, r, ep::LS) != ls) continue;
    const auto decom = ctx.DateCell(kEpisodes, r, ep::DECOM);
    if (!decom) continue;
    const std::string_view dec_text = ctx.Cell(kEpisodes, r, ep::DEC);
    const std::optional<Date> dec = dec_text.empty() ? ctx.end : ParseDate(dec_text);
    const std::string_view id = ctx.Cell(kEpisodes, r, ep::CHILD);
    if (period.empty() || id != child || (prev_dec && *decom > *prev_dec)) close();
    period.push_back(static_cast<std::uint32_t>(r));
    if (dec) total += DaysBetween(*decom, *dec);
    child = id;
    prev_dec = dec;
  }
  close();
}

void R363(const Context& ctx, Out& out) { StatusPeriods(ctx, out, "L3", 7); }
void R364(const Context& ctx, Out& out) { StatusPeriods(ctx, out, "J2", 21); }

// 365: a short break (V3) episode longer than 17 days (an open one: to the end of the year).
void R365(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (ctx.Cell(kEpisodes, r, ep::LS) != "V3") continue;
    const auto decom = ctx.DateCell(kEpisodes, r, ep::DECOM);
    const std::string_view dec_text = ctx.Cell(kEpisodes, r, ep::DEC);
    const std::optional<Date> dec = dec_text.empty() ? ctx.end : ParseDate(dec_text);
    if (decom && dec && *dec > decom->AddDays(17)) out.Flag(kEpisodes, r, "DEC");
  }
}

// 366: a short break (V3) episode that does not start a period of care (RNE not S).
void R366(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (ctx.Cell(kEpisodes, r, ep::LS) == "V3" && ctx.Cell(kEpisodes, r, ep::RNE) != "S") {
      out.Flag(kEpisodes, r, "RNE");
    }
  }
}

// 367: more than 75 days of short breaks (V3) within the collection year.
void R367(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    int total = 0;
    for (int pass = 0; pass < 2; ++pass) {
      for (std::uint32_t e : c.rows[kEpisodes]) {
        if (ctx.Cell(kEpisodes, e, ep::LS) != "V3") continue;
        if (ctx.Cell(kEpisodes, e, ep::DECOM).empty()) continue;
        auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
        const std::string_view dec_text = ctx.Cell(kEpisodes, e, ep::DEC);
        auto dec = ParseDate(dec_text);
        if (dec_text.empty() || (dec && *dec > ctx.end)) dec = ctx.end;
        if (decom && *decom < ctx.start) decom = ctx.start;
        if (!decom || !dec) continue;
        const int days = DaysBetween(*decom, *dec);
        if (days <= 0) continue;
        if (pass == 0) {
          total += days;
        } else if (total > 75) {
          out.Flag(kEpisodes, e, "DEC");
        }
      }
      if (total <= 75) break;
    }
  }
}

// 378: placed with parents (P1) under a single period of accommodation (V2).
void R378(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (ctx.Cell(kEpisodes, r, ep::PLACE) == "P1" && ctx.Cell(kEpisodes, r, ep::LS) == "V2") {
      out.Flag(kEpisodes, r, "LS");
    }
  }
}

// 382: short breaks (V3/V4) in a temporary placement (T0-T4).
void R382(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (Respite(ctx.Cell(kEpisodes, r, ep::LS)) && Temporary(ctx.Cell(kEpisodes, r, ep::PLACE))) {
      out.Flag(kEpisodes, r, "PLACE");
    }
  }
}

// 384: short breaks (V3/V4) in a long-term foster placement (U1/U4).
void R384(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (Respite(ctx.Cell(kEpisodes, r, ep::LS)) &&
        OneOf(ctx.Cell(kEpisodes, r, ep::PLACE), {"U1", "U4"})) {
      out.Flag(kEpisodes, r, "PLACE");
    }
  }
}

// ---- Episodes: placements

// 371-374: a placement of type `place` starting before the child's `years`th birthday.
// As the community does, only ceased episodes (DEC a date) of children in the Header are
// looked at.
void PlacementTooYoung(const Context& ctx, Out& out, std::string_view place, int years) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::PLACE) != place) continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      if (!decom || !ctx.DateCell(kEpisodes, e, ep::DEC)) continue;
      bool young = false;
      ForEachDob(ctx, c, [&](Date dob) { young = young || *decom < AddYears(dob, years); });
      if (young) out.Flag(kEpisodes, e, "PLACE");
    }
  }
}

void R371(const Context& ctx, Out& out) { PlacementTooYoung(ctx, out, "K3", 16); }
void R372(const Context& ctx, Out& out) { PlacementTooYoung(ctx, out, "R5", 10); }
void R373(const Context& ctx, Out& out) { PlacementTooYoung(ctx, out, "S1", 4); }
void R374(const Context& ctx, Out& out) { PlacementTooYoung(ctx, out, "P3", 14); }

// 375, 376, 379: a temporary placement of type `place` lasting more than `max_days`. As the
// community does, only children in the Header with a date of birth are looked at, and only
// ceased episodes, but for 376 (`open_to_year_end`) an open one counts to the year's end.
void PlacementTooLong(const Context& ctx, Out& out, std::string_view place, int max_days,
                      bool open_to_year_end) {
  for (const ChildRows& c : ctx.cur.children) {
    bool has_dob = false;
    ForEachDob(ctx, c, [&](Date) { has_dob = true; });
    if (!has_dob) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::PLACE) != place) continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      const auto dec =
          open_to_year_end ? DecOrYearEnd(ctx, e) : ctx.DateCell(kEpisodes, e, ep::DEC);
      if (decom && dec && *dec > decom->AddDays(max_days)) out.Flag(kEpisodes, e, "DEC");
    }
  }
}

void R375(const Context& ctx, Out& out) { PlacementTooLong(ctx, out, "T1", 42, false); }
void R376(const Context& ctx, Out& out) { PlacementTooLong(ctx, out, "T3", 21, true); }
void R379(const Context& ctx, Out& out) { PlacementTooLong(ctx, out, "T4", 7, false); }

// 377: more than two placements for a foster carer's holiday (T3). The community counts them
// over the whole return, not per twelve months.
void R377(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    int n = 0;
    for (std::uint32_t e : c.rows[kEpisodes]) n += ctx.Cell(kEpisodes, e, ep::PLACE) == "T3";
    if (n <= 2) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (ctx.Cell(kEpisodes, e, ep::PLACE) == "T3") out.Flag(kEpisodes, e, "PLACE");
    }
  }
}

// 380: a temporary placement (T0-T4) whose episode is not a change of placement (RNE P/B).
void R380(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (Temporary(ctx.Cell(kEpisodes, r, ep::PLACE)) &&
        !OneOf(ctx.Cell(kEpisodes, r, ep::RNE), {"P", "B"})) {
      out.Flag(kEpisodes, r, "RNE");
    }
  }
}

// 381: a temporary placement (T0-T4) ending otherwise than by a new episode (REC not X1).
void R381(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const std::string_view rec = ctx.Cell(kEpisodes, r, ep::REC);
    if (Temporary(ctx.Cell(kEpisodes, r, ep::PLACE)) && !rec.empty() && rec != "X1") {
      out.Flag(kEpisodes, r, "REC");
    }
  }
}

// 383: the episode after a temporary placement is not a return (RNE P) to the placement
// before it (the same PLACE and PL_POST). A blank never equals anything, as in the community.
void R383(const Context& ctx, Out& out) {
  auto differ = [](std::string_view a, std::string_view b) {
    return a.empty() || b.empty() || a != b;
  };
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    for (size_t i = 2; i < eps.size(); ++i) {
      if (!Temporary(ctx.Cell(kEpisodes, eps[i - 1], ep::PLACE))) continue;
      const std::uint32_t e = eps[i], before = eps[i - 2];
      if (ctx.Cell(kEpisodes, e, ep::RNE) != "P") {
        out.Flag(kEpisodes, e, "RNE");
      } else if (differ(ctx.Cell(kEpisodes, e, ep::PLACE),
                        ctx.Cell(kEpisodes, before, ep::PLACE))) {
        out.Flag(kEpisodes, e, "PLACE");
      } else if (differ(ctx.Cell(kEpisodes, e, ep::PL_POST),
                        ctx.Cell(kEpisodes, before, ep::PL_POST))) {
        out.Flag(kEpisodes, e, "PL_POST");
      }
    }
  }
}

// ---- Episodes: reason ceased

// 386: ceased by adoption (E11/E12) on or after the 18th birthday (an open episode: 18 by
// the end of the year).
void R386(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!OneOf(ctx.Cell(kEpisodes, e, ep::REC), {"E11", "E12"})) continue;
      const auto dec = DecOrYearEnd(ctx, e);
      if (!dec) continue;
      bool adult = false;
      ForEachDob(ctx, c, [&](Date dob) { adult = adult || AddYears(dob, 18) <= *dec; });
      if (adult) out.Flag(kEpisodes, e, "REC");
    }
  }
}

// 387, 389: ceased for a reason in `codes` before the `years`th birthday. As the community
// does, a child without a Header row or date of birth counts as too young. For 387
// (`open_to_year_end`) an open episode counts as ceasing at the end of the year and one whose
// DEC is not a date is not looked at; for 389 an episode without a DEC counts as too young.
void CeasedTooYoung(const Context& ctx, Out& out, std::initializer_list<std::string_view> codes,
                    int years, bool open_to_year_end) {
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      bool match = false;
      const std::string_view rec = ctx.Cell(kEpisodes, e, ep::REC);
      for (std::string_view code : codes) match = match || rec == code;
      if (!match) continue;
      const auto dec =
          open_to_year_end ? DecOrYearEnd(ctx, e) : ctx.DateCell(kEpisodes, e, ep::DEC);
      if (open_to_year_end && !dec) continue;
      bool young = c.rows[kHeader].empty();
      for (std::uint32_t h : c.rows[kHeader]) {
        const auto dob = ctx.DateCell(kHeader, h, hdr::DOB);
        young = young || !dob || !dec || AddYears(*dob, years) > *dec;
      }
      if (young) out.Flag(kEpisodes, e, "REC");
    }
  }
}

void R387(const Context& ctx, Out& out) { CeasedTooYoung(ctx, out, {"E5", "E6"}, 14, true); }
void R389(const Context& ctx, Out& out) { CeasedTooYoung(ctx, out, {"E7"}, 16, false); }

// 388: REC X1 (a new episode begins) needs a next episode starting on the day this one
// ceased; an episode ceasing on the day the next one starts needs X1. Following the
// community, an episode whose DECOM is not a date counts as starting on 01/01/1901 (so it
// comes first), and an open one as ceasing at the end of the year.
void R388(const Context& ctx, Out& out) {
  const Date undated = Date::FromCivil(1901, 1, 1);
  for (const ChildRows& c : ctx.cur.children) {
    const auto& eps = c.rows[kEpisodes];
    const size_t n = eps.size();
    size_t dated = 0;
    while (dated < n && ctx.DateCell(kEpisodes, eps[dated], ep::DECOM)) ++dated;
    // The undated episodes first (in file order), then the dated ones.
    auto at = [&](size_t k) { return k < n - dated ? eps[dated + k] : eps[k - (n - dated)]; };
    for (size_t k = 0; k < n; ++k) {
      const std::uint32_t e = at(k);
      const auto dec = DecOrYearEnd(ctx, e);
      if (!dec) continue;
      const std::string_view rec = ctx.Cell(kEpisodes, e, ep::REC);
      if (k + 1 == n) {
        if (rec == "X1") out.Flag(kEpisodes, e, "REC");
        continue;
      }
      const Date next = ctx.DateCell(kEpisodes, at(k + 1), ep::DECOM).value_or(undated);
      if (rec == "X1" ? *dec != next : (!rec.empty() && *dec == next)) {
        out.Flag(kEpisodes, e, "REC");
      }
    }
  }
}

// 390: ceased by adoption (E11/E12) from a placement that is not for adoption (A3-A6).
void R390(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (OneOf(ctx.Cell(kEpisodes, r, ep::REC), {"E11", "E12"}) &&
        !OneOf(ctx.Cell(kEpisodes, r, ep::PLACE), {"A3", "A4", "A5", "A6"})) {
      out.Flag(kEpisodes, r, "PLACE");
    }
  }
}

// ---- Episodes: postcodes and distance

// Whether the child was UASC this year or last, as far as the UASC tables that were supplied
// say (392a, 392b): with the Header, a Header child with a UASC row; without it, a UASC row
// with something besides CHILD.
bool FormerlyUasc(const Year& y, std::string_view child) {
  if (!y.Has(kUasc)) return false;
  const ChildRows* c = y.Find(child);
  if (!c || c->rows[kUasc].empty()) return false;
  if (y.Has(kHeader)) return !c->rows[kHeader].empty();
  for (std::uint32_t u : c->rows[kUasc]) {
    if (!y.Cell(kUasc, u, uasc::SEX).empty() || !y.Cell(kUasc, u, uasc::DOB).empty() ||
        !y.Cell(kUasc, u, uasc::DUC).empty()) {
      return true;
    }
  }
  return false;
}

// 392a: an episode not under V3/V4 without a distance (a postcode blank or unknown), for a
// child never UASC. The community checks only when a UASC table (this year's or last) is
// supplied.
void R392a(const Context& ctx, Out& out) {
  if (!ctx.cur.Has(kUasc) && !ctx.last.Has(kUasc)) return;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    if (FormerlyUasc(ctx.cur, c.id) || FormerlyUasc(ctx.last, c.id)) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (!Respite(ctx.Cell(kEpisodes, e, ep::LS)) && !ctx.cur.pl_distance[e]) {
        out.Flag(kEpisodes, e, "PL_DISTANCE");
      }
    }
  }
}

// 392b: an episode not under V3/V4 with a postcode blank, for a child never UASC.
void R392b(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kEpisodes].empty()) continue;
    if (FormerlyUasc(ctx.cur, c.id) || FormerlyUasc(ctx.last, c.id)) continue;
    for (std::uint32_t e : c.rows[kEpisodes]) {
      if (Respite(ctx.Cell(kEpisodes, e, ep::LS))) continue;
      if (ctx.Cell(kEpisodes, e, ep::HOME_POST).empty()) {
        out.Flag(kEpisodes, e, "HOME_POST");
      } else if (ctx.Cell(kEpisodes, e, ep::PL_POST).empty()) {
        out.Flag(kEpisodes, e, "PL_POST");
      }
    }
  }
}

// 392c: a postcode given that the postcode directory does not know (looked up in upper case
// without spaces).
void R392c(const Context& ctx, Out& out) {
  std::string key;
  auto known = [&](std::string_view pc) {
    PostcodeKey(pc, key);
    return ctx.ref->postcodes.count(key) > 0;
  };
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const std::string_view home = ctx.Cell(kEpisodes, r, ep::HOME_POST);
    const std::string_view place = ctx.Cell(kEpisodes, r, ep::PL_POST);
    if (!home.empty() && !known(home)) {
      out.Flag(kEpisodes, r, "HOME_POST");
    } else if (!place.empty() && !known(place)) {
      out.Flag(kEpisodes, r, "PL_POST");
    }
  }
}

// 392d: the same home and placement postcode (as text) for a placement other than P1.
void R392d(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    const std::string_view home = ctx.Cell(kEpisodes, r, ep::HOME_POST);
    if (!home.empty() && home == ctx.Cell(kEpisodes, r, ep::PL_POST) &&
        ctx.Cell(kEpisodes, r, ep::PLACE) != "P1") {
      out.Flag(kEpisodes, r, "PL_POST");
    }
  }
}

// 398: postcodes (from which the distance is derived) given for an episode under V3/V4.
void R398(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kEpisodes); ++r) {
    if (!Respite(ctx.Cell(kEpisodes, r, ep::LS))) continue;
    if (!ctx.Cell(kEpisodes, r, ep::HOME_POST).empty()) {
      out.Flag(kEpisodes, r, "HOME_POST");
    } else if (!ctx.Cell(kEpisodes, r, ep::PL_POST).empty()) {
      out.Flag(kEpisodes, r, "PL_POST");
    }
  }
}

}  // namespace

void AddRules301To399(std::vector<Rule>& rules) {
  constexpr std::uint32_t kEp = Needs(kEpisodes);
  constexpr std::uint32_t kHdrEp = Needs(kHeader) | Needs(kEpisodes);
  auto add = [&](std::string_view code, std::string_view message, std::uint32_t needs,
                 void (*check)(const Context&, Out&)) {
    rules.push_back({{code, Severity::kError, message}, needs, check});
  };
  add("301", "Date of birth falls after the year ended.", Needs(kHeader), R301);
  add("302", "First episode starts before child was born.", kHdrEp, R302);
  add("303",
      "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status "
      "must be coded 1.",
      Needs(kUasc) | Needs(kHeader), R303);
  add("304",
      "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th "
      "birthday of a child.",
      Needs(kUasc), R304);
  add("331",
      "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
      "placement of adoption.",
      Needs(kAd1) | kEp, R331);
  add("333",
      "Date should be placed for adoption must be on or prior to the date of matching child with "
      "adopter(s).",
      Needs(kAd1), R333);
  add("334",
      "Date child started to be looked after in latest period of care must be on or prior to the "
      "date should be placed for adoption. ",
      kEp | Needs(kAd1), R334);
  add("335",
      "The current foster value (0) suggests that child is not adopted by current foster carer, "
      "but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child "
      "is adopted by current foster carer, but last placement is A1, A4 or A6.",
      kEp | Needs(kAd1), R335);
  add("336",
      "Child does not have a foster placement immediately prior to being placed for adoption.", kEp,
      R336);
  add("344",
      "The record shows the young person has died or returned home to live with parent(s) or "
      "someone with parental responsibility for a continuous period of 6 months or more, but "
      "activity and/or accommodation on leaving care have been completed.",
      Needs(kOc3), R344);
  add("345",
      "The data collection record shows the local authority is in touch with this young person, "
      "but activity and/or accommodation data items are zero.",
      Needs(kOc3), R345);
  add("347", "Care leavers aged under 18 years, can not be accommodated in a Foyer.", Needs(kOc3),
      R347);
  add("348", "Care leaver has previously been reported as having died. ",
      Needs(kOc3) | NeedsLast(kOc3), R348);
  add("351", "Child was over 25 at the start of the current collection year.", Needs(kHeader),
      R351);
  add("352", "Child who started to be looked after was aged 18 or over.", kHdrEp, R352);
  add("353", "No episode submitted can start before 14 October 1991.", kEp, R353);
  add("354", "Date episode ceased must be on or before the end of the current collection year.",
      kEp, R354);
  add("355", "Episode appears to have lasted for less than 24 hours", kEp, R355);
  add("356", "The date the episode ceased is before the date the same episode started.", kEp, R356);
  add("357",
      "If this is the first episode ever for this child, reason for new episode must be S.  Check "
      "whether there is an episode immediately preceding this one, which has been left out.  If "
      "not the reason for new episode code must be amended to S.",
      kEp, R357);
  add("358", "Child with this legal status should not be under 10.", kHdrEp, R358);
  add("359",
      "Child being looked after following 18th birthday must be accommodated under section 20(5) "
      "of the Children Act 1989 in a community home.",
      kHdrEp, R359);
  add("361",
      "Police protection legal status lasted longer than maximum 72 hours allowed in the Children "
      "Act 1989.",
      kEp, R361);
  add("362", "Emergency protection order (EPO) lasted longer than 21 days", kEp, R362);
  add("363",
      "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
      kEp, R363);
  add("364",
      "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a "
      "child can be detained in custody in Local Authority (LA) accommodation.",
      kEp, R364);
  add("365", "Any individual short- term respite placement must not exceed 17 days.", kEp, R365);
  add("366",
      "A child cannot change placement during the course of an individual short-term respite "
      "break.",
      kEp, R366);
  add("367", "The maximum amount of respite care allowable is 75 days in any 12-month period.", kEp,
      R367);
  add("371",
      "Child in supported accomodation not subject to children’s homes regulations should be "
      "at least 16.",
      kHdrEp, R371);
  add("372", "Child in youth custody or prison should be at least 10.", kHdrEp, R372);
  add("373", "Child placed in a school should be at least 4 years old.", kHdrEp, R373);
  add("374", "Child in residential employment should be at least 14 years old.", kHdrEp, R374);
  add("375", "Hospitalisation coded as a temporary placement exceeds six weeks.", kHdrEp, R375);
  add("376",
      "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed "
      "three weeks.",
      kHdrEp, R376);
  add("377",
      "Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
      "allowed in any 12- month period.",
      kEp, R377);
  add("378",
      "A child who is placed with parent(s) cannot be looked after under a single period of "
      "accommodation under Section 20 of the Children Act 1989.",
      kEp, R378);
  add("379",
      "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
      kHdrEp, R379);
  add("380", "A period of care cannot start with a temporary placement.", kEp, R380);
  add("381", "A period of care cannot end with a temporary placement.", kEp, R381);
  add("382", "A child receiving respite care cannot be in a temporary placement.", kEp, R382);
  add("383",
      "A child in a temporary placement must subsequently return to his/her normal placement.", kEp,
      R383);
  add("384", "A child receiving respite care cannot be in a long-term foster placement ", kEp,
      R384);
  add("385", "Date episode ceased must be on or before the end of the current collection year.",
      kEp, R385);
  add("386", "Reason episode ceased is adopted but child has reached age 18.", kHdrEp, R386);
  add("387",
      "Reason episode ceased is child moved into independent living arrangement, but the child "
      "is aged under 14.",
      kHdrEp, R387);
  add("388",
      "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
      kEp, R388);
  add("389",
      "Reason episode ceased is that child transferred to care of adult social care services, "
      "but child is aged under 16.",
      kHdrEp, R389);
  add("390",
      "Reason episode ceased is adopted but child has not been previously placed for "
      "adoption.",
      kEp, R390);
  add("391", "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
      Needs(kOc3), R391);
  add("392a",
      "Child is looked after but no distance is recorded. [NOTE: This check may result in false "
      "positives for children formerly UASC]",
      kEp | kNeedsPostcodes, R392a);
  add("392b",
      "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false "
      "positives for children formerly UASC, particularly if current & prior year UASC data not "
      "loaded]",
      kEp, R392b);
  add("392c", "Postcode(s) provided are invalid.", kEp | kNeedsPostcodes, R392c);
  add("392d", "Home and placement postcodes should not be same unless the placement type is P1.",
      kEp, R392d);
  add("393", "Child is looked after but mother field is not completed.", kHdrEp, R393);
  add("398", "Distance field completed but child looked after under legal status V3 or V4.", kEp,
      R398);
  add("399",
      "Mother field, review field or participation field are completed but child is looked after "
      "under legal status V3 or V4.",
      kEp | Needs(kHeader) | Needs(kReviews), R399);
}

}  // namespace sg::ssda903
