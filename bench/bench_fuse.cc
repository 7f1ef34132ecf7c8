// Fusion over a synthetic war (src/fuse/synthetic.h): Fuse() as a whole and its core
// steps, on 1k and 10k events (8 events a document, a few outlets, claims on one event in
// three). Reports events/s. MinHash is measured apart in bytes/s: the pipeline runs it on
// every document.
//
// On the shared 2-core box (load ~17, -O2, CPU time): Fuse on 10k events ~450 ms
// (22k events/s; 1k events ~23 ms); BuildStories on 10k ~98 ms (100k events/s);
// DateDocuments + BuildTimelines on 10k ~69 ms; FindDuplicates on 1,250 documents ~4 ms;
// MinHash ~38 MB/s.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>

#include "fuse/fuse.h"
#include "fuse/parts.h"
#include "fuse/synthetic.h"

namespace {

using sitrep::fuse::Input;

Input Sorted(uint32_t n, uint32_t places = 0, uint32_t undated_one_in = 20) {
  Input in = sitrep::fuse::synthetic::Make(n, 1, places, undated_one_in);
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(in.docs.begin(), in.docs.end(), by_id);
  std::sort(in.events.begin(), in.events.end(), by_id);
  std::sort(in.claims.begin(), in.claims.end(), by_id);
  std::sort(in.mentions.begin(), in.mentions.end(), by_id);
  return in;
}

void BM_Fuse(benchmark::State& state) {
  Input in = sitrep::fuse::synthetic::Make(static_cast<uint32_t>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::fuse::Fuse(in));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.events.size()));
}
BENCHMARK(BM_Fuse)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

void BM_BuildStories(benchmark::State& state) {
  Input in = Sorted(static_cast<uint32_t>(state.range(0)));
  auto dups = sitrep::fuse::FindDuplicates(in);
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::fuse::BuildStories(in, dups));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.events.size()));
}
BENCHMARK(BM_BuildStories)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

void BM_DateAndTimelines(benchmark::State& state) {
  Input in = Sorted(static_cast<uint32_t>(state.range(0)));
  auto stories = sitrep::fuse::BuildStories(in, sitrep::fuse::FindDuplicates(in));
  for (auto _ : state) {
    std::vector<sitrep::fuse::DocDate> dates;
    std::vector<sitrep::fuse::DateFlag> flags;
    sitrep::fuse::DateDocuments(in, stories, &dates, &flags);
    benchmark::DoNotOptimize(sitrep::fuse::BuildTimelines(in, stories, dates));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.events.size()));
}
BENCHMARK(BM_DateAndTimelines)->Arg(10000)->Unit(benchmark::kMillisecond);

// Wire-shaped input, as Settle sees it after a big ingest: a fixed map of 20 places (so
// per-place buckets grow with the feed) and one document in five undated.
Input Wire(int64_t n) { return Sorted(static_cast<uint32_t>(n), 20, 5); }

void BM_WireDateDocuments(benchmark::State& state) {
  Input in = Wire(state.range(0));
  auto stories = sitrep::fuse::BuildStories(in, sitrep::fuse::FindDuplicates(in));
  for (auto _ : state) {
    std::vector<sitrep::fuse::DocDate> dates;
    std::vector<sitrep::fuse::DateFlag> flags;
    sitrep::fuse::DateDocuments(in, stories, &dates, &flags);
    benchmark::DoNotOptimize(dates);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.events.size()));
}
BENCHMARK(BM_WireDateDocuments)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

// What one Settle round computes (FindDuplicates, BuildStories, DateDocuments).
void BM_WireSettleRound(benchmark::State& state) {
  Input in = Wire(state.range(0));
  for (auto _ : state) {
    auto stories = sitrep::fuse::BuildStories(in, sitrep::fuse::FindDuplicates(in));
    std::vector<sitrep::fuse::DocDate> dates;
    std::vector<sitrep::fuse::DateFlag> flags;
    sitrep::fuse::DateDocuments(in, stories, &dates, &flags);
    benchmark::DoNotOptimize(dates);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.events.size()));
}
BENCHMARK(BM_WireSettleRound)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

void BM_WireTimelines(benchmark::State& state) {
  Input in = Wire(state.range(0));
  auto stories = sitrep::fuse::BuildStories(in, sitrep::fuse::FindDuplicates(in));
  std::vector<sitrep::fuse::DocDate> dates;
  std::vector<sitrep::fuse::DateFlag> flags;
  sitrep::fuse::DateDocuments(in, stories, &dates, &flags);
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::fuse::BuildTimelines(in, stories, dates));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.events.size()));
}
BENCHMARK(BM_WireTimelines)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

void BM_FindDuplicates(benchmark::State& state) {
  Input in = Sorted(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::fuse::FindDuplicates(in));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.docs.size()));
}
BENCHMARK(BM_FindDuplicates)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_MinHash(benchmark::State& state) {
  std::string text;
  const char* words[] = {"the", "army", "said", "forces", "entered", "town", "after", "heavy",
                         "fighting", "near", "road", "Région", "über", "2016", "militants"};
  for (int i = 0; text.size() < 64 * 1024; ++i) {
    text += words[(i * 7 + i / 3) % 15];
    text += (i % 11 == 10) ? ". " : " ";
  }
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::fuse::MinHash(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_MinHash);

}  // namespace

BENCHMARK_MAIN();
