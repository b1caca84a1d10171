// The registry of the record's entities: the child's journey from ../DOMAIN.md as tables.
// Order matters: an entity comes after every entity its references point to, so that export,
// import and migrations can walk the list front to back.

#include <cstdlib>

#include "model/entity.h"

namespace sg {
namespace {

using L = CodeListId;
constexpr Required kReq = Required::kRequired;
constexpr Required kOpt = Required::kOptional;

constexpr FieldDesc Text(std::string_view name, Required r, std::int64_t max_len,
                         std::string_view desc) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kText;
  f.required = r;
  f.max = max_len;
  f.description = desc;
  return f;
}
constexpr FieldDesc Code(std::string_view name, CodeListId list, Required r,
                         std::string_view desc) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kCode;
  f.required = r;
  f.code_list = list;
  f.description = desc;
  return f;
}
constexpr FieldDesc Codes(std::string_view name, CodeListId list, std::string_view desc) {
  FieldDesc f = Code(name, list, kOpt, desc);
  f.type = FieldType::kCodeSet;
  return f;
}
constexpr FieldDesc Day(std::string_view name, Required r, std::string_view desc,
                        Check check = Check::kNotFuture) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kDate;
  f.required = r;
  f.check = check;
  f.description = desc;
  return f;
}
constexpr FieldDesc Instant(std::string_view name, Required r, std::string_view desc) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kTimestamp;
  f.required = r;
  f.check = Check::kNotFuture;
  f.description = desc;
  return f;
}
constexpr FieldDesc Ref(std::string_view name, std::string_view entity, Required r,
                        std::string_view desc) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kRef;
  f.required = r;
  f.ref_entity = entity;
  f.description = desc;
  return f;
}
constexpr FieldDesc Flag(std::string_view name, std::string_view desc) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kBool;
  f.description = desc;
  return f;
}
constexpr FieldDesc Int(std::string_view name, std::int64_t min, std::int64_t max, Required r,
                        std::string_view desc) {
  FieldDesc f;
  f.name = name;
  f.type = FieldType::kInt;
  f.required = r;
  f.min = min;
  f.max = max;
  f.description = desc;
  return f;
}
constexpr FieldDesc Real(std::string_view name, std::int64_t min, std::int64_t max, Required r,
                         std::string_view desc) {
  FieldDesc f = Int(name, min, max, r, desc);
  f.type = FieldType::kReal;
  return f;
}
constexpr FieldDesc Unique(FieldDesc f) {
  f.unique = true;
  return f;
}
constexpr FieldDesc With(FieldDesc f, Check check) {
  f.check = check;
  return f;
}

constexpr CrossRule NotBefore(std::string_view a, std::string_view b) {
  return {RuleKind::kNotBefore, a, b};
}
constexpr CrossRule RequiredWith(std::string_view a, std::string_view b) {
  return {RuleKind::kRequiredWith, a, b};
}
constexpr CrossRule ExactlyOneOf(std::string_view a, std::string_view b) {
  return {RuleKind::kExactlyOneOf, a, b};
}
constexpr CrossRule AtMostOneOf(std::string_view a, std::string_view b) {
  return {RuleKind::kAtMostOneOf, a, b};
}

constexpr std::string_view kChildId = "the child this record belongs to";

// ---- Workforce ----
constexpr FieldDesc kTeam[] = {
    Unique(Text("name", kReq, 100, "team name, e.g. \"Assessment Team North\"")),
    Text("service_area", kOpt, 100, "service area, e.g. Front Door, Assessment, CIN/CP, CLA"),
    Real("established_fte", 0, 1000, kOpt, "funded social worker posts (FTE), for vacancy rates"),
    Day("start_date", kOpt, "date the team was formed", Check::kNone),
    Day("end_date", kOpt, "date the team was closed", Check::kNone),
};
constexpr CrossRule kTeamRules[] = {NotBefore("start_date", "end_date")};

constexpr FieldDesc kWorker[] = {
    Unique(Text("staff_id", kReq, 20, "the LA's staff identifier (the 903/CIN worker id)")),
    Text("first_name", kReq, 100, "first name"),
    Text("last_name", kReq, 100, "last name"),
    Code("role", L::kWorkerRole, kReq, "job role"),
    Ref("team_id", "team", kOpt, "team the worker belongs to"),
    Real("fte", 0, 1, kReq, "full-time equivalent, 0 to 1"),
    Flag("agency", "agency (not directly employed) worker"),
    Flag("case_holder", "holds cases (counts in caseload figures)"),
    Text("swe_registration", kOpt, 20, "Social Work England registration number"),
    Day("start_date", kReq, "date the worker started in this role"),
    Day("end_date", kOpt, "date the worker left", Check::kNone),
    Text("leaving_reason", kOpt, 200, "why the worker left"),
};
constexpr CrossRule kWorkerRules[] = {NotBefore("start_date", "end_date")};

