// SSDA903 rules INT01-INT36 and SW01aSTG1-SW17STG2.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-903), read, not copied; differences are listed in
// docs/returns/903-differences.md.

#include <algorithm>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

// ---- Internal checks (INT): the tables agree with the Header.

// INT01-INT09: every row of table T belongs to a child who has a Header row.
template <TableId T>
void NotInHeader(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (!c.rows[kHeader].empty()) continue;
    for (std::uint32_t r : c.rows[T]) out.Flag(T, r, "CHILD");
  }
}

// INT11-INT18: the DOB of a row of table T (column `Col`) is the child's DOB in the Header.
// Only two real dates are compared; a child without a Header row is INT01-INT09's business.
template <TableId T, int Col>
void DobDiffers(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty() || c.rows[T].empty()) continue;
    for (std::uint32_t r : c.rows[T]) {
      const auto dob = ctx.DateCell(T, r, Col);
      if (!dob) continue;
      for (std::uint32_t h : c.rows[kHeader]) {
        const auto header_dob = ctx.DateCell(kHeader, h, hdr::DOB);
        if (header_dob && *header_dob != *dob) {
          out.Flag(T, r, "DOB");
          break;
        }
      }
    }
  }
}

// INT21: the SEX of a UASC row is the child's SEX in the Header (both given).
void RInt21(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kHeader].empty()) continue;
    for (std::uint32_t r : c.rows[kUasc]) {
      const std::string_view sex = ctx.Cell(kUasc, r, uasc::SEX);
      if (sex.empty()) continue;
      for (std::uint32_t h : c.rows[kHeader]) {
        const std::string_view header_sex = ctx.Cell(kHeader, h, hdr::SEX);
        if (!header_sex.empty() && header_sex != sex) {
          out.Flag(kUasc, r, "SEX");
          break;
        }
      }
    }
  }
}

// INT31-INT36: a child has at most one row in table T (rows without a CHILD are not counted).
template <TableId T>
void MoreThanOnce(const Context& ctx, Out& out) {
  for (const ChildRows& c : ctx.cur.children) {
    if (c.id.empty() || c.rows[T].size() < 2) continue;
    for (std::uint32_t r : c.rows[T]) out.Flag(T, r, "CHILD");
  }
}

// ---- Social worker episodes (SW).

// The first day DfE's social worker completeness rules apply their 2023 form.
Date April2023() { return Date::FromCivil(2023, 4, 1); }

// The start of the social worker reporting period: a year before the collection starts. The
// community subtracts an average year (365.2425 days) from 1 April; on whole days that is the
// day 365 days before it.
Date SwPeriodStart(const Context& ctx) { return ctx.start.AddDays(-365); }

struct SwRow {
  std::uint32_t row;
  std::optional<Date> decom, dec;
};

// The child's social worker episodes with their dates, in file order, into `rows`.
void LoadSw(const Context& ctx, const ChildRows& c, std::vector<SwRow>& rows) {
  rows.clear();
  for (std::uint32_t r : c.rows[kSwEpisodes]) {
    rows.push_back(
        {r, ctx.DateCell(kSwEpisodes, r, sw::SW_DECOM), ctx.DateCell(kSwEpisodes, r, sw::SW_DEC)});
  }
}

// Orders dates earliest first, missing ones last.
bool EarlierDate(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (a.has_value() != b.has_value()) return a.has_value();
  return a && *a < *b;
}

// Orders dates latest first, missing ones last.
bool LaterDate(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (a.has_value() != b.has_value()) return a.has_value();
  return a && *a > *b;
}

// SW01aSTG1: an episode has a start date, and one starting before April 2023 a worker's ID.
void RSw01a(const Context& ctx, Out& out) {
  const Date cutoff = April2023();
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const auto decom = ctx.DateCell(kSwEpisodes, r, sw::SW_DECOM);
    if (!decom) {
      out.Flag(kSwEpisodes, r, "SW_DECOM");
    } else if (*decom < cutoff && ctx.Cell(kSwEpisodes, r, sw::SW_ID).empty()) {
      out.Flag(kSwEpisodes, r, "SW_ID");
    }
  }
}

