// Internal to report/ (the cli, `export` and the HTML report call it). The written forms of
// the per-document records (sitrep/record.h): JSON objects, plain CSV and ACLED-compatible
// CSV. One place decides the field names, their order and their types, so `events`,
// `claims`, `extract`, `explain` and `export` print the same shapes (docs/FORMATS.md,
// "Events and claims").
//
//   Json j = report::EventJson(event);               // one object, fields in a fixed order
//   report::WriteEventsCsv(out, events);             // header + one row per event
//   report::AcledMapping m = ...;                    // from data/extract/ontology.tsv
//   report::WriteAcledCsv(out, events, claims, m);   // ACLED columns
//
// Conventions (all functions):
// - Offsets (`start`, `end`) are UTF-8 byte offsets into the stored document text,
//   half-open. `sentence` is the index into the document's sentences.
// - An empty string becomes JSON null; an open bound of a claim (-1 in ClaimRecord) is
//   null; a whole number is written as an integer (120, not 120.0).
// - Nothing here fails or throws on odd records: invalid UTF-8 is the caller's to replace
//   when dumping (cli::PrintJson does); CSV fields are quoted as RFC 4180 says.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitrep/document.h"
#include "sitrep/record.h"

namespace sitrep::report {

using Json = nlohmann::ordered_json;

// ---- JSON -------------------------------------------------------------------------

// The date fields of a document, added to `j`: date, date_precision, date_source,
// date_confidence, date_evidence, date_conflicts [{value, source, evidence, why}]. An
// unknown date is null with precision and source "none". (Shared by the `docs`, `show` and
// `extract` outputs.)
void AddDateFields(const DocumentDate& date, Json& j);

// null when e.empty(); else {text, id, name, kind, country, lat, lon, precision, how,
// start, end}: strings null when empty; lat/lon null without a position; precision null
// when 0; start/end null when the entity has no span in the text.
Json EntityJson(const EntityRef& e);

// {id, doc, sentence, kind, type, entity: EntityJson, refers_to (index or null)}.
Json MentionJson(const MentionRecord& m);

// {id, type, status, agent, target, place, date, date_precision, doc, sentence, start,
//  end, rule, trigger, frame, instrument, timex, time_start, time_end, time_source,
//  claimed_by, reported_by, line_kind, quote}
// agent/target/place/claimed_by are EntityJson; start/end are the trigger's span;
// time_start/time_end the time expression's (null when from the document date).
Json EventJson(const EventRecord& e);

// {id, kind, low, high, approx, vague, acled, item, calibre, about, claimed_by,
//  reported_by, place, date, date_precision, event, doc, sentence, start, end,
//  number_start, number_end, modifier, effect, rule, line_kind, quote}
// low/high/acled null when open (-1); start/end the whole claim's span.
Json ClaimJson(const ClaimRecord& c);

// A number as JSON: an integer when whole, else a double; null when negative (open).
Json FigureJson(double v);

// ---- CSV --------------------------------------------------------------------------

// One RFC 4180 field: quoted (with inner quotes doubled) when it holds a comma, a quote,
// CR or LF, or starts or ends with a space; else as is.
std::string CsvField(std::string_view s);
// Fields joined by commas, ended by "\r\n" as RFC 4180 says.
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields);
// A number as CSV text: "" when negative (open), "120" when whole, else shortest form.
std::string CsvFigure(double v);

// Header then one row per event. Columns:
// id, type, status, agent, agent_id, target, target_id, place, place_id, latitude,
// longitude, date, date_precision, doc, sentence, start, end, rule, trigger, instrument,
// time_source, claimed_by, reported_by, quote. Entity columns hold label() and id.
void WriteEventsCsv(std::ostream& out, const std::vector<EventRecord>& events);
const std::vector<std::string>& EventsCsvColumns();

// Header then one row per claim. Columns:
// id, kind, low, high, approx, acled, modifier, item, about, about_id, claimed_by,
// claimed_by_id, reported_by, place, place_id, latitude, longitude, date, date_precision,
// event, doc, sentence, start, end, rule, quote.
void WriteClaimsCsv(std::ostream& out, const std::vector<ClaimRecord>& claims);
const std::vector<std::string>& ClaimsCsvColumns();