// ---- People ----
constexpr FieldDesc kChild[] = {
    Unique(Text("la_child_id", kReq, 36, "the LA's identifier for the child (LAchildID)")),
    Unique(With(Text("upn", kOpt, 13, "Unique Pupil Number, with check letter"), Check::kUpn)),
    Text("former_upn", kOpt, 13, "a previous UPN"),
    Text("first_name", kReq, 100, "first name"),
    Text("last_name", kReq, 100, "last name"),
    Text("other_names", kOpt, 200, "other names and aliases, for matching"),
    Day("date_of_birth", kOpt, "date of birth"),
    Day("expected_date_of_birth", kOpt, "expected date of birth of an unborn child", Check::kNone),
    Code("sex", L::kSex, kOpt, "sex: M, F or U (not known)"),
    Code("ethnicity", L::kEthnicity, kOpt, "ethnicity (DfE code)"),
    Codes("disabilities", L::kDisability, "disabilities (DfE codes); NONE when none"),
    Flag("uasc", "unaccompanied asylum-seeking child"),
    Day("uasc_ceased_date", kOpt, "date the child ceased to be UASC", Check::kNone),
    Day("date_of_death", kOpt, "date of death"),
    Flag("restricted", "a sensitive record, visible only to named people"),
};
constexpr CrossRule kChildRules[] = {
    ExactlyOneOf("date_of_birth", "expected_date_of_birth"),
    NotBefore("date_of_birth", "date_of_death"),
    NotBefore("date_of_birth", "uasc_ceased_date"),
};

constexpr FieldDesc kPerson[] = {
    Text("first_name", kReq, 100, "first name"),  Text("last_name", kReq, 100, "last name"),
    Day("date_of_birth", kOpt, "date of birth"),  Code("sex", L::kSex, kOpt, "sex"),
    Text("phone", kOpt, 30, "contact telephone"), Text("notes", kOpt, 2000, "notes"),
};

constexpr FieldDesc kRelationship[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("related_child_id", "child", kOpt, "a related child (e.g. a sibling)"),
    Ref("related_person_id", "person", kOpt, "a related adult (e.g. a parent)"),
    Code("relationship", L::kRelationshipType, kReq, "what the related person is to the child"),
    Flag("parental_responsibility", "holds parental responsibility"),
    Flag("lives_with_child", "lives in the child's household"),
    Day("start_date", kOpt, "start", Check::kNone),
    Day("end_date", kOpt, "end", Check::kNone),
};
constexpr CrossRule kRelationshipRules[] = {
    ExactlyOneOf("related_child_id", "related_person_id"),
    NotBefore("start_date", "end_date"),
};

constexpr FieldDesc kAddress[] = {
    Ref("child_id", "child", kReq, kChildId),
    Text("line1", kReq, 200, "first line of the address"),
    Text("line2", kOpt, 200, "second line"),
    Text("town", kOpt, 100, "town"),
    With(Text("postcode", kOpt, 8, "postcode"), Check::kPostcode),
    Day("start_date", kReq, "date the child started living here", Check::kNone),
    Day("end_date", kOpt, "date the child stopped living here", Check::kNone),
};
constexpr CrossRule kAddressRules[] = {NotBefore("start_date", "end_date")};

// ---- Front Door ----
constexpr FieldDesc kContact[] = {
    Ref("child_id", "child", kReq, kChildId),
    Instant("received_at", kReq, "when the contact was received"),
    Code("source", L::kReferralSource, kReq, "who made the contact (DfE referral source)"),
    Text("concern", kReq, 4000, "the concern, in the referrer's words"),
    Text("household_ref", kOpt, 40, "links contacts about children of one household"),
    Code("rag", L::kRagRating, kOpt, "MASH RAG rating"),
    Code("decision", L::kContactDecision, kOpt, "the Front Door decision"),
    Text("decision_reason", kOpt, 2000, "why that decision"),
    Ref("decided_by", "worker", kOpt, "who decided"),
    Instant("decided_at", kOpt, "when the decision was made"),
};
constexpr CrossRule kContactRules[] = {
    NotBefore("received_at", "decided_at"),
    RequiredWith("decided_at", "decision"),
    RequiredWith("decision", "decided_at"),
};

constexpr FieldDesc kMashCheck[] = {
    Ref("contact_id", "contact", kReq, "the contact checked"),
    Ref("child_id", "child", kReq, kChildId),
    Code("agency", L::kMashAgency, kReq, "partner agency asked"),
    Instant("requested_at", kReq, "when the check was requested"),
    Instant("responded_at", kOpt, "when the agency responded"),
    Code("outcome", L::kMashCheckOutcome, kReq, "outcome of the check"),
    Text("summary", kOpt, 4000, "what the agency shared"),
};
constexpr CrossRule kMashCheckRules[] = {NotBefore("requested_at", "responded_at")};

// ---- Early help ----
constexpr FieldDesc kEarlyHelp[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("contact_id", "contact", kOpt, "the contact that led to early help"),
    Day("start_date", kReq, "start of the early help episode"),
    Day("assessment_date", kOpt, "date of the early help assessment"),
    Text("lead_professional", kOpt, 200, "lead professional (name and agency)"),
    Code("lead_agency", L::kMashAgency, kOpt, "agency of the lead professional"),
    Flag("team_around_family", "a team around the family is in place"),
    Day("end_date", kOpt, "end of the episode"),
    Code("outcome", L::kEarlyHelpOutcome, kOpt, "how the episode ended"),
};
constexpr CrossRule kEarlyHelpRules[] = {
    NotBefore("start_date", "assessment_date"),
    NotBefore("start_date", "end_date"),
    RequiredWith("outcome", "end_date"),
};

