#include "text/resources.h"

#include <gtest/gtest.h>

#include "text/fold.h"
#include "text/test_util.h"

namespace sitrep::text {
namespace {

std::map<std::string, std::string> Minimal() {
  return {{"interface_phrases.txt",
           "# comment\n[interface phrase]\nshow comments\nprint\n~akismet\n[byline]\n^by\n"
           "[author picture]\n$'s picture\n[section/menu label; edges]\nworld\nmiddle east\n"},
          {"abbreviations.txt", "[title]\nGen.\n[number]\nNo.\n[ordinary]\nU.S.\n"},
          {"sentence_starters.txt", "the\nhe\n"},
          {"minor_words.txt", "of\nthe\n"},
          {"timestamp_words.txt", "[month]\nmarch\n[other]\nat\n"},
          {"credit_words.txt", "photo\nreuters\n"}};
}

std::optional<PhraseHit> Match(const Resources& r, std::string_view line) {
  return r.MatchLine(line, FoldForMatch(line));
}

TEST(Resources, ParsesAndMatches) {
  auto r = Resources::FromContents(Minimal());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Resources& res = **r;
  EXPECT_EQ(res.Abbreviation("Gen."), AbbrevClass::kTitle);
  EXPECT_EQ(res.Abbreviation("GEN."), AbbrevClass::kTitle);
  EXPECT_EQ(res.Abbreviation("gen."), AbbrevClass::kNone);
  EXPECT_EQ(res.Abbreviation("No."), AbbrevClass::kNumber);
  EXPECT_EQ(res.Abbreviation("U.S."), AbbrevClass::kOrdinary);
  EXPECT_TRUE(res.IsSentenceStarter("the"));
  EXPECT_TRUE(res.IsMinorWord("of"));
  EXPECT_TRUE(res.IsCreditWord("reuters"));
  EXPECT_EQ(res.Timestamp("march"), TimeWord::kMonth);
  EXPECT_EQ(res.Timestamp("at"), TimeWord::kOther);

  auto hit = Match(res, "Show Comments");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->reason, "interface phrase");
  EXPECT_TRUE(hit->whole_line);
  EXPECT_FALSE(hit->edges_only);
  // Sequences of phrases, separators ignored, run-together words split.
  EXPECT_TRUE(Match(res, "Print | Show comments (12)"));
  EXPECT_TRUE(Match(res, "PrintShow Comments"));
  EXPECT_FALSE(Match(res, "Show Comments now"));
  // Edges-only phrases say so, unless mixed with ordinary ones.
  hit = Match(res, "World / Middle East");
  ASSERT_TRUE(hit);
  EXPECT_TRUE(hit->edges_only);
  EXPECT_EQ(hit->reason, "section/menu label");
  hit = Match(res, "World | Print");
  ASSERT_TRUE(hit);
  EXPECT_FALSE(hit->edges_only);
  // Contains, prefix at a word end, suffix.
  hit = Match(res, "This site uses Akismet to reduce spam.");
  ASSERT_TRUE(hit);
  EXPECT_FALSE(hit->whole_line);
  EXPECT_EQ(Match(res, "By Jane Roe")->reason, "byline");
  EXPECT_FALSE(Match(res, "Bypass road reopened"));
  EXPECT_EQ(Match(res, "Jane Roe’s picture")->reason, "author picture");
}

TEST(Resources, MalformedFilesNameTheLine) {
  auto files = Minimal();
  files["abbreviations.txt"] = "[title]\nGen\n";
  auto r = Resources::FromContents(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kBadInput);
  EXPECT_NE(r.status().message().find("abbreviations.txt:2"), std::string::npos);

  files = Minimal();
  files["interface_phrases.txt"] = "orphan\n";
  r = Resources::FromContents(files);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("interface_phrases.txt:1"), std::string::npos);

  files = Minimal();
  files["interface_phrases.txt"] = "[x; sometimes]\nfoo\n";
  EXPECT_FALSE(Resources::FromContents(files).ok());

  files = Minimal();
  files["timestamp_words.txt"] = "[century]\nfoo\n";
  EXPECT_FALSE(Resources::FromContents(files).ok());

  files = Minimal();
  files.erase("credit_words.txt");
  r = Resources::FromContents(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(Resources, LoadReportsMissingDirectory) {
  MemoryFileSystem fs;
  auto r = Resources::Load(fs, "/nowhere/data/text");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("SITREP_HOME"), std::string::npos);
}

TEST(Resources, LoadsFromMemoryFileSystem) {
  MemoryFileSystem fs;
  for (auto& [name, content] : Minimal()) fs.Add("d/" + name, content);
  EXPECT_TRUE(Resources::Load(fs, "d").ok());
}

TEST(Resources, ShippedDataLoads) {
  auto r = DefaultResources();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE((*r)->reasons().empty());
}

}  // namespace
}  // namespace sitrep::text
