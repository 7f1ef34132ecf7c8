#include "extract/recollect.h"

#include <string>
#include <string_view>

#include "text/fold.h"

namespace sitrep::extract {
namespace {

enum class Kind { kOther, kGained, kLost };

Kind KindOf(const Resources& res, const Event& e) {
  const std::string_view id = res.event_types()[e.type].id;
  if (id == "control_gained") return Kind::kGained;
  if (id == "control_lost") return Kind::kLost;
  return Kind::kOther;
}

bool Usable(EventStatus s) {
  return s == EventStatus::kAsserted || s == EventStatus::kReported || s == EventStatus::kBackground;
}

// The same party, or one side unknown.
bool SameParty(const Party& a, const Party& b) {
  if (a.empty() || b.empty()) return true;
  if (!a.id.empty() || !b.id.empty()) return a.id == b.id;
  return text::FoldForMatch(a.text) == text::FoldForMatch(b.text);
}

bool Known(const Party& p) { return !p.empty(); }

// The same resolved place, or (both unresolved) the same words.
bool SamePlace(const Party& a, const Party& b) {
  if (!a.id.empty() || !b.id.empty()) return a.id == b.id;
  return !a.text.empty() && text::FoldForMatch(a.text) == text::FoldForMatch(b.text);
}

// "retook", "recaptured", "regained", "the recapture of", "took back": a second change
// the same way.
bool Repeated(const Document& doc, const Event& e) {
  const std::string t = text::FoldForMatch(doc.view(e.trigger));
  for (std::string_view p : {"recap", "retook", "retak", "regain", "reclaim", "reconquer", "reseiz", "re-"}) {
    if (t.rfind(p, 0) == 0) return true;
  }
  return t.find(" back") != std::string::npos;
}

// Who gains and who loses the place. "X captured P": X gains; "X withdrew from P", "X lost
// P": X loses; "X was driven out of P by Y": X loses, Y gains.
struct Sides {
  const Party* gainer = nullptr;
  const Party* loser = nullptr;
};
Sides SidesOf(Kind k, const Event& e) {
  static const Party kNone;
  Sides s{&kNone, &kNone};
  if (k == Kind::kGained) {
    s.gainer = &e.agent;
  } else if (e.rule.rfind("verb passive", 0) == 0) {
    s.loser = &e.target;
    s.gainer = &e.agent;
  } else {
    s.loser = &e.agent;
  }
  return s;
}

bool Compatible(const Document& doc, Kind ke, const Event& e, Kind ka, const Event& a) {
  const Sides se = SidesOf(ke, e), sa = SidesOf(ka, a);
  if (ke == ka) {
    // A recapture is not the first capture it reverses, whoever the parties.
    if (Repeated(doc, e) != Repeated(doc, a)) return false;
    return SameParty(*se.gainer, *sa.gainer) && SameParty(*se.loser, *sa.loser);
  }
  // The gainer of one is not the loser of the other.
  const Party& gainer = ke == Kind::kGained ? *se.gainer : *sa.gainer;
  const Party& loser = ke == Kind::kLost ? *se.loser : *sa.loser;
  return !(Known(gainer) && Known(loser) && SameParty(gainer, loser));
}

// The first body sentence and headlines: the story's own news.
std::vector<bool> LeadSentences(const Document& doc) {
  std::vector<bool> lead(doc.sentences.size(), false);
  bool body_seen = false;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (doc.sentences[s].kind == LineKind::kHeadline) lead[s] = true;
    if (doc.sentences[s].kind == LineKind::kBody && !body_seen) {
      lead[s] = true;
      body_seen = true;
    }
  }
  return lead;
}

// A sentence that goes on with a dated recollection in the same paragraph, with no date
// of its own, is part of it: "X seized the town in May 2015. Its destruction of the ruins
// provoked outrage, and the army's recapture was hailed as a turning point."
void CarryBackground(const Document& doc, const std::vector<bool>& lead, std::vector<Event>& ev) {
  size_t i = 0;
  bool prev_recalls = false;  // the previous sentence tells only background
  uint32_t prev_sentence = 0xFFFFFFFFu;
  while (i < ev.size()) {
    const uint32_t s = ev[i].sentence;
    size_t j = i;
    while (j < ev.size() && ev[j].sentence == s) ++j;
    bool own_time = false;
    for (size_t k = i; k < j; ++k) own_time |= ev[k].time_source == "sentence";
    const bool continues = prev_recalls && prev_sentence + 1 == s && s < doc.sentences.size() &&
                           doc.sentences[s].paragraph == doc.sentences[s - 1].paragraph;
    if (continues && !own_time && !lead[s]) {
      for (size_t k = i; k < j; ++k) {
        if (ev[k].status == EventStatus::kAsserted && ev[k].time_source == "document date") {
          ev[k].status = EventStatus::kBackground;
          ev[k].rule += "; continues the recollection of sentence " + std::to_string(s - 1);
        }
      }
    }
    bool background = false, news = false;
    for (size_t k = i; k < j; ++k) {
      background |= ev[k].status == EventStatus::kBackground;
      news |= ev[k].status == EventStatus::kAsserted || ev[k].status == EventStatus::kReported;
    }
    prev_recalls = background && !news;
    prev_sentence = s;
    i = j;
  }
}

// "The army withdrew from X. [...] The loss of X embarrassed the government": a change of
// control with nobody named takes the party of the nearest mention of the same type at
// the same place and date that names one (the gainer of a gain, the loser of a loss).
void FillParties(const Resources& res, std::vector<Event>& ev, const std::vector<size_t>& control) {
  std::vector<std::pair<size_t, size_t>> fills;
  for (size_t i : control) {
    const Event& e = ev[i];
    const Kind k = KindOf(res, e);
    if (!e.agent.empty() || (k == Kind::kLost && e.rule.rfind("verb passive", 0) == 0) || !Usable(e.status)) {
      continue;
    }
    size_t best = ev.size();
    uint32_t best_d = 0xFFFFFFFFu;
    for (size_t j : control) {
      const Event& a = ev[j];
      if (j == i || KindOf(res, a) != k || !SamePlace(a.place, e.place) || a.time != e.time || !Usable(a.status)) {
        continue;
      }
      if ((a.status == EventStatus::kBackground) != (e.status == EventStatus::kBackground)) continue;
      const Party& p = *(k == Kind::kGained ? SidesOf(k, a).gainer : SidesOf(k, a).loser);
      if (p.empty() || p.id.empty() || p.kind == "place") continue;
      const uint32_t d = a.sentence > e.sentence ? a.sentence - e.sentence : e.sentence - a.sentence;
      if (d < best_d) best_d = d, best = j;
    }
    if (best != ev.size()) fills.emplace_back(i, best);
  }
  for (auto [i, j] : fills) {
    const Kind k = KindOf(res, ev[j]);
    ev[i].agent = *(k == Kind::kGained ? SidesOf(k, ev[j]).gainer : SidesOf(k, ev[j]).loser);
    ev[i].agent.how = "same change in sentence " + std::to_string(ev[j].sentence);
  }
}

// The place of the incident `from`, for a mention of it that names none (`how` says where
// it came from).
void TakePlace(const Event& from, Event& to) {
  if (!to.place.empty() || from.place.empty()) return;
  to.place = from.place;
  to.place.how = "same incident in sentence " + std::to_string(from.sentence);
}

// Kinds of violence that one incident can be told as ("an ambush ... the attack", "a strike
// ... the raid"): events of one family may be the same incident.
int Family(std::string_view id) {  // (a view: each == tests the size first)
  if (id == "armed_clash" || id == "bombing" || id == "attack_on_civilians" || id == "killing") return 1;
  if (id == "air_strike" || id == "shelling") return 2;
  if (id == "control_gained" || id == "control_lost") return 0;
  return 3;
}

// "Militants ambushed a convoy near X on Sunday. At least 30 soldiers were killed, and the
// group claimed the attack.": one incident told over a paragraph. A mention dated only by
// the document, not in the lead, takes the date of the nearest earlier mention of the same
// family of events (Family) in its paragraph, dated by its own
// sentence, at the same place or with a place on one side only, when both are news (or
// both recollections). Control changes are left to the rules below, which match places.
void CarryIncidentDates(const Resources& res, const Document& doc, const std::vector<bool>& lead,
                        std::vector<Event>& ev) {
  std::vector<std::pair<size_t, size_t>> links;
  for (size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    const int fam = Family(res.event_types()[e.type].id);
    if (fam == 0 || fam == 3 || e.time_source != "document date" || e.sentence >= doc.sentences.size() ||
        (e.sentence < lead.size() && lead[e.sentence])) {
      continue;
    }
    if (e.status != EventStatus::kAsserted && e.status != EventStatus::kReported && e.status != EventStatus::kDenied) {
      continue;
    }
    for (size_t j = i; j-- > 0;) {
      const Event& a = ev[j];
      if (a.sentence >= doc.sentences.size()) break;
      // (Only in its paragraph: a bullet or a live blog's entry is an item of its own.)
      if (doc.sentences[a.sentence].paragraph != doc.sentences[e.sentence].paragraph) break;
      if (Family(res.event_types()[a.type].id) != fam || a.time_source != "sentence") continue;
      // (A sentence "dated" by "now" or a duration gives no day to carry.)
      if (a.time.empty() || !((a.time[0] >= '0' && a.time[0] <= '9') || a.time[0] == 'X')) continue;
      if ((a.status == EventStatus::kBackground) != (e.status == EventStatus::kBackground)) continue;
      if (!e.place.empty() && !a.place.empty() && !SamePlace(e.place, a.place)) continue;
      links.emplace_back(i, j);
      break;
    }
  }
  for (auto [i, j] : links) {
    ev[i].time = ev[j].time;
    ev[i].time_span = ev[j].time_span;
    ev[i].time_source = "same event";
    ev[i].rule += "; dated by the same incident in sentence " + std::to_string(ev[j].sentence);
    TakePlace(ev[j], ev[i]);
  }
}

// "A suicide bomber struck a wedding hall. The group claimed the attack.": "the attack"
// names the incident already told (the nearest earlier violent event in its paragraph or
// the sentence before), and takes its type (a bombing here) and its date ("claimed the
// attack in a statement on Monday" is not Monday's attack).
void TypeTheAttack(const Resources& res, const Document& doc, std::vector<Event>& ev) {
  for (size_t i = 0; i < ev.size(); ++i) {
    Event& e = ev[i];
    // (Only a bare "the attack": "fighters launched the attack on the city" is its own.)
    // (An agent that claims the attack or is blamed for it does not make it another one.)
    const bool claimed = e.agent.how == "claimer" || e.agent.how == "blamed";
    if (e.frame != Frame::kNoun || e.sentence >= doc.sentences.size() || (!e.agent.empty() && !claimed)) continue;
    const std::string t = text::FoldForMatch(doc.view(e.trigger));
    // ("the raids", told after "Air strikes killed 40", are those strikes.)
    if ((t != "attack" && t != "raid" && t != "raids") || e.trigger.start < 4) continue;
    const std::string det = text::FoldForMatch(doc.view(Span{e.trigger.start - 4, e.trigger.start}));
    if (det != "the ") continue;
    for (size_t j = i; j-- > 0;) {
      const Event& a = ev[j];
      if (a.sentence == e.sentence) continue;  // told in an earlier sentence
      // (In its paragraph or in the two sentences before: wire copy gives most sentences a
      // paragraph of their own.)
      if (a.sentence >= doc.sentences.size() ||
          (a.sentence + 2 < e.sentence && doc.sentences[a.sentence].paragraph != doc.sentences[e.sentence].paragraph)) {
        break;
      }
      const std::string& aid = res.event_types()[a.type].id;
      const int fam = Family(aid);
      // (A killing is the attack's toll, never its kind.)
      if ((fam != 1 && fam != 2) || aid == "killing") continue;
      if (a.type != e.type) {
        e.type = a.type;
        e.rule += "; the incident of sentence " + std::to_string(a.sentence);
        // ("the raids" after air strikes were made by the strikes' aircraft.)
        if (!a.instrument.empty()) e.instrument = a.instrument;
      }
      // ("ISWAP claimed the attack in a statement on Monday": the day of the statement is
      // not the day of the attack.)
      TakePlace(a, e);
      if ((a.time_source == "sentence" || a.time_source == "same event") && a.time != e.time &&
          a.status != EventStatus::kBackground) {
        e.time = a.time;
        e.time_span = a.time_span;
        e.time_source = "same event";
        e.rule += "; dated by the incident of sentence " + std::to_string(a.sentence);
      }
      break;
    }
  }
}

// Whether `a`, told after `e`, may date it: only in the same paragraph, and a recollection
// never dates the news ("troops were near the capital after taking Shusha ... Armenian
// forces had taken Shusha in May 1992": two captures, not one).
bool LaterTells(const Document& doc, const Event& e, const Event& a) {
  if (a.status == EventStatus::kBackground && e.status != EventStatus::kBackground) return false;
  if (e.sentence >= doc.sentences.size() || a.sentence >= doc.sentences.size()) return false;
  return doc.sentences[e.sentence].paragraph == doc.sentences[a.sentence].paragraph;
}

}  // namespace