// ---- Referral and assessment ----
constexpr FieldDesc kReferral[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("contact_id", "contact", kOpt, "the contact this referral came from"),
    Ref("early_help_id", "early_help_episode", kOpt, "early help stepped up into this referral"),
    Day("referral_date", kReq, "CINreferralDate"),
    Code("source", L::kReferralSource, kReq, "ReferralSource"),
    Code("primary_need", L::kPrimaryNeed, kOpt, "PrimaryNeedCode (N0-N9)"),
    Flag("nfa", "ReferralNFA: no further action after the referral"),
    Day("closure_date", kOpt, "CINclosureDate"),
    Code("closure_reason", L::kCinClosureReason, kOpt, "ReasonForClosure (RC1-RC9)"),
    Ref("stepped_down_to_id", "early_help_episode", kOpt, "early help the case stepped down to"),
};
constexpr CrossRule kReferralRules[] = {
    NotBefore("referral_date", "closure_date"),
    RequiredWith("closure_reason", "closure_date"),
    RequiredWith("closure_date", "closure_reason"),
};

constexpr FieldDesc kAssessment[] = {
    Ref("referral_id", "referral", kReq, "the referral assessed"),
    Ref("child_id", "child", kReq, kChildId),
    Day("start_date", kReq, "AssessmentActualStartDate"),
    Day("authorised_date", kOpt, "AssessmentAuthorisationDate (completion)"),
    Codes("factors", L::kAssessmentFactor, "factors identified at the end of assessment"),
    Day("child_seen_date", kOpt, "first date the child was seen during the assessment"),
    Flag("child_seen_alone", "the child was seen alone"),
    Code("outcome", L::kAssessmentOutcome, kOpt, "what the assessment concluded"),
    Ref("worker_id", "worker", kOpt, "assessing social worker"),
};
constexpr CrossRule kAssessmentRules[] = {
    NotBefore("start_date", "authorised_date"),
    NotBefore("start_date", "child_seen_date"),
};

constexpr FieldDesc kStrategy[] = {
    Ref("referral_id", "referral", kReq, "the referral"),
    Ref("child_id", "child", kReq, kChildId),
    Day("discussion_date", kReq, "date of the strategy discussion"),
    Flag("s47_required", "the discussion decided a Section 47 enquiry was needed"),
    Text("agencies", kOpt, 400, "agencies present"),
    Text("summary", kOpt, 4000, "outcome and reasons"),
};

constexpr FieldDesc kS47[] = {
    Ref("referral_id", "referral", kReq, "the referral"),
    Ref("child_id", "child", kReq, kChildId),
    Ref("strategy_discussion_id", "strategy_discussion", kOpt, "the strategy discussion"),
    Day("start_date", kReq, "S47ActualStartDate"),
    Day("end_date", kOpt, "date the enquiry concluded"),
    Flag("icpc_not_required", "InitialCPCtarget not needed: no ICPC to follow"),
    Day("icpc_target_date", kOpt, "InitialCPCtarget: 15 working days from the strategy discussion",
        Check::kNone),
};
constexpr CrossRule kS47Rules[] = {NotBefore("start_date", "end_date")};

constexpr FieldDesc kConference[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("referral_id", "referral", kReq, "the referral"),
    Ref("s47_id", "s47_enquiry", kOpt, "the S47 enquiry (initial conferences)"),
    Code("conference_type", L::kCpConferenceType, kReq, "initial, review or transfer-in"),
    Day("conference_date", kReq, "DateOfInitialCPC or review date"),
    Flag("plan_decided", "the conference decided the child needs a CP plan"),
    Ref("chair_worker_id", "worker", kOpt, "the chair"),
};

constexpr FieldDesc kCinPlan[] = {
    Ref("referral_id", "referral", kReq, "the referral"),
    Ref("child_id", "child", kReq, kChildId),
    Day("start_date", kReq, "CINPlanStartDate"),
    Day("end_date", kOpt, "CINPlanEndDate"),
};
constexpr CrossRule kPlanRules[] = {NotBefore("start_date", "end_date")};

constexpr FieldDesc kCpPlan[] = {
    Ref("referral_id", "referral", kReq, "the referral"),
    Ref("child_id", "child", kReq, kChildId),
    Ref("conference_id", "cp_conference", kOpt, "the conference that made the plan"),
    Day("start_date", kReq, "CPPstartDate"),
    Day("end_date", kOpt, "CPPendDate"),
    Code("initial_category", L::kCategoryOfAbuse, kReq, "InitialCategoryOfAbuse"),
    Code("latest_category", L::kCategoryOfAbuse, kOpt, "LatestCategoryOfAbuse"),
    Int("previous_plans", 0, 50, kOpt, "NumberOfPreviousCPP"),
};

constexpr FieldDesc kPlanReview[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("cp_plan_id", "cp_plan", kOpt, "the CP plan reviewed"),
    Ref("cin_plan_id", "cin_plan", kOpt, "the CIN plan reviewed"),
    Day("review_date", kReq, "CPPreviewDate or CIN plan review date"),
    Text("summary", kOpt, 4000, "what the review decided"),
};
constexpr CrossRule kPlanReviewRules[] = {ExactlyOneOf("cp_plan_id", "cin_plan_id")};

