#pragma once
// SSDA903 validation: DfE's 311 rules for 2025/26, one registered entry per rule.
//
// A rule reads the current year's tables (and, for some, the previous year's and reference
// data) through a Context, and flags rows through an Out. Each rule declares what it needs;
// when the user has not supplied it (a table, the previous year's files, the Ofsted provider
// list, the postcode directory, the LA's code) the rule is not run and the report says so
// instead of saying nothing. Rules are grouped in families, one source file each
// (ssda903_rules_*.cc), each adding its rules through an Add*Rules function that Rules()
// calls: an explicit list, so that no rule is dropped by the linker or registered twice.

#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "returns/findings.h"
#include "returns/rule_engine.h"
#include "returns/ssda903.h"

namespace sg::ssda903 {

// Column positions, as Spec(table).columns lists them (checked by a test).
namespace hdr {
enum : int { CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB };
}
namespace ep {
enum : int {
  CHILD,
  DECOM,
  RNE,
  LS,
  CIN,
  PLACE,
  PLACE_PROVIDER,
  DEC,
  REC,
  REASON_PLACE_CHANGE,
  HOME_POST,
  PL_POST,
  URN
};
}
namespace rev {
enum : int { CHILD, DOB, REVIEW, REVIEW_CODE };
}
namespace uasc {
enum : int { CHILD, SEX, DOB, DUC };
}
namespace oc2 {
enum : int {
  CHILD,
  DOB,
  SDQ_SCORE,
  SDQ_REASON,
  CONVICTED,
  HEALTH_CHECK,
  IMMUNISATIONS,
  TEETH_CHECK,
  HEALTH_ASSESSMENT,
  SUBSTANCE_MISUSE,
  INTERVENTION_RECEIVED,
  INTERVENTION_OFFERED
};
}
namespace oc3 {
enum : int { CHILD, DOB, IN_TOUCH, ACTIV, ACCOM };
}
namespace ad1 {
enum : int { CHILD, DOB, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR };
}
namespace pa {
enum : int { CHILD, DOB, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED };
}
namespace pp {
enum : int { CHILD, DOB, PREV_PERM, LA_PERM, DATE_PERM };
}
namespace mis {
enum : int { CHILD, DOB, MISSING, MIS_START, MIS_END };
}
namespace sw {
enum : int { CHILD, DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON };
}
namespace dolo {
enum : int { CHILD, DOB, DOLO_START, DOLO_END };
}

// ---- What a rule needs

// The current year's table.
constexpr std::uint32_t Needs(TableId t) { return 1u << static_cast<unsigned>(t); }
// The previous year's table.
constexpr std::uint32_t NeedsLast(TableId t) { return 1u << (12u + static_cast<unsigned>(t)); }
constexpr std::uint32_t kNeedsProviders = 1u << 24;  // the Ofsted provider list
constexpr std::uint32_t kNeedsPostcodes = 1u << 25;  // the postcode directory
constexpr std::uint32_t kNeedsLaCode = 1u << 26;     // the LA's code (E09000027)
static_assert(kTableCount <= 12, "the needs bits hold 12 tables per year");

// What the bits of `needs` name, in words: "the previous year's Episodes, the Ofsted provider
// list".
std::string DescribeNeeds(std::uint32_t needs);

// ---- Reference data

struct Provider {
  std::vector<std::string> place_codes;     // placement types it is registered for (PLACE)
  std::vector<std::string> provider_codes;  // PLACE_PROVIDER codes it may be
  std::optional<Date> registered_until;     // end of registration, if it ended
  std::string la_code;                      // the LA it is in (E-code), if known
  std::string postcode;                     // its PostcodeKey, if known
};

struct Postcode {
  std::string ltla;  // local authority district (E06/E07/E08/E09 code, or S/W/N for elsewhere)
  double easting = 0, northing = 0;  // OS grid, metres
};

struct Reference {
  std::string la_code;  // the LA making the return, e.g. "E09000027"; "" = not given
  bool has_providers = false;
  std::unordered_map<std::string, Provider> providers;  // by URN
  bool has_postcodes = false;
  std::unordered_map<std::string, Postcode> postcodes;      // by postcode, upper case, no spaces
  std::unordered_map<std::string, std::string> upper_tier;  // LTLA code -> UTLA code
};

// DD/MM/YYYY exactly, a real date, or nullopt.
std::optional<Date> ParseDate(std::string_view text);

// ---- The context rules read

// One child's rows in each table of one year: indices into Return::tables. Episodes are in
// order of DECOM (rows whose DECOM is not a date last, in file order); other tables in file
// order.
struct ChildRows {
  std::string_view id;
  std::array<std::span<std::uint32_t>, kTableCount> rows;  // into Year::rows
};

// One year's return, indexed by child.
struct Year {
  Year() = default;
  Year(Year&&) = default;
  Year& operator=(Year&&) = default;
  Year(const Year&) = delete;  // children's rows point into this Year's arrays
  Year& operator=(const Year&) = delete;

