// GroupClaims: the claims table. Numbers from every document grouped by what they count,
// with each source's value and a combined low / best / high.
//
// Grouping. Two claims share a group when they agree on all of
//   kind     the claim kind (killed, wounded, troops, tanks, ...; guns also by calibre).
//            Distances are measurements, not counts of the war, and are left out.
//   party    who is counted: the resolved actor of `about` (a state's armed forces and its
//            government are one party, "state:CC": "government losses" and "army losses"
//            count the same side); else the words of `about` as written; else, for a
//            civilian noun ("civilians", "residents", "people"), the party "civilians".
//   place    the resolved place (else its words), from the claim, else from its story.
//   period   the month of its date (from the claim, else from its story). A date known
//            only to the year takes the month of its document's date when that falls in
//            the same year (a number is news of the day it is published); else it stays
//            the year.
//   incident for numbers of an incident (killed, wounded, missing, killed_or_missing,
//            captured, strikes, missiles): the story its event belongs to. Two death tolls
//            of different stories (a strike on Saturday, a raid overnight) are two
//            incidents, not two views of one; strengths and holdings (troops, people,
//            tanks, guns, territory_share, ...) are states and are not split by story.
// The party may be left unstated by the sentence ("more than 3,000 fighters"). Before
// grouping, four adoptions fill gaps, each decided from all claims at once (so input
// order never matters) and only when exactly one candidate exists:
//   1. a claim dated only to the year (or not at all) at a place takes the month of the
//      other claims of its kind and party (or of any party when its own is unknown) at
//      that place, when they all fall in one month of it;
//   2. a claim without a place takes the place of the claims of its kind, party and
//      period, when they name one place;
//   3. a claim without a party takes the resolved party of the claims of its kind, place
//      and period, when there is one, and its type fits the counted noun: "militants",
//      "jihadists", "terrorists", "insurgents", "rebels" fit non-state groups and
//      militias; "soldiers", "troops", "officers", "policemen" fit state forces;
//      "fighters", "men", "members" and equipment fit either; civilian nouns none;
//   4. a number of an incident without a story takes the story of the claims of its
//      kind, party, place and period, when they belong to one.
//
// Combined figures, in the manner of UCDP's low / best / high:
//   - each value is reduced to the figures it states: [low, high] when both are given,
//     else the one stated bound twice ("more than 3,000" -> 3,000; "as many as 50" -> 50).
//     Vague open-ended words ("countless") state no figure and do not count;
//   - sources are independent voices: the claimant (its name, folded), else the outlet
//     speaking for itself. The same figures from the same source (one monitor
//     quoted by five outlets) count once, and so does the same sentence with the same
//     figures in several documents (a syndicated copy, one wire story on two sites);
//   - low  = the lowest figure any source states;
//     high = the highest figure any source states;
//     best = the median of the sources' point values (the middle of a stated range,
//            rounded down for whole counts); with an even number of sources the lower
//            of the two middle values, so that best is conservative and always a figure
//            some source gave or implied.
//   A group with no countable figure keeps -1 (open) in all three. A value whose words
//   state no figure ("countless", "untold") shows low and high -1 in the table.
//
// Subject: "<party> <what>, <place>, <period>", e.g. "Islamic State fighters, Sirte,
// 2016-12" or "Libyan armed forces dead, Sirte, 2016-08"; "<what> (party not stated)"
// when no party is known; incidents sharing a subject add "(<story type>, <date>)".
#include <algorithm>
#include <functional>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "fuse/parts.h"
#include "fuse/tables.h"
#include "text/fold.h"

