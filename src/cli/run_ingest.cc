#include "cli/run_ingest.h"

#include <fmt/format.h>

#include "cli/output.h"
#include "cli/progress.h"

namespace sitrep::cli {

Result<IngestOutcome> RunIngest(const Globals& globals, Io& io, const IngestRequest& request,
                                Store& store) {
  PipelineOptions options;
  options.skip = request.skip;
  options.verify = request.verify;
  options.threads = request.threads;
  options.geonames = request.geonames;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return pipeline.status();
  Pipeline& p = **pipeline;

  ProgressLine progress(io.err, io.err_is_tty && !globals.quiet);
  auto on_progress = [&](uint64_t done, uint64_t total) {
    const auto& timings = p.timings();
    const uint64_t documents = timings.empty() ? 0 : timings.front().documents;
    progress.Update(done, total, documents);
  };
  Result<IngestSummary> summary = p.Ingest(request.paths, store, on_progress);
  progress.Finish();
  if (!summary.ok()) return summary.status();
  if (request.settle) {
    Result<uint64_t> redated = p.Settle(store);
    if (!redated.ok()) return redated.status();
    summary->redated = *redated;
  }
  for (const Rejection& r : summary->rejections) {
    // Reasons from the file system often start with the path already; say it once.
    std::string_view reason = r.reason;
    const std::string prefix = r.source + ": ";
    if (reason.substr(0, prefix.size()) == prefix) reason.remove_prefix(prefix.size());
    io.err << "rejected " << r.source << ": " << reason << "\n";
  }
  return IngestOutcome{std::move(summary).value(), p.timings()};
}

void PrintTimings(std::ostream& out, const std::vector<StageTiming>& timings) {
  Table table({{"STAGE"}, {"DOCS", true}, {"SECONDS", true}, {"DOCS/S", true}});
  for (const StageTiming& t : timings) {
    const std::string rate =
        t.seconds > 0 ? fmt::format("{:.0f}", static_cast<double>(t.documents) / t.seconds) : "-";
    table.AddRow({t.name, std::to_string(t.documents), fmt::format("{:.4f}", t.seconds), rate});
  }
  table.Print(out);
}

}  // namespace sitrep::cli
