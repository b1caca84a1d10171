#pragma once
// Civil dates and UTC timestamps.
// Date: a day in the proleptic Gregorian calendar, as days since 1970-01-01. Dates in the
// record are civil dates in Europe/London (a date of birth has no time zone).
// Timestamp: an instant, as whole seconds since the Unix epoch, always UTC in storage;
// shown in UK time (GMT/BST) through ToUkLocalString.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sg {

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(std::int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }
  // REQUIRES: a valid civil date (use Parse / IsValidCivil for input).
  static Date FromCivil(int year, unsigned month, unsigned day);
  static bool IsValidCivil(int year, unsigned month, unsigned day);

  // Strict ISO 8601 "YYYY-MM-DD" (years 1800..2200). Errors name what was expected.
  static Result<Date> Parse(std::string_view text);
  // DfE's "DD/MM/YYYY" as used by SSDA903 CSV files.
  static Result<Date> ParseUk(std::string_view text);

  constexpr std::int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // 0 = Monday ... 6 = Sunday.
  unsigned weekday() const;

  Date AddDays(std::int32_t n) const { return FromDays(days_ + n); }
  // Moved by whole months (either way); a day past the end of the target month becomes its
  // last day (31 January + 1 month = 28 or 29 February).
  Date AddMonths(int months) const;
  std::string ToString() const;    // "YYYY-MM-DD"
  std::string ToUkString() const;  // "DD/MM/YYYY"

  // Whole years from `dob` to this date (the age on this date).
  int YearsSince(Date dob) const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>.
  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_ = 0;
};

class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp FromUnixSeconds(std::int64_t s) {
    Timestamp t;
    t.seconds_ = s;
    return t;
  }
  // Accepts "YYYY-MM-DDTHH:MM:SSZ", with an optional fraction (dropped) and either 'Z' or a
  // numeric offset ("+01:00", "+0100", "+01"); a space may stand for 'T' (PostgreSQL's form).
  static Result<Timestamp> Parse(std::string_view text);

  constexpr std::int64_t unix_seconds() const { return seconds_; }
  Date UtcDate() const;
  // The civil date in Europe/London.
  Date UkDate() const;
  // The UTC offset in Europe/London at this instant: 0 (GMT) or 3600 (BST).
  int UkOffsetSeconds() const;

  std::string ToString() const;         // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  std::string ToUkLocalString() const;  // "YYYY-MM-DDTHH:MM:SS+01:00" in UK time

  Timestamp AddSeconds(std::int64_t s) const { return FromUnixSeconds(seconds_ + s); }
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>.
  constexpr auto operator<=>(const Timestamp&) const = default;

 private:
  std::int64_t seconds_ = 0;
};

// The instant at which UK local time `date` `hh:mm:ss` occurs (GMT/BST by the EU/UK rule:
// BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
Timestamp FromUkLocal(Date date, int hh, int mm, int ss);

// A source of the current time; pass it in so that tests are deterministic.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp now) : now_(now) {}
  Timestamp Now() const override { return now_; }
  void Set(Timestamp now) { now_ = now; }
  void Advance(std::int64_t seconds) { now_ = now_.AddSeconds(seconds); }

 private:
  Timestamp now_;
};

}  // namespace sg
