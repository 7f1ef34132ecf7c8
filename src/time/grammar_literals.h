// Internal to time/. The words the grammar reads literally, for the parser's gates.
#pragma once

#include <cstdint>

namespace sitrep::time {

// Whether `word_hash` (WordHash of a lowercase word) is the hash of a lowercase word
// literal written in the grammar (grammar*.cc, parser.h): a word some rule may read
// without a lexicon entry ("closest", "ago", "of"). Words with a lexicon entry need not
// be listed. grammar_literals_test.cc checks the list against the sources.
bool IsGrammarLiteral(uint64_t word_hash);

}  // namespace sitrep::time
