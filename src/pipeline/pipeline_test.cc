// The real pipeline (ingest, text, time) over an in-memory file system. These tests need
// the ingest and text stages; they check the runner's promises, not the stages' choices.
#include "sitrep/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kReport =
    "Militia fighters shelled the northern district on Tuesday.\n"
    "\n"
    "Residents said at least four houses were hit. The governor called for calm.\n";

constexpr const char* kPage =
    "<html><head><title>Convoy reaches the valley</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
    "<h1>Convoy reaches the valley</h1>"
    "<p>An aid convoy reached the besieged valley on Friday after weeks of talks.</p>"
    "<p>Drivers said the road was badly damaged.</p>"
    "</body></html>";

struct Fixture {
  FixedClock clock{1700000000};
  MemoryFileSystem fs;
  std::unique_ptr<Store> store;
  std::unique_ptr<Pipeline> pipeline;

  explicit Fixture(std::vector<std::string> skip = {}) {
    auto s = OpenStore(":memory:", &clock);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    store = std::move(s).value();
    PipelineOptions options;
    options.clock = &clock;
    options.fs = &fs;
    options.skip = std::move(skip);
    auto p = Pipeline::Create(options);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    pipeline = std::move(p).value();
  }
};

TEST(PipelineTest, StageNames) {
  Fixture f;
  EXPECT_THAT(f.pipeline->StageNames(), ElementsAre("text", "time", "extract"));
}

TEST(PipelineTest, UnknownSkipRefused) {
  PipelineOptions options;
  options.skip = {"nonsense"};
  auto p = Pipeline::Create(options);
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(p.status().message(), HasSubstr("text, time"));
}

TEST(PipelineTest, IngestStoresVerifiedDocuments) {
  Fixture f;
  f.fs.Add("in/report.txt", kReport);
  f.fs.Add("in/page.html", kPage);
  f.fs.Add("in/empty.txt", "");
  f.fs.Add("in/blob.bin", std::string("\x00\x01\x02\x03\xff\xfe\x00\x00", 8) + std::string(64, '\0'));
  auto summary = f.pipeline->Ingest({"in"}, *f.store, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->seen, 4u);
  EXPECT_EQ(summary->stored, 2u);
  EXPECT_EQ(summary->rejected, 2u);
  EXPECT_EQ(summary->seen, summary->stored + summary->duplicates + summary->rejected);
  for (const Rejection& r : summary->rejections) {
    EXPECT_THAT(r.source, ::testing::AnyOf("in/empty.txt", "in/blob.bin"));
    EXPECT_FALSE(r.reason.empty());
  }

  auto docs = f.store->ListDocuments();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  for (const DocumentSummary& d : *docs) {
    EXPECT_GT(d.sentences, 0u) << d.source;
    EXPECT_GT(d.chars, 0u) << d.source;
    auto doc = f.store->GetDocument(d.id);
    ASSERT_TRUE(doc.ok());
    EXPECT_FALSE(doc->lines.empty());
    EXPECT_FALSE(doc->paragraphs.empty());
  }

  auto again = f.pipeline->Ingest({"in"}, *f.store, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stored, 0u);
  EXPECT_EQ(again->duplicates, 2u);
  EXPECT_EQ(again->rejected, 2u);

  const auto& timings = f.pipeline->timings();
  ASSERT_GE(timings.size(), 3u);
  EXPECT_EQ(timings[1].name, "text");
  EXPECT_EQ(timings[1].documents, 2u);  // duplicates are not processed again
}

TEST(PipelineTest, ProcessFillsTextAnnotations) {
  Fixture f;
  Document doc;
  doc.id = "hmanual";
  doc.source = "manual";
  doc.text = kReport;
  Status st = f.pipeline->Process(doc);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_GE(doc.sentences.size(), 2u);
  EXPECT_FALSE(doc.tokens.empty());
}

TEST(PipelineTest, SkippingTextLeavesDocumentBare) {
  Fixture f({"text", "time", "extract"});
  Document doc;
  doc.id = "hbare";
  doc.source = "manual";
  doc.text = kReport;
  ASSERT_TRUE(f.pipeline->Process(doc).ok());
  EXPECT_TRUE(doc.sentences.empty());
}

