// Folding text into match keys; see fold.h for the rules and why.
#include "lexicon/fold.h"

#include "lexicon/fold_slow.h"

#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace sitrep::lexicon {
namespace {

// Decodes one UTF-8 code point at text[i]; returns -1 (and length 1) for invalid bytes.
int32_t Decode(std::string_view text, size_t i, int* len) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  unsigned char c = s[i];
  if (c < 0x80) { *len = 1; return c; }
  int need = c >= 0xF8 ? -1 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (need < 0) { *len = 1; return -1; }
  int32_t cp = c & (0x3F >> need);
  for (int k = 1; k <= need; ++k) {
    if (i + k >= n || (s[i + k] & 0xC0) != 0x80) { *len = 1; return -1; }
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  *len = need + 1;
  return cp;
}

void AppendUtf8(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsApostrophe(int32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
         cp == 0x02BE || cp == 0x02BF || cp == 0x00B4 || cp == 0x02B9;
}
bool IsWordHyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
bool IsStrongAscii(int32_t cp) {
  switch (cp) {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '{':
    case '}': case '"': case '/': case '\\': case '!': case '?': case '|': case '<':
    case '>': case '=':
      return true;
    default:
      return false;
  }
}

// Letters NFD does not decompose into a base letter.
const char* SpecialFold(int32_t cp) {
  switch (cp) {
    case 0x00DF: return "ss";  // ß
    case 0x0131: return "i";   // dotless i
    case 0x0141: case 0x0142: return "l";
    case 0x00D8: case 0x00F8: return "o";
    case 0x0110: case 0x0111: return "d";
    case 0x00C6: case 0x00E6: return "ae";
    case 0x0152: case 0x0153: return "oe";
    case 0x00DE: case 0x00FE: return "th";
    case 0x00D0: case 0x00F0: return "d";
    default: return nullptr;
  }
}

// Appends the folded form of a non-ASCII letter or digit.
void FoldNonAscii(int32_t cp, std::string* out) {
  if (const char* s = SpecialFold(cp)) {
    out->append(s);
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString dec;
  if (nfd != nullptr && nfd->getDecomposition(cp, dec)) {
    for (int32_t i = 0; i < dec.length();) {
      UChar32 c = dec.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK || u_getCombiningClass(c) != 0) continue;
      if (const char* s = SpecialFold(c)) {
        out->append(s);
      } else {
        AppendUtf8(u_foldCase(c, U_FOLD_CASE_DEFAULT), out);
      }
    }
    return;
  }
  AppendUtf8(u_foldCase(cp, U_FOLD_CASE_DEFAULT), out);
}

bool IsHyphenArticle(std::string_view k) {
  static constexpr std::string_view kArticles[] = {
      "al", "el", "ar", "as", "ash", "at", "az", "ad", "adh", "an", "ed", "er", "es",
      "esh", "et", "ez", "ul", "ud", "un", "ur", "us", "uz", "ash", "ath", "ats"};
  for (auto a : kArticles) if (k == a) return true;
  return false;
}
bool IsStandaloneArticle(std::string_view k) {
  return k == "al" || k == "el" || k == "ar" || k == "az" || k == "ash" || k == "ez" ||
         k == "adh";
}

// Applies the transliteration rules to the key that starts at keys[off], one rule after
// another as written: the slow obvious twin of NormalizeKey (SplitSlow uses it, so the
// test comparing Split with SplitSlow checks NormalizeKey too).
void NormalizeKeySlow(std::string* keys, size_t off, int32_t terminator) {
  std::string_view k(keys->data() + off, keys->size() - off);
  if ((IsWordHyphen(terminator) && IsHyphenArticle(k)) ||
      ((terminator == ' ' || terminator == '\n' || terminator == '\t') &&
       IsStandaloneArticle(k))) {
    keys->resize(off);
    keys->append("al");
    return;
  }
  if (k.size() <= 3) return;
  size_t w = off;
  for (size_t r = off; r < keys->size(); ++r) {
    char c = (*keys)[r];
    if (w > off && c == (*keys)[w - 1] && c >= 'a' && c <= 'z') continue;
    (*keys)[w++] = c;
  }
  keys->resize(w);
  size_t len = w - off;
  if (len >= 4 && (*keys)[w - 1] == 'h' && ((*keys)[w - 2] == 'a' || (*keys)[w - 2] == 'e')) {
    keys->resize(w - 1);
  }
}

// NormalizeKey's collapse of doubled ASCII letters in d[off, end) (a key of four or more
// bytes), then its final "ah"/"eh" rule; returns the new end.
size_t CollapseDoubled(char* d, size_t off, size_t end) {
  // Up to the first doubled letter nothing moves, so that stretch is only read.
  size_t r = off + 1;
  while (r < end && !(d[r] == d[r - 1] && d[r] >= 'a' && d[r] <= 'z')) ++r;
  size_t w = r;
  for (; r < end; ++r) {
    const char c = d[r];
    if (c == d[w - 1] && c >= 'a' && c <= 'z') continue;
    d[w++] = c;
  }
  if (w - off >= 4 && d[w - 1] == 'h' && (d[w - 2] == 'a' || d[w - 2] == 'e')) --w;
  return w;
}

// Applies the transliteration rules to the key d[off, end) and returns its new end (the
// key only shrinks, or becomes "al"). `doubled` is false only when the caller saw every
// byte of the key and no doubled ASCII letter among them: then nothing can collapse.
inline size_t NormalizeKey(char* d, size_t off, size_t end, int32_t terminator, bool doubled) {
  const size_t size = end - off;
  // Every article (IsHyphenArticle, IsStandaloneArticle) has at most three letters, and
  // doubled letters collapse only in longer keys (short keys are mostly acronyms and words,
  // "AA", "all", that must not meet other keys): a key is one case or the other.
  if (size > 3) {
    if (doubled) return CollapseDoubled(d, off, end);
    return d[end - 1] == 'h' && (d[end - 2] == 'a' || d[end - 2] == 'e') ? end - 1 : end;
  }
  // The standalone articles spelled out (IsStandaloneArticle: al el ar az ez ash adh).
  const char* k = d + off;
  const bool standalone =
      (size == 2 && ((k[0] == 'a' && (k[1] == 'l' || k[1] == 'r' || k[1] == 'z')) ||
                     (k[0] == 'e' && (k[1] == 'l' || k[1] == 'z')))) ||
      (size == 3 && k[0] == 'a' && ((k[1] == 's' && k[2] == 'h') || (k[1] == 'd' && k[2] == 'h')));
  if ((terminator == ' ' || terminator == '\n' || terminator == '\t') ? standalone
      : IsWordHyphen(terminator) ? IsHyphenArticle(std::string_view(k, size))
                                 : false) {
    d[off] = 'a';
    d[off + 1] = 'l';
    return off + 2;
  }
  return end;
}

// Classes of ASCII bytes for the fast path (0: not a letter or digit), and lower case.
enum : uint8_t { kLower = 1, kUpper = 2, kDigit = 4 };
constexpr auto kAsciiClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}();
constexpr auto kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

// The slow obvious splitter (SplitSlow, fold_slow.h): one code point at a time, the
// transliteration rules applied one after another (NormalizeKeySlow).
void SplitPiecesSlow(PieceBuffer* buf, std::string_view text, uint32_t base) {
  std::vector<Piece>& pieces = buf->pieces;
  std::string& keys = buf->keys;
  bool pending_break = true;
  bool in_piece = false;
  Piece cur;
  bool saw_letter = false, all_upper = true;

  auto finish = [&](size_t end, int32_t terminator) {
    if (!in_piece) return;
    cur.span.end = base + static_cast<uint32_t>(end);
    NormalizeKeySlow(&keys, cur.key_off, terminator);
    cur.key_len = static_cast<uint32_t>(keys.size() - cur.key_off);
    if (saw_letter && all_upper) cur.flags |= kAllUpper;
    if (cur.key_len > 0) pieces.push_back(cur);
    else keys.resize(cur.key_off);
    in_piece = false;
  };
  auto start = [&](size_t pos) {
    cur = Piece();
    cur.span.start = base + static_cast<uint32_t>(pos);
    cur.key_off = static_cast<uint32_t>(keys.size());
    if (pending_break) cur.flags |= kBreakBefore;
    pending_break = false;
    saw_letter = false;
    all_upper = true;
    in_piece = true;
  };

  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    int len = 1;
    int32_t cp = Decode(text, i, &len);
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool alnum;
    bool upper = false, letter = false;
    if (c < 0x80) {
      bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z', dg = c >= '0' && c <= '9';
      alnum = lo || up || dg;
      letter = lo || up;
      upper = up;
    } else if (cp < 0) {
      alnum = false;
    } else {
      alnum = u_isalnum(cp);
      letter = alnum && u_isalpha(cp);
      upper = letter && (u_isupper(cp) || u_istitle(cp));
      if (!alnum && in_piece &&
          (u_charType(cp) == U_NON_SPACING_MARK || u_charType(cp) == U_COMBINING_SPACING_MARK)) {
        i += len;  // a stray combining mark inside a word: drop it
        continue;
      }
      if (cp == 0x00AD) { i += len; continue; }  // soft hyphen
    }
    if (alnum) {
      if (!in_piece) {
        start(i);
        if (upper) cur.flags |= kUpperInitial;
      }
      if (letter) {
        saw_letter = true;
        if (!upper) all_upper = false;
      } else {
        cur.flags |= kHasDigit;
      }
      if (c < 0x80) {
        keys.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      } else {
        FoldNonAscii(cp, &keys);
      }
      i += len;
      continue;
    }
    if (cp >= 0 && IsApostrophe(cp)) {
      int nlen = 1;
      int32_t next = i + len < n ? Decode(text, i + len, &nlen) : -1;
      bool next_alnum = next >= 0 && (next < 0x80 ? std::isalnum(next) != 0 : u_isalnum(next));
      if (in_piece && next_alnum) {
        // Possessive 's: its own piece. Otherwise the apostrophe vanishes inside the word.
        size_t after = i + len + nlen;
        int alen = 1;
        int32_t after_cp = after < n ? Decode(text, after, &alen) : -1;
        bool after_alnum =
            after_cp >= 0 && (after_cp < 0x80 ? std::isalnum(after_cp) != 0 : u_isalnum(after_cp));
        if ((next == 's' || next == 'S') && !after_alnum) {
          finish(i, cp);
          Piece s;
          s.span = {base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(after)};
          s.key_off = static_cast<uint32_t>(keys.size());
          keys.push_back('s');
          s.key_len = 1;
          s.flags = kPossessive;
          pieces.push_back(s);
          i = after;
          continue;
        }
        i += len;
        continue;
      }
      finish(i, cp);
      pending_break = true;  // a quotation mark
      i += len;
      continue;
    }
    finish(i, cp);
    if (cp < 0) {
      pending_break = true;
    } else if (c < 0x80) {
      if (IsStrongAscii(cp)) pending_break = true;
    } else if (IsWordHyphen(cp) || u_isUWhiteSpace(cp)) {
      // weak separator
    } else {
      pending_break = true;  // dashes, typographic quotes, bullets, symbols
    }
    i += len;
  }
  finish(n, ' ');
}

