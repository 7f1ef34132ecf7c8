// The grammar of time expressions: a recursive-descent matcher over the scanner's tokens.
//
// Each rule is a method `bool Rule(int i, M* m)` that tries to read one form of expression
// starting at token i and, on success, sets m->end (one past the last token) and m->node
// (a Node in the arena). Rules never consume on failure. Where several rules apply, the
// longest match wins; ties go to the rule tried first. The top level (Expression) handles
// prefixes that change meaning (since, until, between, from, about, early, late), ranges
// and durations; Point handles dates, times and their combinations.
//
// The rules read closed-class words (this, last, ago, of, ...) literally here; open word
// lists (months, weekdays, units, numbers, day parts, seasons, holidays, modifiers) come
// from the Lexicon.
#include "time/grammar.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sitrep::time {

bool Fields::Empty() const {
  return year == kUnset && month == kUnset && day == kUnset && weekday == kUnset && hour == kUnset &&
         quarter == kUnset && season == kUnset && day_part == kUnset && decade == kUnset && century == kUnset &&
         iso_week == kUnset && !weekend;
}

Grain Fields::Finest() const {
  if (second != kUnset) return Grain::kSecond;
  if (minute != kUnset) return Grain::kMinute;
  if (hour != kUnset) return Grain::kHour;
  if (day_part != kUnset) return Grain::kPartOfDay;
  if (day != kUnset || weekday != kUnset) return Grain::kDay;
  if (weekend || iso_week != kUnset) return Grain::kWeek;
  if (month != kUnset) return Grain::kMonth;
  if (quarter != kUnset) return Grain::kQuarter;
  if (season != kUnset) return Grain::kSeason;
  if (year != kUnset) return Grain::kYear;
  if (decade != kUnset) return Grain::kDecade;
  if (century != kUnset) return Grain::kCentury;
  return Grain::kNone;
}

const std::vector<std::string_view>& GrammarTriggerWords() {
  static const std::vector<std::string_view> kWords = {
      "today", "todays", "tonight", "tonite", "tomorrow", "tomorrows", "tmrw", "yesterday", "now", "ago", "hence",
      "currently", "recently", "lately", "nowadays", "formerly", "overnight", "noon", "midnight", "midday",
      "weekend", "weekends", "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "biweekly",
      "eom", "bom", "eoy", "boy", "eod", "atm", "oclock", "future", "present", "past", "millennium",
      "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties", "noughties",
      "q1", "q2", "q3", "q4", "season", "seasons", "weekday", "weekdays",
      "am", "pm", "gmt", "utc", "ides", "time", "moment", "clock", "fiscal", "decades", "centuries",
  };
  return kWords;
}

const std::vector<std::string_view>& GrammarStarterWords() {
  static const std::vector<std::string_view> kWords = {
      "the", "this", "last", "next", "past", "previous", "prior", "following", "coming", "upcoming", "current",
      "in", "within", "on", "at", "since", "until", "till", "untill", "through", "thru", "by", "before", "after",
      "from", "between", "every", "each", "a", "an", "half", "quarter", "that", "right", "just", "as", "ever",
      "anytime", "sometime", "sometimes", "no", "up", "starting", "beginning", "once", "twice", "q", "these", "h",
      "same", "present", "end", "for", "mid", "early", "late", "around", "about"};
  return kWords;
}

namespace {

using M = Memo;

// A number read from digits or words.
struct NumRead {
  int end = -1;
  int64_t value = 0;
  bool words = false;   // spelled out
  bool vague = false;   // few, several, couple
  bool article = false; // "a", "an"
  bool ordinal = false;
  int ndigits = 0;
  int64_t half_seconds = 0;  // unused by NumRead itself
  double frac = 0;           // "1.5", "2 and a half": fractional part
};

class Parser {
 public:
  Parser(const Scan& s, const Lexicon& lex, const TagOptions& opts, Arena* arena)
      : s_(s),
        t_(s.toks),
        n_(static_cast<int>(s.toks.size())),
        lex_(lex),
        o_(opts),
        ar_(*arena),
        point_memo_(arena->point_memo),
        point_done_(arena->point_done),
        date_memo_(arena->date_memo),
        date_done_(arena->date_done),
        next_anchor_(arena->next_anchor),
        void_(arena->void_tokens) {}

  void Run(std::vector<Expr>* out);

 private:
  // ---- token predicates ----
  bool IsW(int i) const { return i >= 0 && i < n_ && t_[i].kind == TokKind::kWord; }
  std::string_view Low(int i) const { return s_.Low(t_[i]); }
  // Word tests compare the token's hash with the literal's, hashed at compile time.
  bool W(int i, Lit w) const { return IsW(i) && t_[i].hash == w.hash; }
  bool WAny(int i, std::initializer_list<Lit> ws) const {
    if (!IsW(i)) return false;
    const uint64_t h = t_[i].hash;
    for (const Lit& w : ws)
      if (h == w.hash) return true;
    return false;
  }
  bool WStr(int i, std::string_view w) const { return IsW(i) && Low(i) == w; }
  bool P(int i, char c) const { return i >= 0 && i < n_ && t_[i].kind == TokKind::kPunct && t_[i].punct == c; }
  bool IsP(int i) const { return i >= 0 && i < n_ && t_[i].kind == TokKind::kPunct; }
  bool Num(int i) const { return i >= 0 && i < n_ && t_[i].kind == TokKind::kNumber; }
  bool Glued(int i) const { return i >= 0 && i < n_ && !t_[i].space_before; }
  const LexEntry* Lex(int i) const { return IsW(i) ? t_[i].lex : nullptr; }
  bool Flag(int i, uint32_t f) const {
    const LexEntry* e = Lex(i);
    return e && (e->flags & f);
  }
  bool AtEnd(int i) const { return i >= n_; }
  // Words before a bare year that make it one: "in 2014", "the 2014 offensive", "mid-2015".
  bool IsYearCue(int k) const {
    return WAny(k, {"in", "since", "during", "from", "by", "until", "till", "before", "after", "of", "through",
                    "throughout", "the", "early", "late", "mid", "its", "a", "an", "s", "year", "circa", "around",
                    "about", "fiscal", "this", "that", "between", "for", "spring", "summer", "autumn", "winter",
                    "end", "start", "beginning", "middle", "his", "her", "their", "our", "pre", "post", "c", "ca",
                    "as", "on", "at", "within"});
  }
  // A clock time that is only an hour read off a bare number ("at 3", "one").
  bool BareHour(int node) const {
    const Node& n = ar_[node];
    return n.kind == NodeKind::kFields && n.f.hour12 && !n.f.Has(n.f.minute);
  }
  // A day number written next to the month at [i, e) that no month has ("32 August",
  // "June 31, 2022", "29 February 2014"): the whole date is void.
  bool BadDayNear(int i, int e, int month) const {
    auto bad = [&](int k, int year) {
      if (!Num(k) || t_[k].ndigits > 2) return false;
      const int d = static_cast<int>(t_[k].num);
      if (d < 1) return true;
      if (d > 31) return !(k > i && !t_[k].ordinal && t_[k].ndigits == 2 && d >= 50);  // "Aug 96"
      return year > 0 ? !IsValidDate(year, month, d) : d > DaysInMonth(2000, month);
    };
    auto year_after = [&](int k) {
      int q = k;
      if (P(q, ',')) ++q;
      return Num(q) && t_[q].ndigits == 4 ? static_cast<int>(t_[q].num) : 0;
    };
    if (i > 0 && t_[i].space_before && bad(i - 1, year_after(e))) return true;
    if (Num(e) && t_[e].space_before && bad(e, year_after(e + 1))) return true;
    return false;
  }
  // Token i is glued punctuation followed by a glued digit: the number before goes on.
  bool LongerNumber(int i) const {
    return i < n_ && IsP(i) && !t_[i].space_before && (t_[i].punct == '.' || t_[i].punct == ',' || t_[i].punct == '-' ||
                                                       t_[i].punct == ':' || t_[i].punct == '/') &&
           Num(i + 1) && Glued(i + 1);
  }
  // End of a clause for "bare" forms: end of text, or punctuation other than '-' / '/'.
  bool Boundary(int i) const { return i >= n_ || (IsP(i) && t_[i].punct != '-' && t_[i].punct != '/'); }

  int Add(const Node& n) { return ar_.Add(n); }
  int AddFields(const Fields& f) {
    Node n;
    n.kind = NodeKind::kFields;
    n.f = f;
    return Add(n);
  }

  // ---- numbers ----
  bool Cardinal(int i, NumRead* r, bool allow_article = true, bool allow_vague = true) const;
  bool SmallWordNumber(int i, NumRead* r) const;
  bool Ordinal(int i, NumRead* r) const;
  bool DayNumber(int i, int* day, int* end, bool* ordinal) const;
  bool MonthAt(int i, int* month, int* end, bool* ambiguous) const;
  bool WeekdayAt(int i, int* wd, int* end, bool* ambiguous) const;
  bool UnitAt(int i, Grain* unit, int* mult, int* end, bool* plural) const;
  bool YearAt(int i, int* year, int* end, bool allow_two_digit) const;
  int EraSuffix(int i, int* year) const;

