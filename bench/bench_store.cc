// Store write and read speed on documents shaped like news articles: ~5 KB of text in
// 10 paragraphs of 4 sentences (40 sentences), 12 lines (2 dropped), a date with one
// conflict. Writes go in transactions of 256 documents, as the pipeline batches them.
// The *WithRecords variants add what the extract stage attaches to such an article: 40
// mentions (half resolved places with coordinates), 8 events and 6 claims, and a
// 64-value MinHash signature.
//
//   build/bench/bench_store
// items/s is documents per second, bytes/s is document text per second.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitrep/store.h"

namespace sitrep {
namespace {

Document MakeArticle(int n) {
  Document d;
  d.source = "bench/article-" + std::to_string(n) + ".html";
  d.format = InputFormat::kHtml;
  d.title = "Forces advance on the river crossing";
  d.url = "https://example.org/" + std::to_string(n);
  d.metadata = {{"lang", "\"en\""}};
  auto add_line = [&](const std::string& s, LineKind kind) {
    uint32_t start = static_cast<uint32_t>(d.text.size());
    d.text += s;
    d.lines.push_back({{start, static_cast<uint32_t>(d.text.size())}, LineHint::kNone, kind,
                       kind == LineKind::kDropped ? "interface phrase" : ""});
    d.text += '\n';
  };
  add_line("Share on social media", LineKind::kDropped);
  for (int p = 0; p < 10; ++p) {
    uint32_t start = static_cast<uint32_t>(d.text.size());
    std::string para;
    for (int s = 0; s < 4; ++s) {
      uint32_t sstart = start + static_cast<uint32_t>(para.size());
      std::string sentence = "Sentence " + std::to_string(s) + " of paragraph " +
                             std::to_string(p) + " in article " + std::to_string(n) +
                             " says that the forces moved along the old coastal road toward the town, witnesses said.";
      para += sentence;
      d.sentences.push_back({{sstart, sstart + static_cast<uint32_t>(sentence.size())},
                             static_cast<uint32_t>(p), LineKind::kBody});
      if (s < 3) para += ' ';
    }
    add_line(para, LineKind::kBody);
    d.paragraphs.push_back({{start, start + static_cast<uint32_t>(para.size())}, LineKind::kBody,
                            static_cast<uint32_t>(d.lines.size() - 1), 1});
  }
  add_line("Read more", LineKind::kDropped);
  d.id = "hbench" + std::to_string(n);
  d.raw = "<html>" + d.text + "</html>";
  d.date = {"2017-03-02", DatePrecision::kDay, DateSource::kMetadata, 0.9, "2017-03-02", {}};
  d.date.conflicts.push_back({"2017-03", DateSource::kBody, "in March", "less precise"});
  return d;
}

EntityRef BenchParty(const Document& d, uint32_t sentence, int k, bool place) {
  EntityRef e;
  const Span s = d.sentences[sentence].span;
  e.span = {s.start + 9, s.start + 17};
  e.text = std::string(d.view(e.span));
  e.kind = place ? "place" : "actor";
  e.id = place ? "GN:" + std::to_string(100000 + k) : "actor-" + std::to_string(k % 5);
  e.name = place ? "Town " + std::to_string(k) : "Forces " + std::to_string(k % 5);
  e.country = "SY";
  e.has_position = place;
  e.lat = place ? 34.5 + k * 0.01 : 0;
  e.lon = place ? 38.2 + k * 0.01 : 0;
  e.precision = place ? 1 : 0;
  e.how = place ? "gazetteer: populated" : "actor list";
  return e;
}

// Gives `d` (with its final id) the records of a typical article.
void AddRecords(Document& d) {
  d.mentions.clear();
  d.events.clear();
  d.claims.clear();
  for (uint32_t i = 0; i < 40; ++i) {
    MentionRecord m;
    m.id = d.id + ":m" + std::to_string(i);
    m.document = d.id;
    m.sentence = i % d.sentences.size();
    m.entity = BenchParty(d, m.sentence, static_cast<int>(i), i % 2 == 0);
    m.type = i % 2 == 0 ? "populated" : "state forces";
    m.refers_to = i >= 4 && i % 4 == 0 ? static_cast<int32_t>(i - 4) : -1;
    d.mentions.push_back(std::move(m));
  }
  for (uint32_t i = 0; i < 8; ++i) {
    EventRecord e;
    e.id = d.id + ":e" + std::to_string(i);
    e.document = d.id;
    e.sentence = i * 5;
    const Span s = d.sentences[e.sentence].span;
    e.span = {s.start + 30, s.start + 35};
    e.trigger = std::string(d.view(e.span));
    e.type = i % 2 ? "control_gained" : "armed_clash";
    e.status = "asserted";
    e.frame = "verb";
    e.rule = "verb active";
    e.agent = BenchParty(d, e.sentence, static_cast<int>(i), false);
    e.target = BenchParty(d, e.sentence, static_cast<int>(i) + 1, false);
    e.place = BenchParty(d, e.sentence, static_cast<int>(i), true);
    e.date = "2017-03-0" + std::to_string(1 + i % 9);
    e.date_precision = DatePrecision::kDay;
    e.timex = e.date;
    e.time_source = "sentence";
    e.reported_by = "Example Wire";
    d.events.push_back(std::move(e));
  }
  for (uint32_t i = 0; i < 6; ++i) {
    ClaimRecord c;
    c.id = d.id + ":c" + std::to_string(i);
    c.document = d.id;
    c.sentence = i * 6;
    const Span s = d.sentences[c.sentence].span;
    c.span = {s.start, s.start + 20};
    c.number = {s.start + 9, s.start + 10};
    c.kind = "killed";
    c.item = "fighters";
    c.low = c.high = c.acled = 10 + i;
    c.modifier = "at least";
    c.effect = "at_least";
    c.about = BenchParty(d, c.sentence, static_cast<int>(i), false);
    c.place = BenchParty(d, c.sentence, static_cast<int>(i), true);
    c.date = "2017-03-02";
    c.date_precision = DatePrecision::kDay;
    c.event = i % 2 ? d.id + ":e" + std::to_string(i) : "";
    c.rule = "count";
    d.claims.push_back(std::move(c));
  }
  d.minhash.assign(64, 0x9e3779b9u);
}

void PutDocuments(benchmark::State& state, const std::string& path, bool records = false) {
  FixedClock clock(1);
  auto store = OpenStore(path, &clock);
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  Document doc = MakeArticle(0);
  const std::string base = doc.id;
  int n = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    if (n % 256 == 0 && !(*store)->Begin().ok()) state.SkipWithError("begin failed");
    doc.id = base + "-" + std::to_string(n);
    if (records) AddRecords(doc);  // ids follow the document id
    bool inserted = false;
    if (!(*store)->PutDocument(doc, &inserted).ok() || !inserted) {
      state.SkipWithError("put failed");
      break;
    }
    bytes += doc.text.size();
    if (++n % 256 == 0 && !(*store)->Commit().ok()) state.SkipWithError("commit failed");
  }
  if (n % 256 != 0) (*store)->Commit().IgnoreError();
  state.SetItemsProcessed(n);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["doc_bytes"] = static_cast<double>(doc.text.size());
  state.counters["sentences"] = static_cast<double>(doc.sentences.size());
  state.counters["records"] =
      static_cast<double>(doc.mentions.size() + doc.events.size() + doc.claims.size());
}

void BM_PutDocumentMemory(benchmark::State& state) { PutDocuments(state, ":memory:"); }
BENCHMARK(BM_PutDocumentMemory);

void BM_PutDocumentFile(benchmark::State& state) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-bench-XXXXXX").string();
  const std::string dir = mkdtemp(tmpl.data());
  PutDocuments(state, dir + "/bench.db");
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_PutDocumentFile);

