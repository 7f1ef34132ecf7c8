// The "time" stage: the document's date from metadata, dateline, byline and body
// (time/dating.h). Needs the text stage's sentences.
#include "pipeline/stage.h"
#include "pipeline/verify.h"
#include "time/dating.h"

namespace sitrep::pipeline {
namespace {

class TimeStage final : public Stage {
 public:
  TimeStage(const time::Tagger* tagger, const Clock* clock) : tagger_(tagger), clock_(clock) {}
  std::string_view name() const override { return "time"; }
  Status Run(Document& doc) const override {
    if (tagger_ == nullptr) return Status::Internal("the time stage has no tagger");
    time::DatingOptions opts;
    opts.tagger = tagger_;
    opts.clock = clock_;
    time::DateDocument(doc, opts);
    return Status();
  }
  Status Verify(const Document& doc) const override { return VerifyDate(doc.date); }

 private:
  const time::Tagger* tagger_;  // process-wide (time::DefaultTagger), never deleted
  const Clock* clock_;
};

}  // namespace

Result<std::unique_ptr<Stage>> MakeTimeStage(const Clock* clock, bool required) {
  const time::Tagger* tagger = time::DefaultTagger();
  if (tagger == nullptr && required) {
    // DefaultTagger keeps no reason; loading again says what is missing.
    auto loaded = time::Tagger::LoadDefault();
    std::string why = loaded.ok() ? "unknown reason" : loaded.status().message();
    return Status::NotFound("the time stage cannot load its word lists from " +
                            time::Tagger::DefaultDataDir() + ": " + why +
                            " (set SITREP_HOME to the sitrep folder, or --skip time)");
  }
  return std::unique_ptr<Stage>(std::make_unique<TimeStage>(tagger, clock));
}

}  // namespace sitrep::pipeline
