// How fast the record writers turn events and claims into JSON Lines, CSV and ACLED CSV
// (what `sitrep extract`, `events` and `export` spend after extraction). Bytes are the
// output bytes written.
#include <sstream>

#include <benchmark/benchmark.h>

#include "report/records_json.h"

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