  const Return* ret = nullptr;
  std::array<std::vector<std::uint32_t>, kTableCount> rows;  // every child's rows, child by child
  std::vector<ChildRows> children;  // in order of first appearance: Header, then the others
  std::unordered_map<std::string_view, std::uint32_t> index;  // CHILD -> children[i]
  // What the postcode directory says about each episode (when it is supplied): the UTLA of the
  // placement (PL_LA: an E-code, or "SCO", "WAL", "NIR"), IN or OUT of the LA (PL_LOCATION),
  // and the distance from home to placement in miles to one decimal (PL_DISTANCE). Empty /
  // nullopt where a postcode is blank or unknown.
  std::vector<std::string> pl_la, pl_location;
  std::vector<std::optional<double>> pl_distance;
  // The date columns parsed once (rules read them many times): days[t][column][row], kNoDate
  // when blank or not a date; empty for columns that are not dates.
  static constexpr std::int32_t kNoDate = INT32_MIN;
  std::array<std::vector<std::vector<std::int32_t>>, kTableCount> days;

  const ChildRows* Find(std::string_view child) const {
    auto it = index.find(child);
    return it == index.end() ? nullptr : &children[it->second];
  }
  bool Has(TableId t) const { return ret && ret->sources[static_cast<size_t>(t)].present; }
  std::string_view Cell(TableId t, size_t row, int column) const {
    return ret->tables[static_cast<size_t>(t)][row][static_cast<size_t>(column)];
  }
  size_t Rows(TableId t) const { return ret ? ret->tables[static_cast<size_t>(t)].size() : 0; }
  // A cell as a date (DD/MM/YYYY), or nullopt.
  std::optional<Date> DateCell(TableId t, size_t row, int column) const {
    const auto& col = days[static_cast<size_t>(t)];
    if (static_cast<size_t>(column) < col.size() && !col[static_cast<size_t>(column)].empty()) {
      const std::int32_t d = col[static_cast<size_t>(column)][row];
      return d == kNoDate ? std::nullopt : std::optional<Date>(Date::FromDays(d));
    }
    return ParseDate(Cell(t, row, column));
  }
};

struct Context {
  int collection_year = 0;  // 2026 = 2025/26
  Date start;               // 1 April: the collection's first day
  Date end;                 // 31 March: its last day
  Year cur;                 // the year being validated
  Year last;                // the previous year's return (last.ret == nullptr: not supplied)
  const Reference* ref = nullptr;

