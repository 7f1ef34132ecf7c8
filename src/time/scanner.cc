#include "time/scanner.h"

namespace sitrep::time {

namespace {

inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

// Each byte's lowercase form when it is an ASCII letter, else 0: one load per letter in
// the word loop instead of a range test, a case test and an add.
struct LowerTable {
  unsigned char v[256];
  constexpr LowerTable() : v() {
    for (int c = 'a'; c <= 'z'; ++c) v[c] = static_cast<unsigned char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) v[c] = static_cast<unsigned char>(c + 32);
  }
};
constexpr LowerTable kLower;

// Each byte's class for the token loop: ASCII whitespace, digit, letter or other
// punctuation; 0 for non-ASCII bytes (Classify reads those). One load instead of a chain
// of compares per token start.
enum ByteClass : unsigned char { kByteOther = 0, kByteSpace, kByteDigit, kByteLetter, kBytePunct };
struct ClassTable {
  unsigned char v[256];
  constexpr ClassTable() : v() {
    for (int c = 0; c < 0x80; ++c) v[c] = kBytePunct;
    for (int c : {' ', '\t', '\n', '\r', '\f', '\v'}) v[c] = kByteSpace;
    for (int c = '0'; c <= '9'; ++c) v[c] = kByteDigit;
    for (int c = 'a'; c <= 'z'; ++c) v[c] = kByteLetter;
    for (int c = 'A'; c <= 'Z'; ++c) v[c] = kByteLetter;
  }
};
constexpr ClassTable kClass;

// Length of the UTF-8 sequence starting with `c` (1 for invalid lead bytes).
inline size_t SeqLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

enum class Cls { kSpace, kLetter, kDigit, kPunct };

// Classifies the code point at `p`; for punctuation sets *punct and *long_dash.
Cls Classify(std::string_view s, size_t p, size_t* len, char* punct, bool* long_dash) {
  const unsigned char c = static_cast<unsigned char>(s[p]);
  *long_dash = false;
  if (c < 0x80) {
    *len = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return Cls::kSpace;
    if (IsDigit(c)) return Cls::kDigit;
    if (IsAsciiLetter(c)) return Cls::kLetter;
    *punct = c == '`' ? '\'' : static_cast<char>(c);
    return Cls::kPunct;
  }
  size_t n = SeqLen(c);
  if (p + n > s.size()) n = 1;
  *len = n;
  if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[p + 1]) == 0xA0) return Cls::kSpace;  // NBSP
  if (n == 3 && c == 0xE2) {
    const unsigned char b1 = static_cast<unsigned char>(s[p + 1]);
    const unsigned char b2 = static_cast<unsigned char>(s[p + 2]);
    if (b1 == 0x80) {
      if (b2 >= 0x80 && b2 <= 0x8B) return Cls::kSpace;  // U+2000..U+200B spaces
      if (b2 >= 0x90 && b2 <= 0x92) {                    // hyphens, figure dash
        *punct = '-';
        return Cls::kPunct;
      }
      if (b2 >= 0x93 && b2 <= 0x95) {  // en dash, em dash, horizontal bar
        *punct = '-';
        *long_dash = true;
        return Cls::kPunct;
      }
      if (b2 == 0x98 || b2 == 0x99 || b2 == 0xB2) {  // single quotes, prime
        *punct = '\'';
        return Cls::kPunct;
      }
      if (b2 == 0x9C || b2 == 0x9D || b2 == 0xB3) {  // double quotes
        *punct = '"';
        return Cls::kPunct;
      }
      if (b2 == 0xA2 || b2 == 0xA6) {  // bullet, ellipsis
        *punct = b2 == 0xA2 ? ',' : '.';
        return Cls::kPunct;
      }
      if (b2 == 0xAF) return Cls::kSpace;  // narrow NBSP
    }
    if (b1 == 0x88 && b2 == 0x99) {  // bullet operator
      *punct = ',';
      return Cls::kPunct;
    }
    if (b1 == 0x88 && b2 == 0x92) {  // minus sign
      *punct = '-';
      return Cls::kPunct;
    }
  }
  if (n == 2 && c == 0xC2) {
    const unsigned char b1 = static_cast<unsigned char>(s[p + 1]);
    if (b1 == 0xB7) {  // middle dot
      *punct = ',';
      return Cls::kPunct;
    }
    if (b1 == 0xAB || b1 == 0xBB) {  // guillemets
      *punct = '"';
      return Cls::kPunct;
    }
    if (b1 < 0xC0) {  // other Latin-1 symbols
      *punct = '?';
      return Cls::kPunct;
    }
  }
  return Cls::kLetter;  // other non-ASCII: letters of some script
}

