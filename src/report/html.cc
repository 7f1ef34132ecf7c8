// RenderHtml: the report data as JSON, inlined with its scripts into one page.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "report/html.h"
#include "sitrep/version.h"

namespace sitrep::report {
namespace {

std::string Dump(const Json& j) {
  // Invalid UTF-8 in a quote must not throw: replace it.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Evidence collected once each, with stable ids in order of first use.
class EvidenceIndex {
 public:
  EvidenceIndex(const ReportInput& in) : in_(in) {
    for (const EventRecord& e : in.events) triggers_[e.id] = &e.trigger;
  }

  // The id of `e` ("ev<n>"), adding it on first use.
  std::string Add(const fuse::Evidence& e) {
    auto key = std::make_tuple(e.record, e.doc, e.sentence, e.span.start, e.span.end);
    auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    std::string id = "ev" + std::to_string(ids_.size() + 1);
    ids_.emplace(key, id);

    Json j;
    j["id"] = id;
    j["record"] = e.record.empty() ? Json(nullptr) : Json(e.record);
    j["doc"] = e.doc;
    j["outlet"] = e.outlet.empty() ? Json(nullptr) : Json(e.outlet);
    const std::string& source = e.claimed_by.empty() ? e.outlet : e.claimed_by;
    j["source"] = source.empty() ? Json(nullptr) : Json(source);
    j["sentence"] = e.sentence;
    j["date"] = e.date.empty() ? Json(nullptr) : Json(e.date);
    j["value"] = e.value.empty() ? Json(nullptr) : Json(e.value);
    auto [start, end] = Highlight(e);
    j["before"] = e.quote.substr(0, start);
    j["mark"] = e.quote.substr(start, end - start);
    j["after"] = e.quote.substr(end);
    list_.push_back(std::move(j));
    return id;
  }

  Json Ids(const std::vector<fuse::Evidence>& evidence) {
    Json arr = Json::array();
    for (const fuse::Evidence& e : evidence) arr.push_back(Add(e));
    return arr;
  }

  Json TakeList() { return std::move(list_); }

 private:
  // Byte range of the record's words inside e.quote; (0, 0) when unknown.
  std::pair<size_t, size_t> Highlight(const fuse::Evidence& e) const {
    const std::string& q = e.quote;
    auto doc = in_.sentences.find(e.doc);
    if (doc != in_.sentences.end() && e.sentence < doc->second.size() && !e.span.empty()) {
      const Span& s = doc->second[e.sentence];
      // The quote is the sentence's text: then offsets inside it are exact.
      if (s.size() == q.size() && e.span.start >= s.start && e.span.end <= s.end) {
        return {e.span.start - s.start, e.span.end - s.start};
      }
    }
    // Else look for the record's words in the quote.
    std::vector<const std::string*> hints;
    auto t = triggers_.find(e.record);
    if (t != triggers_.end()) hints.push_back(t->second);
    hints.push_back(&e.value);
    for (const std::string* h : hints) {
      if (h->empty()) continue;
      size_t at = q.find(*h);
      if (at != std::string::npos) return {at, at + h->size()};
    }
    return {0, 0};
  }

  const ReportInput& in_;
  std::unordered_map<std::string, const std::string*> triggers_;
  std::map<std::tuple<std::string, std::string, uint32_t, uint32_t, uint32_t>, std::string> ids_;
  Json list_ = Json::array();
};

fuse::Evidence EventEvidence(const EventRecord& e) {
  fuse::Evidence ev;
  ev.record = e.id;
  ev.doc = e.document;
  ev.outlet = e.reported_by;
  ev.sentence = e.sentence;
  ev.span = e.span;
  ev.quote = e.quote;
  ev.claimed_by = e.claimed_by.label();
  ev.date = e.date;
  ev.value = e.trigger;
  return ev;
}

Json PointJson(double lat, double lon, const std::string& type, const std::string& status,
               const std::string& date, const EntityRef& place, const std::string& label,
               const std::string& story, uint32_t docs, uint32_t sources, Json ev) {
  Json p;
  p["lat"] = lat;
  p["lon"] = lon;
  p["type"] = type;
  p["status"] = status;
  p["date"] = date.empty() ? Json(nullptr) : Json(date);
  p["place"] = place.label();
  p["precision"] = place.precision;
  p["label"] = label;
  p["story"] = story.empty() ? Json(nullptr) : Json(story);
  p["num_documents"] = docs;
  p["num_sources"] = sources;
  p["ev"] = std::move(ev);
  return p;
}

// "Islamic State captured Palmyra": a short line for a map tooltip.
std::string Describe(const std::string& type, const EntityRef& agent, const EntityRef& target) {
  std::string s;
  if (!agent.empty()) s += agent.label() + " ";
  s += type;
  if (!target.empty()) s += " " + target.label();
  return s;
}

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeScriptJson(std::string_view json) {
  std::string s(json);
  ReplaceAll(s, "</", "<\\/");
  ReplaceAll(s, "<!--", "<\\u0021--");
  return s;
}

std::string EscapeRawText(std::string_view text, std::string_view tag) {
  std::string needle = "</" + std::string(tag);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    bool match = i + needle.size() <= text.size();
    for (size_t k = 0; match && k < needle.size(); ++k) {
      match = std::tolower(static_cast<unsigned char>(text[i + k])) == needle[k];
    }
    if (match) {
      out += "<\\/";
      i += 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

Json ReportDataJson(const ReportInput& in) {
  const fuse::Fusion& f = in.fusion;
  EvidenceIndex index(in);
  Json d;
  d["generated_at"] = in.generated_at;
  d["version"] = SITREP_VERSION;
  d["counts"] = {{"documents", in.docs.size()},
                 {"events", in.events.size()},
                 {"claims", in.claims.size()}};
  Json docs = Json::array();
  for (const DocumentSummary& doc : in.docs) {
    Json j;
    j["id"] = doc.id;
    j["title"] = doc.title;
    j["outlet"] = doc.outlet.empty() ? Json(nullptr) : Json(doc.outlet);
    j["url"] = doc.url.empty() ? Json(nullptr) : Json(doc.url);
    j["date"] = doc.date.value.empty() ? Json(nullptr) : Json(doc.date.value);
    j["date_source"] = std::string(DateSourceName(doc.date.source));
    docs.push_back(std::move(j));
  }
  d["documents"] = std::move(docs);

  Json fj = FusionJson(f);
  for (size_t i = 0; i < f.stories.size(); ++i) {
    fj["stories"][i]["ev"] = index.Ids(f.stories[i].evidence);
  }
  for (size_t t = 0; t < f.timelines.size(); ++t) {
    const fuse::Timeline& tl = f.timelines[t];
    for (size_t p = 0; p < tl.periods.size(); ++p) {
      fj["timelines"][t]["periods"][p]["ev"] = index.Ids(tl.periods[p].evidence);
    }
    for (size_t x = 0; x < tl.expected.size(); ++x) {
      fj["timelines"][t]["expected"][x]["ev"] = index.Ids(tl.expected[x].evidence);
    }
  }
  for (size_t g = 0; g < f.claim_groups.size(); ++g) {
    const fuse::ClaimGroup& cg = f.claim_groups[g];
    Json all = Json::array();
    for (size_t v = 0; v < cg.values.size(); ++v) {
      std::string id = index.Add(cg.values[v].evidence);
      fj["claim_groups"][g]["values"][v]["ev"] = Json::array({id});
      all.push_back(id);
    }
    fj["claim_groups"][g]["ev"] = std::move(all);
  }
  for (size_t c = 0; c < f.conflicts.size(); ++c) {
    fj["conflicts"][c]["ev"] = index.Ids(f.conflicts[c].items);
  }
  for (size_t i = 0; i < f.doc_dates.size(); ++i) {
    fj["doc_dates"][i]["ev"] = index.Ids(f.doc_dates[i].chain);
  }
  for (size_t i = 0; i < f.date_flags.size(); ++i) {
    fj["date_flags"][i]["ev"] = index.Ids(f.date_flags[i].evidence);
  }
  d["fusion"] = std::move(fj);

  Json points = Json::array();
  if (!f.stories.empty()) {
    for (const fuse::Story& s : f.stories) {
      if (!s.place.has_position) continue;
      points.push_back(PointJson(s.place.lat, s.place.lon, s.type, s.status, s.date, s.place,
                                 Describe(s.type, s.agent, s.target), s.id, s.num_documents,
                                 s.num_sources, index.Ids(s.evidence)));
    }
  } else {
    for (const EventRecord& e : in.events) {
      if (!e.place.has_position) continue;
      points.push_back(PointJson(e.place.lat, e.place.lon, e.type, e.status, e.date, e.place,
                                 Describe(e.type, e.agent, e.target), "", 1, 1,
                                 Json::array({index.Add(EventEvidence(e))})));
    }
  }
  d["points"] = std::move(points);
  d["evidence"] = index.TakeList();
  return d;
}

// Runs before anything else on the page: errors go into the DOM (#errors and the body's
// data-errors attribute) so a headless browser's DOM dump shows them.
static constexpr const char* kErrorCapture = R"JS(
(function () {
  var errors = [];
  function note(msg) {
    errors.push(String(msg));
    var run = function () {
      var box = document.getElementById('errors');
      if (box) {
        var li = document.createElement('li');
        li.textContent = String(msg);
        box.appendChild(li);
        box.hidden = false;
      }
      document.documentElement.setAttribute('data-errors', String(errors.length));
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
  }
  window.sitrepErrors = errors;
  window.addEventListener('error', function (e) {
    note('error: ' + (e.message || e) + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (e) { note('unhandled rejection: ' + e.reason); });
  var original = console.error;
  console.error = function () {
    note('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
  document.documentElement.setAttribute('data-errors', '0');
})();
)JS";

Result<std::string> RenderPage(const Json& data, const Assets& assets) {
  if (assets.d3_js.empty() || assets.topojson_js.empty() || assets.world_topojson.empty() ||
      assets.report_js.empty() || assets.report_css.empty()) {
    return Status::Internal("report: an asset is empty (see Assets::Load)");
  }
  std::string generated = data.value("generated_at", "");
  std::string out;
  out.reserve(assets.d3_js.size() + assets.world_topojson.size() + (1 << 20));
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // Offline by construction: the page may load nothing from anywhere.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"generator\" content=\"sitrep " + EscapeHtml(SITREP_VERSION) + "\">\n";
  out += "<title>sitrep report</title>\n";
  out += "<script>" + std::string(kErrorCapture) + "</script>\n";
  out += "<style>\n" + EscapeRawText(assets.report_css, "style") + "\n</style>\n";
  out += "</head>\n<body>\n";
  out += "<header><h1>sitrep report</h1><p class=\"meta\">Generated " + EscapeHtml(generated) +
         " by sitrep " + EscapeHtml(SITREP_VERSION) + ".</p>\n";
  out += "<nav><a href=\"#timelines\">Control</a> <a href=\"#map\">Map</a> "
         "<a href=\"#stories\">Events</a> <a href=\"#claims\">Claims</a> "
         "<a href=\"#conflicts\">Contradictions</a> <a href=\"#outlets\">Outlets</a> "
         "<a href=\"#dates\">Dates</a> <a href=\"#evidence\">Evidence</a></nav></header>\n";
  out += "<ul id=\"errors\" hidden></ul>\n";
  out += "<noscript><p>This report draws its charts and tables with JavaScript; the data is in "
         "the page source as JSON.</p></noscript>\n";
  out += "<main>\n"
         "<section id=\"summary\"></section>\n"
         "<section id=\"timelines\"><h2>Control of places</h2><div class=\"body\"></div></section>\n"
         "<section id=\"map\"><h2>Map of events</h2><div class=\"body\"></div></section>\n"
         "<section id=\"stories\"><h2>Events across sources</h2><div class=\"body\"></div></section>\n"
         "<section id=\"claims\"><h2>Claims: numbers by subject</h2><div class=\"body\"></div></section>\n"
         "<section id=\"conflicts\"><h2>Contradictions</h2><div class=\"body\"></div></section>\n"
         "<section id=\"outlets\"><h2>How outlets name things</h2><div class=\"body\"></div></section>\n"
         "<section id=\"dates\"><h2>Document dates from other documents</h2><div class=\"body\"></div></section>\n"
         "<section id=\"evidence\"><h2>Evidence</h2><div class=\"body\"></div></section>\n"
         "</main>\n<div id=\"tooltip\" hidden></div>\n";
  out += "<script type=\"application/json\" id=\"data\">" + EscapeScriptJson(Dump(data)) +
         "</script>\n";
  out += "<script type=\"application/json\" id=\"world\">" +
         EscapeScriptJson(assets.world_topojson) + "</script>\n";
  out += "<script>\n" + EscapeRawText(assets.d3_js, "script") + "\n</script>\n";
  out += "<script>\n" + EscapeRawText(assets.topojson_js, "script") + "\n</script>\n";
  out += "<script>\n" + EscapeRawText(assets.report_js, "script") + "\n</script>\n";
  out += "</body>\n</html>\n";
  return out;
}

Result<std::string> RenderHtml(const ReportInput& in, const Assets& assets) {
  return RenderPage(ReportDataJson(in), assets);
}

}  // namespace sitrep::report
