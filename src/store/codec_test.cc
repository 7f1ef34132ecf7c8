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

bool SameRest(const EntityRef& a, const EntityRef& b) {
  return a.span == b.span && a.kind == b.kind && a.country == b.country &&
         a.has_position == b.has_position && a.lat == b.lat && a.lon == b.lon &&
         a.precision == b.precision && a.how == b.how;
}

TEST(CodecTest, EntityRestRoundTripsAndFastEqualsSlow) {
  EntityRef e;
  e.span = {12, 40};
  e.kind = "place";
  e.country = std::string("UA");  // (GCC 12 warns falsely on assigning a short literal)
  e.has_position = true;
  e.lat = 46.63541700000001;
  e.lon = -0.1;
  e.precision = 2;
  e.how = "gazetteer: \"quoted\" \\ back\tslash \x01 caf\xc3\xa9";
  const std::string json = EntityRestToJson(e);
  EntityRef fast, slow;
  EntityRestFromJson(json, fast);
  EntityRestFromJsonSlow(json, slow);
  EXPECT_TRUE(SameRest(fast, e)) << json;
  EXPECT_TRUE(SameRest(slow, e)) << json;
  EXPECT_EQ(EntityRestToJson(EntityRef()), "");
  EXPECT_EQ(EntityRestToJson(e, false).find("\"kind\""), std::string::npos);
}

// The appending writer (what the store uses, reusing one buffer) writes what
// EntityRestToJson returns, after whatever the buffer held, and nothing for an empty party.
TEST(CodecTest, AppendEntityRestEqualsToJson) {
  EntityRef e;
  e.span = {3, 9};
  e.kind = "actor";
  e.how = "ends with a quote\"";
  std::string buf = "kept";
  AppendEntityRestJson(buf, e);
  EXPECT_EQ(buf, "kept" + EntityRestToJson(e));
  buf.clear();
  AppendEntityRestJson(buf, e, false);
  EXPECT_EQ(buf, EntityRestToJson(e, false));
  EXPECT_EQ(buf, "{\"how\":\"ends with a quote\\\"\"}");
  buf = "kept";
  AppendEntityRestJson(buf, EntityRef());
  EXPECT_EQ(buf, "kept");
}

TEST(CodecTest, EntityRestFastReaderAgreesOnOddInput) {
  const char* cases[] = {
      "", "{}", "{ \"s\" : 3 , \"e\":9}", "{\"how\":\"a\\u00e9b\"}", "{\"kind\":\"x\",}",
      "{\"lat\":1e2,\"lon\":-3.5}", "{\"precision\":true}", "[1,2]", "{\"how\":\"unterminated}",
      "{\"s\":-1}", "not json", "{\"country\":\"SY\"} trailing", "{\"nested\":{\"a\":1}}",
  };
  for (const char* c : cases) {
    EntityRef fast, slow;
    EntityRestFromJson(c, fast);
    EntityRestFromJsonSlow(c, slow);
    EXPECT_TRUE(SameRest(fast, slow)) << c;
  }
}

TEST(CodecTest, SignatureBlobRoundTrips) {
  const std::vector<uint32_t> sig = {0, 1, 0x80000000u, 0xffffffffu, 123456789};
  EXPECT_EQ(SignatureFromBlob(SignatureToBlob(sig)), sig);
  EXPECT_EQ(SignatureToBlob(sig).size(), 20u);
  EXPECT_TRUE(SignatureFromBlob("abc").empty());
}

}  // namespace
}  // namespace sitrep::store
