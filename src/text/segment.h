// Internal to text/. Paragraphs from classified lines, sentences from paragraphs.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "text/furniture.h"
#include "text/resources.h"

namespace sitrep::text {

// Fills doc->paragraphs from doc->lines (already classified). Dropped lines form no
// paragraph. A kept line joins the previous kept line of the same kind, with no blank
// line between them, when the later one is not a list item and either it starts in lower
// case and the earlier one does not end with sentence punctuation or a colon, or the
// document is hard-wrapped (EstimateWrapWidth) and the earlier line is near the wrap
// width (60% of it, 90% if it ends a sentence). A list item continues only on a line
// that starts in lower case. With `lines_are_blocks` (lines pre-filled by HTML ingest)
// lines never join. Otherwise each line is a paragraph.
void BuildParagraphs(Document* doc, bool lines_are_blocks);

// Appends the sentences of paragraph `para` of `text` to `*out`, using the paragraph's
// tokens [begin, end) (those of its lines). A list marker at the start of the paragraph
// ("• ", "- ", "1. ") is left out of the first sentence. When `one_sentence` (headlines)
// the whole paragraph is one sentence. Spans are trimmed; none is empty. Boundaries:
//  - after ! ? and other final marks (with the quotes and brackets that close them),
//    unless the next word starts lower-case ('"Why?" he asked');
//  - after an ellipsis when the next word starts upper-case;
//  - after a full stop, unless: the next word starts lower-case; the word before is a
//    [title] abbreviation ("Gen."); it is a [number] abbreviation and a number follows
//    ("No. 5", "Dec. 10"); or it is an [ordinary] abbreviation, an initial ("W.") or a
//    dotted form ("U.S.", "p.m.") and the next word is not a sentence starter
//    (abbreviations.txt, sentence_starters.txt);
//  - between words glued by a full stop ("city.The"), when the first ends in a lower-case
//    letter and the second is capitalised;
//  - never at a dash, a colon, a semicolon or a comma: a dateline ("BEIRUT, March 27 -")
//    stays at the start of its sentence.
void SplitSentences(const Resources& res, std::string_view text, Span para, const Token* begin,
                    const Token* end, bool one_sentence, std::vector<Span>* out);

}  // namespace sitrep::text
