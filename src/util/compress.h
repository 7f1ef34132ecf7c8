// Internal to sitrep. Recognising and undoing gzip and zstd compression, with a budget.
//
// Input is judged by its magic bytes, never by a file name. Decompression is streaming
// (the output size need not be known up front) and stops with BadInput as soon as the
// output would pass `max_bytes`, so a "zip bomb" costs at most `max_bytes` of memory.
// Corrupt, truncated or trailing-garbage input fails with BadInput and zlib's or zstd's
// reason. Nothing here throws or prints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep {

enum class Compression : uint8_t { kNone, kGzip, kZstd };

// "none", "gzip", "zstd".
std::string_view CompressionName(Compression c);

// kGzip when `bytes` starts with 1f 8b, kZstd when it starts with 28 b5 2f fd, else kNone.
Compression DetectCompression(std::string_view bytes);

// Gzip (RFC 1952) data, possibly several members one after another (as `cat a.gz b.gz`
// makes): their contents are concatenated. Trailing zero bytes (tape padding) are
// ignored; any other trailing bytes are an error.
Result<std::string> GunzipBytes(std::string_view bytes, uint64_t max_bytes);

// Zstandard data: one or more frames (skippable frames are skipped). Frames need not
// declare their content size. Frames that need a window above 128 MiB are refused.
Result<std::string> UnzstdBytes(std::string_view bytes, uint64_t max_bytes);

// Decompresses by DetectCompression(bytes). Fails with InvalidArgument when `bytes` is
// neither gzip nor zstd (callers check DetectCompression first).
Result<std::string> Decompress(std::string_view bytes, uint64_t max_bytes);

// Compressors, for tests, fixtures and writers. `level` as in gzip (1..9) and zstd (1..19).
// Fail only with Internal (out of memory).
Result<std::string> GzipBytes(std::string_view data, int level = 6);
Result<std::string> ZstdBytes(std::string_view data, int level = 3);

}  // namespace sitrep
