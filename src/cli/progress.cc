#include "cli/progress.h"

#include <fmt/format.h>

#include "cli/output.h"

namespace sitrep::cli {

void ProgressLine::Update(uint64_t done, uint64_t total, uint64_t documents) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = "ingest  " + HumanBytes(done);
  if (total > 0) {
    line += fmt::format(" / {}  {:3.0f}%", HumanBytes(total),
                        100.0 * static_cast<double>(done) / static_cast<double>(total));
  }
  line += fmt::format("  {} docs", documents);
  if (seconds > 0.2) {
    line += fmt::format("  {:.0f} docs/s", static_cast<double>(documents) / seconds);
  }
  out_ << "\r\x1b[K" << line << std::flush;
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (!drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace sitrep::cli
