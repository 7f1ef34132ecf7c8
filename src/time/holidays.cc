// Holiday rules: parsing holidays.txt right-hand sides and computing dates. Lunar and
// lunisolar calendars (Hebrew, Islamic, Chinese) come from ICU; Hindu dates from the
// astronomical calculation in astro.h.
#include "time/holidays.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <mutex>

#include "time/astro.h"
#include "time/civil.h"

namespace sitrep::time {

namespace {

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool Int(std::string_view s, int* v) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

int WeekdayNumber(std::string_view s) {
  static constexpr std::string_view kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int i = 0; i < 7; ++i)
    if (s == kNames[i]) return i + 1;
  return 0;
}

// Hebrew months in ICU's numbering (TISHRI = 0 .. ELUL = 12; ADAR_1 = 5 in leap years).
int HebrewMonth(std::string_view s) {
  static constexpr std::pair<std::string_view, int> kMonths[] = {
      {"tishri", 0}, {"heshvan", 1}, {"kislev", 2}, {"tevet", 3}, {"shevat", 4}, {"adar", 6},
      {"nisan", 7},  {"iyar", 8},    {"sivan", 9},  {"tammuz", 10}, {"av", 11},  {"elul", 12}};
  for (const auto& [name, m] : kMonths)
    if (s == name) return m;
  return -1;
}

int HinduMonth(std::string_view s) {
  static constexpr std::string_view kNames[] = {"chaitra", "vaishakha", "jyeshtha", "ashadha", "shravana", "bhadrapada",
                                                "ashvin",  "kartika",   "margashirsha", "pausha", "magha", "phalguna"};
  for (int i = 0; i < 12; ++i)
    if (s == kNames[i]) return i + 1;
  return 0;
}

// ICU calendars are not thread-safe; one mutex guards the conversions (holidays are rare).
std::mutex g_icu_mu;

int64_t DaysFromUDate(UDate t) { return static_cast<int64_t>(t / 1000.0 / 86400.0 + (t < 0 ? -0.5 : 0.5)); }

// Gregorian day numbers of `day` of month `month` (0-based ICU month) in the ICU calendar
// `locale`, for every occurrence whose Gregorian year is `year`.
std::vector<HolidaySpan> IcuDates(const char* locale, int month, int day, int year, bool last_friday,
                                  bool whole_month) {
  std::vector<HolidaySpan> out;
  std::lock_guard<std::mutex> lock(g_icu_mu);
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(locale), st));
  if (U_FAILURE(st)) return out;
  // The calendar years that overlap Gregorian `year`.
  const UDate jan1 = static_cast<UDate>(DaysFromCivil(year, 1, 1)) * 86400000.0;
  const UDate dec31 = static_cast<UDate>(DaysFromCivil(year, 12, 31)) * 86400000.0;
  cal->setTime(jan1, st);
  const int y0 = cal->get(UCAL_EXTENDED_YEAR, st);
  cal->setTime(dec31, st);
  const int y1 = cal->get(UCAL_EXTENDED_YEAR, st);
  if (U_FAILURE(st)) return out;
  for (int y = y0; y <= y1; ++y) {
    cal->clear();
    cal->set(UCAL_EXTENDED_YEAR, y);
    cal->set(UCAL_MONTH, month);
    cal->set(UCAL_DATE, day);
    UDate t = cal->getTime(st);
    if (U_FAILURE(st)) return out;
    int64_t d = DaysFromUDate(t);
    int days = 1;
    if (whole_month || last_friday) {
      // The month's length: the next month's first day minus this one's.
      std::unique_ptr<icu::Calendar> next(cal->clone());
      next->clear();
      next->set(UCAL_EXTENDED_YEAR, month == 11 ? y + 1 : y);
      next->set(UCAL_MONTH, month == 11 ? 0 : month + 1);
      next->set(UCAL_DATE, 1);
      const int64_t first = d - (day - 1);
      const int len = static_cast<int>(DaysFromUDate(next->getTime(st)) - first);
      if (whole_month) days = len;
      if (last_friday) {
        int64_t last = first + len - 1;
        while (WeekdayOfDays(last) != 5) --last;
        d = last;
      }
    }
    if (CivilFromDays(d).year == year) out.push_back({d, days});
  }
  return out;
}

bool IsHebrewLeap(int hebrew_year) { return ((7 * hebrew_year + 1) % 19) < 7; }

}  // namespace

