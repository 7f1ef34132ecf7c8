// The "text" stage: page furniture, paragraphs, sentences and tokens (text/text.h).
#include "pipeline/stage.h"
#include "pipeline/verify.h"
#include "text/resources.h"
#include "text/text.h"

namespace sitrep::pipeline {
namespace {

class TextStage final : public Stage {
 public:
  explicit TextStage(std::shared_ptr<const text::Resources> resources)
      : resources_(std::move(resources)) {}
  std::string_view name() const override { return "text"; }
  Status Run(Document& doc) const override { return text::Annotate(*resources_, doc); }
  Status Verify(const Document& doc) const override { return VerifyText(doc); }

 private:
  std::shared_ptr<const text::Resources> resources_;
};

}  // namespace

Result<std::unique_ptr<Stage>> MakeTextStage() {
  auto resources = text::DefaultResources();
  if (!resources.ok()) {
    return Status::NotFound("the text stage cannot start: " + resources.status().message());
  }
  return std::unique_ptr<Stage>(std::make_unique<TextStage>(*resources));
}

}  // namespace sitrep::pipeline
