#include "util/unicode.h"

#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep {
namespace {

// Bytes that sit on the edges of UTF-8's ranges, to make random strings interesting.
constexpr uint8_t kEdgeBytes[] = {0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                  0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
                                  0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};

std::string RandomBytes(std::mt19937& rng, size_t n) {
  std::string s;
  std::uniform_int_distribution<int> pick(0, 3);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> edge(0, sizeof kEdgeBytes - 1);
  for (size_t i = 0; i < n; ++i) {
    s.push_back(static_cast<char>(pick(rng) == 0 ? byte(rng) : kEdgeBytes[edge(rng)]));
  }
  return s;
}

// Valid UTF-8 with a few bytes flipped: close to real damage.
std::string MutatedText(std::mt19937& rng) {
  std::string s = "Ab \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xD8\xAD\xD9\x85\xD8\xB5 \xF0\x9F\x98\x80 "
                  "\xE4\xB8\xAD\xE6\x96\x87 text, long enough to cross one SIMD block or two.";
  std::uniform_int_distribution<size_t> pos(0, s.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> count(0, 3);
  for (int k = count(rng); k > 0; --k) s[pos(rng)] = static_cast<char>(byte(rng));
  return s;
}

// ICU's UTF-8 decoder also substitutes maximal subparts; it is the reference for RepairUtf8.
std::string IcuRepair(std::string_view in, int32_t* subs) {
  std::vector<UChar> buf(in.size() + 1);
  int32_t len = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strFromUTF8WithSub(buf.data(), static_cast<int32_t>(buf.size()), &len, in.data(),
                       static_cast<int32_t>(in.size()), 0xFFFD, subs, &ec);
  EXPECT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
  std::string out;
  icu::UnicodeString(buf.data(), len).toUTF8String(out);
  return out;
}

TEST(Utf8, ValidatorsAgreeOnRandomBytes) {
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<size_t> len(0, 200);
  int valid = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string s = (i % 2 == 0) ? RandomBytes(rng, len(rng) % 12) : MutatedText(rng);
    bool fast = IsValidUtf8(s);
    ASSERT_EQ(fast, IsValidUtf8Slow(s)) << "case " << i;
    valid += fast;
  }
  EXPECT_GT(valid, 1000);  // the generator does produce both answers
}

TEST(Utf8, ValidatorsAgreeOnLongBuffers) {
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    std::string s(1000 + i * 37, 'x');
    s[rng() % s.size()] = static_cast<char>(kEdgeBytes[rng() % sizeof kEdgeBytes]);
    if (i % 3 == 0) s.replace(s.size() - 3, 3, "\xE2\x82\xAC");
    ASSERT_EQ(IsValidUtf8(s), IsValidUtf8Slow(s)) << i;
  }
}

TEST(Utf8, ValidatorEdges) {
  struct Case { std::string_view bytes; bool valid; };
  const Case cases[] = {
      {"", true},
      {"plain", true},
      {"\xC2\x80", true},                // U+0080
      {"\xC1\xBF", false},               // overlong
      {"\xE0\x9F\xBF", false},           // overlong 3-byte
      {"\xE0\xA0\x80", true},            // U+0800
      {"\xED\x9F\xBF", true},            // U+D7FF
      {"\xED\xA0\x80", false},           // surrogate
      {"\xEF\xBF\xBF", true},            // U+FFFF
      {"\xF0\x8F\xBF\xBF", false},       // overlong 4-byte
      {"\xF0\x90\x80\x80", true},        // U+10000
      {"\xF4\x8F\xBF\xBF", true},        // U+10FFFF
      {"\xF4\x90\x80\x80", false},       // above U+10FFFF
      {"\xE2\x82", false},               // truncated
      {"\x80", false},                   // lone continuation
      {std::string_view("a\0b", 3), true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsValidUtf8(c.bytes), c.valid) << testing::PrintToString(std::string(c.bytes));
    EXPECT_EQ(IsValidUtf8Slow(c.bytes), c.valid) << testing::PrintToString(std::string(c.bytes));
  }
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  struct Case { std::string_view in; std::string_view out; uint32_t count; };
  const Case cases[] = {
      {"ok", "ok", 0},
      {"a\xE2\x82" "b", "a\xEF\xBF\xBD" "b", 1},              // truncated sequence: one
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},            // C0 never starts one: two
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},  // surrogate: three
      {"\xF0\x9F\x98", "\xEF\xBF\xBD", 1},                     // 3 of 4 bytes: one
      {"\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"caf\xE9 ", "caf\xEF\xBF\xBD ", 1},                    // Latin-1 byte
  };
  for (const Case& c : cases) {
    std::string out = "junk";
    EXPECT_EQ(RepairUtf8(c.in, &out), c.count) << testing::PrintToString(std::string(c.in));
    EXPECT_EQ(out, c.out);
    std::string inplace(c.in);
    EXPECT_EQ(RepairUtf8(&inplace), c.count);
    EXPECT_EQ(inplace, c.out);
  }
}

