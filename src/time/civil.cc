#include "time/civil.h"


namespace sitrep::time {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

int64_t DaysFromCivil(int y, int m, int d) {
  int64_t yy = static_cast<int64_t>(y) - (m <= 2 ? 1 : 0);
  const int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  const int64_t yoe = yy - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2 ? 1 : 0));
  return c;
}

int WeekdayOfDays(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

int64_t IsoWeekMonday(int iso_year, int week) {
  const int64_t jan4 = DaysFromCivil(iso_year, 1, 4);
  const int64_t week1_monday = jan4 - (WeekdayOfDays(jan4) - 1);
  return week1_monday + static_cast<int64_t>(week - 1) * 7;
}

void IsoWeek(int64_t days, int* iso_year, int* week) {
  // The ISO year is the year of the Thursday of the same week.
  const int64_t thursday = days - WeekdayOfDays(days) + 4;
  const int y = CivilFromDays(thursday).year;
  *iso_year = y;
  *week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7) + 1;
}

DateTime MakeDateTime(int y, int m, int d, int hh, int mm, int ss) {
  return DaysFromCivil(y, m, d) * kSecondsPerDay + hh * 3600 + mm * 60 + ss;
}

int64_t DaysOf(DateTime t) {
  int64_t d = t / kSecondsPerDay;
  if (t % kSecondsPerDay < 0) --d;
  return d;
}

CivilTime ToCivil(DateTime t) {
  const int64_t days = DaysOf(t);
  const int64_t secs = t - days * kSecondsPerDay;
  const CivilDate c = CivilFromDays(days);
  CivilTime out;
  out.year = c.year;
  out.month = c.month;
  out.day = c.day;
  out.hour = static_cast<int>(secs / 3600);
  out.minute = static_cast<int>(secs / 60 % 60);
  out.second = static_cast<int>(secs % 60);
  return out;
}

void AddMonths(int* year, int* month, int64_t n) {
  int64_t total = static_cast<int64_t>(*year) * 12 + (*month - 1) + n;
  int64_t y = total / 12;
  int64_t m = total % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  *year = static_cast<int>(y);
  *month = static_cast<int>(m) + 1;
}

DateTime AddMonthsClamped(DateTime t, int64_t n) {
  CivilTime c = ToCivil(t);
  AddMonths(&c.year, &c.month, n);
  const int dim = DaysInMonth(c.year, c.month);
  if (c.day > dim) c.day = dim;
  return MakeDateTime(c.year, c.month, c.day, c.hour, c.minute, c.second);
}

int64_t WesternEaster(int y) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return DaysFromCivil(y, month, day);
}

namespace {
// Day number of a Julian-calendar date.
int64_t DaysFromJulian(int y, int m, int d) {
  const int a = (14 - m) / 12;
  const int64_t yy = static_cast<int64_t>(y) + 4800 - a;
  const int mm = m + 12 * a - 3;
  const int64_t jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083;
  return jdn - 2440588;  // JDN of 1970-01-01
}
}  // namespace

int64_t OrthodoxEaster(int y) {
  // Meeus' Julian algorithm.
  const int a = y % 4, b = y % 7, c = y % 19;
  const int d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31;
  const int day = (d + e + 114) % 31 + 1;
  return DaysFromJulian(y, month, day);
}

namespace {
// Appends v with at least `width` digits.
void AppendPadded(std::string* out, int64_t v, int width) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) out->push_back(buf[--n]);
}
}  // namespace

std::string FormatYear(int y) {
  std::string out;
  out.reserve(8);
  if (y < 0) out.push_back('-');
  else if (y > 9999) out.push_back('+');
  AppendPadded(&out, y < 0 ? -static_cast<int64_t>(y) : y, 4);
  return out;
}

std::string FormatDate(int64_t days) {
  const CivilDate c = CivilFromDays(days);
  std::string out = FormatYear(c.year);
  out.push_back('-');
  AppendPadded(&out, c.month, 2);
  out.push_back('-');
  AppendPadded(&out, c.day, 2);
  return out;
}

std::string FormatDateTime(DateTime t, bool seconds) {
  const CivilTime c = ToCivil(t);
  std::string out = FormatYear(c.year);
  out.push_back('-');
  AppendPadded(&out, c.month, 2);
  out.push_back('-');
  AppendPadded(&out, c.day, 2);
  out.push_back('T');
  AppendPadded(&out, c.hour, 2);
  out.push_back(':');
  AppendPadded(&out, c.minute, 2);
  if (seconds) {
    out.push_back(':');
    AppendPadded(&out, c.second, 2);
  }
  return out;
}

namespace {
bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

bool ParseIsoDateTime(std::string_view s, DateTime* out, bool* has_time) {
  int y, m, d;
  size_t p = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    p = 1;
  }
  if (!Digits(s, p, 4, &y)) return false;
  p += 4;
  if (neg) y = -y;
  m = 1;
  d = 1;
  if (p < s.size()) {
    if (s[p] != '-' || !Digits(s, p + 1, 2, &m)) return false;
    p += 3;
    if (p < s.size() && s[p] == '-') {
      if (!Digits(s, p + 1, 2, &d)) return false;
      p += 3;
    }
  }
  if (!IsValidDate(y, m, d)) return false;
  int hh = 0, mm = 0, ss = 0;
  *has_time = false;
  if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
    if (!Digits(s, p + 1, 2, &hh)) return false;
    p += 3;
    if (p < s.size() && s[p] == ':') {
      if (!Digits(s, p + 1, 2, &mm)) return false;
      p += 3;
      if (p < s.size() && s[p] == ':') {
        if (!Digits(s, p + 1, 2, &ss)) return false;
        p += 3;
        if (p < s.size() && s[p] == '.') {
          ++p;
          while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        }
      }
    }
    if (hh > 24 || mm > 59 || ss > 60) return false;
    *has_time = true;
  }
  // Optional zone: Z, +hh:mm, -hhmm, +hh. Ignored.
  if (p < s.size()) {
    if (s[p] == 'Z' && p + 1 == s.size()) {
      ++p;
    } else if (s[p] == '+' || s[p] == '-') {
      int zh, zm;
      if (!Digits(s, p + 1, 2, &zh)) return false;
      p += 3;
      if (p < s.size() && s[p] == ':') ++p;
      if (p < s.size() && !Digits(s, p, 2, &zm)) return false;
      if (p < s.size()) p += 2;
    }
  }
  if (p != s.size()) return false;
  *out = MakeDateTime(y, m, d, hh, mm, ss);
  return true;
}

}  // namespace sitrep::time
