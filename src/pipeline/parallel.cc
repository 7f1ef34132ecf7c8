#include "pipeline/parallel.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace sitrep::pipeline {
namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Something ingest handed over: a document or a rejection.
struct Item {
  bool is_rejection = false;
  Rejection rejection;
  Document doc;
};

// One input waiting to be settled, in input order. `ready` and `status` are written by a
// worker under the mutex; everything else belongs to the calling thread.
struct Slot {
  bool is_rejection = false;
  Rejection rejection;
  Document doc;
  Status status;
  bool ready = false;
};

struct Shared {
  std::mutex mu;
  std::condition_variable main_cv;    // the calling thread waits here
  std::condition_variable reader_cv;  // the reader waits for room in the inbox
  std::condition_variable work_cv;    // workers wait for jobs

  std::deque<Item> inbox;
  size_t inbox_limit = 8;
  bool reader_done = false;
  Status reader_status;
  double reader_seconds = 0, reader_wait_seconds = 0;

  bool progress_changed = false;
  uint64_t done = 0, total = 0;

  std::deque<Slot*> work;
  bool no_more_work = false;
  bool stop = false;  // the calling thread failed: reader and workers give up
};

// The reader's sink: hands each input to the calling thread through the inbox.
class QueueSink final : public ingest::Sink {
 public:
  explicit QueueSink(Shared& s) : s_(s) {}

  Status OnDocument(Document&& doc) override {
    Item item;
    item.doc = std::move(doc);
    return Push(std::move(item));
  }
  void OnRejected(Rejection rejection) override {
    Item item;
    item.is_rejection = true;
    item.rejection = std::move(rejection);
    Push(std::move(item)).IgnoreError();  // only fails when stopping
  }
  void OnProgress(uint64_t done, uint64_t total) override {
    {
      std::lock_guard<std::mutex> lock(s_.mu);
      s_.done = done;
      s_.total = total;
      s_.progress_changed = true;
    }
    s_.main_cv.notify_one();
  }

 private:
  Status Push(Item&& item) {
    {
      std::unique_lock<std::mutex> lock(s_.mu);
      const auto start = SteadyClock::now();
      s_.reader_cv.wait(lock, [&] { return s_.stop || s_.inbox.size() < s_.inbox_limit; });
      s_.reader_wait_seconds += SecondsSince(start);
      // The calling thread reports the failure that stopped the run.
      if (s_.stop) return Status::Internal("ingest stopped");
      s_.inbox.push_back(std::move(item));
    }
    s_.main_cv.notify_one();
    return Status();
  }

  Shared& s_;
};

void Work(Shared& s, const ProcessFn& process, std::vector<StageTiming>& timings) {
  for (;;) {
    Slot* slot = nullptr;
    {
      std::unique_lock<std::mutex> lock(s.mu);
      s.work_cv.wait(lock, [&] { return !s.work.empty() || s.no_more_work; });
      if (s.work.empty()) return;
      slot = s.work.front();
      s.work.pop_front();
    }
    Status st = process(slot->doc, timings);
    {
      std::lock_guard<std::mutex> lock(s.mu);
      slot->status = std::move(st);
      slot->ready = true;
    }
    s.main_cv.notify_one();
  }
}

// Records the outcome of one input. Fails only when the store fails.
Status Settle(Slot& slot, Ledger& ledger) {
  if (slot.is_rejection) {
    ledger.SeenRejection(std::move(slot.rejection));
    return Status();
  }
  if (!slot.status.ok()) {
    ledger.Reject(Rejection{slot.doc.source, slot.status.message()});
    return Status();
  }
  return ledger.Keep(slot.doc);
}

}  // namespace

