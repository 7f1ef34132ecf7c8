// DateDocuments: dates for documents without one of their own, from the dated documents
// that report the same events; flags for dated documents whose events refute their date.
//
// Which documents. Dated from others ("datable"): no date; a cross-document date (it is
// recomputed, so Settle is idempotent); or only the time stage's estimate from the body
// to the month or year, which is refined and never left (the answer must fall inside the
// estimate and be finer). Witnesses (documents that date others): dated by their own
// evidence to the day, or by metadata, a dateline or a byline. A document dated
// cross-document never dates another, so two undated documents cannot prop each other up.
//
// A story's date as others see it, for datable document U: from the story's mentions in
// other witness documents, the intersection of their sentence dates when they state one,
// else of the 3-day windows up to those documents' dates.
//
// Matching. Each fact U reports (asserted, reported, denied, background; not what was
// planned, attempted or negated) is matched to the stories it may be: its own story when
// that story is dated elsewhere, else every fact story of the same type at the same
// resolved place whose parties do not contradict (sides, core::SideOf). A partial date in
// the event's own words (TIMEX3 "XXXX-12-11", "XXXX-03", a weekday "XXXX-WXX-7", or the
// weekday of a relative date the time stage resolved against a coarse document date,
// core::WhenOf) must agree with the story's date; so must the event's own sentence date.
// A document already dated cross-document was extracted against that date: for it only
// types, places, parties and statuses are used, never its dates or its stories.
//
// Weights. A candidate pins an event more when the kind of event happens once at a place
// (a change of control, an agreement, a destruction: 1; strikes, clashes, killings that
// recur for months: 0.4), when a party is shared (1; compatible only because a party is
// unknown: 0.3), and when the story is dated by a sentence to the day or month (1; to the
// year 0.3; by document dates only, half).
//
// Choosing the date. U cannot be older than anything it reports as past: its own
// sentence dates and the earliest candidate of each background recall are lower bounds.
// Every candidate of a reported event is a hypothesis; its score is the sum over U's
// reported events of the best weight among their candidates in the week up to it (an
// article reports the events of its last days). The highest score wins; on a tie, of two
// nested ranges the finer, else the later: the article reports those events, so it
// cannot be earlier than the latest of them, and "the day of the last event" is the least
// it can be. With no candidate for any reported event nothing is borrowed (recollections
// alone give a lower bound, not a date). Confidence: 0.3 + 0.4 * score / best possible
// score, minus 0.1 when another, disjoint hypothesis scored the same; within 0.1..0.7
// (cross-document dating is always weaker than a document's own evidence). The chain is
// one piece of evidence per story the winning hypothesis rests on, and the document's
// DocumentDate::evidence says the same in words.
//
// Flags. A witness-grade document dated D is flagged when every fact it reports with a
// date (its own sentence dates, or for events without one the earliest date others give
// their stories) starts more than 2 days after D: a page dated before the events it
// reports as having happened. `implied` is the earliest such date; `why` says by how much.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "fuse/core_util.h"
#include "fuse/parts.h"

