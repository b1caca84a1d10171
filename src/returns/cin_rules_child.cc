// CIN census rules on the header, the child's identifiers and characteristics: codes 100,
// 15xx, 2886Q-2888Q, 4008-4009Q, 4180, 4220, 85xx, 8750-8794.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-cin), read, not copied; differences are listed in
// docs/returns/cin-differences.md.

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/code_list.h"
#include "model/record.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

// ---- Helpers shared by the rules below

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || IsUpper(c) || (c >= 'a' && c <= 'z'); }

Date AddYears(Date d, int years) { return d.AddMonths(years * 12); }

// True when any episode of the child has ReferralNFA false (a referral going on to action).
bool HasActionedReferral(const Child& c) {
  for (const Episode& e : c.episodes) {
    if (IsNo(e.nfa)) return true;
  }
  return false;
}

// Which children share their (non-empty) key with another child: the keys' hashes sorted, then
// each run of equal hashes sorted by the keys themselves, so that a national file costs a sort
// of integers and a file full of one key still costs n log n.
template <typename KeyOf>
std::vector<bool> SharedKeys(const std::vector<Child>& children, KeyOf key) {
  std::vector<std::pair<size_t, size_t>> hashed;  // (hash, child)
  hashed.reserve(children.size());
  const std::hash<std::string_view> hash;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string_view k = key(children[i]);
    if (!k.empty()) hashed.emplace_back(hash(k), i);
  }
  std::sort(hashed.begin(), hashed.end());
  std::vector<bool> shared(children.size(), false);
  for (size_t a = 0; a < hashed.size();) {
    size_t b = a + 1;
    while (b < hashed.size() && hashed[b].first == hashed[a].first) ++b;
    if (b - a > 1) {
      const auto by_key = [&](const auto& x, const auto& y) {
        return key(children[x.second]) < key(children[y.second]);
      };
      std::sort(hashed.begin() + static_cast<std::ptrdiff_t>(a),
                hashed.begin() + static_cast<std::ptrdiff_t>(b), by_key);
      for (size_t x = a; x + 1 < b; ++x) {
        if (key(children[hashed[x].second]) == key(children[hashed[x + 1].second])) {
          shared[hashed[x].second] = true;
          shared[hashed[x + 1].second] = true;
        }
      }
    }
    a = b;
  }
  return shared;
}

std::string IdentifiersPath(size_t child) { return ChildPath(child) + "/ChildIdentifiers"; }
std::string CharacteristicsPath(size_t child) { return ChildPath(child) + "/ChildCharacteristics"; }

// 100: the header's reference date is the census day of the collection year.
constexpr RuleInfo k100{"100", Severity::kError, "Reference Date is incorrect"};
void Check100(const Context& ctx, Findings& out) {
  const auto ref = ParseDate(ctx.census->header.reference_date);
  if (!ref || *ref != ctx.reference_date) {
    out.Add(k100, "", "Header/CollectionDetails", ctx.census->header.line, "ReferenceDate");
  }
}

// 1510: a UPN that is present and well formed has the right check letter.
constexpr RuleInfo k1510{"1510", Severity::kError,
                         "UPN invalid (wrong check letter at character 1)"};
void Check1510(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& upn = children[i].upn;
    if (upn.size() != 13) continue;
    const char expected = UpnCheckLetter(std::string_view(upn).substr(1));
    if (expected != '\0' && expected != upn[0]) {
      out.Add(k1510, children[i].la_child_id, ChildPath(i) + "/ChildIdentifiers", children[i].line,
              "UPN");
    }
  }
}

// 8500: every child has an LA child id.
constexpr RuleInfo k8500{"8500", Severity::kError, "LA Child ID missing"};
void Check8500(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    if (children[i].la_child_id.empty()) {
      out.Add(k8500, "", ChildPath(i) + "/ChildIdentifiers", children[i].line, "LAchildID");
    }
  }
}