Status ParseHolidayRule(std::string_view text, Holiday* h) {
  std::vector<std::string_view> w = Words(text);
  if (w.empty()) return Status::BadInput("empty rule");
  size_t i = 0;
  const std::string_view rule = w[i++];
  auto need = [&](size_t n) { return i + n <= w.size(); };
  if (rule == "date") {
    if (!need(1) || w[i].size() != 5 || w[i][2] != '-' || !Int(w[i].substr(0, 2), &h->month) ||
        !Int(w[i].substr(3, 2), &h->day))
      return Status::BadInput("date needs MM-DD");
    h->rule = HolidayRule::kFixed;
    ++i;
  } else if (rule == "nth") {
    if (!need(3) || !Int(w[i], &h->day) || (h->weekday = WeekdayNumber(w[i + 1])) == 0 || !Int(w[i + 2], &h->month))
      return Status::BadInput("nth needs N WEEKDAY MM");
    h->rule = HolidayRule::kNthWeekday;
    i += 3;
  } else if (rule == "easter" || rule == "orthodox_easter") {
    if (!need(1) || !Int(w[i], &h->offset)) return Status::BadInput("easter needs an offset");
    h->rule = rule == "easter" ? HolidayRule::kEaster : HolidayRule::kOrthodoxEaster;
    ++i;
  } else if (rule == "hebrew") {
    if (!need(2) || (h->month = HebrewMonth(w[i])) < 0 || !Int(w[i + 1], &h->day))
      return Status::BadInput("hebrew needs MONTH DAY");
    h->rule = HolidayRule::kHebrew;
    i += 2;
  } else if (rule == "islamic" || rule == "chinese") {
    if (!need(2) || !Int(w[i], &h->month) || !Int(w[i + 1], &h->day)) return Status::BadInput("needs MONTH DAY");
    h->rule = rule == "islamic" ? HolidayRule::kIslamic : HolidayRule::kChinese;
    i += 2;
  } else if (rule == "year365") {
    int y, m, d;
    if (!need(1) || w[i].size() != 10 || !Int(w[i].substr(0, 4), &y) || !Int(w[i].substr(5, 2), &m) ||
        !Int(w[i].substr(8, 2), &d) || !IsValidDate(y, m, d))
      return Status::BadInput("year365 needs YYYY-MM-DD");
    h->rule = HolidayRule::kYear365;
    h->epoch = DaysFromCivil(y, m, d);
    ++i;
  } else if (rule == "sidereal") {
    int lon, n;
    if (!need(2) || !Int(w[i], &lon) || !Int(w[i + 1], &n)) return Status::BadInput("sidereal needs LONGITUDE N");
    h->rule = HolidayRule::kSidereal;
    h->longitude = lon;
    h->offset += n;
    i += 2;
  } else if (rule == "nakshatra") {
    int n, sign;
    if (!need(2) || !Int(w[i], &n) || n < 1 || n > 27 || !Int(w[i + 1], &sign) || sign < 0 || sign > 11)
      return Status::BadInput("nakshatra needs N (1..27) SIGN (0..11)");
    h->rule = HolidayRule::kNakshatra;
    h->day = n;
    h->month = sign;
    i += 2;
  } else if (rule == "hindu") {
    if (!need(3) || (h->month = HinduMonth(w[i])) == 0 || !(w[i + 1] == "shukla" || w[i + 1] == "krishna") ||
        !Int(w[i + 2], &h->day) || h->day < 1 || h->day > 15)
      return Status::BadInput("hindu needs MONTH shukla|krishna TITHI");
    h->rule = HolidayRule::kHindu;
    h->paksha = w[i + 1] == "krishna" ? 1 : 0;
    i += 3;
  } else {
    return Status::BadInput("unknown rule '" + std::string(rule) + "'");
  }
  for (; i < w.size(); ++i) {
    std::string_view o = w[i];
    int v;
    if (o[0] == '+' || o[0] == '-') {
      if (!Int(o, &v)) return Status::BadInput("bad offset '" + std::string(o) + "'");
      h->offset += v;
    } else if (o == "len") {
      if (i + 1 >= w.size() || !Int(w[i + 1], &h->length) || h->length < 1) return Status::BadInput("len needs N");
      ++i;
    } else if (o == "eve") {
      h->flags |= kHolidayEve;
    } else if (o == "weekday_nearest") {
      h->flags |= kHolidayWeekdayNearest;
    } else if (o == "sunday_before") {
      h->flags |= kHolidaySundayBefore;
    } else if (o == "sat_to_sun") {
      h->flags |= kHolidaySatToSun;
    } else if (o == "yom_hashoah") {
      h->flags |= kHolidayYomHashoah;
    } else if (o == "yom_haatzmaut") {
      h->flags |= kHolidayYomHaatzmaut;
    } else if (o == "last_friday") {
      h->flags |= kHolidayLastFriday;
    } else if (o == "whole_month") {
      h->flags |= kHolidayWholeMonth;
    } else if (o == "pradosh" || o == "midnight" || o == "moonrise" || o == "noon") {
      // Hindu observance time (see astro.h)
      h->weekday = o == "pradosh" ? 1 : o == "midnight" ? 2 : o == "moonrise" ? 3 : 4;
    } else {
      return Status::BadInput("unknown option '" + std::string(o) + "'");
    }
  }
  return Status::Ok();
}