void BM_PutDocumentWithRecordsMemory(benchmark::State& state) {
  PutDocuments(state, ":memory:", true);
}
BENCHMARK(BM_PutDocumentWithRecordsMemory);

void BM_PutDocumentWithRecordsFile(benchmark::State& state) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-bench-XXXXXX").string();
  const std::string dir = mkdtemp(tmpl.data());
  PutDocuments(state, dir + "/bench.db", true);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_PutDocumentWithRecordsFile);

// PutRecords: replacing the records of stored documents, as settling does after it dates
// a document again (delete the old rows, write the new ones). items/s is documents, and
// the records counter says how many rows each carries.
void BM_PutRecordsMemory(benchmark::State& state) {
  FixedClock clock(1);
  auto store = OpenStore(":memory:", &clock);
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  Document doc = MakeArticle(0);
  const std::string base = doc.id;
  constexpr int kDocs = 256;
  std::vector<Document> docs;
  (*store)->Begin().IgnoreError();
  for (int i = 0; i < kDocs; ++i) {
    doc.id = base + "-" + std::to_string(i);
    AddRecords(doc);
    bool inserted;
    (*store)->PutDocument(doc, &inserted).IgnoreError();
    docs.push_back(doc);
  }
  (*store)->Commit().IgnoreError();
  int n = 0;
  for (auto _ : state) {
    if (n % kDocs == 0 && !(*store)->Begin().ok()) state.SkipWithError("begin failed");
    if (!(*store)->PutRecords(docs[n % kDocs]).ok()) {
      state.SkipWithError("put records failed");
      break;
    }
    if (++n % kDocs == 0 && !(*store)->Commit().ok()) state.SkipWithError("commit failed");
  }
  if (n % kDocs != 0) (*store)->Commit().IgnoreError();
  state.SetItemsProcessed(n);
  state.counters["records"] =
      static_cast<double>(doc.mentions.size() + doc.events.size() + doc.claims.size());
}
BENCHMARK(BM_PutRecordsMemory);

