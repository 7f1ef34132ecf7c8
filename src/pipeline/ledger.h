// Internal to pipeline/. The bookkeeping of one Ingest or Stream call: counting,
// de-duplication, rejections and batched writes to the store (Ingest) or hand-over to the
// caller's sink (Stream).
//
// Used from one thread only (the one that called Pipeline::Ingest or Stream), whatever the
// number of worker threads: the store and the sink are never touched from anywhere else.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::pipeline {

class Ledger {
 public:
  // `timings` uses the runner's layout: front() is "ingest", back() is "store". All
  // references must outlive the ledger.
  Ledger(Store& store, const ProgressFn& progress, std::vector<StageTiming>& timings,
         IngestSummary& summary)
      : store_(&store), progress_(progress), timings_(timings), summary_(summary) {}
  // Without a store: kept documents go to `sink` (its time counts as "store" time) and
  // duplicates are those seen earlier in this run.
  using SinkFn = std::function<Status(Document&)>;
  Ledger(const SinkFn& sink, const ProgressFn& progress, std::vector<StageTiming>& timings,
         IngestSummary& summary)
      : sink_(&sink), progress_(progress), timings_(timings), summary_(summary) {}

  // A document arrived from ingest: counted as seen.
  void SeenDocument(const Document& doc);
  // An input ingest rejected: counted as seen and rejected.
  void SeenRejection(Rejection rejection);
  // A document seen earlier that a stage rejected: counted as rejected.
  void Reject(Rejection rejection);
  // True when `doc` is new; false (and counted as a duplicate) when its id is already
  // stored or was seen earlier in this run. Fails only when the store fails.
  Result<bool> Admit(const Document& doc);
  // Writes a processed document, in transactions of kBatchSize (runner.h) documents, or
  // hands it to the sink. Counts its events and claims when it is stored.
  Status Keep(Document& doc);
  // Commits the open batch, if any.
  Status Flush();
  // Input bytes consumed so far and in all; forwarded to the progress callback.
  void Progress(uint64_t done, uint64_t total);

  // Input bytes: what ingest reported consuming, else the documents' own size.
  uint64_t bytes() const { return bytes_done_ > 0 ? bytes_done_ : document_bytes_; }

 private:
  void Duplicate(const std::string& id);
  Status CommitBatch();  // Flush without timing it

  Store* store_ = nullptr;
  const SinkFn* sink_ = nullptr;
  const ProgressFn& progress_;
  std::vector<StageTiming>& timings_;
  IngestSummary& summary_;
  std::unordered_set<std::string> ids_;  // admitted in this run
  int batch_ = 0;
  bool in_batch_ = false;
  uint64_t bytes_done_ = 0;
  uint64_t document_bytes_ = 0;
};

}  // namespace sitrep::pipeline
