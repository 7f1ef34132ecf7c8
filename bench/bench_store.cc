// Store write and read speed on documents shaped like news articles: ~5 KB of text in
// 10 paragraphs of 4 sentences (40 sentences), 12 lines (2 dropped), a date with one
// conflict. Writes go in transactions of 256 documents, as the pipeline batches them.
//
//   build/bench/bench_store
// items/s is documents per second, bytes/s is document text per second.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

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

void PutDocuments(benchmark::State& state, const std::string& path) {
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

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
