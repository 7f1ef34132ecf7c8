// Internal to text/. What one line looks like (length, capitalisation, final punctuation)
// and the shape tests the furniture rules use: timestamps, photo credits, bylines.
// All functions take valid UTF-8 and never fail.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/document.h"
#include "text/resources.h"

namespace sitrep::text {

using TokenRange = std::pair<const Token*, const Token*>;

struct LineFacts {
  uint32_t bytes = 0;
  uint32_t chars = 0;   // code points
  uint32_t tokens = 0;
  uint32_t words = 0;   // word tokens
  uint32_t cased = 0;   // words whose first letter has a case
  uint32_t capitalised = 0;
  uint32_t content = 0;  // cased words not in minor_words.txt (lines under 300 bytes)
  uint32_t content_caps = 0;
  uint32_t lower_content = 0;
  uint32_t marker_end = 0;  // offset just past a list marker and its space; 0 if none
  char32_t last = 0;        // last character before closing quotes and brackets
  uint8_t tag_pieces = 0;   // pieces of a keyword list ("a, b, c"), 0 when not one
  uint8_t joins = 0;        // seams of words run together ("RussiaIran")
  bool any_alnum = false;
  bool starts_lower = false;  // the first letter or digit is a lower-case letter
  bool blank_before = false;  // a blank line (or the document start) precedes it
  bool blank_after = false;
  bool title_case = false;     // >= 2 content words, >= 3/4 of them capitalised
  bool title_like = false;     // 3-30 words, <= 250 chars, no final . : ; , ..., no marker
  bool sentence_like = false;  // >= 2 words ending . ! ... (or ? unless title case); or >= 25 words
  bool prose = false;          // >= 6 words and sentence_like or ending ':' or ';'
  // Set by the classifier.
  bool decided = false;
  bool related_header = false;     // "Related articles" and the like
  std::string_view edge_reason;    // an edges-only phrase matched the whole line
  std::string folded;              // FoldForMatch of the line when under 300 bytes
};

// Offset where a line's content starts after a list marker ("• ", "- ", "* ", "1. ",
// "2) ", "(a) ") and the white space after it; `line.start` when there is none.
uint32_t ListMarkerEnd(std::string_view text, Span line);

// Fills `*f` (except the blank_* and classifier fields) from the line and its tokens.
void ComputeLineFacts(const Resources& res, std::string_view text, Span line, TokenRange tokens,
                      LineFacts* f);

// The width (in characters) a hard-wrapped document was wrapped at, or 0 when it does
// not look hard-wrapped. `chars[i]` is line i's length, `continued[i]` whether line i+1
// follows it without a blank line. Hard-wrapped: at least three continued lines of 30+
// characters, nine in ten of them no wider than W <= 110, six in ten at least 0.8 W, and
// at most one in ten of all 30+ character lines wider than W + 10.
uint32_t EstimateWrapWidth(const std::vector<uint32_t>& chars, const std::vector<bool>& continued);

enum class Stamp : uint8_t { kNone, kTimestamp, kDateline };

// A line that is only a date/time stamp ("Updated 14:05 GMT, 3 March 2016", "2 hours
// ago") is kTimestamp; a place and a date ("DAMASCUS, March 3") is kDateline.
Stamp ClassifyStamp(const Resources& res, std::string_view line, const LineFacts& f);

// A photo credit standing alone: "© AP Photo / Jane Doe", "[Jane Doe / Agency]",
// "REUTERS/Jane Doe/File", "AFP via Getty Images".
bool IsCreditLine(const Resources& res, std::string_view line, const LineFacts& f);

// A caption ending with its credit: "... in Aleppo [Jane Doe / Agency]",
// "... (AP Photo/Jane Doe)", "... last May. REUTERS/Jane Doe/Files".
bool HasTrailingCredit(const Resources& res, std::string_view line, const LineFacts& f);

// After a "By"-like prefix, a name: a capitalised first word, few lower-case words.
bool LooksLikeByline(std::string_view text, TokenRange tokens, const LineFacts& f);

}  // namespace sitrep::text
