// The smallest pieces of the document model, shared by document.h and record.h: spans
// into a document's text, what kind of line a span sits on, and how precise a date is.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep {

// A half-open byte range [start, end) into Document::text (UTF-8 byte offsets).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  std::string_view in(std::string_view text) const { return text.substr(start, end - start); }
  friend bool operator==(const Span&, const Span&) = default;
};

// What the text stage decided a line is.
enum class LineKind : uint8_t {
  kBody,      // article text; later stages read it
  kHeadline,  // the article headline or a subheading; later stages read it
  kCaption,   // photo caption or credit line kept with it; read, but marked
  kDropped,   // page furniture; stored with `reason`, never read by later stages
};
std::string_view LineKindName(LineKind k);  // "body", "headline", "caption", "dropped"

enum class DatePrecision : uint8_t { kNone, kYear, kMonth, kDay };
std::string_view DatePrecisionName(DatePrecision p);  // "none", "year", "month", "day"

}  // namespace sitrep
