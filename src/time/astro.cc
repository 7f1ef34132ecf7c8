// Sun and Moon positions (Meeus, "Astronomical Algorithms", 2nd ed., chapters 25 and 47,
// truncated), sunrise (NOAA's approximation) and the Hindu lunisolar calendar built on
// them: amanta months (new moon to new moon, named by the sidereal sign of the Sun, with
// leap months), tithis (12-degree steps of Moon minus Sun) and the day a tithi is observed.
// Days are civil days in Indian Standard Time (UTC+5:30) at New Delhi.
#include "time/astro.h"

#include <climits>
#include <cmath>

#include "time/civil.h"

namespace sitrep::time {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;
constexpr double kIst = 5.5 / 24.0;         // UTC+5:30 in days
constexpr double kLat = 28.6139 * kRad;     // New Delhi
constexpr double kLon = 77.2090;            // degrees east

double Norm(double deg) {
  double d = std::fmod(deg, 360.0);
  return d < 0 ? d + 360.0 : d;
}

// TT - UT in days (Espenak & Meeus polynomials, coarse).
double DeltaT(double jd) {
  const double y = 2000.0 + (jd - 2451545.0) / 365.25;
  double s;
  if (y < 1986) {
    const double t = y - 1975;
    s = 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  } else if (y < 2005) {
    const double t = y - 2000;
    s = 63.86 + 0.3345 * t - 0.060374 * t * t;
  } else if (y < 2050) {
    const double t = y - 2000;
    s = 62.92 + 0.32217 * t + 0.005589 * t * t;
  } else {
    const double u = (y - 1820) / 100;
    s = -20 + 32 * u * u;
  }
  return s / 86400.0;
}

struct MoonTerm {
  int d, m, mp, f;
  double l;  // 1e-6 degrees
};

constexpr MoonTerm kMoon[] = {
    {0, 0, 1, 0, 6288774}, {2, 0, -1, 0, 1274027}, {2, 0, 0, 0, 658314}, {0, 0, 2, 0, 213618},
    {0, 1, 0, 0, -185116}, {0, 0, 0, 2, -114332},  {2, 0, -2, 0, 58793}, {2, -1, -1, 0, 57066},
    {2, 0, 1, 0, 53322},   {2, -1, 0, 0, 45758},   {0, 1, -1, 0, -40923}, {1, 0, 0, 0, -34720},
    {0, 1, 1, 0, -30383},  {2, 0, 0, -2, 15327},   {0, 0, 1, 2, -12528}, {0, 0, 1, -2, 10980},
    {4, 0, -1, 0, 10675},  {0, 0, 3, 0, 10034},    {4, 0, -2, 0, 8548},  {2, 1, -1, 0, -7888},
    {2, 1, 0, 0, -6766},   {1, 0, -1, 0, -5163},   {1, 1, 0, 0, 4987},   {2, -1, 1, 0, 4036},
    {2, 0, 2, 0, 3994},    {4, 0, 0, 0, 3861},     {2, 0, -3, 0, 3665},  {0, 1, -2, 0, -2689},
    {2, 0, -1, 2, -2602},  {2, -1, -2, 0, 2390},   {1, 0, 1, 0, -2348},  {2, -2, 0, 0, 2236},
    {0, 1, 2, 0, -2120},   {0, 2, 0, 0, -2069},    {2, -2, -1, 0, 2048}, {2, 0, 1, -2, -1773},
    {2, 0, 0, 2, -1595},   {4, -1, -1, 0, 1215},   {0, 0, 2, 2, -1110},  {3, 0, -1, 0, -892},
    {2, 1, 1, 0, -810},    {4, -1, -2, 0, 759},    {0, 2, -1, 0, -713},  {2, 2, -1, 0, -700},
    {2, 1, -2, 0, 691},    {2, -1, 0, -2, 596},    {4, 0, 1, 0, 549},    {0, 0, 4, 0, 537},
    {4, -1, 0, 0, 520},    {1, 0, -2, 0, -487},    {2, 1, 0, -2, -399},  {0, 0, 2, -2, -381},
    {1, 1, 1, 0, 351},     {3, 0, -2, 0, -340},    {4, 0, -3, 0, 330},   {2, -1, 2, 0, 327},
    {0, 2, 1, 0, -323},    {1, 1, -1, 0, 299},     {2, 0, 3, 0, 294},
};

double SunLongitudeTT(double jde) {
  const double t = (jde - 2451545.0) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * kRad;
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(m) +
                   (0.019993 - 0.000101 * t) * std::sin(2 * m) + 0.000289 * std::sin(3 * m);
  const double omega = (125.04 - 1934.136 * t) * kRad;
  return Norm(l0 + c - 0.00569 - 0.00478 * std::sin(omega));
}

double MoonLongitudeTT(double jde) {
  const double t = (jde - 2451545.0) / 36525.0;
  const double lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t * t;
  const double d = (297.8501921 + 445267.1114034 * t - 0.0018819 * t * t) * kRad;
  const double m = (357.5291092 + 35999.0502909 * t - 0.0001536 * t * t) * kRad;
  const double mp = (134.9633964 + 477198.8675055 * t + 0.0087414 * t * t) * kRad;
  const double f = (93.2720950 + 483202.0175233 * t - 0.0036539 * t * t) * kRad;
  const double e = 1 - 0.002516 * t - 0.0000074 * t * t;
  double sum = 0;
  for (const MoonTerm& k : kMoon) {
    double c = k.l;
    if (k.m == 1 || k.m == -1) c *= e;
    if (k.m == 2 || k.m == -2) c *= e * e;
    sum += c * std::sin(k.d * d + k.m * m + k.mp * mp + k.f * f);
  }
  const double a1 = (119.75 + 131.849 * t) * kRad;
  const double a2 = (53.09 + 479264.290 * t) * kRad;
  sum += 3958 * std::sin(a1) + 1962 * std::sin(lp * kRad - f) + 318 * std::sin(a2);
  const double omega = (125.04 - 1934.136 * t) * kRad;
  return Norm(lp + sum / 1e6 - 0.00478 * std::sin(omega));
}

// Moon minus Sun, degrees [0, 360), at UT Julian day.
double Phase(double jd) {
  const double jde = jd + DeltaT(jd);
  return Norm(MoonLongitudeTT(jde) - SunLongitudeTT(jde));
}

int TithiAt(double jd) { return static_cast<int>(Phase(jd) / 12.0) + 1; }

double SiderealSun(double jd) { return Norm(SunLongitude(jd) - Ayanamsa(jd)); }

// The last new moon at or before jd.
double NewMoonBefore(double jd) {
  double t = jd - Phase(jd) / 360.0 * 29.530588;
  for (int i = 0; i < 10; ++i) {
    double p = Phase(t);
    if (p > 180) p -= 360;
    t -= p / 360.0 * 29.530588;
  }
  if (t > jd) return NewMoonBefore(t - 1.0);
  return t;
}

// Sunrise and sunset (UT Julian day) of the IST civil day starting at `day_jd0` (JD of
// 00:00 IST), NOAA approximation.
void SunTimes(double day_jd0, double* rise, double* set) {
  const double noon_guess = day_jd0 + 0.5;  // near local noon
  const double t = (noon_guess - 2451545.0) / 36525.0;
  const double l0 = Norm(280.46646 + 36000.76983 * t);
  const double m = (357.52911 + 35999.05029 * t) * kRad;
  const double e = 0.016708634 - 0.000042037 * t;
  const double lambda = SunLongitudeTT(noon_guess) * kRad;
  const double eps = (23.439291 - 0.0130042 * t) * kRad;
  const double decl = std::asin(std::sin(eps) * std::sin(lambda));
  const double y = std::tan(eps / 2) * std::tan(eps / 2);
  const double l0r = l0 * kRad;
  const double eot = 4 / kRad *
                     (y * std::sin(2 * l0r) - 2 * e * std::sin(m) + 4 * e * y * std::sin(m) * std::cos(2 * l0r) -
                      0.5 * y * y * std::sin(4 * l0r) - 1.25 * e * e * std::sin(2 * m));  // minutes
  const double cos_h = (std::sin(-0.833 * kRad) - std::sin(kLat) * std::sin(decl)) / (std::cos(kLat) * std::cos(decl));
  const double h = std::acos(std::fmax(-1.0, std::fmin(1.0, cos_h))) / kRad;  // degrees
  // Solar noon in minutes after 00:00 UT of the UT date that holds local noon.
  const double ut_midnight = std::floor(noon_guess - 0.5) + 0.5;
  const double noon_min = 720 - 4 * kLon - eot;
  *rise = ut_midnight + (noon_min - 4 * h) / 1440.0;
  *set = ut_midnight + (noon_min + 4 * h) / 1440.0;
}

struct LunarMonth {
  double start = 0, end = 0;  // new moons, UT JD
  int name = 0;               // 1 Chaitra .. 12 Phalguna
  bool leap = false;
};

int MonthName(double new_moon) {
  const int sign = static_cast<int>(SiderealSun(new_moon) / 30.0);  // 0 Mesha .. 11 Meena
  return (sign + 1) % 12 + 1;
}

// The instant a day's tithi is read: sunrise, pradosh (after sunset), midnight, moonrise
// or noon.
double ObservanceInstant(double day_jd0, int observance) {
  double rise, set;
  SunTimes(day_jd0, &rise, &set);
  switch (observance) {
    case 1: return set + 1.0 / 24;          // pradosh
    case 2: return day_jd0 + 1.0 - 0.5 / 24;  // about midnight (nishita)
    case 3: return set + 2.0 / 24;           // about moonrise on chaturthi
    case 4: return (rise + set) / 2;         // madhyahna
    default: return rise;
  }
}

}  // namespace

