// How fast the record writers turn events and claims into JSON Lines, CSV and ACLED CSV
// (what `sitrep extract`, `events` and `export` spend after extraction). Bytes are the
// output bytes written. The *Direct benchmarks and BM_ExtractLines/direct:1 use the direct
// writer of report/records_jsonl.h, the others the nlohmann builders (its slow twin).
#include <filesystem>
#include <sstream>

#include <benchmark/benchmark.h>

#include "report/records_json.h"
#include "report/records_jsonl.h"
#include "sitrep/pipeline.h"

namespace sitrep::report {
namespace {

EntityRef Entity(const std::string& text, const std::string& id, const std::string& kind) {
  EntityRef e;
  e.text = text;
  e.id = id;
  e.name = text;
  e.kind = kind;
  e.how = "lexicon";
  e.span = {100, 100 + static_cast<uint32_t>(text.size())};
  if (kind == "place") {
    e.has_position = true;
    e.lat = 34.56;
    e.lon = 38.27;
    e.precision = 1;
  }
  return e;
}

std::vector<EventRecord> Events(size_t n) {
  std::vector<EventRecord> out;
  for (size_t i = 0; i < n; ++i) {
    EventRecord e;
    e.id = "h0123456789abcdef:e" + std::to_string(i);
    e.document = "h0123456789abcdef";
    e.sentence = static_cast<uint32_t>(i);
    e.span = {120, 128};
    e.trigger = "captured";
    e.type = i % 2 ? "control_gained" : "air_strike";
    e.status = "reported";
    e.frame = "verb";
    e.rule = "verb active";
    e.agent = Entity("government forces", "forces:ZZ", "actor");
    e.place = Entity("Northtown", "GN:123456", "place");
    e.date = "2020-05-04";
    e.date_precision = DatePrecision::kDay;
    e.timex = "2020-05-04";
    e.time_source = "sentence";
    e.claimed_by = Entity("a military source", "", "");
    e.reported_by = "Daily Example";
    e.quote = "Government forces captured Northtown on Monday after heavy fighting, a military "
              "source said, adding that at least 40 fighters had been killed.";
    out.push_back(e);
  }
  return out;
}

std::vector<ClaimRecord> Claims(size_t n) {
  std::vector<ClaimRecord> out;
  for (size_t i = 0; i < n; ++i) {
    ClaimRecord c;
    c.id = "h0123456789abcdef:c" + std::to_string(i);
    c.document = "h0123456789abcdef";
    c.event = "h0123456789abcdef:e" + std::to_string(i);
    c.kind = "killed";
    c.item = "fighters";
    c.low = 40;
    c.modifier = "at least";
    c.effect = "at_least";
    c.about = Entity("rebels", "", "actor");
    c.claimed_by = Entity("a military source", "", "");
    c.reported_by = "Daily Example";
    c.date = "2020-05-04";
    c.quote = "At least 40 fighters had been killed, the source said.";
    out.push_back(c);
  }
  return out;
}

void BM_EventJsonLines(benchmark::State& state) {
  auto events = Events(1000);
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    for (const EventRecord& e : events) {
      out << EventJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    bytes += out.str().size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events.size()));
}
BENCHMARK(BM_EventJsonLines);

void BM_ClaimJsonLines(benchmark::State& state) {
  auto claims = Claims(1000);
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    for (const ClaimRecord& c : claims) {
      out << ClaimJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    bytes += out.str().size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * claims.size()));
}
BENCHMARK(BM_ClaimJsonLines);

void BM_EventJsonLinesDirect(benchmark::State& state) {
  auto events = Events(1000);
  size_t bytes = 0;
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const EventRecord& e : events) {
      AppendEventJson(e, "", &out);
      out.push_back('\n');
    }
    benchmark::DoNotOptimize(out.data());
    bytes += out.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events.size()));
}
BENCHMARK(BM_EventJsonLinesDirect);

void BM_ClaimJsonLinesDirect(benchmark::State& state) {
  auto claims = Claims(1000);
  size_t bytes = 0;
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const ClaimRecord& c : claims) {
      AppendClaimJson(c, "", &out);
      out.push_back('\n');
    }
    benchmark::DoNotOptimize(out.data());
    bytes += out.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * claims.size()));
}
BENCHMARK(BM_ClaimJsonLinesDirect);

// The documents of examples/ and tests/data/gold/dev through the whole pipeline (as
// `sitrep extract` sees them in its sink), once.
const std::vector<Document>& CorpusDocuments() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    std::vector<std::string> paths;
    for (const char* dir : {"/examples", "/tests/data/gold/dev"}) {
      if (std::filesystem::exists(std::string(SITREP_SOURCE_DIR) + dir)) paths.push_back(SITREP_SOURCE_DIR + std::string(dir));
    }
    PipelineOptions options;
    options.threads = 1;
    auto pipeline = Pipeline::Create(options);
    if (!pipeline.ok()) return out;
    auto sink = [&](Document& doc) -> Status {
      out.push_back(doc);
      return Status::Ok();
    };
    (void)(*pipeline)->Stream(paths, sink, nullptr);
    return out;
  }();
  return docs;
}

// What `sitrep extract --mentions` writes for the corpus: direct:0 the nlohmann path,
// direct:1 the direct writer. Bytes are the output bytes.
void BM_ExtractLines(benchmark::State& state) {
  const auto& docs = CorpusDocuments();
  if (docs.empty()) {
    state.SkipWithError("no corpus (examples/, tests/data/gold/dev) or no lexicon");
    return;
  }
  const bool direct = state.range(0) != 0;
  size_t bytes = 0;
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const Document& d : docs) {
      if (direct) AppendExtractLines(d, /*mentions=*/true, /*with_text=*/false, &out);
      else out += ExtractLinesSlow(d, /*mentions=*/true, /*with_text=*/false);
    }
    benchmark::DoNotOptimize(out.data());
    bytes += out.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_ExtractLines)->ArgName("direct")->DenseRange(0, 1)->Unit(benchmark::kMillisecond);

void BM_EventsCsv(benchmark::State& state) {
  auto events = Events(1000);
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    WriteEventsCsv(out, events);
    bytes += out.str().size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events.size()));
}
BENCHMARK(BM_EventsCsv);

void BM_AcledCsv(benchmark::State& state) {
  auto events = Events(1000);
  auto claims = Claims(1000);
  AcledMapping m;
  m.Add("control_gained", "Battles", "Government regains territory|Non-state actor overtakes territory");
  m.Add("air_strike", "Explosions/Remote violence", "Air/drone strike");
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    WriteAcledCsv(out, events, claims, m);
    bytes += out.str().size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events.size()));
}
BENCHMARK(BM_AcledCsv);

}  // namespace
}  // namespace sitrep::report

BENCHMARK_MAIN();
