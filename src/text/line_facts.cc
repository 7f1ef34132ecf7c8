#include "text/line_facts.h"

#include <algorithm>
#include <vector>

#include "text/chars.h"
#include "text/fold.h"
#include "text/tokenize.h"

namespace sitrep::text {
namespace {

std::string_view TokenText(std::string_view text, const Token& t) { return t.span.in(text); }

char32_t FirstChar(std::string_view s) {
  uint32_t i = 0;
  return s.empty() ? 0 : DecodeAt(s, &i);
}

bool IsBulletGlyph(char32_t c) {
  switch (c) {
    case U'\u2022': case U'\u25E6': case U'\u2023': case U'\u25AA': case U'\u25AB':
    case U'\u25CF': case U'\u25CB': case U'\u25A0': case U'\u25A1': case U'\u25BA':
    case U'\u25B6': case U'\u25B8': case U'\u27A2': case U'\u27A4': case U'\u2713':
    case U'\u2714': case U'\u00B7': case U'\u2043': case U'*': case U'-': case U'+':
    case U'\u2013': case U'\u2014':
      return true;
    default:
      return false;
  }
}

// Offset after the white space that starts at `i` (within `end`), or 0 when there is
// none: a marker must be followed by white space.
uint32_t AfterSpace(std::string_view text, uint32_t i, uint32_t end) {
  uint32_t p = i;
  while (p < end) {
    uint32_t q = p;
    if (ClassOf(DecodeAt(text, &q)) != CharClass::kSpace) break;
    p = q;
  }
  return p > i && p < end ? p : 0;
}

bool IsDigitAt(std::string_view text, uint32_t i, uint32_t end) {
  if (i >= end) return false;
  uint32_t q = i;
  return ClassOf(DecodeAt(text, &q)) == CharClass::kDigit;
}

// Words and shape of a short stretch that may be a photo credit.
struct CreditShape {
  uint32_t words = 0;
  uint32_t credits = 0;
  bool slash = false;
  bool allcaps = false;  // a word of two or more capitals ("REUTERS", "AFP")
  bool ok = true;        // no ordinary lower-case word, at most 10 words
};

CreditShape ShapeOfCredit(const Resources& res, std::string_view t) {
  CreditShape c;
  if (t.size() > 100) {
    c.ok = false;
    return c;
  }
  std::vector<Token> toks;
  Tokenize(t, Span{0, static_cast<uint32_t>(t.size())}, &toks);
  std::string w;
  for (const Token& tok : toks) {
    const std::string_view s = TokenText(t, tok);
    if (tok.kind == TokenKind::kPunct && s == "/") c.slash = true;
    if (tok.kind != TokenKind::kWord) continue;
    ++c.words;
    w.clear();
    AppendFoldForMatch(s, &w);
    const bool credit = res.IsCreditWord(w);
    if (credit) ++c.credits;
    const char32_t first = FirstChar(s);
    if (IsLower(first) && !credit && !res.IsMinorWord(w)) c.ok = false;
    if (s.size() >= 2) {
      bool all_upper = true;
      uint32_t i = 0;
      while (i < s.size()) {
        const char32_t ch = DecodeAt(s, &i);
        if (!IsUpper(ch)) all_upper = false;
      }
      if (all_upper) c.allcaps = true;
    }
  }
  if (c.words == 0 || c.words > 10) c.ok = false;
  return c;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EndsSentence(std::string_view s) {
  s = TrimAscii(s);
  uint32_t i = static_cast<uint32_t>(s.size());
  while (i > 0) {
    const char32_t c = DecodeBefore(s, &i);
    if (IsClosing(c)) continue;
    return IsTerminal(c) || c == U'\u2026';
  }
  return false;
}

}  // namespace

uint32_t ListMarkerEnd(std::string_view text, Span line) {
  if (line.empty()) return line.start;
  uint32_t i = line.start;
  const char32_t c = DecodeAt(text, &i);
  if (IsBulletGlyph(c)) {
    const uint32_t p = AfterSpace(text, i, line.end);
    return p ? p : line.start;
  }
  // "1. ", "12) "
  if (ClassOf(c) == CharClass::kDigit) {
    uint32_t p = i;
    int digits = 1;
    while (IsDigitAt(text, p, line.end) && digits < 4) {
      DecodeAt(text, &p);
      ++digits;
    }
    if (digits <= 3 && p < line.end && (text[p] == '.' || text[p] == ')')) {
      const uint32_t q = AfterSpace(text, p + 1, line.end);
      if (q) return q;
    }
    return line.start;
  }
  // "(1) ", "(a) ", "a) "
  uint32_t p = i;
  if (c == '(' && p < line.end) {
    const char32_t d = DecodeAt(text, &p);
    if (ClassOf(d) != CharClass::kDigit && !(d >= 'a' && d <= 'z')) return line.start;
    while (IsDigitAt(text, p, line.end)) DecodeAt(text, &p);
  } else if (!(c >= 'a' && c <= 'z')) {
    return line.start;
  }
  if (p < line.end && text[p] == ')') {
    const uint32_t q = AfterSpace(text, p + 1, line.end);
    if (q) return q;
  }
  return line.start;
}

void ComputeLineFacts(const Resources& res, std::string_view text, Span line, TokenRange tokens,
                      LineFacts* f) {
  const std::string_view s = line.in(text);
  f->bytes = static_cast<uint32_t>(s.size());
  f->chars = 0;
  for (unsigned char b : s) f->chars += (b & 0xC0) != 0x80;
  f->tokens = static_cast<uint32_t>(tokens.second - tokens.first);
  const uint32_t marker = ListMarkerEnd(text, line);
  f->marker_end = marker == line.start ? 0 : marker;
  // Last character before closing quotes and brackets.
  f->last = 0;
  uint32_t i = static_cast<uint32_t>(s.size());
  while (i > 0) {
    const char32_t c = DecodeBefore(s, &i);
    if (IsClosing(c) && i > 0) continue;
    f->last = c;
    break;
  }
  const char32_t last = f->last;
  const bool question = last == U'?' || last == U'\uFF1F' || last == U'\u061F';
  const bool stop = (IsTerminal(last) && !question) || last == U'\u2026';
  for (const Token* t = tokens.first; t != tokens.second; ++t) {
    if (t->kind == TokenKind::kWord && f->words++ == 0 && t == tokens.first)
      f->starts_lower = IsLower(FirstChar(TokenText(text, *t)));
  }
  // Capitalisation by content word matters only for lines that may be titles, labels or
  // credits; a long line ending in a full stop is none of these.
  const bool small = f->bytes < 300;
  const bool detailed = small && !(stop && f->words >= 10);
  if (small) f->folded = FoldForMatch(s);
  std::string w;
  bool piece_ok = true;
  uint32_t pieces = 1, piece_words = 0;
  for (const Token* t = tokens.first; t != tokens.second; ++t) {
    const std::string_view ts = TokenText(text, *t);
    if (t->kind == TokenKind::kNumber) f->any_alnum = true;
    if (t->kind != TokenKind::kWord) {
      if (ts == "," || ts == ";" || ts == "|" || ts == "\u00B7" || ts == "\u2022") {
        if (piece_words == 0) piece_ok = false;
        ++pieces;
        piece_words = 0;
      }
      continue;
    }
    f->any_alnum = true;
    ++piece_words;
    if (piece_words > 3) piece_ok = false;
    const char32_t first = FirstChar(ts);
    const bool upper = IsUpper(first), lower = !upper && IsLower(first);
    if (upper || lower) ++f->cased;
    if (upper) ++f->capitalised;
    if (detailed && (upper || lower)) {
      w.clear();
      AppendFoldForMatch(ts, &w);
      if (piece_words == 1 && (w == "and" || w == "or")) piece_ok = false;
      if (!res.IsMinorWord(w)) {
        ++f->content;
        if (upper) ++f->content_caps;
        else ++f->lower_content;
      }
    }
    // Seams of run-together words: two or more lower-case letters, then a capital.
    if (f->bytes <= 160) {
      int lower_run = 0;
      uint32_t k = 0;
      while (k < ts.size()) {
        const char32_t c = DecodeAt(ts, &k);
        if (IsUpper(c) && lower_run >= 2 && f->joins < 255) ++f->joins;
        lower_run = IsLower(c) ? lower_run + 1 : 0;
      }
    }
  }
  if (!detailed) f->lower_content = f->cased - f->capitalised;  // upper bound
  if (piece_words == 0) piece_ok = false;
  f->title_case = f->content >= 2 && f->content_caps * 4 >= f->content * 3;
  const bool bad_end = stop || last == ':' || last == ';' || last == ',';
  f->title_like = f->words >= 3 && f->words <= 30 && f->chars <= 250 && f->marker_end == 0 &&
                  !bad_end && (f->cased == 0 || f->capitalised >= 1);
  f->sentence_like =
      f->words >= 25 || (f->words >= 2 && (stop || (question && !f->title_case)));
  f->prose = f->words >= 6 && (f->sentence_like || last == ':' || last == ';');
  f->tag_pieces = 0;
  if (detailed && piece_ok && pieces >= 3 && !stop && f->bytes <= 250)
    f->tag_pieces = static_cast<uint8_t>(std::min<uint32_t>(pieces, 255));
}

uint32_t EstimateWrapWidth(const std::vector<uint32_t>& chars, const std::vector<bool>& continued) {
  std::vector<uint32_t> cont;
  uint32_t long_lines = 0;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] < 30) continue;
    ++long_lines;
    if (continued[i]) cont.push_back(chars[i]);
  }
  if (cont.size() < 3) return 0;
  std::sort(cont.begin(), cont.end());
  const uint32_t w = cont[std::min(cont.size() - 1, cont.size() * 9 / 10)];
  if (w > 110) return 0;
  size_t near = 0;
  for (uint32_t c : cont) near += c * 10 >= w * 8;
  if (near * 10 < cont.size() * 6) return 0;
  uint32_t over = 0;
  for (uint32_t c : chars) over += c >= 30 && c > w + 10;
  if (over * 10 > long_lines) return 0;
  return w;
}

