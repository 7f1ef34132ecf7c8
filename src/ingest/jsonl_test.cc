#include "ingest/jsonl.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sitrep::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Pair;

TEST(JsonLines, KnownFieldsAndMetadata) {
  JsonLinesParser parser;
  JsonRecord rec;
  ASSERT_TRUE(parser.Parse(R"({"id":"x1","url":"u","title":"t","text":"body","published":"2017-03-02",)"
                           R"("outlet":"o","lang":"en","tags":["a", "b"],"n":1.5,"deep":{"k":[1,{"z":null}]}})",
                           &rec).ok());
  EXPECT_EQ(rec.id, "x1");
  EXPECT_EQ(rec.url, "u");
  EXPECT_EQ(rec.title, "t");
  EXPECT_EQ(rec.published, "2017-03-02");
  EXPECT_EQ(rec.outlet, "o");
  EXPECT_TRUE(rec.has_text);
  EXPECT_FALSE(rec.has_html);
  EXPECT_EQ(rec.text, "body");
  EXPECT_THAT(rec.metadata, ::testing::ElementsAre(Pair("lang", "\"en\""), Pair("tags", "[\"a\",\"b\"]"),
                                                  Pair("n", "1.5"), Pair("deep", "{\"k\":[1,{\"z\":null}]}")));
}

TEST(JsonLines, NumbersNullsAndOddTypes) {
  JsonLinesParser parser;
  JsonRecord rec;
  ASSERT_TRUE(parser.Parse(R"({"id":12345678901,"published":20180204,"title":{"main":"t"},"url":null,"html":"<p>x</p>"})", &rec).ok());
  EXPECT_EQ(rec.id, "12345678901");
  EXPECT_EQ(rec.published, "20180204");
  EXPECT_EQ(rec.title, "");
  EXPECT_EQ(rec.url, "");
  EXPECT_TRUE(rec.has_html);
  EXPECT_THAT(rec.metadata, ::testing::ElementsAre(Pair("title", "{\"main\":\"t\"}")));
}

TEST(JsonLines, DuplicateKnownFieldGoesToMetadata) {
  JsonLinesParser parser;
  JsonRecord rec;
  ASSERT_TRUE(parser.Parse(R"({"text":"first","text":"second","title":"a","title":"b"})", &rec).ok());
  EXPECT_EQ(rec.text, "first");
  EXPECT_EQ(rec.title, "a");
  EXPECT_THAT(rec.metadata, ::testing::ElementsAre(Pair("text", "\"second\""), Pair("title", "\"b\"")));
}

TEST(JsonLines, Errors) {
  JsonLinesParser parser;
  JsonRecord rec;
  struct Case {
    std::string_view line;
    std::string_view message;
  };
  const Case cases[] = {
      {R"({"text": "unterminated)", "malformed JSON"},
      {R"({"text": "a",})", "malformed JSON"},
      {R"({"text": "a"} {"text": "b"})", "malformed JSON"},
      {R"([1, 2])", "expected a JSON object, found an array"},
      {R"("just a string")", "expected a JSON object, found a string"},
      {R"({"id": [1], "text": "a"})", "field \"id\" must be a string or a number, found an array"},
      {R"({"html": true})", "field \"html\" must be a string, found a boolean"},
  };
  for (const Case& c : cases) {
    Status st = parser.Parse(c.line, &rec);
    EXPECT_EQ(st.code(), StatusCode::kBadInput) << c.line;
    EXPECT_THAT(st.message(), HasSubstr(c.message)) << c.line;
  }
  // The parser recovers after errors.
  ASSERT_TRUE(parser.Parse(R"({"text": "fine"})", &rec).ok());
  EXPECT_EQ(rec.text, "fine");
}

TEST(JsonLines, InvalidUtf8IsRepairedAndCounted) {
  JsonLinesParser parser;
  JsonRecord rec;
  ASSERT_TRUE(parser.Parse("{\"text\": \"caf\xE9 \xFF\"}", &rec).ok());
  EXPECT_EQ(rec.text, "caf\xEF\xBF\xBD \xEF\xBF\xBD");
  EXPECT_EQ(rec.invalid_utf8, 2u);
}

TEST(JsonLines, EscapesAreDecoded) {
  JsonLinesParser parser;
  JsonRecord rec;
  ASSERT_TRUE(parser.Parse(R"({"text": "line\nbreak \u00e9 \ud83d\ude00 \"q\""})", &rec).ok());
  EXPECT_EQ(rec.text, "line\nbreak \xC3\xA9 \xF0\x9F\x98\x80 \"q\"");
}

}  // namespace
}  // namespace sitrep::ingest
