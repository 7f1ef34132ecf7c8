// Internal to extract/ (the pipeline calls it). Events: what a sentence says happened, as
// a type of data/extract/ontology.tsv with its parties, place, time and status.
//
//   for (const Event& e : extract::FindEvents(**res, doc, mentions, timexes)) ...
//
// Per sentence, every trigger (triggers.tsv) is an event candidate. Parties come from the
// frame of the trigger (see docs/ONTOLOGY.md):
//   verb  active "X captured Y": agent X, target Y; passive "Y was captured by X",
//         "Y was driven out of Z by X": target Y, agent X; "X withdrew from Y": place Y
//   noun  "X's offensive", "Russian airstrikes on Y", "the recapture of Y by X"
//   fall  "Y fell to X", "Y is under the control of X": place Y, agent (gainer) X
//   lose  "X lost Y": agent X (the loser), place Y
// A party is the mention (actor, person, place) in that slot, else the capitalised words
// there, kept as text. A target that is a place is also the event's place; otherwise the
// place is the nearest place mention in the sentence.
//
// Time: the date or time expression of the sentence nearest the trigger (time_source
// "sentence"); else no date when the event spreads over the war or a long stretch of it
// ("no single date": "six weeks of fighting", "during the conflict"); else the document
// date ("document date"); else empty ("none"). recollect.h then dates some mentions by
// another mention of the same event ("same event").
//
// Status, first that applies: negated ("did not", "never"), planned ("will", "expected to",
// "plans to", "is about to"), attempted ("failed to", "attempt to", "tried to"),
// conditional ("if", "unless" before it), denied ("denied" in the sentence), background
// (its time ends more than 30 days before the document date, or a past perfect "had
// taken" with a date in the sentence), reported (a claimant in the sentence), asserted.
//
// Control triggers that are common verbs ("took", "lost", "advance") need a place or
// target to count; idioms ("took place", "take part") never count.
//
// Never fails; output is in text order. Thread-safe for calls sharing one Resources.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/claims.h"
#include "extract/resources.h"
#include "lexicon/mentions.h"
#include "sitrep/document.h"
#include "time/timex.h"

namespace sitrep::extract {

enum class EventStatus : uint8_t {
  kAsserted, kReported, kDenied, kPlanned, kAttempted, kConditional, kNegated, kBackground,
};
std::string_view StatusName(EventStatus s);  // "asserted", "reported", "denied", ...

struct Event {
  std::string document;        // Document::id
  uint32_t sentence = 0;       // index into Document::sentences
  Span trigger;                // the trigger words
  uint16_t type = 0;           // index into Resources::event_types()
  Frame frame = Frame::kVerb;
  Party agent;                 // who acts (for control_lost: who loses)
  Party target;                // what is acted on (a place, an actor, a thing)
  Party place;                 // where
  std::string instrument;      // instruments.tsv value ("aircraft", "drones"); empty when none
  std::string time;            // TIMEX3 value; empty when unknown
  Span time_span;              // the expression; empty when from the document date
  std::string time_source;     // "sentence", "document date", "same event", "no single date", "none"
  EventStatus status = EventStatus::kAsserted;
  Party claimed_by;            // who reports it in the sentence
  std::string reported_by;     // the outlet that publishes it (Document::outlet; may be empty)
  LineKind line_kind = LineKind::kBody;  // the sentence's kind: body, headline or caption
  std::string rule;            // "verb active", "verb passive", "fall", ...
};

std::vector<Event> FindEvents(const Resources& res, const Document& doc,
                              const std::vector<lexicon::Mention>& mentions,
                              const std::vector<time::DocumentTimex>& timexes);

}  // namespace sitrep::extract
