// Resolution of parse trees against a reference.
//
// Fields without a year ("March 27", "Sunday", "at 3pm") are searched for among their
// repetitions (years, months, weeks or half-days around the reference) and the candidate
// the direction asks for is taken: the latest at or before the reference for past tense,
// the first not yet over for future tense, the first starting after the reference
// instant in assistant style, the closest otherwise. Relative nodes (this/last/next,
// shifts, n-th of) compute their interval directly.
#include "time/resolve.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace sitrep::time {

namespace {

constexpr int64_t kDay = kSecondsPerDay;

int64_t UnitSeconds(Grain g) {
  switch (g) {
    case Grain::kSecond: return 1;
    case Grain::kMinute: return 60;
    case Grain::kHour: return 3600;
    case Grain::kDay: return kDay;
    case Grain::kWeek: return 7 * kDay;
    default: return 0;
  }
}

int UnitMonths(Grain g);

// A unit's length, months and longer counted as 30 days a month: for comparing the
// size of a shift with the size of a period, never for calendar arithmetic.
int64_t ApproxSeconds(Grain g) {
  if (UnitSeconds(g) > 0) return UnitSeconds(g);
  return static_cast<int64_t>(UnitMonths(g)) * 30 * kDay;
}

int UnitMonths(Grain g) {
  switch (g) {
    case Grain::kMonth: return 1;
    case Grain::kQuarter: return 3;
    case Grain::kYear: return 12;
    case Grain::kDecade: return 120;
    case Grain::kCentury: return 1200;
    default: return 0;
  }
}

DateTime AddUnits(DateTime t, Grain g, int64_t n) {
  if (UnitSeconds(g) > 0) return t + n * UnitSeconds(g);
  const int months = UnitMonths(g);
  if (months > 0) return AddMonthsClamped(t, n * months);
  return t;
}

int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// The unit period containing t.
Interval PeriodOf(DateTime t, Grain g) {
  Interval iv;
  const int64_t days = DaysOf(t);
  const CivilDate c = CivilFromDays(days);
  switch (g) {
    case Grain::kSecond:
      iv = {t, t + 1};
      break;
    case Grain::kMinute: {
      DateTime b = t - (((t % 60) + 60) % 60);
      iv = {b, b + 60};
      break;
    }
    case Grain::kHour: {
      DateTime b = t - (((t % 3600) + 3600) % 3600);
      iv = {b, b + 3600};
      break;
    }
    case Grain::kPartOfDay:
    case Grain::kDay:
      iv = {DayStart(days), DayStart(days + 1)};
      break;
    case Grain::kWeek: {
      const int64_t monday = days - (WeekdayOfDays(days) - 1);
      iv = {DayStart(monday), DayStart(monday + 7)};
      break;
    }
    case Grain::kMonth: {
      DateTime b = MakeDateTime(c.year, c.month, 1);
      iv = {b, AddMonthsClamped(b, 1)};
      break;
    }
    case Grain::kQuarter: {
      const int m = (c.month - 1) / 3 * 3 + 1;
      DateTime b = MakeDateTime(c.year, m, 1);
      iv = {b, AddMonthsClamped(b, 3)};
      break;
    }
    case Grain::kSeason:
    case Grain::kYear:
      iv = {MakeDateTime(c.year, 1, 1), MakeDateTime(c.year + 1, 1, 1)};
      break;
    case Grain::kDecade: {
      const int y = FloorDiv(c.year, 10) * 10;
      iv = {MakeDateTime(y, 1, 1), MakeDateTime(y + 10, 1, 1)};
      break;
    }
    case Grain::kCentury: {
      const int y = FloorDiv(c.year, 100) * 100;
      iv = {MakeDateTime(y, 1, 1), MakeDateTime(y + 100, 1, 1)};
      break;
    }
    case Grain::kNone:
      iv = {t, t + 1};
      break;
  }
  return iv;
}

// How repetitions of a Fields value are enumerated.
enum class Cycle { kNone, kYear, kMonth, kWeek, kDay };

Cycle CycleOf(const Fields& f) {
  if (f.Has(f.year) || f.Has(f.decade) || f.Has(f.century)) return Cycle::kNone;
  if (f.Has(f.month) || f.Has(f.quarter) || f.Has(f.season) || f.Has(f.iso_week)) return Cycle::kYear;
  if (f.Has(f.day)) return Cycle::kMonth;
  if (f.Has(f.weekday) || f.weekend) return Cycle::kWeek;
  if (f.Has(f.hour) || f.Has(f.day_part)) return Cycle::kDay;
  return Cycle::kNone;
}

struct Cand {
  Interval iv;
  Grain grain = Grain::kNone;
  std::string pod;
  bool weekend = false;
};

// The interval of `f` given its year/month/day context (fields set in f win). `day0` is
// a day number used when f states only time fields, a weekday or a weekend.
bool FieldsInterval(const Fields& f, int year, int month, int64_t day0, const Lexicon& lex, Cand* out) {
  Cand c;
  if (f.Has(f.century) && !f.Has(f.year)) {
    const int y = f.century * 100;
    c.iv = {MakeDateTime(y, 1, 1), MakeDateTime(y + 100, 1, 1)};
    c.grain = Grain::kCentury;
    *out = c;
    return true;
  }
  if (f.Has(f.decade) && !f.Has(f.year)) {
    const int y = f.decade * 10;
    c.iv = {MakeDateTime(y, 1, 1), MakeDateTime(y + 10, 1, 1)};
    c.grain = Grain::kDecade;
    *out = c;
    return true;
  }
  const int y = f.Has(f.year) ? f.year : year;
  if (y < -9999 || y > 9999) return false;
  constexpr int64_t kNoDay = INT64_MIN;
  int64_t day = kNoDay;
  Grain g = Grain::kYear;
  DateTime b = MakeDateTime(y, 1, 1), e = MakeDateTime(y + 1, 1, 1);
  if (f.Has(f.iso_week)) {
    const int64_t mon = IsoWeekMonday(y, f.iso_week);
    b = DayStart(mon);
    e = DayStart(mon + 7);
    g = Grain::kWeek;
  } else if (f.Has(f.season)) {
    if (f.season < 0 || f.season >= static_cast<int>(lex.seasons().size())) return false;
    const Season& s = lex.seasons()[f.season];
    b = MakeDateTime(y, s.start_month, s.start_day);
    const bool wraps = s.end_month < s.start_month;
    e = MakeDateTime(wraps ? y + 1 : y, s.end_month, s.end_day);
    g = Grain::kSeason;
  } else if (f.Has(f.quarter) && !f.Has(f.month)) {
    b = MakeDateTime(y, (f.quarter - 1) * 3 + 1, 1);
    e = AddMonthsClamped(b, 3);
    g = Grain::kQuarter;
  } else if (f.Has(f.month) || f.Has(f.day) || (month > 0 && (f.Has(f.hour) || f.Has(f.day_part)))) {
    const int m = f.Has(f.month) ? f.month : month;
    if (m < 1 || m > 12) return false;
    if (f.Has(f.day) || (!f.Has(f.month) && day0 != INT64_MIN)) {
      int d = f.Has(f.day) ? f.day : CivilFromDays(day0).day;
      if (!IsValidDate(y, m, d)) return false;
      day = DaysFromCivil(y, m, d);
    } else {
      b = MakeDateTime(y, m, 1);
      e = AddMonthsClamped(b, 1);
      g = Grain::kMonth;
    }
  } else if (day0 != INT64_MIN && (f.Has(f.weekday) || f.weekend || f.Has(f.hour) || f.Has(f.day_part))) {
    day = day0;
  }
  if (day != kNoDay) {
    // A weekday that contradicts a full written date loses to the date; otherwise it
    // rules out the candidate.
    const bool full_date = f.Has(f.year) && f.Has(f.month) && f.Has(f.day);
    if (f.Has(f.weekday) && WeekdayOfDays(day) != f.weekday && !full_date) return false;
    b = DayStart(day);
    e = DayStart(day + 1);
    g = Grain::kDay;
  }
  if (f.weekend) {
    const int64_t ref_day = day != kNoDay ? day : day0;
    const int64_t monday = ref_day - (WeekdayOfDays(ref_day) - 1);
    b = DayStart(monday + 5);
    e = DayStart(monday + 7);
    g = Grain::kWeek;
    c.weekend = true;
  }
  if (g == Grain::kDay || day != kNoDay) {
    if (f.Has(f.hour)) {
      const int mi = f.Has(f.minute) ? f.minute : 0;
      const int se = f.Has(f.second) ? f.second : 0;
      b = b + f.hour * 3600 + mi * 60 + se;
      g = f.Has(f.second) ? Grain::kSecond : f.Has(f.minute) ? Grain::kMinute : Grain::kHour;
      e = b + UnitSeconds(g);
    } else if (f.Has(f.day_part) && f.day_part >= 0 && f.day_part < static_cast<int>(lex.day_parts().size())) {
      const DayPart& p = lex.day_parts()[f.day_part];
      const DateTime d0 = b;
      b = d0 + p.start_hour * 3600;
      e = d0 + p.end_hour * 3600;
      g = Grain::kPartOfDay;
      c.pod = p.code;
    }
  }
  c.iv = {b, e};
  c.grain = g;
  *out = c;
  return true;
}

const char* kSeasonCodes[] = {"SP", "SU", "FA", "WI"};

std::string Two(int v) {
  std::string s(2, '0');
  s[0] = static_cast<char>('0' + v / 10 % 10);
  s[1] = static_cast<char>('0' + v % 10);
  return s;
}

}  // namespace