// ---- ACLED ------------------------------------------------------------------------

// How our event types become ACLED's. Fill `types` from data/extract/ontology.tsv
// (extract::Resources::event_types(): acled_event_type and acled_sub_event_type, with
// alternatives split on '|'); `state_actors` with the ids of actors that are a state's
// (government or its forces; see AddStateActors).
struct AcledType {
  std::vector<std::string> event_types;      // alternatives, as in the ontology
  std::vector<std::string> sub_event_types;  // alternatives, as in the ontology
};
struct AcledMapping {
  std::map<std::string, AcledType, std::less<>> types;  // by ontology id
  std::set<std::string, std::less<>> state_actors;       // actor ids of state parties
  // Adds one ontology row; `event_types` and `sub_event_types` are '|'-separated.
  void Add(std::string_view type_id, std::string_view event_types,
           std::string_view sub_event_types);
  // Whether `e` is a state's: its id is in state_actors, or starts with "forces:" or
  // "gov:" (the lexicon's generated state actors).
  bool IsState(const EntityRef& e) const;
};

// Adds to m.state_actors the ids of actor mentions whose type is "state armed forces" or
// "government".
void AddStateActors(const std::vector<MentionRecord>& mentions, AcledMapping& m);

// The ACLED columns, in order: event_date, event_type, sub_event_type, actor1, actor2,
// location, latitude, longitude, geo_precision, time_precision, source, notes, fatalities.
const std::vector<std::string>& AcledColumns();

// The ACLED event and sub-event type of one event: the sub-event type is chosen among the
// ontology's alternatives (territory: "Government regains territory" when the gaining
// party is a state's, else "Non-state actor overtakes territory", where for control_lost
// the gaining party is the other side of the agent; bombings: "Suicide bomb" when the
// trigger or quote says suicide, else the next; killings: "Armed clash" when the target is
// an actor, else "Attack"; otherwise the first); the event type is the one ACLED's codebook
// files that sub-event type under when it is among the alternatives, else the first.
// Both empty when the type is not in the mapping.
std::pair<std::string, std::string> AcledTypeOf(const EventRecord& e, const AcledMapping& m);

// Fatalities ACLED would record for `event_id`: the claims of kind "killed" linked to it
// (ClaimRecord::event), each counted by its ACLED figure, else its low; claims about the
// same party (about.label()) keep the smallest (ACLED's most conservative report), and the
// parties are summed. 0 when none.
int64_t AcledFatalities(std::string_view event_id, const std::vector<ClaimRecord>& claims);

struct AcledSummary {
  uint64_t written = 0;
  uint64_t undated = 0;      // left out: no date, or a year only
  uint64_t not_occurred = 0; // left out: status planned, conditional, negated or denied
  uint64_t untyped = 0;      // left out: the type is not in the mapping
};

// Header then one row per event that ACLED would code:
// - event_date: ISO YYYY-MM-DD; an event dated by an ISO week (its timex "2016-W12") is
//   written as that week's Thursday, a month-precision date as the 15th;
// - time_precision: 1 for a day, 2 for a week, 3 for a month (ACLED's "month known");
//   events dated only to a year, or not at all, are left out;
// - actor1 = agent, actor2 = target unless the target is a place (labels);
// - location, latitude, longitude, geo_precision (1 exact, 2 near or part of, 3 region)
//   from the place; empty when unknown;
// - source: the outlet, then "; " and the claimant when the sentence names one;
// - notes: the sentence, then " [sitrep ID, STATUS]";
// - fatalities: AcledFatalities.
// Events whose status says they did not happen (planned, conditional, negated, denied)
// are left out. `claims` may hold claims of any documents.
AcledSummary WriteAcledCsv(std::ostream& out, const std::vector<EventRecord>& events,
                           const std::vector<ClaimRecord>& claims, const AcledMapping& m);

}  // namespace sitrep::report
