// Internal to time/. Named days ("Christmas", "Eid al-Adha", "Thanksgiving") and how to
// find their dates in a given year; the rules come from data/time/holidays.txt.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::time {

enum class HolidayRule : uint8_t {
  kFixed,           // month/day every year
  kNthWeekday,      // n-th weekday of month (n = -1: last)
  kEaster,          // days after Western Easter
  kOrthodoxEaster,  // days after Orthodox Easter
  kHebrew,          // Hebrew month/day
  kIslamic,         // Islamic month/day
  kChinese,         // Chinese lunisolar month/day
  kYear365,         // 365-day calendar from a known date
  kSidereal,        // day the Sun enters a sidereal longitude
  kHindu,           // tithi of the Hindu lunisolar calendar
  kNakshatra,       // the Moon's nakshatra in a solar month
};

enum HolidayFlag : uint16_t {
  kHolidayEve = 1 << 0,
  kHolidayWeekdayNearest = 1 << 1,
  kHolidaySundayBefore = 1 << 2,
  kHolidaySatToSun = 1 << 3,
  kHolidayYomHashoah = 1 << 4,
  kHolidayYomHaatzmaut = 1 << 5,
  kHolidayLastFriday = 1 << 6,
  kHolidayWholeMonth = 1 << 7,
};

struct Holiday {
  std::string name;  // the first name listed, for messages
  HolidayRule rule = HolidayRule::kFixed;
  int month = 0;     // calendar month of the rule's calendar (1-based)
  int day = 0;       // day, tithi, or n for kNthWeekday
  int weekday = 0;   // kNthWeekday
  int offset = 0;    // days added after the rule (easter N, +N)
  int length = 1;    // days covered
  int paksha = 0;    // kHindu: 0 shukla (waxing), 1 krishna (waning)
  int64_t epoch = 0;  // kYear365: day number of the known date
  double longitude = 0;  // kSidereal
  uint16_t flags = 0;
};

// Parses one RULE [OPTIONS] text (the right-hand side of a holidays.txt line).
Status ParseHolidayRule(std::string_view text, Holiday* out);

struct HolidaySpan {
  int64_t start = 0;  // day number since 1970-01-01
  int days = 1;       // days covered
};

// The holiday's occurrences starting in Gregorian `year`, in order (usually one; an
// Islamic holiday can fall twice in one year). Empty when the rule cannot be computed for
// that year.
std::vector<HolidaySpan> HolidayOccurrences(const Holiday& h, int year);

}  // namespace sitrep::time
