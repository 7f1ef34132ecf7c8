// Token cases from tests/data/text/tokens.tsv; the fast tokenizer against the plain ICU
// one on random text.
#include "text/tokenize.h"

#include <gtest/gtest.h>

#include <random>

#include "text/test_util.h"

namespace sitrep::text {
namespace {

using testing::AppendUtf8;
using testing::DataPath;
using testing::ReadAll;
using testing::Unescape;

char KindLetter(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return 'w';
    case TokenKind::kNumber: return 'n';
    case TokenKind::kPunct: return 'p';
    case TokenKind::kSymbol: return 's';
  }
  return '?';
}

std::string Describe(std::string_view text, const std::vector<Token>& toks) {
  std::string out;
  for (const Token& t : toks) {
    if (!out.empty()) out += ' ';
    out += KindLetter(t.kind);
    out += ':';
    out += t.span.in(text);
  }
  return out;
}

TEST(TokensTable, EveryRow) {
  const auto lines = testing::SplitLines(ReadAll(DataPath("tokens.tsv")));
  int rows = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty() || l[0] == '#') continue;
    const size_t tab = l.find('\t');
    ASSERT_NE(tab, std::string::npos) << "tokens.tsv:" << i + 1;
    const std::string input = Unescape(l.substr(0, tab));
    const std::string want = Unescape(l.substr(tab + 1));
    std::vector<Token> toks;
    Tokenize(input, Span{0, static_cast<uint32_t>(input.size())}, &toks);
    EXPECT_EQ(Describe(input, toks), want) << "tokens.tsv:" << i + 1;
    ++rows;
  }
  EXPECT_GE(rows, 50);
}

TEST(Tokenize, RangeInsideText) {
  const std::string text = "xx Troops left. yy";
  std::vector<Token> toks;
  Tokenize(text, Span{3, 15}, &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[0].span, (Span{3, 9}));
  EXPECT_EQ(toks[2].span, (Span{14, 15}));
}

// Random text drawn from characters that exercise every rule.
std::string RandomText(std::mt19937& rng, size_t n) {
  static const char32_t kPool[] = {
      'a', 'b', 'Z', 'e', 's', 't', 'h', 'n', 'd', 'r', '0', '1', '9', '.', ',', ':', '\'', '-',
      '"', '(', ')', '/', '%', '$', '+', ' ', ' ', ' ', '\n', '\t', '!', '?', '#', '&',
      U'\u00A0', U'\u2019', U'\u2018', U'\u201C', U'\u201D', U'\u2013', U'\u2014', U'\u2010',
      U'\u2011', U'\u200B', U'\u200C', U'\u200D', U'\u00AD', U'\u0301', U'\u0308', U'\u00E9',
      U'\u0627', U'\u0644', U'\u0661', U'\u066B', U'\u4E2D', U'\u3002', U'\u00BD', U'\u00A9',
      U'\u2026', U'\u0416', U'\u03A3', U'\U0001F600', U'\uFE0F', U'\u2022', U'\u02BC', 0x7F, 0x01};
  std::uniform_int_distribution<size_t> pick(0, sizeof(kPool) / sizeof(kPool[0]) - 1);
  std::string s;
  while (s.size() < n) AppendUtf8(kPool[pick(rng)], &s);
  return s;
}

TEST(Tokenize, FastMatchesSlowOnRandomText) {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(rng, 1 + round % 200);
    const Span all{0, static_cast<uint32_t>(text.size())};
    std::vector<Token> fast, slow;
    Tokenize(text, all, &fast);
    TokenizeSlow(text, all, &slow);
    ASSERT_EQ(Describe(text, fast), Describe(text, slow)) << "round " << round;
    // Tokens are ordered, non-empty, inside the range and never hold white space.
    uint32_t prev = 0;
    for (const Token& t : fast) {
      ASSERT_LT(t.span.start, t.span.end);
      ASSERT_GE(t.span.start, prev);
      prev = t.span.end;
      const std::string_view s = t.span.in(text);
      ASSERT_EQ(s.find(' '), std::string_view::npos);
      ASSERT_EQ(s.find('\n'), std::string_view::npos);
    }
  }
}

}  // namespace
}  // namespace sitrep::text
