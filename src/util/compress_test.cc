#include "util/compress.h"

#include <zstd.h>

#include <random>

#include "gtest/gtest.h"

namespace sitrep {
namespace {

std::string Sample(size_t n) {
  std::string s;
  std::mt19937 rng(3);
  while (s.size() < n) s += "line " + std::to_string(rng() % 1000) + " of sample text\n";
  s.resize(n);
  return s;
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Compress, DetectsByMagic) {
  EXPECT_EQ(DetectCompression("\x1f\x8b\x08"), Compression::kGzip);
  EXPECT_EQ(DetectCompression("\x28\xb5\x2f\xfd"), Compression::kZstd);
  EXPECT_EQ(DetectCompression("\x1f"), Compression::kNone);
  EXPECT_EQ(DetectCompression("plain"), Compression::kNone);
  EXPECT_EQ(CompressionName(Compression::kZstd), "zstd");
}

TEST(Compress, GzipRoundTrip) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{1000}, size_t{300000}}) {
    std::string data = Sample(n);
    auto gz = GzipBytes(data);
    ASSERT_TRUE(gz.ok());
    EXPECT_EQ(DetectCompression(*gz), Compression::kGzip);
    auto back = Decompress(*gz, 1 << 20);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, data);
  }
}

TEST(Compress, GzipMultiMemberAndPadding) {
  std::string a = Sample(5000), b = "second member\n";
  std::string both = *GzipBytes(a) + *GzipBytes(b);
  auto back = GunzipBytes(both, 1 << 20);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, a + b);
  auto padded = GunzipBytes(both + std::string(512, '\0'), 1 << 20);
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(*padded, a + b);
}

TEST(Compress, GzipBadInputSaysWhy) {
  std::string gz = *GzipBytes(Sample(20000));
  auto truncated = GunzipBytes(gz.substr(0, gz.size() / 2), 1 << 20);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kBadInput);
  EXPECT_TRUE(Contains(truncated.status().message(), "truncated")) << truncated.status().message();

  std::string corrupt = gz;
  for (size_t i = 20; i < 60; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
  auto bad = GunzipBytes(corrupt, 1 << 20);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(Contains(bad.status().message(), "corrupt gzip data")) << bad.status().message();

  std::string crc = gz;
  crc[crc.size() - 6] ^= 1;  // damage the CRC32 in the trailer
  auto badcrc = GunzipBytes(crc, 1 << 20);
  ASSERT_FALSE(badcrc.ok());
  EXPECT_TRUE(Contains(badcrc.status().message(), "incorrect data check")) << badcrc.status().message();

  auto trailing = GunzipBytes(gz + "tail", 1 << 20);
  ASSERT_FALSE(trailing.ok());
  EXPECT_TRUE(Contains(trailing.status().message(), "trailing garbage")) << trailing.status().message();

  auto header_only = GunzipBytes("\x1f\x8b", 1 << 20);
  ASSERT_FALSE(header_only.ok());
  EXPECT_EQ(header_only.status().code(), StatusCode::kBadInput);
}

TEST(Compress, ZstdRoundTripAndFrames) {
  for (size_t n : {size_t{0}, size_t{7}, size_t{250000}}) {
    std::string data = Sample(n);
    auto z = ZstdBytes(data);
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(DetectCompression(*z), Compression::kZstd);
    auto back = Decompress(*z, 1 << 20);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, data);
  }
  std::string two = *ZstdBytes("one ") + *ZstdBytes("two");
  auto back = UnzstdBytes(two, 100);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "one two");
}

TEST(Compress, ZstdBadInputSaysWhy) {
  std::string z = *ZstdBytes(Sample(100000));
  auto truncated = UnzstdBytes(z.substr(0, z.size() - 10), 1 << 20);
  ASSERT_FALSE(truncated.ok());
  EXPECT_TRUE(Contains(truncated.status().message(), "truncated")) << truncated.status().message();
  std::string corrupt = z;
  for (size_t i = 12; i < z.size(); i += 7) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x33);
  auto bad = UnzstdBytes(corrupt, 1 << 20);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kBadInput);
  EXPECT_TRUE(Contains(bad.status().message(), "zstd")) << bad.status().message();
}

TEST(Compress, BombsStopAtTheLimit) {
  std::string zeros(8 << 20, '\0');  // 8 MiB of zeros: compresses about 1000:1
  std::string gz = *GzipBytes(zeros, 9);
  std::string zs = *ZstdBytes(zeros, 19);
  ASSERT_LT(gz.size(), 64u << 10);
  for (const std::string& packed : {gz, zs}) {
    auto r = Decompress(packed, 1 << 20);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kBadInput);
    EXPECT_TRUE(Contains(r.status().message(), "limit of 1048576 bytes")) << r.status().message();
    auto ok = Decompress(packed, 8 << 20);  // exactly at the limit is fine
    ASSERT_TRUE(ok.ok()) << ok.status().ToString();
    EXPECT_EQ(ok->size(), zeros.size());
  }
}

TEST(Compress, ZstdWithoutDeclaredSize) {
  // Streaming compressors (zstd -c < pipe) write frames that do not declare their size.
  std::string data = Sample(70000);
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ASSERT_EQ(ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0)), 0u);
  std::string frame(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress2(cctx, frame.data(), frame.size(), data.data(), data.size());
  ZSTD_freeCCtx(cctx);
  ASSERT_FALSE(ZSTD_isError(n));
  frame.resize(n);
  ASSERT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), ZSTD_CONTENTSIZE_UNKNOWN);
  auto back = UnzstdBytes(frame, 1 << 20);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, data);
  auto capped = UnzstdBytes(frame, 1000);
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.status().code(), StatusCode::kBadInput);
}

TEST(Compress, NeitherFormat) {
  auto r = Decompress("plain text", 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sitrep
