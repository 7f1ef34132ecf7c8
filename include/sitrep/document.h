// The document model: one news document as it flows through the stages.
//
// Ownership: a Document owns its text. Every Span in it is a half-open byte range
// [start, end) into Document::text, which never changes after ingest; later stages only
// add annotations (lines, paragraphs, sentences, tokens, date). Byte offsets are UTF-8
// byte offsets; every span starts and ends on a code-point boundary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/basic.h"
#include "sitrep/record.h"

namespace sitrep {


enum class InputFormat : uint8_t { kText, kHtml, kJsonLines };
std::string_view InputFormatName(InputFormat f);  // "text", "html", "jsonl"

// Structure that ingest saw around a line (HTML only); the text stage weighs it.
enum class LineHint : uint8_t {
  kNone,
  kHeading,      // <h1>..<h6>
  kCaption,      // <figcaption>, or an element whose class names a caption
  kBoilerplate,  // inside <nav>, <header>, <footer>, <aside>, <form>, <menu>, or role=navigation
  kListItem,     // <li>
  kLinkOnly,     // all of the line's text is inside <a> elements
};


// One line of Document::text: the text between two '\n', trimmed of surrounding
// whitespace. Blank lines are not listed.
struct Line {
  Span span;
  LineHint hint = LineHint::kNone;
  LineKind kind = LineKind::kBody;
  std::string reason;  // for kDropped and kCaption: the rule that decided ("interface phrase", ...)
};

struct Paragraph {
  Span span;
  LineKind kind = LineKind::kBody;  // never kDropped: dropped lines form no paragraph
  uint32_t first_line = 0;          // index into Document::lines
  uint32_t line_count = 0;
};

struct Sentence {
  Span span;  // trimmed; may cross '\n' inside a hard-wrapped paragraph
  uint32_t paragraph = 0;           // index into Document::paragraphs
  LineKind kind = LineKind::kBody;  // kind of its paragraph (headline/caption/body)
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

// Where a document's date came from, strongest first.
enum class DateSource : uint8_t { kNone, kMetadata, kDateline, kByline, kBody, kCrossDocument };
std::string_view DateSourceName(DateSource s);  // "none", "metadata", "dateline", ...

// A candidate date that lost, and why.
struct DateConflict {
  std::string value;     // ISO, reduced precision allowed
  DateSource source = DateSource::kNone;
  std::string evidence;  // the text it rests on
  std::string why;       // why it was rejected
};

struct DocumentDate {
  std::string value;  // ISO 8601 "2016-12-11", "2016-12", "2016"; empty when unknown
  DatePrecision precision = DatePrecision::kNone;
  DateSource source = DateSource::kNone;
  double confidence = 0;  // 0..1
  std::string evidence;   // the text it rests on
  std::vector<DateConflict> conflicts;
};

struct Document {
  std::string id;         // given id, else "h" + 16 hex digits of XXH3-64 of `text`
  std::string source;     // path, "path:LINE" inside JSON Lines, or "-" for stdin
  std::string url;        // when known
  std::string title;      // from metadata, else the headline line the text stage found
  std::string outlet;     // site or outlet name when known
  std::string published;  // publication date exactly as metadata gave it; empty if none
  InputFormat format = InputFormat::kText;
  std::string raw;   // the input as read after decompression (e.g. the HTML); empty when equal to text
  std::string text;  // valid UTF-8, NFC, '\n' line ends; all spans point here
  // Other metadata fields as (name, JSON value text), in input order.
  std::vector<std::pair<std::string, std::string>> metadata;
  uint32_t invalid_utf8 = 0;  // invalid sequences replaced by U+FFFD at ingest

  std::vector<Line> lines;            // ingest may pre-fill with hints; text stage completes
  std::vector<Paragraph> paragraphs;  // text stage
  std::vector<Sentence> sentences;    // text stage; only from non-dropped lines
  std::vector<Token> tokens;          // text stage; tokens of sentences, in order
  DocumentDate date;                  // time stage
  // Extract stage (sitrep/record.h): what the sentences mention, the events they tell
  // and the numbers they state, each in text order with ids "<id>:m<n>", ":e<n>", ":c<n>".
  std::vector<MentionRecord> mentions;
  std::vector<EventRecord> events;
  std::vector<ClaimRecord> claims;
  // Extract stage: a MinHash signature of the cleaned text's word shingles, for finding
  // near-duplicate documents (fuse/). Empty when not computed.
  std::vector<uint32_t> minhash;

  std::string_view view(Span s) const { return s.in(text); }
  // The text later stages read: non-dropped lines, paragraphs separated by a blank line.
  std::string CleanText() const;
};

// An input that could not become a document, and why. Counted in the ingest summary.
struct Rejection {
  std::string source;  // path, "path:LINE" for a JSON Lines record, "-" for stdin
  std::string reason;  // a message a user can act on
};

}  // namespace sitrep