  std::string_view Cell(TableId t, size_t row, int column) const {
    return cur.Cell(t, row, column);
  }
  // A cell of the current year as a date (DD/MM/YYYY), or nullopt.
  std::optional<Date> DateCell(TableId t, size_t row, int column) const {
    return cur.DateCell(t, row, column);
  }
};

// Findings of one rule.
class Out {
 public:
  // A flagged row, as the engine records it while the rules run (compact: a county's return
  // can have a million); Finding() turns it into a finding afterwards.
  struct Flagged {
    TableId table;
    std::uint32_t row;
    std::string field;
  };
  // Findings are added to `findings` as rows are flagged.
  Out(const RuleInfo& info, const Context& ctx, Findings& findings)
      : info_(info), ctx_(ctx), findings_(&findings) {}
  // Flagged rows are recorded in `flagged`.
  Out(const RuleInfo& info, const Context& ctx, std::vector<Flagged>& flagged)
      : info_(info), ctx_(ctx), flagged_(&flagged) {}
  // Flags a row of the current year's table `t`, naming the field at fault.
  void Flag(TableId t, size_t row, std::string_view field);

  // The finding of rule `info` for a flagged row of the current year.
  static Finding MakeFinding(const RuleInfo& info, const Context& ctx, const Flagged& f);
  // The same, written into `out` (no temporary: a county has hundreds of thousands).
  static void FillFinding(const RuleInfo& info, const Context& ctx, const Flagged& f, Finding& out);

 private:
  const RuleInfo& info_;
  const Context& ctx_;
  Findings* findings_ = nullptr;
  std::vector<Flagged>* flagged_ = nullptr;
};

struct Rule {
  RuleInfo info;
  std::uint32_t needs = 0;
  void (*check)(const Context& ctx, Out& out) = nullptr;
};

// Every rule, in code order.
std::span<const Rule> Rules();
const Rule* FindRule(std::string_view code);

// The families (each defined in its own ssda903_rules_<family>.cc).
void AddRules1000To149(std::vector<Rule>& rules);  // 1000-1016, 101-149
void AddRules151To199(std::vector<Rule>& rules);   // 151-199
void AddRules202To234(std::vector<Rule>& rules);   // 202-234, 3001, EPI, NoE
void AddRules301To399(std::vector<Rule>& rules);   // 301-399
void AddRules406To531(std::vector<Rule>& rules);   // 406-460, 501-531
void AddRules542To635(std::vector<Rule>& rules);   // 542-635
void AddRulesIntSw(std::vector<Rule>& rules);      // INT01-INT36, SW01aSTG1-SW17STG2

// ---- Running them

struct ValidateOptions {
  int collection_year = 2026;        // 2026 = 2025/26
  const Return* previous = nullptr;  // the previous year's return, if supplied
  const Reference* reference = nullptr;
  // Only these rules (codes); empty = all.
  std::vector<std::string> only;
};

struct Validation {
  std::vector<Finding> findings;  // appended to what is there already (the reader's findings)
  std::vector<rules::NotRun> not_run;
  int rules_run = 0;
  int children = 0;  // distinct children in the current year's tables
};

Validation Validate(const Return& current, const ValidateOptions& options);
// The same into `v`, whose findings (e.g. the reader's) come first: a county's findings are
// not copied again.
void Validate(const Return& current, const ValidateOptions& options, Validation& v);

// Indexes a year's return (Context::cur / last); derives PL_LA, PL_LOCATION and PL_DISTANCE
// when `ref` has postcodes.
Year IndexYear(const Return& ret, const Reference* ref);

// ---- Helpers for rule writers

// Whole years between `dob` and `on` (the age on that day).
int AgeOn(Date dob, Date on);

// The same day `years` later (or earlier); 29 February becomes 28 February in a year that has
// none, as DfE's and pandas' date arithmetic do.
Date AddYears(Date d, int years);

// A postcode as the postcode directory is keyed: upper case, no spaces ("ab1 2cd" -> "AB12CD").
// The second form reuses `key`'s buffer (for rules that look up every episode).
std::string PostcodeKey(std::string_view postcode);
void PostcodeKey(std::string_view postcode, std::string& key);

// True when `value` is one of `codes`. Inline, and the first character is compared before
// the rest: rules call this millions of times on a county's return.
inline bool OneOf(std::string_view value, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (c.size() == value.size() && (c.empty() || (c[0] == value[0] && c == value))) return true;
  }
  return false;
}

}  // namespace sg::ssda903
