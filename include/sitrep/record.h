// The records the extract stage attaches to a Document and the store keeps: mentions of
// places, actors, people and sources; events; claims (numbers). They are flat values
// (no pointers into other structures) so that they can be stored, read back, sent as
// JSON and fused across documents without the stage that made them.
//
// Provenance: every record names its document, its sentence (index into
// Document::sentences), the byte span of its words in Document::text, and the rule that
// produced it. Ids are stable for a given document text and build: "<doc>:m<n>",
// "<doc>:e<n>", "<doc>:c<n>" with n the 0-based position in the document's list.
#pragma once

#include <cstdint>
#include <string>

#include "sitrep/basic.h"

namespace sitrep {

// Something a record points at: an actor, source, person or place, resolved to a lexicon
// or gazetteer entry when possible, else the words as written.
struct EntityRef {
  std::string text;     // the words as written in the document; empty when none
  Span span;            // those words in Document::text; empty when not from the text
  std::string id;       // resolved id ("6.ISIL", "GN:170899", "country:SY"); empty if unresolved
  std::string name;     // display name when resolved
  std::string kind;     // "actor", "source", "person", "place"; empty for plain text
  std::string country;  // ISO 3166 alpha-2 when known
  bool has_position = false;  // places: lat/lon are set
  double lat = 0, lon = 0;
  int precision = 0;    // places: 1 exact, 2 near or part of it, 3 region only; 0 unknown
  std::string how;      // the rule that found or resolved it ("said-subject", "gazetteer: ...")
  bool empty() const { return text.empty() && id.empty(); }
  // The best label to show: name when resolved, else text.
  const std::string& label() const { return name.empty() ? text : name; }
};

struct MentionRecord {
  std::string id;            // "<doc>:m<n>"
  std::string document;
  uint32_t sentence = 0;     // index into Document::sentences; UINT32_MAX when outside one
  EntityRef entity;          // entity.kind is always set; entity.id empty when unresolved
  std::string type;          // resolved type: "populated", "country", "non-state armed group", ...
  int32_t refers_to = -1;    // index (in the document's mentions) this one refers back to
};

// One event as one sentence of one document tells it (see docs/ONTOLOGY.md).
struct EventRecord {
  std::string id;          // "<doc>:e<n>"
  std::string document;
  uint32_t sentence = 0;
  Span span;               // the trigger words
  std::string trigger;     // the trigger words as written
  std::string type;        // ontology id: "control_gained", "air_strike", ...
  std::string status;      // asserted, reported, denied, planned, attempted, conditional,
                           // negated, background
  std::string frame;       // verb, noun, fall, lose
  std::string rule;        // "verb active", "verb passive", "fall", ...
  EntityRef agent;         // who acts (for control_lost: who loses)
  EntityRef target;        // what is acted on
  EntityRef place;         // where (resolved place with lat/lon when known)
  std::string instrument;  // "aircraft", "tanks", "drones", ...; empty when not stated
  // When: ISO 8601 at its precision ("2016-03-27", "2016-03", "2016"), or empty.
  std::string date;
  DatePrecision date_precision = DatePrecision::kNone;
  std::string timex;        // the TIMEX3 value it came from ("2016-03-27", "2016-W12", ...)
  Span time_span;           // the expression in the text; empty when from the document date
  std::string time_source;  // "sentence", "document date", "none"
  EntityRef claimed_by;     // who states it in the sentence (empty: the outlet itself)
  std::string reported_by;  // the outlet (Document::outlet; may be empty)
  LineKind line_kind = LineKind::kBody;
  std::string quote;        // the sentence's text (evidence to show)
};

// One number stated about the war.
struct ClaimRecord {
  std::string id;          // "<doc>:c<n>"
  std::string document;
  uint32_t sentence = 0;
  Span span;               // modifier, number and counted words
  Span number;             // the number words alone
  std::string kind;        // killed, wounded, missing, killed_or_missing, troops, people,
                           // strikes, missiles, tanks, bmps, guns, rocket_launchers,
                           // aircraft, territory_share, distance, ...
  std::string item;        // the counted noun as written ("tanks", "fighters"); may be empty
  std::string calibre;     // guns only
  double low = -1;         // -1: open
  double high = -1;        // -1: open
  double acled = -1;       // the single figure ACLED's conventions record; -1 when none
  std::string modifier;    // "at least", "around", ... as written (folded); empty when none
  std::string effect;      // "", "at_least", "more_than", "approx", "up_to", "at_most", "less_than"
  bool approx = false;     // the figure is approximate (a modifier or a vague word)
  bool vague = false;      // a quantity word without a number ("dozens")
  EntityRef about;         // the party counted
  EntityRef claimed_by;    // who states it (empty: the outlet itself)
  std::string reported_by; // the outlet
  EntityRef place;         // where, from its event or the sentence; may be empty
  std::string date;        // ISO at its precision, from its event, the sentence or the document
  DatePrecision date_precision = DatePrecision::kNone;
  std::string event;       // id of the event of the same sentence it belongs to; empty if none
  std::string rule;
  LineKind line_kind = LineKind::kBody;
  std::string quote;       // the sentence's text (evidence to show)
};

}  // namespace sitrep
