#include "extract/triggers.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/test_util.h"

namespace sitrep::extract {
namespace {

const Resources& Res() {
  auto r = Resources::Default();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return **r;
}

std::vector<std::string> Found(const Resources& res, const Document& doc) {
  std::vector<std::string> out;
  std::vector<Word> words;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    SentenceWords(doc, s, &words);
    for (const TriggerMatch& m : MatchTriggers(res, words)) {
      out.push_back(res.event_types()[res.triggers()[m.trigger].type].id + " " + std::string(doc.view(m.span)));
    }
  }
  return out;
}

TEST(Triggers, CaseFile) {
  const Resources& res = Res();
  auto cases = testing::ReadCases("triggers.txt");
  ASSERT_FALSE(cases.empty());
  for (const auto& k : cases) {
    Document doc = testing::MakeDocument(k.text);
    std::vector<std::string> got = Found(res, doc);
    std::ostringstream all;
    for (const auto& g : got) all << "\n  " << g;
    SCOPED_TRACE("triggers.txt:" + std::to_string(k.line) + " got:" + all.str());
    EXPECT_EQ(got, k.triggers);
  }
}

TEST(Triggers, FastMatchesSlow) {
  const Resources& res = Res();
  auto cases = testing::ReadCases("triggers.txt");
  auto more = testing::ReadCases("claims.txt");
  cases.insert(cases.end(), more.begin(), more.end());
  std::vector<Word> words;
  for (const auto& k : cases) {
    Document doc = testing::MakeDocument(k.text);
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      SentenceWords(doc, s, &words);
      auto fast = MatchTriggers(res, words);
      auto slow = MatchTriggersSlow(res, words);
      TriggerStarts starts;
      FindTriggerStarts(res, words, &starts);
      std::vector<TriggerMatch> given;
      AppendTriggers(res, words, starts, &given);
      ASSERT_EQ(starts.at.size(), words.size());
      std::vector<uint32_t> listed;
      for (size_t i = 0; i < words.size(); ++i) {
        const auto* want = words[i].kind == TokenKind::kWord ? res.TriggersStartingWith(words[i].folded) : nullptr;
        EXPECT_EQ(starts.at[i], want);
        if (want != nullptr) listed.push_back(static_cast<uint32_t>(i));
      }
      EXPECT_EQ(starts.words, listed);
      ASSERT_EQ(given.size(), slow.size()) << k.text;
      for (size_t i = 0; i < given.size(); ++i) {
        EXPECT_EQ(given[i].trigger, slow[i].trigger);
        EXPECT_EQ(given[i].span, slow[i].span);
      }
      ASSERT_EQ(fast.size(), slow.size()) << k.text;
      for (size_t i = 0; i < fast.size(); ++i) {
        EXPECT_EQ(fast[i].trigger, slow[i].trigger);
        EXPECT_EQ(fast[i].span, slow[i].span);
      }
    }
  }
}

TEST(Words, TokensFromDocumentEqualTokenizedSpan) {
  Document doc = testing::MakeDocument("Rebels RETOOK the air-base on Sunday. “Heavy” shelling followed.");
  std::vector<Word> a, b;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    SentenceWords(doc, s, &a);
    SpanWords(doc, doc.sentences[s].span, &b);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].folded, b[i].folded);
  }
  SentenceWords(doc, 0, &a);
  EXPECT_EQ(a[1].folded, "retook");
}

}  // namespace
}  // namespace sitrep::extract
