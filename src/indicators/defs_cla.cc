// Children looked after, care leavers and adoption.
#include <algorithm>

#include "indicators/defs_util.h"

namespace sg::ind {
namespace {
using namespace defs;

// Calls fn(child, episodes) for every child with looked-after episodes.
template <typename Fn>
void ForEachChildInCare(const Facts& f, Fn fn) {
  for (size_t c = 0; c < f.children.size(); ++c) {
    auto eps = EpisodesOf(f, static_cast<Ix>(c));
    if (!eps.empty()) fn(static_cast<Ix>(c), eps);
  }
}

// The reference dates at which the child was looked after (not on short breaks): calls
// fn(period, episode open then).
template <typename Fn>
void ForEachReferenceInCare(Tally& t, std::span<const FEpisode> eps, Fn fn) {
  int last = -1;  // episodes can meet on a day; count each reference date once
  for (const FEpisode& e : eps) {
    if (ShortBreak(e)) continue;
    auto [a, b] = t.PeriodsEnding(e.start, e.end == kOpen ? kOpen : e.end - 1);
    for (int q = std::max(a, last + 1); q < b; ++q) {
      fn(q, e);
      last = q;
    }
  }
}

bool OneOf(const std::string& v, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (v == c) return true;
  }
  return false;
}

// ---- Looked after: stock and flow ----

void ClaAtEnd(const Facts& f, Tally& t) {
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachReferenceInCare(t, eps,
                           [&](int q, const FEpisode&) { t.Add(q, c, kNone, t.To(q), 1, 0); });
  });
}

void ClaStarted(const Facts& f, Tally& t) {
  // Children starting a period of care (RNE S) in the period, each child once per period.
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    int last = -1;
    for (const FEpisode& e : eps) {
      if (e.rne != "S" || ShortBreak(e)) continue;
      const int p = t.PeriodOf(e.start);
      if (p >= 0 && p != last) t.Add(p, c, kNone, e.start, 1, 0);
      last = p;
    }
  });
}

// The child's episodes ending a period of care (any reason but X1) in each period, the last
// one per period: calls fn(period, episode).
template <typename Fn>
void ForEachCeased(Tally& t, std::span<const FEpisode> eps, Fn fn) {
  const FEpisode* pending = nullptr;
  int pending_p = -1;
  for (const FEpisode& e : eps) {
    if (e.end == kOpen || e.rec.empty() || e.rec == "X1" || ShortBreak(e)) continue;
    const int p = t.PeriodOf(e.end);
    if (p < 0) continue;
    if (pending != nullptr && p != pending_p) fn(pending_p, *pending);
    pending = &e;
    pending_p = p;
  }
  if (pending != nullptr) fn(pending_p, *pending);
}

void ClaCeased(const Facts& f, Tally& t) {
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachCeased(t, eps, [&](int p, const FEpisode& e) { t.Add(p, c, kNone, e.end, 1, 0); });
  });
}

void ThreePlacements(const Facts& f, Tally& t) {
  // Looked after at the reference date with 3 or more placements in the 12 months up to it.
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachReferenceInCare(t, eps, [&](int q, const FEpisode&) {
      const Day ref = t.To(q);
      const Day from = AddYears(ref, -1) + 1;
      int n = 0;
      for (const FEpisode& e : eps) {
        if (ShortBreak(e) || e.start > ref || e.end < from) continue;
        // An episode begun before the 12 months by a change of legal status only (L) carries
        // on the placement the child was in when they began: that placement counts too.
        if (PlacementStart(e) || e.start < from) ++n;
      }
      t.Add(q, c, kNone, ref, n >= 3 ? 1 : 0, 1);
    });
  });
}

void LongTermStability(const Facts& f, Tally& t) {
  // Under 16 at the reference date, looked after continuously for 2.5 years or more, and in
  // the same placement for 2 years or more.
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    const Day dob = f.children[static_cast<size_t>(c)].dob;
    ForEachReferenceInCare(t, eps, [&](int q, const FEpisode&) {
      const Day ref = t.To(q);
      const int age = AgeOn(dob, ref);
      if (age < 0 || age >= 16) return;
      const Day care_start = PeriodOfCareStart(eps, ref);
      if (care_start == kNoDay || care_start > AddMonths(ref, -30)) return;
      Day placed = kNoDay;
      for (const FEpisode& e : eps) {
        if (e.start > ref) break;
        if (PlacementStart(e)) placed = e.start;
      }
      t.Add(q, c, kNone, ref, placed != kNoDay && placed <= AddYears(ref, -2) ? 1 : 0, 1);
    });
  });
}

