// The fuse tables (claims table, conflicts, outlet profiles) over synthetic records: many
// documents, claims of a few kinds about a few parties at a few places, a third of them with
// no party or place stated, so that the adoption steps work.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "fuse/parts.h"

namespace sitrep::fuse {
namespace {

EntityRef Ref(const std::string& id, const std::string& kind) {
  EntityRef e;
  if (id.empty()) return e;
  e.id = id;
  e.name = id;
  e.text = id;
  e.kind = kind;
  return e;
}

Input MakeInput(int docs, int claims_per_doc) {
  std::mt19937 rng(1);
  const char* parties[] = {"", "", "isis", "hts", "forces:SY", "gov:SY", "ndf", "sdf"};
  const char* types[] = {"non-state armed group", "non-state armed group", "state armed forces", "government",
                         "militia", "non-state armed group"};
  const char* kinds[] = {"killed", "wounded", "troops", "tanks", "people", "strikes"};
  const char* items[] = {"fighters", "soldiers", "militants", "civilians", "men"};
  const char* triggers[] = {"captured", "recaptured", "liberated", "seized", "took"};
  Input in;
  for (int d = 0; d < docs; ++d) {
    DocInfo doc;
    doc.id = "d" + std::to_string(d);
    doc.outlet = "outlet" + std::to_string(d % 40);
    in.docs.push_back(doc);
    for (int k = 0; k < 6; ++k) {
      MentionRecord m;
      m.id = doc.id + ":m" + std::to_string(k);
      m.document = doc.id;
      m.entity = Ref(parties[2 + k], "actor");
      m.entity.text = k % 2 ? "the group" : parties[2 + k];
      m.type = types[k];
      in.mentions.push_back(m);
      EventRecord e;
      e.id = doc.id + ":e" + std::to_string(k);
      e.document = doc.id;
      e.type = "control_gained";
      e.trigger = triggers[rng() % 5];
      in.events.push_back(e);
    }
    for (int c = 0; c < claims_per_doc; ++c) {
      ClaimRecord r;
      r.id = doc.id + ":c" + std::to_string(c);
      r.document = doc.id;
      r.kind = kinds[rng() % 6];
      r.item = items[rng() % 5];
      r.low = static_cast<double>(rng() % 1000);
      r.high = rng() % 2 ? r.low : -1;
      r.about = Ref(parties[rng() % 8], "actor");
      r.place = Ref(rng() % 3 ? "GN:" + std::to_string(rng() % 50) : "", "place");
      r.date = "2016-" + std::to_string(10 + rng() % 3) + "-1" + std::to_string(rng() % 10);
      r.quote = "Some sentence with " + std::to_string(static_cast<int>(r.low)) + " " + r.item + " in it.";
      r.span = {20, 20 + static_cast<uint32_t>(r.quote.size()) - 27};
      in.claims.push_back(r);
    }
  }
  return in;
}

void BM_GroupClaims(benchmark::State& state) {
  Input in = MakeInput(static_cast<int>(state.range(0)), 5);
  for (auto _ : state) benchmark::DoNotOptimize(GroupClaims(in, {}));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.claims.size()));
}
BENCHMARK(BM_GroupClaims)->Arg(1000)->Arg(10000);

void BM_FindConflicts(benchmark::State& state) {
  Input in = MakeInput(static_cast<int>(state.range(0)), 5);
  Fusion f;
  f.claim_groups = GroupClaims(in, {});
  for (auto _ : state) benchmark::DoNotOptimize(FindConflicts(in, f));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.claims.size()));
}
BENCHMARK(BM_FindConflicts)->Arg(1000)->Arg(10000);

void BM_ProfileOutlets(benchmark::State& state) {
  Input in = MakeInput(static_cast<int>(state.range(0)), 5);
  for (auto _ : state) benchmark::DoNotOptimize(ProfileOutlets(in));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.mentions.size() + in.events.size()));
}
BENCHMARK(BM_ProfileOutlets)->Arg(1000)->Arg(10000);

}  // namespace
}  // namespace sitrep::fuse

BENCHMARK_MAIN();
