// Internal to pipeline/. Ingest with the per-document stages on worker threads.
//
// Three kinds of thread: a reader runs ingest (it parses inputs and hands them over
// through a bounded queue), workers run the stages, and the calling thread does all the
// bookkeeping and every store access through the Ledger. Outcomes are settled strictly
// in input order, so the summary (counts, rejections, duplicate ids) and the order
// documents are written in are exactly those of the one-thread path; only the timings
// differ. Memory stays bounded: at most a few documents per worker are in flight.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pipeline/ledger.h"
#include "pipeline/runner.h"

namespace sitrep::pipeline {

// Runs the stages on one document, adding to `timings` (the runner's layout). Called from
// several threads at once, each with its own `timings`.
using ProcessFn = std::function<Status(Document& doc, std::vector<StageTiming>& timings)>;

// Reads `paths` with `read`, processes on `workers` threads (>= 1) and settles every
// input through `ledger`. Worker timings are added into `timings`; the reader's own time
// (parsing, not waiting) into timings.front(). Returns the store's failure, else the
// reader's status.
Status IngestInParallel(const ReadFn& read, const std::vector<std::string>& paths,
                        const ingest::Options& options, const ProcessFn& process, int workers,
                        Ledger& ledger, std::vector<StageTiming>& timings);

}  // namespace sitrep::pipeline