Status IngestInParallel(const ReadFn& read, const std::vector<std::string>& paths,
                        const ingest::Options& options, const ProcessFn& process, int workers,
                        Ledger& ledger, std::vector<StageTiming>& timings) {
  workers = std::max(workers, 1);
  Shared s;
  s.inbox_limit = 2 * static_cast<size_t>(workers) + 2;
  const size_t max_in_flight = 4 * static_cast<size_t>(workers) + 4;

  std::vector<StageTiming> zero = timings;
  for (StageTiming& t : zero) t.documents = 0, t.seconds = 0;
  std::vector<std::vector<StageTiming>> worker_timings(static_cast<size_t>(workers), zero);

  QueueSink sink(s);
  std::thread reader([&] {
    const auto start = SteadyClock::now();
    Status st = read(paths, options, sink);
    {
      std::lock_guard<std::mutex> lock(s.mu);
      s.reader_status = std::move(st);
      s.reader_done = true;
      s.reader_seconds = SecondsSince(start);
    }
    s.main_cv.notify_one();
  });
  std::vector<std::thread> pool;
  for (int i = 0; i < workers; ++i) {
    pool.emplace_back(Work, std::ref(s), std::cref(process),
                      std::ref(worker_timings[static_cast<size_t>(i)]));
  }

  std::deque<std::unique_ptr<Slot>> pending;  // in input order; owned here
  Status failure;
  for (;;) {
    std::unique_ptr<Slot> settled;
    Item item;
    bool have_item = false, progress = false, finished = false;
    uint64_t done = 0, total = 0;
    {
      std::unique_lock<std::mutex> lock(s.mu);
      auto front_ready = [&] { return !pending.empty() && pending.front()->ready; };
      auto can_take = [&] { return !s.inbox.empty() && pending.size() < max_in_flight; };
      auto all_done = [&] { return s.reader_done && s.inbox.empty() && pending.empty(); };
      s.main_cv.wait(lock, [&] {
        return s.progress_changed || front_ready() || can_take() || all_done();
      });
      if (s.progress_changed) {
        progress = true;
        done = s.done;
        total = s.total;
        s.progress_changed = false;
      }
      if (front_ready()) {
        settled = std::move(pending.front());
        pending.pop_front();
      } else if (can_take()) {
        item = std::move(s.inbox.front());
        s.inbox.pop_front();
        have_item = true;
        s.reader_cv.notify_one();
      } else {
        finished = all_done();
      }
    }
    if (progress) ledger.Progress(done, total);
    if (settled) {
      failure = Settle(*settled, ledger);
      if (!failure.ok()) break;
      continue;
    }
    if (finished) break;
    if (!have_item) continue;
    auto slot = std::make_unique<Slot>();
    if (item.is_rejection) {
      slot->is_rejection = true;
      slot->rejection = std::move(item.rejection);
      slot->ready = true;  // no worker ever sees this slot
      pending.push_back(std::move(slot));
      continue;
    }
    ledger.SeenDocument(item.doc);
    Result<bool> admitted = ledger.Admit(item.doc);
    if (!admitted.ok()) {
      failure = admitted.status();
      break;
    }
    if (!*admitted) continue;
    slot->doc = std::move(item.doc);
    Slot* job = slot.get();
    pending.push_back(std::move(slot));
    {
      std::lock_guard<std::mutex> lock(s.mu);
      s.work.push_back(job);
    }
    s.work_cv.notify_one();
  }

  {
    std::lock_guard<std::mutex> lock(s.mu);
    s.no_more_work = true;
    if (!failure.ok()) {
      s.stop = true;
      s.work.clear();
    }
  }
  s.work_cv.notify_all();
  s.reader_cv.notify_all();
  reader.join();
  for (std::thread& t : pool) t.join();

  for (const auto& wt : worker_timings) {
    for (size_t i = 0; i < timings.size() && i < wt.size(); ++i) {
      timings[i].documents += wt[i].documents;
      timings[i].seconds += wt[i].seconds;
    }
  }
  timings.front().seconds += std::max(0.0, s.reader_seconds - s.reader_wait_seconds);
  if (!failure.ok()) return failure;
  return s.reader_status;
}

}  // namespace sitrep::pipeline
