#include "common/date.h"

#include <chrono>
#include <cstdio>

namespace sg {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain).
constexpr std::int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int y;
  unsigned m;
  unsigned d;
};

constexpr Civil CivilFromDays(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

constexpr bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned DaysInMonth(int y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

// Last Sunday of `month` in `year`.
Date LastSunday(int year, unsigned month) {
  Date last = Date::FromCivil(year, month, DaysInMonth(year, month));
  return last.AddDays(-static_cast<std::int32_t>((last.weekday() + 1) % 7));
}

}  // namespace

Date Date::FromCivil(int year, unsigned month, unsigned day) {
  return FromDays(DaysFromCivil(year, month, day));
}

bool Date::IsValidCivil(int year, unsigned month, unsigned day) {
  return year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

Result<Date> Date::Parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, &y) ||
      !ParseDigits(text, 5, 2, &m) || !ParseDigits(text, 8, 2, &d)) {
    return InvalidArgument("expected a date as YYYY-MM-DD, got \"" + std::string(text) + "\"");
  }
  if (!IsValidCivil(y, m, d)) {
    return InvalidArgument("\"" + std::string(text) + "\" is not a real calendar date");
  }
  return FromCivil(y, m, d);
}

Result<Date> Date::ParseUk(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[2] != '/' || text[5] != '/' || !ParseDigits(text, 0, 2, &d) ||
      !ParseDigits(text, 3, 2, &m) || !ParseDigits(text, 6, 4, &y)) {
    return InvalidArgument("expected a date as DD/MM/YYYY, got \"" + std::string(text) + "\"");
  }
  if (!IsValidCivil(y, m, d)) {
    return InvalidArgument("\"" + std::string(text) + "\" is not a real calendar date");
  }
  return FromCivil(y, m, d);
}

int Date::year() const { return CivilFromDays(days_).y; }
unsigned Date::month() const { return CivilFromDays(days_).m; }
unsigned Date::day() const { return CivilFromDays(days_).d; }

unsigned Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int w = (days_ + 3) % 7;
  return static_cast<unsigned>(w < 0 ? w + 7 : w);
}

std::string Date::ToString() const {
  const Civil c = CivilFromDays(days_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

std::string Date::ToUkString() const {
  const Civil c = CivilFromDays(days_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", c.d, c.m, c.y);
  return buf;
}

Date Date::AddMonths(int months) const {
  const Civil c = CivilFromDays(days_);
  const int index = c.y * 12 + static_cast<int>(c.m) - 1 + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const unsigned month = static_cast<unsigned>(index - year * 12) + 1;
  unsigned day = c.d;
  while (day > 28 && !IsValidCivil(year, month, day)) --day;
  return FromCivil(year, month, day);
}

int Date::YearsSince(Date dob) const {
  const Civil now = CivilFromDays(days_);
  const Civil b = CivilFromDays(dob.days_);
  int years = now.y - b.y;
  if (now.m < b.m || (now.m == b.m && now.d < b.d)) --years;
  return years;
}

Result<Timestamp> Timestamp::Parse(std::string_view text) {
  auto bad = [&] {
    return InvalidArgument("expected a timestamp as YYYY-MM-DDTHH:MM:SSZ, got \"" +
                           std::string(text) + "\"");
  };
  if (text.size() < 19) return bad();
  auto date = Date::Parse(text.substr(0, 10));
  if (!date.ok()) return date.status();
  int hh = 0, mm = 0, ss = 0;
  if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':' ||
      !ParseDigits(text, 11, 2, &hh) || !ParseDigits(text, 14, 2, &mm) ||
      !ParseDigits(text, 17, 2, &ss) || hh > 23 || mm > 59 || ss > 59) {
    return bad();
  }
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return bad();
  }
  std::int64_t offset = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!ParseDigits(text, pos, 2, &oh)) return bad();
    pos += 2;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (pos < text.size()) {
      if (!ParseDigits(text, pos, 2, &om)) return bad();
      pos += 2;
    }
    if (oh > 23 || om > 59) return bad();
    offset = std::int64_t{sign} * (std::int64_t{oh} * 3600 + std::int64_t{om} * 60);
  } else {
    return bad();
  }
  if (pos != text.size()) return bad();
  const std::int64_t secs = static_cast<std::int64_t>(date->days()) * 86400 +
                            std::int64_t{hh} * 3600 + std::int64_t{mm} * 60 + ss - offset;
  return FromUnixSeconds(secs);
}

Date Timestamp::UtcDate() const {
  std::int64_t d = seconds_ / 86400;
  if (seconds_ % 86400 < 0) --d;
  return Date::FromDays(static_cast<std::int32_t>(d));
}

int Timestamp::UkOffsetSeconds() const {
  const int y = UtcDate().year();
  const std::int64_t start =
      static_cast<std::int64_t>(LastSunday(y, 3).days()) * 86400 + 3600;  // 01:00 UTC
  const std::int64_t end = static_cast<std::int64_t>(LastSunday(y, 10).days()) * 86400 + 3600;
  return seconds_ >= start && seconds_ < end ? 3600 : 0;
}

Date Timestamp::UkDate() const { return AddSeconds(UkOffsetSeconds()).UtcDate(); }

std::string Timestamp::ToString() const {
  const Date d = UtcDate();
  const std::int64_t sod = seconds_ - static_cast<std::int64_t>(d.days()) * 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.ToString().c_str(),
                static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60),
                static_cast<int>(sod % 60));
  return buf;
}

std::string Timestamp::ToUkLocalString() const {
  const int off = UkOffsetSeconds();
  const Timestamp local = AddSeconds(off);
  const Date d = local.UtcDate();
  const std::int64_t sod = local.seconds_ - static_cast<std::int64_t>(d.days()) * 86400;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+%02d:00", d.ToString().c_str(),
                static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60),
                static_cast<int>(sod % 60), off / 3600);
  return buf;
}

Timestamp FromUkLocal(Date date, int hh, int mm, int ss) {
  const std::int64_t local = static_cast<std::int64_t>(date.days()) * 86400 +
                             std::int64_t{hh} * 3600 + std::int64_t{mm} * 60 + ss;
  // Try BST first: valid if the resulting instant is in BST.
  const Timestamp as_bst = Timestamp::FromUnixSeconds(local - 3600);
  if (as_bst.UkOffsetSeconds() == 3600) return as_bst;
  return Timestamp::FromUnixSeconds(local);
}

Timestamp SystemClock::Now() const {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp::FromUnixSeconds(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

}  // namespace sg