// Building the records alone (the part of the WithRecords loops that is not the store).
void BM_AddRecordsOnly(benchmark::State& state) {
  Document doc = MakeArticle(0);
  const std::string base = doc.id;
  int n = 0;
  for (auto _ : state) {
    doc.id = base + "-" + std::to_string(n++);
    AddRecords(doc);
    benchmark::DoNotOptimize(doc.claims.data());
  }
  state.SetItemsProcessed(n);
}
BENCHMARK(BM_AddRecordsOnly);

void BM_GetDocument(benchmark::State& state) {
  FixedClock clock(1);
  auto store = OpenStore(":memory:", &clock);
  Document doc = MakeArticle(0);
  const std::string base = doc.id;
  constexpr int kDocs = 512;
  (*store)->Begin().IgnoreError();
  for (int i = 0; i < kDocs; ++i) {
    doc.id = base + "-" + std::to_string(i);
    bool inserted;
    (*store)->PutDocument(doc, &inserted).IgnoreError();
  }
  (*store)->Commit().IgnoreError();
  int n = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    auto got = (*store)->GetDocument(base + "-" + std::to_string(n++ % kDocs));
    if (!got.ok()) {
      state.SkipWithError("get failed");
      break;
    }
    bytes += got->text.size();
    benchmark::DoNotOptimize(got->sentences.size());
  }
  state.SetItemsProcessed(n);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_GetDocument);

void BM_ListDocuments(benchmark::State& state) {
  FixedClock clock(1);
  auto store = OpenStore(":memory:", &clock);
  Document doc = MakeArticle(0);
  const std::string base = doc.id;
  const int docs = static_cast<int>(state.range(0));
  (*store)->Begin().IgnoreError();
  for (int i = 0; i < docs; ++i) {
    doc.id = base + "-" + std::to_string(i);
    bool inserted;
    (*store)->PutDocument(doc, &inserted).IgnoreError();
  }
  (*store)->Commit().IgnoreError();
  for (auto _ : state) {
    auto list = (*store)->ListDocuments();
    benchmark::DoNotOptimize(list.ok());
  }
  state.SetItemsProcessed(state.iterations() * docs);
}
BENCHMARK(BM_ListDocuments)->Arg(1000);

// All events of 1000 documents (8000), with their quotes; and one type of them.
void BM_ListEvents(benchmark::State& state) {
  FixedClock clock(1);
  auto store = OpenStore(":memory:", &clock);
  Document doc = MakeArticle(0);
  const std::string base = doc.id;
  constexpr int kDocs = 1000;
  (*store)->Begin().IgnoreError();
  for (int i = 0; i < kDocs; ++i) {
    doc.id = base + "-" + std::to_string(i);
    AddRecords(doc);
    bool inserted;
    (*store)->PutDocument(doc, &inserted).IgnoreError();
  }
  (*store)->Commit().IgnoreError();
  EventQuery q;
  if (state.range(0) == 1) q.type = "control_gained";
  size_t events = 0;
  for (auto _ : state) {
    auto list = (*store)->ListEvents(q);
    events += list.ok() ? list->size() : 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(events));
}
BENCHMARK(BM_ListEvents)->Arg(0)->Arg(1);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
