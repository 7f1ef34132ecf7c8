#include "lexicon/fold.h"

#include <gtest/gtest.h>

#include <fstream>
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

}  // namespace
}  // namespace sitrep::lexicon