void PlacementShare(const Facts& f, Tally& t, std::initializer_list<std::string_view> codes) {
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachReferenceInCare(t, eps, [&](int q, const FEpisode& e) {
      t.Add(q, c, kNone, t.To(q), OneOf(e.place, codes) ? 1 : 0, 1);
    });
  });
}
void PlacedFoster(const Facts& f, Tally& t) {
  PlacementShare(f, t, {"U1", "U2", "U3", "U4", "U5", "U6"});
}
void PlacedResidential(const Facts& f, Tally& t) { PlacementShare(f, t, {"K1", "K2"}); }
void PlacedParents(const Facts& f, Tally& t) { PlacementShare(f, t, {"P1"}); }
void PlacedIndependent(const Facts& f, Tally& t) { PlacementShare(f, t, {"P2", "H5", "K3"}); }
void PlacedAdoption(const Facts& f, Tally& t) { PlacementShare(f, t, {"A3", "A4", "A5", "A6"}); }

void Uasc(const Facts& f, Tally& t) {
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    if (!f.children[static_cast<size_t>(c)].uasc) return;
    ForEachReferenceInCare(t, eps,
                           [&](int q, const FEpisode&) { t.Add(q, c, kNone, t.To(q), 1, 0); });
  });
}

void ClaReviewsUpToDate(const Facts& f, Tally& t) {
  // Looked after at the reference date in a period of care begun 6 months or more before it,
  // with a review in the 6 months up to it.
  std::vector<std::vector<Day>> reviews(f.children.size());
  for (const FClaReview& r : f.cla_reviews) reviews[static_cast<size_t>(r.child)].push_back(r.date);
  for (auto& v : reviews) std::sort(v.begin(), v.end());
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    const auto& days = reviews[static_cast<size_t>(c)];
    ForEachReferenceInCare(t, eps, [&](int q, const FEpisode&) {
      const Day ref = t.To(q);
      const Day start = PeriodOfCareStart(eps, ref);
      if (start == kNoDay || start > AddMonths(ref, -6)) return;
      auto it = std::upper_bound(days.begin(), days.end(), ref);
      // Up to date: the next review, due 6 months after the last, is not yet overdue.
      const bool ok = it != days.begin() && AddMonths(*std::prev(it), 6) >= ref;
      t.Add(q, c, kNone, ref, ok ? 1 : 0, 1);
    });
  });
}

void ReviewParticipation(const Facts& f, Tally& t) {
  for (const FClaReview& r : f.cla_reviews) {
    if (r.participation.empty() || r.participation == "PN0") continue;  // under 4, or unknown
    const bool took_part = r.participation != "PN7";
    t.Add(t.PeriodOf(r.date), r.child, kNone, r.date, took_part ? 1 : 0, 1);
  }
}

void ClaMissing(const Facts& f, Tally& t) {
  // Children looked after at any time in the period with a missing incident (M) starting in it.
  std::vector<std::vector<Day>> missing(f.children.size());
  for (const FMissing& m : f.missing) {
    if (m.type == "M") missing[static_cast<size_t>(m.child)].push_back(m.start);
  }
  std::vector<char> during(static_cast<size_t>(t.size()));
  std::vector<char> went(static_cast<size_t>(t.size()));
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    std::fill(during.begin(), during.end(), 0);
    std::fill(went.begin(), went.end(), 0);
    for (const FEpisode& e : eps) {
      if (ShortBreak(e)) continue;
      for (int p = 0; p < t.size(); ++p) {
        if (e.start <= t.To(p) && e.end >= t.From(p)) during[static_cast<size_t>(p)] = 1;
      }
    }
    for (Day d : missing[static_cast<size_t>(c)]) {
      const int p = t.PeriodOf(d);
      if (p >= 0) went[static_cast<size_t>(p)] = 1;
    }
    for (int p = 0; p < t.size(); ++p) {
      if (during[static_cast<size_t>(p)]) {
        t.Add(p, c, kNone, t.To(p), went[static_cast<size_t>(p)] ? 1 : 0, 1);
      }
    }
  });
}

