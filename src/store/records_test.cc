// Schema v2: mentions, events, claims and MinHash signatures in the store; their
// filters; migration from a version 1 database; merging stores with ImportFrom.
#include <unistd.h>

#include <filesystem>
#include <iterator>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sitrep/store.h"
#include "store/schema.h"
#include "store/sqlite.h"

// Queries are written with designated initializers naming only the filters in use.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-records-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::unique_ptr<Store> Open(const std::string& path) {
  static FixedClock clock(1700000000);
  auto store = OpenStore(path, &clock);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

Span SpanOf(const std::string& text, std::string_view words) {
  size_t at = text.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
}

EntityRef Party(const std::string& text, std::string_view words, std::string id,
                std::string name, std::string kind) {
  EntityRef e;
  e.text = std::string(words);
  e.span = SpanOf(text, words);
  e.id = std::move(id);
  e.name = std::move(name);
  e.kind = std::move(kind);
  e.how = "rule \"x\"";
  return e;
}

// A document with two sentences and a record of every kind, every field set. `place`
// and `type` vary the filterable fields; `date` the event's date.
Document RecordDocument(const std::string& id, const std::string& place = "Kherson",
                        const std::string& type = "control_gained",
                        const std::string& date = "2022-11-11") {
  Document d;
  d.id = id;
  d.source = "in/" + id + ".txt";
  d.outlet = "Example Wire";
  d.format = InputFormat::kText;
  d.text = "Caf\xc3\xa9 news: troops entered " + place + " on Friday.\n"
           "At least 40 soldiers were killed, officials said.";
  const uint32_t first_end = static_cast<uint32_t>(d.text.find('\n'));
  d.lines = {{Span{0, first_end}, LineHint::kNone, LineKind::kBody, ""},
             {Span{first_end + 1, static_cast<uint32_t>(d.text.size())}, LineHint::kNone,
              LineKind::kBody, ""}};
  d.paragraphs = {{Span{0, first_end}, LineKind::kBody, 0, 1},
                  {d.lines[1].span, LineKind::kBody, 1, 1}};
  d.sentences = {{Span{0, first_end}, 0, LineKind::kBody}, {d.lines[1].span, 1, LineKind::kBody}};
  d.date = {"2022-11-12", DatePrecision::kDay, DateSource::kMetadata, 0.9, "published", {}};
  d.minhash = {1, 2, 3, 0xffffffffu, 0x80000000u};

  MentionRecord m0;
  m0.id = id + ":m0";
  m0.document = id;
  m0.sentence = 0;
  m0.entity = Party(d.text, "troops", "forces:UA", "Ukrainian forces", "actor");
  m0.entity.country = "UA";
  m0.type = "state forces";
  MentionRecord m1;
  m1.id = id + ":m1";
  m1.document = id;
  m1.sentence = 0;
  m1.entity = Party(d.text, place, "GN:" + place, place + " city", "place");
  m1.entity.country = "UA";
  m1.entity.has_position = true;
  m1.entity.lat = 46.635417;
  m1.entity.lon = 32.616867;
  m1.entity.precision = 1;
  m1.type = "populated";
  MentionRecord m2;
  m2.id = id + ":m2";
  m2.document = id;
  m2.sentence = UINT32_MAX;  // outside any sentence
  m2.entity = Party(d.text, "news", "", "", "source");
  m2.refers_to = 0;
  d.mentions = {m0, m1, m2};

  EventRecord e;
  e.id = id + ":e0";
  e.document = id;
  e.sentence = 0;
  e.span = SpanOf(d.text, "entered");
  e.trigger = "entered";
  e.type = type;
  e.status = "reported";
  e.frame = "verb";
  e.rule = "verb active";
  e.agent = m0.entity;
  e.target = Party(d.text, place, "", "", "place");
  e.place = m1.entity;
  e.instrument = "tanks";
  e.date = date;
  e.date_precision = date.size() == 10 ? DatePrecision::kDay
                     : date.size() == 7 ? DatePrecision::kMonth
                     : date.empty()     ? DatePrecision::kNone
                                        : DatePrecision::kYear;
  e.timex = date.empty() ? "" : date + "T10:00";
  e.time_span = SpanOf(d.text, "on Friday");
  e.time_source = "sentence";
  e.claimed_by = Party(d.text, "officials", "", "", "source");
  e.reported_by = "Example Wire";
  e.line_kind = LineKind::kHeadline;
  e.quote = d.text.substr(0, first_end);
  d.events = {e};

  ClaimRecord c;
  c.id = id + ":c0";
  c.document = id;
  c.sentence = 1;
  c.span = SpanOf(d.text, "At least 40 soldiers");
  c.number = SpanOf(d.text, "40");
  c.kind = "killed";
  c.item = "soldiers";
  c.calibre = "152mm";
  c.low = 40;
  c.high = -1;
  c.acled = 40.5;
  c.modifier = "at least";
  c.effect = "at_least";
  c.approx = true;
  c.vague = true;
  c.about = Party(d.text, "soldiers", "forces:RU", "Russian forces", "actor");
  c.about.country = "RU";
  c.claimed_by = Party(d.text, "officials", "", "", "source");
  c.reported_by = "Example Wire";
  c.place = m1.entity;
  c.date = "2022-11";
  c.date_precision = DatePrecision::kMonth;
  c.event = id + ":e0";
  c.rule = "count killed";
  c.line_kind = LineKind::kCaption;
  c.quote = std::string(d.view(d.sentences[1].span));
  ClaimRecord c1 = c;
  c1.id = id + ":c1";
  c1.kind = "wounded";
  c1.event.clear();
  c1.place = EntityRef();
  c1.about = EntityRef();
  c1.claimed_by = EntityRef();
  c1.low = 3;
  c1.high = 7.25;
  c1.approx = false;
  c1.vague = false;
  d.claims = {c, c1};
  return d;
}

