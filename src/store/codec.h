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

}  // namespace sitrep::store
