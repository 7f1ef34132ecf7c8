#include "text/text.h"

#include <cstdint>
#include <limits>

#include "text/chars.h"
#include "text/furniture.h"
#include "text/segment.h"

namespace sitrep::text {

Status Annotate(const Resources& res, Document& doc) {
  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.tokens.clear();
  if (doc.text.size() >= std::numeric_limits<uint32_t>::max()) {
    doc.lines.clear();
    return Status::BadInput("document " + doc.id + " is too large for the text stage (4 GiB)");
  }
  if (!ValidateUtf8(doc.text)) {
    doc.lines.clear();
    return Status::BadInput("document " + doc.id + " text is not valid UTF-8");
  }
  thread_local LineTokens lt;
  const bool prefilled = !doc.lines.empty();
  Status s = ClassifyLines(res, &doc, &lt);
  if (!s.ok()) {
    doc.lines.clear();
    return s;
  }
  BuildParagraphs(&doc, prefilled);
  thread_local std::vector<Span> spans;
  for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    const Token* begin = lt.tokens.data() + lt.begin[para.first_line];
    const Token* end = lt.tokens.data() + lt.begin[para.first_line + para.line_count];
    spans.clear();
    SplitSentences(res, doc.text, para.span, begin, end, para.kind == LineKind::kHeadline, &spans);
    const Token* t = begin;
    for (const Span& sp : spans) {
      doc.sentences.push_back(Sentence{sp, p, para.kind});
      while (t < end && t->span.start < sp.start) ++t;
      while (t < end && t->span.end <= sp.end) doc.tokens.push_back(*t++);
    }
  }
  // Keep the per-thread buffers from holding on to the memory of one huge document.
  if (lt.tokens.capacity() > (1u << 20)) {
    lt.tokens = {};
    lt.begin = {};
  }
  return Status::Ok();
}

Status Annotate(Document& doc) {
  Result<std::shared_ptr<const Resources>> res = DefaultResources();
  if (!res.ok()) return res.status();
  return Annotate(**res, doc);
}

}  // namespace sitrep::text
