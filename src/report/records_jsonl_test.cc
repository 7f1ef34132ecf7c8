// The direct JSON Lines writer against its nlohmann twin (records_json.h): the same bytes
// on hostile strings, odd numbers, hand-made records and the records of the whole example
// and dev corpus.
#include "report/records_jsonl.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/pipeline.h"

namespace sitrep::report {
namespace {

std::string Slow(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string Fast(std::string_view s) {
  std::string out = "prefix";  // appends, never clears
  AppendJsonString(s, &out);
  return out.substr(6);
}

// Bytes worth combining: controls, the escaped ASCII, edges of every UTF-8 class
// (continuations, overlong leads, surrogate and beyond-U+10FFFF leads, invalid bytes).
const std::vector<unsigned char> kEdgeBytes = {0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x20, '"', '\\', '/',
                                               'a',  0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
                                               0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xfe, 0xff};

TEST(JsonStringTest, EveryByteAndEveryPairAsNlohmannWritesThem) {
  for (int a = 0; a < 256; ++a) {
    std::string s(1, static_cast<char>(a));
    ASSERT_EQ(Fast(s), Slow(Json(s))) << "byte " << a;
    for (int b = 0; b < 256; ++b) {
      std::string t = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(Fast(t), Slow(Json(t))) << "bytes " << a << " " << b;
    }
  }
}

TEST(JsonStringTest, EdgeBytesThreeLongAtEveryAlignment) {
  const size_t k = kEdgeBytes.size();
  size_t cases = 0;
  for (size_t prefix : {0, 5, 7, 13}) {
    for (size_t i = 0; i < k * k * k; ++i) {
      std::string s(prefix, 'x');
      for (size_t r = i, d = 0; d < 3; ++d, r /= k) s.push_back(static_cast<char>(kEdgeBytes[r % k]));
      s += "tail";
      ASSERT_EQ(Fast(s), Slow(Json(s))) << "case " << i << " prefix " << prefix;
      ++cases;
    }
  }
  EXPECT_GT(cases, 100000u);
}

TEST(JsonStringTest, RandomStrings) {
  std::mt19937 rng(20261122);
  const std::string valid[] = {"\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x98\x80", "\xd8\xaa", "\xef\xbf\xbd"};
  for (int n = 0; n < 50000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 40);
    for (int i = 0; i < len; ++i) {
      const unsigned pick = rng() % 10;
      if (pick < 5) s.push_back(static_cast<char>('a' + rng() % 26));
      else if (pick < 7) s += valid[rng() % 5];
      else if (pick < 9) s.push_back(static_cast<char>(kEdgeBytes[rng() % kEdgeBytes.size()]));
      else s.push_back(static_cast<char>(rng() % 256));
    }
    ASSERT_EQ(Fast(s), Slow(Json(s))) << "random case " << n;
  }
}

TEST(JsonStringTest, Examples) {
  EXPECT_EQ(Fast(""), "\"\"");
  EXPECT_EQ(Fast("say \"no\"\\"), "\"say \\\"no\\\"\\\\\"");
  EXPECT_EQ(Fast(std::string("a\0b\x1f\x7f", 5)), "\"a\\u0000b\\u001f\x7f\"");
  EXPECT_EQ(Fast("tab\there\r\n\b\f"), "\"tab\\there\\r\\n\\b\\f\"");
  EXPECT_EQ(Fast("Homs \xe2\x80\x94 Palmyra"), "\"Homs \xe2\x80\x94 Palmyra\"");
  EXPECT_EQ(Fast("bad \xff byte"), "\"bad \xef\xbf\xbd byte\"");
  EXPECT_EQ(Fast("cut \xe2\x80"), "\"cut \xef\xbf\xbd\"");
}

TEST(JsonDoubleTest, AsNlohmannWritesThem) {
  std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.5, 34.56, 38.27, 0.1, 1.0 / 3, 1e15, 1e16, 1e21, 1e-4, 1e-5,
                                123456789012345.0, 1234567890123456.0, 2.5e-300, 1.7976931348623157e308,
                                std::numeric_limits<double>::denorm_min(), -36.123456789};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v)) values.push_back(v);
    values.push_back(static_cast<double>(rng() % 2000000) / 1000.0 - 1000.0);
  }
  for (double v : values) {
    std::string out;
    AppendJsonDouble(v, &out);
    ASSERT_EQ(out, Slow(Json(v))) << v;
  }
  for (double v : {std::nan(""), std::numeric_limits<double>::infinity()}) {
    std::string out;
    AppendJsonDouble(v, &out);
    EXPECT_EQ(out, Slow(Json(v)));
  }
}

