// The "extract" stage: mentions, events and claims (extract/annotate.h) and the MinHash
// signature of the cleaned text (fuse/fuse.h). Needs the text stage's sentences and the
// time stage's date.
//
// The lexicon (with its compiled gazetteer) is large and slow to open, so it is opened
// once per process for each GeoNames source and shared by every pipeline and thread.
#include <map>
#include <mutex>

#include "extract/annotate.h"
#include "fuse/fuse.h"
#include "lexicon/lexicon.h"
#include "pipeline/stage.h"
#include "pipeline/verify.h"
#include "time/dating.h"

namespace sitrep::pipeline {
namespace {

class ExtractStage final : public Stage {
 public:
  explicit ExtractStage(extract::Annotator annotator) : annotator_(annotator) {}
  std::string_view name() const override { return "extract"; }
  Status Run(Document& doc) const override {
    if (annotator_.resources == nullptr) {
      return Status::Internal("the extract stage has no resources");
    }
    extract::Annotate(annotator_, doc);
    doc.minhash = fuse::MinHash(doc.CleanText());
    return Status();
  }
  Status Verify(const Document& doc) const override { return VerifyRecords(doc); }

 private:
  extract::Annotator annotator_;  // all three process-wide, never deleted
};

}  // namespace

Result<const lexicon::Lexicon*> SharedLexicon(const std::string& geonames) {
  struct Entry {
    Status status;
    std::unique_ptr<lexicon::Lexicon> lexicon;
  };
  static std::mutex mu;
  static auto* opened = new std::map<std::string, Entry>();  // lives until exit
  std::lock_guard<std::mutex> lock(mu);
  auto it = opened->find(geonames);
  if (it == opened->end()) {
    lexicon::LexiconOptions options;
    options.gazetteer.geonames = geonames;
    auto lex = lexicon::Lexicon::Open(options);
    Entry e;
    if (lex.ok()) {
      e.lexicon = std::move(lex).value();
    } else {
      e.status = lex.status();
    }
    it = opened->emplace(geonames, std::move(e)).first;
  }
  if (!it->second.status.ok()) return it->second.status;
  return static_cast<const lexicon::Lexicon*>(it->second.lexicon.get());
}

Result<std::unique_ptr<Stage>> MakeExtractStage(const std::string& geonames, bool required) {
  extract::Annotator annotator;
  if (!required) {
    // Skipped: do not pay for loading data nobody uses; the stage refuses to run.
    return std::unique_ptr<Stage>(std::make_unique<ExtractStage>(annotator));
  }
  auto resources = extract::Resources::Default();
  if (!resources.ok()) {
    return Status::NotFound("the extract stage cannot load its word lists from " +
                            extract::Resources::DefaultDataDir() + ": " +
                            resources.status().message() +
                            " (set SITREP_HOME to the sitrep folder, or --skip extract)");
  }
  auto lexicon = SharedLexicon(geonames);
  if (!lexicon.ok()) {
    return Status::NotFound("the extract stage cannot open the lexicon: " +
                            lexicon.status().message() +
                            " (run scripts/setup.sh, pass --geonames, or --skip extract)");
  }
  annotator.resources = *resources;
  annotator.lexicon = *lexicon;
  annotator.tagger = time::DefaultTagger();  // nullptr: no time expressions
  return std::unique_ptr<Stage>(std::make_unique<ExtractStage>(annotator));
}

}  // namespace sitrep::pipeline