Stamp ClassifyStamp(const Resources& res, std::string_view s, const LineFacts& f) {
  if (f.bytes > 120 || f.words > 14 || f.words + f.tokens == 0) return Stamp::kNone;
  bool month = false, weekday = false, relative = false, time = false, numeric_date = false;
  bool zone = false, dot_time = false;  // "14.05" is a time next to "GMT" or "pm"
  int numbers = 0, unknown = 0, pieces = 0, date_pieces = 0;
  bool unknown_capitalised = true, first_unknown = false, unknown_after_date = false;
  bool separator_after_unknown = false, last_was_unknown = false;
  int chain = 0;            // digit runs joined by one '/', '-' or '.'
  char32_t gap_char = 0;    // the one character since the last digit run, if just one
  int gap_len = 0;
  bool last_was_digits = false;
  std::string w;
  const uint32_t n = static_cast<uint32_t>(s.size());
  uint32_t i = 0;
  while (i < n) {
    uint32_t j = i;
    const char32_t c = DecodeAt(s, &j);
    const CharClass k = ClassOf(c);
    if (k == CharClass::kLetter) {
      // A run of letters, with inner dots ("a.m").
      uint32_t p = j;
      while (p < n) {
        uint32_t q = p;
        const char32_t d = DecodeAt(s, &q);
        const CharClass dk = ClassOf(d);
        if (dk == CharClass::kLetter || dk == CharClass::kMark) {
          p = q;
        } else if (d == '.' && q < n && ClassOf(FirstChar(s.substr(q))) == CharClass::kLetter) {
          p = q;
        } else {
          break;
        }
      }
      w.clear();
      AppendFoldForMatch(s.substr(i, p - i), &w);
      TimeWord tw = res.Timestamp(w);
      if (tw == TimeWord::kNone && w.find('.') != std::string::npos) {
        std::string bare;
        for (char ch : w)
          if (ch != '.') bare += ch;
        tw = res.Timestamp(bare);
      }
      ++pieces;
      last_was_unknown = false;
      switch (tw) {
        case TimeWord::kMonth: month = true; ++date_pieces; break;
        case TimeWord::kWeekday: weekday = true; ++date_pieces; break;
        case TimeWord::kRelative: relative = true; break;
        case TimeWord::kZone: zone = true; break;
        case TimeWord::kOther:
          if (w == "am" || w == "pm" || w == "a.m" || w == "p.m") zone = true;
          break;
        case TimeWord::kNone:
          ++unknown;
          if (!IsUpper(c)) unknown_capitalised = false;
          if (pieces == 1) first_unknown = true;
          if (date_pieces > 0) unknown_after_date = true;
          last_was_unknown = true;
          break;
      }
      last_was_digits = false;
      gap_len = 0;
      i = p;
      continue;
    }
    if (k == CharClass::kDigit) {
      uint32_t p = j;
      while (p < n) {
        uint32_t q = p;
        if (ClassOf(DecodeAt(s, &q)) != CharClass::kDigit) break;
        p = q;
      }
      ++numbers;
      ++pieces;
      last_was_unknown = false;
      // A clock time: digits ':' two digits.
      if (p < n && s[p] == ':') {
        uint32_t q = p + 1;
        int d = 0;
        while (q < n && s[q] >= '0' && s[q] <= '9') {
          ++q;
          ++d;
        }
        if (d == 2) {
          time = true;
          ++date_pieces;
          last_was_digits = false;
          gap_len = 0;
          i = q;
          continue;
        }
      }
      if (p < n && s[p] == '.' && p - i <= 2) {
        uint32_t q = p + 1;
        int d = 0;
        while (q < n && s[q] >= '0' && s[q] <= '9') {
          ++q;
          ++d;
        }
        if (d == 2 && !(q < n && (s[q] == '.' || s[q] == '/' || s[q] == '-'))) {
          dot_time = true;
          last_was_digits = false;
          gap_len = 0;
          i = q;
          continue;
        }
      }
      if (last_was_digits && gap_len == 1 && (gap_char == '/' || gap_char == '-' || gap_char == '.')) {
        if (++chain >= 3) {
          numeric_date = true;
          ++date_pieces;
        }
      } else {
        chain = 1;
      }
      last_was_digits = true;
      gap_len = 0;
      i = p;
      continue;
    }
    // Anything else separates pieces.
    if (last_was_unknown && (c == ',' || IsDash(c) || c == '|' || c == ':')) separator_after_unknown = true;
    if (k != CharClass::kSpace) last_was_unknown = false;
    ++gap_len;
    gap_char = c;
    i = j;
  }
  time = time || (dot_time && zone);
  const bool dated = month || weekday || time || numeric_date || (relative && numbers > 0);
  if (!dated) return Stamp::kNone;
  if (unknown == 0) return Stamp::kTimestamp;
  if (unknown <= 3 && unknown_capitalised && first_unknown && !unknown_after_date &&
      separator_after_unknown)
    return Stamp::kDateline;
  return Stamp::kNone;
}