constexpr FieldDesc kVisit[] = {
    Ref("child_id", "child", kReq, kChildId),
    Code("visit_type", L::kVisitType, kReq, "which plan or status the visit is for"),
    Day("visit_date", kReq, "date of the visit"),
    Flag("child_seen", "the child was seen"),
    Flag("child_seen_alone", "the child was seen alone"),
    Ref("worker_id", "worker", kOpt, "the visiting worker"),
    Text("notes", kOpt, 8000, "what was seen and heard"),
};

// ---- Looked after ----
constexpr FieldDesc kClaEpisode[] = {
    Ref("child_id", "child", kReq, kChildId),
    Day("start_date", kReq, "DECOM: date the episode started"),
    Code("reason_new_episode", L::kReasonNewEpisode, kReq, "RNE"),
    Code("legal_status", L::kLegalStatus, kReq, "LS"),
    Code("category_of_need", L::kCategoryOfNeed, kReq, "CIN: category of need"),
    Code("placement_type", L::kPlacementType, kReq, "PLACE"),
    Code("placement_provider", L::kPlacementProvider, kOpt, "PLACE_PROVIDER"),
    With(Text("provider_urn", kOpt, 8, "URN: Ofsted URN of the placement"), Check::kUrn),
    With(Text("home_postcode", kOpt, 8, "HOME_POST"), Check::kPostcode),
    With(Text("placement_postcode", kOpt, 8, "PL_POST"), Check::kPostcode),
    Day("end_date", kOpt, "DEC: date the episode ceased"),
    Code("reason_ceased", L::kReasonEpisodeCeased, kOpt, "REC"),
    Code("reason_place_change", L::kReasonPlaceChange, kOpt, "REASON_PLACE_CHANGE"),
};
constexpr CrossRule kClaEpisodeRules[] = {
    NotBefore("start_date", "end_date"),
    RequiredWith("reason_ceased", "end_date"),
    RequiredWith("end_date", "reason_ceased"),
};

constexpr FieldDesc kClaReview[] = {
    Ref("child_id", "child", kReq, kChildId),
    Day("review_date", kReq, "DOR: date of the review"),
    Code("participation", L::kReviewParticipation, kOpt, "REVIEW_CODE"),
};

constexpr FieldDesc kMissing[] = {
    Ref("child_id", "child", kReq, kChildId),
    Code("missing_type", L::kMissingType, kReq, "M (missing) or A (away without consent)"),
    Day("start_date", kReq, "MIS_START"),
    Day("end_date", kOpt, "MIS_END"),
    Flag("return_interview_offered", "a return home interview was offered"),
    Flag("return_interview_accepted", "the child accepted the return home interview"),
};
constexpr CrossRule kMissingRules[] = {NotBefore("start_date", "end_date")};

constexpr FieldDesc kClaHealth[] = {
    Ref("child_id", "child", kReq, kChildId),
    Day("year_ending", kReq, "31 March of the year the figures are for", Check::kNone),
    Flag("health_check", "HEALTH_CHECK: health assessment up to date"),
    Flag("immunisations", "IMMUNISATIONS up to date"),
    Flag("teeth_check", "TEETH_CHECK: dental check up to date"),
    Flag("health_assessment", "HEALTH_ASSESSMENT: annual health assessment done"),
    Flag("substance_misuse", "SUBSTANCE_MISUSE identified"),
    Flag("convicted", "CONVICTED during the year"),
    Int("sdq_score", 0, 40, kOpt, "SDQ_SCORE"),
    Code("sdq_reason", L::kSdqReason, kOpt, "SDQ_REASON: why no SDQ score"),
    Day("last_health_check_date", kOpt, "date of the latest health assessment"),
    Day("last_dental_check_date", kOpt, "date of the latest dental check"),
};
constexpr CrossRule kClaHealthRules[] = {AtMostOneOf("sdq_score", "sdq_reason")};

constexpr FieldDesc kCareLeaver[] = {
    Ref("child_id", "child", kReq, kChildId),
    Day("contact_date", kReq, "date of the contact around the care leaver's birthday"),
    Code("in_touch", L::kCareLeaverInTouch, kReq, "IN_TOUCH"),
    Code("activity", L::kCareLeaverActivity, kOpt, "ACTIV"),
    Code("accommodation", L::kCareLeaverAccommodation, kOpt, "ACCOM"),
};

constexpr FieldDesc kAdoption[] = {
    Ref("child_id", "child", kReq, kChildId),
    Day("best_interest_date", kOpt, "DATE_INT: decision that adoption is in the child's interest"),
    Day("placement_order_date", kOpt, "DATE_PLACED: decision that the child should be placed"),
    Day("match_date", kOpt, "DATE_MATCH: matched with adopters"),
    Day("placed_date", kOpt, "date placed with the adopters"),
    Day("order_date", kOpt, "adoption order granted"),
    Day("ceased_date", kOpt, "DATE_PLACED_CEASED: decision reversed or adoption happened"),
    Code("ceased_reason", L::kReasonPlacedCeased, kOpt, "REASON_PLACED_CEASED"),
    Flag("foster_carer_adoption", "FOSTER_CARE: adopted by the child's foster carers"),
    Int("number_of_adopters", 1, 2, kOpt, "NB_ADOPTR"),
    Code("adopter_sex", L::kAdopterSex, kOpt, "SEX_ADOPTR"),
    Code("adopter_legal_status", L::kAdopterLegalStatus, kOpt, "LS_ADOPTR"),
};
constexpr CrossRule kAdoptionRules[] = {
    NotBefore("best_interest_date", "placement_order_date"),
    NotBefore("best_interest_date", "match_date"),
    NotBefore("match_date", "placed_date"),
    NotBefore("placed_date", "order_date"),
    RequiredWith("ceased_reason", "ceased_date"),
};

