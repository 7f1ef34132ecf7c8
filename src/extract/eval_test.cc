#include "extract/eval.h"

#include <gtest/gtest.h>

namespace sitrep::extract {
namespace {

const char* kGold = R"(# a comment
doc: d1
date: 2022-09-12
> Troops retook Izium on Sunday, the governor said.
> They said 12 soldiers died.
event: control_gained | at=retook | status=reported | agent=Troops | target=Izium | date=2022-09-11
claim: killed 12..? | at=12 soldiers | by=They

doc: d2
date: 2022-09-12
> Nothing happened.
events: none
)";

TEST(GoldTest, ParsesDocumentsAndLocatesRecords) {
  auto docs = ParseGold(kGold, "x.gold");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  const GoldDocument& d = (*docs)[0];
  EXPECT_EQ(d.id, "d1");
  EXPECT_EQ(d.date, "2022-09-12");
  EXPECT_EQ(d.text, "Troops retook Izium on Sunday, the governor said.\nThey said 12 soldiers died.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.text.substr(d.events[0].span.start, d.events[0].span.end - d.events[0].span.start), "retook");
  EXPECT_EQ(d.events[0].fields.at("agent"), "Troops");
  ASSERT_EQ(d.claims.size(), 1u);
  EXPECT_EQ(d.claims[0].type, "killed");
  EXPECT_EQ(d.claims[0].low, 12);
  EXPECT_EQ(d.claims[0].high, -1);
  EXPECT_EQ(d.claims[0].line, 7);
}

TEST(GoldTest, BadInputNamesTheLine) {
  auto r = ParseGold("doc: a\n> some text\nevent: killing | at=missing words\n", "g.gold");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("g.gold:3"), std::string::npos) << r.status().message();
  EXPECT_FALSE(ParseGold("> text first\n", "g").ok());
  EXPECT_FALSE(ParseGold("doc: a\n> t\nevent: killing | at=t | colour=red\n", "g").ok());
  EXPECT_FALSE(ParseGold("doc: a\n> t\nclaim: killed 1 | at=t\n", "g").ok());
  EXPECT_FALSE(ParseGold("doc: a\n> t\ndoc: a\n> u\n", "g").ok());
  EXPECT_FALSE(ParseGold("doc: a\ndate: 12 May\n> t\n", "g").ok());
}

TEST(GoldTest, OccurrenceSuffix) {
  auto r = ParseGold("doc: a\n> storm and storm again\nevent: armed_clash | at=storm#2\n", "g");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].events[0].span.start, 10u);
}

TEST(PartyMatchesTest, Lenient) {
  EXPECT_TRUE(PartyMatches("Syrian army", "the Syrian army", "", ""));
  EXPECT_TRUE(PartyMatches("Islamic State", "IS", "Islamic State", "6.ISIL"));
  EXPECT_TRUE(PartyMatches("Russian", "Russian warplanes", "", ""));
  EXPECT_TRUE(PartyMatches("x/Kyiv", "Kyiv", "", ""));
  EXPECT_FALSE(PartyMatches("Kyiv", "Kharkiv", "", ""));
  EXPECT_FALSE(PartyMatches("", "Kharkiv", "", ""));
}

TEST(ScoreTest, CountsMatchesAndFields) {
  auto docs = ParseGold(kGold, "x.gold");
  ASSERT_TRUE(docs.ok());
  const GoldDocument& g = (*docs)[0];
  Document sys;
  sys.id = "d1";
  sys.text = g.text;
  EventRecord hit;
  hit.span = g.events[0].span;
  hit.type = "control_gained";
  hit.status = "reported";
  hit.agent.text = "Troops";
  hit.target.text = "Kharkiv";  // wrong
  hit.date = "2022-09-11";
  EventRecord extra;
  extra.span = Span{0, 6};
  extra.type = "killing";
  sys.events = {hit, extra};
  ClaimRecord c;
  c.span = g.claims[0].span;
  c.kind = "killed";
  c.low = 12;
  c.claimed_by.text = "they";
  sys.claims = {c};
  Scores s;
  Score(g, sys, &s);
  EXPECT_EQ(s.metrics["events.control_gained"].tp, 1);
  EXPECT_EQ(s.metrics["events.killing"].fp, 1);
  EXPECT_EQ(s.metrics["events.all"].fp, 1);
  EXPECT_EQ(s.metrics["event.agent"].tp, 1);
  EXPECT_EQ(s.metrics["event.target"].fp, 1);
  EXPECT_EQ(s.metrics["event.target"].fn, 1);
  EXPECT_EQ(s.metrics["event.date"].tp, 1);
  EXPECT_EQ(s.metrics["claims.all"].tp, 1);
  EXPECT_EQ(s.metrics["claims.claimant"].tp, 1);
  EXPECT_DOUBLE_EQ(s.Value("events.all.p"), 0.5);
  EXPECT_DOUBLE_EQ(s.Value("events.all.r"), 1.0);
  EXPECT_LT(s.Value("nothing.p"), 0);
}

TEST(FloorsTest, Parses) {
  auto f = ParseFloors("# c\nevents.all.f1 0.5\nclaims.all.p\t0.9\n", "f");
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 2u);
  EXPECT_EQ((*f)[1].first, "claims.all.p");
  EXPECT_FALSE(ParseFloors("events.all 0.5\n", "f").ok());
  EXPECT_FALSE(ParseFloors("events.all.p 1.5\n", "f").ok());
}

}  // namespace
}  // namespace sitrep::extract

// The gold set through extract::Annotate (no CLI, no pipeline): a quick loop for tuning.
// Prints the scores; SITREP_EVAL_ERRORS=1 also prints every disagreement. The floors are
// checked by `sitrep eval` in tests/eval_test.cc.
#include <cstdlib>
#include <iostream>

#include "extract/annotate.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "time/timex.h"

namespace sitrep::extract {
namespace {

TEST(GoldSetTest, ScoresThroughAnnotate) {
  const char* which = std::getenv("SITREP_EVAL_GOLD");
  std::string dir = std::string(SITREP_SOURCE_DIR) + "/tests/data/gold" + (which ? std::string("/") + which : "");
  auto gold = ReadGold(*PosixFileSystem(), dir);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  auto res = Resources::Default();
  ASSERT_TRUE(res.ok());
  auto lex = lexicon::Lexicon::Open(lexicon::LexiconOptions());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  auto tagger = time::Tagger::LoadDefault();
  ASSERT_TRUE(tagger.ok());
  Scores scores;
  for (const GoldDocument& g : *gold) {
    Document doc;
    doc.id = g.id;
    doc.text = g.text;
    doc.outlet = g.outlet;
    ASSERT_TRUE(text::Annotate(doc).ok());
    doc.date.value = g.date;
    doc.date.precision = DatePrecision::kDay;
    Annotate(Annotator{*res, lex->get(), tagger->get()}, doc);
    Score(g, doc, &scores);
  }
  for (const auto& [name, c] : scores.metrics) {
    std::printf("%-28s tp %3d fp %3d fn %3d  p %.3f r %.3f f1 %.3f\n", name.c_str(), c.tp, c.fp, c.fn,
                c.precision(), c.recall(), c.f1());
  }
  if (std::getenv("SITREP_EVAL_ERRORS") != nullptr) {
    for (const auto& m : scores.mismatches) {
      std::printf("%s:%d %s: gold [%s] system [%s]\n    %s\n", m.document.c_str(), m.line, m.what.c_str(),
                  m.gold.c_str(), m.system.c_str(), m.sentence.c_str());
    }
  }
  EXPECT_GT(scores.documents, 0);
}

}  // namespace
}  // namespace sitrep::extract
