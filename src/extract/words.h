// Internal to extract/. The words of one sentence, folded for matching.
//
// Extraction compares lexicon phrases with folded tokens; this gives each token of a
// sentence its folded form next to its byte span in Document::text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>  // kept: users of WordSet once got it from here
#include <vector>

#include "lexicon/word_table.h"
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

// A fixed set of folded words for the per-token tests of the rules: a lexicon::WordTable
// (one cheap hash of the word, usually one probe), so a word not in the set costs a few
// nanoseconds. The answer is the same as std::unordered_set's.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : table_(words) {}
  size_t count(std::string_view w) const { return table_.Has(w) ? 1 : 0; }
  const lexicon::WordTable& table() const { return table_; }

 private:
  lexicon::WordTable table_;
};

// Up to 64 WordSets answered by one probe: Of(w) has bit i set exactly when sets[i] holds
// w. A rule that tests the words of a sentence against several sets classifies each word
// once (Classify) and then tests bits. The words are copied (the sets need not outlive
// it). Immutable after construction; safe to share between threads.
class WordClasses {
 public:
  explicit WordClasses(std::initializer_list<const WordSet*> sets);
  uint64_t Of(std::string_view w) const {
    const uint32_t i = table_.Find(w);
    return i == lexicon::WordTable::kNone ? 0 : masks_[i];
  }
  // (*out)[k] = Of(words[k].folded) for every word, of any kind of token; *out is resized
  // to words.size().
  void Classify(const std::vector<Word>& words, std::vector<uint64_t>* out) const;

 private:
  lexicon::WordTable table_;
  std::vector<uint64_t> masks_;
};

// True when words[at..] starts with `phrase` (folded words).
bool MatchesAt(const std::vector<Word>& words, size_t at, const std::vector<std::string>& phrase);

}  // namespace sitrep::extract
