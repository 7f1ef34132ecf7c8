// Internal to sitrep (extract/ owns it; the pipeline calls it). The extract stage in one
// call: claims and events of a document, sharing the per-sentence work (folded words,
// attribution) that FindClaims and FindEvents would each do alone.
//
//   auto res = extract::Resources::Default();          // once per process; check ok()
//   extract::Extraction x = extract::Extract(**res, doc, mentions, timexes);
//
// Input: doc after the text stage (sentences, tokens) and, when known, doc.date from the
// time stage; mentions from lexicon::FindMentions(doc, ...) and timexes from
// time::TagDocument(tagger, doc, ...), both of this document (either may be empty).
// Same results as FindClaims and FindEvents; never fails. Thread-safe for calls sharing
// one Resources. See claims.h and events.h for what is found, docs/ONTOLOGY.md for the types.
#pragma once

#include <vector>

#include "extract/claims.h"
#include "extract/events.h"
#include "extract/resources.h"

namespace sitrep::extract {

struct Extraction {
  std::vector<Claim> claims;
  std::vector<Event> events;
};

Extraction Extract(const Resources& res, const Document& doc, const std::vector<lexicon::Mention>& mentions,
                   const std::vector<time::DocumentTimex>& timexes);

}  // namespace sitrep::extract