void ExpectSameEntity(const EntityRef& got, const EntityRef& want, const std::string& what) {
  EXPECT_EQ(got.text, want.text) << what;
  EXPECT_EQ(got.span, want.span) << what;
  EXPECT_EQ(got.id, want.id) << what;
  EXPECT_EQ(got.name, want.name) << what;
  EXPECT_EQ(got.kind, want.kind) << what;
  EXPECT_EQ(got.country, want.country) << what;
  EXPECT_EQ(got.has_position, want.has_position) << what;
  EXPECT_EQ(got.lat, want.lat) << what;  // exact: doubles round-trip
  EXPECT_EQ(got.lon, want.lon) << what;
  EXPECT_EQ(got.precision, want.precision) << what;
  EXPECT_EQ(got.how, want.how) << what;
}

void ExpectSameEvent(const EventRecord& got, const EventRecord& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.document, want.document);
  EXPECT_EQ(got.sentence, want.sentence);
  EXPECT_EQ(got.span, want.span);
  EXPECT_EQ(got.trigger, want.trigger);
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.frame, want.frame);
  EXPECT_EQ(got.rule, want.rule);
  ExpectSameEntity(got.agent, want.agent, "agent");
  ExpectSameEntity(got.target, want.target, "target");
  ExpectSameEntity(got.place, want.place, "place");
  EXPECT_EQ(got.instrument, want.instrument);
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.date_precision, want.date_precision);
  EXPECT_EQ(got.timex, want.timex);
  EXPECT_EQ(got.time_span, want.time_span);
  EXPECT_EQ(got.time_source, want.time_source);
  ExpectSameEntity(got.claimed_by, want.claimed_by, "claimed_by");
  EXPECT_EQ(got.reported_by, want.reported_by);
  EXPECT_EQ(got.line_kind, want.line_kind);
  EXPECT_EQ(got.quote, want.quote);
}

