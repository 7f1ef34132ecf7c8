// LoadFuseInput / LoadFusion on an in-memory store: every document becomes a DocInfo with
// its outlet, date and MinHash; every event, claim and mention is handed on.
#include "report/load.h"

#include <gtest/gtest.h>

#include "fuse/fuse.h"

namespace sitrep::report {
namespace {

std::unique_ptr<Store> OpenMemory() {
  static FixedClock clock(1700000000);
  auto store = OpenStore(":memory:", &clock);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

// A one-sentence document reporting that `agent` took Kherson on `date` (or undated).
Document Doc(const std::string& id, const std::string& outlet, const std::string& date) {
  Document d;
  d.id = id;
  d.source = "in/" + id + ".txt";
  d.outlet = outlet;
  d.format = InputFormat::kText;
  d.text = "Ukrainian troops entered Kherson.";
  const Span all{0, static_cast<uint32_t>(d.text.size())};
  d.lines = {{all, LineHint::kNone, LineKind::kBody, ""}};
  d.paragraphs = {{all, LineKind::kBody, 0, 1}};
  d.sentences = {{all, 0, LineKind::kBody}};
  if (!date.empty()) d.date = {date, DatePrecision::kDay, DateSource::kMetadata, 0.9, "meta", {}};
  d.minhash = fuse::MinHash(d.text);

  EntityRef troops;
  troops.text = "Ukrainian troops";
  troops.span = {0, 16};
  troops.id = "forces:UA";
  troops.name = "Ukrainian forces";
  troops.kind = "actor";
  EntityRef place;
  place.text = "Kherson";
  place.span = {25, 32};
  place.id = "GN:706448";
  place.name = "Kherson";
  place.kind = "place";
  place.country = "UA";
  place.has_position = true;
  place.lat = 46.6;
  place.lon = 32.6;

  MentionRecord m;
  m.id = id + ":m0";
  m.document = id;
  m.entity = place;
  m.type = "populated";
  d.mentions = {m};

  EventRecord e;
  e.id = id + ":e0";
  e.document = id;
  e.span = {17, 24};
  e.trigger = "entered";
  e.type = "control_gained";
  e.status = "asserted";
  e.frame = "verb";
  e.rule = "verb active";
  e.agent = troops;
  e.target = place;
  e.place = place;
  e.date = date;
  e.date_precision = date.empty() ? DatePrecision::kNone : DatePrecision::kDay;
  e.time_source = date.empty() ? "none" : "document date";
  e.reported_by = outlet;
  e.quote = d.text;
  d.events = {e};
  return d;
}

TEST(LoadFuseInput, EmptyStoreGivesEmptyInput) {
  auto store = OpenMemory();
  auto in = LoadFuseInput(*store);
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_TRUE(in->docs.empty());
  EXPECT_TRUE(in->events.empty());
  EXPECT_TRUE(in->claims.empty());
  EXPECT_TRUE(in->mentions.empty());
  auto f = LoadFusion(*store);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->stories.empty());
}

TEST(LoadFuseInput, HandsOnDocumentsAndRecords) {
  auto store = OpenMemory();
  for (const Document& d : {Doc("b", "Wire Two", "2022-11-11"), Doc("a", "Wire One", "2022-11-11")}) {
    bool inserted = false;
    ASSERT_TRUE(store->PutDocument(d, &inserted).ok());
    ASSERT_TRUE(inserted);
    ASSERT_TRUE(store->PutRecords(d).ok());
  }
  auto in = LoadFuseInput(*store);
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  ASSERT_EQ(in->docs.size(), 2u);
  for (const fuse::DocInfo& d : in->docs) {
    EXPECT_EQ(d.minhash.size(), static_cast<size_t>(fuse::kMinHashSize)) << d.id;
    EXPECT_EQ(d.date.value, "2022-11-11");
    EXPECT_EQ(d.outlet, d.id == "a" ? "Wire One" : "Wire Two");
    EXPECT_EQ(d.source, "in/" + d.id + ".txt");
  }
  EXPECT_EQ(in->events.size(), 2u);
  EXPECT_EQ(in->mentions.size(), 2u);
  EXPECT_TRUE(in->claims.empty());

  auto f = LoadFusion(*store);
  ASSERT_TRUE(f.ok());
  // The two identical reports are one near-duplicate group.
  ASSERT_EQ(f->duplicates.size(), 1u);
  EXPECT_EQ(f->duplicates[0].copies.size(), 1u);
}

}  // namespace
}  // namespace sitrep::report
