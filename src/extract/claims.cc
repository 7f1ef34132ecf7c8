#include "extract/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cctype>
#include <cstdlib>
#include <string_view>
#include <unordered_set>

#include "extract/attribution.h"
#include "extract/words.h"

namespace sitrep::extract {

// The obvious version: strip the separators, hand the rest to strtod.
bool ParseDigitsSlow(std::string_view s, double* out) {
  std::string clean;
  int dots = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') clean.push_back(c);
    else if (c == ',') continue;
    else if (c == '.') { ++dots; clean.push_back('.'); }
    else return false;  // ':' or a letter: not a count
  }
  if (clean.empty()) return false;
  if (dots > 1) clean.erase(std::remove(clean.begin(), clean.end(), '.'), clean.end());
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

// Parses digits with separators: "1,800" "3.5" "1.000.000" "4,000". False for clock times,
// ordinals ("3rd") and decades ("1990s").
bool ParseDigits(std::string_view s, double* out) {
  // Fast path: digits and commas only, at most 15 digits (exact in a double, so the same
  // value strtod gives; claims_test compares them).
  {
    double v = 0;
    int digits = 0;
    bool plain = !s.empty();
    for (char c : s) {
      if (c >= '0' && c <= '9') v = v * 10 + (c - '0'), ++digits;
      else if (c != ',') { plain = false; break; }
    }
    if (plain && digits > 0 && digits <= 15) {
      *out = v;
      return true;
    }
  }
  return ParseDigitsSlow(s, out);
}

// The obvious version: each part between hyphens looked up as a string.
double NumberWordSlow(const Resources& res, std::string_view folded) {
  double total = 0;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t dash = folded.find('-', start);
    std::string_view part = folded.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
    const auto* cands = res.QuantitiesStartingWith(part);
    double v = -1;
    if (cands) {
      for (uint32_t c : *cands) {
        const Quantity& q = res.quantities()[c];
        if (q.words.size() == 1 && q.kind == QuantityKind::kExact) v = q.low;
      }
    }
    if (v < 0) return -1;
    total += v;
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return total;
}

namespace {

// The value of the one-word exact quantity among `cands` (the quantities starting with a
// word), or -1.
double SingleWordValue(const Resources& res, const std::vector<uint32_t>* cands) {
  double v = -1;
  if (cands) {
    for (uint32_t c : *cands) {
      const Quantity& q = res.quantities()[c];
      if (q.words.size() == 1 && q.kind == QuantityKind::kExact) v = q.low;
    }
  }
  return v;
}

}  // namespace

double NumberWord(const Resources& res, const FoldedWord& folded) {
  // A word without a hyphen is its own only part: one probe with the hash it carries.
  if (folded.find('-') == std::string::npos) return SingleWordValue(res, res.QuantitiesStartingWith(folded));
  return NumberWordSlow(res, folded);
}

namespace {

using lexicon::Mention;
using lexicon::MentionKind;

struct Number {
  size_t first = 0, last = 0;  // words [first, last)
  double low = -1, high = -1, acled = -1;
  bool vague = false;
};

// The quantity among `cands` (the quantities starting with words[i]) that words[i..] spell.
const Quantity* MatchQuantityIn(const Resources& res, const std::vector<Word>& w, size_t i,
                                const std::vector<uint32_t>* cands, size_t* len) {
  if (cands == nullptr) return nullptr;
  for (uint32_t c : *cands) {
    const Quantity& q = res.quantities()[c];
    if (MatchesAt(w, i, q.words)) {
      *len = q.words.size();
      return &q;
    }
  }
  return nullptr;
}

const Quantity* MatchQuantity(const Resources& res, const std::vector<Word>& w, size_t i, size_t* len) {
  if (i >= w.size()) return nullptr;
  return MatchQuantityIn(res, w, i, res.QuantitiesStartingWith(w[i].folded), len);
}

// One number at words[i] (no modifier, no range). False when none starts there.
bool ParseOne(const Resources& res, const std::vector<Word>& w, size_t i, Number* out) {
  if (i >= w.size()) return false;
  Number n;
  n.first = i;
  size_t j = i;
  double v = -1;
  if (w[i].kind == TokenKind::kNumber) {
    if (!ParseDigits(w[i].folded, &v)) return false;
    j = i + 1;
  } else {
    size_t len = 0;
    const std::vector<uint32_t>* cands = res.QuantitiesStartingWith(w[i].folded);
    const Quantity* q = MatchQuantityIn(res, w, i, cands, &len);
    if (q != nullptr && q->kind == QuantityKind::kVague) {
      n.low = q->low, n.high = q->high, n.acled = q->acled, n.vague = true;
      n.last = i + len;
      *out = n;
      return true;
    }
    if (q != nullptr && q->kind == QuantityKind::kExact) {
      v = q->low;
      j = i + len;
    } else {
      // NumberWord, with the candidates already looked up for a word with no hyphen.
      v = w[i].folded.find('-') == std::string::npos ? SingleWordValue(res, cands) : NumberWordSlow(res, w[i].folded);
      if (v < 0) return false;
      j = i + 1;
    }
    // "twenty five"
    if (v >= 20 && v < 100 && std::fmod(v, 10) == 0 && j < w.size()) {
      double u = NumberWord(res, w[j].folded);
      if (u > 0 && u < 10) v += u, ++j;
    }
  }
  // Multipliers: "1.5 million", "two hundred", "two hundred thousand".
  while (j < w.size()) {
    size_t len = 0;
    const Quantity* q = MatchQuantity(res, w, j, &len);
    if (q == nullptr || q->kind != QuantityKind::kMult) break;
    v *= q->low;
    j += len;
  }
  n.low = n.high = n.acled = v;
  n.last = j;
  *out = n;
  return true;
}

const Modifier* MatchModifier(const Resources& res, const std::vector<Word>& w, size_t i, size_t* len) {
  const auto* cands = res.ModifiersStartingWith(w[i].folded);
  if (cands == nullptr) return nullptr;
  for (uint32_t c : *cands) {
    const Modifier& m = res.modifiers()[c];
    if (MatchesAt(w, i, m.words)) {
      *len = m.words.size();
      return &m;
    }
  }
  return nullptr;
}

const ClaimKindWord* MatchKind(const Resources& res, const std::vector<Word>& w, size_t i, KindRole role,
                               size_t* len) {
  if (i >= w.size()) return nullptr;
  const auto* cands = res.KindWordsStartingWith(w[i].folded);
  if (cands == nullptr) return nullptr;
  for (uint32_t c : *cands) {
    const ClaimKindWord& k = res.kind_words()[c];
    if (k.role == role && MatchesAt(w, i, k.words)) {
      *len = k.words.size();
      return &k;
    }
  }
  return nullptr;
}

// A casualty phrase that ends right before words[end] (exclusive).
const ClaimKindWord* MatchKindEndingAt(const Resources& res, const std::vector<Word>& w, size_t end,
                                       size_t* start) {
  for (size_t len = std::min<size_t>(end, 4); len >= 1; --len) {
    size_t len2 = 0;
    const ClaimKindWord* k = MatchKind(res, w, end - len, KindRole::kBefore, &len2);
    if (k != nullptr && len2 == len) {
      *start = end - len;
      return k;
    }
  }
  return nullptr;
}

bool IsPersonKind(std::string_view k) { return k == "troops" || k == "people"; }

const WordSet& Speakers() {
  static const WordSet s = {"said", "says", "say", "told", "tell", "reported", "described", "recalled",
                            "stated", "claimed", "confirmed", "announced"};
  return s;
}

// Words that may sit between a number and its noun ("30 Russian-made tanks", "scores of its
// fighters") are any words except these, which end the noun phrase.
const WordSet& NounStops() {
  static const WordSet s = {
      "were", "was", "have", "had", "has", "are", "is", "in", "at", "on", "to", "from", "near",
      "and", "or", "since", "who", "which", "that", "by", "with", "after", "before", "when",
      "per", "a", "an", "will", "would", "than", "into", "across", "over", "for", "as"};
  return s;
}

// Words that may follow a passive verb of capture used without its auxiliary ("2,000
// people detained since the coup").
const WordSet& AfterCapture() {
  static const WordSet s = {"in", "by", "since", "after", "at", "on", "during", "over", "near", "from", "and",
                            "or", "last", "this", "yesterday", "today", "overnight", "earlier", "so", "as"};
  return s;
}

// Auxiliaries skipped before a casualty word after the number ("were reportedly killed").
const WordSet& Auxiliaries() {
  static const WordSet s = {
      "were", "was", "have", "had", "has", "been", "are", "is", "reportedly", "also", "still",
      "all", "being", "later", "allegedly", "either", "now", "believed", "feared", "to", "be",
      "reported", "confirmed", "thought", "presumed", "likely", "probably", "since", "so", "far",
      "seriously", "critically", "badly", "severely", "gravely", "lightly", "slightly", "fatally",
      "said", "known", "understood", "estimated",  // "were said to have been killed"
      // "might have died", "remain unaccounted for", "were summarily executed".
      "might", "may", "could", "would", "will", "must", "remain", "remains", "remained", "summarily"};
  return s;
}

// Words after a counted person noun and before its predicate that keep the noun phrase
// going: "and allied fighters", "from the 5th Corps", "loyal to the government". Returns
// the index after them when a predicate (an auxiliary or a casualty word) may follow, else
// `k` unchanged. At most 7 words, never across punctuation, a number or a clause word.
size_t PastModifiers(const std::vector<Word>& w, size_t k) {
  static const WordSet openers = {"and", "or", "from", "of", "in", "at", "loyal", "belonging", "allied",
                                  "fighting", "stationed", "based", "near", "with", "on", "including"};
  static const WordSet breakers = {"who", "which", "that", "while", "when", "after", "before", "as", "but",
                                   "said", "says", "told", "where", "than", "if", "because", "since"};
  // "Six police officers, three tax collectors and 11 civilians were killed": a list of counts.
  static const WordSet counts = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                 "eleven", "twelve", "dozens", "hundreds", "scores", "several"};
  auto count_at = [&](size_t x) {
    return x < w.size() && (w[x].kind == TokenKind::kNumber || counts.count(w[x].folded));
  };
  const bool list = k + 1 < w.size() && w[k].folded == "," && count_at(k + 1);
  if (!list && (k >= w.size() || w[k].kind != TokenKind::kWord || !openers.count(w[k].folded))) return k;
  for (size_t j = k; j < w.size() && j < k + 14; ++j) {
    if (w[j].folded == "'s" || w[j].folded == "\u2019s" || w[j].folded == "'" || w[j].folded == "-") continue;
    // "19 soldiers and 21 civilians have died": a count inside is a claim of its own.
    if (w[j].kind == TokenKind::kNumber && j > k) continue;
    // "Twelve people in Israel, including two children, were killed": past an aside that
    // lists some of them, when an auxiliary follows it.
    // "13 members of the security forces, two officials and 14 civilians have been killed":
    // the next item of a list of counts.
    if (w[j].folded == "," && j >= k && j + 2 < w.size() && count_at(j + 1)) continue;
    if (w[j].folded == "," && j > k + 1 && j + 2 < w.size()) {
      static const WordSet listing = {"including", "among", "mostly", "mainly", "most", "many"};
      if (!listing.count(w[j + 1].folded)) return k;
      for (size_t e = j + 2; e < w.size() && e < j + 12; ++e) {
        if (w[e].folded != ",") continue;
        static const WordSet aux = {"were", "was", "had", "have", "has", "are", "is", "been"};
        if (e + 1 < w.size() && (aux.count(w[e + 1].folded) || w[e + 1].folded == "died")) return e + 1;
        break;
      }
      return k;
    }
    if (w[j].kind != TokenKind::kWord) return k;
    if (j > k && breakers.count(w[j].folded)) return k;
    static const WordSet aux = {"were", "was", "had", "have", "has", "are", "is", "been", "remain", "remained",
                                "might", "may", "could"};
    if (j > k && aux.count(w[j].folded)) return j;
    if (j > k && (w[j].folded == "died" || w[j].folded == "perished")) return j;
  }
  return k;
}

// A noun phrase claim_kinds does not know, between a number and its predicate: "four aid
// workers were killed", "eight of the assailants died", "38 Palestinians had been
// killed". Returns the index after at most three plain words (optionally after "of the")
// when there are some, else `k` unchanged; the caller accepts it only when a casualty word
// follows, so the predicate decides the kind.
size_t PastUnknownNoun(const Resources& res, const std::vector<Word>& w, size_t k) {
  static const WordSet determiners = {"the", "their", "its", "his", "her", "our", "those", "these"};
  static const WordSet breakers = {"who", "which", "that", "while", "when", "after", "before", "as", "but",
                                   "said", "says", "told", "where", "than", "if", "because", "since", "of",
                                   "killed", "killing", "wounded", "wounding", "injured", "injuring", "lost"};
  size_t j = k;
  size_t count = 0;
  if (j + 1 < w.size() && w[j].folded == "of") {
    ++j;
    if (determiners.count(w[j].folded)) ++j;
    // "four of the wounded later died": people named by their state.
    static const WordSet states = {"wounded", "injured", "missing", "detained", "abducted", "captured"};
    if (j < w.size() && states.count(w[j].folded)) ++j, ++count;
  }
  size_t len = 0;
  auto quote = [&](size_t x) {
    return w[x].folded == "\"" || w[x].folded == "\u201c" || w[x].folded == "\u201d";
  };
  while (j < w.size() && count < 3 && quote(j)) ++j;  // hundreds of "bandits"
  while (j < w.size() && count < 3 && w[j].kind == TokenKind::kWord && !NounStops().count(w[j].folded) &&
         !Auxiliaries().count(w[j].folded) && !breakers.count(w[j].folded) &&
         MatchKind(res, w, j, KindRole::kAfter, &len) == nullptr) {
    ++j, ++count;
    while (j < w.size() && quote(j)) ++j;
  }
  return count > 0 ? j : k;
}

// A casualty word used actively right after its number's noun: "400 fighters killed 40
// militants", "troops killed the leader": an object follows.
bool Transitive(const std::vector<Word>& w, size_t k, size_t len) {
  if (len != 1) return false;
  static const WordSet active = {"killed", "wounded", "injured", "executed", "detained", "arrested", "abducted",
                                 "kidnapped", "captured", "evacuated", "displaced", "uprooted"};
  if (!active.count(w[k].folded)) return false;
  const size_t o = k + 1;
  if (o >= w.size()) return false;
  static const WordSet objects = {"the", "a", "an", "at", "two", "three", "dozens", "scores", "hundreds",
                                  "their", "his", "its", "several", "many", "some", "more", "over", "about",
                                  "around", "nearly", "up", "as"};
  if (w[o].kind == TokenKind::kNumber) return true;
  if (!objects.count(w[o].folded)) return false;
  // "71 wounded over the past day": a bound word is an object only before a number.
  static const WordSet bounds = {"over", "about", "around", "nearly", "up", "as", "at"};
  if (!bounds.count(w[o].folded)) return true;
  // "over 100", "at least 20", "up to 30", "as many as 40"; not "over the past 24 hours".
  static const WordSet fillers = {"least", "than", "to", "many", "as", "most"};
  for (size_t k = o + 1; k < w.size() && k < o + 4; ++k) {
    if (w[k].kind == TokenKind::kNumber) return true;
    if (!fillers.count(w[k].folded)) return false;
  }
  return false;
}

// The kind of a toll verb ending right before words[start] ("has risen to", "reached",
// "stood at") with "toll" among the 12 words before it ("killed"), or "the number of
// dead / wounded ... at": "killed" or "wounded"; empty when there is none. Commas may sit
// between ("The toll, given by the civil defence, stood at 31").
std::string_view TollBefore(const std::vector<Word>& w, size_t start) {
  // "revised the toll to 19", "bringing the death toll to 30".
  if (start >= 2 && w[start - 1].folded == "to" && (w[start - 2].folded == "toll" || w[start - 2].folded == "tolls")) {
    return "killed";
  }
  // "put the government's dead at 11 policemen", "put the wounded at 40".
  if (start >= 3 && w[start - 1].folded == "at") {
    const std::string_view d = w[start - 2].folded;
    if (d == "dead" || d == "deaths" || d == "fatalities") return "killed";
    if (d == "wounded" || d == "injured") return "wounded";
  }
  static const std::vector<std::vector<std::string_view>> verbs = {
      {"has", "risen", "to"}, {"had", "risen", "to"}, {"rose", "to"}, {"risen", "to"}, {"climbed", "to"},
      {"reached"}, {"has", "reached"}, {"stands", "at"}, {"stood", "at"}, {"jumped", "to"}, {"increased", "to"},
      {"is"}, {"was"}, {"now", "stands", "at"}, {"at"}, {"to"}, {"tops"}, {"topped"}, {"passes"}, {"passed"},
      {"exceeds"}, {"exceeded"}, {"surpassed"}, {"hits"}, {"nears"}, {"neared"}};
  static const WordSet dead = {"dead", "deaths", "killed", "fatalities", "victims"};
  static const WordSet hurt = {"wounded", "injured", "hurt", "injuries"};
  static const WordSet people = {"displaced", "refugees", "trapped", "homeless", "evacuated", "evacuees", "fled"};
  static const WordSet held = {"detained", "arrested", "prisoners", "captured", "abducted", "detainees",
                               "hostages", "captives"};
  static const WordSet lost = {"missing", "disappeared"};
  // "the wounded numbered in the hundreds", "the dead numbered 40": the people a state
  // names, counted by "numbered".
  {
    size_t b = start;
    if (b >= 4 && w[b - 1].folded == "the" && w[b - 2].folded == "in" && w[b - 3].folded == "numbered") {
      b -= 3;
    } else if (b >= 2 && w[b - 1].folded == "numbered") {
      b -= 1;
    } else {
      b = 0;
    }
    if (b >= 1) {
      if (dead.count(w[b - 1].folded)) return "killed";
      if (hurt.count(w[b - 1].folded)) return "wounded";
      if (lost.count(w[b - 1].folded)) return "missing";
    }
  }
  // The last words of the verbs above, which must stand right before the number: most
  // numbers have none of them before them.
  static const WordSet lasts = [] {
    std::vector<std::string_view> v;
    for (const auto& verb : verbs) v.push_back(verb.back());
    return WordSet(v);
  }();
  if (start == 0 || !lasts.count(w[start - 1].folded)) return {};
  for (const auto& v : verbs) {
    if (start < v.size()) continue;
    size_t b = start - v.size();
    bool ok = true;
    for (size_t i = 0; i < v.size() && ok; ++i) ok = w[b + i].folded == v[i];
    if (!ok) continue;
    for (size_t k = b; k-- > 0 && b - k <= 12;) {
      if (w[k].folded == "toll" || w[k].folded == "tolls") return "killed";
      // "put the number of dead ... at 62", "the number of people killed at 23", "the
      // number of wounded at more than 50".
      if (w[k].folded == "number" && k + 1 < b && w[k + 1].folded == "of") {
        for (size_t d = k + 2; d < b && d < k + 5; ++d) {
          if (dead.count(w[d].folded)) return "killed";
          if (hurt.count(w[d].folded)) return "wounded";
          if (people.count(w[d].folded)) return "people";
          if (held.count(w[d].folded)) return "captured";
          if (lost.count(w[d].folded)) return "missing";
        }
      }
      if (w[k].kind == TokenKind::kPunct && w[k].folded != ",") break;
    }
  }
  return {};
}

// "Our losses in the final assault were 17 comrades", "their losses stood at 40": the
// losses of a side counted in people (or a bare number) are its dead. "losses" at most
// six words before the verb, with no punctuation between. "killed" or empty.
std::string_view LossesWere(const std::vector<Word>& w, size_t start) {
  static const WordSet verbs = {"were", "was", "are", "is", "reached", "totalled", "totaled", "numbered"};
  size_t v = start;
  if (v >= 2 && w[v - 1].folded == "at" && (w[v - 2].folded == "stood" || w[v - 2].folded == "stand" ||
                                             w[v - 2].folded == "stands")) {
    v -= 2;
  } else if (v >= 1 && verbs.count(w[v - 1].folded)) {
    v -= 1;
  } else {
    return {};
  }
  for (size_t k = v; k-- > 0 && v - k <= 6;) {
    if (w[k].kind != TokenKind::kWord) return {};
    if (w[k].folded == "losses") return "killed";
  }
  return {};
}

// "The attack brings to at least 32 the number of soldiers killed since January", "raising
// to 40 the death toll": a verb of bringing before the number and the toll or "the number
// of ... killed" right after it. The kind, or empty.
std::string_view TollAfter(const std::vector<Word>& w, size_t start, size_t last) {
  static const WordSet bring = {"brings", "bringing", "brought", "bring", "raising", "raises", "raised",
                                "taking", "takes", "took", "pushing", "pushes", "pushed"};
  if (start < 2 || w[start - 1].folded != "to" || !bring.count(w[start - 2].folded)) return {};
  if (last + 1 >= w.size() || w[last].folded != "the") return {};
  size_t k = last + 1;
  if (w[k].folded == "death" && k + 1 < w.size()) ++k;
  if (w[k].folded == "toll" || w[k].folded == "tally") return "killed";
  if (w[k].folded != "number" && w[k].folded != "total") return {};
  static const WordSet dead = {"dead", "deaths", "killed", "fatalities", "died"};
  static const WordSet hurt = {"wounded", "injured", "hurt"};
  for (size_t d = k + 1; d < w.size() && d < k + 9; ++d) {
    if (w[d].kind == TokenKind::kPunct) break;
    if (dead.count(w[d].folded)) return "killed";
    if (hurt.count(w[d].folded)) return "wounded";
  }
  return {};
}

// "put Russian aircraft losses at as many as 21": the kind of the noun before "losses at";
// "put its own losses at 175 soldiers": a person kind (the caller counts them killed).
const ClaimKindWord* LossesAt(const Resources& res, const std::vector<Word>& w, size_t start) {
  if (start < 3 || w[start - 1].folded != "at") return nullptr;
  if (w[start - 2].folded != "losses" && w[start - 2].folded != "loss") return nullptr;
  size_t len = 0;
  const ClaimKindWord* k = MatchKind(res, w, start - 3, KindRole::kNoun, &len);
  if (k != nullptr && len == 1 && !IsPersonKind(k->kind)) return k;
  // The losses of people: a person noun after the number.
  for (size_t j = start; j < w.size() && j < start + 6; ++j) {
    if (w[j].kind != TokenKind::kNumber && w[j].kind != TokenKind::kWord) break;
    const ClaimKindWord* p = MatchKind(res, w, j, KindRole::kNoun, &len);
    if (p != nullptr) return IsPersonKind(p->kind) ? p : nullptr;
  }
  return nullptr;
}

// "bringing the total to 2,200", "the total there to", "bringing the total since April to
// 363": "to" right before the number and "total" at most five words before it, with no
// punctuation between.
bool TotalBefore(const std::vector<Word>& w, size_t start) {
  if (start < 3 || w[start - 1].folded != "to") return false;
  for (size_t k = start - 1; k-- > 0 && start - k <= 6;) {
    if (w[k].kind == TokenKind::kPunct) return false;
    if (w[k].folded == "total") return true;
  }
  return false;
}

// "of the wounded", "of those missing" right at words[j]: the kind of the people the
// state names (the dead have their own after-phrase in claim_kinds.tsv), or empty.
std::string_view StateOfPart(const std::vector<Word>& w, size_t j) {
  if (j + 2 >= w.size() || w[j].folded != "of") return {};
  if (w[j + 1].folded != "the" && w[j + 1].folded != "those") return {};
  const std::string_view st = w[j + 2].folded;
  if (st == "wounded" || st == "injured") return "wounded";
  if (st == "missing") return "missing";
  if (st == "detained" || st == "abducted" || st == "kidnapped" || st == "captured") return "captured";
  return {};
}

bool IsAge(const std::vector<Word>& w, const Number& n) {
  if (n.first > 0 && (w[n.first - 1].folded == "aged" || w[n.first - 1].folded == "age")) return true;
  size_t j = n.last;
  if (j + 1 < w.size() && w[j].folded == "-" && w[j + 1].folded.rfind("year", 0) == 0) return true;
  if (j < w.size() && w[j].folded.rfind("year-old", 0) == 0) return true;
  if (j + 1 < w.size() && w[j].folded == "years" && w[j + 1].folded == "old") return true;
  return false;
}

// A number that names rather than counts: "page 3", "Resolution 2254", "Route 5",
// "Brigade 14", "paragraph 2".
bool IsLabel(const std::vector<Word>& w, const Number& n) {
  static const WordSet labels = {"page", "pages", "p", "pp", "paragraph", "article", "chapter", "section",
                                 "resolution", "route", "highway", "road", "unit", "brigade", "division",
                                 "battalion", "regiment", "flight", "platoon", "number", "no", "room", "block",
                                 "sector", "checkpoint", "gate", "exit", "hall", "grade", "level", "phase",
                                 "camp", "building", "apartment", "street", "channel", "line", "episode"};
  if (n.first == 0 || n.vague || w[n.first].kind != TokenKind::kNumber) return false;
  return labels.count(w[n.first - 1].folded) > 0;
}

// The kind the header of a '|' table names for the cell that holds exactly `number`
// ("El Geneina | 1,134 | 2,540" under "Locality | Killed | Injured"): the header is the
// nearest line above, in the same run of lines with '|', whose cells hold no digit; its
// cell in the same column must be a casualty phrase or a counted noun of claim_kinds.tsv
// and nothing else. Empty when there is no such header.
std::string_view PipeColumnKind(const Resources& res, const Document& doc, Span number) {
  const std::string_view text = doc.text;
  auto line_of = [&](size_t at, size_t* b, size_t* e) {
    const size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    *b = nl == std::string_view::npos ? 0 : nl + 1;
    *e = text.find('\n', at);
    if (*e == std::string_view::npos) *e = text.size();
  };
  auto trim = [&](size_t* b, size_t* e) {
    while (*b < *e && (text[*b] == ' ' || text[*b] == '\t')) ++*b;
    while (*e > *b && (text[*e - 1] == ' ' || text[*e - 1] == '\t' || text[*e - 1] == '\r')) --*e;
  };
  // Quick test first: a cell holding only the number has '|' or a line end on both sides
  // of it past blanks, and '|' on one side at least.
  {
    size_t a = number.start, b = number.end;
    while (a > 0 && (text[a - 1] == ' ' || text[a - 1] == '\t')) --a;
    while (b < text.size() && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    const char before = a == 0 ? '\n' : text[a - 1];
    const char after = b == text.size() ? '\n' : text[b];
    if ((before != '|' && before != '\n') || (after != '|' && after != '\n') || (before != '|' && after != '|')) {
      return {};
    }
  }
  size_t lb = 0, le = 0;
  line_of(number.start, &lb, &le);
  // The cell of the number, and its column.
  size_t cb = number.start, ce = number.end;
  while (cb > lb && text[cb - 1] != '|') --cb;
  while (ce < le && text[ce] != '|') ++ce;
  if (cb == lb && ce == le) return {};  // no '|' around it
  size_t tb = cb, te = ce;
  trim(&tb, &te);
  if (tb != number.start || te != number.end) return {};
  size_t column = 0;
  for (size_t k = lb; k < cb; ++k) column += text[k] == '|' ? 1 : 0;
  // Up the run of table lines to the header.
  size_t at = lb;
  for (int lines = 0; at > 0 && lines < 40; ++lines) {
    size_t b = 0, e = 0;
    line_of(at - 1, &b, &e);
    const std::string_view line = text.substr(b, e - b);
    if (line.find('|') == std::string_view::npos) return {};
    at = b;
    if (line.find_first_of("0123456789") != std::string_view::npos) continue;
    // The header: its cell in `column`.
    size_t hb = b, col = 0;
    while (col < column && hb < e) {
      if (text[hb] == '|') ++col;
      ++hb;
    }
    if (col < column) return {};
    size_t he = hb;
    while (he < e && text[he] != '|') ++he;
    trim(&hb, &he);
    if (hb >= he) return {};
    std::vector<Word> words;
    SpanWords(doc, Span{static_cast<uint32_t>(hb), static_cast<uint32_t>(he)}, &words);
    if (words.empty()) return {};
    const std::vector<Word>& hw = words;
    size_t len = 0;
    const ClaimKindWord* k = MatchKind(res, hw, 0, KindRole::kAfter, &len);
    if (k == nullptr || len != hw.size()) k = MatchKind(res, hw, 0, KindRole::kNoun, &len);
    if (k == nullptr || len != hw.size()) return {};
    return k->kind;
  }
  return {};
}

bool IsCalibreUnit(const Word& w) {
  return w.folded == "mm" || w.folded == "mm." || w.folded == "-mm" || w.folded == "millimetre" ||
         w.folded == "millimeter" || w.folded == "calibre" || w.folded == "caliber";
}

// The time expression overlapping `s`, or nullptr.
const time::Timex* InTimex(Span s, const std::vector<time::DocumentTimex>& timexes, size_t* cursor) {
  while (*cursor < timexes.size() && timexes[*cursor].timex.span.end <= s.start) ++*cursor;
  for (size_t k = *cursor; k < timexes.size() && timexes[k].timex.span.start < s.end; ++k) {
    if (timexes[k].timex.span.end > s.start) return &timexes[k].timex;
  }
  return nullptr;
}

// The side a person mention stands for ("men loyal to President X" are X's forces): the
// mention of the document that resolves to the organisation the person leads or speaks
// for, else that organisation's id with the person's words.
Party SideOfPerson(const Document& doc, const std::vector<Mention>& mentions, uint32_t mi, const char* how) {
  const Mention& m = mentions[mi];
  Party p = MakeParty(doc, m.span, mentions, how);
  if (!m.resolved || m.resolved->affiliation.empty()) return p;
  const std::string& side = m.resolved->affiliation;
  for (uint32_t k = 0; k < mentions.size(); ++k) {
    if (mentions[k].kind == MentionKind::kActor && mentions[k].resolved && mentions[k].resolved->id == side) {
      Party q = MakeParty(doc, mentions[k].span, mentions, how);
      q.span = m.span;
      q.text = p.text;
      return q;
    }
  }
  p.id = side;
  p.name.clear();
  p.kind = "actor";
  p.mention = Mention::kNoRef;
  return p;
}

// The actor a claim is about: an actor mention inside the claim's words, else right after
// the counted noun ("fighters of the Islamic State", "men loyal to President X": a person
// stands for the side they lead), else the subject of a verb of having or losing before it
// ("the army lost 30 tanks", "the militia had 800 men").
Party AboutParty(const Document& doc, Span sentence, Span claim, bool verb_first, const std::vector<Mention>& mentions,
                 size_t* cursor) {
  while (*cursor < mentions.size() && mentions[*cursor].span.end <= claim.start) ++*cursor;
  // "killed scores of its fighters": the possessive points at the last actor before it;
  // "the army lost 30 tanks": the subject of "lost" is the party counted.
  std::string_view text = doc.view(claim);
  std::string_view lead = doc.view(Span{sentence.start, claim.start});
  while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
  auto ends_with = [&](std::string_view w) {
    return lead.size() >= w.size() + 1 && lead.substr(lead.size() - w.size()) == w &&
           lead[lead.size() - w.size() - 1] == ' ';
  };
  // The verb inside the claim ("lost up to 60 servicemen": a casualty-before claim).
  const bool lost_inside = text.substr(0, 5) == "lost " || text.substr(0, 7) == "losing " ||
                           text.substr(0, 6) == "loses " || text.substr(0, 5) == "lose ";
  const bool lost = lost_inside || ends_with("lost") || ends_with("losing") || ends_with("loses") || ends_with("lose");
  // "its forces had killed 595": "had" is the auxiliary of the claim's own verb.
  // A claim that opens with its own verb of losing ("have lost 13 of our finest") still
  // counts the subject's men; one that opens with "killed" does not.
  const bool killer_verb = verb_first && text.substr(0, 3) != "los" && text.substr(0, 3) != "Los";
  const bool has = (!killer_verb && (ends_with("had") || ends_with("has") || ends_with("have"))) ||
                   ends_with("deployed") || ends_with("send") || ends_with("sent") || ends_with("sending") ||
                   ends_with("fielded") || ends_with("mobilised") || ends_with("mobilized") || ends_with("massed");
  if (lost || has) {
    // "Russia had lost 1,500 tanks": the name right before the verb, whatever its kind (a
    // country stands for its forces).
    for (size_t k = *cursor; k-- > 0;) {
      const Mention& m = mentions[k];
      if (m.span.start < sentence.start || m.kind == MentionKind::kPerson) break;
      std::string_view gap = doc.view(Span{m.span.end, claim.start});
      if (gap.size() <= 14 && gap.find(',') == std::string_view::npos) {
        return MakeParty(doc, m.span, mentions, lost ? "loser" : "holder");
      }
      break;
    }
  }
  // "The enemy lost up to 60 servicemen", "the Kiev regime lost": the words of the subject
  // when no mention names it (at most four words back to a clause break).
  if (lost) {
    bool has_mention = false;
    for (size_t k = *cursor; k-- > 0 && !has_mention;) {
      if (mentions[k].span.start < sentence.start) break;
      has_mention = mentions[k].kind == MentionKind::kActor;
    }
    if (!has_mention) {
      static const WordSet stops = {"that", "which", "who", "and", "but", "said", "says", "while", "as", "when",
                                    "after", "since", "had", "has", "have", "also", "reportedly", "it", "they",
                                    "he", "she", "we", "of", "in", "on", "to", "by", "claimed", "claims",
                                    "was", "were", "is", "are", "been", "be", "having", "admits", "admitted",
                                    "would", "will", "could", "may", "might", "not", "never"};
      std::string_view rest =
          lost_inside ? lead : lead.substr(0, lead.rfind(' ') == std::string_view::npos ? 0 : lead.rfind(' '));
      // Past an auxiliary of the verb ("had lost").
      for (std::string_view aux : {"had", "has", "have", "also", "reportedly"}) {
        if (rest.size() > aux.size() && rest.substr(rest.size() - aux.size()) == aux &&
            rest[rest.size() - aux.size() - 1] == ' ') {
          rest = rest.substr(0, rest.size() - aux.size() - 1);
        }
      }
      size_t end = rest.size(), from = rest.size();
      int words = 0;
      while (end > 0 && words < 4) {
        size_t sp = rest.rfind(' ', end - 1);
        size_t b = sp == std::string_view::npos ? 0 : sp + 1;
        std::string_view word = rest.substr(b, end - b);
        std::string lower(word);
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (word.empty() || !std::isalpha(static_cast<unsigned char>(word[0])) ||
            !std::isalpha(static_cast<unsigned char>(word.back())) || stops.count(lower)) {
          break;
        }
        from = b;
        ++words;
        if (sp == std::string_view::npos) break;
        end = sp;
      }
      if (words > 0) {
        const uint32_t a = sentence.start + static_cast<uint32_t>(from);
        const uint32_t e = sentence.start + static_cast<uint32_t>(rest.size());
        return MakeParty(doc, Span{a, e}, mentions, "loser-words");
      }
    }
  }
  if (lost || has || text.find(" its ") != std::string_view::npos || text.find(" their ") != std::string_view::npos) {
    for (size_t k = *cursor; k-- > 0;) {
      const Mention& m = mentions[k];
      if (m.span.start < sentence.start) break;
      if (m.kind == MentionKind::kActor) {
        return MakeParty(doc, m.span, mentions, lost ? "loser" : has ? "holder" : "possessive");
      }
    }
  }
  for (size_t k = *cursor; k < mentions.size() && mentions[k].span.start < claim.end + 32; ++k) {
    const Mention& m = mentions[k];
    if (m.kind != MentionKind::kActor && m.kind != MentionKind::kPerson) continue;
    if (m.span.start >= claim.end) {
      // Only "of X", "loyal to X", "belonging to X" right after the claim.
      std::string_view gap = doc.text;
      gap = gap.substr(claim.end, m.span.start - claim.end);
      static const std::string_view links[] = {" of ", " of the ", " loyal to ", " loyal to the ", " belonging to ",
                                               " belonging to the ", " from ", " from the ", " affiliated with ",
                                               " affiliated with the "};
      // A title may sit between the link and a person's name ("loyal to President X").
      auto titles_only = [](std::string_view rest) {
        bool word_start = true;
        for (char ch : rest) {
          if (word_start && !(ch >= 'A' && ch <= 'Z')) return false;
          word_start = ch == ' ';
        }
        return true;
      };
      bool linked = false;
      for (std::string_view l : links) {
        linked = linked || gap == l ||
                 (m.kind == MentionKind::kPerson && gap.substr(0, l.size()) == l && titles_only(gap.substr(l.size())));
      }
      if (!linked) continue;
    } else if (m.kind == MentionKind::kPerson) {
      continue;
    }
    if (m.kind == MentionKind::kPerson) return SideOfPerson(doc, mentions, static_cast<uint32_t>(k), "loyal-to");
    return MakeParty(doc, m.span, mentions, "adjacent-actor");
  }
  return Party{};
}

struct SentenceClaims {
  const Resources& res;
  const Document& doc;
  const std::vector<Mention>& mentions;
  const std::vector<time::DocumentTimex>& timexes;
  size_t timex_cursor = 0;
  size_t mention_cursor = 0;
  uint32_t last_sentence = UINT32_MAX;  // the sentence of the latest claim, and its kind
  std::string last_kind = "";
  uint32_t last_end = 0;                // the byte offset where the latest claim ends
  std::string last_rule = "";           // and its rule
  struct Clause {
    size_t from;    // first word of the clause
    bool semi;      // opened by a semicolon
    Party speaker;  // its own claimant
  };
  std::vector<Clause> clauses_ = {};  // Run: clauses with their own claimant

  static const WordSet& ClauseOpeners() {
    static const WordSet s = {"while", "whereas", "but", "where"};
    return s;
  }

  static bool IsCasualty(std::string_view k) {
    return k == "killed" || k == "wounded" || k == "missing" || k == "killed_or_missing" || k == "captured";
  }

  // The number at words[start] lists people of the claim just before it in the sentence:
  // after "including" or "among them", before "of them" right after a comma, or joined by
  // "and" to the claim's words with at most two words between ("60 Afghans and 13 US
  // troops"; a person noun only).
  // "27 Australians", "60 Afghans": a capitalised plural right after the number names
  // people of a nation or group (a noun claim_kinds does not know).
  bool PeopleName(const std::vector<Word>& w, size_t k) const {
    if (k >= w.size() || w[k].kind != TokenKind::kWord) return false;
    const std::string_view t = doc.view(w[k].span);
    if (t.size() < 4 || !(t[0] >= 'A' && t[0] <= 'Z') || t.back() != 's') return false;
    for (std::string_view suf : {"ans", "ese", "ites", "ons", "is", "ks", "chs", "ers"}) {
      if (t.size() > suf.size() + 1 && t.substr(t.size() - suf.size()) == suf) return true;
    }
    return false;
  }

  bool ListedWithLast(const std::vector<Word>& w, size_t start, const Number& n, bool person) const {
    if (start == 0) return false;
    const std::string_view prev = w[start - 1].folded;
    if (prev == "including") return true;
    // "138 militants had died, along with 58 soldiers", "killed 12 soldiers as well as
    // three civilians": people added to the toll just before.
    if (person && start >= 3 && last_end <= w[start - 1].span.start &&
        ((prev == "with" && (w[start - 2].folded == "along" || w[start - 2].folded == "together")) ||
         (prev == "as" && w[start - 2].folded == "well" && w[start - 3].folded == "as"))) {
      return true;
    }
    if (start >= 2 && w[start - 2].folded == "among" && (prev == "them" || prev == "whom")) return true;
    if (prev == "," && n.last + 1 < w.size() && w[n.last].folded == "of" &&
        (w[n.last + 1].folded == "them" || w[n.last + 1].folded == "whom")) {
      return true;
    }
    if (prev == "and" && person) {  // "captured 20 soldiers and 3 villages" lists no people
      size_t words = 0;
      for (size_t k = start - 1; k-- > 0 && w[k].span.start >= last_end;) {
        if (w[k].kind != TokenKind::kWord) return false;
        ++words;
      }
      // "including 11 women and 13 children": the next person of a list inside the toll.
      return words <= 2 && w[start - 1].span.start >= last_end &&
             (last_rule.rfind("casualty-before", 0) == 0 || last_rule == "listed" || last_rule == "toll" ||
              last_rule == "noun+toll" || last_rule == "noun+losses-at");
    }
    return false;
  }

  void Run(uint32_t sentence, const std::vector<Word>& w, const Party& claimant, std::vector<Claim>* out) {
    // "The UN says 2,800 people have fled; the health ministry says 35 were killed", "...,
    // while a Kurdish official put the number at 40,000", "near X, where local media said
    // 64 died": a clause after a semicolon or a contrastive or relative opener that names
    // its own claimant speaks for the numbers in it (and in later clauses with none).
    clauses_.clear();
    bool reported = false;  // ReportedClauseAt added a clause
    for (size_t k = 0; k + 1 < w.size(); ++k) {
      const FoldedWord& f = w[k].folded;
      if (k >= 1 && k + 2 < w.size() && (f == "by" || f == "which" || f == "whom")) reported |= ReportedClauseAt(w, k);
      const bool semi = w[k].kind == TokenKind::kPunct && f == ";";
      const bool comma_and = f == "and" && k > 0 && w[k - 1].folded == ",";
      if (!semi && !comma_and && !(w[k].kind == TokenKind::kWord && k > 0 && ClauseOpeners().count(f))) continue;
      // Only up to the next opener: that clause is looked at on its own (a view of the
      // sentence's words, no copy).
      size_t e = k + 1;
      while (e < w.size() && !((w[e].kind == TokenKind::kPunct && w[e].folded == ";") ||
                               (w[e].kind == TokenKind::kWord && ClauseOpeners().count(w[e].folded)))) {
        ++e;
      }
      if (e == k + 1) continue;
      Party p = AttributeWords(doc, std::span<const Word>(w.data() + k + 1, e - k - 1), mentions);
      // After a word opener the clause's speaker must come before its numbers ("..., while
      // killing at least 120 men, Al Jazeera reported" keeps the sentence's speaker); after
      // a semicolon it may close the clause.
      if (!p.empty() && p.how != "pronoun") clauses_.push_back({k + 1, semi, std::move(p)});
    }
    if (reported) {
      std::stable_sort(clauses_.begin(), clauses_.end(), [](const Clause& a, const Clause& b) { return a.from < b.from; });
    }
    size_t i = 0;
    while (i < w.size()) {
      // One lookup decides most words: a word that starts no modifier, quantity or number
      // word (and is no hyphenated compound such as "twenty-five") starts no claim.
      const Resources::WordEntry* entry = nullptr;
      if (w[i].kind != TokenKind::kNumber) {
        entry = res.Lookup(w[i].folded);
        // A word that starts a trigger or a kind word but no quantity or modifier ("killed",
        // "tanks") starts no number either (ParseOne would look it up twice more to say so).
        if ((entry == nullptr || (entry->quantities == nullptr && entry->modifiers == nullptr)) &&
            w[i].folded.find('-') == std::string::npos) {
          ++i;
          continue;
        }
      }
      size_t mod_len = 0;
      const Modifier* mod = w[i].kind == TokenKind::kWord && entry != nullptr && entry->modifiers != nullptr
                                ? MatchModifier(res, w, i, &mod_len)
                                : nullptr;
      Number n;
      size_t start = i;
      if (mod != nullptr && ParseOne(res, w, i + mod_len, &n)) {
        // modifier + number
      } else if (ParseOne(res, w, i, &n)) {
        mod = nullptr;
      } else {
        ++i;
        continue;
      }
      Range(w, &n);
      size_t next = n.last;
      // Built in place: a Claim is large (two Parties, a dozen strings), and moving it in
      // was a fifth of the time.
      Claim& c = out->emplace_back();
      if (!Build(sentence, w, start, mod, mod_len, n, &c)) {
        out->pop_back();
      } else {
        last_sentence = sentence;
        last_kind = c.kind;
        last_end = c.span.end;
        last_rule = c.rule;
        c.claimed_by = claimant;
        for (const Clause& cl : clauses_) {
          // "..., according to ACLED, and driven 7.4 million from their homes, the UN says":
          // an according-to phrase before the clause governs only its own clause.
          const bool own = claimant.how == "according-to" && claimant.span.end <= w[cl.from].span.start;
          if (start >= cl.from && (cl.semi || own || cl.speaker.span.start < w[start].span.start)) {
            c.claimed_by = cl.speaker;
          }
        }
        if (OpensLaterClause(w, c.span, c.claimed_by.span, doc.sentences[sentence].span)) c.claimed_by = Party{};
        if (InFrontedApposition(w, c.span, c.claimed_by.span)) c.claimed_by = Party{};
        c.about = AboutParty(doc, doc.sentences[sentence].span, c.span,
                             c.rule.rfind("casualty-before", 0) == 0, mentions, &mention_cursor);
        if (c.about.empty()) c.about = GroupOfNoun(sentence, c, *out, out->size() - 1);
        // "the ministry said 18 of its soldiers had been killed": the possessive is the
        // body that speaks.
        if (c.about.empty() && !c.claimed_by.empty() && c.claimed_by.span.start < c.span.start) {
          const std::string_view after = doc.view(Span{c.number.end, c.span.end});
          if (after.substr(0, 8) == " of its " || after.substr(0, 10) == " of their ") {
            c.about = c.claimed_by;
            c.about.how = "possessive-claimant";
          }
        }
        if (c.about.empty()) c.about = SideWords(w, c);
        while (next < w.size() && w[next].span.start < c.span.end) ++next;  // calibre, noun
      }
      i = std::max(next, start + 1);
    }
  }

  // Clauses whose numbers a party named inside the sentence states, though no speech verb
  // opens them: "a claim by Amnesty International that as many as 2,000 died" (a noun of
  // saying, "by" and the party, then "that"), "Boko Haram, which the government blames for
  // the deaths of 13,000 people" (the subject of "blames ... for" in a relative clause).
  // Looks at words[k] ("by", "which" or "whom"; 1 <= k, k + 2 < w.size()); true when it
  // added a clause to clauses_ (Run sorts them into word order).
  bool ReportedClauseAt(const std::vector<Word>& w, size_t k) {
    static const WordSet sayings = {"claim", "claims", "report", "reports", "estimate", "estimates", "assertion",
                                    "allegation", "allegations", "statement", "assessment", "count", "tally"};
    static const WordSet blames = {"blames", "blamed", "blame"};
    if (w[k].folded == "by") {
      if (!sayings.count(w[k - 1].folded)) return false;
      size_t e = k + 1;
      while (e < w.size() && e < k + 9 && w[e].kind == TokenKind::kWord && w[e].folded != "that") ++e;
      if (e < w.size() && e > k + 1 && w[e].folded == "that") {
        clauses_.push_back({e + 1, false, MakeParty(doc, Span{w[k + 1].span.start, w[e - 1].span.end}, mentions,
                                                    "claim-by")});
        return true;
      }
      return false;
    }
    size_t v = k + 1;
    while (v < w.size() && v < k + 6 && w[v].kind == TokenKind::kWord && !blames.count(w[v].folded)) ++v;
    if (v > k + 1 && v + 1 < w.size() && blames.count(w[v].folded) && w[v + 1].folded == "for") {
      clauses_.push_back({v + 1, false, MakeParty(doc, Span{w[k + 1].span.start, w[v - 1].span.end}, mentions,
                                                  "blames-subject")});
      return true;
    }
    return false;
  }

  // "In Jermuk, a spa town about 170 km southeast of Yerevan, residents said ...": a number
  // in a phrase that describes the place a sentence opens with is the writer's gloss, not
  // the speaker's (the speaker comes after the phrase).
  static bool InFrontedApposition(const std::vector<Word>& w, Span claim, Span speaker) {
    static const WordSet preps = {"in", "at", "near", "from", "outside", "around", "inside"};
    if (speaker.empty() || w.size() < 6 || !preps.count(w[0].folded)) return false;
    size_t c1 = 1;
    while (c1 < w.size() && c1 < 6 && w[c1].folded != ",") ++c1;
    if (c1 >= w.size() || w[c1].folded != "," || c1 + 1 >= w.size()) return false;
    const std::string_view det = w[c1 + 1].folded;
    if (det != "a" && det != "an" && det != "the") return false;
    size_t c2 = c1 + 2;
    while (c2 < w.size() && c2 < c1 + 16 && w[c2].folded != ",") ++c2;
    if (c2 >= w.size() || w[c2].folded != ",") return false;
    return claim.start > w[c1].span.end && claim.end <= w[c2].span.start && speaker.start > w[c2].span.start;
  }

  // "Twelve people were killed in the town, which the army said it had retaken", "died
  // after the rebels said they would attack": a speaker after the claim whose clause opens
  // with a relative or subordinating word (no comma between them) does not state it;
  // "killed 12 when shells hit the market, police said" keeps police.
  static bool OpensLaterClause(const std::vector<Word>& w, Span claim, Span speaker, Span sentence) {
    if (speaker.empty() || speaker.start < claim.end || speaker.end > sentence.end) return false;
    static const WordSet openers = {"which", "who", "whom", "whose", "after", "before", "when", "while",
                                    "because", "since", "until", "although", "though", "whereas", "where",
                                    "as", "if", "once", "unless"};
    size_t k = w.size();
    while (k > 0 && w[k - 1].span.start >= speaker.start) --k;
    while (k-- > 0 && w[k].span.start >= claim.end) {
      if (w[k].folded == "," || w[k].folded == ";" || w[k].folded == "\"" || w[k].folded == "(" ||
          w[k].folded == ")") {
        return false;
      }
      // "..., as reported by state radio", "as stated by": an attribution, not a clause.
      if (w[k].folded == "as" && k + 1 < w.size() && Speakers().count(w[k + 1].folded)) continue;
      if (openers.count(w[k].folded)) return true;
      // "Fighters killed 30 soldiers, and the army said it had retaken the town", "12 were
      // killed, but police said the toll could rise": a coordinated clause's speaker.
      if (w[k].folded == "but" || (w[k].folded == "and" && k > 0 && w[k - 1].folded == ",")) return true;
    }
    return false;
  }

  // The side a count names in its own words when no mention does: a capitalised modifier
  // or a side word between the number and its noun ("40 Russian soldiers", "30 enemy
  // fighters", "500 government soldiers"), or "on the X side", "among X forces" right
  // after the claim ("1,339 dead on the Armenian side"). Empty otherwise.
  Party SideWords(const std::vector<Word>& w, const Claim& c) const {
    static const WordSet sides = {"enemy", "government", "rebel", "opposition", "regime", "army", "militia"};
    static const WordSet keep = {"of", "the", "its", "their", "our", "his", "her"};
    size_t k = 0;
    while (k < w.size() && w[k].span.start < c.number.end) ++k;
    std::string_view noun = c.noun;
    for (; k < w.size() && w[k].span.end <= c.span.end && w[k].kind == TokenKind::kWord; ++k) {
      if (!noun.empty() && doc.view(w[k].span) == noun.substr(0, w[k].span.end - w[k].span.start)) break;
      if (keep.count(w[k].folded)) continue;
      const char ch = doc.text[w[k].span.start];
      const bool cap = ch >= 'A' && ch <= 'Z';
      if (sides.count(w[k].folded)) return MakeParty(doc, w[k].span, mentions, "side-word");
      // "US-made", "M777": where equipment comes from and its model name no side.
      const std::string_view word = doc.view(w[k].span);
      if (word.find('-') != std::string_view::npos || word.find_first_of("0123456789") != std::string_view::npos) {
        break;
      }
      // A people's adjective ("Russian", "Kurdish", "Israeli", "French") or an acronym
      // ("RSF"), not a weapon's name ("40 Grad rockets", "three Abrams tanks").
      auto demonym = [](std::string_view t) {
        bool upper = t.size() >= 2 && t.size() <= 5;
        for (char ch : t) upper = upper && ch >= 'A' && ch <= 'Z';
        if (upper) return true;
        for (std::string_view suf : {"ian", "ean", "an", "ese", "ish", "i", "ch", "ic", "ite"}) {
          if (t.size() > suf.size() + 2 && t.substr(t.size() - suf.size()) == suf) return true;
        }
        return false;
      };
      if (cap && !demonym(word)) break;
      if (cap) {
        // The whole capitalised run ("National Guard"), never the counted word itself.
        size_t e = k;
        while (e + 1 < w.size() && w[e + 1].kind == TokenKind::kWord && w[e + 1].span.end <= c.span.end &&
               doc.text[w[e + 1].span.start] >= 'A' && doc.text[w[e + 1].span.start] <= 'Z') {
          ++e;
        }
        if (e + 1 >= w.size() || w[e + 1].span.end > c.span.end) break;
        return MakeParty(doc, Span{w[k].span.start, w[e].span.end}, mentions, "side-word");
      }
    }
    // "on the Armenian side", "among government forces".
    while (k < w.size() && w[k].span.start < c.span.end) ++k;
    if (k + 3 < w.size() && w[k].folded == "on" && w[k + 1].folded == "the" && w[k + 3].folded == "side") {
      return MakeParty(doc, w[k + 2].span, mentions, "side-word");
    }
    if (k + 2 < w.size() && w[k].folded == "among") {
      size_t a = k + 1;
      if (w[a].folded == "the") ++a;
      static const WordSet forces = {"forces", "troops", "ranks", "fighters", "soldiers"};
      for (size_t e = a; e < w.size() && e < a + 3 && w[e].kind == TokenKind::kWord; ++e) {
        if (forces.count(w[e].folded) && e > a) return MakeParty(doc, Span{w[a].span.start, w[e].span.end}, mentions, "side-word");
      }
    }
    return Party{};
  }

  // "300 militants" with no group named beside them: the armed group named last in this
  // sentence or the two before it (the lexicon's non-state armed groups only; "soldiers"
  // are never guessed). "fighters" beside such a count in the same sentence are the same
  // group's ("killed 300 militants ... but more than 4,000 fighters launched the attack").
  // `done` holds the claims before `c` in its first `n_done` entries.
  Party GroupOfNoun(uint32_t sentence, const Claim& c, const std::vector<Claim>& done, size_t n_done) {
    static const WordSet group_nouns = {"militants", "jihadists", "insurgents", "terrorists", "extremists"};
    std::string noun = c.noun;
    for (char& ch : noun) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (group_nouns.count(noun)) {
      const uint32_t from = doc.sentences[sentence >= 2 ? sentence - 2 : 0].span.start;
      for (size_t k = mentions.size(); k-- > 0;) {
        const Mention& m = mentions[k];
        if (m.span.start >= c.span.start) continue;
        if (m.span.start < from) break;
        const Mention* r = &m;
        for (int hops = 0; hops < 4 && !r->resolved && r->refers_to != Mention::kNoRef; ++hops) {
          r = &mentions[r->refers_to];
        }
        if (m.kind == MentionKind::kActor && r->resolved && r->resolved->type == "non-state armed group") {
          return MakeParty(doc, m.span, mentions, "group-noun");
        }
      }
      return Party{};
    }
    // "The militia had over 800 men ... Over 100 were killed or are still missing": a bare
    // toll in the same paragraph as a count of one side's forces is about that side.
    if (noun.empty() && (c.kind == "killed" || c.kind == "wounded" || c.kind == "missing" ||
                         c.kind == "killed_or_missing" || c.kind == "captured")) {
      const uint32_t para = doc.sentences[sentence].paragraph;
      for (size_t k = n_done; k-- > 0 && doc.sentences[done[k].sentence].paragraph == para;) {
        if (!done[k].about.empty() && (done[k].kind == "troops" || done[k].about.how == "holder")) {
          Party p = done[k].about;
          p.how = "paragraph-forces";
          return p;
        }
      }
      return Party{};
    }
    if (noun == "fighters" || noun == "men") {
      for (size_t k = n_done; k-- > 0 && done[k].sentence == sentence;) {
        if (done[k].about.how == "group-noun") {
          Party p = done[k].about;
          p.how = "same-sentence-group";
          return p;
        }
      }
    }
    return Party{};
  }

  // "10 to 15", "10-15", "between 10 and 15": the second number is the high end.
  void Range(const std::vector<Word>& w, Number* n) {
    size_t j = n->last;
    if (j + 1 >= w.size() || n->vague) return;
    std::string_view link = w[j].folded;
    bool between = n->first > 0 && w[n->first - 1].folded == "between" && link == "and";
    if (link != "to" && link != "-" && !between) return;
    Number hi;
    if (!ParseOne(res, w, j + 1, &hi) || hi.vague || hi.low <= n->low) return;
    n->high = hi.high;
    n->last = hi.last;
  }

  bool Build(uint32_t sentence, const std::vector<Word>& w, size_t start, const Modifier* mod, size_t mod_len,
             const Number& n, Claim* c) {
    Span number{w[n.first].span.start, w[n.last - 1].span.end};
    const time::Timex* tx = InTimex(number, timexes, &timex_cursor);
    if (IsAge(w, n) || IsLabel(w, n)) return false;
    size_t j = n.last;
    if (j < w.size() && IsCalibreUnit(w[j])) return false;  // "122 mm" names a calibre
    // Calibre after a count: "6 of 122 / 7 guns", "7 of 23 guns".
    std::string calibre;
    bool calibre_of = false;
    if (j + 1 < w.size() && w[j].folded == "of" && w[j + 1].kind == TokenKind::kNumber) {
      size_t k = j + 1;
      while (k < w.size() && (w[k].kind == TokenKind::kNumber || w[k].folded == "/" || IsCalibreUnit(w[k]))) ++k;
      calibre = std::string(doc.view(Span{w[j + 1].span.start, w[k - 1].span.end}));
      calibre_of = true;
      j = k;
    }
    if (j < w.size() && w[j].folded == "of") ++j;  // "scores of", "dozens of"
    // "shot down 44 of the more than 50 missiles", "5 of its 12 tanks": the first number
    // counts the noun of the second (which is a claim of its own).
    bool part_of = false;
    if (j > n.last && j + 1 < w.size() && (w[j].folded == "the" || w[j].folded == "its" || w[j].folded == "their")) {
      size_t k = j + 1, mlen = 0;
      const Modifier* m2 = w[k].kind == TokenKind::kWord ? MatchModifier(res, w, k, &mlen) : nullptr;
      Number inner;
      if ((m2 != nullptr && ParseOne(res, w, k + mlen, &inner)) || ParseOne(res, w, k, &inner)) {
        j = inner.last;
        part_of = true;
      }
    }
    // The counted noun.
    const ClaimKindWord* noun = nullptr;
    size_t noun_at = 0, noun_len = 0;
    for (size_t k = j; k < w.size() && k < j + 4; ++k) {
      noun = MatchKind(res, w, k, KindRole::kNoun, &noun_len);
      if (noun != nullptr) {
        noun_at = k;
        break;
      }
      if (w[k].kind == TokenKind::kNumber && k + 1 < w.size() && IsCalibreUnit(w[k + 1])) {
        calibre = std::string(doc.view(Span{w[k].span.start, w[k + 1].span.end}));
        ++k;
        continue;
      }
      if (w[k].folded == "\"" || w[k].folded == "\u201c" || w[k].folded == "\u201d") continue;  // hundreds of "terrorists"
      // "one D-30 howitzer", "two Su-25 jets": a model name written with a hyphen.
      if (w[k].folded == "-" && k > j && k + 1 < w.size() && w[k - 1].span.end == w[k].span.start &&
          w[k].span.end == w[k + 1].span.start) {
        continue;
      }
      if (w[k].kind == TokenKind::kNumber &&
          ((k > j && w[k - 1].span.end == w[k].span.start) ||
           w[k].folded.find_first_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos)) {
        continue;
      }
      // "200 British and American soldiers": two capitalised modifiers joined by "and".
      if ((w[k].folded == "and" || w[k].folded == "or") && k > j && k + 2 < w.size() &&
          w[k - 1].kind == TokenKind::kWord && w[k + 1].kind == TokenKind::kWord &&
          std::isupper(static_cast<unsigned char>(doc.text[w[k - 1].span.start])) &&
          std::isupper(static_cast<unsigned char>(doc.text[w[k + 1].span.start]))) {
        continue;
      }
      if (w[k].kind != TokenKind::kWord || NounStops().count(w[k].folded)) break;
      if (MatchKind(res, w, k, KindRole::kAfter, &noun_len) != nullptr) break;
    }
    // "7 of 23 guns" names a calibre; "18 of 21 missiles" counts part of a claim of its own.
    if (calibre_of && noun != nullptr && noun->kind != "guns") {
      calibre.clear();
      part_of = true;
    }
    // "8,006 civilian deaths", "soldier casualties": the last noun of a compound counts.
    if (noun != nullptr && noun_at + noun_len < w.size()) {
      size_t len2 = 0;
      const ClaimKindWord* head = MatchKind(res, w, noun_at + noun_len, KindRole::kNoun, &len2);
      if (head != nullptr && !IsPersonKind(head->kind)) {
        noun = head;
        noun_at += noun_len;
        noun_len = len2;
      }
    }
    std::string kind;
    std::string rule;
    size_t end_word = n.last;
    if (noun != nullptr) {
      kind = noun->kind;
      rule = part_of ? "part-of" : "noun";
      end_word = part_of ? n.last : noun_at + noun_len;
    } else if (n.last + 1 < w.size() && w[n.last].folded == "-" && w[n.last + 1].folded == "strong" &&
               w[n.last - 1].span.end == w[n.last].span.start && w[n.last].span.end == w[n.last + 1].span.start) {
      // "its 2,000-strong contingent", "the 22,000-strong force": the men of a unit.
      kind = "troops";
      rule = "strong";
      end_word = n.last + 2;
      if (end_word < w.size() && w[end_word].kind == TokenKind::kWord && !NounStops().count(w[end_word].folded)) {
        ++end_word;
      }
    }
    // Casualty words decide for person nouns and bare numbers.
    size_t before_start = 0;
    if (kind.empty() || IsPersonKind(kind)) {
      size_t k = end_word;
      // Past a closing quote: 'hundreds of "terrorists" had been killed'.
      if (k < w.size() && k > n.last && (w[k].folded == "\"" || w[k].folded == "\u201d")) ++k;
      // "198 Ukrainians, including three children, had been killed": a noun claim_kinds does
      // not know, then a parenthetical (the predicate after it still decides the kind).
      bool unknown_before_aside = false;
      if (noun == nullptr && !part_of && kind.empty() && k == n.last) {
        const size_t u = PastUnknownNoun(res, w, k);
        if (u > k && u + 2 < w.size() && w[u].folded == "," &&
            (w[u + 1].folded == "including" || w[u + 1].folded == "among" || w[u + 1].folded == "mostly" ||
             w[u + 1].folded == "mainly" || w[u + 1].folded == "most")) {
          k = u;
          unknown_before_aside = true;
        }
      }
      // Past a parenthetical: "36 civilians, including five children, were killed" (both
      // numbers are the dead).
      if (k + 1 < w.size() && w[k].folded == ",") {
        // "40 soldiers, he said, were killed": past an inserted attribution.
        static const WordSet speech = {"said", "says", "added", "claimed", "reported", "told", "stated"};
        for (size_t j = k + 1; j < w.size() && j < k + 7; ++j) {
          if (w[j].kind != TokenKind::kWord) break;
          if (speech.count(w[j].folded) && j + 1 < w.size() && w[j + 1].folded == ",") {
            k = j + 2;
            break;
          }
        }
      }
      if (k + 1 < w.size() && w[k].folded == ",") {
        if (start > 0 && w[start - 1].folded == "including") {
          ++k;
        } else {
          // ", including five children,", ", most of them women,": any aside up to the next
          // comma when an auxiliary or a casualty word follows it.
          size_t j = k + 1;
          // A number inside it only as "51 of them ...".
          auto inner_count = [&](size_t x) {
            return x + 2 < w.size() && w[x + 1].folded == "of" && (w[x + 2].folded == "them" || w[x + 2].folded == "whom");
          };
          while (j < w.size() && j < k + 12 && w[j].folded != "," &&
                 (w[j].kind != TokenKind::kNumber || (j == k + 1 && inner_count(j)))) {
            ++j;
          }
          const bool listed = w[k + 1].folded == "including" || w[k + 1].folded == "among" ||
                              w[k + 1].folded == "mostly" || w[k + 1].folded == "mainly" ||
                              (w[k + 1].folded == "most" && k + 3 < w.size() && w[k + 2].folded == "of");
          size_t l = 0;
          if (j + 1 < w.size() && w[j].folded == "," &&
              (listed || Auxiliaries().count(w[j + 1].folded) || MatchKind(res, w, j + 1, KindRole::kAfter, &l))) {
            k = j + 1;
          }
        }
      }
      // "hundreds of them were killed", "dozens more were wounded".
      if (k + 1 < w.size() && w[k].folded == "of" &&
          (w[k + 1].folded == "them" || w[k + 1].folded == "those" || w[k + 1].folded == "whom")) {
        k += 2;
      } else if (k < w.size() && (w[k].folded == "more" || w[k].folded == "others" || w[k].folded == "other")) {
        ++k;
      }
      // "180 soldiers and allied fighters were also killed", "100 troops from the 5th
      // Corps had been killed": past a coordinated person noun or a short modifier, but
      // only up to a passive or intransitive casualty word ("3,000 troops backed by
      // aircraft killed 40" counts the killers, not the dead).
      const size_t gap_from = k;
      if (noun != nullptr && !part_of) k = PastModifiers(w, k);
      const bool gapped = k != gap_from;
      // A noun claim_kinds does not know ("four aid workers were killed"): the predicate
      // decides, and an active verb with an object ("two gunmen killed the mayor") does not.
      if (noun == nullptr && !part_of && kind.empty()) k = PastUnknownNoun(res, w, k);
      bool unknown_noun = !gapped && k != gap_from;
      // "two government officials and 14 civilians have been killed", "500 Lebanese, most of
      // them civilians, and 51 Israelis have been killed": past a coordinated count to the
      // shared predicate (the count inside is a claim of its own).
      // "300 fishermen from the island remain unaccounted for": past a short modifier too.
      if (noun == nullptr && !part_of && kind.empty() && (unknown_noun || unknown_before_aside) && k + 2 < w.size() &&
          ((w[k].folded == "and" && (w[k + 1].kind == TokenKind::kNumber || NumberWord(res, w[k + 1].folded) > 0)) ||
           (unknown_noun && w[k].folded != "and"))) {
        const size_t past = PastModifiers(w, k);
        if (past != k) {
          k = past;
          unknown_noun = false;
        }
      }
      const size_t after_from = k;
      // Past auxiliaries and quotation marks ('had been "neutralised"').
      while (k < w.size() && k < after_from + 6 &&
             (Auxiliaries().count(w[k].folded) ||
              (k > after_from && (w[k].folded == "\"" || w[k].folded == "\u201c" || w[k].folded == "\u201d")))) {
        ++k;
      }
      size_t len = 0;
      const ClaimKindWord* after = MatchKind(res, w, k, KindRole::kAfter, &len);
      if (after != nullptr && k == after_from) {
        const bool intransitive = w[k].folded == "died" || w[k].folded == "perished";
        if (gapped ? !intransitive : Transitive(w, k, len)) after = nullptr;
        // "30 rebels detained the mayor", "rebels abducted Chibok girls": a one-word verb of
        // capture with no auxiliary counts the captured only when no object follows.
        static const WordSet transitive_capture = {"detained", "arrested", "abducted", "kidnapped", "captured"};
        if (after != nullptr && after->kind == "captured" && len == 1 && transitive_capture.count(w[k].folded) &&
            k + 1 < w.size() &&
            w[k + 1].kind == TokenKind::kWord && !AfterCapture().count(w[k + 1].folded)) {
          after = nullptr;
        }
      }
      const ClaimKindWord* before = MatchKindEndingAt(res, w, start, &before_start);
      // "killed some 40", "killed the 12", 'killed "hundreds"'.
      if (before == nullptr && start >= 2 &&
          (w[start - 1].folded == "some" || w[start - 1].folded == "the" || w[start - 1].folded == "\"" ||
           w[start - 1].folded == "\u201c")) {
        before = MatchKindEndingAt(res, w, start - 1, &before_start);
      }
      // "killed a police officer and two soldiers": the verb before a first object with no
      // number, joined by "and" (the claim keeps its own words).
      if (before == nullptr && noun != nullptr && start >= 4 && w[start - 1].folded == "and") {
        static const WordSet stops = {"in", "on", "at", "by", "from", "with", "during", "after", "while", "when",
                                      "near", "since", "to", "of", "for", "as", "were", "was", "had", "have"};
        for (size_t k = start - 1; k-- > 0 && start - k <= 6;) {
          if (w[k].kind != TokenKind::kWord || stops.count(w[k].folded) || NumberWord(res, w[k].folded) > 0) break;
          size_t bs = 0;
          const ClaimKindWord* b = MatchKindEndingAt(res, w, k, &bs);
          if (b != nullptr && k + 1 < start - 1 && (w[k].folded == "a" || w[k].folded == "an" || w[k].folded == "the")) {
            before = b;
            before_start = start;
            break;
          }
        }
      }
      // "executed six volunteers captured near Dori": the participle describes the killed.
      if (after != nullptr && after->kind == "captured" && k == after_from && before != nullptr &&
          before->kind == "killed") {
        after = nullptr;
      }
      // "200 soldiers were evacuated": troops moved stay troops.
      if (after != nullptr && after->kind == "people" && kind == "troops") after = nullptr;
      if (after != nullptr) {
        kind = after->kind;
        rule = rule.empty() ? "casualty-after" : "noun+casualty-after";
        // Across a parenthetical the claim keeps its own words, so the numbers inside it
        // are claims of their own.
        // "Two soldiers and three civilians were killed": a count inside the gap is a claim
        // of its own, so this one keeps its own words.
        bool gap_count = false;
        for (size_t x = gap_from; gapped && x < after_from && !gap_count; ++x) {
          gap_count = w[x].kind == TokenKind::kNumber || NumberWord(res, w[x].folded) > 0;
        }
        if (!gap_count && (after_from == end_word || after_from <= end_word + 2 || gapped || unknown_noun)) {
          end_word = k + len;
        }
        if (unknown_noun || unknown_before_aside) rule = "phrase+casualty-after";
      } else if (before != nullptr &&
                 (before->kind != "captured" || noun != nullptr ||
                  (n.last < w.size() && (w[n.last].folded == "others" || w[n.last].folded == "more" ||
                                         w[n.last].folded == "alive")))) {
        kind = before->kind;
        rule = rule.empty() ? "casualty-before" : "casualty-before+noun";
        start = before_start;
      } else if (kind.empty() && noun == nullptr && !part_of) {
        // "40 of the wounded were in critical condition": part of the people a casualty
        // word names.
        if (std::string_view st = StateOfPart(w, n.last); !st.empty()) {
          kind = std::string(st);
          rule = "part-of-state";
          end_word = n.last + 3;
        }
      }
    }
    // "took 7,000 soldiers prisoner", "held 30 civilians hostage".
    if ((kind.empty() || IsPersonKind(kind)) && noun != nullptr && end_word < w.size()) {
      static const WordSet held = {"prisoner", "prisoners", "captive", "captives", "hostage", "hostages"};
      if (held.count(w[end_word].folded)) {
        kind = "captured";
        rule = "noun+held";
        ++end_word;
      }
    }
    // "about 1,000 prisoners have been taken", "30 hostages were taken": people taken are
    // captives.
    if (IsPersonKind(kind) && noun != nullptr && noun_at + noun_len == end_word) {
      static const WordSet held = {"prisoners", "captives", "hostages", "prisoner", "captive", "hostage"};
      static const WordSet be = {"have", "had", "has", "been", "were", "was", "are", "is", "reportedly", "also"};
      size_t k = end_word;
      while (k < w.size() && k < end_word + 4 && be.count(w[k].folded)) ++k;
      if (held.count(w[noun_at].folded) && k > end_word && k < w.size() &&
          (w[k].folded == "taken" || w[k].folded == "captured" || w[k].folded == "seized")) {
        kind = "captured";
        rule = "noun+taken";
        end_word = k + 1;
      }
    }
    // "had taken 55 prisoners", "took 30 hostages", "are still holding about 100 hostages":
    // people taken or held are captives; "freed hundreds of prisoners" counts no claim kind.
    if (IsPersonKind(kind) && noun != nullptr && start > 0 && noun_at <= n.last + 2) {
      static const WordSet held = {"prisoners", "captives", "hostages", "detainees", "inmates"};
      static const WordSet taking = {"taken", "took", "take", "takes", "taking", "seized", "seizing"};
      static const WordSet holding = {"holding", "held", "hold", "holds"};
      static const WordSet freeing = {"freed", "freeing", "free", "frees", "released", "releasing", "release",
                                      "releases", "exchanged", "swapped", "freedom"};
      const std::string_view verb = w[start - 1].folded;
      if (held.count(w[noun_at].folded)) {
        if (freeing.count(verb)) return false;
        if (taking.count(verb) || (holding.count(verb) && w[noun_at].folded != "prisoners")) {
          kind = "captured";
          rule = "taken-held";
        }
      }
    }
    // 'put the number of hostages at "about 20"': the toll verb stands before the quote.
    const size_t toll_at = start > 1 && (w[start - 1].folded == "\"" || w[start - 1].folded == "\u201c") ? start - 1 : start;
    // "the death toll from a week of bombardment has risen to 112": a toll verb before the
    // number with "toll" earlier in the sentence; "the toll had risen to 71 soldiers",
    // "put its losses at 175 soldiers": a toll of person nouns counts the toll's kind.
    if (kind.empty() || (IsPersonKind(kind) && rule == "noun")) {
      std::string_view toll = TollBefore(w, toll_at);
      if (toll.empty() && kind.empty()) toll = TollAfter(w, start, n.last);
      if (toll.empty()) toll = LossesWere(w, toll_at);
      const ClaimKindWord* lost = toll.empty() ? LossesAt(res, w, toll_at) : nullptr;
      if (!toll.empty()) {
        kind = std::string(toll);
        rule = rule.empty() ? "toll" : "noun+toll";
      } else if (kind.empty() && last_sentence == sentence && !last_kind.empty() && TotalBefore(w, start)) {
        // "deployed 600 more soldiers, bringing the total there to 2,200", "bringing the
        // total since April to 363".
        kind = last_kind;
        rule = "total";
      } else if (lost != nullptr && (kind.empty() || IsPersonKind(lost->kind))) {
        kind = IsPersonKind(lost->kind) ? "killed" : lost->kind;
        rule = rule.empty() ? "losses-at" : "noun+losses-at";
      } else if (kind.empty() && start >= 2 && start <= 5 && w[start - 1].folded == ":") {
        // A table written as lines: "Killed: 1,109", "Displaced: about 970,000", "- Tanks: 30".
        const size_t b = w[0].kind == TokenKind::kPunct ? 1 : 0;
        size_t len = 0;
        const ClaimKindWord* label = MatchKind(res, w, b, KindRole::kAfter, &len);
        if (label == nullptr || b + len != start - 1) label = MatchKind(res, w, b, KindRole::kNoun, &len);
        if (label != nullptr && b + len == start - 1) {
          kind = label->kind;
          rule = "table-label";
        }
      } else if (kind.empty() && mod == nullptr && !n.vague) {
        // A table with '|' between its cells: a cell holding only the number takes the kind
        // its column's header names ("Locality | Killed | Injured").
        if (std::string_view col = PipeColumnKind(res, doc, number); !col.empty()) {
          kind = std::string(col);
          rule = "table-column";
        }
      }
    }
    // "destroyed 28 tanks, including eight Leopards": a count inside the list of another
    // counts the same thing.
    if (kind.empty() && start > 0 && w[start - 1].folded == "including" && last_sentence == sentence &&
        !last_kind.empty()) {
      kind = last_kind;
      rule = "including";
      if (end_word < w.size() && w[end_word].kind == TokenKind::kWord && !NounStops().count(w[end_word].folded)) {
        ++end_word;
      }
    }
    // "killed 12 civilians, including five children", "32 people, among them seven
    // civilians, were killed", "42 civilians have died, two of them children", "killed 60
    // Afghans and 13 US troops": people listed inside or beside a toll share its kind.
    if ((kind.empty() || IsPersonKind(kind)) && last_sentence == sentence && IsCasualty(last_kind) &&
        ListedWithLast(w, start, n, IsPersonKind(kind) || (kind.empty() && noun == nullptr && PeopleName(w, n.last)))) {
      kind = last_kind;
      rule = "listed";
    }
    // "127 fatalities in Mali and 212 in Burkina Faso": a bare count joined by "and" to the
    // claim just before it, with a place or time after it, counts the same thing.
    if (kind.empty() && noun == nullptr && start >= 2 && w[start - 1].folded == "and" && last_sentence == sentence &&
        !last_kind.empty() && n.last < w.size()) {
      static const WordSet preps = {"in", "on", "at", "near", "across", "among", "from", "during"};
      size_t words = 0;
      for (size_t k = start - 1; k-- > 0 && w[k].span.start >= last_end;) ++words;
      if (words <= 4 && preps.count(w[n.last].folded)) {
        kind = last_kind;
        rule = "elliptical";
      }
    }
    // "Of these, 1,130 were civilians", "Among them, 12 were children": people of the toll
    // the sentence before (or this one) counted.
    if ((kind.empty() || IsPersonKind(kind)) && start >= 3 && IsCasualty(last_kind) && last_sentence + 1 >= sentence &&
        w[start - 1].folded == "," && (start == 3 || w[start - 4].kind == TokenKind::kPunct)) {
      static const WordSet them = {"these", "them", "those", "whom"};
      const bool of = w[start - 3].folded == "of" || w[start - 3].folded == "among";
      if (of && them.count(w[start - 2].folded) && n.last < w.size() &&
          (w[n.last].folded == "were" || w[n.last].folded == "are" || w[n.last].folded == "was")) {
        kind = last_kind;
        rule = "listed";
      }
    }
    // "29,600 people had left ... 5,000 of them were suspected members": part of the people
    // the claim just before (this sentence or the one before) counted.
    if (kind.empty() && noun == nullptr && last_sentence != UINT32_MAX && last_sentence + 1 >= sentence &&
        (IsCasualty(last_kind) || IsPersonKind(last_kind)) && n.last + 2 < w.size() && w[n.last].folded == "of") {
      static const WordSet them = {"these", "them", "those", "whom"};
      static const WordSet be = {"were", "are", "was", "had", "have"};
      if (them.count(w[n.last + 1].folded) && be.count(w[n.last + 2].folded)) {
        kind = last_kind;
        rule = "of-them";
        end_word = n.last + 2;
      }
    }
    // "17 people died in the raid ... 11 of the victims were students": part of the toll
    // given at most two sentences before.
    if (IsPersonKind(kind) && noun != nullptr && IsCasualty(last_kind) && last_sentence != UINT32_MAX &&
        last_sentence + 2 >= sentence &&
        n.last + 2 < w.size() && noun_at == n.last + 2 && w[n.last].folded == "of" &&
        (w[n.last + 1].folded == "the" || w[n.last + 1].folded == "those")) {
      static const WordSet victims = {"victims", "casualties", "dead"};
      if (victims.count(w[noun_at].folded)) {
        kind = last_kind;
        rule = "part-of-toll";
      }
    }
    if (kind.empty()) return false;
    // "One of the soldiers said", "one of its jets had hit": a thing picked out, not a
    // count, unless a casualty.
    if (!IsCasualty(kind) && n.low == 1 && n.high == 1 && w[n.first].kind == TokenKind::kWord &&
        n.last + 1 < w.size() && w[n.last].folded == "of") {
      static const WordSet dets = {"the", "its", "their", "his", "her", "our", "those", "these", "them"};
      if (dets.count(w[n.last + 1].folded)) return false;
    }
    // "one woman said", "two residents told": the speakers, not a count.
    if (IsPersonKind(kind) && end_word < w.size() && Speakers().count(w[end_word].folded)) return false;
    // "two soldiers of a Ukrainian assault brigade told our correspondent": the speakers
    // with the unit they belong to.
    if (IsPersonKind(kind) && rule == "noun" && end_word + 2 < w.size() &&
        (w[end_word].folded == "of" || w[end_word].folded == "from")) {
      for (size_t k = end_word + 1; k < w.size() && k <= end_word + 7 && w[k].kind == TokenKind::kWord; ++k) {
        if (Auxiliaries().count(w[k].folded) && !Speakers().count(w[k].folded)) break;
        if (Speakers().count(w[k].folded)) return false;
      }
    }
    // "One resident, Abu Omar, said": the speaker named in apposition.
    if (IsPersonKind(kind) && n.low == 1 && n.high == 1 && end_word + 2 < w.size() && w[end_word].folded == ",") {
      size_t k = end_word + 1;
      while (k < w.size() && k < end_word + 6 && w[k].kind == TokenKind::kWord && doc.text[w[k].span.start] >= 'A' &&
             doc.text[w[k].span.start] <= 'Z') {
        ++k;
      }
      if (k > end_word + 1 && k + 1 < w.size() && w[k].folded == "," && Speakers().count(w[k + 1].folded)) return false;
    }
    // "93% of the city" is a share of ground; "shrank by 25 percent" is a change of
    // something else.
    if (kind == "territory_share" && !(end_word < w.size() && w[end_word].folded == "of")) return false;
    // "60% of the deaths", "40 percent of the fighters": a share of people, not of ground.
    if (kind == "territory_share") {
      static const WordSet people = {"deaths", "dead", "victims", "casualties", "wounded", "killed", "people",
                                     "civilians", "population", "residents", "children", "women", "men",
                                     "fighters", "soldiers", "troops", "forces", "those", "them", "whom",
                                     "displaced", "refugees", "budget", "vote", "votes", "respondents",
                                     "attacks", "strikes", "incidents", "fatalities", "injuries"};
      for (size_t k = end_word + 1; k < w.size() && k < end_word + 4; ++k) {
        if (people.count(w[k].folded)) return false;
      }
    }
    // "11 square kilometres" is an area, not a distance.
    if (kind == "distance" && noun != nullptr && noun_at > n.last &&
        (w[noun_at - 1].folded == "square" || w[noun_at - 1].folded == "sq")) {
      return false;
    }
    // A time expression over the number vetoes it, except a clock reading of a bare number
    // that a counted noun follows ("around 250 soldiers" is no time of day).
    // Nor is a toll ("put the number of people killed at 23").
    // A duration that ends inside a word ("one D-30 howitzer" read as "one d") is no time.
    const bool cut = tx != nullptr && tx->span.end < doc.text.size() && tx->span.end > 0 &&
                     std::isalnum(static_cast<unsigned char>(doc.text[tx->span.end - 1])) &&
                     (doc.text[tx->span.end] == '-' || std::isalnum(static_cast<unsigned char>(doc.text[tx->span.end])));
    // "Since May 23, 58 soldiers ... have been killed": a short count after the comma of a
    // date, with its noun, is no year.
    const bool after_date = tx != nullptr && noun != nullptr && n.first > 0 && w[n.first - 1].folded == "," &&
                            w[n.first].kind == TokenKind::kNumber && w[n.first].folded.size() <= 3;
    // "killed about 200" is no clock reading either.
    if (tx != nullptr && !cut && !after_date &&
        !(tx->type == time::TimexType::kTime &&
          (noun != nullptr || rule == "toll" || rule.rfind("casualty-before", 0) == 0))) {
      return false;
    }
    // A bare four-digit year-like number with no noun is never a count.
    if (noun == nullptr && !n.vague && n.low >= 1900 && n.low <= 2100 && n.low == std::floor(n.low) &&
        w[n.first].kind == TokenKind::kNumber && w[n.first].folded.size() == 4) {
      return false;
    }
    c->document = doc.id;
    c->sentence = sentence;
    c->reported_by = doc.outlet;
    c->line_kind = doc.sentences[sentence].kind;
    c->number = number;
    c->span = Span{w[start].span.start, w[end_word - 1].span.end};
    c->kind = kind;
    if (noun != nullptr) c->noun = std::string(doc.view(Span{w[noun_at].span.start, w[noun_at + noun_len - 1].span.end}));
    c->calibre = calibre;
    c->low = n.low;
    c->high = n.high;
    c->acled = n.acled;
    c->vague = n.vague;
    c->rule = rule;
    if (mod != nullptr) {
      c->effect = mod->effect;
      c->modifier = std::string(doc.view(Span{w[n.first - mod_len].span.start, w[n.first - 1].span.end}));
      switch (mod->effect) {
        case ModEffect::kAtLeast:
        case ModEffect::kMoreThan: c->high = -1; break;
        case ModEffect::kUpTo:
        case ModEffect::kAtMost:
        case ModEffect::kLessThan: c->low = -1; break;
        default: break;
      }
      if (c->rule.find("casualty-before") == std::string::npos) {
        c->span.start = std::min(c->span.start, w[n.first - mod_len].span.start);
      }
    }
    return true;
  }
};

}  // namespace

std::vector<Claim> ClaimsFromWords(const Resources& res, const Document& doc, const std::vector<Mention>& mentions,
                                   const std::vector<time::DocumentTimex>& timexes,
                                   const std::vector<std::vector<Word>>& words, const std::vector<Party>& claimants) {
  std::vector<Claim> out;
  // A generous first guess at the claims (digits, and number words at about one in two
  // sentences), so the vector of large Claims rarely grows.
  size_t numbers = 0;
  for (const auto& sw : words) {
    for (const Word& x : sw) numbers += x.kind == TokenKind::kNumber ? 1 : 0;
  }
  out.reserve(2 * numbers + words.size() / 2 + 4);
  SentenceClaims sc{res, doc, mentions, timexes};
  const std::vector<Party> own = ClaimantsForClaims(doc, words, mentions, claimants);
  const std::vector<Party>& speakers = own.empty() ? claimants : own;
  for (uint32_t s = 0; s < words.size(); ++s) sc.Run(s, words[s], speakers[s], &out);
  return out;
}

std::vector<Claim> FindClaims(const Resources& res, const Document& doc, const std::vector<Mention>& mentions,
                              const std::vector<time::DocumentTimex>& timexes) {
  std::vector<std::vector<Word>> words;
  std::vector<Party> claimants;
  PrepareSentences(doc, mentions, &words, &claimants);
  return ClaimsFromWords(res, doc, mentions, timexes, words, claimants);
}

}  // namespace sitrep::extract
