// sitrep demo : ingest the bundled examples into a fresh database and show what sitrep
// knows about them.
//
// The corpus is $SITREP_HOME/examples when SITREP_HOME is set, else the examples/ folder
// of the source tree this binary was built from; README files are skipped. The database
// is ./demo.db, deleted and recreated on every run (only if it is a sitrep database: any
// other file of that name is left alone and the demo stops). With --db FILE the demo
// ingests into FILE as it is, without deleting anything ($SITREP_DB is ignored: the demo
// never writes into your usual database unless you name it).
//
// Then it reads and fuses what was stored (report::LoadReportInput), writes ./report.html (the HTML
// report, as `sitrep report -o report.html`; with --db FILE, FILE's name with .html; a
// missing asset only skips the page with a note), and prints the control timelines and
// the contradictions.
//
// Output: the ingest accounting line, the documents table (as `sitrep docs`), the control
// timelines (as `sitrep timeline`) and the contradictions (as `sitrep conflicts`); with
// --format json one object {db, examples, ingest, documents, report, fusion} (fusion as
// report::FusionJson). Exit as `ingest`.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>

#include "cli/command.h"
#include "cli/output.h"
#include "sitrep/env.h"
#include "cli/run_ingest.h"
#include "report/fusion_json.h"
#include "report/report.h"
#include "store/schema.h"

namespace sitrep::cli {

// cmd_timeline.cc and cmd_conflicts.cc.
void PrintTimelineTable(std::ostream& out, const fuse::Timeline& t, bool evidence);
void PrintConflicts(std::ostream& out, const std::vector<fuse::Conflict>& conflicts);

namespace {

constexpr const char* kDemoDb = "demo.db";
constexpr const char* kDemoReport = "report.html";

std::string IsoNow() {
  const std::time_t now = static_cast<std::time_t>(SystemClock()->NowUnixSeconds());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "x/demo.db" -> "x/demo.html"; "db" -> "db.html".
std::string ReportPathFor(const std::string& db) {
  const size_t slash = db.find_last_of('/');
  const size_t dot = db.find_last_of('.');
  const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
  return (has_ext ? db.substr(0, dot) : db) + ".html";
}

// The page `sitrep report` writes, for `in`, to `path`. A missing asset (npm files not
// installed) is NotFound with the loader's advice.
Status WriteReport(const report::ReportInput& in, const std::string& path) {
  auto assets = report::Assets::Load();
  if (!assets.ok()) return assets.status();
  auto html = report::RenderHtml(in, *assets);
  if (!html.ok()) return html.status();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << *html;
  out.close();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

std::string ExamplesDir() { return SitrepHome() + "/examples"; }

// True when `path` is absent, empty, or an SQLite file carrying sitrep's application id
// (big-endian at byte 68 of the header), i.e. safe for the demo to delete.
bool SafeToRecreate(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;
  char header[100];
  in.read(header, sizeof header);
  if (in.gcount() == 0) return true;
  if (in.gcount() < 100 || std::memcmp(header, "SQLite format 3", 16) != 0) return false;
  const auto* b = reinterpret_cast<const unsigned char*>(header + 68);
  const uint32_t app = (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  return app == static_cast<uint32_t>(store::kApplicationId);
}

class DemoCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    return app.add_subcommand(
        "demo", "Ingest the bundled examples into a fresh ./demo.db and list what sitrep found");
  }

  int Run(const Globals& globals, Io& io) override {
    const std::string dir = ExamplesDir();
    const FileSystem* fs = PosixFileSystem();
    if (!fs->Stat(dir).is_directory) {
      return Fail(io, Status::NotFound("no examples folder at " + dir +
                                       "; set SITREP_HOME to the sitrep source folder"));
    }
    auto listed = fs->ListFilesRecursive(dir);
    if (!listed.ok()) return Fail(io, listed.status());
    IngestRequest request;
    for (const std::string& path : *listed) {
      const std::string name = path.substr(path.find_last_of('/') + 1);
      if (name.rfind("README", 0) != 0) request.paths.push_back(path);
    }
    if (request.paths.empty()) {
      return Fail(io, Status::NotFound("the examples folder " + dir + " has no files"));
    }

    const bool fresh = globals.db.empty();
    const std::string db = fresh ? kDemoDb : globals.db;
    if (fresh) {
      if (!SafeToRecreate(db)) {
        return Fail(io, Status::BadInput("./" + db + " exists and is not a sitrep database; "
                                         "move it away or pass --db FILE"));
      }
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::remove((db + suffix).c_str());
      }
    }
    if (!globals.quiet) {
      io.err << "demo: ingesting " << request.paths.size() << " files from " << dir << " into "
             << db << (fresh ? " (recreated)" : "") << "\n";
    }
    auto store = OpenStore(db, SystemClock());
    if (!store.ok()) return Fail(io, store.status());
    auto outcome = RunIngest(globals, io, request, **store);
    if (!outcome.ok()) return Fail(io, outcome.status());
    auto docs = (*store)->ListDocuments();
    if (!docs.ok()) return Fail(io, docs.status());
    // Read and fused once: the page and the terminal show the same fusion.
    auto loaded = report::LoadReportInput(**store, IsoNow());
    if (!loaded.ok()) return Fail(io, loaded.status());
    const fuse::Fusion* fusion = &loaded->fusion;
    const std::string report_path = fresh ? kDemoReport : ReportPathFor(db);
    const Status wrote = WriteReport(*loaded, report_path);
    if (!wrote.ok() && !globals.quiet) io.err << "demo: no report: " << wrote.message() << "\n";

    const IngestSummary& s = outcome->summary;
    if (globals.format == "json") {
      Json j;
      j["db"] = db;
      j["examples"] = dir;
      j["ingest"] = IngestSummaryJson(s, outcome->timings);
      Json arr = Json::array();
      for (const DocumentSummary& d : *docs) arr.push_back(DocumentSummaryJson(d));
      j["documents"] = std::move(arr);
      j["report"] = wrote.ok() ? Json(report_path) : Json(nullptr);
      j["fusion"] = report::FusionJson(*fusion);
      PrintJson(io.out, j);
    } else {
      io.out << AccountingLine(s) << "\n\n";
      PrintDocumentsTable(io.out, *docs);
      io.out << "\nControl timelines\n=================\n";
      if (fusion->timelines.empty()) io.out << "none (no control events found)\n";
      for (const fuse::Timeline& t : fusion->timelines) {
        io.out << "\n";
        PrintTimelineTable(io.out, t, /*evidence=*/false);
      }
      io.out << "\nContradictions\n==============\n\n";
      PrintConflicts(io.out, fusion->conflicts);
      if (wrote.ok()) io.out << "\nReport: " << report_path << " (open it in a browser; works offline)\n";
      io.out << "\nNext:\n"
             << "  sitrep --db " << db << " show ID       one document (any 4+ characters of an id)\n"
             << "  sitrep --db " << db << " mentions ID   its places, parties, people and sources\n"
             << "  sitrep --db " << db << " places        places the documents mention, with counts\n"
             << "  sitrep --db " << db << " actors        parties, sources and people, with counts\n"
             << "  sitrep --db " << db << " stories       events merged across documents\n"
             << "  sitrep --db " << db << " timeline PLACE --evidence   who held PLACE, with the sentences\n"
             << "  sitrep --db " << db << " outlets       how each outlet names the parties, side by side\n"
             << "  sitrep --db " << db << " export --format geojson -o events.geojson\n";
    }
    return s.rejected > 0 ? kExitBadInput : kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> MakeDemoCommand() { return std::make_unique<DemoCommand>(); }

}  // namespace sitrep::cli