  // ---- dates ----
  bool CalDate(int i, Fields* f, int* end) const;
  bool MonthDayYear(int i, Fields* f, int* end) const;
  bool DayMonthYear(int i, Fields* f, int* end) const;
  bool NumericDate(int i, Fields* f, int* end) const;
  bool YearMonthDay(int i, Fields* f, int* end) const;
  bool MonthYear(int i, Fields* f, int* end) const;
  bool OptYear(int i, Fields* f, int* end, bool allow_two_digit) const;
  bool DateWithWeekday(int i, M* m);
  bool WeekdayDay(int i, M* m);
  bool RelDay(int i, M* m);
  bool NowWords(int i, M* m);
  bool CycleExpr(int i, M* m);
  bool CycleUnit(int i, int* dir, int* end, bool* narrative) const;
  bool WeekdayCycle(int i, M* m);
  bool MonthCycle(int i, M* m);
  bool ShiftExpr(int i, M* m);
  bool Quantity(int i, NumRead* q, Grain* unit, int* mult, int* end, bool* plural);
  bool NthOf(int i, M* m);
  bool PeriodRef(int i, M* m);  // "March", "October 2014", "this month", "2018", "next year"
  bool QuarterExpr(int i, M* m);
  bool SeasonExpr(int i, M* m);
  bool DecadeExpr(int i, M* m);
  bool HolidayExpr(int i, M* m);
  bool HolidayName(int i, int* holiday, int* end) const;
  bool YearExpr(int i, M* m, bool cued);
  bool WeekendExpr(int i, M* m);
  bool TheDayOrdinal(int i, M* m);
  bool ClosestExpr(int i, M* m);
  bool DatePoint(int i, M* m);
  bool DatePointUncached(int i, M* m);

  // ---- times ----
  bool ClockTime(int i, Fields* f, int* end, bool cued) const;
  bool Meridiem(int i, int* pm, int* end) const;
  bool TimeOfDay(int i, M* m, bool cued);
  bool DayPartAt(int i, int* part, int* end) const;
  bool DayPartExpr(int i, M* m);

  // ---- composition ----
  bool Point(int i, M* m);
  bool PointUncached(int i, M* m);
  bool Range(int i, M* m);
  bool DayRange(int i, M* m);
  bool DurationExpr(int i, M* m);
  bool SetExpr(int i, M* m);
  bool Expression(int i, M* m);
  bool ModifierPhrase(int i, TimexMod* mod, int* end) const;
  int Intersect(int coarse, const Fields& fine);
  int CombineDateTime_(int date_node, const Fields& time);
  bool ApplyYearTo(int node, int year);

  static void Longest(const M& cand, M* best) {
    if (cand.end > best->end) *best = cand;
  }

