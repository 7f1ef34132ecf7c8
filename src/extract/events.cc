#include "extract/events.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <unordered_set>

#include "extract/attribution.h"
#include "extract/recollect.h"
#include "extract/triggers.h"
#include "extract/words.h"
#include "text/fold.h"
#include "time/civil.h"

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
using Set = WordSet;

// The word sets that Ctx tests word by word, as bits of a word's class (Classes(), built
// from the sets below): each word of a sentence with a trigger is looked up once.
enum : uint64_t {
  kAux = 1u << 0,
  kPassiveAux = 1u << 1,
  kObjectSkip = 1u << 2,
  kDeterminers = 1u << 3,
  kSupportWords = 1u << 4,
  kForceNouns = 1u << 5,
  kPlaceNouns = 1u << 6,
  kNotParty = 1u << 7,
  kAfterStops = 1u << 8,
  kNounObjectSkip = 1u << 9,
  kDenials = 1u << 10,
  kConditions = 1u << 11,  // "if", "unless"
  kUntil = 1u << 12,
  kAfterSince = 1u << 13,  // "after", "since"
  kClauseOpeners = 1u << 14,
  kRelativeOpeners = 1u << 15,
  kComma = 1u << 16,          // ","
  kCommaSemicolon = 1u << 17,  // ",", ";"
};

const Set& Aux() {
  static const Set s = {"had", "has", "have", "was", "were", "is", "are", "been", "being", "be",
                        "successfully", "reportedly", "also", "finally", "eventually", "then", "later",
                        "recently", "quickly", "already", "now", "completely", "fully", "partially",
                        "largely", "allegedly", "apparently", "again", "first", "since"};
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
                        "positions", "in", "on", "into", "entire", "whole", "large", "areas", "around",
                        "toward", "towards", "near", "across", "through"};
  return s;
}
const Set& Determiners() {
  static const Set s = {"the", "a", "an", "its", "their"};
  return s;
}
// "backed by", "supported by": who helps the subject, not the subject.
const Set& SupportWords() {
  static const Set s = {"backed", "supported", "aided", "assisted", "helped", "escorted", "covered", "joined"};
  return s;
}
// Common nouns that name an armed party by themselves ("the army withdrew").
const Set& ForceNouns() {
  static const Set s = {"army", "forces", "force", "troops", "militants", "rebels", "fighters", "group", "regime",
                        "militia", "militias", "jihadists", "soldiers", "government", "insurgents",
                        "police", "military", "coalition", "opposition", "gunmen", "jets", "warplanes",
                        "aircraft", "drones", "helicopters", "artillery", "separatists", "extremists", "guerrillas",
                        "paramilitaries", "mercenaries", "loyalists", "marines", "commandos",
                        "battalion", "brigade", "regiment", "units", "islamists", "gunmen", "attackers",
                        "factions", "revolutionaries", "officers", "peacekeepers", "paratroopers", "defenders",
                        "battlegroup", "aviation", "navy", "militiamen", "tribesmen", "jihadis", "combatants",
                        "servicemen", "conscripts", "reservists", "partisans", "brigades", "battalions",
                        "regiments", "division", "divisions", "corps", "detachment", "detachments",
                        "contingent", "gunships", "bombers", "raiders", "insurgent", "rebel",
                        "soldier", "fighter", "militant", "squad", "squads", "platoon", "sappers", "enemy",
                        "mujahideen", "mujahedeen", "gangs", "gang", "cartel", "cartels", "bandits",
                        "assailants", "gendarmes", "gendarmerie", "guerrilla", "troopers", "terrorists",
                        "groups", "snipers", "sniper", "gunman", "assailant", "attacker", "infiltrators",
                        // (aircraft and their crews: "a US gunship struck", "Eritrean gunners shot down")
                        "gunship", "warplane", "jet", "plane", "planes", "drone", "helicopter", "bomber",
                        "gunners", "gunner", "pilot", "pilots", "airmen", "crews", "defences", "defenses", "junta",
                        "patrol", "patrols", "garrison"};
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
                        "temple", "temples", "shrine", "convoy", "compound", "camp", "camps", "post",
                        "posts", "outpost", "outposts", "airfield", "stadium", "palace", "building",
                        "buildings", "coastline", "countryside", "pocket", "enclave", "airbase", "hotel",
                        "cafe", "facilities", "facility", "works", "plant", "station", "stations",
                        "checkpoints", "bases", "airports", "bridges", "hills", "roads", "districts",
                        // ("entered the heart of Aleppo": a part of a place names the place.)
                        "heart", "centre", "center", "edge", "edges", "neighbourhoods", "neighborhoods"};
  return s;
}

// Titles that make the place noun before them part of a person's name ("a village chief").
const Set& TitleNouns() {
  static const Set s = {"chief", "chiefs", "governor", "governors", "mayor", "mayors", "leader", "leaders",
                        "elder", "elders", "commander", "commanders", "official", "officials", "head",
                        "imam", "priest", "administrator", "councillor", "councillors", "council",
                        "police", "guards", "residents", "spokesman", "director", "doctor", "doctors",
                        "colonel", "general", "officer", "captain", "major", "lieutenant", "sergeant",
                        "chaplain", "recruits", "veteran", "veterans"};
  return s;
}

// Control verbs that are too common to count without a place or target.
const Set& NeedsObject() {
  static const Set s = {"take", "takes", "took", "taken", "taking", "lose", "loses", "lost", "losing",
                        "advance", "advances", "advanced", "advancing", "deal", "regain", "regains",
                        "regained", "regaining", "abandon", "abandoned", "attack", "attacks",
                        "attacked", "attacking", "signed", "storm", "storms", "storming", "dislodge",
                        "dislodged", "repel", "repels", "repelling", "authorised", "authorized",
                        "surrender", "surrendered", "capture", "captured", "seized", "seize"};
  return s;
}
// Idioms: the trigger followed by one of these is no event.
const Set& IdiomNext() {
  static const Set s = {"place", "part", "advantage", "note", "care", "account", "office", "power",
                        "effect", "hold", "steps", "measures", "action", "interest", "sides", "turns",
                        "time", "aim", "responsibility", "credit", "shape", "charge", "photos",
                        "pictures", "video", "footage", "notice", "track", "sight", "touch", "faith",
                        "hope", "heart", "momentum", "ground-breaking", "rifle", "rifles", "operations",
                        "prisoner", "prisoners", "captive", "captives", "hostage", "silent", "apart",
                        "short", "asleep", "victim", "ill"};
  return s;
}
// Control verbs so common that only a direct object makes them an event ("entered Kherson",
// not "entered talks ... in Geneva").
const Set& NeedsDirectObject() {
  static const Set s = {"enter", "enters", "entered", "entering"};
  return s;
}
// Nouns of equipment: a control verb taking them is a seizure of equipment ("captured three
// tanks"), not a change of control.
const Set& EquipmentNouns() {
  static const Set s = {"tanks", "tank", "weapons", "vehicles", "ammunition", "equipment", "materiel",
                        "arms", "guns", "artillery", "missiles", "rockets", "launchers", "bmps", "apcs",
                        "armoured", "armored", "trucks", "munitions", "drones", "aircraft", "helicopters",
                        "rifles", "grenades", "pickups", "pick-ups", "pick-up", "pickup", "mortars",
                        "howitzers", "jeeps", "technicals", "explosives", "shells", "rounds", "stockpiles"};
  return s;
}
// Words after which "-ing word + force noun" is a participle describing the force ("that
// fleeing fighters", "by retreating troops").
const Set& ParticipleLead() {
  static const Set s = {"that", "of", "by", "with", "from", "as", "and", "for", "to", "among"};
  return s;
}
// Words that count a noun ("five attacks", "repeated attacks").
const Set& CountWords() {
  static const Set s = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
                        "multiple", "repeated", "numerous", "dozens", "scores", "hundreds", "few", "some"};
  return s;
}
bool IsNumberWord(const Word& w) {
  if (w.kind == TokenKind::kNumber) return true;
  return !w.folded.empty() && w.folded[0] >= '0' && w.folded[0] <= '9';
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

// Words that end the search for a party after a trigger ("attack by X", "recaptured from X").
const Set& AfterStops() {
  static const Set s = {"by", "of", "from", "to", "in", "on", "at", "with", "for", "into", "near",
                        "and", "or", "after", "before", "as", "than", "that", "which", "who"};
  return s;
}
// Words between an event noun and its object ("attacks on X", "the siege of X").
const Set& NounObjectSkip() {
  static const Set s = {"on", "in", "of", "against", "near", "at", "around", "over", "the", "a", "an"};
  return s;
}

// Words that deny what a sentence reports (StatusOf).
const Set& Denials() {
  static const Set s = {"denied", "denies", "deny", "denying", "dismissed", "rejected"};
  return s;
}

const Set& ClauseOpeners();
const Set& RelativeOpeners();

// One lookup for all the sets of the k-bits above, in their order.
const WordClasses& Classes() {
  static const Set conditions = {"if", "unless"}, until = {"until"}, after_since = {"after", "since"};
  static const Set comma = {","}, comma_semicolon = {",", ";"};
  static const WordClasses c{&Aux(),        &PassiveAux(),     &ObjectSkip(),      &Determiners(),
                             &SupportWords(), &ForceNouns(),    &PlaceNouns(),      &NotParty(),
                             &AfterStops(),  &NounObjectSkip(), &Denials(),         &conditions,
                             &until,         &after_since,      &ClauseOpeners(),   &RelativeOpeners(),
                             &comma,         &comma_semicolon};
  return c;
}

bool Capitalised(const Document& doc, const Word& w) {
  unsigned char c = static_cast<unsigned char>(doc.text[w.span.start]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;  // non-ASCII letters: leave to the word test
}

struct Ctx {
  const Document& doc;
  const std::vector<Mention>& mentions;
  const std::vector<Word>& w;
  const std::vector<uint32_t>& in_sentence;  // mention indices inside the sentence
  const std::vector<const time::Timex*>& times;  // date and time expressions of the sentence
  const std::vector<uint64_t>& cls;  // Classes().Of() of each word
  bool headline = false;
  // Where a pronoun may look back for its group: the start of the earliest sentence of the
  // same paragraph up to two sentences before this one, and this sentence's start.
  uint32_t back_floor = 0, sentence_start = 0;

  // Whether word k is in one of the sets `bits` (k-bit flags above).
  bool Is(size_t k, uint64_t bits) const { return (cls[k] & bits) != 0; }

  // Whether a word of party `p` (its words in this sentence) is in one of the sets `bits`.
  bool PartyHas(const Party& p, uint64_t bits) const {
    if (p.empty()) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k].span.start >= p.span.start && w[k].span.end <= p.span.end && Is(k, bits)) return true;
    }
    return false;
  }
  // An armed party: a known actor, or words naming forces ("the garrison soldiers").
  bool Armed(const Party& p) const { return p.kind == "actor" || PartyHas(p, kForceNouns); }

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
    if (Is(k, kForceNouns | kPlaceNouns)) return true;
    // Headlines capitalise every word: only mentions and force nouns count there.
    if (headline || Is(k, kNotParty)) return false;
    for (const time::Timex* t : times) {
      if (t->span.start <= w[k].span.start && w[k].span.start < t->span.end) return false;
    }
    return Capitalised(doc, w[k]);
  }

  Party FromMention(uint32_t mi, const char* how) const {
    return MakeParty(doc, mentions[mi].span, mentions, how);
  }

  // An auxiliary or adverb, not an acronym that folds like one ("IS" is no "is").
  bool IsAux(int k, uint64_t set) const {
    if (w[k].kind != TokenKind::kWord) return false;
    std::string_view t = doc.view(w[k].span);
    // ("The insurgents briefly occupied the town": a lower-case adverb in -ly stands
    // between subject and verb like "also"; "Italy" is no adverb.)
    if (set == kAux && t.size() > 4 && t[0] >= 'a' && t[0] <= 'z' && t.substr(t.size() - 2) == "ly") return true;
    if (!Is(static_cast<size_t>(k), set)) return false;
    return !(t.size() >= 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z');
  }

  // The party ending at word `end` (inclusive), walking back.
  Party Before(int end, const char* how) const {
    while (end >= 0 && IsAux(end, kAux)) --end;
    // "the Rwanda Defence Force (RDF) took": the party before its acronym.
    if (end >= 2 && w[end].folded == ")") {
      int open = end - 1;
      while (open >= 0 && end - open <= 4 && w[open].folded != "(") --open;
      if (open >= 1 && w[open].folded == "(") end = open - 1;
    }
    // "forces backed by Russian warplanes recaptured": the supporter is not the subject
    // (but "Russian" in "backed by Russian warplanes" is the warplanes' own modifier).
    const bool subject = std::string_view(how) != "noun-modifier";
    for (int k = end; subject && k >= 1 && k >= end - 6; --k) {
      if (w[k].folded == "by" && Is(k - 1, kSupportWords)) {
        end = k - 2;
        while (end >= 0 && (w[end].folded == "," || IsAux(end, kAux))) --end;
        break;
      }
      if (w[k].kind != TokenKind::kWord && w[k].folded != "-") break;
    }
    if (end < 0) return {};
    if (w[end].folded == "'s" || w[end].folded == "'") --end;
    if (end < 0) return {};
    uint32_t mi = MentionAt(end);
    if (mi != Mention::kNoRef) return FromMention(mi, how);
    if (!PartyWord(end)) return {};
    int b = end;
    while (b - 1 >= 0 && end - b < 5 && (PartyWord(b - 1) || w[b - 1].folded == "-")) --b;
    if (b - 1 >= 0 && Is(b - 1, kDeterminers)) --b;
    return MakeParty(doc, Span{w[b].span.start, w[end].span.end}, mentions, how);
  }

  // "the city of Izium", "the northern town of Kunduz": the named place after a place noun
  // ending at word `e`, or an empty party.
  Party NamedAfter(size_t e, const char* how) const {
    if (e + 2 >= w.size() || !Is(e, kPlaceNouns) || w[e + 1].folded != "of") return {};
    uint32_t mi = MentionAt(e + 2);
    if (mi != Mention::kNoRef && mentions[mi].kind == MentionKind::kPlace) return FromMention(mi, how);
    return {};
  }

  // The party starting at word `start`, skipping object words; stops at `limit` words.
  // (`skip`: a set bit, kObjectSkip, kDeterminers or kNounObjectSkip.)
  Party After(size_t start, const char* how, uint64_t skip) const {
    size_t k = start;
    while (k < w.size() && k < start + 6 && w[k].kind == TokenKind::kWord && Is(k, skip)) {
      if (MentionAt(k) != Mention::kNoRef) break;
      ++k;
    }
    if (k >= w.size()) return {};
    uint32_t mi = MentionAt(k);
    if (mi != Mention::kNoRef) return FromMention(mi, how);
    if (Is(k, kDeterminers) && k + 1 < w.size()) ++k;
    if (!PartyWord(k)) {
      // "coalition-backed forces", "the presidential palace", "the northern city of Kunduz":
      // lower-case words before a force or place noun (up to a word of AfterStops()).
      if (Is(k, kAfterStops)) return {};
      for (size_t j = k + 1; j < w.size() && j <= k + 3 && w[j].kind == TokenKind::kWord; ++j) {
        if (Is(j, kAfterStops)) break;
        if (Is(j, kForceNouns | kPlaceNouns)) {
          if (Party named = NamedAfter(j, how); !named.empty()) return named;
          size_t b = k > start && Is(k - 1, kDeterminers) ? k - 1 : k;
          return MakeParty(doc, Span{w[b].span.start, w[j].span.end}, mentions, how);
        }
      }
      return {};
    }
    size_t b = k > start && Is(k - 1, kDeterminers) ? k - 1 : k;
    size_t e = k;
    while (e + 1 < w.size() && e - k < 5 && PartyWord(e + 1)) ++e;
    // "a village chief", "the district governor", "an army colonel": a title after a place or
    // force noun names a person.
    if (e + 1 < w.size() && Is(e, kPlaceNouns | kForceNouns) && TitleNouns().count(w[e + 1].folded)) ++e;
    if (Party named = NamedAfter(e, how); !named.empty()) return named;
    return MakeParty(doc, Span{w[b].span.start, w[e].span.end}, mentions, how);
  }

  // "by X" within `window` words after `from`.
  Party ByAfter(size_t from, size_t window) const {
    for (size_t k = from; k < w.size() && k < from + window; ++k) {
      if (w[k].kind == TokenKind::kPunct && w[k].folded != "-") break;
      if (w[k].folded == "by") return After(k + 1, "by-agent", kDeterminers);
    }
    return {};
  }
};

