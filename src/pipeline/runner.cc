// The pipeline runner: the one place that calls the stages, in order.
//
// Process() runs each stage not skipped, timing it, and when verification is on checks
// what ingest promised before the first stage and what each stage promised after it.
// Ingest() drives ingest::ReadPaths with a sink that counts, de-duplicates, processes
// and stores each document, writing in transactions of kBatchSize documents. A document
// a stage fails on is rejected with the stage's message (so seen = stored + duplicates
// + rejected always holds); only a store failure stops the run.
#include "pipeline/runner.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>
#include <utility>

#include "pipeline/verify.h"

namespace sitrep::pipeline {
namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// `st` with `prefix` before its message, same code.
Status WithContext(const Status& st, const std::string& prefix) {
  std::string msg = prefix + st.message();
  switch (st.code()) {
    case StatusCode::kOk: return st;
    case StatusCode::kInvalidArgument: return Status::InvalidArgument(std::move(msg));
    case StatusCode::kBadInput: return Status::BadInput(std::move(msg));
    case StatusCode::kNotFound: return Status::NotFound(std::move(msg));
    case StatusCode::kIoError: return Status::IoError(std::move(msg));
    case StatusCode::kInternal: return Status::Internal(std::move(msg));
  }
  return Status::Internal(std::move(msg));
}

std::string DocName(const Document& doc) {
  return "document " + (doc.id.empty() ? std::string("(no id)") : doc.id) + " (" + doc.source +
         ")";
}

class Runner final : public Pipeline {
 public:
  Runner(const PipelineOptions& options, std::vector<std::unique_ptr<Stage>> stages, ReadFn read)
      : options_(options), stages_(std::move(stages)), read_(std::move(read)) {
    timings_.push_back({"ingest", 0, 0});
    for (const auto& stage : stages_) {
      const bool skip = std::find(options_.skip.begin(), options_.skip.end(), stage->name()) !=
                        options_.skip.end();
      skipped_.push_back(skip);
      timings_.push_back({std::string(stage->name()), 0, 0});
    }
    timings_.push_back({"verify", 0, 0});
    timings_.push_back({"store", 0, 0});
  }

  std::vector<std::string> StageNames() const override {
    std::vector<std::string> names;
    for (const auto& stage : stages_) names.emplace_back(stage->name());
    return names;
  }

  Status Process(Document& doc) override {
    if (options_.verify) {
      ++verify_timing().documents;
      SITREP_RETURN_IF_ERROR(Check("ingest", doc, [&] { return VerifyIngested(doc); }));
    }
    for (size_t i = 0; i < stages_.size(); ++i) {
      if (skipped_[i]) continue;
      const Stage& stage = *stages_[i];
      StageTiming& timing = timings_[i + 1];
      auto start = SteadyClock::now();
      Status st = stage.Run(doc);
      timing.seconds += SecondsSince(start);
      ++timing.documents;
      if (!st.ok()) {
        return WithContext(st, "stage " + std::string(stage.name()) + " failed on " +
                                   DocName(doc) + ": ");
      }
      if (options_.verify) {
        SITREP_RETURN_IF_ERROR(Check(stage.name(), doc, [&] { return stage.Verify(doc); }));
      }
    }
    return Status();
  }

  Result<IngestSummary> Ingest(const std::vector<std::string>& paths, Store& store,
                               const ProgressFn& progress) override;

  const std::vector<StageTiming>& timings() const override { return timings_; }

 private:
  friend class IngestSink;

  StageTiming& ingest_timing() { return timings_.front(); }
  StageTiming& verify_timing() { return timings_[timings_.size() - 2]; }
  StageTiming& store_timing() { return timings_.back(); }

  template <typename CheckFn>
  Status Check(std::string_view stage, const Document& doc, CheckFn check) {
    auto start = SteadyClock::now();
    Status st = check();
    verify_timing().seconds += SecondsSince(start);
    if (st.ok()) return st;
    return Status::Internal("stage " + std::string(stage) + " left " + DocName(doc) +
                            " invalid: " + st.message());
  }

  PipelineOptions options_;
  std::vector<std::unique_ptr<Stage>> stages_;
  std::vector<bool> skipped_;
  ReadFn read_;
  std::vector<StageTiming> timings_;
};

// Receives what ingest reads and does the accounting of one Ingest call.
class IngestSink final : public ingest::Sink {
 public:
  IngestSink(Runner& runner, Store& store, const ProgressFn& progress, IngestSummary& summary)
      : runner_(runner), store_(store), progress_(progress), summary_(summary) {}

