// Internal to lexicon/. The slow obvious version of PieceBuffer::Split, for tests.
#pragma once

#include <cstdint>
#include <string_view>

#include "lexicon/fold.h"

namespace sitrep::lexicon {

// Appends the same pieces and keys as buf->Split(text, base), one code point at a time,
// without Split's ASCII fast path and with the transliteration rules applied one after
// another as written (NormalizeKeySlow); fold_test.cc checks the two agree.
void SplitSlow(PieceBuffer* buf, std::string_view text, uint32_t base);

}  // namespace sitrep::lexicon
