#include "sitrep/document.h"

namespace sitrep {

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonLines: return "jsonl";
  }
  return "text";
}

std::string_view LineKindName(LineKind k) {
  switch (k) {
    case LineKind::kBody: return "body";
    case LineKind::kHeadline: return "headline";
    case LineKind::kCaption: return "caption";
    case LineKind::kDropped: return "dropped";
  }
  return "body";
}

std::string_view DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kNone: return "none";
    case DateSource::kMetadata: return "metadata";
    case DateSource::kDateline: return "dateline";
    case DateSource::kByline: return "byline";
    case DateSource::kBody: return "body";
    case DateSource::kCrossDocument: return "cross-document";
  }
  return "none";
}

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kNone: return "none";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
  }
  return "none";
}

std::string Document::CleanText() const {
  std::string out;
  out.reserve(text.size());
  if (!paragraphs.empty()) {
    for (const Paragraph& p : paragraphs) {
      if (!out.empty()) out += "\n\n";
      out += view(p.span);
    }
    return out;
  }
  for (const Line& l : lines) {
    if (l.kind == LineKind::kDropped) continue;
    if (!out.empty()) out += "\n\n";
    out += view(l.span);
  }
  return out;
}

}  // namespace sitrep
