#include "text/chars.h"

#include <gtest/gtest.h>

#include "text/test_util.h"

namespace sitrep::text {
namespace {

TEST(Chars, AsciiTableMatchesIcu) {
  for (char32_t c = 0; c < 128; ++c) EXPECT_EQ(ClassOf(c), ClassOfSlow(c)) << "U+" << static_cast<uint32_t>(c);
}

TEST(Chars, ClassesOfSomeCodePoints) {
  EXPECT_EQ(ClassOf(U'\u00A0'), CharClass::kSpace);
  EXPECT_EQ(ClassOf(U'\u3000'), CharClass::kSpace);
  EXPECT_EQ(ClassOf(U'\u200B'), CharClass::kFormat);
  EXPECT_EQ(ClassOf(U'\u0627'), CharClass::kLetter);
  EXPECT_EQ(ClassOf(U'\u0661'), CharClass::kDigit);
  EXPECT_EQ(ClassOf(U'\u0301'), CharClass::kMark);
  EXPECT_EQ(ClassOf(U'\u00BD'), CharClass::kNumber);
  EXPECT_EQ(ClassOf(U'\u2019'), CharClass::kPunct);
  EXPECT_EQ(ClassOf(U'\u00A9'), CharClass::kSymbol);
  EXPECT_EQ(ClassOf(U'\U0001F600'), CharClass::kSymbol);
  EXPECT_TRUE(IsUpper(U'\u0416'));
  EXPECT_TRUE(IsLower(U'\u00E9'));
  EXPECT_FALSE(IsUpper(U'\u0627'));
  EXPECT_FALSE(IsLower(U'\u0627'));
}

TEST(Chars, DecodeForwardAndBack) {
  const std::string s = "a\u00E9\u4E2D\U0001F600";
  uint32_t i = 0;
  EXPECT_EQ(DecodeAt(s, &i), U'a');
  EXPECT_EQ(DecodeAt(s, &i), U'\u00E9');
  EXPECT_EQ(DecodeAt(s, &i), U'\u4E2D');
  EXPECT_EQ(DecodeAt(s, &i), U'\U0001F600');
  EXPECT_EQ(i, s.size());
  EXPECT_EQ(DecodeBefore(s, &i), U'\U0001F600');
  EXPECT_EQ(DecodeBefore(s, &i), U'\u4E2D');
  EXPECT_EQ(DecodeBefore(s, &i), U'\u00E9');
  EXPECT_EQ(DecodeBefore(s, &i), U'a');
  EXPECT_EQ(i, 0u);
}

TEST(Chars, ValidateUtf8) {
  EXPECT_TRUE(ValidateUtf8(""));
  EXPECT_TRUE(ValidateUtf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(ValidateUtf8("caf\u00E9 \u4E2D \U0001F600"));
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(ValidateUtf8("abcdefgh\xE2\x82"));  // truncated after an ASCII run
  EXPECT_FALSE(ValidateUtf8("\x80"));
}

}  // namespace
}  // namespace sitrep::text
