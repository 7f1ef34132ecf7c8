// The pipeline runner: the one place that calls the stages, in order.
//
// Process() runs each stage not skipped, timing it, and when verification is on checks
// what ingest promised before the first stage and what each stage promised after it.
// Ingest() drives ingest::ReadPaths; each input is counted, de-duplicated, processed and
// stored (Ledger), in transactions of kBatchSize documents, either inside ingest's
// callbacks (one thread) or with the stages on worker threads (parallel.h) and the same
// results. A document a stage fails on is rejected with the stage's message (so seen =
// stored + duplicates + rejected always holds); only a store failure stops the run.
#include "pipeline/runner.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>
#include <utility>

#include "pipeline/ledger.h"
#include "pipeline/parallel.h"
#include "pipeline/settle.h"
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

  Status Process(Document& doc) override { return ProcessInto(doc, timings_); }

  Result<IngestSummary> Ingest(const std::vector<std::string>& paths, Store& store,
                               const ProgressFn& progress) override;

  const std::vector<StageTiming>& timings() const override { return timings_; }

  Result<IngestSummary> Stream(const std::vector<std::string>& paths,
                               const std::function<Status(Document&)>& sink,
                               const ProgressFn& progress) override;

  Result<uint64_t> Settle(Store& store) override {
    return SettleStore(store, [this](Document& doc) { return Reprocess(doc); });
  }

 private:
  // Process, adding to `timings` (laid out as timings_). Safe to call from several
  // threads at once when each passes its own `timings`: stages are stateless.
  Status ProcessInto(Document& doc, std::vector<StageTiming>& timings) const {
    StageTiming& verify = timings[timings.size() - 2];
    auto check = [&](std::string_view stage, auto fn) {
      auto start = SteadyClock::now();
      Status st = fn();
      verify.seconds += SecondsSince(start);
      if (st.ok()) return st;
      return Status::Internal("stage " + std::string(stage) + " left " + DocName(doc) +
                              " invalid: " + st.message());
    };
    if (options_.verify) {
      ++verify.documents;
      SITREP_RETURN_IF_ERROR(check("ingest", [&] { return VerifyIngested(doc); }));
    }
    for (size_t i = 0; i < stages_.size(); ++i) {
      if (skipped_[i]) continue;
      const Stage& stage = *stages_[i];
      StageTiming& timing = timings[i + 1];
      auto start = SteadyClock::now();
      Status st = stage.Run(doc);
      timing.seconds += SecondsSince(start);
      ++timing.documents;
      if (!st.ok()) {
        return WithContext(st, "stage " + std::string(stage.name()) + " failed on " +
                                   DocName(doc) + ": ");
      }
      if (options_.verify) {
        SITREP_RETURN_IF_ERROR(check(stage.name(), [&] { return stage.Verify(doc); }));
      }
    }
    return Status();
  }

  // What Settle does to a stored document given a new date: the text stage again (tokens
  // are not stored), then every stage after "time", with verification as in Process.
  // doc.date is kept as given.
  Status Reprocess(Document& doc) {
    size_t first = 0;
    for (size_t i = 0; i < stages_.size(); ++i) {
      if (stages_[i]->name() == "time") first = i + 1;
    }
    for (size_t i = 0; i < stages_.size(); ++i) {
      const bool wanted = stages_[i]->name() == "text" || i >= first;
      if (!wanted || skipped_[i]) continue;
      const Stage& stage = *stages_[i];
      Status st = stage.Run(doc);
      if (st.ok() && options_.verify) st = stage.Verify(doc);
      if (!st.ok()) {
        return WithContext(st, "stage " + std::string(stage.name()) + " failed again on " +
                                   DocName(doc) + ": ");
      }
    }
    return Status();
  }

  // Reads, processes and settles every input through `ledger` (Ingest and Stream).
  Status Drive(const std::vector<std::string>& paths, Ledger& ledger);

  // The one-thread path: everything happens inside ingest's callbacks.
  Status IngestHere(const std::vector<std::string>& paths, const ingest::Options& read_options,
                    Ledger& ledger);

  PipelineOptions options_;
  std::vector<std::unique_ptr<Stage>> stages_;
  std::vector<bool> skipped_;
  ReadFn read_;
  std::vector<StageTiming> timings_;
};