std::string FormatValue(const Resolved& r) {
  auto one = [&](DateTime t, Grain g, const std::string& pod, bool weekend) -> std::string {
    const CivilTime c = ToCivil(t);
    char buf[64];
    switch (g) {
      case Grain::kSecond:
        return FormatDateTime(t, true);
      case Grain::kMinute:
        return FormatDateTime(t, false);
      case Grain::kHour:
        return FormatDate(DaysOf(t)) + "T" + Two(c.hour);
      case Grain::kPartOfDay:
        return FormatDate(DaysOf(t)) + "T" + (pod.empty() ? "XX" : pod);
      case Grain::kDay:
        return FormatDate(DaysOf(t));
      case Grain::kWeek: {
        int iy, w;
        IsoWeek(DaysOf(t), &iy, &w);
        return FormatYear(iy) + "-W" + Two(w) + (weekend ? "-WE" : "");
      }
      case Grain::kMonth:
        return FormatYear(c.year) + "-" + Two(c.month);
      case Grain::kQuarter:
        std::snprintf(buf, sizeof buf, "-Q%d", (c.month - 1) / 3 + 1);
        return FormatYear(c.year) + buf;
      case Grain::kSeason: {
        // Seasons are named by the year they start in; the code by the start month.
        const char* code = c.month >= 12 || c.month <= 2 ? "WI" : c.month <= 5 ? "SP" : c.month <= 8 ? "SU" : "FA";
        return FormatYear(c.year) + "-" + code;
      }
      case Grain::kYear:
        return FormatYear(c.year);
      case Grain::kDecade: {
        std::string y = FormatYear(c.year);
        return y.substr(0, y.size() - 1);
      }
      case Grain::kCentury: {
        std::string y = FormatYear(c.year);
        return y.substr(0, y.size() - 2);
      }
      case Grain::kNone:
        return "";
    }
    return "";
  };
  (void)kSeasonCodes;
  if (r.multi) return one(r.first.begin, r.grain, r.pod_code, false) + "/" + one(r.last.begin, r.grain, r.pod_code, false);
  return one(r.iv.begin, r.grain, r.pod_code, r.weekend);
}

namespace {

std::string Underspecified(const Fields& f) {
  char buf[64];
  std::string v;
  if (f.Has(f.weekday) && !f.Has(f.day)) {
    std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", f.weekday);
    v = buf;
  } else if (f.weekend) {
    v = "XXXX-WXX-WE";
  } else if (f.Has(f.month) || f.Has(f.day)) {
    std::string y = f.Has(f.year) ? FormatYear(f.year) : "XXXX";
    if (f.Has(f.month)) {
      std::snprintf(buf, sizeof buf, "-%02d", f.month);
      y += buf;
    } else {
      y += "-XX";
    }
    if (f.Has(f.day)) {
      std::snprintf(buf, sizeof buf, "-%02d", f.day);
      y += buf;
    }
    v = y;
  } else if (f.Has(f.quarter)) {
    std::snprintf(buf, sizeof buf, "XXXX-Q%d", f.quarter);
    v = buf;
  } else if (f.Has(f.season)) {
    v = "XXXX-SE";
  } else if (f.HasTime() || f.Has(f.day_part)) {
    v = "XXXX-XX-XX";
  }
  if (f.HasTime()) {
    if (v.empty()) v = "XXXX-XX-XX";
    if (f.Has(f.minute)) {
      std::snprintf(buf, sizeof buf, "T%02d:%02d", f.hour, f.minute);
    } else {
      std::snprintf(buf, sizeof buf, "T%02d", f.hour);
    }
    v += buf;
  }
  return v.empty() ? "XXXX-XX-XX" : v;
}

class Resolver {
 public:
  Resolver(const Arena& a, const ResolveContext& c) : ar_(a), ctx_(c), lex_(*c.lex), ref_(*c.ref) {}

  Resolved Run(int node) {
    Resolved r;
    if (!Do(node, &r)) {
      r.ok = false;
      if (r.value.empty()) r.value = UnderspecifiedOf(node);
      // A written date that does not exist around the reference ("February 29" in 2013).
      const Node& root = ar_[node];
      if (root.kind == NodeKind::kFields && RefKnown() && root.f.Has(root.f.day) && root.f.Has(root.f.month))
        r.impossible = true;
    } else if (r.value.empty() && r.ok) {
      r.value = FormatValue(r);
    }
    if (anchor_ != AnchorKind::kNone) {
      r.anchor = anchor_;
      r.relative = true;
    }
    return r;
  }

 private:
  std::string UnderspecifiedOf(int id) const {
    const Node& n = ar_[id];
    switch (n.kind) {
      case NodeKind::kFields:
        return Underspecified(n.f);
      case NodeKind::kIntersect: {
        std::string base = UnderspecifiedOf(n.a);
        return base;
      }
      case NodeKind::kOpen:
      case NodeKind::kPart:
        return UnderspecifiedOf(n.a);
      case NodeKind::kCycle:
        return n.unit == Grain::kWeek ? "XXXX-WXX" : n.unit == Grain::kMonth ? "XXXX-XX" : n.unit == Grain::kYear ? "XXXX" : "XXXX-XX-XX";
      case NodeKind::kRange:
        return UnderspecifiedOf(n.a) + "/" + UnderspecifiedOf(n.b);
      default:
        return "XXXX-XX-XX";
    }
  }

  bool RefKnown() const { return ref_.precision != Grain::kNone; }

  // The reference as a period: a day for a document date, an instant for a full time.
  Interval RefPeriod() const {
    Grain p = ref_.precision;
    if (p == Grain::kNone) p = Grain::kDay;
    return PeriodOf(ref_.time, p);
  }

