#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fuse/parts.h"

namespace sitrep::fuse {
namespace {

std::string Words(uint32_t seed, int n) {
  static const char* kWords[] = {"army",  "town",  "north", "shelled", "forces", "rebels",
                                 "road",  "river", "held",  "attack",  "city",   "village",
                                 "hills", "said",  "near",  "police",  "bridge", "airport"};
  std::mt19937 rng(seed);
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += kWords[rng() % 18];
    s += std::to_string(rng() % 50);
  }
  return s;
}

TEST(MinHash, DeterministicAndSized) {
  auto a = MinHash("The army entered the town on Sunday after heavy fighting.");
  ASSERT_EQ(a.size(), static_cast<size_t>(kMinHashSize));
  EXPECT_EQ(a, MinHash("The army entered the town on Sunday after heavy fighting."));
  // Pinned values: signatures are stored, so they must never change between builds.
  auto b = MinHash("one two three four five six");
  EXPECT_EQ(b, MinHash("One, two; THREE four -- five six!"));
  ASSERT_EQ(b.size(), static_cast<size_t>(kMinHashSize));
  EXPECT_EQ(std::vector<uint32_t>(b.begin(), b.begin() + 4),
            (std::vector<uint32_t>{2539128142u, 3923061597u, 1440033475u, 2770220689u}));
}

TEST(MinHash, FoldsCaseAndPunctuation) {
  EXPECT_EQ(MinHash("Forces ENTERED the Town, at dawn"), MinHash("forces entered the town at dawn"));
  EXPECT_EQ(MinHash("ÉTAT major Straße nord sud"), MinHash("état MAJOR strasse nord sud"));
}

TEST(MinHash, ShortAndEmpty) {
  EXPECT_TRUE(MinHash("").empty());
  EXPECT_TRUE(MinHash(" ,.;-- ").empty());
  auto a = MinHash("two words");
  EXPECT_EQ(a.size(), static_cast<size_t>(kMinHashSize));
  EXPECT_EQ(a, MinHash("Two, words."));
  EXPECT_LT(Similarity(a, MinHash("other words")), 1.0);
}

TEST(Similarity, Estimates) {
  std::string base = Words(1, 400);
  EXPECT_DOUBLE_EQ(Similarity(MinHash(base), MinHash(base)), 1.0);
  EXPECT_LT(Similarity(MinHash(base), MinHash(Words(2, 400))), 0.2);
  // A copy with a different headline and footer is still a near duplicate.
  std::string copy = "Wire report " + base + " copyright reserved";
  EXPECT_GE(Similarity(MinHash(base), MinHash(copy)), 0.8);
  EXPECT_EQ(Similarity({}, MinHash(base)), 0.0);
}

DocInfo Doc(std::string id, std::string text, std::string date = "") {
  DocInfo d;
  d.id = std::move(id);
  d.minhash = MinHash(text);
  d.date.value = std::move(date);
  return d;
}

TEST(FindDuplicates, GroupsCopiesAndPicksCanonical) {
  std::string a = Words(10, 300), b = Words(11, 300);
  Input in;
  in.docs = {Doc("d1", a), Doc("d2", "Syndicated. " + a, "2016-03-27"), Doc("d3", b),
             Doc("d4", a + " Read more."), Doc("d5", "")};
  auto groups = FindDuplicates(in);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].canonical, "d2");  // the dated one
  EXPECT_EQ(groups[0].copies, (std::vector<std::string>{"d1", "d4"}));
  EXPECT_GE(groups[0].similarity, 0.8);
}

TEST(FindDuplicates, FastEqualsSlow) {
  std::mt19937 rng(7);
  Input in;
  for (int i = 0; i < 120; ++i) {
    uint32_t base = rng() % 30;
    std::string t = Words(base, 200);
    // Edit a random number of words so similarity spans the threshold.
    int edits = static_cast<int>(rng() % 10);
    for (int e = 0; e < edits; ++e) {
      size_t pos = rng() % t.size();
      t.insert(pos, " x" + std::to_string(rng() % 1000) + " ");
    }
    in.docs.push_back(Doc("d" + std::to_string(1000 + i), t));
  }
  auto fast = FindDuplicates(in);
  auto slow = FindDuplicatesSlow(in);
  ASSERT_EQ(fast.size(), slow.size());
  EXPECT_GT(fast.size(), 3u);
  for (size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(fast[i].canonical, slow[i].canonical);
    EXPECT_EQ(fast[i].copies, slow[i].copies);
    EXPECT_DOUBLE_EQ(fast[i].similarity, slow[i].similarity);
  }
}

}  // namespace
}  // namespace sitrep::fuse
