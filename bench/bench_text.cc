// Throughput of the text stage on a synthetic news-like corpus (invented sentences,
// shuffled and repeated), with the page furniture a scraper leaves around articles.
//   build/bench/bench_text            (MB/s is the "bytes_per_second" column)
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "text/fold.h"
#include "text/resources.h"
#include "text/text.h"
#include "text/tokenize.h"

namespace sitrep::text {
namespace {

const char* kSentences[] = {
    "Government forces pushed into the northern suburbs on Tuesday after three days of "
    "shelling, a military source said.",
    "The U.S. envoy, Gen. Mark Ellison, told reporters the talks would resume on Dec. 12 in "
    "the capital.",
    "\u201CWe have no water and no power,\u201D said one resident, who asked not to be named.",
    "About 1,800 families fled the district, according to the local council, and at least 3.5 "
    "percent of the city's housing was destroyed.",
    "Rebel commanders denied the claim, saying their fighters still held the bridge and the "
    "old market.",
    "Lt. Col. Anna Berg said the convoy left at 6 a.m. local time and reached the border by "
    "noon.",
    "The monitoring group said 42 people were killed, including 11 civilians, in clashes that "
    "lasted until dawn.",
    "Neither claim could be independently verified.",
    "Aid agencies warned that food stocks in the besieged town would run out within two "
    "weeks.",
    "The ministry published a list of damaged sites, among them two schools, a clinic and the "
    "main water station.",
    "KHARTOUM, June 3 \u2013 Fighting resumed in the capital on Saturday, witnesses said.",
    "Drone strikes hit a fuel depot near the airport late on Wednesday, the governor's office "
    "said in a statement.",
};
const char* kHeadlines[] = {"Army Pushes Into Northern Suburbs After Days of Shelling",
                            "Talks to Resume as Ceasefire Frays",
                            "Aid Agencies Warn of Food Shortages in Besieged Town",
                            "Drones Strike Fuel Depot Near Airport"};

std::string Article(std::mt19937& rng) {
  std::uniform_int_distribution<size_t> s(0, std::size(kSentences) - 1);
  std::uniform_int_distribution<size_t> h(0, std::size(kHeadlines) - 1);
  std::string a;
  a += "English | Fran\u00E7ais | \u0627\u0644\u0639\u0631\u0628\u064A\u0629\n\nWorld\n\n";
  a += kHeadlines[h(rng)];
  a += "\n\nBy Jane Roe\n\nMarch 3, 2016 at 9:15 am\n\n";
  a += "Soldiers walk past a damaged building on the edge of the city [Sam Lee / Example "
       "Agency]\n\n";
  const int paragraphs = 8 + static_cast<int>(rng() % 8);
  for (int p = 0; p < paragraphs; ++p) {
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < n; ++k) {
      if (k) a += ' ';
      a += kSentences[s(rng)];
    }
    a += "\n\n";
    if (p == 3) a += "Read more: Talks to Resume as Ceasefire Frays\n\n";
  }
  a += "Related Articles\n";
  for (int i = 0; i < 4; ++i) a += std::string(kHeadlines[h(rng)]) + "\n";
  a += "shelling, ceasefire, aid, refugees, border\nShare on Facebook | Share on X | Email\n"
       "Show Comments\n";
  return a;
}

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = [] {
    std::mt19937 rng(12345);
    std::vector<std::string> c;
    for (int i = 0; i < 256; ++i) c.push_back(Article(rng));
    return c;
  }();
  return corpus;
}

void BM_Annotate(benchmark::State& state) {
  auto res = DefaultResources();
  if (!res.ok()) {
    state.SkipWithError(res.status().message().c_str());
    return;
  }
  const auto& corpus = Corpus();
  size_t bytes = 0, i = 0;
  Document d;
  for (auto _ : state) {
    d.text = corpus[i++ % corpus.size()];
    d.lines.clear();
    d.title.clear();
    benchmark::DoNotOptimize(Annotate(**res, d).ok());
    bytes += d.text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Annotate);

template <bool kFast>
void BM_Tokenize(benchmark::State& state) {
  const auto& corpus = Corpus();
  size_t bytes = 0, i = 0;
  std::vector<Token> toks;
  for (auto _ : state) {
    const std::string& t = corpus[i++ % corpus.size()];
    toks.clear();
    const Span all{0, static_cast<uint32_t>(t.size())};
    if (kFast) {
      Tokenize(t, all, &toks);
    } else {
      TokenizeSlow(t, all, &toks);
    }
    benchmark::DoNotOptimize(toks.data());
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Tokenize<true>)->Name("BM_Tokenize");
BENCHMARK(BM_Tokenize<false>)->Name("BM_TokenizeSlow");

void BM_FoldForMatch(benchmark::State& state) {
  const auto& corpus = Corpus();
  size_t bytes = 0, i = 0;
  std::string out;
  for (auto _ : state) {
    const std::string& t = corpus[i++ % corpus.size()];
    out.clear();
    AppendFoldForMatch(t, &out);
    benchmark::DoNotOptimize(out.data());
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FoldForMatch);

}  // namespace
}  // namespace sitrep::text

BENCHMARK_MAIN();
