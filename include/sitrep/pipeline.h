// The pipeline runner: the one place that calls the stages, in order.
//
// Ingest reads inputs into Documents; each Document then passes the per-document stages
// (text, time, extract) and goes to the store. The runner times each
// stage, can skip stages by name, and after each stage checks its output invariants
// (spans inside the text, ordered, on code-point boundaries) when `verify` is set.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/env.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep {

struct PipelineOptions {
  std::vector<std::string> skip;       // stage names not to run ("time", ...); default none
  bool verify = true;                  // check each stage's output; default on
  const Clock* clock = SystemClock();  // "today", for dating documents
  const FileSystem* fs = PosixFileSystem();
  uint64_t max_file_bytes = 1ull << 30;       // larger files are rejected; default 1 GiB
  uint64_t max_document_bytes = 64ull << 20;  // larger documents are rejected; default 64 MiB
  // Worker threads running the per-document stages during Ingest: 0 = one per core,
  // 1 = everything on the calling thread. The summary and the stored documents are the
  // same either way (outcomes are settled in input order); the store is only ever used
  // from the calling thread. Default 0.
  int threads = 0;
  // A GeoNames dump (allCountries.txt, cities500.txt, ...) to build the gazetteer from
  // instead of the npm data; empty = default. See lexicon/gazetteer.h.
  std::string geonames;
};

struct StageTiming {
  std::string name;
  uint64_t documents = 0;
  double seconds = 0;
};

// Called as input is consumed: bytes done, bytes total (0 when unknown, e.g. stdin).
using ProgressFn = std::function<void(uint64_t done, uint64_t total)>;

class Pipeline {
 public:
  // Fails when a stage cannot start (e.g. a data file it needs is missing or malformed).
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  virtual ~Pipeline() = default;

  // Names of the per-document stages in order, skipped ones included.
  virtual std::vector<std::string> StageNames() const = 0;

  // Runs the per-document stages on `doc` in place. A failure names the stage. Not
  // thread-safe (it adds to timings()); Ingest parallelises on its own.
  virtual Status Process(Document& doc) = 0;

  // Reads `paths` (files, directories recursively, "-" for stdin), processes every
  // document and stores it. Bad inputs are rejected with a reason and the run goes on; the
  // summary accounts for every input. Fails only when the store fails.
  virtual Result<IngestSummary> Ingest(const std::vector<std::string>& paths, Store& store,
                                       const ProgressFn& progress) = 0;

  // Like Ingest, without a store: every processed document is handed to `sink` in input
  // order (duplicates by id within the run are counted and not handed on; rejected inputs
  // are counted with their reasons). For `sitrep extract`, one process per shard. Fails
  // only when `sink` fails.
  virtual Result<IngestSummary> Stream(const std::vector<std::string>& paths,
                                       const std::function<Status(Document&)>& sink,
                                       const ProgressFn& progress) = 0;

  // After ingest: dates the stored documents that have no date of their own from the
  // dated documents that report the same stories (fuse/), runs the date-dependent stages
  // again on each with its new date, and stores the result (date source
  // "cross-document", evidence naming the documents). Returns how many were dated.
  // Idempotent; depends only on the set of stored documents, not on their order.
  virtual Result<uint64_t> Settle(Store& store) = 0;

  virtual const std::vector<StageTiming>& timings() const = 0;
};

}  // namespace sitrep
