// Code list data. DfE lists follow the 2025/26 collections: the CIN census XML schema
// (CIN_schema_2026.xsd) and the SSDA903 field spec (SSDA903_schema_2017.yml with the 2019, 2022,
// 2024, 2025 and 2026 diffs applied), with labels from DfE's guidance. Lists whose source is
// "Safeguard" are this product's own.

#include <cassert>
#include <cstddef>
#include <iterator>

#include "model/code_list.h"

namespace sg {
namespace {

constexpr std::string_view kCinSource = "DfE CIN census 2025/26 (CIN_schema_2026.xsd)";
constexpr std::string_view k903Source = "DfE SSDA903 2025/26 spec";
constexpr std::string_view kCinAnd903Source =
    "DfE CIN census 2025/26 (CIN_schema_2026.xsd); DfE SSDA903 2025/26 spec";
constexpr std::string_view k903LegacySource =
    "DfE SSDA903 spec to 2023/24 (M/F/U from 2024/25; see list sex)";
constexpr std::string_view kSafeguardSource = "Safeguard";

constexpr CodeEntry kSex[] = {
    {"M", "Male"},
    {"F", "Female"},
    {"U", "Unknown"},
};

constexpr CodeEntry kSex903[] = {
    {"1", "Male"},
    {"2", "Female"},
};

constexpr CodeEntry kEthnicity[] = {
    {"WBRI", "White British"},
    {"WIRI", "White Irish"},
    {"WIRT", "Traveller of Irish heritage"},
    {"WOTH", "Any other White background"},
    {"WROM", "Gypsy/Roma"},
    {"MWBC", "White and Black Caribbean"},
    {"MWBA", "White and Black African"},
    {"MWAS", "White and Asian"},
    {"MOTH", "Any other mixed background"},
    {"AIND", "Indian"},
    {"APKN", "Pakistani"},
    {"ABAN", "Bangladeshi"},
    {"AOTH", "Any other Asian background"},
    {"BCRB", "Caribbean"},
    {"BAFR", "African"},
    {"BOTH", "Any other Black background"},
    {"CHNE", "Chinese"},
    {"OOTH", "Any other ethnic group"},
    {"REFU", "Refused"},
    {"NOBT", "Information not yet obtained"},
};

constexpr CodeEntry kDisability[] = {
    {"NONE", "No disability"}, {"MOB", "Mobility"},      {"HAND", "Hand function"},
    {"PC", "Personal care"},   {"INC", "Incontinence"},  {"COMM", "Communication"},
    {"LD", "Learning"},        {"HEAR", "Hearing"},      {"VIS", "Vision"},
    {"BEH", "Behaviour"},      {"CON", "Consciousness"}, {"AUT", "Autism"},
    {"DDA", "Other"},
};

constexpr CodeEntry kReferralSource[] = {
    {"1A", "Individual - family member, relative or carer"},
    {"1B", "Individual - acquaintance (including neighbours and child minders)"},
    {"1C", "Individual - self"},
    {"1D", "Individual - other (including strangers)"},
    {"2A", "Schools"},
    {"2B", "Education services"},
    {"3A", "Health services - general practitioner (GP)"},
    {"3B", "Health services - health visitor"},
    {"3C", "Health services - school nurse"},
    {"3D", "Health services - other primary health services"},
    {"3E", "Health services - A&E (accident and emergency department)"},
    {"3F", "Health services - other (for example hospice)"},
    {"4", "Housing - local authority housing or housing association"},
    {"5A", "LA services - social care, for example adults social care services"},
    {"5B",
     "LA services - other internal (department other than social care in local authorities, "
     "for example youth offending, excluding housing)"},
    {"5C",
     "LA services - external, for example from another local authority's adults social care "
     "services"},
    {"5D", "LA services - early help"},
    {"6", "Police"},
    {"7",
     "Other legal agency - including courts, probation, immigration, CAFCASS (Children and "
     "Family Court Advisory and Support Service) or prison"},
    {"8",
     "Other - including children's centres, independent agency providers or voluntary "
     "organisations"},
    {"9", "Anonymous"},
    {"10", "Unknown"},
};

constexpr CodeEntry kPrimaryNeed[] = {
    {"N1", "Abuse, neglect and exploitation"},
    {"N2", "Child's disability"},
    {"N3", "Parental disability or illness"},
    {"N4", "Family in acute stress"},
    {"N5", "Family dysfunction"},
    {"N6", "Socially unacceptable behaviour"},
    {"N7", "Low income"},
    {"N8", "Absent parenting"},
    {"N9", "Cases other than children in need"},
    {"N0", "Not stated"},
};

constexpr CodeEntry kCinClosureReason[] = {
    {"RC1", "Adopted"},
    {"RC2", "Died"},
    {"RC3", "Child arrangements order"},
    {"RC4", "Special guardianship order"},
    {"RC5", "Transferred to services of another local authority"},
    {"RC6", "Transferred to adult social care services"},
    {"RC7", "Services ceased for any other reason, including child no longer in need"},
    {"RC8", "Case closed after assessment, no further action"},
    {"RC9", "Case closed after assessment, referred to early help"},
};

constexpr CodeEntry kAssessmentFactor[] = {
    {"1A", "Alcohol misuse: concerns about alcohol misuse by the child"},
    {"1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"},
    {"1C",
     "Alcohol misuse: concerns about alcohol misuse by another person living in the household"},
    {"2A", "Drug misuse: concerns about drug misuse by the child"},
    {"2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"},
    {"2C", "Drug misuse: concerns about drug misuse by another person living in the household"},
    {"3A", "Domestic violence: concerns about the child being the subject of domestic violence"},
    {"3B",
     "Domestic violence: concerns about the child's parent(s)/carer(s) being the subject of "
     "domestic violence"},
    {"3C",
     "Domestic violence: concerns about another person living in the household being the "
     "subject of domestic violence"},
    {"4A", "Mental health: concerns about the mental health of the child"},
    {"4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"},
    {"4C",
     "Mental health: concerns about the mental health of another person in the "
     "family/household"},
    {"5A", "Learning disability: concerns about the child's learning disability"},
    {"5B", "Learning disability: concerns about the parent(s)/carer(s) learning disability"},
    {"5C",
     "Learning disability: concerns about another person in the family/household's learning "
     "disability"},
    {"6A",
     "Physical disability or illness: concerns about a physical disability or illness of the "
     "child"},
    {"6B",
     "Physical disability or illness: concerns about a physical disability or illness of the "
     "parent(s)/carer(s)"},
    {"6C",
     "Physical disability or illness: concerns about a physical disability or illness of "
     "another person in the family/household"},
    {"7A",
     "Young carer: concerns that services may be required or the child's health or "
     "development may be impaired due to their caring responsibilities"},
    {"8B",
     "Privately fostered: concerns that services may be required or the child may be at risk "
     "as a privately fostered child - overseas children who intend to return"},
    {"8C",
     "Privately fostered: concerns that services may be required or the child may be at risk "
     "as a privately fostered child - overseas children who intend to stay"},
    {"8D",
     "Privately fostered: concerns that services may be required or the child may be at risk "
     "as a privately fostered child - UK children in educational placements"},
    {"8E",
     "Privately fostered: concerns that services may be required or the child may be at risk "
     "as a privately fostered child - UK children making alternative family arrangements"},
    {"8F",
     "Privately fostered: concerns that services may be required or the child may be at risk "
     "as a privately fostered child - other"},
    {"9A",
     "UASC: concerns that services may be required or the child may be at risk of harm as an "
     "unaccompanied asylum-seeking child"},
    {"10A",
     "Missing: concerns that services may be required or the child may be at risk of harm due "
     "to going/being missing"},
    {"11A",
     "Child sexual exploitation: concerns that services may be required or the child may be at "
     "risk of harm due to child sexual exploitation"},
    {"12A",
     "Trafficking: concerns that services may be required or the child may be at risk of harm "
     "due to trafficking"},
    {"13A",
     "Gangs: concerns that services may be required or the child may be at risk of harm "
     "because of involvement in/with gangs"},
    {"14A",
     "Socially unacceptable behaviour: concerns that services may be required or the child may "
     "be at risk due to their socially unacceptable behaviour"},
    {"15A",
     "Self-harm: concerns that services may be required or due to suspected/actual "
     "self-harming child may be at risk of harm"},
    {"16A",
     "Abuse or neglect - 'NEGLECT': concerns that services may be required or the child may be "
     "suffering or likely to suffer significant harm due to abuse or neglect"},
    {"17A",
     "Abuse or neglect - 'EMOTIONAL ABUSE': concerns that services may be required or the "
     "child may be suffering or likely to suffer significant harm due to abuse or neglect"},
    {"18A",
     "Abuse or neglect - 'PHYSICAL ABUSE': concerns that services may be required or the child "
     "may be suffering or likely to suffer significant harm due to abuse or neglect (DfE query "
     "8945Q: use 18B or 18C instead)"},
    {"18B",
     "Abuse or neglect - 'PHYSICAL ABUSE' (child on child): concerns that services may be "
     "required or the child may be suffering or likely to suffer significant harm due to abuse "
     "or neglect by another child"},
    {"18C",
     "Abuse or neglect - 'PHYSICAL ABUSE' (adult on child): concerns that services may be "
     "required or the child may be suffering or likely to suffer significant harm due to abuse "
     "or neglect by an adult"},
    {"19A",
     "Abuse or neglect - 'SEXUAL ABUSE': concerns that services may be required or the child "
     "may be suffering or likely to suffer significant harm due to abuse or neglect (DfE query "
     "8950Q: use 19B or 19C instead)"},
    {"19B",
     "Abuse or neglect - 'SEXUAL ABUSE' (child on child): concerns that services may be "
     "required or the child may be suffering or likely to suffer significant harm due to abuse "
     "or neglect by another child"},
    {"19C",
     "Abuse or neglect - 'SEXUAL ABUSE' (adult on child): concerns that services may be "
     "required or the child may be suffering or likely to suffer significant harm due to abuse "
     "or neglect by an adult"},
    {"20", "Other"},
    {"21",
     "No factors identified - only use this if there is no evidence of any of the factors "
     "above and no further action is being taken"},
    {"22A",
     "Female genital mutilation (FGM) - concerns that services may be required or the child "
     "may be at risk due to female genital mutilation"},
    {"23A",
     "Abuse linked to faith or belief - concerns that services may be required or the child "
     "may be at risk due to abuse linked to faith or belief"},
    {"24A",
     "Child criminal exploitation: concerns that services may be required or the child may be "
     "at risk of harm due to child criminal exploitation"},
};

constexpr CodeEntry kCategoryOfAbuse[] = {
    {"NEG", "Neglect"},         {"PHY", "Physical abuse"},           {"SAB", "Sexual abuse"},
    {"EMO", "Emotional abuse"}, {"MUL", "Multiple/not recommended"},
};

constexpr CodeEntry kLegalStatus[] = {
    {"C1", "Interim care order"},
    {"C2", "Full care order"},
    {"D1", "Freeing order granted"},
    {"E1", "Placement order granted"},
    {"V2", "Single period of accommodation under section 20 (Children Act 1989)"},
    {"V3",
     "Accommodated under an agreed series of short-term breaks, when individual episodes of "
     "care are recorded"},
    {"V4",
     "Accommodated under an agreed series of short-term breaks, when agreements are recorded "
     "(not individual episodes of care)"},
    {"L1", "Under police protection and in local authority accommodation"},
    {"L2", "Emergency protection order (EPO)"},
    {"L3", "Under child assessment order and in local authority accommodation"},
    {"J1", "Remanded to local authority accommodation or to youth detention accommodation"},
    {"J2",
     "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, "
     "including secure accommodation"},
    {"J3",
     "Sentenced to a youth rehabilitation order with residence or intensive fostering "
     "requirement"},
};

constexpr CodeEntry kReasonNewEpisode[] = {
    {"S", "Started to be looked after"},
    {"L", "Change of legal status only"},
    {"P", "Change of placement and carer(s) only"},
    {"T", "Change of placement (but same carer(s)) only"},
    {"B", "Change of legal status and placement and carer(s) at the same time"},
    {"U", "Change of legal status and change of placement (but same carer(s)) at the same time"},
};

constexpr CodeEntry kCategoryOfNeed[] = {
    {"N1", "Abuse, neglect and exploitation"},
    {"N2", "Child's disability"},
    {"N3", "Parental illness or disability"},
    {"N4", "Family in acute stress"},
    {"N5", "Family dysfunction"},
    {"N6", "Socially unacceptable behaviour"},
    {"N7", "Low income"},
    {"N8", "Absent parenting"},
};

constexpr CodeEntry kPlacementType[] = {
    {"A3",
     "Placed for adoption with parental/guardian consent with current foster carer(s) "
     "(section 19, Adoption and Children Act 2002)"},
    {"A4",
     "Placed for adoption with parental/guardian consent not with current foster carer(s) "
     "(section 19, Adoption and Children Act 2002)"},
    {"A5",
     "Placed for adoption with placement order with current foster carer(s) (section 21, "
     "Adoption and Children Act 2002)"},
    {"A6",
     "Placed for adoption with placement order not with current foster carer(s) (section 21, "
     "Adoption and Children Act 2002)"},
    {"K1", "Secure children's homes"},
    {"K2", "Children's homes subject to Children's Homes Regulations"},
    {"K3", "Supported accommodation registered with Ofsted"},
    {"P1", "Placed with own parent(s) or other person(s) with parental responsibility"},
    {"P3", "Residential employment"},
    {"R1", "Residential care home"},
    {"R2",
     "National Health Service (NHS)/health trust or other establishment providing medical or "
     "nursing care"},
    {"R3", "Family centre or mother and baby unit"},
    {"R5", "Young offender institution (YOI)"},
    {"S1", "All residential schools, except where dual-registered as a school and children's home"},
    {"T0", "All types of temporary move"},
    {"T1", "Temporary periods in hospital"},
    {"T2", "Temporary absences of the child on holiday"},
    {"T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday"},
    {"T4",
     "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 "
     "to T3"},
    {"U1", "Foster placement with relative(s) or friend(s) - long term fostering"},
    {"U2",
     "Fostering placement with relative(s) or friend(s) who is/are also an approved "
     "adopter(s) - fostering for adoption/concurrent planning"},
    {"U3",
     "Fostering placement with relative(s) or friend(s) who is/are not long-term or fostering "
     "for adoption/concurrent planning"},
    {"U4", "Foster placement with other foster carer(s) - long term fostering"},
    {"U5",
     "Foster placement with other foster carer(s) who is/are also an approved adopter(s) - "
     "fostering for adoption/concurrent planning"},
    {"U6",
     "Foster placement with other foster carer(s) - not long term or fostering for "
     "adoption/concurrent planning"},
    {"Z11", "Other placements (Z11; one of the four codes replacing Z1 from 2025/26)"},
    {"Z12", "Other placements (Z12; one of the four codes replacing Z1 from 2025/26)"},
    {"Z13", "Other placements (Z13; one of the four codes replacing Z1 from 2025/26)"},
    {"Z14", "Other placements (Z14; one of the four codes replacing Z1 from 2025/26)"},
    // Retired codes, kept so that episodes recorded in earlier years can be held and returned.
    {"Z1", "Other placements (retired from 2025/26 for new placements; use Z11-Z14)"},
    {"P2", "Independent living (retired from 2024/25)"},
    {"H5",
     "Semi-independent living accommodation not subject to children's homes regulations "
     "(retired from 2024/25)"},
};

constexpr CodeEntry kPlacementProvider[] = {
    {"PR0", "Parent(s) or other person(s) with parental responsibility"},
    {"PR1",
     "Own provision (by the local authority), including a regional adoption agency where the "
     "child's responsible local authority is the host authority"},
    {"PR2",
     "Other local authority provision, including a regional adoption agency where another "
     "local authority is the host authority"},
    {"PR3", "Other public provision (for example, a primary care trust)"},
    {"PR4", "Private provision"},
    {"PR5", "Voluntary/third sector provision"},
};

constexpr CodeEntry kReasonEpisodeCeased[] = {
    {"X1", "Episode ceases, and new episode begins on same day, for any reason"},
    {"E11", "Adopted - application for an adoption order unopposed"},
    {"E12", "Adopted - consent dispensed with by the court"},
    {"E2", "Died"},
    {"E3", "Care taken over by another local authority in the UK"},
    {"E4A",
     "Returned home to live with parent(s), relative(s), or other person(s) with parental "
     "responsibility as part of the care planning process"},
    {"E4B",
     "Returned home to live with parent(s), relative(s), or other person(s) with parental "
     "responsibility which was not part of the current care planning process"},
    {"E13",
     "Left care to live with parent(s), relative(s), or other person(s) with no parental "
     "responsibility"},
    {"E41",
     "Residence order (or, from 22 April 2014, a child arrangements order which sets out with "
     "whom the child is to live) granted"},
    {"E45",
     "Special guardianship order made to former foster carer(s), who was/are a relative(s) or "
     "friend(s)"},
    {"E46",
     "Special guardianship order made to former foster carer(s), other than relative(s) or "
     "friend(s)"},
    {"E47",
     "Special guardianship order made to carer(s), other than former foster carer(s), who "
     "was/are a relative(s) or friend(s)"},
    {"E48",
     "Special guardianship order made to carer(s), other than former foster carer(s), other "
     "than relative(s) or friend(s)"},
    {"E5",
     "Moved into independent living arrangement and no longer looked after: supportive "
     "accommodation providing formalised advice/support arrangements"},
    {"E6",
     "Moved into independent living arrangement and no longer looked after: accommodation "
     "providing no formalised advice/support arrangements"},
    {"E7", "Transferred to residential care funded by adult social care services"},
    {"E9", "Sentenced to custody"},
    {"E14", "Accommodation on remand ended"},
    {"E15", "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply"},
    {"E16", "Child moved abroad"},
    {"E17", "Aged 18 (or over) and remained with current carers (including staying put)"},
    {"E8",
     "Period of being looked after ceased for any other reason (where none of the other "
     "reasons apply)"},
};

constexpr CodeEntry kReasonPlaceChange[] = {
    {"CARPL", "Change to/implementation of care plan"},
    {"CLOSE", "Resignation/closure of provision"},
    {"ALLEG", "Allegation (s47)"},
    {"STAND", "Standards of care concern"},
    {"APPRR", "Approval removed"},
    {"CREQB", "Carer(s) requests placement end due to child's behaviour"},
    {"CREQO", "Carer(s) requests placement end other than due to child's behaviour"},
    {"CHILD", "Child requests placement end"},
    {"LAREQ", "Responsible/area authority requests placement end"},
    {"PLACE", "Change in the status of placement only"},
    {"CUSTOD", "Custody arrangement"},
    {"OTHER", "Other"},
};

constexpr CodeEntry kReviewParticipation[] = {
    {"PN0", "Child aged under 4 at the time of the review"},
    {"PN1", "Child physically attends and speaks for themselves"},
    {"PN2", "Child physically attends and an advocate speaks on their behalf"},
    {"PN3", "Child attends and conveys their view symbolically (non-verbally)"},
    {"PN4", "Child physically attends but does not contribute"},
    {"PN5", "Child does not attend physically but briefs an advocate to speak for them"},
    {"PN6",
     "Child does not attend but conveys their feelings to the review by a facilitative "
     "medium"},
    {"PN7", "Child does not attend nor are their views conveyed to the review"},
};

constexpr CodeEntry kMissingType[] = {
    {"M",
     "Missing from care: not at their placement or the place they are expected to be, and "
     "whereabouts not known"},
    {"A",
     "Away from placement without authorisation: whereabouts known but not at their placement "
     "or the place they are expected to be"},
};

constexpr CodeEntry kCareLeaverInTouch[] = {
    {"YES", "Yes - in touch"},
    {"NO", "No - not in touch"},
    {"DIED", "Died after leaving care"},
    {"REFU", "Young person refuses contact"},
    {"NREQ", "Young person no longer requires children's social care services"},
    {"RHOM",
     "Young person returned to live with parents or someone with parental responsibility for a "
     "continuous period of 6 months or more"},
};

constexpr CodeEntry kCareLeaverActivity[] = {
    {"F1", "Full time in higher education (studies beyond A level)"},
    {"P1", "Part time in higher education (studies beyond A level)"},
    {"F2", "Full time in education other than higher education"},
    {"P2", "Part time in education other than higher education"},
    {"F4", "Full time in an apprenticeship"},
    {"P4", "Part time in an apprenticeship"},
    {"F5", "Full time in training or employment (not apprenticeship)"},
    {"P5", "Part time in training or employment (not apprenticeship)"},
    {"G4", "Not in education, employment or training because of illness or disability"},
    {"G5", "Not in education, employment or training: other circumstances"},
    {"G6", "Not in education, employment or training due to pregnancy or parenting"},
    {"0", "Not in touch and activity not known, or died, or returned home for 6 months or more"},
};

constexpr CodeEntry kCareLeaverAccommodation[] = {
    {"B1", "With parents or relatives - suitable"},
    {"B2", "With parents or relatives - not suitable"},
    {"C1", "Community home or other residential care, such as an NHS establishment - suitable"},
    {"C2", "Community home or other residential care, such as an NHS establishment - not suitable"},
    {"D1", "Semi-independent, transitional accommodation - suitable"},
    {"D2", "Semi-independent, transitional accommodation - not suitable"},
    {"E1", "Supported lodgings - suitable"},
    {"E2", "Supported lodgings - not suitable"},
    {"G1", "Gone abroad - suitable"},
    {"G2", "Gone abroad - not suitable"},
    {"H1", "Deported - suitable"},
    {"H2", "Deported - not suitable"},
    {"K1", "Ordinary lodgings, without formal support - suitable"},
    {"K2", "Ordinary lodgings, without formal support - not suitable"},
    {"R1", "Residence not known - suitable"},
    {"R2", "Residence not known - not suitable"},
    {"S1", "No fixed abode/homeless - suitable"},
    {"S2", "No fixed abode/homeless - not suitable"},
    {"T1", "Foyers and similar supported accommodation - suitable"},
    {"T2", "Foyers and similar supported accommodation - not suitable"},
    {"U1", "Independent living - suitable"},
    {"U2", "Independent living - not suitable"},
    {"V1", "Emergency accommodation - suitable"},
    {"V2", "Emergency accommodation - not suitable"},
    {"W1", "Bed and breakfast - suitable"},
    {"W2", "Bed and breakfast - not suitable"},
    {"X1", "In custody - suitable"},
    {"X2", "In custody - not suitable"},
    {"Y1", "Other accommodation - suitable"},
    {"Y2", "Other accommodation - not suitable"},
    {"Z1", "With former foster carer(s) - suitable"},
    {"Z2", "With former foster carer(s) - not suitable"},
    {"0",
     "Not in touch and accommodation not known, or died, or returned home for 6 months or "
     "more"},
};

constexpr CodeEntry kAdopterSex[] = {
    {"M1", "Single male"},   {"F1", "Single female"},      {"MM", "Male couple"},
    {"FF", "Female couple"}, {"MF", "Male/female couple"},
};

constexpr CodeEntry kAdopterLegalStatus[] = {
    {"L0", "Single adopter"},
    {"L11", "Different gender married couple"},
    {"L12", "Same gender married couple"},
    {"L2", "Civil partnership couple"},
    {"L3", "Different gender couple not married or in a civil partnership"},
    {"L4", "Same gender couple not married or in a civil partnership"},
};

constexpr CodeEntry kReasonPlacedCeased[] = {
    {"RD1", "The child's needs changed subsequent to the decision"},
    {"RD2", "The court did not make a placement order"},
    {"RD3", "Prospective adopters could not be found"},
    {"RD4", "Any other reason"},
};

constexpr CodeEntry kPreviousPermanence[] = {
    {"P1", "Adoption"},
    {"P2", "Special guardianship order (SGO)"},
    {"P3",
     "Residence order (RO) or child arrangements order (CAO) which sets out with whom the "
     "child is to live"},
    {"P4", "Unknown"},
    {"Z1", "Child has not previously had a permanence option"},
};

constexpr CodeEntry kSdqReason[] = {
    {"SDQ1", "No form returned as child was aged under 4 or over 16 at date of latest assessment"},
    {"SDQ2", "Carer(s) refused to complete and return questionnaire"},
    {"SDQ3",
     "Not possible to complete the questionnaire due to severity of the child's disability"},
    {"SDQ4", "Other"},
    {"SDQ5", "Child or young person refuses to allow an SDQ to be completed"},
};

constexpr CodeEntry kContactDecision[] = {
    {"NFA", "No further action"},
    {"ADVICE_AND_INFORMATION", "Advice and information given"},
    {"EARLY_HELP", "Refer to early help"},
    {"SINGLE_AGENCY", "Single-agency response"},
    {"REFERRAL", "Referral to children's social care"},
    {"STRATEGY_DISCUSSION", "Strategy discussion (immediate safeguarding concern)"},
    {"EXISTING_OPEN_CASE", "Existing open case - pass to allocated worker"},
};

constexpr CodeEntry kRagRating[] = {
    {"RED", "Red - high risk"},
    {"AMBER", "Amber - medium risk"},
    {"GREEN", "Green - low risk"},
};

constexpr CodeEntry kMashAgency[] = {
    {"POLICE", "Police"},
    {"HEALTH", "Health"},
    {"EDUCATION", "Education"},
    {"PROBATION", "Probation"},
    {"HOUSING", "Housing"},
    {"ADULT_SOCIAL_CARE", "Adult social care"},
    {"MENTAL_HEALTH", "Mental health services"},
    {"SUBSTANCE_MISUSE", "Substance misuse services"},
    {"YOUTH_JUSTICE", "Youth justice service"},
    {"EARLY_HELP", "Early help"},
    {"OTHER", "Other agency"},
};

constexpr CodeEntry kMashCheckOutcome[] = {
    {"REQUESTED", "Requested - awaiting response"}, {"INFORMATION_SHARED", "Information shared"},
    {"NOT_KNOWN", "Not known to the agency"},       {"DECLINED", "Agency declined to share"},
    {"NOT_REQUIRED", "Check not required"},
};

constexpr CodeEntry kEarlyHelpOutcome[] = {
    {"NEEDS_MET", "Needs met"},
    {"STEP_UP_TO_SOCIAL_CARE", "Stepped up to children's social care"},
    {"STEP_DOWN_TO_UNIVERSAL", "Stepped down to universal services"},
    {"FAMILY_DISENGAGED", "Family disengaged"},
    {"MOVED_AWAY", "Family moved away"},
    {"OTHER", "Other"},
};

constexpr CodeEntry kRelationshipType[] = {
    {"MOTHER", "Mother"},
    {"FATHER", "Father"},
    {"STEP_PARENT", "Step-parent"},
    {"SIBLING", "Sibling"},
    {"HALF_SIBLING", "Half-sibling"},
    {"GRANDPARENT", "Grandparent"},
    {"OTHER_RELATIVE", "Other relative"},
    {"FOSTER_CARER", "Foster carer"},
    {"KINSHIP_CARER", "Kinship carer"},
    {"GUARDIAN", "Guardian"},
    {"OTHER", "Other"},
};

constexpr CodeEntry kRole[] = {
    {"SOCIAL_WORKER", "Social worker"},
    {"TEAM_MANAGER", "Team manager"},
    {"FRONT_DOOR", "Front Door / MASH"},
    {"IRO", "Independent reviewing officer"},
    {"AUDITOR", "Auditor"},
    {"ANALYST", "Performance analyst"},
    {"SENIOR_LEADER", "Senior leader"},
    {"SCRUTINY_MEMBER", "Scrutiny member"},
    {"ADMIN", "Administrator"},
};

constexpr CodeEntry kWorkerRole[] = {
    {"SOCIAL_WORKER", "Social worker"},
    {"SENIOR_PRACTITIONER", "Senior practitioner"},
    {"ADVANCED_PRACTITIONER", "Advanced practitioner"},
    {"ASYE", "Newly qualified social worker (ASYE)"},
    {"TEAM_MANAGER", "Team manager"},
    {"SERVICE_MANAGER", "Service manager"},
    {"IRO", "Independent reviewing officer"},
    {"FAMILY_SUPPORT_WORKER", "Family support worker"},
    {"PERSONAL_ADVISER", "Personal adviser"},
};

constexpr CodeEntry kVisitType[] = {
    {"CP", "Child protection visit"},    {"CIN", "Child in need visit"},
    {"CLA", "Looked-after child visit"}, {"CARE_LEAVER", "Care leaver contact"},
    {"EARLY_HELP", "Early help visit"},
};

constexpr CodeEntry kCpConferenceType[] = {
    {"ICPC", "Initial child protection conference"},
    {"RCPC", "Review child protection conference"},
    {"TRANSFER_IN", "Transfer-in child protection conference"},
};

constexpr CodeEntry kAssessmentOutcome[] = {
    {"NFA", "No further action"},
    {"CIN_PLAN", "Child in need plan"},
    {"STRATEGY_DISCUSSION", "Strategy discussion"},
    {"LOOKED_AFTER", "Child to become looked after"},
    {"EARLY_HELP", "Step down to early help"},
    {"SINGLE_AGENCY", "Step down to single-agency support"},
    {"FURTHER_ASSESSMENT", "Further assessment"},
};
// Ofsted's four grades, as councils grade case file audits.
constexpr CodeEntry kAuditGrade[] = {
    {"OUTSTANDING", "Outstanding"},
    {"GOOD", "Good"},
    {"REQUIRES_IMPROVEMENT", "Requires improvement"},
    {"INADEQUATE", "Inadequate"},
};
// What a manager decided about a case the bulk case review flagged.
constexpr CodeEntry kReviewOutcome[] = {
    {"CONFIRMED", "Drift confirmed: actions agreed with the worker"},
    {"REOPENED", "Closed case reopened"},
    {"ESCALATED", "Escalated (strategy discussion, child protection or senior manager)"},
    {"NO_CONCERN", "No concern: the record was out of date or the finding does not apply"},
};
// Improvement plans (Safeguard's own lists).
constexpr CodeEntry kPlanStatus[] = {
    {"DRAFT", "Draft"},
    {"ACTIVE", "Active"},
    {"CLOSED", "Closed"},
};
constexpr CodeEntry kPlanItemKind[] = {
    {"WORKSTREAM", "Workstream"},
    {"PROJECT", "Project"},
    {"ACTION", "Action"},
};
constexpr CodeEntry kPlanItemStatus[] = {
    {"NOT_STARTED", "Not started"}, {"IN_PROGRESS", "In progress"}, {"BLOCKED", "Blocked"},
    {"COMPLETE", "Complete"},       {"CANCELLED", "Cancelled"},
};
constexpr CodeEntry kMeasureKind[] = {
    {"INDICATOR", "An indicator computed from the record"},
    {"CHILD_VOICE", "Children's and young people's views (survey results)"},
    {"LOCAL", "A local measure, values entered by hand"},
};
constexpr CodeEntry kRiskStatus[] = {
    {"OPEN", "Open"},
    {"CLOSED", "Closed"},
};
constexpr CodeEntry kBreakGlassOutcome[] = {
    {"JUSTIFIED", "Justified"},
    {"NOT_JUSTIFIED", "Not justified: referred to information governance"},
};

constexpr CodeList kLists[] = {
    {CodeListId::kSex, "sex", "Sex", kCinAnd903Source, kSex},
    {CodeListId::kSex903, "sex_903", "Sex (SSDA903 before 2024/25)", k903LegacySource, kSex903},
    {CodeListId::kEthnicity, "ethnicity", "Ethnicity", kCinAnd903Source, kEthnicity},
    {CodeListId::kDisability, "disability", "Disability", kCinSource, kDisability},
    {CodeListId::kReferralSource, "referral_source", "Referral source", kCinSource,
     kReferralSource},
    {CodeListId::kPrimaryNeed, "primary_need", "Primary need", kCinSource, kPrimaryNeed},
    {CodeListId::kCinClosureReason, "cin_closure_reason", "Reason for closure", kCinSource,
     kCinClosureReason},
    {CodeListId::kAssessmentFactor, "assessment_factor", "Factors identified at assessment",
     kCinSource, kAssessmentFactor},
    {CodeListId::kCategoryOfAbuse, "category_of_abuse", "Category of abuse", kCinSource,
     kCategoryOfAbuse},
    {CodeListId::kLegalStatus, "legal_status", "Legal status", k903Source, kLegalStatus},
    {CodeListId::kReasonNewEpisode, "reason_new_episode", "Reason for new episode", k903Source,
     kReasonNewEpisode},
    {CodeListId::kCategoryOfNeed, "category_of_need", "Category of need", k903Source,
     kCategoryOfNeed},
    {CodeListId::kPlacementType, "placement_type", "Placement type", k903Source, kPlacementType},
    {CodeListId::kPlacementProvider, "placement_provider", "Placement provider", k903Source,
     kPlacementProvider},
    {CodeListId::kReasonEpisodeCeased, "reason_episode_ceased", "Reason episode ceased", k903Source,
     kReasonEpisodeCeased},
    {CodeListId::kReasonPlaceChange, "reason_place_change", "Reason for placement change",
     k903Source, kReasonPlaceChange},
    {CodeListId::kReviewParticipation, "review_participation", "Participation in review",
     k903Source, kReviewParticipation},
    {CodeListId::kMissingType, "missing_type", "Missing or away from placement", k903Source,
     kMissingType},
    {CodeListId::kCareLeaverInTouch, "care_leaver_in_touch", "Care leaver in touch", k903Source,
     kCareLeaverInTouch},
    {CodeListId::kCareLeaverActivity, "care_leaver_activity", "Care leaver activity", k903Source,
     kCareLeaverActivity},
    {CodeListId::kCareLeaverAccommodation, "care_leaver_accommodation", "Care leaver accommodation",
     k903Source, kCareLeaverAccommodation},
    {CodeListId::kAdopterSex, "adopter_sex", "Sex of adopter(s)", k903Source, kAdopterSex},
    {CodeListId::kAdopterLegalStatus, "adopter_legal_status", "Legal status of adopter(s)",
     k903Source, kAdopterLegalStatus},
    {CodeListId::kReasonPlacedCeased, "reason_placed_ceased",
     "Reason child no longer to be placed for adoption", k903Source, kReasonPlacedCeased},
    {CodeListId::kPreviousPermanence, "previous_permanence", "Previous permanence option",
     k903Source, kPreviousPermanence},
    {CodeListId::kSdqReason, "sdq_reason", "Reason SDQ not completed", k903Source, kSdqReason},
    {CodeListId::kContactDecision, "contact_decision", "Front Door contact decision",
     kSafeguardSource, kContactDecision},
    {CodeListId::kRagRating, "rag_rating", "RAG rating", kSafeguardSource, kRagRating},
    {CodeListId::kMashAgency, "mash_agency", "MASH partner agency", kSafeguardSource, kMashAgency},
    {CodeListId::kMashCheckOutcome, "mash_check_outcome", "MASH agency check outcome",
     kSafeguardSource, kMashCheckOutcome},
    {CodeListId::kEarlyHelpOutcome, "early_help_outcome", "Early help outcome", kSafeguardSource,
     kEarlyHelpOutcome},
    {CodeListId::kRelationshipType, "relationship_type", "Relationship type", kSafeguardSource,
     kRelationshipType},
    {CodeListId::kRole, "role", "User role", kSafeguardSource, kRole},
    {CodeListId::kWorkerRole, "worker_role", "Worker job role", kSafeguardSource, kWorkerRole},
    {CodeListId::kVisitType, "visit_type", "Visit type", kSafeguardSource, kVisitType},
    {CodeListId::kCpConferenceType, "cp_conference_type", "Child protection conference type",
     kSafeguardSource, kCpConferenceType},
    {CodeListId::kAssessmentOutcome, "assessment_outcome", "Assessment outcome", kSafeguardSource,
     kAssessmentOutcome},
    {CodeListId::kAuditGrade, "audit_grade", "Case file audit grade", kSafeguardSource,
     kAuditGrade},
    {CodeListId::kReviewOutcome, "review_outcome", "Case review outcome", kSafeguardSource,
     kReviewOutcome},
    {CodeListId::kPlanStatus, "plan_status", "Improvement plan status", kSafeguardSource,
     kPlanStatus},
    {CodeListId::kPlanItemKind, "plan_item_kind", "Improvement plan item kind", kSafeguardSource,
     kPlanItemKind},
    {CodeListId::kPlanItemStatus, "plan_item_status", "Improvement plan item status",
     kSafeguardSource, kPlanItemStatus},
    {CodeListId::kMeasureKind, "measure_kind", "Improvement plan measure kind", kSafeguardSource,
     kMeasureKind},
    {CodeListId::kRiskStatus, "risk_status", "Risk status", kSafeguardSource, kRiskStatus},
    {CodeListId::kBreakGlassOutcome, "break_glass_outcome", "Break-glass review outcome",
     kSafeguardSource, kBreakGlassOutcome},
};

static_assert(std::size(kLists) == static_cast<std::size_t>(CodeListId::kCount),
              "kLists must have one entry per CodeListId");

constexpr bool IdsMatchIndexes() {
  for (std::size_t i = 0; i < std::size(kLists); ++i) {
    if (static_cast<std::size_t>(kLists[i].id) != i) return false;
  }
  return true;
}
static_assert(IdsMatchIndexes(), "kLists[i].id must equal CodeListId(i)");

constexpr bool ListsAreWellFormed() {
  for (std::size_t i = 0; i < std::size(kLists); ++i) {
    const CodeList& list = kLists[i];
    if (list.name.empty() || list.title.empty() || list.source.empty() || list.entries.empty()) {
      return false;
    }
    for (std::size_t j = i + 1; j < std::size(kLists); ++j) {
      if (kLists[j].name == list.name) return false;
    }
    for (std::size_t a = 0; a < list.entries.size(); ++a) {
      if (list.entries[a].code.empty() || list.entries[a].label.empty()) return false;
      for (std::size_t b = a + 1; b < list.entries.size(); ++b) {
        if (list.entries[a].code == list.entries[b].code) return false;
      }
    }
  }
  return true;
}
static_assert(ListsAreWellFormed(),
              "every list needs a unique name, a title, a source and unique non-empty codes");

}  // namespace

const CodeList& GetCodeList(CodeListId id) {
  assert(id != CodeListId::kCount);
  return kLists[static_cast<std::size_t>(id)];
}

std::span<const CodeList> AllCodeLists() { return kLists; }

const CodeList* FindCodeListByName(std::string_view name) {
  for (const CodeList& list : kLists) {
    if (list.name == name) return &list;
  }
  return nullptr;
}

const CodeEntry* FindCode(CodeListId id, std::string_view code) {
  if (static_cast<std::size_t>(id) >= std::size(kLists)) return nullptr;
  for (const CodeEntry& entry : kLists[static_cast<std::size_t>(id)].entries) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace sg
