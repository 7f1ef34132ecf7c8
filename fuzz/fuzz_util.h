// Internal to fuzz/. Shared checks for the fuzz targets: a sink that keeps what ingest
// returns, and the invariant checks every ingested document must pass (pipeline/verify.h
// after ingest, then text::Annotate and the text-stage checks).
//
// A violated invariant prints what failed to stderr and calls abort(), which libFuzzer
// and the replay driver both report as a crash with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/verify.h"
#include "sitrep/document.h"
#include "sitrep/status.h"
#include "text/text.h"
#include "util/unicode.h"

namespace sitrep::fuzz {

// Inputs larger than this are ignored by every target (keeps each run fast).
inline constexpr size_t kMaxInput = 64 * 1024;

[[noreturn]] inline void Fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "FUZZ CHECK FAILED: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void Check(bool ok, std::string_view what, std::string_view detail = "") {
  if (!ok) Fail(what, detail);
}

inline void CheckOk(const Status& st, std::string_view what) {
  if (!st.ok()) Fail(what, st.ToString());
}

class KeepSink : public ingest::Sink {
 public:
  Status OnDocument(Document&& doc) override {
    docs.push_back(std::move(doc));
    return Status::Ok();
  }
  void OnRejected(Rejection rejection) override { rejected.push_back(std::move(rejection)); }

  std::vector<Document> docs;
  std::vector<Rejection> rejected;
};

// The text resources, loaded once per process; aborts when they are missing (a setup
// problem, not a finding).
inline const text::Resources& TextResources() {
  static const std::shared_ptr<const text::Resources> res = [] {
    auto r = text::DefaultResources();
    if (!r.ok()) Fail("loading text resources", r.status().ToString());
    return *r;
  }();
  return *res;
}

// Everything that must hold for one document that ingest produced: the ingest contract,
// then Annotate succeeds and leaves well-formed annotations, and is deterministic
// (annotating a copy of the ingested document gives the same spans).
inline void CheckIngestedDocument(Document& doc) {
  CheckOk(pipeline::VerifyIngested(doc), "VerifyIngested");
  Check(!doc.text.empty(), "ingest", "document with empty text");
  // Every field is written to JSON and SQLite as text, so every one must be valid UTF-8.
  for (const std::string* f : {&doc.id, &doc.source, &doc.url, &doc.title, &doc.outlet, &doc.published, &doc.raw})
    Check(IsValidUtf8(*f), "ingest", "a document field is not valid UTF-8: " + *f);
  for (const auto& [name, value] : doc.metadata)
    Check(IsValidUtf8(name) && IsValidUtf8(value), "ingest", "metadata not valid UTF-8: " + name);
  Document copy = doc;
  CheckOk(text::Annotate(TextResources(), doc), "text::Annotate");
  Check(doc.text == copy.text, "text::Annotate", "changed doc.text");
  CheckOk(pipeline::VerifyText(doc), "VerifyText");
  (void)doc.CleanText();

  CheckOk(text::Annotate(TextResources(), copy), "text::Annotate (copy)");
  bool same = copy.lines.size() == doc.lines.size() && copy.paragraphs.size() == doc.paragraphs.size() &&
              copy.sentences.size() == doc.sentences.size() && copy.tokens.size() == doc.tokens.size();
  for (size_t i = 0; same && i < doc.sentences.size(); ++i) same = copy.sentences[i].span == doc.sentences[i].span;
  for (size_t i = 0; same && i < doc.tokens.size(); ++i) same = copy.tokens[i].span == doc.tokens[i].span;
  Check(same, "text::Annotate", "not deterministic: two runs on the same document differ");
}

// Reads `bytes` as `name` and checks the results. ReadBuffer only fails when the sink
// does, and KeepSink never does.
inline KeepSink IngestAndCheck(const std::string& name, std::string bytes, const ingest::Options& options) {
  KeepSink sink;
  CheckOk(ingest::ReadBuffer(name, std::move(bytes), options, sink), "ingest::ReadBuffer");
  for (const Rejection& r : sink.rejected) {
    Check(!r.source.empty(), "ingest rejection", "empty source");
    Check(!r.reason.empty(), "ingest rejection", "empty reason");
  }
  for (Document& doc : sink.docs) CheckIngestedDocument(doc);
  // SITREP_FUZZ_DEBUG=1: say what each input became (to see that a corpus reaches the text stage).
  static const bool debug = std::getenv("SITREP_FUZZ_DEBUG") != nullptr;
  if (debug) {
    size_t sentences = 0;
    for (const Document& doc : sink.docs) sentences += doc.sentences.size();
    std::fprintf(stderr, "fuzz: %zu documents (%zu sentences), %zu rejected%s%s\n", sink.docs.size(), sentences,
                 sink.rejected.size(), sink.rejected.empty() ? "" : ": ",
                 sink.rejected.empty() ? "" : sink.rejected.front().reason.c_str());
  }
  return sink;
}

inline ingest::Options SmallOptions() {
  ingest::Options o;
  o.max_file_bytes = 256 * 1024;
  o.max_document_bytes = 16 * 1024;
  return o;
}

}  // namespace sitrep::fuzz