  void UseRef() {
    if (anchor_ == AnchorKind::kNone) anchor_ = ref_.kind == AnchorKind::kNone ? AnchorKind::kReference : ref_.kind;
  }
  void UsePrevious() { anchor_ = AnchorKind::kPreviousExpression; }

  // Anchor instant and its grain for a relative node.
  bool AnchorPoint(AnchorPref pref, DateTime* t, Grain* g) {
    if (pref == AnchorPref::kNarrative && ref_.previous_grain != Grain::kNone) {
      *t = ref_.previous.begin;
      *g = ref_.previous_grain;
      UsePrevious();
      return true;
    }
    if (!RefKnown()) return false;
    // A reference known to the month or year counts from the middle of that period.
    *t = ref_.precision == Grain::kMonth || ref_.precision == Grain::kYear
             ? (RefPeriod().begin + RefPeriod().end) / 2 / kSecondsPerDay * kSecondsPerDay
             : ref_.time;
    *g = ref_.precision;
    UseRef();
    return true;
  }

  // "earlier this year" (clip -1) keeps the part of *iv before the reference, "later this
  // month" (+1) the part after it. The reference counts as its whole period: a document
  // date excludes its own day (that is "today"), an instant splits at the instant, and a
  // reference known only to the month or year keeps all of *iv that period may precede
  // (follow). Nothing changes when the reference is unknown or the part would be empty.
  void ClipToReference(int clip, Interval* iv) const {
    if (clip == 0 || !RefKnown()) return;
    const Interval rp = RefPeriod();
    const bool coarse = ref_.precision == Grain::kMonth || ref_.precision == Grain::kYear;
    if (clip < 0) {
      const DateTime cut = ref_.precision == Grain::kSecond ? ref_.time : coarse ? rp.end : rp.begin;
      if (cut > iv->begin && cut < iv->end) iv->end = cut;
    } else {
      const DateTime cut = ref_.precision == Grain::kSecond ? ref_.time + 1 : coarse ? rp.begin : rp.end;
      if (cut > iv->begin && cut < iv->end) iv->begin = cut;
    }
  }

  bool Do(int id, Resolved* r);
  bool DoFields(const Node& n, Resolved* r);
  bool SearchFields(const Fields& f, int explicit_dir, Cand* out);
  bool CandidateAt(const Fields& f, Cycle cyc, int64_t k, const Interval& refp, Cand* out) const;
  bool DoHoliday(const Node& n, Resolved* r);
  bool DoIntersect(const Node& n, Resolved* r);
  bool DoPart(const Node& n, Resolved* r);
  bool DoRange(const Node& n, Resolved* r);

  static void SetCand(const Cand& c, Resolved* r) {
    r->ok = true;
    r->iv = c.iv;
    r->grain = c.grain;
    r->pod_code = c.pod;
    r->weekend = c.weekend;
  }

