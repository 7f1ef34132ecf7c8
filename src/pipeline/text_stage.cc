// The "text" stage: page furniture, paragraphs, sentences and tokens (text/text.h).
#include "pipeline/stage.h"
#include "pipeline/verify.h"
#include "text/text.h"

namespace sitrep::pipeline {
namespace {

class TextStage final : public Stage {
 public:
  std::string_view name() const override { return "text"; }
  Status Run(Document& doc) const override { return text::Annotate(doc); }
  Status Verify(const Document& doc) const override { return VerifyText(doc); }
};

}  // namespace

std::unique_ptr<Stage> MakeTextStage() { return std::make_unique<TextStage>(); }

}  // namespace sitrep::pipeline