bool IsPlace(const Party& p) { return p.kind == "place"; }

// A place mention that can be where an event happened: a town or site anywhere ("the
// Palmyra offensive"), a country or region only after a locative word ("in Syria", "the
// north of Iraq").
// The index of the word that starts mention `pm`, or w.size().
size_t WordOf(const Ctx& ctx, const Mention& pm) {
  size_t k = 0;
  while (k < ctx.w.size() && ctx.w[k].span.start != pm.span.start) ++k;
  return k;
}

bool Locative(const Ctx& ctx, const Mention& pm) {
  const auto& w = ctx.w;
  const size_t k = WordOf(ctx, pm);
  if (k == w.size()) return true;
  // "Brigades from Misrata", "fighters from Raqqa": where a force comes from, not where
  // the event is.
  if (k >= 2 && w[k - 1].folded == "from" && ctx.Is(k - 2, kForceNouns)) return false;
  if (!pm.resolved || (pm.resolved->type != "country" && pm.resolved->type != "admin1")) return true;
  static const Set loc = {"in", "at", "near", "around", "outside", "inside", "into", "from", "across", "toward",
                          "towards", "over", "on", "of", "throughout", "within", "to", "through", "against"};
  static const Set parts = {"northern", "southern", "eastern", "western", "central", "north", "south", "east",
                            "west", "northeast", "northwest", "southeast", "southwest", "northeastern",
                            "northwestern", "southeastern", "southwestern", "rural", "neighbouring",
                            "neighboring", "occupied", "war-torn", "-"};
  size_t j = k;
  while (j > 0 && (Determiners().count(w[j - 1].folded) || parts.count(w[j - 1].folded))) --j;
  return j > 0 && loc.count(w[j - 1].folded) > 0;
}

// A place that is a country (names its state when it acts: "Russia pulled back").
bool CountryPlace(const std::vector<Mention>& mentions, const Party& p) {
  if (p.kind != "place" || p.mention >= mentions.size()) return false;
  const auto& r = mentions[p.mention].resolved;
  return r && r->type == "country";
}

// Whether `span` lies inside one of the sentence's date or time expressions.
bool InTime(const Ctx& ctx, Span span) {
  for (const time::Timex* t : ctx.times) {
    if (t->span.start <= span.start && span.end <= t->span.end) return true;
  }
  return false;
}

// Whether the word before place `pm` is `prep` ("deployed there from Niger": where the
// troops come from, not where they go).
bool PlaceAfter(const Ctx& ctx, const Mention& pm, std::string_view prep) {
  const size_t k = WordOf(ctx, pm);
  return k > 0 && k < ctx.w.size() && ctx.w[k - 1].folded == prep;
}

// Where someone spoke, not where the event was: "said in a statement in Abuja", "told
// Reuters from Bamako", "told reporters in the capital", "speaking in Geneva".
bool SpeechPlace(const Ctx& ctx, const Mention& pm) {
  static const Set speech = {"said", "says", "told", "statement", "speaking", "briefing", "announced",
                             "interview", "reporters", "conference", "telephone", "phone", "spoke"};
  const auto& w = ctx.w;
  const size_t k = WordOf(ctx, pm);
  if (k == 0 || k >= w.size() || (w[k - 1].folded != "in" && w[k - 1].folded != "from")) return false;
  for (size_t j = k - 1; j-- > 0 && j + 5 >= k;) {
    if (w[j].kind == TokenKind::kPunct) return false;
    if (speech.count(w[j].folded)) return true;
  }
  return false;
}

// Whether place `pm`, after the trigger, stands in another clause ("... killed in the
// fighting since Friday and that 8,000 people had fled towards Baghdad").
bool OtherClause(const Ctx& ctx, const TriggerMatch& m, const Mention& pm) {
  // (A relative clause on the event's own noun is still the event: "an air strike that
  // killed 33 soldiers near the village of Balyun".)
  static const Set openers = {";", "while", "whereas", "but"};
  const auto& w = ctx.w;
  for (size_t k = m.last; k < w.size() && w[k].span.start < pm.span.start; ++k) {
    if (openers.count(w[k].folded)) return true;
    if (w[k].folded == "that" && k > m.last && (w[k - 1].folded == "and" || w[k - 1].folded == ",")) return true;
  }
  return false;
}

// Words before the trigger in its clause (up to 5), folded, nearest first.
// (A fixed array, not a vector: it is asked for several times per trigger. It hands out
// the words themselves, so that a set asked about one uses the hash the word carries.)
struct ClauseWords {
  struct Iter {
    const FoldedWord* const* p;
    const FoldedWord& operator*() const { return **p; }
    Iter& operator++() {
      ++p;
      return *this;
    }
    bool operator!=(const Iter& o) const { return p != o.p; }
  };
  const FoldedWord* words[5] = {};
  size_t n = 0;
  size_t size() const { return n; }
  const FoldedWord& operator[](size_t i) const { return *words[i]; }
  Iter begin() const { return Iter{words}; }
  Iter end() const { return Iter{words + n}; }
};
ClauseWords ClauseBefore(const std::vector<Word>& w, size_t first) {
  ClauseWords out;
  for (size_t k = first; k-- > 0 && out.n < 5;) {
    if (w[k].kind == TokenKind::kPunct && w[k].folded != "-" && w[k].folded != "'") break;
    out.words[out.n++] = &w[k].folded;
  }
  return out;
}

// A dateline: an all-capitals place name opening the sentence ("KABUL (Wire) -").
bool IsDateline(const Document& doc, Span sentence, Span mention) {
  if (mention.start != sentence.start) return false;
  std::string_view t = doc.view(mention);
  if (t.size() < 3) return false;
  for (char c : t) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

// True when mention `mi` is, or refers back (through refers_to) to, a dateline mention.
bool RefersToDateline(const Document& doc, const std::vector<Mention>& ms, uint32_t mi) {
  for (int hops = 0; mi != Mention::kNoRef && mi < ms.size() && hops < 8; ++hops) {
    const Span at = ms[mi].span;
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), at.start,
                               [](uint32_t v, const Sentence& st) { return v < st.span.start; });
    if (it != doc.sentences.begin() && IsDateline(doc, std::prev(it)->span, at)) return true;
    mi = ms[mi].refers_to;
  }
  return false;
}

// Words between a subject and its verb that Ctx::Before does not cross: modals and
// control verbs ("are expected to storm", "failed to dislodge", "vowed to launch").
const Set& ChainWords() {
  static const Set s = {"to", "expected", "failed", "fail", "fails", "tried", "try", "tries", "trying",
                        "attempted", "attempting", "managed", "set", "began", "begun", "continue",
                        "continued", "continues", "vowed", "vow", "vows", "sought", "seek", "seeks",
                        "plan", "plans", "planning", "planned", "preparing", "prepare", "prepares",
                        "will", "would", "could", "might", "may", "can", "unable", "able", "going",
                        "poised", "ready", "aim", "aims", "aiming", "intend", "intends", "threatened",
                        "threatening", "not", "did", "does", "do", "had", "has", "have", "was", "were",
                        "is", "are", "be", "been", "finally", "also", "reportedly", "still", "then",
                        "later", "soon", "n't", "never", "again", "swiftly", "quickly", "denied", "denies",
                        "deny", "admitted", "admits", "admit"};
  return s;
}
const Set& Pronouns() {
  static const Set s = {"it", "they", "we", "he", "she"};
  return s;
}

// The agent of the sentence's last event (out[sentence_begin..]) whose trigger ends by
// `pos`, marked `how`; an empty party when none has one.
Party LastAgentBefore(const std::vector<Event>& out, size_t sentence_begin, uint32_t pos, const char* how) {
  for (size_t i = out.size(); i-- > sentence_begin;) {
    const Event& prev = out[i];
    if (prev.trigger.end > pos || prev.agent.empty()) continue;
    Party p = prev.agent;
    p.how = how;
    return p;
  }
  return {};
}

// The agent of a verb whose subject Ctx::Before cannot see: across a chain of modals and
// control verbs ("Iraqi forces are expected to storm X"), a pronoun subject resolved to the
// sentence's claimant or its first party ("the RSF said it had seized X", "the junta
// admitted it had lost"), or the subject shared by coordinated verbs ("entered Kabul and
// took over the palace").
Party SubjectAcross(const Ctx& ctx, int before, const Party& claimant, const std::vector<Event>& out,
                    size_t sentence_begin) {
  const auto& w = ctx.w;
  int k = before;
  auto in_time = [&](int i) {
    for (const time::Timex* t : ctx.times) {
      if (t->span.start <= w[i].span.start && w[i].span.start < t->span.end) return true;
    }
    return false;
  };
  while (k >= 0 && before - k < 8 && w[k].kind == TokenKind::kWord &&
         (ChainWords().count(w[k].folded) || in_time(k) || w[k].folded == "on" || w[k].folded == "overnight")) {
    --k;
  }
  if (k < 0) return {};
  if (k != before) {
    Party p = ctx.Before(k, "chain-subject");
    if (!p.empty()) return p;
  }
  if (w[k].kind == TokenKind::kWord && Pronouns().count(w[k].folded)) {
    std::string_view t = ctx.doc.view(w[k].span);
    if (t == "IT") return {};
    // "government forces said (on Saturday) (that) they had recaptured it": the subject of
    // the nearest speech verb before the pronoun.
    static const Set speech = {"said", "says", "told", "announced", "admitted", "claimed", "added",
                               "reported", "stated", "confirmed", "insisted", "acknowledged", "declared"};
    for (int j = k - 1; j >= 1 && k - j <= 7; --j) {
      if (w[j].kind != TokenKind::kWord || !speech.count(w[j].folded)) continue;
      Party p = ctx.Before(j - 1, "pronoun-sayer");
      if (!p.empty()) return p;
      break;
    }
    // The sentence's claimant, only when it speaks in this sentence ("the RSF said it had
    // seized"; not a quotation's or a list's speaker), and for "they"/"it" never one source
    // or person.
    static const Set spoke = {"said-subject", "said-inverted", "said-subject-apposition", "according-to"};
    const bool group_pronoun = w[k].folded == "they" || w[k].folded == "it";
    // ("Residents said the rebels had set fire to houses as they fell back": an armed party
    // named between the speaker and the pronoun is nearer than the speaker.)
    if (group_pronoun) {
      for (int j = k - 1; j >= 0 && (claimant.empty() || w[j].span.start >= claimant.span.end); --j) {
        const uint32_t mi = ctx.MentionAt(j);
        const bool actor = mi != Mention::kNoRef && ctx.mentions[mi].kind == MentionKind::kActor;
        if (!actor && !ctx.Is(static_cast<size_t>(j), kForceNouns)) continue;
        Party p = ctx.Before(j, "pronoun-nearest");
        if (ctx.Armed(p)) return p;
        break;
      }
    }
    if (!claimant.empty() && spoke.count(claimant.how) &&
        (!group_pronoun || (claimant.kind != "source" && claimant.kind != "person"))) {
      Party p = claimant;
      p.how = "pronoun-sayer";
      return p;
    }
    // The sentence's first party, when the pronoun follows its first verb.
    for (int j = 0; j < k && j < 6; ++j) {
      if (w[j].kind != TokenKind::kWord) break;
      if (ctx.MentionAt(j) != Mention::kNoRef || ctx.PartyWord(j)) {
        Party p = ctx.After(j, "pronoun-subject", kDeterminers);
        if (!p.empty() && p.span.end < w[k].span.start) return p;
        break;
      }
    }
    // "... the rebels said. They then seized the depot": the last armed group the paragraph
    // named in the two sentences before.
    if (group_pronoun) {
      auto it = std::partition_point(ctx.mentions.begin(), ctx.mentions.end(),
                                     [&](const Mention& m) { return m.span.start < ctx.sentence_start; });
      while (it != ctx.mentions.begin()) {
        --it;
        if (it->span.start < ctx.back_floor) break;
        if (it->kind == MentionKind::kActor) {
          return MakeParty(ctx.doc, it->span, ctx.mentions, "pronoun-previous");
        }
      }
    }
    return {};
  }
  // "the regime forces who have completely withdrawn": the noun the relative pronoun follows.
  if ((w[k].folded == "who" || w[k].folded == "which" || w[k].folded == "that") && k > 0) {
    // ("Georgia, which declared a ceasefire": across the comma of a non-restrictive clause.)
    const int j = w[k - 1].folded == "," && w[k].folded != "that" ? k - 2 : k - 1;
    Party p = j >= 0 ? ctx.Before(j, "relative-subject") : Party{};
    if (!p.empty()) return p;
  }
  if (w[k].folded == "and") {
    // (", looting banks and burning the offices, and overran X": the last event before
    // with an agent; the participles between have none of their own.)
    return LastAgentBefore(out, sentence_begin, w[k].span.start, "coordinated-subject");
  }
  return {};
}

// The subject behind a short modifier, an aside or quotation marks, when the words right
// before the verb name no party: "Gunmen on motorbikes killed", "Fighters loyal to the
// warlord massacred", "The federal army, he said, had killed", '"armed terrorist groups"
// had killed'. An armed party only (a force noun or an actor), or an empty party.
Party SubjectBehind(const Ctx& ctx, int before) {
  static const Set modifiers = {"on", "loyal", "from", "in", "with", "riding", "aboard", "armed", "wearing",
                                "dressed", "allied", "linked", "backed"};
  static const Set speech = {"said", "says", "added", "claimed", "insisted", "stressed"};
  const auto& w = ctx.w;
  int k = before;
  while (k >= 0 && ctx.IsAux(k, kAux)) --k;
  if (k < 1) return {};
  auto armed = [&](const Party& p) { return !p.empty() && (ctx.Armed(p) || ctx.PartyHas(p, kForceNouns)); };
  if (k == before && w[k].folded == "\"") {
    // 'security forces had "neutralised" 25 assailants': an opening quote on the verb.
    int j = k - 1;
    while (j >= 0 && ctx.IsAux(j, kAux)) --j;
    Party p = ctx.Before(j, "active-subject");
    return armed(p) ? p : Party{};
  }
  if (w[k].folded == "\"") {
    // '"armed terrorist groups" had killed': the quoted words, when they end in a force noun.
    for (int q = k - 1; q >= 0 && k - q <= 6; --q) {
      if (w[q].folded != "\"") continue;
      if (q + 1 < k && ctx.Is(static_cast<size_t>(k - 1), kForceNouns)) {
        return MakeParty(ctx.doc, Span{w[q + 1].span.start, w[k - 1].span.end}, ctx.mentions, "quoted-subject");
      }
      break;
    }
    return {};
  }
  if (w[k].folded == ",") {
    // "The federal army, he said, had killed": the party before the aside. Also an aside
    // that describes the subject ("Government forces, backed by US air strikes and special
    // forces, retook"; "the militants, most of them foreigners, stormed").
    static const Set describe = {"backed", "supported", "aided", "assisted", "helped", "escorted", "covered",
                                 "joined", "led", "commanded", "loyal", "allied", "armed", "equipped",
                                 "reinforced", "including", "mostly", "most", "many", "some", "numbering",
                                 "believed", "thought", "using", "acting", "fighting", "advancing", "who",
                                 "which", "now", "once", "then", "known", "described", "called", "calling",
                                 "dressed", "wearing", "riding", "travelling", "traveling", "mainly"};
    bool said = false;
    for (int j = k - 1; j >= 1 && k - j <= 14; --j) {
      said |= k - j <= 5 && speech.count(w[j].folded) > 0;
      if (w[j].folded == ",") {
        if (!said && (j + 1 >= k || !describe.count(w[j + 1].folded))) return {};
        Party p = ctx.Before(j - 1, "subject-before-aside");
        return armed(p) ? p : Party{};
      }
      if (w[j].kind != TokenKind::kWord && w[j].kind != TokenKind::kNumber && w[j].folded != "-" &&
          w[j].folded != "'" && w[j].folded != "'s") {
        return {};
      }
    }
    return {};
  }
  // "Gunmen on motorbikes": the party before a short modifier of it; "Soldiers who had held
  // out near the harbour abandoned": the party before a relative clause.
  for (int j = k; j >= 1 && k - j < 10; --j) {
    if (w[j].kind != TokenKind::kWord && w[j].folded != "-") return {};
    const bool relative = w[j].folded == "who" || w[j].folded == "which";
    if (!relative && (k - j >= 6 || !modifiers.count(w[j].folded))) continue;
    Party p = ctx.Before(j - 1, relative ? "subject-before-relative" : "subject-before-modifier");
    if (armed(p)) return p;
    if (relative) return {};
  }
  return {};
}

