// The temporal tagger: finds time expressions in a sentence and normalises each one
// against a reference time, following TIMEX3 (TimeML) and ISO 8601 conventions.
//
//   auto tagger = sitrep::time::Tagger::LoadDefault();   // once; compiles the lexicons
//   Reference ref = Reference::DocumentDate(2016, 12, 12);
//   for (const Timex& t : (*tagger)->Tag("IS retook Palmyra on Sunday.", ref, {}))
//     ...  // t.value == "2016-12-11", t.grain == Grain::kDay, t.anchor says "document date"
//
// Values: dates at day, week, month, quarter, season, year, decade or century grain
// ("2016-12-11", "2016-W49", "2016-03", "2016-Q1", "2016-SU", "2016", "201", "20"), times
// ("2016-12-11T14:30", "2016-12-11TNI"), ranges ("2013-07-13/2013-07-15", both ends at
// the grain, inclusive), durations ("P3M", "PT2H"), sets ("XXXX-WXX-1", "P1D") and the
// references PRESENT_REF, PAST_REF, FUTURE_REF. What the reference does not fix stays
// underspecified with X's ("XXXX-03-27", "XXXX-WXX-7").
//
// Relative expressions, as decided for news text (tests/data/time/tagger_cases.tsv):
//  - "earlier this year" / "earlier this month" / "earlier this week" / "earlier today":
//    the value names the period ("2016", "2016-12"); the interval is the part of it before
//    the reference: [2016-01-01, 2016-12-12) for a document dated 2016-12-12 (its own day
//    excluded: that is "today"), split at the instant for a full time. "later this year"
//    is the part after. The span includes "earlier"/"later".
//  - "last March" read on 2016-12-12 is the latest March before: 2016-03 (read on
//    2016-02-10 it is 2015-03). "two weeks ago", "four days ago" are days counted back from
//    the reference; "days ago", "hours earlier", "a few days before" are the same with mod
//    APPROX (a bare plural counts as two). "hours earlier" / "a day later" count from the
//    expression before when there is one, else from the reference; "a few days before the
//    truce" (before an event, not a date) is a duration (P3D).
//  - A reference (or an earlier expression) known only to the month or year bounds what
//    counts from it: "Sunday", "yesterday", "last week", "two weeks ago", "hours earlier"
//    against "2016-12" are 2016-12 with mod APPROX, never the month before because a month
//    counts from its first day. Only a step at least as long as that period leaves it:
//    "last month" is 2016-11, "six weeks ago" 2016-11 APPROX, "last year" 2015.
//  - A weekday next to a date ("Saturday, the first") takes the weekday's month when the
//    month the direction picks or one either side agrees; otherwise the stated date in the
//    month the direction picks (news style; assistant style keeps searching ahead).
//  - "the fall of" followed by anything but a time ("the fall of Ramadi") is no season.
//
// Threads: a Tagger is immutable after loading; Tag() is const and may be called from
// many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/env.h"
#include "sitrep/status.h"
#include "time/civil.h"

namespace sitrep::time {

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

// The precision of a value, finest first.
enum class Grain : uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kPartOfDay,  // morning, afternoon, evening, night ("TMO", "TNI")
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kSeason,
  kYear,
  kDecade,
  kCentury,
};
std::string_view GrainName(Grain g);  // "none", "second", ..., "part_of_day", "day", ...

// TIMEX3 modifiers. Approximation and bounds on a quantity (APPROX .. EQUAL_OR_MORE),
// a part of a period (START, MID, END) and open ends (BEFORE .. ON_OR_AFTER).
enum class TimexMod : uint8_t {
  kNone,
  kApprox,       // about, around, roughly, nearly, almost
  kLessThan,     // less than, under
  kMoreThan,     // over, more than
  kEqualOrLess,  // at most, no more than
  kEqualOrMore,  // at least
  kStart,        // early, the beginning of
  kMid,          // mid, the middle of
  kEnd,          // late, the end of
  kBefore,       // before
  kAfter,        // after
  kOnOrBefore,   // until, through, by
  kOnOrAfter,    // since, from
};
std::string_view TimexModName(TimexMod m);  // "" for kNone, else "APPROX", "MORE_THAN", ...

// Which way an open interval extends ("since 2014" is open after its start).
enum class Bound : uint8_t { kNone, kBefore, kAfter, kOnOrBefore, kOnOrAfter };

// What a value was resolved against.
enum class AnchorKind : uint8_t {
  kNone,                // absolute: needed no anchor ("March 27, 2016")
  kReference,           // the reference time given by the caller (e.g. `--ref`)
  kDocumentDate,        // the document's date
  kPreviousExpression,  // an earlier expression ("a day later", "hours earlier")
};

struct Anchor {
  AnchorKind kind = AnchorKind::kNone;
  std::string value;    // TIMEX3 value of the anchor; empty for kNone
  uint32_t offset = 0;  // kPreviousExpression: start offset of that expression, in the
                        // coordinates of the text it came from (sentence or document)
  // "document date 2016-12-12", "previous expression at offset 40 (2016-12-11)",
  // "reference 2013-02-12T04:30", "none".
  std::string Describe() const;
};

// Tense (and so direction) the tagger read around an expression.
enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };

// A resolved span of time: [begin, end) in naive local seconds (see civil.h).
struct Interval {
  DateTime begin = 0;
  DateTime end = 0;
  bool valid() const { return end > begin; }
};