// The sink of the one-thread path: settles each input as it arrives.
class SettlingSink final : public ingest::Sink {
 public:
  using ProcessFn = std::function<Status(Document&)>;
  SettlingSink(const ProcessFn& process, Ledger& ledger) : process_(process), ledger_(ledger) {}

  Status OnDocument(Document&& doc) override {
    ledger_.SeenDocument(doc);
    Result<bool> admitted = ledger_.Admit(doc);
    if (!admitted.ok()) return admitted.status();
    if (!*admitted) return Status();
    Status st = process_(doc);
    if (!st.ok()) {
      ledger_.Reject(Rejection{doc.source, st.message()});
      return Status();
    }
    return ledger_.Keep(doc);
  }
  void OnRejected(Rejection rejection) override { ledger_.SeenRejection(std::move(rejection)); }
  void OnProgress(uint64_t done, uint64_t total) override { ledger_.Progress(done, total); }

 private:
  const ProcessFn& process_;
  Ledger& ledger_;
};

Status Runner::IngestHere(const std::vector<std::string>& paths,
                          const ingest::Options& read_options, Ledger& ledger) {
  double before = 0;
  for (size_t i = 1; i < timings_.size(); ++i) before += timings_[i].seconds;
  const auto start = SteadyClock::now();
  const SettlingSink::ProcessFn process = [this](Document& doc) { return Process(doc); };
  SettlingSink sink(process, ledger);
  Status st = read_(paths, read_options, sink);
  // What is not stage or store time was ingest's own (reading and parsing).
  double after = 0;
  for (size_t i = 1; i < timings_.size(); ++i) after += timings_[i].seconds;
  timings_.front().seconds += std::max(0.0, SecondsSince(start) - (after - before));
  return st;
}

Status Runner::Drive(const std::vector<std::string>& paths, Ledger& ledger) {
  ingest::Options read_options;
  read_options.fs = options_.fs;
  read_options.max_file_bytes = options_.max_file_bytes;
  read_options.max_document_bytes = options_.max_document_bytes;

  const int workers = options_.threads > 0
                          ? options_.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Status read;
  if (workers <= 1) {
    read = IngestHere(paths, read_options, ledger);
  } else {
    const ProcessFn process = [this](Document& doc, std::vector<StageTiming>& timings) {
      return ProcessInto(doc, timings);
    };
    read = IngestInParallel(read_, paths, read_options, process, workers, ledger, timings_);
  }
  Status flush = ledger.Flush();  // keep what was stored even when the run stopped
  if (!read.ok()) return read;
  return flush;
}

Result<IngestSummary> Runner::Ingest(const std::vector<std::string>& paths, Store& store,
                                     const ProgressFn& progress) {
  const auto start = SteadyClock::now();
  IngestSummary summary;
  Ledger ledger(store, progress, timings_, summary);
  SITREP_RETURN_IF_ERROR(Drive(paths, ledger));
  summary.bytes = ledger.bytes();
  summary.seconds = SecondsSince(start);
  std::string command = "ingest";
  for (const std::string& p : paths) command += " " + p;
  Result<int64_t> run = store.LogIngestRun(command, summary);
  if (!run.ok()) return run.status();
  return summary;
}

Result<IngestSummary> Runner::Stream(const std::vector<std::string>& paths,
                                     const std::function<Status(Document&)>& sink,
                                     const ProgressFn& progress) {
  const auto start = SteadyClock::now();
  IngestSummary summary;
  Ledger ledger(sink, progress, timings_, summary);
  SITREP_RETURN_IF_ERROR(Drive(paths, ledger));
  summary.bytes = ledger.bytes();
  summary.seconds = SecondsSince(start);
  return summary;
}

}  // namespace

Result<std::vector<std::unique_ptr<Stage>>> DefaultStages(const PipelineOptions& options) {
  auto skipped = [&](std::string_view name) {
    return std::find(options.skip.begin(), options.skip.end(), name) != options.skip.end();
  };
  std::vector<std::unique_ptr<Stage>> stages;
  auto text = MakeTextStage();
  if (!text.ok()) return text.status();
  stages.push_back(std::move(text).value());
  auto time = MakeTimeStage(options.clock, !skipped("time"));
  if (!time.ok()) return time.status();
  stages.push_back(std::move(time).value());
  auto extract = MakeExtractStage(options.geonames, !skipped("extract"));
  if (!extract.ok()) return extract.status();
  stages.push_back(std::move(extract).value());
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