// "accusing the TPLF of attacking a federal army base", "Both sides have accused each
// other of shelling": the party accused is the agent (each other: the accusers).
Party AccusedOf(const Ctx& ctx, int before) {
  static const Set accuse = {"accused", "accusing", "accuses", "accuse", "blamed", "blaming", "blames", "blame"};
  const auto& w = ctx.w;
  if (before < 1 || (w[before].folded != "of" && w[before].folded != "for")) return {};
  for (int j = before - 1; j >= 0 && before - j <= 8; --j) {
    if (w[j].kind == TokenKind::kPunct) return {};
    if (!accuse.count(w[j].folded)) continue;
    if (j + 2 < before && w[j + 1].folded == "each" && w[j + 2].folded == "other") {
      return ctx.Before(j - 1, "accusers");
    }
    Party p = ctx.After(static_cast<size_t>(j + 1), "accused", kDeterminers);
    return p.span.end <= w[before].span.start ? p : Party{};
  }
  return {};
}

// "Militants stormed a base on Friday, killing dozens of soldiers and seizing weapons": a
// participle after a comma or "and" shares the subject of the event its clause hangs on,
// the sentence's last event before it that has an agent.
Party ParticipleSubject(const Ctx& ctx, int before, const std::vector<Event>& out, size_t sentence_begin,
                        const TriggerMatch& m) {
  const auto& w = ctx.w;
  static const Set connectors = {",", "and", "before", "after", "while", "then", "by", "when"};
  if (before < 0 || !connectors.count(w[before].folded)) return {};
  return LastAgentBefore(out, sentence_begin, w[m.first].span.start, "participle-subject");
}

// "Fighters of the National Front for Liberation and other factions took back X": when the
// words before the verb name no known party, the first actor the clause names before it,
// back to the start of the sentence or the last punctuation, unless a speech verb,
// relative or subordinating word stands between (their subject is someone else's).
Party SubjectMention(const Ctx& ctx, size_t first) {
  static const Set stop = {"that", "said", "says", "told", "who", "which", "when", "after", "before", "while",
                           "as", "because", "if", "where", "whom", "by"};
  const auto& w = ctx.w;
  // An infinitive ("an attempt by X to advance") has no subject of its own here.
  if (first > 0 && w[first - 1].folded == "to") return {};
  size_t k = first;
  while (k > 0 && w[k - 1].kind == TokenKind::kWord) {
    if (stop.count(w[k - 1].folded)) return {};
    --k;
  }
  if (k > 0 && w[k - 1].folded != "-") {
    // A clause after punctuation other than the sentence start: only a dateline or quote
    // opens a subject there; leave it.
    if (w[k - 1].folded != "\"" && w[k - 1].folded != "(") return {};
  }
  for (size_t j = k; j < first; ++j) {
    uint32_t mi = ctx.MentionAt(j);
    if (mi != Mention::kNoRef && ctx.mentions[mi].kind == MentionKind::kActor) {
      return ctx.FromMention(mi, "subject-mention");
    }
  }
  return {};
}

// The agent of an event noun that is the object of a light verb: "warplanes carried out
// dozens of air strikes", "Afghan forces launched a counter-offensive", "the government
// declared a ceasefire".
Party LightVerbSubject(const Ctx& ctx, int before, const Party& claimant, const std::vector<Event>& out,
                       size_t sentence_begin) {
  static const Set fill = {"a", "an", "the", "its", "their", "his", "her", "dozens", "of", "at", "least",
                           "more", "than", "several", "new", "fresh", "heavy", "intense", "series", "wave",
                           "massive", "major", "large-scale", "unilateral", "nationwide", "joint", "another",
                           "renewed", "two-month", "overnight", "some", "many", "scores", "hundreds",
                           "coordinated", "simultaneous", "deadly", "fierce", "retaliatory", "repeated",
                           "multiple", "numerous", "further", "first", "second", "third",
                           "thousands", "tens", "temporary", "tactical", "limited", "partial", "full-scale",
                           "ground", "military"};
  static const Set light = {"launched", "launch", "launches", "launching", "carried", "conducted", "conduct",
                            "conducts", "staged", "stage", "mounted", "mount", "mounts", "began", "begin",
                            "started", "start", "unleashed", "pressed", "made", "declared", "declare",
                            "signed", "sign", "announced", "ordered", "stepped", "intensified", "resumed",
                            "declares", "signs", "announces", "orders", "begins", "starts", "complete",
                            "completes", "completed", "stages", "intensify", "intensifies", "resume", "resumes",
                            "opened", "opens", "open", "waged", "wages", "wage", "led", "leads", "lead",
                            "flew", "flown", "flies", "fly", "flying", "delivered", "delivers", "deliver",
                            "dealt"};
  const auto& w = ctx.w;
  int k = before;
  // ('carried out a "temporary redeployment"': quotation marks on the noun.)
  while (k >= 0 && before - k < 6 &&
         (IsNumberWord(w[k]) || w[k].folded == "\"" || (w[k].kind == TokenKind::kWord && fill.count(w[k].folded)))) {
    --k;
  }
  if (k < 0 || w[k].kind != TokenKind::kWord) return {};
  if ((w[k].folded == "out" || w[k].folded == "up") && k > 0) --k;  // "carried out", "stepped up"
  if (!light.count(w[k].folded)) return {};
  Party p = ctx.Before(k - 1, "light-verb-subject");
  if (p.empty()) p = SubjectAcross(ctx, k - 1, claimant, out, sentence_begin);
  return p;
}

// The instrument of an event: the first instrument word of the trigger, then of the
// agent, then (strikes and shelling only) of the clause around the trigger.
std::string InstrumentOf(const Resources& res, const Document& doc, const std::vector<Word>& w,
                         const TriggerMatch& m, const Party& agent, bool remote) {
  for (size_t k = m.first; k < m.last; ++k) {
    if (auto v = res.InstrumentOf(w[k].folded); !v.empty()) return std::string(v);
  }
  if (!agent.span.empty()) {
    for (const Word& x : w) {
      if (x.span.start < agent.span.start || x.span.end > agent.span.end) continue;
      if (auto v = res.InstrumentOf(x.folded); !v.empty()) return std::string(v);
    }
  }
  if (!remote) return "";
  auto stop = [&](size_t k) { return w[k].kind == TokenKind::kPunct && w[k].folded != "-"; };
  for (size_t k = m.last; k < w.size() && k < m.last + 8 && !stop(k); ++k) {
    if (auto v = res.InstrumentOf(w[k].folded); !v.empty()) return std::string(v);
  }
  for (size_t k = m.first; k-- > 0 && k + 6 >= m.first && !stop(k);) {
    if (auto v = res.InstrumentOf(w[k].folded); !v.empty()) return std::string(v);
  }
  (void)doc;
  return "";
}

// True when the sentence's claimant does not govern the trigger: the claimant's words come
// after the trigger behind a subordinating word ("X entered K on Friday after Russia said
// ..."), so the writer asserts the event and the source states something else.
bool ClaimantElsewhere(const std::vector<Word>& w, const TriggerMatch& m, const Party& claimant) {
  if (claimant.empty() || claimant.span.empty()) return false;
  static const Set subordinators = {"after", "before", "when", "while", "because", "since", "until", "as",
                                    "although", "though", "whereas"};
  if (claimant.span.end <= m.span.start) {
    // "Egypt, which brokered the truce, said": a relative clause on the claimant is the
    // writer's own statement about it.
    {
      size_t k = 0;
      while (k < w.size() && w[k].span.start < claimant.span.end) ++k;
      if (k + 1 < m.first && w[k].folded == "," && (w[k + 1].folded == "which" || w[k + 1].folded == "who")) {
        bool closed = false;
        for (size_t j = k + 2; j < m.first; ++j) closed |= w[j].kind == TokenKind::kPunct;
        if (!closed) return true;
      }
    }
    // "One day after the US announced X, the group recaptured Y": the claimant speaks in a
    // fronted clause that a comma closes before the trigger.
    bool opened = false, closed = false;
    for (size_t k = 0; k < m.first && k < w.size(); ++k) {
      if (w[k].span.end <= claimant.span.start) {
        if (w[k].kind == TokenKind::kWord && subordinators.count(w[k].folded)) opened = true;
        if (w[k].kind == TokenKind::kPunct && w[k].folded == ",") opened = false;
      } else if (w[k].span.start >= claimant.span.end && w[k].folded == ",") {
        closed = true;
      }
    }
    return opened && closed;
  }
  if (claimant.span.start < m.span.end) return false;
  // The claimant must open the subordinate clause: "after Russia said", "as the army said".
  for (size_t k = m.last; k + 1 < w.size() && w[k].span.start < claimant.span.start; ++k) {
    if (w[k].kind != TokenKind::kWord || !subordinators.count(w[k].folded)) continue;
    if (w[k + 1].span.start == claimant.span.start) return true;
    if (k + 2 < w.size() && Determiners().count(w[k + 1].folded) && w[k + 2].span.start == claimant.span.start) {
      return true;
    }
  }
  return false;
}

// What StatusOf and Recalled look for anywhere in a sentence, found once per sentence
// rather than once per trigger (the answers are the same; most sentences have none).
struct SentenceFacts {
  size_t first_condition = 0;  // index of the first "if" / "unless"; w.size() when none
  bool denial = false;         // a word of Denials()
  bool until = false;          // an "until"
  bool after_since = false;    // an "after" or "since"
};

// (`cls`: Classes().Of() of each word of the sentence.)
SentenceFacts FactsOf(const std::vector<uint64_t>& cls) {
  SentenceFacts f;
  f.first_condition = cls.size();
  for (size_t k = cls.size(); k-- > 0;) {
    if (cls[k] & kConditions) f.first_condition = k;
    f.until |= (cls[k] & kUntil) != 0;
    f.after_since |= (cls[k] & kAfterSince) != 0;
    f.denial |= (cls[k] & kDenials) != 0;
  }
  return f;
}

EventStatus StatusOf(const std::vector<Word>& w, const SentenceFacts& facts, const TriggerMatch& m,
                     const Trigger& trig, bool has_claimant) {
  auto before = ClauseBefore(w, m.first);
  static const Set negators = {"not", "never", "didn't", "no", "wasn't", "weren't", "hasn't", "haven't", "n't"};
  for (const auto& b : before) if (negators.count(b)) return EventStatus::kNegated;
  static const Set planned = {"will", "would", "plans", "planning", "plan", "intends", "intend",
                              "threatened", "threatens", "going", "expected", "preparing", "prepares",
                              "about", "set", "vowed", "vows", "aims", "ready", "poised", "pledged",
                              "pledges", "offered", "offers", "promised", "promises", "expects", "expect",
                              "prepare"};
  // "would send" is a trigger that carries its own modal ("set on fire" is no plan).
  if (trig.words[0] == "would" || trig.words[0] == "will") return EventStatus::kPlanned;
  for (size_t i = 0; i < before.size(); ++i) {
    // "about to storm" plans; "killed about 100" does not.
    // ("were set on fire and looted": "set" plans only in "set to".)
    if ((before[i] == "about" || before[i] == "set") && (i == 0 || before[i - 1] != "to")) continue;
    if (planned.count(before[i])) return EventStatus::kPlanned;
  }
  // "ordered the paramilitaries to deploy", "calls on the remaining troops to lay down their
  // arms", "urged both sides to accept a ceasefire": what someone is told to do is planned.
  if (before.size() > 0 && before[0] == "to") {
    static const Set orders = {"ordered", "orders", "order", "ordering", "called", "calls", "call", "calling",
                               "urged", "urges", "urge", "urging", "asked", "asks", "instructed", "directed",
                               "authorised", "authorized", "authorises", "authorizes", "told", "demanded",
                               "demands", "invited", "appealed", "appeals"};
    for (size_t k = m.first - 1; k-- > 0 && k + 12 >= m.first;) {
      if (w[k].kind == TokenKind::kPunct && w[k].folded != "'" && w[k].folded != "'s" && w[k].folded != "-" &&
          w[k].folded != "(" && w[k].folded != ")") {
        break;
      }
      if (orders.count(w[k].folded)) return EventStatus::kPlanned;
    }
  }
  static const Set attempted = {"fail", "failed", "fails", "attempt", "attempted", "attempting",
                                "tried", "try", "trying", "attempts", "sought", "seeking", "bid"};
  for (const auto& b : before) if (attempted.count(b)) return EventStatus::kAttempted;
  if (facts.first_condition < m.first) return EventStatus::kConditional;  // "if", "unless" before it
  // A denial governs what follows it ("Kyiv denied that the city had fallen"), and what came
  // before only when it points back ("X said it captured Y, but the government denied it").
  static const Set back = {"it", "this", "that", "the", "these", "those", "such"};
  for (size_t k = 0; facts.denial && k < w.size(); ++k) {
    if (!Denials().count(w[k].folded)) continue;
    if (k < m.first) return EventStatus::kDenied;
    // "..., which London denies", "..., an allegation Kigali denied", "a claim the media
    // centre dismissed as fantasies": a closing clause that denies what the sentence told.
    if (k > m.last) {
      static const Set claim_nouns = {"which", "allegation", "allegations", "claim", "claims", "charge",
                                      "charges", "accusation", "accusations", "report", "reports", "account"};
      bool named = false;
      for (size_t j = k; j-- > m.last && j + 6 >= k;) {
        if (w[j].kind == TokenKind::kPunct) {
          if (w[j].folded == "," && named) return EventStatus::kDenied;
          break;
        }
        named |= claim_nouns.count(w[j].folded) > 0;
      }
    }
    if (k + 1 < w.size() && back.count(w[k + 1].folded) &&
        (k + 2 >= w.size() || w[k + 1].folded == "it" || w[k + 1].folded == "this" ||
         w[k + 2].folded == "claim" || w[k + 2].folded == "claims" || w[k + 2].folded == "report" ||
         w[k + 2].folded == "reports" || w[k + 2].kind == TokenKind::kPunct)) {
      return EventStatus::kDenied;
    }
  }
  return has_claimant ? EventStatus::kReported : EventStatus::kAsserted;
}

// Words that open a clause of their own: a time expression on the far side of one dates
// that clause, not the trigger ("recaptured the city, after an army victory there in
// March"; "the battle, which he called the worst since 2014").
const Set& ClauseOpeners() {
  static const Set s = {"after", "before", "since", "which", "who", "whom", "whose", "when", "while", "until",
                        "because", "although", "though", "whereas", "following", "ahead", "prior", "where",
                        "despite"};
  return s;
}