// ---- records ----------------------------------------------------------------------

const std::string kNasty = std::string("q\"b\\c\n\t\x01\0z\xc3\xa9\xff", 13);

EntityRef Entity(int variant) {
  EntityRef e;
  if (variant == 0) return e;  // empty: null
  e.text = variant == 2 ? kNasty : "the army";
  e.span = variant == 3 ? Span{5, 5} : Span{10, 18};
  if (variant != 4) e.id = "GN:42";
  if (variant == 5) e.name = kNasty;
  e.kind = variant % 2 ? "place" : "";
  e.country = variant == 6 ? "SY" : "";
  e.has_position = variant != 7;
  e.lat = variant == 8 ? std::nan("") : 34.5 + variant;
  e.lon = variant == 9 ? -0.0 : 38.27 / variant;
  e.precision = variant % 4;
  e.how = variant == 10 ? "" : "gazetteer: exact";
  return e;
}

TEST(RecordsJsonlTest, EntitiesMentionsEventsClaims) {
  for (int v = 0; v <= 10; ++v) {
    std::string out;
    AppendEntityJson(Entity(v), &out);
    EXPECT_EQ(out, Slow(EntityJson(Entity(v)))) << "entity " << v;

    MentionRecord m;
    m.id = "d:m" + std::to_string(v);
    m.document = v == 3 ? "" : "d";
    m.sentence = v == 2 ? UINT32_MAX : v;
    m.entity = Entity(v);
    m.type = v == 4 ? "" : "populated";
    m.refers_to = v - 5;
    out.clear();
    AppendMentionJson(m, "", &out);
    EXPECT_EQ(out, Slow(MentionJson(m))) << "mention " << v;

    EventRecord e;
    e.id = "d:e" + std::to_string(v);
    e.document = "d";
    e.sentence = static_cast<uint32_t>(v * 1000);
    e.span = {static_cast<uint32_t>(v), static_cast<uint32_t>(v + 7)};
    e.trigger = v == 1 ? "" : "seized";
    e.type = "control_gained";
    e.status = v == 2 ? kNasty : "asserted";
    e.frame = v == 3 ? "" : "verb";
    e.rule = v == 4 ? "" : "verb active";
    e.agent = Entity(v);
    e.target = Entity((v + 3) % 11);
    e.place = Entity((v + 7) % 11);
    e.instrument = v == 5 ? "aircraft" : "";
    e.date = v == 6 ? "" : "2016-03-27";
    e.date_precision = static_cast<DatePrecision>(v % 4);
    e.timex = v == 7 ? "" : "2016-W12";
    e.time_span = v == 8 ? Span{} : Span{30, 38};
    e.time_source = v == 9 ? "" : "sentence";
    e.claimed_by = Entity((v + 5) % 11);
    e.reported_by = v == 10 ? "" : "Outlet";
    e.line_kind = static_cast<LineKind>(v % 4);
    e.quote = v == 2 ? kNasty : "They seized the town.";
    out.clear();
    AppendEventJson(e, "", &out);
    EXPECT_EQ(out, Slow(EventJson(e))) << "event " << v;

    ClaimRecord c;
    c.id = "d:c" + std::to_string(v);
    c.document = "d";
    c.sentence = static_cast<uint32_t>(v);
    c.span = {1, 20};
    c.number = v == 3 ? Span{} : Span{4, 6};
    c.kind = "killed";
    c.item = v == 4 ? "" : kNasty;
    c.calibre = v == 5 ? "122 mm" : "";
    const double figures[] = {-1, 0, 120, 2.5, 1e15, 1e15 - 1, 1e300, std::nan(""), 0.1, -0.5, 7};
    c.low = figures[v];
    c.high = figures[(v + 3) % 11];
    c.acled = figures[(v + 6) % 11];
    c.modifier = v == 6 ? "at least" : "";
    c.effect = v == 6 ? "at_least" : "";
    c.approx = v % 2;
    c.vague = v % 3 == 0;
    c.about = Entity(v);
    c.claimed_by = Entity((v + 2) % 11);
    c.reported_by = "Outlet";
    c.place = Entity((v + 4) % 11);
    c.date = v == 8 ? "" : "2016";
    c.date_precision = DatePrecision::kYear;
    c.event = v == 9 ? "" : "d:e1";
    c.rule = "number noun";
    c.line_kind = LineKind::kCaption;
    c.quote = "At least 120 died.";
    out.clear();
    AppendClaimJson(c, "", &out);
    EXPECT_EQ(out, Slow(ClaimJson(c))) << "claim " << v;
  }
}

