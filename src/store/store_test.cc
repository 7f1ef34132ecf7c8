#include "sitrep/store.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store/sqlite_store.h"

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A document as the text and time stages would leave it, built by hand.
Document MakeDocument(const std::string& id) {
  Document d;
  d.id = id;
  d.source = "in/" + id + ".html";
  d.url = "https://example.org/" + id;
  d.title = "Rebels retake the hill town";
  d.outlet = "Example Wire";
  d.published = "2019-03-04T10:00:00Z";
  d.format = InputFormat::kHtml;
  d.raw = "<p>raw html</p>";
  //        0         1         2         3         4         5         6
  d.text = "Menu Home\nRebels retake the hill town\nFighters entered at dawn. Two died.\n"
           "Caf\xc3\xa9 owners fled.\nPhoto: a street";
  d.metadata = {{"lang", "\"en\""}, {"words", "42"}, {"tags", "[\"a\",\"b\"]"}};
  d.invalid_utf8 = 1;
  auto span = [&](std::string_view s) {
    size_t at = d.text.find(s);
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
  };
  d.lines = {
      {span("Menu Home"), LineHint::kBoilerplate, LineKind::kDropped, "navigation"},
      {span("Rebels retake the hill town"), LineHint::kHeading, LineKind::kHeadline, ""},
      {span("Fighters entered at dawn. Two died."), LineHint::kNone, LineKind::kBody, ""},
      {span("Caf\xc3\xa9 owners fled."), LineHint::kNone, LineKind::kBody, ""},
      {span("Photo: a street"), LineHint::kCaption, LineKind::kCaption, "caption hint"},
  };
  d.paragraphs = {
      {span("Rebels retake the hill town"), LineKind::kHeadline, 1, 1},
      {span("Fighters entered at dawn. Two died.\nCaf\xc3\xa9 owners fled."), LineKind::kBody, 2, 2},
      {span("Photo: a street"), LineKind::kCaption, 4, 1},
  };
  d.sentences = {
      {span("Rebels retake the hill town"), 0, LineKind::kHeadline},
      {span("Fighters entered at dawn."), 1, LineKind::kBody},
      {span("Two died."), 1, LineKind::kBody},
      {span("Caf\xc3\xa9 owners fled."), 1, LineKind::kBody},
      {span("Photo: a street"), 2, LineKind::kCaption},
  };
  d.tokens = {{span("Rebels"), TokenKind::kWord}};
  d.date.value = "2019-03-04";
  d.date.precision = DatePrecision::kDay;
  d.date.source = DateSource::kMetadata;
  d.date.confidence = 0.9;
  d.date.evidence = "2019-03-04T10:00:00Z";
  d.date.conflicts = {{"2019-03", DateSource::kBody, "in March", "less precise"},
                      {"2018-12-01", DateSource::kDateline, "Dec 1", "older than \"published\""}};
  return d;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path, const Clock* clock) {
  auto store = OpenStore(path, clock);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

void ExpectSameDocument(const Document& got, const Document& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.outlet, want.outlet);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.format, want.format);
  EXPECT_EQ(got.raw, want.raw);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.metadata, want.metadata);
  EXPECT_EQ(got.invalid_utf8, want.invalid_utf8);
  ASSERT_EQ(got.lines.size(), want.lines.size());
  for (size_t i = 0; i < got.lines.size(); ++i) {
    EXPECT_EQ(got.lines[i].span, want.lines[i].span) << i;
    EXPECT_EQ(got.lines[i].hint, want.lines[i].hint) << i;
    EXPECT_EQ(got.lines[i].kind, want.lines[i].kind) << i;
    EXPECT_EQ(got.lines[i].reason, want.lines[i].reason) << i;
  }
  ASSERT_EQ(got.paragraphs.size(), want.paragraphs.size());
  for (size_t i = 0; i < got.paragraphs.size(); ++i) {
    EXPECT_EQ(got.paragraphs[i].span, want.paragraphs[i].span) << i;
    EXPECT_EQ(got.paragraphs[i].kind, want.paragraphs[i].kind) << i;
    EXPECT_EQ(got.paragraphs[i].first_line, want.paragraphs[i].first_line) << i;
    EXPECT_EQ(got.paragraphs[i].line_count, want.paragraphs[i].line_count) << i;
  }
  ASSERT_EQ(got.sentences.size(), want.sentences.size());
  for (size_t i = 0; i < got.sentences.size(); ++i) {
    EXPECT_EQ(got.sentences[i].span, want.sentences[i].span) << i;
    EXPECT_EQ(got.sentences[i].paragraph, want.sentences[i].paragraph) << i;
    EXPECT_EQ(got.sentences[i].kind, want.sentences[i].kind) << i;
  }
  EXPECT_TRUE(got.tokens.empty()) << "tokens are not stored";
  EXPECT_EQ(got.date.value, want.date.value);
  EXPECT_EQ(got.date.precision, want.date.precision);
  EXPECT_EQ(got.date.source, want.date.source);
  EXPECT_DOUBLE_EQ(got.date.confidence, want.date.confidence);
  EXPECT_EQ(got.date.evidence, want.date.evidence);
  ASSERT_EQ(got.date.conflicts.size(), want.date.conflicts.size());
  for (size_t i = 0; i < got.date.conflicts.size(); ++i) {
    EXPECT_EQ(got.date.conflicts[i].value, want.date.conflicts[i].value);
    EXPECT_EQ(got.date.conflicts[i].source, want.date.conflicts[i].source);
    EXPECT_EQ(got.date.conflicts[i].evidence, want.date.conflicts[i].evidence);
    EXPECT_EQ(got.date.conflicts[i].why, want.date.conflicts[i].why);
  }
}

