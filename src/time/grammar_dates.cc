// The grammar (see parser.h): calendar dates, weekdays, today and this/last/next.
#include <algorithm>
#include <cstdlib>

#include "time/parser.h"

namespace sitrep::time {

// ------------------------------------------------------------------------------------
// Calendar dates

// "[,] 2016", "2016", "[,] '96" after a month and day. Two-digit years only when allowed.
bool Parser::OptYear(int i, Fields* f, int* end, bool allow_two_digit) const {
  int j = i;
  bool comma = false;
  if (P(j, ',')) {
    ++j;
    comma = true;
  }
  int y, e;
  if (YearAt(j, &y, &e, false)) {
    // Not a time ("2016:30") nor part of a longer number.
    if (P(e, ':') && Glued(e)) return false;
    f->year = y;
    *end = e;
    return true;
  }
  if (allow_two_digit && Num(j) && t_[j].ndigits == 2 && !t_[j].ordinal && (comma || Boundary(j + 1)) &&
      !(P(j + 1, ':') && Glued(j + 1)) && !Flag(j + 1, kLexUnit)) {
    YearAt(j, &y, &e, true);
    f->year = y;
    *end = e;
    return true;
  }
  return false;
}

// "March 3", "march 3rd 2015", "Aug 9, 96", "Dec. 21", "February the 15th", "May eighth, 2010",
// "March, 6th 2016", "August-10-2012", "August/10, 2012".
bool Parser::MonthDayYear(int i, Fields* f, int* end) const {
  int month, j;
  bool amb;
  if (!MonthAt(i, &month, &j, &amb)) return false;
  int k = j;
  char sep = 0;
  if (P(k, ',')) {
    ++k;
  } else if ((P(k, '-') || P(k, '/')) && Glued(k) && Glued(k + 1)) {
    sep = t_[k].punct;
    ++k;
  }
  bool the = false;
  if (W(k, "the")) {
    the = true;
    ++k;
  }
  int day, e;
  bool ord;
  if (!DayNumber(k, &day, &e, &ord)) return false;
  if (the && !ord) return false;
  // "May 5 soldiers": an ambiguous month needs an ordinal, a year or a clean end.
  if (P(e, ':') && Glued(e)) return false;  // "March 3:30"? a time, not a day
  if (Flag(e, kLexUnit) && !Flag(e, kLexMonth)) return false;
  if (Num(e) && !t_[e].space_before) return false;
  Fields g;
  g.month = month;
  g.day = day;
  int ye;
  bool has_year = false;
  if (sep && P(e, sep) && Glued(e)) {
    has_year = OptYear(e + 1, &g, &ye, true);
  } else if (!sep || P(e, ',')) {
    has_year = OptYear(e, &g, &ye, true);
  }
  if (has_year) e = ye;
  if (amb && !ord && !has_year) {
    // lowercase "may 5", "march 3": only when nothing but punctuation or a time follows
    if (!(Boundary(e) || W(e, "at") || W(e, "in") || W(e, "and") || W(e, "to"))) return false;
    if (i > 0 && IsW(i - 1) && !WAny(i - 1, {"on", "since", "until", "by", "from", "of", "before", "after", "till"}) &&
        !t_[i].cap)
      return false;
  }
  if ((g.year != kUnset && !IsValidDate(g.year, month, day)) || (g.year == kUnset && day > DaysInMonth(2000, month))) {
    Void(i, e);
    return false;
  }
  *f = g;
  *end = e;
  return true;
}

// "3 March", "the 1st of march", "15th february", "14april 2015", "31-Oct-74",
// "31/Oct/1974", "10-August 2012", "Twenty-fourth of May", "15 of february".
bool Parser::DayMonthYear(int i, Fields* f, int* end) const {
  int j = i;
  if (W(j, "the")) ++j;
  int day, e;
  bool ord;
  if (!DayNumber(j, &day, &e, &ord)) return false;
  if (j > i && !ord) return false;  // "the 3 March"
  if (Num(j) && !t_[j].ordinal && Num(j - 1) && !t_[j].space_before) return false;
  int k = e;
  char sep = 0;
  bool of = false;
  if (W(k, "of")) {
    of = true;
    ++k;
  } else if ((P(k, '-') || P(k, '/') || P(k, '.')) && Glued(k) && Glued(k + 1)) {
    sep = t_[k].punct;
    ++k;
  }
  int month, me;
  bool amb;
  if (!MonthAt(k, &month, &me, &amb)) return false;
  if (amb && !ord && !of && !sep) return false;  // "5 may", "3 march"
  if (sep == '.' && !(Lex(k)->flags & kLexAbbr) && false) return false;
  Fields g;
  g.day = day;
  g.month = month;
  int ye;
  bool has_year = false;
  if (sep) {
    if (P(me, sep) && Glued(me)) has_year = OptYear(me + 1, &g, &ye, true);
    if (!has_year && sep == '.') return false;
  } else {
    has_year = OptYear(me, &g, &ye, true);
  }
  if (has_year) me = ye;
  if ((g.year != kUnset && !IsValidDate(g.year, month, day)) || (g.year == kUnset && day > DaysInMonth(2000, month))) {
    Void(i, me);
    return false;
  }
  *f = g;
  *end = me;
  return true;
}

// Numeric dates: 2015-03-03, 2015/3/3, 2015.05.25, 3/3/2015, 10-31-74, 31.10.1974,
// 2/15, 2/2013, 2014-10, "2014 12 28", "31 10 1974".
bool Parser::NumericDate(int i, Fields* f, int* end) const {
  if (!Num(i) || t_[i].ordinal) return false;
  // Not inside a longer run of numbers: "1.5.3 - ..." or "80-32-89-89".
  if (i > 0 && !t_[i].space_before && (Num(i - 1) || P(i - 1, '.') || P(i - 1, '-') || P(i - 1, '/') || P(i - 1, ':')) &&
      !(P(i - 1, '/') && i == 1))
    return false;
  const Tok& a = t_[i];
  auto sep_at = [&](int k) -> char {
    if (IsP(k) && (t_[k].punct == '-' || t_[k].punct == '/' || t_[k].punct == '.') && !t_[k].long_dash) return t_[k].punct;
    return 0;
  };
  auto glued_num = [&](int k) { return Num(k) && Glued(k) && !t_[k].ordinal; };
  // Separator between tokens i and i+2; all glued, or spaced "2 / 15".
  const char s1 = sep_at(i + 1);
  const bool tight1 = s1 && Glued(i + 1) && glued_num(i + 2);
  const bool spaced1 = s1 == '/' && !Glued(i + 1) && Num(i + 2) && !Glued(i + 2) && n_ <= 4;
  if (s1 && (tight1 || spaced1)) {
    const Tok& b = t_[i + 2];
    const bool tight2 = tight1 && sep_at(i + 3) == s1 && Glued(i + 3) && glued_num(i + 4);
    const bool spaced2 = spaced1 && sep_at(i + 3) == s1 && Num(i + 4);
    if (tight2 || spaced2) {
      const Tok& c = t_[i + 4];
      // A fourth part means a version number or a phone number, unless it is a time.
      if (sep_at(i + 5) && Glued(i + 5) && Num(i + 6) && Glued(i + 6) && !(P(i + 7, ':') && Glued(i + 7))) return false;
      if (a.ndigits == 4) {  // Y-M-D
        const int y = static_cast<int>(a.num), m = static_cast<int>(b.num), d = static_cast<int>(c.num);
        if (b.ndigits > 2 || c.ndigits > 2 || !IsValidDate(y, m, d)) return false;
        f->year = y;
        f->month = m;
        f->day = d;
        *end = i + 5;
        return true;
      }
      if (a.ndigits > 2 || b.ndigits > 2 || !(c.ndigits == 4 || c.ndigits == 2)) return false;
      if (s1 == '.' && c.ndigits != 4) return false;  // "1.1.30" is a version
      int y = static_cast<int>(c.num);
      if (c.ndigits == 2) y += y <= 49 ? 2000 : 1900;
      int m1 = static_cast<int>(a.num), d1 = static_cast<int>(b.num);
      if (o_.numeric_order == NumericDateOrder::kDayFirst) std::swap(m1, d1);
      if (!IsValidDate(y, m1, d1)) {
        std::swap(m1, d1);
        if (!IsValidDate(y, m1, d1)) return false;
      }
      f->year = y;
      f->month = m1;
      f->day = d1;
      *end = i + 5;
      return true;
    }
    if (sep_at(i + 3) && Glued(i + 3) && Num(i + 4) && Glued(i + 4)) return false;
    if (a.ndigits == 4 && b.ndigits <= 2 && s1 != '.') {  // 2014-10, 2014/10
      const int m = static_cast<int>(b.num);
      if (m < 1 || m > 12 || a.num < 1000 || a.num > 2999) return false;
      if (Num(i + 3) || (IsW(i + 3) && Glued(i + 3))) return false;
      f->year = static_cast<int>(a.num);
      f->month = m;
      *end = i + 3;
      return true;
    }
    if (a.ndigits <= 2 && b.ndigits == 4 && s1 == '/') {  // 2/2013
      const int m = static_cast<int>(a.num);
      if (m < 1 || m > 12 || b.num < 1000 || b.num > 2999) return false;
      f->year = static_cast<int>(b.num);
      f->month = m;
      *end = i + 3;
      return true;
    }
    if (a.ndigits <= 2 && b.ndigits <= 2 && (s1 == '/' || (s1 == '-' && (o_.latent || n_ <= 4)))) {  // 2/15
      if (IsW(i + 3) && Glued(i + 3)) return false;
      if (Flag(i + 3, kLexUnit) || W(i + 3, "of")) return false;  // "1/2 hour", "3/4 of"
      int m1 = static_cast<int>(a.num), d1 = static_cast<int>(b.num);
      // Simple fractions are fractions unless a date cue precedes.
      const bool cue = i > 0 && WAny(i - 1, {"on", "since", "until", "by", "from", "before", "after"});
      if (!cue && m1 < d1 && d1 <= 4) return false;
      if (o_.numeric_order == NumericDateOrder::kDayFirst) std::swap(m1, d1);
      if (!IsValidDate(2000, m1, d1)) {
        std::swap(m1, d1);
        if (!IsValidDate(2000, m1, d1)) return false;
      }
      f->month = m1;
      f->day = d1;
      *end = i + 3;
      return true;
    }
    return false;
  }
  // Space-separated "2014 12 28" or "31 10 1974" / "10 31 1974".
  if (Num(i + 1) && Num(i + 2) && t_[i + 1].space_before && t_[i + 2].space_before && !t_[i + 1].ordinal &&
      !t_[i + 2].ordinal && !Num(i + 3)) {
    const Tok& b = t_[i + 1];
    const Tok& c = t_[i + 2];
    if (a.ndigits == 4 && b.ndigits <= 2 && c.ndigits <= 2) {
      const int y = static_cast<int>(a.num), m = static_cast<int>(b.num), d = static_cast<int>(c.num);
      if (!IsValidDate(y, m, d)) return false;
      f->year = y;
      f->month = m;
      f->day = d;
      *end = i + 3;
      return true;
    }
    if (a.ndigits <= 2 && b.ndigits <= 2 && c.ndigits == 4 && (i == 0 || !Num(i - 1))) {
      int y = static_cast<int>(c.num), m1 = static_cast<int>(a.num), d1 = static_cast<int>(b.num);
      if (o_.numeric_order == NumericDateOrder::kDayFirst) std::swap(m1, d1);
      if (!IsValidDate(y, m1, d1)) {
        std::swap(m1, d1);
        if (!IsValidDate(y, m1, d1)) return false;
      }
      f->year = y;
      f->month = m1;
      f->day = d1;
      *end = i + 3;
      return true;
    }
  }
  return false;
}

// "2024 Aug", "2024-August", "2024/August", "2024 AD August", "2018 March 18", "2012/Aug/10".
bool Parser::YearMonthDay(int i, Fields* f, int* end) const {
  int y, j;
  if (!YearAt(i, &y, &j, false)) return false;
  if (!Num(i)) return false;
  char sep = 0;
  if ((P(j, '-') || P(j, '/')) && Glued(j) && Glued(j + 1)) {
    sep = t_[j].punct;
    ++j;
  }
  int month, me;
  bool amb;
  if (!MonthAt(j, &month, &me, &amb)) return false;
  if (amb && !sep) return false;
  Fields g;
  g.year = y;
  g.month = month;
  int k = me;
  if (sep && P(k, sep) && Glued(k)) ++k;
  int day, de;
  bool ord;
  if (DayNumber(k, &day, &de, &ord) && (k == me + 1 || !sep) && !(P(de, ':') && Glued(de)) && !Flag(de, kLexUnit) &&
      IsValidDate(y, month, day)) {
    g.day = day;
    me = de;
  }
  *f = g;
  *end = me;
  return true;
}

// "October 2014", "Sep-2012", "Sept. 2012", "June of 2022", "August, 2012", "Aug 96".
bool Parser::MonthYear(int i, Fields* f, int* end) const {
  int month, j;
  bool amb;
  if (!MonthAt(i, &month, &j, &amb)) return false;
  if (BadDayNear(i, j, month)) return false;
  int k = j;
  bool sep = false;
  if (W(k, "of") || P(k, ',')) {
    ++k;
  } else if ((P(k, '-') || P(k, '/')) && Glued(k) && Glued(k + 1)) {
    ++k;
    sep = true;
  }
  int y, e;
  if (YearAt(k, &y, &e, false)) {
    if (P(e, ':') && Glued(e)) return false;
    f->month = month;
    f->year = y;
    *end = e;
    return true;
  }
  // "Aug 96": two digits that cannot be a day.
  if (Num(k) && t_[k].ndigits == 2 && t_[k].num > 31 && !t_[k].ordinal && Boundary(k + 1) && (k == j || sep)) {
    YearAt(k, &y, &e, true);
    f->month = month;
    f->year = y;
    *end = e;
    return true;
  }
  return false;
}

bool Parser::CalDate(int i, Fields* f, int* end) const {
  // The rules below are pure but for Void(), which is idempotent: a second read at the
  // same position may reuse the first.
  if (!fast_ || i < 0 || i >= n_) return CalDateUncached(i, f, end);
  CalMemo& c = cal_memo_[i];
  if (c.stamp != epoch_) {
    Fields g;
    int e = -1;
    c.end = CalDateUncached(i, &g, &e) ? e : -1;
    c.f = g;
    c.stamp = epoch_;
  }
  if (c.end < 0) return false;
  *f = c.f;
  *end = c.end;
  return true;
}

bool Parser::CalDateUncached(int i, Fields* f, int* end) const {
  Fields best;
  int best_end = -1;
  Fields g;
  int e;
  if (MonthDayYear(i, &g, &e) && e > best_end) { best = g; best_end = e; }
  g = Fields();
  if (DayMonthYear(i, &g, &e) && e > best_end) { best = g; best_end = e; }
  g = Fields();
  if (NumericDate(i, &g, &e) && e > best_end) { best = g; best_end = e; }
  g = Fields();
  if (YearMonthDay(i, &g, &e) && e > best_end) { best = g; best_end = e; }
  g = Fields();
  if (MonthYear(i, &g, &e) && e > best_end) { best = g; best_end = e; }
  if (best_end < 0) return false;
  *f = best;
  *end = best_end;
  return true;
}


// ------------------------------------------------------------------------------------
// Dates with weekdays, relative days, cycles


// "Sunday, March 6, 2016", "Mon, February 18", "Wed, Feb13", "Sun 15Sep", "Tuesday 11/3/2015",
// "Jul 18, Fri", and a weekday alone.
bool Parser::DateWithWeekday(int i, M* m) {
  int wd, j;
  bool amb;
  Fields f;
  int e;
  if (WeekdayAt(i, &wd, &j, &amb)) {
    if (Flag(i, kLexPlural)) return false;
    int k = j;
    if (P(k, ',') || (P(k, '.') && !Glued(k))) ++k;
    if (CalDate(k, &f, &e) && f.Has(f.day)) {
      f.weekday = wd;
      m->node = AddFields(f);
      m->end = e;
      return true;
    }
    // A weekday alone.
    if (o_.strict) return false;
    if (amb && !AloneInText(i, j)) return false;
    // "Sun" the newspaper, "Sat" the verb: a capitalised ambiguous abbreviation needs the
    // clause to be short or a date cue before it.
    f = Fields();
    f.weekday = wd;
    m->node = AddFields(f);
    m->end = j;
    return true;
  }
  if (CalDate(i, &f, &e) && f.Has(f.day) && P(e, ',') && WeekdayAt(e + 1, &wd, &j, &amb) && !Flag(e + 1, kLexPlural)) {
    f.weekday = wd;
    m->node = AddFields(f);
    m->end = j;
    return true;
  }
  return false;
}

// "Tuesday the 19th", "Tuesday 19th", "Thu 15th".
bool Parser::WeekdayDay(int i, M* m) {
  int wd, j;
  bool amb;
  if (!WeekdayAt(i, &wd, &j, &amb) || Flag(i, kLexPlural)) return false;
  int k = j;
  if (P(k, ',')) ++k;
  bool the = W(k, "the");
  if (the) ++k;
  int day, e;
  bool ord;
  if (!DayNumber(k, &day, &e, &ord) || !ord) return false;
  if (IsW(e) && !Boundary(e) && (Flag(e, kLexMonth))) return false;  // a full date; CalDate handles it
  Fields f;
  f.weekday = wd;
  f.day = day;
  m->node = AddFields(f);
  m->end = e;
  return true;
}

bool Parser::RelDay(int i, M* m) {
  Node n;
  n.kind = NodeKind::kRelDay;
  int j = i;
  if (W(j, "the") && W(j + 1, "day") && (W(j + 2, "after") || W(j + 2, "before")) &&
      (W(j + 3, "tomorrow") || W(j + 3, "yesterday"))) {
    j += 1;
  }
  if (W(j, "day") && (W(j + 1, "after") || W(j + 1, "before")) && (W(j + 2, "tomorrow") || W(j + 2, "yesterday"))) {
    const int base = W(j + 2, "tomorrow") ? 1 : -1;
    n.n = base + (W(j + 1, "after") ? 1 : -1);
    return Emit(m, n, j + 3);
  }
  if (WAny(i, {"today", "todays"})) {
    n.n = 0;
  } else if (WAny(i, {"tomorrow", "tomorrows", "tmrw", "tmr"})) {
    if (o_.strict) return false;
    n.n = 1;
  } else if (W(i, "yesterday")) {
    n.n = -1;
  } else if (WAny(i, {"tonight", "tonite"})) {
    n.n = 0;
    int day = Add(n);
    Fields f;
    f.day_part = -1;
    int part, pe;
    if (DayPartAt(i, &part, &pe)) f.day_part = part;
    for (size_t k = 0; k < lex_.day_parts().size(); ++k)
      if (lex_.day_parts()[k].code == "NI") f.day_part = static_cast<int>(k);
    m->node = Intersect(day, f);
    m->end = i + 1;
    return true;
  } else {
    return false;
  }
  return Emit(m, n, i + 1);
}

bool Parser::NowWords(int i, M* m) {
  Node n;
  n.kind = NodeKind::kRefWord;
  int e = -1;
  if ((W(i, "right") || W(i, "just")) && W(i + 1, "now")) {
    n.kind = NodeKind::kNow;
    e = i + 2;
  } else if (W(i, "now") && !W(i + 1, "that") && !(i > 0 && W(i - 1, "from"))) {
    n.kind = NodeKind::kNow;
    e = i + 1;
  } else if (W(i, "atm") && t_[i].all_caps) {
    n.kind = NodeKind::kNow;
    e = i + 1;
  } else if (W(i, "at") && W(i + 1, "the") && W(i + 2, "moment")) {
    n.kind = NodeKind::kNow;
    e = i + 3;
  } else if (W(i, "at") && W(i + 1, "this") && W(i + 2, "time")) {
    n.kind = NodeKind::kRelDay;
    n.n = 0;
    e = i + 3;
  } else if (WAny(i, {"currently", "presently", "nowadays"}) || (W(i, "at") && W(i + 1, "present")) ||
             (W(i, "these") && W(i + 1, "days"))) {
    n.n = 0;
    e = W(i, "at") || W(i, "these") ? i + 2 : i + 1;
  } else if (WAny(i, {"recently", "lately", "formerly", "previously"})) {
    if (o_.strict || W(i, "previously")) return false;
    n.n = -1;
    e = i + 1;
  } else if (W(i, "in") && W(i + 1, "the") && (W(i + 2, "past") || W(i + 2, "future")) && Boundary(i + 3)) {
    n.n = W(i + 2, "past") ? -1 : 1;
    e = i + 3;
  } else if (W(i, "in") && W(i + 1, "future")) {
    n.n = 1;
    e = i + 2;
  } else {
    return false;
  }
  return Emit(m, n, e);
}

// this/last/next ... before a unit. *dir: offset; *narrative: counts from the previous
// expression ("the following week").
bool Parser::CycleUnit(int i, int* dir, int* end, bool* narrative) const {
  *narrative = false;
  int j = i;
  bool the = false;
  if (W(j, "the")) {
    the = true;
    ++j;
  }
  if (W(j, "this") && W(j + 1, "past")) {
    *dir = -1;
    *end = j + 2;
    return !the;
  }
  if (W(j, "this") && W(j + 1, "coming")) {
    *dir = 1;
    *end = j + 2;
    return !the;
  }
  if (WAny(j, {"this", "current", "present"})) {
    *dir = 0;
  } else if (WAny(j, {"last", "past", "previous", "prior", "preceding"})) {
    *dir = -1;
    if (the && !W(j, "last") && !W(j, "past")) *narrative = true;
  } else if (WAny(j, {"next", "coming", "upcoming", "following", "subsequent"})) {
    *dir = 1;
    if (WAny(j, {"following", "subsequent"}) || (the && W(j, "next"))) *narrative = true;
  } else if (WAny(j, {"that", "same"})) {
    if (W(j, "same") && !the) return false;
    *dir = 0;
    *narrative = true;
  } else {
    return false;
  }
  if (the && WAny(j, {"this", "current"}) == false && W(j, "present")) return false;
  *end = j + 1;
  return true;
}

// "this week", "last month", "next year", "the following week", "the previous day",
// "the week before last", "last 2 days", "the past 6 months", "upcoming two weeks".
bool Parser::CycleExpr(int i, M* m) {
  int dir, j;
  bool narrative;
  Grain unit;
  int mult, ue;
  bool plural;
  // "upcoming two weeks", "2 upcoming weeks" (a period N ahead)
  {
    NumRead q;
    int k = i;
    bool up = false;
    if (W(k, "upcoming") && Cardinal(k + 1, &q, false, false) && q.value > 0) {
      k = q.end;
      up = true;
    } else if (Cardinal(k, &q, false, false) && q.value > 0 && W(q.end, "upcoming")) {
      k = q.end + 1;
      up = true;
    }
    if (up && UnitAt(k, &unit, &mult, &ue, &plural) && unit >= Grain::kDay) {
      Node n;
      n.kind = NodeKind::kCycle;
      n.unit = unit;
      n.n = static_cast<int>(q.value) * mult;
      n.upcoming = true;
      return Emit(m, n, ue);
    }
  }
  if (!CycleUnit(i, &dir, &j, &narrative)) {
    // "the week before last", "the year after next"
    if (W(i, "the") && UnitAt(i + 1, &unit, &mult, &ue, &plural) && !plural &&
        ((W(ue, "before") && W(ue + 1, "last")) || (W(ue, "after") && W(ue + 1, "next")))) {
      Node n;
      n.kind = NodeKind::kCycle;
      n.unit = unit;
      n.n = W(ue, "before") ? -2 : 2;
      return Emit(m, n, ue + 2);
    }
    return false;
  }
  // "last 2 days", "the past six months", "next few days"
  NumRead q;
  if (dir != 0 && Cardinal(j, &q, false, true) && !q.article && q.value > 0 && q.value < 10000 &&
      UnitAt(q.end, &unit, &mult, &ue, &plural)) {
    if (q.value != 1 && !plural) {
      if (o_.strict) return false;
    }
    Node n;
    n.kind = NodeKind::kCycleSpan;
    n.unit = unit;
    n.n = dir * static_cast<int>(q.value) * mult;
    n.approx = q.vague;
    n.anchor = narrative ? AnchorPref::kNarrative : AnchorPref::kSpeech;
    return Emit(m, n, ue);
  }
  if (!UnitAt(j, &unit, &mult, &ue, &plural) || mult != 1) {
    // "the past fortnight"
    if (UnitAt(j, &unit, &mult, &ue, &plural) && mult > 1 && dir != 0) {
      Node n;
      n.kind = NodeKind::kCycleSpan;
      n.unit = unit;
      n.n = dir * mult;
      return Emit(m, n, ue);
    }
    // "this season", "last season"
    if (WAny(j, {"season", "seasons"})) {
      Node n;
      n.kind = NodeKind::kCycle;
      n.unit = Grain::kSeason;
      n.n = dir;
      return Emit(m, n, j + 1);
    }
    return false;
  }
  if (plural && !(W(j - 1, "past") || W(j - 1, "current"))) return false;
  if (Flag(j, kLexClipped)) return false;
  // "the past year" (with "the"): the last twelve months, a span; "past week": last week.
  if (W(i, "the") && (W(i + 1, "past") || W(i + 1, "last")) && !narrative && unit != Grain::kDay) {
    Node n;
    n.kind = NodeKind::kCycleSpan;
    n.unit = unit;
    n.n = -1;
    return Emit(m, n, ue);
  }
  // "last day", "next day" alone are days; "that day" narrative.
  Node n;
  n.kind = NodeKind::kCycle;
  n.unit = unit;
  n.n = dir;
  n.anchor = narrative ? AnchorPref::kNarrative : AnchorPref::kSpeech;
  if (W(ue, "after") && W(ue + 1, "next") && dir == 1) {
    n.n = 2;
    ue += 2;
  }
  return Emit(m, n, ue);
}

// "last tuesday", "next wednesday", "this monday", "friday after next", "sunday from last week",
// "wednesday of next week", "Tuesday, next week", "last week's sunday".
bool Parser::WeekdayCycle(int i, M* m) {
  int wd, j;
  bool amb;
  // last week's sunday
  int dir, ce;
  bool narrative;
  Grain unit;
  int mult, ue;
  bool plural;
  if (CycleUnit(i, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && unit == Grain::kWeek &&
      P(ue, '\'') && W(ue + 1, "s") && WeekdayAt(ue + 2, &wd, &j, &amb)) {
    Node c;
    c.kind = NodeKind::kCycle;
    c.unit = Grain::kWeek;
    c.n = dir;
    Fields f;
    f.weekday = wd;
    m->node = Intersect(Add(c), f);
    m->end = j;
    return true;
  }
  int k = i;
  int8_t edir = 0;
  if (W(k, "this") && W(k + 1, "past")) {
    edir = -1;
    k += 2;
  } else if (W(k, "this") && W(k + 1, "coming")) {
    edir = 1;
    k += 2;
  } else if (WAny(k, {"last", "past", "previous"})) {
    edir = -1;
    ++k;
  } else if (WAny(k, {"next", "coming", "upcoming"})) {
    edir = 1;
    ++k;
  } else if (W(k, "this")) {
    edir = 3;
    ++k;
  }
  if (!WeekdayAt(k, &wd, &j, &amb) || Flag(k, kLexPlural)) return false;
  if (amb && edir == 0 && !t_[k].cap) return false;
  Fields f;
  f.weekday = wd;
  // "... after next", "... before last"
  if (edir == 0 && W(j, "after") && W(j + 1, "next")) {
    Node n;
    n.kind = NodeKind::kFields;
    n.f = f;
    n.explicit_dir = 2;
    return Emit(m, n, j + 2);
  }
  if (edir == 0 && W(j, "before") && W(j + 1, "last")) {
    Node n;
    n.kind = NodeKind::kFields;
    n.f = f;
    n.explicit_dir = -2;
    return Emit(m, n, j + 2);
  }
  // "... of next week", "... from last week", "..., next week", "... this week"
  if (edir == 0) {
    int q = j;
    if (WAny(q, {"of", "from"}) || P(q, ',')) ++q;
    if (CycleUnit(q, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && unit == Grain::kWeek &&
        !plural) {
      Node c;
      c.kind = NodeKind::kCycle;
      c.unit = Grain::kWeek;
      c.n = dir;
      c.anchor = narrative ? AnchorPref::kNarrative : AnchorPref::kSpeech;
      m->node = Intersect(Add(c), f);
      m->end = ue;
      return true;
    }
    return false;
  }
  Node n;
  n.kind = NodeKind::kFields;
  n.f = f;
  n.explicit_dir = edir;
  return Emit(m, n, j);
}

// "last March", "next March", "March after next", "March this year", "March of next year",
// "March in a year".
bool Parser::MonthCycle(int i, M* m) {
  int month, j;
  bool amb;
  int k = i;
  int8_t edir = 0;
  if (WAny(k, {"last", "past", "previous"})) {
    edir = -1;
    ++k;
  } else if (WAny(k, {"next", "coming"})) {
    edir = 1;
    ++k;
  } else if (W(k, "this")) {
    edir = 3;
    ++k;
  }
  if (!MonthAt(k, &month, &j, &amb)) return false;
  if (amb && !t_[k].cap && edir == 0) return false;
  Fields f;
  f.month = month;
  if (edir == 0) {
    if (W(j, "after") && W(j + 1, "next")) {
      Node n;
      n.f = f;
      n.explicit_dir = 2;
      return Emit(m, n, j + 2);
    }
    int q = j;
    if (W(q, "of") || P(q, ',')) ++q;
    int dir, ce;
    bool narrative;
    Grain unit;
    int mult, ue;
    bool plural;
    if (CycleUnit(q, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && unit == Grain::kYear &&
        !plural) {
      Node c;
      c.kind = NodeKind::kCycle;
      c.unit = Grain::kYear;
      c.n = dir;
      c.anchor = narrative ? AnchorPref::kNarrative : AnchorPref::kSpeech;
      m->node = Intersect(Add(c), f);
      m->end = ue;
      return true;
    }
    // "March in a year", "March in 1 year"
    NumRead qn;
    if (W(j, "in") && Cardinal(j + 1, &qn, true, false) && UnitAt(qn.end, &unit, &mult, &ue, &plural) &&
        unit == Grain::kYear) {
      Node s;
      s.kind = NodeKind::kShift;
      s.unit = Grain::kYear;
      s.n = static_cast<int>(qn.value);
      m->node = Intersect(Add(s), f);
      m->end = ue;
      return true;
    }
    return false;
  }
  Node n;
  n.f = f;
  n.explicit_dir = edir;
  return Emit(m, n, j);
}

int Parser::Intersect(int coarse, const Fields& fine) {
  Node n;
  n.kind = NodeKind::kIntersect;
  n.a = coarse;
  n.f = fine;
  return Add(n);
}

}  // namespace sitrep::time
