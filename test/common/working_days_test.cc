#include "common/working_days.h"

#include <gtest/gtest.h>

namespace sg {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(WorkingDays, ShippedTableCoversTwentyTenToTwentyThirty) {
  const auto& cal = WorkingDayCalendar::England();
  EXPECT_EQ(cal.first(), D("2010-01-01"));
  EXPECT_EQ(cal.last(), D("2030-12-31"));
  EXPECT_TRUE(cal.IsBankHoliday(D("2025-12-25")));
  EXPECT_TRUE(cal.IsBankHoliday(D("2022-09-19")));  // state funeral, a one-off
  EXPECT_TRUE(cal.IsBankHoliday(D("2020-05-08")));  // VE day, moved
  EXPECT_FALSE(cal.IsBankHoliday(D("2020-05-04")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-01-03")));  // Saturday
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-01-05")));
}

TEST(WorkingDays, DayZeroIsTheStartAndHolidaysAreSkipped) {
  const auto& cal = WorkingDayCalendar::England();
  EXPECT_EQ(*cal.AddWorkingDays(D("2026-01-05"), 0), D("2026-01-05"));
  // Friday 19 Dec 2025 + 5 working days: 22, 23, 24, (25, 26 holidays), 29, 30.
  EXPECT_EQ(*cal.AddWorkingDays(D("2025-12-19"), 5), D("2025-12-30"));
  // A referral on Saturday: day 1 is Monday.
  EXPECT_EQ(*cal.AddWorkingDays(D("2026-01-03"), 1), D("2026-01-05"));
}

TEST(WorkingDays, FortyFiveWorkingDayAssessmentTimescale) {
  const auto& cal = WorkingDayCalendar::England();
  // Referral Monday 2 March 2026; Good Friday 3 April and Easter Monday 6 April 2026 and the
  // early May bank holiday (4 May) fall inside.
  const Date last_allowed = *cal.AddWorkingDays(D("2026-03-02"), 45);
  EXPECT_EQ(last_allowed, D("2026-05-07"));
  EXPECT_TRUE(*cal.Within(D("2026-03-02"), D("2026-05-07"), 45));
  EXPECT_FALSE(*cal.Within(D("2026-03-02"), D("2026-05-08"), 45));
  EXPECT_EQ(*cal.WorkingDaysBetween(D("2026-03-02"), D("2026-05-07")), 45);
  EXPECT_EQ(*cal.WorkingDaysBetween(D("2026-05-07"), D("2026-03-02")), 0);
}

TEST(WorkingDays, OutsideTheTableIsAnErrorNotAGuess) {
  const auto& cal = WorkingDayCalendar::England();
  EXPECT_FALSE(cal.AddWorkingDays(D("2031-01-02"), 1).ok());
  EXPECT_FALSE(cal.AddWorkingDays(D("2030-12-30"), 5).ok());
  EXPECT_FALSE(cal.WorkingDaysBetween(D("2009-12-31"), D("2010-01-05")).ok());
}

TEST(WorkingDays, CsvErrorsNameTheLine) {
  auto cal = WorkingDayCalendar::FromCsv("date,name\n2026-01-01,New Year\n2026-13-01,Bad\n");
  ASSERT_FALSE(cal.ok());
  EXPECT_NE(cal.status().message().find("line 3"), std::string::npos);
}

}  // namespace
}  // namespace sg