TEST(Utf8, RepairMatchesIcuOnRandomBytes) {
  std::mt19937 rng(99);
  std::uniform_int_distribution<size_t> len(0, 24);
  for (int i = 0; i < 50000; ++i) {
    std::string s = (i % 2 == 0) ? RandomBytes(rng, len(rng)) : MutatedText(rng);
    int32_t subs = 0;
    std::string expected = IcuRepair(s, &subs);
    std::string got;
    uint32_t count = RepairUtf8(s, &got);
    ASSERT_EQ(got, expected) << "case " << i << ": " << testing::PrintToString(s);
    ASSERT_EQ(count, static_cast<uint32_t>(subs)) << "case " << i;
    ASSERT_TRUE(IsValidUtf8Slow(got));
  }
}

TEST(Utf8, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("exactly sixteen!"));
  EXPECT_FALSE(IsAscii("exactly sixteen\xC3"));
  EXPECT_FALSE(IsAscii("\xC3\xA9 then more than eight bytes"));
}

TEST(Newlines, NormalizesBreaksAndRemovesNul) {
  struct Case { std::string_view in; std::string_view out; uint32_t nuls; };
  const Case cases[] = {
      {"", "", 0},
      {"a\nb", "a\nb", 0},
      {"a\r\nb\r\n", "a\nb\n", 0},
      {"a\rb\r", "a\nb\n", 0},
      {"a\r\r\nb", "a\n\nb", 0},
      {"a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", "a\nb\nc", 0},
      {"\xE2\x80\x94 dash stays", "\xE2\x80\x94 dash stays", 0},
      {std::string_view("n\0u\0l", 5), "nul", 2},
      {"nel\xC2\x85stays", "nel\xC2\x85stays", 0},
      {"end\xE2\x80", "end\xE2\x80", 0},  // truncated bytes left for RepairUtf8
  };
  for (const Case& c : cases) {
    std::string s(c.in);
    EXPECT_EQ(NormalizeNewlines(&s), c.nuls) << testing::PrintToString(std::string(c.in));
    EXPECT_EQ(s, c.out);
  }
}

TEST(Nfc, ComposesAndKeepsComposedText) {
  std::string s = "Cafe\xCC\x81 Ame\xCC\x81lie";  // e + COMBINING ACUTE
  EXPECT_FALSE(IsNfc(s));
  ASSERT_TRUE(NormalizeNfc(&s).ok());
  EXPECT_EQ(s, "Caf\xC3\xA9 Am\xC3\xA9lie");
  EXPECT_TRUE(IsNfc(s));

  std::string ascii = "plain ascii";
  ASSERT_TRUE(NormalizeNfc(&ascii).ok());
  EXPECT_EQ(ascii, "plain ascii");

  std::string arabic = "\xD8\xAD\xD9\x84\xD8\xA8";  // already NFC
  ASSERT_TRUE(NormalizeNfc(&arabic).ok());
  EXPECT_EQ(arabic, "\xD8\xAD\xD9\x84\xD8\xA8");

  std::string hangul = "\xE1\x84\x80\xE1\x85\xA1";  // conjoining jamo -> U+AC00
  ASSERT_TRUE(NormalizeNfc(&hangul).ok());
  EXPECT_EQ(hangul, "\xEA\xB0\x80");

  std::string bad = "caf\xE9";
  EXPECT_EQ(NormalizeNfc(&bad).code(), StatusCode::kBadInput);
}

