// The runner with fake stages and a fake reader: ordering, skipping, verification,
// timings and the ingest accounting, independent of the real stages.
#include "pipeline/runner.h"
#include "pipeline/verify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sitrep::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Appends its name to doc.title; fails on documents whose text says "fail:<name>";
// leaves a bad line on those that say "corrupt:<name>".
class FakeStage final : public Stage {
 public:
  explicit FakeStage(std::string name) : name_(std::move(name)) {}
  std::string_view name() const override { return name_; }
  Status Run(Document& doc) const override {
    if (doc.text.find("fail:" + name_) != std::string::npos) {
      return Status::BadInput("cannot cope");
    }
    doc.title += name_ + ";";
    if (doc.text.find("corrupt:" + name_) != std::string::npos) {
      doc.lines.push_back({Span{0, 9999}, LineHint::kNone, LineKind::kBody, ""});
    }
    return Status();
  }
  Status Verify(const Document& doc) const override { return VerifyLines(doc); }

 private:
  std::string name_;
};

std::vector<std::unique_ptr<Stage>> FakeStages() {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<FakeStage>("one"));
  stages.push_back(std::make_unique<FakeStage>("two"));
  return stages;
}

Document Doc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.source = "src/" + d.id;
  d.text = std::move(text);
  return d;
}

// A reader that plays back a script: documents and rejections in order.
struct Item {
  bool rejected;
  std::string id_or_source;
  std::string text_or_reason;
};

ReadFn Script(std::vector<Item> items) {
  return [items](const std::vector<std::string>&, const ingest::Options&, ingest::Sink& sink) {
    uint64_t done = 0;
    for (const Item& item : items) {
      if (item.rejected) {
        sink.OnRejected({item.id_or_source, item.text_or_reason});
      } else {
        SITREP_RETURN_IF_ERROR(sink.OnDocument(Doc(item.id_or_source, item.text_or_reason)));
      }
      done += 10;
      sink.OnProgress(done, items.size() * 10);
    }
    return Status();
  };
}

std::unique_ptr<Pipeline> Make(const PipelineOptions& options, ReadFn read = Script({})) {
  auto p = CreatePipeline(options, FakeStages(), std::move(read));
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return std::move(p).value();
}

std::unique_ptr<Store> MemoryStore() {
  static FixedClock clock(1700000000);
  auto s = OpenStore(":memory:", &clock);
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

TEST(RunnerTest, StagesRunInOrder) {
  auto p = Make(PipelineOptions());
  EXPECT_THAT(p->StageNames(), ElementsAre("one", "two"));
  Document d = Doc("h1", "some text");
  ASSERT_TRUE(p->Process(d).ok());
  EXPECT_EQ(d.title, "one;two;");
}

TEST(RunnerTest, SkippedStageDoesNotRun) {
  PipelineOptions options;
  options.skip = {"one"};
  auto p = Make(options);
  EXPECT_THAT(p->StageNames(), ElementsAre("one", "two"));  // skipped ones included
  Document d = Doc("h1", "some text");
  ASSERT_TRUE(p->Process(d).ok());
  EXPECT_EQ(d.title, "two;");
}

TEST(RunnerTest, UnknownSkipIsRefused) {
  PipelineOptions options;
  options.skip = {"three"};
  auto p = CreatePipeline(options, FakeStages(), Script({}));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(p.status().message(), HasSubstr("one, two"));
}

TEST(RunnerTest, FailureNamesStageAndDocument) {
  auto p = Make(PipelineOptions());
  Document d = Doc("hfail", "fail:two");
  Status st = p->Process(d);
  EXPECT_EQ(st.code(), StatusCode::kBadInput);
  EXPECT_THAT(st.message(), HasSubstr("stage two"));
  EXPECT_THAT(st.message(), HasSubstr("hfail"));
  EXPECT_THAT(st.message(), HasSubstr("cannot cope"));
}

TEST(RunnerTest, VerificationCatchesBadOutput) {
  auto p = Make(PipelineOptions());
  Document d = Doc("hbad", "corrupt:one");
  Status st = p->Process(d);
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_THAT(st.message(), HasSubstr("stage one left document hbad"));
  EXPECT_THAT(st.message(), HasSubstr("past the end"));
  EXPECT_EQ(d.title, "one;") << "stops at the failing stage";

  PipelineOptions off;
  off.verify = false;
  auto q = Make(off);
  Document e = Doc("hbad", "corrupt:one");
  EXPECT_TRUE(q->Process(e).ok());
}

TEST(RunnerTest, IngestVerificationChecksText) {
  auto p = Make(PipelineOptions());
  Document d = Doc("hcr", "a\r\nb");
  Status st = p->Process(d);
  EXPECT_THAT(st.message(), HasSubstr("stage ingest"));
}

TEST(RunnerTest, TimingsCountDocuments) {
  PipelineOptions options;
  options.skip = {"two"};
  auto p = Make(options);
  for (int i = 0; i < 3; ++i) {
    Document d = Doc("h" + std::to_string(i), "x");
    ASSERT_TRUE(p->Process(d).ok());
  }
  const auto& t = p->timings();
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].name, "ingest");
  EXPECT_EQ(t[1].name, "one");
  EXPECT_EQ(t[1].documents, 3u);
  EXPECT_EQ(t[2].name, "two");
  EXPECT_EQ(t[2].documents, 0u);
  EXPECT_EQ(t[3].name, "verify");
  EXPECT_EQ(t[4].name, "store");
}

