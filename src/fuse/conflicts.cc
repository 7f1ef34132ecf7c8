// FindConflicts: contradictions as records of their own.
//
// numeric  Within one claim group (same kind, party, place and period; see
//          claims_table.cc) whose party is known, two values from different sources
//          (claimants; else outlets) that cannot both be true. Each value's stated range
//          is [low, high] (an open low is 0, an open high unbounded); it is widened by a
//          tolerance for the way numbers are written: 10% on each side for an exact
//          figure, 25% for an approximate or vague one ("around 120", "dozens", a range).
//          Two values conflict when their widened ranges do not overlap: "more than 3,000"
//          [2,700, open) against "a few dozen" [18, 75] does; "450" against "around 480"
//          does not. One conflict per group lists every value that conflicts with another;
//          the summary names the two furthest apart.
// control  (a) a period the control timeline marks "disputed"; (b) control_gained stories
//          at the same place on the same day with different resolved controllers (state
//          forces and government of one country are one controller), when no single
//          document reports both (a document that tells both is telling a reversal:
//          "pushed in on Saturday, driven out hours later"), unless a disputed period
//          already holds them; (c) one control change (type, place, party, day) that some
//          mentions assert or report and others deny.
// date     (a) a document whose stated date the events it reports contradict (date_flags);
//          (b) a date the page shows (metadata, dateline, byline or page clock) that the
//          time stage rejected because the body refutes it (DocumentDate::conflicts), when
//          the date kept does not overlap it: one record per document.
//
// Ids: "x" + hash of the kind and the sorted ids of the records involved, so the same
// disagreement gets the same id whatever the input order. Sorted by kind, subject, id.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "fuse/core_util.h"
#include "fuse/parts.h"
#include "fuse/tables.h"
#include "text/fold.h"

