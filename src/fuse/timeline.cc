// BuildTimelines: who held each place from when to when.
//
// Changes. Every control story at a resolved place (not a country) becomes a change of
// hands at the story's date: control_gained makes its agent's side the holder (its target,
// when an actor, the loser); control_lost makes its agent's side lose the place (in the
// passive "X were pushed out by Y" the extract stage puts the loser in target and the
// pusher in agent; both are read that way). Sides come from core::SideOf (a state's army
// and government are one side), and each side is shown under one entity throughout: the
// resolved id its stories name most often (ties: the smaller id), so a period is never
// split between "the army" and "the regime".
//
// Which stories count. Facts (asserted, reported, denied, background): a background
// recall with a date of its own dates a period like any report ("seized the city last
// May"); one with no date but its document's is left out (the document's date is when it
// was recalled, not when it happened). Planned and
// conditional control stories go to `expected` (never periods); when they name no gainer,
// a "re-" verb names the side that held the place before the holder of the day, else (when
// words name some party) the other side of a two-sided place; with no party and no "re-"
// verb the expectation is not shown. `after` is the date of the statement (the earliest
// date of the documents saying it); one entry per controller and date. Attempts and negations change nothing. Undated stories
// cannot be placed in time unless their documents were dated cross-document (doc_dates),
// whose date then bounds them. A story dated only by documents dated to a month or year
// (no sentence date) is left out: a recollection in such a document would land on the
// document's month and could not be ordered against the rest.
//
// Not changes of hands (DropNonChanges): a gain known from one document only, with no
// date of its own, when the same side is reported expected or planned to take the place
// at that date and no other document reports it done; a foreign state's forces entering
// a place (entry words, no loser named) on a day another side takes it (a deployment
// beside the new holder: "military police entered the town"), or gaining it on a day the
// place's own state takes it (its backer).
//
// Walking. Changes are sorted by the start of their date, then finer precision first. A
// change dated to a month or year that a finer change with the same sides falls inside is
// the same change told coarsely ("lost it in December" / "on 11 December") and only adds
// its evidence. Changes of one day are applied in the order that keeps the story
// consistent: a loss by the current holder first, then a gain by another side, so
// "pushed in on Saturday, driven out hours later, back on Sunday" gives a day-long
// period, the old holder again for the night (implied), then the new one. A gain closes
// the current period (until = the gain's date) and opens the gainer's. A loss closes the
// holder's period; the holder before it resumes when the loser had held the place for at
// most a day; else, at a place where exactly two sides appear, the other side holds it
// from then (implied: "lost control of the city in December" at a place fought over by
// two sides); else the place is in unknown hands until the next gain. A loss by a side
// with no period yet means it held the place from an unknown date (empty `from`); a loss
// by a side that does not hold the place is kept as evidence of the period it falls in.
//
// Implications. A gain whose trigger says "re-" (recaptured, retook, regained,
// reclaimed, retaken, re-took...) says the gainer held the place before; when the
// timeline has no earlier period of that side, an implied period with unknown dates is
// added before the one that ends at the recapture (or first, when none).
//
// Disputed. A period is disputed when one of its stories has a denied mention; when a
// report that is not a recollection has another side losing the place strictly inside
// the period (beyond the precision of the dates at both ends); when the period before it
// was opened by another side's gain dated so coarsely that this period's start falls
// inside it ("took it in May" against "took it on 3 May"); or when it was opened by a
// single document's gain with no date of its own, ending a holding reported by two or
// more documents. Reports of the changes at its ends and recollections never dispute it.
//
// Copies. With the duplicate groups, a near-duplicate copy's evidence is dropped from a
// period that holds its original's: one report, shown once.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "fuse/core_util.h"
#include "fuse/parts.h"
#include "text/fold.h"

