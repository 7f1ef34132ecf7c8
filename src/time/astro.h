// Internal to time/. Low-precision positions of the Sun and Moon (Meeus, "Astronomical
// Algorithms", truncated series: about 0.01 degree for the Sun and 0.1 for the Moon, a
// few minutes of time), enough for the Hindu calendar days festivals fall on.
#pragma once

#include <cstdint>
#include <vector>

namespace sitrep::time {

// Tropical ecliptic longitudes in degrees [0, 360) at Julian Day `jd` (UT ~ TT).
double SunLongitude(double jd);
double MoonLongitude(double jd);
// Lahiri ayanamsa in degrees at `jd` (sidereal = tropical - ayanamsa).
double Ayanamsa(double jd);
double JulianDayFromDays(double days_since_1970);  // days may carry a fraction (UT)

// The day number (IST civil day) on which the Sun enters sidereal longitude `lon`
// (0 = Mesha/Aries) during Gregorian `year`; INT64_MIN when it does not.
int64_t SiderealIngressDay(int year, double lon);

// Days (IST civil days) in Gregorian `year` whose observance falls on tithi `tithi`
// (1..15) of paksha `paksha` (0 shukla, 1 krishna) of amanta lunar month `month`
// (1 Chaitra .. 12 Phalguna). `observance`: 0 sunrise, 1 pradosh (after sunset),
// 2 midnight, 3 moonrise, 4 noon -- the moment the tithi must hold.
std::vector<int64_t> HinduTithiDays(int year, int month, int paksha, int tithi, int observance);

// The first day (IST) of Gregorian `year` on which the Sun is in sidereal sign `sign`
// (0 Mesha .. 11 Meena) and the Moon at sunrise in nakshatra `nakshatra` (1 Ashvini ..
// 27 Revati); INT64_MIN when none.
int64_t NakshatraDay(int year, int nakshatra, int sign);

}  // namespace sitrep::time