  const Arena& ar_;
  const ResolveContext& ctx_;
  const Lexicon& lex_;
  const Reference& ref_;
  AnchorKind anchor_ = AnchorKind::kNone;
};

bool Resolver::CandidateAt(const Fields& f, Cycle cyc, int64_t k, const Interval& refp, Cand* out) const {
  const int64_t ref_day = DaysOf(refp.begin);
  const CivilDate rc = CivilFromDays(ref_day);
  switch (cyc) {
    case Cycle::kNone:
      return FieldsInterval(f, rc.year, -1, INT64_MIN, lex_, out);
    case Cycle::kYear: {
      const int y = rc.year + static_cast<int>(k);
      return FieldsInterval(f, y, -1, INT64_MIN, lex_, out);
    }
    case Cycle::kMonth: {
      int y = rc.year, m = rc.month;
      AddMonths(&y, &m, k);
      return FieldsInterval(f, y, m, INT64_MIN, lex_, out);
    }
    case Cycle::kWeek: {
      const int64_t monday = ref_day - (WeekdayOfDays(ref_day) - 1) + 7 * k;
      const int64_t day = f.Has(f.weekday) ? monday + f.weekday - 1 : monday;
      const CivilDate c = CivilFromDays(day);
      return FieldsInterval(f, c.year, c.month, day, lex_, out);
    }
    case Cycle::kDay: {
      // half-days when the hour is on a 12-hour clock
      int64_t day = f.hour12 ? ref_day + FloorDiv(static_cast<int>(k), 2) : ref_day + k;
      const bool pm = f.hour12 && ((k % 2) + 2) % 2 == 1;
      Fields g = f;
      if (f.hour12 && f.Has(f.hour)) {
        int h = f.hour % 12;
        g.hour = pm ? h + 12 : h;
      }
      const CivilDate c = CivilFromDays(day);
      return FieldsInterval(g, c.year, c.month, day, lex_, out);
    }
  }
  return false;
}

bool Resolver::SearchFields(const Fields& f, int explicit_dir, Cand* out) {
  const Cycle cyc = CycleOf(f);
  if (cyc == Cycle::kNone) return FieldsInterval(f, 0, -1, INT64_MIN, lex_, out);
  if (!RefKnown()) return false;
  // February 29 without a year: the year the direction picks must be a leap year.
  if (cyc == Cycle::kYear && f.month == 2 && f.day == 29 && explicit_dir == 0) {
    Fields g = f;
    g.day = 28;
    Cand c28;
    if (!SearchFields(g, 0, &c28)) return false;
    const int y = CivilFromDays(DaysOf(c28.iv.begin)).year;
    if (!IsLeapYear(y)) return false;
    return FieldsInterval(f, y, -1, INT64_MIN, lex_, out);
  }
  // A date with its weekday ("Sunday, Feb 10"): the date the direction picks when the
  // weekday agrees, else the same date one cycle either side that agrees, else the first
  // agreeing one in the direction.
  if (f.Has(f.weekday) && (f.Has(f.month) || f.Has(f.day)) && explicit_dir == 0 &&
      (cyc == Cycle::kYear || cyc == Cycle::kMonth)) {
    Fields g = f;
    g.weekday = kUnset;
    Cand c0;
    if (SearchFields(g, 0, &c0)) {
      const int64_t d0 = DaysOf(c0.iv.begin);
      if (WeekdayOfDays(d0) == f.weekday) {
        *out = c0;
        return true;
      }
      const CivilDate c = CivilFromDays(d0);
      for (int step : {-1, 1}) {
        int y = c.year, m = c.month;
        if (cyc == Cycle::kYear) y += step;
        else AddMonths(&y, &m, step);
        Cand cn;
        if (FieldsInterval(f, y, cyc == Cycle::kMonth ? m : -1, INT64_MIN, lex_, &cn)) {
          *out = cn;
          UseRef();
          return true;
        }
      }
      // A date with a weekday that fits neither this month (year) nor the ones either
      // side ("Saturday, the first" in a December where the 1st is a Thursday): the date
      // the text states, in the month (year) the direction picks, not one found further
      // away only because its weekday happens to fit (2012 for "Saturday, December 1"
      // read in 2016).
      // Assistant style (forward) keeps looking ahead for a fitting one ("Thu 15th").
      if (!ctx_.forward_mode) {
        *out = c0;
        UseRef();
        return true;
      }
    }
  }
  UseRef();
  const Interval refp = RefPeriod();
  // Against a reference known only to the month or year, search from its middle (as
  // AnchorPoint does): "Saturday" in a document dated "2016" must land inside 2016, and
  // the tagger then coarsens it to the reference's precision.
  const DateTime ref_t = ref_.precision == Grain::kMonth || ref_.precision == Grain::kYear
                             ? (refp.begin + refp.end) / 2 / kSecondsPerDay * kSecondsPerDay
                             : ref_.time;
  int64_t K = 3;
  if (cyc == Cycle::kYear && f.Has(f.weekday)) K = 401;
  else if (cyc == Cycle::kMonth) K = f.Has(f.weekday) ? 120 : 14;
  else if (cyc == Cycle::kDay) K = f.hour12 ? 8 : 4;
  // The reference period at the grain of the fields, for last/next/this.
  const Grain fg = f.Finest() == Grain::kPartOfDay || f.HasTime() ? Grain::kDay : f.Finest();
  const Interval own = PeriodOf(ref_t, fg == Grain::kSeason ? Grain::kDay : fg);
  // The default directions walk out from the reference's own cycle (k = 0) instead.
  // Candidate k lies in the k-th cycle from the reference (a year, month, week, day or
  // half day; a winter spans two years but starts in its own), so the candidates that
  // exist start, and end, in the order of k: the last one starting before the reference
  // period ends (past) is the last of a run of such from k = 0 up, or else the first such
  // from k = -1 down; the first one ending after it begins (future) or starting after the
  // instant (forward) mirrors that. resolve_search_test.cc compares this walk with the
  // sorted list below.
  if (explicit_dir == 0 && !ctx_.exhaustive_search &&
      (ctx_.dir == Direction::kPast || ctx_.dir == Direction::kFuture || ctx_.dir == Direction::kForwardStrict)) {
    const bool past = ctx_.dir == Direction::kPast;
    auto fits = [&](const Cand& c) {
      if (past) return c.iv.begin < refp.end;
      if (ctx_.dir == Direction::kFuture) return c.iv.end > refp.begin;
      return c.iv.begin > ref_t;
    };
    // Past: the fitting candidates come first (as k grows), future and forward: last.
    const int64_t toward = past ? 1 : -1;
    bool found = false;
    for (int64_t k = 0; k >= -K && k <= K; k += toward) {
      Cand c;
      if (!CandidateAt(f, cyc, k, refp, &c)) continue;
      if (!fits(c)) break;
      *out = std::move(c);
      found = true;
    }
    if (found) return true;
    for (int64_t k = -toward; k >= -K && k <= K; k -= toward) {
      Cand c;
      if (!CandidateAt(f, cyc, k, refp, &c)) continue;
      if (fits(c)) {
        *out = std::move(c);
        return true;
      }
    }
    return false;
  }
  std::vector<Cand> cands;
  cands.reserve(2 * K + 1);
  for (int64_t k = -K; k <= K; ++k) {
    Cand c;
    if (CandidateAt(f, cyc, k, refp, &c)) cands.push_back(c);
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.iv.begin < b.iv.begin; });
  if (cands.empty()) return false;
  auto first_where = [&](auto pred) -> const Cand* {
    for (const Cand& c : cands)
      if (pred(c)) return &c;
    return nullptr;
  };
  auto last_where = [&](auto pred) -> const Cand* {
    for (auto it = cands.rbegin(); it != cands.rend(); ++it)
      if (pred(*it)) return &*it;
    return nullptr;
  };
  const Cand* pick = nullptr;
  switch (explicit_dir) {
    case -1:
      pick = last_where([&](const Cand& c) { return c.iv.end <= own.begin; });
      break;
    case -2: {
      int seen = 0;
      pick = last_where([&](const Cand& c) { return c.iv.end <= own.begin && ++seen == 2; });
      break;
    }
    case 1:
      if (cyc == Cycle::kWeek && f.Has(f.weekday)) {
        const Interval week = PeriodOf(ref_t, Grain::kWeek);
        pick = first_where([&](const Cand& c) { return c.iv.begin >= week.end; });
      } else {
        pick = first_where([&](const Cand& c) { return c.iv.begin >= own.end; });
      }
      break;
    case 2: {
      int seen = 0;
      pick = first_where([&](const Cand& c) { return c.iv.begin >= own.end && ++seen == 2; });
      break;
    }
    case 3:
      if (cyc == Cycle::kWeek) {
        if (ctx_.dir == Direction::kPast && !f.weekend) {
          const Interval week = PeriodOf(ref_t, Grain::kWeek);
          pick = first_where([&](const Cand& c) { return c.iv.begin >= week.begin && c.iv.begin < refp.end; });
        }
        if (!pick) pick = first_where([&](const Cand& c) { return c.iv.end > own.begin; });
      } else {
        pick = first_where([&](const Cand& c) { return c.iv.begin <= ref_t && ref_t < c.iv.end; });
        if (!pick) {
          const Interval year = PeriodOf(ref_t, Grain::kYear);
          pick = first_where([&](const Cand& c) { return c.iv.begin >= year.begin && c.iv.begin < year.end; });
        }
      }
      break;
    default:
      switch (ctx_.dir) {
        case Direction::kPast:
          pick = last_where([&](const Cand& c) { return c.iv.begin < refp.end; });
          break;
        case Direction::kFuture:
          pick = first_where([&](const Cand& c) { return c.iv.end > refp.begin; });
          break;
        case Direction::kForwardStrict:
          pick = first_where([&](const Cand& c) { return c.iv.begin > ref_t; });
          break;
        case Direction::kNearest: {
          if (cyc == Cycle::kDay) {
            // a time of day alone: on the reference's day
            const Interval day = PeriodOf(ref_t, Grain::kDay);
            pick = first_where([&](const Cand& c) { return c.iv.begin >= day.begin && c.iv.begin < day.end; });
            if (pick) break;
          }
          int64_t best = INT64_MAX;
          for (const Cand& c : cands) {
            const int64_t d = c.iv.begin <= ref_t && ref_t < c.iv.end ? 0 : std::llabs(c.iv.begin - ref_t);
            if (d <= best) {
              if (d == best && pick && c.iv.begin < pick->iv.begin) continue;
              best = d;
              pick = &c;
            }
          }
          break;
        }
      }
  }
  if (!pick) return false;
  *out = *pick;
  return true;
}

bool Resolver::DoFields(const Node& n, Resolved* r) {
  // A clock time alone ("until 6 pm") in a story is on the day the story has reached.
  if (CycleOf(n.f) == Cycle::kDay && n.explicit_dir == 0 && !ctx_.forward_mode && ctx_.dir != Direction::kNearest &&
      ref_.previous_grain != Grain::kNone && ref_.previous_grain <= Grain::kDay) {
    const int64_t day = DaysOf(ref_.previous.begin);
    const CivilDate c = CivilFromDays(day);
    Fields f = n.f;
    if (f.hour12 && f.Has(f.hour) && f.hour < 12) {
      // on a 12-hour clock, the reading after the previous time that day
      const int prev_hour = ToCivil(ref_.previous.begin).hour;
      if (ref_.previous_grain < Grain::kDay && f.hour + 12 > prev_hour && f.hour <= prev_hour) f.hour += 12;
    }
    f.hour12 = false;
    Cand cand;
    if (FieldsInterval(f, c.year, c.month, day, lex_, &cand)) {
      UsePrevious();
      SetCand(cand, r);
      r->type = TimexType::kTime;
      return true;
    }
  }
  Cand c;
  if (!SearchFields(n.f, n.explicit_dir, &c)) return false;
  SetCand(c, r);
  if (n.f.HasTime() || n.f.Has(n.f.day_part)) r->type = TimexType::kTime;
  return true;
}

