// Sentence boundaries over a paragraph's tokens; the rules are listed in segment.h.
#include <string>

#include "text/chars.h"
#include "text/fold.h"
#include "text/line_facts.h"
#include "text/segment.h"

namespace sitrep::text {
namespace {

char32_t First(std::string_view s) {
  uint32_t i = 0;
  return s.empty() ? 0 : DecodeAt(s, &i);
}

enum class Mark : uint8_t { kNone, kStrong, kEllipsis, kPeriod, kDotted };

class Splitter {
 public:
  Splitter(const Resources& res, std::string_view text, const Token* b, const Token* e)
      : res_(res), text_(text), b_(b), e_(e) {}

  std::string_view Text(const Token* t) const { return t->span.in(text_); }

  Mark MarkOf(const Token* t) const {
    const std::string_view s = Text(t);
    if (t->kind == TokenKind::kWord) {
      return s.size() >= 2 && s.back() == '.' ? Mark::kDotted : Mark::kNone;
    }
    if (t->kind != TokenKind::kPunct) return Mark::kNone;
    const char32_t c = First(s);
    if (c == '.') return s.size() == 1 ? Mark::kPeriod : Mark::kEllipsis;
    if (c == U'\u2026') return Mark::kEllipsis;
    if (IsTerminal(c)) return Mark::kStrong;
    return Mark::kNone;
  }

  bool Glued(const Token* a, const Token* b) const { return a->span.end == b->span.start; }

  // The first token of the next sentence's words: skips opening quotes and brackets.
  const Token* WordAfter(const Token* n) const {
    while (n < e_ && n->kind == TokenKind::kPunct && IsOpening(First(Text(n)))) ++n;
    return n < e_ ? n : nullptr;
  }

  bool StartsLower(const Token* n) const {
    const Token* w = WordAfter(n);
    return w != nullptr && w->kind == TokenKind::kWord && IsLower(First(Text(w)));
  }
  bool StartsUpper(const Token* n) const {
    const Token* w = WordAfter(n);
    return w != nullptr && w->kind == TokenKind::kWord && IsUpper(First(Text(w)));
  }
  // Capitalised sentence starter right after (no opening quote in between).
  bool StarterNext(const Token* n) const {
    if (n->kind != TokenKind::kWord || !IsUpper(First(Text(n)))) return false;
    return res_.IsSentenceStarter(FoldForMatch(Text(n)));
  }

  // Decides an abbreviation-like full stop ending `word` (the word before the '.', or
  // the dotted token itself, with its dot).
  bool SplitAfterAbbrev(AbbrevClass cls, const Token* next) const {
    switch (cls) {
      case AbbrevClass::kTitle:
        return false;
      case AbbrevClass::kNumber:
        if (next->kind == TokenKind::kNumber) return false;
        [[fallthrough]];
      case AbbrevClass::kOrdinary:
        return StarterNext(next);
      case AbbrevClass::kNone:
        break;
    }
    return !StartsLower(next);
  }

  bool IsSingleLetter(std::string_view w) const {
    uint32_t i = 0;
    const char32_t c = DecodeAt(w, &i);
    return i == w.size() && ClassOf(c) == CharClass::kLetter;
  }

  // Should the text break after the mark cluster [m, after) with `next` following it?
  bool Decide(const Token* m, Mark mark, const Token* next, bool glued) const {
    if (glued && mark == Mark::kStrong && First(Text(m)) >= 0x3000) {
      return true;  // ideographic and full-width marks need no space after them
    }
    if (glued) {
      // "city.The": only a plain full stop between a lower-case word end and a
      // capitalised word with a lower-case second letter.
      if (mark != Mark::kPeriod || m == b_ || !Glued(m - 1, m)) return false;
      const Token* p = m - 1;
      if (p->kind != TokenKind::kWord || next->kind != TokenKind::kWord) return false;
      const std::string_view pw = Text(p), nw = Text(next);
      uint32_t i = static_cast<uint32_t>(pw.size());
      const char32_t last = DecodeBefore(pw, &i);
      if (pw.size() < 3 || !IsLower(last)) return false;
      if (res_.Abbreviation(std::string(pw) + ".") != AbbrevClass::kNone) return false;
      uint32_t j = 0;
      const char32_t n0 = DecodeAt(nw, &j);
      if (j >= nw.size()) return false;
      const char32_t n1 = DecodeAt(nw, &j);
      return IsUpper(n0) && IsLower(n1);
    }
    switch (mark) {
      case Mark::kStrong:
        return !StartsLower(next);
      case Mark::kEllipsis:
        return StartsUpper(next);
      case Mark::kDotted:
        return SplitAfterAbbrev(res_.Abbreviation(Text(m)) == AbbrevClass::kNone
                                    ? AbbrevClass::kOrdinary
                                    : res_.Abbreviation(Text(m)),
                                next);
      case Mark::kPeriod: {
        if (m == b_ || !Glued(m - 1, m) || (m - 1)->kind != TokenKind::kWord)
          return !StartsLower(next);
        const std::string_view w = Text(m - 1);
        AbbrevClass cls = res_.Abbreviation(std::string(w) + ".");
        if (cls == AbbrevClass::kNone && IsSingleLetter(w)) cls = AbbrevClass::kOrdinary;
        return SplitAfterAbbrev(cls, next);
      }
      case Mark::kNone:
        break;
    }
    return false;
  }

  void Run(uint32_t content_start, bool one_sentence, std::vector<Span>* out) {
    const Token* t = b_;
    while (t < e_ && t->span.start < content_start) ++t;
    if (t >= e_) return;
    uint32_t start = t->span.start;
    const uint32_t end = (e_ - 1)->span.end;
    if (!one_sentence) {
      for (; t < e_; ++t) {
        const Mark mark = MarkOf(t);
        if (mark == Mark::kNone) continue;
        // The cluster: further final marks and closing quotes/brackets, glued on.
        const Token* m = t;
        const Token* c = t + 1;
        while (c < e_ && Glued(c - 1, c) && c->kind == TokenKind::kPunct &&
               (MarkOf(c) != Mark::kNone || IsClosing(First(Text(c)))))
          ++c;
        if (c >= e_) break;
        const bool glued = Glued(c - 1, c);
        if (Decide(m, mark, c, glued)) {
          out->push_back(Span{start, (c - 1)->span.end});
          start = c->span.start;
        }
        t = c - 1;
      }
    }
    if (end > start) out->push_back(Span{start, end});
  }

 private:
  const Resources& res_;
  std::string_view text_;
  const Token* b_;
  const Token* e_;
};

}  // namespace

void SplitSentences(const Resources& res, std::string_view text, Span para, const Token* begin,
                    const Token* end, bool one_sentence, std::vector<Span>* out) {
  if (begin == end) return;
  const uint32_t content = ListMarkerEnd(text, para);
  Splitter(res, text, begin, end).Run(content, one_sentence, out);
}

}  // namespace sitrep::text