namespace sitrep::fuse {
namespace {

constexpr double kExactTolerance = 0.10;
constexpr double kApproxTolerance = 0.25;
constexpr double kOpen = std::numeric_limits<double>::infinity();

struct Range {
  double lo = 0, hi = kOpen;
};

// The widened range a value allows, or false when it states no figure.
bool Allowed(const ClaimValue& v, const ClaimRecord* c, Range* r) {
  if (v.low < 0 && v.high < 0) return false;
  bool approx = c != nullptr ? (c->approx || c->vague) : (v.low >= 0 && v.high >= 0 && v.low != v.high);
  double t = approx ? kApproxTolerance : kExactTolerance;
  r->lo = v.low >= 0 ? v.low * (1 - t) : 0;
  r->hi = v.high >= 0 ? v.high * (1 + t) : kOpen;
  return true;
}

std::string SourceOf(const ClaimValue& v) {
  return v.claimed_by.empty() ? "outlet:" + v.outlet : "by:" + text::FoldForMatch(v.claimed_by);
}

// An outlet as a sentence names it: "(unknown outlet: a.txt)" -> "a.txt", "(unknown
// outlet)" -> "".
std::string Shown(const std::string& outlet) {
  static constexpr std::string_view kFile = "(unknown outlet: ";
  if (outlet.starts_with(kFile) && outlet.ends_with(")"))
    return outlet.substr(kFile.size(), outlet.size() - kFile.size() - 1);
  if (outlet == "(unknown outlet)") return "";
  return outlet;
}

std::string Who(const Evidence& e) {
  std::string outlet = Shown(e.outlet);
  if (e.claimed_by.empty()) return outlet.empty() ? "an unknown outlet" : outlet;
  return outlet.empty() ? e.claimed_by : e.claimed_by + " (in " + outlet + ")";
}

std::string Said(const ClaimValue& v) { return v.text + " according to " + Who(v.evidence); }

void SortEvidence(std::vector<Evidence>& items) {
  std::sort(items.begin(), items.end(), [](const Evidence& a, const Evidence& b) {
    return std::tie(a.outlet, a.doc, a.record) < std::tie(b.outlet, b.doc, b.record);
  });
}

std::vector<std::string> RecordIds(const std::vector<Evidence>& items) {
  std::vector<std::string> ids;
  for (const Evidence& e : items) ids.push_back(e.record.empty() ? "doc:" + e.doc : e.record);
  return ids;
}

// The values of one group, ready to compare.
struct Values {
  std::vector<Range> ranges;
  std::vector<bool> has;
  std::vector<std::string> source;
  std::vector<const std::string*> claim;
};

// Which values disagree with another, and the pair furthest apart (the largest ratio of
// one's lower bound to the other's upper; ties: the higher low, the lower high, the
// smaller claim ids): *hi above *lo.
double Gap(const Values& v, size_t i, size_t j) {
  return v.ranges[j].hi > 0 ? v.ranges[i].lo / v.ranges[j].hi : kOpen;
}

bool Better(const Values& v, size_t i, size_t j, int hi, int lo) {
  if (hi < 0) return true;
  double a = Gap(v, i, j), b = Gap(v, static_cast<size_t>(hi), static_cast<size_t>(lo));
  if (a != b) return a > b;
  // Equal ratios (both open when an upper bound is 0): the higher low, the lower high.
  if (v.ranges[i].lo != v.ranges[hi].lo) return v.ranges[i].lo > v.ranges[hi].lo;
  if (v.ranges[j].hi != v.ranges[lo].hi) return v.ranges[j].hi < v.ranges[lo].hi;
  return std::tie(*v.claim[i], *v.claim[j]) < std::tie(*v.claim[hi], *v.claim[lo]);
}

// Slow and obvious: every pair.
void DisagreeSlow(const Values& v, std::vector<bool>* involved, int* hi, int* lo) {
  for (size_t i = 0; i < v.has.size(); ++i) {
    for (size_t j = 0; j < v.has.size(); ++j) {
      if (!v.has[i] || !v.has[j] || v.source[i] == v.source[j]) continue;
      if (v.ranges[i].lo <= v.ranges[j].hi) continue;  // i above j?
      (*involved)[i] = (*involved)[j] = true;
      if (Better(v, i, j, *hi, *lo)) *hi = static_cast<int>(i), *lo = static_cast<int>(j);
    }
  }
}

// Fast: the two lowest upper bounds and the two highest lower bounds of distinct sources
// decide everything. A value disagrees with another source iff its lower bound is above
// the lowest upper bound of the other sources, or its upper bound below their highest
// lower bound; the pair furthest apart is among {two highest lows} x {two lowest highs}.
void Disagree(const Values& v, std::vector<bool>* involved, int* hi, int* lo) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < v.has.size(); ++i)
    if (v.has[i]) idx.push_back(i);
  if (idx.size() < 2) return;
  auto two = [&](auto before) {
    std::vector<size_t> order = idx;
    std::sort(order.begin(), order.end(), before);
    std::vector<size_t> out = {order[0]};
    for (size_t k = 1; k < order.size(); ++k) {
      if (v.source[order[k]] != v.source[order[0]]) {
        out.push_back(order[k]);
        break;
      }
    }
    return out;
  };
  std::vector<size_t> lows = two([&](size_t a, size_t b) {  // lowest upper bounds
    return std::tie(v.ranges[a].hi, *v.claim[a]) < std::tie(v.ranges[b].hi, *v.claim[b]);
  });
  std::vector<size_t> highs = two([&](size_t a, size_t b) {  // highest lower bounds
    return v.ranges[a].lo != v.ranges[b].lo ? v.ranges[a].lo > v.ranges[b].lo : *v.claim[a] < *v.claim[b];
  });
  if (lows.size() < 2 || highs.size() < 2) return;  // one source only
  for (size_t i : idx) {
    double other_hi = v.source[i] != v.source[lows[0]] ? v.ranges[lows[0]].hi : v.ranges[lows[1]].hi;
    double other_lo = v.source[i] != v.source[highs[0]] ? v.ranges[highs[0]].lo : v.ranges[highs[1]].lo;
    if (v.ranges[i].lo > other_hi || v.ranges[i].hi < other_lo) (*involved)[i] = true;
  }
  for (size_t i : highs) {
    for (size_t j : lows) {
      if (v.source[i] == v.source[j] || v.ranges[i].lo <= v.ranges[j].hi) continue;
      if (Better(v, i, j, *hi, *lo)) *hi = static_cast<int>(i), *lo = static_cast<int>(j);
    }
  }
}