// Every kind of outcome: stored, rejected by ingest, duplicate in the run, duplicate of a
// stored document, a stage failure, a verification failure.
std::vector<Item> MixedScript() {
  return {
      {false, "ha", "first"},
      {true, "bad.bin", "binary data"},
      {false, "hb", "second"},
      {false, "ha", "first again"},  // same run
      {false, "hold", "old"},        // already stored
      {false, "hc", "fail:one"},     // stage fails
      {false, "hd", "corrupt:two"},  // verify fails
      {true, "empty.txt", "empty input"},
  };
}

TEST(RunnerTest, IngestAccountsForEveryInput) {
  auto store = MemoryStore();
  bool inserted;
  ASSERT_TRUE(store->PutDocument(Doc("hold", "stored before"), &inserted).ok());
  PipelineOptions one_thread;
  one_thread.threads = 1;  // progress calls pass through one for one
  auto p = Make(one_thread, Script(MixedScript()));
  std::vector<std::pair<uint64_t, uint64_t>> calls;
  auto summary = p->Ingest({"in"}, *store, [&](uint64_t done, uint64_t total) {
    calls.emplace_back(done, total);
  });
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const IngestSummary& s = *summary;
  EXPECT_EQ(s.seen, 8u);
  EXPECT_EQ(s.stored, 2u);
  EXPECT_EQ(s.duplicates, 2u);
  EXPECT_EQ(s.rejected, 4u);
  EXPECT_EQ(s.seen, s.stored + s.duplicates + s.rejected);
  EXPECT_THAT(s.duplicate_ids, ElementsAre("ha", "hold"));
  ASSERT_EQ(s.rejections.size(), 4u);
  EXPECT_EQ(s.rejections[0].source, "bad.bin");
  EXPECT_EQ(s.rejections[1].source, "src/hc");
  EXPECT_THAT(s.rejections[1].reason, HasSubstr("stage one failed"));
  EXPECT_EQ(s.rejections[2].source, "src/hd");
  EXPECT_THAT(s.rejections[2].reason, HasSubstr("stage two left"));
  EXPECT_EQ(s.rejections[3].source, "empty.txt");
  EXPECT_EQ(s.bytes, 80u);
  EXPECT_EQ(calls.size(), 8u);
  EXPECT_EQ(calls.back(), std::make_pair(uint64_t{80}, uint64_t{80}));
  EXPECT_EQ(p->timings()[0].documents, 8u);

  auto a = store->GetDocument("ha");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "first");
  EXPECT_EQ(a->title, "one;two;");
  EXPECT_FALSE(*store->HasDocument("hc"));
  auto rejections = store->ListRejections();
  ASSERT_TRUE(rejections.ok());
  EXPECT_EQ(rejections->size(), 4u);
}

