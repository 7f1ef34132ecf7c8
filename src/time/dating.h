// Document dating: when was this document written?
//
// Evidence, strongest first (DateSource order): metadata given at ingest
// (Document::published), a dateline ("BEIRUT, March 27 -"), a byline or timestamp line
// ("March 1, 2017 at 1:01 pm"), the dates in the body, and other documents that report
// the same events (added by the caller, e.g. fusion). Each piece becomes a CandidateDate;
// candidates the body contradicts are rejected with a reason (a page clock years after
// every date the body mentions, a timestamp before an event the body reports as past),
// and the strongest survivor becomes Document::date. Every rejected candidate that
// disagrees with the choice is kept in DocumentDate::conflicts with why.
//
//   DatingOptions opts;
//   opts.tagger = tagger.get();  // or leave null for DefaultTagger()
//   opts.clock = clock;          // optional upper bound ("today")
//   DateDocument(doc, opts);
//
// Fusion adds cross-document evidence later: collect, append, choose again.
//
//   BodyEvidence ev = ReadBodyEvidence(doc, *DefaultTagger());
//   auto cands = CollectDateCandidates(doc, ev, opts);
//   cands.push_back({"2016-12-11", DatePrecision::kDay, DateSource::kCrossDocument, 0.5,
//                    "3 other reports of the same events", "cross-document"});
//   doc.date = ChooseDate(cands, ev);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "time/timex.h"

namespace sitrep::time {

// One piece of evidence for a document's date.
struct CandidateDate {
  std::string value;  // ISO 8601 at its precision: "2016-12-11", "2016-12", "2016"
  DatePrecision precision = DatePrecision::kNone;
  DateSource source = DateSource::kNone;
  double confidence = 0;  // 0..1: how far this evidence alone fixes the date
  std::string evidence;   // the text it rests on
  std::string how;        // how it was read ("dateline; year from weekday agreement", ...)
  std::string rejected;   // non-empty when the body contradicts it: why
  bool furniture = false;  // a page clock or copyright line rather than the article's own
};

// What the body itself says about when it was written: the latest date it states as past
// (captions count, with a note), whether it speaks of recent days without years
// ("on Sunday", "on December 8"), and weekdays it names in its lead.
struct BodyEvidence {
  bool has_latest = false;
  DateTime latest_begin = 0;     // start of the latest past date stated with a year
  std::string latest_value;      // its ISO value
  std::string latest_text;       // the words
  Grain latest_grain = Grain::kNone;
  bool latest_in_caption = false;
  bool latest_year_written_in_body = false;  // e.g. "in May 2015" in running text
  bool yearless_past_dates = false;          // "in August", "on December 8" (past tense)
  bool recent_markers = false;               // yearless dates or past weekdays ("on Sunday")
  std::vector<int> lead_weekdays;            // weekdays named in past tense in the first sentences
  // Yearless month-day dates the body states (month, day), for corroborating a month.
  std::vector<std::pair<int, int>> yearless_days;
  // Dates whose weekday the text states ("Sunday, March 27") without a year.
  struct WeekdayDate {
    int month = 0, day = 0, weekday = 0;
    std::string text;
  };
  std::vector<WeekdayDate> weekday_dates;
};

struct DatingOptions {
  // The tagger that reads the text; nullptr = DefaultTagger(). Not owned.
  const Tagger* tagger = nullptr;
  // "Now": no date after it is believed. `now` in seconds since the epoch wins when set;
  // else `clock` when set; else there is no upper bound. Neither is owned.
  int64_t now = 0;
  const Clock* clock = nullptr;
  // A page clock (a timestamp line with a time zone, or before the headline) is believed
  // only when the body's latest stated date is at most this many days before it.
  int max_clock_gap_days = 400;
  // Extra evidence from other documents (source kCrossDocument), weighed with the rest.
  std::vector<CandidateDate> extra;
};

// Reads the body evidence (tags headline, body and caption sentences; needs doc.sentences).
BodyEvidence ReadBodyEvidence(const Document& doc, const Tagger& tagger);

// All candidates from metadata, datelines, byline/timestamp/clock lines (dropped lines
// included) and the body estimate, each checked against `ev` (rejected set when
// contradicted), plus opts.extra.
std::vector<CandidateDate> CollectDateCandidates(const Document& doc, const BodyEvidence& ev,
                                                 const DatingOptions& opts);

// The strongest candidate that is not rejected (by source, then confidence); every
// candidate that disagrees with it becomes a conflict. Empty value and kNone when there is
// no usable candidate.
DocumentDate ChooseDate(const std::vector<CandidateDate>& candidates, const BodyEvidence& ev);

// Fills doc.date. Never fails: a document with no evidence (or no usable tagger) gets
// source kNone and an empty value.
void DateDocument(Document& doc, const DatingOptions& opts);

// A process-wide tagger loaded once from Tagger::DefaultDataDir(); nullptr when the word
// lists cannot be read. Thread-safe; the tagger lives until exit.
const Tagger* DefaultTagger();

}  // namespace sitrep::time