void ExpectSameClaim(const ClaimRecord& got, const ClaimRecord& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.document, want.document);
  EXPECT_EQ(got.sentence, want.sentence);
  EXPECT_EQ(got.span, want.span);
  EXPECT_EQ(got.number, want.number);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.item, want.item);
  EXPECT_EQ(got.calibre, want.calibre);
  EXPECT_EQ(got.low, want.low);
  EXPECT_EQ(got.high, want.high);
  EXPECT_EQ(got.acled, want.acled);
  EXPECT_EQ(got.modifier, want.modifier);
  EXPECT_EQ(got.effect, want.effect);
  EXPECT_EQ(got.approx, want.approx);
  EXPECT_EQ(got.vague, want.vague);
  ExpectSameEntity(got.about, want.about, "about");
  ExpectSameEntity(got.claimed_by, want.claimed_by, "claimed_by");
  EXPECT_EQ(got.reported_by, want.reported_by);
  ExpectSameEntity(got.place, want.place, "place");
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.date_precision, want.date_precision);
  EXPECT_EQ(got.event, want.event);
  EXPECT_EQ(got.rule, want.rule);
  EXPECT_EQ(got.line_kind, want.line_kind);
  EXPECT_EQ(got.quote, want.quote);
}

void ExpectSameMention(const MentionRecord& got, const MentionRecord& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.document, want.document);
  EXPECT_EQ(got.sentence, want.sentence);
  ExpectSameEntity(got.entity, want.entity, "entity " + want.id);
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.refers_to, want.refers_to);
}

void Put(Store& store, const Document& doc) {
  bool inserted = false;
  Status st = store.PutDocument(doc, &inserted);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_TRUE(inserted) << doc.id;
}

TEST(RecordsTest, EveryFieldRoundTrips) {
  auto store = Open(":memory:");
  Document doc = RecordDocument("hdoc1");
  Put(*store, doc);

  auto events = store->ListEvents(EventQuery());
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 1u);
  ExpectSameEvent((*events)[0], doc.events[0]);

  auto claims = store->ListClaims(ClaimQuery());
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  ASSERT_EQ(claims->size(), 2u);
  ExpectSameClaim((*claims)[0], doc.claims[0]);
  ExpectSameClaim((*claims)[1], doc.claims[1]);

  auto mentions = store->ListMentions("hdoc1");
  ASSERT_TRUE(mentions.ok()) << mentions.status().ToString();
  ASSERT_EQ(mentions->size(), 3u);
  for (size_t i = 0; i < 3; ++i) ExpectSameMention((*mentions)[i], doc.mentions[i]);

  auto signatures = store->ListSignatures();
  ASSERT_TRUE(signatures.ok());
  ASSERT_EQ(signatures->size(), 1u);
  EXPECT_EQ((*signatures)[0].first, "hdoc1");
  EXPECT_EQ((*signatures)[0].second, doc.minhash);
}

