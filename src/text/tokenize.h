// Internal to text/. Splitting text into tokens (words, numbers, punctuation, symbols).
//
// Rules (every class from ICU; see chars.h):
//  - A word starts with a letter and runs over letters, combining marks and digits
//    ("T4", "GMT10"). An apostrophe (' ’ ‘ ʼ ′) or hyphen (- ‐ ‑) inside it joins it when
//    a letter (for hyphens: a letter or digit) follows: "Assad's", "Russian-backed",
//    "al-Assad", "F-16", "COVID-19". A format character (ZWNJ, ZWJ, soft hyphen) followed
//    by a letter stays inside the word. A trailing apostrophe is punctuation
//    ("Terrorists'" -> "Terrorists" "'").
//  - Dotted forms of single letters are one word including every full stop: "U.S.",
//    "a.m.", "e.g.", "J.R.R."; a hyphenated continuation joins ("U.S.-backed").
//    Other abbreviations are a word and a "." ("Gen" "."): the sentence splitter decides.
//  - A number starts with a digit (any script) and runs over digits, with "," "." (and
//    the Arabic separators U+066B U+066C) between digits: "1,800", "3.5", "1.000.000".
//    A clock time "08:27" is one number (":" followed by exactly two digits). An ordinal
//    suffix or plural "s" right after the digits joins when no letter follows it:
//    "3rd", "21st", "1990s". Other letters after digits start a new word ("5km" ->
//    "5" "km"). Signs and percent are separate tokens: "-5" -> "-" "5"; "93%" -> "93"
//    "%", where "%" is punctuation (Unicode puts it in Po) and "$" a symbol (Sc).
//    Other numeric characters (½, ², Ⅻ) are one-code-point number tokens.
//  - Punctuation (P*): a run of one repeated character is one token ("...", "--", "!!");
//    different characters are separate ("?!" -> "?" "!").
//  - Symbols (S*, private use, stray combining marks): one code point each, with any
//    combining marks or variation selectors that follow.
//  - White space, controls and format characters between tokens are skipped.
// Tokens never contain white space. Spans are byte offsets into the `text` given.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::text {

// Appends the tokens of text[range.start, range.end) to `*out`. `text` must be valid
// UTF-8 and `range` must lie on code-point boundaries inside it. ASCII is classified by
// table; other code points by ICU.
void Tokenize(std::string_view text, Span range, std::vector<Token>* out);

// The same result computed by decoding every code point with U8_NEXT and classifying it
// with ICU (no ASCII table). For tests.
void TokenizeSlow(std::string_view text, Span range, std::vector<Token>* out);

}  // namespace sitrep::text
