// The grammar (see parser.h): shifts, n-th of, quarters, seasons, decades, holidays, and
// the union of all date forms.
#include <algorithm>
#include <cstdlib>

#include "time/parser.h"

namespace sitrep::time {

// ------------------------------------------------------------------------------------
// Quantities, shifts, n-th of

// "3 days", "a week", "half an hour", "2 and a half hours", "an hour and a half", "1/4h",
// "a couple of hours", "few hours", and -- when allow_bare -- a bare plural "hours".
bool Parser::Quantity(int i, NumRead* q, Grain* unit, int* mult, int* end, bool* plural) {
  bool pl;
  int ue;
  *q = NumRead();
  // half an hour, half a day
  if (W(i, "half") && WAny(i + 1, {"a", "an"}) && UnitAt(i + 2, unit, mult, &ue, &pl)) {
    q->value = 0;
    q->frac = 0.5;
    *end = ue;
    *plural = false;
    return true;
  }
  // a half hour, a half-hour
  if (WAny(i, {"a", "an"}) && W(i + 1, "half")) {
    int k = i + 2;
    if (P(k, '-') && Glued(k)) ++k;
    if (UnitAt(k, unit, mult, &ue, &pl)) {
      q->value = 0;
      q->frac = 0.5;
      *end = ue;
      *plural = false;
      return true;
    }
  }
  // 1/4h, 3/4 hour, 1/2 hour
  if (Num(i) && P(i + 1, '/') && Glued(i + 1) && Num(i + 2) && Glued(i + 2) && t_[i + 2].num > 0 &&
      t_[i].num < t_[i + 2].num && t_[i + 2].num <= 4) {
    if (UnitAt(i + 3, unit, mult, &ue, &pl) || (W(i + 3, "h") && (*unit = Grain::kHour, *mult = 1, ue = i + 4, true))) {
      q->value = 0;
      q->frac = static_cast<double>(t_[i].num) / static_cast<double>(t_[i + 2].num);
      *end = ue;
      *plural = false;
      return true;
    }
  }
  if (!Cardinal(i, q, true, true)) return false;
  int k = q->end;
  // "2 and a half hours", "2 and an half hours"
  if (W(k, "and") && WAny(k + 1, {"a", "an"}) && W(k + 2, "half")) {
    q->frac += 0.5;
    k += 3;
  }
  if (W(k, "more")) ++k;  // "in 2 more minutes"
  if (P(k, '-') && Glued(k) && Glued(k + 1) && !q->article && Flag(k + 1, kLexUnit)) ++k;  // "6-year-long"
  if (!UnitAt(k, unit, mult, &ue, &pl)) return false;
  // A digit glued to a clipped unit is fine ("5m"); a spaced clipped unit needs a number.
  if (Num(i) && t_[i].ndigits > 4) return false;
  if (q->article && pl) {
    // "a days ago" (chrono) is tolerated; "a years" is not a quantity in news
    if (*unit != Grain::kDay) return false;
  }
  // "an hour and a half"
  if (W(ue, "and") && WAny(ue + 1, {"a", "an"}) && W(ue + 2, "half")) {
    q->frac += 0.5;
    ue += 3;
  }
  *end = ue;
  *plural = pl;
  return true;
}


// Shifts: "three days ago", "a day later", "hours earlier", "in 5 days", "within 2 weeks",
// "3 years from today", "2 weeks after yesterday", "three days after Easter", "+2 months, 5 days",
// "1 day 21 hours ago", "3 fridays from now", "the day after", "the day before X".
bool Parser::ShiftExpr(int i, M* m) {
  int k = i;
  int sign = 0;
  bool in_form = false;
  if ((W(k, "in") || W(k, "within")) && !W(k + 1, "the")) {
    in_form = true;
    ++k;
    if (WAny(k, {"about", "around", "approximately", "roughly"})) ++k;
    if (P(k, '~')) ++k;
  } else if (!o_.strict && (P(k, '+') || P(k, '-')) && Num(k + 1) && Glued(k + 1) && (k == 0 || t_[k].space_before)) {
    sign = P(k, '+') ? 1 : -1;
    ++k;
  }
  // "the day after", "the day before (X)"
  if (!in_form && sign == 0 && W(k, "the") && WAny(k + 1, {"day", "week", "month", "year", "min", "minute"}) &&
      WAny(k + 2, {"after", "before"})) {
    Grain unit;
    int mult, ue;
    bool pl;
    UnitAt(k + 1, &unit, &mult, &ue, &pl);
    const int s = W(k + 2, "after") ? 1 : -1;
    M child;
    Node n;
    n.kind = NodeKind::kShift;
    n.unit = unit;
    n.n = s;
    if (!Boundary(k + 3) && Point(k + 3, &child)) {
      n.a = child.node;
      m->end = child.end;
    } else {
      n.anchor = AnchorPref::kNarrative;
      m->end = k + 3;
    }
    m->node = Add(n);
    return true;
  }
  // "3 fridays from now", "2 thursdays ago"
  {
    NumRead q;
    int wd, we;
    bool amb;
    if (Cardinal(k, &q, false, false) && q.value > 0 && q.value < 60 && WeekdayAt(q.end, &wd, &we, &amb) &&
        Flag(q.end, kLexPlural)) {
      int s = 0, e = -1;
      if (W(we, "from") && W(we + 1, "now")) s = 1, e = we + 2;
      else if (WAny(we, {"ago", "back"})) s = -1, e = we + 1;
      else if (W(we, "hence")) s = 1, e = we + 1;
      if (s != 0) {
        Node n;
        n.kind = NodeKind::kNthWeekdayFrom;
        n.f.weekday = wd;
        n.n = s * static_cast<int>(q.value);
        return Emit(m, n, e);
      }
    }
  }
  // The quantities.
  struct Part {
    Grain unit;
    int64_t n;
    int64_t extra;
  };
  Part parts[6];
  int nparts = 0;
  bool approx = false, vague_n = false;
  int j = k;
  while (nparts < 6) {
    NumRead q;
    Grain unit;
    int mult, e;
    bool plural;
    int start = j;
    if (nparts > 0) {
      if (P(start, ',')) ++start;
      if (W(start, "and")) ++start;
    }
    if (!Quantity(start, &q, &unit, &mult, &e, &plural)) break;
    if (nparts > 0 && unit >= parts[nparts - 1].unit) break;
    parts[nparts].unit = unit;
    parts[nparts].n = q.value * mult;
    const double frac = q.frac * mult;
    parts[nparts].extra = static_cast<int64_t>(frac * static_cast<double>(UnitSeconds(unit)));
    if (q.vague) approx = true;
    ++nparts;
    j = e;
  }
  if (nparts == 0) {
    // bare plurals: "hours earlier", "days ago", "months later", "years ago"
    Grain unit;
    int mult, e;
    bool plural;
    if (in_form || sign != 0 || !UnitAt(k, &unit, &mult, &e, &plural) || !plural) return false;
    if (!WAny(e, {"ago", "earlier", "later", "before", "after"})) return false;
    if (WAny(e, {"before", "after"}) && !Boundary(e + 1)) return false;
    parts[0] = {unit, 2 * mult, 0};
    nparts = 1;
    approx = vague_n = true;
    j = e;
  }
  // What the quantities count from.
  int s = sign;
  int child = -1;
  AnchorPref anchor = AnchorPref::kSpeech;
  int end = j;
  if (in_form) {
    s = 1;
  } else if (sign != 0) {
    // "+2 months", "-3y"
  } else if (WAny(j, {"ago", "back"})) {
    s = -1;
    end = j + 1;
  } else if (W(j, "hence") || W(j, "out")) {
    s = 1;
    end = j + 1;
    if (W(j, "out") && o_.strict) return false;
  } else if (W(j, "from") && W(j + 1, "now")) {
    s = 1;
    end = j + 2;
  } else if (W(j, "from") && W(j + 1, "right") && W(j + 2, "now")) {
    s = 1;
    end = j + 3;
  } else if (WAny(j, {"after", "before", "from"})) {
    s = W(j, "before") ? -1 : 1;
    M c;
    if (!Boundary(j + 1) && Point(j + 1, &c)) {
      child = c.node;
      end = c.end;
    } else if (!W(j, "from") && Boundary(j + 1)) {
      anchor = AnchorPref::kNarrative;  // "a day after."
      end = j + 1;
    } else if (!W(j, "from") && !in_form && sign == 0) {
      // "almost a year after it was captured": counted from an event in the clause that
      // follows, not from a date; only the length is known.
      int prev = -1, first = -1;
      for (int p = 0; p < nparts; ++p) {
        Node d;
        d.kind = NodeKind::kDuration;
        d.unit = parts[p].unit;
        d.n = static_cast<int>(parts[p].n);
        d.extra_seconds = parts[p].extra;
        d.approx = approx;
        d.vague_n = vague_n;
        const int id = Add(d);
        if (prev >= 0) ar_[prev].a = id;
        if (first < 0) first = id;
        prev = id;
      }
      m->node = first;
      m->end = j + 1;
      m->type = TimexType::kDuration;
      return true;
    } else {
      return false;
    }
  } else if (WAny(j, {"earlier", "later"})) {
    s = W(j, "earlier") ? -1 : 1;
    anchor = AnchorPref::kNarrative;
    end = j + 1;
  } else {
    return false;
  }
  // Build the chain: the coarsest part first, each next part shifting the previous.
  int prev = child;
  for (int p = 0; p < nparts; ++p) {
    Node n;
    n.kind = NodeKind::kShift;
    n.unit = parts[p].unit;
    n.n = static_cast<int>(s * parts[p].n);
    n.extra_seconds = s * parts[p].extra;
    n.a = prev;
    n.anchor = anchor;
    n.approx = approx;
    n.vague_n = vague_n;
    n.in_form = in_form;
    prev = Add(n);
  }
  m->node = prev;
  m->end = end;
  return true;
}

// A month or a year to take a part of: "March", "October 2014", "this month", "the month",
// "last month", "next year", "2018", "last March".
bool Parser::PeriodRef(int i, M* m) {
  M best;
  Fields f;
  int e;
  if (MonthYear(i, &f, &e)) Longest({e, AddFields(f)}, &best);
  int month;
  bool amb;
  if (MonthAt(i, &month, &e, &amb)) {
    Fields g;
    g.month = month;
    Longest({e, AddFields(g)}, &best);
  }
  int y;
  if (YearAt(i, &y, &e, false) && Num(i)) {
    Fields g;
    g.year = y;
    Longest({e, AddFields(g)}, &best);
  }
  M c;
  if (MonthCycle(i, &c)) Longest(c, &best);
  // "the month", "this month", "last year"
  int dir, ce;
  bool narrative;
  Grain unit;
  int mult, ue;
  bool plural;
  int k = i;
  if (W(k, "the") && WAny(k + 1, {"month", "year"})) {
    Node n;
    n.kind = NodeKind::kCycle;
    n.unit = W(k + 1, "month") ? Grain::kMonth : Grain::kYear;
    n.n = 0;
    Longest({k + 2, Add(n)}, &best);
  }
  if (CycleUnit(k, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && !plural &&
      (unit == Grain::kMonth || unit == Grain::kYear)) {
    Node n;
    n.kind = NodeKind::kCycle;
    n.unit = unit;
    n.n = dir;
    n.anchor = narrative ? AnchorPref::kNarrative : AnchorPref::kSpeech;
    Longest({ue, Add(n)}, &best);
  }
  if (best.end < 0) return false;
  *m = best;
  return true;
}

// "first tuesday of october", "last Monday of March", "third day of october", "fifth last day
// of May", "first week of october 2014", "third last week of 2018", "20th of next month",
// "third tuesday after christmas 2014", "the week of october 6th".
bool Parser::NthOf(int i, M* m) {
  int k = i;
  if (W(k, "the")) ++k;
  // "the week of X"
  if (W(i, "the") && W(k, "week") && W(k + 1, "of")) {
    M c;
    if (DatePoint(k + 2, &c)) {
      Node n;
      n.kind = NodeKind::kWeekOf;
      n.a = c.node;
      return Emit(m, n, c.end);
    }
  }
  // "20 of next month", "20th day of the current month"
  {
    int day, de;
    bool ord;
    if (DayNumber(k, &day, &de, &ord)) {
      int q = de;
      if (W(q, "day")) ++q;
      if (W(q, "of")) {
        ++q;
        int dir, ce;
        bool narrative;
        Grain unit;
        int mult, ue;
        bool plural;
        if (CycleUnit(q, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && unit == Grain::kMonth &&
            !plural) {
          Node c;
          c.kind = NodeKind::kCycle;
          c.unit = Grain::kMonth;
          c.n = dir;
          Fields f;
          f.day = day;
          m->node = Intersect(Add(c), f);
          m->end = ue;
          return true;
        }
      }
    }
  }
  int ordv = 0;
  NumRead o;
  int j;
  if (Ordinal(k, &o) && o.value >= 1 && o.value <= 53) {
    ordv = static_cast<int>(o.value);
    j = o.end;
    if (W(j, "last")) {
      ordv = -ordv;
      ++j;
    }
  } else if (W(k, "last")) {
    ordv = -1;
    j = k + 1;
  } else {
    // "20 of next month", "20th day of the current month"
    int day, de;
    bool ord;
    if (DayNumber(k, &day, &de, &ord)) {
      int q = de;
      if (W(q, "day")) ++q;
      if (W(q, "of")) {
        ++q;
        int dir, ce;
        bool narrative;
        Grain unit;
        int mult, ue;
        bool plural;
        if (CycleUnit(q, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && unit == Grain::kMonth &&
            !plural) {
          Node c;
          c.kind = NodeKind::kCycle;
          c.unit = Grain::kMonth;
          c.n = dir;
          Fields f;
          f.day = day;
          m->node = Intersect(Add(c), f);
          m->end = ue;
          return true;
        }
      }
    }
    return false;
  }
  // What is counted: a weekday, a day, a week.
  int wd, we;
  bool amb;
  Node n;
  if (WeekdayAt(j, &wd, &we, &amb) && !Flag(j, kLexPlural)) {
    n.f.weekday = wd;
    // "... after/before X"
    if (ordv > 0 && WAny(we, {"after", "before"})) {
      M c;
      if (Point(we + 1, &c)) {
        n.kind = NodeKind::kNthWeekdayFrom;
        n.n = W(we, "after") ? ordv : -ordv;
        n.a = c.node;
        return Emit(m, n, c.end);
      }
      return false;
    }
    n.kind = NodeKind::kNthWeekdayOf;
  } else if (W(j, "day")) {
    n.kind = NodeKind::kNthDayOf;
    we = j + 1;
  } else if (W(j, "week") || W(j, "weekend")) {
    n.kind = NodeKind::kNthWeekOf;
    n.f.weekend = W(j, "weekend");
    we = j + 1;
  } else {
    return false;
  }
  if (!WAny(we, {"of", "in"})) return false;
  int q = we + 1;
  M c;
  if (!PeriodRef(q, &c)) return false;
  n.n = ordv;
  n.a = c.node;
  return Emit(m, n, c.end);
}

// "third quarter", "the 4th qtr of 2018", "Q3 2016", "2018Q4", "18q4", "4th quarter 2018".
bool Parser::QuarterExpr(int i, M* m) {
  Fields f;
  int e = -1;
  NumRead o;
  int k = i;
  if (W(k, "the")) ++k;
  if (Ordinal(k, &o) && o.value >= 1 && o.value <= 4 && WAny(o.end, {"quarter", "qtr"})) {
    f.quarter = static_cast<int>(o.value);
    e = o.end + 1;
    if (P(e, '.') && Glued(e)) ++e;
  } else if (W(i, "q") && Num(i + 1) && Glued(i + 1) && t_[i + 1].num >= 1 && t_[i + 1].num <= 4 &&
             t_[i + 1].ndigits == 1) {
    f.quarter = static_cast<int>(t_[i + 1].num);
    e = i + 2;
  } else if (Num(i) && (t_[i].ndigits == 4 || t_[i].ndigits == 2) && W(i + 1, "q") && Glued(i + 1) && Num(i + 2) &&
             Glued(i + 2) && t_[i + 2].num >= 1 && t_[i + 2].num <= 4) {
    f.quarter = static_cast<int>(t_[i + 2].num);
    f.year = static_cast<int>(t_[i].num) + (t_[i].ndigits == 2 ? 2000 : 0);
    m->node = AddFields(f);
    m->end = i + 3;
    return true;
  } else {
    return false;
  }
  int y, ye;
  int q = e;
  if (W(q, "of") || P(q, ',')) ++q;
  if (YearAt(q, &y, &ye, false)) {
    f.year = y;
    m->node = AddFields(f);
    m->end = ye;
    return true;
  }
  int dir, ce;
  bool narrative;
  Grain unit;
  int mult, ue;
  bool plural;
  Node c;
  c.kind = NodeKind::kCycle;
  c.unit = Grain::kYear;
  c.n = 0;
  if (CycleUnit(q, &dir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) && unit == Grain::kYear) {
    c.n = dir;
    e = ue;
  }
  m->node = Intersect(Add(c), f);
  m->end = e;
  return true;
}

// "this summer", "last winter", "the summer of 2015", "summer 2016", "in the spring".
bool Parser::SeasonExpr(int i, M* m) {
  int k = i;
  int8_t edir = 0;
  bool det = false;
  if (W(k, "this") || W(k, "current")) {
    edir = 3;
    ++k;
  } else if (WAny(k, {"last", "past", "previous"})) {
    edir = -1;
    ++k;
  } else if (WAny(k, {"next", "coming"})) {
    edir = 1;
    ++k;
  } else if (W(k, "the")) {
    det = true;
    ++k;
  }
  const LexEntry* e = Lex(k);
  if (!Flag(k, kLexSeason)) return false;
  Fields f;
  f.season = e->season;
  int end = k + 1;
  int q = end;
  if (W(q, "of") || P(q, ',')) ++q;
  int y, ye;
  if (edir == 0 && YearAt(q, &y, &ye, false)) {
    f.year = y;
    end = ye;
  } else if (edir == 0 && W(k, "fall") && W(k + 1, "of")) {
    // "the fall of Ramadi", "the fall of the city": the noun of falling, not autumn; only
    // a time after "of" makes it the season ("the fall of that year", "the fall of 2015"
    // above).
    M when;
    if (Boundary(k + 2) || !Point(k + 2, &when) || IsQuantityNode(ar_[when.node])) return false;
    end = when.end;
    Node inter;
    inter.kind = NodeKind::kIntersect;
    inter.f = f;
    inter.a = when.node;
    return Emit(m, inter, end);
  } else if (edir == 0) {
    // A bare season word needs a determiner or a cue before it, and lowercase ("Arab Spring").
    if (t_[k].cap && k > 0) return false;
    const bool cue = i > 0 && WAny(i - 1, {"in", "during", "since", "until", "by", "through", "throughout", "over",
                                             "early", "late", "mid", "this"});
    if (!det && !cue && !AloneInText(k, end)) return false;
  }
  Node n;
  n.f = f;
  n.explicit_dir = edir;
  return Emit(m, n, end);
}

// "the 1990s", "the '90s", "1990's", "the nineties", "the 19th century", "the twentieth century".
bool Parser::DecadeExpr(int i, M* m) {
  int k = i;
  bool the = false;
  if (W(k, "the")) {
    the = true;
    ++k;
  }
  Fields f;
  int e = -1;
  if (Num(k) && t_[k].ndigits == 4 && t_[k].num % 10 == 0 && t_[k].num >= 1000 && t_[k].num <= 2990) {
    int j = k + 1;
    if (P(j, '\'') && Glued(j)) ++j;
    if (W(j, "s") && Glued(j)) {
      f.decade = static_cast<int>(t_[k].num / 10);
      e = j + 1;
    }
  } else if ((P(k, '\'') && Num(k + 1) && Glued(k + 1) && t_[k + 1].ndigits == 2 && W(k + 2, "s") && Glued(k + 2)) ||
             (the && Num(k) && t_[k].ndigits == 2 && W(k + 1, "s") && Glued(k + 1))) {
    const int nk = P(k, '\'') ? k + 1 : k;
    const int v = static_cast<int>(t_[nk].num);
    if (v % 10 != 0) return false;
    f.decade = (v >= 30 ? 1900 + v : 2000 + v) / 10;
    e = nk + 2;
  } else if (the && IsW(k)) {
    static const std::pair<std::string_view, int> kDecades[] = {
        {"twenties", 192}, {"thirties", 193}, {"forties", 194}, {"fifties", 195},   {"sixties", 196},
        {"seventies", 197}, {"eighties", 198}, {"nineties", 199}, {"noughties", 200}};
    for (const auto& [w, d] : kDecades) {
      if (WStr(k, w)) {
        f.decade = d;
        e = k + 1;
      }
    }
  }
  NumRead o;
  if (e < 0 && the && Ordinal(k, &o) && o.value >= 1 && o.value <= 30 && WAny(o.end, {"century", "centuries"})) {
    f.century = static_cast<int>(o.value) - 1;
    e = o.end + 1;
  }
  if (e < 0) return false;
  m->node = AddFields(f);
  m->end = e;
  return true;
}

// Holiday names, matched on normalised words (case, apostrophes, hyphens and dots ignored).
bool Parser::HolidayName(int i, int* holiday, int* end) const {
  if (!IsW(i) || !Flag(i, kLexHolidayStart)) return false;
  // Normalised words from i: glued word tokens and apostrophes join; spaces, hyphens and
  // dots separate. Built on demand: most starts fail on the first word.
  std::string words[8];
  int word_end[8];
  int nw = 0;
  int next = i;
  bool broken = false;
  auto build = [&](int upto) {
    while (nw < upto && nw < 8 && !broken) {
      int k = next;
      if (k >= n_ || (!IsW(k) && !Num(k))) return;
      std::string w(IsW(k) ? Low(k) : s_.Raw(t_[k]));
      int q = k + 1;
      while (q < n_) {
        if (P(q, '\'') && Glued(q) && q + 1 < n_ && (IsW(q + 1) && Glued(q + 1))) {
          w += Low(q + 1);
          q += 2;
          continue;
        }
        if (P(q, '\'') && Glued(q) && (q + 1 >= n_ || !Glued(q + 1))) {  // "bosses' day"
          if (w.empty() || w.back() != 's') {                          // "King' day"
            broken = true;
            return;
          }
          ++q;
          continue;
        }
        break;
      }
      words[nw] = std::move(w);
      word_end[nw] = q;
      ++nw;
      k = q;
      while (k < n_ && (P(k, '-') || P(k, '.')) && !t_[k].long_dash) ++k;
      next = k;
    }
  };
  build(1);
  if (nw == 0 || broken) return false;
  const std::vector<Phrase>* list = lex_.HolidayNames(words[0]);
  if (!list) return false;
  build(static_cast<int>(list->front().words.size()));  // longest first
  if (broken) return false;
  for (const Phrase& p : *list) {
    if (static_cast<int>(p.words.size()) > nw) continue;
    bool ok = true;
    for (size_t w = 0; w < p.words.size() && ok; ++w) ok = p.words[w] == words[w];
    if (!ok) continue;
    *holiday = p.value;
    *end = word_end[p.words.size() - 1];
    // A one-word name that is also an ordinary word needs a capital ("Lent", "Eid").
    if (p.words.size() == 1 && !t_[i].cap) {
      const std::string_view w = Low(i);
      if (w == "lent") {
        int y, ye;
        if (!YearAt(*end, &y, &ye, false)) return false;
      }
    }
    return true;
  }
  return false;
}

// "christmas", "next halloween", "easter 2010", "thanksgiving of next year",
// "MLK day of last year", "thanksgiving in 9 months", "Lakshmi Puja six years hence".
bool Parser::HolidayExpr(int i, M* m) {
  int k = i;
  int dir = 0;
  if (W(k, "this")) {
    dir = 3;
    ++k;
  } else if (WAny(k, {"last", "past", "previous"})) {
    dir = -1;
    ++k;
  } else if (WAny(k, {"next", "coming", "upcoming"})) {
    dir = 1;
    ++k;
  }
  int h, e;
  if (!HolidayName(k, &h, &e)) return false;
  if (W(e, "day") && !Flag(e - 1, kLexWeekday)) ++e;  // "thanksgiving day"
  if (W(e, "s") && P(e - 1, '\'')) ++e;
  Node n;
  n.kind = NodeKind::kHoliday;
  n.holiday = h;
  n.explicit_dir = static_cast<int8_t>(dir);
  int q = e;
  if (W(q, "of") || W(q, "in") || P(q, ',')) ++q;
  int y, ye;
  if (YearAt(q, &y, &ye, false)) {
    n.f.year = y;
    return Emit(m, n, ye);
  }
  int cdir, ce;
  bool narrative;
  Grain unit;
  int mult, ue;
  bool plural;
  if (W(e, "of") && CycleUnit(e + 1, &cdir, &ce, &narrative) && UnitAt(ce, &unit, &mult, &ue, &plural) &&
      unit == Grain::kYear) {
    Node c;
    c.kind = NodeKind::kCycle;
    c.unit = Grain::kYear;
    c.n = cdir;
    n.a = Add(c);
    return Emit(m, n, ue);
  }
  // "thanksgiving in 9 months", "thanksgiving 3 months ago", "lakshmi puja six years hence"
  M s;
  if (ShiftExpr(e, &s)) {
    n.a = s.node;
    return Emit(m, n, s.end);
  }
  return Emit(m, n, e);
}

// A year: "2014", "2014 BC", "14 a.d.", "two thousand ten". Bare years need a cue (checked
// by the caller), an era, or latent mode.
bool Parser::YearExpr(int i, M* m, bool cued) {
  int y, e;
  if (!YearAt(i, &y, &e, false)) return false;
  const bool era = Num(i) && e > i + 1;
  if (!cued && !era && !o_.latent) return false;
  if (Num(i) && t_[i].ndigits == 4 && !era) {
    // "2000 troops", "1930 GMT", "2014-10" (handled elsewhere)
    if (Flag(e, kLexUnit) || WAny(e, {"gmt", "utc", "hours", "hrs", "local"})) return false;
    if ((P(e, '-') || P(e, '/') || P(e, '.') || P(e, ':')) && Glued(e) && Num(e + 1) && Glued(e + 1)) return false;
    if (IsW(e) && Glued(e)) return false;
    if (P(e, '%')) return false;
  }
  Fields f;
  f.year = y;
  m->node = AddFields(f);
  m->end = e;
  return true;
}

bool Parser::WeekendExpr(int i, M* m) {
  int k = i;
  int8_t edir = 0;
  if (W(k, "this") && W(k + 1, "past")) {
    edir = -1;
    k += 2;
  } else if (W(k, "this") && W(k + 1, "coming")) {
    edir = 1;
    k += 2;
  } else if (WAny(k, {"this", "current"})) {
    edir = 3;
    ++k;
  } else if (WAny(k, {"last", "past", "previous"})) {
    edir = -1;
    ++k;
  } else if (WAny(k, {"next", "coming", "upcoming"})) {
    edir = 1;
    ++k;
  } else if (W(k, "the")) {
    ++k;
  } else {
    return false;
  }
  int e;
  if (W(k, "weekend")) {
    e = k + 1;
  } else if (W(k, "week") && P(k + 1, '-') && Glued(k + 1) && W(k + 2, "end")) {
    e = k + 3;
  } else if (W(k, "week") && W(k + 1, "end") && edir != 0) {
    e = k + 2;
  } else {
    return false;
  }
  Node n;
  n.f.weekend = true;
  n.explicit_dir = edir;
  return Emit(m, n, e);
}

// "the 15th", "on the first", and in latent mode "the 24", "On 24th".
bool Parser::TheDayOrdinal(int i, M* m) {
  int k = i;
  const bool on = W(k, "on");
  if (on) ++k;
  if (!W(k, "the")) {
    if (!(o_.latent && on)) return false;
  } else {
    ++k;
  }
  int day, e;
  bool ord;
  if (!DayNumber(k, &day, &e, &ord)) return false;
  if (!ord && !o_.latent) return false;
  if (!Num(k)) return false;  // "on the first" is too often "on the first day" in news
  if (!(Boundary(e) || W(e, "at") || (W(e, "of") && false))) return false;
  Fields f;
  f.day = day;
  m->node = AddFields(f);
  m->end = e;
  return true;
}

// "the closest xmas to today", "the second closest Mon to October fifth".
bool Parser::ClosestExpr(int i, M* m) {
  if (!W(i, "the")) return false;
  int k = i + 1;
  int nth = 1;
  NumRead o;
  if (Ordinal(k, &o) && o.value >= 1 && o.value <= 10) {
    nth = static_cast<int>(o.value);
    k = o.end;
  }
  if (!W(k, "closest")) return false;
  ++k;
  M x;
  int h, he;
  int wd, we;
  bool amb;
  if (HolidayName(k, &h, &he)) {
    Node n;
    n.kind = NodeKind::kHoliday;
    n.holiday = h;
    x = {he, Add(n)};
  } else if (WeekdayAt(k, &wd, &we, &amb)) {
    Fields f;
    f.weekday = wd;
    x = {we, AddFields(f)};
  } else {
    return false;
  }
  if (!W(x.end, "to")) return false;
  M y;
  if (!Point(x.end + 1, &y)) return false;
  Node n;
  n.kind = NodeKind::kClosest;
  n.n = nth;
  n.a = x.node;
  n.b = y.node;
  return Emit(m, n, y.end);
}


// ------------------------------------------------------------------------------------
// Dates: the union of the forms above

bool Parser::DatePoint(int i, M* m) {
  if (i < 0 || i >= n_) return false;
  if (date_done_[i] == epoch_) {
    *m = date_memo_[i];
    return m->end >= 0;
  }
  date_done_[i] = epoch_;
  M r;
  if (!DatePointUncached(i, &r)) r = M();
  date_memo_[i] = r;
  *m = r;
  return r.end >= 0;
}

// Which of the rules below can match at token i, read off that token alone: each rule's
// first token (after its optional prefix words) must be one of these. A gate only skips a
// rule that would have failed there without side effects; the reference parse
// (TagOptions::reference_parse) tries every rule, and fast_parse_test.cc compares the two.
namespace {

struct DateGates {
  bool cal, weekday, relday, now, cycle, weekday_cycle, month_cycle, shift, nth, quarter, season, decade, holiday,
      weekend, the_day, closest, year, month;
};

constexpr LitSet kRelDayStarts({"the", "day", "today", "todays", "tomorrow", "tomorrows", "tmrw", "tmr", "yesterday",
                                "tonight", "tonite"});
constexpr LitSet kNowStarts({"right", "just", "now", "atm", "at", "currently", "presently", "nowadays", "these",
                             "recently", "lately", "formerly", "previously", "in"});
// CycleUnit's words, with "the" and "upcoming".
constexpr LitSet kCycleStarts({"the", "this", "current", "present", "last", "past", "previous", "prior", "preceding",
                               "next", "coming", "upcoming", "following", "subsequent", "that", "same"});
constexpr LitSet kMonthCycleStarts({"last", "past", "previous", "next", "coming", "this"});
constexpr LitSet kShiftStarts({"in", "within", "the", "half", "a", "an"});
constexpr LitSet kSeasonStarts({"this", "current", "last", "past", "previous", "next", "coming", "the"});
constexpr LitSet kHolidayStarts({"this", "last", "past", "previous", "next", "coming", "upcoming"});
constexpr LitSet kWeekendStarts({"this", "current", "last", "past", "previous", "next", "coming", "upcoming", "the"});

DateGates GatesAt(const Tok& t, bool all) {
  DateGates g;
  if (all) {
    g = {true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true};
    return g;
  }
  const bool num = t.kind == TokKind::kNumber;
  const bool word = t.kind == TokKind::kWord;
  const uint32_t fl = word ? t.flags : 0;
  const uint64_t h = word ? t.hash : 0;
  const bool the = h == Lit("the").hash;
  const bool punct = t.kind == TokKind::kPunct;
  g.cal = num || (fl & (kLexMonth | kLexOrdinal | kLexTens)) || the;
  g.weekday = g.cal || (fl & kLexWeekday);
  g.relday = kRelDayStarts.Contains(h);
  g.now = kNowStarts.Contains(h);
  g.cycle = num || (fl & kLexCardinal) || kCycleStarts.Contains(h);
  g.weekday_cycle = (fl & kLexWeekday) || kCycleStarts.Contains(h);
  g.month_cycle = (fl & kLexMonth) || kMonthCycleStarts.Contains(h);
  g.shift = num || (punct && (t.punct == '+' || t.punct == '-')) || (fl & (kLexCardinal | kLexVague | kLexUnit)) ||
            kShiftStarts.Contains(h);
  g.nth = num || (fl & (kLexOrdinal | kLexTens)) || the || h == Lit("last").hash;
  g.quarter = num || (fl & (kLexOrdinal | kLexTens)) || the || h == Lit("q").hash;
  g.season = (fl & kLexSeason) || kSeasonStarts.Contains(h);
  g.decade = num || the || (punct && t.punct == '\'');
  g.holiday = (fl & kLexHolidayStart) || kHolidayStarts.Contains(h);
  g.weekend = kWeekendStarts.Contains(h);
  g.the_day = the || h == Lit("on").hash;
  g.closest = the;
  g.year = num || (punct && t.punct == '\'') || (fl & kLexCardinal);
  g.month = fl & kLexMonth;
  return g;
}

}  // namespace

bool Parser::DatePointUncached(int i, M* m) {
  M best;
  M c;
  Fields f;
  int e;
  const DateGates g = GatesAt(t_[i], !fast_);
  if (g.cal && CalDate(i, &f, &e)) Longest({e, AddFields(f)}, &best);
  if (g.weekday && DateWithWeekday(i, &c)) Longest(c, &best);
  if (g.weekday && WeekdayDay(i, &c)) Longest(c, &best);
  if (g.relday && RelDay(i, &c)) Longest(c, &best);
  if (g.now && NowWords(i, &c)) Longest(c, &best);
  if (g.cycle && CycleExpr(i, &c)) Longest(c, &best);
  if (g.weekday_cycle && WeekdayCycle(i, &c)) Longest(c, &best);
  if (g.month_cycle && MonthCycle(i, &c)) Longest(c, &best);
  if (g.shift && ShiftExpr(i, &c)) Longest(c, &best);
  if (g.nth && NthOf(i, &c)) Longest(c, &best);
  if (g.quarter && QuarterExpr(i, &c)) Longest(c, &best);
  if (g.season && SeasonExpr(i, &c)) Longest(c, &best);
  if (g.decade && DecadeExpr(i, &c)) Longest(c, &best);
  if (g.holiday && HolidayExpr(i, &c)) Longest(c, &best);
  if (g.weekend && WeekendExpr(i, &c)) Longest(c, &best);
  if (g.the_day && TheDayOrdinal(i, &c)) Longest(c, &best);
  if (g.closest && ClosestExpr(i, &c)) Longest(c, &best);
  // A year, when a cue word precedes ("in 2014", "mid-2015", "the 2014 offensive").
  if (g.year) {
    bool cued = i > 0 && IsYearCue(i - 1);
    if (i > 1 && P(i - 1, '-') && Glued(i - 1) && IsW(i - 2) && WAny(i - 2, {"mid", "pre", "post", "early", "late"}))
      cued = true;
    if (i > 0 && P(i - 1, '\'') && W(i - 2, "s")) cued = true;
    if (o_.strict && i > 0 && !WAny(i - 1, {"in", "since", "during", "of"})) cued = false;
    if (cued && i > 0 && WAny(i - 1, {"by", "to", "of", "about", "around", "and", "for", "at", "on"}) && IsW(i + 1) &&
        !Boundary(i + 1) && !t_[i + 1].cap && !Flag(i + 1, kLexMonth) &&
        !WAny(i + 1, {"and", "to", "or", "when", "after", "before", "until", "as", "in", "with", "from", "the"}))
      cued = false;  // "by 2000 votes", "to 2014 levels"
    if (YearExpr(i, &c, cued)) Longest(c, &best);
  }
  // A month alone: "March", "in December", "during Oct"; ambiguous words need a cue.
  {
    int month;
    bool amb;
    if (g.month && MonthAt(i, &month, &e, &amb) && e > best.end) {
      const bool cue = i > 0 && IsW(i - 1) &&
                       WAny(i - 1, {"in", "since", "until", "till", "by", "from", "during", "before", "after", "of",
                                    "through", "throughout", "early", "late", "mid", "to", "and", "between", "last",
                                    "next", "this", "until", "that", "each", "every", "late", "for"});
      const bool mid_dash = i > 1 && P(i - 1, '-') && Glued(i - 1) && WAny(i - 2, {"mid", "early", "late"});
      const bool abbr = Flag(i, kLexAbbr);
      bool ok = cue || mid_dash || (AloneInText(i, e) && (!abbr || t_[i].cap));
      if (BadDayNear(i, e, month)) ok = false;
      if (!ok && !amb && !abbr && t_[i].cap) {
        // "January saw fighting"; but not "June Smith"
        ok = !(IsW(e) && t_[e].cap && !Flag(e, kLexMonth | kLexWeekday));
      }
      if (!ok && !amb && abbr && t_[i].cap && P(e - 1, '.') && Boundary(e)) ok = true;
      if (o_.strict && !cue) ok = false;
      if (ok) {
        Fields g;
        g.month = month;
        Longest({e, AddFields(g)}, &best);
      }
    }
  }
  if (best.end < 0) return false;
  *m = best;
  return true;
}

}  // namespace sitrep::time
