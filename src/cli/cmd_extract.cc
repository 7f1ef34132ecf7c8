// sitrep extract [PATH...] : the stateless filter. Reads documents (JSON Lines, or any
// input `ingest` reads; standard input when no PATH or "-"), runs the per-document stages
// (text, time, extract) through Pipeline::Stream and writes JSON Lines on standard output;
// no database is opened or written, so it runs as one process per shard in any batch or
// stream system.
//
// Output, per document in input order: one {"record": "document", ...} line, then one
// {"record": "mention", ...} line per mention (only with --mentions), then its events
// ({"record": "event", ...report::EventJson}) and claims ({"record": "claim",
// ...report::ClaimJson}). Offsets are UTF-8 byte offsets into the document's normalised
// text (the "text" field of the document line with --with-text). See docs/FORMATS.md,
// "sitrep extract".
//
// Standard error: one "rejected SOURCE: REASON" line per rejected input, then (unless
// --quiet) "extract: seen N = documents D + duplicates U + rejected R; E events, C claims
// (SIZE in T s)". Exit 0, or 2 when any input was rejected, 3 when writing failed.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "report/records_jsonl.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {

namespace {

class ExtractCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "extract", "Stateless: documents in (JSON Lines, files, stdin), events and claims out "
                   "as JSON Lines; no database");
    sub->add_option("paths", paths_, "files, directories, or - for stdin (the default)")
        ->type_name("PATH");
    sub->add_flag("--mentions", mentions_, "also write the mention records");
    sub->add_flag("--with-text", with_text_, "put the document text in its document line");
    sub->add_option("--threads", threads_, "worker threads for the stages (0 = one per core)")
        ->check(CLI::Range(0, 256))
        ->type_name("N");
    sub->add_option("--geonames", geonames_, "a GeoNames dump to build the gazetteer from")
        ->type_name("FILE");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    std::vector<std::string> paths = paths_;
    if (paths.empty()) paths.push_back("-");
    PipelineOptions options;
    options.threads = threads_;
    options.geonames = geonames_;
    auto pipeline = Pipeline::Create(options);
    if (!pipeline.ok()) return Fail(io, pipeline.status());

    uint64_t events = 0, claims = 0;
    // One document's lines, written straight as JSON (report/records_jsonl.h: the same
    // bytes as the nlohmann builders, about ten bytes out per byte in) and handed to the
    // stream in one write.
    std::string lines;
    auto sink = [&](Document& doc) -> Status {
      lines.clear();
      report::AppendExtractLines(doc, mentions_, with_text_, &lines);
      io.out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
      events += doc.events.size();
      claims += doc.claims.size();
      if (!io.out.good()) return Status::IoError("cannot write to standard output");
      return Status::Ok();
    };
    auto summary = (*pipeline)->Stream(paths, sink, nullptr);
    io.out.flush();
    if (!summary.ok()) return Fail(io, summary.status());
    const IngestSummary& s = *summary;
    for (const Rejection& r : s.rejections) {
      io.err << "rejected " << r.source << ": " << r.reason << "\n";
    }
    if (!globals.quiet) {
      io.err << fmt::format(
          "extract: seen {} = documents {} + duplicates {} + rejected {}; {} events, {} claims "
          "({} in {:.2f} s)\n",
          s.seen, s.stored, s.duplicates, s.rejected, events, claims, HumanBytes(s.bytes),
          s.seconds);
    }
    return s.rejected > 0 ? kExitBadInput : kExitOk;
  }

 private:
  std::vector<std::string> paths_;
  bool mentions_ = false;
  bool with_text_ = false;
  int threads_ = 0;
  std::string geonames_;
};

}  // namespace

std::unique_ptr<Command> MakeExtractCommand() { return std::make_unique<ExtractCommand>(); }

}  // namespace sitrep::cli
