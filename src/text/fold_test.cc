#include "text/fold.h"

#include <gtest/gtest.h>

#include <random>

#include "text/test_util.h"

namespace sitrep::text {
namespace {

using testing::AppendUtf8;
using testing::DataPath;
using testing::ReadAll;
using testing::Unescape;

TEST(FoldTable, EveryRow) {
  const auto lines = testing::SplitLines(ReadAll(DataPath("fold.tsv")));
  int rows = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty() || l[0] == '#') continue;
    const size_t tab = l.find('\t');
    ASSERT_NE(tab, std::string::npos) << "fold.tsv:" << i + 1;
    const std::string in = Unescape(l.substr(0, tab)), want = Unescape(l.substr(tab + 1));
    EXPECT_EQ(FoldForMatch(in), want) << "fold.tsv:" << i + 1;
    EXPECT_EQ(FoldForMatchSlow(in), want) << "fold.tsv:" << i + 1;
    ++rows;
  }
  EXPECT_GE(rows, 20);
}

TEST(Fold, AppendsToBuffer) {
  std::string buf = "x:";
  AppendFoldForMatch("ABC", &buf);
  EXPECT_EQ(buf, "x:abc");
}

TEST(Fold, InvalidBytesPassThrough) {
  EXPECT_EQ(FoldForMatch(std::string("A\xFF" "B")), std::string("a\xFF" "b"));
}

TEST(Fold, FastMatchesSlowOnRandomText) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> plane(0, 9);
  std::uniform_int_distribution<char32_t> bmp(0x20, 0xD7FF), ascii(0x20, 0x7E), astral(0x10000, 0x1FFFF);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = 1 + round % 60;
    for (int i = 0; i < n; ++i) {
      const int p = plane(rng);
      AppendUtf8(p < 5 ? ascii(rng) : p < 9 ? bmp(rng) : astral(rng), &s);
    }
    ASSERT_EQ(FoldForMatch(s), FoldForMatchSlow(s)) << "round " << round;
  }
}

}  // namespace
}  // namespace sitrep::text
