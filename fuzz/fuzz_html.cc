// Fuzz target: ReadBuffer on the input as "x.html", then every document through the ingest
// checks, text::Annotate and the text-stage checks (see fuzz_util.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep::fuzz;
  if (size > kMaxInput) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  IngestAndCheck("x.html", std::move(bytes), SmallOptions());
  return 0;
}