// 8510: no two children share an LA child id (each of them is reported).
constexpr RuleInfo k8510{"8510", Severity::kError,
                         "More than one child record with the same LA Child ID"};
void Check8510(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  const std::vector<bool> shared =
      SharedKeys(children, [](const Child& c) -> std::string_view { return c.la_child_id; });
  for (size_t i = 0; i < children.size(); ++i) {
    if (shared[i]) {
      out.Add(k8510, children[i].la_child_id, ChildPath(i) + "/ChildIdentifiers", children[i].line,
              "LAchildID");
    }
  }
}

// ---- UPN, former UPN and LA child id

// 1520: no two children share a UPN (each of them is reported; absent UPNs are not compared).
constexpr RuleInfo k1520{"1520", Severity::kError, "More than one record with the same UPN."};
void Check1520(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  const std::vector<bool> shared =
      SharedKeys(children, [](const Child& c) -> std::string_view { return c.upn; });
  for (size_t i = 0; i < children.size(); ++i) {
    if (shared[i])
      out.Add(k1520, children[i].la_child_id, IdentifiersPath(i), children[i].line, "UPN");
  }
}

// The LA codes that may stand in characters 2-4 of a UPN: every distinct `la_code` of
// data/reference/la_figures.csv (the councils of England since April 1998), plus the codes the
// community validator also accepts (DfE's pseudo-LA codes 001-005, 660-681, 701-708, and 820,
// 875). Sorted.
constexpr std::array<std::string_view, 195> kUpnLaCodes = {
    "001", "002", "003", "004", "005", "201", "202", "203", "204", "205", "206", "207", "208",
    "209", "210", "211", "212", "213", "301", "302", "303", "304", "305", "306", "307", "308",
    "309", "310", "311", "312", "313", "314", "315", "316", "317", "318", "319", "320", "330",
    "331", "332", "333", "334", "335", "336", "340", "341", "342", "343", "344", "350", "351",
    "352", "353", "354", "355", "356", "357", "358", "359", "370", "371", "372", "373", "380",
    "381", "382", "383", "384", "390", "391", "392", "393", "394", "420", "660", "661", "662",
    "663", "664", "665", "666", "667", "668", "669", "670", "671", "672", "673", "674", "675",
    "676", "677", "678", "679", "680", "681", "701", "702", "703", "704", "705", "706", "707",
    "708", "800", "801", "802", "803", "805", "806", "807", "808", "810", "811", "812", "813",
    "815", "816", "820", "821", "822", "823", "825", "826", "830", "831", "835", "836", "837",
    "838", "839", "840", "841", "845", "846", "850", "851", "852", "855", "856", "857", "860",
    "861", "865", "866", "867", "868", "869", "870", "871", "872", "873", "874", "875", "876",
    "877", "878", "879", "880", "881", "882", "883", "884", "885", "886", "887", "888", "889",
    "890", "891", "892", "893", "894", "895", "896", "908", "909", "916", "919", "921", "925",
    "926", "928", "929", "931", "933", "935", "936", "937", "938", "940", "941", "942", "943",
};
static_assert(std::is_sorted(kUpnLaCodes.begin(), kUpnLaCodes.end()));