namespace sitrep::fuse {
namespace {

using core::DayRange;

bool IsFact(const std::string& s) {
  return s == "asserted" || s == "reported" || s == "denied" || s == "background";
}

// Entering or deploying, not taking: "entered", "deployed to", "moved into", "arrived in".
bool IsEntry(const std::string& trigger) {
  std::string t = text::FoldForMatch(trigger);
  static const char* kEntry[] = {"enter", "entry", "deploy", "moved into", "move into", "moving into",
                                 "arriv", "station", "patrol"};
  for (const char* r : kEntry)
    if (t.find(r) != std::string::npos) return true;
  return false;
}

// What words naming a party say of it: 1 a state's forces or government ("the army",
// "government troops"), -1 a non-state group ("rebel commanders", "militants"), 0 neither.
int StateWords(const std::string& words) {
  std::string t = " " + text::FoldForMatch(words) + " ";
  static const char* kNonState[] = {"rebel", "insurgen", "militant", "jihadi", "opposition", "fighters",
                                    "revolutionar", "guerrilla", "separatist", "militia"};
  static const char* kState[] = {"army", "troops", "soldiers", "government", "regime", "military",
                                 "armed forces", "police", "ministry"};
  for (const char* w : kNonState)
    if (t.find(w) != std::string::npos) return -1;
  for (const char* w : kState)
    if (t.find(w) != std::string::npos) return 1;
  return 0;
}

bool IsRecapture(const std::string& trigger) {
  std::string t = text::FoldForMatch(trigger);
  static const char* kRe[] = {"recapt", "retook", "retak", "regain", "reclaim", "reconquer",
                              "re-take", "re-took", "re-capt", "reoccup", "re-occup",
                              "wrest back", "won back", "win back", "took back", "take back",
                              "taken back", "back control"};
  for (const char* r : kRe)
    if (t.find(r) != std::string::npos) return true;
  return false;
}

// The side a party of a control story holds a place for; "" when it cannot hold one: a
// place ("Mosul" read as the subject), a person (a commander holds nothing himself), a
// source.
std::string HolderSide(const EntityRef& e, const std::unordered_map<std::string, std::string>& types) {
  if (e.kind == "place" || e.kind == "person" || e.kind == "source") return "";
  if (e.id.starts_with("person:") || e.id.starts_with("GN:") || e.id.starts_with("sitrep:") ||
      e.id.starts_with("country:"))
    return "";
  if (!e.id.empty() && e.id.find_first_not_of("0123456789") == std::string::npos) return "";  // a GeoNames id
  return core::SideOf(e, types);
}

struct Change {
  const Story* story = nullptr;
  DayRange range;
  std::string gainer, loser;  // sides; either may be empty
  bool recapture = false;
  bool denied = false;
  bool applied = false;
  bool foreign = false;            // a gain by a foreign state's forces, no loser named
  bool entry = false;              // ... entering ("entered", "deployed")
  bool told = false;               // some mention is not a background recollection
  bool sentence_dated = false;     // some mention is dated by its own words
  bool dated_apart = false;        // ... to a date other than its document's ("today" is not)
  std::set<std::string> docs;      // the documents reporting it (copies counted once)
  bool absorbed = false;           // a coarse report of a finer change (see Absorb)
  std::vector<Evidence> evidence;  // its story's, plus those of the reports it absorbed
};

// A change dated only to a month or year that has a finer change with the same sides
// inside its range (for a loss: the same loser, or a gain by another side naming no
// loser) is a summary of it ("lost it in December" / "on 11 December"): its
// evidence joins the latest such finer change and it is not walked on its own.
void Absorb(std::vector<Change>& cs) {
  for (Change& c : cs) {
    if (c.range.precision == DatePrecision::kDay) continue;
    Change* into = nullptr;
    for (Change& d : cs) {
      if (&d == &c || d.absorbed || d.range.precision <= c.range.precision) continue;
      if (d.range.first < c.range.first || d.range.last > c.range.last) continue;
      // A loss by L is told finely by L's loss or by another side's gain that names no
      // loser ("lost it in March" / "the army took it on 27 March").
      bool same = c.gainer.empty()
                      ? d.loser == c.loser || (d.loser.empty() && !d.gainer.empty() && d.gainer != c.loser)
                      : d.gainer == c.gainer;
      if (!same) continue;
      if (into == nullptr || d.range.first > into->range.first) into = &d;
    }
    if (into == nullptr) continue;
    c.absorbed = true;
    into->evidence.insert(into->evidence.end(), c.evidence.begin(), c.evidence.end());
    into->denied = into->denied || c.denied;
    into->recapture = into->recapture || c.recapture;
    into->told = into->told || c.told;
    into->sentence_dated = into->sentence_dated || c.sentence_dated;
    into->dated_apart = into->dated_apart || c.dated_apart;
    into->docs.insert(c.docs.begin(), c.docs.end());
  }
  cs.erase(std::remove_if(cs.begin(), cs.end(), [](const Change& c) { return c.absorbed; }),
           cs.end());
}

struct Open {
  Period p;
  std::string side;
  int64_t from_day = INT64_MIN;
  int64_t from_last = INT64_MIN;   // last day of the range `from` covers
  const Change* opener = nullptr;  // the change that opened it, when one did
};

// Distinct documents among a period's evidence.
size_t DocsOf(const std::vector<Evidence>& ev) {
  std::set<std::string_view> d;
  for (const Evidence& e : ev) d.insert(e.doc);
  return d.size();
}

// Changes that are not changes of hands, dropped before the walk:
//  - a gain known only from one document, with no date of its own (dated by the document),
//    when reports say the same side is expected or planned to take the place then and no
//    other document reports it done: the document tells an expectation, and the "gain" is
//    a recollection or a forecast dated by the day it was written;
//  - a foreign state's forces entering a place (no loser named) on a day when another side
//    takes it: a deployment beside the new holder ("military police entered the town"),
//    not a third holder; and a foreign state's gain of any kind (no loser named) on a day
//    the place's own state takes it: the backer of the host ("recaptured it with Russian
//    help"), not a holder.
void DropNonChanges(std::vector<Change>& cs, const std::vector<std::pair<std::string, DayRange>>& expected,
                    const std::string& host) {
  std::vector<bool> drop(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) {
    const Change& c = cs[i];
    if (c.gainer.empty()) continue;
    if (!c.dated_apart && c.docs.size() == 1) {
      bool planned = std::any_of(expected.begin(), expected.end(), [&](const auto& x) {
        return x.first == c.gainer && x.second.ok && core::Overlap(x.second, c.range, 1);
      });
      bool confirmed = false;
      for (const Change& d : cs) {
        if (&d == &c || d.gainer != c.gainer || !core::Overlap(d.range, c.range, 1)) continue;
        for (const std::string& doc : d.docs) confirmed = confirmed || !c.docs.count(doc);
      }
      if (planned && !confirmed) drop[i] = true;
    }
    if (c.foreign) {
      for (const Change& d : cs) {
        if (&d == &c || d.gainer.empty() || d.gainer == c.gainer || !d.told || d.foreign ||
            !core::Overlap(d.range, c.range, 1))
          continue;
        if (c.entry || d.gainer == host) drop[i] = true;
      }
    }
  }
  size_t k = 0;
  for (size_t i = 0; i < cs.size(); ++i) {
    if (drop[i]) continue;
    if (k != i) cs[k] = std::move(cs[i]);
    ++k;
  }
  cs.resize(k);
}

std::string Iso(const DayRange& r) {
  if (!r.ok) return "";
  std::string a = core::CivilFromDays(r.first);
  if (r.precision == DatePrecision::kMonth) return a.substr(0, 7);
  if (r.precision == DatePrecision::kYear) return a.substr(0, 4);
  return a;
}

}  // namespace

std::vector<Timeline> BuildTimelines(const Input& in, const std::vector<Story>& stories,
                                     const std::vector<DocDate>& dates) {
  return BuildTimelines(in, stories, dates, {});
}

std::vector<Timeline> BuildTimelines(const Input& in, const std::vector<Story>& stories,
                                     const std::vector<DocDate>& dates,
                                     const std::vector<DuplicateGroup>& dups) {
  const auto types = core::ActorTypes(in.mentions);
  // Copy -> the document it copies: a syndicated copy is one report with its original.
  std::unordered_map<std::string, std::string> canonical;
  for (const DuplicateGroup& g : dups)
    for (const std::string& c : g.copies) canonical.emplace(c, g.canonical);
  std::unordered_map<std::string, const EventRecord*> events;
  for (const EventRecord& e : in.events) events.emplace(e.id, &e);
  std::unordered_map<std::string, const DocDate*> borrowed;
  for (const DocDate& d : dates) borrowed.emplace(d.doc, &d);
  std::unordered_map<std::string, const DocInfo*> docs;
  for (const DocInfo& d : in.docs) docs.emplace(d.id, &d);
  static const DocumentDate kNoDate;
  // A story dated by a sentence of one of its mentions, not only by document dates.
  auto sentence_dated = [&](const Story& s) {
    for (const std::string& id : s.events) {
      const EventRecord& e = *events.at(id);
      auto d = docs.find(e.document);
      if (core::WhenOf(e, d == docs.end() ? kNoDate : d->second->date).range.ok) return true;
    }
    return false;
  };

  // One entity per side, across every place.
  std::map<std::string, std::map<std::string, std::pair<int, EntityRef>>> side_names;
  auto note = [&](const std::string& side, const EntityRef& e) {
    if (side.empty()) return;
    auto& slot = side_names[side][e.id.empty() ? "~" + e.text : e.id];
    if (slot.first++ == 0) slot.second = e;
  };
  auto name_of = [&](const std::string& side) {
    const auto& m = side_names[side];
    const EntityRef* best = nullptr;
    int n = 0;
    for (const auto& [id, v] : m)
      if (v.first > n) n = v.first, best = &v.second;
    EntityRef e = best ? *best : EntityRef{};
    e.span = {};
    return e;
  };

  std::map<std::string, std::vector<Change>> changes;   // place key -> changes
  struct Pending {
    Expected x;
    std::string gainer;
    bool recapture = false;
    DayRange at;
    EntityRef agent;  // as the story names it (may be unresolved words)
  };
  std::map<std::string, std::vector<Pending>> expected;
  std::map<std::string, EntityRef> places;
  for (const Story& s : stories) {
    if (s.type != "control_gained" && s.type != "control_lost") continue;
    if (s.place.empty() || s.place.id.empty() || core::IsCoarsePlace(s.place)) continue;
    const std::string key = s.place.id;
    Change c;
    c.story = &s;
    const EventRecord* first = s.events.empty() ? nullptr : events.at(s.events.front());
    bool passive_loss = false;
    bool all_entries = true;
    for (const std::string& id : s.events) {
      const EventRecord& e = *events.at(id);
      if (e.status == "denied") c.denied = true;
      if (e.status != "background") c.told = true;
      if (s.type == "control_gained" && IsRecapture(e.trigger)) c.recapture = true;
      if (e.rule.find("passive") != std::string::npos) passive_loss = true;
      if (!IsEntry(e.trigger)) all_entries = false;
      auto d = docs.find(e.document);
      const DocumentDate& dd = d == docs.end() ? kNoDate : d->second->date;
      core::When w = core::WhenOf(e, dd);
      if (w.range.ok) {
        core::DayRange own = core::ParseIso(dd.value);
        if (!own.ok || own.first != w.range.first || own.last != w.range.last) c.dated_apart = true;
      }
      auto canon = canonical.find(e.document);
      c.docs.insert(canon == canonical.end() ? e.document : canon->second);
    }
    c.sentence_dated = sentence_dated(s);
    (void)first;
    std::string agent = HolderSide(s.agent, types);
    std::string target = HolderSide(s.target, types);
    if (s.type == "control_gained") {
      c.gainer = agent;
      c.loser = target;
      note(agent, s.agent);
      note(target, s.target);
    } else if (passive_loss && !target.empty()) {
      c.loser = target;
      c.gainer = agent;
      note(target, s.target);
      note(agent, s.agent);
    } else {
      c.loser = agent;
      note(agent, s.agent);
    }
    if (c.gainer == c.loser) c.loser.clear();
    // A foreign state's forces entering a place, no loser named: perhaps a deployment
    // beside the holder (see DropNonChanges).
    c.foreign = s.type == "control_gained" && c.loser.empty() && c.gainer.starts_with("state:") &&
                !s.place.country.empty() && c.gainer != "state:" + s.place.country;
    c.entry = c.foreign && all_entries;
    if (s.status == "planned" || s.status == "conditional") {
      bool re = false;
      for (const std::string& id : s.events) re = re || IsRecapture(events.at(id)->trigger);
      Pending x;
      x.gainer = c.gainer;  // named (or inferred) once the periods are known
      x.recapture = re;
      // When it was said: the earliest date of the documents saying it (a plan may name
      // a later date for itself: "by next March"); the story's date when none is known.
      std::string said;
      for (const std::string& id : s.events) {
        auto d = docs.find(events.at(id)->document);
        if (d == docs.end()) continue;
        std::string v = d->second->date.value;
        auto b = borrowed.find(d->first);
        if (v.empty() && b != borrowed.end()) v = b->second->date.value;
        if (!v.empty() && (said.empty() || v < said)) said = v;
      }
      if (said.empty() || (!s.date.empty() && s.date < said)) said = s.date;
      x.at = core::ParseIso(said);
      x.x.after = said;
      x.agent = s.agent;
      x.x.evidence = s.evidence;
      places.emplace(key, s.place);
      expected[key].push_back(std::move(x));
      continue;
    }
    if (!IsFact(s.status)) continue;
    c.range = core::ParseIso(s.date);
    if (!c.range.ok) {
      // Undated: bounded by the borrowed date of its documents, if any.
      std::string latest;
      for (const Evidence& v : s.evidence) {
        auto b = borrowed.find(v.doc);
        if (b != borrowed.end() && b->second->date.value > latest) latest = b->second->date.value;
      }
      c.range = core::ParseIso(latest);
    }
    // Dated only by documents dated to a month or a year: it cannot be ordered against
    // the other changes (a recollection in such a document would land on its month).
    if (c.range.ok && c.range.precision != DatePrecision::kDay && !c.sentence_dated) continue;
    // Only recalled, with no date of its own: the document's date is when it was recalled,
    // not when it happened.
    // A recollection dated to its own document's day ("seized it" read as of the day
    // written) is no better.
    if (!c.told && !c.dated_apart) continue;
    if (!c.range.ok || (c.gainer.empty() && c.loser.empty())) continue;
    c.evidence = s.evidence;
    places.emplace(key, s.place);
    changes[key].push_back(std::move(c));
  }

  std::vector<Timeline> out;
  std::set<std::string> keys;
  for (const auto& [k, v] : changes) keys.insert(k);
  for (const auto& [k, v] : expected) keys.insert(k);
  for (const std::string& key : keys) {
    Timeline t;
    t.place = places[key];
    t.place.span = {};
    t.place.text = t.place.label();
    auto& cs = changes[key];
    Absorb(cs);
    {
      std::vector<std::pair<std::string, DayRange>> planned;
      for (const Pending& x : expected[key])
        if (!x.gainer.empty()) planned.emplace_back(x.gainer, x.at);
      const EntityRef& where = places[key];
      DropNonChanges(cs, planned, where.country.empty() ? "" : "state:" + where.country);
    }
    std::sort(cs.begin(), cs.end(), [](const Change& a, const Change& b) {
      if (a.range.first != b.range.first) return a.range.first < b.range.first;
      if (a.range.precision != b.range.precision) return a.range.precision > b.range.precision;
      return a.story->id < b.story->id;
    });
    std::vector<Open> done;
    std::optional<Open> cur;
    auto close = [&](const Change& c, bool implied_end) {
      (void)implied_end;
      cur->p.until = Iso(c.range);
      cur->p.until_precision = c.range.precision;
      for (const Evidence& v : c.evidence) cur->p.evidence.push_back(v);
      done.push_back(std::move(*cur));
      cur.reset();
    };
    auto open = [&](const std::string& side, const Change* c, bool implied) {
      Open o;
      o.side = side;
      o.p.controller = name_of(side);
      o.p.status = "asserted";
      o.p.implied = implied;
      if (c != nullptr) {
        o.p.from = Iso(c->range);
        o.p.from_precision = c->range.precision;
        o.from_day = c->range.first;
        o.from_last = c->range.last;
        if (!implied) o.opener = c;
        for (const Evidence& v : c->evidence) o.p.evidence.push_back(v);
        if (c->denied) o.p.status = "disputed";
      }
      cur = std::move(o);
    };
    std::vector<std::string> before;  // holders before the current one (for brief reversals)
    // The sides seen at this place: with exactly two, a loss by one is a gain by the other.
    std::set<std::string> sides;
    for (const Change& c : cs) {
      if (!c.gainer.empty()) sides.insert(c.gainer);
      if (!c.loser.empty()) sides.insert(c.loser);
    }
    auto other = [&](const std::string& side) -> std::string {
      if (sides.size() != 2 || !sides.count(side)) return "";
      return *sides.begin() == side ? *sides.rbegin() : *sides.begin();
    };
    std::vector<const Change*> strays;  // losses by a side that did not hold it
    auto apply = [&](Change& c) {
      c.applied = true;
      if (!c.gainer.empty()) {
        if (cur && cur->side == c.gainer) {
          for (const Evidence& v : c.evidence) cur->p.evidence.push_back(v);
          if (c.denied) cur->p.status = "disputed";
          // An implied holding that a report of the same day states outright.
          if (cur->p.implied && cur->from_day == c.range.first && c.told) cur->p.implied = false;
          return;
        }
        // One document, no date of its own, ending a holding several documents report:
        // too weak to overrule them on its own.
        bool weak = cur && !c.dated_apart && c.docs.size() == 1 && DocsOf(cur->p.evidence) >= 2;
        if (cur) {
          before.push_back(cur->side);
          close(c, false);
        } else if (!c.loser.empty() && done.empty()) {
          // The loser held it from an unknown date.
          open(c.loser, nullptr, false);
          close(c, false);
        }
        open(c.gainer, &c, false);
        if (weak) cur->p.status = "disputed";
        return;
      }
      // A loss by c.loser.
      if (cur && cur->side == c.loser) {
        int64_t held = c.range.last - cur->from_day;
        bool brief = cur->from_day != INT64_MIN && held <= 1 && !before.empty();
        close(c, false);
        std::string next;
        if (brief) {
          next = before.back();
          before.pop_back();
        } else {
          next = other(c.loser);
          if (!next.empty()) before.push_back(c.loser);
        }
        if (!next.empty()) {
          open(next, &c, true);
          cur->p.evidence = c.evidence;  // the loss that implies it, not the whole period before
        }
        return;
      }
      if (!cur && done.empty()) {
        open(c.loser, nullptr, false);
        close(c, false);
        return;
      }
      // The loser's period already ended that day (another report of the same change).
      if (!done.empty() && done.back().side == c.loser &&
          done.back().p.until == Iso(c.range)) {
        for (const Evidence& v : c.evidence) done.back().p.evidence.push_back(v);
        return;
      }
      // A loss by a side that does not hold it: at odds with the sequence when it falls
      // inside the period (see the disputes below).
      if (cur) {
        for (const Evidence& v : c.evidence) cur->p.evidence.push_back(v);
        strays.push_back(&c);
      }
    };
    for (size_t i = 0; i < cs.size();) {
      size_t j = i;
      while (j < cs.size() && cs[j].range.first == cs[i].range.first &&
             cs[j].range.precision == cs[i].range.precision)
        ++j;
      // Apply the changes of one day in an order that keeps the sequence consistent.
      for (size_t left = j - i; left > 0; --left) {
        size_t pick = SIZE_MAX;
        for (size_t k = i; k < j && pick == SIZE_MAX; ++k)  // the holder loses it
          if (!cs[k].applied && cs[k].gainer.empty() && cur && cur->side == cs[k].loser) pick = k;
        for (size_t k = i; k < j && pick == SIZE_MAX; ++k)  // another side takes it
          if (!cs[k].applied && !cs[k].gainer.empty() && (!cur || cur->side != cs[k].gainer))
            pick = k;
        for (size_t k = i; k < j && pick == SIZE_MAX; ++k)
          if (!cs[k].applied) pick = k;
        apply(cs[pick]);
      }
      i = j;
    }
    if (cur) done.push_back(std::move(*cur));

    // Recaptures imply an earlier period of the gainer.
    for (const Change& c : cs) {
      if (!c.recapture || c.gainer.empty()) continue;
      bool earlier = false;
      size_t at = done.size();
      for (size_t k = 0; k < done.size(); ++k) {
        if (done[k].side == c.gainer && done[k].from_day != INT64_MIN &&
            done[k].from_day < c.range.first)
          earlier = true;
        if (done[k].side == c.gainer && done[k].from_day == INT64_MIN) earlier = true;
        if (done[k].side == c.gainer && done[k].from_day == c.range.first && at == done.size())
          at = k;
      }
      if (earlier || at == done.size()) continue;
      Open o;
      o.side = c.gainer;
      o.p.controller = name_of(c.gainer);
      o.p.status = "asserted";
      o.p.implied = true;
      o.p.evidence = c.evidence;
      // It ended when the holder before the recapture took over, if known.
      if (at > 0) {
        o.p.until = done[at - 1].p.from;
        o.p.until_precision = done[at - 1].p.from_precision;
        done.insert(done.begin() + static_cast<long>(at - 1), std::move(o));
      } else {
        done.insert(done.begin(), std::move(o));
      }
    }

    // Disputes. A report disputes a period only when it puts another side in the place
    // strictly inside it, beyond the precision of the dates, or when the change that
    // opened it cannot be ordered against the one before. Recollections (background)
    // and reports of the changes at its ends never dispute it.
    for (size_t k = 0; k < done.size(); ++k) {
      Open& o = done[k];
      DayRange until = core::ParseIso(o.p.until);
      int64_t after = o.from_last, before_day = until.ok ? until.first : INT64_MAX;
      for (const Change* c : strays) {
        if (!c->told || c->loser == o.side) continue;
        if (c->range.first > after && c->range.last < before_day) o.p.status = "disputed";
      }
      // The period before was opened by another side's gain dated so coarsely that this
      // period's start falls inside it: "took it in May" against "took it on 3 May".
      if (k == 0 || o.from_day == INT64_MIN) continue;
      const Open& prev = done[k - 1];
      const Change* g = prev.opener;
      if (g == nullptr || g->gainer.empty() || prev.side == o.side || !g->told) continue;
      bool same = g->range.precision == o.p.from_precision && g->range.first == o.from_day;
      if (!same && g->range.precision != DatePrecision::kDay && g->range.first <= o.from_day &&
          o.from_day <= g->range.last)
        o.p.status = "disputed";
    }
    std::vector<std::string> side_of_period;
    for (Open& o : done) {
      side_of_period.push_back(o.side);
      auto& ev = o.p.evidence;
      std::sort(ev.begin(), ev.end(), [](const Evidence& a, const Evidence& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.record < b.record;
      });
      ev.erase(std::unique(ev.begin(), ev.end(),
                           [](const Evidence& a, const Evidence& b) { return a.record == b.record; }),
               ev.end());
      // A syndicated copy beside its original is one report: keep the original's.
      std::set<std::string> docs_here;
      for (const Evidence& e : ev) docs_here.insert(e.doc);
      ev.erase(std::remove_if(ev.begin(), ev.end(),
                              [&](const Evidence& e) {
                                auto c = canonical.find(e.doc);
                                return c != canonical.end() && docs_here.count(c->second) > 0;
                              }),
               ev.end());
      t.periods.push_back(std::move(o.p));
    }
    for (Pending& x : expected[key]) {
      std::string gainer = x.gainer;
      if (gainer.empty() && x.at.ok) {
        // Who holds it when the statement is made; a "re-" verb names the holder before
        // that, otherwise the other side of a two-sided place.
        int holder = -1;
        for (size_t k = 0; k < t.periods.size(); ++k) {
          DayRange from = core::ParseIso(t.periods[k].from);
          if (!from.ok || from.first <= x.at.last) holder = static_cast<int>(k);
        }
        if (holder >= 0) {
          std::string hs = side_of_period[static_cast<size_t>(holder)];
          if (x.recapture) {
            for (int k = holder - 1; k >= 0 && gainer.empty(); --k)
              if (side_of_period[static_cast<size_t>(k)] != hs) gainer = side_of_period[static_cast<size_t>(k)];
          } else if (!x.agent.empty()) {
            // A party named only in words: the other side of a two-sided place. With no
            // party at all and no "re-" verb ("experts will enter the site") nobody is
            // named as taking it.
            gainer = other(hs);
          }
        }
      }
      // The party that vows or plans it, when named only in words ("rebel commanders
      // vowed to retake it"): the side inferred above if it is of the same kind (state or
      // not), else the words as written.
      if (x.gainer.empty() && !x.agent.text.empty()) {
        int said = StateWords(x.agent.text);
        int inferred = gainer.empty() ? 0 : gainer.starts_with("state:") ? 1 : -1;
        if (said != 0 && said != inferred) {
          x.x.controller = x.agent;
          x.x.controller.span = {};
          t.expected.push_back(std::move(x.x));
          continue;
        }
      }
      if (gainer.empty()) continue;
      x.x.controller = name_of(gainer);
      t.expected.push_back(std::move(x.x));
    }
    std::sort(t.expected.begin(), t.expected.end(), [](const Expected& a, const Expected& b) {
      if (a.after != b.after) return a.after < b.after;
      if (a.controller.id != b.controller.id) return a.controller.id < b.controller.id;
      return a.controller.text < b.controller.text;
    });
    // One expectation per controller and date, with the evidence of every story saying it.
    std::vector<Expected> merged;
    for (Expected& x : t.expected) {
      if (!merged.empty() && merged.back().after == x.after && merged.back().controller.id == x.controller.id &&
          merged.back().controller.text == x.controller.text) {
        for (Evidence& v : x.evidence) merged.back().evidence.push_back(std::move(v));
        continue;
      }
      merged.push_back(std::move(x));
    }
    for (Expected& x : merged)
      std::sort(x.evidence.begin(), x.evidence.end(), [](const Evidence& a, const Evidence& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.record < b.record;
      });
    t.expected = std::move(merged);
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const Timeline& a, const Timeline& b) {
    if (a.place.label() != b.place.label()) return a.place.label() < b.place.label();
    return a.place.id < b.place.id;
  });
  return out;
}

}  // namespace sitrep::fuse