constexpr FieldDesc kPrevPerm[] = {
    Ref("child_id", "child", kReq, kChildId),
    Code("previous_permanence", L::kPreviousPermanence, kReq, "PREV_PERM"),
    Text("la_code", kOpt, 3, "LA_PERM: the LA that made the order"),
    Day("order_date", kOpt, "DATE_PERM"),
};

// ---- Quality assurance ----
// The themes are one per line, in the order an auditor grades them.
constexpr FieldDesc kAuditTemplate[] = {
    Unique(
        Text("name", kReq, 200, "the template's name, e.g. \"Worcestershire practice standards\"")),
    Text("description", kOpt, 4000, "what the template is for and how to grade"),
    Text("themes", kReq, 8000, "the themes graded, one per line, e.g. \"Child seen and heard\""),
    Flag("active", "offered for new audits"),
};

constexpr FieldDesc kCaseAudit[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("worker_id", "worker", kOpt, "the worker holding the case when it was audited"),
    Ref("auditor_id", "worker", kReq, "the auditor"),
    Day("audit_date", kReq, "date the audit was completed"),
    Text("theme", kOpt, 200, "the audit's focus, e.g. \"child seen and heard\""),
    Code("grade", L::kAuditGrade, kReq, "the overall grade"),
    Text("findings", kOpt, 8000, "evidence and findings"),
    Ref("template_id", "audit_template", kOpt, "the template whose themes were graded"),
    Ref("moderates_id", "case_audit", kOpt,
        "when this is a moderation: the audit a second auditor re-graded"),
    Ref("reaudit_of_id", "case_audit", kOpt,
        "when this is a re-audit: the earlier audit whose actions it follows up"),
};
constexpr CrossRule kCaseAuditRules[] = {{RuleKind::kAtMostOneOf, "moderates_id", "reaudit_of_id"}};

constexpr FieldDesc kAuditThemeGrade[] = {
    Ref("audit_id", "case_audit", kReq, "the audit"),
    Ref("child_id", "child", kReq, kChildId),
    Text("theme", kReq, 200, "the theme, as the template names it"),
    Code("grade", L::kAuditGrade, kReq, "the theme's grade"),
    Text("evidence", kOpt, 8000, "the evidence for the grade"),
};

constexpr FieldDesc kAuditAction[] = {
    Ref("audit_id", "case_audit", kReq, "the audit that set the action"),
    Ref("child_id", "child", kReq, kChildId),
    Text("action", kReq, 2000, "what must be done for the child"),
    Ref("owner_id", "worker", kReq, "who must do it"),
    Day("due_date", kReq, "by when", Check::kNone),
    Day("completed_date", kOpt, "when it was done"),
    Text("notes", kOpt, 4000, "what was done"),
};

constexpr FieldDesc kReviewOutcomeFields[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("referral_id", "referral", kOpt, "the case (referral) reviewed"),
    Ref("reviewer_id", "worker", kOpt, "the manager who reviewed it"),
    Day("review_date", kReq, "date of the decision"),
    Text("rules", kOpt, 200,
         "the case review rules that flagged it, e.g. \"not_seen,unallocated\""),
    Code("outcome", L::kReviewOutcome, kReq, "what was decided"),
    Text("notes", kOpt, 4000, "why, and the actions agreed"),
};

// ---- Access beyond the legitimate relationship ----
// The people who may see a restricted child (a staff member's child, a sensitive case): no one
// else does, whatever their role.
constexpr FieldDesc kRestrictedAccess[] = {
    Ref("child_id", "child", kReq, kChildId),
    Int("user_id", 0, 0, kReq, "the account allowed to see the child"),
    Text("reason", kOpt, 400, "why this person needs to"),
    Day("end_date", kOpt, "allowed until (empty: until removed)", Check::kNone),
};

// A look at a child outside the legitimate relationship, with its reason; a manager reviews it.
constexpr FieldDesc kBreakGlass[] = {
    Ref("child_id", "child", kReq, kChildId),
    Int("user_id", 0, 0, kReq, "the account that broke the glass"),
    Text("reason", kReq, 1000, "why the record was needed"),
    With(Instant("expires_at", kReq, "access lasts until"), Check::kNone),
    Int("reviewed_by", 0, 0, kOpt, "the manager who reviewed it"),
    Day("review_date", kOpt, "when it was reviewed"),
    Code("review_outcome", L::kBreakGlassOutcome, kOpt, "justified or not"),
    Text("review_notes", kOpt, 2000, "the manager's notes"),
};
constexpr CrossRule kBreakGlassRules[] = {RequiredWith("review_date", "review_outcome"),
                                          RequiredWith("review_outcome", "review_date")};

