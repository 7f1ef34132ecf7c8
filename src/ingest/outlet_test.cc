#include "ingest/outlet.h"

#include <sstream>

#include "gtest/gtest.h"
#include "ingest/test_util.h"

namespace sitrep::ingest {
namespace {

using testing::Unescape;

// tests/data/ingest/outlets.tsv: expected outlet, how, content.
TEST(Outlet, Table) {
  std::istringstream in(testing::ReadFixture(testing::DataDir() + "/outlets.tsv"));
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    ASSERT_NE(b, std::string::npos) << line;
    std::string name = line.substr(0, a), how = line.substr(a + 1, b - a - 1);
    if (name == "-") name.clear();
    if (how == "-") how.clear();
    OutletGuess g = InferOutlet(Unescape(line.substr(b + 1)));
    EXPECT_EQ(g.name, name) << line;
    EXPECT_EQ(g.how, how) << line;
    if (!name.empty()) {
      EXPECT_FALSE(g.line.empty()) << line;
    }
    ++cases;
  }
  EXPECT_GE(cases, 20);
}

TEST(Outlet, IngestFillsOnlyAMissingOutlet) {
  testing::CollectSink text = testing::Read("story.txt", "ORIENT FREE PRESS\nHome | Syria | Iraq\n\nHeadline\n\nBody.\n");
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].outlet, "Orient Free Press");
  bool said = false;
  for (const auto& kv : text.docs[0].metadata) {
    if (kv.first == "outlet_from") said = kv.second == "\"masthead: ORIENT FREE PRESS\"";
  }
  EXPECT_TRUE(said);

  testing::CollectSink given = testing::Read(
      "feed.jsonl", "{\"text\":\"BAMAKO (Reuters) - Rebels seized a post.\",\"outlet\":\"Sahel Post\"}\n");
  ASSERT_EQ(given.docs.size(), 1u);
  EXPECT_EQ(given.docs[0].outlet, "Sahel Post");
  for (const auto& kv : given.docs[0].metadata) EXPECT_NE(kv.first, "outlet_from");

  testing::CollectSink wire = testing::Read("feed.jsonl", "{\"text\":\"BAMAKO (Reuters) - Rebels seized a post.\"}\n");
  ASSERT_EQ(wire.docs.size(), 1u);
  EXPECT_EQ(wire.docs[0].outlet, "Reuters");
}

// Regression: a huge page is only looked at near its edges, and still answers.
TEST(Outlet, LargeTextLooksAtItsEdges) {
  std::string text = "Headline\n\nBAMAKO (Reuters) - Body.\n";
  text.append(3u << 20, 'x');
  text += "\n\nCopyright Kivu Daily.\n";
  OutletGuess g = InferOutlet(text);
  EXPECT_EQ(g.name, "Kivu Daily");
  EXPECT_EQ(g.how, "copyright");
}

}  // namespace
}  // namespace sitrep::ingest
