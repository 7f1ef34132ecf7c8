// ScanText's byte-class table against the classes' definitions: every ASCII byte between
// two letters splits them as whitespace, joins them as a letter, or stands alone as a
// number or a punctuation token.
#include <gtest/gtest.h>

#include <string>

#include "sitrep/env.h"
#include "time/lexicon.h"
#include "time/scanner.h"
#include "time/timex.h"

namespace sitrep::time {
namespace {

TEST(Scanner, ByteClassesMatchTheirDefinitions) {
  auto lex = Lexicon::Load(*PosixFileSystem(), Tagger::DefaultDataDir());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  Scan scan;
  for (int c = 0; c < 0x80; ++c) {
    const std::string text = std::string("x") + static_cast<char>(c) + "y";
    ScanText(text, **lex, &scan);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (letter) {
      ASSERT_EQ(scan.toks.size(), 1u) << c;
      continue;
    }
    if (space) {
      ASSERT_EQ(scan.toks.size(), 2u) << c;
      EXPECT_TRUE(scan.toks[1].space_before) << c;
      continue;
    }
    ASSERT_EQ(scan.toks.size(), 3u) << c;
    EXPECT_FALSE(scan.toks[2].space_before) << c;
    if (digit) {
      EXPECT_EQ(scan.toks[1].kind, TokKind::kNumber) << c;
      EXPECT_EQ(scan.toks[1].num, c - '0') << c;
    } else {
      EXPECT_EQ(scan.toks[1].kind, TokKind::kPunct) << c;
      EXPECT_EQ(scan.toks[1].punct, c == '`' ? '\'' : static_cast<char>(c)) << c;
    }
  }
}

}  // namespace
}  // namespace sitrep::time
