#include "time/astro.h"

#include <climits>

namespace sitrep::time {

double JulianDayFromDays(double days) { return days + 2440587.5; }
double SunLongitude(double) { return 0; }
double MoonLongitude(double) { return 0; }
double Ayanamsa(double) { return 0; }
int64_t SiderealIngressDay(int, double) { return INT64_MIN; }
std::vector<int64_t> HinduTithiDays(int, int, int, int, int) { return {}; }

}  // namespace sitrep::time
