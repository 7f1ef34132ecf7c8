// Internal to cli/. What commands share: exit codes from statuses, opening the store,
// the JSON shapes of documents and ingest summaries, and plain-text tables.
//
// JSON output (--format json) is one JSON value on stdout, indented by two spaces, with
// fields in a fixed order. Offsets are UTF-8 byte offsets into the stored document text.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "report/records_json.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::cli {

using Json = nlohmann::ordered_json;

// kExitOk for ok; usage for InvalidArgument; bad input for BadInput and NotFound;
// internal for IoError and Internal.
int ExitCodeFor(const Status& st);

// Prints "sitrep: <message>" on io.err and returns ExitCodeFor(st).
int Fail(Io& io, const Status& st);

// Opens the store at `path` for a command that only reads: a missing file is NotFound
// ("no database at PATH; run 'sitrep ingest PATH...' first") instead of a new empty one.
Result<std::unique_ptr<Store>> OpenExistingStore(const std::string& path);

// Writes `j` indented by two spaces and a newline; invalid UTF-8 is replaced, never thrown.
void PrintJson(std::ostream& out, const Json& j);

// The date fields shared by `docs` and `show` (report/records_json.h).
using report::AddDateFields;

// One `docs` row: id, source, url, title, outlet, published (null when none), format,
// chars, sentences, dropped_lines, invalid_utf8, then the date fields.
Json DocumentSummaryJson(const DocumentSummary& d);

// `show`: the summary fields (sentences is the list, not the count), then metadata (an
// object), text (the cleaned text), dropped [{index, line, reason}], captions [string],
// sentences [{start, end, kind, text}].
Json DocumentJson(const Document& doc);

// The ingest summary: seen, stored, duplicates, rejected, bytes, seconds, rejections
// [{source, reason}], duplicate_ids [string], timings [{stage, documents, seconds}].
Json IngestSummaryJson(const IngestSummary& s, const std::vector<StageTiming>& timings);

// "ingest: seen 14 = stored 12 + duplicates 1 + rejected 1 (1.2 MB in 0.05 s)"
std::string AccountingLine(const IngestSummary& s);

// "512 B", "3.4 KB", "1.2 MB", "2.0 GB" (powers of 1000).
std::string HumanBytes(uint64_t bytes);

// `s` cut to at most `max` code points, ending in "…" when cut. Never splits a code point.
std::string Truncate(std::string_view s, size_t max);

// A plain-text table: columns padded to their widest cell (in code points), two spaces
// apart, a header row, no borders. Right-aligned columns are for numbers.
class Table {
 public:
  struct Column {
    std::string header;
    bool right = false;
  };
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  void Print(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// The `docs` table (also printed by `demo`): id, date, sentences, dropped, title, source.
void PrintDocumentsTable(std::ostream& out, const std::vector<DocumentSummary>& docs);

}  // namespace sitrep::cli