// Records go in multi-row INSERTs of up to 16 rows: counts around that size keep every
// record, in order, with its own fields (a row never takes another's bound values).
TEST(RecordsTest, ManyRecordsRoundTripAcrossInsertGroups) {
  auto store = Open(":memory:");
  const size_t counts[] = {0, 1, 15, 16, 17, 33};
  for (size_t k = 0; k < std::size(counts); ++k) {
    const size_t count = counts[k];
    Document doc = RecordDocument("hmany" + std::to_string(k));
    const MentionRecord m0 = doc.mentions[0];
    const EventRecord e0 = doc.events[0];
    const ClaimRecord c0 = doc.claims[0];
    doc.mentions.clear();
    doc.events.clear();
    doc.claims.clear();
    for (size_t i = 0; i < count; ++i) {
      MentionRecord m = m0;
      m.id = doc.id + ":m" + std::to_string(i);
      m.entity.name = "name " + std::to_string(i);
      m.entity.has_position = i % 2 == 0;
      m.entity.lat = m.entity.has_position ? 1.0 + static_cast<double>(i) : 0;
      m.entity.lon = m.entity.has_position ? 2.5 : 0;
      m.refers_to = i > 0 ? static_cast<int32_t>(i - 1) : -1;
      doc.mentions.push_back(m);
      EventRecord e = e0;
      e.id = doc.id + ":e" + std::to_string(i);
      e.trigger = "trigger " + std::to_string(i);
      e.date = i % 3 == 0 ? "" : "2016-03-" + std::to_string(10 + i % 18);
      e.agent.name = "agent " + std::to_string(i);
      doc.events.push_back(e);
      ClaimRecord c = c0;
      c.id = doc.id + ":c" + std::to_string(i);
      c.low = static_cast<double>(i);
      c.event = i % 2 == 0 ? doc.id + ":e" + std::to_string(i) : "";
      c.about.text = "about " + std::to_string(i);
      doc.claims.push_back(c);
    }
    Put(*store, doc);
    auto mentions = store->ListMentions(doc.id);
    ASSERT_TRUE(mentions.ok());
    ASSERT_EQ(mentions->size(), count);
    for (size_t i = 0; i < count; ++i) ExpectSameMention((*mentions)[i], doc.mentions[i]);
    auto claims = store->ListClaims(ClaimQuery{"", doc.id, "", ""});
    ASSERT_TRUE(claims.ok());
    ASSERT_EQ(claims->size(), count);
    for (size_t i = 0; i < count; ++i) ExpectSameClaim((*claims)[i], doc.claims[i]);
    auto events = store->ListEvents(EventQuery{"", doc.id});
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), count);
    for (const EventRecord& got : *events) {
      const size_t i = static_cast<size_t>(std::stoul(got.id.substr(got.id.rfind(':') + 2)));
      ASSERT_LT(i, count);
      ExpectSameEvent(got, doc.events[i]);
    }
    // And the document's layers, which go the same way.
    auto back = store->GetDocument(doc.id);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->sentences.size(), doc.sentences.size());
    EXPECT_EQ(back->lines.size(), doc.lines.size());
  }
}

TEST(RecordsTest, QuoteCountsBytesNotCharacters) {
  auto store = Open(":memory:");
  Document doc = RecordDocument("hutf8");  // the first sentence starts with a two-byte letter
  doc.claims[0].sentence = 0;
  doc.claims[0].quote = std::string(doc.view(doc.sentences[0].span));
  Put(*store, doc);
  auto claims = store->ListClaims(ClaimQuery{"hutf8:c0", "", "", ""});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].quote, doc.claims[0].quote);
  auto events = store->ListEvents(EventQuery());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].quote.substr(0, 5), "Caf\xc3\xa9");
}

TEST(RecordsTest, PutRecordsReplaces) {
  auto store = Open(":memory:");
  Document doc = RecordDocument("hrep");
  Put(*store, doc);
  doc.events[0].type = "air_strike";
  doc.claims.pop_back();
  doc.mentions.clear();
  doc.minhash = {9, 8};
  ASSERT_TRUE(store->PutRecords(doc).ok());
  auto events = store->ListEvents(EventQuery());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, "air_strike");
  EXPECT_EQ(store->ListClaims(ClaimQuery())->size(), 1u);
  EXPECT_TRUE(store->ListMentions("")->empty());
  EXPECT_THAT(store->ListSignatures()->at(0).second, ElementsAre(9u, 8u));

  Document other = RecordDocument("hnot-stored");
  Status st = store->PutRecords(other);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
}

TEST(RecordsTest, IdsMustFollowTheDocument) {
  auto store = Open(":memory:");
  Document doc = RecordDocument("hids");
  doc.events[0].id = "hids:e7";
  bool inserted = true;
  Status st = store->PutDocument(doc, &inserted);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("hids:e7"));
  EXPECT_FALSE(inserted);
  EXPECT_FALSE(*store->HasDocument("hids")) << "nothing of it is left behind";
  doc = RecordDocument("hids");
  doc.claims[0].event = "other:e0";
  EXPECT_FALSE(store->PutDocument(doc, &inserted).ok());
}

