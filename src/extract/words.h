// Internal to extract/. The words of one sentence, folded for matching.
//
// Extraction compares lexicon phrases with folded tokens; this gives each token of a
// sentence its folded form next to its byte span in Document::text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::extract {

struct Word {
  Span span;                      // into Document::text
  TokenKind kind = TokenKind::kWord;
  std::string folded;             // text::FoldForMatch of the token
};

// The tokens of doc.sentences[sentence], folded, in order. Reads doc.tokens when the text
// stage filled them, else tokenizes the sentence itself. `sentence` must be a valid index.
// Clears `*out` first.
void SentenceWords(const Document& doc, uint32_t sentence, std::vector<Word>* out);

// The same for any span of doc.text (tokenized here).
void SpanWords(const Document& doc, Span span, std::vector<Word>* out);

// A fixed set of folded words for the per-token tests of the rules. count() first checks a
// 1024-bit filter on (length, first byte, last byte), so most words that are not in the set
// are rejected without hashing; the answer is the same as std::unordered_set's. The views
// must outlive the set (string literals).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : set_(words) {
    for (std::string_view w : words) filter_[Bit(w) >> 6] |= uint64_t{1} << (Bit(w) & 63);
  }
  size_t count(std::string_view w) const {
    if (w.empty()) return set_.count(w);
    const uint32_t b = Bit(w);
    if ((filter_[b >> 6] >> (b & 63) & 1) == 0) return 0;
    return set_.count(w);
  }

 private:
  static uint32_t Bit(std::string_view w) {
    if (w.empty()) return 0;
    const uint32_t h = static_cast<uint32_t>(w.size()) * 131u +
                       static_cast<unsigned char>(w.front()) * 31u + static_cast<unsigned char>(w.back());
    return (h * 2654435761u) >> 22;  // 10 bits
  }
  std::unordered_set<std::string_view> set_;
  uint64_t filter_[16] = {};
};

// True when words[at..] starts with `phrase` (folded words).
bool MatchesAt(const std::vector<Word>& words, size_t at, const std::vector<std::string>& phrase);

}  // namespace sitrep::extract
