// Internal to extract/. Who states what a sentence says: "X said", "according to X",
// "X reported that", "X told Y", "..., said X", "reports suggest", "he said" (resolved within
// its paragraph, see claims.h), the speaker of a quotation that runs over several sentences
// of a paragraph, and the lead-in line's claimant for the bullets of a list. The claimant is
// the head of the subject ("forces loyal to the regime of X claimed" -> "forces"); "said"
// never takes the clause after it as its speaker; "its claimed adversaries", "was said to"
// and "The United States" are no attributions.
//
// A claimant covered by a mention (source, person, actor) is resolved to it (following
// `refers_to` for descriptors and pronouns the lexicon already linked); otherwise the
// words are kept as text ("Russian news agencies", "a military source").
//
// `mentions` must be in text order (by span.start, as lexicon::FindMentions returns them):
// lookups binary-search them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "extract/claims.h"
#include "extract/events.h"
#include "extract/words.h"
#include "lexicon/mentions.h"

namespace sitrep::extract {

// The claimant of every sentence of `doc` (an empty Party when none), given the folded
// words of each sentence (words[i] for doc.sentences[i]).
std::vector<Party> AttributeSentences(const Document& doc, const std::vector<std::vector<Word>>& words,
                                      const std::vector<lexicon::Mention>& mentions);

// Claimants that speak for a sentence's numbers but not for its events, given the shared
// `claimants` (AttributeSentences): a headline's "..., claims N killed" (the name that opens
// it), a transcript's speaker labels ("SPOKESMAN (Name): ..."), a "Source: X" line under a
// table of short lines. Returns `claimants` with those filled in, or an empty vector when
// there are none (the usual case: no copy).
std::vector<Party> ClaimantsForClaims(const Document& doc, const std::vector<std::vector<Word>>& words,
                                      const std::vector<lexicon::Mention>& mentions,
                                      const std::vector<Party>& claimants);

// The claimant the words of one clause name ("the ministry says 35 were killed"), with no
// pronoun resolution and no look at other sentences; empty when they name none. `words`
// may be any run of a sentence's words (a view; nothing is copied).
Party AttributeWords(const Document& doc, std::span<const Word> words,
                     const std::vector<lexicon::Mention>& mentions);

// The folded words of every sentence of `doc` and their claimants (AttributeSentences).
void PrepareSentences(const Document& doc, const std::vector<lexicon::Mention>& mentions,
                      std::vector<std::vector<Word>>* words, std::vector<Party>* claimants);

// FindClaims / FindEvents over prepared sentences (see claims.h, events.h).
std::vector<Claim> ClaimsFromWords(const Resources& res, const Document& doc,
                                   const std::vector<lexicon::Mention>& mentions,
                                   const std::vector<time::DocumentTimex>& timexes,
                                   const std::vector<std::vector<Word>>& words, const std::vector<Party>& claimants);
std::vector<Event> EventsFromWords(const Resources& res, const Document& doc,
                                   const std::vector<lexicon::Mention>& mentions,
                                   const std::vector<time::DocumentTimex>& timexes,
                                   const std::vector<std::vector<Word>>& words, const std::vector<Party>& claimants);

// A Party for the text in `span`, resolved to the mention that covers it best (source,
// person or actor first); `how` names the rule.
Party MakeParty(const Document& doc, Span span, const std::vector<lexicon::Mention>& mentions,
                std::string how);

}  // namespace sitrep::extract
