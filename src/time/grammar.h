// Internal to time/. The parse of a time expression: a small tree of Nodes that says
// what the text means before it is resolved against a reference. grammar.cc builds it
// from tokens (one rule per form of expression); resolve.cc turns it into a value.
//
// Example: "late last year" is Part(END, Cycle(year, -1)); "three days after Easter" is
// Shift(+3 days, Holiday(easter)); "Sunday, March 27" is Fields{weekday 7, month 3, day 27}.
#pragma once

#include <climits>
#include <cstdint>
#include <vector>

#include "time/scanner.h"
#include "time/timex.h"

namespace sitrep::time {

constexpr int kUnset = INT_MIN;

// Calendar and clock fields; kUnset when absent. All that is set must hold at once.
struct Fields {
  int year = kUnset;
  int month = kUnset;    // 1..12
  int day = kUnset;      // 1..31
  int weekday = kUnset;  // 1..7
  int hour = kUnset;     // 0..23
  int minute = kUnset;
  int second = kUnset;
  int quarter = kUnset;  // 1..4
  int season = kUnset;   // index into Lexicon::seasons()
  int day_part = kUnset; // index into Lexicon::day_parts()
  int decade = kUnset;   // 199 for the 1990s
  int century = kUnset;  // 19 for the 1900s (TIMEX3 "19")
  int iso_week = kUnset; // 1..53 with year
  bool hour12 = false;   // hour read on a 12-hour clock without am/pm ("at 3")
  bool weekend = false;  // Saturday and Sunday of a week

  bool Has(int v) const { return v != kUnset; }
  bool Empty() const;
  bool HasDate() const { return year != kUnset || month != kUnset || day != kUnset || weekday != kUnset; }
  bool HasTime() const { return hour != kUnset; }
  // The finest grain set.
  Grain Finest() const;
};

enum class NodeKind : uint8_t {
  kFields,        // f, searched for in the direction of the clause
  kRelDay,        // the reference day shifted by n days (today, yesterday, tomorrow)
  kNow,           // the reference instant
  kRefWord,       // n = -1 PAST_REF, 0 PRESENT_REF, +1 FUTURE_REF
  kCycle,         // the `unit` period containing the anchor, shifted by n (this/last/next week)
  kCycleSpan,     // n whole `unit` periods before (n < 0) or after the anchor's: "last 2 weeks"
  kShift,         // child a (or the anchor when a < 0) shifted by n `unit`s
  kHoliday,       // holiday `holiday`; f.year when stated; n = -1 last, +1 next, 0 per tense
  kNthWeekdayOf,  // n-th (n < 0: from the end) f.weekday within child a
  kNthDayOf,      // n-th day (n < 0: from the end) within child a
  kNthWeekOf,     // n-th week (n < 0: from the end) within child a
  kNthWeekdayFrom,// n-th f.weekday after (n > 0) or before (n < 0) child a (or the anchor)
  kWeekOf,        // the week containing child a (Sunday-based, reported by its Monday)
  kClosest,       // the n-th (1-based) occurrence of child a closest to child b
  kIntersect,     // fields f inside the period of child a ("20 of next month")
  kPart,          // mod (START/MID/END) part of child a
  kRange,         // from child a to child b
  kOpen,          // child a with `bound` (since, until, before, after)
  kDuration,      // n `unit`s (value P..); `frac` holds sub-unit seconds ("2.5 hours")
  kSet,           // every child a, or every `unit` (n = interval)
};

// Where a relative expression counts from.
enum class AnchorPref : uint8_t {
  kSpeech,     // the reference: "three days ago", "tomorrow"
  kNarrative,  // the previous expression when there is one: "a day later", "the following week"
};

struct Node {
  NodeKind kind = NodeKind::kFields;
  Fields f;
  int n = 0;
  Grain unit = Grain::kNone;
  int a = -1, b = -1;  // child nodes
  TimexMod mod = TimexMod::kNone;
  Bound bound = Bound::kNone;
  AnchorPref anchor = AnchorPref::kSpeech;
  bool approx = false;   // vague quantity ("a few days", "hours earlier")
  bool vague_n = false;  // quantity unknown ("for days", "hours earlier"): value uses X
  int holiday = -1;
  int8_t explicit_dir = 0;  // fields: -1 "last", +1 "next", +2 "after next", 3 "this"
  int64_t extra_seconds = 0;  // kDuration/kShift: added seconds ("and a half")
  bool upcoming = false;      // kCycle from "upcoming N units" (Duckling's reading)
  bool in_form = false;       // kShift from "in 5 days": a point ahead, or a duration in past tense
  bool week_sunday = false;   // kCycle week counted Sunday..Saturday
  // kCycle (n = 0) and kRelDay (n = 0) from "earlier this year" (-1) or "later this
  // month" (+1): only the part of the period before (after) the reference.
  int8_t clip = 0;
};

// One expression found in a sentence.
struct Expr {
  uint32_t tok_begin = 0, tok_end = 0;  // [begin, end) token indices
  int node = -1;
  TimexType type = TimexType::kDate;
  bool needs_tense = false;  // direction depends on the clause
};

// A parse result kept per token position while parsing one sentence.
struct Memo {
  int end = -1;
  int node = -1;
  TimexType type = TimexType::kDate;
};

// A calendar date read at one token position (Parser::CalDate), kept so the several
// rules that try the same position read it once.
struct CalMemo {
  uint32_t stamp = 0;  // Arena::epoch of the sentence it was read in
  int end = -1;
  Fields f;
};

// The per-sentence workspace: parse nodes and the parser's scratch, reused between calls.
struct Arena {
  std::vector<Node> nodes;
  // Memo tables indexed by token, valid where their stamp equals `epoch` (one per
  // sentence): a new sentence invalidates them without refilling them.
  uint32_t epoch = 0;
  std::vector<Memo> point_memo, date_memo;
  std::vector<uint32_t> point_done, date_done;
  std::vector<char> void_tokens;
  std::vector<int> next_anchor;
  std::vector<CalMemo> cal_memo;
  int Add(const Node& n) {
    nodes.push_back(n);
    return static_cast<int>(nodes.size()) - 1;
  }
  Node& operator[](int i) { return nodes[i]; }
  const Node& operator[](int i) const { return nodes[i]; }
};

// Finds the expressions in `scan`, left to right, non-overlapping.
void ParseExpressions(const Scan& scan, const Lexicon& lex, const TagOptions& opts, Arena* arena,
                      std::vector<Expr>* out);

}  // namespace sitrep::time