bool Resolver::DoHoliday(const Node& n, Resolved* r) {
  const auto& hs = lex_.holidays();
  if (n.holiday < 0 || n.holiday >= static_cast<int>(hs.size())) return false;
  const Holiday& h = hs[n.holiday];
  auto make = [&](const HolidaySpan& s) {
    Cand c;
    c.iv = {DayStart(s.start), DayStart(s.start + s.days)};
    c.grain = Grain::kDay;
    return c;
  };
  auto finish = [&](const Cand& c) {
    SetCand(c, r);
    if (c.iv.end - c.iv.begin > kDay) {
      r->multi = true;
      r->first = {c.iv.begin, c.iv.begin + kDay};
      r->last = {c.iv.end - kDay, c.iv.end};
    }
    return true;
  };
  int year = n.f.year;
  if (n.a >= 0) {
    Resolved c;
    if (!Do(n.a, &c) || !c.ok) return false;
    year = ToCivil(c.iv.begin).year;
  }
  if (year != kUnset) {
    std::vector<HolidaySpan> spans = HolidayOccurrences(h, year);
    if (spans.empty()) return false;
    return finish(make(spans.front()));
  }
  if (!RefKnown()) return false;
  UseRef();
  const Interval refp = RefPeriod();
  const DateTime ref_t = ref_.time;
  const int ry = ToCivil(ref_t).year;
  std::vector<Cand> cands;
  for (int y = ry - 2; y <= ry + 2; ++y)
    for (const HolidaySpan& s : HolidayOccurrences(h, y)) cands.push_back(make(s));
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.iv.begin < b.iv.begin; });
  const Interval today = PeriodOf(ref_t, Grain::kDay);
  const Cand* pick = nullptr;
  auto first_where = [&](auto pred) -> const Cand* {
    for (const Cand& c : cands)
      if (pred(c)) return &c;
    return nullptr;
  };
  auto last_where = [&](auto pred) -> const Cand* {
    for (auto it = cands.rbegin(); it != cands.rend(); ++it)
      if (pred(*it)) return &*it;
    return nullptr;
  };
  switch (n.explicit_dir) {
    case -1:
      pick = last_where([&](const Cand& c) { return c.iv.end <= today.begin; });
      break;
    case 1:
      pick = first_where([&](const Cand& c) { return c.iv.begin >= today.end; });
      break;
    case 3:
      pick = first_where([&](const Cand& c) { return c.iv.end > today.begin; });
      break;
    default:
      switch (ctx_.dir) {
        case Direction::kPast:
          pick = last_where([&](const Cand& c) { return c.iv.begin < refp.end; });
          break;
        case Direction::kFuture:
          pick = first_where([&](const Cand& c) { return c.iv.end > refp.begin; });
          break;
        case Direction::kForwardStrict:
          pick = first_where([&](const Cand& c) { return c.iv.end > ref_t; });
          break;
        case Direction::kNearest: {
          int64_t best = INT64_MAX;
          for (const Cand& c : cands) {
            const int64_t d = std::llabs(c.iv.begin - ref_t);
            if (d < best) {
              best = d;
              pick = &c;
            }
          }
          break;
        }
      }
  }
  if (!pick) return false;
  return finish(*pick);
}

// Fields inside the period of child a: "20 of next month", "tomorrow at noon".
bool Resolver::DoIntersect(const Node& n, Resolved* r) {
  Resolved base;
  if (!Do(n.a, &base) || !base.ok) return false;
  const int64_t day0 = DaysOf(base.iv.begin);
  const CivilDate c = CivilFromDays(day0);
  Fields f = n.f;
  Cand cand;
  // A weekday inside a week: that week's day.
  if (f.Has(f.weekday) && !f.Has(f.day)) {
    const int64_t monday = day0 - (WeekdayOfDays(day0) - 1);
    const int64_t day = monday + f.weekday - 1;
    const CivilDate d = CivilFromDays(day);
    if (!FieldsInterval(f, d.year, d.month, day, lex_, &cand)) return false;
  } else if (f.Has(f.month) || f.Has(f.quarter) || f.Has(f.season)) {
    if (!FieldsInterval(f, c.year, -1, INT64_MIN, lex_, &cand)) return false;
  } else if (f.Has(f.day)) {
    if (!FieldsInterval(f, c.year, c.month, INT64_MIN, lex_, &cand)) return false;
  } else {
    // time of day inside a day; hour12 takes the reading that falls inside a part of day
    if (f.hour12 && f.Has(f.hour) && f.hour < 12) {
      // "tonight at 8" was adjusted by the grammar; a bare "at 8" on a date stays morning
    }
    if (!FieldsInterval(f, c.year, c.month, day0, lex_, &cand)) return false;
  }
  SetCand(cand, r);
  if (f.HasTime() || f.Has(f.day_part)) r->type = TimexType::kTime;
  return true;
}

bool Resolver::DoPart(const Node& n, Resolved* r) {
  Resolved p;
  if (!Do(n.a, &p) || !p.ok) {
    *r = p;
    r->mod = n.mod;
    return false;
  }
  *r = p;
  r->mod = n.mod;
  if (p.value.empty()) r->value = FormatValue(p);
  const DateTime b = p.iv.begin, e = p.iv.end;
  const CivilTime cb = ToCivil(b);
  switch (p.grain) {
    case Grain::kMonth: {
      const int64_t d0 = DaysOf(b), dn = DaysOf(e);
      if (n.mod == TimexMod::kStart) r->iv = {DayStart(d0), DayStart(d0 + 10)};
      else if (n.mod == TimexMod::kMid) r->iv = {DayStart(d0 + 10), DayStart(d0 + 20)};
      else r->iv = {DayStart(d0 + 20), DayStart(dn)};
      break;
    }
    case Grain::kYear:
      if (n.mod == TimexMod::kStart) r->iv = {b, MakeDateTime(cb.year, 4, 1)};
      else if (n.mod == TimexMod::kMid) r->iv = {MakeDateTime(cb.year, 4, 1), MakeDateTime(cb.year, 9, 1)};
      else r->iv = {MakeDateTime(cb.year, 9, 1), e};
      break;
    case Grain::kWeek: {
      const int64_t d0 = DaysOf(b);
      if (n.mod == TimexMod::kStart) r->iv = {DayStart(d0), DayStart(d0 + 3)};
      else if (n.mod == TimexMod::kMid) r->iv = {DayStart(d0 + 2), DayStart(d0 + 5)};
      else r->iv = {DayStart(d0 + 4), DayStart(d0 + 7)};
      break;
    }
    case Grain::kDay:
      if (n.mod == TimexMod::kStart) r->iv = {b, b + 12 * 3600};
      else if (n.mod == TimexMod::kMid) r->iv = {b + 10 * 3600, b + 16 * 3600};
      else r->iv = {b + 17 * 3600, e};
      break;
    case Grain::kDecade:
      if (n.mod == TimexMod::kStart) r->iv = {b, MakeDateTime(cb.year + 4, 1, 1)};
      else if (n.mod == TimexMod::kMid) r->iv = {MakeDateTime(cb.year + 3, 1, 1), MakeDateTime(cb.year + 7, 1, 1)};
      else r->iv = {MakeDateTime(cb.year + 7, 1, 1), e};
      break;
    default: {
      const int64_t len = e - b;
      if (n.mod == TimexMod::kStart) r->iv = {b, b + len / 3};
      else if (n.mod == TimexMod::kMid) r->iv = {b + len / 3, b + 2 * len / 3};
      else r->iv = {b + 2 * len / 3, e};
    }
  }
  return true;
}

