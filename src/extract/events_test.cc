#include "extract/events.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/extract.h"
#include "extract/test_util.h"
#include "lexicon/lexicon.h"
#include "lexicon/mentions.h"

namespace sitrep::extract {
namespace {

const Resources& Res() {
  auto r = Resources::Default();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return **r;
}

std::string Field(const Resources& res, const Event& e, const std::string& key) {
  if (key == "agent") return e.agent.text;
  if (key == "target") return e.target.text;
  if (key == "place") return e.place.text;
  if (key == "time") return e.time;
  if (key == "source") return e.time_source;
  if (key == "status") return std::string(StatusName(e.status));
  if (key == "rule") return e.rule;
  if (key == "by") return e.claimed_by.text;
  if (key == "instrument") return e.instrument;
  if (key == "type") return res.event_types()[e.type].id;
  return "<unknown key " + key + ">";
}

std::string Describe(const Resources& res, const Document& doc, const Event& e) {
  std::ostringstream o;
  o << res.event_types()[e.type].id << " [" << doc.view(e.trigger) << "]";
  for (const char* k : {"agent", "target", "place", "time", "source", "status", "rule", "by", "instrument"}) {
    o << " | " << k << "=" << Field(res, e, k);
  }
  return o.str();
}

TEST(Events, CaseFile) {
  const Resources& res = Res();
  auto cases = testing::ReadCases("events.txt");
  ASSERT_FALSE(cases.empty());
  for (const auto& k : cases) {
    Document doc = testing::MakeDocument(k.text);
    if (!k.date.empty()) doc.date.value = k.date;
    auto timexes = testing::TagTimes(doc, k.date);
    std::vector<Event> got = FindEvents(res, doc, {}, timexes);
    std::ostringstream all;
    for (const Event& e : got) all << "\n  " << Describe(res, doc, e);
    SCOPED_TRACE("events.txt:" + std::to_string(k.line) + " got:" + all.str());
    if (k.no_events) {
      EXPECT_TRUE(got.empty());
      continue;
    }
    ASSERT_EQ(got.size(), k.events.size());
    for (size_t i = 0; i < got.size(); ++i) {
      std::string head;
      auto fields = testing::Fields(k.events[i], &head);
      EXPECT_EQ(res.event_types()[got[i].type].id, head) << "event " << i;
      for (const auto& [key, val] : fields) EXPECT_EQ(Field(res, got[i], key), val) << "event " << i << " " << key;
      EXPECT_EQ(got[i].document, "test");
    }
  }
}

TEST(Extract, SameAsFindClaimsAndFindEvents) {
  const Resources& res = Res();
  auto cases = testing::ReadCases("events.txt");
  auto more = testing::ReadCases("claims.txt");
  cases.insert(cases.end(), more.begin(), more.end());
  for (const auto& k : cases) {
    Document doc = testing::MakeDocument(k.text);
    auto timexes = testing::TagTimes(doc, k.date);
    Extraction x = Extract(res, doc, {}, timexes);
    auto claims = FindClaims(res, doc, {}, timexes);
    auto events = FindEvents(res, doc, {}, timexes);
    ASSERT_EQ(x.claims.size(), claims.size()) << k.text;
    ASSERT_EQ(x.events.size(), events.size()) << k.text;
    for (size_t i = 0; i < claims.size(); ++i) {
      EXPECT_EQ(x.claims[i].span, claims[i].span);
      EXPECT_EQ(x.claims[i].claimed_by.text, claims[i].claimed_by.text);
    }
    for (size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(x.events[i].trigger, events[i].trigger);
      EXPECT_EQ(x.events[i].agent.text, events[i].agent.text);
    }
  }
}

// With the real lexicon: "the city" that coreference links to the dateline is not the
// event's place, and the dateline is never the fallback place.
TEST(Events, DatelineIsNoPlace) {
  auto lex = lexicon::Lexicon::Open(lexicon::LexiconOptions());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  Document doc = testing::MakeDocument(
      "BEIRUT (Wire) - Government forces took the city on Sunday, a monitor said.\n\n"
      "KABUL (Wire) - Fighters seized two checkpoints overnight.");
  auto mentions = lexicon::FindMentions(doc, **lex);
  std::vector<Event> got = FindEvents(Res(), doc, mentions, {});
  ASSERT_EQ(got.size(), 2u);
  for (const Event& e : got) {
    EXPECT_NE(e.place.name, "Beirut") << doc.view(e.trigger);
    EXPECT_NE(e.place.name, "Kabul") << doc.view(e.trigger);
  }
}

// With the real lexicon: a group pronoun with nobody in its own sentence is the last armed
// group the paragraph named in the two sentences before; never one from another paragraph.
TEST(Events, GroupPronounTakesThePreviousGroup) {
  auto lex = lexicon::Lexicon::Open(lexicon::LexiconOptions());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  Document doc = testing::MakeDocument(
      "The Taliban attacked the district centre at dawn, officials said. They then seized the town.\n\n"
      "The weather was cold. They later withdrew from the town.");
  auto mentions = lexicon::FindMentions(doc, **lex);
  std::vector<Event> got = FindEvents(Res(), doc, mentions, {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].agent.text, "The Taliban");
  EXPECT_EQ(got[1].agent.how, "pronoun-previous");
  EXPECT_TRUE(got[2].agent.empty()) << got[2].agent.text;
}

TEST(Events, EmptyDocumentHasNone) {
  Document doc;
  EXPECT_TRUE(FindEvents(Res(), doc, {}, {}).empty());
}

}  // namespace
}  // namespace sitrep::extract
