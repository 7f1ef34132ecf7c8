#include "text/chars.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

namespace sitrep::text {

CharClass ClassOfSlow(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(u)) return CharClass::kSpace;
  switch (u_charType(u)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::kLetter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kNumber;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_CONTROL_CHAR:
    case U_UNASSIGNED:
    case U_SURROGATE:
      return CharClass::kControl;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    default:
      return CharClass::kSymbol;  // Sm, Sc, Sk, So, Co, Zl, Zp (not White_Space: none)
  }
}

namespace internal {
namespace {
// ASCII classes by hand (a constant, so no start-up order problem); chars_test.cc checks
// every entry against ClassOfSlow.
constexpr CharClass AsciiClass(char32_t c) {
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return CharClass::kSpace;
  if (c < 0x20 || c == 0x7F) return CharClass::kControl;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  switch (c) {
    case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
      return CharClass::kSymbol;
    default:
      return CharClass::kPunct;
  }
}
}  // namespace
#define SITREP_A8(b) AsciiClass(b), AsciiClass(b + 1), AsciiClass(b + 2), AsciiClass(b + 3), \
    AsciiClass(b + 4), AsciiClass(b + 5), AsciiClass(b + 6), AsciiClass(b + 7)
constinit const CharClass kAsciiClass[128] = {
    SITREP_A8(0),  SITREP_A8(8),  SITREP_A8(16), SITREP_A8(24), SITREP_A8(32),  SITREP_A8(40),
    SITREP_A8(48), SITREP_A8(56), SITREP_A8(64), SITREP_A8(72), SITREP_A8(80),  SITREP_A8(88),
    SITREP_A8(96), SITREP_A8(104), SITREP_A8(112), SITREP_A8(120)};
#undef SITREP_A8
}  // namespace internal

bool IsUpperSlow(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  return u_isUUppercase(u) || u_charType(u) == U_TITLECASE_LETTER;
}

bool IsLowerSlow(char32_t c) {
  return u_isULowercase(static_cast<UChar32>(c));
}

bool ValidateUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  if (text.size() > static_cast<size_t>(INT32_MAX)) return false;
  int32_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace sitrep::text