void Numeric(const Input& in, const std::vector<ClaimGroup>& groups, bool slow, std::vector<Conflict>* out) {
  std::map<std::string_view, const ClaimRecord*> claims;
  for (const ClaimRecord& c : in.claims) claims.emplace(c.id, &c);
  for (const ClaimGroup& g : groups) {
    if (g.values.size() < 2 || !PartyKnown(g)) continue;
    const size_t n_values = g.values.size();
    Values v{std::vector<Range>(n_values), std::vector<bool>(n_values), std::vector<std::string>(n_values),
             std::vector<const std::string*>(n_values)};
    for (size_t i = 0; i < n_values; ++i) {
      v.source[i] = SourceOf(g.values[i]);
      v.claim[i] = &g.values[i].claim;
      auto it = claims.find(g.values[i].claim);
      v.has[i] = Allowed(g.values[i], it == claims.end() ? nullptr : it->second, &v.ranges[i]);
    }
    std::vector<bool> involved(n_values);
    int hi_i = -1, lo_i = -1;
    (slow ? DisagreeSlow : Disagree)(v, &involved, &hi_i, &lo_i);
    if (hi_i < 0) continue;
    Conflict c;
    c.kind = "numeric";
    c.subject = g.subject;
    size_t n = 0;
    for (size_t i = 0; i < g.values.size(); ++i) {
      if (!involved[i]) continue;
      c.items.push_back(g.values[i].evidence);
      ++n;
    }
    SortEvidence(c.items);
    c.summary = g.subject + ": " + Said(g.values[hi_i]) + "; " + Said(g.values[lo_i]) + ".";
    if (n > 2) c.summary += " " + std::to_string(n) + " values disagree in all.";
    std::vector<std::string> ids = RecordIds(c.items);
    ids.push_back("numeric");
    c.id = SetId('x', ids);
    out->push_back(std::move(c));
  }
}

std::string Dates(const std::string& from, const std::string& until) {
  if (from.empty() && until.empty()) return "";
  if (until.empty()) return "from " + from;
  if (from.empty()) return "until " + until;
  if (from == until) return "on " + from;
  return "from " + from + " to " + until;
}

// A short account of a list of evidence, by what each says: "held by X (Outlet A,
// Outlet B); held by Y (Outlet C)". At most `max` accounts and three sources each.
std::string Accounts(const std::vector<Evidence>& items, size_t max) {
  std::vector<std::pair<std::string, std::vector<std::string>>> accounts;
  for (const Evidence& e : items) {
    std::string what = e.value.empty() ? e.quote : e.value;
    auto it = std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) { return a.first == what; });
    if (it == accounts.end()) {
      accounts.emplace_back(what, std::vector<std::string>{});
      it = accounts.end() - 1;
    }
    std::string who = Who(e);
    if (std::find(it->second.begin(), it->second.end(), who) == it->second.end()) it->second.push_back(who);
  }
  std::string s;
  for (size_t i = 0; i < accounts.size(); ++i) {
    if (i == max) {
      s += "; and " + std::to_string(accounts.size() - max) + " more";
      break;
    }
    if (i > 0) s += "; ";
    s += accounts[i].first + " (";
    for (size_t j = 0; j < accounts[i].second.size(); ++j) {
      if (j == 3) {
        s += ", ...";
        break;
      }
      s += (j > 0 ? ", " : "") + accounts[i].second[j];
    }
    s += ")";
  }
  return s;
}

