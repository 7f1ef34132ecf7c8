// Internal to sitrep (text/ owns it; the pipeline calls it). The text layer: page
// furniture, paragraphs, sentences, tokens.
//
// What each part does and where its rules live:
//   furniture.h  lines and their kinds (body/headline/caption/dropped + reason); the
//                reasons the time stage reads (timestamp line, dateline, byline, clock)
//   segment.h    paragraphs (hard-wrap joining) and sentence boundaries
//   tokenize.h   tokens (words, numbers, punctuation, symbols) with byte spans
//   fold.h       FoldForMatch: case folding plus quote/dash/space unification
//   resources.h  the word lists in data/text/
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"
#include "text/resources.h"

namespace sitrep::text {

// Fills doc.lines (every non-blank line, with kind and reason; hints set by ingest are
// weighed, not obeyed blindly), doc.paragraphs, doc.sentences and doc.tokens from
// doc.text, replacing whatever they held. Sets doc.title from the headline line when it
// is empty. Never changes doc.text.
//
// Sentences come only from non-dropped lines and carry their paragraph's kind; a
// headline paragraph is one sentence. doc.tokens holds the tokens of every sentence, in
// order (a list marker stripped from a sentence has no token).
//
// Fails with BadInput when doc.text is not valid UTF-8 or is 4 GiB or larger (ingest
// guarantees neither happens), and with InvalidArgument when pre-filled doc.lines have
// spans out of range or out of order. On failure doc is left with empty annotations.
// Thread-safe for different documents sharing one `res`.
Status Annotate(const Resources& res, Document& doc);

// Annotate with DefaultResources() (data/text/ under SITREP_HOME or the source tree,
// loaded once per process). Also fails with NotFound when those files are missing.
Status Annotate(Document& doc);

}  // namespace sitrep::text