// kUpnLaCodes as a table indexed by the code's value (0-999), for a lookup per UPN.
constexpr std::array<bool, 1000> kIsUpnLaCode = [] {
  std::array<bool, 1000> table{};
  for (std::string_view code : kUpnLaCodes) {
    table[static_cast<size_t>((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'))] =
        true;
  }
  return table;
}();

bool IsUpnLaCode(std::string_view three) {
  if (!IsDigit(three[0]) || !IsDigit(three[1]) || !IsDigit(three[2])) return false;
  return kIsUpnLaCode[static_cast<size_t>((three[0] - '0') * 100 + (three[1] - '0') * 10 +
                                          (three[2] - '0'))];
}

// 1530: characters 2-4 of a (13-character) UPN are a recognised LA code. UPNs of another
// length are the schema's and rule 1540's concern, as for the check letter (1510).
constexpr RuleInfo k1530{"1530", Severity::kError,
                         "UPN invalid (characters 2-4 not a recognised LA code)"};
void Check1530(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& upn = children[i].upn;
    if (upn.size() != 13) continue;
    if (!IsUpnLaCode(std::string_view(upn).substr(1, 3))) {
      out.Add(k1530, children[i].la_child_id, IdentifiersPath(i), children[i].line, "UPN");
    }
  }
}

// 1540: characters 5-12 of a present UPN are all digits (a UPN too short to have them fails).
constexpr RuleInfo k1540{"1540", Severity::kError, "UPN invalid (characters 5-12 not all numeric)"};
void Check1540(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& upn = children[i].upn;
    if (upn.empty()) continue;
    bool ok = upn.size() >= 12;
    for (size_t k = 4; ok && k < 12; ++k) ok = IsDigit(upn[k]);
    if (!ok) out.Add(k1540, children[i].la_child_id, IdentifiersPath(i), children[i].line, "UPN");
  }
}

// The last character of a UPN: a digit (permanent UPN) or a letter other than I, O and S
// (temporary UPN).
bool IsUpnLastCharacter(char c) {
  return IsDigit(c) || (IsUpper(c) && c != 'I' && c != 'O' && c != 'S');
}

// 1550: character 13 of a (13-character) UPN is a digit or a letter other than I, O, S.
constexpr RuleInfo k1550{"1550", Severity::kError,
                         "UPN invalid (character 13 not a recognised value)"};
void Check1550(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& upn = children[i].upn;
    if (upn.size() == 13 && !IsUpnLastCharacter(upn[12])) {
      out.Add(k1550, children[i].la_child_id, IdentifiersPath(i), children[i].line, "UPN");
    }
  }
}

// 1560Q: a former UPN, where present, has the UPN's format: 13 characters, a capital letter,
// eleven digits, then a digit or (a temporary UPN, which former UPNs often are) a letter other
// than I, O, S.
constexpr RuleInfo k1560Q{
    "1560Q", Severity::kQuery,
    "Please check and either amend or provide a reason: Former UPN wrongly formatted"};
void Check1560Q(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& f = children[i].former_upn;
    if (f.empty()) continue;
    bool ok = f.size() == 13 && IsUpper(f[0]) && IsUpnLastCharacter(f[12]);
    for (size_t k = 1; ok && k < 12; ++k) ok = IsDigit(f[k]);
    if (!ok) {
      out.Add(k1560Q, children[i].la_child_id, IdentifiersPath(i), children[i].line, "FormerUPN");
    }
  }
}

// 1570: an LA child id is at most 20 characters (counted as characters, not UTF-8 bytes).
constexpr RuleInfo k1570{"1570", Severity::kError,
                         "LA Child ID must not be longer than 20 characters"};
void Check1570(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& id = children[i].la_child_id;
    if (id.size() <= 20) continue;  // bytes >= characters
    size_t chars = 0;
    for (const char c : id) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (chars > 20) out.Add(k1570, id, IdentifiersPath(i), children[i].line, "LAchildID");
  }
}

// 1580: an LA child id holds letters and digits only (A-Z, a-z, 0-9). An absent id is 8500's.
constexpr RuleInfo k1580{"1580", Severity::kError,
                         "LA Child ID must not contain any non-alphanumeric characters"};
void Check1580(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& id = children[i].la_child_id;
    if (!std::all_of(id.begin(), id.end(), IsAsciiAlnum)) {
      out.Add(k1580, id, IdentifiersPath(i), children[i].line, "LAchildID");
    }
  }
}

// 8770Q: a child of school age (born on or before 31 August six years before the end of the
// collection year's calendar year, i.e. 31 August 2020 for 2025/26) with a referral going on to
// action has a UPN, or a reason for its absence other than UN1 (not of school age).
constexpr RuleInfo k8770Q{
    "8770Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: UPN is missing or reason UPN is "
    "missing or is UN1 for a child who is of school age."};
