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

// Whether two folded words are equal; by their hashes first when both carry one (equal
// words have equal hashes).
bool SameWord(const FoldedWord& a, const FoldedWord& b) {
  if (a.sealed() && b.sealed() && a.hash() != b.hash()) return false;
  return a == b;
}

// True when words[at + 1..] continue `phrase` (whose first word is known to match).
bool RestMatches(const std::vector<Word>& words, size_t at, const std::vector<FoldedWord>& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (size_t k = 1; k < phrase.size(); ++k) {
    if (!SameWord(words[at + k].folded, phrase[k])) return false;
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

void FindTriggerStarts(const Resources& res, const std::vector<Word>& words, TriggerStarts* out) {
  out->at.assign(words.size(), nullptr);
  out->words.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.kind != TokenKind::kWord || !res.MayStartTrigger(w.folded)) continue;
    const Resources::WordEntry* entry = res.Lookup(w.folded);
    if (entry == nullptr || entry->triggers == nullptr) continue;
    out->at[i] = entry->triggers;
    out->words.push_back(static_cast<uint32_t>(i));
  }
}

void AppendTriggers(const Resources& res, const std::vector<Word>& words, const TriggerStarts& starts,
                    std::vector<TriggerMatch>* out) {
  size_t next = 0;  // the first word after the last match
  for (uint32_t i : starts.words) {
    if (i < next) continue;
    for (uint32_t c : *starts.at[i]) {  // longest first
      const auto& phrase = res.triggers()[c].words;
      if (RestMatches(words, i, phrase)) {
        out->push_back(Make(words, c, i, phrase.size()));
        next = i + phrase.size();
        break;
      }
    }
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
