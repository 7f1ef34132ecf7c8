// Internal to cli/. Running the pipeline for `ingest` and `demo`.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::cli {

struct IngestRequest {
  std::vector<std::string> paths;  // files, directories, "-" for stdin
  std::vector<std::string> skip;   // stage names not to run
  bool verify = true;
  int threads = 0;                 // workers for the stages; 0 = one per core
  std::string geonames;            // GeoNames dump for the gazetteer; empty = default
  bool settle = true;              // date undated documents from the others afterwards
};

struct IngestOutcome {
  IngestSummary summary;
  std::vector<StageTiming> timings;
};

// Runs the pipeline over `request.paths` into `store`, then (when request.settle)
// Pipeline::Settle, whose count goes to summary.redated. While it runs, draws a progress
// line on io.err when io.err_is_tty and not globals.quiet; afterwards prints one
// "rejected SOURCE: REASON" line per rejection on io.err. Fails when the pipeline cannot
// start (bad --skip, missing data) or the store fails; rejected inputs are not failures.
Result<IngestOutcome> RunIngest(const Globals& globals, Io& io, const IngestRequest& request,
                                Store& store);

// The stage timings as a table: stage, documents, seconds, documents per second.
void PrintTimings(std::ostream& out, const std::vector<StageTiming>& timings);

}  // namespace sitrep::cli