// SW01bSTG1: an episode has a start date, and one starting on or after 1 April 2023 a worker's
// ID and a reason for the change.
void RSw01b(const Context& ctx, Out& out) {
  const Date cutoff = April2023();
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const auto decom = ctx.DateCell(kSwEpisodes, r, sw::SW_DECOM);
    if (!decom) {
      out.Flag(kSwEpisodes, r, "SW_DECOM");
    } else if (*decom >= cutoff) {
      if (ctx.Cell(kSwEpisodes, r, sw::SW_ID).empty()) {
        out.Flag(kSwEpisodes, r, "SW_ID");
      } else if (ctx.Cell(kSwEpisodes, r, sw::SW_REASON).empty()) {
        out.Flag(kSwEpisodes, r, "SW_REASON");
      }
    }
  }
}

// SW02STG1: the worker's ID begins with SW or XX (a blank ID does not).
void RSw02(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const std::string_view id = ctx.Cell(kSwEpisodes, r, sw::SW_ID);
    if (!id.starts_with("SW") && !id.starts_with("XX")) out.Flag(kSwEpisodes, r, "SW_ID");
  }
}

// A date that may stand a day or month as ZZ and a year as ZZZZ (unknown parts), as the
// community's date check reads it: each of the three parts that is exactly ZZ counts as 01 and
// exactly ZZZZ as 2000, and the result must be a real DD/MM/YYYY date.
bool ValidPartialDate(std::string_view text) {
  char buf[16];
  size_t n = 0;
  int parts = 0;
  size_t from = 0;
  while (true) {
    const size_t slash = text.find('/', from);
    const std::string_view part =
        text.substr(from, slash == std::string_view::npos ? std::string_view::npos : slash - from);
    ++parts;
    if (parts > 3) return false;
    const std::string_view use = part == "ZZ" ? "01" : part == "ZZZZ" ? "2000" : part;
    if (n + use.size() + 1 > sizeof(buf)) return false;
    if (parts > 1) buf[n++] = '/';
    std::copy(use.begin(), use.end(), buf + n);
    n += use.size();
    if (slash == std::string_view::npos) break;
    from = slash + 1;
  }
  return parts == 3 && ParseDate(std::string_view(buf, n)).has_value();
}

// SW04STG1 / SW05STG1: a date given in column `Col` is a valid date.
template <int Col, const char* Field>
void InvalidSwDate(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const std::string_view text = ctx.Cell(kSwEpisodes, r, Col);
    if (!text.empty() && !ValidPartialDate(text)) out.Flag(kSwEpisodes, r, Field);
  }
}
constexpr char kSwDecom[] = "SW_DECOM";
constexpr char kSwDec[] = "SW_DEC";

// SW06STG2: an episode does not start after the collection ends.
void RSw06(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const auto decom = ctx.DateCell(kSwEpisodes, r, sw::SW_DECOM);
    if (decom && *decom > ctx.end) out.Flag(kSwEpisodes, r, "SW_DECOM");
  }
}

// SW07STG2: an episode's end date is within the social worker reporting period (from a year
// before the collection starts to the collection's end).
void RSw07(const Context& ctx, Out& out) {
  const Date from = SwPeriodStart(ctx);
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const auto dec = ctx.DateCell(kSwEpisodes, r, sw::SW_DEC);
    if (dec && (*dec < from || *dec > ctx.end)) out.Flag(kSwEpisodes, r, "SW_DEC");
  }
}

// SW08STG2: every episode but the child's latest has ended. The latest is the one with the
// latest start (one without a start date counts as later still); an episode without a start
// date is not itself judged.
void RSw08(const Context& ctx, Out& out) {
  std::vector<SwRow> rows;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.id.empty() || c.rows[kSwEpisodes].size() < 2) continue;
    LoadSw(ctx, c, rows);
    size_t last = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
      if (!EarlierDate(rows[i].decom, rows[last].decom)) last = i;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i != last && rows[i].decom && !rows[i].dec) {
        out.Flag(kSwEpisodes, rows[i].row, "SW_DEC");
      }
    }
  }
}

// SW09STG2: an episode does not end on the day it starts (the two cells are the same text).
void RSw09(const Context& ctx, Out& out) {
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const std::string_view dec = ctx.Cell(kSwEpisodes, r, sw::SW_DEC);
    if (!dec.empty() && dec == ctx.Cell(kSwEpisodes, r, sw::SW_DECOM)) {
      out.Flag(kSwEpisodes, r, "SW_DEC");
    }
  }
}

