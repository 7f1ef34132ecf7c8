#include "extract/extract.h"

#include "extract/attribution.h"

namespace sitrep::extract {

Extraction Extract(const Resources& res, const Document& doc, const std::vector<lexicon::Mention>& mentions,
                   const std::vector<time::DocumentTimex>& timexes) {
  std::vector<std::vector<Word>> words;
  std::vector<Party> claimants;
  PrepareSentences(doc, mentions, &words, &claimants);
  Extraction x;
  x.claims = ClaimsFromWords(res, doc, mentions, timexes, words, claimants);
  x.events = EventsFromWords(res, doc, mentions, timexes, words, claimants);
  return x;
}

}  // namespace sitrep::extract