// Evidence from other steps may leave the outlet empty: name it as the tables do.
void FillOutlets(std::vector<Evidence>& items,
                 const std::map<std::string, const DocInfo*, std::less<>>& docs) {
  for (Evidence& e : items) {
    if (!e.outlet.empty()) continue;
    auto d = docs.find(e.doc);
    e.outlet = OutletName(d == docs.end() ? nullptr : d->second);
  }
}

std::string PartyKey(const EntityRef& e) {
  if (!e.id.empty()) return "id:" + e.id;
  if (!e.text.empty()) return "text:" + text::FoldForMatch(e.text);
  return "";
}

// "forces:SY" and "gov:SY" hold a place for the same side.
std::string Side(const std::string& id) {
  if (id.starts_with("forces:") || id.starts_with("gov:")) return "state:" + id.substr(id.find(':') + 1);
  return id;
}

bool IsFact(std::string_view status) {
  return status == "asserted" || status == "reported" || status == "background";
}

void Control(const Input& in, const Fusion& so_far, std::vector<Conflict>* out) {
  auto docs = DocsById(in);
  std::set<std::string> disputed_records;
  // (a) disputed periods.
  for (const Timeline& t : so_far.timelines) {
    for (const Period& p : t.periods) {
      if (p.status != "disputed") continue;
      Conflict c;
      c.kind = "control";
      std::string when = Dates(p.from, p.until);
      c.subject = "control of " + t.place.label() + (when.empty() ? "" : " " + when);
      c.items = p.evidence;
      FillOutlets(c.items, docs);
      for (Evidence& e : c.items) {
        if (e.value.empty() && !p.controller.label().empty()) e.value = "held by " + p.controller.label();
        if (!e.record.empty()) disputed_records.insert(e.record);
      }
      SortEvidence(c.items);
      c.summary = "Reports disagree on who held " + t.place.label() + (when.empty() ? "" : " " + when) +
                  ": " + Accounts(c.items, 4) + ".";
      std::vector<std::string> ids = RecordIds(c.items);
      ids.push_back("control:" + t.place.id + ":" + p.from);
      c.id = SetId('x', ids);
      out->push_back(std::move(c));
    }
  }

  std::map<std::string_view, const EventRecord*> events;
  for (const EventRecord& e : in.events) events.emplace(e.id, &e);
  auto docs_of = [&](const Story& s) {
    std::set<std::string> d;
    for (const std::string& id : s.events) {
      auto it = events.find(id);
      if (it != events.end()) d.insert(it->second->document);
    }
    for (const Evidence& e : s.evidence) d.insert(e.doc);
    return d;
  };
  auto covered = [&](const Story& s) {
    for (const std::string& id : s.events)
      if (!disputed_records.count(id)) return false;
    return !s.events.empty();
  };

  // (b) different controllers, same place and day, never told together.
  // Stories with their evidence's outlets named.
  std::vector<Story> named = so_far.stories;
  for (Story& s : named) FillOutlets(s.evidence, docs);
  std::map<std::pair<std::string, std::string>, std::vector<const Story*>> by_place_day;
  for (const Story& s : named) {
    if (s.type != "control_gained" || !IsFact(s.status)) continue;
    // Both controllers resolved: "the group" against "Islamic State" is no disagreement.
    if (s.date_precision != DatePrecision::kDay || PartyKey(s.place).empty() || s.agent.id.empty()) continue;
    by_place_day[{PartyKey(s.place), s.date}].push_back(&s);
  }
  auto by_id = [](const Story* x, const Story* y) { return x->id < y->id; };
  for (auto& [key, list] : by_place_day) {
    std::sort(list.begin(), list.end(), by_id);
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const Story& a = *list[i];
        const Story& b = *list[j];
        if (Side(a.agent.id) == Side(b.agent.id)) continue;
        if (covered(a) && covered(b)) continue;
        std::set<std::string> da = docs_of(a), db = docs_of(b);
        bool together = std::any_of(da.begin(), da.end(), [&](const std::string& d) { return db.count(d) > 0; });
        if (together) continue;
        Conflict c;
        c.kind = "control";
        c.subject = "control of " + a.place.label() + " on " + a.date;
        for (const Story* s : {&a, &b}) {
          for (Evidence e : s->evidence) {
            if (e.value.empty()) e.value = "taken by " + s->agent.label();
            c.items.push_back(std::move(e));
          }
        }
        SortEvidence(c.items);
        const Story& first = a.agent.label() < b.agent.label() ? a : b;
        const Story& second = &first == &a ? b : a;
        auto outlets = [](const Story& s) {
          std::set<std::string> o;
          for (const Evidence& e : s.evidence) o.insert(e.outlet);
          std::string r;
          for (const std::string& x : o) r += (r.empty() ? "" : ", ") + x;
          return r.empty() ? std::string("(unknown outlet)") : r;
        };
        c.summary = outlets(first) + " report" + " that " + first.agent.label() + " took " + a.place.label() +
                    " on " + a.date + "; " + outlets(second) + " that " + second.agent.label() + " did.";
        std::vector<std::string> ids = RecordIds(c.items);
        ids.push_back("control:" + std::min(a.id, b.id) + ":" + std::max(a.id, b.id));
        c.id = SetId('x', ids);
        out->push_back(std::move(c));
      }
    }
  }

  // (c) asserted by some, denied by others.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::vector<const Story*>> same_change;
  for (const Story& s : named) {
    if (s.type != "control_gained" && s.type != "control_lost") continue;
    if (PartyKey(s.place).empty()) continue;
    same_change[{s.type, PartyKey(s.place), PartyKey(s.agent), s.date}].push_back(&s);
  }
  for (auto& [key, list] : same_change) {
    std::sort(list.begin(), list.end(), by_id);
    std::vector<Evidence> yes, no;
    for (const Story* s : list) {
      for (const Evidence& e : s->evidence) {
        auto it = events.find(e.record);
        if (it == events.end()) continue;
        const std::string& st = it->second->status;
        if (st == "denied") no.push_back(e);
        else if (st == "asserted" || st == "reported") yes.push_back(e);
      }
    }
    if (yes.empty() || no.empty()) continue;
    const Story& s = *list.front();
    Conflict c;
    c.kind = "control";
    std::string change = s.type == "control_gained" ? "took" : "lost";
    std::string who = s.agent.label().empty() ? "someone" : s.agent.label();
    c.subject = "control of " + s.place.label() + (s.date.empty() ? "" : " on " + s.date);
    for (Evidence& e : yes) {
      if (e.value.empty()) e.value = who + " " + change + " " + s.place.label();
      c.items.push_back(e);
    }
    for (Evidence& e : no) {
      if (e.value.empty()) e.value = "denied that " + who + " " + change + " " + s.place.label();
      c.items.push_back(e);
    }
    SortEvidence(yes);
    SortEvidence(no);
    SortEvidence(c.items);
    c.summary = Who(yes.front()) + " reports that " + who + " " + change + " " + s.place.label() +
                (s.date.empty() ? "" : " on " + s.date) + "; " + Who(no.front()) + " denies it.";
    std::vector<std::string> ids = RecordIds(c.items);
    ids.push_back("denied");
    c.id = SetId('x', ids);
    out->push_back(std::move(c));
  }
}