bool Resolver::DoRange(const Node& n, Resolved* r) {
  const Node& an = ar_[n.a];
  const Node& bn = ar_[n.b];
  Resolved a, b;
  const bool a_time_only = an.kind == NodeKind::kFields && an.f.HasTime() && !an.f.HasDate();
  const bool b_dated = bn.kind != NodeKind::kFields || bn.f.HasDate();
  // Share a stated year: "10 August - 12 September 2013", "From December to May 2022".
  if (an.kind == NodeKind::kFields && bn.kind == NodeKind::kFields && !(a_time_only && b_dated)) {
    Fields fa = an.f, fb = bn.f;
    if (!fa.Has(fa.year) && fb.Has(fb.year) && fa.Has(fa.month) && fb.Has(fb.month)) {
      fa.year = fb.year;
      if (fa.month > fb.month || (fa.month == fb.month && fa.Has(fa.day) && fb.Has(fb.day) && fa.day > fb.day))
        fa.year -= 1;
    }
    // Meridiem: "3:30-4:30pm", "8pm - 11", "11:30-1:30"
    if (fa.Has(fa.hour) && fb.Has(fb.hour)) {
      if (fa.hour12 && !fb.hour12 && fb.hour >= 12 && fa.hour + 12 <= fb.hour) {
        fa.hour += 12;
        fa.hour12 = false;
      }
      if (fb.hour12 && !fa.hour12) {
        int h = fb.hour % 12;
        while (h <= fa.hour && h + 12 < 36) h += 12;
        fb.hour = h % 24;
        fb.hour12 = false;
      } else if (fb.hour12 && fa.hour12 && fb.hour < fa.hour) {
        fb.hour += 12;
        fb.hour12 = false;
      }
    }
    Cand ca;
    if (!SearchFields(fa, an.explicit_dir, &ca)) return false;
    SetCand(ca, &a);
    // b: the first occurrence at or after a's start.
    if (CycleOf(fb) == Cycle::kNone) {
      Cand cb;
      if (!FieldsInterval(fb, 0, -1, INT64_MIN, lex_, &cb)) return false;
      SetCand(cb, &b);
    } else {
      Reference sub = ref_;
      sub.time = ca.iv.begin;
      sub.precision = Grain::kSecond;
      ResolveContext c2 = ctx_;
      c2.ref = &sub;
      c2.dir = Direction::kFuture;
      Resolver rb(ar_, c2);
      Cand cb;
      if (!rb.SearchFields(fb, 0, &cb)) return false;
      SetCand(cb, &b);
    }
  } else if (a_time_only && b_dated) {
    // "9:00 AM to 5:00 PM, Tuesday, 20 May 2013": the start is on the end's day
    if (!Do(n.b, &b) || !b.ok) return false;
    const int64_t day = DaysOf(b.iv.begin);
    const CivilDate c = CivilFromDays(day);
    Fields fa = an.f;
    const int bh = ToCivil(b.iv.begin).hour;
    if (fa.hour12 && fa.hour < 12 && fa.hour + 12 <= bh && b.grain <= Grain::kHour) fa.hour += 12;
    fa.hour12 = false;
    Cand ca;
    if (!FieldsInterval(fa, c.year, c.month, day, lex_, &ca)) return false;
    SetCand(ca, &a);
  } else {
    if (!Do(n.a, &a) || !a.ok) return false;
    if (!Do(n.b, &b) || !b.ok) return false;
  }
  if (b.iv.end <= a.iv.begin) {
    // "11pm-3": the end is on the next day
    if (a.grain <= Grain::kHour && b.grain <= Grain::kHour) {
      b.iv.begin += kDay;
      b.iv.end += kDay;
    } else {
      return false;
    }
  }
  r->ok = true;
  r->iv = {a.iv.begin, b.iv.end};
  r->grain = std::min(a.grain, b.grain);
  r->type = a.type;
  r->multi = true;
  r->first = a.iv;
  r->last = b.iv;
  r->pod_code = a.pod_code;
  if (a.grain != b.grain) {
    // Mixed grains: write each end at its own grain.
    r->value = FormatValue(a) + "/" + FormatValue(b);
  }
  return true;
}

int ShiftGrain(Grain unit) {
  switch (unit) {
    case Grain::kSecond:
    case Grain::kMinute: return static_cast<int>(Grain::kSecond);
    case Grain::kHour: return static_cast<int>(Grain::kMinute);
    case Grain::kDay:
    case Grain::kWeek:
    case Grain::kMonth:
    case Grain::kQuarter: return static_cast<int>(Grain::kDay);
    case Grain::kYear: return static_cast<int>(Grain::kMonth);
    case Grain::kDecade: return static_cast<int>(Grain::kYear);
    default: return static_cast<int>(Grain::kDecade);
  }
}

std::string DurationValue(const Arena& ar, int id) {
  // "P3M", "PT2H", "P1DT21H", "PXD" (unknown count)
  std::string date, time;
  for (int k = id; k >= 0; k = ar[k].a) {
    const Node& n = ar[k];
    if (n.kind != NodeKind::kDuration) break;
    int64_t count = n.n;
    int64_t extra = n.extra_seconds;
    std::string num = n.vague_n ? "X" : std::to_string(count);
    auto add_time = [&](int64_t secs) {
      if (secs <= 0) return;
      const int64_t h = secs / 3600, m = secs / 60 % 60, s = secs % 60;
      if (h) time += std::to_string(h) + "H";
      if (m) time += std::to_string(m) + "M";
      if (s) time += std::to_string(s) + "S";
    };
    switch (n.unit) {
      case Grain::kSecond: time += num + "S"; break;
      case Grain::kMinute: time += num + "M"; add_time(extra); extra = 0; break;
      case Grain::kHour:
        if (count == 0 && extra > 0 && !n.vague_n) {
          add_time(extra);
          extra = 0;
        } else {
          time += num + "H";
          add_time(extra);
          extra = 0;
        }
        break;
      case Grain::kDay:
        if (count || n.vague_n) date += num + "D";
        add_time(extra);
        extra = 0;
        break;
      case Grain::kWeek:
        if (extra > 0 && !n.vague_n) {
          date += std::to_string(count * 7 + extra / kDay) + "D";
          extra = 0;
        } else {
          date += num + "W";
        }
        break;
      case Grain::kMonth:
        if (extra > 0 && !n.vague_n) date += std::to_string(count) + "M" + std::to_string(extra / kDay) + "D";
        else date += num + "M";
        extra = 0;
        break;
      case Grain::kQuarter: date += n.vague_n ? "XQ" : std::to_string(count * 3) + "M"; break;
      case Grain::kYear:
        if (extra > 0 && !n.vague_n) date += std::to_string(count) + "Y" + std::to_string(extra * 12 / (365 * kDay)) + "M";
        else date += num + "Y";
        extra = 0;
        break;
      case Grain::kDecade: date += n.vague_n ? "XDE" : std::to_string(count * 10) + "Y"; break;
      case Grain::kCentury: date += n.vague_n ? "XCE" : std::to_string(count * 100) + "Y"; break;
      default: break;
    }
    add_time(extra);
  }
  std::string v = "P" + date;
  if (!time.empty()) v += "T" + time;
  if (v == "P") v = "PT0S";
  return v;
}

