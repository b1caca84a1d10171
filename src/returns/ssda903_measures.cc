#include "returns/ssda903_measures.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "returns/ssda903_validate.h"

namespace sg::ssda903 {
namespace {

struct Ep {
  Date start;
  std::optional<Date> end;
  std::string rne, ls, place, rec;
};

// A child's episodes from the current return and the earlier ones, one per start date (the
// most recent return's copy wins: it knows how the episode ended), in start order.
using History = std::vector<Ep>;

void Gather(const Return& ret, std::unordered_map<std::string, std::map<Date, Ep>>& out) {
  for (const Row& r : ret.tables[kEpisodes]) {
    auto start = ParseDate(r[ep::DECOM]);
    if (!start) continue;
    auto& by_start = out[r[ep::CHILD]];
    if (by_start.count(*start)) continue;  // a later return already had it
    by_start[*start] = {*start,    ParseDate(r[ep::DEC]), r[ep::RNE],
                        r[ep::LS], r[ep::PLACE],          r[ep::REC]};
  }
}

bool IsPlacementStart(const Ep& e) { return e.rne != "L"; }

bool OpenOn(const Ep& e, Date day) { return e.start <= day && (!e.end || *e.end > day); }

Measure903 Count(std::string id, std::string title, double n) {
  return {std::move(id), std::move(title), "children", n, 0, n, 0};
}

Measure903 Share(std::string id, std::string title, double num, double den,
                 std::int64_t unknown = 0) {
  return {std::move(id), std::move(title), "%", num, den, den > 0 ? 100.0 * num / den : 0, unknown};
}

Measure903 Average(std::string id, std::string title, double total_days, double n,
                   std::int64_t unknown) {
  return {std::move(id), std::move(title), "days", total_days, n, n > 0 ? total_days / n : 0,
          unknown};
}

}  // namespace

std::vector<Measure903> Measures(const Return& current, int collection_year,
                                 const std::vector<const Return*>& earlier) {
  const Date from = Date::FromCivil(collection_year - 1, 4, 1);
  const Date to = Date::FromCivil(collection_year, 3, 31);
  std::unordered_map<std::string, std::map<Date, Ep>> episodes;
  Gather(current, episodes);
  for (const Return* r : earlier) Gather(*r, episodes);
  std::unordered_map<std::string, std::optional<Date>> dob;
  for (const Row& h : current.tables[kHeader]) dob[h[hdr::CHILD]] = ParseDate(h[hdr::DOB]);

  double cla31 = 0, started = 0, ceased = 0, adopted = 0, three_plus = 0;
  double lt_den = 0, lt_num = 0;
  std::int64_t lt_unknown = 0;
  double a10_days = 0, a10_n = 0;
  std::int64_t a10_unknown = 0;
  std::unordered_map<std::string, bool> adopted_in_year;
  for (const auto& [child, by_start] : episodes) {
    // Only children of this return (earlier returns bring history, not children).
    bool in_return = false;
    History h;
    for (const auto& [start, e] : by_start) {
      h.push_back(e);
      if (start <= to && (!e.end || *e.end >= from)) in_return = true;
    }
    if (!in_return) continue;
    const Date known_from = h.front().start;
    std::optional<Date> period_start, placement_start;
    int placements = 0;
    const Ep* open31 = nullptr;
    for (const Ep& e : h) {
      if (e.start > to) break;
      if (e.rne == "S") {
        period_start = e.start;
        if (e.start >= from) ++started;
      }
      if (IsPlacementStart(e)) placement_start = e.start;
      if (IsPlacementStart(e) && (!e.end || *e.end >= from)) ++placements;
      // A period of care ends with an episode whose reason is not X1 (X1: a new episode
      // follows).
      if (e.end && *e.end >= from && *e.end <= to && e.rec != "X1") {
        ++ceased;
        if (e.rec == "E11" || e.rec == "E12") {
          ++adopted;
          adopted_in_year[child] = true;
          // A10: entering care to moving in with the adopters, within this period of care.
          std::optional<Date> moved_in;
          for (const Ep& p : h) {
            if (p.start > *e.end) break;
            if (period_start && p.start < *period_start) continue;
            if (OneOf(p.place, {"A3", "A4", "A5", "A6"})) {
              moved_in = p.start;
              break;
            }
          }
          if (period_start && moved_in) {
            a10_days += moved_in->days() - period_start->days();
            ++a10_n;
          } else {
            ++a10_unknown;
          }
        }
      }
      if (OpenOn(e, to)) open31 = &e;
    }
    if (!open31 || OneOf(open31->ls, {"V3", "V4"})) continue;
    ++cla31;
    if (placements >= 3) ++three_plus;
    // Long-term stability: under 16 at 31 March, looked after 2.5 years (913 days) or more,
    // in the same placement 2 years (730 days) or more. When the history starts after the
    // period or the placement began, the return may not tell.
    const auto b = dob.find(child);
    if (b == dob.end() || !b->second || to.YearsSince(*b->second) >= 16) continue;
    const Date period_at_latest = period_start.value_or(known_from);
    const bool period_known = period_start.has_value();
    const bool long_in_care = to.days() - period_at_latest.days() >= 913;
    if (!long_in_care && !period_known) {
      ++lt_unknown;  // began before the history: it may or may not be 2.5 years
      continue;
    }
    if (!long_in_care) continue;
    const Date placed_at_latest = placement_start.value_or(known_from);
    const bool stable = to.days() - placed_at_latest.days() >= 730;
    if (!stable && !placement_start) {
      ++lt_unknown;
      continue;
    }
    ++lt_den;
    if (stable) ++lt_num;
  }

  // Care leavers aged 19 to 21 on their birthday in the year.
  double cl = 0, suitable = 0, eet = 0;
  for (const Row& r : current.tables[kOc3]) {
    const auto d = ParseDate(r[oc3::DOB]);
    if (!d) continue;
    // The year (1 April to 31 March) holds one birthday: the age reached on it is the age on
    // 31 March.
    const int age = to.YearsSince(*d);
    if (age < 19 || age > 21) continue;
    ++cl;
    const std::string& acc = r[oc3::ACCOM];
    if (acc.size() == 2 && acc.back() == '1') ++suitable;
    if (OneOf(r[oc3::ACTIV], {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})) ++eet;
  }

  // A2 (second half): decision to place for adoption to match, children adopted in the year.
  double a2_days = 0, a2_n = 0;
  std::int64_t a2_unknown = 0;
  std::unordered_map<std::string, Date> placed, matched;
  for (const Row& r : current.tables[kPlacedAdoption]) {
    if (auto d = ParseDate(r[pa::DATE_PLACED])) placed.emplace(r[pa::CHILD], *d);
  }
  for (const Row& r : current.tables[kAd1]) {
    if (auto d = ParseDate(r[ad1::DATE_MATCH])) matched.emplace(r[ad1::CHILD], *d);
  }
  for (const auto& [child, _] : adopted_in_year) {
    auto p = placed.find(child);
    auto m = matched.find(child);
    if (p == placed.end() || m == matched.end()) {
      ++a2_unknown;
      continue;
    }
    a2_days += m->second.days() - p->second.days();
    ++a2_n;
  }

  std::vector<Measure903> out;
  out.push_back(Count("cla_at_31_march", "Children looked after at 31 March", cla31));
  out.push_back(Count("cla_started", "Children who started to be looked after", started));
  out.push_back(Count("cla_ceased", "Times children ceased to be looked after", ceased));
  out.push_back(Count("cla_adopted", "Children adopted from care", adopted));
  out.push_back(Share("cla_3plus_placements_pct", "Looked after at 31 March with 3+ placements",
                      three_plus, cla31));
  out.push_back(Share("cla_long_term_stable_pct",
                      "Under 16s looked after 2.5+ years, in the same placement 2+ years", lt_num,
                      lt_den, lt_unknown));
  out.push_back(Share("care_leavers_19_21_suitable_pct",
                      "Care leavers aged 19-21 in suitable accommodation", suitable, cl));
  out.push_back(Share("care_leavers_19_21_eet_pct",
                      "Care leavers aged 19-21 in education, employment "
                      "or training",
                      eet, cl));
  out.push_back(Average("adoption_a10_days",
                        "Average days from entering care to moving in with the adopters", a10_days,
                        a10_n, a10_unknown));
  out.push_back(Average("adoption_decision_to_match_days",
                        "Average days from the decision to place for adoption to the match",
                        a2_days, a2_n, a2_unknown));
  return out;
}

}  // namespace sg::ssda903
