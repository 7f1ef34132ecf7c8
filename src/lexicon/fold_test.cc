#include "lexicon/fold.h"
#include "lexicon/fold_slow.h"
#include "lexicon/test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sitrep::lexicon {
namespace {

TEST(Fold, TableFromDataFile) {
  std::ifstream in(SITREP_SOURCE_DIR "/tests/data/lexicon/fold.tsv");
  ASSERT_TRUE(in) << "missing tests/data/lexicon/fold.tsv";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    EXPECT_EQ(FoldPhrase(line.substr(0, tab)), line.substr(tab + 1)) << line;
    ++cases;
  }
  EXPECT_GT(cases, 10);
}

TEST(Fold, PiecesKeepOffsetsAndFlags) {
  PieceBuffer buf;
  std::string text = "In Deir ez-Zor, the army's \"IS\" fighters";
  buf.Split(text, 100);
  ASSERT_EQ(buf.size(), 9u);
  EXPECT_EQ(buf.key(1), "deir");
  EXPECT_EQ(buf.pieces[1].span.start, 103u);
  EXPECT_TRUE(buf.pieces[1].flags & kUpperInitial);
  EXPECT_EQ(buf.key(3), "zor");
  EXPECT_FALSE(buf.pieces[3].flags & kBreakBefore);  // hyphen is weak
  EXPECT_TRUE(buf.pieces[4].flags & kBreakBefore);   // after the comma
  EXPECT_EQ(buf.key(5), "army");
  EXPECT_TRUE(buf.pieces[6].flags & kPossessive);
  EXPECT_EQ(buf.key(7), "is");
  EXPECT_TRUE(buf.pieces[7].flags & kAllUpper);
  EXPECT_TRUE(buf.pieces[7].flags & kBreakBefore);  // after the quote
  EXPECT_TRUE(buf.pieces[8].flags & kBreakBefore);  // closing quote
}

TEST(Fold, InvalidBytesBreak) {
  PieceBuffer buf;
  std::string text = "Aleppo\xff Homs";
  buf.Split(text, 0);
  ASSERT_EQ(buf.size(), 2u);
  EXPECT_TRUE(buf.pieces[1].flags & kBreakBefore);
}

// Split's ASCII fast path against the one-code-point-at-a-time version, on texts built
// from fragments that exercise every branch (accents, apostrophes, possessives, hyphens,
// articles, doubled letters, digits, strong punctuation, invalid bytes).
TEST(Fold, SplitMatchesSlowVersion) {
  const char* kFragments[] = {
      "Deir ez-Zor", " ", "  ", "\n", "ALEPPO", "Raqqah", "Ma'arrat", "army's", "X's", "'s",
      "\xE2\x80\x99s", "Ḥomṣ", "Straße", "Łódź", "Ar Raqqa", "el", "-", "—", ",", ".", "\"",
      "'", "12", "3rd", "km", "\xff", "\xC3", "al-", "Ash-Sham", "é", "e\xCC\x81", "\xC2\xAD",
      "mIxEd", "AA", "all", "aah", "Beth", "\t", "(", "?", "Kyiv's", "O'Brien", "`", "x",
      // Overlong encodings (a letter, an apostrophe, a space), doubled letters across the
      // runs of one piece, a folded letter next to its ASCII twin, a non-ASCII digit.
      "\xC1\x81", "\xC0\xA7", "\xC0\xA0", "Aa", "BOOK", "n", "\xC3\xB1n", "o\xC3\xB6", "\xD9\xA3"};
  const size_t kCount = sizeof(kFragments) / sizeof(kFragments[0]);
  uint64_t seed = 12345;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(seed >> 33);
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t parts = 1 + next() % 12;
    for (size_t p = 0; p < parts; ++p) text += kFragments[next() % kCount];
    PieceBuffer fast, slow;
    fast.Split(text, 7);
    SplitSlow(&slow, text, 7);
    ASSERT_EQ(fast.size(), slow.size()) << text;
    EXPECT_EQ(fast.keys, slow.keys) << text;
    for (size_t i = 0; i < fast.size(); ++i) {
      EXPECT_EQ(fast.pieces[i].span.start, slow.pieces[i].span.start) << text;
      EXPECT_EQ(fast.pieces[i].span.end, slow.pieces[i].span.end) << text;
      EXPECT_EQ(fast.pieces[i].key_off, slow.pieces[i].key_off) << text;
      EXPECT_EQ(fast.pieces[i].key_len, slow.pieces[i].key_len) << text;
      EXPECT_EQ(fast.pieces[i].flags, slow.pieces[i].flags) << text;
    }
  }
}

// The same on every text of the repository (and the seeds, when present), line by line as
// FindMentions splits them: real prose has the words the fragments above miss.
TEST(Fold, SplitMatchesSlowVersionOnRepositoryTexts) {
  const std::vector<std::filesystem::path> files = testing::RepositoryFiles({".txt", ".gold", ".tsv"});
  ASSERT_GT(files.size(), 20u);
  size_t pieces = 0;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    PieceBuffer fast, slow;
    while (std::getline(in, line)) {
      fast.Split(line, 0);
      SplitSlow(&slow, line, 0);
    }
    ASSERT_EQ(fast.size(), slow.size()) << f;
    ASSERT_EQ(fast.keys, slow.keys) << f;
    for (size_t i = 0; i < fast.size(); ++i) {
      ASSERT_EQ(fast.pieces[i].span.start, slow.pieces[i].span.start) << f;
      ASSERT_EQ(fast.pieces[i].span.end, slow.pieces[i].span.end) << f;
      ASSERT_EQ(fast.pieces[i].key_len, slow.pieces[i].key_len) << f;
      ASSERT_EQ(fast.pieces[i].flags, slow.pieces[i].flags) << f;
    }
    pieces += fast.size();
  }
  EXPECT_GT(pieces, 10000u);
}

}  // namespace
}  // namespace sitrep::lexicon
