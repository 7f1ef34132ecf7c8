#include "extract/words.h"

#include <algorithm>
#include <cstring>

#include "text/fold.h"
#include "text/tokenize.h"

namespace sitrep::extract {

namespace {

// text::FoldForMatch of each ASCII byte alone: ASCII folds byte by byte, so a token of
// ASCII bytes folds through this table to exactly what FoldForMatch gives (words_test
// checks every byte), without the call and the general loop.
// (Indexed by all 256 byte values: `bad` is 1 for a byte that does not fold alone, every
// byte from 0x80 up among them, so one pass both copies and checks.)
struct AsciiFold {
  char to[256];
  uint8_t bad[256];
  // Whether every byte from 0x20 to 0x7E folds to itself, or A-Z to a-z: then FoldWord's
  // eight-bytes-at-a-time path (which lower-cases exactly those) gives the table's answer.
  bool plain_printable = true;
  AsciiFold() {
    for (int c = 0; c < 256; ++c) {
      to[c] = static_cast<char>(c);
      bad[c] = 1;
    }
    for (int c = 0; c < 128; ++c) {
      const std::string f = text::FoldForMatch(std::string(1, static_cast<char>(c)));
      to[c] = f.size() == 1 ? f[0] : static_cast<char>(c);
      bad[c] = f.size() == 1 ? 0 : 1;
    }
    for (int c = 0x20; c < 0x7F; ++c) {
      const int want = c >= 'A' && c <= 'Z' ? c + 32 : c;
      plain_printable &= bad[c] == 0 && static_cast<unsigned char>(to[c]) == want;
    }
  }
};

constexpr uint64_t kHigh = 0x8080808080808080ull;
constexpr uint64_t Bytes(uint8_t b) { return 0x0101010101010101ull * b; }

// For eight ASCII bytes (high bits clear): whether each is printable (0x20..0x7E).
bool AllPrintable(uint64_t x) {
  const bool no_control = ((x + Bytes(0x60)) & kHigh) == kHigh;      // c >= 0x20 sets the high bit
  const bool no_delete = (((x ^ Bytes(0x7F)) + Bytes(0x7F)) & kHigh) == kHigh;  // c != 0x7F
  return no_control && no_delete;
}
// The same eight bytes with A-Z lower-cased.
uint64_t Lower(uint64_t x) {
  const uint64_t ge_a = x + Bytes(0x80 - 'A');  // high bit: c >= 'A'
  const uint64_t gt_z = x + Bytes(0x80 - 'Z' - 1);  // high bit: c > 'Z'
  return x | (((ge_a & ~gt_z) & kHigh) >> 2);
}

// Folds one token's text into *out and seals it. An ASCII token of 4 to 16 printable bytes
// (most words) is folded as the two overlapping words lexicon::WordTable::Key reads, which
// then are the key of the folded word: no byte loop, no second pass to hash; one of 1 to 3
// bytes through the table, keyed as it goes. Anything else goes through the byte table, or
// text::AppendFoldForMatch for other than ASCII, and is hashed after.
void FoldWord(const AsciiFold& fold, std::string_view v, FoldedWord* out) {
  const size_t n = v.size();
  if (n >= 4 && n <= 16 && fold.plain_printable) {
    uint64_t a, b;
    char buf[16];
    if (n >= 8) {
      std::memcpy(&a, v.data(), 8);
      std::memcpy(&b, v.data() + n - 8, 8);
    } else {
      uint32_t x, y;
      std::memcpy(&x, v.data(), 4);
      std::memcpy(&y, v.data() + n - 4, 4);
      // (The four high bytes, zero, are made printable for the test and cleared after.)
      a = x | 0x4040404000000000ull;
      b = y | 0x4040404000000000ull;
    }
    if (((a | b) & kHigh) == 0 && AllPrintable(a) && AllPrintable(b)) {
      a = Lower(a);
      b = Lower(b);
      if (n >= 8) {
        std::memcpy(buf, &a, 8);
        std::memcpy(buf + n - 8, &b, 8);
      } else {
        a &= 0xFFFFFFFFull;
        b &= 0xFFFFFFFFull;
        const uint32_t x = static_cast<uint32_t>(a), y = static_cast<uint32_t>(b);
        std::memcpy(buf, &x, 4);
        std::memcpy(buf + n - 4, &y, 4);
      }
      out->assign(buf, n);
      out->SealWith(lexicon::WordTable::Mix(a, b, n));
      return;
    }
  }
  if (n > 0 && n < 4) {
    // (Key reads the first, middle and last byte: fold them through the table.)
    char buf[4];
    uint8_t bad = 0;
    for (size_t i = 0; i < n; ++i) {
      const unsigned char c = static_cast<unsigned char>(v[i]);
      buf[i] = fold.to[c];
      bad |= fold.bad[c];
    }
    if (bad == 0) {
      out->assign(buf, n);
      const uint64_t a = static_cast<unsigned char>(buf[0]) |
                         static_cast<uint64_t>(static_cast<unsigned char>(buf[n / 2])) << 8 |
                         static_cast<uint64_t>(static_cast<unsigned char>(buf[n - 1])) << 16;
      out->SealWith(lexicon::WordTable::Mix(a, 0, n));
      return;
    }
  }
  out->resize(n);
  char* o = out->data();
  uint8_t bad = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    o[i] = fold.to[c];
    bad |= fold.bad[c];
  }
  if (bad != 0) {
    out->clear();
    text::AppendFoldForMatch(v, out);
  }
  out->Seal();
}

void FoldAll(const Document& doc, std::vector<Word>* out) {
  static const AsciiFold fold;
  for (Word& w : *out) FoldWord(fold, doc.view(w.span), &w.folded);
}

}  // namespace