  const Scan& s_;
  const std::vector<Tok>& t_;
  const int n_;
  const Lexicon& lex_;
  const TagOptions& o_;
  Arena& ar_;
  std::vector<M>& point_memo_;
  std::vector<char>& point_done_;
  std::vector<M>& date_memo_;
  std::vector<char>& date_done_;
  std::vector<int>& next_anchor_;
  // Tokens of a date that was written but cannot exist ("June 10 - 31, 2022"): no
  // expression may use them.
  std::vector<char>& void_;
  void Void(int from, int to) const {
    for (int k = from; k < to && k < n_; ++k) void_[k] = 1;
  }
};

// ------------------------------------------------------------------------------------
// Numbers

bool Parser::SmallWordNumber(int i, NumRead* r) const {
  const LexEntry* e = Lex(i);
  if (!e || !(e->flags & kLexCardinal)) return false;
  int64_t v = e->cardinal;
  int end = i + 1;
  if (e->flags & kLexTens) {
    // "twenty-four", "twenty four"
    int j = P(end, '-') && Glued(end) ? end + 1 : end;
    const LexEntry* u = Lex(j);
    if (u && (u->flags & kLexCardinal) && !(u->flags & kLexTens) && u->cardinal >= 1 && u->cardinal <= 9) {
      v += u->cardinal;
      end = j + 1;
    }
  }
  r->value = v;
  r->end = end;
  r->words = true;
  return true;
}

// Digits, or words up to the thousands ("two thousand ten", "twenty-four"), or an article
// ("a", "an" = 1), or a vague count ("a few", "several", "a couple of").
bool Parser::Cardinal(int i, NumRead* r, bool allow_article, bool allow_vague) const {
  *r = NumRead();
  if (Num(i)) {
    if (t_[i].ordinal) return false;
    r->value = t_[i].num;
    r->ndigits = t_[i].ndigits;
    r->end = i + 1;
    // Thousands separators: "1,800"
    int j = i + 1;
    while (P(j, ',') && Glued(j) && Num(j + 1) && Glued(j + 1) && t_[j + 1].ndigits == 3 && !t_[j + 1].ordinal &&
           r->ndigits <= 3) {
      r->value = r->value * 1000 + t_[j + 1].num;
      r->ndigits = 4;  // treat as a large number, never a year
      j += 2;
      r->end = j;
    }
    // Decimals: "1.5"
    if (P(r->end, '.') && Glued(r->end) && Num(r->end + 1) && Glued(r->end + 1) && t_[r->end + 1].ndigits <= 2 &&
        !P(r->end + 2, '.')) {
      double frac = static_cast<double>(t_[r->end + 1].num);
      for (int k = 0; k < t_[r->end + 1].ndigits; ++k) frac /= 10;
      r->frac = frac;
      r->end += 2;
    }
    return true;
  }
  if (!IsW(i)) return false;
  std::string_view w = Low(i);
  if (allow_article && (w == "a" || w == "an")) {
    // "a few", "a couple of", "a dozen"
    if (allow_vague && (W(i + 1, "few") || W(i + 1, "couple"))) {
      r->value = W(i + 1, "few") ? 3 : 2;
      r->vague = W(i + 1, "few");
      r->end = i + 2;
      if (W(r->end, "of")) ++r->end;
      r->words = true;
      return true;
    }
    if (W(i + 1, "dozen")) {
      r->value = 12;
      r->end = i + 2;
      r->words = true;
      return true;
    }
    r->value = 1;
    r->article = true;
    r->end = i + 1;
    r->words = true;
    return true;
  }
  if (allow_vague && Flag(i, kLexVague)) {
    r->value = Lex(i)->cardinal;
    r->vague = true;
    r->end = i + 1;
    if (W(r->end, "of")) ++r->end;
    r->words = true;
    return true;
  }
  if (!SmallWordNumber(i, r)) return false;
  // "two thousand (and) ten", "nineteen hundred"
  if (W(r->end, "thousand") || W(r->end, "hundred")) {
    const int64_t scale = W(r->end, "thousand") ? 1000 : 100;
    int64_t total = r->value * scale;
    int j = r->end + 1;
    if (W(j, "and")) ++j;
    NumRead rest;
    if (SmallWordNumber(j, &rest)) {
      total += rest.value;
      j = rest.end;
    } else if (W(j - 1, "and")) {
      j -= 1;
    }
    r->value = total;
    r->end = j;
  }
  return true;
}

bool Parser::Ordinal(int i, NumRead* r) const {
  *r = NumRead();
  if (Num(i) && t_[i].ordinal) {
    r->value = t_[i].num;
    r->end = i + 1;
    r->ordinal = true;
    return true;
  }
  const LexEntry* e = Lex(i);
  if (!e) return false;
  if (e->flags & kLexOrdinal) {
    r->value = e->ordinal;
    r->end = i + 1;
    r->ordinal = true;
    r->words = true;
    return true;
  }
  if (e->flags & kLexTens) {
    // "twenty-fourth", "thirty first"
    int j = P(i + 1, '-') && Glued(i + 1) ? i + 2 : i + 1;
    const LexEntry* u = Lex(j);
    if (u && (u->flags & kLexOrdinal) && !(u->flags & kLexTensOrdinal) && u->ordinal >= 1 && u->ordinal <= 9) {
      r->value = e->cardinal + u->ordinal;
      r->end = j + 1;
      r->ordinal = true;
      r->words = true;
      return true;
    }
  }
  return false;
}

// A day of the month: 1..31 as digits (one or two) or an ordinal.
bool Parser::DayNumber(int i, int* day, int* end, bool* ordinal) const {
  NumRead r;
  if (Num(i)) {
    if (t_[i].ndigits > 2 || t_[i].num < 1 || t_[i].num > 31) return false;
    *day = static_cast<int>(t_[i].num);
    *end = i + 1;
    *ordinal = t_[i].ordinal;
    return true;
  }
  if (Ordinal(i, &r) && r.value >= 1 && r.value <= 31) {
    *day = static_cast<int>(r.value);
    *end = r.end;
    *ordinal = true;
    return true;
  }
  return false;
}

bool Parser::MonthAt(int i, int* month, int* end, bool* ambiguous) const {
  const LexEntry* e = Lex(i);
  if (!e || !(e->flags & kLexMonth)) return false;
  *month = e->month;
  *end = i + 1;
  *ambiguous = (e->flags & kLexAmbiguous) != 0;
  if ((e->flags & kLexAbbr) && P(i + 1, '.') && Glued(i + 1)) *end = i + 2;
  // An all-caps or capitalised ambiguous word in mid-sentence is a month.
  if (*ambiguous && t_[i].cap && i > 0 && !P(i - 1, '.') && !P(i - 1, '"')) *ambiguous = false;
  return true;
}

bool Parser::WeekdayAt(int i, int* wd, int* end, bool* ambiguous) const {
  const LexEntry* e = Lex(i);
  if (!e || !(e->flags & kLexWeekday)) return false;
  *wd = e->weekday;
  *end = i + 1;
  *ambiguous = (e->flags & kLexAmbiguous) != 0;
  if ((e->flags & kLexAbbr) && P(i + 1, '.') && Glued(i + 1)) {
    *end = i + 2;
    *ambiguous = false;
  }
  return true;
}

bool Parser::UnitAt(int i, Grain* unit, int* mult, int* end, bool* plural) const {
  const LexEntry* e = Lex(i);
  if (!e || !(e->flags & kLexUnit)) return false;
  if ((e->flags & kLexClipped) && (o_.strict || !Glued(i))) {
    // Clipped units only glued to a number ("5m", "3y"), except "h" and "d" spaced
    // ("21 h") and never in strict mode.
    if (o_.strict) return false;
    std::string_view w = Low(i);
    if (!(w == "h" || w == "d" || w == "mo" || w == "m" || w == "mon")) return false;
    if (w == "mon" && !(i > 0 && Num(i - 1))) return false;
    if (w == "m" && !Glued(i)) return false;
  }
  if ((e->flags & kLexAbbr) && o_.strict && Low(i).size() <= 3) return false;
  *unit = e->unit;
  *mult = e->unit_mult;
  *end = i + 1;
  *plural = (e->flags & kLexPlural) != 0;
  if ((e->flags & kLexAbbr) && P(i + 1, '.') && Glued(i + 1)) *end = i + 2;
  return true;
}

// "AD", "A.D.", "BC", "B.C.", "BCE", "CE", "BE" after a year number.
int Parser::EraSuffix(int i, int* year) const {
  auto dotted = [&](int j, std::string_view a, std::string_view b) {
    return WStr(j, a) && P(j + 1, '.') && Glued(j + 1) && WStr(j + 2, b) && Glued(j + 2);
  };
  int y = *year;
  if (WAny(i, {"ad", "ce"})) {
    *year = y;
    return i + 1;
  }
  if (WAny(i, {"bc", "bce"})) {
    *year = -y;
    return i + 1;
  }
  if (W(i, "be")) {  // Buddhist era
    *year = y - 543;
    return i + 1;
  }
  if (dotted(i, "a", "d")) {
    *year = y;
    return P(i + 3, '.') && Glued(i + 3) ? i + 4 : i + 3;
  }
  if (dotted(i, "b", "c")) {
    *year = -y;
    int j = i + 3;
    if (P(j, '.') && Glued(j)) ++j;
    if (W(j, "e") && Glued(j)) {
      ++j;
      if (P(j, '.') && Glued(j)) ++j;
    }
    return j;
  }
  return -1;
}

// A year: four digits (1000..2999), digits with an era ("14 a.d.", "345 BC"), words
// ("two thousand ten"), "'15", or -- when allowed -- two digits ("74" after a month).
bool Parser::YearAt(int i, int* year, int* end, bool allow_two_digit) const {
  if (Num(i) && !t_[i].ordinal) {
    const int64_t v = t_[i].num;
    const int nd = t_[i].ndigits;
    // Not glued to more digits or letters ("2012-1400" is handled by the caller).
    int y = static_cast<int>(v);
    int era_end = (nd <= 4 && v > 0) ? EraSuffix(i + 1, &y) : -1;
    if (era_end > 0) {
      *year = y;
      *end = era_end;
      return true;
    }
    if (nd == 4 && v >= 1000 && v <= 2999) {
      *year = static_cast<int>(v);
      *end = i + 1;
      return true;
    }
    if (allow_two_digit && nd == 2) {
      *year = static_cast<int>(v) + (v <= 49 ? 2000 : 1900);
      *end = i + 1;
      return true;
    }
    return false;
  }
  if (P(i, '\'') && Num(i + 1) && Glued(i + 1) && t_[i + 1].ndigits == 2 && !t_[i + 1].ordinal) {
    const int64_t v = t_[i + 1].num;
    *year = static_cast<int>(v) + (v <= 49 ? 2000 : 1900);
    *end = i + 2;
    return true;
  }
  NumRead r;
  if (IsW(i) && Flag(i, kLexCardinal) && Cardinal(i, &r, false, false) && r.words && r.value >= 1000 &&
      r.value <= 2999) {
    *year = static_cast<int>(r.value);
    *end = r.end;
    return true;
  }
  return false;
}


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

// A whole line that is one token ("Sun", "sat.") may be an ambiguous weekday.
static bool AloneInText(const std::vector<Tok>& t, int i, int end) {
  for (int k = 0; k < static_cast<int>(t.size()); ++k) {
    if (k >= i && k < end) continue;
    if (t[k].kind != TokKind::kPunct) return false;
  }
  return true;
}

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
    if (amb && !AloneInText(t_, i, j)) return false;
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
    m->node = Add(n);
    m->end = j + 3;
    return true;
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
  m->node = Add(n);
  m->end = i + 1;
  return true;
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
  m->node = Add(n);
  m->end = e;
  return true;
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
      m->node = Add(n);
      m->end = ue;
      return true;
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
      m->node = Add(n);
      m->end = ue + 2;
      return true;
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
    m->node = Add(n);
    m->end = ue;
    return true;
  }
  if (!UnitAt(j, &unit, &mult, &ue, &plural) || mult != 1) {
    // "the past fortnight"
    if (UnitAt(j, &unit, &mult, &ue, &plural) && mult > 1 && dir != 0) {
      Node n;
      n.kind = NodeKind::kCycleSpan;
      n.unit = unit;
      n.n = dir * mult;
      m->node = Add(n);
      m->end = ue;
      return true;
    }
    // "this season", "last season"
    if (WAny(j, {"season", "seasons"})) {
      Node n;
      n.kind = NodeKind::kCycle;
      n.unit = Grain::kSeason;
      n.n = dir;
      m->node = Add(n);
      m->end = j + 1;
      return true;
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
    m->node = Add(n);
    m->end = ue;
    return true;
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
  m->node = Add(n);
  m->end = ue;
  return true;
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
    m->node = Add(n);
    m->end = j + 2;
    return true;
  }
  if (edir == 0 && W(j, "before") && W(j + 1, "last")) {
    Node n;
    n.kind = NodeKind::kFields;
    n.f = f;
    n.explicit_dir = -2;
    m->node = Add(n);
    m->end = j + 2;
    return true;
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
  m->node = Add(n);
  m->end = j;
  return true;
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
      m->node = Add(n);
      m->end = j + 2;
      return true;
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
  m->node = Add(n);
  m->end = j;
  return true;
}

int Parser::Intersect(int coarse, const Fields& fine) {
  Node n;
  n.kind = NodeKind::kIntersect;
  n.a = coarse;
  n.f = fine;
  return Add(n);
}


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

static int64_t UnitSeconds(Grain g) {
  switch (g) {
    case Grain::kSecond: return 1;
    case Grain::kMinute: return 60;
    case Grain::kHour: return 3600;
    case Grain::kDay: return 86400;
    case Grain::kWeek: return 7 * 86400;
    case Grain::kMonth: return 30 * 86400;
    case Grain::kQuarter: return 91 * 86400;
    case Grain::kYear: return 365 * 86400;
    case Grain::kDecade: return 3652 * 86400;
    default: return 0;
  }
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
        m->node = Add(n);
        m->end = e;
        return true;
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
      m->node = Add(n);
      m->end = c.end;
      return true;
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
        m->node = Add(n);
        m->end = c.end;
        return true;
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
  m->node = Add(n);
  m->end = c.end;
  return true;
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
  if (!e || !(e->flags & kLexSeason)) return false;
  Fields f;
  f.season = e->season;
  int end = k + 1;
  int q = end;
  if (W(q, "of") || P(q, ',')) ++q;
  int y, ye;
  if (edir == 0 && YearAt(q, &y, &ye, false)) {
    f.year = y;
    end = ye;
  } else if (edir == 0) {
    // A bare season word needs a determiner or a cue before it, and lowercase ("Arab Spring").
    if (t_[k].cap && k > 0) return false;
    const bool cue = i > 0 && WAny(i - 1, {"in", "during", "since", "until", "by", "through", "throughout", "over",
                                             "early", "late", "mid", "this"});
    if (!det && !cue && !AloneInText(t_, k, end)) return false;
  }
  Node n;
  n.f = f;
  n.explicit_dir = edir;
  m->node = Add(n);
  m->end = end;
  return true;
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
    m->node = Add(n);
    m->end = ye;
    return true;
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
    m->node = Add(n);
    m->end = ue;
    return true;
  }
  // "thanksgiving in 9 months", "thanksgiving 3 months ago", "lakshmi puja six years hence"
  M s;
  if (ShiftExpr(e, &s)) {
    n.a = s.node;
    m->node = Add(n);
    m->end = s.end;
    return true;
  }
  m->node = Add(n);
  m->end = e;
  return true;
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
  m->node = Add(n);
  m->end = e;
  return true;
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
  m->node = Add(n);
  m->end = y.end;
  return true;
}


