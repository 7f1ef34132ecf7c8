#include "store/codec.h"

#include <gtest/gtest.h>

namespace sitrep::store {
namespace {

TEST(CodecTest, EnumNamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(LineHint::kLinkOnly); ++i) {
    auto h = static_cast<LineHint>(i);
    EXPECT_EQ(ParseLineHint(LineHintName(h)), h);
  }
  for (int i = 0; i <= static_cast<int>(LineKind::kDropped); ++i) {
    auto k = static_cast<LineKind>(i);
    EXPECT_EQ(ParseLineKind(LineKindName(k)), k);
  }
  for (int i = 0; i <= static_cast<int>(DateSource::kCrossDocument); ++i) {
    auto s = static_cast<DateSource>(i);
    EXPECT_EQ(ParseDateSource(DateSourceName(s)), s);
  }
  EXPECT_EQ(ParseInputFormat("jsonl"), InputFormat::kJsonLines);
  EXPECT_EQ(ParseDatePrecision("month"), DatePrecision::kMonth);
  EXPECT_EQ(ParseLineKind("no-such-kind"), LineKind::kBody);
}

TEST(CodecTest, MetadataKeepsOrderAndValues) {
  std::vector<std::pair<std::string, std::string>> m = {
      {"zeta", "1"}, {"alpha", "\"x\\\"y\""}, {"list", "[1,2]"}, {"obj", "{\"k\":null}"}};
  EXPECT_EQ(MetadataFromJson(MetadataToJson(m)), m);
}

TEST(CodecTest, MetadataValueThatIsNotJsonBecomesString) {
  std::vector<std::pair<std::string, std::string>> m = {{"raw", "not json"}};
  std::string json = MetadataToJson(m);
  EXPECT_EQ(json, "{\"raw\":\"not json\"}");
  auto back = MetadataFromJson(json);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].second, "\"not json\"");
  EXPECT_TRUE(MetadataFromJson("{broken").empty());
}

TEST(CodecTest, ConflictsRoundTrip) {
  std::vector<DateConflict> c = {{"2016-03", DateSource::kBody, "in March", "vague"}};
  auto back = ConflictsFromJson(ConflictsToJson(c));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].value, "2016-03");
  EXPECT_EQ(back[0].source, DateSource::kBody);
  EXPECT_EQ(back[0].evidence, "in March");
  EXPECT_EQ(back[0].why, "vague");
  EXPECT_EQ(ConflictsToJson({}), "[]");
}

}  // namespace
}  // namespace sitrep::store
