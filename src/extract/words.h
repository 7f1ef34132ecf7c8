// Internal to extract/. The words of one sentence, folded for matching.
//
// Extraction compares lexicon phrases with folded tokens; this gives each token of a
// sentence its folded form next to its byte span in Document::text.
#pragma once

#include <concepts>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <unordered_set>  // kept: users of WordSet once got it from here
#include <vector>

#include "lexicon/word_table.h"
#include "sitrep/document.h"

namespace sitrep::extract {

// A folded word: a std::string (use it as one) whose comparison with a string literal
// ("w.folded == \"had\"", the rules' commonest test) is inlined as a length test and a
// fixed-size memcmp instead of std::string's strlen and out-of-line compare. The answer is
// the same as std::string's (words_test compares them).
//
// It can also carry its WordKeyTable hash (Seal()), so that every table a rule asks about
// the word (WordKeyTable, WordSet, WordClasses, Resources::Lookup) probes with a ready key
// instead of hashing the word again: SentenceWords seals every word it folds. Assigning a
// new value drops the hash; changing the characters through std::string's own interface
// (resize, append, operator[]) does not, so whoever does that must Seal() again (only
// words.cc does). An unsealed word is hashed at each lookup, with the same answer.
class FoldedWord : public std::string {
 public:
  using std::string::string;
  FoldedWord() = default;
  FoldedWord(const std::string& s) : std::string(s) {}        // NOLINT: implicit on purpose
  FoldedWord(std::string&& s) : std::string(std::move(s)) {}  // NOLINT: implicit on purpose
  FoldedWord(const FoldedWord&) = default;
  FoldedWord(FoldedWord&&) = default;
  FoldedWord& operator=(const FoldedWord&) = default;
  FoldedWord& operator=(FoldedWord&&) = default;
  // Anything std::string can be assigned from; the hash is dropped.
  template <typename T>
    requires(!std::is_base_of_v<FoldedWord, std::remove_cvref_t<T>>)
  FoldedWord& operator=(T&& v) {
    std::string::operator=(std::forward<T>(v));
    hashed_ = false;
    return *this;
  }

  // Computes and keeps the hash of the current characters.
  void Seal() {
    hash_ = HashOf(*this);
    hashed_ = true;
  }
  // Keeps `h`, which must be HashOf(*this) (for a caller that has computed it already).
  void SealWith(uint64_t h) {
    hash_ = h;
    hashed_ = true;
  }
  bool sealed() const { return hashed_; }
  // The hash Seal() kept; only meaningful when sealed().
  uint64_t hash() const { return hash_; }
  // The hash WordKeyTable uses for `w` (lexicon::WordTable's key and mix).
  static uint64_t HashOf(std::string_view w) {
    uint64_t a, b;
    lexicon::WordTable::Key(w, &a, &b);
    return lexicon::WordTable::Mix(a, b, w.size());
  }
  // The hash of this word: the kept one when sealed, else computed now.
  uint64_t Hash() const { return hashed_ ? hash_ : HashOf(*this); }

  template <size_t N>
  friend bool operator==(const FoldedWord& a, const char (&lit)[N]) {
    return a.size() == N - 1 && std::memcmp(a.data(), lit, N - 1) == 0;
  }
  template <size_t N>
  friend bool operator!=(const FoldedWord& a, const char (&lit)[N]) {
    return !(a == lit);
  }
  template <size_t N>
  friend bool operator==(const char (&lit)[N], const FoldedWord& a) {
    return a == lit;
  }
  template <size_t N>
  friend bool operator!=(const char (&lit)[N], const FoldedWord& a) {
    return !(a == lit);
  }

 private:
  uint64_t hash_ = 0;
  bool hashed_ = false;
};

// Exactly FoldedWord (not what converts to it): the lookups below take a FoldedWord through
// this so that a string literal or std::string still goes to their string_view overload.
template <typename T>
concept IsFoldedWord = std::same_as<T, FoldedWord>;

struct Word {
  Span span;                      // into Document::text
  TokenKind kind = TokenKind::kWord;
  FoldedWord folded;              // text::FoldForMatch of the token
};

// The tokens of doc.sentences[sentence], folded, in order. Reads doc.tokens when the text
// stage filled them, else tokenizes the sentence itself. `sentence` must be a valid index.
// Clears `*out` first.
void SentenceWords(const Document& doc, uint32_t sentence, std::vector<Word>* out);

// The same for any span of doc.text (tokenized here).
void SpanWords(const Document& doc, Span span, std::vector<Word>* out);

// A fixed table of folded words, as lexicon::WordTable (same contract: Find gives the index
// of a word in the order given, the first of duplicates, or kNone), made for the extract
// rules, which ask it about every word of a sentence. A slot holds the top half of a word's
// hash and its index; a probe that matches the tag then checks the word's key: its first
// and last 8 bytes (4 under 8 bytes, 3 single bytes under 4) and length, which together are
// a word of up to 16 bytes, so no memcmp. Longer words compare their bytes. The answer is exactly a linear scan's (words_test).
// Immutable after construction; safe to share between threads.
class WordKeyTable {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  WordKeyTable() { Build({}); }
  explicit WordKeyTable(const std::vector<std::string_view>& words) { Build(words); }

