// Internal to report/. The pieces of RenderHtml (report.h), apart so tests can render a
// page from a hand-written data file and check the escaping on its own.
//
// The page embeds one JSON value, the "report data" (data/report/report.js reads it):
//   {"generated_at", "version",
//    "counts": {documents, events, claims},
//    "documents": [{id, title, outlet, url, date, date_source}],
//    "fusion": FusionJson (fusion_json.h) where every item that has evidence also has
//              "ev": [evidence ids] (stories, timeline periods and expected events, claim
//              groups and their values, conflicts, doc_dates, date_flags),
//    "points": [{lat, lon, type, status, date, place, precision, label, story,
//                num_documents, num_sources, ev}]   the map: stories with a position (or, when there are
//                no stories, events with one); precision as EntityRef::precision (3: the
//                position is only a region's, e.g. a country's centre),
//    "evidence": [{id, record, doc, outlet, source, sentence, date, value,
//                  before, mark, after}]   one per distinct (record, doc, sentence, span);
//                "mark" is the record's words inside the quote, "before"/"after" the rest.
#pragma once

#include <string>
#include <string_view>

#include "report/fusion_json.h"
#include "report/report.h"

namespace sitrep::report {

// The report data (shape above). Deterministic for a given input.
Json ReportDataJson(const ReportInput& in);

// The page around `data`. Fails (Internal) when an asset is empty.
Result<std::string> RenderPage(const Json& data, const Assets& assets);

// `s` with &, <, >, " and ' as character references.
std::string EscapeHtml(std::string_view s);
// JSON text made safe inside <script type="application/json">: every "</" becomes "<\/"
// and "<!--" becomes "<\u0021--" (both mean the same to a JSON parser).
std::string EscapeScriptJson(std::string_view json);
// A script or style sheet made safe inside <script>/<style>: "</script" / "</style" (any
// case) get a backslash after "<" ("<\/script"), which JS strings read the same.
std::string EscapeRawText(std::string_view text, std::string_view tag);

}  // namespace sitrep::report
