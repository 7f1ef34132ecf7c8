// Internal to time/. The grammar's recursive-descent matcher, shared by the grammar_*.cc
// files: grammar.cc (the top level: prefixes, modifiers, the scan over a sentence),
// grammar_numbers.cc (numbers, units, years), grammar_dates.cc (calendar dates, weekdays,
// this/last/next), grammar_relative.cc (shifts, n-th of, quarters, seasons, decades,
// holidays), grammar_times.cc (clock times, parts of the day, dates with times) and
// grammar_ranges.cc (ranges, durations, sets).
//
// Each rule is a method `bool Rule(int i, M* m)` that tries to read one form of expression
// starting at token i and, on success, sets m->end (one past the last token) and m->node
// (a Node in the arena). Rules never consume on failure. Where several rules apply, the
// longest match wins; ties go to the rule tried first.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "time/grammar.h"
#include "time/lexicon.h"
#include "time/scanner.h"

namespace sitrep::time {


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
        tk_(s.toks.data()),
        n_(static_cast<int>(s.toks.size())),
        lex_(lex),
        o_(opts),
        ar_(*arena),
        point_memo_(arena->point_memo),
        point_done_(arena->point_done),
        date_memo_(arena->date_memo),
        date_done_(arena->date_done),
        next_anchor_(arena->next_anchor),
        cal_memo_(arena->cal_memo),
        fast_(!opts.reference_parse),
        void_(arena->void_tokens) {}

  void Run(std::vector<Expr>* out);

 private:
  // ---- token predicates ----
  // `i` is a token of the sentence (one unsigned compare covers i < 0).
  bool In(int i) const { return static_cast<unsigned>(i) < static_cast<unsigned>(n_); }
  bool IsW(int i) const { return In(i) && tk_[i].kind == TokKind::kWord; }
  std::string_view Low(int i) const { return s_.Low(tk_[i]); }
  // Word tests compare the token's hash with the literal's, hashed at compile time. Only
  // words carry a hash (others hold 0, which no literal hashes to), so no kind test.
  bool W(int i, Lit w) const { return In(i) && tk_[i].hash == w.hash; }
  bool WAny(int i, std::initializer_list<Lit> ws) const {
    if (!In(i)) return false;
    const uint64_t h = tk_[i].hash;
    if (h == 0) return false;
    for (const Lit& w : ws)
      if (h == w.hash) return true;
    return false;
  }
  bool WStr(int i, std::string_view w) const { return IsW(i) && Low(i) == w; }
  bool P(int i, char c) const { return In(i) && tk_[i].kind == TokKind::kPunct && tk_[i].punct == c; }
  bool IsP(int i) const { return In(i) && tk_[i].kind == TokKind::kPunct; }
  bool Num(int i) const { return In(i) && tk_[i].kind == TokKind::kNumber; }
  bool Glued(int i) const { return In(i) && !tk_[i].space_before; }
  const LexEntry* Lex(int i) const { return IsW(i) ? tk_[i].lex : nullptr; }
  bool Flag(int i, uint32_t f) const { return IsW(i) && (tk_[i].flags & f); }
  bool AtEnd(int i) const { return i >= n_; }
  // The lexicon flags of token i (0 for numbers, punctuation and unknown words), for the
  // rules' first-token gates.
  uint32_t FlagsAt(int i) const { return IsW(i) ? tk_[i].flags : 0; }
  // Words before a bare year that make it one: "in 2014", "the 2014 offensive", "mid-2015".
  bool IsYearCue(int k) const {
    static constexpr LitSet kCues({"in", "since", "during", "from", "by", "until", "till", "before", "after", "of", "through",
                    "throughout", "the", "early", "late", "mid", "its", "a", "an", "s", "year", "circa", "around",
                    "about", "fiscal", "this", "that", "between", "for", "spring", "summer", "autumn", "winter",
                    "end", "start", "beginning", "middle", "his", "her", "their", "our", "pre", "post", "c", "ca",
                    "as", "on", "at", "within"});
    if (fast_) return IsW(k) && kCues.Contains(t_[k].hash);
    return WAny(k, {"in", "since", "during", "from", "by", "until", "till", "before", "after", "of", "through",
                    "throughout", "the", "early", "late", "mid", "its", "a", "an", "s", "year", "circa", "around",
                    "about", "fiscal", "this", "that", "between", "for", "spring", "summer", "autumn", "winter",
                    "end", "start", "beginning", "middle", "his", "her", "their", "our", "pre", "post", "c", "ca",
                    "as", "on", "at", "within"});
  }
  // Tokens [i, end) are all the text has but punctuation: a line that is one date word
  // ("Sun", "May") may be read as one. Costs the span only: words_ counts the words.
  bool AloneInText(int i, int end) const {
    int words = 0;
    for (int k = i; k < end && k < n_; ++k) words += t_[k].kind != TokKind::kPunct;
    return words == words_;
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
  // Records `n` as the match of `m`, ending before token `end`; always true, so a rule
  // can `return Emit(m, n, end);`.
  bool Emit(M* m, const Node& n, int end) {
    m->node = Add(n);
    m->end = end;
    return true;
  }
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
  // Memoised per position (cal_memo_) unless o_.reference_parse.
  bool CalDate(int i, Fields* f, int* end) const;
  bool CalDateUncached(int i, Fields* f, int* end) const;
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
  bool PrefixBlocked(int i) const;  // the gate in Run: see grammar.cc
  bool Modified(int i, M* m);
  int Intersect(int coarse, const Fields& fine);
  int CombineDateTime_(int date_node, const Fields& time);
  bool ApplyYearTo(int node, int year);

  static void Longest(const M& cand, M* best) {
    if (cand.end > best->end) *best = cand;
  }

  const Scan& s_;
  const std::vector<Tok>& t_;
  const Tok* const tk_;  // t_.data(): the predicates read through it
  const int n_;
  const Lexicon& lex_;
  const TagOptions& o_;
  Arena& ar_;
  std::vector<M>& point_memo_;
  std::vector<uint32_t>& point_done_;  // stamps: done in this sentence when == epoch_
  std::vector<M>& date_memo_;
  std::vector<uint32_t>& date_done_;
  std::vector<int>& next_anchor_;
  std::vector<CalMemo>& cal_memo_;
  const bool fast_;  // memo tables and literal sets on (not o_.reference_parse)
  uint32_t epoch_ = 0;  // this sentence's Arena::epoch
  int words_ = 0;  // non-punctuation tokens in the sentence
  // Tokens of a date that was written but cannot exist ("June 10 - 31, 2022"): no
  // expression may use them.
  std::vector<char>& void_;
  void Void(int from, int to) const {
    for (int k = from; k < to && k < n_; ++k) void_[k] = 1;
  }
};

inline int64_t UnitSeconds(Grain g) {
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

// Adjusts a clock hour by a part of day: "8 this evening" is 20:00, "12 at night" is 00:00.
inline void ApplyDayPartToHour(std::string_view code, Fields* t) {
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
inline int CombineDateTime(Arena& ar, int date_node, const Fields& time_in, const Lexicon& lex) {
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

inline bool IsQuantityNode(const Node& n) {
  return n.kind == NodeKind::kDuration || n.kind == NodeKind::kShift || n.kind == NodeKind::kCycleSpan;
}

}  // namespace sitrep::time