bool IsSchoolAgeUpnReason(std::string_view r) {
  // UN2-UN7, in any case.
  return r.size() == 3 && (r[0] == 'U' || r[0] == 'u') && (r[1] == 'N' || r[1] == 'n') &&
         r[2] >= '2' && r[2] <= '7';
}
void Check8770Q(const Context& ctx, Findings& out) {
  const Date last_birth = Date::FromCivil(ctx.reference_date.year() - 6, 8, 31);
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    if (!c.upn.empty() || IsSchoolAgeUpnReason(c.upn_unknown)) continue;
    const auto birth = ParseDate(c.birth_date);
    if (!birth || *birth > last_birth || !HasActionedReferral(c)) continue;
    out.Add(k8770Q, c.la_child_id, IdentifiersPath(i), c.line, "UPN");
  }
}

// 8772: a child whose UPN is unknown for reason UN7 (referral with no further action) has no
// CIN episode other than ones with ReferralNFA true; each other episode is reported.
constexpr RuleInfo k8772{"8772", Severity::kError,
                         "UPN unknown reason is UN7 (Referral with no further action) but at "
                         "least one CIN details is a referral going on to further action"};
void Check8772(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    if (c.upn_unknown != "UN7") continue;
    for (size_t e = 0; e < c.episodes.size(); ++e) {
      if (!IsYes(c.episodes[e].nfa)) {
        out.Add(k8772, c.la_child_id, EpisodePath(i, e), c.episodes[e].line, "ReferralNFA");
      }
    }
  }
}

// ---- Sex, birth and death

// 2886Q (about the return): no more than 2% of the children have no sex recorded (Sex absent or
// U) and no expected date of birth. One finding for the file.
constexpr RuleInfo k2886Q{
    "2886Q", Severity::kQuery,
    "Please check and either amend or provide a reason: Percentage of children with no sex "
    "recorded is more than 2% (excluding unborns)"};
void Check2886Q(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  size_t unrecorded = 0;
  for (const Child& c : children) {
    if ((c.sex.empty() || c.sex == "U") && c.expected_birth_date.empty()) ++unrecorded;
  }
  // unrecorded / children > 0.02, in integers.
  if (unrecorded * 50 > children.size()) out.Add(k2886Q, "", "Children", 0, "Sex");
}

// 4180: the child's sex is present and one of M, F, U. (A file of before 2025 gives
// GenderCurrent, which the reader holds as M/F/U for 1/2/0; other values stay as written.)
constexpr RuleInfo k4180{"4180", Severity::kError, "Sex must be provided and equal M, F, or U"};
void Check4180(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    if (FindCode(CodeListId::kSex, children[i].sex) == nullptr) {
      out.Add(k4180, children[i].la_child_id, IdentifiersPath(i), children[i].line, "Sex");
    }
  }
}

// 8750: an unborn child (no date of birth, an expected one) has sex U.
constexpr RuleInfo k8750{"8750", Severity::kError, "Sex must equal U for an unborn child"};
void Check8750(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    if (c.birth_date.empty() && !c.expected_birth_date.empty() && c.sex != "U") {
      out.Add(k8750, c.la_child_id, IdentifiersPath(i), c.line, "Sex");
    }
  }
}

// 8520: the date of birth is not after the reference date.
constexpr RuleInfo k8520{"8520", Severity::kError,
                         "Date of Birth is after data collection period (must be on or before "
                         "the end of the census period)"};
void Check8520(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const auto birth = ParseDate(children[i].birth_date);
    if (birth && *birth > ctx.reference_date) {
      out.Add(k8520, children[i].la_child_id, IdentifiersPath(i), children[i].line,
              "PersonBirthDate");
    }
  }
}