// SW10STG2: unless the reason for the change is FCONTA, an episode does not start before the
// end of the child's previous episode (in order of start, then end), allowing 7 days. An episode
// after one that has not ended, or without a start date, is flagged too, as the community does;
// unlike it, an episode starting more than 7 days after the previous one ended is not (a gap is
// not a start "before the end date of the previous social worker episode").
void RSw10(const Context& ctx, Out& out) {
  std::vector<SwRow> rows;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kSwEpisodes].size() < 2) continue;
    LoadSw(ctx, c, rows);
    std::stable_sort(rows.begin(), rows.end(), [](const SwRow& a, const SwRow& b) {
      if (a.decom != b.decom) return EarlierDate(a.decom, b.decom);
      return EarlierDate(a.dec, b.dec);
    });
    for (size_t i = 1; i < rows.size(); ++i) {
      if (ctx.Cell(kSwEpisodes, rows[i].row, sw::SW_REASON) == "FCONTA") continue;
      const auto& prev_end = rows[i - 1].dec;
      const auto& start = rows[i].decom;
      if (!prev_end || !start || *start < prev_end->AddDays(-7)) {
        out.Flag(kSwEpisodes, rows[i].row, "SW_DECOM");
      }
    }
  }
}

// SW11bSTG2: an episode that ended in the last days of the year (31 March and the 5 days
// before) is followed by another episode. Flagged: a child's only episode ending then; an
// episode without a start date following one ending then; an episode ending then after
// another that started before that end (and no later episode, in the community's reading:
// the episode preceding it in start order).
void RSw11b(const Context& ctx, Out& out) {
  const Date from = ctx.end.AddDays(-5);
  auto late = [&](const std::optional<Date>& d) { return d && *d >= from && *d <= ctx.end; };
  std::vector<SwRow> rows;
  std::vector<std::uint32_t> flagged;
  auto flag = [&](std::uint32_t row) {
    if (std::find(flagged.begin(), flagged.end(), row) == flagged.end()) flagged.push_back(row);
  };
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kSwEpisodes].empty()) continue;
    LoadSw(ctx, c, rows);
    flagged.clear();
    if (rows.size() == 1) {
      if (!c.id.empty() && late(rows[0].dec)) flag(rows[0].row);
    } else {
      std::stable_sort(rows.begin(), rows.end(), [](const SwRow& a, const SwRow& b) {
        return EarlierDate(a.decom, b.decom);
      });
      for (size_t i = 1; i < rows.size(); ++i) {
        if (!rows[i].decom && late(rows[i - 1].dec)) flag(rows[i].row);
      }
      std::stable_sort(rows.begin(), rows.end(),
                       [](const SwRow& a, const SwRow& b) { return LaterDate(a.decom, b.decom); });
      for (size_t i = 1; i < rows.size(); ++i) {
        const SwRow& later = rows[i - 1];
        if (rows[i].decom && late(later.dec) && *rows[i].decom < *later.dec) flag(later.row);
      }
    }
    for (std::uint32_t r : flagged) out.Flag(kSwEpisodes, r, "SW_DEC");
  }
}

// SW12STG2: social worker episodes cover the child's care. Each episode ending in the
// reporting period or still open (not under LS V3/V4, and starting care or ending it other
// than by a move, REC X1) is checked against each of the child's social worker episodes: the
// worker's episode starts on or before the care episode's end (when that is not X1) or on or
// after its start (when it starts care, RNE S). A child without social worker episodes fails
// every such episode.
void RSw12(const Context& ctx, Out& out) {
  const Date from = SwPeriodStart(ctx);
  for (const ChildRows& c : ctx.cur.children) {
    for (std::uint32_t e : c.rows[kEpisodes]) {
      const auto dec = ctx.DateCell(kEpisodes, e, ep::DEC);
      if (dec && (*dec < from || *dec > ctx.end)) continue;
      if (OneOf(ctx.Cell(kEpisodes, e, ep::LS), {"V3", "V4"})) continue;
      const bool starts_care = ctx.Cell(kEpisodes, e, ep::RNE) == "S";
      const bool not_x1 = ctx.Cell(kEpisodes, e, ep::REC) != "X1";
      if (!starts_care && !not_x1) continue;
      const auto decom = ctx.DateCell(kEpisodes, e, ep::DECOM);
      bool bad = c.rows[kSwEpisodes].empty();
      for (std::uint32_t s : c.rows[kSwEpisodes]) {
        const auto sw_decom = ctx.DateCell(kSwEpisodes, s, sw::SW_DECOM);
        const bool before_end = sw_decom && dec && *sw_decom <= *dec && not_x1;
        const bool after_start = sw_decom && decom && *sw_decom >= *decom && starts_care;
        if (!before_end && !after_start) {
          bad = true;
          break;
        }
      }
      if (bad) out.Flag(kEpisodes, e, "SW_DECOM");
    }
  }
}