TEST(RecordsJsonlTest, RecordFieldGoesFirst) {
  EventRecord e;
  e.id = "d:e0";
  std::string out;
  AppendEventJson(e, "event", &out);
  EXPECT_EQ(out.rfind("{\"record\":\"event\",\"id\":\"d:e0\",", 0), 0u) << out;
}

TEST(RecordsJsonlTest, DocumentLine) {
  Document doc;
  doc.id = "h01";
  doc.source = "in.jsonl:3";
  doc.title = kNasty;
  doc.outlet = "Outlet";
  doc.text = "Line one.\nLine \"two\".\n";
  doc.date.value = "2016-03-27";
  doc.date.precision = DatePrecision::kDay;
  doc.date.confidence = 0.85;
  doc.date.conflicts.push_back({"2016-03-20", DateSource::kDateline, "last week", "older"});
  doc.date.conflicts.push_back({"", DateSource::kNone, kNasty, ""});
  for (bool with_text : {false, true}) {
    std::string out;
    AppendDocumentRecord(doc, with_text, &out);
    EXPECT_EQ(out, Slow(DocumentRecordJson(doc, with_text)));
  }
  Document empty;
  std::string out;
  AppendDocumentRecord(empty, true, &out);
  EXPECT_EQ(out, Slow(DocumentRecordJson(empty, true)));
}

// ---- the corpus -------------------------------------------------------------------

TEST(RecordsJsonlTest, CorpusLinesAsTheNlohmannPath) {
  const std::string root = SITREP_SOURCE_DIR;
  std::vector<std::string> paths;
  for (const char* dir : {"/examples", "/tests/data/gold/dev", "/tests/data/articles/dev", "/tests/data/articles2/dev",
                          "/tests/data/articles3/dev", "/tests/data/attribution/dev", "/../shared/seeds"}) {
    if (std::filesystem::exists(root + dir)) paths.push_back(root + dir);
  }
  PipelineOptions options;
  options.threads = 1;
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  size_t docs = 0, records = 0, bytes = 0;
  std::string fast;
  auto sink = [&](Document& doc) -> Status {
    for (bool mentions : {false, true}) {
      for (bool with_text : {false, true}) {
        fast.clear();
        AppendExtractLines(doc, mentions, with_text, &fast);
        const std::string slow = ExtractLinesSlow(doc, mentions, with_text);
        EXPECT_EQ(fast, slow) << doc.source;
        bytes += fast.size();
      }
    }
    ++docs;
    records += doc.mentions.size() + doc.events.size() + doc.claims.size();
    return Status::Ok();
  };
  auto summary = (*pipeline)->Stream(paths, sink, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_GT(docs, 50u);
  EXPECT_GT(records, 5000u);
  EXPECT_GT(bytes, 1000000u);
}

}  // namespace
}  // namespace sitrep::report