// 8525Q: exactly one of the date of birth and the expected date of birth is given.
constexpr RuleInfo k8525Q{
    "8525Q", Severity::kQuery,
    "Either Date of Birth or Expected Date of Birth must be provided (but not both)"};
void Check8525Q(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    if (c.birth_date.empty() == c.expected_birth_date.empty()) {
      out.Add(k8525Q, c.la_child_id, IdentifiersPath(i), c.line,
              c.birth_date.empty() ? "PersonBirthDate" : "ExpectedPersonBirthDate");
    }
  }
}

// 8530Q: an expected date of birth lies from 30 days before the reference date to 9 months
// after it, both ends allowed (1 March to 31 December 2026 for 2025/26).
constexpr RuleInfo k8530Q{
    "8530Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: Expected Date of Birth is outside "
    "the expected range for this census (March to December of the Census Year end)"};
void Check8530Q(const Context& ctx, Findings& out) {
  const Date earliest = ctx.reference_date.AddDays(-30);
  const Date latest = ctx.reference_date.AddMonths(9);
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const auto expected = ParseDate(children[i].expected_birth_date);
    if (expected && (*expected < earliest || *expected > latest)) {
      out.Add(k8530Q, children[i].la_child_id, IdentifiersPath(i), children[i].line,
              "ExpectedPersonBirthDate");
    }
  }
}

// 8535Q: the date of death is not before the date of birth.
constexpr RuleInfo k8535Q{"8535Q", Severity::kQuery,
                          "Please check and either amend data or provide a reason: Child’s date "
                          "of death should not be prior to the date of birth"};
void Check8535Q(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const auto death = ParseDate(children[i].death_date);
    const auto birth = ParseDate(children[i].birth_date);
    if (death && birth && *death < *birth) {
      out.Add(k8535Q, children[i].la_child_id, IdentifiersPath(i), children[i].line,
              "PersonDeathDate");
    }
  }
}

// 8545Q: a date of death lies within the collection year (1 April to the reference date).
constexpr RuleInfo k8545Q{"8545Q", Severity::kQuery,
                          "Please check and either amend data or provide a reason: Child's date "
                          "of death should be within the census year"};
void Check8545Q(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const auto death = ParseDate(children[i].death_date);
    if (death && (*death < ctx.collection_start || *death > ctx.reference_date)) {
      out.Add(k8545Q, children[i].la_child_id, IdentifiersPath(i), children[i].line,
              "PersonDeathDate");
    }
  }
}

// 4008: a child who has died has no CIN plan starting after the date of death.
constexpr RuleInfo k4008{"4008", Severity::kError,
                         "CIN Plan shown as starting after the child’s Date of Death."};
// Reports each CIN plan whose start or end (`date`) falls after the child's date of death.
void PlanDateAfterDeath(const Context& ctx, Findings& out, const RuleInfo& rule,
                        std::string PlanDates::*date, std::string_view field) {
  ForEachChild(ctx, [&](size_t i, const Child& c) {
    const auto death = ParseDate(c.death_date);
    if (!death) return;
    for (size_t e = 0; e < c.episodes.size(); ++e) {
      const auto& plans = c.episodes[e].plans;
      for (size_t k = 0; k < plans.size(); ++k) {
        const auto when = ParseDate(plans[k].*date);
        if (when && *when > *death) {
          out.Add(rule, c.la_child_id, ModulePath(i, e, "CINPlanDates", k), plans[k].line, field);
        }
      }
    }
  });
}

void Check4008(const Context& ctx, Findings& out) {
  PlanDateAfterDeath(ctx, out, k4008, &PlanDates::start, "CINPlanStartDate");
}

// 4009Q: a child who has died has no CIN plan ending after the date of death.
constexpr RuleInfo k4009Q{"4009Q", Severity::kQuery,
                          "CIN Plan cannot end after the child’s Date of Death"};
