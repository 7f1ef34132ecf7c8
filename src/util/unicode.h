// Internal to sitrep. UTF-8 text hygiene shared by every stage: validation, repair,
// normalisation (NFC, line breaks) and counting.
//
// All functions take and produce UTF-8. None of them throws or prints; functions that
// can meet bad input say what they do with it. Each fast function has a slow, obvious
// twin (named ...Slow or documented beside it) that the tests compare it with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep {

// The replacement character U+FFFD, encoded.
inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// True when `s` is well-formed UTF-8 (Unicode 15, Table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF). Vectorised (simdjson); gigabytes per second.
bool IsValidUtf8(std::string_view s);

// The same answer as IsValidUtf8, computed one code point at a time by decoding the
// bits and checking the ranges. For tests and as a reference.
bool IsValidUtf8Slow(std::string_view s);

// True when every byte of `s` is below 0x80.
bool IsAscii(std::string_view s);

// Writes `in` to `*out` (replacing what it held) with each maximal invalid subpart
// replaced by U+FFFD, following the Unicode "substitution of maximal subparts" practice
// (the one ICU, browsers and Python use): "\xE2\x82" -> one U+FFFD, "\xC0\xAF" -> two.
// Returns the number of replacements (0 when `in` was valid; then `*out == in`).
// `out` must not alias `in`. Fast path: one vectorised validation, then a copy.
uint32_t RepairUtf8(std::string_view in, std::string* out);

// In-place form of RepairUtf8: leaves `*text` untouched (no copy) when it is valid.
uint32_t RepairUtf8(std::string* text);

// Normalises line breaks in place: "\r\n" and a lone "\r" become "\n", and so do the
// Unicode LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029). NUL bytes are
// REMOVED (not replaced); the return value is how many were removed. NEL (U+0085) is
// left alone: in scraped text it is far more often a mis-decoded Windows-1252 ellipsis
// than a line break. Never moves bytes when there is nothing to change. Works on any
// bytes; valid UTF-8 stays valid.
uint32_t NormalizeNewlines(std::string* text);

// True when `utf8` (which must be valid UTF-8) is in Unicode Normalization Form C.
// Fast path: pure ASCII is always NFC.
bool IsNfc(std::string_view utf8);

// Converts `*text` (valid UTF-8) to NFC in place with ICU's normalizer. Leaves it
// untouched (no copy) when it is already NFC, which for pure ASCII and for almost all
// real text is decided without allocating. Fails with Internal only if ICU cannot load
// its data; fails with BadInput if `*text` is not valid UTF-8 (callers repair first).
Status NormalizeNfc(std::string* text);

// The same result as NormalizeNfc, computed the slow obvious way (UTF-8 -> UTF-16 ->
// Normalizer2::normalize -> UTF-8, no fast paths). For tests.
Status NormalizeNfcSlow(std::string* text);

// Number of code points in `utf8`. For valid UTF-8 that is the count of bytes that do
// not have the form 10xxxxxx; for invalid input the number is that same byte count,
// which over-counts nothing but is not meaningful.
size_t CountCodePoints(std::string_view utf8);

// True when `utf8` is empty or holds only white space: ASCII spaces and controls
// (\t \n \v \f \r), U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
// U+205F, U+3000, plus the zero-width U+200B and U+FEFF. Invalid UTF-8 counts as text.
bool IsBlank(std::string_view utf8);

// Length in bytes of the Unicode white space character (see IsBlank's list, without the
// zero-width ones) that starts `s`, or 0 when `s` starts with anything else.
size_t WhitespaceLength(std::string_view s);

// Decodes `bytes` in the character set `charset` (any name ICU knows: "windows-1252",
// "ISO-8859-6", "UTF-16LE", "Shift_JIS", ...) into UTF-8 in `*out`. Undecodable bytes
// become U+FFFD. Per the WHATWG encoding standard, "iso-8859-1", "latin1" and "ascii"
// are read as windows-1252. Fails with BadInput naming the charset when ICU does not
// know it.
Status DecodeCharset(std::string_view bytes, std::string_view charset, std::string* out);

}  // namespace sitrep
