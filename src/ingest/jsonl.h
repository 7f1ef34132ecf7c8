// Internal to ingest/. Parsing one JSON Lines record.
//
// A record is a JSON object on one line. Known fields: "id" (string or number), "url",
// "title", "published", "outlet" (strings; numbers are kept as their JSON text, null
// counts as absent; any other type moves the field to `metadata`), and "text" / "html"
// (strings). Every other field is kept in `metadata` as (name, minified JSON text of the
// value), in input order. When a known field appears twice the first one wins and the
// rest go to `metadata`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "sitrep/status.h"

namespace sitrep::ingest {

struct JsonRecord {
  std::string id, url, title, published, outlet;
  std::string text, html;
  bool has_text = false;
  bool has_html = false;
  std::vector<std::pair<std::string, std::string>> metadata;
  uint32_t invalid_utf8 = 0;  // invalid UTF-8 sequences in the line, replaced before parsing
};

// Reuses one simdjson parser and one padded buffer across records; not thread-safe.
class JsonLinesParser {
 public:
  // Parses `line` (without its line break) into `*record`. Invalid UTF-8 is replaced by
  // U+FFFD first (and counted). Fails with BadInput saying what is wrong ("malformed
  // JSON: ...", "expected a JSON object, found an array", "field \"id\" must be a string
  // or a number, found an object"); the caller adds the line number.
  Status Parse(std::string_view line, JsonRecord* record);

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;  // the line, with SIMDJSON_PADDING bytes of capacity after it
};

}  // namespace sitrep::ingest
