// SettleStore (settle.h). Only the steps of fusion that dating needs run here
// (FindDuplicates, BuildStories, DateDocuments over the input sorted by id, exactly as
// Fuse runs them), so the dates are the ones Fuse would give without computing claims,
// conflicts and outlets for every round.
//
// Before a borrowed date is applied, time::CollectDateCandidates checks it against what
// the document's body states (as it checks every candidate); a refuted one is skipped.
//
// Idempotence: a document already dated cross-document to the same value and precision
// is not touched again, so a second Settle on an unchanged store dates nothing. A
// document with a date of its own (metadata, dateline, byline, or a body date to the day)
// is never changed; a body estimate coarser than a day is refined (only to a date inside it). The
// rejected candidates the time stage kept (DocumentDate::conflicts) stay.
#include "pipeline/settle.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "fuse/parts.h"
#include "time/dating.h"

namespace sitrep::pipeline {
namespace {

constexpr int kMaxRounds = 3;

Result<fuse::Input> LoadInput(Store& store) {
  fuse::Input in;
  auto docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  auto events = store.ListEvents(EventQuery{});
  if (!events.ok()) return events.status();
  auto claims = store.ListClaims(ClaimQuery{});
  if (!claims.ok()) return claims.status();
  auto mentions = store.ListMentions("");
  if (!mentions.ok()) return mentions.status();
  auto sigs = store.ListSignatures();
  if (!sigs.ok()) return sigs.status();
  std::unordered_map<std::string, std::vector<uint32_t>> by_id;
  for (auto& [id, sig] : *sigs) by_id[id] = std::move(sig);
  for (DocumentSummary& s : *docs) {
    fuse::DocInfo d;
    d.id = s.id;
    d.outlet = s.outlet;
    d.title = s.title;
    d.url = s.url;
    d.source = s.source;
    d.date = std::move(s.date);
    auto sig = by_id.find(d.id);
    if (sig != by_id.end()) d.minhash = std::move(sig->second);
    in.docs.push_back(std::move(d));
  }
  in.events = std::move(*events);
  in.claims = std::move(*claims);
  in.mentions = std::move(*mentions);
  auto by = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(in.docs.begin(), in.docs.end(), by);
  std::sort(in.events.begin(), in.events.end(), by);
  std::sort(in.claims.begin(), in.claims.end(), by);
  std::sort(in.mentions.begin(), in.mentions.end(), by);
  return in;
}

// A date of its own that fusion must not touch: anything but none, cross-document, or
// the time stage's estimate from the body at less than a day (fuse refines those only
// inside their range).
bool HasOwnDate(const DocumentDate& d) {
  if (d.value.empty() || d.source == DateSource::kNone || d.source == DateSource::kCrossDocument)
    return false;
  return !(d.source == DateSource::kBody && d.precision != DatePrecision::kDay);
}

// True when the time stage's checks reject `borrowed` as a date for `doc`.
bool Refuted(const Document& doc, const DocumentDate& borrowed) {
  const time::Tagger* tagger = time::DefaultTagger();
  if (tagger == nullptr || doc.sentences.empty()) return false;
  time::BodyEvidence ev = time::ReadBodyEvidence(doc, *tagger);
  time::DatingOptions opts;
  opts.tagger = tagger;
  time::CandidateDate c;
  c.value = borrowed.value;
  c.precision = borrowed.precision;
  c.source = DateSource::kCrossDocument;
  c.confidence = borrowed.confidence;
  c.evidence = borrowed.evidence;
  c.how = "cross-document";
  opts.extra.push_back(std::move(c));
  for (const time::CandidateDate& c : time::CollectDateCandidates(doc, ev, opts))
    if (c.source == DateSource::kCrossDocument && c.value == borrowed.value) return !c.rejected.empty();
  return false;
}

// Replaces the records of document `id` in `in` (sorted by id) by the store's, read back
// as the next round's LoadInput would read them, and its date by `date`.
Status Refresh(Store& store, const std::string& id, const DocumentDate& date, fuse::Input* in) {
  EventQuery eq;
  eq.document = id;
  auto events = store.ListEvents(eq);
  if (!events.ok()) return events.status();
  ClaimQuery cq;
  cq.document = id;
  auto claims = store.ListClaims(cq);
  if (!claims.ok()) return claims.status();
  auto mentions = store.ListMentions(id);
  if (!mentions.ok()) return mentions.status();
  auto replace = [&](auto& all, auto& fresh) {
    std::erase_if(all, [&](const auto& r) { return r.document == id; });
    auto by = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(fresh.begin(), fresh.end(), by);
    size_t mid = all.size();
    all.insert(all.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    std::inplace_merge(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(mid), all.end(), by);
  };
  replace(in->events, *events);
  replace(in->claims, *claims);
  replace(in->mentions, *mentions);
  for (fuse::DocInfo& d : in->docs)
    if (d.id == id) d.date = date;
  return Status();
}

}  // namespace

Result<uint64_t> SettleStore(Store& store, const ReprocessFn& reprocess) {
  // Documents dated, counted once each even when a later round refines a date again.
  std::unordered_set<std::string> dated;
  // The store is read once; later rounds see the documents re-dated in place (their
  // records read back from the store, so each round sees what a full reload would).
  // Duplicates depend only on the texts' signatures, which re-dating never changes.
  auto in = LoadInput(store);
  if (!in.ok()) return in.status();
  auto dups = fuse::FindDuplicates(*in);
  for (int round = 0; round < kMaxRounds; ++round) {
    auto stories = fuse::BuildStories(*in, dups);
    std::vector<fuse::DocDate> dates;
    std::vector<fuse::DateFlag> flags;
    fuse::DateDocuments(*in, stories, &dates, &flags);
    std::unordered_map<std::string, const fuse::DocInfo*> docs;
    for (const fuse::DocInfo& d : in->docs) docs.emplace(d.id, &d);

    uint64_t this_round = 0;
    std::vector<std::pair<std::string, DocumentDate>> refreshed;
    for (const fuse::DocDate& dd : dates) {
      auto info = docs.find(dd.doc);
      if (info == docs.end()) continue;
      const DocumentDate& old = info->second->date;
      if (HasOwnDate(old)) continue;
      if (old.source == DateSource::kCrossDocument && old.value == dd.date.value &&
          old.precision == dd.date.precision)
        continue;
      auto doc = store.GetDocument(dd.doc);
      if (!doc.ok()) return doc.status();
      // The time stage has the last word on what the body refutes (a date before a day
      // the body states as past): a refuted borrowing is not applied.
      if (Refuted(*doc, dd.date)) continue;
      DocumentDate date = dd.date;
      date.conflicts = doc->date.conflicts;
      if (old.source == DateSource::kBody) {
        // Refined: the body estimate stays on record (fuse bounds the next round by it).
        date.conflicts.push_back({old.value, old.source, old.evidence,
                                  "refined by other documents reporting the same events"});
      }
      doc->date = date;
      Status st = reprocess(*doc);
      if (!st.ok()) return st;
      doc->date = date;  // the reprocessing stages never change it; keep it certain
      SITREP_RETURN_IF_ERROR(store.Begin());
      Status wrote = store.UpdateDocumentDate(doc->id, date);
      if (wrote.ok()) wrote = store.PutRecords(*doc);
      Status committed = store.Commit();
      if (!wrote.ok()) return wrote;
      if (!committed.ok()) return committed;
      ++this_round;
      dated.insert(doc->id);
      refreshed.emplace_back(doc->id, date);
    }
    if (this_round == 0) break;
    // After the loop over `dates` (it points into in->docs): the next round's input.
    for (const auto& [id, date] : refreshed) SITREP_RETURN_IF_ERROR(Refresh(store, id, date, &*in));
  }
  return static_cast<uint64_t>(dated.size());
}

}  // namespace sitrep::pipeline
