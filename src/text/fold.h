// Internal to sitrep (text/ owns it; lexicon/ and time/ call it). Folding text into the
// form lexicons are matched in.
//
// FoldForMatch lower-cases with ICU full case folding ("ÉTAT" -> "état", "STRASSE" and
// "Straße" -> "strasse") and maps the typographic variants a news page mixes freely to one
// ASCII form, so a lexicon written with plain characters matches every spelling:
//   ' <- ‘ ’ ‚ ‛ ′ ‹ › ʼ (U+2018 U+2019 U+201A U+201B U+2032 U+2039 U+203A U+02BC)
//   " <- “ ” „ ‟ ″ « »   (U+201C U+201D U+201E U+201F U+2033 U+00AB U+00BB)
//   - <- ‐ ‑ ‒ – — ― −   (U+2010..U+2015, U+2212)
//   ' ' <- every other White_Space character (NBSP, thin space, ideographic space, tab,
//         '\n', ...); no collapsing: one space per white-space character.
// Nothing else changes: no accent stripping, no NFC/NFD step (the text is NFC already),
// format characters (ZWJ, soft hyphen) pass through. The output is therefore not
// byte-aligned with the input; callers that need offsets fold one token at a time and
// keep the token's span.
//
// Input must be valid UTF-8 (Document::text always is); an invalid byte is copied
// through unchanged. Never fails, never allocates beyond the output string.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::text {

// The folded form of `s`.
std::string FoldForMatch(std::string_view s);

// Appends the folded form of `s` to `*out` (reuse one buffer in hot loops).
void AppendFoldForMatch(std::string_view s, std::string* out);

// The fold of a single code point, as UTF-8, appended to `*out`.
void AppendFoldedCodePoint(char32_t c, std::string* out);

// The same result as FoldForMatch computed the slow, obvious way: the whole string to
// UTF-16, the punctuation mapped, u_strFoldCase, back to UTF-8. For tests.
std::string FoldForMatchSlow(std::string_view s);

}  // namespace sitrep::text