// ---- Health (OC2) ----

// Looked after (not on short breaks) on every day of the 12 months up to `at` (1 April to 31
// March): as DfE's rule, a child who started on 1 April or left care on 31 March counts.
bool Continuously12Months(std::span<const FEpisode> eps, Day at) {
  Day cursor = AddYears(at, -1) + 1;
  for (const FEpisode& e : eps) {
    if (ShortBreak(e)) continue;
    if (e.start <= cursor && e.end >= cursor) cursor = e.end;
    if (cursor >= at) return true;
  }
  return false;
}

template <typename Pred>
void HealthShare(const Facts& f, Tally& t, Pred pred) {
  for (const FHealth& h : f.health) {
    const int p = t.PeriodOf(h.year_ending);
    if (p < 0 || !Continuously12Months(EpisodesOf(f, h.child), h.year_ending)) continue;
    t.Add(p, h.child, kNone, h.year_ending, pred(h) ? 1 : 0, 1);
  }
}
void HealthCheck(const Facts& f, Tally& t) {
  HealthShare(f, t, [](const FHealth& h) { return h.health_assessment; });
}
void DentalCheck(const Facts& f, Tally& t) {
  HealthShare(f, t, [](const FHealth& h) { return h.teeth_check; });
}
void Immunisations(const Facts& f, Tally& t) {
  HealthShare(f, t, [](const FHealth& h) { return h.immunisations; });
}

// ---- Care leavers ----

// Care leavers aged 19 to 21 on the birthday the contact is about, each counted once per
// period by their latest contact in it.
template <typename Pred>
void CareLeaverShare(const Facts& f, Tally& t, Pred pred) {
  std::vector<const FCareLeaver*> latest;
  std::vector<std::pair<std::pair<Ix, int>, const FCareLeaver*>> keyed;
  for (const FCareLeaver& c : f.care_leavers) {
    const int p = t.PeriodOf(c.date);
    if (p < 0) continue;
    const int age = AgeOn(f.children[static_cast<size_t>(c.child)].dob, c.date);
    if (age < 19 || age > 21) continue;
    keyed.push_back({{c.child, p}, &c});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->contact < b.second->contact;
  });
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i + 1 < keyed.size() && keyed[i + 1].first == keyed[i].first) continue;  // not latest
    const FCareLeaver& c = *keyed[i].second;
    t.Add(keyed[i].first.second, c.child, kNone, c.date, pred(c) ? 1 : 0, 1);
  }
}
void CareLeaverInTouch(const Facts& f, Tally& t) {
  CareLeaverShare(f, t, [](const FCareLeaver& c) { return c.in_touch == "YES"; });
}
void CareLeaverSuitable(const Facts& f, Tally& t) {
  CareLeaverShare(f, t, [](const FCareLeaver& c) {
    return c.accommodation.size() == 2 && c.accommodation[1] == '1';
  });
}
void CareLeaverEet(const Facts& f, Tally& t) {
  CareLeaverShare(f, t, [](const FCareLeaver& c) {
    return OneOf(c.activity, {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"});
  });
}

// ---- Adoption ----

bool Adopted(const FEpisode& e) { return e.rec == "E11" || e.rec == "E12"; }

void AdoptedCount(const Facts& f, Tally& t) {
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachCeased(t, eps, [&](int p, const FEpisode& e) {
      if (Adopted(e)) t.Add(p, c, kNone, e.end, 1, 0);
    });
  });
}

void AdoptedShare(const Facts& f, Tally& t) {
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachCeased(t, eps, [&](int p, const FEpisode& e) {
      t.Add(p, c, kNone, e.end, Adopted(e) ? 1 : 0, 1);
    });
  });
}

