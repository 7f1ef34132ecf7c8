// Internal to time/. The tagger's own light scanner: splits a sentence into words,
// numbers and punctuation with byte offsets, lowercases words and looks each one up in
// the lexicon. Digit/letter boundaries split ("15SEP", "4pm", "2018Q4"), except ordinal
// suffixes ("1st", "22nd"), which stay on their number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "time/lexicon.h"

namespace sitrep::time {

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t start = 0;
  uint32_t end = 0;
  TokKind kind = TokKind::kWord;
  bool space_before = true;  // whitespace or the start of the text precedes it
  bool cap = false;          // first letter uppercase
  bool all_caps = false;     // every letter uppercase (and at least two)
  bool ordinal = false;      // number with st/nd/rd/th
  uint8_t ndigits = 0;       // kNumber: digits (leading zeros count)
  char punct = 0;            // kPunct: '-' for hyphens and dashes, '\'' for apostrophes,
                             // '"' for quotes, else the ASCII byte ('?' for other symbols)
  bool long_dash = false;    // en or em dash
  int64_t num = 0;           // kNumber value (saturates at 10^12)
  uint64_t hash = 0;         // kWord: WordHash of the lowercase text
  uint32_t low_begin = 0;    // lowercase text in Scan::lower
  uint32_t low_len = 0;
  const LexEntry* lex = nullptr;
  uint32_t flags = 0;  // lex->flags (0 without an entry), kept here to spare a pointer chase
};

// FNV-1a of lowercase word bytes; constexpr so grammar literals hash at compile time.
constexpr uint64_t WordHash(const char* s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ull;
  }
  return h;
}

// A lowercase string literal with its hash, computed at compile time.
struct Lit {
  uint64_t hash;
  template <size_t N>
  consteval Lit(const char (&s)[N]) : hash(WordHash(s, N - 1)) {}  // NOLINT: implicit by design
};

// A fixed set of lowercase literals, hashed at compile time into an open-addressing
// table: one or two probes instead of a compare per word. Contains(h) is true exactly when
// some literal's WordHash equals h (what a chain of Lit compares would answer).
template <size_t N>
class LitSet {
 public:
  consteval LitSet(const Lit (&words)[N]) {  // NOLINT: implicit by design
    for (size_t i = 0; i < kSlots; ++i) slots_[i] = 0;
    for (size_t w = 0; w < N; ++w) {
      size_t i = Slot(words[w].hash);
      while (slots_[i] != 0 && slots_[i] != words[w].hash) i = (i + 1) & (kSlots - 1);
      slots_[i] = words[w].hash;
    }
  }
  bool Contains(uint64_t h) const {
    for (size_t i = Slot(h);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i] == h) return h != 0;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  static constexpr size_t Pow2(size_t n) { return n <= 1 ? 1 : 2 * Pow2((n + 1) / 2); }
  static constexpr size_t kSlots = Pow2(4 * N);
  static constexpr size_t Slot(uint64_t h) { return static_cast<size_t>(h ^ (h >> 29)) & (kSlots - 1); }
  uint64_t slots_[kSlots];
};

struct Scan {
  std::vector<Tok> toks;
  std::string lower;  // lowercase words, concatenated
  std::string_view text;

  std::string_view Low(const Tok& t) const { return std::string_view(lower).substr(t.low_begin, t.low_len); }
  std::string_view Raw(const Tok& t) const { return text.substr(t.start, t.end - t.start); }
};

// Fills `out` (reusing its buffers) with the tokens of `text`.
void ScanText(std::string_view text, const Lexicon& lex, Scan* out);

}  // namespace sitrep::time