void LinkRecollections(const Resources& res, const Document& doc, std::vector<Event>* events) {
  std::vector<Event>& ev = *events;
  const std::vector<bool> lead = LeadSentences(doc);
  CarryBackground(doc, lead, ev);
  TypeTheAttack(res, doc, ev);
  CarryIncidentDates(res, doc, lead, ev);
  std::vector<size_t> control;
  for (size_t i = 0; i < ev.size(); ++i) {
    if (KindOf(res, ev[i]) != Kind::kOther && !ev[i].place.empty()) control.push_back(i);
  }
  // Decide every mention from the original antecedents first, then apply, so the result
  // does not depend on the order mentions are visited.
  std::vector<std::pair<size_t, size_t>> links;  // (mention, antecedent)
  for (size_t i : control) {
    const Event& e = ev[i];
    // The headline and the lead tell the news in their own words: left as they are.
    // (A denial is of the change told elsewhere: "Ukraine denied that the city had fallen".)
    if (e.time_source != "document date" || !(Usable(e.status) || e.status == EventStatus::kDenied) ||
        (e.sentence < lead.size() && lead[e.sentence])) {
      continue;
    }
    size_t best = ev.size();
    for (int pass = 0; pass < 2 && best == ev.size(); ++pass) {
      const bool same_type = pass == 0;
      size_t before = ev.size(), after = ev.size();
      for (size_t j : control) {
        const Event& a = ev[j];
        if (j == i || a.time_source != "sentence" || !Usable(a.status)) continue;
        // A recollection is dated by a recollection, never by the news.
        if (e.status == EventStatus::kBackground && a.status != EventStatus::kBackground) continue;
        if (!SamePlace(a.place, e.place)) continue;
        if ((KindOf(res, a) == KindOf(res, e)) != same_type) continue;
        if (!Compatible(doc, KindOf(res, e), e, KindOf(res, a), a)) continue;
        if (a.trigger.start < e.trigger.start) {
          before = j;  // control is in text order: the last one before is the nearest
        } else if (after == ev.size() && LaterTells(doc, e, a)) {
          after = j;
        }
      }
      best = before != ev.size() ? before : after;
    }
    if (best != ev.size()) links.emplace_back(i, best);
  }
  for (auto [i, j] : links) {
    Event& e = ev[i];
    const Event& a = ev[j];
    e.time = a.time;
    e.time_span = a.time_span;
    e.time_source = "same event";
    if (a.status == EventStatus::kBackground) e.status = EventStatus::kBackground;
    e.rule += "; dated by the same change in sentence " + std::to_string(a.sentence);
  }
  FillParties(res, ev, control);
}

}  // namespace sitrep::extract
