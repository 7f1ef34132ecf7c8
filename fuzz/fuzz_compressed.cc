// Fuzz target: compressed inputs through ReadBuffer with small size limits.
//
// The first input byte picks how the rest (the payload) is presented, so the fuzzer can
// reach both the decompressors' error paths and the formats inside valid streams:
//   0  payload as is, named "x.gz"        3  gzip(payload)             6  gzip(gzip(zstd(payload)))
//   1  gzip magic + payload               4  zstd(payload)                (three layers: rejected)
//   2  zstd magic + payload               5  zstd(gzip(payload))       7  gzip(payload) + payload tail
// Limits: max_file_bytes 32 KiB (decompressed output is capped there), max_document_bytes
// 8 KiB. Every document must pass the same checks as plain text (fuzz_util.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "util/compress.h"

namespace {

std::string Gz(std::string_view s) {
  auto r = sitrep::GzipBytes(s, 1);
  sitrep::fuzz::CheckOk(r.status(), "GzipBytes");
  return *r;
}

std::string Zs(std::string_view s) {
  auto r = sitrep::ZstdBytes(s, 1);
  sitrep::fuzz::CheckOk(r.status(), "ZstdBytes");
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep::fuzz;
  if (size > kMaxInput || size == 0) return 0;
  const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  std::string name = "x.txt.gz";
  switch (data[0] & 7) {
    case 0: bytes = std::string(payload); name = "x.gz"; break;
    case 1: bytes = std::string("\x1f\x8b", 2) + std::string(payload); break;
    case 2: bytes = std::string("\x28\xb5\x2f\xfd", 4) + std::string(payload); name = "x.zst"; break;
    case 3: bytes = Gz(payload); break;
    case 4: bytes = Zs(payload); name = "x.jsonl.zst"; break;
    case 5: bytes = Zs(Gz(payload)); name = "x.html.gz.zst"; break;
    case 6: bytes = Gz(Gz(Zs(payload))); break;
    case 7: {
      // A valid member followed by garbage (or a second member when the tail is one).
      const size_t cut = payload.size() / 2;
      bytes = Gz(payload.substr(0, cut)) + std::string(payload.substr(cut));
      break;
    }
  }
  sitrep::ingest::Options options;
  options.max_file_bytes = 32 * 1024;
  options.max_document_bytes = 8 * 1024;
  KeepSink sink = IngestAndCheck(name, std::move(bytes), options);
  Check(sink.docs.size() + sink.rejected.size() > 0, "ingest", "input produced neither a document nor a rejection");
  for (const sitrep::Document& doc : sink.docs)
    Check(doc.raw.size() <= options.max_file_bytes, "ingest", "raw larger than max_file_bytes");
  if ((data[0] & 7) == 6) Check(sink.docs.empty(), "ingest", "three compression layers were accepted");
  return 0;
}
