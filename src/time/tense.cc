#include "time/tense.h"

#include <cstdlib>

namespace sitrep::time {

namespace {

constexpr int kWindow = 14;

bool IsClauseBoundary(const Tok& t) {
  if (t.kind != TokKind::kPunct) return false;
  return t.punct == ';' || t.punct == ':' || t.punct == '(' || t.punct == ')' || t.punct == '"' || t.punct == '?' ||
         t.punct == '!' || (t.punct == '.' && t.space_before == false && false);
}

constexpr LitSet kDeterminers({"the", "a", "an", "its", "their", "his", "her"});
constexpr LitSet kAuxiliaries({"be", "been", "have", "being"});

// 0 none, else a cue with its strength in the low bits: future 3, past 3 or 2, present 1.
struct Cue {
  Tense tense = Tense::kUnknown;
  int strength = 0;
};

Cue CueAt(const Scan& s, int i) {
  const std::vector<Tok>& t = s.toks;
  const Tok& tok = t[i];
  Cue c;
  if (tok.kind != TokKind::kWord) return c;
  const std::string_view w = s.Low(tok);
  // Words compare by hash, as in the grammar (only word tokens carry one).
  const bool next_to = i + 1 < static_cast<int>(t.size()) && t[i + 1].hash == Lit("to").hash;
  // "'ll", "'d" come as an apostrophe then "ll"/"d"
  if (tok.hash == Lit("ll").hash && i > 0 && t[i - 1].kind == TokKind::kPunct && t[i - 1].punct == '\'') return {Tense::kFuture, 3};
  const uint32_t fl = tok.flags;  // e->flags, 0 without an entry
  if (fl & kLexFuture) return {Tense::kFuture, 3};
  if ((fl & kLexFutureTo) && next_to) return {Tense::kFuture, 3};
  if (fl & kLexPast) return {Tense::kPast, 3};
  if (fl & kLexNotPast) return c;
  if (w.size() > 4 && w.substr(w.size() - 2) == "ed") {
    // "Russian-backed", "US-led": compound adjectives are not verbs; nor are participles
    // after a determiner ("the wounded").
    if (i > 0 && t[i - 1].kind == TokKind::kPunct && t[i - 1].punct == '-' && !t[i].space_before) return c;
    if (i > 0 && t[i - 1].kind == TokKind::kWord && kDeterminers.Contains(t[i - 1].hash)) return c;
    if (tok.cap && i > 0) return c;  // "United", names
    return {Tense::kPast, 2};
  }
  if (fl & kLexPresent) return {Tense::kPresent, 1};
  return c;
}

}  // namespace

namespace {

template <bool kPrune>
Tense DetectTenseImpl(const Scan& s, uint32_t begin, uint32_t end) {
  const int n = static_cast<int>(s.toks.size());
  Cue best;
  int best_dist = 1 << 20;
  auto auxiliary = [&](int i) { return i >= 0 && i < n && kAuxiliaries.Contains(s.toks[i].hash); };
  auto consider = [&](int i, int dist) {
    Cue c = CueAt(s, i);
    if (c.strength == 0) return;
    // "will be held", "would have been captured": the modal before the participle rules.
    if (c.tense == Tense::kPast) {
      int k = i - 1;
      while (k >= 0 && k >= i - 3 && auxiliary(k)) --k;
      if (k < i - 1 && k >= 0 && CueAt(s, k).tense == Tense::kFuture) c = {Tense::kFuture, 3};
    }
    // Nearer wins; at equal distance the stronger cue; a future cue beats a weak past one
    // a little further away ("will be captured on").
    int eff = dist * 4 - c.strength;
    if (c.tense == Tense::kPresent) eff += 8;
    if (eff < best_dist) {
      best_dist = eff;
      best = c;
    }
  };
  // A cue at distance d scores at least 4 * d - 3 (strength is at most 3), and only a
  // lower score wins: past the distance where that reaches the best score, nothing can.
  auto hopeless = [&](int d) { return kPrune && d * 4 - 3 >= best_dist; };
  for (int i = static_cast<int>(begin) - 1, d = 1; i >= 0 && d <= kWindow; --i, ++d) {
    if (hopeless(d)) break;
    if (IsClauseBoundary(s.toks[i])) break;
    consider(i, d);
  }
  for (int i = static_cast<int>(end), d = 2; i < n && d <= kWindow + 1; ++i, ++d) {
    if (hopeless(d)) break;
    if (IsClauseBoundary(s.toks[i])) break;
    consider(i, d);
  }
  return best.tense;
}

}  // namespace

Tense DetectTense(const Scan& s, uint32_t begin, uint32_t end) { return DetectTenseImpl<true>(s, begin, end); }

Tense DetectTenseSlow(const Scan& s, uint32_t begin, uint32_t end) { return DetectTenseImpl<false>(s, begin, end); }

}  // namespace sitrep::time
