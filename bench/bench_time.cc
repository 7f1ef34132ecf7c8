// Throughput of the temporal tagger on news-like sentences (invented for this benchmark):
// most have no time expression, some have one or two. Reports bytes/s; the pre-filter is
// measured alone, and on sentences that all carry expressions.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sitrep/env.h"
#include "time/timex.h"

namespace {

const std::vector<std::string>& NewsSentences() {
  static const std::vector<std::string> kSentences = {
      "Government forces pushed into the northern districts of the city, according to a monitoring group.",
      "The rebels said they had destroyed two armoured vehicles near the main road to the coast.",
      "Aid agencies warned that thousands of civilians remain trapped without water or electricity.",
      "A spokesman for the coalition declined to comment on the reports of civilian casualties.",
      "The militants retook the hilltop on Sunday after a counter-attack, residents said.",
      "Officials said at least 40 people were killed and dozens wounded in the air strikes.",
      "The ministry accused the opposition of violating the ceasefire agreed in March.",
      "Heavy fighting continued around the airport, where troops have been dug in for months.",
      "The United Nations envoy called for an immediate halt to the shelling of residential areas.",
      "Witnesses described columns of smoke rising over the old quarter as the bombardment went on.",
      "The group has lost much of its territory since late last year, analysts say.",
      "Security sources said the convoy was ambushed on the highway south of the border crossing.",
      "Both sides blamed each other for the collapse of the talks.",
      "The army said it would enter the town within days, once engineers had cleared the mines.",
      "Local councils have been running the district since the regime withdrew three years ago.",
      "Hospitals in the province reported shortages of medicine and fuel for generators.",
      "The foreign minister is expected to visit the region next week for talks with the president.",
      "Satellite images showed damage to several buildings inside the compound.",
      "A car bomb exploded near a checkpoint, killing five soldiers, the interior ministry said.",
      "Refugees who fled across the border told reporters that the villages had been emptied.",
      "Talks resumed in the capital on December 8, 2016, after a pause of nearly two months.",
      "The operation, which began on 17 October, has been slowed by snipers and booby traps.",
      "Rights groups have documented dozens of arbitrary detentions in the captured areas.",
      "The brigade commander was killed overnight in a drone strike on his headquarters.",
      "Its fighters had held positions there for the last 6 months before withdrawing.",
      "Negotiators hope to reach an agreement before the end of the year.",
      "The bridge, destroyed in the first weeks of the war, has not been rebuilt.",
      "Electricity returned to parts of the city for the first time in weeks.",
      "The parliament voted to extend the state of emergency by another ninety days.",
      "A day later, the militia announced it had captured the airbase.",
  };
  return kSentences;
}

const std::vector<std::string>& TimeSentences() {
  static const std::vector<std::string> kSentences = {
      "The militants retook the hilltop on Sunday after a counter-attack, residents said.",
      "Talks resumed in the capital on December 8, 2016, after a pause of nearly two months.",
      "The group has lost much of its territory since late last year, analysts say.",
      "BEIRUT, March 27 – Syrian forces recaptured the town on Sunday, state media said.",
      "The offensive began in mid-October and was expected to last until early 2017.",
      "Three months ago the city was quiet; by 10:30 pm on Tuesday it was in flames.",
  };
  return kSentences;
}

sitrep::time::Tagger& SharedTagger() {
  static std::unique_ptr<sitrep::time::Tagger> tagger = [] {
    auto t = sitrep::time::Tagger::LoadDefault();
    if (!t.ok()) std::abort();
    return std::move(t.value());
  }();
  return *tagger;
}

void Run(benchmark::State& state, const std::vector<std::string>& sentences, bool prefilter_only) {
  sitrep::time::Tagger& tagger = SharedTagger();
  const sitrep::time::Reference ref = sitrep::time::Reference::DocumentDate(2016, 12, 12);
  const sitrep::time::TagOptions opts;
  size_t bytes = 0;
  for (const auto& s : sentences) bytes += s.size();
  size_t found = 0;
  for (auto _ : state) {
    for (const auto& s : sentences) {
      if (prefilter_only) {
        found += tagger.MayContainTime(s);
      } else {
        found += tagger.Tag(s, ref, opts).size();
      }
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * sentences.size()), benchmark::Counter::kIsRate);
}

void BM_TagNews(benchmark::State& state) { Run(state, NewsSentences(), false); }
void BM_PrefilterNews(benchmark::State& state) { Run(state, NewsSentences(), true); }
void BM_TagTimeHeavy(benchmark::State& state) { Run(state, TimeSentences(), false); }

// The same news sentences without the pre-filter: what the filter saves.
void BM_TagNewsNoPrefilter(benchmark::State& state) {
  sitrep::time::Tagger& tagger = SharedTagger();
  const sitrep::time::Reference ref = sitrep::time::Reference::DocumentDate(2016, 12, 12);
  sitrep::time::TagOptions opts;
  opts.skip_prefilter = true;
  size_t bytes = 0, found = 0;
  for (const auto& s : NewsSentences()) bytes += s.size();
  for (auto _ : state) {
    for (const auto& s : NewsSentences()) found += tagger.Tag(s, ref, opts).size();
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// The project's invented example articles (examples/*/*.txt), line by line: typical
// news paragraphs with their page furniture.
const std::vector<std::string>& ExampleLines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    auto files = sitrep::PosixFileSystem()->ListFilesRecursive(std::string(SITREP_SOURCE_DIR) + "/examples");
    if (!files.ok()) return out;
    for (const std::string& f : *files) {
      if (f.size() < 4 || f.substr(f.size() - 4) != ".txt") continue;
      auto content = sitrep::PosixFileSystem()->ReadFile(f, 1 << 22);
      if (!content.ok()) continue;
      size_t p = 0;
      while (p < content->size()) {
        size_t nl = content->find('\n', p);
        if (nl == std::string::npos) nl = content->size();
        if (nl > p) out.push_back(content->substr(p, nl - p));
        p = nl + 1;
      }
    }
    return out;
  }();
  return lines;
}

void BM_TagExampleArticles(benchmark::State& state) {
  if (ExampleLines().empty()) {
    state.SkipWithError("examples/ not found");
    return;
  }
  Run(state, ExampleLines(), false);
}

BENCHMARK(BM_TagNews);
BENCHMARK(BM_TagExampleArticles);
BENCHMARK(BM_PrefilterNews);
BENCHMARK(BM_TagTimeHeavy);
BENCHMARK(BM_TagNewsNoPrefilter);

}  // namespace

BENCHMARK_MAIN();