namespace sitrep::fuse {
namespace {

enum class NounClass { kAny, kCivilian, kNonState, kState };
enum class ActorClass { kOther, kNonState, kState };

// What the counted noun says about who is counted. Nouns not listed (and equipment) fit
// any party.
NounClass ClassOfItem(std::string_view item) {
  std::string f = text::FoldForMatch(item);
  size_t sp = f.rfind(' ');
  std::string_view last = sp == std::string::npos ? std::string_view(f) : std::string_view(f).substr(sp + 1);
  static const std::set<std::string_view> kCivilian = {
      "civilians", "civilian", "people", "persons", "person", "children", "child", "women",
      "woman", "residents", "resident", "villagers", "villager", "inhabitants"};
  static const std::set<std::string_view> kNonState = {
      "militants", "militant", "jihadists", "jihadist", "terrorists", "terrorist", "insurgents",
      "insurgent", "rebels", "rebel", "militiamen", "militiaman", "extremists", "gunmen"};
  static const std::set<std::string_view> kState = {
      "soldiers", "soldier", "troops", "servicemen", "serviceman", "officers", "officer",
      "policemen", "policeman", "personnel", "conscripts", "marines", "paratroopers"};
  if (kCivilian.count(last)) return NounClass::kCivilian;
  if (kNonState.count(last)) return NounClass::kNonState;
  if (kState.count(last)) return NounClass::kState;
  return NounClass::kAny;
}

bool Fits(NounClass n, ActorClass a) {
  switch (n) {
    case NounClass::kAny: return true;
    case NounClass::kNonState: return a == ActorClass::kNonState;
    case NounClass::kState: return a == ActorClass::kState;
    case NounClass::kCivilian: return false;
  }
  return false;
}

bool IsIncident(std::string_view kind) {
  return kind == "killed" || kind == "wounded" || kind == "missing" || kind == "killed_or_missing" ||
         kind == "captured" || kind == "strikes" || kind == "missiles";
}

bool IsStateId(std::string_view id) { return id.starts_with("forces:") || id.starts_with("gov:"); }

std::string PartyKeyOfId(std::string_view id) {
  if (IsStateId(id)) return "state:" + std::string(id.substr(id.find(':') + 1));
  return "id:" + std::string(id);
}

std::string KindPhrase(std::string_view kind, ActorClass party) {
  static const std::map<std::string_view, std::string_view> kPhrase = {
      {"killed", "dead"}, {"wounded", "wounded"}, {"missing", "missing"},
      {"killed_or_missing", "dead or missing"}, {"captured", "taken prisoner"},
      {"people", "people"}, {"strikes", "strikes"}, {"missiles", "missiles, rockets and shells"},
      {"tanks", "tanks"}, {"bmps", "armoured vehicles"}, {"guns", "guns"},
      {"rocket_launchers", "rocket launchers"}, {"aircraft", "aircraft"},
      {"territory_share", "share of territory"}};
  if (kind == "troops") return party == ActorClass::kState ? "troops" : "fighters";
  auto it = kPhrase.find(kind);
  if (it != kPhrase.end()) return std::string(it->second);
  std::string s(kind);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

struct Item {
  const ClaimRecord* c = nullptr;
  std::string family;
  std::string outlet;
  std::string story;
  NounClass noun = NounClass::kAny;
  std::string party;        // "" unknown
  bool party_resolved = false;
  std::string place_key;    // "" unknown
  EntityRef place;
  std::string period;       // "YYYY-MM", "YYYY" or ""
  bool incident = false;
};

std::string PlaceKey(const EntityRef& p) {
  if (!p.id.empty()) return "id:" + p.id;
  if (!p.text.empty()) return "text:" + text::FoldForMatch(p.text);
  return "";
}

std::string PeriodOf(std::string_view date) {
  if (date.size() >= 7) return std::string(date.substr(0, 7));
  if (date.size() >= 4) return std::string(date.substr(0, 4));
  return "";
}

// One adoption step: an item that `wants` a value takes it from the other items of its
// `bucket` that are `eligible`, whose `tag` it `accepts`, when they offer exactly one
// distinct `value`. Decided on a snapshot, so order does not matter.
struct Step {
  std::function<bool(const Item&)> wants;
  std::function<std::string(const Item&)> bucket;
  std::function<bool(const Item&)> eligible;
  std::function<std::string(const Item&)> tag;
  std::function<bool(const Item&, const std::string&)> accepts;
  std::function<std::string(const Item&)> value;
  std::function<void(Item&, const std::string&)> set;
};

// Fast: candidates gathered once per bucket and tag (at most two distinct values kept:
// two already mean "no single candidate").
void Adopt(std::vector<Item>& items, const Step& st) {
  std::unordered_map<std::string, std::map<std::string, std::set<std::string>>> offers;
  for (const Item& y : items) {
    if (!st.eligible(y)) continue;
    std::string v = st.value(y);
    if (v.empty()) continue;
    std::set<std::string>& vs = offers[st.bucket(y)][st.tag(y)];
    if (vs.size() < 2) vs.insert(v);
  }
  std::vector<std::string> chosen(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (!st.wants(items[i])) continue;
    auto b = offers.find(st.bucket(items[i]));
    if (b == offers.end()) continue;
    std::set<std::string> cands;
    for (const auto& [tag, vs] : b->second) {
      if (!st.accepts(items[i], tag)) continue;
      cands.insert(vs.begin(), vs.end());
      if (cands.size() > 1) break;
    }
    if (cands.size() == 1) chosen[i] = *cands.begin();
  }
  for (size_t i = 0; i < items.size(); ++i)
    if (!chosen[i].empty()) st.set(items[i], chosen[i]);
}

// Slow and obvious: every pair. For tests (GroupClaimsSlow).
void AdoptSlow(std::vector<Item>& items, const Step& st) {
  std::vector<std::string> chosen(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (!st.wants(items[i])) continue;
    std::set<std::string> cands;
    for (size_t j = 0; j < items.size(); ++j) {
      const Item& y = items[j];
      if (j == i || !st.eligible(y) || st.bucket(y) != st.bucket(items[i]) || !st.accepts(items[i], st.tag(y)))
        continue;
      std::string v = st.value(y);
      if (!v.empty()) cands.insert(v);
    }
    if (cands.size() == 1) chosen[i] = *cands.begin();
  }
  for (size_t i = 0; i < items.size(); ++i)
    if (!chosen[i].empty()) st.set(items[i], chosen[i]);
}

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) {
    s += p;
    s += '\x1f';
  }
  return s;
}

// The figures a value states, or false when it states none.
bool Figures(const ClaimRecord& c, double* a, double* b) {
  if (c.vague && c.high < 0) return false;
  *a = c.low >= 0 ? c.low : c.high;
  *b = c.high >= 0 ? c.high : c.low;
  return *a >= 0;
}

// Most common value of `key(x)` over xs (ties: smallest key); returns the index or -1.
template <typename T, typename Key>
int MostCommon(const std::vector<T>& xs, Key key) {
  std::map<std::string, std::pair<int, int>> counts;  // key -> (count, first index)
  for (size_t i = 0; i < xs.size(); ++i) {
    std::string k = key(xs[i]);
    if (k.empty()) continue;
    auto [it, fresh] = counts.emplace(k, std::make_pair(0, static_cast<int>(i)));
    ++it->second.first;
  }
  int best = -1, best_n = 0;
  for (const auto& [k, v] : counts)
    if (v.first > best_n) best_n = v.first, best = v.second;
  return best;
}

}  // namespace