bool Visible(DateSource s) {
  return s == DateSource::kMetadata || s == DateSource::kDateline || s == DateSource::kByline;
}

// (b) a date the page shows (metadata, dateline, byline, a page clock) that the time stage
// rejected because the body refutes it: the document's content contradicts its date.
void RefutedPageDates(const Input& in, const Fusion& so_far, std::vector<Conflict>* out) {
  std::set<std::string_view> flagged;
  for (const DateFlag& f : so_far.date_flags) flagged.insert(f.doc);
  std::map<std::string_view, const DocDate*> borrowed;
  for (const DocDate& d : so_far.doc_dates) borrowed.emplace(d.doc, &d);
  for (const DocInfo& doc : in.docs) {
    if (flagged.count(doc.id)) continue;
    auto b = borrowed.find(doc.id);
    const DocumentDate& now = b != borrowed.end() ? b->second->date : doc.date;
    if (now.value.empty() || Visible(now.source)) continue;
    core::DayRange kept = core::ParseIso(now.value);
    for (const DateConflict& k : doc.date.conflicts) {
      if (!Visible(k.source)) continue;
      core::DayRange shown = core::ParseIso(k.value);
      if (!shown.ok || !kept.ok || core::Overlap(shown, kept)) continue;
      std::string name = !doc.title.empty() ? "\"" + doc.title + "\"" : doc.id;
      Conflict c;
      c.kind = "date";
      c.subject = "date of " + name;
      Evidence page;
      page.doc = doc.id;
      page.outlet = OutletName(&doc);
      page.date = k.value;
      page.value = "the page shows " + k.value + " (" + std::string(DateSourceName(k.source)) + ")";
      page.quote = k.evidence;
      Evidence body = page;
      body.record = "date:" + doc.id;
      body.date = now.value;
      body.value = "its content points to " + now.value;
      body.quote = now.evidence;
      c.items = {page, body};
      c.summary = page.outlet + " shows " + name + " dated " + k.value + " (" +
                  std::string(DateSourceName(k.source)) + "), but what it reports points to " + now.value +
                  (k.why.empty() ? "" : ": " + k.why) + ".";
      c.id = SetId('x', {"doc:" + doc.id, "date:" + k.value + ":" + now.value, "refuted"});
      out->push_back(std::move(c));
      break;  // one record per document
    }
  }
}

