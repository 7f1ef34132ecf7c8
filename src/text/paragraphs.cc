// Paragraphs: lines joined where a hard wrap cut them.

#include "text/chars.h"
#include "text/line_facts.h"
#include "text/segment.h"

namespace sitrep::text {
namespace {

struct Shape {
  uint32_t chars = 0;
  bool ends_block = false;  // sentence punctuation or a colon, before closing quotes
  bool list_item = false;
  bool starts_lower = false;  // first letter-or-digit is a lower-case letter
};

Shape ShapeOf(std::string_view text, const Line& l) {
  Shape s;
  const std::string_view t = l.span.in(text);
  for (unsigned char b : t) s.chars += (b & 0xC0) != 0x80;
  uint32_t i = static_cast<uint32_t>(t.size());
  while (i > 0) {
    const char32_t c = DecodeBefore(t, &i);
    if (IsClosing(c) && i > 0) continue;
    s.ends_block = IsTerminal(c) || c == U'\u2026' || c == ':';
    break;
  }
  s.list_item = l.hint == LineHint::kListItem || ListMarkerEnd(text, l.span) != l.span.start;
  for (uint32_t j = 0; j < t.size();) {
    const char32_t c = DecodeAt(t, &j);
    const CharClass k = ClassOf(c);
    if (k == CharClass::kLetter || k == CharClass::kDigit) {
      s.starts_lower = IsLower(c);
      break;
    }
  }
  return s;
}

bool BlankBetween(std::string_view text, uint32_t a, uint32_t b) {
  const std::string_view gap = text.substr(a, b - a);
  const size_t first = gap.find('\n');
  return first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos;
}

}  // namespace

void BuildParagraphs(Document* doc, bool lines_are_blocks) {
  const std::vector<Line>& lines = doc->lines;
  const size_t n = lines.size();
  doc->paragraphs.clear();
  std::vector<Shape> shapes(n);
  std::vector<uint32_t> chars(n);
  std::vector<bool> continued(n, false);  // line i+1 follows line i with no blank between
  for (size_t i = 0; i < n; ++i) {
    shapes[i] = ShapeOf(doc->text, lines[i]);
    chars[i] = shapes[i].chars;
    continued[i] = i + 1 < n && !BlankBetween(doc->text, lines[i].span.end, lines[i + 1].span.start);
  }
  const uint32_t wrap = lines_are_blocks ? 0 : EstimateWrapWidth(chars, continued);
  bool in_list_item = false;  // the paragraph being built started with a list marker
  auto joins = [&](size_t i) {
    if (lines_are_blocks || !continued[i] || lines[i].kind != lines[i + 1].kind) return false;
    const Shape& a = shapes[i];
    const Shape& b = shapes[i + 1];
    if (b.list_item || (in_list_item && !b.starts_lower)) return false;
    if (lines[i + 1].hint == LineHint::kHeading || lines[i].hint == LineHint::kHeading)
      return false;
    if (!a.ends_block && b.starts_lower) return true;
    return wrap > 0 && a.chars * 10 >= wrap * 6 && (!a.ends_block || a.chars * 10 >= wrap * 9);
  };
  for (size_t i = 0; i < n; ++i) {
    if (lines[i].kind == LineKind::kDropped) continue;
    Paragraph p;
    p.span = lines[i].span;
    p.kind = lines[i].kind;
    p.first_line = static_cast<uint32_t>(i);
    p.line_count = 1;
    in_list_item = shapes[i].list_item;
    while (i + 1 < n && joins(i)) {
      ++i;
      p.span.end = lines[i].span.end;
      ++p.line_count;
    }
    doc->paragraphs.push_back(p);
  }
}

}  // namespace sitrep::text
