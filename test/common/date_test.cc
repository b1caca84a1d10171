#include "common/date.h"

#include <gtest/gtest.h>

namespace sg {
namespace {

TEST(Date, ParsesAndPrintsIso) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2024);
  EXPECT_EQ(d->month(), 2u);
  EXPECT_EQ(d->day(), 29u);
  EXPECT_EQ(d->ToString(), "2024-02-29");
  EXPECT_EQ(d->ToUkString(), "29/02/2024");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::Parse("2023-02-29").ok());
  EXPECT_FALSE(Date::Parse("2024-13-01").ok());
  EXPECT_FALSE(Date::Parse("2024-1-01").ok());
  EXPECT_FALSE(Date::Parse("01/02/2024").ok());
  EXPECT_FALSE(Date::Parse("").ok());
  EXPECT_NE(Date::Parse("2023-02-29").status().message().find("not a real calendar date"),
            std::string::npos);
}

TEST(Date, ParsesUkForm) {
  auto d = Date::ParseUk("31/03/2026");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2026-03-31");
  EXPECT_FALSE(Date::ParseUk("31/04/2026").ok());
}

TEST(Date, WeekdayAndArithmetic) {
  EXPECT_EQ(Date::FromCivil(1970, 1, 1).weekday(), 3u);   // Thursday
  EXPECT_EQ(Date::FromCivil(2026, 3, 31).weekday(), 1u);  // Tuesday
  EXPECT_EQ(Date::FromCivil(1969, 12, 31).weekday(), 2u);
  EXPECT_EQ(Date::FromCivil(2024, 2, 28).AddDays(2).ToString(), "2024-03-01");
}

TEST(Date, AgeInWholeYears) {
  const Date dob = Date::FromCivil(2010, 6, 15);
  EXPECT_EQ(Date::FromCivil(2026, 6, 14).YearsSince(dob), 15);
  EXPECT_EQ(Date::FromCivil(2026, 6, 15).YearsSince(dob), 16);
}

TEST(Timestamp, ParsesZuluOffsetsAndPostgresForm) {
  EXPECT_EQ(Timestamp::Parse("1970-01-01T00:00:10Z")->unix_seconds(), 10);
  EXPECT_EQ(Timestamp::Parse("2026-06-01T10:00:00+01:00")->ToString(), "2026-06-01T09:00:00Z");
  EXPECT_EQ(Timestamp::Parse("2026-06-01 09:00:00+00")->ToString(), "2026-06-01T09:00:00Z");
  EXPECT_EQ(Timestamp::Parse("2026-06-01 09:00:00.123456+00")->ToString(), "2026-06-01T09:00:00Z");
  EXPECT_FALSE(Timestamp::Parse("2026-06-01T09:00:00").ok());  // no zone
  EXPECT_FALSE(Timestamp::Parse("2026-06-01T25:00:00Z").ok());
}

TEST(Timestamp, UkTimeFollowsBritishSummerTime) {
  // BST 2026: 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(Timestamp::Parse("2026-03-29T00:59:59Z")->UkOffsetSeconds(), 0);
  EXPECT_EQ(Timestamp::Parse("2026-03-29T01:00:00Z")->UkOffsetSeconds(), 3600);
  EXPECT_EQ(Timestamp::Parse("2026-10-25T00:59:59Z")->UkOffsetSeconds(), 3600);
  EXPECT_EQ(Timestamp::Parse("2026-10-25T01:00:00Z")->UkOffsetSeconds(), 0);
  // 23:30 UTC on 30 June is 00:30 on 1 July in the UK.
  EXPECT_EQ(Timestamp::Parse("2026-06-30T23:30:00Z")->UkDate().ToString(), "2026-07-01");
  EXPECT_EQ(Timestamp::Parse("2026-06-30T23:30:00Z")->ToUkLocalString(),
            "2026-07-01T00:30:00+01:00");
  EXPECT_EQ(FromUkLocal(Date::FromCivil(2026, 7, 1), 0, 30, 0).ToString(), "2026-06-30T23:30:00Z");
  EXPECT_EQ(FromUkLocal(Date::FromCivil(2026, 1, 1), 9, 0, 0).ToString(), "2026-01-01T09:00:00Z");
}

TEST(Date, AddMonthsClampsToTheMonthsLastDay) {
  auto d = [](const char* iso) { return *Date::Parse(iso); };
  EXPECT_EQ(d("2025-01-31").AddMonths(1), d("2025-02-28"));
  EXPECT_EQ(d("2024-01-31").AddMonths(1), d("2024-02-29"));
  EXPECT_EQ(d("2025-11-15").AddMonths(3), d("2026-02-15"));
  EXPECT_EQ(d("2025-08-31").AddMonths(6), d("2026-02-28"));
  EXPECT_EQ(d("2025-03-31").AddMonths(9), d("2025-12-31"));
  EXPECT_EQ(d("2024-02-29").AddMonths(12), d("2025-02-28"));
  EXPECT_EQ(d("2026-01-31").AddMonths(-2), d("2025-11-30"));
  EXPECT_EQ(d("2026-11-01").AddMonths(-23), d("2024-12-01"));
}

}  // namespace
}  // namespace sg