TEST(Nfc, FastAgreesWithSlowOnRandomMixtures) {
  // Pieces that compose, reorder or stay: base letters, combining marks, Hangul jamo,
  // singletons (U+212B ANGSTROM SIGN -> U+00C5), Arabic with harakat.
  const std::vector<std::string> pieces = {
      "a", "e", "A", " ", "\xCC\x81", "\xCC\x88", "\xCC\xA3", "\xCC\xA7", "\xC3\xA9",
      "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xE2\x84\xAB", "\xD8\xA7", "\xD9\x8E",
      "\xD9\x91", "\xE0\xA4\x95", "\xE0\xA4\xBC", "\xEF\xAC\x81", "\xE2\x80\x94", "\n"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> len(0, 30);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int k = len(rng); k > 0; --k) s += pieces[pick(rng)];
    std::string fast = s, slow = s;
    ASSERT_TRUE(NormalizeNfc(&fast).ok());
    ASSERT_TRUE(NormalizeNfcSlow(&slow).ok());
    ASSERT_EQ(fast, slow) << testing::PrintToString(s);
    ASSERT_TRUE(IsNfc(fast));
  }
}

TEST(CodePoints, Counts) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("\xC3\xA9t\xC3\xA9"), 3u);
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80\xE4\xB8\xAD"), 2u);
}

TEST(Blank, RecognisesUnicodeSpace) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\r\n\f\v"));
  EXPECT_TRUE(IsBlank("\xC2\xA0\xE2\x80\x83\xE3\x80\x80\xE2\x80\x8B\xEF\xBB\xBF\xE2\x80\xA8"));
  EXPECT_FALSE(IsBlank("  x  "));
  EXPECT_FALSE(IsBlank("\xC2"));
  EXPECT_FALSE(IsBlank("\xE2\x80\x94"));
  EXPECT_EQ(WhitespaceLength("\xC2\xA0x"), 2u);
  EXPECT_EQ(WhitespaceLength("\xE2\x80\xAFx"), 3u);
  EXPECT_EQ(WhitespaceLength("\xE2\x80\x8Bx"), 0u);  // zero width space is not white space
  EXPECT_EQ(WhitespaceLength("x"), 0u);
}

TEST(Charset, DecodesLegacyEncodings) {
  std::string out;
  ASSERT_TRUE(DecodeCharset("\x93quoted\x94 caf\xE9", "windows-1252", &out).ok());
  EXPECT_EQ(out, "\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9");
  // Latin-1 labels mean windows-1252, as browsers read them.
  ASSERT_TRUE(DecodeCharset("\x93x\x94", "ISO-8859-1", &out).ok());
  EXPECT_EQ(out, "\xE2\x80\x9Cx\xE2\x80\x9D");
  ASSERT_TRUE(DecodeCharset("\xC7\xE4", "ISO-8859-6", &out).ok());  // alef, lam
  EXPECT_EQ(out, "\xD8\xA7\xD9\x84");
  ASSERT_TRUE(DecodeCharset(std::string_view("h\0i\0", 4), "UTF-16LE", &out).ok());
  EXPECT_EQ(out, "hi");
  ASSERT_TRUE(DecodeCharset("\xCF\xF0\xE8", "windows-1251", &out).ok());
  EXPECT_EQ(out, "\xD0\x9F\xD1\x80\xD0\xB8");
  Status st = DecodeCharset("x", "no-such-charset", &out);
  EXPECT_EQ(st.code(), StatusCode::kBadInput);
  EXPECT_NE(st.message().find("no-such-charset"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
