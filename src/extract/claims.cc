#include "extract/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_set>

#include "extract/attribution.h"
#include "extract/words.h"

namespace sitrep::extract {

namespace {

using lexicon::Mention;
using lexicon::MentionKind;

struct Number {
  size_t first = 0, last = 0;  // words [first, last)
  double low = -1, high = -1, acled = -1;
  bool vague = false;
};

// Parses digits with separators: "1,800" "3.5" "1.000.000" "4,000". False for clock times,
// ordinals ("3rd") and decades ("1990s").
bool ParseDigits(std::string_view s, double* out) {
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

const Quantity* MatchQuantity(const Resources& res, const std::vector<Word>& w, size_t i, size_t* len) {
  if (i >= w.size()) return nullptr;
  const auto* cands = res.QuantitiesStartingWith(w[i].folded);
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

// Value of an exact number word, including hyphenated compounds ("twenty-five"); -1 if none.
double NumberWord(const Resources& res, std::string_view folded) {
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
    const Quantity* q = MatchQuantity(res, w, i, &len);
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
      v = NumberWord(res, w[i].folded);
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

// Words that may sit between a number and its noun ("30 Russian-made tanks", "scores of its
// fighters") are any words except these, which end the noun phrase.
const WordSet& NounStops() {
  static const WordSet s = {
      "were", "was", "have", "had", "has", "are", "is", "in", "at", "on", "to", "from", "near",
      "and", "or", "since", "who", "which", "that", "by", "with", "after", "before", "when",
      "per", "a", "an", "will", "would", "than", "into", "across", "over", "for"};
  return s;
}

// Auxiliaries skipped before a casualty word after the number ("were reportedly killed").
const WordSet& Auxiliaries() {
  static const WordSet s = {
      "were", "was", "have", "had", "has", "been", "are", "is", "reportedly", "also", "still",
      "all", "being", "later", "allegedly", "either", "now", "believed", "feared", "to", "be"};
  return s;
}

bool IsAge(const std::vector<Word>& w, const Number& n) {
  if (n.first > 0 && (w[n.first - 1].folded == "aged" || w[n.first - 1].folded == "age")) return true;
  size_t j = n.last;
  if (j + 1 < w.size() && w[j].folded == "-" && w[j + 1].folded.rfind("year", 0) == 0) return true;
  if (j < w.size() && w[j].folded.rfind("year-old", 0) == 0) return true;
  if (j + 1 < w.size() && w[j].folded == "years" && w[j + 1].folded == "old") return true;
  return false;
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

// The actor a claim is about: an actor mention inside the claim's words, else right after
// the counted noun ("fighters of the Islamic State").
Party AboutParty(const Document& doc, Span sentence, Span claim, const std::vector<Mention>& mentions,
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
  const bool lost = ends_with("lost") || ends_with("losing") || ends_with("loses") || ends_with("lose");
  if (lost || text.find(" its ") != std::string_view::npos || text.find(" their ") != std::string_view::npos) {
    for (size_t k = *cursor; k-- > 0;) {
      const Mention& m = mentions[k];
      if (m.span.start < sentence.start) break;
      if (m.kind == MentionKind::kActor) return MakeParty(doc, m.span, mentions, lost ? "loser" : "possessive");
    }
  }
  for (size_t k = *cursor; k < mentions.size() && mentions[k].span.start < claim.end + 24; ++k) {
    const Mention& m = mentions[k];
    if (m.kind != MentionKind::kActor) continue;
    if (m.span.start >= claim.end) {
      // Only "of X" right after the claim.
      std::string_view gap = doc.text;
      gap = gap.substr(claim.end, m.span.start - claim.end);
      if (gap != " of " && gap != " of the ") continue;
    }
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

  void Run(uint32_t sentence, const std::vector<Word>& w, const Party& claimant, std::vector<Claim>* out) {
    size_t i = 0;
    while (i < w.size()) {
      size_t mod_len = 0;
      const Modifier* mod = w[i].kind == TokenKind::kWord ? MatchModifier(res, w, i, &mod_len) : nullptr;
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
      Claim c;
      if (Build(sentence, w, start, mod, mod_len, n, &c)) {
        c.claimed_by = claimant;
        c.about = AboutParty(doc, doc.sentences[sentence].span, c.span, mentions, &mention_cursor);
        while (next < w.size() && w[next].span.start < c.span.end) ++next;  // calibre, noun
        out->push_back(std::move(c));
      }
      i = std::max(next, start + 1);
    }
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
    if (IsAge(w, n)) return false;
    size_t j = n.last;
    if (j < w.size() && IsCalibreUnit(w[j])) return false;  // "122 mm" names a calibre
    // Calibre after a count: "6 of 122 / 7 guns", "7 of 23 guns".
    std::string calibre;
    if (j + 1 < w.size() && w[j].folded == "of" && w[j + 1].kind == TokenKind::kNumber) {
      size_t k = j + 1;
      while (k < w.size() && (w[k].kind == TokenKind::kNumber || w[k].folded == "/" || IsCalibreUnit(w[k]))) ++k;
      calibre = std::string(doc.view(Span{w[j + 1].span.start, w[k - 1].span.end}));
      j = k;
    }
    if (j < w.size() && w[j].folded == "of") ++j;  // "scores of", "dozens of"
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
      if (w[k].kind != TokenKind::kWord || NounStops().count(w[k].folded)) break;
      if (MatchKind(res, w, k, KindRole::kAfter, &noun_len) != nullptr) break;
    }
    std::string kind;
    std::string rule;
    size_t end_word = n.last;
    if (noun != nullptr) {
      kind = noun->kind;
      rule = "noun";
      end_word = noun_at + noun_len;
    }
    // Casualty words decide for person nouns and bare numbers.
    size_t before_start = 0;
    if (kind.empty() || IsPersonKind(kind)) {
      size_t k = end_word;
      // Past a parenthetical: "36 civilians, including five children, were killed" (both
      // numbers are the dead).
      if (k + 1 < w.size() && w[k].folded == ",") {
        if (start > 0 && w[start - 1].folded == "including") {
          ++k;
        } else if (w[k + 1].folded == "including" || w[k + 1].folded == "among" || w[k + 1].folded == "mostly" ||
                   w[k + 1].folded == "mainly") {
          size_t j = k + 2;
          while (j < w.size() && j < k + 12 && w[j].folded != ",") ++j;
          if (j < w.size() && w[j].folded == ",") k = j + 1;
        }
      }
      // "hundreds of them were killed", "dozens more were wounded".
      if (k + 1 < w.size() && w[k].folded == "of" &&
          (w[k + 1].folded == "them" || w[k + 1].folded == "those" || w[k + 1].folded == "whom")) {
        k += 2;
      } else if (k < w.size() && (w[k].folded == "more" || w[k].folded == "others" || w[k].folded == "other")) {
        ++k;
      }
      const size_t after_from = k;
      while (k < w.size() && k < after_from + 4 && Auxiliaries().count(w[k].folded)) ++k;
      size_t len = 0;
      const ClaimKindWord* after = MatchKind(res, w, k, KindRole::kAfter, &len);
      const ClaimKindWord* before = MatchKindEndingAt(res, w, start, &before_start);
      if (before == nullptr && start >= 2 && (w[start - 1].folded == "some" || w[start - 1].folded == "the")) {
        before = MatchKindEndingAt(res, w, start - 1, &before_start);
      }
      if (after != nullptr) {
        kind = after->kind;
        rule = rule.empty() ? "casualty-after" : "noun+casualty-after";
        // Across a parenthetical the claim keeps its own words, so the numbers inside it
        // are claims of their own.
        if (after_from == end_word || after_from <= end_word + 2) end_word = k + len;
      } else if (before != nullptr && (before->kind != "captured" || noun != nullptr)) {
        kind = before->kind;
        rule = rule.empty() ? "casualty-before" : "casualty-before+noun";
        start = before_start;
      }
    }
    if (kind.empty()) return false;
    // A time expression over the number vetoes it, except a clock reading of a bare number
    // that a counted noun follows ("around 250 soldiers" is no time of day).
    if (tx != nullptr && !(tx->type == time::TimexType::kTime && noun != nullptr)) {
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
  SentenceClaims sc{res, doc, mentions, timexes};
  for (uint32_t s = 0; s < words.size(); ++s) sc.Run(s, words[s], claimants[s], &out);
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