// The threaded path must give exactly the one-thread results: counts, the order of
// rejections and duplicates, and the documents stored (in the same order).
TEST(RunnerTest, ThreadsDoNotChangeResults) {
  std::vector<Item> items;
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    if (i % 17 == 0) {
      items.push_back({true, "bad" + n, "rejected by ingest"});
    } else if (i % 13 == 0) {
      items.push_back({false, "h" + n, "fail:two " + n});
    } else if (i % 11 == 0) {
      items.push_back({false, "h" + std::to_string(i - 1), "duplicate " + n});
    } else {
      items.push_back({false, "h" + n, "text " + n});
    }
  }
  auto run = [&](int threads, std::vector<std::string>* order) {
    auto store = MemoryStore();
    PipelineOptions options;
    options.threads = threads;
    auto p = Make(options, Script(items));
    uint64_t last_done = 0;
    auto summary = p->Ingest({"in"}, *store, [&](uint64_t done, uint64_t) { last_done = done; });
    EXPECT_TRUE(summary.ok());
    EXPECT_EQ(last_done, items.size() * 10) << threads << " threads";
    EXPECT_EQ(p->timings()[1].documents, summary->stored + summary->rejected -
                                             std::count_if(items.begin(), items.end(),
                                                           [](const Item& i) { return i.rejected; }));
    auto docs = store->ListDocuments();
    for (const auto& d : *docs) order->push_back(d.id);
    return std::move(summary).value();
  };
  std::vector<std::string> order1;
  IngestSummary one = run(1, &order1);
  EXPECT_GT(one.stored, 200u);
  EXPECT_GT(one.rejected, 20u);
  EXPECT_GT(one.duplicates, 10u);
  for (int threads : {2, 3, 8}) {
    std::vector<std::string> order;
    IngestSummary many = run(threads, &order);
    EXPECT_EQ(many.seen, one.seen) << threads;
    EXPECT_EQ(many.stored, one.stored) << threads;
    EXPECT_EQ(many.duplicates, one.duplicates) << threads;
    EXPECT_EQ(many.rejected, one.rejected) << threads;
    EXPECT_EQ(many.duplicate_ids, one.duplicate_ids) << threads;
    ASSERT_EQ(many.rejections.size(), one.rejections.size());
    for (size_t i = 0; i < one.rejections.size(); ++i) {
      EXPECT_EQ(many.rejections[i].source, one.rejections[i].source) << threads << " " << i;
      EXPECT_EQ(many.rejections[i].reason, one.rejections[i].reason) << threads << " " << i;
    }
    EXPECT_EQ(order, order1) << threads;
  }
}

TEST(RunnerTest, IngestAgainIsAllDuplicates) {
  auto store = MemoryStore();
  std::vector<Item> items;
  for (int i = 0; i < kBatchSize * 2 + 3; ++i) {  // crosses batch boundaries
    items.push_back({false, "h" + std::to_string(i), "text " + std::to_string(i)});
  }
  auto p = Make(PipelineOptions(), Script(items));
  auto first = p->Ingest({"in"}, *store, nullptr);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->stored, items.size());
  auto listed = store->ListDocuments();
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), items.size());
  auto second = p->Ingest({"in"}, *store, nullptr);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->stored, 0u);
  EXPECT_EQ(second->duplicates, items.size());
}