void DateConflicts(const Input& in, const Fusion& so_far, std::vector<Conflict>* out) {
  RefutedPageDates(in, so_far, out);
  auto docs = DocsById(in);
  for (const DateFlag& f : so_far.date_flags) {
    auto d = docs.find(f.doc);
    const DocInfo* doc = d == docs.end() ? nullptr : d->second;
    std::string name = doc != nullptr && !doc->title.empty() ? "\"" + doc->title + "\"" : f.doc;
    Conflict c;
    c.kind = "date";
    c.subject = "date of " + name;
    Evidence self;
    self.doc = f.doc;
    self.outlet = OutletName(doc);
    self.date = f.stated;
    self.value = "dated " + f.stated;
    c.items.push_back(self);
    for (const Evidence& e : f.evidence) c.items.push_back(e);
    FillOutlets(c.items, docs);
    SortEvidence(c.items);
    c.summary = self.outlet + " dates " + name + " " + f.stated + ", but the events it reports point to " +
                f.implied + (f.why.empty() ? "" : ": " + f.why) + ".";
    std::vector<std::string> ids = RecordIds(c.items);
    ids.push_back("date:" + f.stated + ":" + f.implied);
    c.id = SetId('x', ids);
    out->push_back(std::move(c));
  }
}

}  // namespace

static std::vector<Conflict> FindConflictsImpl(const Input& in, const Fusion& so_far, bool slow) {
  std::vector<Conflict> out;
  Numeric(in, so_far.claim_groups, slow, &out);
  Control(in, so_far, &out);
  DateConflicts(in, so_far, &out);
  std::sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) {
    return std::tie(a.kind, a.subject, a.id) < std::tie(b.kind, b.subject, b.id);
  });
  out.erase(std::unique(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) { return a.id == b.id; }),
            out.end());
  return out;
}

std::vector<Conflict> FindConflicts(const Input& in, const Fusion& so_far) {
  return FindConflictsImpl(in, so_far, false);
}

std::vector<Conflict> FindConflictsSlow(const Input& in, const Fusion& so_far) {
  return FindConflictsImpl(in, so_far, true);
}

}  // namespace sitrep::fuse
