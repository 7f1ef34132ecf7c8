// Internal to store/. How model values become column values and back.
//
// Enums are stored by name (the names document.h prints) so the database reads well in
// the sqlite3 shell; unknown names (a newer writer, a hand edit) decode to the default.
// Metadata is a JSON object {name: value, ...} in input order with each value's JSON text
// kept as given when it is valid JSON (else stored as a JSON string); date conflicts are a
// JSON array of {value, source, evidence, why}.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/record.h"

namespace sitrep::store {

std::string_view LineHintName(LineHint h);  // "none", "heading", "caption", ...
LineHint ParseLineHint(std::string_view name);
LineKind ParseLineKind(std::string_view name);
InputFormat ParseInputFormat(std::string_view name);
DateSource ParseDateSource(std::string_view name);
DatePrecision ParseDatePrecision(std::string_view name);

std::string MetadataToJson(const std::vector<std::pair<std::string, std::string>>& metadata);
// Values come back as compact JSON text (so "1.50" may come back as "1.5"). Malformed
// text decodes to no metadata.
std::vector<std::pair<std::string, std::string>> MetadataFromJson(std::string_view json);

std::string ConflictsToJson(const std::vector<DateConflict>& conflicts);
std::vector<DateConflict> ConflictsFromJson(std::string_view json);

// The parts of an EntityRef that have no column of their own (everything but text, id and
// name): compact JSON {"s":start,"e":end,"kind":..,"country":..,"lat":..,"lon":..,
// "precision":..,"how":..} with default values left out ("" for an empty reference).
// Doubles round-trip exactly. Without `span_and_kind`, "s", "e" and "kind" are left out
// (for tables that have columns for them).
std::string EntityRestToJson(const EntityRef& e, bool span_and_kind = true);
// The same appended to `out` (which a caller reuses row after row to avoid allocating).
void AppendEntityRestJson(std::string& out, const EntityRef& e, bool span_and_kind = true);
// Fills those fields of `e` from EntityRestToJson text; malformed text leaves them default.
// A small reader for the flat objects we write, falling back to the full JSON parser for
// anything else (\u escapes, hand edits).
void EntityRestFromJson(std::string_view json, EntityRef& e);
// The same with the full JSON parser only (the slow obvious version; tests compare them).
void EntityRestFromJsonSlow(std::string_view json, EntityRef& e);

// A MinHash signature as a BLOB: the values as 4-byte little-endian integers.
std::string SignatureToBlob(const std::vector<uint32_t>& signature);
// The inverse; a trailing partial value is ignored.
std::vector<uint32_t> SignatureFromBlob(std::string_view blob);

}  // namespace sitrep::store
