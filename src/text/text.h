// Internal to text/. The text layer: page furniture, paragraphs, sentences, tokens.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::text {

// Fills doc.lines (every non-blank line, with kind and reason; hints set by ingest are
// weighed, not obeyed blindly), doc.paragraphs, doc.sentences and doc.tokens from
// doc.text, replacing whatever they held. Sets doc.title from the headline line when it
// is empty. Never changes doc.text. Fails only on a document whose text is not valid
// UTF-8 (ingest guarantees it is).
Status Annotate(Document& doc);

}  // namespace sitrep::text
