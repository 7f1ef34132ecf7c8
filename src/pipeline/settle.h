// Internal to pipeline/. Pipeline::Settle: dating stored documents by the company they keep.
//
// SettleStore loads every stored document's summary, events, claims, mentions and MinHash
// signature, runs fuse::Fuse, and for each fuse::DocDate (a document with no date of its
// own, dated from dated documents that report the same stories):
//   1. GetDocument, set doc.date to the borrowed date (source kCrossDocument, evidence
//      naming the documents and stories of the chain, confidence from fuse),
//   2. `reprocess(doc)`: the runner's stages after the time stage (tokens again, then
//      extract), so that "on Sunday" and "last week" resolve against the new date,
//   3. UpdateDocumentDate and PutRecords, in one transaction.
// Then fuses again until no new document is dated (at most 3 rounds). Returns how many
// documents were dated. A document that already has a date of its own (metadata,
// dateline, byline, or the body to the day) is never changed; one the time stage could
// only estimate from its body to the month or year is refined inside that estimate (the
// estimate is kept among DocumentDate::conflicts). A second Settle on an unchanged store
// dates nothing.
#pragma once

#include <cstdint>
#include <functional>

#include "sitrep/document.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::pipeline {

using ReprocessFn = std::function<Status(Document& doc)>;

Result<uint64_t> SettleStore(Store& store, const ReprocessFn& reprocess);

}  // namespace sitrep::pipeline