TEST(StoreTest, SchemaVersionIsPositive) { EXPECT_GE(Store::SchemaVersion(), 1); }

TEST(StoreTest, RoundTripInMemory) {
  FixedClock clock(1700000000);
  auto store = OpenOrDie(":memory:", &clock);
  Document doc = MakeDocument("h0123456789abcdef");
  bool inserted = false;
  ASSERT_TRUE(store->PutDocument(doc, &inserted).ok());
  EXPECT_TRUE(inserted);
  auto has = store->HasDocument(doc.id);
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  auto got = store->GetDocument(doc.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameDocument(*got, doc);
  EXPECT_EQ(got->CleanText(), doc.CleanText());
}

TEST(StoreTest, RawEqualToTextIsStoredOnce) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  Document doc = MakeDocument("plain-doc");
  doc.raw = "";
  bool inserted = false;
  ASSERT_TRUE(store->PutDocument(doc, &inserted).ok());
  auto got = store->GetDocument("plain-doc");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->raw, "");
}

TEST(StoreTest, DuplicateIsLeftAlone) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  Document doc = MakeDocument("dup-0001");
  bool inserted = false;
  ASSERT_TRUE(store->PutDocument(doc, &inserted).ok());
  ASSERT_TRUE(inserted);
  Document again = MakeDocument("dup-0001");
  again.title = "changed";
  again.lines.pop_back();
  ASSERT_TRUE(store->PutDocument(again, &inserted).ok());
  EXPECT_FALSE(inserted);
  auto got = store->GetDocument("dup-0001");
  ASSERT_TRUE(got.ok());
  ExpectSameDocument(*got, doc);
}

TEST(StoreTest, EmptyIdIsRefused) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  Document doc = MakeDocument("");
  bool inserted = true;
  Status st = store->PutDocument(doc, &inserted);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(inserted);
}