// AsciiRun a byte at a time (the same answer, without writing past the run; AsciiRun
// uses it for the tail).
inline size_t AsciiRunScalar(const unsigned char* __restrict t, size_t i, const size_t n,
                             char* __restrict out, char prev, unsigned* seen, bool* dbl) {
  unsigned cls_or = 0, rep = 0;
  for (; i < n; ++i) {
    const unsigned char b = t[i];
    const unsigned cls = kAsciiClass[b];
    if (cls == 0) break;
    cls_or |= cls;
    const char c = kAsciiLower[b];
    rep |= c == prev;
    prev = c;
    *out++ = c;
  }
  *seen |= cls_or;
  *dbl |= rep != 0;
  return i;
}

// The run of ASCII letters and digits at t[i, n): writes it lower-cased to `out` and returns
// its end; ors the classes of its bytes into *seen and sets *dbl when a byte repeats the
// one before it (`prev`: the key byte before the run, 0 for none; doubled digits count too:
// a false alarm only costs NormalizeKey a scan). May write up to 16 bytes past the run's
// end when 16 bytes of text remain (the caller keeps that room). Sixteen bytes at a time
// with SSE2 while they last, then a byte at a time (AsciiRunScalar alone gives the same
// answer; fold_test.cc checks it through the slow splitter).
inline size_t AsciiRun(const unsigned char* __restrict t, size_t i, const size_t n,
                       char* __restrict out, char prev, unsigned* seen, bool* dbl) {
  *seen = 0;
  *dbl = false;
#if defined(__SSE2__)
  unsigned lower = 0, upper = 0, digit = 0, rep = 0;
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    // Signed compares: bytes of 0x80 and above are negative, so never letters or digits.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i up = _mm_and_si128(letter, _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    const __m128i dig = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, dig))) & 0xFFFFu;
    const unsigned len = stop != 0 ? static_cast<unsigned>(__builtin_ctz(stop)) : 16;
    const unsigned run = (1u << len) - 1;  // the lanes of the run
    const __m128i lowered = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), lowered);
    const __m128i before = _mm_or_si128(_mm_slli_si128(lowered, 1),
                                        _mm_cvtsi32_si128(static_cast<unsigned char>(prev)));
    rep |= static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(lowered, before))) & run;
    const unsigned up_bits = static_cast<unsigned>(_mm_movemask_epi8(up)) & run;
    upper |= up_bits;
    lower |= static_cast<unsigned>(_mm_movemask_epi8(letter)) & run & ~up_bits;
    digit |= static_cast<unsigned>(_mm_movemask_epi8(dig)) & run;
    i += len;
    out += len;
    if (len < 16) {
      *seen = (lower ? kLower : 0) | (upper ? kUpper : 0) | (digit ? kDigit : 0);
      *dbl = rep != 0;
      return i;
    }
    prev = out[-1];
  }
  *seen = (lower ? kLower : 0) | (upper ? kUpper : 0) | (digit ? kDigit : 0);
  *dbl = rep != 0;
