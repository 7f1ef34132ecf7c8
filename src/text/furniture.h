// Internal to text/ (the reason names are read by time/). Lines and page furniture.
//
// A scraped news page holds the article among menus, clocks, share buttons, captions,
// credits, related headlines and comment widgets. ClassifyLines splits the text into
// lines and decides for each whether it is body, headline, caption or dropped furniture,
// by general rules in three passes:
//   1. the line alone: phrases from data/text/interface_phrases.txt (each section names
//      its reason), timestamps, bylines, photo credits, captions ending in a credit, tag
//      lists, separators, stray words, HTML hints (boilerplate, caption);
//   2. neighbours: a line repeated within three lines (the scraper copied a caption
//      twice), the line above a photo credit and the line after an "Image caption"
//      label (captions);
//   3. position: the article body runs from the first to the last prose line (six or
//      more words ending like a sentence; in a hard-wrapped page, a chain of wrapped
//      lines). The headline is the line matching doc.title, else the last HTML heading
//      above the body, else the best title-like line above the body (6-14 words, title
//      case and nearness to the body score; a long sentence-case standfirst loses); a
//      lower-case continuation right under it is part of it. Above the headline, lines
//      that are not sentences are page header (menus, slogans). Between headline and
//      body, a short capitalised name next to a byline or timestamp is a byline. After a
//      "Related" header come related headlines (with their dates and labels); below the
//      body, runs of title-like lines are headline lists and short labels are widgets;
//      inside it, three or more title-cased lines in a row are a headline list, and a
//      short title-cased line between blank lines is a subheading. A comment widget's
//      header after the body started, followed within twelve lines by comment buttons
//      ("Reply", "Like") and timestamps, starts a comment thread: all of it is dropped.
// Rules never drop a line that reads like a sentence by position or shape; only the
// phrase lists and the credit, byline and timestamp patterns can drop one.
//
// Dropped lines stay in doc.lines with their spans and a reason; later stages do not
// read them, except the time stage, which reads the dated ones:
//   kReasonTimestamp  "timestamp line"  a date/time stamp below the headline (usually the
//                                       article's own date; "Updated ...", "3 hours ago")
//   kReasonDateline   "dateline"        a place and a date alone on a line
//   kReasonByline     "byline"          "By <Name>", possibly with a date; author names
//   kReasonClock      "clock line"      a date/time stamp above the headline: the page's
//                                       clock or the article's date; weaker evidence
// Line::reason of a kHeadline line is "headline" (the article's; possibly two lines when
// wrapped) or "subheading"; of a kCaption line, the rule that made it a caption.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"
#include "text/resources.h"

namespace sitrep::text {

// Reasons for dropped lines decided by code. Reasons from interface_phrases.txt are
// its section names ("interface phrase", "share/social", "language menu", ...).
inline constexpr std::string_view kReasonTimestamp = "timestamp line";
inline constexpr std::string_view kReasonDateline = "dateline";
inline constexpr std::string_view kReasonByline = "byline";
inline constexpr std::string_view kReasonClock = "clock line";
inline constexpr std::string_view kReasonAuthorPicture = "author picture";
inline constexpr std::string_view kReasonPhotoCredit = "photo credit";
inline constexpr std::string_view kReasonDuplicate = "duplicate line";
inline constexpr std::string_view kReasonMenuLabel = "section/menu label";
inline constexpr std::string_view kReasonRelated = "related headline link";
inline constexpr std::string_view kReasonTagList = "tag list";
inline constexpr std::string_view kReasonSeparator = "separator line";
inline constexpr std::string_view kReasonStrayWord = "stray word";
inline constexpr std::string_view kReasonBoilerplate = "html boilerplate";
// Reasons from interface_phrases.txt that the code acts on.
inline constexpr std::string_view kReasonCaptionLabel = "caption label";  // next line: caption
inline constexpr std::string_view kReasonCommentHeader = "comment header";
inline constexpr std::string_view kReasonCommentAction = "comment action";  // "Reply", "Like"
inline constexpr std::string_view kReasonCommentSection = "comment section";
// Reasons for kCaption lines.
inline constexpr std::string_view kCaptionWithCredit = "caption with credit";
inline constexpr std::string_view kCaptionBeforeCredit = "caption before credit";
inline constexpr std::string_view kCaptionRepeated = "caption repeated by scraper";
inline constexpr std::string_view kCaptionHtml = "html caption";
inline constexpr std::string_view kCaptionLabelled = "labelled photo caption";
// Reasons for kHeadline lines.
inline constexpr std::string_view kHeadlineMain = "headline";
inline constexpr std::string_view kHeadlineSub = "subheading";

// Tokens of every line, kept so the sentence pass need not tokenize again: line i owns
// tokens[begin[i], begin[i + 1]). Reuse one across documents to avoid allocation.
struct LineTokens {
  std::vector<Token> tokens;
  std::vector<uint32_t> begin;
};

// Fills doc->lines: when empty, one Line per non-blank line of doc->text (trimmed of
// white space and format characters); when ingest pre-filled it, its hints and spans are
// kept (spans trimmed the same way; blank ones removed) and no line is treated as cut by
// a hard wrap. Every line gets a kind and, unless it is plain body, a reason. Sets doc->title
// from the headline when it was empty. Fails with InvalidArgument when pre-filled spans
// are out of range, overlapping or out of order. Fills `*tokens` (see LineTokens).
Status ClassifyLines(const Resources& res, Document* doc, LineTokens* tokens);

// The index of the article headline in doc.lines (reason kHeadlineMain), or -1.
int HeadlineIndex(const Document& doc);

}  // namespace sitrep::text