// SW13STG1: the reason for the change is one of DfE's codes, and is given for an episode
// starting on or after 1 April 2023.
void RSw13(const Context& ctx, Out& out) {
  const Date cutoff = April2023();
  for (size_t r = 0; r < ctx.cur.Rows(kSwEpisodes); ++r) {
    const std::string_view reason = ctx.Cell(kSwEpisodes, r, sw::SW_REASON);
    bool bad;
    if (reason.empty()) {
      const auto decom = ctx.DateCell(kSwEpisodes, r, sw::SW_DECOM);
      bad = decom && *decom >= cutoff;
    } else {
      bad = !OneOf(reason, {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN",
                            "PCCHAN", "SWDIED", "OTHERS"});
    }
    if (bad) out.Flag(kSwEpisodes, r, "SW_REASON");
  }
}

// SW17STG2: the child's latest social worker episode (latest start; the first in the file
// among equals, or the first when none has a start date) is still open.
void RSw17(const Context& ctx, Out& out) {
  std::vector<SwRow> rows;
  for (const ChildRows& c : ctx.cur.children) {
    if (c.rows[kSwEpisodes].empty()) continue;
    LoadSw(ctx, c, rows);
    size_t latest = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
      if (LaterDate(rows[i].decom, rows[latest].decom)) latest = i;
    }
    if (!ctx.Cell(kSwEpisodes, rows[latest].row, sw::SW_DEC).empty()) {
      out.Flag(kSwEpisodes, rows[latest].row, "SW_DEC");
    }
  }
}

constexpr std::uint32_t kSw = Needs(kSwEpisodes);

}  // namespace

