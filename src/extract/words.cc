#include "extract/words.h"

#include <algorithm>

#include "text/fold.h"
#include "text/tokenize.h"

namespace sitrep::extract {

namespace {

void FoldAll(const Document& doc, std::vector<Word>* out) {
  for (Word& w : *out) {
    w.folded.clear();
    text::AppendFoldForMatch(doc.view(w.span), &w.folded);
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

WordClasses::WordClasses(std::initializer_list<const WordSet*> sets) {
  std::vector<std::string_view> words;
  std::vector<uint64_t> masks;
  uint64_t bit = 1;
  for (const WordSet* set : sets) {
    const lexicon::WordTable& t = set->table();
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
  table_ = lexicon::WordTable(words);
  masks_ = std::move(masks);
}

void WordClasses::Classify(const std::vector<Word>& words, std::vector<uint64_t>* out) const {
  out->resize(words.size());
  for (size_t k = 0; k < words.size(); ++k) (*out)[k] = Of(words[k].folded);
}

bool MatchesAt(const std::vector<Word>& words, size_t at, const std::vector<std::string>& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (words[at + k].folded != phrase[k]) return false;
  }
  return true;
}

}  // namespace sitrep::extract