  uint32_t Find(std::string_view w) const { return Find(w, FoldedWord::HashOf(w)); }
  // The same for a folded word, with the hash it carries when sealed.
  template <IsFoldedWord W>
  uint32_t Find(const W& w) const {
    return Find(std::string_view(w), w.Hash());
  }
  // The same, given h = FoldedWord::HashOf(w).
  // (The filter test is inline, so a word not in the table, the common case, costs a few
  // instructions at the caller; the probe is out of line.)
  uint32_t Find(std::string_view w, uint64_t h) const {
    const uint64_t bit = h >> filter_shift_;
    if ((filter_[bit >> 6] >> (bit & 63) & 1) == 0) return kNone;
    return Probe(w, h);
  }
  // The same with the probe inline as well, for a loop over every word of a sentence where
  // many words are in the table (WordClasses::Classify).
  [[gnu::always_inline]] uint32_t FindInline(std::string_view w, uint64_t h) const {
    const uint64_t bit = h >> filter_shift_;
    if ((filter_[bit >> 6] >> (bit & 63) & 1) == 0) return kNone;
    return ProbeInline(w, h);
  }
  size_t size() const { return keys_.size(); }
  std::string_view word(uint32_t i) const { return std::string_view(chars_).substr(keys_[i].off, keys_[i].len); }

 private:
  // Find past the filter.
  [[gnu::noinline]] uint32_t Probe(std::string_view w, uint64_t h) const { return ProbeInline(w, h); }
  [[gnu::always_inline]] uint32_t ProbeInline(std::string_view w, uint64_t h) const {
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
      const Slot slot = slots_[s];
      if (slot.index == kNone) return kNone;
      if (slot.tag == tag && Same(keys_[slot.index], w)) return slot.index;
    }
  }
  // A slot is 8 bytes (the high half of the word's hash and its index), so that the table
  // of a set of a few hundred words stays in cache: a word not in the set (the common
  // case) usually costs one load of one slot. The word itself is checked in keys_.
  struct Slot {
    uint32_t tag = 0;  // FoldedWord::HashOf(word) >> 32
    uint32_t index = kNone;
  };
  struct KeyOf {
    uint64_t a = 0, b = 0;  // Key() of the word
    uint32_t len = 0, off = 0;
  };
  // Whether `w` is the word of `k`.
  bool Same(const KeyOf& k, std::string_view w) const {
    if (k.len != w.size()) return false;
    if (w.size() > 16) return std::memcmp(chars_.data() + k.off, w.data(), w.size()) == 0;
    uint64_t a, b;
    Key(w, &a, &b);
    return k.a == a && k.b == b;
  }
  // (a, b) with the length determine a word of up to 16 bytes (lexicon::WordTable's key).
  static void Key(std::string_view w, uint64_t* a, uint64_t* b) { lexicon::WordTable::Key(w, a, b); }
  static uint64_t Mix(uint64_t a, uint64_t b, size_t n) { return lexicon::WordTable::Mix(a, b, n); }
  void Build(const std::vector<std::string_view>& words);

  // One bit per value of the top bits of the hash of each word held (at least 512 bits and
  // about 16 per word, so that at most a sixteenth of them are set): a word whose bit is
  // clear is not in the table, and most words of a sentence are answered here without
  // touching slots_ (which may be out of cache). filter_shift_ = 64 - log2(bits).
  std::vector<uint64_t> filter_;
  uint32_t filter_shift_ = 55;
  std::vector<Slot> slots_;
  std::vector<KeyOf> keys_;  // by index
  uint32_t mask_ = 0;
  std::string chars_;
};

// A fixed set of folded words for the per-token tests of the rules: a WordKeyTable (one
// cheap hash of the word, usually one probe), so a word not in the set costs a few
// nanoseconds. The answer is the same as std::unordered_set's.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : table_(std::vector<std::string_view>(words)) {}
  explicit WordSet(const std::vector<std::string_view>& words) : table_(words) {}
  size_t count(std::string_view w) const { return table_.Find(w) != WordKeyTable::kNone ? 1 : 0; }
  template <IsFoldedWord W>
  size_t count(const W& w) const {
    return table_.Find(w) != WordKeyTable::kNone ? 1 : 0;
  }
  const WordKeyTable& table() const { return table_; }

 private:
  WordKeyTable table_;
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
    return i == WordKeyTable::kNone ? 0 : masks_[i];
  }
  template <IsFoldedWord W>
  uint64_t Of(const W& w) const {
    const uint32_t i = table_.Find(w);
    return i == WordKeyTable::kNone ? 0 : masks_[i];
  }
  // (*out)[k] = Of(words[k].folded) for every word, of any kind of token; *out is resized
  // to words.size().
  void Classify(const std::vector<Word>& words, std::vector<uint64_t>* out) const;

 private:
  WordKeyTable table_;
  std::vector<uint64_t> masks_;
};

// True when words[at..] starts with `phrase` (folded words).
template <typename S>
bool MatchesAt(const std::vector<Word>& words, size_t at, const std::vector<S>& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (std::string_view(words[at + k].folded) != std::string_view(phrase[k])) return false;
  }
  return true;
}

}  // namespace sitrep::extract