void AdoptionA10(const Facts& f, Tally& t) {
  // Children adopted in the period: days from entering care (the start of the period of care
  // they were adopted from) to moving in with the adoptive family (that period's first
  // placement for adoption, PLACE A3-A6). Children whose entry into care is not in the data
  // supplied are left out.
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    ForEachCeased(t, eps, [&](int p, const FEpisode& adopted) {
      if (!Adopted(adopted)) return;
      const Day entry = PeriodOfCareStart(eps, adopted.start);
      if (entry == kNoDay) return;
      for (const FEpisode& e : eps) {
        if (e.start < entry || e.start > adopted.start) continue;
        if (OneOf(e.place, {"A3", "A4", "A5", "A6"})) {
          t.Add(p, c, kNone, adopted.end, e.start - entry, 1);
          return;
        }
      }
    });
  });
}

void AdoptionA2(const Facts& f, Tally& t) {
  // Children adopted in the period: days from the decision to place for adoption (placement
  // order) to the match with the adopters.
  std::vector<const FAdoption*> by_child(f.children.size(), nullptr);
  for (const FAdoption& a : f.adoptions) by_child[static_cast<size_t>(a.child)] = &a;
  ForEachChildInCare(f, [&](Ix c, auto eps) {
    const FAdoption* a = by_child[static_cast<size_t>(c)];
    if (a == nullptr || a->placement_order == kNoDay || a->match == kNoDay) return;
    ForEachCeased(t, eps, [&](int p, const FEpisode& e) {
      if (Adopted(e)) t.Add(p, c, kNone, e.end, a->match - a->placement_order, 1);
    });
  });
}

constexpr unsigned kCla = kHasCla;