bool Resolver::Do(int id, Resolved* r) {
  const Node& n = ar_[id];
  r->mod = n.mod;
  switch (n.kind) {
    case NodeKind::kFields:
      return DoFields(n, r);
    case NodeKind::kRelDay: {
      DateTime base;
      Grain base_grain;
      if (!AnchorPoint(AnchorPref::kSpeech, &base, &base_grain)) return false;
      const int64_t day = DaysOf(base) + n.n;
      r->ok = true;
      r->iv = {DayStart(day), DayStart(day + 1)};
      r->grain = Grain::kDay;
      ClipToReference(n.clip, &r->iv);
      return true;
    }
    case NodeKind::kNow:
      r->value = "PRESENT_REF";
      if (!RefKnown()) return false;
      UseRef();
      r->ok = true;
      r->iv = {ref_.time, ref_.time + 1};
      r->grain = ref_.precision == Grain::kSecond ? Grain::kSecond : ref_.precision;
      return true;
    case NodeKind::kRefWord:
      r->value = n.n < 0 ? "PAST_REF" : n.n > 0 ? "FUTURE_REF" : "PRESENT_REF";
      if (RefKnown()) UseRef();
      return false;
    case NodeKind::kCycle: {
      DateTime t;
      Grain g;
      if (!AnchorPoint(n.anchor, &t, &g)) return false;
      if (n.unit == Grain::kSeason) {
        // The season containing t, shifted by n seasons.
        const auto& seasons = lex_.seasons();
        std::vector<Cand> cands;
        const int y = ToCivil(t).year;
        for (int yy = y - 3; yy <= y + 3; ++yy) {
          for (size_t s = 0; s < seasons.size(); ++s) {
            if (s > 0 && seasons[s].code == seasons[s - 1].code) continue;  // "fall" = "autumn"
            Fields f;
            f.season = static_cast<int>(s);
            Cand c;
            if (FieldsInterval(f, yy, -1, INT64_MIN, lex_, &c)) cands.push_back(c);
          }
        }
        std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.iv.begin < b.iv.begin; });
        int cur = -1;
        for (size_t k = 0; k < cands.size(); ++k)
          if (cands[k].iv.begin <= t) cur = static_cast<int>(k);
        const int want = cur + n.n;
        if (cur < 0 || want < 0 || want >= static_cast<int>(cands.size())) return false;
        SetCand(cands[want], r);
        r->multi = true;
        r->grain = Grain::kDay;
        r->first = {cands[want].iv.begin, cands[want].iv.begin + kDay};
        r->last = {cands[want].iv.end - kDay, cands[want].iv.end};
        return true;
      }
      Interval p = PeriodOf(t, n.unit);
      p.begin = AddUnits(p.begin, n.unit, n.n);
      p.end = AddUnits(p.begin, n.unit, 1);
      r->ok = true;
      r->iv = p;
      r->grain = n.unit;
      if (n.anchor == AnchorPref::kSpeech) ClipToReference(n.clip, &r->iv);
      return true;
    }
    case NodeKind::kCycleSpan: {
      DateTime t;
      Grain g;
      r->type = TimexType::kDuration;
      {
        Node d;
        d.kind = NodeKind::kDuration;
        d.unit = n.unit;
        d.n = std::abs(n.n);
        Arena tmp;
        tmp.Add(d);
        r->value = DurationValue(tmp, 0);
      }
      if (!AnchorPoint(n.anchor, &t, &g)) return false;
      const Interval p = PeriodOf(t, n.unit);
      if (n.n < 0) {
        r->iv = {AddUnits(p.begin, n.unit, n.n), p.begin};
      } else {
        r->iv = {p.end, AddUnits(p.end, n.unit, n.n)};
      }
      r->ok = true;
      r->grain = n.unit;
      if (n.approx) r->mod = TimexMod::kApprox;
      return true;
    }
    case NodeKind::kShift: {
      // A shift from a child, the narrative anchor or the reference.
      DateTime base;
      Grain base_grain;
      if (n.a >= 0) {
        Resolved c;
        if (!Do(n.a, &c) || !c.ok) return false;
        base = c.iv.begin;
        base_grain = c.grain;
      } else if (!AnchorPoint(n.anchor, &base, &base_grain)) {
        return false;
      }
      if (n.in_form && !ctx_.forward_mode && ctx_.tense == Tense::kPast) {
        // "took the city in five days": a duration, not a point
        Node d;
        d.kind = NodeKind::kDuration;
        d.unit = n.unit;
        d.n = std::abs(n.n);
        d.extra_seconds = std::llabs(n.extra_seconds);
        Arena tmp;
        tmp.Add(d);
        r->value = DurationValue(tmp, 0);
        r->type = TimexType::kDuration;
        return false;
      }
      DateTime t = AddUnits(base, n.unit, n.n) + n.extra_seconds;
      Grain g = n.a >= 0 ? base_grain : static_cast<Grain>(ShiftGrain(n.unit));
      if (n.a < 0 && base_grain > g && base_grain != Grain::kNone && !(n.anchor == AnchorPref::kSpeech && base_grain <= Grain::kDay && g >= Grain::kDay)) {
        // Not finer than the anchor: "hours earlier" than a day is that day, and "hours
        // earlier" or "two weeks ago" against a month is that month (not the one before:
        // a month anchor counts from its first day, so any step back would leave it).
        // Only a shift at least as long as the anchor's period ("a month later") moves.
        const int64_t step = ApproxSeconds(n.unit) * std::abs(static_cast<int64_t>(n.n)) + std::llabs(n.extra_seconds);
        if (ApproxSeconds(n.unit) > 0 && step < ApproxSeconds(base_grain)) t = base;
        // Days or weeks from a month are known only to about that month.
        if (base_grain >= Grain::kMonth && ApproxSeconds(n.unit) < ApproxSeconds(base_grain) && n.mod == TimexMod::kNone)
          r->mod = TimexMod::kApprox;
        g = base_grain;
      }
      if (n.vague_n || n.approx) {
        if (g < Grain::kDay && n.unit >= Grain::kHour) g = Grain::kDay;
        r->mod = n.mod == TimexMod::kNone ? TimexMod::kApprox : n.mod;
      }
      const Interval p = PeriodOf(t, g);
      r->ok = true;
      r->iv = p;
      r->grain = g;
      return true;
    }
    case NodeKind::kHoliday:
      return DoHoliday(n, r);
    case NodeKind::kNthWeekdayOf:
    case NodeKind::kNthDayOf:
    case NodeKind::kNthWeekOf: {
      Resolved p;
      if (!Do(n.a, &p) || !p.ok) return false;
      const int64_t first = DaysOf(p.iv.begin), last = DaysOf(p.iv.end - 1);
      int64_t day;
      if (n.kind == NodeKind::kNthWeekdayOf) {
        if (n.n > 0) {
          int64_t d = first + ((n.f.weekday - WeekdayOfDays(first)) % 7 + 7) % 7;
          day = d + 7 * (n.n - 1);
        } else {
          int64_t d = last - ((WeekdayOfDays(last) - n.f.weekday) % 7 + 7) % 7;
          day = d - 7 * (-n.n - 1);
        }
        if (day < first || day > last) return false;
        r->iv = {DayStart(day), DayStart(day + 1)};
        r->grain = Grain::kDay;
      } else if (n.kind == NodeKind::kNthDayOf) {
        day = n.n > 0 ? first + n.n - 1 : last + n.n + 1;
        if (day < first || day > last) return false;
        r->iv = {DayStart(day), DayStart(day + 1)};
        r->grain = Grain::kDay;
      } else {
        // weeks (Monday..Sunday) wholly inside the period
        int64_t mon = first + ((1 - WeekdayOfDays(first)) % 7 + 7) % 7;
        int64_t last_mon = last - (WeekdayOfDays(last) - 1);
        if (last_mon + 6 > last) last_mon -= 7;
        if (n.f.weekend) {
          // weekends: Saturday..Sunday wholly inside
          int64_t sat = first + ((6 - WeekdayOfDays(first)) % 7 + 7) % 7;
          int64_t last_sat = last - ((WeekdayOfDays(last) - 6) % 7 + 7) % 7;
          if (last_sat + 1 > last) last_sat -= 7;
          day = n.n > 0 ? sat + 7 * (n.n - 1) : last_sat - 7 * (-n.n - 1);
          if (day < first || day + 1 > last) return false;
          r->iv = {DayStart(day), DayStart(day + 2)};
          r->grain = Grain::kWeek;
          r->weekend = true;
        } else {
          day = n.n > 0 ? mon + 7 * (n.n - 1) : last_mon - 7 * (-n.n - 1);
          if (day < first || day + 6 > last) return false;
          r->iv = {DayStart(day), DayStart(day + 7)};
          r->grain = Grain::kWeek;
        }
      }
      r->ok = true;
      return true;
    }
    case NodeKind::kNthWeekdayFrom: {
      int64_t base;
      if (n.a >= 0) {
        Resolved c;
        if (!Do(n.a, &c) || !c.ok) return false;
        base = DaysOf(c.iv.begin);
      } else {
        if (!RefKnown()) return false;
        UseRef();
        base = DaysOf(ref_.time);
      }
      int64_t day;
      if (n.n > 0) {
        day = base + ((n.f.weekday - WeekdayOfDays(base)) % 7 + 7) % 7;
        if (day == base) day += 7;
        day += 7 * (n.n - 1);
      } else {
        day = base - ((WeekdayOfDays(base) - n.f.weekday) % 7 + 7) % 7;
        if (day == base) day -= 7;
        day -= 7 * (-n.n - 1);
      }
      r->ok = true;
      r->iv = {DayStart(day), DayStart(day + 1)};
      r->grain = Grain::kDay;
      return true;
    }
    case NodeKind::kWeekOf: {
      Resolved c;
      if (!Do(n.a, &c) || !c.ok) return false;
      const int64_t d = DaysOf(c.iv.begin);
      const int64_t monday = d - (WeekdayOfDays(d) % 7) + 1;
      r->ok = true;
      r->iv = {DayStart(monday), DayStart(monday + 7)};
      r->grain = Grain::kWeek;
      return true;
    }
    case NodeKind::kClosest: {
      Resolved target;
      if (!Do(n.b, &target) || !target.ok) return false;
      const DateTime t = target.iv.begin;
      std::vector<Cand> cands;
      const Node& x = ar_[n.a];
      if (x.kind == NodeKind::kHoliday) {
        const int y = ToCivil(t).year;
        for (int yy = y - 4; yy <= y + 4; ++yy)
          for (const HolidaySpan& s : HolidayOccurrences(lex_.holidays()[x.holiday], yy)) {
            Cand c;
            c.iv = {DayStart(s.start), DayStart(s.start + 1)};
            c.grain = Grain::kDay;
            cands.push_back(c);
          }
      } else {
        const int64_t d = DaysOf(t);
        for (int64_t k = -40; k <= 40; ++k) {
          if (x.f.Has(x.f.weekday) && WeekdayOfDays(d + k) != x.f.weekday) continue;
          Cand c;
          c.iv = {DayStart(d + k), DayStart(d + k + 1)};
          c.grain = Grain::kDay;
          cands.push_back(c);
        }
      }
      std::stable_sort(cands.begin(), cands.end(), [&](const Cand& a, const Cand& b) {
        return std::llabs(a.iv.begin - t) < std::llabs(b.iv.begin - t);
      });
      if (n.n < 1 || n.n > static_cast<int>(cands.size())) return false;
      SetCand(cands[n.n - 1], r);
      return true;
    }
    case NodeKind::kIntersect:
      return DoIntersect(n, r);
    case NodeKind::kPart:
      return DoPart(n, r);
    case NodeKind::kRange:
      return DoRange(n, r);
    case NodeKind::kOpen: {
      Resolved in;
      const bool ok = Do(n.a, &in);
      *r = in;
      r->bound = n.bound;
      if (in.mod == TimexMod::kNone) {
        switch (n.bound) {
          case Bound::kBefore: r->mod = TimexMod::kBefore; break;
          case Bound::kAfter: r->mod = TimexMod::kAfter; break;
          case Bound::kOnOrBefore: r->mod = TimexMod::kOnOrBefore; break;
          case Bound::kOnOrAfter: r->mod = TimexMod::kOnOrAfter; break;
          case Bound::kNone: break;
        }
      }
      if (ok && in.ok && in.value.empty()) r->value = FormatValue(in);
      return ok;
    }
    case NodeKind::kDuration:
      r->type = TimexType::kDuration;
      r->value = DurationValue(ar_, id);
      if (n.approx && r->mod == TimexMod::kNone) r->mod = TimexMod::kApprox;
      return false;
    case NodeKind::kSet: {
      r->type = TimexType::kSet;
      if (n.a >= 0) {
        const Fields& f = ar_[n.a].f;
        char buf[48];
        if (f.Has(f.weekday)) {
          std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", f.weekday);
        } else if (f.weekend) {
          std::snprintf(buf, sizeof buf, "XXXX-WXX-WE");
        } else if (f.Has(f.month)) {
          std::snprintf(buf, sizeof buf, "XXXX-%02d", f.month);
        } else {
          std::snprintf(buf, sizeof buf, "XXXX-XX-XX");
        }
        r->value = buf;
        if (f.Has(f.day_part) && f.day_part >= 0 && f.day_part < static_cast<int>(lex_.day_parts().size()))
          r->value += "T" + lex_.day_parts()[f.day_part].code;
      } else {
        Node d;
        d.kind = NodeKind::kDuration;
        d.unit = n.unit;
        d.n = n.n;
        Arena tmp;
        tmp.Add(d);
        r->value = DurationValue(tmp, 0);
      }
      return false;
    }
  }
  return false;
}

