// Internal to fuse/ (the pipeline, cli and report call it). One story from many documents:
// the per-document records of the extract stage (sitrep/record.h) become
//
//   duplicates   near-duplicate documents (syndicated copies), counted once
//   stories      one event across documents, with every mention and the number of
//                documents and distinct outlets reporting it
//   doc_dates    dates for undated documents, borrowed from dated documents that report
//                the same stories, with the chain of evidence
//   date_flags   documents whose stated date the events they report contradict
//   timelines    per place, who held it from when to when; expected events apart
//   claim_groups numbers grouped by subject with each source's value and a combined
//                low / best / high
//   conflicts    contradictions: numbers, control claims, document dates
//   outlets      how each outlet names the parties and the kinds of event
//
//   fuse::Input in = ...;          // all documents, events, claims, mentions (any order)
//   fuse::Fusion f = fuse::Fuse(in);
//
// Determinism: the result depends only on the set of records, never on their order in
// `in` (Fuse sorts by id before anything else), so documents ingested in another order or
// in separate shards and merged give the same Fusion. Ids of fused items are derived from
// their content (hashes of sorted member ids), never from counters over input order.
//
// Never fails; empty input gives an empty Fusion. Pure: no store, no clock, no files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/record.h"

namespace sitrep::fuse {

// What fusion needs to know about a document besides its records.
struct DocInfo {
  std::string id;
  std::string outlet;   // may be empty (then the document counts as its own outlet)
  std::string title;
  std::string url;
  std::string source;
  DocumentDate date;    // the document's own date (time stage); may be unknown
  std::vector<uint32_t> minhash;  // MinHash() of its cleaned text; may be empty
};

struct Input {
  std::vector<DocInfo> docs;
  std::vector<EventRecord> events;
  std::vector<ClaimRecord> claims;
  std::vector<MentionRecord> mentions;
};

// ---- Near duplicates ---------------------------------------------------------------

constexpr int kMinHashSize = 64;
// The MinHash signature (kMinHashSize values) of the word 5-shingles of `text` (folded,
// punctuation dropped). Texts of fewer than 5 words hash their words. Deterministic
// across runs and machines.
std::vector<uint32_t> MinHash(std::string_view text);
// Estimated Jaccard similarity of two signatures (0 when either is empty).
double Similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

struct DuplicateGroup {
  std::string canonical;            // the document kept (earliest date, then smallest id)
  std::vector<std::string> copies;  // the others, sorted
  double similarity = 0;            // lowest pairwise estimate within the group
};

// ---- Evidence ----------------------------------------------------------------------

// One piece of evidence: a record (event or claim) or a whole document.
struct Evidence {
  std::string record;      // event or claim id; empty for a document
  std::string doc;
  std::string outlet;
  uint32_t sentence = 0;
  Span span;               // trigger or claim words
  std::string quote;       // the sentence
  std::string claimed_by;  // label of who states it; empty: the outlet
  std::string date;        // the record's date (or the document's)
  std::string value;       // what this item says, short: "more than 4,000 fighters",
                           // "held by Islamic State", "2016-03-27"
};

// ---- Stories -----------------------------------------------------------------------

struct Story {
  std::string id;                   // "s" + 16 hex digits of a hash of the sorted event ids
  std::string type;                 // ontology id
  std::string status;               // the strongest status of its mentions, in the order
                                    // asserted > reported > denied > attempted > planned >
                                    // conditional > negated > background
  EntityRef agent, target, place;   // the most often resolved values among its mentions
  std::string date;                 // ISO at date_precision; the finest agreeing date
  DatePrecision date_precision = DatePrecision::kNone;
  std::vector<std::string> events;  // the event ids merged, sorted
  uint32_t num_mentions = 0;        // events merged
  uint32_t num_documents = 0;       // distinct documents, near-duplicates counted once
  uint32_t num_sources = 0;         // distinct outlets
  std::vector<Evidence> evidence;   // one per event, sorted by date then document
};

// ---- Dates from the company a document keeps ---------------------------------------

struct DocDate {
  std::string doc;
  DocumentDate date;                // source kCrossDocument, evidence says why
  std::vector<Evidence> chain;      // the dated documents and stories it rests on
};

struct DateFlag {
  std::string doc;
  std::string stated;               // the document's own date
  std::string implied;              // what the events it reports imply
  std::string why;
  std::vector<Evidence> evidence;
};

// ---- Control timeline --------------------------------------------------------------

struct Period {
  EntityRef controller;             // id and name (label) of who held the place
  std::string from;                 // ISO; empty when unknown (held since before the record)
  DatePrecision from_precision = DatePrecision::kNone;
  std::string until;                // ISO; empty when still held at the last record
  DatePrecision until_precision = DatePrecision::kNone;
  std::string status;               // "asserted" or "disputed"
  bool implied = false;             // inferred ("recaptured" implies an earlier loss)
  std::vector<Evidence> evidence;
};

struct Expected {
  EntityRef controller;             // who was expected to take it
  std::string after;                // ISO date of the statement
  std::vector<Evidence> evidence;
};

struct Timeline {
  EntityRef place;                  // resolved place (id, name, country, lat, lon)
  std::vector<Period> periods;      // in time order
  std::vector<Expected> expected;   // planned / expected control changes, never facts
};

// ---- Claims table ------------------------------------------------------------------

struct ClaimValue {
  std::string claim;                // claim id
  std::string doc, outlet;
  std::string claimed_by;           // label; empty: the outlet's own statement
  double low = -1, high = -1;       // as in ClaimRecord (-1 open)
  std::string text;                 // the claim as written ("more than 4,000 fighters")
  Evidence evidence;
};

struct ClaimGroup {
  std::string id;                   // "g" + 16 hex of a hash of the sorted claim ids
  std::string subject;              // readable: "Islamic State fighters, Palmyra, 2016-12"
  std::string kind;                 // claim kind shared by the group
  EntityRef about;                  // the party counted, when known
  EntityRef place;
  std::string date;                 // the period the numbers are about (ISO, coarsest)
  std::string story;                // story id when the claims belong to one
  std::vector<ClaimValue> values;   // sorted by outlet then claim id
  double low = -1, best = -1, high = -1;  // combined, in the manner of UCDP's estimates
};

// ---- Contradictions ----------------------------------------------------------------

struct Conflict {
  std::string id;                   // "x" + 16 hex
  std::string kind;                 // "numeric", "control", "date"
  std::string subject;              // what it is about, readable
  std::vector<Evidence> items;      // the records that disagree, with source and outlet
  std::string summary;              // one sentence a reader understands
};

// ---- Outlet profiles ---------------------------------------------------------------

struct OutletTerm {
  std::string category;             // "party" or "event"
  std::string key;                  // the party's id or the event type
  std::string label;                // display name of the party or type
  std::string term;                 // the words as the outlet wrote them, folded to lower case
  uint32_t count = 0;
};

struct OutletProfile {
  std::string outlet;
  uint32_t documents = 0;
  std::vector<OutletTerm> terms;    // sorted by category, key, count descending, term
};

// ---- All of it ---------------------------------------------------------------------

struct Fusion {
  std::vector<DuplicateGroup> duplicates;
  std::vector<Story> stories;           // sorted by date (undated last), then id
  std::vector<DocDate> doc_dates;
  std::vector<DateFlag> date_flags;
  std::vector<Timeline> timelines;      // sorted by place name
  std::vector<ClaimGroup> claim_groups;
  std::vector<Conflict> conflicts;
  std::vector<OutletProfile> outlets;   // sorted by outlet
};

Fusion Fuse(const Input& in);

}  // namespace sitrep::fuse