TEST(RecordsTest, EventFilters) {
  auto store = Open(":memory:");
  Put(*store, RecordDocument("ha", "Kherson", "control_gained", "2022-11-11"));
  Put(*store, RecordDocument("hb", "Bakhmut", "air_strike", "2023-05"));
  Put(*store, RecordDocument("hc", "Mariupol", "shelling", ""));
  Put(*store, RecordDocument("hd", "Izium", "shelling", "2022"));
  auto ids = [&](const EventQuery& q) {
    std::vector<std::string> out;
    auto events = store->ListEvents(q);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    for (const EventRecord& e : *events) out.push_back(e.id);
    return out;
  };
  // Ordered by date (the start of its period), undated last.
  EXPECT_THAT(ids({}), ElementsAre("hd:e0", "ha:e0", "hb:e0", "hc:e0"));
  EXPECT_THAT(ids({.id = "hb:e0"}), ElementsAre("hb:e0"));
  EXPECT_THAT(ids({.id = "hb:e1"}), ElementsAre());
  EXPECT_THAT(ids({.id = "hb:c0"}), ElementsAre());
  EXPECT_THAT(ids({.document = "hc"}), ElementsAre("hc:e0"));
  EXPECT_THAT(ids({.place = "GN:Bakhmut"}), ElementsAre("hb:e0"));
  EXPECT_THAT(ids({.place = "bakhmut CITY"}), ElementsAre("hb:e0")) << "name, any case";
  EXPECT_THAT(ids({.place = "riup"}), ElementsAre("hc:e0")) << "words as written";
  EXPECT_THAT(ids({.actor = "forces:UA"}), ElementsAre("hd:e0", "ha:e0", "hb:e0", "hc:e0"));
  EXPECT_THAT(ids({.actor = "izium"}), ElementsAre("hd:e0")) << "the target's words";
  EXPECT_THAT(ids({.actor = "nobody"}), ElementsAre());
  EXPECT_THAT(ids({.type = "shelling"}), ElementsAre("hd:e0", "hc:e0"));
  EXPECT_THAT(ids({.since = "2022-11-11"}), ElementsAre("ha:e0", "hb:e0"));
  EXPECT_THAT(ids({.since = "2022-11-12"}), ElementsAre("hb:e0"));
  EXPECT_THAT(ids({.until = "2022-11-11"}), ElementsAre("hd:e0", "ha:e0"));
  EXPECT_THAT(ids({.until = "2022-11"}), ElementsAre("hd:e0", "ha:e0"));
  EXPECT_THAT(ids({.since = "2023", .until = "2023"}), ElementsAre("hb:e0"));
  EXPECT_THAT(ids({.type = "shelling", .since = "2022-01-01"}), ElementsAre("hd:e0"));
}

TEST(RecordsTest, ClaimFilters) {
  auto store = Open(":memory:");
  Put(*store, RecordDocument("ha", "Kherson"));
  Put(*store, RecordDocument("hb", "Bakhmut"));
  auto ids = [&](const ClaimQuery& q) {
    std::vector<std::string> out;
    auto claims = store->ListClaims(q);
    EXPECT_TRUE(claims.ok()) << claims.status().ToString();
    for (const ClaimRecord& c : *claims) out.push_back(c.id);
    return out;
  };
  EXPECT_THAT(ids({}), ElementsAre("ha:c0", "ha:c1", "hb:c0", "hb:c1"));
  EXPECT_THAT(ids({.id = "hb:c1"}), ElementsAre("hb:c1"));
  EXPECT_THAT(ids({.document = "ha"}), ElementsAre("ha:c0", "ha:c1"));
  EXPECT_THAT(ids({.place = "KHERSON"}), ElementsAre("ha:c0"));
  EXPECT_THAT(ids({.kind = "wounded"}), ElementsAre("ha:c1", "hb:c1"));
  EXPECT_THAT(ids({.document = "hb", .kind = "killed"}), ElementsAre("hb:c0"));
  // Filter text is data, never SQL or a pattern.
  EXPECT_THAT(ids({.place = "%"}), ElementsAre());
  EXPECT_THAT(ids({.place = "' OR 1 --"}), ElementsAre());
}

