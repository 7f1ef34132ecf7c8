#include "extract/triggers.h"

namespace sitrep::extract {

namespace {

TriggerMatch Make(const std::vector<Word>& words, uint32_t trig, size_t at, size_t n) {
  TriggerMatch m;
  m.trigger = trig;
  m.first = static_cast<uint32_t>(at);
  m.last = static_cast<uint32_t>(at + n);
  m.span = Span{words[at].span.start, words[at + n - 1].span.end};
  return m;
}

// True when words[at + 1..] continue `phrase` (whose first word is known to match).
bool RestMatches(const std::vector<Word>& words, size_t at, const std::vector<FoldedWord>& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (size_t k = 1; k < phrase.size(); ++k) {
    if (words[at + k].folded != phrase[k]) return false;
  }
  return true;
}

}  // namespace

void AppendTriggers(const Resources& res, const std::vector<Word>& words, std::vector<TriggerMatch>* out) {
  size_t i = 0;
  while (i < words.size()) {
    const Resources::WordEntry* entry =
        words[i].kind == TokenKind::kWord && res.MayStartTrigger(words[i].folded) ? res.Lookup(words[i].folded)
                                                                                   : nullptr;
    const std::vector<uint32_t>* cands = entry != nullptr ? entry->triggers : nullptr;
    bool hit = false;
    if (cands != nullptr) {
      for (uint32_t c : *cands) {  // longest first
        const auto& phrase = res.triggers()[c].words;
        if (RestMatches(words, i, phrase)) {
          out->push_back(Make(words, c, i, phrase.size()));
          i += phrase.size();
          hit = true;
          break;
        }
      }
    }
    if (!hit) ++i;
  }
}

std::vector<TriggerMatch> MatchTriggers(const Resources& res, const std::vector<Word>& words) {
  std::vector<TriggerMatch> out;
  AppendTriggers(res, words, &out);
  return out;
}

std::vector<TriggerMatch> MatchTriggersSlow(const Resources& res, const std::vector<Word>& words) {
  std::vector<TriggerMatch> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t best_len = 0;
    uint32_t best = 0;
    for (uint32_t c = 0; c < res.triggers().size(); ++c) {
      const auto& phrase = res.triggers()[c].words;
      if (words[i].kind != TokenKind::kWord) break;
      if (phrase.size() > best_len && MatchesAt(words, i, phrase)) {
        best_len = phrase.size();
        best = c;
      }
    }
    if (best_len > 0) {
      out.push_back(Make(words, best, i, best_len));
      i += best_len;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace sitrep::extract