// True when time expression `t` can date trigger `m` of the sentence `w` (`all` = the
// sentence's trigger matches). Sets *distance (bytes between them, plus a penalty when a
// comma or semicolon separates them).
//   - never the expression over the trigger ("The fall of Ramadi" is no autumn);
//   - never across a relative or causal clause opener between them ("the battle, which he
//     called the worst since 2014"), nor across a temporal one set off by a comma
//     ("recaptured the city, after an army victory there in March");
//   - an expression before the trigger looks only at the words after the last comma before
//     the trigger ("On Sunday, after heavy fighting, forces retook X": Sunday dates the
//     retaking), and never dates it from inside a fronted clause of its own ("After being
//     forced out of X in December, they retreated");
//   - never past another verb trigger between them, unless "and" joins the two ("captured X
//     and killed Y on Sunday" keeps Sunday for both; "recapture the site lost to the group
//     last May": May dates the loss);
//   - "said on Wednesday" dates the trigger last of all, across any clause.
// Words that open a relative or causal clause (TimeGoverns).
const Set& RelativeOpeners() {
  static const Set s = {"which", "who", "whom", "whose", "where", "since", "because", "although",
                        "though", "whereas"};
  return s;
}

// (`cls`: Classes().Of() of each word of w.)
bool TimeGoverns(const Resources& res, const std::vector<Word>& w, const std::vector<uint64_t>& cls,
                 std::span<const TriggerMatch> all, const TriggerMatch& m, const time::Timex& t,
                 uint32_t* distance) {
  if (t.span.start < m.span.end && m.span.start < t.span.end) return false;
  // "for the second time in a year", "the worst in a decade": a count of times, no date.
  for (size_t k = 2; k < w.size() && w[k].span.start <= t.span.start; ++k) {
    if (w[k].span.start == t.span.start && w[k - 1].folded == "in" && w[k - 2].folded == "time") return false;
    if (w[k].span.start == t.span.start && w[k].folded == "in" && w[k - 1].folded == "time") return false;
  }
  const bool after = t.span.start >= m.span.end;
  const uint32_t lo = after ? m.span.end : t.span.end, hi = after ? t.span.start : m.span.start;
  *distance = hi - lo;
  bool cross = false;
  size_t from = w.size(), to = 0;  // words strictly between
  {
    // (Words are in text order, so they are a run: up to the first past `hi`.)
    size_t a = 0;
    while (a < w.size() && w[a].span.start < lo) ++a;
    size_t b = a;
    while (b < w.size() && w[b].span.end <= hi) ++b;
    if (a < b) from = a, to = b;
  }
  size_t scan = from;
  for (size_t k = from; k < to; ++k) {
    if (w[k].kind == TokenKind::kPunct && (cls[k] & kCommaSemicolon)) {
      cross = true;
      if (!after) scan = k + 1;
    }
  }
  if (cross) *distance += 100000;
  // "After being forced out of X in December, they retreated to Y": the expression sits in
  // a fronted clause of its own, which December dates, not the retreat.
  if (!after && cross) {
    size_t k = 0;
    while (k < w.size() && w[k].span.start < t.span.start) ++k;
    while (k > 0) {
      --k;
      if (w[k].kind == TokenKind::kPunct && (cls[k] & kCommaSemicolon)) break;
      if (w[k].kind == TokenKind::kWord && (cls[k] & kClauseOpeners)) return false;
    }
  }
  // "said on Wednesday": the day a source spoke dates what it tells when nothing nearer
  // does, whatever clauses stand between.
  if (after && from > 0) {
    static const Set speech = {"said", "says", "told", "announced", "reported", "confirmed", "stated", "added"};
    size_t k = 0;
    while (k < w.size() && w[k].span.start < t.span.start) ++k;
    if (k > 0 && w[k - 1].folded == "on") --k;
    if (k > 0 && speech.count(w[k - 1].folded)) {
      *distance += 200000;
      return true;
    }
  }
  // Only a relative or causal clause cuts the two apart, or a temporal one set off by a
  // comma: "stormed a hotel on Friday after a car bomb exploded" and "had destroyed the
  // temples after taking the city in 2015" keep the date; "recaptured the city, after an
  // army victory there in March" does not.
  // "on Monday, three years after the militants took over the city": a span of time before
  // "after" or "since" moves what follows away from the date.
  static const Set units = {"hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
                            "decade", "decades"};
  bool comma = false;
  for (size_t k = scan; k < to; ++k) {
    if (w[k].kind == TokenKind::kPunct && (cls[k] & kComma)) comma = true;
    if (w[k].kind != TokenKind::kWord) continue;
    if (cls[k] & kRelativeOpeners) {
      // "had seized Saraqib, which sits where the highways meet, on February 8": a relative
      // clause closed by a comma before the date is an aside; the date is the verb's.
      size_t close = k + 1;
      while (close < to && !(w[close].kind == TokenKind::kPunct && (cls[close] & kComma))) ++close;
      if (!after || k == 0 || !(cls[k - 1] & kComma) || close >= to || w[k].folded == "since" ||
          w[k].folded == "because") {
        return false;
      }
      k = close;
      comma = false;
      continue;
    }
    if ((w[k].folded == "after" || w[k].folded == "since" || w[k].folded == "before") && k > 0 &&
        units.count(w[k - 1].folded)) {
      return false;
    }
    if (after && comma && (cls[k] & kClauseOpeners)) return false;
  }
  for (const TriggerMatch& o : all) {
    // The same event said twice ("took control of") is no other event.
    // ("A US air strike killed three fighters on Friday": the verb right after an event noun
    // is its own clause's verb.)
    if (o.first == m.first || o.trigger == m.trigger || o.first == m.last ||
        (o.first >= m.last && o.first <= m.last + 2 && res.triggers()[o.trigger].type == res.triggers()[m.trigger].type)) {
      continue;
    }
    // Only a verb heads a clause of its own ("the site lost to the group last May"); an
    // event noun is an object ("helped troops break the siege of the city on Tuesday"), and
    // so is a gerund after a preposition ("destroyed the temples after taking the city in
    // 2015").
    if (res.triggers()[o.trigger].frame == Frame::kNoun) continue;
    static const Set preps = {"after", "before", "by", "while", "since", "upon", "on", "following", "without",
                              "in", "for", "of"};
    if (o.first > 0 && preps.count(w[o.first - 1].folded)) continue;
    const bool between = after ? (o.first >= m.last && o.span.end <= t.span.start)
                               : (o.last <= m.first && o.span.start >= t.span.end);
    if (!between || !after) continue;
    bool joined = false;
    for (size_t k = m.last; k < o.first && k < w.size(); ++k) joined |= w[k].folded == "and";
    if (!joined) return false;
  }
  return true;
}

// "N days of (the worst) fighting", "after a week of fighting", "a 224-day battle", "a
// months-long siege": an event noun that names its own stretch of time, which no date in
// the sentence can narrow to a day. "a stretch of time", else "".
std::string_view StretchBefore(const std::vector<Word>& w, const TriggerMatch& m) {
  static const Set units = {"days", "weeks", "months", "years", "decades", "day", "week", "month", "year"};
  static const Set lasting = {"long", "day", "week", "month", "year"};
  for (size_t k = m.first; k-- > 0 && k + 4 >= m.first;) {
    if (w[k].kind == TokenKind::kPunct) break;
    if (w[k].folded == "of" && k > 0 && units.count(w[k - 1].folded)) return "a stretch of time";
  }
  for (size_t k = m.first; k-- > 0 && k + 2 >= m.first;) {
    std::string_view f = w[k].folded;
    size_t dash = f.rfind('-');
    if (dash != std::string_view::npos && lasting.count(f.substr(dash + 1))) return "a stretch of time";
  }
  return {};
}

// "signed a deal on Tuesday, two days after forces captured Shusha", "nine months after
// Iraqi forces launched the offensive": an event in a clause that opens with "<span> after"
// (or "before") is that span before (after) the date the sentence gives earlier. Returns
// the date (day precision for days and weeks, month for months), or "" when the sentence
// has no such span or no resolved date before it.
std::string SpanFromAnchor(const std::vector<Word>& w, const TriggerMatch& m,
                           const std::vector<const time::Timex*>& times,
                           const std::vector<const time::Timex*>& durations) {
  if (durations.empty() || times.empty()) return {};
  for (const time::Timex* d : durations) {
    // The word right after the span ("two days after" may include "after" in its span).
    size_t a = w.size();
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k].span.start >= d->span.end - 6 && w[k].span.end <= d->span.end + 7 &&
          (w[k].folded == "after" || w[k].folded == "before")) {
        a = k;
        break;
      }
    }
    if (a >= m.first || a + 6 < m.first) continue;
    bool clean = true;  // no punctuation between "after" and the trigger
    for (size_t k = a + 1; k < m.first; ++k) clean &= w[k].kind != TokenKind::kPunct;
    if (!clean) continue;
    const time::Timex* anchor = nullptr;
    for (const time::Timex* t : times) {
      if (t->span.end <= d->span.start && t->interval.valid()) anchor = t;
    }
    if (anchor == nullptr) continue;
    // "P2D", "P3W", "P9M"
    std::string_view v = d->value;
    if (v.size() < 3 || v[0] != 'P') continue;
    int64_t n = 0;
    size_t i = 1;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) n = n * 10 + (v[i] - '0');
    if (i + 1 != v.size() || n <= 0 || n > 400) continue;
    const int sign = w[a].folded == "after" ? -1 : 1;
    const int64_t day = time::DaysOf(anchor->interval.begin);
    char buf[16];
    if (v[i] == 'D' || v[i] == 'W') {
      const time::CivilDate c = time::CivilFromDays(day + sign * n * (v[i] == 'W' ? 7 : 1));
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
      return buf;
    }
    if (v[i] == 'M') {
      const time::CivilDate c = time::CivilFromDays(day);
      int year = c.year, month = c.month;
      time::AddMonths(&year, &month, sign * n);
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      return buf;
    }
  }
  return {};
}

// Why an event with no date in its sentence has no single date at all, or "" when it may
// have one (the document's). The document date would be wrong for these: the whole war or a
// long stretch of it ("six weeks of fighting", "a 224-day battle", "killed 232 during the
// conflict", "shelled the town for years", "thousands of shells a day", "fled the
// fighting", "an end to the fighting").
std::string_view SpreadCue(const std::vector<Word>& w, const TriggerMatch& m, bool noun) {
  static const Set wars = {"war", "conflict", "fighting", "battle", "offensive", "siege", "campaign", "hostilities"};
  auto is = [&](size_t k, std::string_view s) { return k < w.size() && w[k].folded == s; };
  if (noun) {
    if (!StretchBefore(w, m).empty()) return StretchBefore(w, m);
    // The war as a whole: "since the fighting began", "fled (the) fighting", "an end to the
    // fighting", "during the war", "at the height of the fighting".
    if (m.last == m.first + 1 && wars.count(w[m.first].folded)) {
      size_t k = m.first;
      if (k > 0 && w[k - 1].folded == "the") --k;
      if (k > 0) {
        std::string_view p = w[k - 1].folded;
        if (p == "since" || p == "during" || p == "throughout" || p == "fled" || p == "flee" || p == "fleeing" ||
            (p == "to" && k > 1 && w[k - 2].folded == "end") || (p == "of" && k > 1 && w[k - 2].folded == "height")) {
          return "the war as a whole";
        }
      }
    }
  }
  // After the trigger, in the rest of its sentence: "during the conflict", "for years",
  // "a day", "at the height of".
  for (size_t k = m.last; k < w.size() && k < m.last + 16; ++k) {
    if (w[k].folded == ";") break;
    if ((w[k].folded == "during" || w[k].folded == "throughout") && is(k + 1, "the") && k + 2 < w.size() &&
        wars.count(w[k + 2].folded)) {
      return "the war as a whole";
    }
    if (w[k].folded == "for" && k + 1 < w.size() &&
        (w[k + 1].folded == "years" || w[k + 1].folded == "months" || w[k + 1].folded == "decades")) {
      return "a stretch of time";
    }
    if (w[k].folded == "height" && is(k + 1, "of") && k > 0 && w[k - 1].folded == "the") return "the war as a whole";
    // "thousands of shells a day", "every day", "daily"
    if ((w[k].folded == "a" || w[k].folded == "every" || w[k].folded == "each") && k + 1 < w.size() &&
        !(k > 0 && w[k - 1].folded == "in") &&
        (w[k + 1].folded == "day" || w[k + 1].folded == "night") &&
        (k + 2 >= w.size() || w[k + 2].kind == TokenKind::kPunct || w[k + 2].kind == TokenKind::kWord)) {
      if (!(k + 2 < w.size() && (w[k + 2].folded == "after" || w[k + 2].folded == "before" ||
                                 w[k + 2].folded == "earlier" || w[k + 2].folded == "later"))) {
        return "habitual";
      }
    }
  }
  return {};
}

// Words that mark a trigger as recalled rather than reported as news: "the town, which
// rebels had held until they lost it in", "once held", "previously captured", "after the
// city was recaptured the first time", "ten months after the militants overran it".
bool Recalled(const std::vector<Word>& w, const SentenceFacts& facts, const TriggerMatch& m) {
  static const Set before_words = {"previously", "formerly", "once", "originally", "initially"};
  for (const auto& b : ClauseBefore(w, m.first)) {
    if (before_words.count(b)) return true;
  }
  // "has conducted raids against the regime in the past", "over the years": habitual,
  // recalled, not news.
  // ("in the past week" is a span of time, not the past.)
  for (size_t k = m.last; k + 2 < w.size(); ++k) {
    if (w[k].kind == TokenKind::kPunct && w[k].folded != "-") break;
    const bool ends = k + 3 >= w.size() || w[k + 3].kind == TokenKind::kPunct;
    if ((w[k].folded == "in" && w[k + 1].folded == "the" && w[k + 2].folded == "past" && ends) ||
        (w[k].folded == "over" && w[k + 1].folded == "the" && w[k + 2].folded == "years") ||
        (w[k].folded == "in" && w[k + 1].folded == "recent" && w[k + 2].folded == "years")) {
      return true;
    }
  }
  // "the first time" right after the trigger's object ("for the first time" is news).
  for (size_t k = m.last; k + 2 < w.size() && k < m.last + 5; ++k) {
    if (w[k].kind == TokenKind::kPunct) break;
    if (w[k].folded == "the" && w[k + 1].folded == "first" && w[k + 2].folded == "time") {
      return k == 0 || w[k - 1].folded != "for";
    }
  }
  // "retaking the city ten months after the militants overran it": months or years
  // before the event the sentence tells.
  static const Set long_units = {"months", "month", "years", "year", "decades"};
  for (size_t k = 1; facts.after_since && k < m.first && k < w.size(); ++k) {
    if ((w[k].folded == "after" || w[k].folded == "since") && long_units.count(w[k - 1].folded)) {
      bool comma = false;
      for (size_t j = k + 1; j < m.first; ++j) comma |= w[j].kind == TokenKind::kPunct && w[j].folded == ",";
      if (!comma) return true;
    }
  }
  // "X had held the town until it lost it": an event bounded by a past perfect before it.
  bool had = false;
  for (size_t k = 0; facts.until && k < m.first; ++k) {
    if (w[k].folded == "had") had = true;
    if (had && w[k].folded == "until") return true;
  }
  return false;
}

// Adds the match of trigger `t` over words [k, j] to the sentence's matches (from index
// `begin`, kept in order of first word), unless a match already covers any of them.
// Returns whether it was added.
bool AddMatch(const std::vector<Word>& w, uint32_t t, size_t k, size_t j, std::vector<TriggerMatch>* matches,
              size_t begin) {
  for (size_t i = begin; i < matches->size(); ++i) {
    if ((*matches)[i].first <= j && k < (*matches)[i].last) return false;
  }
  TriggerMatch m;
  m.trigger = t;
  m.first = static_cast<uint32_t>(k);
  m.last = static_cast<uint32_t>(j + 1);
  m.span = Span{w[k].span.start, w[j].span.end};
  matches->insert(std::upper_bound(matches->begin() + static_cast<std::ptrdiff_t>(begin), matches->end(), m,
                                   [](const TriggerMatch& a, const TriggerMatch& b) { return a.first < b.first; }),
                  m);
  return true;
}