void Collect(const Arena& ar, int id, StatedFields* s, int depth) {
  if (id < 0 || depth > 8) return;
  const Node& n = ar[id];
  const Fields& f = n.f;
  if (n.kind == NodeKind::kFields || n.kind == NodeKind::kIntersect) {
    if (f.Has(f.year) && s->year < 0) s->year = f.year;
    if (f.Has(f.month) && s->month < 0) s->month = f.month;
    if (f.Has(f.day) && s->day < 0) s->day = f.day;
    if (f.Has(f.weekday) && s->weekday < 0) s->weekday = f.weekday;
    if (f.Has(f.hour) && s->hour < 0) s->hour = f.hour;
    if (f.Has(f.minute) && s->minute < 0) s->minute = f.minute;
  }
  if (n.kind == NodeKind::kHoliday && f.Has(f.year) && s->year < 0) s->year = f.year;
  if (n.kind == NodeKind::kRange || n.kind == NodeKind::kShift) return;  // not one date
  Collect(ar, n.a, s, depth + 1);
}

}  // namespace

Resolved Resolve(const Arena& arena, int node, const ResolveContext& ctx) {
  Resolver r(arena, ctx);
  return r.Run(node);
}

bool NeedsDirection(const Arena& ar, int id) {
  if (id < 0) return false;
  const Node& n = ar[id];
  switch (n.kind) {
    case NodeKind::kFields:
      return CycleOf(n.f) != Cycle::kNone && (n.explicit_dir == 0 || n.explicit_dir == 3);
    case NodeKind::kHoliday:
      return !n.f.Has(n.f.year) && n.a < 0 && n.explicit_dir == 0;
    case NodeKind::kShift:
      return n.in_form || NeedsDirection(ar, n.a);
    case NodeKind::kRange:
      return NeedsDirection(ar, n.a) || NeedsDirection(ar, n.b);
    case NodeKind::kClosest:
      return NeedsDirection(ar, n.b);
    default:
      return NeedsDirection(ar, n.a);
  }
}

StatedFields CollectStated(const Arena& arena, int node) {
  StatedFields s;
  Collect(arena, node, &s, 0);
  return s;
}

}  // namespace sitrep::time