bool IsOrdinalSuffix(std::string_view s, int64_t num) {
  if (s.size() != 2) return false;
  const char a = static_cast<char>(s[0] | 32), b = static_cast<char>(s[1] | 32);
  const int64_t last2 = num % 100, last = num % 10;
  if (a == 't' && b == 'h') return true;  // lenient: "1th" is still an ordinal
  if (a == 's' && b == 't') return last == 1 && last2 != 11;
  if (a == 'n' && b == 'd') return last == 2 && last2 != 12;
  if (a == 'r' && b == 'd') return last == 3 && last2 != 13;
  return false;
}

}  // namespace

void ScanText(std::string_view text, const Lexicon& lex, Scan* out) {
  out->toks.clear();
  out->text = text;
  // Lowercase words are at most as long as the text; written in place, sized at the end.
  out->lower.resize(text.size());
  char* low = out->lower.data();
  size_t nlow = 0;
  if (out->toks.capacity() < text.size() / 4) out->toks.reserve(text.size() / 4 + 8);
  const char* s = text.data();
  const size_t n = text.size();
  size_t p = 0;
  bool space = true;
  while (p < n) {
    const unsigned char c = static_cast<unsigned char>(s[p]);
    size_t len = 1;
    char punct = 0;
    bool long_dash = false;
    Cls cls;
    // ASCII fast path; the rest goes through Classify.
    const unsigned char bc = kClass.v[c];
    if (bc == kByteSpace) {
      space = true;
      ++p;
      continue;
    }
    if (bc == kByteLetter) {
      cls = Cls::kLetter;
    } else if (bc == kByteDigit) {
      cls = Cls::kDigit;
    } else if (bc == kBytePunct) {
      cls = Cls::kPunct;
      punct = c == '`' ? '\'' : static_cast<char>(c);
    } else {
      cls = Classify(text, p, &len, &punct, &long_dash);
      if (cls == Cls::kSpace) {
        space = true;
        p += len;
        continue;
      }
    }
    out->toks.emplace_back();
    Tok& t = out->toks.back();
    t.start = static_cast<uint32_t>(p);
    t.space_before = space;
    space = false;
    if (cls == Cls::kPunct) {
      t.kind = TokKind::kPunct;
      t.punct = punct;
      t.long_dash = long_dash;
      p += len;
      t.end = static_cast<uint32_t>(p);
      continue;
    }
    if (cls == Cls::kDigit) {
      t.kind = TokKind::kNumber;
      int64_t v = 0;
      size_t q = p;
      while (q < n && IsDigit(static_cast<unsigned char>(s[q]))) {
        if (v < 1000000000000ll) v = v * 10 + (s[q] - '0');
        ++q;
      }
      t.num = v;
      t.ndigits = static_cast<uint8_t>(q - p > 255 ? 255 : q - p);
      // Ordinal suffix: exactly two letters followed by a non-letter.
      if (q + 2 <= n && IsAsciiLetter(s[q]) && IsAsciiLetter(s[q + 1]) && (q + 2 == n || !IsAsciiLetter(s[q + 2])) &&
          IsOrdinalSuffix(text.substr(q, 2), v)) {
        t.ordinal = true;
        q += 2;
      }
      p = q;
      t.end = static_cast<uint32_t>(p);
      continue;
    }
    // A word: letters (any script) up to a digit, space or punctuation. Lowercased and
    // hashed on the way.
    t.kind = TokKind::kWord;
    size_t q = p;
    int letters = 0;
    unsigned case_bits = 0;  // the ASCII letters' bytes OR-ed
    uint64_t h = 1469598103934665603ull;
    const size_t low_begin = nlow;
    while (q < n) {
      const unsigned char b = static_cast<unsigned char>(s[q]);
      if (const unsigned char l = kLower.v[b]) {
        ++letters;
        case_bits |= b;  // 0x20 set by any lowercase letter
        low[nlow++] = static_cast<char>(l);
        h = (h ^ l) * 1099511628211ull;
        ++q;
        continue;
      }
      if (b < 0x80) break;
      size_t l2;
      char p2;
      bool ld2;
      if (Classify(text, q, &l2, &p2, &ld2) != Cls::kLetter) break;
      for (size_t k = 0; k < l2; ++k) {
        low[nlow++] = s[q + k];
        h = (h ^ static_cast<unsigned char>(s[q + k])) * 1099511628211ull;
      }
      q += l2;
    }
    t.cap = c >= 'A' && c <= 'Z';
    t.all_caps = letters >= 2 && !(case_bits & 32);
    t.end = static_cast<uint32_t>(q);
    t.low_begin = static_cast<uint32_t>(low_begin);
    t.low_len = static_cast<uint32_t>(nlow - low_begin);
    t.hash = h;
    t.lex = lex.Find(std::string_view(low + low_begin, nlow - low_begin), h, &t.flags);
    p = q;
  }
  out->lower.resize(nlow);
}

}  // namespace sitrep::time
