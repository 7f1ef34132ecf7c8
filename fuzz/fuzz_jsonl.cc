// Fuzz target: ReadBuffer on the input as "x.jsonl", then every document through the ingest
// checks, text::Annotate and the text-stage checks (see fuzz_util.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep::fuzz;
  if (size > kMaxInput) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  KeepSink sink = IngestAndCheck("x.jsonl", std::move(bytes), SmallOptions());
  // Every record's source names its line: "x.jsonl:N".
  for (const sitrep::Document& doc : sink.docs) {
    if (doc.format == sitrep::InputFormat::kJsonLines)
      Check(doc.source.rfind("x.jsonl:", 0) == 0, "jsonl", "record source without a line number: " + doc.source);
  }
  return 0;
}
