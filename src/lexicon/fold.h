// Internal to lexicon/. Folding text into match keys.
//
// Names are matched as sequences of folded word pieces, so that "Deir ez-Zor", "Deir
// al-Zor", "DEIR EZ ZOR" and "Deir-ez-Zor" all give the same keys. A piece is a run of
// letters and digits; apostrophes inside a word vanish ("Ma'arrat" -> "maarat"), except
// a possessive "'s", which becomes its own piece "s". Hyphens separate pieces without
// breaking a phrase; strong punctuation (, ; : ( ) [ ] quotes / en and em dashes)
// breaks phrases: a name never matches across it.
//
// Folding a piece: Unicode lower case, diacritics removed (NFD minus marks), a few
// letters without decomposition mapped (ß ı ł ø đ æ œ þ), then two transliteration
// rules that make Arabic-derived names meet: doubled letters collapse ("Raqqa" ->
// "raqa") and a final "ah"/"eh" loses its "h" ("Raqqah" -> "raqa"); and the Arabic
// article in its assimilated spellings ("ez-", "ad-", "ash-", standalone "Ar", "El")
// becomes "al". The same function folds the lexicon and the text, so the rules only
// need to be consistent, not linguistically perfect.
//
// This is lexicon's own fold (the text stage's FoldForMatch was not available when this
// was written); it is a superset of lower-casing and quote/dash mapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::lexicon {

enum PieceFlag : uint8_t {
  kBreakBefore = 1,    // strong punctuation or a segment start precedes this piece
  kUpperInitial = 2,   // the piece's first letter is upper case in the text
  kAllUpper = 4,       // every letter upper case, at least one letter
  kHasDigit = 8,       // contains a digit
  kPossessive = 16,    // the "s" of a possessive "'s"
  kSentenceStart = 32  // first piece of a sentence (set by callers, not by Split)
};

struct Piece {
  Span span;             // bytes in the text the buffer was split from
  uint32_t key_off = 0;  // folded key in PieceBuffer::keys
  uint32_t key_len = 0;
  uint8_t flags = 0;
};

// Pieces of one or more stretches of text, with their folded keys in one buffer.
// Reuse one buffer across calls to avoid allocation.
class PieceBuffer {
 public:
  void Clear() {
    pieces.clear();
    keys.clear();
  }
  // Appends the pieces of `text`; spans are offset by `base` (the position of `text` in
  // the document). The first appended piece gets kBreakBefore. Invalid UTF-8 bytes act
  // as strong punctuation.
  void Split(std::string_view text, uint32_t base);
  std::string_view key(size_t i) const {
    return std::string_view(keys).substr(pieces[i].key_off, pieces[i].key_len);
  }
  size_t size() const { return pieces.size(); }

  std::vector<Piece> pieces;
  std::string keys;
};

// The folded keys of a name joined by single spaces ("Deir ez-Zor" -> "deir al zor").
// Empty when the name has no letters or digits.
std::string FoldPhrase(std::string_view name);

// True when the folded form of `name` holds only ASCII (used to skip other scripts).
bool IsAsciiKey(std::string_view folded);

}  // namespace sitrep::lexicon