// ---- Improvement plans ----
constexpr FieldDesc kImprovementPlan[] = {
    Text("title", kReq, 200, "e.g. \"Children's services improvement plan 2025-27\""),
    Text("description", kOpt, 8000, "the plan's purpose"),
    Text("source", kOpt, 400, "what it answers, e.g. \"Ofsted ILACS inspection, March 2025\""),
    Text("lead", kOpt, 200, "the accountable senior leader"),
    Day("start_date", kReq, "the plan starts", Check::kNone),
    Day("end_date", kOpt, "the plan ends", Check::kNone),
    Code("status", L::kPlanStatus, kReq, "draft, active or closed"),
};
constexpr CrossRule kImprovementPlanRules[] = {NotBefore("start_date", "end_date")};

// A workstream (no parent), a project (in a workstream) or an action (in a project).
constexpr FieldDesc kPlanItem[] = {
    Ref("plan_id", "improvement_plan", kReq, "the plan"),
    Ref("parent_id", "plan_item", kOpt, "the workstream or project it belongs to"),
    Code("kind", L::kPlanItemKind, kReq, "workstream, project or action"),
    Text("title", kReq, 400, "what it is"),
    Text("lead", kOpt, 200, "who leads it"),
    Day("start_date", kOpt, "starts", Check::kNone),
    Day("due_date", kOpt, "due", Check::kNone),
    Day("completed_date", kOpt, "completed"),
    Code("status", L::kPlanItemStatus, kReq, "not started, in progress, blocked, complete"),
    Text("evidence", kOpt, 8000, "the evidence that it is done or progressing"),
};
constexpr CrossRule kPlanItemRules[] = {NotBefore("start_date", "due_date"),
                                        NotBefore("start_date", "completed_date")};

constexpr FieldDesc kPlanDependency[] = {
    Ref("item_id", "plan_item", kReq, "the item that waits"),
    Ref("depends_on_id", "plan_item", kReq, "the item it waits for"),
};

// A measure of the plan's success: an indicator, children's views or a local figure, with
// the line from baseline to target it should follow.
constexpr FieldDesc kPlanMeasure[] = {
    Ref("plan_id", "improvement_plan", kReq, "the plan"),
    Ref("item_id", "plan_item", kOpt, "the workstream or project it measures"),
    Text("name", kReq, 200, "what is measured"),
    Code("kind", L::kMeasureKind, kReq, "indicator, children's views or local"),
    Text("indicator_id", kOpt, 100, "the indicator, for kind INDICATOR (safeguard indicators)"),
    Text("question", kOpt, 400,
         "for children's views: the survey statement, e.g. \"I know who to talk to and I am "
         "listened to\""),
    Text("unit", kOpt, 40, "e.g. \"%\" or \"per 10,000\""),
    Flag("lower_is_better",
         "for children's views and local measures, a lower value is better (indicators use "
         "their own polarity)"),
    Real("baseline", 0, 0, kOpt,
         "the value at the start (for an indicator, computed on the baseline date when empty)"),
    Day("baseline_date", kReq, "when the baseline was measured", Check::kNone),
    Real("target", 0, 0, kReq, "the value to reach"),
    Day("target_date", kReq, "by when", Check::kNone),
    Real("tolerance", 0, 100, kOpt,
         "how far behind the trajectory is still amber, as a % of baseline-to-target (default 10)"),
};
constexpr CrossRule kPlanMeasureRules[] = {NotBefore("baseline_date", "target_date")};

constexpr FieldDesc kMeasureValue[] = {
    Ref("measure_id", "plan_measure", kReq, "the measure"),
    Day("value_date", kReq, "the date the value describes"),
    Real("value", 0, 0, kReq, "the value"),
    Int("respondents", 0, 1000000, kOpt, "for surveys: how many answered"),
    Text("source", kOpt, 400, "where it comes from, e.g. \"Bright Spots survey 2025\""),
};

// Risks to the plan: score = likelihood x impact, each 1 to 5.
constexpr FieldDesc kPlanRisk[] = {
    Ref("plan_id", "improvement_plan", kReq, "the plan"),
    Text("title", kReq, 400, "the risk"),
    Text("description", kOpt, 4000, "cause and effect"),
    Text("owner", kOpt, 200, "who owns the risk"),
    Int("likelihood", 1, 5, kReq, "1 (rare) to 5 (almost certain)"),
    Int("impact", 1, 5, kReq, "1 (negligible) to 5 (severe)"),
    Text("mitigation", kOpt, 4000, "what is being done"),
    Code("status", L::kRiskStatus, kReq, "open or closed"),
    Day("review_date", kOpt, "next review", Check::kNone),
};

// ---- Casework across the journey ----
constexpr FieldDesc kAllocation[] = {
    Ref("child_id", "child", kReq, kChildId),
    Ref("worker_id", "worker", kReq, "the allocated worker"),
    Ref("team_id", "team", kOpt, "the allocated team"),
    Day("start_date", kReq, "allocated from"),
    Day("end_date", kOpt, "allocated until", Check::kNone),
    Text("reason", kOpt, 200, "why allocated or changed"),
};
constexpr CrossRule kAllocationRules[] = {NotBefore("start_date", "end_date")};

constexpr FieldDesc kSupervision[] = {
    Ref("worker_id", "worker", kReq, "the worker supervised"),
    Ref("supervisor_id", "worker", kReq, "the supervisor"),
    Day("supervision_date", kReq, "date of the supervision"),
    Ref("child_id", "child", kOpt, "a child discussed (case supervision)"),
    Text("notes", kOpt, 8000, "decisions and actions"),
};

