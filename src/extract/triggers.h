// Internal to extract/. Finding event triggers (data/extract/triggers.tsv) in a sentence.
//
// Matching is on folded words, contiguous, longest phrase first at each position; matches
// never overlap (leftmost wins, then longest). Cost: one hash lookup per word plus the
// comparison of the candidate phrases starting with it.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/resources.h"
#include "extract/words.h"

namespace sitrep::extract {

struct TriggerMatch {
  uint32_t trigger = 0;  // index into Resources::triggers()
  uint32_t first = 0;    // word range [first, last) in the words given
  uint32_t last = 0;
  Span span;             // bytes of the matched words, into Document::text
};

// The triggers in `words`, left to right.
std::vector<TriggerMatch> MatchTriggers(const Resources& res, const std::vector<Word>& words);

// The same, appended to `*out` (which keeps what it held): for a caller collecting the
// triggers of many sentences in one buffer.
void AppendTriggers(const Resources& res, const std::vector<Word>& words, std::vector<TriggerMatch>* out);

// What each word of a sentence may start, looked up once for a caller that asks about the
// same words several times: at[k] = res.TriggersStartingWith(words[k].folded) for a word
// token, nullptr for other tokens and for words that start no trigger (most); `words` lists
// the k whose at[k] is not nullptr, in order.
struct TriggerStarts {
  std::vector<const std::vector<uint32_t>*> at;
  std::vector<uint32_t> words;
};
void FindTriggerStarts(const Resources& res, const std::vector<Word>& words, TriggerStarts* out);

// AppendTriggers given FindTriggerStarts(res, words): the same matches, without a lookup.
void AppendTriggers(const Resources& res, const std::vector<Word>& words, const TriggerStarts& starts,
                    std::vector<TriggerMatch>* out);

// The same result found by trying every trigger at every position. For tests.
std::vector<TriggerMatch> MatchTriggersSlow(const Resources& res, const std::vector<Word>& words);

}  // namespace sitrep::extract
