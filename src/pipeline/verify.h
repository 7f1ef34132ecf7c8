// Internal to pipeline/. The invariants of a Document after each stage, as checks.
//
// Each function returns ok or the first violation, described so a stage author can find
// it: "sentence 3 [120, 90): ends before it starts". They read only; they never fix.
// Cost is linear in the annotations plus one UTF-8 validation of the text.
#pragma once

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::pipeline {

// What ingest promises: a non-empty id, text that is valid UTF-8 with '\n' line ends
// (no '\r', no NUL), and any pre-filled lines well formed (see VerifyLines).
Status VerifyIngested(const Document& doc);

// Lines: inside the text, on code-point boundaries, non-empty, in order and
// non-overlapping, none containing '\n'; dropped lines carry a reason.
Status VerifyLines(const Document& doc);

// What text::Annotate promises: VerifyLines, and
//  - paragraphs: well-formed spans in order, non-overlapping, never kDropped, lines
//    [first_line, first_line + line_count) exist, are not dropped and lie inside it;
//  - sentences: well-formed non-empty spans in order, non-overlapping, each inside its
//    paragraph (whose index never decreases) and of its paragraph's kind;
//  - tokens: well-formed non-empty spans in order, non-overlapping, each inside a sentence.
Status VerifyText(const Document& doc);

// What the time stage promises: an empty value with precision none, or an ISO 8601
// value ("2016", "2016-12", "2016-12-11") whose form matches its precision and names a real
// calendar month or day; confidence in [0, 1].
Status VerifyDate(const DocumentDate& date);

// What the extract stage promises: every mention, event and claim has the id
// "<doc>:m<n>" / ":e<n>" / ":c<n>" with n its position in its list (so ids are unique),
// names the document, points at an existing sentence (mentions may say UINT32_MAX:
// outside any), and every span it carries (trigger, number, time expression, parties) is
// inside the text on code-point boundaries; a claim's event, when set, is an event id of
// the document; a mention's refers_to is -1 or another mention's index.
Status VerifyRecords(const Document& doc);

}  // namespace sitrep::pipeline
