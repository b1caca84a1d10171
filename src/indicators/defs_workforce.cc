// The children's social work workforce: posts, agency, vacancies, turnover, caseloads,
// sickness and supervision; and the quality of practice as case file audits grade it. DfE's
// workforce census takes these at 30 September; here each is taken on the period's last day
// (or over the 12 months up to it), so the year ending 30 September matches DfE's census and
// any other date works the same way.
#include <algorithm>

#include "indicators/defs_util.h"

namespace sg::ind {
namespace {
using namespace defs;

// Registered children and family social workers, as DfE counts them (practitioners,
// managers and reviewing officers; not family support workers or personal advisers).
bool SocialWorker(const FWorker& w) {
  return w.role == "SOCIAL_WORKER" || w.role == "SENIOR_PRACTITIONER" ||
         w.role == "ADVANCED_PRACTITIONER" || w.role == "ASYE" || w.role == "TEAM_MANAGER" ||
         w.role == "SERVICE_MANAGER" || w.role == "IRO";
}

// Calls fn(period, worker index) for each reference date on which the worker was in post.
template <typename Fn>
void ForEachReferenceInPost(const Facts& f, Tally& t, Fn fn) {
  for (size_t i = 0; i < f.workers.size(); ++i) {
    const FWorker& w = f.workers[i];
    if (w.start == kNoDay) continue;
    auto [a, b] = t.PeriodsEnding(w.start, w.end);
    for (int q = a; q < b; ++q) fn(q, static_cast<Ix>(i));
  }
}

void SocialWorkersFte(const Facts& f, Tally& t) {
  ForEachReferenceInPost(f, t, [&](int q, Ix i) {
    const FWorker& w = f.workers[static_cast<size_t>(i)];
    if (SocialWorker(w) && !w.agency) t.Add(q, kNone, i, t.To(q), w.fte, 0);
  });
}

void AgencyRate(const Facts& f, Tally& t) {
  ForEachReferenceInPost(f, t, [&](int q, Ix i) {
    const FWorker& w = f.workers[static_cast<size_t>(i)];
    if (SocialWorker(w)) t.Add(q, kNone, i, t.To(q), w.agency ? w.fte : 0, w.fte);
  });
}

void VacancyRate(const Facts& f, Tally& t) {
  // Vacancies: funded posts (the teams' established FTE) not filled by an employed social
  // worker, as % of funded posts. Agency workers covering a post count as vacancies, as DfE
  // counts them.
  std::vector<double> filled(f.teams.size() * static_cast<size_t>(t.size()), 0);
  ForEachReferenceInPost(f, t, [&](int q, Ix i) {
    const FWorker& w = f.workers[static_cast<size_t>(i)];
    if (SocialWorker(w) && !w.agency && w.team != kNone) {
      filled[static_cast<size_t>(w.team) * static_cast<size_t>(t.size()) +
             static_cast<size_t>(q)] += w.fte;
    }
  });
  for (size_t team = 0; team < f.teams.size(); ++team) {
    const double established = f.teams[team].established_fte;
    if (established <= 0) continue;
    for (int q = 0; q < t.size(); ++q) {
      const double in_post = filled[team * static_cast<size_t>(t.size()) + static_cast<size_t>(q)];
      t.AddForTeam(q, static_cast<Ix>(team), std::max(0.0, established - in_post), established);
    }
  }
}

void Turnover(const Facts& f, Tally& t) {
  // Employed social workers who left in the 12 months up to the reference date (FTE), as % of
  // those in post on it.
  for (size_t i = 0; i < f.workers.size(); ++i) {
    const FWorker& w = f.workers[i];
    if (!SocialWorker(w) || w.agency || w.start == kNoDay) continue;
    for (int q = 0; q < t.size(); ++q) {
      const Day ref = t.To(q);
      const bool in_post = w.start <= ref && w.end >= ref;
      const bool left = w.end != kOpen && w.end <= ref && w.end > AddYears(ref, -1);
      if (in_post || left)
        t.Add(q, kNone, static_cast<Ix>(i), ref, left ? w.fte : 0, in_post ? w.fte : 0);
    }
  }
}

void Caseload(const Facts& f, Tally& t) {
  // Children allocated to case-holding workers on the reference date, per case-holding FTE
  // (employed and agency), as DfE's average caseload.
  for (const FAllocation& a : f.allocations) {
    if (a.worker == kNone || !f.workers[static_cast<size_t>(a.worker)].case_holder) continue;
    auto [b, e] = t.PeriodsEnding(a.start, a.end);
    for (int q = b; q < e; ++q) t.Add(q, kNone, a.worker, t.To(q), 1, 0);
  }
  ForEachReferenceInPost(f, t, [&](int q, Ix i) {
    const FWorker& w = f.workers[static_cast<size_t>(i)];
    if (w.case_holder) t.Add(q, kNone, i, t.To(q), 0, w.fte);
  });
}

void SicknessRate(const Facts& f, Tally& t) {
  // Working days lost to sickness (by the absence's first day) as % of the working days the
  // employed social workers were contracted for in the period (FTE x working days in post).
  for (const FSickness& s : f.sickness) {
    const FWorker& w = f.workers[static_cast<size_t>(s.worker)];
    if (!SocialWorker(w) || w.agency) continue;
    t.Add(t.PeriodOf(s.start), kNone, s.worker, s.start, s.days_lost, 0);
  }
  for (size_t i = 0; i < f.workers.size(); ++i) {
    const FWorker& w = f.workers[i];
    if (!SocialWorker(w) || w.agency || w.start == kNoDay) continue;
    for (int q = 0; q < t.size(); ++q) {
      const Day from = std::max(w.start, t.From(q));
      const Day to = std::min(w.end, t.To(q));
      if (to < from) continue;
      const int days = WorkingDaysBetween(from - 1, to);
      if (days > 0) t.Add(q, kNone, static_cast<Ix>(i), to, 0, w.fte * days);
    }
  }
}

void SupervisionOnTime(const Facts& f, Tally& t) {
  // Case-holding social workers in post on the reference date (for a month or more) who had
  // supervision in the month up to it.
  std::vector<std::vector<Day>> sup(f.workers.size());
  for (const FSupervision& s : f.supervisions) sup[static_cast<size_t>(s.worker)].push_back(s.date);
  for (auto& v : sup) std::sort(v.begin(), v.end());
  ForEachReferenceInPost(f, t, [&](int q, Ix i) {
    const FWorker& w = f.workers[static_cast<size_t>(i)];
    const Day ref = t.To(q);
    if (!w.case_holder || !SocialWorker(w) || w.start > AddMonths(ref, -1)) return;
    const auto& days = sup[static_cast<size_t>(i)];
    auto it = std::upper_bound(days.begin(), days.end(), ref);
    const bool ok = it != days.begin() && *std::prev(it) > AddMonths(ref, -1);
    t.Add(q, kNone, i, ref, ok ? 1 : 0, 1);
  });
}

// ---- Quality: case file audits ----
constexpr std::string_view kNotModerations =
    "moderations (a second auditor's re-grade of an audit) are not counted; re-audits are";

void AuditsCompleted(const Facts& f, Tally& t) {
  for (const FAudit& a : f.audits) t.Add(t.PeriodOf(a.date), a.child, a.worker, a.date, 1, 0);
}

template <typename Pred>
void AuditShare(const Facts& f, Tally& t, Pred pred) {
  for (const FAudit& a : f.audits) {
    t.Add(t.PeriodOf(a.date), a.child, a.worker, a.date, pred(a.grade) ? 1 : 0, 1);
  }
}
void AuditsGood(const Facts& f, Tally& t) {
  AuditShare(f, t, [](const std::string& g) { return g == "OUTSTANDING" || g == "GOOD"; });
}
void AuditsInadequate(const Facts& f, Tally& t) {
  AuditShare(f, t, [](const std::string& g) { return g == "INADEQUATE"; });
}

constexpr unsigned kWf = kHasWorkforce;
constexpr unsigned kQa = kHasQuality;

const IndicatorDef kDefs[] = {
    {"social_workers_fte", "Workforce", "Social workers in post (FTE)",
     "How many full-time-equivalent social workers the council employed.",
     "FTE of employed (not agency) registered social workers in post on the reference date", "",
     "on the period's last day", "agency workers", Unit::kCount, Polarity::kHigherBetter, kWf,
     "csww_inpost_fte", SocialWorkersFte},
    {"agency_rate_pct", "Workforce", "Agency social workers",
     "Of the social workers in post, how many (by FTE) were agency workers.",
     "FTE of agency social workers on the reference date",
     "FTE of agency and employed social workers on the reference date", "on the period's last day",
     "", Unit::kPercent, Polarity::kLowerBetter, kWf, "csww_agency_rate_fte", AgencyRate},
    {"vacancy_rate_pct", "Workforce", "Social worker vacancies",
     "Of the funded social worker posts, how many were not filled by an employed social worker.",
     "Funded posts (teams' established FTE) less employed social workers' FTE on the reference "
     "date (not below 0), team by team",
     "Funded posts (FTE) on the reference date", "on the period's last day",
     "teams with no establishment recorded", Unit::kPercent, Polarity::kLowerBetter, kWf,
     "csww_vacancy_rate_fte", VacancyRate},
    {"turnover_pct", "Workforce", "Social worker turnover",
     "Of the employed social workers, how many (by FTE) left in the last 12 months.",
     "FTE of employed social workers who left in the 12 months up to the reference date",
     "FTE of employed social workers in post on the reference date",
     "the 12 months to the "
     "period's last day",
     "agency workers", Unit::kPercent, Polarity::kLowerBetter, kWf, "csww_turnover_rate_fte",
     Turnover},
    {"caseload_average", "Workforce", "Average caseload",
     "The average number of children allocated to each full-time case-holding worker.",
     "Children allocated to case-holding workers on the reference date",
     "FTE of case-holding workers (employed and agency) on the reference date",
     "on the period's last day", "", Unit::kAverage, Polarity::kLowerBetter, kWf,
     "csww_caseload_fte", Caseload},
    {"sickness_rate_pct", "Workforce", "Working days lost to sickness",
     "Of the working days social workers were employed for, how many were lost to sickness.",
     "Working days lost to sickness absences beginning in the period",
     "Working days in the period x FTE of each employed social worker in post",
     "by the absence's first day", "agency workers", Unit::kPercent, Polarity::kLowerBetter, kWf,
     "csww_absence_rate_fte", SicknessRate},
    {"supervision_on_time_pct", "Workforce", "Supervision in the last month",
     "Of the case-holding social workers, how many had supervision in the last month.",
     "Case-holding social workers in post on the reference date for a month or more, supervised "
     "in the month up to it",
     "Case-holding social workers in post on the reference date for a month or more",
     "on the period's last day", "", Unit::kPercent, Polarity::kHigherBetter, kWf, "",
     SupervisionOnTime},
    {"audits_completed", "Quality", "Case file audits completed",
     "How many case file audits were completed.", "Case file audits dated in the period", "",
     "by the audit date", kNotModerations, Unit::kCount, Polarity::kNeither, kQa, "",
     AuditsCompleted},
    {"audits_good_pct", "Quality", "Audits graded good or outstanding",
     "Of the cases audited, how many were graded good or outstanding.",
     "Audits in the period graded OUTSTANDING or GOOD", "Audits in the period", "by the audit date",
     kNotModerations, Unit::kPercent, Polarity::kHigherBetter, kQa, "", AuditsGood},
    {"audits_inadequate_pct", "Quality", "Audits graded inadequate",
     "Of the cases audited, how many were graded inadequate.",
     "Audits in the period graded INADEQUATE", "Audits in the period", "by the audit date",
     kNotModerations, Unit::kPercent, Polarity::kLowerBetter, kQa, "", AuditsInadequate},
};

}  // namespace

std::span<const IndicatorDef> WorkforceIndicators() { return kDefs; }

}  // namespace sg::ind
