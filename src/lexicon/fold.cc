// Folding text into match keys; see fold.h for the rules and why.
#include "lexicon/fold.h"

#include "lexicon/fold_slow.h"

#include <array>

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

// Applies the transliteration rules to the key that starts at keys[off].
void NormalizeKey(std::string* keys, size_t off, int32_t terminator) {
  const size_t size = keys->size() - off;
  // Every article (IsHyphenArticle, IsStandaloneArticle) has at most three letters, and
  // doubled letters collapse only in longer keys: a key is one case or the other.
  if (size <= 3) {
    std::string_view k(keys->data() + off, size);
    if ((IsWordHyphen(terminator) && IsHyphenArticle(k)) ||
        ((terminator == ' ' || terminator == '\n' || terminator == '\t') &&
         IsStandaloneArticle(k))) {
      keys->resize(off);
      keys->append("al");
    }
    return;
  }
  // Collapse doubled ASCII letters, in keys longer than three letters only: short keys are
  // mostly acronyms and words ("AA", "all") that must not meet other keys. Up to the first
  // doubled letter nothing moves, so that stretch is only read.
  char* d = keys->data();
  const size_t end = keys->size();
  size_t r = off + 1;
  while (r < end && !(d[r] == d[r - 1] && d[r] >= 'a' && d[r] <= 'z')) ++r;
  size_t w = r;
  for (; r < end; ++r) {
    const char c = d[r];
    if (c == d[w - 1] && c >= 'a' && c <= 'z') continue;
    d[w++] = c;
  }
  if (w - off >= 4 && d[w - 1] == 'h' && (d[w - 2] == 'a' || d[w - 2] == 'e')) --w;
  keys->resize(w);
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

// PieceBuffer::Split, with or without its ASCII fast path (SplitSlow, fold_slow.h).
template <bool kAsciiFastPath>
void SplitPieces(PieceBuffer* buf, std::string_view text, uint32_t base) {
  std::vector<Piece>& pieces = buf->pieces;
  std::string& keys = buf->keys;
  bool pending_break = true;
  bool in_piece = false;
  Piece cur;
  bool saw_letter = false, all_upper = true;

  auto finish = [&](size_t end, int32_t terminator) {
    if (!in_piece) return;
    cur.span.end = base + static_cast<uint32_t>(end);
    if constexpr (kAsciiFastPath) {
      NormalizeKey(&keys, cur.key_off, terminator);
    } else {
      NormalizeKeySlow(&keys, cur.key_off, terminator);
    }
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
    // ASCII fast path: a run of ASCII letters and digits, and a plain space, handled as the
    // general code below would handle them one code point at a time.
    if constexpr (kAsciiFastPath) {
      const unsigned char a = static_cast<unsigned char>(text[i]);
      if (a == ' ') {
        finish(i, ' ');
        ++i;
        continue;
      }
      const bool lo = a >= 'a' && a <= 'z', up = a >= 'A' && a <= 'Z', dg = a >= '0' && a <= '9';
      if (lo || up || dg) {
        if (!in_piece) {
          start(i);
          if (up) cur.flags |= kUpperInitial;
        }
        // One table lookup per byte: its class bits, or-ed over the run; then the run
        // appended lower-cased through a second table.
        size_t j = i;
        unsigned seen = 0;
        for (; j < n; ++j) {
          const unsigned cls = kAsciiClass[static_cast<unsigned char>(text[j])];
          if (cls == 0) break;
          seen |= cls;
        }
        if (seen & (kLower | kUpper)) saw_letter = true;
        if (seen & kLower) all_upper = false;
        if (seen & kDigit) cur.flags |= kHasDigit;
        const size_t at = keys.size();
        keys.append(text.data() + i, j - i);  // copied, then lowered in place (resize would
        char* out = keys.data() + at;          // first fill the bytes with zeros)
        if (seen & kUpper) {
          for (size_t k = 0; k < j - i; ++k) out[k] = kAsciiLower[static_cast<unsigned char>(out[k])];
        }
        i = j;
        continue;
      }
    }
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

}  // namespace

void PieceBuffer::Split(std::string_view text, uint32_t base) { SplitPieces<true>(this, text, base); }
void SplitSlow(PieceBuffer* buf, std::string_view text, uint32_t base) {
  SplitPieces<false>(buf, text, base);
}

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
