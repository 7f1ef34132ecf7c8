#include "extract/extract.h"

#include "extract/attribution.h"

namespace sitrep::extract {

Extraction Extract(const Resources& res, const Document& doc, const std::vector<lexicon::Mention>& mentions,
                   const std::vector<time::DocumentTimex>& timexes) {
  // The words of every sentence, per thread and reused from document to document: a sentence's
  // vector keeps its capacity, so a document allocates no word vectors after the first few.
  thread_local std::vector<std::vector<Word>> words;
  std::vector<Party> claimants;
  PrepareSentences(doc, mentions, &words, &claimants);
  Extraction x;
  x.claims = ClaimsFromWords(res, doc, mentions, timexes, words, claimants);
  x.events = EventsFromWords(res, doc, mentions, timexes, words, claimants);
  return x;
}

}  // namespace sitrep::extract
