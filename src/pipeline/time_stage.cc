// The "time" stage: the document's date (time/dating.h).
//
// TODO(lead): wire time::DateDocument once src/time/dating.h lands:
//   #include "time/dating.h"
//   Status Run(Document& doc) const override {
//     time::DatingOptions opts;  // with clock_ for "today", as dating.h asks
//     time::DateDocument(doc, opts);
//     return Status();
//   }
// Until then the stage keeps its name (so `--skip time`, StageNames() and the timings are
// stable) and leaves doc.date as it is; Verify already checks the date's form.
#include "pipeline/stage.h"
#include "pipeline/verify.h"

namespace sitrep::pipeline {
namespace {

class TimeStage final : public Stage {
 public:
  explicit TimeStage(const Clock* clock) : clock_(clock) {}
  std::string_view name() const override { return "time"; }
  Status Run(Document& doc) const override {
    (void)doc;
    (void)clock_;
    return Status();
  }
  Status Verify(const Document& doc) const override { return VerifyDate(doc.date); }

 private:
  const Clock* clock_;
};

}  // namespace

std::unique_ptr<Stage> MakeTimeStage(const Clock* clock) {
  return std::make_unique<TimeStage>(clock);
}

}  // namespace sitrep::pipeline
