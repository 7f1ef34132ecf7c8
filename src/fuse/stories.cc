// BuildStories: one story per real event, from the event records of many documents.
//
// Decisions (each is a choice; the reason is beside it):
//
// * Same type only. control_gained and control_lost stay separate stories even when they
//   tell one change of hands from two sides ("X took P" / "Y withdrew from P"): the
//   ontology keeps the side that was stated, a story lists what sources said, and the
//   control timeline (timeline.cc) pairs the two sides itself.
// * Modes. Statuses fall into classes that never merge with each other: facts (asserted,
//   reported, denied, and background recalls), attempts, expectations (planned,
//   conditional) and negations. A background recall joins the fact story of its own
//   date; its date is used only when the sentence states one (a recall dated by the
//   document date would create a story on the wrong day, so it counts as undated).
// * Place. Same resolved id (or the same folded words when unresolved). A country-level
//   place (or one resolved only to a region) is compatible with any place of that
//   country; a mention without a place may join a story only by its parties and a date.
// * Date. Every mention has a day range: the sentence's own date at its precision; or,
//   when it only had the document date, the window of the 3 days up to that date (news
//   reports what happened on the day or just before); or none. Ranges must overlap; a
//   story keeps the intersection of its members' sentence dates (the finest agreeing).
// * Parties. The side of each party (core::SideOf: a state's army and government are one
//   side) must not contradict: two resolved agents on different sides are two events.
// * Undated mentions (and those dated only by a document dated to a month or a year)
//   join a story only when exactly one story of the same type has the same place and at
//   least one party on the same side; otherwise they stay a story of
//   their own (DateDocuments may later date their document, and Settle re-extracts it).
// * Copies. Mentions from a near-duplicate copy (FindDuplicates) count as mentions, but
//   documents and sources are counted on the canonical document of each group.
//
// Order independence: mentions are placed most precise first (day, month, year, window,
// undated), then by date and id, and each joins the best compatible story so far (same
// exact place first, then most mentions, then smallest first id). The order is a function
// of the records' content only, so any input order (and any sharding) gives the same
// stories. Cost: buckets by (type, class, place) and by (type, class, side) keep it
// near-linear.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "fuse/core_util.h"
#include "fuse/parts.h"

