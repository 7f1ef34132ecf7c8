#include "ingest/detect.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/test_util.h"

namespace sitrep::ingest {
namespace {

using ::testing::HasSubstr;
using testing::Unescape;


TEST(Detect, FormatTable) {
  std::istringstream in(testing::ReadFixture(testing::DataDir() + "/formats.tsv"));
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    ASSERT_NE(b, std::string::npos) << line;
    std::string expected = line.substr(0, a), name = line.substr(a + 1, b - a - 1);
    std::string content = Unescape(line.substr(b + 1));
    EXPECT_EQ(InputFormatName(DetectFormat(name, content)), expected) << name << ": " << line.substr(b + 1);
    ++cases;
  }
  EXPECT_GE(cases, 15);
}

TEST(Detect, BinaryMagic) {
  EXPECT_EQ(BinaryMagic("\x89PNG\r\n\x1a\n rest"), "PNG image");
  EXPECT_EQ(BinaryMagic("\xFF\xD8\xFF\xE0"), "JPEG image");
  EXPECT_THAT(BinaryMagic("%PDF-1.7\n"), HasSubstr("PDF document"));
  EXPECT_THAT(BinaryMagic("PK\x03\x04"), HasSubstr("ZIP archive"));
  EXPECT_EQ(BinaryMagic("\x7f" "ELF\x02\x01"), "ELF executable");
  EXPECT_EQ(BinaryMagic(std::string_view("\0asm\1\0\0\0", 8)), "WebAssembly module");
  EXPECT_THAT(BinaryMagic("BZh91AY&SY"), HasSubstr("bzip2"));
  EXPECT_EQ(BinaryMagic("BZh is not bzip2"), "");
  std::string tar(300, '\0');
  tar.replace(257, 5, "ustar");
  EXPECT_THAT(BinaryMagic(tar), HasSubstr("tar archive"));
  EXPECT_EQ(BinaryMagic(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16)), "WebP image");
  EXPECT_EQ(BinaryMagic("Plain text"), "");
  EXPECT_EQ(BinaryMagic(""), "");
  EXPECT_EQ(BinaryMagic(std::string_view("\0", 1)), "");  // short: no magic claims it
}

TEST(Detect, LooksBinary) {
  std::string why;
  EXPECT_FALSE(LooksBinary("ordinary text\nwith lines\tand tabs\r\n", &why));
  EXPECT_FALSE(LooksBinary(std::string("one stray NUL") + '\0' + std::string(100, 'x'), &why));
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 37) & 0xFF);
  EXPECT_TRUE(LooksBinary(junk, &why));
  EXPECT_THAT(why, HasSubstr("of the first 4096 bytes are NUL or control characters"));
}

TEST(Detect, Boms) {
  EXPECT_EQ(Utf16Or32Bom("\xFF\xFEh\0"), "UTF-16LE");
  EXPECT_EQ(Utf16Or32Bom("\xFE\xFF\0h"), "UTF-16BE");
  EXPECT_EQ(Utf16Or32Bom(std::string_view("\xFF\xFE\0\0h\0\0\0", 8)), "UTF-32LE");
  EXPECT_EQ(Utf16Or32Bom("\xEF\xBB\xBFtext"), "");
}

TEST(Detect, LegacyEncoding) {
  std::string why;
  EXPECT_TRUE(LooksLikeLegacyEncoding("caf\xE9, na\xEFve, r\xE9sum\xE9, d\xE9j\xE0 vu", &why));
  EXPECT_THAT(why, HasSubstr("invalid UTF-8 sequences"));
  std::string mostly_utf8;
  for (int i = 0; i < 50; ++i) mostly_utf8 += "caf\xC3\xA9 ";
  mostly_utf8 += "\xFF\xFE\xFD";  // three damaged bytes among fifty good sequences
  EXPECT_FALSE(LooksLikeLegacyEncoding(mostly_utf8, &why));
  EXPECT_FALSE(LooksLikeLegacyEncoding("only one bad \xE9 byte", &why));
}

TEST(Detect, DeclaredCharset) {
  EXPECT_EQ(DeclaredHtmlCharset("<meta charset=\"Windows-1256\">"), "windows-1256");
  EXPECT_EQ(DeclaredHtmlCharset("<meta http-equiv='Content-Type' content='text/html; charset=KOI8-R'>"), "koi8-r");
  EXPECT_EQ(DeclaredHtmlCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?><html>"), "iso-8859-6");
  EXPECT_EQ(DeclaredHtmlCharset("<meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(DeclaredHtmlCharset("<p>no declaration; charset is a word here</p>"), "");
  EXPECT_EQ(DeclaredHtmlCharset(std::string(2000, ' ') + "<meta charset=\"koi8-r\">"), "");
  EXPECT_TRUE(IsUtf8Label("utf8"));
  EXPECT_FALSE(IsUtf8Label("utf-16"));
}

TEST(Detect, Names) {
  EXPECT_EQ(Extension("dir.v2/page.HTML"), "html");
  EXPECT_EQ(Extension("dir.v2/README"), "");
  EXPECT_EQ(Extension(".hidden"), "");
  EXPECT_EQ(Extension("a.jsonl.gz"), "gz");
  EXPECT_EQ(StripCompressionExtension("a/b.jsonl.gz"), "a/b.jsonl");
  EXPECT_EQ(StripCompressionExtension("b.html.ZST"), "b.html");
  EXPECT_EQ(StripCompressionExtension("b.txt"), "b.txt");
  EXPECT_EQ(StripCompressionExtension("-"), "-");
}

}  // namespace
}  // namespace sitrep::ingest