constexpr FieldDesc kSickness[] = {
    Ref("worker_id", "worker", kReq, "the worker"),
    Day("start_date", kReq, "first day of absence"),
    Day("end_date", kOpt, "last day of absence", Check::kNone),
    Real("days_lost", 0, 366, kOpt, "working days lost (FTE)"),
};
constexpr CrossRule kSicknessRules[] = {NotBefore("start_date", "end_date")};

constexpr FieldDesc kWishes[] = {
    Ref("child_id", "child", kReq, kChildId),
    Day("recorded_date", kReq, "date the child's views were gathered"),
    Ref("assessment_id", "assessment", kOpt, "the assessment they inform"),
    Ref("plan_review_id", "plan_review", kOpt, "the plan review they inform"),
    Ref("cla_review_id", "cla_review", kOpt, "the looked-after review they inform"),
    Text("method", kOpt, 200, "how: in person, words and pictures, advocate, ..."),
    Text("views", kReq, 8000, "the child's wishes and feelings, in their words where possible"),
    Ref("worker_id", "worker", kOpt, "who recorded them"),
};

constexpr EntityDesc kEntities[] = {
    {"team", "teams", "teams", "Team", "A team of workers", Scope::kWorkforce, kTeam, kTeamRules},
    {"worker", "workers", "workers", "Worker", "A member of the children's workforce",
     Scope::kWorkforce, kWorker, kWorkerRules},
    {"child", "children", "children", "Child",
     "A child known to children's services, or an unborn child", Scope::kChildRecord, kChild,
     kChildRules},
    {"person",
     "people",
     "people",
     "Person",
     "An adult in a child's life (parent, carer, ...)",
     Scope::kOther,
     kPerson,
     {}},
    {"relationship", "relationships", "relationships", "Relationship",
     "A child's relationship with another child or an adult", Scope::kChildRecord, kRelationship,
     kRelationshipRules},
    {"address", "addresses", "addresses", "Address", "A child's address history",
     Scope::kChildRecord, kAddress, kAddressRules},
    {"contact", "contacts", "contacts", "Contact",
     "A contact to the Front Door about a child, and its decision", Scope::kChildRecord, kContact,
     kContactRules},
    {"mash_check", "mash_checks", "mash-checks", "MASH agency check",
     "A check with a partner agency on a contact", Scope::kChildRecord, kMashCheck,
     kMashCheckRules},
    {"early_help_episode", "early_help_episodes", "early-help-episodes", "Early help episode",
     "Early help: assessment, lead professional, team around the family", Scope::kChildRecord,
     kEarlyHelp, kEarlyHelpRules},
    {"referral", "referrals", "referrals", "Referral (CIN episode)",
     "A referral to children's social care and the CIN episode it opens", Scope::kChildRecord,
     kReferral, kReferralRules},
    {"assessment", "assessments", "assessments", "Assessment",
     "A child and family assessment (45 working days)", Scope::kChildRecord, kAssessment,
     kAssessmentRules},
    {"strategy_discussion",
     "strategy_discussions",
     "strategy-discussions",
     "Strategy discussion",
     "A multi-agency strategy discussion",
     Scope::kChildRecord,
     kStrategy,
     {}},
    {"s47_enquiry", "s47_enquiries", "s47-enquiries", "Section 47 enquiry",
     "A child protection enquiry under section 47 of the Children Act 1989", Scope::kChildRecord,
     kS47, kS47Rules},
    {"cp_conference",
     "cp_conferences",
     "cp-conferences",
     "Child protection conference",
     "An initial or review child protection conference",
     Scope::kChildRecord,
     kConference,
     {}},
    {"cin_plan", "cin_plans", "cin-plans", "Child in need plan", "A child in need plan",
     Scope::kChildRecord, kCinPlan, kPlanRules},
    {"cp_plan", "cp_plans", "cp-plans", "Child protection plan", "A child protection plan",
     Scope::kChildRecord, kCpPlan, kPlanRules},
    {"plan_review", "plan_reviews", "plan-reviews", "Plan review",
     "A review of a CP plan (review conference) or of a CIN plan", Scope::kChildRecord, kPlanReview,
     kPlanReviewRules},
    {"visit",
     "visits",
     "visits",
     "Visit",
     "A statutory visit to the child",
     Scope::kChildRecord,
     kVisit,
     {}},
    {"cla_episode", "cla_episodes", "cla-episodes", "Looked-after episode",
     "An SSDA903 episode: one legal status and placement", Scope::kChildRecord, kClaEpisode,
     kClaEpisodeRules},
    {"cla_review",
     "cla_reviews",
     "cla-reviews",
     "Looked-after review",
     "A looked-after child's review",
     Scope::kChildRecord,
     kClaReview,
     {}},
    {"missing_episode", "missing_episodes", "missing-episodes", "Missing episode",
     "A period missing or away from placement", Scope::kChildRecord, kMissing, kMissingRules},
    {"cla_health", "cla_health", "cla-health", "Looked-after health (OC2)",
     "Annual health, dental and SDQ figures for a looked-after child", Scope::kChildRecord,
     kClaHealth, kClaHealthRules},
    {"care_leaver_contact",
     "care_leaver_contacts",
     "care-leaver-contacts",
     "Care leaver contact (OC3)",
     "In touch, activity and accommodation of a care leaver",
     Scope::kChildRecord,
     kCareLeaver,
     {}},
    {"adoption", "adoptions", "adoptions", "Adoption",
     "Adoption milestones: decision, match, placement, order", Scope::kChildRecord, kAdoption,
     kAdoptionRules},
    {"previous_permanence",
     "previous_permanence",
     "previous-permanence",
     "Previous permanence",
     "An adoption, SGO or CAO before this period of care",
     Scope::kChildRecord,
     kPrevPerm,
     {}},
    {"allocation", "allocations", "allocations", "Allocation",
     "A child allocated to a worker and team", Scope::kChildRecord, kAllocation, kAllocationRules},
    {"supervision",
     "supervisions",
     "supervisions",
     "Supervision",
     "A supervision session for a worker",
     Scope::kWorkforce,
     kSupervision,
     {}},
    {"sickness_absence", "sickness_absences", "sickness-absences", "Sickness absence",
     "A worker's period of sickness absence", Scope::kWorkforce, kSickness, kSicknessRules},
    {"wishes_and_feelings",
     "wishes_and_feelings",
     "wishes-and-feelings",
     "Wishes and feelings",
     "The voice of the child, recorded",
     Scope::kChildRecord,
     kWishes,
     {}},
    {"audit_template",
     "audit_templates",
     "audit-templates",
     "Audit template",
     "The themes a case file audit grades, as the council sets them",
     Scope::kImprovement,
     kAuditTemplate,
     {}},
    {"case_audit", "case_audits", "case-audits", "Case file audit",
     "A case file audit: the case's grade, by whom and when; a moderation or a re-audit",
     Scope::kChildRecord, kCaseAudit, kCaseAuditRules},
    {"audit_theme_grade",
     "audit_theme_grades",
     "audit-theme-grades",
     "Audit theme grade",
     "One theme of a case file audit, graded with its evidence",
     Scope::kChildRecord,
     kAuditThemeGrade,
     {}},
    {"audit_action",
     "audit_actions",
     "audit-actions",
     "Audit action",
     "An action a case file audit set: owner, due date, done",
     Scope::kChildRecord,
     kAuditAction,
     {}},
    {"review_outcome",
     "review_outcomes",
     "review-outcomes",
     "Case review outcome",
     "A manager's decision on a case the bulk case review flagged",
     Scope::kChildRecord,
     kReviewOutcomeFields,
     {}},
    {"restricted_access",
     "restricted_access",
     "restricted-access",
     "Restricted record access",
     "A person allowed to see a restricted child's record",
     Scope::kChildRecord,
     kRestrictedAccess,
     {}},
    {"break_glass", "break_glass", "break-glass", "Break-glass access",
     "A look at a child's record outside the legitimate relationship, with its reason and review",
     Scope::kChildRecord, kBreakGlass, kBreakGlassRules},
    {"improvement_plan", "improvement_plans", "improvement-plans", "Improvement plan",
     "A plan of improvement: workstreams, projects, actions, measures and risks",
     Scope::kImprovement, kImprovementPlan, kImprovementPlanRules},
    {"plan_item", "plan_items", "plan-items", "Plan item",
     "A workstream, project or action of an improvement plan", Scope::kImprovement, kPlanItem,
     kPlanItemRules},
    {"plan_dependency",
     "plan_dependencies",
     "plan-dependencies",
     "Plan dependency",
     "One plan item waits for another",
     Scope::kImprovement,
     kPlanDependency,
     {}},
    {"plan_measure", "plan_measures", "plan-measures", "Plan measure",
     "A measure of an improvement plan with its baseline, target and trajectory",
     Scope::kImprovement, kPlanMeasure, kPlanMeasureRules},
    {"measure_value",
     "measure_values",
     "measure-values",
     "Measure value",
     "A value of a plan measure (a survey result or a local figure)",
     Scope::kImprovement,
     kMeasureValue,
     {}},
    {"plan_risk",
     "plan_risks",
     "plan-risks",
     "Plan risk",
     "A risk to an improvement plan: likelihood, impact, mitigation",
     Scope::kImprovement,
     kPlanRisk,
     {}},
};

}  // namespace

const char* FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return "text";
    case FieldType::kInt:
      return "integer";
    case FieldType::kReal:
      return "number";
    case FieldType::kBool:
      return "boolean";
    case FieldType::kDate:
      return "date";
    case FieldType::kTimestamp:
      return "timestamp";
    case FieldType::kCode:
      return "code";
    case FieldType::kCodeSet:
      return "code list";
    case FieldType::kRef:
      return "record id";
  }
  return "text";
}

int EntityDesc::FieldIndex(std::string_view field) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field) return static_cast<int>(i);
  }
  return -1;
}

std::string_view EntityDesc::ChildField() const {
  if (name == "child") return "id";
  if (FieldIndex("child_id") >= 0) return "child_id";
  return {};
}

std::span<const EntityDesc> AllEntities() { return kEntities; }

const EntityDesc* FindEntity(std::string_view name) {
  for (const EntityDesc& e : kEntities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const EntityDesc* FindEntityByPath(std::string_view path) {
  for (const EntityDesc& e : kEntities) {
    if (e.path == path) return &e;
  }
  return nullptr;
}

const EntityDesc& Entity(std::string_view name) {
  const EntityDesc* e = FindEntity(name);
  if (!e) std::abort();
  return *e;
}

}  // namespace sg
