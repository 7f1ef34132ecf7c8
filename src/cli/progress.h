// Internal to cli/. A one-line progress display for long ingests, on a terminal only.
//
//   ingest  3.2 MB / 10.0 MB  32%  1,204 docs  850 docs/s
//
// Redrawn in place with '\r' at most ten times a second; Finish() erases it so the next
// line starts clean. Writes nothing when not enabled.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace sitrep::cli {

class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  ~ProgressLine() { Finish(); }

  // Bytes done and in all (0 when unknown), documents so far. Cheap when throttled.
  void Update(uint64_t done, uint64_t total, uint64_t documents);
  // Erases the line, if one was drawn.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
};

}  // namespace sitrep::cli