// ------------------------------------------------------------------------------------
// Dates: the union of the forms above

bool Parser::DatePoint(int i, M* m) {
  if (i < 0 || i >= n_) return false;
  if (date_done_[i]) {
    *m = date_memo_[i];
    return m->end >= 0;
  }
  date_done_[i] = 1;
  M r;
  if (!DatePointUncached(i, &r)) r = M();
  date_memo_[i] = r;
  *m = r;
  return r.end >= 0;
}

bool Parser::DatePointUncached(int i, M* m) {
  M best;
  M c;
  Fields f;
  int e;
  if (CalDate(i, &f, &e)) Longest({e, AddFields(f)}, &best);
  if (DateWithWeekday(i, &c)) Longest(c, &best);
  if (WeekdayDay(i, &c)) Longest(c, &best);
  if (RelDay(i, &c)) Longest(c, &best);
  if (NowWords(i, &c)) Longest(c, &best);
  if (CycleExpr(i, &c)) Longest(c, &best);
  if (WeekdayCycle(i, &c)) Longest(c, &best);
  if (MonthCycle(i, &c)) Longest(c, &best);
  if (ShiftExpr(i, &c)) Longest(c, &best);
  if (NthOf(i, &c)) Longest(c, &best);
  if (QuarterExpr(i, &c)) Longest(c, &best);
  if (SeasonExpr(i, &c)) Longest(c, &best);
  if (DecadeExpr(i, &c)) Longest(c, &best);
  if (HolidayExpr(i, &c)) Longest(c, &best);
  if (WeekendExpr(i, &c)) Longest(c, &best);
  if (TheDayOrdinal(i, &c)) Longest(c, &best);
  if (ClosestExpr(i, &c)) Longest(c, &best);
  // A year, when a cue word precedes ("in 2014", "mid-2015", "the 2014 offensive").
  {
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
    if (MonthAt(i, &month, &e, &amb) && e > best.end) {
      const bool cue = i > 0 && IsW(i - 1) &&
                       WAny(i - 1, {"in", "since", "until", "till", "by", "from", "during", "before", "after", "of",
                                    "through", "throughout", "early", "late", "mid", "to", "and", "between", "last",
                                    "next", "this", "until", "that", "each", "every", "late", "for"});
      const bool mid_dash = i > 1 && P(i - 1, '-') && Glued(i - 1) && WAny(i - 2, {"mid", "early", "late"});
      const bool abbr = Flag(i, kLexAbbr);
      bool ok = cue || mid_dash || (AloneInText(t_, i, e) && (!abbr || t_[i].cap));
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

// ------------------------------------------------------------------------------------
// Times of day

bool Parser::Meridiem(int i, int* pm, int* end) const {
  // am, pm, a.m., p.m., a m, p m, and glued a / p ("7a", "3p.")
  if (!IsW(i)) return false;
  std::string_view w = Low(i);
  if (w == "am" || w == "pm") {
    *pm = w == "pm";
    *end = i + 1;  // a period after "pm" ends the sentence
    return true;
  }
  if ((w == "a" || w == "p") && !o_.strict) {
    if (P(i + 1, '.') && Glued(i + 1) && W(i + 2, "m") && Glued(i + 2)) {
      *pm = w == "p";
      *end = i + 3;
      if (P(*end, '.') && Glued(*end)) ++*end;
      return true;
    }
    if (W(i + 1, "m") && !Glued(i + 1) && Boundary(i + 2)) {  // "3:30 p m"
      *pm = w == "p";
      *end = i + 2;
      return true;
    }
    const bool cue = o_.latent || (i >= 2 && (W(i - 2, "at") || P(i - 2, '@'))) || W(i + 1, "to");
    if (Glued(i) && cue && (Boundary(i + 1) || W(i + 1, "to") || P(i + 1, '.'))) {  // "7a", "at 3p."
      *pm = w == "p";
      *end = i + 1;
      if (P(*end, '.') && Glued(*end)) ++*end;
      return true;
    }
  }
  return false;
}

// Clock times. `cued`: "at", "@", "around" or a part of day precedes, so a bare number
// may be an hour.
bool Parser::ClockTime(int i, Fields* f, int* end, bool cued) const {
  Fields g;
  int e = -1;
  if (WAny(i, {"noon", "midday"})) {
    g.hour = 12;
    g.minute = 0;
    e = i + 1;
  } else if (W(i, "mid") && W(i + 1, "day")) {
    g.hour = 12;
    g.minute = 0;
    e = i + 2;
  } else if (W(i, "midnight")) {
    g.hour = 0;
    g.minute = 0;
    e = i + 1;
  } else if (Num(i) && !t_[i].ordinal) {
    const Tok& a = t_[i];
    if (a.ndigits <= 2 && a.num <= 24 && P(i + 1, ':') && Glued(i + 1) && Num(i + 2) && Glued(i + 2) &&
        t_[i + 2].ndigits == 2 && t_[i + 2].num <= 59) {
      g.hour = static_cast<int>(a.num);
      g.minute = static_cast<int>(t_[i + 2].num);
      e = i + 3;
      if (P(e, ':') && Glued(e) && Num(e + 1) && Glued(e + 1) && t_[e + 1].ndigits == 2 && t_[e + 1].num <= 60) {
        g.second = static_cast<int>(t_[e + 1].num);
        e += 2;
        if (P(e, '.') && Glued(e) && Num(e + 1) && Glued(e + 1)) e += 2;  // fractions of a second
      }
      g.hour12 = g.hour >= 1 && g.hour <= 12 && a.ndigits == 1;
      if (g.hour >= 1 && g.hour <= 12) g.hour12 = true;
      if (a.ndigits == 2 && a.num < 10) g.hour12 = false;  // "07:00" is a 24-hour clock
    } else if (a.ndigits <= 2 && a.num <= 24 && W(i + 1, "h") && Glued(i + 1)) {  // 16h00, 15h
      g.hour = static_cast<int>(a.num);
      g.minute = 0;
      e = i + 2;
      if (Num(e) && Glued(e) && t_[e].ndigits == 2 && t_[e].num <= 59) {
        g.minute = static_cast<int>(t_[e].num);
        ++e;
      }
    } else if (a.ndigits <= 2 && a.num <= 12 && cued && P(i + 1, '.') && Glued(i + 1) && Num(i + 2) &&
               Glued(i + 2) && t_[i + 2].ndigits == 2 && t_[i + 2].num <= 59) {  // "at 12.30"
      g.hour = static_cast<int>(a.num);
      g.minute = static_cast<int>(t_[i + 2].num);
      g.hour12 = true;
      e = i + 3;
    } else if ((a.ndigits == 3 || a.ndigits == 4) && a.num % 100 <= 59 && a.num / 100 <= 23) {  // 1030, 730
      const bool zone = WAny(i + 1, {"gmt", "utc", "hrs", "hours", "local", "z"});
      int pm, me;
      const bool mer = Meridiem(i + 1, &pm, &me);
      if (!zone && !mer && !cued) return false;
      if (LongerNumber(i + 1)) return false;  // "650.650.6500", "101,194"
      // "at 101 points": a bare HHMM after "at" must end the phrase
      if (!zone && !mer && !(i > 0 && WAny(i - 1, {"around", "approximately", "about"})) && !Boundary(i + 1))
        return false;
      if (!zone && !mer && a.ndigits == 4 && a.num >= 1900 && a.num <= 2100) return false;  // a year
      g.hour = static_cast<int>(a.num / 100);
      g.minute = static_cast<int>(a.num % 100);
      g.hour12 = g.hour >= 1 && g.hour <= 12 && !zone;
      e = i + 1;
    } else if (a.ndigits <= 2 && a.num <= 24) {
      int pm, me;
      const bool marked = Meridiem(i + 1, &pm, &me) || W(i + 1, "oclock") ||
                          (W(i + 1, "o") && P(i + 2, '\'') && W(i + 3, "clock")) || (W(i + 1, "o") && W(i + 2, "clock"));
      // A bare number after "at" is an hour only when nothing else follows that makes it a
      // quantity ("at 10.1", "at 10 - 20", "at 101 points"); never in strict mode.
      const bool strong_cue = i > 0 && (W(i - 1, "at") || P(i - 1, '@') || WAny(i - 1, {"around", "about"}));
      // "8 tonight", "9 tomorrow morning", "8 this evening", "11 at night"
      const bool daypart_after = !o_.strict && (WAny(i + 1, {"tonight", "tonite"}) ||
                                                (WAny(i + 1, {"this", "tomorrow", "yesterday"}) && Flag(i + 2, kLexDayPart)) ||
                                                (W(i + 1, "in") && W(i + 2, "the") && Flag(i + 3, kLexDayPart)) ||
                                                (W(i + 1, "at") && W(i + 2, "night")));
      if (daypart_after && a.num >= 1 && a.num <= 12) {
        g.hour = static_cast<int>(a.num);
        g.hour12 = true;
        e = i + 1;
      } else {
      const bool bare_ok = cued && strong_cue && !o_.strict && !LongerNumber(i + 1) &&
                           (Boundary(i + 1) || WAny(i + 1, {"in", "on", "this", "tonight", "tomorrow", "today", "at",
                                                            "and", "or", "to", "ish", "sharp"}) ||
                            (Num(i + 1) && t_[i + 1].ndigits == 2));
      if (marked || bare_ok) {
        g.hour = static_cast<int>(a.num);
        g.minute = kUnset;
        g.hour12 = g.hour >= 1 && g.hour <= 12;
        e = i + 1;
        // "at 3 15" (cued): hour and minutes apart
        if (cued && Num(e) && t_[e].ndigits == 2 && t_[e].num <= 59 && !Flag(e + 1, kLexUnit) && !Num(e + 1)) {
          g.minute = static_cast<int>(t_[e].num);
          ++e;
        }
      } else {
        return false;
      }
      }
    } else {
      return false;
    }
  } else if (IsW(i) && Flag(i, kLexCardinal) && !Flag(i, kLexVague)) {
    // "eight", "ten thirty", "twelve oh three", "six p.m."
    NumRead r;
    if (!SmallWordNumber(i, &r) || r.value < 1 || r.value > 12) return false;
    g.hour = static_cast<int>(r.value);
    g.hour12 = true;
    e = r.end;
    int pm, me;
    const bool oclock = W(e, "oclock") || (W(e, "o") && (P(e + 1, '\'') || W(e + 1, "clock")));
    NumRead mins;
    const int before_minutes = e;
    if (Flag(e, kLexDigitWord) && SmallWordNumber(e + 1, &mins) && mins.value <= 9 && (cued || o_.latent)) {
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (!oclock && SmallWordNumber(e, &mins) && mins.value >= 10 && mins.value <= 59 && (cued || o_.latent)) {
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (P(e, '-') && Glued(e) && Flag(e + 1, kLexDigitWord) && P(e + 2, '-') && SmallWordNumber(e + 3, &mins) &&
               (cued || o_.latent)) {  // twelve-oh-three
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (P(e, '-') && Glued(e) && SmallWordNumber(e + 1, &mins) && mins.value >= 10 && (cued || o_.latent)) {
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (!(Meridiem(e, &pm, &me) || oclock || (cued && o_.latent))) {
      return false;  // "at eight" alone is too weak in running text
    }
    // Spelled-out minutes ("ten thirty") need am/pm unless bare times are wanted.
    if (e != before_minutes && !o_.latent && !Meridiem(e, &pm, &me)) return false;
  } else {
    return false;
  }
  // o'clock
  if (W(e, "oclock")) {
    ++e;
  } else if (W(e, "o") && P(e + 1, '\'') && W(e + 2, "clock")) {
    e += 3;
  } else if (W(e, "o") && W(e + 1, "clock")) {
    e += 2;
  }
  if (W(e, "ish") && Glued(e)) ++e;
  int pm, me;
  if (Meridiem(e, &pm, &me)) {
    if (g.hour > 12 || g.hour == 0) {
      if (!(g.hour == 0 && false)) {
        if (g.hour > 12) return false;  // "14PM"
      }
    }
    if (g.hour == 12) g.hour = 0;
    if (pm) g.hour += 12;
    g.hour12 = false;
    e = me;
  }
  if (g.hour == 24) g.hour = 0;
  if (g.minute == kUnset && g.second == kUnset) {
    // hour grain
  }
  // Zones are read and ignored: values stay in the reference's local time.
  if (WAny(e, {"gmt", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "ist", "jst", "msk", "eet",
               "eest", "z"}) &&
      (t_[e].all_caps || Low(e).size() == 1 || true)) {
    ++e;
    if ((P(e, '+') || P(e, '-')) && Num(e + 1) && Glued(e + 1)) {
      e += 2;
      if (P(e, ':') && Num(e + 1)) e += 2;
    }
  } else if (W(e, "local") && W(e + 1, "time")) {
    e += 2;
  } else if (P(e, '(') && WAny(e + 1, {"gmt", "utc", "cet", "est", "pst", "bst", "cst", "edt"}) && P(e + 2, ')')) {
    e += 3;
  }
  *f = g;
  *end = e;
  return true;
}

bool Parser::DayPartAt(int i, int* part, int* end) const {
  const LexEntry* e = Lex(i);
  if (!e || !(e->flags & kLexDayPart)) return false;
  *part = e->day_part;
  *end = i + 1;
  return true;
}

// "half past 3 pm", "a quarter to noon", "twenty after 3pm", "15 minutes past 15h",
// "half three"; and ClockTime.
bool Parser::TimeOfDay(int i, M* m, bool cued) {
  Fields f;
  int e;
  if (ClockTime(i, &f, &e, cued)) {
    m->node = AddFields(f);
    m->end = e;
    m->type = TimexType::kTime;
    return true;
  }
  // minutes past/to an hour
  int k = i;
  int minutes = -1;
  if (WAny(k, {"a", "an"}) && W(k + 1, "quarter")) {
    minutes = 15;
    k += 2;
  } else if (W(k, "quarter")) {
    minutes = 15;
    k += 1;
  } else if (W(k, "half")) {
    minutes = 30;
    k += 1;
  } else {
    NumRead r;
    if (Cardinal(k, &r, false, false) && r.value >= 1 && r.value <= 59 && !r.vague) {
      minutes = static_cast<int>(r.value);
      k = r.end;
      if (WAny(k, {"minutes", "minute", "mins", "min"})) {
        ++k;
      } else if (!r.words) {
        minutes = -1;  // "3 to 4pm" is a range, not 3:57
      }
    }
  }
  if (minutes < 0) return false;
  int sign = 0;
  if (WAny(k, {"past", "after"})) sign = 1;
  else if (WAny(k, {"to", "till", "before", "of"})) sign = -1;
  else if (minutes == 30 && W(i, "half") && !o_.strict) sign = 2;  // "half three" = 3:30
  if (sign == 0) return false;
  int hk = sign == 2 ? k : k + 1;
  Fields h;
  int he;
  if (!ClockTime(hk, &h, &he, true) || h.minute > 0) return false;
  if (sign == 2) sign = 1;
  int total = h.hour * 60 + sign * minutes;
  if (total < 0) total += 24 * 60;
  f = h;
  f.hour = total / 60 % 24;
  f.minute = total % 60;
  if (h.hour12 && f.hour == 0) f.hour12 = false;
  m->node = AddFields(f);
  m->end = he;
  m->type = TimexType::kTime;
  return true;
}

// Parts of the day with their day: "this morning", "last night", "tonight", "overnight",
// "in the afternoon", "at night", "morning of christmas 2013".
bool Parser::DayPartExpr(int i, M* m) {
  int part = 0, e = i + 1;
  Node day;
  day.kind = NodeKind::kRelDay;
  int k = i;
  if (W(k, "overnight")) {
    // The night that ended on the reference day (reports say "overnight" of last night).
    Fields f;
    for (size_t p = 0; p < lex_.day_parts().size(); ++p)
      if (lex_.day_parts()[p].code == "NI") f.day_part = static_cast<int>(p);
    day.n = -1;
    m->node = Intersect(Add(day), f);
    m->end = k + 1;
    m->type = TimexType::kTime;
    return true;
  }
  if (W(k, "this") && DayPartAt(k + 1, &part, &e) && !Flag(k + 1, kLexPlural)) {
    day.n = 0;
  } else if (W(k, "last") && WAny(k + 1, {"night", "evening"})) {
    DayPartAt(k + 1, &part, &e);
    day.n = -1;
  } else if ((W(k, "in") && W(k + 1, "the") && DayPartAt(k + 2, &part, &e)) ||
             (W(k, "at") && WAny(k + 1, {"night", "dawn", "dusk", "daybreak", "noon"}) && DayPartAt(k + 1, &part, &e))) {
    // bare: the narrative day
    if (Flag(e - 1, kLexPlural)) return false;
    Node c;
    c.kind = NodeKind::kCycle;
    c.unit = Grain::kDay;
    c.anchor = AnchorPref::kNarrative;
    Fields f;
    f.day_part = part;
    m->node = Intersect(Add(c), f);
    m->end = e;
    m->type = TimexType::kTime;
    return true;
  } else if (DayPartAt(k, &part, &e) && W(e, "of") && !Flag(k, kLexPlural)) {
    M d;
    if (!DatePoint(e + 1, &d)) return false;
    Fields f;
    f.day_part = part;
    m->node = Intersect(d.node, f);
    m->end = d.end;
    m->type = TimexType::kTime;
    return true;
  } else if (W(k, "the") && DayPartAt(k + 1, &part, &e) && W(e, "of") && !Flag(k + 1, kLexPlural)) {
    M d;
    if (!DatePoint(e + 1, &d)) return false;
    Fields f;
    f.day_part = part;
    m->node = Intersect(d.node, f);
    m->end = d.end;
    m->type = TimexType::kTime;
    return true;
  } else if (o_.latent && DayPartAt(k, &part, &e) && AloneInText(t_, k, e)) {
    day.n = 0;
  } else {
    return false;
  }
  Fields f;
  f.day_part = part;
  m->node = Intersect(Add(day), f);
  m->end = e;
  m->type = TimexType::kTime;
  return true;
}


// ------------------------------------------------------------------------------------
// Composition: dates with times, ranges, durations, sets, modifiers

// Adjusts a clock hour by a part of day: "8 this evening" is 20:00, "12 at night" is 00:00.
static void ApplyDayPartToHour(std::string_view code, Fields* t) {
  if (!t->Has(t->hour)) return;
  if (code == "AF" || code == "EV" || code == "NI") {
    if (t->hour12 || t->hour < 12) {
      if (t->hour == 12) {
        if (code != "AF") t->hour = 0;
      } else if (code != "NI" || t->hour >= 6) {
        if (t->hour < 12) t->hour += 12;
      }
    }
  } else if (code == "MO") {
    if (t->hour == 12 && t->hour12) t->hour = 0;
  }
  t->hour12 = false;
}

// A date node with clock fields added: merged into the date's fields when it is a plain
// fields node ("Monday morning" keeps one search), else intersected.
int CombineDateTime(Arena& ar, int date_node, const Fields& time_in, const Lexicon& lex) {
  Fields time = time_in;
  // "tonight at 8", "8 this evening": the part of day sets the clock, then gives way.
  {
    const Node& d0 = ar[date_node];
    if (d0.kind == NodeKind::kIntersect && d0.f.Has(d0.f.day_part) && !d0.f.HasTime() && time.HasTime() &&
        d0.f.day_part >= 0 && d0.f.day_part < static_cast<int>(lex.day_parts().size())) {
      ApplyDayPartToHour(lex.day_parts()[d0.f.day_part].code, &time);
      Node n;
      n.kind = NodeKind::kIntersect;
      n.a = d0.a;
      n.f = time;
      return ar.Add(n);
    }
  }
  Node& d = ar[date_node];
  if (d.kind == NodeKind::kFields && d.explicit_dir == 0 && !d.f.HasTime() && d.f.day_part == kUnset &&
      (d.f.Has(d.f.day) || d.f.Has(d.f.weekday))) {
    Node n = d;
    n.f.hour = time.hour;
    n.f.minute = time.minute;
    n.f.second = time.second;
    n.f.hour12 = time.hour12;
    if (time.day_part != kUnset) n.f.day_part = time.day_part;
    return ar.Add(n);
  }
  Node n;
  n.kind = NodeKind::kIntersect;
  n.a = date_node;
  n.f = time;
  return ar.Add(n);
}

int Parser::CombineDateTime_(int date_node, const Fields& time) { return CombineDateTime(ar_, date_node, time, lex_); }

bool Parser::Point(int i, M* m) {
  if (i < 0 || i >= n_) return false;
  if (point_done_[i]) {
    *m = point_memo_[i];
    return m->end >= 0;
  }
  point_done_[i] = 1;
  M r;
  if (!PointUncached(i, &r)) r = M();
  point_memo_[i] = r;
  *m = r;
  return r.end >= 0;
}

bool Parser::PointUncached(int i, M* m) {
  M best;
  const auto& parts = lex_.day_parts();
  // A date, maybe with a time or a part of the day.
  M d;
  if (DatePoint(i, &d)) {
    Longest(d, &best);
    int k = d.end;
    bool sep = false;
    if (P(k, ',') || P(k, '@') || WAny(k, {"at", "around", "about", "by"})) {
      ++k;
      sep = true;
      if (W(k, "around") || W(k, "about")) ++k;
    } else if ((P(k, ':') || P(k, '-') || P(k, '.')) && Glued(k) && Num(k + 1)) {
      ++k;
      sep = true;
    } else if (W(k, "t") && Glued(k) && Num(k + 1) && Glued(k + 1)) {
      ++k;
      sep = true;
    }
    M t;
    const Node& dn = ar_[d.node];
    const bool date_like = dn.kind != NodeKind::kShift || dn.unit >= Grain::kDay;
    if (date_like && TimeOfDay(k, &t, sep) && !(BareHour(t.node) && !(W(k - 1, "at") || P(k - 1, '@')))) {
      // A bare number after a date ("March 3 15") is not a time unless glued or cued.
      Fields tf = ar_[t.node].f;
      int pe;
      int part;
      int q = t.end;
      if (W(q, "in") && W(q + 1, "the")) q += 2;
      if (DayPartAt(q, &part, &pe)) {
        ApplyDayPartToHour(parts[part].code, &tf);
        t.end = pe;
      }
      int tend = t.end;
      // "Thu Oct 26 11:00:09 2023": the year after the time
      if (dn.kind == NodeKind::kFields && !dn.f.Has(dn.f.year) && dn.f.Has(dn.f.month) && Num(tend) &&
          t_[tend].ndigits == 4 && t_[tend].num >= 1000 && t_[tend].num <= 2999 && Boundary(tend + 1)) {
        Fields df = dn.f;
        df.year = static_cast<int>(t_[tend].num);
        if (!df.Has(df.day) || IsValidDate(df.year, df.month, df.day)) {
          d.node = AddFields(df);
          ++tend;
        }
      }
      Longest({tend, CombineDateTime_(d.node, tf), TimexType::kTime}, &best);
    }
    // "Monday morning", "tomorrow evening", "15 of february in the morning", "monday early in
    // the morning", then maybe "at 9".
    int q = d.end;
    if (W(q, "early") || W(q, "late")) ++q;
    if (W(q, "in") && W(q + 1, "the")) q += 2;
    else if (W(q, "at") && W(q + 1, "night")) q += 1;
    if (W(q, "early") && W(q + 1, "hours") && W(q + 2, "of") && W(q + 3, "the")) q += 4;
    int part, pe;
    if (date_like && DayPartAt(q, &part, &pe) && !Flag(q, kLexPlural)) {
      Fields tf;
      tf.day_part = part;
      int end = pe;
      int k2 = pe;
      if (W(k2, "at") || P(k2, '@') || P(k2, ',')) ++k2;
      M t2;
      if (TimeOfDay(k2, &t2, true)) {
        tf = ar_[t2.node].f;
        ApplyDayPartToHour(parts[part].code, &tf);
        tf.day_part = kUnset;
        end = t2.end;
      }
      Longest({end, CombineDateTime_(d.node, tf), TimexType::kTime}, &best);
    }
  }
  // A time, maybe with a date or a part of the day after it.
  const bool cued = i > 0 && (W(i - 1, "at") || P(i - 1, '@') ||
                              WAny(i - 1, {"around", "about", "approximately", "until", "till", "from", "between",
                                           "before", "after", "since", "by"}));
  M t;
  if (TimeOfDay(i, &t, cued)) {
    Fields tf = ar_[t.node].f;
    int k = t.end;
    // "3 in the afternoon", "11 at night", "8 this evening", "11 tonight"
    int part, pe;
    int q = k;
    bool this_day = false;
    if (W(q, "in") && W(q + 1, "the")) q += 2;
    else if (W(q, "at") && W(q + 1, "night")) q += 1;
    else if (W(q, "this")) {
      q += 1;
      this_day = true;
    }
    if (DayPartAt(q, &part, &pe) && !Flag(q, kLexPlural)) {
      ApplyDayPartToHour(parts[part].code, &tf);
      if (this_day) {
        Node day;
        day.kind = NodeKind::kRelDay;
        Longest({pe, CombineDateTime_(Add(day), tf), TimexType::kTime}, &best);
      } else {
        Longest({pe, AddFields(tf), TimexType::kTime}, &best);
      }
    } else {
      Longest({t.end, AddFields(tf), TimexType::kTime}, &best);
    }
    // time then date: "at 19h30 on Fri, Sep 20", "8:23 AM, Jul 9", "9 tomorrow morning"
    int k2 = k;
    if (P(k2, ',') || WAny(k2, {"on", "of"})) ++k2;
    M d2;
    if (k2 < n_ && DatePoint(k2, &d2)) {
      const Node& dn = ar_[d2.node];
      if (dn.kind != NodeKind::kShift && dn.kind != NodeKind::kDuration) {
        Fields tf2 = ar_[t.node].f;
        int end = d2.end;
        int q2 = d2.end;
        if (DayPartAt(q2, &part, &pe)) {
          ApplyDayPartToHour(parts[part].code, &tf2);
          end = pe;
        }
        if (!(ar_[d2.node].kind == NodeKind::kFields && ar_[d2.node].f.Has(ar_[d2.node].f.year) &&
              !ar_[d2.node].f.Has(ar_[d2.node].f.month) && !Num(k2 - 1) && k2 == k && false))
          Longest({end, CombineDateTime_(d2.node, tf2), TimexType::kTime}, &best);
      }
    }
  }
  // Parts of the day: "this morning", "tonight at 8", "morning of christmas 2013".
  M dp;
  if (DayPartExpr(i, &dp)) {
    Longest(dp, &best);
    int k = dp.end;
    if (W(k, "at") || P(k, '@') || P(k, ',')) ++k;
    M t2;
    if (TimeOfDay(k, &t2, true)) {
      Fields tf = ar_[t2.node].f;
      const Node& pn = ar_[dp.node];
      int part = pn.f.day_part;
      if (part != kUnset) ApplyDayPartToHour(parts[part].code, &tf);
      tf.day_part = kUnset;
      if (pn.kind == NodeKind::kIntersect) {
        Longest({t2.end, CombineDateTime_(pn.a, tf), TimexType::kTime}, &best);
      } else {
        Longest({t2.end, AddFields(tf), TimexType::kTime}, &best);
      }
    }
  }
  // "tonight at 8", "tomorrow at 5pm" are dates with times (above); "at 5 tomorrow afternoon"
  // is a time with a date (above).
  if (best.end < 0) return false;
  *m = best;
  return true;
}


// "July 13-15", "August 10 - 22, 2012", "13-15 July", "from the 13th to the 15th of July",
// "1-8 september", "23rd to 26th Oct", "Eighth to eleventh May 2010".
bool Parser::DayRange(int i, M* m) {
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
  Node n;
  n.kind = NodeKind::kSet;
  n.n = 1;
  int e = -1;
  static const std::pair<std::string_view, Grain> kAdverbs[] = {
      {"hourly", Grain::kHour}, {"daily", Grain::kDay},     {"weekly", Grain::kWeek},
      {"monthly", Grain::kMonth}, {"yearly", Grain::kYear}, {"annually", Grain::kYear},
      {"quarterly", Grain::kQuarter}, {"nightly", Grain::kDay}};
  for (const auto& [w, g] : kAdverbs) {
    if (WStr(i, w)) {
      n.unit = g;
      e = i + 1;
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

bool Parser::ModifierPhrase(int i, TimexMod* mod, int* end) const {
  if (!IsW(i) || !Flag(i, kLexModifierStart)) return false;
  const std::vector<Phrase>* list = lex_.ModifierList(Lex(i)->modifiers);
  if (!list) return false;
  for (const Phrase& p : *list) {
    int k = i;
    bool ok = true;
    for (uint64_t h : p.hashes) {
      if (!IsW(k) || t_[k].hash != h) {
        ok = false;
        break;
      }
      ++k;
    }
    if (!ok) continue;
    *mod = static_cast<TimexMod>(p.value);
    if (P(k, '-') && Glued(k) && !t_[k].long_dash) ++k;  // "mid-March"
    *end = k;
    return true;
  }
  return false;
}

static bool IsQuantityNode(const Node& n) {
  return n.kind == NodeKind::kDuration || n.kind == NodeKind::kShift || n.kind == NodeKind::kCycleSpan;
}

bool Parser::Expression(int i, M* m) {
  M best;
  // Bounds: since, until, before, after, by, from, through.
  {
    int k = i;
    Bound bound = Bound::kNone;
    if (W(k, "ever") && W(k + 1, "since")) {
      bound = Bound::kOnOrAfter;
      k += 2;
    } else if (W(k, "since")) {
      bound = Bound::kOnOrAfter;
      k += 1;
    } else if (W(k, "as") && W(k + 1, "of")) {
      bound = Bound::kOnOrAfter;
      k += 2;
    } else if (WAny(k, {"anytime", "sometime", "sometimes"}) && WAny(k + 1, {"after", "before"})) {
      bound = W(k + 1, "after") ? Bound::kAfter : Bound::kBefore;
      k += 2;
    } else if (W(k, "after")) {
      bound = Bound::kAfter;
      k += 1;
    } else if (W(k, "before") || (W(k, "prior") && W(k + 1, "to"))) {
      bound = Bound::kBefore;
      k += W(k, "before") ? 1 : 2;
    } else if (W(k, "later") && W(k + 1, "than")) {
      bound = Bound::kAfter;
      k += 2;
    } else if (W(k, "earlier") && W(k + 1, "than")) {
      bound = Bound::kBefore;
      k += 2;
    } else if (W(k, "no") && W(k + 1, "later") && W(k + 2, "than")) {
      bound = Bound::kOnOrBefore;
      k += 3;
    } else if (W(k, "up") && WAny(k + 1, {"until", "till", "to"})) {
      bound = Bound::kOnOrBefore;
      k += 2;
    } else if (WAny(k, {"until", "till", "untill", "through", "thru", "by"})) {
      bound = Bound::kOnOrBefore;
      k += 1;
    } else if (W(k, "from") || (WAny(k, {"starting", "beginning"}) && WAny(k + 1, {"on", "in", "from"}))) {
      bound = Bound::kOnOrAfter;
      k += W(k, "from") ? 1 : 2;
    }
    if (bound != Bound::kNone) {
      TimexMod mod = TimexMod::kNone;
      int k2 = k;
      int me;
      if (ModifierPhrase(k, &mod, &me)) k2 = me;
      M inner;
      bool ok = false;
      M c;
      if (DayRange(k2, &c)) Longest(c, &inner), ok = true;
      if (Point(k2, &c)) Longest(c, &inner), ok = true;
      if (ok && ar_[inner.node].kind == NodeKind::kRange) ok = false;  // "from July 13 to 15" is a range
      if (ok) {
        Node& in = ar_[inner.node];
        const bool shift = IsQuantityNode(in);
        if (!(shift && (bound == Bound::kAfter || bound == Bound::kBefore || bound == Bound::kOnOrBefore) &&
              in.kind != NodeKind::kShift)) {
          int node = inner.node;
          if (mod == TimexMod::kStart || mod == TimexMod::kMid || mod == TimexMod::kEnd) {
            Node p;
            p.kind = NodeKind::kPart;
            p.mod = mod;
            p.a = node;
            node = Add(p);
          } else if (mod != TimexMod::kNone) {
            ar_[node].mod = mod;
          }
          Node o;
          o.kind = NodeKind::kOpen;
          o.bound = bound;
          o.a = node;
          Longest({inner.end, Add(o), inner.type}, &best);
        }
      }
    }
  }
  // Modifiers: about, nearly, over, early, late, the end of ...
  {
    TimexMod mod;
    int k;
    if (ModifierPhrase(i, &mod, &k)) {
      M c;
      M inner;
      const bool part = mod == TimexMod::kStart || mod == TimexMod::kMid || mod == TimexMod::kEnd;
      if (W(k, "at") && !part) ++k;  // "at about 3pm" is read from "about"
      if (part && WAny(k, {"around", "about"})) ++k;  // "the end of around next week"
      if (DayRange(k, &c)) Longest(c, &inner);
      if (Point(k, &c)) Longest(c, &inner);
      if (DurationExpr(k, &c)) Longest(c, &inner);
      // "the end of the month", "end of month", "beginning of year"
      if (part) {
        int q = k;
        if (W(q, "the")) ++q;
        if (WAny(q, {"month", "year", "week", "day", "decade", "century"}) && q + 1 > inner.end) {
          Node cy;
          cy.kind = NodeKind::kCycle;
          cy.unit = W(q, "month") ? Grain::kMonth
                    : W(q, "year") ? Grain::kYear
                    : W(q, "week") ? Grain::kWeek
                    : W(q, "day")  ? Grain::kDay
                    : W(q, "decade") ? Grain::kDecade
                                     : Grain::kCentury;
          cy.anchor = W(k, "the") || W(k - 1, "the") ? AnchorPref::kNarrative : AnchorPref::kSpeech;
          inner = {q + 1, Add(cy)};
        }
      }
      if (inner.end > 0) {
        Node& in = ar_[inner.node];
        const bool quantity = IsQuantityNode(in);
        const bool approx_word = mod == TimexMod::kApprox && !W(i, "some");
        bool ok;
        if (part) ok = !quantity || in.kind == NodeKind::kCycleSpan;
        else if (approx_word) ok = true;
        else ok = quantity;
        if (ok) {
          int node = inner.node;
          if (part) {
            Node p;
            p.kind = NodeKind::kPart;
            p.mod = mod;
            p.a = node;
            node = Add(p);
          } else {
            in.mod = mod;
          }
          Longest({inner.end, node, inner.type}, &best);
        }
      }
    }
  }
  // EOM, BOM, EOY, BOY, EOD
  if (IsW(i) && t_[i].all_caps && WAny(i, {"eom", "bom", "eoy", "boy", "eod"})) {
    std::string_view w = Low(i);
    Node cy;
    cy.kind = NodeKind::kCycle;
    cy.unit = w[2] == 'm' ? Grain::kMonth : w[2] == 'y' ? Grain::kYear : Grain::kDay;
    Node p;
    p.kind = NodeKind::kPart;
    p.mod = w[0] == 'e' ? TimexMod::kEnd : TimexMod::kStart;
    p.a = Add(cy);
    Longest({i + 1, Add(p)}, &best);
  }
  M c;
  if (Range(i, &c)) Longest(c, &best);
  if (DayRange(i, &c)) Longest(c, &best);
  if (Point(i, &c)) Longest(c, &best);
  if (DurationExpr(i, &c)) Longest(c, &best);
  if (SetExpr(i, &c)) Longest(c, &best);
  // "Thursday from 9:30 to 11:00"
  if (best.end > 0 && best.type == TimexType::kDate && ar_[best.node].kind == NodeKind::kFields &&
      WAny(best.end, {"from", "between"})) {
    M r;
    if (Range(best.end, &r) && r.type == TimexType::kTime) {
      const Node& rn = ar_[r.node];
      if (!ar_[rn.a].f.HasDate()) {
        Node r2;
        r2.kind = NodeKind::kRange;
        r2.a = CombineDateTime_(best.node, ar_[rn.a].f);
        r2.b = CombineDateTime_(best.node, ar_[rn.b].f);
        best = {r.end, Add(r2), TimexType::kTime};
      }
    }
  }
  // "18th Dec for 10 days", "from 18th Dec for 10 days", "for 10 days from 18th Dec": from
  // the date until that many units later.
  auto span_for = [&](int point, int dur) -> int {
    const Node& d = ar_[dur];
    if (d.kind != NodeKind::kDuration || d.a >= 0 || d.vague_n) return -1;
    Node sh;
    sh.kind = NodeKind::kShift;
    sh.a = point;
    sh.n = d.n;
    sh.unit = d.unit;
    sh.extra_seconds = d.extra_seconds;
    Node r;
    r.kind = NodeKind::kRange;
    r.a = point;
    r.b = Add(sh);
    return Add(r);
  };
  if (best.end > 0 && best.type != TimexType::kDuration && W(best.end, "for")) {
    int point = best.node;
    if (ar_[point].kind == NodeKind::kOpen && ar_[point].bound == Bound::kOnOrAfter) point = ar_[point].a;
    M d;
    if (!IsQuantityNode(ar_[point]) && DurationExpr(best.end + 1, &d)) {
      int r = span_for(point, d.node);
      if (r >= 0) best = {d.end, r, best.type};
    }
  }
  if (W(i, "for")) {
    M d, p;
    if (DurationExpr(i + 1, &d) && W(d.end, "from") && Point(d.end + 1, &p) && !IsQuantityNode(ar_[p.node])) {
      int r = span_for(p.node, d.node);
      if (r >= 0 && p.end > best.end) best = {p.end, r, p.type};
    }
  }
  if (best.end < 0) return false;
  *m = best;
  return true;
}

void Parser::Run(std::vector<Expr>* out) {
  point_memo_.assign(n_, M());
  point_done_.assign(n_, 0);
  date_memo_.assign(n_, M());
  date_done_.assign(n_, 0);
  void_.assign(n_ + 1, 0);
  // next_anchor_[i]: the first token at or after i that can hold an expression together:
  // a time word, an ordinal, a year-like number, or a number next to a time word or a
  // clock or date separator. Plain counts ("40 people", "five soldiers") are not anchors.
  constexpr uint32_t kTimeWord = kLexMonth | kLexWeekday | kLexUnit | kLexDayPart | kLexSeason | kLexTrigger;
  // Clipped units ("s", "m") count only glued to a number ("5m"), not in "the army's".
  auto time_word = [&](int k) {
    if (k < 0 || k >= n_ || !t_[k].lex || !(t_[k].lex->flags & kTimeWord)) return false;
    if ((t_[k].lex->flags & kLexClipped) && !(t_[k].lex->flags & (kTimeWord & ~kLexUnit)))
      return !t_[k].space_before && k > 0 && Num(k - 1);
    return true;
  };
  auto number_cue = [&](int k) {
    return WAny(k, {"at", "around", "about", "approximately", "until", "till", "by", "from", "between", "since",
                    "before", "after", "o", "oclock", "h", "every", "each"}) ||
           P(k, '@');
  };
  next_anchor_.assign(n_ + 1, n_ + 100);
  for (int k = n_ - 1; k >= 0; --k) {
    const Tok& t = t_[k];
    bool anchor = time_word(k) || (t.lex && (t.lex->flags & (kLexOrdinal | kLexVague | kLexHolidayAnchor)));
    if (t.kind == TokKind::kNumber) {
      anchor = t.ordinal || (t.ndigits == 4 && t.num >= 1000 && t.num <= 2999);
      for (int d = -3; d <= 3 && !anchor; ++d) {
        if (d == 0) continue;
        const int q = k + d;
        if (q < 0 || q >= n_) continue;
        if (time_word(q)) anchor = true;
        if (std::abs(d) == 1 && IsP(q) && !t_[std::max(q, k)].space_before &&
            (t_[q].punct == ':' || t_[q].punct == '/' || t_[q].punct == '.' || t_[q].punct == '-' ||
             t_[q].punct == '\''))
          anchor = true;
        if (std::abs(d) == 1 && IsW(q) && !t_[std::max(q, k)].space_before) anchor = true;  // 4pm, 15SEP
        if (d < 0 && d >= -2 && number_cue(q)) anchor = true;
        if (d == 1 && (WAny(q, {"ad", "bc", "bce", "ce"}) || (WAny(q, {"a", "b"}) && P(q + 1, '.') && Glued(q + 1))))
          anchor = true;
      }
    } else if (t.lex && (t.lex->flags & kLexCardinal) && !anchor) {
      for (int d = 1; d <= 3 && !anchor; ++d) anchor = time_word(k + d) || WAny(k + d, {"o", "oclock"});
      if (k > 0 && number_cue(k - 1)) anchor = true;
    }
    next_anchor_[k] = anchor ? k : next_anchor_[k + 1];
  }
  int i = 0;
  while (i < n_) {
    const Tok& t = t_[i];
    // Words that only cue tense ("said", "will") start nothing.
    constexpr uint32_t kStartFlags = kLexMonth | kLexWeekday | kLexUnit | kLexCardinal | kLexOrdinal | kLexTens |
                                     kLexVague | kLexDayPart | kLexSeason | kLexModifierStart | kLexHolidayStart |
                                     kLexTrigger | kLexStarter | kLexScale;
    bool can = t.kind == TokKind::kNumber || (t.kind == TokKind::kWord && t.lex && (t.lex->flags & kStartFlags)) ||
               (t.kind == TokKind::kPunct && (t.punct == '\'' || t.punct == '+' || t.punct == '-') && Num(i + 1) &&
                Glued(i + 1));
    // Every expression has a number or a time word within its first few tokens; starting
    // words ("the", "since") far from one cannot begin one.
    if (can && next_anchor_[i] > i + 4) can = false;
    M m;
    if (can && Expression(i, &m) && m.end > i) {
      bool touches_void = false;
      for (int k = i; k < m.end; ++k) touches_void |= void_[k] != 0;
      if (touches_void) {
        ++i;
        continue;
      }
      Expr e;
      e.tok_begin = static_cast<uint32_t>(i);
      e.tok_end = static_cast<uint32_t>(m.end);
      e.node = m.node;
      e.type = m.type;
      out->push_back(e);
      i = m.end;
    } else {
      ++i;
    }
  }
}

}  // namespace

void ParseExpressions(const Scan& scan, const Lexicon& lex, const TagOptions& opts, Arena* arena,
                      std::vector<Expr>* out) {
  Parser p(scan, lex, opts, arena);
  p.Run(out);
}

}  // namespace sitrep::time