std::vector<HolidaySpan> HolidayOccurrences(const Holiday& h, int year) {
  std::vector<HolidaySpan> out;
  auto push = [&](int64_t d, int len) { out.push_back({d, len}); };
  if (year < -4000 || year > 6000) return out;
  switch (h.rule) {
    case HolidayRule::kFixed: {
      if (!IsValidDate(year, h.month, h.day)) return out;
      int64_t d = DaysFromCivil(year, h.month, h.day);
      const int wd = WeekdayOfDays(d);
      if ((h.flags & kHolidayWeekdayNearest) && wd == 6) d -= 1;
      if ((h.flags & kHolidayWeekdayNearest) && wd == 7) d += 1;
      if ((h.flags & kHolidaySundayBefore) && wd == 7) d -= 1;
      push(d + h.offset, h.length);
      break;
    }
    case HolidayRule::kNthWeekday: {
      int64_t d;
      if (h.day > 0) {
        const int64_t first = DaysFromCivil(year, h.month, 1);
        d = first + ((h.weekday - WeekdayOfDays(first)) % 7 + 7) % 7 + 7 * (h.day - 1);
      } else {
        const int64_t last = DaysFromCivil(year, h.month, DaysInMonth(year, h.month));
        d = last - ((WeekdayOfDays(last) - h.weekday) % 7 + 7) % 7 - 7 * (-h.day - 1);
      }
      push(d + h.offset, h.length);
      break;
    }
    case HolidayRule::kEaster:
      push(WesternEaster(year) + h.offset, h.length);
      break;
    case HolidayRule::kOrthodoxEaster:
      push(OrthodoxEaster(year) + h.offset, h.length);
      break;
    case HolidayRule::kHebrew: {
      // The Hebrew year whose Tishri falls in the autumn of `year` or the spring before.
      int month = h.month;
      for (const HolidaySpan& hs : IcuDates("en@calendar=hebrew", month, h.day, year, false, false)) {
        int64_t d = hs.start;
        // Adar in a leap year is Adar II (ICU month 6 either way).
        const int wd = WeekdayOfDays(d);
        if ((h.flags & kHolidaySatToSun) && wd == 6) d += 1;
        if (h.flags & kHolidayYomHashoah) {
          if (wd == 5) d -= 1;
          else if (wd == 7) d += 1;
        }
        if (h.flags & kHolidayYomHaatzmaut) {
          if (wd == 5) d -= 1;
          else if (wd == 6) d -= 2;
          else if (wd == 1) d += 1;
        }
        if (h.flags & kHolidayEve) d -= 1;
        push(d + h.offset, h.length);
      }
      (void)IsHebrewLeap;
      break;
    }
    case HolidayRule::kIslamic: {
      // Umm al-Qura from 1420 AH (1999) on; the astronomical calendar before.
      const char* cal = year >= 2000 ? "en@calendar=islamic-umalqura" : "en@calendar=islamic";
      const bool whole = (h.flags & kHolidayWholeMonth) != 0;
      for (const HolidaySpan& hs : IcuDates(cal, h.month - 1, h.day, year, (h.flags & kHolidayLastFriday) != 0, whole))
        push(hs.start + h.offset, whole ? hs.days : h.length);
      break;
    }
    case HolidayRule::kChinese:
      for (const HolidaySpan& hs : IcuDates("en@calendar=chinese", h.month - 1, h.day, year, false, false))
        push(hs.start + h.offset, h.length);
      break;
    case HolidayRule::kYear365: {
      // The epoch's day shifted by whole 365-day years into `year`.
      const int epoch_year = CivilFromDays(h.epoch).year;
      for (int k = year - epoch_year - 1; k <= year - epoch_year + 1; ++k) {
        const int64_t d = h.epoch + static_cast<int64_t>(k) * 365;
        if (CivilFromDays(d).year == year) push(d + h.offset, h.length);
      }
      break;
    }
    case HolidayRule::kSidereal: {
      const int64_t d = SiderealIngressDay(year, h.longitude);
      if (d != INT64_MIN) push(d + h.offset, h.length);
      break;
    }
    case HolidayRule::kNakshatra: {
      const int64_t d = NakshatraDay(year, h.day, h.month);
      if (d != INT64_MIN) push(d + h.offset, h.length);
      break;
    }
    case HolidayRule::kHindu: {
      // The astronomy costs about a millisecond a year: remember results.
      static std::mutex mu;
      static std::map<std::array<int, 5>, std::vector<int64_t>> cache;
      const std::array<int, 5> key = {year, h.month, h.paksha, h.day, h.weekday};
      std::vector<int64_t> days;
      {
        std::lock_guard<std::mutex> lock(mu);
        auto it = cache.find(key);
        if (it != cache.end()) days = it->second;
      }
      if (days.empty()) {
        days = HinduTithiDays(year, h.month, h.paksha, h.day, h.weekday);
        std::lock_guard<std::mutex> lock(mu);
        if (cache.size() > 4096) cache.clear();
        cache[key] = days;
      }
      for (int64_t d : days) push(d + h.offset, h.length);
      break;
    }
  }
  return out;
}

}  // namespace sitrep::time