TEST(RecordsTest, MentionsOfOneOrAll) {
  auto store = Open(":memory:");
  Put(*store, RecordDocument("hb"));
  Put(*store, RecordDocument("ha"));
  auto all = store->ListMentions("");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 6u);
  EXPECT_EQ((*all)[0].id, "ha:m0");
  EXPECT_EQ((*all)[5].id, "hb:m2");
  EXPECT_EQ(store->ListMentions("hb")->size(), 3u);
  EXPECT_TRUE(store->ListMentions("nope")->empty());
}

// A database written by the first version of the schema (before records) opens, gains
// the new tables, keeps its documents and takes records from then on.
TEST(RecordsFileTest, MigratesVersionOneDatabase) {
  TempDir dir;
  const std::string path = dir.File("v1.db");
  {
    store::Db db;
    ASSERT_TRUE(db.Open(path).ok());
    ASSERT_TRUE(store::Migrate(db, {store::Migrations()[0]}).ok());
    ASSERT_TRUE(db.Exec("INSERT INTO ingest_runs (started_at) VALUES (5);"
                        "INSERT INTO documents (id, source, format, text, clean_text, chars, "
                        "ingested_at, run) VALUES ('hold', 'old.txt', 'text', 'Old text.', "
                        "'Old text.', 9, 5, 1);"
                        "INSERT INTO sentences VALUES (1, 0, 0, 9, 0, 'body');",
                        "test")
                    .ok());
    EXPECT_EQ(*db.QueryInt("PRAGMA user_version", "test"), 1);
  }
  auto store = Open(path);
  auto got = store->GetDocument("hold");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->text, "Old text.");
  EXPECT_TRUE(store->ListEvents({})->empty());
  auto signatures = store->ListSignatures();
  ASSERT_TRUE(signatures.ok());
  ASSERT_EQ(signatures->size(), 1u);
  EXPECT_TRUE((*signatures)[0].second.empty());
  Put(*store, RecordDocument("hnew"));
  EXPECT_EQ(store->ListEvents({})->size(), 1u);
  store::Db db;
  ASSERT_TRUE(db.Open(path).ok());
  EXPECT_EQ(*db.QueryInt("PRAGMA user_version", "test"), Store::SchemaVersion());
}

// Everything one store holds, as comparable text.
std::string Dump(Store& store) {
  auto docs = store.ListDocuments();
  auto events = store.ListEvents({});
  auto claims = store.ListClaims({});
  auto mentions = store.ListMentions("");
  auto signatures = store.ListSignatures();
  if (!docs.ok() || !events.ok() || !claims.ok() || !mentions.ok() || !signatures.ok()) {
    ADD_FAILURE() << "listing failed";
    return "";
  }
  std::string out;
  for (const DocumentSummary& d : *docs) {
    auto doc = store.GetDocument(d.id);
    if (!doc.ok()) return doc.status().ToString();
    out += doc->id + "|" + doc->text + "|" + doc->date.value + "|" +
           std::to_string(doc->sentences.size()) + "|" + std::to_string(doc->lines.size()) + "\n";
  }
  for (const EventRecord& e : *events) {
    out += e.id + " " + e.type + " " + e.place.label() + " " + e.quote + "\n";
  }
  for (const ClaimRecord& c : *claims) {
    out += c.id + " " + c.kind + " " + c.event + " " + c.quote + "\n";
  }
  for (const MentionRecord& m : *mentions) {
    out += m.id + " " + m.entity.label() + " " + std::to_string(m.entity.lat) + "\n";
  }
  for (const auto& [id, sig] : *signatures) out += id + " " + std::to_string(sig.size()) + "\n";
  return out;
}

