// Internal to pipeline/. The runner behind Pipeline::Create, with its parts exposed for
// tests: the stages and the reader can be replaced by fakes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/stage.h"
#include "sitrep/pipeline.h"

namespace sitrep::pipeline {

// Reads paths into a sink; ingest::ReadPaths in production.
using ReadFn = std::function<Status(const std::vector<std::string>& paths,
                                   const ingest::Options& options, ingest::Sink& sink)>;

// Documents written per store transaction during Ingest.
inline constexpr int kBatchSize = 256;

// The per-document stages in order: text, time, extract. Fails when a stage that is not skipped
// cannot start.
Result<std::vector<std::unique_ptr<Stage>>> DefaultStages(const PipelineOptions& options);

// A pipeline over `stages` reading with `read`. Fails with InvalidArgument when
// options.skip names a stage that is not in `stages`.
//
// Timings: timings() lists "ingest" (reading and parsing inputs; `documents` counts
// documents and rejections seen and is updated as Ingest runs, so a progress callback may
// read it), then each stage, then "verify" (all checks), then "store" (lookups and
// writes; for Stream, the sink's time). Seconds are wall time and accumulate over calls; with worker threads, a
// stage's seconds are summed over the workers and may exceed the run's wall time.
Result<std::unique_ptr<Pipeline>> CreatePipeline(const PipelineOptions& options,
                                                 std::vector<std::unique_ptr<Stage>> stages,
                                                 ReadFn read);

}  // namespace sitrep::pipeline
