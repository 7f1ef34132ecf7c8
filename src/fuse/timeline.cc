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
// recall dates a period like any report ("seized the city last May"). Planned and
// conditional control stories go to `expected` (never periods); when they name no gainer,
// a "re-" verb names the side that held the place before the holder of the day, else the
// other side of a two-sided place. Attempts and negations change nothing. Undated stories
// cannot be placed in time unless their documents were dated cross-document (doc_dates),
// whose date then bounds them. A story dated only by documents dated to a month or year
// (no sentence date) is left out: a recollection in such a document would land on the
// document's month and could not be ordered against the rest.
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
// by a side that does not hold the place, when nothing explains it, disputes the period.
//
// Implications. A gain whose trigger says "re-" (recaptured, retook, regained,
// reclaimed, retaken, re-took...) says the gainer held the place before; when the
// timeline has no earlier period of that side, an implied period with unknown dates is
// added before the one that ends at the recapture (or first, when none).
//
// Disputed. A period is disputed when one of its stories has a denied mention, or when a
// gain by another side overlaps its start but cannot be ordered against it (one of them
// dated only to the month or year, not the same day).
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

struct Change {
  const Story* story = nullptr;
  DayRange range;
  std::string gainer, loser;  // sides; either may be empty
  bool recapture = false;
  bool denied = false;
  bool applied = false;
  bool absorbed = false;           // a coarse report of a finer change (see Absorb)
  std::vector<Evidence> evidence;  // its story's, plus those of the reports it absorbed
};

// A change dated only to a month or year that has a finer change with the same sides
// inside its range is a summary of it ("lost it in December" / "on 11 December"): its
// evidence joins the latest such finer change and it is not walked on its own.
void Absorb(std::vector<Change>& cs) {
  for (Change& c : cs) {
    if (c.range.precision == DatePrecision::kDay) continue;
    Change* into = nullptr;
    for (Change& d : cs) {
      if (&d == &c || d.absorbed || d.range.precision <= c.range.precision) continue;
      if (d.range.first < c.range.first || d.range.last > c.range.last) continue;
      bool same = c.gainer.empty() ? d.loser == c.loser || (d.gainer.empty() && d.loser == c.loser)
                                   : d.gainer == c.gainer;
      if (!same) continue;
      if (into == nullptr || d.range.first > into->range.first) into = &d;
    }
    if (into == nullptr) continue;
    c.absorbed = true;
    into->evidence.insert(into->evidence.end(), c.evidence.begin(), c.evidence.end());
    into->denied = into->denied || c.denied;
    into->recapture = into->recapture || c.recapture;
  }
  cs.erase(std::remove_if(cs.begin(), cs.end(), [](const Change& c) { return c.absorbed; }),
           cs.end());
}

struct Open {
  Period p;
  std::string side;
  int64_t from_day = INT64_MIN;
};

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
  const auto types = core::ActorTypes(in.mentions);
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
    for (const std::string& id : s.events) {
      const EventRecord& e = *events.at(id);
      if (e.status == "denied") c.denied = true;
      if (s.type == "control_gained" && IsRecapture(e.trigger)) c.recapture = true;
      if (e.rule.find("passive") != std::string::npos) passive_loss = true;
    }
    (void)first;
    std::string agent = core::SideOf(s.agent, types);
    std::string target = s.target.kind == "place" ? "" : core::SideOf(s.target, types);
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
    if (s.status == "planned" || s.status == "conditional") {
      bool re = false;
      for (const std::string& id : s.events) re = re || IsRecapture(events.at(id)->trigger);
      Pending x;
      x.gainer = c.gainer;  // named (or inferred) once the periods are known
      x.recapture = re;
      x.at = core::ParseIso(s.date);
      x.x.after = s.date;
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
    if (c.range.ok && c.range.precision != DatePrecision::kDay && !sentence_dated(s)) continue;
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
    auto apply = [&](Change& c) {
      c.applied = true;
      if (!c.gainer.empty()) {
        if (cur && cur->side == c.gainer) {
          for (const Evidence& v : c.evidence) cur->p.evidence.push_back(v);
          if (c.denied) cur->p.status = "disputed";
          return;
        }
        if (cur) {
          before.push_back(cur->side);
          close(c, false);
        } else if (!c.loser.empty() && done.empty()) {
          // The loser held it from an unknown date.
          open(c.loser, nullptr, false);
          close(c, false);
        }
        open(c.gainer, &c, false);
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
          cur->p.evidence = done.back().p.evidence;
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
      // A loss by a side that does not hold it: a report at odds with the sequence.
      if (cur) {
        cur->p.status = "disputed";
        for (const Evidence& v : c.evidence) cur->p.evidence.push_back(v);
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

    // Disputes: a gain by another side overlapping a period's start, not orderable.
    for (Open& o : done) {
      if (o.from_day == INT64_MIN) continue;
      for (const Change& c : cs) {
        if (c.gainer.empty() || c.gainer == o.side) continue;
        bool same_day = c.range.precision == DatePrecision::kDay &&
                        o.p.from_precision == DatePrecision::kDay;
        if (same_day) continue;
        DayRange start{true, o.from_day, o.from_day, DatePrecision::kDay};
        if (core::Overlap(c.range, start) &&
            !(c.range.precision == o.p.from_precision && c.range.first == o.from_day))
          o.p.status = "disputed";
      }
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
          } else {
            gainer = other(hs);
          }
        }
      }
      if (gainer.empty()) continue;
      x.x.controller = name_of(gainer);
      t.expected.push_back(std::move(x.x));
    }
    std::sort(t.expected.begin(), t.expected.end(), [](const Expected& a, const Expected& b) {
      if (a.after != b.after) return a.after < b.after;
      return a.controller.id < b.controller.id;
    });
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const Timeline& a, const Timeline& b) {
    if (a.place.label() != b.place.label()) return a.place.label() < b.place.label();
    return a.place.id < b.place.id;
  });
  return out;
}

}  // namespace sitrep::fuse