double JulianDayFromDays(double days) { return days + 2440587.5; }

double SunLongitude(double jd) { return SunLongitudeTT(jd + DeltaT(jd)); }
double MoonLongitude(double jd) { return MoonLongitudeTT(jd + DeltaT(jd)); }

double Ayanamsa(double jd) {
  // Lahiri (Chitrapaksha): 23.853 degrees at J2000, precessing 50.29" a year.
  return 23.85305 + (jd - 2451545.0) / 365.25 * (50.2888 / 3600.0);
}

int64_t SiderealIngressDay(int year, double lon) {
  // Scan the year by days for the crossing, then bisect.
  const double jd0 = JulianDayFromDays(static_cast<double>(DaysFromCivil(year, 1, 1))) - kIst;
  auto ahead = [&](double jd) { return Norm(SiderealSun(jd) - lon); };  // small after crossing
  for (int d = 0; d < 366; ++d) {
    const double a = jd0 + d, b = a + 1;
    if (ahead(a) > 300 && ahead(b) < 60) {
      double lo = a, hi = b;
      for (int i = 0; i < 30; ++i) {
        const double mid = (lo + hi) / 2;
        (ahead(mid) > 300 ? lo : hi) = mid;
      }
      // The civil day of the ingress in IST; an ingress after sunset counts for the next day.
      const double ist = hi + kIst;
      const int64_t day = static_cast<int64_t>(std::floor(ist - 2440587.5));
      double rise, set;
      SunTimes(JulianDayFromDays(static_cast<double>(day)) - kIst, &rise, &set);
      return hi > set ? day + 1 : day;
    }
  }
  return INT64_MIN;
}

