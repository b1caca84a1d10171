#pragma once
// Working-day arithmetic for England: Monday to Friday less the bank holidays of England and
// Wales. Convention: "within N working days of D" means the N-th working day after D is the
// last day allowed; D itself is day 0 whatever day it is.
//
// Thread-safety: a WorkingDayCalendar is immutable after construction.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"

namespace sg {

class WorkingDayCalendar {
 public:
  // Holidays must lie within [first, last]; dates outside that range are out of coverage.
  static Result<WorkingDayCalendar> Create(Date first, Date last, std::span<const Date> holidays);
  // Parses "date,name" CSV lines with a header (the shipped bank-holiday table).
  static Result<WorkingDayCalendar> FromCsv(std::string_view csv);

  // The calendar built from the bank-holiday table compiled into the binary (2010–2030).
  static const WorkingDayCalendar& England();

  Date first() const { return first_; }
  Date last() const { return last_; }
  bool Covers(Date d) const { return d >= first_ && d <= last_; }

  // REQUIRES: Covers(d).
  bool IsWorkingDay(Date d) const;
  bool IsBankHoliday(Date d) const;

  // The n-th working day after d (n >= 0; n == 0 returns d). Errors if outside coverage.
  Result<Date> AddWorkingDays(Date d, int n) const;
  // The number of working days in (from, to]: 0 when to <= from. Errors outside coverage.
  Result<int> WorkingDaysBetween(Date from, Date to) const;
  // True when `done` is on or before the n-th working day after `start`.
  Result<bool> Within(Date start, Date done, int n) const;

 private:
  WorkingDayCalendar() = default;
  Date first_;
  Date last_;
  // cumulative_[i] = working days in [first_, first_ + i] inclusive.
  std::vector<std::int32_t> cumulative_;
  std::vector<bool> holiday_;
};

}  // namespace sg
