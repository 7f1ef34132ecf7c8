// Internal to pipeline/. One per-document stage behind the runner.
//
// A stage is a small class: a name (what `--skip` and the timings call it), Run (the work,
// in place on one document) and Verify (the invariants its output must hold, checked by
// the runner after Run when PipelineOptions::verify is set). Adding a stage is one class,
// one factory below and one line in DefaultStages (runner.cc).
//
// Threads: Run and Verify may be called for different documents from different threads at
// once; a stage keeps no per-document state in members.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sitrep/document.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::lexicon {
class Lexicon;
}  // namespace sitrep::lexicon

namespace sitrep::pipeline {

class Stage {
 public:
  virtual ~Stage() = default;
  // Stable, lowercase, one word: "text", "time".
  virtual std::string_view name() const = 0;
  // Annotates `doc` in place. Non-ok when the document cannot go through this stage;
  // the runner then rejects the document with this message.
  virtual Status Run(Document& doc) const = 0;
  // Checks what Run promised. Non-ok names the first broken invariant (the runner adds
  // the stage and the document).
  virtual Status Verify(const Document& doc) const = 0;
};

// text::Annotate: lines, paragraphs, sentences, tokens, title. Loads the text word lists
// once; fails with NotFound naming the folder when they cannot be loaded.
Result<std::unique_ptr<Stage>> MakeTextStage();
// The document date (time stage). `clock` says "today" (no date after it is believed);
// it must outlive the stage. Fails with NotFound when the time word lists cannot be
// loaded and `required` (the stage is not skipped); a stage made without them refuses to
// run.
Result<std::unique_ptr<Stage>> MakeTimeStage(const Clock* clock, bool required);
// Mentions, events and claims (extract::Annotate) and doc.minhash (fuse::MinHash of the
// cleaned text). Uses extract::Resources::Default(), the process-wide lexicon for
// `geonames` (SharedLexicon) and time::DefaultTagger() (without it, no time expressions).
// Fails with NotFound when `required` (not skipped) and the extract word lists or the
// lexicon cannot be loaded; a stage made with required = false loads nothing and refuses
// to run.
Result<std::unique_ptr<Stage>> MakeExtractStage(const std::string& geonames, bool required);

// The lexicon for `geonames` (empty: the default gazetteer), opened on first use and
// shared for the life of the process (so the gazetteer is read and compiled once). A
// failure is remembered and returned again. Thread-safe.
Result<const lexicon::Lexicon*> SharedLexicon(const std::string& geonames);

}  // namespace sitrep::pipeline
