#include "extract/resources.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace sitrep::extract {
namespace {

TEST(Resources, DefaultLoadsEveryFile) {
  auto r = Resources::Default();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Resources& res = **r;
  EXPECT_GE(res.event_types().size(), 14u);
  EXPECT_GE(res.FindEventType("control_gained"), 0);
  EXPECT_EQ(res.FindEventType("no_such_type"), -1);
  EXPECT_FALSE(res.triggers().empty());
  ASSERT_NE(res.TriggersStartingWith("captured"), nullptr);
  // Longest phrase first among those sharing a first word.
  const auto* fell = res.TriggersStartingWith("under");
  ASSERT_NE(fell, nullptr);
  EXPECT_EQ(res.triggers()[(*fell)[0]].words.size(), 4u);
}

TEST(Resources, EveryEventTypeHasTriggersAndMappings) {
  auto r = Resources::Default();
  ASSERT_TRUE(r.ok());
  const Resources& res = **r;
  std::vector<int> count(res.event_types().size());
  for (const Trigger& t : res.triggers()) ++count[t.type];
  for (size_t i = 0; i < count.size(); ++i) {
    const EventType& e = res.event_types()[i];
    EXPECT_GT(count[i], 0) << e.id;
    EXPECT_FALSE(e.acled_event_type.empty()) << e.id;
    EXPECT_FALSE(e.cameo.empty()) << e.id;
  }
}

TEST(Resources, MalformedRowNamesFileAndLine) {
  MemoryFileSystem fs;
  fs.Add("d/ontology.tsv", "a\tb\tc\td\te\tf\tg\n");
  fs.Add("d/triggers.tsv", "# comment\nnope\tcapture\tverb\n");
  fs.Add("d/claim_kinds.tsv", "");
  fs.Add("d/quantities.tsv", "");
  fs.Add("d/modifiers.tsv", "");
  auto r = Resources::Load(fs, "d");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("d/triggers.tsv:2"), std::string::npos) << r.status().ToString();
}

TEST(Resources, MissingFileIsNotFound) {
  MemoryFileSystem fs;
  auto r = Resources::Load(fs, "nowhere");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ontology.tsv"), std::string::npos);
}

// The one-table lookups against a scan of the entries (the slow obvious version): every
// first word of every file, and words that are none.
template <typename T>
std::vector<uint32_t> StartingWithSlow(const std::vector<T>& v, std::string_view w) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < v.size(); ++i) {
    if (!v[i].words.empty() && v[i].words[0] == w) out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](uint32_t a, uint32_t b) { return v[a].words.size() > v[b].words.size(); });
  return out;
}

TEST(Resources, LookupsAgreeWithScans) {
  auto r = Resources::Default();
  ASSERT_TRUE(r.ok());
  const Resources& res = **r;
  std::vector<std::string> words = {"", "the", "said", "x", "killed", "captured", "jets", "at", "dozens"};
  for (const auto& t : res.triggers()) words.insert(words.end(), t.words.begin(), t.words.end());
  for (const auto& k : res.kind_words()) words.insert(words.end(), k.words.begin(), k.words.end());
  for (const auto& q : res.quantities()) words.insert(words.end(), q.words.begin(), q.words.end());
  for (const auto& m : res.modifiers()) words.insert(words.end(), m.words.begin(), m.words.end());
  auto list = [](const std::vector<uint32_t>* p) { return p == nullptr ? std::vector<uint32_t>() : *p; };
  size_t found = 0;
  for (const std::string& w : words) {
    EXPECT_EQ(list(res.TriggersStartingWith(w)), StartingWithSlow(res.triggers(), w)) << w;
    if (!StartingWithSlow(res.triggers(), w).empty()) {
      EXPECT_TRUE(res.MayStartTrigger(w)) << w;
    }
    EXPECT_EQ(list(res.KindWordsStartingWith(w)), StartingWithSlow(res.kind_words(), w)) << w;
    EXPECT_EQ(list(res.QuantitiesStartingWith(w)), StartingWithSlow(res.quantities(), w)) << w;
    EXPECT_EQ(list(res.ModifiersStartingWith(w)), StartingWithSlow(res.modifiers(), w)) << w;
    const Resources::WordEntry* e = res.Lookup(w);
    if (e != nullptr) {
      ++found;
      EXPECT_EQ(e->instrument, res.InstrumentOf(w));
    } else {
      EXPECT_EQ(res.InstrumentOf(w), "");
    }
  }
  EXPECT_GT(found, 100u);
  EXPECT_EQ(res.InstrumentOf("jets"), "aircraft");
}

// A sealed FoldedWord (as SentenceWords makes them) gets from Lookup what its characters
// get, and the filter over its hash never turns away a word that starts a trigger.
TEST(Resources, SealedWordLookupsAgreeWithPlainOnes) {
  auto r = Resources::Default();
  ASSERT_TRUE(r.ok());
  const Resources& res = **r;
  std::vector<std::string> probe = {"took", "captured", "the", "jets", "at", "dozens", "fired", "", "x",
                                    "recaptured", "recapturedd", "under", "killed"};
  for (const Trigger& t : res.triggers()) {
    for (const FoldedWord& w : t.words) probe.push_back(w);
  }
  for (const ClaimKindWord& k : res.kind_words()) probe.push_back(k.words[0]);
  for (const std::string& s : probe) {
    FoldedWord f(s);
    f.Seal();
    EXPECT_EQ(res.Lookup(f), res.Lookup(std::string_view(s))) << s;
    EXPECT_EQ(res.InstrumentOf(f), res.InstrumentOf(std::string_view(s))) << s;
    const bool starts = res.TriggersStartingWith(std::string_view(s)) != nullptr;
    if (starts) {
      EXPECT_TRUE(res.MayStartTrigger(f)) << s;
    }
    EXPECT_EQ(res.TriggersStartingWith(f), res.TriggersStartingWith(std::string_view(s))) << s;
  }
}

}  // namespace
}  // namespace sitrep::extract
