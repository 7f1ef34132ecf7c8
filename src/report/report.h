// Internal to report/ (the cli calls it). The HTML report and the exports.
//
//   auto in = report::LoadReportInput(store, "2030-01-02T03:04:05Z");  // reads and fuses
//   auto assets = report::Assets::Load();
//   auto html = report::RenderHtml(*in, *assets);
//
// RenderHtml returns one self-contained HTML page that works offline: the data as JSON
// inside a <script type="application/json">, and the scripts, styles and map outlines
// inlined from the npm packages scripts/setup-npm.sh installs under third_party/npm/. It
// shows a control timeline chart per place, a map of events, the story events with their
// sources, the claims table, the contradictions and the outlet comparison; every item links
// to its evidence sentences (anchors in the page's evidence list).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fuse/fuse.h"
#include "sitrep/record.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::report {

struct ReportInput {
  std::vector<DocumentSummary> docs;
  std::vector<EventRecord> events;
  std::vector<ClaimRecord> claims;
  fuse::Fusion fusion;
  std::string generated_at;  // ISO timestamp from the caller's clock (tests pin it)
  // Optional: the sentence spans of each document (doc id -> Document::sentences' spans),
  // so the evidence list highlights exactly the span of a record inside its sentence.
  // Without them the highlight falls back to finding the record's words in the quote.
  std::map<std::string, std::vector<Span>> sentences;
};

// Everything the page shows, from the store: the documents, every event and claim, their
// fusion (LoadFuseInput + fuse::Fuse) and the sentence spans of every document. Fails only
// when the store does.
Result<ReportInput> LoadReportInput(Store& store, std::string generated_at);

// The files the page inlines, read once: third-party scripts and map data from npm, and
// sitrep's own script and style sheet (data/report/, read at run time so they can be
// edited without rebuilding).
struct Assets {
  std::string d3_js;          // d3 (npm d3, dist/d3.min.js)
  std::string topojson_js;    // topojson-client (npm, dist/topojson-client.min.js)
  std::string world_topojson; // Natural Earth outlines (npm world-atlas, countries-50m.json)
  std::string report_js;      // data/report/report.js
  std::string report_css;     // data/report/report.css
  // Reads the npm files from SitrepHome()/third_party/npm/node_modules/ (falling back to
  // the source tree's when SITREP_HOME points elsewhere) and ours from
  // SitrepHome()/data/report/. NotFound naming the missing file and, for the npm ones,
  // saying to run `make setup`.
  static Result<Assets> Load();
};

// The page. Every string from the data is escaped (the data travels as JSON in a
// <script type="application/json"> with "</" written "<\/"; the page's script inserts it
// as text, never as markup). Empty input gives a page that says "no events", "no claims",
// and so on. Fails only when an asset is empty (Internal).
Result<std::string> RenderHtml(const ReportInput& in, const Assets& assets);

}  // namespace sitrep::report