namespace sitrep::fuse {
namespace {

using core::DayRange;

enum class Mode { kFact, kAttempt, kExpect, kNegated };

Mode ModeOf(const std::string& status) {
  if (status == "attempted") return Mode::kAttempt;
  if (status == "planned" || status == "conditional") return Mode::kExpect;
  if (status == "negated") return Mode::kNegated;
  return Mode::kFact;
}

struct Item {
  const EventRecord* e = nullptr;
  std::string group;    // type + mode
  std::string place;    // place key ("" none)
  bool coarse = false;  // country-level place
  std::string country;
  std::string agent, target;  // sides
  DayRange range;       // explicit (sentence) or window
  bool explicit_date = false;
  int rank = 0;         // 0 day, 1 month, 2 year, 3 window, 4 undated
};

struct Cluster {
  std::string group;
  std::string place;  // first specific place key; "" until one joins
  std::string country;
  std::string agent, target;
  DayRange range;     // intersection of explicit ranges, else union of windows
  bool explicit_date = false;
  std::vector<const Item*> items;
  std::vector<std::string> keys;  // index keys it is listed under
};

// Window of days a document-dated mention may refer to.
constexpr int64_t kWindowDays = 3;

Item MakeItem(const EventRecord& e, const std::unordered_map<std::string, const DocInfo*>& docs,
              const std::unordered_map<std::string, std::string>& types) {
  Item it;
  it.e = &e;
  it.group = e.type + "|" + std::to_string(static_cast<int>(ModeOf(e.status)));
  const EntityRef& place = core::PlaceOf(e);
  it.coarse = core::IsCoarsePlace(place);
  it.place = it.coarse ? "" : core::PlaceKey(place);
  it.country = place.country;
  it.agent = core::SideOf(e.agent, types);
  it.target = e.target.kind == "place" ? "" : core::SideOf(e.target, types);
  const bool background = e.status == "background";
  auto doc = docs.find(e.document);
  static const DocumentDate kNoDate;
  const DocumentDate& doc_date = doc == docs.end() ? kNoDate : doc->second->date;
  core::When when = core::WhenOf(e, doc_date);
  if (when.range.ok) {
    it.range = when.range;
    it.explicit_date = true;
  } else if (!background && !when.unresolved &&
             (when.from_document || (e.time_source != "none" && e.time_source != "no single date"))) {
    // Only the document's date: the event happened on it or shortly before.
    DayRange r = core::ParseIso(doc_date.value);
    if (r.ok) it.range = {true, r.first - (r.precision == DatePrecision::kDay ? kWindowDays : 0),
                          r.last, r.precision};
  }
  if (it.explicit_date) {
    it.rank = it.range.precision == DatePrecision::kDay     ? 0
              : it.range.precision == DatePrecision::kMonth ? 1
                                                            : 2;
  } else {
    it.rank = it.range.ok ? 3 : 4;
  }
  return it;
}

bool SidesAgree(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

// 0: incompatible; higher: better.
int Fit(const Cluster& c, const Item& it) {
  if (c.group != it.group) return 0;
  int score = 1;
  if (!it.place.empty()) {
    if (!c.place.empty() && c.place != it.place) return 0;
    if (c.place.empty() && !c.country.empty() && !it.country.empty() && c.country != it.country)
      return 0;
    if (c.place == it.place) score += 4;
  } else if (it.coarse) {
    if (!c.country.empty() && !it.country.empty() && c.country != it.country) return 0;
  }
  if (!SidesAgree(c.agent, it.agent) || !SidesAgree(c.target, it.target)) return 0;
  bool party_match = (!it.agent.empty() && it.agent == c.agent) ||
                     (!it.target.empty() && it.target == c.target);
  if (party_match) score += 2;
  // A story without a place takes a placed mention only through a shared party.
  if (!it.place.empty() && c.place.empty() && !party_match) return 0;
  // Dated only by a document dated to a month or a year: as weak as undated.
  const bool vague = !it.explicit_date && it.range.ok && it.range.precision != DatePrecision::kDay;
  if (vague && !party_match) return 0;
  if (it.range.ok) {
    if (!c.range.ok) {
      // A dated mention joins an undated story only like an undated one would.
      if (it.place.empty() || c.place != it.place || !party_match) return 0;
    } else if (!core::Overlap(c.range, it.range)) {
      return 0;
    }
  } else {
    // Undated: needs the same specific place and a party on the same side.
    if (it.place.empty() || c.place != it.place || !party_match) return 0;
  }
  // Without a specific place on either side, a shared party and an exact day are needed.
  if (it.place.empty() && (!party_match || !it.explicit_date || it.rank != 0)) return 0;
  return score;
}

void Add(Cluster& c, const Item& it) {
  if (c.place.empty() && !it.place.empty()) c.place = it.place;
  if (c.country.empty()) c.country = it.country;
  if (c.agent.empty()) c.agent = it.agent;
  if (c.target.empty()) c.target = it.target;
  if (it.range.ok) {
    if (it.explicit_date) {
      if (!c.explicit_date || !c.range.ok) {
        c.range = it.range;
      } else {
        c.range.first = std::max(c.range.first, it.range.first);
        c.range.last = std::min(c.range.last, it.range.last);
        if (it.range.precision > c.range.precision) c.range.precision = it.range.precision;
      }
      c.explicit_date = true;
    } else if (!c.range.ok) {
      c.range = it.range;
    }
  }
  c.items.push_back(&it);
}

// The most often resolved value (ties: smaller id); else the most frequent words.
EntityRef Commonest(const std::vector<const EntityRef*>& refs) {
  std::map<std::string, std::pair<int, const EntityRef*>> by_id, by_text;
  for (const EntityRef* r : refs) {
    if (r->empty()) continue;
    auto& m = r->id.empty() ? by_text : by_id;
    const std::string& key = r->id.empty() ? r->text : r->id;
    auto& slot = m[key];
    ++slot.first;
    if (slot.second == nullptr) slot.second = r;
  }
  auto best = [](const auto& m) -> const EntityRef* {
    const EntityRef* out = nullptr;
    int n = 0;
    for (const auto& [k, v] : m)
      if (v.first > n) n = v.first, out = v.second;
    return out;
  };
  if (const EntityRef* r = best(by_id)) return *r;
  if (const EntityRef* r = best(by_text)) return *r;
  return {};
}

std::string OutletKey(const DocInfo* d, const std::string& doc_id) {
  if (d != nullptr && !d->outlet.empty()) return d->outlet;
  return "doc:" + doc_id;
}

Story MakeStory(const Cluster& c, const std::unordered_map<std::string, const DocInfo*>& docs,
                const std::unordered_map<std::string, std::string>& canonical) {
  Story s;
  std::vector<const EntityRef*> agents, targets, places;
  std::set<std::string> documents, sources;
  int best_status = -1;
  for (const Item* it : c.items) {
    const EventRecord& e = *it->e;
    s.events.push_back(e.id);
    agents.push_back(&e.agent);
    targets.push_back(&e.target);
    places.push_back(&core::PlaceOf(e));
    int rank = core::StatusRank(e.status);
    if (rank > best_status) best_status = rank, s.status = e.status;
    auto canon = canonical.find(e.document);
    const std::string& doc = canon == canonical.end() ? e.document : canon->second;
    documents.insert(doc);
    auto d = docs.find(doc);
    sources.insert(OutletKey(d == docs.end() ? nullptr : d->second, doc));
    auto own = docs.find(e.document);
    s.evidence.push_back(core::EvidenceOf(
        e, own == docs.end() ? e.reported_by : own->second->outlet));
  }
  s.type = c.items.front()->e->type;
  std::sort(s.events.begin(), s.events.end());
  s.id = core::IdOf('s', s.events);
  s.agent = Commonest(agents);
  s.target = Commonest(targets);
  // The place: the most precise resolved one (a town over its country).
  std::vector<const EntityRef*> fine;
  for (const EntityRef* p : places)
    if (!core::IsCoarsePlace(*p)) fine.push_back(p);
  s.place = Commonest(fine.empty() ? places : fine);
  if (c.range.ok) {
    if (c.explicit_date && c.range.first == c.range.last) {
      s.date = core::CivilFromDays(c.range.first);
      s.date_precision = DatePrecision::kDay;
    } else {
      std::string a = core::CivilFromDays(c.range.first), b = core::CivilFromDays(c.range.last);
      if (!c.explicit_date) {
        s.date = b;  // by the document date at the latest
        s.date_precision = c.range.precision;
        if (s.date_precision == DatePrecision::kMonth) s.date = b.substr(0, 7);
        if (s.date_precision == DatePrecision::kYear) s.date = b.substr(0, 4);
      } else if (a.substr(0, 7) == b.substr(0, 7)) {
        s.date = a.substr(0, 7);
        s.date_precision = DatePrecision::kMonth;
      } else if (a.substr(0, 4) == b.substr(0, 4)) {
        s.date = a.substr(0, 4);
        s.date_precision = DatePrecision::kYear;
      }
    }
  }
  s.num_mentions = static_cast<uint32_t>(c.items.size());
  s.num_documents = static_cast<uint32_t>(documents.size());
  s.num_sources = static_cast<uint32_t>(sources.size());
  std::sort(s.evidence.begin(), s.evidence.end(), [](const Evidence& a, const Evidence& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.doc != b.doc) return a.doc < b.doc;
    return a.record < b.record;
  });
  return s;
}

}  // namespace

namespace {

// `slow`: every story so far is a candidate for every mention (no buckets); the same
// result, for tests.
std::vector<Story> Build(const Input& in, const std::vector<DuplicateGroup>& dups, bool slow) {
  std::unordered_map<std::string, const DocInfo*> docs;
  for (const DocInfo& d : in.docs) docs.emplace(d.id, &d);
  std::unordered_map<std::string, std::string> canonical;
  for (const DuplicateGroup& g : dups)
    for (const std::string& c : g.copies) canonical.emplace(c, g.canonical);
  const auto types = core::ActorTypes(in.mentions);

  std::vector<Item> items;
  items.reserve(in.events.size());
  for (const EventRecord& e : in.events) {
    if (e.type.empty() || e.line_kind == LineKind::kDropped) continue;
    items.push_back(MakeItem(e, docs, types));
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.range.first != b.range.first) return a.range.first < b.range.first;
    return a.e->id < b.e->id;
  });

