// sitrep ingest PATH... : read inputs, run the stages, store the documents.
//
// Output: the accounting line on stdout ("ingest: seen N = stored S + duplicates D +
// rejected R (BYTES in SECONDS s)"), then "extracted: E events, C claims" and, when some
// undated documents were dated from the others after ingest (Pipeline::Settle), "N
// documents dated from other documents"; or with --format json the summary object
// (output.h: IngestSummaryJson) with "events", "claims" and "redated" added. One "rejected SOURCE: REASON" line per rejected input on
// stderr. Exit 0 when nothing was rejected, 2 when something was, 3 when the store failed.
#include "cli/command.h"
#include "cli/output.h"
#include "cli/run_ingest.h"

namespace sitrep::cli {
namespace {

class IngestCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand("ingest", "Read files, folders or stdin ('-') into the database");
    sub->add_option("paths", paths_, "files, directories (read recursively) or - for stdin")
        ->required()
        ->type_name("PATH");
    sub->add_flag("--timings,--stages", timings_, "print how long each stage took");
    sub->add_option("--skip", request_.skip,
                    "do not run this stage (repeatable): text, time, extract")
        ->type_name("STAGE");
    sub->add_option("--geonames", request_.geonames,
                    "a GeoNames dump (folder or table file) to build the gazetteer from")
        ->type_name("PATH");
    sub->add_flag("--no-settle", no_settle_,
                  "do not date undated documents from the other documents afterwards");
    sub->add_flag("--no-verify", no_verify_, "do not check each stage's output");
    sub->add_option("--threads", request_.threads, "worker threads for the stages (0 = one per core)")
        ->check(CLI::Range(0, 256))
        ->type_name("N");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    request_.paths = paths_;
    request_.verify = !no_verify_;
    request_.settle = !no_settle_;
    const std::string db = ResolveDbPath(globals.db);
    auto store = OpenStore(db, SystemClock());
    if (!store.ok()) return Fail(io, store.status());
    auto outcome = RunIngest(globals, io, request_, **store);
    if (!outcome.ok()) return Fail(io, outcome.status());
    const IngestSummary& s = outcome->summary;
    if (globals.format == "json") {
      Json j = IngestSummaryJson(s, outcome->timings);
      j["events"] = s.events;
      j["claims"] = s.claims;
      j["redated"] = s.redated;
      j["db"] = db;
      PrintJson(io.out, j);
    } else {
      io.out << AccountingLine(s) << "\n";
      io.out << "extracted: " << s.events << " events, " << s.claims << " claims\n";
      if (s.redated > 0) {
        io.out << s.redated << (s.redated == 1 ? " document" : " documents")
               << " dated from other documents\n";
      }
      if (timings_) PrintTimings(io.out, outcome->timings);
    }
    return s.rejected > 0 ? kExitBadInput : kExitOk;
  }

 private:
  std::vector<std::string> paths_;
  IngestRequest request_;
  bool timings_ = false;
  bool no_verify_ = false;
  bool no_settle_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace sitrep::cli
