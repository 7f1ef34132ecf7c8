// Internal to text/. Code points and their classes, as the text stage sees them.
//
// Every class comes from ICU (u_charType and friends); ASCII bytes are looked up in a
// 128-entry table that is filled from ICU at start-up, so the fast path and ICU can never
// disagree (chars_test.cc checks it). Functions here take valid UTF-8: the text stage
// validates a document once, up front (ValidateUtf8), and never re-checks.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::text {

// How the tokenizer and the line rules see one code point.
enum class CharClass : uint8_t {
  kSpace,    // White_Space (ASCII space, tab, '\n', NBSP, U+2000..U+200A, U+3000, ...)
  kFormat,   // general category Cf (ZWSP, ZWJ, ZWNJ, soft hyphen, BOM, bidi marks)
  kControl,  // Cc that is not white space, and unassigned or surrogate code points
  kLetter,   // L* (u_isalpha)
  kMark,     // M* (combining marks, variation selectors)
  kDigit,    // Nd (any script's decimal digits)
  kNumber,   // Nl, No (Roman numerals, fractions, superscripts)
  kPunct,    // P* (u_ispunct)
  kSymbol,   // S*, private use
};

// Class of any code point (ICU, no table).
CharClass ClassOfSlow(char32_t c);

namespace internal {
extern const CharClass kAsciiClass[128];
}

// Class of `c`: a table lookup for ASCII, ICU otherwise. Same answer as ClassOfSlow.
inline CharClass ClassOf(char32_t c) {
  return c < 128 ? internal::kAsciiClass[c] : ClassOfSlow(c);
}

// Decodes the code point at `text[*i]` and advances `*i` past it. `text` must be valid
// UTF-8 and `*i < text.size()`.
inline char32_t DecodeAt(std::string_view text, uint32_t* i) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t p = *i;
  unsigned char b = s[p];
  if (b < 0x80) {
    *i = p + 1;
    return b;
  }
  if (b < 0xE0) {
    *i = p + 2;
    return (char32_t(b & 0x1F) << 6) | (s[p + 1] & 0x3F);
  }
  if (b < 0xF0) {
    *i = p + 3;
    return (char32_t(b & 0x0F) << 12) | (char32_t(s[p + 1] & 0x3F) << 6) | (s[p + 2] & 0x3F);
  }
  *i = p + 4;
  return (char32_t(b & 0x07) << 18) | (char32_t(s[p + 1] & 0x3F) << 12) |
         (char32_t(s[p + 2] & 0x3F) << 6) | (s[p + 3] & 0x3F);
}

// Decodes the code point that ends just before `text[*i]` and moves `*i` to its start.
// `text` must be valid UTF-8 and `*i > 0`.
inline char32_t DecodeBefore(std::string_view text, uint32_t* i) {
  uint32_t p = *i - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  *i = p;
  uint32_t q = p;
  return DecodeAt(text, &q);
}

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values above
// U+10FFFF). ASCII runs are checked eight bytes at a time.
bool ValidateUtf8(std::string_view text);

bool IsUpperSlow(char32_t c);  // u_isUUppercase or titlecase (Lt)
bool IsLowerSlow(char32_t c);  // u_isULowercase
inline bool IsUpper(char32_t c) { return c < 128 ? (c >= 'A' && c <= 'Z') : IsUpperSlow(c); }
inline bool IsLower(char32_t c) { return c < 128 ? (c >= 'a' && c <= 'z') : IsLowerSlow(c); }

// Typographic variants the stage treats like their ASCII forms.
inline bool IsApostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'\u2032';
}
inline bool IsHyphen(char32_t c) {  // joins word parts: "al-Assad", "F-16"
  return c == U'-' || c == U'\u2010' || c == U'\u2011';
}
inline bool IsDash(char32_t c) {  // any hyphen or dash, including the minus sign
  return IsHyphen(c) || (c >= U'\u2012' && c <= U'\u2015') || c == U'\u2212';
}
// Quotes and brackets that may close a sentence after its final punctuation.
inline bool IsClosing(char32_t c) {
  return c == U'"' || c == U'\'' || c == U')' || c == U']' || c == U'}' || c == U'\u2019' ||
         c == U'\u201D' || c == U'\u00BB' || c == U'\u203A' || c == U'\u300D' ||
         c == U'\u300F';
}
// Quotes and brackets that may open a sentence.
inline bool IsOpening(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'(' || c == U'[' || c == U'{' || c == U'\u2018' ||
         c == U'\u201C' || c == U'\u201E' || c == U'\u00AB' || c == U'\u2039' ||
         c == U'\u300C' || c == U'\u300E';
}
// Final punctuation of a sentence (not the ellipsis, which is decided in context).
inline bool IsTerminal(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U'\u3002' || c == U'\uFF01' ||
         c == U'\uFF1F' || c == U'\u061F' || c == U'\u06D4' || c == U'\u0964' ||
         c == U'\u203C' || c == U'\u2047' || c == U'\u2048' || c == U'\u2049';
}

}  // namespace sitrep::text