  Status OnDocument(Document&& doc) override {
    ++summary_.seen;
    ++runner_.ingest_timing().documents;
    document_bytes_ += doc.raw.empty() ? doc.text.size() : doc.raw.size();

    auto start = SteadyClock::now();
    Result<bool> stored = store_.HasDocument(doc.id);
    runner_.store_timing().seconds += SecondsSince(start);
    if (!stored.ok()) return stored.status();
    if (*stored || !ids_.insert(doc.id).second) {
      ++summary_.duplicates;
      summary_.duplicate_ids.push_back(doc.id);
      return Status();
    }

    Status st = runner_.Process(doc);
    if (!st.ok()) {
      Reject(Rejection{doc.source, st.message()});
      return Status();
    }

    start = SteadyClock::now();
    if (batch_ == 0) SITREP_RETURN_IF_ERROR(store_.Begin());
    in_batch_ = true;
    bool inserted = false;
    st = store_.PutDocument(doc, &inserted);
    if (st.ok() && ++batch_ == kBatchSize) st = Flush();
    runner_.store_timing().seconds += SecondsSince(start);
    ++runner_.store_timing().documents;
    if (!st.ok()) return st;
    if (inserted) {
      ++summary_.stored;
    } else {
      ++summary_.duplicates;
      summary_.duplicate_ids.push_back(doc.id);
    }
    return Status();
  }

  void OnRejected(Rejection rejection) override {
    ++summary_.seen;
    ++runner_.ingest_timing().documents;
    Reject(std::move(rejection));
  }

  void OnProgress(uint64_t done, uint64_t total) override {
    bytes_done_ = std::max(bytes_done_, done);
    if (progress_) progress_(done, total);
  }

  // Commits the open batch, if any.
  Status Flush() {
    batch_ = 0;
    if (!in_batch_) return Status();
    in_batch_ = false;
    return store_.Commit();
  }

  // Input bytes: what ingest reported consuming, else the documents' own size.
  uint64_t bytes() const { return bytes_done_ > 0 ? bytes_done_ : document_bytes_; }

 private:
  void Reject(Rejection rejection) {
    ++summary_.rejected;
    summary_.rejections.push_back(std::move(rejection));
  }

  Runner& runner_;
  Store& store_;
  const ProgressFn& progress_;
  IngestSummary& summary_;
  std::unordered_set<std::string> ids_;  // stored in this run
  int batch_ = 0;
  bool in_batch_ = false;
  uint64_t bytes_done_ = 0;
  uint64_t document_bytes_ = 0;
};

Result<IngestSummary> Runner::Ingest(const std::vector<std::string>& paths, Store& store,
                                     const ProgressFn& progress) {
  const auto start = SteadyClock::now();
  double others_before = 0;
  for (size_t i = 1; i < timings_.size(); ++i) others_before += timings_[i].seconds;

  IngestSummary summary;
  IngestSink sink(*this, store, progress, summary);
  ingest::Options read_options;
  read_options.fs = options_.fs;
  read_options.max_file_bytes = options_.max_file_bytes;
  read_options.max_document_bytes = options_.max_document_bytes;
  Status read = read_(paths, read_options, sink);
  auto flush_start = SteadyClock::now();
  Status flush = sink.Flush();  // keep what was stored even when the read stopped
  store_timing().seconds += SecondsSince(flush_start);
  if (!read.ok()) return read;
  if (!flush.ok()) return flush;

  summary.bytes = sink.bytes();
  summary.seconds = SecondsSince(start);
  double others = 0;
  for (size_t i = 1; i < timings_.size(); ++i) others += timings_[i].seconds;
  ingest_timing().seconds += std::max(0.0, summary.seconds - (others - others_before));

  std::string command = "ingest";
  for (const std::string& p : paths) command += " " + p;
  Result<int64_t> run = store.LogIngestRun(command, summary);
  if (!run.ok()) return run.status();
  return summary;
}

}  // namespace

Result<std::vector<std::unique_ptr<Stage>>> DefaultStages(const PipelineOptions& options) {
  auto skipped = [&](std::string_view name) {
    return std::find(options.skip.begin(), options.skip.end(), name) != options.skip.end();
  };
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(MakeTextStage());
  auto time = MakeTimeStage(options.clock, !skipped("time"));
  if (!time.ok()) return time.status();
  stages.push_back(std::move(time).value());
  return stages;
}

Result<std::unique_ptr<Pipeline>> CreatePipeline(const PipelineOptions& options,
                                                 std::vector<std::unique_ptr<Stage>> stages,
                                                 ReadFn read) {
  for (const std::string& name : options.skip) {
    bool known = false;
    std::string names;
    for (const auto& stage : stages) {
      known = known || stage->name() == name;
      names += (names.empty() ? "" : ", ") + std::string(stage->name());
    }
    if (!known) {
      return Status::InvalidArgument("unknown stage '" + name + "' to skip; stages are: " + names);
    }
  }
  if (options.clock == nullptr || options.fs == nullptr) {
    return Status::InvalidArgument("pipeline options need a clock and a file system");
  }
  return std::unique_ptr<Pipeline>(
      std::make_unique<Runner>(options, std::move(stages), std::move(read)));
}

}  // namespace sitrep::pipeline

namespace sitrep {

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto stages = pipeline::DefaultStages(options);
  if (!stages.ok()) return stages.status();
  return pipeline::CreatePipeline(options, std::move(stages).value(), &ingest::ReadPaths);
}

}  // namespace sitrep
