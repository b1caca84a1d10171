// Section 47 enquiries and conferences, child protection plans, children in need.
#include <algorithm>

#include "indicators/defs_util.h"

namespace sg::ind {
namespace {
using namespace defs;

// ---- S47 and ICPC ----

void S47Started(const Facts& f, Tally& t) {
  for (const FS47& s : f.s47s) t.Add(t.PeriodOf(s.start), s.child, kNone, s.start, 1, 0);
}

void IcpcHeld(const Facts& f, Tally& t) {
  for (const FS47& s : f.s47s) {
    if (s.icpc != kNoDay) t.Add(t.PeriodOf(s.icpc), s.child, kNone, s.icpc, 1, 0);
  }
}

void Icpc15(const Facts& f, Tally& t) {
  // From the S47's start, which the CIN census defines as the date of the strategy discussion
  // that started it.
  for (const FS47& s : f.s47s) {
    if (s.icpc == kNoDay) continue;
    t.Add(t.PeriodOf(s.icpc), s.child, kNone, s.icpc,
          WithinWorkingDays(s.start, s.icpc, 15) ? 1 : 0, 1);
  }
}

void S47ToIcpc(const Facts& f, Tally& t) {
  for (const FS47& s : f.s47s) {
    t.Add(t.PeriodOf(s.start), s.child, kNone, s.start, s.icpc != kNoDay ? 1 : 0, 1);
  }
}

// ---- Child protection plans ----

void CpStarted(const Facts& f, Tally& t) {
  for (const FPlan& p : f.cp_plans) t.Add(t.PeriodOf(p.start), p.child, kNone, p.start, 1, 0);
}

void CpEnded(const Facts& f, Tally& t) {
  for (const FPlan& p : f.cp_plans) {
    if (p.end != kOpen) t.Add(t.PeriodOf(p.end), p.child, kNone, p.end, 1, 0);
  }
}

// Each child on a plan at the end of the reference date, once (a child can have overlapping
// plan records only by mistake; the earliest-started plan open is the one counted).
template <typename Fn>
void ForEachChildOnPlanAt(const Facts& f, Tally& t, Fn fn) {
  // Plans are few enough per child that a sort by (child, start) is cheap.
  std::vector<const FPlan*> plans;
  plans.reserve(f.cp_plans.size());
  for (const FPlan& p : f.cp_plans) plans.push_back(&p);
  std::sort(plans.begin(), plans.end(), [](const FPlan* a, const FPlan* b) {
    return a->child != b->child ? a->child < b->child : a->start < b->start;
  });
  for (size_t i = 0; i < plans.size();) {
    size_t j = i;
    while (j < plans.size() && plans[j]->child == plans[i]->child) ++j;
    Day covered_to = kNoDay;  // reference dates already counted for this child
    for (size_t k = i; k < j; ++k) {
      const FPlan& p = *plans[k];
      auto [a, b] = t.PeriodsEnding(p.start, p.end == kOpen ? kOpen : p.end - 1);
      for (int q = a; q < b; ++q) {
        if (covered_to != kNoDay && t.To(q) <= covered_to) continue;
        fn(p, q);
      }
      if (b > a) covered_to = std::max(covered_to, t.To(b - 1));
    }
    i = j;
  }
}

void CpAtEnd(const Facts& f, Tally& t) {
  ForEachChildOnPlanAt(f, t,
                       [&](const FPlan& p, int q) { t.Add(q, p.child, kNone, t.To(q), 1, 0); });
}

void CpSubsequent(const Facts& f, Tally& t) {
  for (const FPlan& p : f.cp_plans) {
    t.Add(t.PeriodOf(p.start), p.child, kNone, p.start, p.previous_plans > 0 ? 1 : 0, 1);
  }
}

void CpOpen2Years(const Facts& f, Tally& t) {
  ForEachChildOnPlanAt(f, t, [&](const FPlan& p, int q) {
    const bool two = t.To(q) >= AddYears(p.start, 2);
    t.Add(q, p.child, kNone, t.To(q), two ? 1 : 0, 1);
  });
}

void CpEnded2Years(const Facts& f, Tally& t) {
  // DfE: plans ending in the year that had lasted 2 years or more (730 days or more).
  for (const FPlan& p : f.cp_plans) {
    if (p.end == kOpen) continue;
    t.Add(t.PeriodOf(p.end), p.child, kNone, p.end, p.end - p.start >= 730 ? 1 : 0, 1);
  }
}

template <size_t N>
void CpCategory(const Facts& f, Tally& t, const std::string_view (&codes)[N]) {
  for (const FPlan& p : f.cp_plans) {
    bool hit = false;
    for (std::string_view c : codes) hit |= p.category == c;
    t.Add(t.PeriodOf(p.start), p.child, kNone, p.start, hit ? 1 : 0, 1);
  }
}
constexpr std::string_view kNeglect[] = {"NEG"};
constexpr std::string_view kEmotional[] = {"EMO"};
constexpr std::string_view kPhysical[] = {"PHY"};
constexpr std::string_view kSexual[] = {"SAB"};
constexpr std::string_view kMultiple[] = {"MUL"};
void CpNeglect(const Facts& f, Tally& t) { CpCategory(f, t, kNeglect); }
void CpEmotional(const Facts& f, Tally& t) { CpCategory(f, t, kEmotional); }
void CpPhysical(const Facts& f, Tally& t) { CpCategory(f, t, kPhysical); }
void CpSexual(const Facts& f, Tally& t) { CpCategory(f, t, kSexual); }
void CpMultiple(const Facts& f, Tally& t) { CpCategory(f, t, kMultiple); }

void CpReviewsOnTime(const Facts& f, Tally& t) {
  // Children on a plan at the reference date that had lasted at least 3 months: every review
  // so far on time (the first within 3 months of the plan's start, each later one within 6
  // months of the one before, and the next not yet overdue at the reference date).
  std::vector<std::vector<Day>> reviews(f.cp_plans.size());
  for (const FPlanReview& r : f.cp_reviews) reviews[static_cast<size_t>(r.plan)].push_back(r.date);
  for (auto& v : reviews) std::sort(v.begin(), v.end());
  for (size_t i = 0; i < f.cp_plans.size(); ++i) {
    const FPlan& p = f.cp_plans[i];
    auto [a, b] = t.PeriodsEnding(AddMonths(p.start, 3), p.end == kOpen ? kOpen : p.end - 1);
    for (int q = a; q < b; ++q) {
      const Day ref = t.To(q);
      bool on_time = true;
      Day due = AddMonths(p.start, 3);
      for (Day d : reviews[i]) {
        if (d > ref) break;
        if (d > due) on_time = false;
        due = AddMonths(d, 6);
      }
      if (ref > due) on_time = false;  // the next review is already late
      t.Add(q, p.child, kNone, ref, on_time ? 1 : 0, 1);
    }
  }
}

void CpVisits10Wd(const Facts& f, Tally& t) {
  // Children on a plan at the reference date (for at least 10 working days) seen on a child
  // protection visit in the 10 working days up to it.
  std::vector<std::vector<Day>> seen(f.children.size());
  for (const FVisit& v : f.visits) {
    if (v.seen && v.type == "CP") seen[static_cast<size_t>(v.child)].push_back(v.date);
  }
  for (auto& v : seen) std::sort(v.begin(), v.end());
  ForEachChildOnPlanAt(f, t, [&](const FPlan& p, int q) {
    const Day ref = t.To(q);
    if (WorkingDaysBetween(p.start, ref) < 10) return;  // not yet 10 working days on the plan
    const auto& days = seen[static_cast<size_t>(p.child)];
    auto it = std::upper_bound(days.begin(), days.end(), ref);
    bool ok = false;
    if (it != days.begin()) ok = WithinWorkingDays(*std::prev(it), ref, 10);
    t.Add(q, p.child, kNone, ref, ok ? 1 : 0, 1);
  });
}

// ---- Children in need ----

void CinAtEnd(const Facts& f, Tally& t) {
  // DfE's children in need at 31 March: episodes of need open at the end of the day, not those
  // closed as referral-NFA.
  for (const FReferral& r : f.referrals) {
    if (r.nfa) continue;
    auto [a, b] = t.PeriodsEnding(r.date, r.closure == kOpen ? kOpen : r.closure - 1);
    for (int q = a; q < b; ++q) t.Add(q, r.child, kNone, t.To(q), 1, 0);
  }
}

void CinOpen2Years(const Facts& f, Tally& t) {
  for (const FReferral& r : f.referrals) {
    if (r.nfa) continue;
    auto [a, b] = t.PeriodsEnding(r.date, r.closure == kOpen ? kOpen : r.closure - 1);
    const Day two_years = AddYears(r.date, 2);
    for (int q = a; q < b; ++q) t.Add(q, r.child, kNone, t.To(q), t.To(q) >= two_years ? 1 : 0, 1);
  }
}

void CinClosedMedianDays(const Facts& f, Tally& t) {
  for (const FReferral& r : f.referrals) {
    if (r.closure == kOpen || r.nfa) continue;
    t.AddValue(t.PeriodOf(r.closure), r.child, kNone, r.closure, r.closure - r.date);
  }
}

void CinPlansAtEnd(const Facts& f, Tally& t) {
  for (const FPlan& p : f.cin_plans) {
    auto [a, b] = t.PeriodsEnding(p.start, p.end == kOpen ? kOpen : p.end - 1);
    for (int q = a; q < b; ++q) t.Add(q, p.child, kNone, t.To(q), 1, 0);
  }
}

constexpr unsigned kCin = kHasCin;

const IndicatorDef kDefs[] = {
    {"s47_started", "Section 47 and conferences", "Section 47 enquiries started",
     "How many child protection (Section 47) enquiries began.",
     "S47 enquiries with S47ActualStartDate in the period", "", "by S47ActualStartDate", "",
     Unit::kCount, Polarity::kNeither, kCin, "", S47Started},
    {"s47_rate", "Section 47 and conferences", "Section 47 enquiries per 10,000 children",
     "Section 47 enquiries started for every 10,000 children living in the area.",
     "S47 enquiries started in the period", "children aged 0-17 (ONS), per 10,000",
     "by S47ActualStartDate", "", Unit::kPer10k, Polarity::kNeither, kCin, "lait_section_47",
     S47Started},
    {"icpc_held", "Section 47 and conferences", "Initial child protection conferences",
     "How many initial child protection conferences were held.",
     "S47 enquiries whose initial conference (DateOfInitialCPC) was in the period", "",
     "by DateOfInitialCPC", "", Unit::kCount, Polarity::kNeither, kCin, "", IcpcHeld},
    {"icpc_15wd_pct", "Section 47 and conferences", "Initial conferences within 15 working days",
     "How many initial conferences were held within 15 working days of the strategy discussion "
     "that started the enquiry.",
     "ICPCs in the period held on or before the 15th working day after S47ActualStartDate (the "
     "date of the strategy discussion that started the enquiry)",
     "ICPCs in the period", "by DateOfInitialCPC", "", Unit::kPercent, Polarity::kHigherBetter,
     kCin, "lait_cp_conf_15days", Icpc15},
    {"s47_to_icpc_pct", "Section 47 and conferences", "Enquiries leading to a conference",
     "Of the Section 47 enquiries started, how many led to an initial child protection "
     "conference.",
     "S47 enquiries started in the period with an initial conference recorded",
     "S47 enquiries started in the period", "by S47ActualStartDate",
     "recent enquiries may not have reached their conference yet", Unit::kPercent,
     Polarity::kNeither, kCin, "", S47ToIcpc},
    {"cp_started", "Child protection", "Child protection plans started",
     "How many child protection plans began.", "CP plans with CPPstartDate in the period", "",
     "by CPPstartDate", "", Unit::kCount, Polarity::kNeither, kCin, "cpp_started", CpStarted},
    {"cp_ended", "Child protection", "Child protection plans ended",
     "How many child protection plans ended.", "CP plans with CPPendDate in the period", "",
     "by CPPendDate", "", Unit::kCount, Polarity::kNeither, kCin, "", CpEnded},
    {"cp_at_end", "Child protection", "Children on a child protection plan",
     "How many children were on a child protection plan at the end of the period.",
     "Children with a CP plan started on or before the reference date and not ended by the end "
     "of it",
     "", "on the period's last day", "", Unit::kCount, Polarity::kNeither, kCin, "cpp_at_31_march",
     CpAtEnd},
    {"cp_rate", "Child protection", "Children on a plan per 10,000 children",
     "Children on a child protection plan at the end of the period for every 10,000 children in "
     "the area.",
     "Children on a CP plan at the reference date", "children aged 0-17 (ONS), per 10,000",
     "on the period's last day", "", Unit::kPer10k, Polarity::kNeither, kCin, "lait_cpp_rate",
     CpAtEnd},
    {"cp_subsequent_pct", "Child protection", "Second or subsequent plans",
     "How many new plans were for a child who had been on a plan before, at any time.",
     "CP plans started in the period with NumberOfPreviousCPP of 1 or more",
     "CP plans started in the period", "by CPPstartDate", "", Unit::kPercent,
     Polarity::kLowerBetter, kCin, "cpp_subsequent_pct", CpSubsequent},
    {"cp_open_2y_pct", "Child protection", "Plans open 2 years or more",
     "Of the children on a plan at the end of the period, how many had been on it for two years "
     "or more.",
     "Children on a plan at the reference date whose plan started 2 years or more before it",
     "Children on a plan at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kLowerBetter, kCin, "cpp_duration_2y_plus_pct", CpOpen2Years},
    {"cp_ended_2y_pct", "Child protection", "Plans ending after 2 years or more",
     "Of the plans that ended, how many had lasted two years or more.",
     "CP plans ending in the period that had lasted 730 days or more",
     "CP plans ending in the period", "by CPPendDate", "", Unit::kPercent, Polarity::kLowerBetter,
     kCin, "lait_cpplans2yrs", CpEnded2Years},
    {"cp_neglect_pct", "Child protection", "New plans for neglect",
     "Of the plans that began, how many had neglect as the initial category.",
     "CP plans started in the period with InitialCategoryOfAbuse NEG",
     "CP plans started in the period", "by CPPstartDate", "", Unit::kPercent, Polarity::kNeither,
     kCin, "", CpNeglect},
    {"cp_emotional_pct", "Child protection", "New plans for emotional abuse",
     "Of the plans that began, how many had emotional abuse as the initial category.",
     "CP plans started in the period with InitialCategoryOfAbuse EMO",
     "CP plans started in the period", "by CPPstartDate", "", Unit::kPercent, Polarity::kNeither,
     kCin, "", CpEmotional},
    {"cp_physical_pct", "Child protection", "New plans for physical abuse",
     "Of the plans that began, how many had physical abuse as the initial category.",
     "CP plans started in the period with InitialCategoryOfAbuse PHY",
     "CP plans started in the period", "by CPPstartDate", "", Unit::kPercent, Polarity::kNeither,
     kCin, "", CpPhysical},
    {"cp_sexual_pct", "Child protection", "New plans for sexual abuse",
     "Of the plans that began, how many had sexual abuse as the initial category.",
     "CP plans started in the period with InitialCategoryOfAbuse SAB",
     "CP plans started in the period", "by CPPstartDate", "", Unit::kPercent, Polarity::kNeither,
     kCin, "", CpSexual},
    {"cp_multiple_pct", "Child protection", "New plans for multiple categories",
     "Of the plans that began, how many had more than one initial category.",
     "CP plans started in the period with InitialCategoryOfAbuse MUL",
     "CP plans started in the period", "by CPPstartDate", "", Unit::kPercent, Polarity::kNeither,
     kCin, "", CpMultiple},
    {"cp_reviews_on_time_pct", "Child protection", "Plans reviewed on time",
     "Of the children on a plan for 3 months or more, how many had every review on time.",
     "Plans open at the reference date for at least 3 months whose first review came within 3 "
     "months of the start and each later review within 6 months of the one before, with the "
     "next review not yet overdue",
     "Plans open at the reference date for at least 3 months", "on the period's last day", "",
     Unit::kPercent, Polarity::kHigherBetter, kCin, "lait_revcp", CpReviewsOnTime},
    {"cp_visits_10wd_pct", "Child protection",
     "Children on a plan seen in the last 10 working days",
     "Of the children on a plan, how many had been seen on a child protection visit within the "
     "last 10 working days.",
     "Children on a plan at the reference date (for 10 working days or more) seen on a CP visit "
     "on or after the 10th working day before it",
     "Children on a plan at the reference date for 10 working days or more",
     "on the period's last day", "", Unit::kPercent, Polarity::kHigherBetter, kCin | kHasCasework,
     "", CpVisits10Wd},
    {"cin_at_end", "Children in need", "Children in need",
     "How many episodes of need (children in need, including those on plans and looked after) "
     "were open at the end of the period.",
     "Episodes of need open at the end of the reference date, other than referrals closed with "
     "no further action",
     "", "on the period's last day", "", Unit::kCount, Polarity::kNeither, kCin, "cin_at_31_march",
     CinAtEnd},
    {"cin_rate", "Children in need", "Children in need per 10,000 children",
     "Children in need at the end of the period for every 10,000 children in the area.",
     "Episodes of need open at the reference date", "children aged 0-17 (ONS), per 10,000",
     "on the period's last day", "", Unit::kPer10k, Polarity::kNeither, kCin, "lait_cin", CinAtEnd},
    {"cin_open_2y_pct", "Children in need", "Episodes of need open 2 years or more",
     "Of the open episodes of need, how many had been open for two years or more; long episodes "
     "can mean drift.",
     "Episodes open at the reference date that started 2 years or more before it",
     "Episodes open at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kLowerBetter, kCin, "", CinOpen2Years},
    {"cin_closed_median_days", "Children in need", "Median length of closed episodes",
     "The typical length, in days, of the episodes of need that closed.",
     "Median over episodes closed in the period (not NFA) of days from referral to closure", "",
     "by CINclosureDate", "", Unit::kMedian, Polarity::kNeither, kCin, "", CinClosedMedianDays},
    {"cin_plans_at_end", "Children in need", "Child in need plans open",
     "How many child in need plans were open at the end of the period.",
     "CIN plans open at the end of the reference date", "", "on the period's last day", "",
     Unit::kCount, Polarity::kNeither, kCin, "", CinPlansAtEnd},
};

}  // namespace

std::span<const IndicatorDef> CinCpIndicators() { return kDefs; }

}  // namespace sg::ind