// "fired more than 4,300 rockets at", "launched two missiles": fire told with its weapon a
// few words after the verb. Adds a match of the `fired rockets` trigger (a shelling verb)
// over the verb and the weapon, unless another match covers any of those words. The
// contiguous forms are plain triggers; this finds the ones with words between.
// `matches` from index `begin` on are this sentence's, in order.
void AddFiredWeapon(const Resources& res, const std::vector<Word>& w, std::vector<TriggerMatch>* matches,
                    size_t begin) {
  static const Set verbs = {"fired", "fire", "fires", "firing", "launched", "launch", "launches", "launching"};
  static const Set weapons = {"rockets", "rocket", "missiles", "missile", "shells", "shell", "mortars", "mortar",
                              "projectiles", "rounds", "grads", "howitzers"};
  // (The trigger is looked up at the first verb: most sentences have none.)
  uint32_t trigger = UINT32_MAX;
  bool looked_up = false;
  for (size_t k = 0; k < w.size(); ++k) {
    // (Every verb above starts with 'f' or 'l': the first letter spares most words the lookup.)
    if (w[k].kind != TokenKind::kWord || w[k].folded.empty() ||
        (w[k].folded[0] != 'f' && w[k].folded[0] != 'l') || !verbs.count(w[k].folded)) {
      continue;
    }
    if (!looked_up) {
      looked_up = true;
      if (const std::vector<uint32_t>* cands = res.TriggersStartingWith("fired"); cands != nullptr) {
        for (uint32_t t : *cands) {
          const Trigger& tr = res.triggers()[t];
          if (tr.words.size() == 2 && tr.words[1] == "rockets") trigger = t;
        }
      }
    }
    if (trigger == UINT32_MAX) return;
    size_t j = k + 1;
    for (; j < w.size() && j <= k + 6; ++j) {
      if (w[j].kind == TokenKind::kPunct && w[j].folded != ",") break;
      if (weapons.count(w[j].folded)) break;
    }
    if (j >= w.size() || j > k + 6 || !weapons.count(w[j].folded)) continue;
    // "rounds" alone is the weapon only after a number or "artillery"/"mortar"/"tank".
    AddMatch(w, trigger, k, j, matches, begin);
  }
}

// Narrow rules for single triggers, each with its own case in tests/data/extract/events.txt;
// false drops the event.
//   "14 dissidents would be handed over to a commission": handing over gives up ground
//     only when ground is handed (a place, or a place noun such as "the base");
//   "He was recaptured in January": a person taken back is no change of control;
//   "four aircraft had been lost": lost equipment is a count, not ground;
//   "relocated staff to the capital": a deployment moves forces;
//   "refugees crossed into Turkey": only an armed party's crossing is fighting.
bool ExtraChecksPass(const Ctx& ctx, const Trigger& trig, const TriggerMatch& m, const Event& e, bool gained,
                     bool lost) {
  const std::vector<Word>& w = ctx.w;
  const std::string_view head = trig.words[0];  // (a view: its == "..." tests compare sizes first)
  auto placeish = [&](const Party& p) { return IsPlace(p) || ctx.PartyHas(p, kPlaceNouns); };
  if (lost && (head == "handed" || head == "hand" || head == "hands" || head == "handing")) {
    // ("handed over their weapons to the Ugandan army": arms given up, not ground.)
    for (size_t k = m.last; k < w.size() && k < m.last + 4 && w[k].kind == TokenKind::kWord; ++k) {
      if (EquipmentNouns().count(w[k].folded)) return false;
    }
    if (placeish(e.target) || placeish(e.place)) return true;
    // ("hand the city over": the object inside the phrase.)
    for (size_t k = m.first + 1; k + 1 < m.last; ++k) {
      if (ctx.Is(k, kPlaceNouns)) return true;
    }
    for (uint32_t mi : ctx.in_sentence) {
      const Mention& pm = ctx.mentions[mi];
      if (pm.kind == MentionKind::kPlace && pm.span.start >= m.span.start && pm.span.end <= m.span.end) return true;
    }
    return false;
  }
  // "hundreds were captured", "six volunteers captured near Dori": people taken are a
  // count, not ground.
  if (gained && trig.frame == Frame::kVerb && m.first > 0) {
    static const Set people = {"hundreds", "dozens", "thousands", "scores", "men", "people", "civilians",
                               "volunteers", "prisoners", "hostages", "soldiers", "fighters", "troops",
                               "militants", "rebels", "officers", "policemen", "others", "them", "women",
                               "children", "villagers", "residents", "workers", "students", "many"};
    size_t k = m.first;
    bool aux = false;  // a passive auxiliary ("were captured"; not "had captured")
    while (k > 0 && ctx.IsAux(static_cast<int>(k) - 1, kAux)) {
      --k;
      aux |= ctx.IsAux(static_cast<int>(k), kPassiveAux);
    }
    static const Set preps = {"near", "in", "at", "during", "on", "by", "after", "from", "and", "while", "outside"};
    const bool prep_after =
        m.last >= w.size() || w[m.last].kind == TokenKind::kPunct || preps.count(w[m.last].folded) > 0;
    if (k > 0 && people.count(w[k - 1].folded) && prep_after &&
        (aux || (k >= 2 && (IsNumberWord(w[k - 2]) || CountWords().count(w[k - 2].folded))))) {
      return false;
    }
  }
  if ((gained || lost) && e.rule.rfind("verb passive", 0) == 0) {
    static const Set persons = {"he", "she"};
    size_t k = m.first;
    while (k > 0 && ctx.Is(k - 1, kAux)) --k;
    if (k > 0 && k < m.first && persons.count(w[k - 1].folded)) return false;
  }
  if (lost && e.rule == "lose passive" && m.first > 0) {
    for (size_t k = m.first; k-- > 0 && k + 6 >= m.first;) {
      if (w[k].kind == TokenKind::kPunct) break;
      if (EquipmentNouns().count(w[k].folded) || w[k].folded == "aircraft" || w[k].folded == "helicopters" ||
          w[k].folded == "jets" || w[k].folded == "drones") {
        return false;
      }
    }
  }
  if (head == "relocated" || head == "relocate" || head == "relocates" || head == "relocating") {
    if (ctx.Armed(e.agent)) return true;
    for (size_t k = m.last; k < w.size() && k < m.last + 5; ++k) {
      if (ctx.Is(k, kForceNouns)) return true;
    }
    return false;
  }
  if (head == "crossed" && trig.words.size() == 2) return ctx.Armed(e.agent);
  // "artillery fired on the city": only with the weapon, or aircraft, in the clause before
  // ("police fired on protesters" is an attack on civilians, its own trigger).
  if (head == "fired" && trig.words.size() == 2 && trig.words[1] == "on") {
    static const Set weapons = {"artillery", "howitzers", "mortars", "tanks", "tank", "gunboats", "warships",
                                "batteries", "aircraft", "jets", "warplanes", "helicopters", "gunships",
                                "drones", "planes", "rocket", "launchers"};
    for (size_t k = m.first; k-- > 0 && k + 6 >= m.first;) {
      if (w[k].kind == TokenKind::kPunct) break;
      if (weapons.count(w[k].folded)) return true;
    }
    return false;
  }
  // "107 soldiers were sent to the city": forces only ("aid was sent to the city").
  if (trig.words.size() == 3 && trig.words[1] == "sent") {
    for (size_t k = m.first; k-- > 0 && k + 6 >= m.first;) {
      if (ctx.Is(k, kForceNouns)) return true;
      if (w[k].kind == TokenKind::kPunct) break;
    }
    return false;
  }
  // "his unit had fought in the area since 2014": a unit's record, not a fight.
  if (head == "fought") {
    for (size_t k = m.last; k < w.size() && k < m.last + 8; ++k) {
      if (w[k].folded == "since") return false;
      if (w[k].kind == TokenKind::kPunct) break;
    }
  }
  // "security forces neutralised 25 assailants": killing only people (not "neutralised
  // the threat", "neutralised a bomb"): a count or a force noun within three words.
  if (head == "neutralised" || head == "neutralized") {
    for (size_t k = m.last; k < w.size() && k < m.last + 4; ++k) {
      if (IsNumberWord(w[k]) || CountWords().count(w[k].folded) || ctx.Is(k, kForceNouns)) return true;
      if (w[k].kind == TokenKind::kPunct && w[k].folded != "\"") break;
    }
    return false;
  }
  // "shot down two helicopters": aircraft brought down are destroyed; missiles and rockets
  // intercepted are a count ("shot down 44 of the 50 cruise missiles").
  if (head == "downed" || ((head == "shot" || head == "shoot") && trig.words.size() == 2 && trig.words[1] == "down")) {
    static const Set aircraft = {"aircraft", "plane", "planes", "jet", "jets", "warplane", "warplanes",
                                 "helicopter", "helicopters", "drone", "drones", "fighter",
                                 "bomber", "bombers", "gunship", "gunships", "airliner", "mig", "uav", "uavs"};
    for (size_t k = m.last; k < w.size() && k < m.last + 6; ++k) {
      if (aircraft.count(w[k].folded)) return true;
      if (w[k].kind == TokenKind::kPunct && w[k].folded != "-") break;
    }
    // (Passive: "two helicopters were shot down".)
    for (size_t k = m.first; k-- > 0 && k + 6 >= m.first;) {
      if (aircraft.count(w[k].folded)) return true;
      if (w[k].kind == TokenKind::kPunct && w[k].folded != "-") break;
    }
    return false;
  }
  return true;
}

// "sent another 200 ground troops", "deployed 3,000 soldiers": a trigger "<verb> troops"
// with a count or a few words of quantity before any force noun. Adds the match of
// trigger `t` from word k to that noun, unless one already covers it.
void AddCountedForces(const std::vector<Word>& w, size_t k, uint32_t t, std::vector<TriggerMatch>* matches,
                      size_t begin) {
  static const Set quantity = {"another", "more", "additional", "extra", "some", "several", "hundreds", "thousands",
                               "dozens", "of", "its", "their", "his", "ground", "combat", "elite", "special",
                               "fresh", "new", "about", "around", "nearly", "almost", "up", "to", "over", "a", "few",
                               "further", "french", "american", "russian", "turkish", "british", "un", "us"};
  size_t j = k + 1;
  for (; j < w.size() && j <= k + 5; ++j) {
    if (Classes().Of(w[j].folded) & kForceNouns) break;
    if (w[j].kind == TokenKind::kPunct && w[j].folded != ",") return;
    if (w[j].kind == TokenKind::kPunct) continue;  // "3,000" may be split at its comma
    if (!IsNumberWord(w[j]) && !quantity.count(w[j].folded)) return;
  }
  if (j == k + 1 || j >= w.size() || j > k + 5) return;
  AddMatch(w, t, k, j, matches, begin);
}

// "pulled its units out of", "handed the city over to", "took it back", "drove two
// divisions out of", "pushed Haftar's forces back": a phrasal trigger ("pull out") with its
// object between the verb and the particle. The words between must name forces, a place
// or a pronoun for one, four words at most, no punctuation. Only the phrases whose active
// form keeps the trigger's meaning ("forced the militants out" gains ground, while the
// trigger "forced out" is the loss of the one forced).
// The words a phrasal trigger's object may take between verb and particle.
constexpr size_t kSplitWindow = 8;
constexpr uint32_t kNoTrigger = 0xFFFFFFFFu;

// The trigger "drove out" (control_gained), which a split "pushed X out" is read as.
uint32_t GainedOut(const Resources& res) {
  for (uint32_t i = 0; i < res.triggers().size(); ++i) {
    const Trigger& tr = res.triggers()[i];
    if (tr.words.size() == 2 && tr.words[0] == "drove" && tr.words[1] == "out" &&
        res.event_types()[tr.type].id == "control_gained") {
      return i;
    }
  }
  return kNoTrigger;
}

void AddSplitParticles(const Resources& res, const std::vector<Word>& w, std::vector<TriggerMatch>* matches,
                       size_t begin, const TriggerStarts& starts) {
  static const Set particles = {"out", "back", "over"};
  static const Set losing = {"pull", "pulls", "pulled", "pulling", "hand", "hands", "handed", "handing"};
  // (A match starts at a word that starts a trigger, and ends at a particle or a force
  // noun at most five words on: only the words after a word that starts a trigger are
  // looked up, and only until the first such end. Most sentences have no start at all.)
  const WordClasses& classes = Classes();
  for (size_t k : starts.words) {  // (the words that start a trigger, looked up once)
    if (k + 2 >= w.size()) break;
    const std::vector<uint32_t>* cands = starts.at[k];
    bool two = false;  // (only a two-word verb can match here)
    for (uint32_t t : *cands) two |= res.triggers()[t].words.size() == 2 && res.triggers()[t].frame == Frame::kVerb;
    if (!two) continue;
    bool ends = false;
    for (size_t j = k + 1; j < w.size() && j <= k + kSplitWindow && !ends; ++j) {
      ends = w[j].kind == TokenKind::kWord &&
             (particles.count(w[j].folded) || (classes.Of(w[j].folded) & kForceNouns));
    }
    if (!ends) continue;
    for (uint32_t t : *cands) {
      const Trigger& tr = res.triggers()[t];
      if (tr.words.size() != 2 || tr.frame != Frame::kVerb) continue;
      const std::string& type = res.event_types()[tr.type].id;
      if (type == "deployment" && tr.words[1] == "troops") {
        AddCountedForces(w, k, t, matches, begin);
        continue;
      }
      if (!particles.count(tr.words[1])) continue;
      // ("pushed the rebels out of X": the trigger "pushed out" is the loss of the one
      // pushed; with the party between, the subject gains the ground.)
      static const Set forcing = {"pushed", "push", "pushes", "pushing", "forced", "force", "forces", "forcing"};
      uint32_t use = t;
      if (type == "control_lost" && forcing.count(tr.words[0]) && tr.words[1] == "out") {
        use = GainedOut(res);
        if (use == kNoTrigger) continue;
      } else if (type == "control_lost" ? !losing.count(tr.words[0]) : type != "control_gained" && type != "armed_clash") {
        continue;
      }
      size_t j = k + 1;
      bool names = false;
      for (; j < w.size() && j <= k + kSplitWindow && w[j].folded != tr.words[1]; ++j) {
        // ("the Revolutionary United Front (RUF) rebels": an acronym in brackets.)
        if (w[j].kind != TokenKind::kWord && w[j].folded != "(" && w[j].folded != ")") break;
        names |= (Classes().Of(w[j].folded) & (kForceNouns | kPlaceNouns)) != 0 || w[j].folded == "it" ||
                 w[j].folded == "them";
      }
      if (j == k + 1 || j >= w.size() || j > k + kSplitWindow || w[j].folded != tr.words[1] || !names) continue;
      if (!AddMatch(w, use, k, j, matches, begin)) continue;
      break;
    }
  }
}

}  // namespace