void Check4009Q(const Context& ctx, Findings& out) {
  PlanDateAfterDeath(ctx, out, k4009Q, &PlanDates::end, "CINPlanEndDate");
}

// 8775Q: a child born more than 25 years before the reference date has no episode open, or
// closed after the 25th birthday. Reported once per child.
constexpr RuleInfo k8775Q{
    "8775Q", Severity::kQuery,
    "Please check and either amend data or provide a reason: Child is over 25 years old"};
void Check8775Q(const Context& ctx, Findings& out) {
  const Date born_before = AddYears(ctx.reference_date, -25);
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    const auto birth = ParseDate(c.birth_date);
    if (!birth || *birth >= born_before) continue;
    const Date twenty_fifth = AddYears(*birth, 25);
    const bool open_after =
        std::any_of(c.episodes.begin(), c.episodes.end(), [&](const Episode& e) {
          if (e.closure_date.empty()) return true;
          const auto closed = ParseDate(e.closure_date);
          return closed && *closed > twenty_fifth;
        });
    if (open_after) out.Add(k8775Q, c.la_child_id, IdentifiersPath(i), c.line, "PersonBirthDate");
  }
}

// 8590: every child has at least one CIN episode.
constexpr RuleInfo k8590{"8590", Severity::kError, "Child does not have a recorded CIN episode."};
void Check8590(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    if (children[i].episodes.empty()) {
      out.Add(k8590, children[i].la_child_id, IdentifiersPath(i), children[i].line, "LAchildID");
    }
  }
}

// ---- Ethnicity and disabilities

// 4220: the ethnicity is present and a code of DfE's ethnicity table.
constexpr RuleInfo k4220{"4220", Severity::kError,
                         "Ethnicity is missing or invalid (see Ethnicity table)"};
void Check4220(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    if (FindCode(CodeListId::kEthnicity, children[i].ethnicity) == nullptr) {
      out.Add(k4220, children[i].la_child_id, CharacteristicsPath(i), children[i].line,
              "Ethnicity");
    }
  }
}

// 8540: a born child with a referral going on to action has at least one disability recorded,
// and every one recorded is a code of DfE's disability table. Reported once per child.
constexpr RuleInfo k8540{"8540", Severity::kError,
                         "Child’s disability is missing or invalid (see Disability table)"};
void Check8540(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const Child& c = children[i];
    if (c.birth_date.empty() || !HasActionedReferral(c)) continue;
    const bool bad =
        c.disabilities.empty() ||
        std::any_of(c.disabilities.begin(), c.disabilities.end(), [](const std::string& d) {
          return FindCode(CodeListId::kDisability, d) == nullptr;
        });
    if (bad) out.Add(k8540, c.la_child_id, CharacteristicsPath(i), c.line, "Disability");
  }
}

bool IsNone(std::string_view d) {
  // NONE, in any case.
  constexpr std::string_view kNone = "NONE";
  if (d.size() != 4) return false;
  for (size_t k = 0; k < 4; ++k) {
    const char c = d[k] >= 'a' && d[k] <= 'z' ? static_cast<char>(d[k] - 'a' + 'A') : d[k];
    if (c != kNone[k]) return false;
  }
  return true;
}

// 8790: a child recorded with disability NONE has no other disability value.
constexpr RuleInfo k8790{"8790", Severity::kError,
                         "Disability information includes both None and other values"};
void Check8790(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const auto& d = children[i].disabilities;
    const bool none =
        std::any_of(d.begin(), d.end(), [](const std::string& v) { return IsNone(v); });
    const bool other = std::any_of(d.begin(), d.end(),
                                   [](const std::string& v) { return !v.empty() && !IsNone(v); });
    if (none && other) {
      out.Add(k8790, children[i].la_child_id, CharacteristicsPath(i), children[i].line,
              "Disability");
    }
  }
}

// 8794: no disability code is recorded twice for a child. Reported once per child.
constexpr RuleInfo k8794{"8794", Severity::kError,
                         "Child has two or more disabilities with the same code"};
