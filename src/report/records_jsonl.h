// Internal to report/ (`sitrep extract` calls it). The records of records_json.h written
// straight into a string as compact JSON, without building an nlohmann value first: the
// same bytes as `report::EventJson(e).dump(-1, ' ', false, error_handler_t::replace)` and
// its siblings, at a fraction of the cost (`sitrep extract` writes about ten bytes of
// JSON per byte of input).
//
//   std::string line;
//   report::AppendEventJson(event, "event", &line);   // {"record":"event","id":...}
//   line.push_back('\n');
//
// The nlohmann builders in records_json.h stay the reference: they decide the field
// names, their order and their types, and records_jsonl_test.cc checks that both write
// the same bytes (on the whole example corpus and on hostile strings). A field added
// there must be added here too; the test fails until it is.
//
// Strings: escaped as nlohmann escapes them without ensure_ascii ("\b \t \n \f \r \" \\",
// other bytes below 0x20 as "\u00xx", everything else as is). A string that is not valid
// UTF-8 (rare: ingest repairs text) is handed to nlohmann, so each invalid byte becomes
// U+FFFD exactly as the nlohmann path writes it. Numbers: integers in decimal; doubles
// through nlohmann's own shortest round-trip formatting ("34.56", "1.0", "1e+20"); a
// double that is not finite becomes null.
//
// All functions append to *out (never clear it) and never fail.
#pragma once

#include <string>
#include <string_view>

#include "report/records_json.h"
#include "sitrep/document.h"
#include "sitrep/record.h"

namespace sitrep::report {

// A JSON string: quotes, escapes and the invalid-UTF-8 handling described above.
void AppendJsonString(std::string_view s, std::string* out);
// A double as nlohmann writes it; "null" when not finite.
void AppendJsonDouble(double v, std::string* out);

// EntityJson(e) ("null" when e.empty()).
void AppendEntityJson(const EntityRef& e, std::string* out);

// MentionJson(m), EventJson(e), ClaimJson(c). A non-empty `record` puts
// "record": `record` first, as `sitrep extract` writes its lines; empty leaves it out.
void AppendMentionJson(const MentionRecord& m, std::string_view record, std::string* out);
void AppendEventJson(const EventRecord& e, std::string_view record, std::string* out);
void AppendClaimJson(const ClaimRecord& c, std::string_view record, std::string* out);

// The document line of `sitrep extract`: {record: "document", id, source, url, title,
// outlet, published, format, date, date_precision, date_source, date_confidence,
// date_evidence, date_conflicts: [{value, source, evidence, why}], sentences, mentions,
// events, claims, text (only `with_text`)}; url, outlet, published, date and
// date_evidence null when empty. DocumentRecordJson is the nlohmann twin.
Json DocumentRecordJson(const Document& doc, bool with_text);
void AppendDocumentRecord(const Document& doc, bool with_text, std::string* out);

// Everything `sitrep extract` writes for one document, each line ended by '\n': the
// document line, its mentions (only `mentions`), events and claims.
// ExtractLinesSlow builds the same text with nlohmann (for tests and benchmarks).
void AppendExtractLines(const Document& doc, bool mentions, bool with_text, std::string* out);
std::string ExtractLinesSlow(const Document& doc, bool mentions, bool with_text);

}  // namespace sitrep::report
