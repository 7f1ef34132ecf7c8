// Throughput of claim and event extraction over an annotated document of news-like sentences
// (invented for this benchmark; about one in three carries a number or a trigger). The text
// stage runs once outside the timing loop; mentions and time expressions are not given, so
// the first three measure extraction alone; BM_Annotate adds mentions, time expressions and
// the records, as the pipeline runs it. Reports bytes/s of document text.
//
// The *Corpus benchmarks run the same steps over real-sized documents (a few KB each, as
// news articles are): every examples/**/*.txt and every gold document of tests/data/gold
// (its '>' lines), plus the real articles of ../shared/seeds when present (read at run
// time, never copied), each its own Document, annotated by the text stage once outside the
// loop. They show the per-core rate the pipeline gets on articles; the 64 KB single
// document above also shows costs that grow with document length. BM_AnnotateArticles
// joins the same texts into articles of a chosen size (1, 4, 16 KB) to separate the cost
// per document from the cost per byte.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// The extract, lexicon and time data a whole-Annotate benchmark needs, loaded together.
struct AnnotateData {
  sitrep::Result<const sitrep::extract::Resources*> res = sitrep::extract::Resources::Default();
  sitrep::Result<std::unique_ptr<sitrep::lexicon::Lexicon>> lex =
      sitrep::lexicon::Lexicon::Open(sitrep::lexicon::LexiconOptions());
  sitrep::Result<std::unique_ptr<sitrep::time::Tagger>> tagger = sitrep::time::Tagger::LoadDefault();

  // False, with the benchmark marked skipped, when any of them cannot be loaded.
  bool Ready(benchmark::State& state) const {
    if (res.ok() && lex.ok() && tagger.ok()) return true;
    state.SkipWithError("cannot load the extract, lexicon or time data");
    return false;
  }
};

// The whole per-document extraction as the pipeline runs it: mentions (lexicon), time
// expressions against the document date, claims and events, and the flat records.
void BM_Annotate(benchmark::State& state) {
  AnnotateData data;
  if (!data.Ready(state)) return;
  auto& res = data.res;
  auto& lex = data.lex;
  auto& tagger = data.tagger;
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

std::vector<sitrep::Document> CorpusDocs() {
  std::vector<sitrep::Document> docs;
  auto add = [&](std::string id, std::string text) {
    if (text.empty()) return;
    sitrep::Document d;
    d.id = std::move(id);
    d.text = std::move(text);
    d.date.value = "2016-03-28";
    d.date.precision = sitrep::DatePrecision::kDay;
    (void)sitrep::text::Annotate(d);
    docs.push_back(std::move(d));
  };
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const char* dir : {SITREP_SOURCE_DIR "/examples", SITREP_SOURCE_DIR "/tests/data/gold",
                          SITREP_SOURCE_DIR "/../shared/seeds"}) {
    for (auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".txt" || ext == ".gold")) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    if (f.extension() == ".txt") {
      std::stringstream ss;
      ss << in.rdbuf();
      add(f.filename().string(), ss.str());
      continue;
    }
    // Gold files: "doc: ID" starts a document, its text is the "> " lines.
    std::string line, id, text;
    while (std::getline(in, line)) {
      if (line.rfind("doc:", 0) == 0) {
        add(id, std::move(text));
        text.clear();
        id = line.substr(4);
      } else if (line.rfind(">", 0) == 0) {
        text += line.substr(line.rfind("> ", 0) == 0 ? 2 : 1);
        text += "\n";
      }
    }
    add(id, std::move(text));
  }
  return docs;
}

const std::vector<sitrep::Document>& Corpus() {
  static const std::vector<sitrep::Document> docs = CorpusDocs();
  return docs;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const auto& d : Corpus()) n += static_cast<int64_t>(d.text.size());
  return n;
}

