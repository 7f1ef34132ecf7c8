#include "extract/resources.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sitrep::extract