std::vector<Event> FindEvents(const Resources& res, const Document& doc, const std::vector<Mention>& mentions,
                              const std::vector<time::DocumentTimex>& timexes) {
  thread_local std::vector<std::vector<Word>> words;  // reused: see Extract()
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
  const int looting_type = res.FindEventType("looting");
  // What each event type is, as bits, so that the rules below test bits rather than names.
  enum : uint8_t {
    kControl = 1,          // control_*
    kGained = 2,           // control_gained
    kLost = 4,             // control_lost
    kViolent = 8,          // air_strike, shelling, armed_clash, bombing, attack_on_civilians
    kAirStrike = 16,
    kKilling = 32,
    kNoInstrument = 64,    // control_gained, control_lost, agreement, policy, deployment
    kRemote = 128,         // air_strike, shelling
  };
  std::vector<uint8_t> type_bits(res.event_types().size(), 0);
  for (size_t i = 0; i < type_bits.size(); ++i) {
    const std::string_view id = res.event_types()[i].id;
    uint8_t b = 0;
    if (id.rfind("control_", 0) == 0) b |= kControl;
    if (id == "control_gained") b |= kGained;
    if (id == "control_lost") b |= kLost;
    if (id == "air_strike" || id == "shelling" || id == "armed_clash" || id == "bombing" ||
        id == "attack_on_civilians") {
      b |= kViolent;
    }
    if (id == "air_strike") b |= kAirStrike;
    if (id == "killing") b |= kKilling;
    if (id == "control_gained" || id == "control_lost" || id == "agreement" || id == "policy" || id == "deployment") {
      b |= kNoInstrument;
    }
    if (id == "air_strike" || id == "shelling") b |= kRemote;
    type_bits[i] = b;
  }
  // The triggers of every sentence first (most sentences have none and cost no more than
  // this), so that `out` is sized once: an Event is about a kilobyte, and growing the
  // vector moved each one several times.
  thread_local std::vector<TriggerMatch> all_matches;  // (per-thread scratch, reused)
  thread_local std::vector<uint32_t> match_begin;
  thread_local TriggerStarts starts;
  all_matches.clear();
  match_begin.assign(n + 1, 0);
  for (uint32_t s = 0; s < n; ++s) {
    const std::vector<Word>& w = words[s];
    match_begin[s] = static_cast<uint32_t>(all_matches.size());
    FindTriggerStarts(res, w, &starts);
    AppendTriggers(res, w, starts, &all_matches);
    AddFiredWeapon(res, w, &all_matches, match_begin[s]);
    AddSplitParticles(res, w, &all_matches, match_begin[s], starts);
    all_matches.erase(std::remove_if(all_matches.begin() + match_begin[s], all_matches.end(),
                                     [&](const TriggerMatch& m) {
                                       const Trigger& trig = res.triggers()[m.trigger];
                                       if (m.last < w.size() && IdiomNext().count(w[m.last].folded)) return true;
                                       // "in advance" is no advance; workers "on strike" strike nobody.
                                       if (m.first > 0 && w[m.first - 1].folded == "on" && trig.words[0] == "strike") return true;
                                       if (m.first > 0 && w[m.first - 1].folded == "in" && trig.words[0] == "advance") return true;
                                       // "taken by storm" is the capture itself.
                                       if (m.first > 1 && trig.words[0] == "storm" && w[m.first - 1].folded == "by" &&
                                           (w[m.first - 2].folded == "taken" || w[m.first - 2].folded == "took")) {
                                         return true;
                                       }
                                       // "a great deal of damage" is no deal.
                                       if (m.first > 0 && trig.words[0] == "deal" &&
                                           (w[m.first - 1].folded == "great" || w[m.first - 1].folded == "good")) {
                                         return true;
                                       }
                                       // "assault units", "attack helicopters", "strike drones": a noun
                                       // naming a kind of unit or weapon, no event.
                                       if (m.last < w.size() && (ForceNouns().count(w[m.last].folded) ||
                                                                 EquipmentNouns().count(w[m.last].folded))) {
                                         const std::string& last = trig.words.back();
                                         if (last == "assault" || last == "attack" || last == "strike" || last == "raid" ||
                                             last == "combat" || last == "siege") {
                                           return true;
                                         }
                                       }
                                       // "3 warplanes", "two drones": aircraft counted are a claim.
                                       return trig.words.size() == 1 && trig.words[0] == "warplanes" && m.first > 0 &&
                                              (IsNumberWord(w[m.first - 1]) || CountWords().count(w[m.first - 1].folded));
                                     }),
                      all_matches.end());
  }
  match_begin[n] = static_cast<uint32_t>(all_matches.size());
  out.reserve(all_matches.size());

  thread_local std::vector<uint32_t> in_sentence;  // (per-thread scratch, cleared per sentence)
  thread_local std::vector<const time::Timex*> times;
  thread_local std::vector<const time::Timex*> durations;
  thread_local std::vector<uint64_t> cls;
  size_t mcur = 0, tcur = 0;
  for (uint32_t s = 0; s < n; ++s) {
    if (match_begin[s] == match_begin[s + 1]) continue;  // no trigger: nothing to do
    const Span ss = doc.sentences[s].span;
    const std::vector<Word>& w = words[s];
    in_sentence.clear();
    times.clear();
    durations.clear();
    while (mcur < mentions.size() && mentions[mcur].span.start < ss.start) ++mcur;
    for (size_t k = mcur; k < mentions.size() && mentions[k].span.start < ss.end; ++k) {
      in_sentence.push_back(static_cast<uint32_t>(k));
    }
    while (tcur < timexes.size() && timexes[tcur].sentence < s) ++tcur;
    for (size_t k = tcur; k < timexes.size() && timexes[k].sentence == s; ++k) {
      const time::Timex& t = timexes[k].timex;
      // ("the March 23 Movement": a date inside a party's name dates nothing.)
      bool named = false;
      for (uint32_t mi : in_sentence) {
        const Mention& pm = mentions[mi];
        named |= pm.kind == MentionKind::kActor && pm.span.start <= t.span.start && t.span.end <= pm.span.end;
      }
      if (named) continue;
      if (t.type == time::TimexType::kDate || t.type == time::TimexType::kTime) times.push_back(&t);
      if (t.type == time::TimexType::kDuration) durations.push_back(&t);
    }
    Classes().Classify(w, &cls);
    Ctx ctx{doc, mentions, w, in_sentence, times, cls, doc.sentences[s].kind == LineKind::kHeadline};
    ctx.sentence_start = ss.start;
    ctx.back_floor = ss.start;
    for (uint32_t b = s; b > 0 && s - b < 2 && doc.sentences[b - 1].paragraph == doc.sentences[s].paragraph; --b) {
      ctx.back_floor = doc.sentences[b - 1].span.start;
    }
    const SentenceFacts facts = FactsOf(cls);

    uint32_t last_control_verb_end = 0;
    bool have_control_verb = false;
    const size_t sentence_begin = out.size();
    const std::span<const TriggerMatch> matches(all_matches.data() + match_begin[s],
                                                match_begin[s + 1] - match_begin[s]);
    for (const TriggerMatch& m : matches) {
      const Trigger& trig = res.triggers()[m.trigger];
      const bool is_control = (type_bits[trig.type] & kControl) != 0;
      // "during its first period in control of X", "both of its spells in control": a state
      // over a span of time, not a change of control.
      if (is_control && trig.frame == Frame::kNoun && m.first > 0 && w[m.first - 1].folded == "in") {
        static const Set spans = {"during", "spell", "spells", "period", "periods", "stint", "years", "months",
                                  "time", "both"};
        bool state = false;
        for (auto b : ClauseBefore(w, m.first)) state |= spans.count(b) > 0;
        if (state) continue;
      }
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
      // "their newly regained positions", "the captured town", "12 captured soldiers": a
      // participle used as an adjective describes a state, it tells no event.
      if (trig.frame == Frame::kVerb && before >= 0 &&
          (w[before].folded == "newly" || w[before].folded == "recently" ||
           ((Determiners().count(w[before].folded) || IsNumberWord(w[before]) || CountWords().count(w[before].folded)) && m.last < w.size() &&
            (PlaceNouns().count(w[m.last].folded) || EquipmentNouns().count(w[m.last].folded) ||
             ForceNouns().count(w[m.last].folded)) &&
            trig.words.back().size() > 2 &&
            trig.words.back().compare(trig.words.back().size() - 2, 2, "ed") == 0) ||
           // "abandoned by the retreating (punitive) forces", "said that fleeing Islamist
           // fighters had set fire": a present participle too.
           ((Determiners().count(w[before].folded) || ParticipleLead().count(w[before].folded)) &&
            trig.words.size() == 1 && trig.words[0].size() > 4 &&
            trig.words[0].compare(trig.words[0].size() - 3, 3, "ing") == 0 &&
            ((m.last < w.size() && ForceNouns().count(w[m.last].folded)) ||
             (m.last + 1 < w.size() && ForceNouns().count(w[m.last + 1].folded)))))) {
        continue;
      }
      bool passive_frame = false;
      // "an attack by X on Y", "the advance toward Z": a verb form after a determiner is a noun.
      Frame frame = trig.frame;
      if (frame == Frame::kVerb && before >= 0 && w[before].kind == TokenKind::kWord &&
          (w[before].folded == "a" || w[before].folded == "an" || w[before].folded == "the" ||
           w[before].folded == "its" || w[before].folded == "their" || w[before].folded == "this" ||
           w[before].folded == "of")) {
        frame = Frame::kNoun;
        e.frame = frame;
      }
      switch (frame) {
        case Frame::kVerb: {
          bool passive = PassiveAux().count(trig.words[0]) > 0;
          const std::string& w0 = trig.words[0];
          const bool progressive = w0.size() > 4 && w0.compare(w0.size() - 3, 3, "ing") == 0;
          for (int k = before; k >= 0 && before - k < 3 && ctx.IsAux(k, kAux); --k) {
            if (ctx.IsAux(k, kPassiveAux) && !progressive) passive = true;
          }
          // "Army says 300 militants killed north of Baghdad", "two soldiers killed in the
          // ambush were buried": a counted noun right before a bare participle is what was
          // killed, not who killed.
          if (!passive && trig.words.size() == 1 && (w0 == "killed" || w0 == "wounded" || w0 == "slain") &&
              before >= 0) {
            auto counted = [&](int k) {
              return k >= 0 && (IsNumberWord(w[k]) || CountWords().count(w[k].folded) > 0);
            };
            const bool noun = w[before].kind == TokenKind::kWord && !ctx.IsAux(before, kAux);
            if (counted(before) || (noun && counted(before - 1)) ||
                (noun && before >= 1 && w[before - 1].kind == TokenKind::kWord && counted(before - 2))) {
              passive = true;
            }
          }
          if (passive) {
            e.target = ctx.Before(before, "passive-subject");
            // "the decision had been taken", "no steps were taken": a common noun that is no
            // place, party or equipment as the subject of a passive control verb.
            if (e.target.empty() && (trig.words[0] == "taken" || trig.words[0] == "took" || trig.words[0] == "take")) {
              int k = before;
              while (k >= 0 && ctx.IsAux(k, kAux)) --k;
              if (k >= 0 && w[k].kind == TokenKind::kWord && !Capitalised(doc, w[k]) &&
                  !PlaceNouns().count(w[k].folded) && !ForceNouns().count(w[k].folded) &&
                  !EquipmentNouns().count(w[k].folded) && !Pronouns().count(w[k].folded) &&
                  !ClauseOpeners().count(w[k].folded) && w[k].folded != "that" && ctx.MentionAt(k) == Mention::kNoRef) {
                break;
              }
            }
            e.agent = ctx.ByAfter(m.last, 10);
            Party from = ctx.After(m.last, "passive-from", kObjectSkip);
            if (from.span != e.agent.span && (IsPlace(from) || from.kind.empty())) e.place = from;
            // "Y was captured": Y is the place taken; "Y was driven out": Y is the party that lost.
            passive_frame = (type_bits[trig.type] & kLost) != 0;
            e.rule = "verb passive";
          } else {
            e.agent = ctx.Before(before, "active-subject");
            if (e.agent.empty()) e.agent = SubjectAcross(ctx, before, claimants[s], out, sentence_begin);
            if (e.agent.id.empty()) {
              Party head = SubjectMention(ctx, m.first);
              if (!head.empty()) e.agent = head;
            }
            if (e.agent.empty()) e.agent = SubjectBehind(ctx, before);
            if (e.agent.empty() && progressive) e.agent = AccusedOf(ctx, before);
            // (", killing N" after an event is its toll, never a killing of its own.)
            if (e.agent.empty() && progressive && res.event_types()[trig.type].id != "killing") e.agent = ParticipleSubject(ctx, before, out, sentence_begin, m);
            e.target = ctx.After(m.last, "active-object", kObjectSkip);
            e.rule = "verb active";
          }
          break;
        }
        case Frame::kNoun: {
          // "the Popular Mobilisation", "Operation Desert Storm": a capitalised event noun
          // after a capitalised word is part of a name (headlines capitalise every word).
          if (!ctx.headline && m.first > 0 && Capitalised(doc, w[m.first]) && w[m.first - 1].kind == TokenKind::kWord &&
              Capitalised(doc, w[m.first - 1]) && w[m.first - 1].span.start != ss.start) {
            break;
          }
          e.agent = ctx.Before(before, "noun-modifier");
          // "the army is in full control of X", "rebels in control of the town": who is in
          // control stands before "in".
          if (e.agent.empty() && before >= 0 && res.event_types()[trig.type].id == "control_gained") {
            static const Set degree = {"full", "complete", "total", "effective", "firm", "partial"};
            int k = before;
            while (k >= 0 && degree.count(w[k].folded)) --k;
            if (k >= 1 && w[k].folded == "in") {
              int j = k - 1;
              while (j >= 0 && (ctx.IsAux(j, kAux) || w[j].folded == "now")) --j;
              if (j >= 0) e.agent = ctx.Before(j, "in-control");
            }
          }
          if (e.agent.empty()) e.agent = ctx.ByAfter(m.last, 6);
          // "Fighting between the army and the RSF": the first side named.
          if (e.agent.empty() && m.last + 1 < w.size() && w[m.last].folded == "between") {
            Party first = ctx.After(m.last + 1, "between", kDeterminers);
            if (ctx.Armed(first)) e.agent = first;
          }
          // "came under artillery fire from the militia": an armed party the attack came from
          // (never where a force withdrew from).
          if (e.agent.empty() && m.last + 1 < w.size() && w[m.last].folded == "from" &&
              (type_bits[trig.type] & (kGained | kLost)) == 0) {
            Party from = ctx.After(m.last + 1, "noun-from", kDeterminers);
            if (ctx.Armed(from)) e.agent = from;
          }
          if (e.agent.empty()) e.agent = LightVerbSubject(ctx, before, claimants[s], out, sentence_begin);
          if (e.agent.empty()) e.agent = AccusedOf(ctx, before);
          if (e.agent.empty() && m.last == m.first + 1) {
            // "occupied the town, looting banks": a gerund after a comma shares the subject.
            const std::string& w0 = trig.words[0];
            // ("and fighting in the city has since killed": a gerund that heads its own clause
            // takes no object and shares nothing.)
            const bool object = m.last < w.size() && w[m.last].kind != TokenKind::kPunct && !ctx.Is(m.last, kAfterStops) &&
                                !ctx.IsAux(static_cast<int>(m.last), kAux);
            if (object && w0.size() > 4 && w0.compare(w0.size() - 3, 3, "ing") == 0 &&
                res.event_types()[trig.type].id != "killing") {
              e.agent = ParticipleSubject(ctx, before, out, sentence_begin, m);
            }
          }
          e.target = ctx.After(m.last, "noun-object", kNounObjectSkip);
          if (m.last < w.size() && w[m.last].folded == "by") e.target = {};
          // "the Palmyra offensive": a place before the noun is where, not who ("Georgia
          // declared a ceasefire": a country that declares is a party).
          if (IsPlace(e.agent) && (e.agent.how == "noun-modifier" || e.agent.how == "by-agent")) {
            if (e.place.empty()) e.place = e.agent;
            e.agent = {};
          }
          e.rule = "noun";
          break;
        }
        case Frame::kFall:
          e.target = ctx.Before(before, "fall-subject");
          e.agent = ctx.After(m.last, "fall-gainer", kDeterminers);
          e.rule = "fall";
          // "Lashio fell on Saturday": the bare verb names no gainer.
          if (trig.words.size() == 1) e.agent = {};
          break;
        case Frame::kLose: {
          // "X lost 30 tanks", "lost more than 1,500 tanks": losses of men or equipment, a
          // claim, not a loss of ground.
          bool counted = false;
          for (size_t k = m.last; k < w.size() && k < m.last + 4; ++k) {
            // ("lost tens of thousands of men": a vague count is a count.)
            // ("lost their lives": people died, no ground changed hands.)
            static const Set vague = {"tens", "thousands", "hundreds", "dozens", "scores", "men", "lives", "life",
                                      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                      "eleven", "twelve", "twenty", "thirty", "forty", "fifty"};
            if (IsNumberWord(w[k]) || EquipmentNouns().count(w[k].folded) || vague.count(w[k].folded)) {
              counted = true;
            }
            if (w[k].kind == TokenKind::kPunct) break;
          }
          if (counted) break;
          bool passive = false;
          for (int k = before; k >= 0 && before - k < 3 && ctx.IsAux(k, kAux); --k) {
            if (ctx.IsAux(k, kPassiveAux)) passive = true;
          }
          if (passive) {
            // "the town had been lost": the place is the subject.
            e.target = ctx.Before(before, "passive-subject");
            e.rule = "lose passive";
          } else if (m.last + 1 < w.size() && w[m.last].folded == "to" &&
                     (IsPlace(ctx.Before(before, "lose-subject")) ||
                      (before >= 0 && PlaceNouns().count(w[before].folded)))) {
            // "the historic site lost to the group last May": the place fell to the group.
            const int gained = res.FindEventType("control_gained");
            if (gained >= 0) e.type = static_cast<uint16_t>(gained);
            e.target = ctx.Before(before, "lose-subject");
            e.agent = ctx.After(m.last + 1, "fall-gainer", kDeterminers);
            e.rule = "lost to";
          } else {
            e.agent = ctx.Before(before, "lose-subject");
            // "X had held the town until it lost it", "the army admitted it had lost Y".
            if (e.agent.empty()) e.agent = SubjectAcross(ctx, before, claimants[s], out, sentence_begin);
            e.target = ctx.After(m.last, "lose-object", kObjectSkip);
            e.rule = "lose";
          }
          break;
        }
      }
      if (e.rule.empty()) continue;
      // Verbs that change control only of a place: "Lashio fell", "secured the airport",
      // "occupied the town" ("prices fell", "secured a deal" and "in occupied Kherson" are
      // no events).
      if (trig.words.size() == 1) {
        static const Set place_only = {"fell", "fallen", "falls", "secured", "occupied"};
        if (place_only.count(trig.words[0])) {
          static const Set adjective_before = {"in", "of", "from", "across", "into", "to", "on", "the", "a",
                                               "an", "and", "newly", "illegally", "temporarily", "partly",
                                               "partially"};
          if (trig.words[0] == "occupied" && before >= 0 && adjective_before.count(w[before].folded)) continue;
          if (!IsPlace(e.target) && !ctx.PartyHas(e.target, kPlaceNouns)) continue;
        }
      }
      // "captured three tanks", "seized weapons": equipment taken, not ground.
      if (trig.frame == Frame::kVerb && (type_bits[trig.type] & kGained) && looting_type >= 0) {
        static const Set stops = {"from", "in", "at", "near", "on", "to", "after", "before", "by", "with",
                                  "during", "when", "while", "as", "which", "that"};
        for (size_t k = m.last; k < w.size() && k < m.last + 6; ++k) {
          if (w[k].kind == TokenKind::kPunct || stops.count(w[k].folded)) break;
          if (EquipmentNouns().count(w[k].folded)) {
            e.type = static_cast<uint16_t>(looting_type);
            break;
          }
        }
      }
      // "had taken 12 soldiers prisoner", "30 insurgents had been captured": people taken
      // are a count of captives (a claim), not ground.
      if (trig.frame == Frame::kVerb && (type_bits[trig.type] & kGained)) {
        static const Set people = {"people", "civilians", "men", "women", "children", "hostages", "prisoners",
                                   "captives", "members", "officers", "soldiers", "fighters", "insurgents",
                                   "militants", "rebels", "troops", "personnel", "servicemen", "workers"};
        static const Set spelled = {"one", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                    "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
                                    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand"};
        auto number_like = [&](const Word& x) {
          return IsNumberWord(x) || CountWords().count(x.folded) > 0 || spelled.count(x.folded) > 0;
        };
        bool counted = false, persons = false;
        for (size_t k = m.last; k < w.size() && k < m.last + 5 && w[k].kind != TokenKind::kPunct; ++k) {
          counted |= number_like(w[k]);
          persons |= people.count(w[k].folded) > 0 && counted;
          if (persons && k + 1 < w.size() && (w[k + 1].folded == "prisoner" || w[k + 1].folded == "captive")) break;
        }
        bool subject_counted = false;
        for (const Word& x : w) {
          if (!e.target.empty() && x.span.start >= e.target.span.start && x.span.end <= e.target.span.end) {
            subject_counted |= number_like(x);
          }
        }
        if (e.rule == "verb passive" && subject_counted) {
          for (const Word& x : w) {
            if (x.span.start >= e.target.span.start && x.span.end <= e.target.span.end) {
              persons |= people.count(x.folded) > 0;
            }
          }
        }
        if (persons && (counted || subject_counted)) continue;
      }
      if (e.agent.span == e.target.span) e.target = {};
      // "Palmyra liberated again" (a headline's passive without its auxiliary): a place as
      // the subject of a control verb is what was taken, not who took it.
      // ("Russia pulled its troops back from Izium": a country with an object of its own is
      // the state that acts.)
      if (e.rule == "verb active" && IsPlace(e.agent) && (type_bits[e.type] & kControl) &&
          !(CountryPlace(mentions, e.agent) && !e.target.empty())) {
        if (e.target.empty()) e.target = e.agent;
        e.agent = {};
      }
      // "Russia is pulling out most of its forces", "withdrew 200 troops": forces moved, not
      // ground given up, unless a place follows ("withdrew its troops from X").
      if (e.rule == "verb active" && (type_bits[e.type] & kLost) && !e.target.empty() &&
          !IsPlace(e.target)) {
        const bool forces = ctx.PartyHas(e.target, kForceNouns);
        bool from = false;
        for (size_t k = m.last; k < w.size() && k < m.last + 10; ++k) {
          if (w[k].kind == TokenKind::kPunct) break;
          from |= w[k].folded == "from" || w[k].folded == "out";
        }
        const int deployment = res.FindEventType("deployment");
        if (forces && !from && deployment >= 0) {
          e.type = static_cast<uint16_t>(deployment);
          e.rule += " (forces withdrawn)";
        }
      }
      const bool control = (type_bits[e.type] & kControl) != 0;
      // "the city" that the lexicon linked back to the dateline names where the story was
      // filed, not the place of the event: keep the words, drop the link.
      for (Party* p : {&e.target, &e.place}) {
        if (RefersToDateline(doc, mentions, p->mention)) {
          p->mention = Mention::kNoRef;
          p->id.clear();
          p->name.clear();
          p->kind.clear();
          p->how += " (dateline link dropped)";
        }
      }
      // "pulled its troops back across the river", "withdrew to Kramatorsk": where a
      // retreating force goes is not the ground it gives up.
      if ((type_bits[e.type] & kLost) && e.frame == Frame::kVerb && m.last < w.size() && !e.target.empty() &&
          e.target.span.start > m.span.end) {
        static const Set toward = {"across", "to", "toward", "towards", "into", "behind", "beyond"};
        if (toward.count(w[m.last].folded)) e.target = {};
      }
      if (e.place.empty() && IsPlace(e.target)) e.place = e.target;
      if (e.place.empty()) {
        // The nearest place mention in the sentence, after the trigger first, never the
        // dateline ("KABUL (Wire) - ...": where the story was filed, not where it happened).
        // A country or region counts only after a locative word ("strikes in Syria"); as a
        // subject or modifier it is a party ("questions whether Saudi Arabia is involved").
        uint32_t after = Mention::kNoRef, before_m = Mention::kNoRef;
        const bool deployment = res.event_types()[e.type].id == "deployment";
        for (uint32_t mi : ctx.in_sentence) {
          const Mention& pm = mentions[mi];
          if (pm.kind != MentionKind::kPlace || RefersToDateline(doc, mentions, mi)) continue;
          if (!Locative(ctx, pm)) continue;
          if (SpeechPlace(ctx, pm) || (deployment && PlaceAfter(ctx, pm, "from"))) continue;
          // ("at midnight Moscow time": a place inside a time expression is no place.)
          if (InTime(ctx, pm.span)) continue;
          // ("Ankara opened an offensive": the capital that acts is no place of the event.)
          if (e.agent.kind == "place" && e.agent.span.start <= pm.span.start && pm.span.end <= e.agent.span.end) continue;
          if (pm.span.start >= m.span.end) {
            if (after == Mention::kNoRef && !OtherClause(ctx, m, pm)) after = mi;
          } else if (pm.span.end <= m.span.start) {
            before_m = mi;
          }
        }
        uint32_t best = after != Mention::kNoRef ? after : before_m;
        if (best != Mention::kNoRef) e.place = MakeParty(doc, mentions[best].span, mentions, "sentence-place");
      }
      // "Following its recapture in March": the place the previous words named.
      if (e.place.empty() && control && e.frame == Frame::kNoun && before >= 0 &&
          (w[before].folded == "its" || w[before].folded == "their")) {
        const uint32_t floor = s > 0 ? doc.sentences[s - 1].span.start : ss.start;
        for (size_t k = ctx.in_sentence.empty() ? mcur : ctx.in_sentence.front(); k-- > 0;) {
          const Mention& pm = mentions[k];
          if (pm.span.start < floor) break;
          if (pm.kind != MentionKind::kPlace || !pm.resolved || pm.resolved->type == "country" ||
              RefersToDateline(doc, mentions, static_cast<uint32_t>(k))) {
            continue;
          }
          e.place = MakeParty(doc, pm.span, mentions, "possessive-place");
          break;
        }
      }
      // "took the airport": with no place named, the objective itself; "abandoned their
      // headquarters in the Hamdaniya district": the name the objective stands in, when the
      // gazetteer does not know it.
      if (e.place.empty() && control && !passive_frame && !e.target.empty() && e.target.kind.empty()) {
        e.place = e.target;
        size_t k = 0;
        while (k < w.size() && w[k].span.start < e.target.span.end) ++k;
        if (k + 1 < w.size() && (w[k].folded == "in" || w[k].folded == "at" || w[k].folded == "near")) {
          size_t b = k + 1;
          if (b < w.size() && ctx.Is(b, kDeterminers)) ++b;
          size_t e_end = b;
          while (e_end < w.size() && e_end - b < 4 && w[e_end].kind == TokenKind::kWord && Capitalised(doc, w[e_end]) &&
                 !ctx.Is(e_end, kNotParty) && !InTime(ctx, w[e_end].span)) {
            ++e_end;
          }
          if (e_end > b) {
            if (e_end < w.size() && ctx.Is(e_end, kPlaceNouns)) ++e_end;  // "the Hamdaniya district"
            e.place = MakeParty(doc, Span{w[b].span.start, w[e_end - 1].span.end}, mentions, "named-in-object");
          }
        }
      }
      // ("repelled five attacks": counted, it is a noun and needs nothing more.)
      // ("the garrison surrendered": an armed party needs no object to give up.)
      const bool armed_subject =
          (trig.words[0] == "surrendered" || trig.words[0] == "surrender") && ctx.Armed(e.agent);
      // ("claimed responsibility for the attack": "the attack" names the incident told.)
      // ('condemned the "barbaric" attack', "confirmed an attack": the incident told.)
      bool definite = false;
      if ((trig.words[0] == "attack" || trig.words[0] == "attacks") && before >= 0) {
        static const Set told = {"confirmed", "condemned", "repelled", "repulsed", "foiled", "thwarted",
                                 "claimed", "denied", "survived"};
        for (int j = before; j >= 0 && before - j < 3 && !definite; --j) {
          const std::string& f = w[j].folded;
          if (f == "the" || f == "this" || f == "that") definite = true;
          else if ((f == "an" || f == "a") && j >= 1 && told.count(w[j - 1].folded)) definite = true;
          else if (w[j].kind == TokenKind::kPunct && f != "\"") break;
        }
      }
      // ("abandoned their positions on Tuesday": "positions" is skipped on the way to a
      // place, and none follows; the positions themselves are the object.)
      if (e.target.empty() && e.place.empty() && m.last + 1 < w.size() && ctx.Is(m.last, kDeterminers) &&
          ctx.Is(m.last + 1, kPlaceNouns)) {
        e.target = MakeParty(doc, Span{w[m.last].span.start, w[m.last + 1].span.end}, mentions, "object-noun");
      }
      if (!armed_subject && !definite && NeedsObject().count(trig.words[0]) && trig.words.size() == 1 &&
          e.target.empty() && e.place.empty() && e.type == trig.type &&
          !(before >= 0 && (IsNumberWord(w[before]) || CountWords().count(w[before].folded)))) {
        continue;
      }
      if (!ExtraChecksPass(ctx, trig, m, e, type_bits[e.type] & kGained, type_bits[e.type] & kLost)) continue;
      if (NeedsDirectObject().count(trig.words[0]) && trig.words.size() == 1 && e.target.empty()) continue;
      // "would send another 200 troops" deploys; "would send two delegations" does not.
      if (trig.words.size() == 2 && trig.words[1] == "send") {
        bool forces = false;
        for (size_t k = m.last; k < w.size() && k < m.last + 6 && w[k].kind != TokenKind::kPunct; ++k) {
          forces |= ForceNouns().count(w[k].folded) > 0 || EquipmentNouns().count(w[k].folded) > 0 ||
                    w[k].folded == "reinforcements" || w[k].folded == "warships" || w[k].folded == "personnel";
        }
        if (!forces) continue;
      }
      // Time.
      const time::Timex* best_t = nullptr;
      {
        uint32_t best_d = 0xFFFFFFFFu;
        for (const time::Timex* t : times) {
          uint32_t d = 0;
          if (!TimeGoverns(res, w, cls, matches, m, *t, &d)) continue;
          if (d < best_d) best_d = d, best_t = t;
        }
      }
      std::string_view spread;
      // (Only fighting spreads so: "a two-month truce took effect on Saturday" is dated.)
      const bool fighting = (type_bits[e.type] & (kViolent | kKilling)) != 0;
      if (fighting && best_t == nullptr) {
        spread = SpreadCue(w, m, trig.frame == Frame::kNoun);
      } else if (fighting && trig.frame == Frame::kNoun) {
        // ("signed a deal on Tuesday to end six weeks of fighting": Tuesday dates the deal;
        // it still tells whether the stretch is background.)
        spread = StretchBefore(w, m);
      }
      if (best_t != nullptr && spread.empty()) {
        e.time = best_t->value;
        e.time_span = best_t->span;
        e.time_source = "sentence";
      } else if (!spread.empty()) {
        e.time_source = "no single date";
        e.rule += "; no single date (";
        e.rule += spread;
        e.rule += ")";
      } else if (std::string rel = SpanFromAnchor(w, m, times, durations); !rel.empty()) {
        // "signed a deal on Tuesday, two days after Azerbaijani forces captured Shusha"
        e.time = std::move(rel);
        e.time_source = "sentence";
        e.rule += "; counted from the sentence's date";
      } else if (!doc.date.value.empty()) {
        e.time = doc.date.value;
        e.time_source = "document date";
      } else {
        e.time_source = "none";
      }
      if (!ClaimantElsewhere(w, m, claimants[s])) e.claimed_by = claimants[s];  // (no temporary Party)
      e.status = StatusOf(w, facts, m, trig, !e.claimed_by.empty());
      // A headline's infinitive is a plan: "Russian peacekeepers to deploy".
      if (ctx.headline && before >= 0 && w[before].folded == "to" && e.frame == Frame::kVerb &&
          (e.status == EventStatus::kAsserted || e.status == EventStatus::kReported)) {
        e.status = EventStatus::kPlanned;
      }
      if (e.status == EventStatus::kAsserted || e.status == EventStatus::kReported) {
        // A past perfect is background only with a time well before the document ("had
        // seized the town in March"); in reported speech it is mere backshift ("said on
        // Sunday they had withdrawn").
        bool pluperfect = false;
        for (int k = before; k >= 0 && before - k < 3; --k) pluperfect |= w[k].folded == "had";
        // A date in another clause ("After being forced out of X in December, they
        // retreated to Y") does not make this event background.
        // "had been liberated earlier this year": an expression that points back from the
        // document counts as before it whatever its interval.
        bool points_back = false;
        if (best_t != nullptr) {
          std::string_view tt = doc.view(best_t->span);
          points_back = tt.size() >= 7 && (tt.substr(0, 7) == "earlier" || tt.substr(0, 7) == "Earlier");
          for (size_t k = 0; k + 1 < w.size(); ++k) {
            if (w[k + 1].span.start == best_t->span.start) points_back |= w[k].folded == "earlier";
          }
        }
        if (has_doc_time && best_t != nullptr && best_t->interval.valid() &&
            best_t->interval.end < doc_time - 30 * 86400) {
          e.status = EventStatus::kBackground;
        } else if (pluperfect && has_doc_time && best_t != nullptr && best_t->interval.valid() &&
                   (best_t->interval.end < doc_time - 7 * 86400 ||
                    (points_back && best_t->interval.begin < doc_time - 7 * 86400))) {
          e.status = EventStatus::kBackground;
        } else if (Recalled(w, facts, m)) {
          e.status = EventStatus::kBackground;
        }
      }
      // "the garrison fled", "fighters fled the town": an armed party flees and gives up the
      // ground; civilians or officials fleeing ("thousands fled the fighting") is no event.
      if ((type_bits[e.type] & kLost) && (trig.words[0] == "fled" || trig.words[0] == "flee" ||
                                          trig.words[0] == "flees" || trig.words[0] == "fleeing")) {
        if (e.agent.empty() || !ctx.Armed(e.agent)) continue;
        // "abandoned their posts and fled": one retreat told twice.
        bool joined = false;
        for (size_t k = sentence_begin; k < out.size(); ++k) {
          if (!(type_bits[out[k].type] & kLost) || out[k].trigger.end > m.span.start) continue;
          for (size_t j = m.first; j-- > 0 && w[j].span.start >= out[k].trigger.end;) joined |= w[j].folded == "and";
        }
        if (joined) continue;
      }
      // "2,475 soldiers had left the town", "the FARC left it in 2017", "the troops would not
      // leave Somalia": an armed party leaving a place gives it up; "left 10 dead", "left
      // behind", "left for talks" and anyone else leaving are no event.
      if ((type_bits[e.type] & kLost) && (trig.words[0] == "left" || trig.words[0] == "leave" ||
                                          trig.words[0] == "leaves" || trig.words[0] == "leaving") &&
          trig.words.size() == 1) {
        const bool object_place = IsPlace(e.target) || ctx.PartyHas(e.target, kPlaceNouns) ||
                                  (m.last < w.size() && (w[m.last].folded == "it" || w[m.last].folded == "the" ||
                                                         ctx.MentionAt(m.last) != Mention::kNoRef) &&
                                   !e.target.empty());
        const bool we = m.first > 0 && (w[m.first - 1].folded == "we" || w[m.first - 1].folded == "they");
        if (!object_place || !(ctx.Armed(e.agent) || we)) continue;
      }
      const uint8_t tbits = type_bits[e.type];
      if (!(tbits & kNoInstrument)) {
        e.instrument = InstrumentOf(res, doc, w, m, e.agent, (tbits & kRemote) != 0);
      }
      // "Jets pound the Bekaa valley": pounding or bombarding by aircraft alone is an air
      // strike ("regime forces and warplanes pounded" stays shelling).
      if ((tbits & kRemote) && !(tbits & kAirStrike) && !e.agent.empty() &&
          (trig.words[0].rfind("pound", 0) == 0 || trig.words[0].rfind("bombard", 0) == 0 ||
           (trig.words[0] == "fired" && trig.words.size() == 2))) {
        static const Set air = {"jets", "jet", "warplanes", "warplane", "aircraft", "drones", "drone",
                                "helicopters", "bombers", "gunships", "aviation"};
        // (The whole subject, not just the agent found: "regime forces and warplanes".)
        bool aircraft = false, other = false;
        for (size_t k = m.first; k-- > 0;) {
          if (w[k].kind == TokenKind::kPunct && w[k].folded != "-") break;
          if (air.count(w[k].folded)) aircraft = true;
          else if (ctx.Is(k, kForceNouns)) other = true;
        }
        const int air_type = res.FindEventType("air_strike");
        if (aircraft && !other && air_type >= 0) {
          e.type = static_cast<uint16_t>(air_type);
          e.instrument = "aircraft";
          e.rule += " (by aircraft)";
        }
      }
      // "an LNA warplane bombed the airport ... the raid", "a NATO pilot attacked the
      // convoy", "drones attacked the base": a raid or attack made from the air is an air
      // strike.
      if ((trig.words[0] == "raid" || trig.words[0] == "raids" || trig.words[0] == "raided" ||
           trig.words[0] == "attacked" || trig.words[0] == "attack" || trig.words[0] == "attacks") &&
          res.event_types()[e.type].id == "armed_clash") {
        // (Not "a coalition raid": in Yemen a strike, in Afghanistan a night raid on the ground.)
        std::string by = InstrumentOf(res, doc, w, m, e.agent, true);
        const int air = res.FindEventType("air_strike");
        if ((by == "aircraft" || by == "drones" || by == "helicopters") && air >= 0) {
          e.type = static_cast<uint16_t>(air);
          e.instrument = by;
        }
      }
      // "struck", "targeted": a strike from the air only when aircraft or drones do it, a
      // shelling when missiles or artillery do, else no event ("the earthquake struck").
      if ((tbits & kAirStrike) && trig.words.size() == 1 &&
          (trig.words[0] == "struck" || trig.words[0] == "targeted" || trig.words[0] == "strike" ||
           trig.words[0] == "strikes" || trig.words[0] == "hit" || trig.words[0] == "hits")) {
        // (The noun looks through its whole clause: "jets carried out dozens of strikes".)
        const bool noun = trig.words[0] == "strike" || trig.words[0] == "strikes";
        std::string by = InstrumentOf(res, doc, w, m, e.agent, noun);
        for (size_t k = m.first; by.empty() && k-- > 0 && k + 3 >= m.first;) {
          if (w[k].kind == TokenKind::kPunct) break;
          by = std::string(res.InstrumentOf(w[k].folded));
        }
        // "An air strike hit the market": the subject is the strike already told.
        // (Aircraft named as the subject are the strike's instrument, not another strike.)
        bool told = false;
        for (size_t k = sentence_begin; k < out.size(); ++k) {
          bool aircraft = false;
          for (size_t j = 0; j < w.size() && !aircraft; ++j) {
            aircraft = w[j].span == out[k].trigger && ctx.Is(j, kForceNouns);
          }
          if (aircraft) continue;
          if (!e.agent.span.empty() && out[k].trigger.start >= e.agent.span.start &&
              out[k].trigger.end <= e.agent.span.end) {
            told = true;
          }
          // "Russian missile strikes hit central Kyiv": the trigger is the subject itself.
          if (out[k].trigger.end <= m.span.start && m.first > 0 && w[m.first - 1].span.end == out[k].trigger.end) {
            told = true;
          }
        }
        if (told) continue;
        // "Coalition strikes", "a US strike in Mosul", "after the strike" in a story that has
        // told an air strike: a strike by an air power or coalition, or one more strike of
        // the story, is from the air.
        if (by.empty() && noun) {
          static const Set air_powers = {"coalition", "nato", "allied", "coalition's"};
          bool air = m.first > 0 && (air_powers.count(w[m.first - 1].folded) > 0 ||
                                     (ctx.MentionAt(m.first - 1) != Mention::kNoRef &&
                                      ctx.mentions[ctx.MentionAt(m.first - 1)].kind == MentionKind::kActor));
          const int air_type = res.FindEventType("air_strike");
          for (size_t k = 0; k < sentence_begin && !air; ++k) {
            air = static_cast<int>(out[k].type) == air_type && out[k].status != EventStatus::kBackground;
          }
          if (air) {
            by = "aircraft";
            e.instrument = by;
          }
        }
        if (by == "missiles" || by == "rockets" || by == "artillery" || by == "mortars") {
          const int shelling = res.FindEventType("shelling");
          if (shelling >= 0) e.type = static_cast<uint16_t>(shelling);
          e.instrument = by;
        } else if (by != "aircraft" && by != "drones" && by != "helicopters") {
          continue;
        }
      }
      out.push_back(std::move(e));
    }
    // A killing told beside the attack that caused it ("an air strike killed 20", "killed in
    // clashes", "shelled the town, killing two") is that attack's toll (a claim), not an
    // event of its own.
    bool violent = false;
    // (Destruction too: "a helicopter was shot down, killing its crew", "the blast destroyed
    // the building, killing three".)
    const int destruction_type = res.FindEventType("destruction");
    auto tolls = [&](const Event& x) {
      return (type_bits[x.type] & kViolent) != 0 || static_cast<int>(x.type) == destruction_type;
    };
    for (size_t k = sentence_begin; k < out.size(); ++k) violent |= tolls(out[k]);
    // "Gunmen killed 16 soldiers in an attack on a camp": the killer is the attack's agent.
    for (size_t k = sentence_begin; k < out.size() && violent; ++k) {
      if (!(type_bits[out[k].type] & kKilling) || out[k].agent.empty()) continue;
      for (size_t j = k + 1; j < out.size(); ++j) {
        if (out[j].agent.empty() && out[j].trigger.start > out[k].trigger.end) {
          out[j].agent = out[k].agent;
          out[j].agent.how = "killer-of-toll";
          break;
        }
      }
    }
    // "Ukrainian troops entered X on Friday, ending the occupation of the only capital Moscow
    // had managed to capture": a past perfect with no date of its own, beside an event the
    // sentence dates, happened before it.
    bool dated_news = false;
    for (size_t k = sentence_begin; k < out.size(); ++k) {
      dated_news |= out[k].time_source == "sentence" && out[k].status != EventStatus::kBackground;
    }
    for (size_t k = sentence_begin; k < out.size() && dated_news; ++k) {
      Event& e = out[k];
      if (e.time_source != "document date" || e.status != EventStatus::kAsserted) continue;
      size_t first = w.size();
      for (size_t j = 0; j < w.size(); ++j) {
        if (w[j].span.start == e.trigger.start) first = j;
      }
      for (size_t j = first; j-- > 0 && j + 4 >= first;) {
        if (w[j].kind != TokenKind::kWord) break;
        if (w[j].folded == "had") {
          e.status = EventStatus::kBackground;
          break;
        }
      }
    }
    // "X seized the town in May 2015, one of its last conquests after a year of advances":
    // an event noun told after a dated recollection, with no date of its own, is part of it.
    for (size_t k = sentence_begin; k < out.size(); ++k) {
      Event& e = out[k];
      if (e.frame != Frame::kNoun || e.time_source != "document date" || e.status != EventStatus::kAsserted) continue;
      for (size_t j = sentence_begin; j < k; ++j) {
        if (out[j].status == EventStatus::kBackground && out[j].time_source == "sentence") {
          e.status = EventStatus::kBackground;
          break;
        }
      }
    }
    int air_strikes = 0;
    for (size_t k = sentence_begin; k < out.size(); ++k) air_strikes += (type_bits[out[k].type] & kAirStrike) != 0;
    // The word at byte `at` (the first word starting at or after it).
    auto word_at = [&](uint32_t at) {
      return static_cast<size_t>(std::lower_bound(w.begin(), w.end(), at, [](const Word& x, uint32_t v) {
                                   return x.span.start < v;
                                 }) - w.begin());
    };
    auto drop = [&](const Event& e) {
      if (type_bits[e.type] & kKilling) {
        // A deliberate killing of someone by someone, named or not ("was assassinated", "was
        // shot dead outside his home", "gunned down", "murdered"), is an act of its own.
        static const char* const kDeliberate[] = {"assassi", "shot dead", "shoot dead", "shooting dead",
                                                  "shoots dead", "gunned down", "murder", "lynched"};
        const std::string folded = text::FoldForMatch(doc.view(e.trigger));
        bool deliberate = false;
        for (const char* d : kDeliberate) deliberate |= folded.rfind(d, 0) == 0;
        if (deliberate) return false;
        // The toll of an attack told in the same clause: the attack as its subject ("an air
        // strike on a centre for migrants in the Tajoura suburb of Tripoli killed 44",
        // "fighting between forces loyal to X and to Y has killed 272") or told within a
        // dozen words after it ("killed 12 villagers in an attack on the village"). Another
        // act further on ("... hacked six villagers to death, and on 28 August abducted and
        // killed an administrator") is not its toll.
        if (violent) {
          const size_t kw = word_at(e.trigger.start);
          for (size_t k = sentence_begin; k < out.size(); ++k) {
            if (!tolls(out[k]) || (type_bits[out[k].type] & kKilling)) continue;
            const size_t aw = word_at(out[k].trigger.start);
            if (aw > kw) {
              // (Destruction told after the killing is another act: "killed scores of
              // terrorists and destroyed 12 vehicles".)
              if (aw - kw <= 12 && (type_bits[out[k].type] & kViolent)) return true;
              continue;
            }
            if (kw - aw > 25) continue;
            // (Not across a clause of its own: "; ", ", and", ", while".)
            bool apart = false;
            for (size_t j = aw; j < kw && !apart; ++j) {
              apart = w[j].folded == ";" ||
                      (w[j].folded == "," && j + 1 < kw && (w[j + 1].folded == "and" || w[j + 1].folded == "while"));
            }
            if (!apart) return true;
          }
        }
        // "36 civilians were killed": a toll with nobody named who killed is a claim; a
        // killing event needs its killer ("gunmen killed a mayor").
        return e.agent.empty();
      }
      // "warplanes carried out air strikes": the aircraft are the strike's instrument.
      if ((type_bits[e.type] & kAirStrike) && air_strikes > 1 && ForceNouns().count(text::FoldForMatch(doc.view(e.trigger)))) {
        --air_strikes;
        return true;
      }
      return false;
    };
    // "Al Shabaab claimed the killing", "officials blamed Ethiopian infiltrators for the
    // killing", "ISWAP claimed responsibility for the attack": the incident just told, named
    // again, with the party that claims it or is blamed for it as its agent.
    for (size_t k = sentence_begin; k < out.size(); ++k) {
      Event& e = out[k];
      if (e.frame != Frame::kNoun || !e.agent.empty()) continue;
      size_t j = word_at(e.trigger.start);
      if (j < 2 || j >= w.size() || w[j - 1].folded != "the") continue;
      --j;  // at "the"
      if (j >= 2 && w[j - 1].folded == "for" && w[j - 2].folded == "responsibility") j -= 2;
      static const Set claims = {"claimed", "claims", "claim", "admitted"};
      if (claims.count(w[j - 1].folded)) {
        e.agent = ctx.Before(static_cast<int>(j) - 2, "claimer");
        // ("No group has claimed the attack" names nobody.)
        if (!e.agent.empty() && text::FoldForMatch(doc.view(e.agent.span)).rfind("no ", 0) == 0) e.agent = {};
      } else if (w[j - 1].folded == "for") {
        static const Set blames = {"blamed", "blames", "blaming", "accused", "accuses"};
        for (size_t b = j - 1; b-- > 0 && b + 7 >= j;) {
          if (blames.count(w[b].folded)) {
            e.agent = ctx.After(b + 1, "blamed", kDeterminers);
            break;
          }
          if (w[b].kind == TokenKind::kPunct) break;
        }
      }
    }
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(sentence_begin), out.end(), drop), out.end());
  }
  LinkRecollections(res, doc, &out);
  return out;
}

}  // namespace sitrep::extract
