// Throughput of claim and event extraction over an annotated document of news-like sentences
// (invented for this benchmark; about one in three carries a number or a trigger). The text
// stage runs once outside the timing loop; mentions and time expressions are not given, so
// the first three measure extraction alone; BM_Annotate adds mentions, time expressions and
// the records, as the pipeline runs it. Reports bytes/s of document text.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "extract/claims.h"
#include "extract/events.h"
#include "extract/annotate.h"
#include "extract/extract.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "time/timex.h"

namespace {

const char* const kSentences[] = {
    "Government forces pushed into the northern districts of the city, according to a monitoring group.",
    "The rebels said they had destroyed two armoured vehicles near the main road to the coast.",
    "Aid agencies warned that thousands of civilians remain trapped without water or electricity.",
    "Officials said at least 40 people were killed and dozens wounded in the air strikes.",
    "The militants retook the hilltop on Sunday after a counter-attack, residents said.",
    "Heavy fighting continued around the airport, where troops have been dug in for months.",
    "A car bomb exploded near a checkpoint, killing five soldiers, the interior ministry said.",
    "The army said it would enter the town within days, once engineers had cleared the mines.",
    "Both sides blamed each other for the collapse of the talks.",
    "Satellite images showed damage to several buildings inside the compound.",
    "More than 4,000 fighters took part in the assault, which was backed by 30 tanks.",
    "The town fell to the insurgents after government troops withdrew overnight.",
    "Hospitals in the province reported shortages of medicine and fuel for generators.",
    "The brigade commander was killed overnight in a drone strike on his headquarters.",
};

sitrep::Document MakeDoc(size_t target_bytes) {
  sitrep::Document doc;
  doc.id = "bench";
  size_t i = 0;
  while (doc.text.size() < target_bytes) {
    doc.text += kSentences[i % (sizeof kSentences / sizeof kSentences[0])];
    doc.text += (i % 4 == 3) ? "\n\n" : " ";
    ++i;
  }
  (void)sitrep::text::Annotate(doc);
  return doc;
}

void BM_FindClaims(benchmark::State& state) {
  auto res = sitrep::extract::Resources::Default();
  if (!res.ok()) {
    state.SkipWithError(res.status().ToString().c_str());
    return;
  }
  sitrep::Document doc = MakeDoc(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto claims = sitrep::extract::FindClaims(**res, doc, {}, {});
    benchmark::DoNotOptimize(claims);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_FindClaims)->Arg(64 << 10);

void BM_FindEvents(benchmark::State& state) {
  auto res = sitrep::extract::Resources::Default();
  if (!res.ok()) {
    state.SkipWithError(res.status().ToString().c_str());
    return;
  }
  sitrep::Document doc = MakeDoc(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto events = sitrep::extract::FindEvents(**res, doc, {}, {});
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_FindEvents)->Arg(64 << 10);

void BM_Extract(benchmark::State& state) {
  auto res = sitrep::extract::Resources::Default();
  if (!res.ok()) {
    state.SkipWithError(res.status().ToString().c_str());
    return;
  }
  sitrep::Document doc = MakeDoc(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto x = sitrep::extract::Extract(**res, doc, {}, {});
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_Extract)->Arg(64 << 10);

// The whole per-document extraction as the pipeline runs it: mentions (lexicon), time
// expressions against the document date, claims and events, and the flat records.
void BM_Annotate(benchmark::State& state) {
  auto res = sitrep::extract::Resources::Default();
  auto lex = sitrep::lexicon::Lexicon::Open(sitrep::lexicon::LexiconOptions());
  auto tagger = sitrep::time::Tagger::LoadDefault();
  if (!res.ok() || !lex.ok() || !tagger.ok()) {
    state.SkipWithError("cannot load the extract, lexicon or time data");
    return;
  }
  sitrep::Document doc = MakeDoc(static_cast<size_t>(state.range(0)));
  doc.date.value = "2016-03-28";
  doc.date.precision = sitrep::DatePrecision::kDay;
  sitrep::extract::Annotator a{*res, lex->get(), tagger->get()};
  for (auto _ : state) {
    sitrep::extract::Annotate(a, doc);
    benchmark::DoNotOptimize(doc.events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_Annotate)->Arg(64 << 10);

}  // namespace

BENCHMARK_MAIN();