std::vector<int64_t> HinduTithiDays(int year, int month, int paksha, int tithi, int observance) {
  std::vector<int64_t> out;
  const int target = paksha * 15 + tithi;  // 1..30
  // Lunar months from the December before to the January after.
  const double from = JulianDayFromDays(static_cast<double>(DaysFromCivil(year - 1, 12, 1)));
  const double to = JulianDayFromDays(static_cast<double>(DaysFromCivil(year + 1, 1, 31)));
  std::vector<LunarMonth> months;
  double nm = NewMoonBefore(from);
  while (nm < to) {
    const double next = NewMoonBefore(nm + 31.5);
    LunarMonth lm;
    lm.start = nm;
    lm.end = next;
    lm.name = MonthName(nm);
    months.push_back(lm);
    nm = next;
  }
  for (size_t i = 0; i + 1 < months.size(); ++i) {
    if (months[i].name == months[i + 1].name) months[i].leap = true;
  }
  for (const LunarMonth& lm : months) {
    if (lm.name != month || lm.leap) continue;
    // Civil days (IST) overlapping the month.
    const int64_t d0 = static_cast<int64_t>(std::floor(lm.start + kIst - 2440587.5));
    const int64_t d1 = static_cast<int64_t>(std::floor(lm.end + kIst - 2440587.5));
    int64_t found = INT64_MIN;
    for (int64_t d = d0; d <= d1 + 1 && found == INT64_MIN; ++d) {
      const double jd0 = JulianDayFromDays(static_cast<double>(d)) - kIst;
      const double at = ObservanceInstant(jd0, observance);
      if (at < lm.start || at >= lm.end) continue;
      if (TithiAt(at) == target) found = d;
    }
    if (found == INT64_MIN) {
      // A skipped tithi: the day during which it begins.
      for (int64_t d = d0; d <= d1 && found == INT64_MIN; ++d) {
        const double jd0 = JulianDayFromDays(static_cast<double>(d)) - kIst;
        const double a = ObservanceInstant(jd0, observance), b = ObservanceInstant(jd0 + 1, observance);
        const int ta = TithiAt(a), tb = TithiAt(b);
        if (ta < target && (tb > target || tb < ta)) found = d;
      }
    }
    if (found != INT64_MIN && CivilFromDays(found).year == year) out.push_back(found);
  }
  return out;
}

int64_t NakshatraDay(int year, int nakshatra, int sign) {
  const int64_t first = DaysFromCivil(year, 1, 1), last = DaysFromCivil(year, 12, 31);
  for (int64_t d = first; d <= last; ++d) {
    double rise, set;
    SunTimes(JulianDayFromDays(static_cast<double>(d)) - kIst, &rise, &set);
    if (static_cast<int>(SiderealSun(rise) / 30.0) != sign) continue;
    const double moon = Norm(MoonLongitude(rise) - Ayanamsa(rise));
    if (static_cast<int>(moon / (360.0 / 27.0)) + 1 == nakshatra) return d;
  }
  return INT64_MIN;
}

}  // namespace sitrep::time