  std::vector<Cluster> clusters;
  // Candidate stories: by group + specific place; by group + side for stories without a
  // specific place; by group + side for all (for mentions without a place).
  std::unordered_map<std::string, std::vector<size_t>> by_place, placeless_side, any_side;
  auto key = [](const std::string& g, const std::string& k) { return g + "\t" + k; };
  auto index = [&](size_t i) {
    Cluster& c = clusters[i];
    std::vector<std::string> keys;
    if (!c.place.empty()) keys.push_back("p" + key(c.group, c.place));
    for (const std::string* side : {&c.agent, &c.target}) {
      if (side->empty()) continue;
      keys.push_back("a" + key(c.group, *side));
      if (c.place.empty()) keys.push_back("s" + key(c.group, *side));
    }
    for (std::string& k : keys) {
      if (std::find(c.keys.begin(), c.keys.end(), k) != c.keys.end()) continue;
      auto& m = k[0] == 'p' ? by_place : k[0] == 'a' ? any_side : placeless_side;
      m[k.substr(1)].push_back(i);
      c.keys.push_back(std::move(k));
    }
  };
  std::vector<size_t> cands;
  for (const Item& it : items) {
    cands.clear();
    auto take = [&](const auto& m, const std::string& k) {
      auto f = m.find(k);
      if (f != m.end()) cands.insert(cands.end(), f->second.begin(), f->second.end());
    };
    if (!it.place.empty()) {
      take(by_place, key(it.group, it.place));
      if (!it.agent.empty()) take(placeless_side, key(it.group, it.agent));
      if (!it.target.empty()) take(placeless_side, key(it.group, it.target));
    } else if (it.explicit_date && it.rank == 0) {
      if (!it.agent.empty()) take(any_side, key(it.group, it.agent));
      if (!it.target.empty()) take(any_side, key(it.group, it.target));
    }
    if (slow) {
      cands.resize(clusters.size());
      for (size_t i = 0; i < clusters.size(); ++i) cands[i] = i;
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    size_t best = SIZE_MAX;
    int best_fit = 0, fits = 0;
    for (size_t i : cands) {
      int f = Fit(clusters[i], it);
      if (f == 0) continue;
      ++fits;
      bool better = f > best_fit ||
                    (f == best_fit && clusters[i].items.size() > clusters[best].items.size());
      if (better) best = i, best_fit = f;
    }
    // Undated, or dated only by a coarse document date, and ambiguous: its own story.
    bool loose = !it.range.ok || (!it.explicit_date && it.range.last - it.range.first > 7);
    if (loose && fits > 1) best = SIZE_MAX;
    if (best == SIZE_MAX) {
      Cluster c;
      c.group = it.group;
      clusters.push_back(std::move(c));
      best = clusters.size() - 1;
    }
    Add(clusters[best], it);
    index(best);
  }

  std::vector<Story> made;
  made.reserve(clusters.size());
  for (const Cluster& c : clusters) made.push_back(MakeStory(c, docs, canonical));
  // By date (undated last), then id; an index is sorted so each story moves once.
  std::vector<uint32_t> order(made.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Story& a = made[x];
    const Story& b = made[y];
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    return a.id < b.id;
  });
  std::vector<Story> out;
  out.reserve(made.size());
  for (uint32_t i : order) out.push_back(std::move(made[i]));
  return out;
}

}  // namespace

std::vector<Story> BuildStories(const Input& in, const std::vector<DuplicateGroup>& dups) {
  return Build(in, dups, false);
}

std::vector<Story> BuildStoriesSlow(const Input& in, const std::vector<DuplicateGroup>& dups) {
  return Build(in, dups, true);
}

}  // namespace sitrep::fuse
