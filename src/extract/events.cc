#include "extract/events.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include "extract/attribution.h"
#include "extract/triggers.h"
#include "extract/words.h"

namespace sitrep::extract {

std::string_view StatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kAsserted: return "asserted";
    case EventStatus::kReported: return "reported";
    case EventStatus::kDenied: return "denied";
    case EventStatus::kPlanned: return "planned";
    case EventStatus::kAttempted: return "attempted";
    case EventStatus::kConditional: return "conditional";
    case EventStatus::kNegated: return "negated";
    case EventStatus::kBackground: return "background";
  }
  return "";
}

namespace {

using lexicon::Mention;
using lexicon::MentionKind;
using Set = std::unordered_set<std::string_view>;

const Set& Aux() {
  static const Set s = {"had", "has", "have", "was", "were", "is", "are", "been", "being", "be",
                        "successfully", "reportedly", "also", "finally", "eventually", "then", "later",
                        "recently", "quickly", "already", "now", "completely", "fully", "partially",
                        "largely", "allegedly", "apparently", "again", "first"};
  return s;
}
const Set& PassiveAux() {
  static const Set s = {"was", "were", "been", "being", "is", "are", "be"};
  return s;
}
// Words between a verb and its object: "retook all of X", "took control of X".
const Set& ObjectSkip() {
  static const Set s = {"the", "a", "an", "its", "their", "his", "her", "all", "of", "control", "full",
                        "most", "parts", "part", "much", "back", "over", "from", "out", "most",
                        "positions", "in", "on", "into", "entire", "whole", "large", "areas", "around"};
  return s;
}
const Set& Determiners() {
  static const Set s = {"the", "a", "an", "its", "their"};
  return s;
}
// Common nouns that name an armed party by themselves ("the army withdrew").
const Set& ForceNouns() {
  static const Set s = {"army", "forces", "troops", "militants", "rebels", "fighters", "group", "regime",
                        "militia", "militias", "jihadists", "soldiers", "government", "insurgents",
                        "police", "military", "coalition", "opposition", "gunmen", "jets", "warplanes",
                        "aircraft", "drones", "artillery", "separatists", "extremists", "guerrillas",
                        "paramilitaries", "mercenaries", "loyalists", "marines", "commandos",
                        "battalion", "brigade", "regiment", "units", "islamists", "gunmen", "attackers"};
  return s;
}
// Common nouns that name a place or objective by themselves ("retook the airport").
const Set& PlaceNouns() {
  static const Set s = {"town", "city", "village", "airport", "base", "airbase", "district", "province",
                        "region", "bridge", "hill", "ridge", "port", "area", "areas", "neighbourhood",
                        "neighborhood", "checkpoint", "highway", "road", "field", "fields", "citadel",
                        "dam", "plant", "positions", "outskirts", "suburb", "suburbs", "crossing",
                        "border", "island", "valley", "mountain", "villages", "towns", "front", "site",
                        "capital", "stronghold", "garrison", "barracks", "headquarters", "prison",
                        "refinery", "oilfield", "hospital", "school", "market", "mosque", "church",
                        "temple", "temples", "shrine", "convoy", "compound"};
  return s;
}

// Control verbs that are too common to count without a place or target.
const Set& NeedsObject() {
  static const Set s = {"take", "takes", "took", "taken", "taking", "lose", "loses", "lost", "losing",
                        "advance", "advances", "advanced", "advancing", "deal", "regain", "regains",
                        "regained", "regaining", "abandon", "abandoned", "attack", "attacks",
                        "attacked", "attacking", "assault", "signed", "authorised", "authorized",
                        "surrender", "surrendered", "capture", "captured", "seized", "seize"};
  return s;
}
// Idioms: the trigger followed by one of these is no event.
const Set& IdiomNext() {
  static const Set s = {"place", "part", "advantage", "note", "care", "account", "office", "power",
                        "effect", "hold", "steps", "measures", "action", "interest", "sides", "turns",
                        "time", "aim", "responsibility", "credit", "shape", "charge", "photos",
                        "pictures", "video", "footage", "notice", "track", "sight", "touch", "faith",
                        "hope", "heart", "momentum", "ground-breaking"};
  return s;
}

// Capitalised words that never name a party by themselves.
const Set& NotParty() {
  static const Set s = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
                        "it", "they", "he", "she", "we", "i", "following", "after", "before", "despite",
                        "in", "on", "at", "as", "when", "while", "but", "and", "unofficial", "some",
                        "many", "other", "another", "both", "all", "monday", "tuesday", "wednesday",
                        "thursday", "friday", "saturday", "sunday", "january", "february", "march",
                        "april", "may", "june", "july", "august", "september", "october", "november",
                        "december"};
  return s;
}