// Which part of Annotate runs (range(0)): 0 all, 1 mentions, 2 time, 3 claims, 4 events,
// 5 Extract (claims and events sharing the sentence preparation), 6 the records alone
// (AttachRecords of a ready extraction). Annotate's glue is 0 - (1 + 2 + 5).
void BM_AnnotateCorpus(benchmark::State& state) {
  AnnotateData data;
  if (!data.Ready(state)) return;
  auto& res = data.res;
  auto& lex = data.lex;
  auto& tagger = data.tagger;
  std::vector<sitrep::Document> docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("no documents under examples/ or tests/data/gold/");
    return;
  }
  // Inputs of the later steps, computed once for the steps timed alone.
  std::vector<std::vector<sitrep::lexicon::Mention>> mentions;
  std::vector<std::vector<sitrep::time::DocumentTimex>> timexes;
  std::vector<sitrep::extract::Extraction> extractions;
  for (const auto& d : docs) {
    mentions.push_back(sitrep::lexicon::FindMentions(d, **lex));
    auto ref = sitrep::time::Reference::Parse(d.date.value, sitrep::time::AnchorKind::kDocumentDate);
    timexes.push_back(sitrep::time::TagDocument(**tagger, d, *ref, {}));
    extractions.push_back(sitrep::extract::Extract(**res, d, mentions.back(), timexes.back()));
  }
  const int part = static_cast<int>(state.range(0));
  sitrep::extract::Annotator a{*res, lex->get(), tagger->get()};
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      sitrep::Document& d = docs[i];
      switch (part) {
        case 0:
          sitrep::extract::Annotate(a, d);
          benchmark::DoNotOptimize(d.events.data());
          break;
        case 1: {
          auto ms = sitrep::lexicon::FindMentions(d, **lex);
          benchmark::DoNotOptimize(ms.data());
          break;
        }
        case 2: {
          auto ref = sitrep::time::Reference::Parse(d.date.value, sitrep::time::AnchorKind::kDocumentDate);
          auto ts = sitrep::time::TagDocument(**tagger, d, *ref, {});
          benchmark::DoNotOptimize(ts.data());
          break;
        }
        case 3: {
          auto cs = sitrep::extract::FindClaims(**res, d, mentions[i], timexes[i]);
          benchmark::DoNotOptimize(cs.data());
          break;
        }
        case 4: {
          auto es = sitrep::extract::FindEvents(**res, d, mentions[i], timexes[i]);
          benchmark::DoNotOptimize(es.data());
          break;
        }
        case 5: {
          auto x = sitrep::extract::Extract(**res, d, mentions[i], timexes[i]);
          benchmark::DoNotOptimize(x.events.data());
          break;
        }
        case 6:
          sitrep::extract::AttachRecords(**res, mentions[i], timexes[i], extractions[i], d);
          benchmark::DoNotOptimize(d.events.data());
          break;
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * CorpusBytes());
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["KB_per_doc"] = static_cast<double>(CorpusBytes()) / 1024.0 / static_cast<double>(docs.size());
}
BENCHMARK(BM_AnnotateCorpus)->ArgName("part")->DenseRange(0, 6)->Unit(benchmark::kMillisecond);

// The corpus texts joined (in file order, a blank line between) into articles of about
// range(0) bytes each, as the pipeline meets them: the whole Annotate per article. Beside
// bytes/s it reports articles/s, so that the cost per document (records, ids, per-call
// set-up) shows next to the cost per byte; compare /1024 with /16384.
void BM_AnnotateArticles(benchmark::State& state) {
  AnnotateData data;
  if (!data.Ready(state)) return;
  auto& res = data.res;
  auto& lex = data.lex;
  auto& tagger = data.tagger;
  const size_t target = static_cast<size_t>(state.range(0));
  std::vector<sitrep::Document> docs;
  std::string text;
  auto flush = [&]() {
    if (text.empty()) return;
    sitrep::Document d;
    d.id = "article" + std::to_string(docs.size());
    d.text = std::move(text);
    d.date.value = "2016-03-28";
    d.date.precision = sitrep::DatePrecision::kDay;
    (void)sitrep::text::Annotate(d);
    docs.push_back(std::move(d));
    text.clear();
  };
  for (const sitrep::Document& d : Corpus()) {
    if (!text.empty()) text += "\n\n";
    text += d.text;
    if (text.size() >= target) flush();
  }
  flush();
  if (docs.empty()) {
    state.SkipWithError("no documents under examples/ or tests/data/gold/");
    return;
  }
  int64_t bytes = 0;
  for (const auto& d : docs) bytes += static_cast<int64_t>(d.text.size());
  sitrep::extract::Annotator a{*res, lex->get(), tagger->get()};
  for (auto _ : state) {
    for (sitrep::Document& d : docs) {
      sitrep::extract::Annotate(a, d);
      benchmark::DoNotOptimize(d.events.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["KB_per_doc"] = static_cast<double>(bytes) / 1024.0 / static_cast<double>(docs.size());
  state.counters["docs_per_second"] =
      benchmark::Counter(static_cast<double>(docs.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_AnnotateArticles)->Arg(1 << 10)->Arg(4 << 10)->Arg(16 << 10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