// The calendar fields an expression states literally (-1 = not stated), before
// resolution; document dating reads them ("March 27" with "Sunday" pins the year).
struct StatedFields {
  int year = -1, month = -1, day = -1, weekday = -1;  // weekday 1 = Monday .. 7 = Sunday
  int hour = -1, minute = -1;
};

struct Timex {
  Span span;  // byte offsets into the text passed to Tag() (or the document for TagDocument)
  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3 value, see the top of this file
  Grain grain = Grain::kNone;
  TimexMod mod = TimexMod::kNone;
  Bound bound = Bound::kNone;
  Interval interval;  // resolved time; invalid when the value is underspecified or a set
  Anchor anchor;      // what the value was resolved against
  Tense tense = Tense::kUnknown;  // tense read around it (kUnknown when not needed)
  StatedFields stated;
  bool relative = false;  // the value depends on the anchor (not absolute)
};

// The time expressions resolve against: normally the document's date.
struct Reference {
  DateTime time = 0;
  // How much of `time` is known: kSecond for a full instant, kDay for a document date,
  // kMonth or kYear for a vague one, kNone when nothing is known (then only absolute
  // expressions get full values).
  Grain precision = Grain::kNone;
  AnchorKind kind = AnchorKind::kReference;  // or kDocumentDate

  // The latest expression earlier in the text, for "a day later" / "hours earlier";
  // TagDocument keeps it up to date. Unset when previous_grain == kNone.
  Interval previous;
  Grain previous_grain = Grain::kNone;
  std::string previous_value;
  uint32_t previous_offset = 0;

  // Added to every span and offset Tag() reports: a caller tagging a sentence that starts
  // at byte 120 of a document passes 120 and gets document coordinates.
  uint32_t span_offset = 0;

  bool known() const { return precision != Grain::kNone; }
  // The reference's own TIMEX3 value at its precision ("2016-12-12"); "" when unknown.
  std::string Value() const;
  static Reference Instant(DateTime t, AnchorKind kind = AnchorKind::kReference);
  static Reference DocumentDate(int year, int month, int day);
  static Reference Unknown();
  // Accepts "2016", "2016-12", "2016-12-11", "2016-12-11T04:30[:00][Z|+01:00]": precision year,
  // month, day or second by the form given.
  static Result<Reference> Parse(std::string_view iso, AnchorKind kind = AnchorKind::kReference);
};

enum class NumericDateOrder : uint8_t { kMonthFirst, kDayFirst };

struct TagOptions {
  // Assistant style: every underspecified expression looks forward ("monday" is the next
  // Monday), ignoring tense. Default false: news style, direction follows tense and
  // prefers the past when the clause gives no cue.
  bool forward = false;
  // Ignore tense and pick the candidate nearest to the reference (either side).
  // `forward` wins when both are set.
  bool nearest = false;
  // 01/02/2016: January 2 (kMonthFirst, default) or February 1 (kDayFirst). An order
  // that gives an invalid date falls back to the other.
  NumericDateOrder numeric_order = NumericDateOrder::kMonthFirst;
  // Formal expressions only: no bare weekdays, casual words or clipped units ("5m ago").
  bool strict = false;
  // Also read ambiguous bare material as time: bare years ("1974"), bare hours ("at 7"
  // stays tagged either way), part-of-day words alone, "the 24".
  bool latent = false;
  // Which types to emit (bit 1 << TimexType). Default all.
  uint8_t types = 0x0f;
  // Skip the cheap pre-filter (for tests that compare with and without it).
  bool skip_prefilter = false;
  // Parse the slow, obvious way: every rule re-read at every position, no per-sentence
  // memo tables beyond the point memos, no precomputed token classes. The output is the
  // same; tests compare the two (tagger_test.cc).
  bool reference_parse = false;
};

class Lexicon;

class Tagger {
 public:
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Reads the word lists in `data_dir` (months.txt, weekdays.txt, ...; see data/time/).
  // Fails with NotFound/BadInput naming the file and line when one is missing or malformed.
  static Result<std::unique_ptr<Tagger>> Load(const FileSystem& fs, const std::string& data_dir);
  // Load() from SitrepHome() + "/data/time" ($SITREP_HOME, else the source tree).
  static Result<std::unique_ptr<Tagger>> LoadDefault();
  // The directory LoadDefault() reads.
  static std::string DefaultDataDir();

  // The expressions in `sentence`, left to right, non-overlapping, with spans relative to
  // `sentence`. Never fails: text it cannot read yields no expression. Sentences of any
  // length are accepted; cost is linear in length.
  std::vector<Timex> Tag(std::string_view sentence, const Reference& ref, const TagOptions& opts) const;

  // The pre-filter: false when `text` has no digit and no word that can start or anchor a
  // time expression, in which case Tag() returns nothing. Costs about one pass over bytes.
  bool MayContainTime(std::string_view text) const;

 private:
  explicit Tagger(std::unique_ptr<Lexicon> lex);
  std::unique_ptr<Lexicon> lex_;
};

// A timex found in a document.
struct DocumentTimex {
  uint32_t sentence = 0;  // index into Document::sentences
  Timex timex;            // span in Document::text coordinates
};

// Tags every sentence of `doc` (headline, body and caption kinds) against `ref`, in order.
// Within a sentence "hours earlier" counts from the expression before it; across
// sentences "a day later" counts from the latest point in time the previous body sentence
// reached. Captions and headlines are tagged but never become that anchor. Spans are in
// document coordinates.
std::vector<DocumentTimex> TagDocument(const Tagger& tagger, const Document& doc, const Reference& ref,
                                       const TagOptions& opts);

}  // namespace sitrep::time
