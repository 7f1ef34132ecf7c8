#include "pipeline/ledger.h"

#include <algorithm>
#include <chrono>

#include "pipeline/runner.h"

namespace sitrep::pipeline {
namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

}  // namespace

void Ledger::SeenDocument(const Document& doc) {
  ++summary_.seen;
  ++timings_.front().documents;
  document_bytes_ += doc.raw.empty() ? doc.text.size() : doc.raw.size();
}

void Ledger::SeenRejection(Rejection rejection) {
  ++summary_.seen;
  ++timings_.front().documents;
  Reject(std::move(rejection));
}

void Ledger::Reject(Rejection rejection) {
  ++summary_.rejected;
  summary_.rejections.push_back(std::move(rejection));
}

void Ledger::Duplicate(const std::string& id) {
  ++summary_.duplicates;
  summary_.duplicate_ids.push_back(id);
}

Result<bool> Ledger::Admit(const Document& doc) {
  bool stored = false;
  if (store_ != nullptr) {
    const auto start = SteadyClock::now();
    Result<bool> has = store_->HasDocument(doc.id);
    timings_.back().seconds += SecondsSince(start);
    if (!has.ok()) return has.status();
    stored = *has;
  }
  if (stored || !ids_.insert(doc.id).second) {
    Duplicate(doc.id);
    return false;
  }
  return true;
}

Status Ledger::Keep(Document& doc) {
  const auto start = SteadyClock::now();
  Status st;
  bool inserted = false;
  if (store_ == nullptr) {
    st = (*sink_)(doc);
    inserted = true;
  } else {
    if (!in_batch_) {
      st = store_->Begin();
      in_batch_ = st.ok();
    }
    if (st.ok()) st = store_->PutDocument(doc, &inserted);
    if (st.ok() && ++batch_ == kBatchSize) st = CommitBatch();
  }
  timings_.back().seconds += SecondsSince(start);
  ++timings_.back().documents;
  if (!st.ok()) return st;
  if (inserted) {
    ++summary_.stored;
    summary_.events += doc.events.size();
    summary_.claims += doc.claims.size();
  } else {
    Duplicate(doc.id);  // stored by someone else since Admit
  }
  return Status();
}

Status Ledger::CommitBatch() {
  batch_ = 0;
  if (!in_batch_) return Status();
  in_batch_ = false;
  return store_->Commit();
}

Status Ledger::Flush() {
  const auto start = SteadyClock::now();
  Status st = CommitBatch();
  timings_.back().seconds += SecondsSince(start);
  return st;
}

void Ledger::Progress(uint64_t done, uint64_t total) {
  bytes_done_ = std::max(bytes_done_, done);
  if (progress_) progress_(done, total);
}

}  // namespace sitrep::pipeline
