#include "text/fold.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <utility>
#include <vector>

namespace sitrep::text {
namespace {

// The ASCII stand-in for a typographic quote, apostrophe or dash; 0 for anything else.
char PlainPunct(char32_t c) {
  switch (c) {
    case U'\u2018': case U'\u2019': case U'\u201A': case U'\u201B':
    case U'\u2032': case U'\u2039': case U'\u203A': case U'\u02BC':
      return '\'';
    case U'\u201C': case U'\u201D': case U'\u201E': case U'\u201F':
    case U'\u2033': case U'\u00AB': case U'\u00BB':
      return '"';
    case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013':
    case U'\u2014': case U'\u2015': case U'\u2212':
      return '-';
    default:
      return 0;
  }
}

constexpr char AsciiFold(int c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c + ('a' - 'A'));
  if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return ' ';
  return static_cast<char>(c);
}
template <size_t... I>
constexpr std::array<char, 128> MakeAsciiFold(std::index_sequence<I...>) {
  return {AsciiFold(static_cast<int>(I))...};
}
constexpr std::array<char, 128> kAsciiFold = MakeAsciiFold(std::make_index_sequence<128>());

void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  out->append(buf, static_cast<size_t>(n));
}

}  // namespace

void AppendFoldedCodePoint(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(kAsciiFold[c]);
    return;
  }
  if (char p = PlainPunct(c)) {
    out->push_back(p);
    return;
  }
  const UChar32 u = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(u)) {
    out->push_back(' ');
    return;
  }
  // Changes_When_Casefolded is defined on the NFD form, so it misses precomposed lower-
  // case letters whose full folding expands (U+1F56); every such letter is Cased.
  if (!u_hasBinaryProperty(u, UCHAR_CASED) &&
      !u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_CASEFOLDED)) {
    AppendUtf8(c, out);
    return;
  }
  UChar src[2];
  int32_t n = 0;
  U16_APPEND_UNSAFE(src, n, u);
  UChar dst[8];
  UErrorCode err = U_ZERO_ERROR;
  const int32_t m = u_strFoldCase(dst, 8, src, n, U_FOLD_CASE_DEFAULT, &err);
  if (U_FAILURE(err)) {
    AppendUtf8(c, out);
    return;
  }
  for (int32_t i = 0; i < m;) {
    UChar32 d;
    U16_NEXT(dst, i, m, d);
    AppendUtf8(static_cast<char32_t>(d), out);
  }
}

void AppendFoldForMatch(std::string_view s, std::string* out) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (b[i] < 0x80) {
      // A run of ASCII, through a table.
      int32_t j = i;
      while (j < n && b[j] < 0x80) ++j;
      const size_t at = out->size();
      out->resize(at + static_cast<size_t>(j - i));
      char* o = out->data() + at;
      for (; i < j; ++i) *o++ = kAsciiFold[b[i]];
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) {  // invalid: copy the bytes through
      out->append(s.data() + start, static_cast<size_t>(i - start));
      continue;
    }
    AppendFoldedCodePoint(static_cast<char32_t>(c), out);
  }
}

std::string FoldForMatch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendFoldForMatch(s, &out);
  return out;
}

std::string FoldForMatchSlow(std::string_view s) {
  // UTF-8 -> UTF-16 with the punctuation and white space mapped on the way.
  std::vector<UChar> u16;
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (char p = PlainPunct(static_cast<char32_t>(c))) c = p;
    if (u_isUWhiteSpace(c)) c = ' ';
    UChar unit[2];
    int32_t k = 0;
    U16_APPEND_UNSAFE(unit, k, c);
    u16.insert(u16.end(), unit, unit + k);
  }
  UErrorCode err = U_ZERO_ERROR;
  std::vector<UChar> folded(u16.size() * 3 + 1);
  const int32_t m = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()), u16.data(),
                                  static_cast<int32_t>(u16.size()), U_FOLD_CASE_DEFAULT, &err);
  std::string out;
  if (U_FAILURE(err)) return out;
  for (int32_t i = 0; i < m;) {
    UChar32 c;
    U16_NEXT(folded.data(), i, m, c);
    AppendUtf8(static_cast<char32_t>(c), &out);
  }
  return out;
}

}  // namespace sitrep::text