const IndicatorDef kDefs[] = {
    {"cla_at_end", "Children looked after", "Children looked after",
     "How many children were in the council's care at the end of the period.",
     "Children looked after at the end of the reference date", "", "on the period's last day",
     "children looked after only under an agreed series of short-term placements (LS V3, V4)",
     Unit::kCount, Polarity::kNeither, kCla, "cla_at_31_march", ClaAtEnd},
    {"cla_rate", "Children looked after", "Children looked after per 10,000 children",
     "Children in care at the end of the period for every 10,000 children in the area.",
     "Children looked after at the reference date", "children aged 0-17 (ONS), per 10,000",
     "on the period's last day", "short breaks (LS V3, V4)", Unit::kPer10k, Polarity::kNeither,
     kCla, "cla_at_31_march_rate", ClaAtEnd},
    {"cla_started", "Children looked after", "Children starting to be looked after",
     "How many children came into care.",
     "Children with an episode starting a new period of care (RNE S) in the period, each once", "",
     "by DECOM", "short breaks (LS V3, V4)", Unit::kCount, Polarity::kNeither, kCla, "cla_started",
     ClaStarted},
    {"cla_ceased", "Children looked after", "Children ceasing to be looked after",
     "How many children left care.",
     "Children whose period of care ended in the period (an episode ending for any reason but "
     "X1), each once",
     "", "by DEC", "short breaks (LS V3, V4)", Unit::kCount, Polarity::kNeither, kCla, "cla_ceased",
     ClaCeased},
    {"cla_3plus_placements_pct", "Children looked after", "Three or more placements in a year",
     "Of the children in care, how many had moved placement at least twice in the last 12 months "
     "(short-term stability).",
     "Children looked after at the reference date with 3 or more placements (episodes other than "
     "a change of legal status only, and the placement open when the 12 months began) open in "
     "the 12 months up to it",
     "Children looked after at the reference date", "on the period's last day",
     "short breaks (LS V3, V4)", Unit::kPercent, Polarity::kLowerBetter, kCla,
     "cla_3plus_placements_pct", ThreePlacements},
    {"cla_long_term_stable_pct", "Children looked after", "Long-term placement stability",
     "Of the children under 16 in care for two and a half years or more, how many had lived in "
     "the same placement for two years or more.",
     "Children under 16 at the reference date, looked after continuously for 2.5 years or more, "
     "whose current placement began 2 years or more before it",
     "Children under 16 looked after continuously for 2.5 years or more at the reference date",
     "on the period's last day",
     "short breaks; Safeguard does not yet add a placement for adoption to the placement before "
     "it, as DfE does",
     Unit::kPercent, Polarity::kHigherBetter, kCla, "cla_long_term_stable_pct", LongTermStability},
    {"cla_foster_pct", "Children looked after", "Placed in foster care",
     "Of the children in care, how many lived with foster carers.",
     "Children looked after at the reference date in placements U1-U6",
     "Children looked after at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kHigherBetter, kCla, "lait_lac_foster_placements", PlacedFoster},
    {"cla_residential_pct", "Children looked after", "Placed in children's homes",
     "Of the children in care, how many lived in children's homes or secure homes.",
     "Children looked after at the reference date in placements K1, K2",
     "Children looked after at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kLowerBetter, kCla, "lait_lac_sechome_and_childhome", PlacedResidential},
    {"cla_parents_pct", "Children looked after", "Placed with parents",
     "Of the children in care, how many were placed with their parents.",
     "Children looked after at the reference date in placement P1",
     "Children looked after at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kNeither, kCla, "lait_lac_parents_or_others", PlacedParents},
    {"cla_independent_pct", "Children looked after",
     "Placed in independent or supported accommodation",
     "Of the children in care, how many lived independently or in supported accommodation.",
     "Children looked after at the reference date in placements P2, H5, K3",
     "Children looked after at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kNeither, kCla, "lait_lac_ind_sind_liv_arr", PlacedIndependent},
    {"cla_placed_for_adoption_pct", "Children looked after", "Placed for adoption",
     "Of the children in care, how many lived with prospective adopters.",
     "Children looked after at the reference date in placements A3-A6",
     "Children looked after at the reference date", "on the period's last day", "", Unit::kPercent,
     Polarity::kNeither, kCla, "", PlacedAdoption},
    {"cla_uasc", "Children looked after", "Unaccompanied asylum-seeking children in care",
     "How many children in care were unaccompanied asylum-seeking children.",
     "Children looked after at the reference date recorded as UASC", "", "on the period's last day",
     "", Unit::kCount, Polarity::kNeither, kCla, "lait_unacc_asylmn_seek_childn", Uasc},
    {"cla_reviews_up_to_date_pct", "Children looked after", "Looked-after reviews up to date",
     "Of the children in care for six months or more, how many had a review in the last six "
     "months.",
     "Children looked after at the reference date, in care 6 months or more, reviewed in the 6 "
     "months up to it",
     "Children looked after at the reference date in care 6 months or more",
     "on the period's last day", "short breaks", Unit::kPercent, Polarity::kHigherBetter, kCla, "",
     ClaReviewsUpToDate},
    {"cla_review_participation_pct", "Children looked after", "Children taking part in reviews",
     "At how many reviews the child took part, in person, through an advocate or in some other "
     "way.",
     "Reviews in the period with REVIEW_CODE PN1-PN6",
     "Reviews in the period of children aged 4 or over (REVIEW_CODE PN1-PN7)", "by the review date",
     "", Unit::kPercent, Polarity::kHigherBetter, kCla, "", ReviewParticipation},
    {"cla_missing_pct", "Children looked after", "Children in care who went missing",
     "Of the children in care during the period, how many went missing at least once.",
     "Children looked after at any time in the period with a missing incident (M) starting in it",
     "Children looked after at any time in the period", "during the period",
     "short breaks; absences without authorisation (A) are not missing incidents", Unit::kPercent,
     Polarity::kLowerBetter, kCla, "lait_children_missing", ClaMissing},
    {"cla_health_check_pct", "Children looked after", "Annual health assessments up to date",
     "Of the children in care for a year or more, how many had an up-to-date health assessment.",
     "Children looked after continuously for 12 months at the year's 31 March whose annual "
     "health assessment was up to date (OC2 HEALTH_ASSESSMENT)",
     "Children looked after continuously for 12 months at 31 March",
     "by the 31 March the OC2 figures are for", "short breaks", Unit::kPercent,
     Polarity::kHigherBetter, kCla, "lait_lachealth_pct", HealthCheck},
    {"cla_dental_check_pct", "Children looked after", "Dental checks up to date",
     "Of the children in care for a year or more, how many had had their teeth checked by a "
     "dentist.",
     "Children looked after continuously for 12 months at 31 March with TEETH_CHECK",
     "Children looked after continuously for 12 months at 31 March",
     "by the 31 March the OC2 figures are for", "short breaks", Unit::kPercent,
     Polarity::kHigherBetter, kCla, "lait_lacdental_pct", DentalCheck},
    {"cla_immunisations_pct", "Children looked after", "Immunisations up to date",
     "Of the children in care for a year or more, how many were up to date with immunisations.",
     "Children looked after continuously for 12 months at 31 March with IMMUNISATIONS",
     "Children looked after continuously for 12 months at 31 March",
     "by the 31 March the OC2 figures are for", "short breaks", Unit::kPercent,
     Polarity::kHigherBetter, kCla, "lait_lacvaccinations_pct", Immunisations},
    {"care_leavers_in_touch_pct", "Care leavers", "Care leavers in touch",
     "Of the care leavers aged 19 to 21, how many the council was in touch with.",
     "Care leavers aged 19-21 on the birthday their contact is about, IN_TOUCH YES",
     "Care leavers aged 19-21 with a birthday contact in the period (each once)",
     "by the birthday the contact is about", "", Unit::kPercent, Polarity::kHigherBetter, kCla, "",
     CareLeaverInTouch},
    {"care_leavers_suitable_pct", "Care leavers", "Care leavers in suitable accommodation",
     "Of the care leavers aged 19 to 21, how many lived in accommodation considered suitable.",
     "Care leavers aged 19-21 whose ACCOM ends in 1 (suitable)",
     "Care leavers aged 19-21 with a birthday contact in the period (each once)",
     "by the birthday the contact is about", "", Unit::kPercent, Polarity::kHigherBetter, kCla,
     "care_leavers_19_21_suitable_pct", CareLeaverSuitable},
    {"care_leavers_eet_pct", "Care leavers", "Care leavers in education, employment or training",
     "Of the care leavers aged 19 to 21, how many were in education, employment or training.",
     "Care leavers aged 19-21 with ACTIV F1, P1, F2, P2, F4, P4, F5 or P5",
     "Care leavers aged 19-21 with a birthday contact in the period (each once)",
     "by the birthday the contact is about", "", Unit::kPercent, Polarity::kHigherBetter, kCla,
     "care_leavers_19_21_eet_pct", CareLeaverEet},
    {"adopted", "Adoption", "Children adopted", "How many children in care were adopted.",
     "Children whose period of care ended in the period with an adoption order (REC E11, E12)", "",
     "by DEC", "", Unit::kCount, Polarity::kNeither, kCla, "lait_no_of_lac_adopted", AdoptedCount},
    {"adopted_pct", "Adoption", "Children leaving care through adoption",
     "Of the children who left care, how many were adopted.",
     "Children ceasing care in the period with REC E11 or E12",
     "Children ceasing care in the period", "by DEC", "short breaks", Unit::kPercent,
     Polarity::kNeither, kCla, "lait_pct_of_lac_adopted", AdoptedShare},
    {"adoption_a10_days", "Adoption", "Days from entering care to moving in with adopters (A10)",
     "For the children adopted, the average number of days between coming into care and moving "
     "in with their adoptive family.",
     "Sum over children adopted in the period of days from the start of their period of care to "
     "their first placement for adoption (A3-A6) in it",
     "Children adopted in the period whose entry into care and adoptive placement are known",
     "by the date of adoption (DEC)", "children whose entry into care is before the data supplied",
     Unit::kAverage, Polarity::kLowerBetter, kCla, "", AdoptionA10},
    {"adoption_a2_days", "Adoption", "Days from placement order to match (A2 style)",
     "For the children adopted, the average number of days between the council's authority to "
     "place for adoption and the match with adopters.",
     "Sum over children adopted in the period of days from DATE_PLACED to DATE_MATCH",
     "Children adopted in the period with both dates recorded", "by the date of adoption (DEC)", "",
     Unit::kAverage, Polarity::kLowerBetter, kCla, "", AdoptionA2},
};

}  // namespace

std::span<const IndicatorDef> ClaIndicators() { return kDefs; }

}  // namespace sg::ind
