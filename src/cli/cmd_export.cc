// sitrep export --format jsonl|acled|geojson [-o FILE] : the stored record in a form other
// tools read (docs/FORMATS.md "Export").
//
//   jsonl    one JSON object a line, each starting with "record": "document" | "event" |
//            "claim" | "story" | "timeline" | "conflict"; then the fields of
//            DocumentSummaryJson, report::EventJson, report::ClaimJson, report::StoryJson,
//            report::TimelineJson, report::ConflictJson. Events and claims carry "story"
//            (the fused story id, or null). Lines in that order, each kind in the store's
//            or fusion's order.
//   acled    CSV with ACLED's columns (report::WriteAcledCsv): events ACLED would code.
//   geojson  one FeatureCollection: a Point feature per event whose place has a position,
//            id the event id, properties report::EventJson plus "story".
//
// --format here is the export's own option (the global table|json does not apply). Output
// goes to stdout, or to FILE with -o (replaced). A summary line goes to stderr unless
// --quiet. Exit 0; 2 when FILE cannot be written.
#include <fstream>
#include <map>

#include "cli/command.h"
#include "cli/output.h"
#include "extract/resources.h"
#include "report/fusion_json.h"
#include "report/load.h"
#include "report/records_json.h"

namespace sitrep::cli {
namespace {

using report::Json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"record": kind, ...fields of `body`}.
Json Tagged(const char* kind, const Json& body) {
  Json j;
  j["record"] = kind;
  for (auto it = body.begin(); it != body.end(); ++it) j[it.key()] = it.value();
  return j;
}

Json StoryOf(const std::map<std::string, std::string>& story_of, const std::string& id) {
  auto it = story_of.find(id);
  return it == story_of.end() ? Json(nullptr) : Json(it->second);
}

class ExportCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "export", "Write the record as JSON Lines, ACLED-style CSV or GeoJSON");
    sub->add_option("--format", format_, "jsonl (default), acled or geojson")
        ->check(CLI::IsMember({"jsonl", "acled", "geojson"}))
        ->type_name("FORMAT");
    sub->add_option("-o,--output", output_, "write to FILE instead of standard output")
        ->type_name("FILE");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto in = report::LoadFuseInput(**store);
    if (!in.ok()) return Fail(io, in.status());
    // Keep the store's order for the records (LoadFuseInput keeps it; Fuse copies).
    const fuse::Fusion fusion = fuse::Fuse(*in);

    std::ofstream file;
    std::ostream* out = &io.out;
    if (!output_.empty()) {
      file.open(output_, std::ios::binary | std::ios::trunc);
      if (!file) return Fail(io, Status::BadInput("cannot write " + output_));
      out = &file;
    }
    std::map<std::string, std::string> story_of;
    for (const fuse::Story& s : fusion.stories) {
      for (const std::string& e : s.events) story_of[e] = s.id;
    }

    std::string what;
    if (format_ == "acled") {
      auto m = Mapping(in->mentions);
      if (!m.ok()) return Fail(io, m.status());
      const report::AcledSummary s = report::WriteAcledCsv(*out, in->events, in->claims, *m);
      what = std::to_string(s.written) + " ACLED rows (left out: " + std::to_string(s.undated) +
             " undated, " + std::to_string(s.not_occurred) + " not occurred, " +
             std::to_string(s.untyped) + " untyped)";
    } else if (format_ == "geojson") {
      Json features = Json::array();
      for (const EventRecord& e : in->events) {
        if (!e.place.has_position) continue;
        Json f;
        f["type"] = "Feature";
        f["id"] = e.id;
        f["geometry"] = {{"type", "Point"}, {"coordinates", {e.place.lon, e.place.lat}}};
        Json props = report::EventJson(e);
        props["story"] = StoryOf(story_of, e.id);
        f["properties"] = std::move(props);
        features.push_back(std::move(f));
      }
      what = std::to_string(features.size()) + " events with a position";
      Json fc;
      fc["type"] = "FeatureCollection";
      fc["features"] = std::move(features);
      PrintJson(*out, fc);
    } else {
      auto docs = (*store)->ListDocuments();
      if (!docs.ok()) return Fail(io, docs.status());
      for (const DocumentSummary& d : *docs) *out << Dump(Tagged("document", DocumentSummaryJson(d))) << "\n";
      for (const EventRecord& e : in->events) {
        Json j = Tagged("event", report::EventJson(e));
        j["story"] = StoryOf(story_of, e.id);
        *out << Dump(j) << "\n";
      }
      for (const ClaimRecord& c : in->claims) {
        Json j = Tagged("claim", report::ClaimJson(c));
        j["story"] = c.event.empty() ? Json(nullptr) : StoryOf(story_of, c.event);
        *out << Dump(j) << "\n";
      }
      for (const fuse::Story& s : fusion.stories) *out << Dump(Tagged("story", report::StoryJson(s))) << "\n";
      for (const fuse::Timeline& t : fusion.timelines) {
        *out << Dump(Tagged("timeline", report::TimelineJson(t))) << "\n";
      }
      for (const fuse::Conflict& c : fusion.conflicts) {
        *out << Dump(Tagged("conflict", report::ConflictJson(c))) << "\n";
      }
      what = std::to_string(docs->size()) + " documents, " + std::to_string(in->events.size()) +
             " events, " + std::to_string(in->claims.size()) + " claims, " +
             std::to_string(fusion.stories.size()) + " stories, " +
             std::to_string(fusion.timelines.size()) + " timelines, " +
             std::to_string(fusion.conflicts.size()) + " conflicts";
    }
    out->flush();
    if (!*out) return Fail(io, Status::BadInput("cannot write " + (output_.empty() ? "standard output" : output_)));
    if (!globals.quiet) {
      io.err << "export: " << what << (output_.empty() ? "" : " to " + output_) << "\n";
    }
    return kExitOk;
  }

 private:
  // ACLED types from the ontology (data/extract/ontology.tsv); state actors from mentions.
  static Result<report::AcledMapping> Mapping(const std::vector<MentionRecord>& mentions) {
    auto res = extract::Resources::Default();
    if (!res.ok()) return res.status();
    report::AcledMapping m;
    for (const extract::EventType& t : (*res)->event_types()) {
      m.Add(t.id, t.acled_event_type, t.acled_sub_event_type);
    }
    report::AddStateActors(mentions, m);
    return m;
  }

  std::string format_ = "jsonl";
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace sitrep::cli