bool IsCreditLine(const Resources& res, std::string_view s, const LineFacts& f) {
  if (f.words == 0 || f.bytes > 120) return false;
  if (s.size() >= 2 && ((s.front() == '[' && s.back() == ']') || (s.front() == '(' && s.back() == ')'))) {
    const CreditShape in = ShapeOfCredit(res, s.substr(1, s.size() - 2));
    return in.ok && (in.slash || in.credits >= 1);
  }
  const CreditShape c = ShapeOfCredit(res, s);
  if (!c.ok) return false;
  if (c.slash && (c.credits >= 1 || c.allcaps) && c.words <= 8) return true;
  return c.credits == c.words && c.words <= 5;
}

bool HasTrailingCredit(const Resources& res, std::string_view s, const LineFacts& f) {
  // A credit never ends in sentence punctuation or a comma.
  if (f.words < 5 || IsTerminal(f.last) || f.last == ',' || f.last == U'\u2026') return false;
  const char close = s.empty() ? 0 : s.back();
  if (close == ']' || close == ')') {
    const char open = close == ']' ? '[' : '(';
    int depth = 0;
    for (size_t i = s.size(); i-- > 0;) {
      if (s[i] == close) ++depth;
      if (s[i] == open && --depth == 0) {
        const std::string_view before = TrimAscii(s.substr(0, i));
        if (before.size() < 15) return false;
        const CreditShape in = ShapeOfCredit(res, s.substr(i + 1, s.size() - i - 2));
        if (!in.ok) return false;
        if (EndsSentence(before)) return in.slash || in.credits >= 2;
        return in.slash || in.credits >= 1;
      }
    }
    return false;
  }
  // A credit after the last sentence: "... last May. REUTERS/Jane Doe/Files".
  size_t cut = std::string_view::npos;
  for (size_t i = s.size(); i-- > 1;) {
    if (s[i] == ' ' && (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?')) {
      cut = i + 1;
      break;
    }
  }
  if (cut == std::string_view::npos || s.size() - cut > 80) return false;
  const CreditShape c = ShapeOfCredit(res, s.substr(cut));
  if (!c.ok) return false;
  return (c.slash && (c.credits >= 1 || c.allcaps)) || (c.credits >= 2 && c.credits == c.words);
}

bool LooksLikeByline(std::string_view text, TokenRange tokens, const LineFacts& f) {
  if (f.bytes > 200 || f.lower_content > 3) return false;
  // The name starts after the first "by" or ':' among the first four tokens, else after
  // the first word ("Author Jane Doe").
  const Token* t = tokens.first;
  const Token* start = nullptr;
  for (const Token* p = t; p != tokens.second && p - t < 4; ++p) {
    const std::string_view s = TokenText(text, *p);
    if (s == ":" || (p->kind == TokenKind::kWord && FoldForMatch(s) == "by")) {
      start = p + 1;
      break;
    }
  }
  if (start == nullptr) start = t + 1;
  while (start < tokens.second && start->kind != TokenKind::kWord) ++start;
  if (start >= tokens.second) return false;
  const char32_t c = FirstChar(TokenText(text, *start));
  return IsUpper(c) || !IsLower(c);
}

}  // namespace sitrep::text
