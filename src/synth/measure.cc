#include "synth/measure.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "common/working_days.h"

namespace sg {
namespace {

bool OpenOn(const Record& r, std::string_view start, std::string_view end, Date day) {
  auto s = DateOf(r, start);
  auto e = DateOf(r, end);
  return s && *s <= day && (!e || *e > day);
}

bool In(Date d, Date from, Date to) { return d >= from && d <= to; }

Figure Count(std::string measure, std::string title, double n) {
  return Figure{std::move(measure), std::move(title), FigureKind::kCount, n, 0};
}
Figure Share(std::string measure, std::string title, double num, double den) {
  return Figure{std::move(measure), std::move(title), FigureKind::kProportion, num, den};
}

bool IsPlacementStart(const std::string& rne) { return rne != "L"; }

}  // namespace

std::vector<Figure> MeasureYear(const RecordSet& rs, int year) {
  const Date from = Date::FromCivil(year - 1, 4, 1);
  const Date to = Date::FromCivil(year, 3, 31);
  const auto& cal = WorkingDayCalendar::England();
  std::vector<Figure> out;

  // Referrals, re-referrals within 12 months, NFA; CIN at 31 March.
  std::unordered_map<Id, std::vector<Date>> referral_dates;
  const auto& referrals = rs.Of("referral");
  std::unordered_map<Id, Date> referral_date_by_id;
  for (const Record& r : referrals) {
    auto d = DateOf(r, "referral_date");
    if (!d) continue;
    referral_dates[r.GetInt("child_id")].push_back(*d);
    referral_date_by_id[r.id()] = *d;
  }
  for (auto& [child, dates] : referral_dates) std::sort(dates.begin(), dates.end());
  double n_ref = 0, n_reref = 0, n_nfa = 0, cin31 = 0;
  for (const Record& r : referrals) {
    const Date d = *DateOf(r, "referral_date");
    if (OpenOn(r, "referral_date", "closure_date", to) && !r.GetBool("nfa")) ++cin31;
    if (!In(d, from, to)) continue;
    ++n_ref;
    if (r.GetBool("nfa")) ++n_nfa;
    const auto& dates = referral_dates[r.GetInt("child_id")];
    auto it = std::lower_bound(dates.begin(), dates.end(), d);
    if (it != dates.begin() && d.days() - std::prev(it)->days() <= 365) ++n_reref;
  }
  out.push_back(Count("referrals", "Referrals in the year", n_ref));
  out.push_back(Share("rereferral_pct", "Re-referrals within 12 months", n_reref, n_ref));
  out.push_back(Share("referral_nfa_pct", "Referrals with no further action", n_nfa, n_ref));
  out.push_back(Count("cin_at_31_march", "Children in need at 31 March", cin31));

  // Assessments completed in the year within 45 working days of the referral.
  double assessed = 0, on_time = 0;
  for (const Record& a : rs.Of("assessment")) {
    auto done = DateOf(a, "authorised_date");
    if (!done || !In(*done, from, to)) continue;
    auto ref = referral_date_by_id.find(a.GetInt("referral_id"));
    if (ref == referral_date_by_id.end()) continue;
    ++assessed;
    auto within = cal.Within(ref->second, *done, 45);
    if (within.ok() && *within) ++on_time;
  }
  out.push_back(
      Share("lait_continue_assess_comp", "Assessments within 45 working days", on_time, assessed));

  // S47 enquiries and ICPCs; ICPCs within 15 working days of the strategy discussion.
  double s47 = 0;
  std::unordered_map<Id, Date> strategy_by_s47;
  std::unordered_map<Id, Date> strategy_date;
  for (const Record& s : rs.Of("strategy_discussion")) {
    if (auto d = DateOf(s, "discussion_date")) strategy_date[s.id()] = *d;
  }
  for (const Record& s : rs.Of("s47_enquiry")) {
    auto d = DateOf(s, "start_date");
    if (d && In(*d, from, to)) ++s47;
    auto sd = strategy_date.find(s.GetInt("strategy_discussion_id"));
    if (sd != strategy_date.end()) strategy_by_s47[s.id()] = sd->second;
  }
  out.push_back(Count("s47_count", "Section 47 enquiries started", s47));
  double icpc = 0, icpc_on_time = 0;
  for (const Record& c : rs.Of("cp_conference")) {
    if (c.GetText("conference_type") != "ICPC") continue;
    auto d = DateOf(c, "conference_date");
    if (!d || !In(*d, from, to)) continue;
    ++icpc;
    auto sd = strategy_by_s47.find(c.GetInt("s47_id"));
    if (sd != strategy_by_s47.end()) {
      auto within = cal.Within(sd->second, *d, 15);
      if (within.ok() && *within) ++icpc_on_time;
    }
  }
  out.push_back(Count("icpc_count", "Initial child protection conferences", icpc));
  out.push_back(Share("lait_cp_conf_15days", "ICPCs within 15 working days", icpc_on_time, icpc));

  // CP plans: started, second or subsequent, open at 31 March and open 2+ years.
  double cp_started = 0, cp_subsequent = 0, cp31 = 0, cp31_2y = 0;
  for (const Record& p : rs.Of("cp_plan")) {
    const Date s = *DateOf(p, "start_date");
    if (In(s, from, to)) {
      ++cp_started;
      if (p.GetInt("previous_plans") > 0) ++cp_subsequent;
    }
    if (OpenOn(p, "start_date", "end_date", to)) {
      ++cp31;
      if (to.days() - s.days() >= 730) ++cp31_2y;
    }
  }
  out.push_back(Count("cpp_started", "Child protection plans started", cp_started));
  out.push_back(
      Share("cpp_subsequent_pct", "Second or subsequent plans", cp_subsequent, cp_started));
  out.push_back(Count("cpp_at_31_march", "Child protection plans at 31 March", cp31));
  out.push_back(
      Share("cpp_duration_2y_plus_pct", "Plans at 31 March open 2 years or more", cp31_2y, cp31));

  // Children looked after: at 31 March, started, 3+ placements, long-term stability.
  std::map<Id, std::vector<const Record*>> episodes;
  for (const Record& e : rs.Of("cla_episode")) episodes[e.GetInt("child_id")].push_back(&e);
  std::unordered_map<Id, Date> dob;
  for (const Record& c : rs.Of("child")) {
    if (auto d = DateOf(c, "date_of_birth")) dob[c.id()] = *d;
  }
  double cla31 = 0, started = 0, three_plus = 0, lt_den = 0, lt_num = 0;
  for (auto& [child, list] : episodes) {
    std::sort(list.begin(), list.end(), [](const Record* a, const Record* b) {
      return *DateOf(*a, "start_date") < *DateOf(*b, "start_date");
    });
    bool open31 = false;
    int placements = 0;
    Date period_start, placement_start;
    for (const Record* e : list) {
      const Date s = *DateOf(*e, "start_date");
      const std::string rne = e->GetText("reason_new_episode");
      if (rne == "S") {
        if (In(s, from, to)) ++started;
        if (s <= to) period_start = s;
      }
      if (s <= to && IsPlacementStart(rne)) placement_start = s;
      auto end = DateOf(*e, "end_date");
      // Placements during the year: those open at any time in it (a new placement starts with
      // every episode that is not a change of legal status only).
      if (IsPlacementStart(rne) && s <= to && (!end || *end >= from)) ++placements;
      if (s <= to && (!end || *end > to)) open31 = true;
    }
    if (!open31) continue;
    ++cla31;
    if (placements >= 3) ++three_plus;
    auto b = dob.find(child);
    if (b != dob.end() && to.YearsSince(b->second) < 16 && to.days() - period_start.days() >= 913) {
      ++lt_den;
      if (to.days() - placement_start.days() >= 730) ++lt_num;
    }
  }
  out.push_back(Count("cla_at_31_march", "Children looked after at 31 March", cla31));
  out.push_back(Count("cla_started", "Children starting to be looked after", started));
  out.push_back(Share("cla_3plus_placements_pct", "Looked after at 31 March with 3+ placements",
                      three_plus, cla31));
  out.push_back(Share("cla_long_term_stable_pct", "Long-term placement stability", lt_num, lt_den));

  // Care leavers aged 19 to 21: suitable accommodation, in education, employment or training.
  double cl = 0, suitable = 0, eet = 0;
  static const std::set<std::string> kEet = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"};
  for (const Record& c : rs.Of("care_leaver_contact")) {
    auto d = DateOf(c, "contact_date");
    auto b = dob.find(c.GetInt("child_id"));
    if (!d || !In(*d, from, to) || b == dob.end()) continue;
    const int age = d->YearsSince(b->second);
    if (age < 19 || age > 21) continue;
    ++cl;
    const std::string acc = c.GetText("accommodation");
    if (!acc.empty() && acc.back() == '1' && acc != "0") ++suitable;
    if (kEet.count(c.GetText("activity"))) ++eet;
  }
  out.push_back(
      Share("care_leavers_19_21_suitable_pct", "Care leavers 19-21 suitably housed", suitable, cl));
  out.push_back(Share("care_leavers_19_21_eet_pct", "Care leavers 19-21 in EET", eet, cl));

  // Workforce at 30 September of the year before: agency share of case-holding FTE.
  const Date census = Date::FromCivil(year - 1, 9, 30);
  double fte = 0, agency = 0;
  for (const Record& w : rs.Of("worker")) {
    if (!w.GetBool("case_holder") || !OpenOn(w, "start_date", "end_date", census)) continue;
    const double f = std::get<double>(w.Get("fte"));
    fte += f;
    if (w.GetBool("agency")) agency += f;
  }
  out.push_back(Share("csww_agency_rate_fte", "Agency social workers (FTE share)", agency, fte));
  return out;
}

}  // namespace sg
