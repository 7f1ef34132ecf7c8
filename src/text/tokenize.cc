#include "text/tokenize.h"

#include <unicode/utf8.h>

#include "text/chars.h"

namespace sitrep::text {
namespace {

struct Cp {
  char32_t c;
  CharClass cls;
  uint32_t next;
};

// Reads code points with the ASCII table fast path.
struct FastReader {
  std::string_view t;
  uint32_t end;
  Cp At(uint32_t i) const {
    if (i >= end) return {0, CharClass::kSpace, end};
    const unsigned char b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) return {b, internal::kAsciiClass[b], i + 1};
    uint32_t j = i;
    const char32_t c = DecodeAt(t, &j);
    return {c, ClassOfSlow(c), j};
  }
};

// Reads every code point through ICU.
struct SlowReader {
  std::string_view t;
  uint32_t end;
  Cp At(uint32_t i) const {
    if (i >= end) return {0, CharClass::kSpace, end};
    int32_t j = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), j, static_cast<int32_t>(end), c);
    if (c < 0) c = 0xFFFD;
    return {static_cast<char32_t>(c), ClassOfSlow(static_cast<char32_t>(c)),
            static_cast<uint32_t>(j)};
  }
};

bool IsAsciiLetterIn(char32_t c, const char* set) {
  if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  for (; *set; ++set)
    if (static_cast<char32_t>(*set) == c) return true;
  return false;
}

template <typename Reader>
class Tokenizer {
 public:
  Tokenizer(const Reader& r, std::vector<Token>* out) : r_(r), out_(out) {}

  void Run(uint32_t i) {
    while (i < r_.end) {
      const Cp cp = r_.At(i);
      switch (cp.cls) {
        case CharClass::kSpace:
        case CharClass::kFormat:
        case CharClass::kControl:
          i = cp.next;
          break;
        case CharClass::kLetter:
          i = Emit(i, Word(i), TokenKind::kWord);
          break;
        case CharClass::kDigit:
          i = Emit(i, Number(i), TokenKind::kNumber);
          break;
        case CharClass::kNumber:
          i = Emit(i, SkipMarks(cp.next), TokenKind::kNumber);
          break;
        case CharClass::kPunct: {
          uint32_t j = cp.next;
          for (Cp n = r_.At(j); j < r_.end && n.c == cp.c; n = r_.At(j)) j = n.next;
          i = Emit(i, SkipMarks(j), TokenKind::kPunct);
          break;
        }
        default:  // kSymbol, kMark
          i = Emit(i, SkipMarks(cp.next), TokenKind::kSymbol);
          break;
      }
    }
  }

 private:
  uint32_t Emit(uint32_t start, uint32_t end, TokenKind kind) {
    out_->push_back(Token{Span{start, end}, kind});
    return end;
  }

  uint32_t SkipMarks(uint32_t i) const {
    for (Cp n = r_.At(i); i < r_.end && n.cls == CharClass::kMark; n = r_.At(i)) i = n.next;
    return i;
  }

  bool LetterAt(uint32_t i) const { return i < r_.end && r_.At(i).cls == CharClass::kLetter; }
  bool LetterOrDigitAt(uint32_t i) const {
    if (i >= r_.end) return false;
    const CharClass c = r_.At(i).cls;
    return c == CharClass::kLetter || c == CharClass::kDigit;
  }

  // End of a dotted form starting at `i` ("U.S." -> after the last '.'), or 0.
  uint32_t Dotted(uint32_t i) const {
    int segments = 0;
    uint32_t p = i;
    while (true) {
      Cp l = r_.At(p);
      if (p >= r_.end || l.cls != CharClass::kLetter) break;
      const uint32_t q = SkipMarks(l.next);
      Cp d = r_.At(q);
      if (q >= r_.end || d.c != '.') break;
      ++segments;
      p = d.next;
    }
    return segments >= 2 ? p : 0;
  }

  uint32_t Word(uint32_t i) const {
    uint32_t p = Dotted(i);
    if (p != 0) {
      // Only a hyphenated continuation may follow a dotted form ("U.S.-led").
      Cp h = r_.At(p);
      if (p < r_.end && IsHyphen(h.c) && LetterOrDigitAt(h.next)) {
        p = h.next;
      } else {
        return p;
      }
    }
    if (p == 0) p = i;
    while (p < r_.end) {
      const Cp cp = r_.At(p);
      switch (cp.cls) {
        case CharClass::kLetter:
        case CharClass::kMark:
        case CharClass::kDigit:
          p = cp.next;
          continue;
        case CharClass::kFormat:
          if (LetterAt(cp.next)) {
            p = cp.next;
            continue;
          }
          return p;
        default:
          break;
      }
      if (IsApostrophe(cp.c) && LetterAt(cp.next)) {
        p = cp.next;
        continue;
      }
      if (IsHyphen(cp.c) && LetterOrDigitAt(cp.next)) {
        p = cp.next;
        continue;
      }
      return p;
    }
    return p;
  }

  uint32_t Digits(uint32_t p, int* count) const {
    *count = 0;
    for (Cp n = r_.At(p); p < r_.end && n.cls == CharClass::kDigit; n = r_.At(p)) {
      p = n.next;
      ++*count;
    }
    return p;
  }

  uint32_t Number(uint32_t i) const {
    int n = 0;
    uint32_t p = Digits(i, &n);
    int total = n;
    while (p < r_.end) {
      const Cp sep = r_.At(p);
      if (sep.c == ',' || sep.c == '.' || sep.c == U'\u066B' || sep.c == U'\u066C') {
        if (sep.next < r_.end && r_.At(sep.next).cls == CharClass::kDigit) {
          p = Digits(sep.next, &n);
          total += n;
          continue;
        }
      } else if (sep.c == ':') {
        const uint32_t q = Digits(sep.next, &n);
        if (n == 2 && !(q < r_.end && r_.At(q).cls == CharClass::kDigit)) {
          p = q;
          continue;
        }
      }
      break;
    }
    // Ordinal suffix or decade plural, when no letter follows it.
    Cp a = r_.At(p);
    if (p < r_.end && a.c < 128 && a.cls == CharClass::kLetter) {
      Cp b = r_.At(a.next);
      if (a.next < r_.end && b.c < 128 && b.cls == CharClass::kLetter) {
        const bool ordinal = (IsAsciiLetterIn(a.c, "s") && IsAsciiLetterIn(b.c, "t")) ||
                             (IsAsciiLetterIn(a.c, "nr") && IsAsciiLetterIn(b.c, "d")) ||
                             (IsAsciiLetterIn(a.c, "t") && IsAsciiLetterIn(b.c, "h"));
        if (ordinal && !LetterOrDigitAt(b.next)) return b.next;
      } else if (IsAsciiLetterIn(a.c, "s") && total >= 2 && !LetterOrDigitAt(a.next)) {
        return a.next;
      }
    }
    return p;
  }

  const Reader& r_;
  std::vector<Token>* out_;
};

}  // namespace

void Tokenize(std::string_view text, Span range, std::vector<Token>* out) {
  FastReader r{text, range.end};
  Tokenizer<FastReader>(r, out).Run(range.start);
}

void TokenizeSlow(std::string_view text, Span range, std::vector<Token>* out) {
  SlowReader r{text, range.end};
  Tokenizer<SlowReader>(r, out).Run(range.start);
}

}  // namespace sitrep::text
