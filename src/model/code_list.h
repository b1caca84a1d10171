#pragma once
// Code lists: every coded field of the child's record draws its values from one list here.
// DfE lists (CIN census 2025/26, SSDA903 2025/26) carry DfE's codes and labels; lists DfE does
// not publish (Front Door decisions, RAG, MASH agencies, roles, ...) are Safeguard's own and
// say so in `source`. A code is valid for a list when it appears in `entries` exactly
// (case-sensitive, as DfE's returns are).
//
// Thread-safety: all data is immutable static storage; every function is safe to call
// concurrently.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace sg {

enum class CodeListId : std::uint8_t {
  // --- DfE lists ---
  kSex,                      // CIN Sex and 903 SEX (header, UASC) from 2024/25: M, F, U
  kSex903,                   // 903 SEX before 2024/25: 1 male, 2 female (earlier returns only)
  kEthnicity,                // WBRI, WIRI, ... OOTH, REFU, NOBT
  kDisability,               // CIN disability codes: NONE, MOB, HAND, ...
  kReferralSource,           // CIN referral source: 1A ... 10
  kPrimaryNeed,              // CIN primary need: N0 ... N9
  kCinClosureReason,         // CIN reason for closure: RC1 ... RC9
  kAssessmentFactor,         // CIN assessment factors: 1A ... 24A
  kCategoryOfAbuse,          // CIN CP category: NEG, PHY, SAB, EMO, MUL
  kLegalStatus,              // 903 LS: C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3
  kReasonNewEpisode,         // 903 RNE: S, L, P, T, B, U
  kCategoryOfNeed,           // 903 CIN (category of need at DECOM): N1 ... N8
  kPlacementType,            // 903 PLACE (2025/26 codes: Z11-Z14 replace Z1)
  kPlacementProvider,        // 903 PLACE_PROVIDER: PR0 ... PR5
  kReasonEpisodeCeased,      // 903 REC: E11, E12, ..., X1
  kReasonPlaceChange,        // 903 REASON_PLACE_CHANGE: CARPL, CLOSE, ...
  kReviewParticipation,      // 903 REVIEW_CODE: PN0 ... PN7
  kMissingType,              // 903 MISSING: M (missing), A (away from placement without consent)
  kCareLeaverInTouch,        // 903 OC3 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM
  kCareLeaverActivity,       // 903 OC3 ACTIV: F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0
  kCareLeaverAccommodation,  // 903 OC3 ACCOM: B1, B2, ... Z1, Z2 (1 suitable, 2 not), 0
  kAdopterSex,               // 903 AD1 SEX_ADOPTR: M1, F1, MM, FF, MF
  kAdopterLegalStatus,       // 903 AD1 LS_ADOPTR: L0, L11, L12, L2, L3, L4
  kReasonPlacedCeased,       // 903 placed for adoption REASON_PLACED_CEASED: RD1 ... RD4
  kPreviousPermanence,       // 903 PREV_PERM: P1, P2, P3, P4, Z1
  kSdqReason,                // 903 OC2 SDQ_REASON: SDQ1 ... SDQ5
  // --- Safeguard's own lists ---
  kContactDecision,    // Front Door decision: NFA, ADVICE_AND_INFORMATION, EARLY_HELP, ...
  kRagRating,          // MASH RAG: RED, AMBER, GREEN
  kMashAgency,         // MASH partner agency checks: POLICE, HEALTH, EDUCATION, ...
  kMashCheckOutcome,   // outcome of an agency check: REQUESTED, INFORMATION_SHARED, ...
  kEarlyHelpOutcome,   // early help closure: NEEDS_MET, STEP_UP_TO_SOCIAL_CARE, ...
  kRelationshipType,   // person relationships: MOTHER, FATHER, SIBLING, FOSTER_CARER, ...
  kRole,               // user roles: SOCIAL_WORKER, TEAM_MANAGER, ...
  kWorkerRole,         // workforce job role: SOCIAL_WORKER, SENIOR_PRACTITIONER, ...
  kVisitType,          // visit kind: CP, CIN, CLA, CARE_LEAVER, EARLY_HELP
  kCpConferenceType,   // ICPC, RCPC, TRANSFER_IN
  kAssessmentOutcome,  // outcome of a CIN assessment: NFA, CIN_PLAN, STRATEGY_DISCUSSION, ...
  kAuditGrade,         // case file audit grade: OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE
  kReviewOutcome,      // a manager's decision on a case review finding: CONFIRMED, REOPENED, ...
  kPlanStatus,         // improvement plan: DRAFT, ACTIVE, CLOSED
  kPlanItemKind,       // WORKSTREAM, PROJECT, ACTION
  kPlanItemStatus,     // NOT_STARTED, IN_PROGRESS, BLOCKED, COMPLETE, CANCELLED
  kMeasureKind,        // INDICATOR, CHILD_VOICE, LOCAL
  kRiskStatus,         // OPEN, CLOSED
  kBreakGlassOutcome,  // a manager's review of a break-glass look: JUSTIFIED, NOT_JUSTIFIED
  kCount
};

struct CodeEntry {
  std::string_view code;
  std::string_view label;
};

struct CodeList {
  CodeListId id;
  std::string_view name;    // snake_case key used in the API and error messages
  std::string_view title;   // human name, e.g. "Referral source"
  std::string_view source;  // where the codes come from, e.g. "DfE CIN census 2025/26"
  std::span<const CodeEntry> entries;
};

// REQUIRES: id != CodeListId::kCount.
const CodeList& GetCodeList(CodeListId id);

// Every list, in CodeListId order.
std::span<const CodeList> AllCodeLists();

// The list with this `name`, or nullptr.
const CodeList* FindCodeListByName(std::string_view name);

// The entry for `code` in list `id`, or nullptr when the code is not in the list.
const CodeEntry* FindCode(CodeListId id, std::string_view code);

}  // namespace sg

namespace sg {

// A code known to belong to list L: the typed form of a coded field for C++ code (returns,
// indicators, the generator), so that a legal status cannot be passed where a placement type is
// expected and an unknown code cannot exist. Holds the code's index in its list.
template <CodeListId L>
class Coded {
 public:
  // Sets *out and returns true when `code` is in list L.
  static bool Parse(std::string_view code, Coded* out) {
    const CodeList& list = GetCodeList(L);
    for (size_t i = 0; i < list.entries.size(); ++i) {
      if (list.entries[i].code == code) {
        out->index_ = static_cast<std::uint16_t>(i);
        return true;
      }
    }
    return false;
  }
  static std::optional<Coded> Of(std::string_view code) {
    Coded c;
    if (!Parse(code, &c)) return std::nullopt;
    return c;
  }

  std::string_view code() const { return GetCodeList(L).entries[index_].code; }
  std::string_view label() const { return GetCodeList(L).entries[index_].label; }
  std::uint16_t index() const { return index_; }
  friend bool operator==(Coded a, Coded b) { return a.index_ == b.index_; }

 private:
  std::uint16_t index_ = 0;
};

using LegalStatus = Coded<CodeListId::kLegalStatus>;
using PlacementType = Coded<CodeListId::kPlacementType>;
using CategoryOfAbuse = Coded<CodeListId::kCategoryOfAbuse>;
using ReferralSource = Coded<CodeListId::kReferralSource>;
using Ethnicity = Coded<CodeListId::kEthnicity>;

}  // namespace sg
