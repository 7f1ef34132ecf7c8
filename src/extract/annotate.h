// Internal to extract/ (the pipeline's extract stage and `sitrep eval` call it). The whole
// per-document extraction in one call, with its results attached to the document as the
// flat records of sitrep/record.h:
//
//   extract::Annotator a{res, lexicon, tagger};    // all three shared, read-only
//   extract::Annotate(a, doc);                     // fills doc.mentions, events, claims
//
// Steps: lexicon::FindMentions; time::TagDocument against the document date (doc.date
// from the time stage; unknown when empty); Extract (claims and events); then records:
// ids "<doc>:m<n>", ":e<n>", ":c<n>", parties resolved through their mentions (places with
// lat/lon), event dates reduced to ISO at a precision, and each claim linked to the event
// of its sentence it belongs to, taking that event's place and date (without an event,
// a bullet's place from the lead-in line its claimant came from, else the sentence's
// nearest place, and the sentence's time, else the document date).
//
// Needs doc.sentences (the text stage). Replaces whatever the three lists held (refilled
// in place: records already there keep their strings' buffers, so annotating a document
// again allocates little). Never fails; thread-safe for calls sharing one Annotator.
#pragma once

#include <string>
#include <utility>
#include <vector>
#include <string_view>

#include "extract/extract.h"
#include "extract/resources.h"
#include "lexicon/lexicon.h"
#include "sitrep/document.h"
#include "time/timex.h"

namespace sitrep::extract {

struct Annotator {
  const Resources* resources = nullptr;  // required
  const lexicon::Lexicon* lexicon = nullptr;  // nullptr: no mentions (parties stay text)
  const time::Tagger* tagger = nullptr;       // nullptr: no time expressions
};

void Annotate(const Annotator& a, Document& doc);

// The records of an extraction (the last step of Annotate, for callers that ran the steps
// themselves). `mentions` and `timexes` are those Extract was given.
void AttachRecords(const Resources& res, const std::vector<lexicon::Mention>& mentions,
                   const std::vector<time::DocumentTimex>& timexes, const Extraction& x,
                   Document& doc);

// A TIMEX3 value reduced to an ISO date and its precision: "2016-03-27T10:00" -> day,
// "2016-03" -> month, "2016-W12" -> the month of its Thursday, "2016-Q1"/"2016-SU"/"2016"
// -> year, a range "a/b" -> its start; underspecified ("XXXX-03-27"), durations, sets
// and references -> {"", kNone}.
std::pair<std::string, DatePrecision> TimexToDate(std::string_view value);
// The same date written into *date (reusing its buffer; "" when none), its precision
// returned: what the records use. TimexToDate is its obvious twin (annotate_speed_test.cc).
DatePrecision TimexToDateInto(std::string_view value, std::string* date);

}  // namespace sitrep::extract
