// Internal to time/. Proleptic Gregorian civil-date arithmetic on naive local times.
//
// A DateTime is seconds since 1970-01-01T00:00:00 on a clock with no time zone (the
// reference's local wall time); a day number is days since 1970-01-01. Every function
// works for any year in [-9999, 9999], including negative (astronomical-ish) years; the
// caller checks ranges. No function here allocates except the formatters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::time {

using DateTime = int64_t;  // seconds since 1970-01-01T00:00:00, naive local time

constexpr int64_t kSecondsPerDay = 86400;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

struct CivilTime {
  int year = 1970, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);

// ISO weekday of a day number: 1 = Monday .. 7 = Sunday.
int WeekdayOfDays(int64_t days);
inline int Weekday(int year, int month, int day) { return WeekdayOfDays(DaysFromCivil(year, month, day)); }

// ISO 8601 week-numbering year and week (1..53) of a day number.
void IsoWeek(int64_t days, int* iso_year, int* week);
// Day number of the Monday of ISO week `week` of `iso_year`.
int64_t IsoWeekMonday(int iso_year, int week);

DateTime MakeDateTime(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);
inline DateTime DayStart(int64_t days) { return days * kSecondsPerDay; }
int64_t DaysOf(DateTime t);  // floor division
CivilTime ToCivil(DateTime t);

// Adds `n` months to year/month (n may be negative).
void AddMonths(int* year, int* month, int64_t n);
// Adds calendar months to a date time, clamping the day to the target month's length.
DateTime AddMonthsClamped(DateTime t, int64_t n);

// Western (Gregorian computus) and Orthodox (Julian computus, as a Gregorian date)
// Easter Sunday of `year`, as a day number.
int64_t WesternEaster(int year);
int64_t OrthodoxEaster(int year);

// "2016-12-11", "2016-12-11T14:30", "2016", "-0345" and so on. Years outside 0..9999 get
// a sign and at least four digits.
std::string FormatYear(int year);
std::string FormatDate(int64_t days);
std::string FormatDateTime(DateTime t, bool seconds);

// Parses "2016-12-11", "2016-12-11T04:30", "2016-12-11T04:30:00", "2016-12-11 04:30:00",
// with an optional trailing "Z" or "+01:00"/"-0200" offset (ignored: times stay local),
// and fractional seconds. Returns false on anything else.
bool ParseIsoDateTime(std::string_view s, DateTime* out, bool* has_time);

}  // namespace sitrep::time
