// Internal to report/ (the cli calls it). The HTML report and the exports.
//
//   report::ReportInput in{docs, events, claims, fusion};
//   auto html = report::RenderHtml(in, report::Assets::Load());
//
// RenderHtml returns one self-contained HTML page that works offline: the data as JSON
// inside a <script type="application/json">, and the scripts, styles and map outlines
// inlined from the npm packages scripts/setup-npm.sh installs under third_party/npm/. It
// shows a control timeline chart per place, a map of events, the story events with their
// sources, the claims table, the contradictions and the outlet comparison; every item links
// to its evidence sentences (anchors in the page's evidence list).
#pragma once

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
};

// The third-party files the page inlines, read once.
struct Assets {
  std::string d3_js;          // a charting library (npm)
  std::string topojson_js;    // topojson-client (npm)
  std::string world_topojson; // Natural Earth outlines (npm world-atlas)
  // Reads them from $SITREP_HOME/third_party/npm (else the source tree's). NotFound naming
  // the missing file and saying to run `make setup`.
  static Result<Assets> Load();
};

Result<std::string> RenderHtml(const ReportInput& in, const Assets& assets);

}  // namespace sitrep::report
