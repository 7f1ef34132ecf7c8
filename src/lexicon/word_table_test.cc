#include "lexicon/word_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace sitrep::lexicon {
namespace {

// The slow obvious version: compare with every word, first match wins.
uint32_t FindSlow(const std::vector<std::string>& words, std::string_view w) {
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i] == w) return i;
  }
  return WordTable::kNone;
}

TEST(WordTable, SmallSet) {
  WordTable t({"said", "told", "", "a", "said", "kilometres"});
  EXPECT_EQ(t.Find("said"), 0u);
  EXPECT_EQ(t.Find("told"), 1u);
  EXPECT_EQ(t.Find(""), 2u);
  EXPECT_EQ(t.Find("a"), 3u);
  EXPECT_EQ(t.Find("kilometres"), 5u);
  EXPECT_EQ(t.Find("kilometre"), WordTable::kNone);
  EXPECT_EQ(t.Find("sai"), WordTable::kNone);
  EXPECT_EQ(t.Find("saidx"), WordTable::kNone);
  EXPECT_EQ(t.size(), 6u);
  EXPECT_EQ(t.word(5), "kilometres");
  WordTable empty;
  EXPECT_FALSE(empty.Has(""));
  EXPECT_FALSE(empty.Has("x"));
}

// Random words over a small alphabet (many near-collisions: same length, same ends)
// agree with the linear scan, present or not.
TEST(WordTable, AgreesWithLinearScan) {
  std::mt19937 rng(7);
  auto word = [&] {
    std::string w;
    int n = static_cast<int>(rng() % 20);
    for (int i = 0; i < n; ++i) w.push_back("abe'-\xc3\xa9"[rng() % 6]);
    return w;
  };
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> words;
    int n = static_cast<int>(rng() % 300);
    for (int i = 0; i < n; ++i) words.push_back(word());
    WordTable t(std::vector<std::string_view>(words.begin(), words.end()));
    for (const auto& w : words) EXPECT_EQ(t.Find(w), FindSlow(words, w)) << w;
    for (int i = 0; i < 2000; ++i) {
      std::string w = word();
      ASSERT_EQ(t.Find(w), FindSlow(words, w)) << w;
    }
  }
}

}  // namespace
}  // namespace sitrep::lexicon
