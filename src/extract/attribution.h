// Internal to extract/. Who states what a sentence says: "X said", "according to X",
// "X reported that", "X told Y", "..., said X", "he said" (the latest person before it),
// and the speaker of a quotation that runs over several sentences of a paragraph.
//
// A claimant covered by a mention (source, person, actor) is resolved to it (following
// `refers_to` for descriptors and pronouns the lexicon already linked); otherwise the
// words are kept as text ("Russian news agencies", "a military source").
#pragma once

#include <cstdint>
#include <vector>

#include "extract/claims.h"
#include "extract/words.h"
#include "lexicon/mentions.h"

namespace sitrep::extract {

// The claimant of every sentence of `doc` (an empty Party when none), given the folded
// words of each sentence (words[i] for doc.sentences[i]).
std::vector<Party> AttributeSentences(const Document& doc, const std::vector<std::vector<Word>>& words,
                                      const std::vector<lexicon::Mention>& mentions);

// A Party for the text in `span`, resolved to the mention that covers it best (source,
// person or actor first); `how` names the rule.
Party MakeParty(const Document& doc, Span span, const std::vector<lexicon::Mention>& mentions,
                std::string how);

}  // namespace sitrep::extract