TEST(RecordsFileTest, ImportMergesShards) {
  TempDir dir;
  auto one = Open(dir.File("one.db"));
  auto a = Open(dir.File("a.db"));
  auto b = Open(dir.File("b.db"));
  const std::vector<std::string> ids = {"h1", "h2", "h3", "h4", "h5"};
  for (size_t i = 0; i < ids.size(); ++i) {
    Document doc = RecordDocument(ids[i], i % 2 ? "Kherson" : "Avdiivka");
    Put(*one, doc);
    Put(i < 3 ? *a : *b, doc);
    if (i == 2) Put(*b, doc);  // in both shards
  }
  IngestSummary run;
  run.seen = 4;
  run.stored = 3;
  run.rejected = 1;
  run.rejections = {{"bad.bin", "binary"}};
  ASSERT_TRUE(b->LogIngestRun("ingest b", run).ok());

  auto copied = a->ImportFrom(dir.File("b.db"));
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_EQ(*copied, 2u) << "h3 was there already";
  EXPECT_EQ(Dump(*a), Dump(*one));
  auto rejections = a->ListRejections();
  ASSERT_TRUE(rejections.ok());
  ASSERT_EQ(rejections->size(), 1u);
  EXPECT_EQ((*rejections)[0].source, "bad.bin");

  // Again: nothing new, runs not duplicated.
  auto again = a->ImportFrom(dir.File("b.db"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0u);
  EXPECT_EQ(a->ListRejections()->size(), 1u);
  EXPECT_EQ(Dump(*a), Dump(*one));

  // The merged store still takes new documents.
  Put(*a, RecordDocument("h6"));
  EXPECT_EQ(a->ListEvents({.document = "h6"})->size(), 1u);
}

TEST(RecordsFileTest, ImportFromVersionOne) {
  TempDir dir;
  const std::string old_path = dir.File("v1.db");
  {
    store::Db db;
    ASSERT_TRUE(db.Open(old_path).ok());
    ASSERT_TRUE(store::Migrate(db, {store::Migrations()[0]}).ok());
    ASSERT_TRUE(db.Exec("INSERT INTO documents (id, source, format, text, clean_text, chars, "
                        "ingested_at) VALUES ('hold', 'old.txt', 'text', 'Old text.', "
                        "'Old text.', 9, 5);"
                        "INSERT INTO sentences VALUES (1, 0, 0, 9, 0, 'body');",
                        "test")
                    .ok());
  }
  auto store = Open(dir.File("new.db"));
  Put(*store, RecordDocument("hnew"));
  auto copied = store->ImportFrom(old_path);
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_EQ(*copied, 1u);
  auto got = store->GetDocument("hold");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->sentences.size(), 1u);
  EXPECT_EQ(store->ListSignatures()->size(), 2u);
}

TEST(RecordsFileTest, ImportRefusesWhatIsNotASitrepDatabase) {
  TempDir dir;
  auto store = Open(dir.File("s.db"));
  auto missing = store->ImportFrom(dir.File("missing.db"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("missing.db"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing.db"))) << "not created";

  std::ofstream(dir.File("notes.txt")) << "just some text, not a database at all\n";
  auto text = store->ImportFrom(dir.File("notes.txt"));
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.status().message(), HasSubstr("notes.txt"));

  {
    store::Db db;
    ASSERT_TRUE(db.Open(dir.File("other.db")).ok());
    ASSERT_TRUE(db.Exec("CREATE TABLE t(x)", "test").ok());
  }
  auto other = store->ImportFrom(dir.File("other.db"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), StatusCode::kBadInput);
  EXPECT_THAT(other.status().message(), HasSubstr("not a sitrep database"));

  // The store is still usable afterwards.
  Put(*store, RecordDocument("hafter"));
  EXPECT_EQ(store->ListDocuments()->size(), 1u);
}

}  // namespace
}  // namespace sitrep
