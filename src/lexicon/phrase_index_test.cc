#include "lexicon/phrase_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sitrep::lexicon {
namespace {

std::vector<NaivePhraseMatcher::Match> Flatten(const PhraseIndex& idx, const PieceBuffer& buf) {
  std::vector<PhraseMatch> raw;
  std::vector<uint32_t> scratch;
  idx.FindAll(buf, 0, buf.size(), &scratch, &raw);
  std::vector<NaivePhraseMatcher::Match> out;
  for (const auto& m : raw) {
    for (uint32_t v : idx.Values(m.node)) out.push_back({m.first, m.end, v});
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PhraseIndex, FindsMultiWordNames) {
  PhraseIndexBuilder b;
  b.Add("Deir ez-Zor", 1);
  b.Add("Deir", 2);
  b.Add("Syrian Observatory for Human Rights", 3);
  b.Add("Syrian army", 4);
  PhraseIndex idx = b.Build();
  PieceBuffer buf;
  buf.Split("The SYRIAN OBSERVATORY for human rights said Deir al-Zor and the Syrian, army", 0);
  auto got = Flatten(idx, buf);
  std::vector<NaivePhraseMatcher::Match> want = {{1, 6, 3}, {7, 8, 2}, {7, 10, 1}};
  EXPECT_EQ(got, want);  // "Syrian, army" is broken by the comma
}

TEST(PhraseIndex, SerializedViewMatchesTheSame) {
  PhraseIndexBuilder b;
  b.Add("al Qaeda in the Arabian Peninsula", 7);
  b.Add("al-Qaeda", 8);
  PhraseIndex idx = b.Build();
  std::string block;
  idx.AppendTo(&block);
  std::string aligned(block);  // heap storage: 8-byte aligned
  size_t used = 0;
  auto view = PhraseIndex::View(aligned, &used);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ(used, block.size());
  PieceBuffer buf;
  buf.Split("Al Qaeda in the Arabian Peninsula (AQAP)", 0);
  EXPECT_EQ(Flatten(*view, buf), Flatten(idx, buf));
  EXPECT_EQ(Flatten(*view, buf).size(), 2u);
}

TEST(PhraseIndex, RejectsDamagedBlock) {
  std::string junk(64, 'x');
  EXPECT_FALSE(PhraseIndex::View(junk, nullptr).ok());
}

// Differential test: the hashed trie and the naive scan agree on random texts drawn from
// a small vocabulary, so that matches (and overlapping, nested matches) are frequent.
TEST(PhraseIndex, AgreesWithNaiveMatcherOnRandomTexts) {
  std::mt19937 rng(12345);
  const std::vector<std::string> vocab = {"al", "Deir", "Zor", "army", "the", "Syrian",
                                          "state", "Islamic", "x", "Raqqa", "Homs", "of"};
  auto word = [&] { return vocab[rng() % vocab.size()]; };
  PhraseIndexBuilder b;
  NaivePhraseMatcher naive;
  for (uint32_t v = 0; v < 400; ++v) {
    std::string phrase = word();
    int extra = rng() % 4;
    for (int k = 0; k < extra; ++k) phrase += (rng() % 3 == 0 ? "-" : " ") + word();
    b.Add(phrase, v);
    naive.Add(phrase, v);
  }
  PhraseIndex idx = b.Build();
  const char* seps[] = {" ", " ", " ", "-", ", ", ". ", "'s "};
  for (int trial = 0; trial < 200; ++trial) {
    std::string text;
    int n = 1 + rng() % 40;
    for (int k = 0; k < n; ++k) {
      if (k) text += seps[rng() % 7];
      std::string w = word();
      if (rng() % 4 == 0) for (auto& c : w) c = static_cast<char>(std::toupper(c));
      text += w;
    }
    PieceBuffer buf;
    buf.Split(text, 0);
    EXPECT_EQ(Flatten(idx, buf), naive.FindAll(buf, 0, buf.size())) << text;
  }
}

}  // namespace
}  // namespace sitrep::lexicon
