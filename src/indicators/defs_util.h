#pragma once
// Helpers shared by the indicator definitions (defs_*.cc); internal to the indicators folder.

#include <span>
#include <string_view>

#include "common/working_days.h"
#include "indicators/engine.h"

namespace sg::ind::defs {

inline const WorkingDayCalendar& Cal() { return WorkingDayCalendar::England(); }

// True when `done` is on or before the n-th working day after `start` (false outside the
// calendar's 2010-2030 coverage).
inline bool WithinWorkingDays(Day start, Day done, int n) {
  if (start == kNoDay || done == kNoDay || done == kOpen) return false;
  auto r = Cal().Within(Date::FromDays(start), Date::FromDays(done), n);
  return r.ok() && *r;
}

// Working days in (start, done]; -1 when unknown.
inline int WorkingDaysBetween(Day start, Day done) {
  if (start == kNoDay || done == kNoDay || done == kOpen) return -1;
  auto r = Cal().WorkingDaysBetween(Date::FromDays(start), Date::FromDays(done));
  return r.ok() ? *r : -1;
}

inline int AgeOn(Day dob, Day at) {
  if (dob == kNoDay || at < dob) return -1;
  return Date::FromDays(at).YearsSince(Date::FromDays(dob));
}

inline bool OpenOn(Day start, Day end, Day at) {
  return start != kNoDay && start <= at && end >= at;
}

// Open at the end of `at` (started on or before it, not ended on or before it): DfE's "at 31
// March" for episodes of care and of need, and for plans.
inline bool OpenAtEnd(Day start, Day end, Day at) {
  return start != kNoDay && start <= at && end > at;
}

// Looked after under an agreed series of short-term placements (short breaks): left out of
// DfE's looked-after figures.
inline bool ShortBreak(const FEpisode& e) { return e.ls == "V3" || e.ls == "V4"; }

// A new placement begins with every episode except a change of legal status only.
inline bool PlacementStart(const FEpisode& e) { return e.rne != "L"; }

inline std::span<const FEpisode> EpisodesOf(const Facts& f, Ix child) {
  const auto b = static_cast<size_t>(f.episode_begin[static_cast<size_t>(child)]);
  const auto e = static_cast<size_t>(f.episode_begin[static_cast<size_t>(child) + 1]);
  return std::span<const FEpisode>(f.episodes).subspan(b, e - b);
}

inline std::span<const Ix> ReferralsOf(const Facts& f, Ix child) {
  const auto b = static_cast<size_t>(f.referral_begin[static_cast<size_t>(child)]);
  const auto e = static_cast<size_t>(f.referral_begin[static_cast<size_t>(child) + 1]);
  return std::span<const Ix>(f.referrals_by_child).subspan(b, e - b);
}

// The child's episode open at the end of `at` (not a short break), or nullptr.
inline const FEpisode* LookedAfterAt(std::span<const FEpisode> eps, Day at) {
  for (const FEpisode& e : eps) {
    if (OpenAtEnd(e.start, e.end, at) && !ShortBreak(e)) return &e;
  }
  return nullptr;
}

// Whether the child was looked after (not on short breaks) at any time in [from, to].
inline bool LookedAfterDuring(std::span<const FEpisode> eps, Day from, Day to) {
  for (const FEpisode& e : eps) {
    if (!ShortBreak(e) && e.start <= to && e.end >= from) return true;
  }
  return false;
}

// The start of the period of care that includes `at` (the latest episode starting a new
// period, RNE S, on or before it), or kNoDay.
inline Day PeriodOfCareStart(std::span<const FEpisode> eps, Day at) {
  Day start = kNoDay;
  for (const FEpisode& e : eps) {
    if (e.start > at) break;
    if (e.rne == "S") start = e.start;
  }
  return start;
}

// Days between two dates that one year apart is 365 or 366.
inline Day AddYears(Day d, int years) {
  const Date x = Date::FromDays(d);
  unsigned day = x.day();
  const int y = x.year() + years;
  if (x.month() == 2 && day == 29 && !Date::IsValidCivil(y, 2, 29)) day = 28;
  return Date::FromCivil(y, x.month(), day).days();
}

inline Day AddMonths(Day d, int months) { return Date::FromDays(d).AddMonths(months).days(); }

}  // namespace sg::ind::defs
