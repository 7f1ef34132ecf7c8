#include "util/compress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <memory>

namespace sitrep {
namespace {

constexpr size_t kChunk = 1 << 16;
// zlib counts in 32-bit units; feed it at most this much input at a time.
constexpr size_t kMaxFeed = 1u << 30;

Status TooLarge(const char* what, size_t compressed, uint64_t max_bytes) {
  return Status::BadInput(std::string(what) + " data of " + std::to_string(compressed) +
                          " bytes expands to more than the limit of " + std::to_string(max_bytes) +
                          " bytes");
}

bool AllZero(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == 0; });
}

// An output reservation that trusts a size hint only as far as the budget and a
// plausible compression ratio allow.
size_t ReserveHint(uint64_t hint, size_t compressed, uint64_t max_bytes) {
  uint64_t plausible = static_cast<uint64_t>(compressed) * 1032 + kChunk;  // deflate's best ratio
  return static_cast<size_t>(std::min({hint, max_bytes, plausible}));
}

}  // namespace

std::string_view CompressionName(Compression c) {
  switch (c) {
    case Compression::kNone: return "none";
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
  }
  return "none";
}

Compression DetectCompression(std::string_view bytes) {
  if (bytes.starts_with("\x1f\x8b")) return Compression::kGzip;
  if (bytes.starts_with("\x28\xb5\x2f\xfd")) return Compression::kZstd;
  return Compression::kNone;
}

Result<std::string> GunzipBytes(std::string_view bytes, uint64_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return Status::Internal("zlib: cannot initialise inflate");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  std::string out;
  if (bytes.size() >= 18) {
    // ISIZE: the last member's size mod 2^32; a hint only.
    const auto* t = reinterpret_cast<const uint8_t*>(bytes.data() + bytes.size() - 4);
    uint32_t isize = t[0] | (t[1] << 8) | (t[2] << 16) | (static_cast<uint32_t>(t[3]) << 24);
    out.reserve(ReserveHint(isize, bytes.size(), max_bytes));
  }
  size_t fed = 0;  // bytes of `bytes` handed to zlib so far
  auto feed = [&] {
    size_t n = std::min(kMaxFeed, bytes.size() - fed);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
    zs.avail_in = static_cast<uInt>(n);
    fed += n;
  };
  feed();
  char chunk[kChunk];
  while (true) {
    if (zs.avail_in == 0 && fed < bytes.size()) feed();
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = kChunk;
    int ret = inflate(&zs, Z_NO_FLUSH);
    size_t produced = kChunk - zs.avail_out;
    if (out.size() + produced > max_bytes) return TooLarge("gzip", bytes.size(), max_bytes);
    out.append(chunk, produced);
    if (ret == Z_STREAM_END) {
      size_t pos = fed - zs.avail_in;  // offset of the first byte after this member
      std::string_view rest = bytes.substr(pos);
      if (rest.empty() || AllZero(rest)) return out;
      if (!rest.starts_with("\x1f\x8b")) {
        return Status::BadInput("trailing garbage after gzip data at byte " + std::to_string(pos));
      }
      inflateReset(&zs);
      continue;
    }
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR) {
      if (zs.avail_in == 0 && fed == bytes.size()) {
        return Status::BadInput("truncated gzip data (ends after " + std::to_string(bytes.size()) +
                                " bytes, inside a compressed stream)");
      }
      continue;
    }
    if (ret == Z_MEM_ERROR) return Status::Internal("zlib: out of memory");
    std::string why = zs.msg != nullptr ? zs.msg : (ret == Z_NEED_DICT ? "needs a preset dictionary" : "error");
    return Status::BadInput("corrupt gzip data: " + why + " (near byte " +
                            std::to_string(fed - zs.avail_in) + ")");
  }
}

Result<std::string> UnzstdBytes(std::string_view bytes, uint64_t max_bytes) {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (dctx == nullptr) return Status::Internal("zstd: cannot create a decompression context");
  std::string out;
  unsigned long long declared = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR) {
    if (declared > max_bytes) return TooLarge("zstd", bytes.size(), max_bytes);
    out.reserve(ReserveHint(declared, bytes.size(), max_bytes));
  }
  ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
  char chunk[kChunk];
  size_t last = 0;
  bool any = false;
  while (in.pos < in.size) {
    ZSTD_outBuffer o{chunk, kChunk, 0};
    size_t ret = ZSTD_decompressStream(dctx.get(), &o, &in);
    if (ZSTD_isError(ret)) {
      return Status::BadInput(std::string("corrupt zstd data: ") + ZSTD_getErrorName(ret) +
                              " (near byte " + std::to_string(in.pos) + ")");
    }
    if (out.size() + o.pos > max_bytes) return TooLarge("zstd", bytes.size(), max_bytes);
    out.append(chunk, o.pos);
    last = ret;
    any = true;
  }
  if (!any || last != 0) {
    return Status::BadInput("truncated zstd data (ends after " + std::to_string(bytes.size()) +
                            " bytes, inside a frame)");
  }
  return out;
}

Result<std::string> Decompress(std::string_view bytes, uint64_t max_bytes) {
  switch (DetectCompression(bytes)) {
    case Compression::kGzip: return GunzipBytes(bytes, max_bytes);
    case Compression::kZstd: return UnzstdBytes(bytes, max_bytes);
    case Compression::kNone: break;
  }
  return Status::InvalidArgument("data is neither gzip nor zstd");
}

Result<std::string> GzipBytes(std::string_view data, int level) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status::Internal("zlib: cannot initialise deflate");
  }
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, deflateEnd);
  std::string out;
  out.resize(deflateBound(&zs, data.size()) + 64);
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  size_t fed = 0;
  int ret = Z_OK;
  while (ret != Z_STREAM_END) {
    if (zs.avail_in == 0 && fed < data.size()) {
      size_t n = std::min(kMaxFeed, data.size() - fed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    size_t written = reinterpret_cast<char*>(zs.next_out) - out.data();
    zs.avail_out = static_cast<uInt>(std::min(kMaxFeed, out.size() - written));
    ret = deflate(&zs, fed == data.size() ? Z_FINISH : Z_NO_FLUSH);
    if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) return Status::Internal("zlib: deflate failed");
  }
  out.resize(reinterpret_cast<char*>(zs.next_out) - out.data());
  return out;
}

Result<std::string> ZstdBytes(std::string_view data, int level) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), level);
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

}  // namespace sitrep