#endif
  return AsciiRunScalar(t, i, n, out, prev, seen, dbl);
}

// PieceBuffer::Split: the same pieces and keys as SplitPiecesSlow, with runs of ASCII
// letters and digits classified, lower-cased and checked for doubled letters in one loop,
// and the keys written straight into buf->keys, which is kept longer than needed (room for
// the rest of the text plus some) and cut to size at the end.
void SplitPiecesFast(PieceBuffer* buf, std::string_view text, uint32_t base) {
  std::vector<Piece>& pieces = buf->pieces;
  std::string& keys = buf->keys;
  const size_t n = text.size();
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  size_t w = keys.size();  // end of the keys written
  // Invariant: keys.size() >= w + (n - i) + kSlack. An ASCII byte writes at most one key
  // byte (AsciiRun's 16-byte stores stay within the n - i bytes of room); a folded
  // non-ASCII letter may write more than it read, so room is checked there.
  constexpr size_t kSlack = 8;
  keys.resize(w + n + kSlack);
  char* d = keys.data();
  // Room for the most pieces any text can have (a piece takes at least one byte and a
  // separator or a possessive apostrophe: (n + 1) / 2), so that appending never grows.
  if (pieces.capacity() < pieces.size() + n / 2 + 2) pieces.reserve(2 * pieces.capacity() + n / 2 + 2);
  auto room = [&](size_t need, size_t i) {
    if (keys.size() < w + need + (n - i) + kSlack) {
      keys.resize(2 * keys.size() + need + n);
      d = keys.data();
    }
  };

  bool pending_break = true;
  bool in_piece = false;
  bool doubled = false;  // the current key may hold a doubled ASCII letter
  bool saw_letter = false, all_upper = true;
  Piece cur;

  auto finish = [&](size_t end, int32_t terminator) {
    if (!in_piece) return;
    in_piece = false;
    cur.span.end = base + static_cast<uint32_t>(end);
    w = NormalizeKey(d, cur.key_off, w, terminator, doubled);
    cur.key_len = static_cast<uint32_t>(w - cur.key_off);
    if (saw_letter && all_upper) cur.flags |= kAllUpper;
    if (cur.key_len > 0) pieces.push_back(cur);
  };
  auto start = [&](size_t pos, bool upper) {
    cur.span.start = base + static_cast<uint32_t>(pos);
    cur.key_off = static_cast<uint32_t>(w);
    cur.flags = static_cast<uint8_t>((pending_break ? kBreakBefore : 0) | (upper ? kUpperInitial : 0));
    pending_break = false;
    saw_letter = false;
    all_upper = true;
    doubled = false;
    in_piece = true;
  };
  auto alnum_at = [&](size_t at, int32_t* cp, int* len) {
    *cp = at < n ? Decode(text, at, len) : -1;
    return *cp >= 0 && (*cp < 0x80 ? kAsciiClass[*cp] != 0 : u_isalnum(*cp) != 0);
  };

  size_t i = 0;
  while (i < n) {
    const unsigned char a = t[i];
    if (a == ' ') {
      finish(i, ' ');
      ++i;
      continue;
    }
    if (kAsciiClass[a] != 0) {
      if (!in_piece) start(i, kAsciiClass[a] == kUpper);
      unsigned seen = 0;
      bool dbl = false;
      const size_t j = AsciiRun(t, i, n, d + w, w > cur.key_off ? d[w - 1] : 0, &seen, &dbl);
      w += j - i;
      if (seen & (kLower | kUpper)) saw_letter = true;
      if (seen & kLower) all_upper = false;
      if (seen & kDigit) cur.flags |= kHasDigit;
      doubled |= dbl;
      i = j;
      continue;
    }
    if (a < 0x80 && a != '\'' && a != '`') {
      // ASCII punctuation, controls and other spaces: ends a piece; strong ones break.
      finish(i, a);
      if (IsStrongAscii(a)) pending_break = true;
      ++i;
      continue;
    }
    int len = 1;
    const int32_t cp = Decode(text, i, &len);
    if (a >= 0x80 && cp >= 0) {  // (an overlong form may decode below 0x80)
      const bool alnum = u_isalnum(cp);
      if (alnum) {
        const bool letter = u_isalpha(cp);
        const bool upper = letter && (u_isupper(cp) || u_istitle(cp));
        if (!in_piece) start(i, upper);
        if (letter) {
          saw_letter = true;
          if (!upper) all_upper = false;
        } else {
          cur.flags |= kHasDigit;
        }
        std::string folded;
        FoldNonAscii(cp, &folded);
        i += len;
        room(folded.size(), i);
        std::memcpy(d + w, folded.data(), folded.size());
        w += folded.size();
        doubled = true;  // not checked byte by byte: NormalizeKey scans the key
        continue;
      }
      if (in_piece && (u_charType(cp) == U_NON_SPACING_MARK || u_charType(cp) == U_COMBINING_SPACING_MARK)) {
        i += len;  // a stray combining mark inside a word: drop it
        continue;
      }
      if (cp == 0x00AD) {  // soft hyphen
        i += len;
        continue;
      }
    }
    if (cp >= 0 && IsApostrophe(cp)) {
      int nlen = 1;
      int32_t next;
      if (in_piece && alnum_at(i + len, &next, &nlen)) {
        // Possessive 's: its own piece. Otherwise the apostrophe vanishes inside the word.
        const size_t after = i + len + nlen;
        int alen = 1;
        int32_t after_cp;
        if ((next == 's' || next == 'S') && !alnum_at(after, &after_cp, &alen)) {
          finish(i, cp);
          Piece s;
          s.span = {base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(after)};
          s.key_off = static_cast<uint32_t>(w);
          d[w++] = 's';
          s.key_len = 1;
          s.flags = kPossessive;
          pieces.push_back(s);
          i = after;
          continue;
        }
        i += len;
        continue;
      }
      finish(i, cp);
      pending_break = true;  // a quotation mark
      i += len;
      continue;
    }
    finish(i, cp);
    if (cp < 0) {
      pending_break = true;
    } else if (IsWordHyphen(cp) || u_isUWhiteSpace(cp)) {
      // weak separator
    } else {
      pending_break = true;  // dashes, typographic quotes, bullets, symbols
    }
    i += len;
  }
  finish(n, ' ');
  keys.resize(w);
}

}  // namespace

void PieceBuffer::Split(std::string_view text, uint32_t base) { SplitPiecesFast(this, text, base); }
void SplitSlow(PieceBuffer* buf, std::string_view text, uint32_t base) { SplitPiecesSlow(buf, text, base); }

std::string FoldPhrase(std::string_view name) {
  PieceBuffer buf;
  buf.Split(name, 0);
  std::string out;
  for (size_t i = 0; i < buf.size(); ++i) {
    if (i) out.push_back(' ');
    out.append(buf.key(i));
  }
  return out;
}

bool IsAsciiKey(std::string_view folded) {
  for (unsigned char c : folded) if (c >= 0x80) return false;
  return true;
}

}  // namespace sitrep::lexicon
