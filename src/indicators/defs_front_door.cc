// Front Door, referrals and assessments.
#include "indicators/defs_util.h"

namespace sg::ind {
namespace {
using namespace defs;

// DfE's referral sources, grouped as LAIT groups them.
constexpr std::string_view kPolice[] = {"6"};
constexpr std::string_view kSchools[] = {"2A"};
constexpr std::string_view kHealth[] = {"3A", "3B", "3C", "3D", "3E", "3F"};

// ---- Contacts ----

void Contacts(const Facts& f, Tally& t) {
  for (const FContact& c : f.contacts) {
    const Day d = c.received_day;
    t.AddAllocated(t.PeriodOf(d), c.child, c.alloc, d, 1, 0);
  }
}

// Contacts received in the period and decided: share with a decision in `codes`.
template <size_t N>
void ContactOutcome(const Facts& f, Tally& t, const std::string_view (&codes)[N]) {
  for (const FContact& c : f.contacts) {
    if (c.decided == 0 || c.decision.empty()) continue;
    const Day d = c.received_day;
    bool hit = false;
    for (std::string_view code : codes) hit |= c.decision == code;
    t.AddAllocated(t.PeriodOf(d), c.child, c.alloc, d, hit ? 1 : 0, 1);
  }
}
// Contacts received in the period: share from a source in `codes`.
template <size_t N>
void ContactSource(const Facts& f, Tally& t, const std::string_view (&codes)[N]) {
  for (const FContact& c : f.contacts) {
    bool hit = false;
    for (std::string_view code : codes) hit |= c.source == code;
    const Day d = c.received_day;
    t.AddAllocated(t.PeriodOf(d), c.child, c.alloc, d, hit ? 1 : 0, 1);
  }
}
void ContactPolice(const Facts& f, Tally& t) { ContactSource(f, t, kPolice); }
void ContactSchools(const Facts& f, Tally& t) { ContactSource(f, t, kSchools); }
void ContactHealth(const Facts& f, Tally& t) { ContactSource(f, t, kHealth); }

constexpr std::string_view kToReferral[] = {"REFERRAL", "STRATEGY_DISCUSSION"};
constexpr std::string_view kNfa[] = {"NFA", "ADVICE_AND_INFORMATION"};
constexpr std::string_view kEarlyHelp[] = {"EARLY_HELP"};
void ContactToReferral(const Facts& f, Tally& t) { ContactOutcome(f, t, kToReferral); }
void ContactNfa(const Facts& f, Tally& t) { ContactOutcome(f, t, kNfa); }
void ContactEarlyHelp(const Facts& f, Tally& t) { ContactOutcome(f, t, kEarlyHelp); }

void ContactDecided1Wd(const Facts& f, Tally& t) {
  for (const FContact& c : f.contacts) {
    const Day d = c.received_day;
    const int p = t.PeriodOf(d);
    if (p < 0 || c.decided == 0) continue;
    t.AddAllocated(p, c.child, c.alloc, d, WithinWorkingDays(d, c.decided_day, 1) ? 1 : 0, 1);
  }
}

void ContactDecided24h(const Facts& f, Tally& t) {
  for (const FContact& c : f.contacts) {
    const Day d = c.received_day;
    const int p = t.PeriodOf(d);
    if (p < 0 || c.decided == 0) continue;
    t.AddAllocated(p, c.child, c.alloc, d,
                   c.decided - c.received <= std::int64_t{24} * 3600 ? 1 : 0, 1);
  }
}

void ContactsAwaiting(const Facts& f, Tally& t) {
  // Received on or before the reference date and not decided by the end of it.
  for (const FContact& c : f.contacts) {
    const Day received = c.received_day;
    const Day decided = c.decided_day;
    auto [a, b] = t.PeriodsEnding(received, decided == kOpen ? kOpen : decided - 1);
    for (int p = a; p < b; ++p) t.Add(p, c.child, kNone, t.To(p), 1, 0);
  }
}

// ---- Referrals ----

void Referrals(const Facts& f, Tally& t) {
  for (const FReferral& r : f.referrals)
    t.AddAllocated(t.PeriodOf(r.date), r.child, r.alloc, r.date, 1, 0);
}

void ReReferrals(const Facts& f, Tally& t) {
  for (size_t c = 0; c < f.children.size(); ++c) {
    Day previous = kNoDay;
    for (Ix i : ReferralsOf(f, static_cast<Ix>(c))) {
      const FReferral& r = f.referrals[static_cast<size_t>(i)];
      // Within 12 months: on or before the first anniversary of the previous referral.
      const bool again = previous != kNoDay && r.date <= AddYears(previous, 1);
      t.AddAllocated(t.PeriodOf(r.date), r.child, r.alloc, r.date, again ? 1 : 0, 1);
      previous = r.date;
    }
  }
}

void ReferralNfa(const Facts& f, Tally& t) {
  for (const FReferral& r : f.referrals) {
    t.AddAllocated(t.PeriodOf(r.date), r.child, r.alloc, r.date, r.nfa ? 1 : 0, 1);
  }
}

void ReferralNotInNeed(const Facts& f, Tally& t) {
  // Closed after assessment with no further action (RC8), as DfE counts "assessed not in need".
  // A referral with no further action had no assessment (DfE rule 8831), whatever its closure
  // code: NFA referrals are often closed RC8 on the day, and are not "assessed not in need".
  for (const FReferral& r : f.referrals) {
    const bool not_in_need = !r.nfa && r.closure_reason == "RC8";
    t.AddAllocated(t.PeriodOf(r.date), r.child, r.alloc, r.date, not_in_need ? 1 : 0, 1);
  }
}

template <size_t N>
void ReferralSource(const Facts& f, Tally& t, const std::string_view (&codes)[N]) {
  for (const FReferral& r : f.referrals) {
    bool hit = false;
    for (std::string_view code : codes) hit |= r.source == code;
    t.AddAllocated(t.PeriodOf(r.date), r.child, r.alloc, r.date, hit ? 1 : 0, 1);
  }
}
void ReferralPolice(const Facts& f, Tally& t) { ReferralSource(f, t, kPolice); }
void ReferralSchools(const Facts& f, Tally& t) { ReferralSource(f, t, kSchools); }
void ReferralHealth(const Facts& f, Tally& t) { ReferralSource(f, t, kHealth); }

// ---- Assessments ----

void AssessmentsCompleted(const Facts& f, Tally& t) {
  for (const FAssessment& a : f.assessments) {
    t.Add(t.PeriodOf(a.authorised), a.child, a.worker, a.authorised, 1, 0);
  }
}

void Assessment45(const Facts& f, Tally& t) {
  for (const FAssessment& a : f.assessments) {
    const int p = t.PeriodOf(a.authorised);
    if (p < 0 || a.referral == kNone) continue;
    const Day referred = f.referrals[static_cast<size_t>(a.referral)].date;
    t.Add(p, a.child, a.worker, a.authorised, WithinWorkingDays(referred, a.authorised, 45) ? 1 : 0,
          1);
  }
}

void AssessmentMedianDays(const Facts& f, Tally& t) {
  for (const FAssessment& a : f.assessments) {
    const int p = t.PeriodOf(a.authorised);
    if (p < 0) continue;
    const int days = WorkingDaysBetween(a.start, a.authorised);
    if (days >= 0) t.AddValue(p, a.child, a.worker, a.authorised, days);
  }
}

void AssessmentSeen(const Facts& f, Tally& t) {
  for (const FAssessment& a : f.assessments) {
    const bool seen = a.seen != kNoDay && a.seen <= a.authorised;
    t.Add(t.PeriodOf(a.authorised), a.child, a.worker, a.authorised, seen ? 1 : 0, 1);
  }
}

void AssessmentSeenAlone(const Facts& f, Tally& t) {
  for (const FAssessment& a : f.assessments) {
    const bool alone = a.seen != kNoDay && a.seen <= a.authorised && a.seen_alone;
    t.Add(t.PeriodOf(a.authorised), a.child, a.worker, a.authorised, alone ? 1 : 0, 1);
  }
}

void AssessmentsOverdue(const Facts& f, Tally& t) {
  // Open at the end of the reference date and past the 45th working day after the referral.
  for (const FAssessment& a : f.assessments) {
    if (a.referral == kNone) continue;
    const Day referred = f.referrals[static_cast<size_t>(a.referral)].date;
    auto due = Cal().AddWorkingDays(Date::FromDays(referred), 45);
    if (!due.ok()) continue;
    const Day overdue_from = due->days() + 1;
    auto [b, e] = t.PeriodsEnding(std::max(a.start, overdue_from),
                                  a.authorised == kOpen ? kOpen : a.authorised - 1);
    for (int p = b; p < e; ++p) t.Add(p, a.child, a.worker, t.To(p), 1, 0);
  }
}

constexpr unsigned kFd = kHasFrontDoor;
constexpr unsigned kCin = kHasCin;

const IndicatorDef kDefs[] = {
    {"contacts", "Front Door", "Contacts received",
     "How many contacts about children the Front Door received.",
     "Contacts received in the period (each contact counted, a child may have several)", "",
     "by the date the contact was received", "", Unit::kCount, Polarity::kNeither, kFd, "",
     Contacts},
    {"contact_source_police_pct", "Front Door", "Contacts from the police",
     "Of the contacts received, how many came from the police.",
     "Contacts received in the period with source 6 (police)", "Contacts received in the period",
     "by the date received", "", Unit::kPercent, Polarity::kNeither, kFd, "", ContactPolice},
    {"contact_source_schools_pct", "Front Door", "Contacts from schools",
     "Of the contacts received, how many came from schools.",
     "Contacts received in the period with source 2A (schools)", "Contacts received in the period",
     "by the date received", "", Unit::kPercent, Polarity::kNeither, kFd, "", ContactSchools},
    {"contact_source_health_pct", "Front Door", "Contacts from health services",
     "Of the contacts received, how many came from health services.",
     "Contacts received in the period with sources 3A-3F (health services)",
     "Contacts received in the period", "by the date received", "", Unit::kPercent,
     Polarity::kNeither, kFd, "", ContactHealth},
    {"contact_referral_pct", "Front Door", "Contacts that became referrals",
     "Of the contacts decided, how many were passed to children's social care as a referral or "
     "a strategy discussion.",
     "Contacts received in the period whose Front Door decision was a referral or a strategy "
     "discussion",
     "Contacts received in the period with a decision recorded", "by the date received",
     "contacts not yet decided", Unit::kPercent, Polarity::kNeither, kFd, "", ContactToReferral},
    {"contact_nfa_pct", "Front Door", "Contacts closed with no further action",
     "Of the contacts decided, how many needed no further action (or advice and information only).",
     "Contacts received in the period decided NFA or advice and information",
     "Contacts received in the period with a decision recorded", "by the date received",
     "contacts not yet decided", Unit::kPercent, Polarity::kNeither, kFd, "", ContactNfa},
    {"contact_early_help_pct", "Front Door", "Contacts stepped to early help",
     "Of the contacts decided, how many were passed to early help.",
     "Contacts received in the period decided \"refer to early help\"",
     "Contacts received in the period with a decision recorded", "by the date received",
     "contacts not yet decided", Unit::kPercent, Polarity::kNeither, kFd, "", ContactEarlyHelp},
    {"contact_decided_1wd_pct", "Front Door", "Contact decisions within 1 working day",
     "How many contacts had a decision by the end of the next working day (Working Together: "
     "within one working day).",
     "Contacts received in the period decided on or before the first working day after the day "
     "received (UK time; weekends and bank holidays of England are not working days)",
     "Contacts received in the period with a decision recorded", "by the date received",
     "contacts not yet decided", Unit::kPercent, Polarity::kHigherBetter, kFd, "",
     ContactDecided1Wd},
    {"contact_decided_24h_pct", "Front Door", "Contact decisions within 24 hours",
     "How many contacts had a decision within 24 hours of arriving.",
     "Contacts received in the period decided within 24 hours of the time received",
     "Contacts received in the period with a decision recorded", "by the date received",
     "contacts not yet decided", Unit::kPercent, Polarity::kHigherBetter, kFd, "",
     ContactDecided24h},
    {"contacts_awaiting_decision", "Front Door", "Contacts awaiting a decision",
     "How many contacts were still waiting for a Front Door decision at the end of the period.",
     "Contacts received on or before the reference date with no decision by the end of it", "",
     "on the period's last day", "", Unit::kCount, Polarity::kLowerBetter, kFd, "",
     ContactsAwaiting},
    {"referrals", "Referrals", "Referrals received",
     "How many referrals to children's social care there were.",
     "Referrals (CIN episodes) starting in the period; a child referred twice counts twice", "",
     "by CINreferralDate", "", Unit::kCount, Polarity::kNeither, kCin, "referrals", Referrals},
    {"referral_rate", "Referrals", "Referrals per 10,000 children",
     "Referrals in the period for every 10,000 children living in the area.",
     "Referrals starting in the period",
     "ONS mid-year estimate of children aged 0-17 for the year before the reporting year, per "
     "10,000",
     "by CINreferralDate", "", Unit::kPer10k, Polarity::kNeither, kCin,
     "lait_cpp_total_rateper10_000", Referrals},
    {"rereferral_pct", "Referrals", "Re-referrals within 12 months",
     "How many referrals were about a child referred before in the previous 12 months; a high "
     "figure can mean cases were closed too soon.",
     "Referrals in the period made within 12 months (on or before the first anniversary) of the "
     "same child's previous referral",
     "Referrals in the period", "by CINreferralDate",
     "needs the previous 12 months' referrals (from returns: the previous year's census)",
     Unit::kPercent, Polarity::kLowerBetter, kCin | kHasPriorCin, "rereferral_pct", ReReferrals},
    {"referral_nfa_pct", "Referrals", "Referrals with no further action",
     "How many referrals ended with no further action after the referral itself.",
     "Referrals in the period with ReferralNFA true", "Referrals in the period",
     "by CINreferralDate", "", Unit::kPercent, Polarity::kNeither, kCin, "referral_nfa_pct",
     ReferralNfa},
    {"referral_not_in_need_pct", "Referrals", "Referrals assessed as not in need",
     "How many referrals were assessed and the child found not to be in need.",
     "Referrals in the period closed with reason RC8 (case closed after assessment, no further "
     "action), other than referrals with ReferralNFA true (not assessed)",
     "Referrals in the period", "by CINreferralDate", "", Unit::kPercent, Polarity::kNeither, kCin,
     "assessed_not_in_need_pct", ReferralNotInNeed},
    {"referral_source_police_pct", "Referrals", "Referrals from the police",
     "How many referrals came from the police.", "Referrals in the period with source 6 (police)",
     "Referrals in the period", "by CINreferralDate", "", Unit::kPercent, Polarity::kNeither, kCin,
     "lait_refbysource_police_pct", ReferralPolice},
    {"referral_source_schools_pct", "Referrals", "Referrals from schools",
     "How many referrals came from schools.", "Referrals in the period with source 2A (schools)",
     "Referrals in the period", "by CINreferralDate", "", Unit::kPercent, Polarity::kNeither, kCin,
     "lait_refbysource_schl_pct", ReferralSchools},
    {"referral_source_health_pct", "Referrals", "Referrals from health services",
     "How many referrals came from health services (GPs, health visitors, school nurses, A&E and "
     "others).",
     "Referrals in the period with sources 3A-3F (health services)", "Referrals in the period",
     "by CINreferralDate", "", Unit::kPercent, Polarity::kNeither, kCin,
     "lait_refbysource_healthserv_pct", ReferralHealth},
    {"assessments_completed", "Assessments", "Assessments completed",
     "How many social work (single) assessments were completed.",
     "Assessments authorised in the period", "", "by AssessmentAuthorisationDate", "", Unit::kCount,
     Polarity::kNeither, kCin, "", AssessmentsCompleted},
    {"assessment_45wd_pct", "Assessments", "Assessments within 45 working days",
     "How many assessments were finished within the 45 working days Working Together allows.",
     "Assessments authorised in the period on or before the 45th working day after the referral "
     "date",
     "Assessments authorised in the period", "by AssessmentAuthorisationDate", "", Unit::kPercent,
     Polarity::kHigherBetter, kCin, "lait_continue_assess_comp", Assessment45},
    {"assessment_median_wd", "Assessments", "Median working days to complete an assessment",
     "The typical time an assessment took, from its start to its authorisation, in working days.",
     "Median over assessments authorised in the period of the working days from "
     "AssessmentActualStartDate to AssessmentAuthorisationDate",
     "", "by AssessmentAuthorisationDate", "", Unit::kMedian, Polarity::kLowerBetter, kCin, "",
     AssessmentMedianDays},
    {"assessment_child_seen_pct", "Assessments", "Assessments where the child was seen",
     "How many completed assessments record that the social worker saw the child.",
     "Assessments authorised in the period with a date the child was seen on or before "
     "authorisation",
     "Assessments authorised in the period", "by AssessmentAuthorisationDate", "", Unit::kPercent,
     Polarity::kHigherBetter, kCin | kHasCasework, "", AssessmentSeen},
    {"assessment_seen_alone_pct", "Assessments", "Assessments where the child was seen alone",
     "How many completed assessments record that the child was seen alone.",
     "Assessments authorised in the period where the child was seen, and seen alone",
     "Assessments authorised in the period", "by AssessmentAuthorisationDate", "", Unit::kPercent,
     Polarity::kHigherBetter, kCin | kHasCasework, "", AssessmentSeenAlone},
    {"assessments_overdue", "Assessments", "Open assessments past 45 working days",
     "How many assessments were still open at the end of the period although more than 45 "
     "working days had passed since the referral.",
     "Assessments not authorised by the end of the reference date whose 45th working day after "
     "the referral was before it",
     "", "on the period's last day", "", Unit::kCount, Polarity::kLowerBetter, kCin, "",
     AssessmentsOverdue},
};

}  // namespace

std::span<const IndicatorDef> FrontDoorIndicators() { return kDefs; }

}  // namespace sg::ind
