#include "lexicon/word_memo.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace sitrep::lexicon {
namespace {

// The memo against the obvious version (compute every time) on random words from a
// vocabulary larger than the memo, so that it fills up and starts over many times, with
// long keys (not kept) among them.
TEST(WordMemo, AnswersAsComputingEveryTime) {
  auto compute = [](std::string_view k) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : k) h = (h ^ c) * 1099511628211ull;
    return h;
  };
  std::mt19937 rng(7);
  std::vector<std::string> vocab;
  for (int i = 0; i < 3000; ++i) {
    std::string w;
    const int len = 1 + static_cast<int>(rng() % (i % 50 == 0 ? 70 : 12));
    for (int k = 0; k < len; ++k) w.push_back(static_cast<char>('a' + rng() % 4));
    vocab.push_back(w);
  }
  WordMemo<uint64_t> memo(500);
  std::map<std::string, int> made;
  for (int n = 0; n < 200000; ++n) {
    const std::string& w = vocab[rng() % vocab.size()];
    const uint64_t got = memo.Get(w, [&](std::string_view k) {
      ++made[std::string(k)];
      return compute(k);
    });
    ASSERT_EQ(got, compute(w)) << w;
    ASSERT_LE(memo.size(), 500u);
  }
  EXPECT_GT(made.size(), 500u);
}

TEST(WordMemo, ComputesOnceWhileItFits) {
  WordMemo<int> memo;
  int calls = 0;
  auto make = [&](std::string_view k) {
    ++calls;
    return static_cast<int>(k.size());
  };
  for (int round = 0; round < 3; ++round) {
    for (std::string_view w : {"aleppo", "homs", "al", "a", "", "raqa"}) {
      EXPECT_EQ(memo.Get(w, make), static_cast<int>(w.size()));
    }
  }
  EXPECT_EQ(calls, 6);
  EXPECT_EQ(memo.size(), 6u);
  memo.Clear();
  EXPECT_EQ(memo.Get("homs", make), 4);
  EXPECT_EQ(calls, 7);
}

}  // namespace
}  // namespace sitrep::lexicon
