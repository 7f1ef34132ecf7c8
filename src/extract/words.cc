#include "extract/words.h"

#include <algorithm>

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
  }
};

void FoldAll(const Document& doc, std::vector<Word>* out) {
  static const AsciiFold fold;
  for (Word& w : *out) {
    const std::string_view v = doc.view(w.span);
    w.folded.resize(v.size());
    char* o = w.folded.data();
    uint8_t bad = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(v[i]);
      o[i] = fold.to[c];
      bad |= fold.bad[c];
    }
    if (bad == 0) {
      w.folded.Seal();
      continue;
    }
    w.folded.clear();
    text::AppendFoldForMatch(v, &w.folded);
    w.folded.Seal();
  }
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
  std::fill(std::begin(filter_), std::end(filter_), 0);
  mask_ = cap - 1;
  chars_.clear();
  offs_.clear();
  lens_.clear();
  keys_.clear();
  for (std::string_view w : words) {
    offs_.push_back(static_cast<uint32_t>(chars_.size()));
    lens_.push_back(static_cast<uint32_t>(w.size()));
    chars_.append(w);
    KeyOf k;
    Key(w, &k.a, &k.b);
    k.len = lens_.back();
    k.off = offs_.back();
    keys_.push_back(k);
  }
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (Find(words[i]) != kNone) continue;  // a duplicate: the first one answers
    const uint64_t h = Mix(keys_[i].a, keys_[i].b, words[i].size());
    uint32_t s = static_cast<uint32_t>(h) & mask_;
    while (slots_[s].index != kNone) s = (s + 1) & mask_;
    slots_[s].tag = static_cast<uint32_t>(h >> 32);
    slots_[s].index = i;
    filter_[(h >> 61) & 7] |= uint64_t{1} << ((h >> 55) & 63);
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
  for (size_t k = 0; k < words.size(); ++k) (*out)[k] = Of(words[k].folded);
}

}  // namespace sitrep::extract