namespace sitrep::fuse {
namespace {

using core::DayRange;

constexpr int64_t kWindowDays = 3;
constexpr int64_t kSupportDays = 7;
constexpr int64_t kFlagSlackDays = 2;

bool IsFact(const std::string& status) {
  return status == "asserted" || status == "reported" || status == "denied" ||
         status == "background" || status.empty();
}

// Dated well enough to date others: its own evidence, to the day (or by metadata, a
// dateline or a byline).
bool OwnDated(const DocInfo& d) {
  const DocumentDate& x = d.date;
  if (x.value.empty() || x.source == DateSource::kNone || x.source == DateSource::kCrossDocument)
    return false;
  if (!core::ParseIso(x.value).ok) return false;
  return x.precision == DatePrecision::kDay || x.source == DateSource::kMetadata ||
         x.source == DateSource::kDateline || x.source == DateSource::kByline;
}

// Worth dating from others: no date, a cross-document date (recomputed each time), or
// only the time stage's estimate from the body at less than a day.
bool Datable(const DocInfo& d) {
  const DocumentDate& x = d.date;
  if (x.value.empty() || x.source == DateSource::kNone || x.source == DateSource::kCrossDocument)
    return true;
  return x.source == DateSource::kBody && x.precision != DatePrecision::kDay;
}

// What a TIMEX3 value without a year says: month, day, ISO weekday (0 when not said).
struct Partial {
  int month = 0, day = 0, weekday = 0;
};
Partial PartialOf(const std::string& timex) {
  Partial p;
  if (timex.rfind("XXXX-", 0) != 0) return p;
  std::string rest = timex.substr(5);
  auto num = [](const std::string& s, size_t at, size_t n) {
    if (s.size() < at + n) return 0;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return 0;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if (rest.rfind("WXX-", 0) == 0) {
    p.weekday = num(rest, 4, 1);
  } else {
    p.month = num(rest, 0, 2);
    if (rest.size() >= 5 && rest[2] == '-') p.day = num(rest, 3, 2);
  }
  return p;
}

bool Agrees(const Partial& p, const DayRange& r) {
  if (p.month == 0 && p.weekday == 0) return true;
  if (p.month != 0) {
    int ya, ma, da, yb, mb, db;
    core::CivilFromDays(r.first, &ya, &ma, &da);
    core::CivilFromDays(r.last, &yb, &mb, &db);
    if (r.last - r.first < 31 && ma != p.month && mb != p.month) return false;
    if (p.day != 0 && r.precision == DatePrecision::kDay && da != p.day) return false;
  }
  if (p.weekday != 0 && r.precision == DatePrecision::kDay && core::Weekday(r.first) != p.weekday)
    return false;
  return true;
}

struct Seen {
  DayRange range;
  const EventRecord* witness = nullptr;
  bool explicit_date = false;  // from a sentence's date, not a document's
};

struct Context {
  std::unordered_map<std::string, const DocInfo*> docs;
  std::unordered_map<std::string, const EventRecord*> events;
  std::unordered_map<std::string, size_t> story_of;  // event id -> story index
  std::map<std::string, std::vector<size_t>> by_type_place;
  std::unordered_map<std::string, std::string> types;
  const std::vector<Story>* stories = nullptr;
  // Per story, computed once (fast path; empty in the slow version): the sides of its
  // agent and target, the sorted documents of its events, and SeenElsewhere excluding
  // no document (the answer for every document that has no event in the story).
  struct StoryFacts {
    std::string agent, target;
    std::vector<std::string> docs;
    bool fact = false;
  };
  std::vector<StoryFacts> facts;
  std::vector<Seen> seen_all;
  // Per story, its events in witness documents (dated on their own), in story order, with
  // the range each gives: a sentence date (explicit) or the window up to its document's
  // date. SeenElsewhere folds these without looking anything up.
  struct Witness {
    const std::string* doc;
    const EventRecord* e;
    DayRange range;
    bool explicit_date;
  };
  std::vector<std::vector<Witness>> witnesses;
  // SeenElsewhere for the document being dated, per story that has events of it (the
  // answer is the same for all its events); cleared when the document changes.
  mutable std::string cache_doc;
  mutable std::unordered_map<size_t, Seen> cache;
  bool slow = false;
};

// The date a story has in the documents other than `doc` that are dated on their own.
// Also the evidence for it (the first such mention).
// The witnesses of a story (Context::witnesses), in the order SeenElsewhere meets them.
std::vector<Context::Witness> WitnessesOf(const Context& cx, const Story& s) {
  std::vector<Context::Witness> out;
  for (const std::string& id : s.events) {
    const EventRecord& e = *cx.events.at(id);
    auto d = cx.docs.find(e.document);
    if (d == cx.docs.end() || !OwnDated(*d->second)) continue;
    if (!e.date.empty() && e.time_source != "document date") {
      DayRange r = core::ParseIso(e.date);
      if (!r.ok) continue;
      out.push_back({&e.document, &e, r, true});
    } else if (e.status != "background") {
      DayRange r = core::ParseIso(d->second->date.value);
      DayRange w{true, r.first - (r.precision == DatePrecision::kDay ? kWindowDays : 0), r.last,
                 r.precision};
      out.push_back({&e.document, &e, w, false});
    }
  }
  return out;
}

// SeenElsewhere over the precomputed witnesses of story i (the same fold).
Seen SeenElsewhereFast(const Context& cx, size_t i, const std::string& doc) {
  DayRange exp, win;
  const EventRecord* wexp = nullptr;
  const EventRecord* wwin = nullptr;
  for (const Context::Witness& w : cx.witnesses[i]) {
    if (*w.doc == doc) continue;
    const DayRange& r = w.range;
    if (w.explicit_date) {
      if (!exp.ok) {
        exp = r;
        wexp = w.e;
      } else if (core::Overlap(exp, r)) {
        exp.first = std::max(exp.first, r.first);
        exp.last = std::min(exp.last, r.last);
        if (r.precision > exp.precision) exp.precision = r.precision, wexp = w.e;
      }
    } else {
      if (!win.ok) {
        win = r;
        wwin = w.e;
      } else if (core::Overlap(win, r)) {
        win.first = std::max(win.first, r.first);
        win.last = std::min(win.last, r.last);
      }
    }
  }
  if (exp.ok) return {exp, wexp, true};
  if (win.ok) return {win, wwin, false};
  return Seen{};
}

Seen SeenElsewhere(const Context& cx, const Story& s, const std::string& doc) {
  Seen out;
  DayRange exp, win;
  const EventRecord* wexp = nullptr;
  const EventRecord* wwin = nullptr;
  for (const std::string& id : s.events) {
    const EventRecord& e = *cx.events.at(id);
    if (e.document == doc) continue;
    auto d = cx.docs.find(e.document);
    if (d == cx.docs.end() || !OwnDated(*d->second)) continue;
    if (!e.date.empty() && e.time_source != "document date") {
      DayRange r = core::ParseIso(e.date);
      if (!r.ok) continue;
      if (!exp.ok) {
        exp = r;
        wexp = &e;
      } else if (core::Overlap(exp, r)) {
        exp.first = std::max(exp.first, r.first);
        exp.last = std::min(exp.last, r.last);
        if (r.precision > exp.precision) exp.precision = r.precision, wexp = &e;
      }
    } else if (e.status != "background") {
      DayRange r = core::ParseIso(d->second->date.value);
      DayRange w{true, r.first - (r.precision == DatePrecision::kDay ? kWindowDays : 0), r.last,
                 r.precision};
      if (!win.ok) {
        win = w;
        wwin = &e;
      } else if (core::Overlap(win, w)) {
        win.first = std::max(win.first, w.first);
        win.last = std::min(win.last, w.last);
      }
    }
  }
  if (exp.ok) return {exp, wexp, true};
  if (win.ok) return {win, wwin, false};
  return out;
}

// SeenElsewhere(cx, stories[i], doc), from the cache when `doc` has no event in the story.
Seen SeenFor(const Context& cx, size_t i, const std::string& doc) {
  const Story& s = (*cx.stories)[i];
  if (cx.slow) return SeenElsewhere(cx, s, doc);
  const auto& docs = cx.facts[i].docs;
  if (!std::binary_search(docs.begin(), docs.end(), doc)) return cx.seen_all[i];
  if (cx.cache_doc != doc) cx.cache.clear(), cx.cache_doc = doc;
  auto it = cx.cache.find(i);
  if (it != cx.cache.end()) return it->second;
  Seen seen = SeenElsewhereFast(cx, i, doc);
  cx.cache.emplace(i, seen);
  return seen;
}

struct Candidate {
  size_t story;
  DayRange range;
  const EventRecord* witness;
  double weight;  // how far it pins the event: parties matched, sentence-dated
};

// How far a candidate pins an event, the product of three factors:
//   kind: a change of control (or an agreement, a destruction) happens once at a place,
//         1; strikes, clashes and killings recur there for months, 0.4;
//   parties: a party of the event on the same side in the story 1; compatible only
//         because a party is unknown 0.3;
//   date: a sentence's date to the day or the month 1, to the year 0.3; only the dates
//         of the documents that report it, half that.
constexpr double kWindowOnly = 0.5;
double Weight(const std::string& type, bool party, const Seen& seen) {
  bool once = type == "control_gained" || type == "control_lost" || type == "agreement" ||
              type == "destruction";
  double w = once ? 1.0 : 0.4;
  w *= party ? 1.0 : 0.3;
  w *= seen.range.precision == DatePrecision::kYear ? 0.3 : 1.0;
  if (!seen.explicit_date) w *= kWindowOnly;
  return w;
}

// Stories an event of its document may be, dated elsewhere.
std::vector<Candidate> CandidatesFor(const Context& cx, const EventRecord& e) {
  std::vector<Candidate> out;
  const auto& stories = *cx.stories;
  Partial partial = PartialOf(e.timex);
  const DocInfo* doc = cx.docs.count(e.document) ? cx.docs.at(e.document) : nullptr;
  static const DocumentDate kNoDate;
  core::When when = core::WhenOf(e, doc ? doc->date : kNoDate);
  if (when.weekday != 0) partial.weekday = when.weekday;
  const bool leans = doc != nullptr && doc->date.source == DateSource::kCrossDocument;
  const DayRange own =
      doc != nullptr && Datable(*doc) && !leans && !when.from_document ? when.range : DayRange{};
  std::string agent = core::SideOf(e.agent, cx.types);
  std::string target = e.target.kind == "place" ? "" : core::SideOf(e.target, cx.types);
  auto consider = [&](size_t i) {
    const Story& s = stories[i];
    std::string slow_sa, slow_st;
    if (cx.slow) {
      if (!IsFact(s.status)) return;
      slow_sa = core::SideOf(s.agent, cx.types);
      slow_st = s.target.kind == "place" ? "" : core::SideOf(s.target, cx.types);
    } else if (!cx.facts[i].fact) {
      return;
    }
    const std::string& sa = cx.slow ? slow_sa : cx.facts[i].agent;
    const std::string& st = cx.slow ? slow_st : cx.facts[i].target;
    if (!agent.empty() && !sa.empty() && agent != sa) return;
    if (!target.empty() && !st.empty() && target != st) return;
    Seen seen = SeenFor(cx, i, e.document);
    if (!seen.range.ok) return;
    if (!Agrees(partial, seen.range)) return;
    if (own.ok && !core::Overlap(own, seen.range)) return;
    // A story is considered at most twice (its own, then in its bucket, only when the
    // first time added nothing, and then it adds nothing again): no duplicates to check.
    if (cx.slow)
      for (const Candidate& c : out)
        if (c.story == i) return;
    bool party = (!agent.empty() && agent == sa) || (!target.empty() && target == st);
    double w = Weight(s.type, party, seen);
    out.push_back({i, seen.range, seen.witness, w});
  };
  // A document dated cross-document was extracted again against that date: its stories
  // and dates lean on the date being recomputed, so only its types, places and parties
  // are used (the result is then the same in every Settle round).
  const bool borrowed = doc != nullptr && doc->date.source == DateSource::kCrossDocument;
  if (borrowed) {
    partial = PartialOf("");
  } else {
    auto own_story = cx.story_of.find(e.id);
    if (own_story != cx.story_of.end()) consider(own_story->second);
    if (!out.empty()) return out;
  }
  const EntityRef& where = core::PlaceOf(e);
  std::string place = core::PlaceKey(where);
  if (place.empty() || core::IsCoarsePlace(where)) return out;
  auto it = cx.by_type_place.find(e.type + "\t" + place);
  if (it == cx.by_type_place.end()) return out;
  for (size_t i : it->second) consider(i);
  return out;
}

std::string DateAt(const DayRange& r) {
  std::string a = core::CivilFromDays(r.first), b = core::CivilFromDays(r.last);
  if (r.first == r.last) return a;
  if (a.substr(0, 7) == b.substr(0, 7)) return a.substr(0, 7);
  if (a.substr(0, 4) == b.substr(0, 4)) return a.substr(0, 4);
  return b;
}

Evidence ChainLink(const Context& cx, const Candidate& c) {
  const Story& s = (*cx.stories)[c.story];
  Evidence v = core::EvidenceOf(*c.witness, cx.docs.at(c.witness->document)->outlet);
  v.date = DateAt(c.range);
  v.value = s.type + (s.place.empty() ? "" : " at " + s.place.label()) + " on " + v.date +
            " (story " + s.id + ", " + std::to_string(s.num_documents) + " documents)";
  return v;
}

void DateOne(const Context& cx, const DocInfo& doc, const std::vector<const EventRecord*>& evs,
             std::vector<DocDate>* dates) {
  int64_t lower = INT64_MIN;
  // A body estimate coarser than a day bounds the answer (it must fall inside).
  DayRange bound;
  if (doc.date.source == DateSource::kBody) bound = core::ParseIso(doc.date.value);
  const bool borrowed = doc.date.source == DateSource::kCrossDocument;
  if (borrowed) {  // the body estimate it had before (Settle keeps it among the conflicts)
    for (const DateConflict& c : doc.date.conflicts)
      if (c.source == DateSource::kBody && !bound.ok) bound = core::ParseIso(c.value);
  }
  struct Vote {
    const EventRecord* e;
    std::vector<Candidate> cands;
    double max_weight = 0;
  };
  std::vector<Vote> votes;
  for (const EventRecord* e : evs) {
    if (!IsFact(e->status)) continue;
    core::When when = core::WhenOf(*e, doc.date);
    if (when.range.ok && !when.from_document && !borrowed) lower = std::max(lower, when.range.first);
    auto cands = CandidatesFor(cx, *e);
    if (cands.empty()) continue;
    if (e->status == "background") {
      int64_t first = INT64_MAX;
      for (const Candidate& c : cands) first = std::min(first, c.range.first);
      lower = std::max(lower, first);
      continue;
    }
    Vote v{e, std::move(cands), 0};
    for (const Candidate& c : v.cands) v.max_weight = std::max(v.max_weight, c.weight);
    votes.push_back(std::move(v));
  }
  if (votes.empty()) return;
  struct Hyp {
    DayRange range;
    double score = 0;
    std::vector<const Candidate*> links;
  };
  std::vector<Hyp> hyps;
  double total = 0;
  for (const Vote& v : votes) total += v.max_weight;
  // Fast path: per vote and weight, candidates sorted by first day with the running
  // best (latest last day, then earliest in candidate order), so "the best candidate of
  // vote w starting by h.last and ending on or after h.first - 7" is a binary search per
  // weight. Hypotheses with the same range score the same: each range is scored once
  // (the first occurrence stands for it, as the slow version's pick keeps the first).
  struct Entry {
    int64_t first;
    int64_t best_last;
    const Candidate* best;
  };
  struct Level {
    double weight;
    std::vector<Entry> entries;
  };
  std::vector<std::vector<Level>> levels;
  if (!cx.slow) {
    levels.resize(votes.size());
    for (size_t vi = 0; vi < votes.size(); ++vi) {
      const Vote& v = votes[vi];
      std::vector<double> ws;
      for (const Candidate& c : v.cands) ws.push_back(c.weight);
      std::sort(ws.begin(), ws.end(), std::greater<double>());
      ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
      for (double w : ws) {
        std::vector<const Candidate*> cs;
        for (const Candidate& c : v.cands)
          if (c.weight == w) cs.push_back(&c);
        std::stable_sort(cs.begin(), cs.end(), [](const Candidate* a, const Candidate* b) {
          return a->range.first < b->range.first;
        });
        Level lv{w, {}};
        const Candidate* run = nullptr;
        for (const Candidate* c : cs) {
          if (run == nullptr || c->range.last > run->range.last ||
              (c->range.last == run->range.last && c < run))
            run = c;
          lv.entries.push_back({c->range.first, run->range.last, run});
        }
        levels[vi].push_back(std::move(lv));
      }
    }
  }
  std::set<std::pair<int64_t, int64_t>> scored;
  for (const Vote& v : votes)
    for (const Candidate& c : v.cands) {
      if (c.range.last < lower) continue;
      if (bound.ok && (c.range.first < bound.first || c.range.last > bound.last)) continue;
      if (bound.ok && c.range.precision <= bound.precision) continue;  // nothing gained
      Hyp h{c.range, 0, {}};
      DayRange before{true, h.range.first - kSupportDays, h.range.last, DatePrecision::kDay};
      if (!cx.slow) {
        if (!scored.insert({c.range.first, c.range.last}).second) continue;
        for (const std::vector<Level>& lvs : levels) {
          for (const Level& lv : lvs) {
            auto end = std::upper_bound(
                lv.entries.begin(), lv.entries.end(), h.range.last,
                [](int64_t day, const Entry& x) { return day < x.first; });
            if (end == lv.entries.begin()) continue;
            const Entry& x = *(end - 1);
            if (x.best_last < before.first) continue;
            h.score += x.best->weight, h.links.push_back(x.best);
            break;
          }
        }
        hyps.push_back(std::move(h));
        continue;
      }
      for (const Vote& w : votes) {
        const Candidate* best = nullptr;
        for (const Candidate& d : w.cands)
          if (core::Overlap(d.range, before) && d.range.first <= h.range.last &&
              (best == nullptr || d.weight > best->weight ||
               (d.weight == best->weight && d.range.last > best->range.last)))
            best = &d;
        if (best != nullptr) h.score += best->weight, h.links.push_back(best);
      }
      hyps.push_back(std::move(h));
    }
  if (hyps.empty()) return;
  // Most support; then, of two nested ranges, the finer; else the later.
  auto better = [](const Hyp& a, const Hyp& b) {
    if (a.score > b.score + 1e-9) return true;
    if (b.score > a.score + 1e-9) return false;
    bool a_in_b = a.range.first >= b.range.first && a.range.last <= b.range.last;
    bool b_in_a = b.range.first >= a.range.first && b.range.last <= a.range.last;
    if (a_in_b != b_in_a) return a_in_b;
    if (a.range.last != b.range.last) return a.range.last > b.range.last;
    return a.range.first > b.range.first;
  };
  size_t pick = 0;
  for (size_t i = 1; i < hyps.size(); ++i)
    if (better(hyps[i], hyps[pick])) pick = i;
  const Hyp& h = hyps[pick];
  bool tie = false;
  for (const Hyp& o : hyps)
    if (std::abs(o.score - h.score) < 1e-9 && !core::Overlap(o.range, h.range)) tie = true;

  DocDate out;
  out.doc = doc.id;
  out.date.value = DateAt(h.range);
  out.date.precision = core::PrecisionOf(out.date.value);
  out.date.source = DateSource::kCrossDocument;
  double share = total > 0 ? h.score / total : 0;
  out.date.confidence = std::max(0.1, std::min(0.7, 0.3 + 0.4 * share - (tie ? 0.1 : 0.0)));
  std::set<std::string> seen_stories;
  std::set<std::string> witness_docs;
  for (const Candidate* c : h.links) {
    if (!seen_stories.insert((*cx.stories)[c->story].id).second) continue;
    out.chain.push_back(ChainLink(cx, *c));
    witness_docs.insert(c->witness->document);
  }
  std::sort(out.chain.begin(), out.chain.end(), [](const Evidence& a, const Evidence& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.record < b.record;
  });
  std::string ev = "reports events that " + std::to_string(witness_docs.size()) +
                   " dated document(s) put on or just before this date (" +
                   std::to_string(h.links.size()) + " of its " + std::to_string(votes.size()) +
                   " matched events): ";
  for (size_t i = 0; i < out.chain.size(); ++i) {
    if (i) ev += "; ";
    ev += out.chain[i].value + " in " + out.chain[i].doc;
  }
  if (lower != INT64_MIN) ev += "; it cannot be before " + core::CivilFromDays(lower);
  if (tie) ev += "; another date fits as well";
  out.date.evidence = ev;
  dates->push_back(std::move(out));
}

void FlagOne(const Context& cx, const DocInfo& doc, const std::vector<const EventRecord*>& evs,
             std::vector<DateFlag>* flags) {
  DayRange d = core::ParseIso(doc.date.value);
  int64_t earliest = INT64_MAX;
  std::vector<Evidence> ev;
  for (const EventRecord* e : evs) {
    if (!IsFact(e->status) || e->status == "background") continue;
    int64_t first = INT64_MAX;
    core::When when = core::WhenOf(*e, doc.date);
    if (when.range.ok) {
      DayRange r = when.range;
      first = r.first;
      if (first > d.last + kFlagSlackDays) ev.push_back(core::EvidenceOf(*e, doc.outlet));
    } else {
      auto cands = CandidatesFor(cx, *e);
      if (cands.empty()) continue;
      const Candidate* best = nullptr;
      for (const Candidate& c : cands)
        if (best == nullptr || c.range.first < best->range.first) best = &c;
      first = best->range.first;
      if (first > d.last + kFlagSlackDays) ev.push_back(ChainLink(cx, *best));
    }
    earliest = std::min(earliest, first);
  }
  if (earliest == INT64_MAX || earliest <= d.last + kFlagSlackDays) return;
  DateFlag f;
  f.doc = doc.id;
  f.stated = doc.date.value;
  f.implied = core::CivilFromDays(earliest);
  f.why = "dated " + doc.date.value + " but every event it reports as past is dated " +
          f.implied + " or later (" + std::to_string(earliest - d.last) + " days after)";
  f.evidence = std::move(ev);
  flags->push_back(std::move(f));
}

}  // namespace

namespace {
void DateDocumentsImpl(const Input& in, const std::vector<Story>& stories, bool slow,
                       std::vector<DocDate>* dates, std::vector<DateFlag>* flags) {
  Context cx;
  cx.slow = slow;
  cx.stories = &stories;
  cx.types = core::ActorTypes(in.mentions);
  for (const DocInfo& d : in.docs) cx.docs.emplace(d.id, &d);
  std::unordered_map<std::string, std::vector<const EventRecord*>> by_doc;
  for (const EventRecord& e : in.events) {
    cx.events.emplace(e.id, &e);
    by_doc[e.document].push_back(&e);
  }
  for (size_t i = 0; i < stories.size(); ++i) {
    for (const std::string& id : stories[i].events) cx.story_of.emplace(id, i);
    std::string place = core::PlaceKey(stories[i].place);
    if (!place.empty()) cx.by_type_place[stories[i].type + "\t" + place].push_back(i);
  }
  if (!slow) {
    cx.facts.resize(stories.size());
    cx.seen_all.resize(stories.size());
    cx.witnesses.resize(stories.size());
    for (size_t i = 0; i < stories.size(); ++i) {
      const Story& s = stories[i];
      Context::StoryFacts& f = cx.facts[i];
      f.fact = IsFact(s.status);
      f.agent = core::SideOf(s.agent, cx.types);
      f.target = s.target.kind == "place" ? "" : core::SideOf(s.target, cx.types);
      for (const std::string& id : s.events) f.docs.push_back(cx.events.at(id)->document);
      std::sort(f.docs.begin(), f.docs.end());
      f.docs.erase(std::unique(f.docs.begin(), f.docs.end()), f.docs.end());
      cx.witnesses[i] = WitnessesOf(cx, s);
      cx.seen_all[i] = SeenElsewhereFast(cx, i, std::string());
    }
  }
  for (const DocInfo& d : in.docs) {
    auto evs = by_doc.find(d.id);
    if (evs == by_doc.end()) continue;
    if (Datable(d)) {
      DateOne(cx, d, evs->second, dates);
    } else if (OwnDated(d)) {
      FlagOne(cx, d, evs->second, flags);
    }
  }
}

}  // namespace

void DateDocuments(const Input& in, const std::vector<Story>& stories, std::vector<DocDate>* dates,
                   std::vector<DateFlag>* flags) {
  DateDocumentsImpl(in, stories, false, dates, flags);
}

void DateDocumentsSlow(const Input& in, const std::vector<Story>& stories,
                       std::vector<DocDate>* dates, std::vector<DateFlag>* flags) {
  DateDocumentsImpl(in, stories, true, dates, flags);
}

}  // namespace sitrep::fuse