void Check8794(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const auto& d = children[i].disabilities;
    bool repeated = false;
    for (size_t a = 0; a < d.size() && !repeated; ++a) {
      if (d[a].empty()) continue;
      for (size_t b = a + 1; b < d.size() && !repeated; ++b) repeated = d[a] == d[b];
    }
    if (repeated) {
      out.Add(k8794, children[i].la_child_id, CharacteristicsPath(i), children[i].line,
              "Disability");
    }
  }
}

// 2887Q (about the return): more than 7 different disability codes other than NONE are used
// across the return. Only codes of DfE's table count (others are 8540's). One finding for the
// file.
constexpr RuleInfo k2887Q{"2887Q", Severity::kQuery,
                          "Please check and either amend or provide a reason: Less than 8 "
                          "disability codes have been used in your return"};
void Check2887Q(const Context& ctx, Findings& out) {
  const auto entries = GetCodeList(CodeListId::kDisability).entries;
  std::vector<bool> used(entries.size(), false);
  size_t distinct = 0;
  for (const Child& c : ctx.census->children) {
    for (const std::string& d : c.disabilities) {
      const CodeEntry* code = FindCode(CodeListId::kDisability, d);
      if (code == nullptr || code->code == "NONE") continue;
      const auto at = static_cast<size_t>(code - entries.data());
      if (!used[at]) {
        used[at] = true;
        ++distinct;
      }
    }
  }
  if (distinct <= 7) out.Add(k2887Q, "", "Children", 0, "Disability");
}

// 2888Q (about the return): where children are recorded with a disability (other than NONE),
// at least one of them has more than one. Not raised when no child has a disability. One
// finding for the file.
constexpr RuleInfo k2888Q{
    "2888Q", Severity::kQuery,
    "Please check and either amend or provide a reason: Only one disability code is recorded per "
    "child and multiple disabilities should be recorded where possible."};
void Check2888Q(const Context& ctx, Findings& out) {
  bool any = false;
  for (const Child& c : ctx.census->children) {
    size_t n = 0;
    for (const std::string& d : c.disabilities) n += !d.empty() && !IsNone(d);
    if (n > 1) return;
    any = any || n == 1;
  }
  if (any) out.Add(k2888Q, "", "Children", 0, "Disability");
}

}  // namespace

void AddChildRules(std::vector<Rule>& rules) {
  rules.push_back({k100, Check100});
  rules.push_back({k1510, Check1510});
  rules.push_back({k8500, Check8500});
  rules.push_back({k8510, Check8510});
  rules.push_back({k1520, Check1520});
  rules.push_back({k1530, Check1530});
  rules.push_back({k1540, Check1540});
  rules.push_back({k1550, Check1550});
  rules.push_back({k1560Q, Check1560Q});
  rules.push_back({k1570, Check1570});
  rules.push_back({k1580, Check1580});
  rules.push_back({k2886Q, Check2886Q});
  rules.push_back({k2887Q, Check2887Q});
  rules.push_back({k2888Q, Check2888Q});
  rules.push_back({k4008, Check4008});
  rules.push_back({k4009Q, Check4009Q});
  rules.push_back({k4180, Check4180});
  rules.push_back({k4220, Check4220});
  rules.push_back({k8520, Check8520});
  rules.push_back({k8525Q, Check8525Q});
  rules.push_back({k8530Q, Check8530Q});
  rules.push_back({k8535Q, Check8535Q});
  rules.push_back({k8540, Check8540});
  rules.push_back({k8545Q, Check8545Q});
  rules.push_back({k8590, Check8590});
  rules.push_back({k8750, Check8750});
  rules.push_back({k8770Q, Check8770Q});
  rules.push_back({k8772, Check8772});
  rules.push_back({k8775Q, Check8775Q});
  rules.push_back({k8790, Check8790});
  rules.push_back({k8794, Check8794});
}

}  // namespace sg::cin