TEST(StoreTest, PrefixLookup) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  bool inserted;
  for (const char* id : {"habc0001", "habc0002", "hdef0001", "hab"}) {
    ASSERT_TRUE(store->PutDocument(MakeDocument(id), &inserted).ok());
  }
  auto one = store->GetDocument("hdef");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->id, "hdef0001");

  auto exact_short = store->GetDocument("hab");  // an exact id wins even when short
  ASSERT_TRUE(exact_short.ok());
  EXPECT_EQ(exact_short->id, "hab");

  auto ambiguous = store->GetDocument("habc");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(ambiguous.status().message(), HasSubstr("habc0001"));
  EXPECT_THAT(ambiguous.status().message(), HasSubstr("habc0002"));

  auto too_short = store->GetDocument("hde");
  EXPECT_EQ(too_short.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(too_short.status().message(), HasSubstr("at least 4"));

  auto none = store->GetDocument("zzzz");
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, ListDocumentsOrderedBySourceWithCounts) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  Document b = MakeDocument("b-doc");
  b.source = "b.html";
  Document a = MakeDocument("a-doc");
  a.source = "a.html";
  a.published = "";
  a.date = DocumentDate();
  bool inserted;
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutDocument(b, &inserted).ok());
  ASSERT_TRUE(store->PutDocument(a, &inserted).ok());
  ASSERT_TRUE(store->Commit().ok());
  auto list = store->ListDocuments();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2u);
  const DocumentSummary& first = (*list)[0];
  EXPECT_EQ(first.id, "a-doc");
  EXPECT_EQ(first.source, "a.html");
  EXPECT_EQ(first.published, "");
  EXPECT_EQ(first.date.value, "");
  EXPECT_EQ(first.date.precision, DatePrecision::kNone);
  EXPECT_EQ(first.sentences, 5u);
  EXPECT_EQ(first.dropped_lines, 1u);
  EXPECT_EQ(first.invalid_utf8, 1u);
  EXPECT_EQ(first.format, InputFormat::kHtml);
  // Code points, not bytes: the cleaned text has one two-byte character.
  std::string clean = a.CleanText();
  EXPECT_EQ(first.chars, clean.size() - 1);
  const DocumentSummary& second = (*list)[1];
  EXPECT_EQ(second.id, "b-doc");
  EXPECT_EQ(second.date.value, "2019-03-04");
  EXPECT_EQ(second.date.conflicts.size(), 2u);
  EXPECT_EQ(second.title, b.title);
  EXPECT_EQ(second.url, b.url);
  EXPECT_EQ(second.outlet, b.outlet);
}

TEST(StoreTest, UpdateDocumentDate) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  bool inserted;
  ASSERT_TRUE(store->PutDocument(MakeDocument("dated-1"), &inserted).ok());
  DocumentDate date;
  date.value = "2020";
  date.precision = DatePrecision::kYear;
  date.source = DateSource::kCrossDocument;
  date.confidence = 0.25;
  date.evidence = "other reports";
  ASSERT_TRUE(store->UpdateDocumentDate("dated-1", date).ok());
  auto got = store->GetDocument("dated-1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->date.value, "2020");
  EXPECT_EQ(got->date.source, DateSource::kCrossDocument);
  EXPECT_TRUE(got->date.conflicts.empty());
  EXPECT_EQ(store->UpdateDocumentDate("missing", date).code(), StatusCode::kNotFound);
}

TEST(StoreTest, IngestRunsAndRejections) {
  FixedClock clock(1234);
  auto store = OpenOrDie(":memory:", &clock);
  IngestSummary first;
  first.seen = 2;
  first.rejected = 2;
  first.rejections = {{"a.bin", "binary data"}, {"b.txt", "empty input"}};
  auto run1 = store->LogIngestRun("ingest a.bin b.txt", first);
  ASSERT_TRUE(run1.ok()) << run1.status().ToString();
  bool inserted;
  ASSERT_TRUE(store->PutDocument(MakeDocument("run-doc1"), &inserted).ok());
  IngestSummary second;
  second.seen = 2;
  second.stored = 1;
  second.rejected = 1;
  second.rejections = {{"c.jsonl:3", "malformed JSON"}};
  auto run2 = store->LogIngestRun("ingest c.jsonl", second);
  ASSERT_TRUE(run2.ok());
  EXPECT_GT(*run2, *run1);
  auto rejections = store->ListRejections();
  ASSERT_TRUE(rejections.ok());
  ASSERT_EQ(rejections->size(), 3u);
  EXPECT_EQ((*rejections)[0].source, "c.jsonl:3");  // newest run first
  EXPECT_EQ((*rejections)[1].source, "a.bin");      // then input order
  EXPECT_EQ((*rejections)[2].reason, "empty input");
}