constexpr const char* kBattle =
    "Rebel fighters captured the town of Aleppo on Monday, the army said.\n"
    "\n"
    "At least 12 soldiers were killed and 30 wounded in the fighting, a monitor reported.\n";

TEST(PipelineTest, ExtractStageAttachesRecords) {
  Fixture f;
  Document doc;
  doc.id = "hbattle";
  doc.source = "manual";
  doc.text = kBattle;
  doc.published = "2016-03-02";
  Status st = f.pipeline->Process(doc);  // verification is on: VerifyRecords passed
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_FALSE(doc.events.empty());
  ASSERT_FALSE(doc.claims.empty());
  ASSERT_FALSE(doc.mentions.empty());
  EXPECT_EQ(doc.events[0].id, "hbattle:e0");
  EXPECT_EQ(doc.claims[0].id, "hbattle:c0");
  EXPECT_EQ(doc.mentions[0].id, "hbattle:m0");
  for (const EventRecord& e : doc.events) {
    EXPECT_LT(e.sentence, doc.sentences.size());
    EXPECT_FALSE(e.quote.empty());
  }
  EXPECT_EQ(doc.minhash.size(), 64u);
}

TEST(PipelineTest, IngestCountsRecords) {
  Fixture f;
  f.fs.Add("in/battle.txt", kBattle);
  f.fs.Add("in/report.txt", kReport);
  auto summary = f.pipeline->Ingest({"in"}, *f.store, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->stored, 2u);
  EXPECT_GT(summary->events, 0u);
  EXPECT_GT(summary->claims, 0u);
  auto events = f.store->ListEvents(EventQuery());
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  EXPECT_EQ(events->size(), summary->events);
  auto claims = f.store->ListClaims(ClaimQuery());
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->size(), summary->claims);
}

TEST(PipelineTest, StreamMatchesIngest) {
  Fixture f;
  f.fs.Add("in/battle.txt", kBattle);
  f.fs.Add("in/report.txt", kReport);
  f.fs.Add("in/empty.txt", "");
  std::vector<Document> got;
  auto summary = f.pipeline->Stream({"in"}, [&](Document& doc) {
    got.push_back(doc);
    return Status();
  }, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->seen, 3u);
  EXPECT_EQ(summary->stored, 2u);
  EXPECT_EQ(summary->rejected, 1u);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].source, "in/battle.txt");
  EXPECT_FALSE(got[0].events.empty());
  auto docs = f.store->ListDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_TRUE(docs->empty()) << "Stream never stores";
}

// Two reports of one capture: the first dated by its metadata, the second undated. Settle
// dates the second from the first (through the SQLite store and the runner's reprocess)
// and a second Settle changes nothing.
TEST(PipelineTest, SettleDatesFromOtherDocumentsThroughTheStore) {
  Fixture f;
  f.fs.Add("in/a.jsonl",
           "{\"id\": \"ha\", \"published\": \"2019-04-10\", \"outlet\": \"Wire A\", \"text\": "
           "\"Rebel fighters captured the town of Aleppo on Monday after heavy fighting, the army "
           "said. At least 12 soldiers were killed in the fighting.\"}\n"
           "{\"id\": \"hb\", \"outlet\": \"Wire B\", \"text\": \"Rebel fighters captured "
           "the town of Aleppo after heavy fighting, residents said. Rebel fighters now hold the "
           "town of Aleppo.\"}\n");
  auto summary = f.pipeline->Ingest({"in"}, *f.store, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->stored, 2u);
  auto settled = f.pipeline->Settle(*f.store);
  ASSERT_TRUE(settled.ok()) << settled.status().ToString();
  auto b = f.store->GetDocument("hb");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*settled, 1u);
  EXPECT_EQ(b->date.source, DateSource::kCrossDocument);
  EXPECT_EQ(b->date.value.substr(0, 7), "2019-04") << b->date.evidence;
  auto events = f.store->ListEvents({"", "hb", "", "", "", "", ""});
  ASSERT_TRUE(events.ok());
  EXPECT_FALSE(events->empty()) << "records survive the reprocessing";
  auto again = f.pipeline->Settle(*f.store);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0u) << "idempotent";
}

}  // namespace
}  // namespace sitrep