void SpanWords(const Document& doc, Span span, std::vector<Word>* out) {
  out->clear();
  std::vector<Token> toks;
  text::Tokenize(doc.text, span, &toks);
  out->reserve(toks.size());
  for (const Token& t : toks) out->push_back(Word{t.span, t.kind, {}});
  FoldAll(doc, out);
}

void SentenceWords(const Document& doc, uint32_t sentence, std::vector<Word>* out) {
  const Span s = doc.sentences[sentence].span;
  if (doc.tokens.empty()) {
    SpanWords(doc, s, out);
    return;
  }
  out->clear();
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), s.start,
                             [](const Token& t, uint32_t start) { return t.span.start < start; });
  auto end = it;
  while (end != doc.tokens.end() && end->span.end <= s.end) ++end;
  out->reserve(static_cast<size_t>(end - it));
  for (; it != end; ++it) {
    Word& w = out->emplace_back();
    w.span = it->span;
    w.kind = it->kind;
  }
  FoldAll(doc, out);
}

void WordKeyTable::Build(const std::vector<std::string_view>& words) {
  uint32_t cap = 16;
  while (cap < words.size() * 4) cap <<= 1;  // at most a quarter full: short probes
  slots_.assign(cap, Slot{});
  uint32_t filter_bits = 512, log2 = 9;
  while (filter_bits < words.size() * 16) filter_bits <<= 1, ++log2;
  filter_.assign(filter_bits / 64, 0);
  filter_shift_ = 64 - log2;
  mask_ = cap - 1;
  chars_.clear();
  keys_.clear();
  for (std::string_view w : words) {
    KeyOf k;
    Key(w, &k.a, &k.b);
    k.len = static_cast<uint32_t>(w.size());
    k.off = static_cast<uint32_t>(chars_.size());
    chars_.append(w);
    keys_.push_back(k);
  }
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (Find(words[i]) != kNone) continue;  // a duplicate: the first one answers
    const uint64_t h = Mix(keys_[i].a, keys_[i].b, words[i].size());
    uint32_t s = static_cast<uint32_t>(h) & mask_;
    while (slots_[s].index != kNone) s = (s + 1) & mask_;
    slots_[s].tag = static_cast<uint32_t>(h >> 32);
    slots_[s].index = i;
    const uint64_t bit = h >> filter_shift_;
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

WordClasses::WordClasses(std::initializer_list<const WordSet*> sets) {
  std::vector<std::string_view> words;
  std::vector<uint64_t> masks;
  uint64_t bit = 1;
  for (const WordSet* set : sets) {
    const WordKeyTable& t = set->table();
    for (uint32_t i = 0; i < t.size(); ++i) {
      std::string_view w = t.word(i);
      auto at = std::find(words.begin(), words.end(), w);
      if (at == words.end()) {
        words.push_back(w);
        masks.push_back(bit);
      } else {
        masks[static_cast<size_t>(at - words.begin())] |= bit;
      }
    }
    bit <<= 1;
  }
  table_ = WordKeyTable(words);
  masks_ = std::move(masks);
}

void WordClasses::Classify(const std::vector<Word>& words, std::vector<uint64_t>* out) const {
  out->resize(words.size());
  uint64_t* o = out->data();
  for (const Word& w : words) {
    const uint32_t i = table_.FindInline(w.folded, w.folded.Hash());
    *o++ = i == WordKeyTable::kNone ? 0 : masks_[i];
  }
}

}  // namespace sitrep::extract
