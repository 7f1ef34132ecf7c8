// The grammar (see parser.h): ranges, durations and sets.
#include <algorithm>
#include <cstdlib>

#include "time/parser.h"

namespace sitrep::time {

namespace {

// First tokens of the rules below besides numbers and lexicon classes: gates that skip a
// rule where it must fail (see DatePointUncached). Off in the reference parse.
constexpr LitSet kDayRangeStarts({"between", "from", "the"});
constexpr LitSet kDurationStarts({"half", "a", "an"});
constexpr LitSet kSetStarts({"hourly", "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "nightly",
                             "biweekly", "fortnightly", "every", "each", "once", "twice"});

}  // namespace

// "July 13-15", "August 10 - 22, 2012", "13-15 July", "from the 13th to the 15th of July",
// "1-8 september", "23rd to 26th Oct", "Eighth to eleventh May 2010".
bool Parser::DayRange(int i, M* m) {
  if (fast_ && !Num(i) && !(FlagsAt(i) & (kLexMonth | kLexOrdinal | kLexTens)) &&
      !(IsW(i) && kDayRangeStarts.Contains(tk_[i].hash)))
    return false;
  int k = i;
  const bool between = W(k, "between");
  if (W(k, "from") || between) ++k;
  auto sep = [&](int q, int* next) -> bool {
    if (between) {
      if (W(q, "and")) {
        *next = q + 1;
        return true;
      }
      return false;
    }
    if (P(q, '-')) {
      *next = q + 1;
      return true;
    }
    if (WAny(q, {"to", "through", "thru", "till", "until", "untill"})) {
      *next = q + 1;
      return true;
    }
    return false;
  };
  auto finish = [&](Fields a, Fields b, int end) {
    // "22-23 Feb at 7pm": the time applies to both days
    if (W(end, "at") || P(end, ',')) {
      M t;
      if (TimeOfDay(end + 1, &t, true)) {
        const Fields& tf = ar_[t.node].f;
        a.hour = b.hour = tf.hour;
        a.minute = b.minute = tf.minute;
        a.hour12 = b.hour12 = tf.hour12;
        end = t.end;
        m->type = TimexType::kTime;
      }
    }
    Node ra;
    ra.f = a;
    Node rb;
    rb.f = b;
    Node r;
    r.kind = NodeKind::kRange;
    r.a = Add(ra);
    r.b = Add(rb);
    m->node = Add(r);
    m->end = end;
    return true;
  };
  int month, me;
  bool amb;
  if (MonthAt(k, &month, &me, &amb)) {
    int q = me;
    if (W(q, "the")) ++q;
    int d1, e1, d2, e2, s2;
    bool o1, o2;
    if (DayNumber(q, &d1, &e1, &o1) && sep(e1, &s2)) {
      int r = s2;
      if (W(r, "the")) ++r;
      if (DayNumber(r, &d2, &e2, &o2) && d2 > d1 && !Flag(e2, kLexMonth) && !(P(e2, ':') && Glued(e2))) {
        if (amb && !t_[k].cap && !o1) return false;
        Fields a, b;
        a.month = b.month = month;
        a.day = d1;
        b.day = d2;
        int ye;
        Fields y;
        if (OptYear(e2, &y, &ye, false)) {
          a.year = b.year = y.year;
          e2 = ye;
          if (!IsValidDate(a.year, month, d2)) {
            Void(i, e2);
            return false;
          }
        } else if (d2 > DaysInMonth(2000, month)) {
          Void(i, e2);
          return false;
        }
        return finish(a, b, e2);
      }
    }
  }
  int q = k;
  if (W(q, "the")) ++q;
  int d1, e1, d2, e2, s2;
  bool o1, o2;
  if (!DayNumber(q, &d1, &e1, &o1)) return false;
  if (!sep(e1, &s2)) return false;
  int r = s2;
  if (W(r, "the")) ++r;
  if (!DayNumber(r, &d2, &e2, &o2) || d2 <= d1) return false;
  int mq = e2;
  if (W(mq, "of")) ++mq;
  if (!MonthAt(mq, &month, &me, &amb)) return false;
  if (amb && !t_[mq].cap && !o2 && !W(e2, "of")) return false;
  Fields a, b;
  a.month = b.month = month;
  a.day = d1;
  b.day = d2;
  int ye;
  Fields y;
  if (OptYear(me, &y, &ye, false)) {
    a.year = b.year = y.year;
    me = ye;
    if (!IsValidDate(a.year, month, d2)) {
      Void(i, me);
      return false;
    }
  } else if (d2 > DaysInMonth(2000, month)) {
    Void(i, me);
    return false;
  }
  return finish(a, b, me);
}

// "from X to Y", "X - Y", "between X and Y", "X through Y", "2015-2016", "3:30-4:30pm".
bool Parser::Range(int i, M* m) {
  int k = i;
  const bool between = W(k, "between");
  const bool from = W(k, "from");
  if (between || from) ++k;
  // Year ranges: "2015-2016", "2015-16", "from 2014 to 2016"
  if (Num(k) && t_[k].ndigits == 4 && t_[k].num >= 1000 && t_[k].num <= 2999) {
    const int y1 = static_cast<int>(t_[k].num);
    int j = k + 1;
    int y2 = -1, e = -1;
    if (P(j, '-') && Glued(j) && Num(j + 1) && Glued(j + 1) && !Num(j + 2) && !(P(j + 2, '-') && Glued(j + 2))) {
      const Tok& b = t_[j + 1];
      if (b.ndigits == 4) y2 = static_cast<int>(b.num);
      else if (b.ndigits == 2) y2 = y1 / 100 * 100 + static_cast<int>(b.num);
      e = j + 2;
    } else if ((between && W(j, "and")) || ((from || between) && WAny(j, {"to", "through", "until", "till"})) ||
               (from && P(j, '-'))) {
      int yy, ye;
      if (YearAt(j + 1, &yy, &ye, false) && Num(j + 1)) {
        y2 = yy;
        e = ye;
      }
    }
    if (y2 > y1 && y2 - y1 < 200 && y1 <= 2100 && !(IsW(e) && Glued(e))) {
      Fields a, b;
      a.year = y1;
      b.year = y2;
      Node r;
      r.kind = NodeKind::kRange;
      r.a = AddFields(a);
      r.b = AddFields(b);
      m->node = Add(r);
      m->end = e;
      return true;
    }
  }
  M a;
  bool a_ok = Point(k, &a);
  // "8 - 11pm": a bare hour before a time range separator
  bool bare_start = false;
  if (!a_ok || ar_[a.node].kind == NodeKind::kShift) {
    // "8 - 11pm": a bare hour before a range to a time with am/pm
    const bool chain = P(k + 1, '-') && Num(k + 2) && (P(k + 3, '-') || P(k + 3, '.')) && Glued(k + 3);  // "1-2-3"
    if (!(Num(k) && !t_[k].ordinal && t_[k].ndigits <= 2 && t_[k].num >= 1 && t_[k].num <= 12 && !chain &&
          !(P(k + 1, '.') || P(k + 1, ':') || P(k + 1, '/')) &&
          (P(k + 1, '-') || WAny(k + 1, {"to", "and", "till", "until"}))))
      return false;
    Fields bf;
    bf.hour = static_cast<int>(t_[k].num);
    bf.hour12 = true;
    a = {k + 1, AddFields(bf), TimexType::kTime};
    bare_start = true;
  }
  int j = a.end;
  if (between) {
    if (!W(j, "and")) return false;
    ++j;
  } else if (P(j, '-') || WAny(j, {"to", "through", "thru", "till", "until", "untill", "til"})) {
    if (P(j, '-') && t_[j].space_before && !t_[j].long_dash && !from && Num(j + 1) && ar_[a.node].f.HasTime() == false &&
        false)
      return false;
    ++j;
  } else {
    return false;
  }
  const bool a_time = a.type == TimexType::kTime;
  M b;
  bool b_ok = Point(j, &b);
  if (a_time && (!b_ok || b.type != TimexType::kTime)) {
    M bt;
    if (TimeOfDay(j, &bt, true) && (!b_ok || bt.end >= b.end)) {
      b = bt;
      b_ok = true;
    }
  }
  if (!b_ok) return false;
  if (bare_start) {
    // the end must fix the clock: "11pm" or "23:00", not "11" or "11:00"
    const Node& bn0 = ar_[b.node];
    if ((bn0.kind != NodeKind::kFields && bn0.kind != NodeKind::kIntersect) || !bn0.f.HasTime() || bn0.f.hour12)
      return false;
  }
  // Both ends must be points of the same nature.
  const Node& an = ar_[a.node];
  const Node& bn = ar_[b.node];
  if (an.kind == NodeKind::kShift || bn.kind == NodeKind::kShift || an.kind == NodeKind::kDuration) return false;
  if (!a_ok && b.type != TimexType::kTime) return false;
  if (!a_ok) {
    // the bare hour takes its meridiem from the end ("8 - 11pm")
  }
  // A clock time and a date without one are not two ends of a range ("from 13 to 15 July").
  if (a.type == TimexType::kTime && an.kind == NodeKind::kFields && !an.f.HasDate() && b.type != TimexType::kTime)
    return false;
  // "2019 to 2020" without from/between is not a range of years in running text.
  if (!from && !between && an.kind == NodeKind::kFields && an.f.Finest() == Grain::kYear && bn.kind == NodeKind::kFields &&
      bn.f.Finest() == Grain::kYear)
    return false;
  Node r;
  r.kind = NodeKind::kRange;
  r.a = a.node;
  r.b = b.node;
  m->node = Add(r);
  m->end = b.end;
  m->type = (a_time && b.type == TimexType::kTime) ? TimexType::kTime : TimexType::kDate;
  // "9:30 - 11:00 on Thursday", "1pm-2pm tomorrow"
  if (m->type == TimexType::kTime && !ar_[a.node].f.HasDate()) {
    int q = m->end;
    if (P(q, ',') || W(q, "on")) ++q;
    M d;
    if (DatePoint(q, &d) && ar_[d.node].kind != NodeKind::kShift) {
      Node r2;
      r2.kind = NodeKind::kRange;
      r2.a = CombineDateTime_(d.node, ar_[a.node].f);
      r2.b = CombineDateTime_(d.node, ar_[b.node].f);
      m->node = Add(r2);
      m->end = d.end;
    }
  }
  return true;
}

// "3 hours", "for 10 days", "nearly 6-year-long war", "1 day 21 hours", "for months".
bool Parser::DurationExpr(int i, M* m) {
  if (fast_ && !Num(i) && !(FlagsAt(i) & (kLexUnit | kLexCardinal | kLexVague)) &&
      !(IsW(i) && kDurationStarts.Contains(tk_[i].hash)))
    return false;
  // "for days", "for years", "for decades"
  Grain unit;
  int mult, ue;
  bool plural;
  if (i > 0 && W(i - 1, "for") && UnitAt(i, &unit, &mult, &ue, &plural) && plural && !Flag(i, kLexAbbr)) {
    Node n;
    n.kind = NodeKind::kDuration;
    n.unit = unit;
    n.n = 0;
    n.vague_n = true;
    m->node = Add(n);
    m->end = ue;
    m->type = TimexType::kDuration;
    return true;
  }
  int prev = -1;
  int j = i;
  int first = -1;
  Grain last_unit = Grain::kCentury;
  int count = 0;
  bool approx = false;
  while (count < 6) {
    NumRead q;
    int e;
    int start = j;
    if (count > 0) {
      if (P(start, ',')) ++start;
      if (W(start, "and")) ++start;
    }
    if (!Quantity(start, &q, &unit, &mult, &e, &plural)) break;
    if (unit >= last_unit && count > 0) break;
    if (q.article && count == 0 && !(W(i - 1, "for") || W(i - 1, "over") || W(i - 1, "within") || W(e, "long"))) {
      // "a day" alone is too weak ("a day of mourning"); chrono agrees ("a day" is negative)
      if (!(P(e, '-') && W(e + 1, "long"))) break;
    }
    if (Num(start) && t_[start].ndigits >= 4 && unit == Grain::kYear && !P(start + 1, '-')) {
      // "2000 years" is a duration; "2015 year" is not English; keep it
    }
    Node n;
    n.kind = NodeKind::kDuration;
    n.unit = unit;
    n.n = static_cast<int>(q.value * mult);
    n.extra_seconds = static_cast<int64_t>(q.frac * mult * static_cast<double>(UnitSeconds(unit)));
    n.approx = q.vague;
    if (q.vague) approx = true;
    const int id = Add(n);
    if (prev >= 0) ar_[prev].a = id;
    if (first < 0) first = id;
    prev = id;
    last_unit = unit;
    ++count;
    j = e;
  }
  if (first < 0) return false;
  // "-long", " long", "-old"
  if (P(j, '-') && Glued(j) && WAny(j + 1, {"long", "old"})) j += 2;
  else if (W(j, "long") && !W(j + 1, "as")) ++j;
  ar_[first].approx = approx;
  m->node = first;
  m->end = j;
  m->type = TimexType::kDuration;
  return true;
}

// "every Monday", "each year", "every other week", "daily", "weekly", "twice a week",
// "on Mondays".
bool Parser::SetExpr(int i, M* m) {
  if (fast_ && !Num(i) && !(FlagsAt(i) & (kLexCardinal | kLexWeekday)) && !(IsW(i) && kSetStarts.Contains(tk_[i].hash)))
    return false;
  Node n;
  n.kind = NodeKind::kSet;
  n.n = 1;
  int e = -1;
  // The adverbs, compared by hash (the reference parse compares the strings).
  struct Adverb {
    Lit w;
    Grain g;
  };
  static constexpr Adverb kAdverbLits[] = {
      {"hourly", Grain::kHour}, {"daily", Grain::kDay},     {"weekly", Grain::kWeek},
      {"monthly", Grain::kMonth}, {"yearly", Grain::kYear}, {"annually", Grain::kYear},
      {"quarterly", Grain::kQuarter}, {"nightly", Grain::kDay}};
  static const std::pair<std::string_view, Grain> kAdverbs[] = {
      {"hourly", Grain::kHour}, {"daily", Grain::kDay},     {"weekly", Grain::kWeek},
      {"monthly", Grain::kMonth}, {"yearly", Grain::kYear}, {"annually", Grain::kYear},
      {"quarterly", Grain::kQuarter}, {"nightly", Grain::kDay}};
  if (fast_) {
    if (IsW(i)) {
      for (const Adverb& a : kAdverbLits) {
        if (t_[i].hash == a.w.hash) {
          n.unit = a.g;
          e = i + 1;
        }
      }
    }
  } else {
    for (const auto& [w, g] : kAdverbs) {
      if (WStr(i, w)) {
        n.unit = g;
        e = i + 1;
      }
    }
  }
  if (W(i, "biweekly") || W(i, "fortnightly")) {
    n.unit = Grain::kWeek;
    n.n = 2;
    e = i + 1;
  }
  if (e < 0 && WAny(i, {"every", "each"})) {
    int k = i + 1;
    if (W(k, "other")) {
      n.n = 2;
      ++k;
    }
    NumRead q;
    Grain unit;
    int mult, ue;
    bool plural;
    int wd, we;
    bool amb;
    int month, me;
    int part, pe;
    if (UnitAt(k, &unit, &mult, &ue, &plural) && !plural) {
      n.unit = unit;
      n.n *= mult;
      e = ue;
    } else if (Cardinal(k, &q, false, false) && q.value > 1 && UnitAt(q.end, &unit, &mult, &ue, &plural)) {
      n.unit = unit;
      n.n = static_cast<int>(q.value) * mult;
      e = ue;
    } else if (WeekdayAt(k, &wd, &we, &amb)) {
      Fields f;
      f.weekday = wd;
      n.a = AddFields(f);
      e = we;
      if (DayPartAt(e, &part, &pe)) {
        ar_[n.a].f.day_part = part;
        e = pe;
      }
    } else if (MonthAt(k, &month, &me, &amb)) {
      Fields f;
      f.month = month;
      n.a = AddFields(f);
      e = me;
    } else if (DayPartAt(k, &part, &pe)) {
      Fields f;
      f.day_part = part;
      n.a = AddFields(f);
      e = pe;
    } else if (W(k, "weekend")) {
      Fields f;
      f.weekend = true;
      n.a = AddFields(f);
      e = k + 1;
    } else {
      return false;
    }
  }
  // "twice a week", "three times a day", "once a month"
  if (e < 0) {
    int k = i;
    int times = 0;
    NumRead q;
    if (W(k, "once")) times = 1, k += 1;
    else if (W(k, "twice")) times = 2, k += 1;
    else if (Cardinal(k, &q, false, false) && q.value > 1 && q.value < 100 && W(q.end, "times")) {
      times = static_cast<int>(q.value);
      k = q.end + 1;
    }
    Grain unit;
    int mult, ue;
    bool plural;
    if (times > 0 && (WAny(k, {"a", "an", "per", "each", "every"})) && UnitAt(k + 1, &unit, &mult, &ue, &plural)) {
      n.unit = unit;
      n.n = mult;
      e = ue;
    }
  }
  // "on Mondays", "Sundays"
  if (e < 0 && Flag(i, kLexWeekday) && Flag(i, kLexPlural) && t_[i].cap) {
    Fields f;
    f.weekday = Lex(i)->weekday;
    n.a = AddFields(f);
    e = i + 1;
  }
  if (e < 0) return false;
  m->node = Add(n);
  m->end = e;
  m->type = TimexType::kSet;
  return true;
}

}  // namespace sitrep::time