TEST(StoreTest, NestedBeginCommit) {
  FixedClock clock(1);
  auto store = OpenOrDie(":memory:", &clock);
  bool inserted;
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutDocument(MakeDocument("nested-1"), &inserted).ok());
  ASSERT_TRUE(store->Commit().ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(store->Commit().code(), StatusCode::kInternal);
  EXPECT_TRUE(*store->HasDocument("nested-1"));
}

TEST(StoreFileTest, FileMigratesReopensAndKeepsData) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  FixedClock clock(1);
  Document doc = MakeDocument("hfeedface00000001");
  {
    auto store = OpenOrDie(path, &clock);
    bool inserted;
    ASSERT_TRUE(store->PutDocument(doc, &inserted).ok());
  }
  {
    auto store = OpenOrDie(path, &clock);  // reopening runs no migration again
    auto got = store->GetDocument("hfeedface");
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ExpectSameDocument(*got, doc);
  }
}

TEST(StoreFileTest, RefusesNewerSchema) {
  TempDir dir;
  const std::string path = dir.File("newer.db");
  FixedClock clock(1);
  { auto store = OpenOrDie(path, &clock); }
  {
    store::Db db;
    ASSERT_TRUE(db.Open(path).ok());
    ASSERT_TRUE(db.Exec("PRAGMA user_version = " + std::to_string(Store::SchemaVersion() + 1),
                        "test")
                    .ok());
  }
  auto store = OpenStore(path, &clock);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kBadInput);
  EXPECT_THAT(store.status().message(), HasSubstr("newer sitrep"));
  EXPECT_THAT(store.status().message(), HasSubstr(path));
}

TEST(StoreFileTest, RefusesForeignFiles) {
  TempDir dir;
  FixedClock clock(1);
  const std::string text_file = dir.File("notes.txt");
  {
    FILE* f = fopen(text_file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("this is not a database, just some text that is long enough to fill a header....\n"
          "more text more text more text more text more text more text more text more text\n",
          f);
    fclose(f);
  }
  auto a = OpenStore(text_file, &clock);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kBadInput);
  EXPECT_THAT(a.status().message(), HasSubstr("not a sitrep database"));

  const std::string other = dir.File("other.db");
  {
    store::Db db;
    ASSERT_TRUE(db.Open(other).ok());
    ASSERT_TRUE(db.Exec("CREATE TABLE t(x)", "test").ok());
  }
  auto b = OpenStore(other, &clock);
  ASSERT_FALSE(b.ok());
  EXPECT_THAT(b.status().message(), HasSubstr("another program"));

  auto c = OpenStore(dir.File("no/such/dir/x.db"), &clock);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kIoError);
}

TEST(StoreFileTest, BusyDatabaseSaysSo) {
  TempDir dir;
  const std::string path = dir.File("busy.db");
  FixedClock clock(1);
  auto writer = OpenOrDie(path, &clock);
  store::StoreOptions quick;
  quick.busy_timeout_ms = 20;
  auto other = store::OpenSqliteStore(path, &clock, quick);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  ASSERT_TRUE(writer->Begin().ok());
  bool inserted;
  ASSERT_TRUE(writer->PutDocument(MakeDocument("busy-doc-1"), &inserted).ok());
  Status st = (*other)->PutDocument(MakeDocument("busy-doc-2"), &inserted);
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(st.message(), "database " + path + " is busy (another sitrep running?)");
  // Readers are not blocked by the writer in WAL mode.
  auto list = (*other)->ListDocuments();
  EXPECT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_TRUE((*other)->PutDocument(MakeDocument("busy-doc-2"), &inserted).ok());
  EXPECT_TRUE(inserted);
}

TEST(ResolveDbPathTest, FlagThenEnvironmentThenDefault) {
  const char* saved = std::getenv("SITREP_DB");
  std::string saved_value = saved ? saved : "";
  setenv("SITREP_DB", "/tmp/env.db", 1);
  EXPECT_EQ(ResolveDbPath("flag.db"), "flag.db");
  EXPECT_EQ(ResolveDbPath(""), "/tmp/env.db");
  unsetenv("SITREP_DB");
  EXPECT_EQ(ResolveDbPath(""), "sitrep.db");
  if (saved) setenv("SITREP_DB", saved_value.c_str(), 1);
}

}  // namespace
}  // namespace sitrep
