// Internal to fuse/ tests and bench/bench_fuse.cc. A synthetic war for fusion: documents
// from a few outlets reporting events at many places over two years, some of them twice
// (other outlets report the same event), some as syndicated copies, with statuses,
// relative dates, claims and actor mentions in realistic proportions. Deterministic for a
// given seed; nothing here comes from real articles.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "fuse/fuse.h"

namespace sitrep::fuse::synthetic {

// `places` 0: one place per 50 events (at least 8); otherwise that many places (a fixed
// map with more and more reports, the shape that makes per-place buckets grow).
// `undated_one_in`: one document in that many has no date.
inline Input Make(uint32_t events, uint32_t seed = 1, uint32_t places_wanted = 0,
                  uint32_t undated_one_in = 20) {
  std::mt19937 rng(seed);
  auto pick = [&](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
  static const char* kTypes[] = {"control_gained", "control_lost", "air_strike", "shelling",
                                 "armed_clash",    "killing",      "deployment", "destruction"};
  static const char* kStatus[] = {"asserted", "asserted", "asserted", "reported", "reported",
                                  "background", "planned", "denied",  "attempted"};
  static const char* kActors[] = {"gov:XA", "forces:XA", "rebels", "front", "militia-x",
                                  "forces:XB", "jihad-y", "gov:XC", "forces:XC", "tribe-z"};
  static const char* kOutlets[] = {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"};
  const uint32_t places = places_wanted != 0 ? places_wanted : std::max(8u, events / 50);
  const uint32_t per_doc = 8;
  const uint32_t docs = std::max(1u, events / per_doc);
  Input in;
  auto entity = [](const std::string& id, const char* kind) {
    EntityRef e;
    e.id = e.name = e.text = id;
    e.kind = kind;
    return e;
  };
  // Real events: (type, place, agent, day); each reported by one to three documents.
  struct Truth {
    uint32_t type, place, agent, target;
    int day;
  };
  std::vector<Truth> truth(std::max(1u, events / 2));
  for (Truth& t : truth) t = {pick(8), pick(places), pick(10), pick(10), 16800 + static_cast<int>(pick(730))};
  std::string filler;
  for (uint32_t d = 0; d < docs; ++d) {
    DocInfo doc;
    char id[32];
    std::snprintf(id, sizeof id, "h%015x", d * 2654435761u + seed);
    doc.id = id;
    doc.outlet = kOutlets[pick(6)];
    bool undated = pick(undated_one_in) == 0;
    int day = 16800 + static_cast<int>(pick(730));
    if (!undated) {
      int y = 2016 + (day - 16800) / 365, doy = (day - 16800) % 365;
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, 1 + doy / 31 % 12, 1 + doy % 28);
      doc.date.value = iso;
      doc.date.precision = DatePrecision::kDay;
      doc.date.source = DateSource::kDateline;
    }
    filler = "report " + doc.id;
    for (int w = 0; w < 60; ++w) filler += " w" + std::to_string(pick(500));
    doc.minhash = MinHash(pick(30) == 0 && d > 0 ? "copy " + std::to_string(d - 1) : filler);
    for (uint32_t k = 0; k < per_doc && in.events.size() < events; ++k) {
      const Truth& t = truth[pick(static_cast<uint32_t>(truth.size()))];
      EventRecord e;
      e.id = doc.id + ":e" + std::to_string(k);
      e.document = doc.id;
      e.sentence = k;
      e.type = kTypes[t.type];
      e.status = kStatus[pick(9)];
      e.trigger = pick(5) == 0 ? "recaptured" : "took";
      if (pick(4) != 0) e.agent = entity(kActors[t.agent], "actor");
      if (pick(3) == 0) e.target = entity(kActors[t.target], "actor");
      e.place = entity("GN:" + std::to_string(1000 + t.place), "place");
      e.place.country = t.place % 3 == 0 ? "XA" : t.place % 3 == 1 ? "XB" : "XC";
      e.place.precision = 1;
      int y = 2016 + (t.day - 16800) / 365, doy = (t.day - 16800) % 365;
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, 1 + doy / 31 % 12, 1 + doy % 28);
      uint32_t how = pick(4);
      if (how == 0) {
        e.date = std::string(iso).substr(0, 7);
        e.date_precision = DatePrecision::kMonth;
        e.time_source = "sentence";
      } else if (how == 1 && !undated) {
        e.date = doc.date.value;
        e.date_precision = DatePrecision::kDay;
        e.time_source = "document date";
      } else if (how == 2 && undated) {
        e.time_source = "none";
      } else {
        e.date = iso;
        e.date_precision = DatePrecision::kDay;
        e.time_source = "sentence";
      }
      e.timex = e.date;
      e.reported_by = doc.outlet;
      e.quote = "sentence " + std::to_string(k) + " of " + doc.id;
      if (pick(3) == 0) {
        ClaimRecord c;
        c.id = doc.id + ":c" + std::to_string(k);
        c.document = doc.id;
        c.sentence = k;
        c.kind = pick(2) ? "killed" : "troops";
        c.item = "fighters";
        c.low = 10 + pick(200);
        c.high = pick(2) ? c.low : c.low + pick(50);
        c.about = e.agent;
        c.place = e.place;
        c.date = e.date;
        c.date_precision = e.date_precision;
        c.event = e.id;
        c.reported_by = doc.outlet;
        c.quote = e.quote;
        in.claims.push_back(std::move(c));
      }
      for (const EntityRef* party : {&e.agent, &e.target}) {
        if (party->empty()) continue;
        MentionRecord m;
        m.id = doc.id + ":m" + std::to_string(in.mentions.size());
        m.document = doc.id;
        m.sentence = k;
        m.entity = *party;
        m.type = party->id.find(':') != std::string::npos ? "state armed forces" : "non-state armed group";
        in.mentions.push_back(std::move(m));
      }
      in.events.push_back(std::move(e));
    }
    in.docs.push_back(std::move(doc));
  }
  return in;
}

}  // namespace sitrep::fuse::synthetic
