#include "common/working_days.h"

#include <algorithm>
#include <string>

#include "common/csv.h"
#include "common/embedded_data.h"

namespace sg {

Result<WorkingDayCalendar> WorkingDayCalendar::Create(Date first, Date last,
                                                      std::span<const Date> holidays) {
  if (last < first) return InvalidArgument("calendar ends before it starts");
  WorkingDayCalendar cal;
  cal.first_ = first;
  cal.last_ = last;
  const size_t n = static_cast<size_t>(last.days() - first.days()) + 1;
  cal.holiday_.assign(n, false);
  for (Date h : holidays) {
    if (!cal.Covers(h)) {
      return InvalidArgument("bank holiday " + h.ToString() + " is outside the calendar range");
    }
    cal.holiday_[static_cast<size_t>(h.days() - first.days())] = true;
  }
  cal.cumulative_.resize(n);
  std::int32_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    const Date d = first.AddDays(static_cast<std::int32_t>(i));
    if (d.weekday() < 5 && !cal.holiday_[i]) ++count;
    cal.cumulative_[i] = count;
  }
  return cal;
}

Result<WorkingDayCalendar> WorkingDayCalendar::FromCsv(std::string_view csv) {
  std::vector<Date> days;
  SG_RETURN_IF_ERROR(ForEachLine(csv, [&](int line_no, std::string_view line) -> Status {
    if (line_no == 1 || line.empty()) return Status::Ok();
    auto d = Date::Parse(line.substr(0, line.find(',')));
    if (!d.ok()) {
      return InvalidArgument("bank holiday table line " + std::to_string(line_no) + ": " +
                             d.status().message());
    }
    days.push_back(*d);
    return Status::Ok();
  }));
  if (days.empty()) return InvalidArgument("bank holiday table is empty");
  std::sort(days.begin(), days.end());
  const Date first = Date::FromCivil(days.front().year(), 1, 1);
  const Date last = Date::FromCivil(days.back().year(), 12, 31);
  return Create(first, last, days);
}

const WorkingDayCalendar& WorkingDayCalendar::England() {
  static const WorkingDayCalendar* cal = [] {
    auto r = FromCsv(embedded::kBankHolidaysCsv);
    // The table is compiled in and covered by tests; failing here is a build defect.
    if (!r.ok()) std::abort();
    return new WorkingDayCalendar(std::move(r).value());
  }();
  return *cal;
}

bool WorkingDayCalendar::IsBankHoliday(Date d) const {
  return Covers(d) && holiday_[static_cast<size_t>(d.days() - first_.days())];
}

bool WorkingDayCalendar::IsWorkingDay(Date d) const { return d.weekday() < 5 && !IsBankHoliday(d); }

Result<Date> WorkingDayCalendar::AddWorkingDays(Date d, int n) const {
  if (!Covers(d)) {
    return InvalidArgument("date " + d.ToString() + " is outside the bank holiday table (" +
                           first_.ToString() + " to " + last_.ToString() + ")");
  }
  if (n <= 0) return d;
  const std::int32_t target = cumulative_[static_cast<size_t>(d.days() - first_.days())] + n;
  if (target > cumulative_.back()) {
    return InvalidArgument(std::to_string(n) + " working days after " + d.ToString() +
                           " is beyond the bank holiday table (ends " + last_.ToString() + ")");
  }
  const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), target);
  return first_.AddDays(static_cast<std::int32_t>(it - cumulative_.begin()));
}

Result<int> WorkingDayCalendar::WorkingDaysBetween(Date from, Date to) const {
  if (!Covers(from) || !Covers(to)) {
    return InvalidArgument("dates " + from.ToString() + ".." + to.ToString() +
                           " are outside the bank holiday table (" + first_.ToString() + " to " +
                           last_.ToString() + ")");
  }
  if (to <= from) return 0;
  return cumulative_[static_cast<size_t>(to.days() - first_.days())] -
         cumulative_[static_cast<size_t>(from.days() - first_.days())];
}

Result<bool> WorkingDayCalendar::Within(Date start, Date done, int n) const {
  SG_ASSIGN_OR_RETURN(int used, WorkingDaysBetween(start, done));
  return used <= n;
}

}  // namespace sg