bool PartyKnown(const ClaimGroup& g) {
  return !g.about.empty() || g.subject.starts_with("civilians");
}

void CombineFigures(ClaimGroup& g) {
  std::set<std::tuple<std::string, double, double>> seen;
  std::vector<double> points;
  g.low = g.best = g.high = -1;
  for (const ClaimValue& v : g.values) {
    ClaimRecord c;
    c.low = v.low;
    c.high = v.high;
    double a, b;
    // ClaimValue does not keep `vague`; an open high with no low is the only case the
    // figure is missing altogether.
    if (!Figures(c, &a, &b)) continue;
    std::string source = v.claimed_by.empty() ? "outlet:" + v.outlet : "by:" + text::FoldForMatch(v.claimed_by);
    // The same sentence with the same figures (a syndicated copy, the wire story on two
    // sites) is one voice too, whoever carries it.
    std::string sentence = v.evidence.quote.empty() ? "" : "quote:" + v.evidence.quote;
    if (seen.count({source, a, b}) || (!sentence.empty() && seen.count({sentence, a, b}))) continue;
    seen.emplace(source, a, b);
    if (!sentence.empty()) seen.emplace(sentence, a, b);
    g.low = g.low < 0 ? a : std::min(g.low, a);
    g.high = std::max(g.high, b);
    double mid = (a + b) / 2;
    if (a == std::floor(a) && b == std::floor(b)) mid = std::floor(mid);
    points.push_back(mid);
  }
  if (points.empty()) return;
  std::sort(points.begin(), points.end());
  g.best = points[(points.size() - 1) / 2];
}