// Stream: the same accounting as Ingest, documents handed over in input order, no store.
TEST(RunnerTest, StreamHandsDocumentsOverInOrder) {
  std::vector<Item> items = MixedScript();
  for (int i = 0; i < 40; ++i) items.push_back({false, "hs" + std::to_string(i), "text"});
  for (int threads : {1, 3}) {
    PipelineOptions options;
    options.threads = threads;
    auto p = Make(options, Script(items));
    std::vector<std::string> ids;
    auto summary = p->Stream({"in"}, [&](Document& doc) {
      EXPECT_EQ(doc.title.substr(0, 8), "one;two;");
      ids.push_back(doc.id);
      return Status();
    }, nullptr);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    const IngestSummary& s = *summary;
    EXPECT_EQ(s.seen, items.size());
    EXPECT_EQ(s.duplicates, 1u) << "only the repeat within the run";
    EXPECT_THAT(s.duplicate_ids, ElementsAre("ha"));
    EXPECT_EQ(s.rejected, 4u);
    EXPECT_EQ(s.stored, ids.size());
    EXPECT_EQ(s.seen, s.stored + s.duplicates + s.rejected);
    ASSERT_GE(ids.size(), 3u);
    EXPECT_EQ(ids[0], "ha");
    EXPECT_EQ(ids[1], "hb");
    EXPECT_EQ(ids[2], "hold");
    EXPECT_EQ(ids.back(), "hs39") << threads;
    EXPECT_EQ(s.bytes, items.size() * 10);
  }
}

TEST(RunnerTest, StreamStopsWhenTheSinkFails) {
  std::vector<Item> items;
  for (int i = 0; i < 50; ++i) items.push_back({false, "h" + std::to_string(i), "x"});
  for (int threads : {1, 4}) {
    PipelineOptions options;
    options.threads = threads;
    auto p = Make(options, Script(items));
    int handed = 0;
    auto summary = p->Stream({"in"}, [&](Document&) {
      return ++handed == 5 ? Status::IoError("pipe closed") : Status();
    }, nullptr);
    ASSERT_FALSE(summary.ok());
    EXPECT_THAT(summary.status().message(), HasSubstr("pipe closed"));
    EXPECT_EQ(handed, 5);
  }
}

// A store whose writes fail: the run stops with the store's error.
class FailingStore final : public Store {
 public:
  Result<bool> HasDocument(std::string_view) override { return false; }
  Status PutDocument(const Document&, bool*) override { return Status::IoError("disk full"); }
  Status UpdateDocumentDate(std::string_view, const DocumentDate&) override { return Status(); }
  Result<std::vector<DocumentSummary>> ListDocuments() override {
    return std::vector<DocumentSummary>();
  }
  Result<Document> GetDocument(std::string_view) override { return Status::NotFound("none"); }
  Result<int64_t> LogIngestRun(std::string_view, const IngestSummary&) override { return 1; }
  Result<std::vector<Rejection>> ListRejections() override { return std::vector<Rejection>(); }
  Status PutRecords(const Document&) override { return Status::IoError("disk full"); }
  Result<std::vector<EventRecord>> ListEvents(const EventQuery&) override { return std::vector<EventRecord>(); }
  Result<std::vector<ClaimRecord>> ListClaims(const ClaimQuery&) override { return std::vector<ClaimRecord>(); }
  Result<std::vector<MentionRecord>> ListMentions(std::string_view) override {
    return std::vector<MentionRecord>();
  }
  Result<std::vector<std::pair<std::string, std::vector<uint32_t>>>> ListSignatures() override {
    return std::vector<std::pair<std::string, std::vector<uint32_t>>>();
  }
  Result<uint64_t> ImportFrom(const std::string&) override { return Status::IoError("disk full"); }
  Status Begin() override { ++begins; return Status(); }
  Status Commit() override { ++commits; return Status(); }
  int begins = 0, commits = 0;
};

TEST(RunnerTest, StoreFailureStopsTheRun) {
  std::vector<Item> items;
  for (int i = 0; i < 100; ++i) items.push_back({false, "h" + std::to_string(i), "x"});
  for (int threads : {1, 4}) {
    FailingStore store;
    PipelineOptions options;
    options.threads = threads;
    auto p = Make(options, Script(items));
    auto summary = p->Ingest({"in"}, store, nullptr);
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.status().code(), StatusCode::kIoError);
    EXPECT_THAT(summary.status().message(), HasSubstr("disk full"));
    EXPECT_EQ(store.begins, store.commits) << "the open batch is closed";
  }
}

}  // namespace
}  // namespace sitrep::pipeline