void AddRulesIntSw(std::vector<Rule>& rules) {
  auto add = [&](std::string_view code, std::string_view message, std::uint32_t needs,
                 void (*check)(const Context&, Out&)) {
    rules.push_back({{code, Severity::kError, message}, needs, check});
  };
  const std::uint32_t h = Needs(kHeader);
  add("INT01", "Data Integrity Check: Child in AD1 does not exist in Header.", h | Needs(kAd1),
      NotInHeader<kAd1>);
  add("INT02", "Internal Check: Child in PlacedAdoption does not exist in Header.",
      h | Needs(kPlacedAdoption), NotInHeader<kPlacedAdoption>);
  add("INT03", "Internal Check: Child in Episodes does not exist in Header.", h | Needs(kEpisodes),
      NotInHeader<kEpisodes>);
  add("INT04", "Internal Check: Child in Missing does not exist in Header.", h | Needs(kMissing),
      NotInHeader<kMissing>);
  add("INT05", "Internal Check: Child in OC2 does not exist in Header.", h | Needs(kOc2),
      NotInHeader<kOc2>);
  add("INT06", "Internal Check: Child in OC3 does not exist in Header.", h | Needs(kOc3),
      NotInHeader<kOc3>);
  add("INT07", "Internal Check: Child in PrevPerm does not exist in Header.", h | Needs(kPrevPerm),
      NotInHeader<kPrevPerm>);
  add("INT08", "Internal Check: Child in Reviews does not exist in Header.", h | Needs(kReviews),
      NotInHeader<kReviews>);
  add("INT09", "Internal Check: Child in UASC does not exist in Header.", h | Needs(kUasc),
      NotInHeader<kUasc>);
  add("INT11", "Internal Check: DOB in AD1 is different to DOB in Header.", h | Needs(kAd1),
      DobDiffers<kAd1, ad1::DOB>);
  add("INT12", "Internal Check: DOB in PlacedAdoption is different to DOB in Header.",
      h | Needs(kPlacedAdoption), DobDiffers<kPlacedAdoption, pa::DOB>);
  add("INT13", "Internal Check: DOB in Missing is different to DOB in Header.", h | Needs(kMissing),
      DobDiffers<kMissing, mis::DOB>);
  add("INT14", "Internal Check: DOB in OC2 is different to DOB in Header.", h | Needs(kOc2),
      DobDiffers<kOc2, oc2::DOB>);
  add("INT15", "Internal Check: DOB in OC3 is different to DOB in Header.", h | Needs(kOc3),
      DobDiffers<kOc3, oc3::DOB>);
  add("INT16", "Internal Check: DOB in PrevPerm is different to DOB in Header.",
      h | Needs(kPrevPerm), DobDiffers<kPrevPerm, pp::DOB>);
  add("INT17", "Internal Check: DOB in Reviews is different to DOB in Header.", h | Needs(kReviews),
      DobDiffers<kReviews, rev::DOB>);
  add("INT18", "Internal Check: DOB in UASC is different to DOB in Header.", h | Needs(kUasc),
      DobDiffers<kUasc, uasc::DOB>);
  add("INT21", "Internal Check: SEX in UASC is different to SEX in Header.", h | Needs(kUasc),
      RInt21);
  add("INT31", "Internal Check: Child should only exist once in AD1.", Needs(kAd1),
      MoreThanOnce<kAd1>);
  add("INT32", "Internal Check: Child should only exist once in Header.", h, MoreThanOnce<kHeader>);
  add("INT33", "Internal Check: Child should only exist once in OC2.", Needs(kOc2),
      MoreThanOnce<kOc2>);
  add("INT34", "Internal Check: Child should only exist once in OC3.", Needs(kOc3),
      MoreThanOnce<kOc3>);
  add("INT35", "Internal Check: Child should only exist once in PrevPerm.", Needs(kPrevPerm),
      MoreThanOnce<kPrevPerm>);
  add("INT36", "Internal Check: Child should only exist once in UASC.", Needs(kUasc),
      MoreThanOnce<kUasc>);
  add("SW01aSTG1", "For each social worker episode, information should be complete", kSw, RSw01a);
  add("SW01bSTG1", "For each social worker episode, information should be complete", kSw, RSw01b);
  add("SW02STG1",
      "Social worker ID does not begin with the characters \u2018SW\u2019 or \u2018XX\u2019.", kSw,
      RSw02);
  add("SW04STG1", "Date social worker episode began is not a valid date..", kSw,
      InvalidSwDate<sw::SW_DECOM, kSwDecom>);
  add("SW05STG1", "Date social worker episode began is not a valid date.", kSw,
      InvalidSwDate<sw::SW_DEC, kSwDec>);
  add("SW06STG2",
      "Social worker episode data should be within the social worker data reporting year.", kSw,
      RSw06);
  add("SW07STG2",
      "Social worker episode end date should be on or after the start of the social worker "
      "reporting period, and should be on or before the collection end date.",
      kSw, RSw07);
  add("SW08STG2",
      "A new social worker episode has started, but the previous episode has not ended.", kSw,
      RSw08);
  add("SW09STG2", "Social worker episode appears to have lasted for less than 24 hours.", kSw,
      RSw09);
  add("SW10STG2",
      "A new social worker episode has started before the end date of the previous social "
      "worker episode.",
      kSw, RSw10);
  add("SW11bSTG2",
      "Social worker episode has ended before 31 March and no subsequent social worker episode "
      "has been provided.",
      kSw, RSw11b);
  add("SW12STG2",
      "If a child is looked after on 31 March then all social worker episodes for the full "
      "previous year should be reported, even those whilst they were not looked after",
      kSw | Needs(kEpisodes), RSw12);
  add("SW13STG1", "The reason for social worker change is not valid.", kSw, RSw13);
  add("SW17STG2", "There is no social worker episode open at 31 March", kSw, RSw17);
}

}  // namespace sg::ssda903