static std::vector<ClaimGroup> GroupClaimsImpl(const Input& in, const std::vector<Story>& stories, bool slow) {
  auto docs = DocsById(in);
  std::map<std::string, const Story*, std::less<>> story_of_event;
  for (const Story& s : stories)
    for (const std::string& e : s.events) story_of_event.emplace(e, &s);
  // Actor types from the mentions, for adoption.
  std::map<std::string, ActorClass, std::less<>> actor_class;
  for (const MentionRecord& m : in.mentions) {
    if (m.entity.kind != "actor" || m.entity.id.empty() || m.type.empty()) continue;
    ActorClass a = ActorClass::kOther;
    if (m.type == "state armed forces" || m.type == "government") a = ActorClass::kState;
    if (m.type == "non-state armed group" || m.type == "militia") a = ActorClass::kNonState;
    actor_class.emplace(m.entity.id, a);
  }
  auto class_of_party = [&](std::string_view party, std::string_view id) {
    if (party.starts_with("state:")) return ActorClass::kState;
    auto it = actor_class.find(id);
    return it == actor_class.end() ? ActorClass::kOther : it->second;
  };

  // Anchors for cutting each claim's words out of its sentence.
  auto sentence_key = [](const std::string& doc, uint32_t sentence) { return Join({doc, std::to_string(sentence)}); };
  std::unordered_map<std::string, std::vector<std::pair<Span, std::string_view>>> anchors;
  for (const ClaimRecord& c : in.claims) anchors[sentence_key(c.document, c.sentence)];
  for (const MentionRecord& m : in.mentions) {
    auto it = anchors.find(sentence_key(m.document, m.sentence));
    if (it != anchors.end()) it->second.emplace_back(m.entity.span, m.entity.text);
  }
  for (const EventRecord& e : in.events) {
    auto it = anchors.find(sentence_key(e.document, e.sentence));
    if (it != anchors.end()) it->second.emplace_back(e.span, e.trigger);
  }

  std::vector<Item> items;
  std::map<std::string, ActorClass> party_class;
  for (const ClaimRecord& c : in.claims) {
    if (c.kind.empty() || c.kind == "distance" || c.line_kind == LineKind::kDropped) continue;
    Item it;
    it.c = &c;
    it.family = c.kind;
    if (c.kind == "guns" && !c.calibre.empty()) it.family += "/" + c.calibre;
    auto d = docs.find(c.document);
    it.outlet = OutletName(d == docs.end() ? nullptr : d->second, c.reported_by);
    const Story* story = nullptr;
    if (!c.event.empty()) {
      auto s = story_of_event.find(c.event);
      if (s != story_of_event.end()) story = s->second;
    }
    if (story != nullptr) it.story = story->id;
    it.place = c.place;
    if (it.place.empty() && story != nullptr) it.place = story->place;
    it.place_key = PlaceKey(it.place);
    std::string date = c.date;
    if (date.empty() && story != nullptr) date = story->date;
    it.period = PeriodOf(date);
    if (it.period.size() == 4 && d != docs.end() && d->second->date.value.size() >= 7 &&
        d->second->date.value.starts_with(it.period)) {
      it.period = PeriodOf(d->second->date.value);
    }
    it.incident = IsIncident(c.kind);
    it.noun = ClassOfItem(c.item);
    if (!c.about.id.empty()) {
      it.party = PartyKeyOfId(c.about.id);
      it.party_resolved = true;
      party_class[it.party] = class_of_party(it.party, c.about.id);
    } else if (!c.about.text.empty()) {
      it.party = "text:" + text::FoldForMatch(c.about.text);
    } else if (it.noun == NounClass::kCivilian) {
      it.party = "civilians";
    }
    items.push_back(std::move(it));
  }

  // Claim id order, so that ties below (the first of equals) never depend on input order.
  std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.c->id < y.c->id; });

  auto adopt = slow ? AdoptSlow : Adopt;
  auto none = [](const Item&) { return std::string(); };
  auto all = [](const Item&, const std::string&) { return true; };
  // 1. Month from the other claims of the kind (and party) at the place.
  adopt(items, Step{
                   [](const Item& x) { return !x.place_key.empty() && x.period.size() < 7; },
                   [](const Item& x) { return Join({x.family, x.place_key}); },
                   [](const Item& y) { return y.period.size() == 7; },
                   [](const Item& y) { return Join({y.party, y.period}); },
                   [](const Item& x, const std::string& tag) {
                     size_t sep = tag.find('\x1f');
                     std::string_view party(tag.data(), sep), period(tag.data() + sep + 1, 7);
                     return (x.party.empty() || x.party == party) && period.starts_with(x.period);
                   },
                   [](const Item& y) { return y.period; },
                   [](Item& x, const std::string& v) { x.period = v; }});
  // 2. Place from the claims of the kind, party and period.
  std::map<std::string, EntityRef> place_by_key;
  for (const Item& x : items)
    if (!x.place_key.empty()) place_by_key.emplace(x.place_key, x.place);
  adopt(items, Step{
                   [](const Item& x) { return x.place_key.empty() && !x.party.empty(); },
                   [](const Item& x) { return Join({x.family, x.party, x.period}); },
                   [](const Item& y) { return !y.place_key.empty(); }, none, all,
                   [](const Item& y) { return y.place_key; },
                   [&](Item& x, const std::string& v) {
                     x.place_key = v;
                     x.place = place_by_key[v];
                   }});
  // 3. Party from the resolved parties of the kind, place and period.
  adopt(items, Step{
                   [](const Item& x) { return x.party.empty(); },
                   [](const Item& x) { return Join({x.family, x.place_key, x.period}); },
                   [](const Item& y) { return y.party_resolved; },
                   [](const Item& y) { return y.party; },
                   [&](const Item& x, const std::string& party) { return Fits(x.noun, party_class.at(party)); },
                   [](const Item& y) { return y.party; },
                   [](Item& x, const std::string& v) { x.party = v; }});
  // 4. Story of an incident from the claims of its kind, party, place and period.
  adopt(items, Step{
                   [](const Item& x) { return x.incident && x.story.empty(); },
                   [](const Item& x) { return Join({x.family, x.party, x.place_key, x.period}); },
                   [](const Item& y) { return !y.story.empty(); }, none, all,
                   [](const Item& y) { return y.story; },
                   [](Item& x, const std::string& v) { x.story = v; }});

  // The party each key stands for, for groups whose claims all adopted it.
  std::map<std::string, EntityRef> party_ref;
  for (const Item& x : items)
    if (x.party_resolved) party_ref.emplace(x.party, x.c->about);

  // Groups in any order (sorted at the end); members in claim id order.
  std::unordered_map<std::string, std::vector<const Item*>> by_key;
  for (const Item& x : items)
    by_key[Join({x.family, x.party, x.place_key, x.period, x.incident ? x.story : ""})].push_back(&x);

  std::vector<ClaimGroup> groups;
  for (const auto& [key, members] : by_key) {
    (void)key;
    ClaimGroup g;
    std::vector<std::string> ids;
    for (const Item* x : members) ids.push_back(x->c->id);
    g.id = SetId('g', ids);
    g.kind = members.front()->c->kind;
    g.date = members.front()->period;
    int a = MostCommon(members, [](const Item* x) { return x->c->about.id.empty() ? "" : x->c->about.id; });
    if (a < 0) a = MostCommon(members, [](const Item* x) { return text::FoldForMatch(x->c->about.text); });
    if (a >= 0) {
      g.about = members[a]->c->about;
    } else if (auto r = party_ref.find(members.front()->party); r != party_ref.end()) {
      g.about = r->second;  // a party adopted from claims now in other groups
    }
    int p = MostCommon(members, [](const Item* x) { return x->place_key; });
    if (p >= 0) g.place = members[p]->place;
    int s = MostCommon(members, [](const Item* x) { return x->story; });
    if (s >= 0) g.story = members[s]->story;

    const std::string& party = members.front()->party;
    std::string who = party == "civilians" ? "civilians" : g.about.label();
    auto pc = party_class.find(party);
    std::string what = KindPhrase(g.kind, pc == party_class.end() ? ActorClass::kOther : pc->second);
    if (g.kind == "guns" && !members.front()->c->calibre.empty())
      what = members.front()->c->calibre + " mm " + what;
    if (who.empty()) {
      g.subject = what + " (party not stated)";
    } else if (party == "civilians" && g.kind == "people") {
      g.subject = who;
    } else {
      g.subject = who + " " + what;
    }
    if (!g.place.label().empty()) g.subject += ", " + g.place.label();
    if (!g.date.empty()) g.subject += ", " + g.date;

    for (const Item* x : members) {
      const ClaimRecord& c = *x->c;
      ClaimValue v;
      v.claim = c.id;
      v.doc = c.document;
      v.outlet = x->outlet;
      v.claimed_by = c.claimed_by.label();
      v.low = c.low;
      v.high = c.high;
      if (c.vague && c.high < 0) v.low = v.high = -1;  // "countless": no figure
      v.text = ClaimText(c, anchors[sentence_key(c.document, c.sentence)]);
      Evidence& e = v.evidence;
      e.record = c.id;
      e.doc = c.document;
      e.outlet = v.outlet;
      e.sentence = c.sentence;
      e.span = c.span;
      e.quote = c.quote;
      e.claimed_by = v.claimed_by;
      e.date = c.date;
      e.value = v.text;
      g.values.push_back(std::move(v));
    }
    std::sort(g.values.begin(), g.values.end(), [](const ClaimValue& x, const ClaimValue& y) {
      return std::tie(x.outlet, x.claim) < std::tie(y.outlet, y.claim);
    });
    CombineFigures(g);
    groups.push_back(std::move(g));
  }
  // Incidents of one subject told apart by their story: "..., 2016-12 (air strike, 2016-12-10)",
  // the date being the story's, else the earliest of the group's claims; failing that, the
  // story's id.
  std::map<std::string, int> subjects;
  for (const ClaimGroup& g : groups) ++subjects[g.subject];
  std::map<std::string_view, const Story*> story_by_id;
  for (const Story& st : stories) story_by_id.emplace(st.id, &st);
  std::vector<bool> told_apart(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    ClaimGroup& g = groups[i];
    if (subjects[g.subject] < 2 || g.story.empty()) continue;
    auto st = story_by_id.find(g.story);
    std::string type = st == story_by_id.end() ? "" : st->second->type;
    std::replace(type.begin(), type.end(), '_', ' ');
    std::string when = st == story_by_id.end() ? "" : st->second->date;
    if (when.empty()) {
      for (const ClaimValue& v : g.values)
        if (!v.evidence.date.empty() && (when.empty() || v.evidence.date < when)) when = v.evidence.date;
    }
    std::string tag = type;
    if (!when.empty()) tag += (tag.empty() ? "" : ", ") + when;
    if (!tag.empty()) g.subject += " (" + tag + ")";
    told_apart[i] = true;
  }
  std::map<std::string, int> again;
  for (const ClaimGroup& g : groups) ++again[g.subject];
  for (size_t i = 0; i < groups.size(); ++i)
    if (told_apart[i] && again[groups[i].subject] > 1) groups[i].subject += " [story " + groups[i].story + "]";
  std::sort(groups.begin(), groups.end(), [](const ClaimGroup& x, const ClaimGroup& y) {
    return std::tie(x.date, x.subject, x.id) < std::tie(y.date, y.subject, y.id);
  });
  return groups;
}

std::vector<ClaimGroup> GroupClaims(const Input& in, const std::vector<Story>& stories) {
  return GroupClaimsImpl(in, stories, false);
}

std::vector<ClaimGroup> GroupClaimsSlow(const Input& in, const std::vector<Story>& stories) {
  return GroupClaimsImpl(in, stories, true);
}

}  // namespace sitrep::fuse
