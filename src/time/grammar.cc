// The grammar of time expressions, top level: the scan over a sentence (Run), the
// prefixes that change meaning (since, until, between, from, about, early, late) and
// the word lists the grammar itself owns. The rules are spread over grammar_*.cc; see
// parser.h for how they fit together. The top level (Expression) handles prefixes,
// ranges and durations; Point (grammar_times.cc) handles dates, times and their
// combinations.
//
// The rules read closed-class words (this, last, ago, of, ...) literally here; open word
// lists (months, weekdays, units, numbers, day parts, seasons, holidays, modifiers) come
// from the Lexicon.
#include "time/grammar.h"

#include <algorithm>
#include <cstdlib>

#include "time/grammar_literals.h"
#include "time/parser.h"

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
      "same", "present", "end", "for", "mid", "early", "late", "around", "about", "earlier", "later"};
  return kWords;
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


// A modifier and what it modifies: "about three years ago", "nearly 6-year-long",
// "late last year", "the end of the month", "mid-March".
bool Parser::Modified(int i, M* m) {
  TimexMod mod;
  int k;
  if (!ModifierPhrase(i, &mod, &k)) return false;
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
        Node copy = in;  // memoised nodes are shared: modify a copy
        copy.mod = mod;
        node = Add(copy);
      }
      *m = {inner.end, node, inner.type};
      return true;
    }
  }
  return false;
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
      M inner;
      bool ok = false;
      M c;
      if (DayRange(k, &c)) Longest(c, &inner), ok = true;
      if (Point(k, &c)) Longest(c, &inner), ok = true;
      if (Modified(k, &c)) Longest(c, &inner), ok = true;
      if (ok && ar_[inner.node].kind == NodeKind::kRange) ok = false;  // "from July 13 to 15" is a range
      if (ok) {
        Node& in = ar_[inner.node];
        const bool shift = IsQuantityNode(in);
        if (!(shift && (bound == Bound::kAfter || bound == Bound::kBefore || bound == Bound::kOnOrBefore) &&
              in.kind != NodeKind::kShift)) {
          const int node = inner.node;
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
    M c;
    if (Modified(i, &c)) Longest(c, &best);
  }
  // "earlier this year", "later this month", "earlier today": the part of the current
  // period before (after) the reference.
  if (WAny(i, {"earlier", "later"})) {
    M c;
    if (Point(i + 1, &c)) {
      const Node& in = ar_[c.node];
      const bool cycle = in.kind == NodeKind::kCycle && in.n == 0 && in.anchor == AnchorPref::kSpeech &&
                         (in.unit == Grain::kDay || in.unit == Grain::kWeek || in.unit == Grain::kMonth ||
                          in.unit == Grain::kQuarter || in.unit == Grain::kYear);
      const bool today = in.kind == NodeKind::kRelDay && in.n == 0;
      if (cycle || today) {
        Node copy = in;  // memoised nodes are shared: modify a copy
        copy.clip = W(i, "earlier") ? -1 : 1;
        Longest({c.end, Add(copy), c.type}, &best);
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

// Words that begin an expression only as a prefix of what follows ("the", "on", "about"):
// none is an expression alone, so one that starts an expression is followed by a token
// some rule reads. When the next token is a word without a lexicon entry that the grammar
// never names (grammar_literals.h) and that does not go on a modifier or holiday phrase
// begun here, no expression starts at the prefix: "the army", "on behalf", "in response".
// The reference parse skips this gate; fast_parse_test.cc compares the two on every
// repository text.
namespace {
constexpr LitSet kPrefixOnly({"the", "in", "at", "on", "a", "an", "about", "around", "some", "by", "from", "after",
                              "before", "up", "over", "since", "for", "between", "within", "until", "till",
                              "through", "as", "no", "every", "each", "these", "this", "that", "just", "right",
                              "ever"});
}  // namespace

bool Parser::PrefixBlocked(int i) const {
  if (!IsW(i) || !kPrefixOnly.Contains(t_[i].hash)) return false;
  const int q = i + 1;
  if (q >= n_) return false;
  const Tok& next = t_[q];
  if (next.kind != TokKind::kWord || next.lex != nullptr || IsGrammarLiteral(next.hash)) return false;
  TimexMod mod;
  int e;
  if ((t_[i].flags & kLexModifierStart) && ModifierPhrase(i, &mod, &e)) return false;
  // A holiday name begun here ("the night journey") goes on with a word that starts with
  // the next token's (HolidayName joins "prophet's" into "prophets"); one-word names need
  // no next word.
  if (t_[i].flags & kLexHolidayStart) {
    if (const std::vector<Phrase>* list = lex_.HolidayNames(Low(i))) {
      const std::string_view w = Low(q);
      for (const Phrase& p : *list)
        if (p.words.size() < 2 || p.words[1].starts_with(w)) return false;
    }
  }
  return true;
}

void Parser::Run(std::vector<Expr>* out) {
  words_ = 0;
  for (const Tok& t : t_) words_ += t.kind != TokKind::kPunct;
  // A new epoch empties the memo tables; only when the counter wraps are they refilled.
  if (++ar_.epoch == 0) {
    std::fill(point_done_.begin(), point_done_.end(), 0u);
    std::fill(date_done_.begin(), date_done_.end(), 0u);
    for (CalMemo& c : cal_memo_) c.stamp = 0;
    ar_.epoch = 1;
  }
  epoch_ = ar_.epoch;
  if (point_memo_.size() < static_cast<size_t>(n_)) {
    point_memo_.resize(n_);
    point_done_.resize(n_, 0);
    date_memo_.resize(n_);
    date_done_.resize(n_, 0);
    cal_memo_.resize(n_);
  }
  void_.assign(n_ + 1, 0);
  // next_anchor_[i]: the first token at or after i that can hold an expression together:
  // a time word, an ordinal, a year-like number, or a number next to a time word or a
  // clock or date separator. Plain counts ("40 people", "five soldiers") are not anchors.
  constexpr uint32_t kTimeWord = kLexMonth | kLexWeekday | kLexUnit | kLexDayPart | kLexSeason | kLexTrigger;
  // Clipped units ("s", "m") count only glued to a number ("5m"), not in "the army's".
  auto time_word = [&](int k) {
    if (k < 0 || k >= n_ || !(t_[k].flags & kTimeWord)) return false;
    if ((t_[k].flags & kLexClipped) && !(t_[k].flags & (kTimeWord & ~kLexUnit)))
      return !t_[k].space_before && k > 0 && Num(k - 1);
    return true;
  };
  static constexpr LitSet kNumberCues({"at", "around", "about", "approximately", "until", "till", "by", "from",
                                        "between", "since", "before", "after", "o", "oclock", "h", "every", "each"});
  auto number_cue = [&](int k) {
    if (fast_) return (IsW(k) && kNumberCues.Contains(t_[k].hash)) || P(k, '@');
    return WAny(k, {"at", "around", "about", "approximately", "until", "till", "by", "from", "between", "since",
                    "before", "after", "o", "oclock", "h", "every", "each"}) ||
           P(k, '@');
  };
  next_anchor_.assign(n_ + 1, n_ + 100);
  for (int k = n_ - 1; k >= 0; --k) {
    const Tok& t = t_[k];
    bool anchor = time_word(k) || (t.flags & (kLexOrdinal | kLexVague | kLexHolidayAnchor));
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
    } else if ((t.flags & kLexCardinal) && !anchor) {
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
    bool can = t.kind == TokKind::kNumber || (t.kind == TokKind::kWord && (t.flags & kStartFlags)) ||
               (t.kind == TokKind::kPunct && (t.punct == '\'' || t.punct == '+' || t.punct == '-') && Num(i + 1) &&
                Glued(i + 1));
    // Every expression has a number or a time word within its first few tokens; starting
    // words ("the", "since") far from one cannot begin one.
    if (can && next_anchor_[i] > i + 5) can = false;
    if (can && fast_ && PrefixBlocked(i)) can = false;
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


void ParseExpressions(const Scan& scan, const Lexicon& lex, const TagOptions& opts, Arena* arena,
                      std::vector<Expr>* out) {
  Parser p(scan, lex, opts, arena);
  p.Run(out);
}

}  // namespace sitrep::time