bool Capitalised(const Document& doc, const Word& w) {
  unsigned char c = static_cast<unsigned char>(doc.text[w.span.start]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;  // non-ASCII letters: leave to the word test
}

struct Ctx {
  const Document& doc;
  const std::vector<Mention>& mentions;
  const std::vector<Word>& w;
  std::vector<uint32_t> in_sentence;  // mention indices inside the sentence
  std::vector<const time::Timex*> times;  // date and time expressions of the sentence
  bool headline = false;

  // The mention covering word k (actor, person or place), or kNoRef.
  uint32_t MentionAt(size_t k) const {
    for (uint32_t mi : in_sentence) {
      const Mention& m = mentions[mi];
      if (m.kind == MentionKind::kSource) continue;
      if (m.span.start <= w[k].span.start && w[k].span.start < m.span.end) return mi;
    }
    return Mention::kNoRef;
  }

  bool PartyWord(size_t k) const {
    if (w[k].kind != TokenKind::kWord) return false;
    if (ForceNouns().count(w[k].folded) > 0 || PlaceNouns().count(w[k].folded) > 0) return true;
    // Headlines capitalise every word: only mentions and force nouns count there.
    if (headline || NotParty().count(w[k].folded) > 0) return false;
    for (const time::Timex* t : times) {
      if (t->span.start <= w[k].span.start && w[k].span.start < t->span.end) return false;
    }
    return Capitalised(doc, w[k]);
  }

  Party FromMention(uint32_t mi, const char* how) const {
    return MakeParty(doc, mentions[mi].span, mentions, how);
  }

  // An auxiliary or adverb, not an acronym that folds like one ("IS" is no "is").
  bool IsAux(int k, const Set& set) const {
    if (w[k].kind != TokenKind::kWord || !set.count(w[k].folded)) return false;
    std::string_view t = doc.view(w[k].span);
    return !(t.size() >= 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z');
  }

  // The party ending at word `end` (inclusive), walking back.
  Party Before(int end, const char* how) const {
    while (end >= 0 && IsAux(end, Aux())) --end;
    if (end < 0) return {};
    if (w[end].folded == "'s" || w[end].folded == "'") --end;
    if (end < 0) return {};
    uint32_t mi = MentionAt(end);
    if (mi != Mention::kNoRef) return FromMention(mi, how);
    if (!PartyWord(end)) return {};
    int b = end;
    while (b - 1 >= 0 && end - b < 5 && (PartyWord(b - 1) || w[b - 1].folded == "-")) --b;
    if (b - 1 >= 0 && Determiners().count(w[b - 1].folded)) --b;
    return MakeParty(doc, Span{w[b].span.start, w[end].span.end}, mentions, how);
  }

  // The party starting at word `start`, skipping object words; stops at `limit` words.
  Party After(size_t start, const char* how, const Set& skip) const {
    size_t k = start;
    while (k < w.size() && k < start + 6 && w[k].kind == TokenKind::kWord && skip.count(w[k].folded)) {
      if (MentionAt(k) != Mention::kNoRef) break;
      ++k;
    }
    if (k >= w.size()) return {};
    uint32_t mi = MentionAt(k);
    if (mi != Mention::kNoRef) return FromMention(mi, how);
    if (Determiners().count(w[k].folded) && k + 1 < w.size()) ++k;
    if (!PartyWord(k)) {
      // "coalition-backed forces", "pro-government militias": lower-case words before a force noun.
      static const Set preps = {"by", "of", "from", "to", "in", "on", "at", "with", "for", "into", "near",
                                "and", "or", "after", "before", "as", "than", "that", "which", "who"};
      if (preps.count(w[k].folded)) return {};
      for (size_t j = k + 1; j < w.size() && j <= k + 2 && w[j].kind == TokenKind::kWord; ++j) {
        if (ForceNouns().count(w[j].folded)) {
          size_t b = k > start && Determiners().count(w[k - 1].folded) ? k - 1 : k;
          return MakeParty(doc, Span{w[b].span.start, w[j].span.end}, mentions, how);
        }
      }
      return {};
    }
    size_t b = k > start && Determiners().count(w[k - 1].folded) ? k - 1 : k;
    size_t e = k;
    while (e + 1 < w.size() && e - k < 5 && PartyWord(e + 1)) ++e;
    return MakeParty(doc, Span{w[b].span.start, w[e].span.end}, mentions, how);
  }

  // "by X" within `window` words after `from`.
  Party ByAfter(size_t from, size_t window) const {
    for (size_t k = from; k < w.size() && k < from + window; ++k) {
      if (w[k].kind == TokenKind::kPunct && w[k].folded != "-") break;
      if (w[k].folded == "by") return After(k + 1, "by-agent", Determiners());
    }
    return {};
  }
};

bool IsPlace(const Party& p) { return p.kind == "place"; }

// Words before the trigger in its clause (up to 5), folded, nearest first.
std::vector<std::string_view> ClauseBefore(const std::vector<Word>& w, size_t first) {
  std::vector<std::string_view> out;
  for (size_t k = first; k-- > 0 && out.size() < 5;) {
    if (w[k].kind == TokenKind::kPunct && w[k].folded != "-" && w[k].folded != "'") break;
    out.push_back(w[k].folded);
  }
  return out;
}

EventStatus StatusOf(const std::vector<Word>& w, const TriggerMatch& m, bool has_claimant) {
  auto before = ClauseBefore(w, m.first);
  static const Set negators = {"not", "never", "didn't", "no", "wasn't", "weren't", "hasn't", "haven't", "n't"};
  for (auto b : before) if (negators.count(b)) return EventStatus::kNegated;
  static const Set planned = {"will", "would", "plans", "planning", "plan", "intends", "intend",
                              "threatened", "threatens", "going", "expected", "preparing", "prepares",
                              "about", "set", "vowed", "vows", "aims", "ready", "poised"};
  for (auto b : before) if (planned.count(b)) return EventStatus::kPlanned;
  static const Set attempted = {"fail", "failed", "fails", "attempt", "attempted", "attempting",
                                "tried", "try", "trying", "attempts", "sought", "seeking", "bid"};
  for (auto b : before) if (attempted.count(b)) return EventStatus::kAttempted;
  for (size_t k = 0; k < m.first; ++k) {
    if (w[k].folded == "if" || w[k].folded == "unless") return EventStatus::kConditional;
  }
  for (const Word& x : w) {
    if (x.folded == "denied" || x.folded == "denies" || x.folded == "deny") return EventStatus::kDenied;
  }
  return has_claimant ? EventStatus::kReported : EventStatus::kAsserted;
}

}  // namespace

std::vector<Event> FindEvents(const Resources& res, const Document& doc, const std::vector<Mention>& mentions,
                              const std::vector<time::DocumentTimex>& timexes) {
  std::vector<std::vector<Word>> words;
  std::vector<Party> claimants;
  PrepareSentences(doc, mentions, &words, &claimants);
  return EventsFromWords(res, doc, mentions, timexes, words, claimants);
}

std::vector<Event> EventsFromWords(const Resources& res, const Document& doc, const std::vector<Mention>& mentions,
                                   const std::vector<time::DocumentTimex>& timexes,
                                   const std::vector<std::vector<Word>>& words, const std::vector<Party>& claimants) {
  std::vector<Event> out;
  const uint32_t n = static_cast<uint32_t>(words.size());

  time::DateTime doc_time = 0;
  bool has_doc_time = false;
  if (!doc.date.value.empty()) {
    auto r = time::Reference::Parse(doc.date.value);
    if (r.ok()) doc_time = r->time, has_doc_time = true;
  }
  size_t mcur = 0, tcur = 0;
  for (uint32_t s = 0; s < n; ++s) {
    const Span ss = doc.sentences[s].span;
    const std::vector<Word>& w = words[s];
    Ctx ctx{doc, mentions, w, {}, {}, doc.sentences[s].kind == LineKind::kHeadline};
    while (mcur < mentions.size() && mentions[mcur].span.start < ss.start) ++mcur;
    for (size_t k = mcur; k < mentions.size() && mentions[k].span.start < ss.end; ++k) {
      ctx.in_sentence.push_back(static_cast<uint32_t>(k));
    }
    while (tcur < timexes.size() && timexes[tcur].sentence < s) ++tcur;
    std::vector<const time::Timex*> times;
    for (size_t k = tcur; k < timexes.size() && timexes[k].sentence == s; ++k) {
      const time::Timex& t = timexes[k].timex;
      if (t.type == time::TimexType::kDate || t.type == time::TimexType::kTime) times.push_back(&t);
    }
    ctx.times = times;

    uint32_t last_control_verb_end = 0;
    bool have_control_verb = false;
    for (const TriggerMatch& m : MatchTriggers(res, w)) {
      const Trigger& trig = res.triggers()[m.trigger];
      if (m.last < w.size() && IdiomNext().count(w[m.last].folded)) continue;
      // "in advance", "in return", "the attack on" stays; "in advance" is no advance.
      if (m.first > 0 && w[m.first - 1].folded == "in" && trig.words[0] == "advance") continue;
      const bool is_control = res.event_types()[trig.type].id.rfind("control_", 0) == 0;
      // "retook full control of X", "took control of X": the noun repeats the verb's event.
      if (is_control && trig.frame == Frame::kNoun && have_control_verb && m.first <= last_control_verb_end + 3) {
        continue;
      }
      if (is_control && trig.frame != Frame::kNoun) {
        have_control_verb = true;
        last_control_verb_end = m.last;
      }
      Event e;
      e.document = doc.id;
      e.sentence = s;
      e.reported_by = doc.outlet;
      e.line_kind = doc.sentences[s].kind;
      e.trigger = m.span;
      e.type = trig.type;
      e.frame = trig.frame;
      const int before = static_cast<int>(m.first) - 1;
      bool passive_frame = false;
      switch (trig.frame) {
        case Frame::kVerb: {
          bool passive = PassiveAux().count(trig.words[0]) > 0;
          for (int k = before; k >= 0 && before - k < 3 && ctx.IsAux(k, Aux()); --k) {
            if (ctx.IsAux(k, PassiveAux())) passive = true;
          }
          if (passive) {
            e.target = ctx.Before(before, "passive-subject");
            e.agent = ctx.ByAfter(m.last, 10);
            Party from = ctx.After(m.last, "passive-from", ObjectSkip());
            if (from.span != e.agent.span && (IsPlace(from) || from.kind.empty())) e.place = from;
            // "Y was captured": Y is the place taken; "Y was driven out": Y is the party that lost.
            passive_frame = res.event_types()[trig.type].id == "control_lost";
            e.rule = "verb passive";
          } else {
            e.agent = ctx.Before(before, "active-subject");
            e.target = ctx.After(m.last, "active-object", ObjectSkip());
            e.rule = "verb active";
          }
          break;
        }
        case Frame::kNoun: {
          static const Set preps = {"on", "in", "of", "against", "near", "at", "around", "over", "the", "a", "an"};
          e.agent = ctx.Before(before, "noun-modifier");
          if (e.agent.empty()) e.agent = ctx.ByAfter(m.last, 6);
          e.target = ctx.After(m.last, "noun-object", preps);
          if (m.last < w.size() && w[m.last].folded == "by") e.target = {};
          e.rule = "noun";
          break;
        }
        case Frame::kFall:
          e.target = ctx.Before(before, "fall-subject");
          e.agent = ctx.After(m.last, "fall-gainer", Determiners());
          e.rule = "fall";
          break;
        case Frame::kLose:
          e.agent = ctx.Before(before, "lose-subject");
          e.target = ctx.After(m.last, "lose-object", ObjectSkip());
          e.rule = "lose";
          break;
      }
      if (e.agent.span == e.target.span) e.target = {};
      const bool control = res.event_types()[e.type].id.rfind("control_", 0) == 0;
      if (e.place.empty() &&
          (IsPlace(e.target) || (control && !passive_frame && !e.target.empty() && e.target.kind.empty()))) {
        e.place = e.target;
      }
      if (e.place.empty()) {
        // The nearest place mention in the sentence, after the trigger first.
        uint32_t best = Mention::kNoRef;
        for (uint32_t mi : ctx.in_sentence) {
          if (mentions[mi].kind != MentionKind::kPlace) continue;
          if (best == Mention::kNoRef ||
              (mentions[mi].span.start >= m.span.end && mentions[best].span.start < m.span.start)) best = mi;
          if (mentions[best].span.start >= m.span.end) break;
        }
        if (best != Mention::kNoRef) e.place = MakeParty(doc, mentions[best].span, mentions, "sentence-place");
      }
      if (NeedsObject().count(trig.words[0]) && trig.words.size() == 1 && e.target.empty() && e.place.empty()) continue;
      // Time.
      const time::Timex* best_t = nullptr;
      uint32_t best_d = 0xFFFFFFFFu;
      for (const time::Timex* t : times) {
        uint32_t d = t->span.start >= m.span.end ? t->span.start - m.span.end
                   : m.span.start >= t->span.end ? m.span.start - t->span.end : 0;
        if (d < best_d) best_d = d, best_t = t;
      }
      if (best_t != nullptr) {
        e.time = best_t->value;
        e.time_span = best_t->span;
        e.time_source = "sentence";
      } else if (!doc.date.value.empty()) {
        e.time = doc.date.value;
        e.time_source = "document date";
      } else {
        e.time_source = "none";
      }
      e.claimed_by = claimants[s];
      e.status = StatusOf(w, m, !e.claimed_by.empty());
      if (e.status == EventStatus::kAsserted || e.status == EventStatus::kReported) {
        bool pluperfect = before >= 0 && w[before].folded == "had";
        if (has_doc_time && best_t != nullptr && best_t->interval.valid() &&
            best_t->interval.end < doc_time - 30 * 86400) {
          e.status = EventStatus::kBackground;
        } else if (pluperfect && best_t != nullptr) {
          e.status = EventStatus::kBackground;
        }
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace sitrep::extract
